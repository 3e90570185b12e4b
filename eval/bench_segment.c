/* make bench-segment: throughput of selaras_segment() and of ICU's plain sentence
 * iterator (ubrk over UTF-8 through utext_openUTF8, same language) over the same input
 * of at least 30 MB, single thread, best of 5 runs taken in turns; and the segmenter's
 * peak memory.
 * With SELARAS and ICU_SEGMENT, also whole processes on the same input written to a file:
 * `selaras segment` (text and JSONL output) against eval/icu_segment, wall time, CPU time
 * and peak resident set.
 * Usage: bench_segment [--process-only] DATA_DIR [SELARAS ICU_SEGMENT]
 *
 * The input for each language is the shared sets' document texts (PUD, ud-seg, and the
 * seed releases for Indonesian) joined by blank lines and repeated up to 32 MiB. */
#define _DEFAULT_SOURCE /* wait4 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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

/* ---- whole processes: the CLI against the ICU program, same file, same output ---- */

typedef struct proc_result {
    double wall, cpu; /* best wall-clock and CPU (user + system) seconds */
    double sys;       /* system seconds of the best run */
    long rss_kb;      /* largest peak resident set over the runs */
} proc_result;

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Run argv with standard output into the file out; write "wall cpu sys rss_kb" to fd.
 * This runs in a small process of its own (bench_segment --spawn): a child forked from
 * the benchmark, which holds the inputs, would inherit its peak resident set. */
static int spawn(char *const *argv, const char *out, int fd_result)
{
    unlink(out);
    double t0 = wall_now();
    pid_t pid = fork();
    if (pid < 0)
        return 2;
    if (pid == 0) {
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || dup2(fd, 1) < 0)
            _exit(126);
        close(fd);
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return 2;
    double wall = wall_now() - t0;
    double sys = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
    double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + sys;
    char line[128];
    int n = snprintf(line, sizeof line, "%.6f %.6f %.6f %ld\n", wall, cpu, sys, ru.ru_maxrss);
    return write(fd_result, line, (size_t)n) == n ? 0 : 2;
}

/* Run argv through `self --spawn`; keep the best times and the top RSS in r. */
static void run_process(const char *self, char *const *argv, const char *out, proc_result *r)
{
    int p[2];
    if (pipe(p) != 0)
        die("pipe failed");
    pid_t pid = fork();
    if (pid < 0)
        die("fork failed");
    if (pid == 0) {
        char fdnum[16];
        snprintf(fdnum, sizeof fdnum, "%d", p[1]);
        close(p[0]);
        char *args[16] = {(char *)self, "--spawn", fdnum, (char *)out};
        size_t k = 4;
        for (size_t i = 0; argv[i] != NULL && k < 15; i++)
            args[k++] = argv[i];
        args[k] = NULL;
        execv(self, args);
        _exit(127);
    }
    close(p[1]);
    char line[128] = {0};
    ssize_t got = read(p[0], line, sizeof line - 1);
    close(p[0]);
    int status;
    double wall, cpu, sys;
    long rss;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
        got <= 0 || sscanf(line, "%lf %lf %lf %ld", &wall, &cpu, &sys, &rss) != 4) {
        fprintf(stderr, "bench_segment: %s failed\n", argv[0]);
        exit(2);
    }
    if (wall < r->wall) {
        r->wall = wall;
        r->sys = sys;
    }
    if (cpu < r->cpu)
        r->cpu = cpu;
    if (rss > r->rss_kb)
        r->rss_kb = rss;
}

static void print_process(const char *what, const proc_result *r, double in_mb)
{
    printf("  %-22s %8.3f s %8.3f s %8.3f s %9.1f MB %6.2fx input\n", what, r->wall, r->cpu,
           r->sys, (double)r->rss_kb * 1024.0 / 1e6, (double)r->rss_kb * 1024.0 / 1e6 / in_mb);
}

/* selaras segment (text and jsonl) and icu_segment on the same file, runs alternating. */
static void bench_process(const char *self, const char *lang, const text *t, char *selaras,
                          char *icu)
{
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char dir[4096], in[4200], out[4200];
    snprintf(dir, sizeof dir, "%s/bench_segment.XXXXXX", tmp);
    if (mkdtemp(dir) == NULL)
        die("cannot make a temporary directory");
    snprintf(in, sizeof in, "%s/input.%s.txt", dir, lang);
    snprintf(out, sizeof out, "%s/output", dir);
    FILE *f = fopen(in, "wb");
    if (f == NULL || fwrite(t->data, 1, t->len, f) != t->len || fclose(f) != 0)
        die("cannot write the input file");
    char l[16];
    snprintf(l, sizeof l, "%s", lang);
    char *cmds[4][8] = {
        {selaras, "segment", "--lang", l, "--format", "text", in, NULL},
        {icu, l, "text", in, NULL},
        {selaras, "segment", "--lang", l, "--format", "jsonl", in, NULL},
        {icu, l, "jsonl", in, NULL},
    };
    proc_result r[4];
    for (int k = 0; k < 4; k++)
        r[k] = (proc_result){1e9, 1e9, 0, 0};
    for (int run = 0; run < RUNS; run++)
        for (int k = 0; k < 4; k++)
            run_process(self, cmds[k], out, &r[k]);
    unlink(out);
    unlink(in);
    rmdir(dir);
    double mb = (double)t->len / 1e6;
    printf("\n%s, whole process on a %.1f MB file (best of %d, runs alternating):\n", lang, mb,
           RUNS);
    printf("  %-22s %10s %10s %10s %12s\n", "", "wall", "user+sys", "sys", "peak RSS");
    print_process("selaras segment text", &r[0], mb);
    print_process("ICU program text", &r[1], mb);
    print_process("selaras segment jsonl", &r[2], mb);
    print_process("ICU program jsonl", &r[3], mb);
    printf("  speed-up over ICU, wall: text %.2fx, jsonl %.2fx; CPU: text %.2fx, jsonl %.2fx\n",
           r[1].wall / r[0].wall, r[3].wall / r[2].wall, r[1].cpu / r[0].cpu,
           r[3].cpu / r[2].cpu);
    printf("  peak RSS over the input: selaras text %.2fx, jsonl %.2fx; ICU %.2fx\n",
           (double)r[0].rss_kb * 1024.0 / (double)t->len,
           (double)r[2].rss_kb * 1024.0 / (double)t->len,
           (double)r[1].rss_kb * 1024.0 / (double)t->len);
}

int main(int argc, char **argv)
{
    if (argc >= 5 && strcmp(argv[1], "--spawn") == 0)
        return spawn(argv + 4, argv[3], atoi(argv[2]));
    const char *self = argv[0];
    int process_only = argc == 5 && strcmp(argv[1], "--process-only") == 0;
    if (process_only) {
        argv++;
        argc--;
    }
    if (argc != 2 && argc != 4) {
        fprintf(stderr, "usage: bench_segment [--process-only] DATA_DIR [SELARAS ICU_SEGMENT]\n");
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
    if (!process_only) {
        bench_docs("id", &id);
        bench("id", &id);
        bench_docs("en", &en);
        bench("en", &en);
    }
    if (argc == 4) {
        bench_process(self, "id", &id, argv[2], argv[3]);
        bench_process(self, "en", &en, argv[2], argv[3]);
    }
    printf("\nwhole process: the CLI and eval/icu_segment (one read, a 1 MiB output buffer, JSON\n"
           "escaped in runs) on the same file, standard output into a file; best wall and CPU\n"
           "(user + system) time of the runs, and the largest peak resident set (MB = 10^6 B).\n");
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
