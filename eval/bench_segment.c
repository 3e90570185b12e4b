/* make bench-segment: throughput of selaras_segment() and of ICU's plain sentence
 * iterator (ubrk over UTF-8 through utext_openUTF8, same language) over the same input
 * of at least 30 MB, single thread, best of 5 runs taken in turns; and the segmenter's
 * peak memory.
 * Usage: bench_segment DATA_DIR
 *
 * The input for each language is the shared sets' document texts (PUD, ud-seg, and the
 * seed releases for Indonesian) joined by blank lines and repeated up to 32 MiB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "json.h"
#include "selaras.h"

#define TARGET ((size_t)32 << 20)

/* Timed runs of each segmenter; each keeps its best. */
#define RUNS 5

typedef struct text {
    char *data;
    size_t len, cap;
    size_t *starts;   /* document starts (each document ends where the next starts) */
    size_t ndocs, docs_cap;
} text;

static void die(const char *what)
{
    fprintf(stderr, "bench_segment: %s\n", what);
    exit(2);
}

static void append(text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        while (t->len + n + 1 > t->cap)
            t->cap = t->cap ? t->cap * 2 : 1 << 20;
        t->data = realloc(t->data, t->cap);
        if (t->data == NULL)
            die("out of memory");
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

static void mark_doc(text *t)
{
    if (t->ndocs == t->docs_cap) {
        t->docs_cap = t->docs_cap ? t->docs_cap * 2 : 1024;
        t->starts = realloc(t->starts, t->docs_cap * sizeof *t->starts);
        if (t->starts == NULL)
            die("out of memory");
    }
    t->starts[t->ndocs++] = t->len;
}

static int add_doc(const json *v, void *user)
{
    const char *s = json_get_string(v, "text");
    if (s != NULL) {
        mark_doc(user);
        append(user, s, strlen(s));
        append(user, "\n\n", 2);
    }
    return 0;
}

static void add_jsonl(text *t, const char *dir, const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (jsonl_each(path, add_doc, t) != 0)
        die("cannot read a JSON Lines set");
}

static void add_file(text *t, const char *dir, const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    size_t n;
    char *s = json_read_file(path, &n);
    if (s == NULL)
        die("cannot read a seed release");
    mark_doc(t);
    append(t, s, n);
    append(t, "\n\n", 2);
    free(s);
}

static void repeat_to(text *t, size_t target)
{
    size_t unit = t->len;
    if (t->cap < target + unit + 1) {
        t->cap = target + unit + 1;
        t->data = realloc(t->data, t->cap);
        if (t->data == NULL)
            die("out of memory");
    }
    size_t unit_docs = t->ndocs;
    while (t->len < target) {
        for (size_t d = 0; d < unit_docs && t->len < target; d++) {
            size_t a = t->starts[d], b = d + 1 < unit_docs ? t->starts[d + 1] : unit;
            mark_doc(t);
            append(t, t->data + a, b - a);
        }
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* An allocator that tracks live and peak bytes. */
typedef struct meter {
    size_t live, peak;
} meter;

static void *m_malloc(size_t size, void *user)
{
    meter *m = user;
    size_t *p = malloc(size + sizeof(size_t));
    if (p == NULL)
        return NULL;
    *p = size;
    m->live += size;
    if (m->live > m->peak)
        m->peak = m->live;
    return p + 1;
}

static void m_free(void *ptr, void *user)
{
    meter *m = user;
    if (ptr == NULL)
        return;
    size_t *p = (size_t *)ptr - 1;
    m->live -= *p;
    free(p);
}

static void *m_realloc(void *ptr, size_t size, void *user)
{
    meter *m = user;
    if (ptr == NULL)
        return m_malloc(size, user);
    size_t *p = (size_t *)ptr - 1, old = *p;
    size_t *q = realloc(p, size + sizeof(size_t));
    if (q == NULL)
        return NULL;
    *q = size;
    m->live = m->live - old + size;
    if (m->live > m->peak)
        m->peak = m->live;
    return q + 1;
}

/* One timed pass of selaras over the documents (default allocator, as a caller would
 * use it); returns the thread CPU seconds and the segment count. */
static double time_selaras_docs(selaras_segmenter *seg, selaras_doc **docs, size_t ndocs,
                                size_t *count)
{
    selaras_error err;
    size_t n = 0;
    double t0 = now();
    for (size_t d = 0; d < ndocs; d++) {
        selaras_segments *segs;
        if (selaras_segment(seg, docs[d], &segs, &err) != SELARAS_OK)
            die(err.message);
        n += selaras_segments_count(segs);
        selaras_segments_free(segs);
    }
    *count = n;
    return now() - t0;
}

/* One timed pass of ICU's sentence iterator over the same documents: the same bytes
 * that selaras reads, where it reads them (each document's own text). */
static double time_icu_docs(UBreakIterator *bi, selaras_doc **docs, size_t ndocs,
                            size_t *count)
{
    UErrorCode uc = U_ZERO_ERROR;
    UText *ut = NULL;
    size_t n = 0;
    double t0 = now();
    for (size_t d = 0; d < ndocs; d++) {
        size_t len;
        const char *bytes = selaras_doc_text(docs[d], &len);
        ut = utext_openUTF8(ut, bytes, (int64_t)len, &uc);
        ubrk_setUText(bi, ut, &uc);
        if (U_FAILURE(uc))
            die("ICU could not take the text");
        for (int32_t k = ubrk_next(bi); k != UBRK_DONE; k = ubrk_next(bi))
            n++;
    }
    double dt = now() - t0;
    utext_close(ut);
    *count = n;
    return dt;
}

/* The largest number of bytes one selaras_segment() call held over the documents,
 * measured in a separate, untimed pass with a metering allocator. */
static size_t peak_docs(const char *lang, selaras_doc **docs, size_t ndocs)
{
    selaras_error err;
    meter m = {0, 0};
    selaras_allocator mem = {m_malloc, m_realloc, m_free, &m};
    selaras_segmenter *seg;
    if (selaras_segmenter_new(&seg, lang, &mem, &err) != SELARAS_OK)
        die(err.message);
    size_t base = m.live, peak = 0;
    for (size_t d = 0; d < ndocs; d++) {
        selaras_segments *segs;
        m.peak = m.live;
        if (selaras_segment(seg, docs[d], &segs, &err) != SELARAS_OK)
            die(err.message);
        if (m.peak - base > peak)
            peak = m.peak - base;
        selaras_segments_free(segs);
    }
    selaras_segmenter_free(seg);
    return peak;
}

/* Segment each document of t on its own, as a caller would a stream of releases. The
 * runs of selaras and of ICU alternate, so that a change of load on the machine falls on
 * both; each keeps its best run. */
static void bench_docs(const char *lang, const text *t)
{
    selaras_error err;
    selaras_doc **docs = calloc(t->ndocs, sizeof *docs);
    if (docs == NULL)
        die("out of memory");
    for (size_t d = 0; d < t->ndocs; d++) {
        size_t a = t->starts[d], b = d + 1 < t->ndocs ? t->starts[d + 1] : t->len;
        if (selaras_doc_new(&docs[d], t->data + a, b - a, lang, 0, NULL, &err) != SELARAS_OK)
            die(err.message);
    }
    selaras_segmenter *seg;
    if (selaras_segmenter_new(&seg, lang, NULL, &err) != SELARAS_OK)
        die(err.message);
    UErrorCode uc = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, lang, NULL, 0, &uc);
    if (U_FAILURE(uc))
        die("ubrk_open failed");
    double best = 1e9, ibest = 1e9;
    size_t count = 0, icount = 0;
    for (int run = 0; run < RUNS; run++) {
        double dt = time_selaras_docs(seg, docs, t->ndocs, &count);
        if (dt < best)
            best = dt;
        dt = time_icu_docs(bi, docs, t->ndocs, &icount);
        if (dt < ibest)
            ibest = dt;
    }
    ubrk_close(bi);
    selaras_segmenter_free(seg);
    size_t peak = peak_docs(lang, docs, t->ndocs);
    for (size_t d = 0; d < t->ndocs; d++)
        selaras_doc_free(docs[d]);
    free(docs);
    double mb = (double)t->len / 1e6;
    printf("%-4s %-9s %7.1f %6zu | %8.1f %8zu | %8.1f %8zu | %5.2fx | %7.3f %6s\n", lang,
           "per-doc", mb, t->ndocs, mb / best, count, mb / ibest, icount, ibest / best,
           (double)peak / 1e6, "-");
}

/* Segment all of t as one document; runs alternate as in bench_docs(). */
static void bench(const char *lang, const text *t)
{
    selaras_error err;
    selaras_doc *doc;
    double mb = (double)t->len / 1e6;
    if (selaras_doc_new(&doc, t->data, t->len, lang, 0, NULL, &err) != SELARAS_OK)
        die(err.message);

    meter m = {0, 0};
    selaras_allocator mem = {m_malloc, m_realloc, m_free, &m};
    selaras_segmenter *seg;
    if (selaras_segmenter_new(&seg, lang, &mem, &err) != SELARAS_OK)
        die(err.message);
    UErrorCode uc = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, lang, NULL, 0, &uc);
    if (U_FAILURE(uc))
        die("ubrk_open failed");
    size_t base = m.live;
    double best = 1e9, ibest = 1e9;
    size_t count = 0, icount = 0, peak = 0, list_bytes = 0;
    for (int run = 0; run < RUNS; run++) {
        selaras_segments *segs;
        m.peak = m.live;
        double t0 = now();
        if (selaras_segment(seg, doc, &segs, &err) != SELARAS_OK)
            die(err.message);
        double dt = now() - t0;
        if (dt < best)
            best = dt;
        count = selaras_segments_count(segs);
        peak = m.peak - base;
        list_bytes = m.live - base;
        selaras_segments_free(segs);

        t0 = now();
        UText *ut = utext_openUTF8(NULL, t->data, (int64_t)t->len, &uc);
        ubrk_setUText(bi, ut, &uc);
        if (U_FAILURE(uc))
            die("ICU could not take the text");
        size_t n = 0;
        for (int32_t b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi))
            n++;
        dt = now() - t0;
        utext_close(ut);
        if (dt < ibest)
            ibest = dt;
        icount = n;
    }
    ubrk_close(bi);
    selaras_segmenter_free(seg);
    selaras_doc_free(doc);

    printf("%-4s %-9s %7.1f %6d | %8.1f %8zu | %8.1f %8zu | %5.2fx | %7.3f %6.1f\n", lang,
           "one-doc", mb, 1, mb / best, count, mb / ibest, icount, ibest / best,
           (double)peak / 1e6, (double)list_bytes / (double)(count ? count : 1));
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_segment DATA_DIR\n");
        return 2;
    }
    const char *dir = argv[1];
    text id = {0}, en = {0};
    add_jsonl(&id, dir, "pud/id.docs.jsonl");
    add_jsonl(&id, dir, "ud-seg/id_csui.jsonl");
    add_jsonl(&id, dir, "ud-seg/id_gsd.jsonl");
    add_file(&id, dir, "seeds/002_5557c6c87418a558.txt");
    add_file(&id, dir, "seeds/003_28dc664cb5b4e7ae.txt");
    add_file(&id, dir, "seeds/004_2cb1be67fc405aa3.txt");
    add_jsonl(&en, dir, "pud/en.docs.jsonl");
    add_jsonl(&en, dir, "ud-seg/en_ewt.jsonl");
    repeat_to(&id, TARGET);
    repeat_to(&en, TARGET);
    printf("Sentence segmentation speed, single thread, best of %d, thread CPU time (ICU %s)\n\n", RUNS,
           U_ICU_VERSION);
    printf("%-4s %-9s %7s %6s | %-17s | %-17s | %-6s | %s\n", "lang", "mode", "MB", "docs",
           "selaras MB/s segs", "ICU MB/s    segs", "ratio", "peak MB  B/seg");
    bench_docs("id", &id);
    bench("id", &id);
    bench_docs("en", &en);
    bench("en", &en);
    printf("\nper-doc: each document segmented on its own (documents made beforehand, lists\n"
           "freed after each call, default allocator), ICU reset to each document's text;\n"
           "one-doc: the whole input as one document. Runs of selaras and ICU alternate.\n"
           "ratio: selaras speed over ICU speed. peak (measured apart): most bytes the\n"
           "segmenter held during one call, segment list included (per-doc: the largest call);\n"
           "B/seg: bytes the finished list keeps per segment, its texts included (one-doc).\n"
           "Times are the thread's CPU time, so that other load on the machine does not count.\n");
    free(id.data);
    free(en.data);
    free(id.starts);
    free(en.starts);
    return 0;
}
