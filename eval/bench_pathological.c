/* make bench-pathological: hostile inputs through every stage that exists, each timed and
 * its peak memory measured (bytes held through the library's allocator at once), against
 * a stated bound; the run fails when any bound is exceeded or a stage gives a result other
 * than the one expected. The inputs are generated here; no data files are read.
 *
 * Bounds are linear: time <= base + per-MB slope, memory <= base + factor x input size.
 * They are several times what this code measures on a 2-core machine, so that only a
 * superlinear blow-up or a real regression, not scheduler noise, trips them. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "selaras.h"

/* ---- an allocator that tracks the bytes held and their peak ---- */

typedef struct meter {
    size_t held;
    size_t peak;
} meter;

typedef union header {
    size_t size;
    max_align_t align;
} header;

static void *meter_malloc(size_t size, void *user)
{
    meter *m = user;
    header *h = malloc(sizeof *h + size);
    if (h == NULL)
        return NULL;
    h->size = size;
    m->held += size;
    if (m->held > m->peak)
        m->peak = m->held;
    return h + 1;
}

static void meter_free(void *ptr, void *user)
{
    meter *m = user;
    if (ptr == NULL)
        return;
    header *h = (header *)ptr - 1;
    m->held -= h->size;
    free(h);
}

static void *meter_realloc(void *ptr, size_t size, void *user)
{
    meter *m = user;
    if (ptr == NULL)
        return meter_malloc(size, user);
    header *h = (header *)ptr - 1;
    size_t old = h->size;
    header *g = realloc(h, sizeof *g + size);
    if (g == NULL)
        return NULL;
    g->size = size;
    m->held = m->held - old + size;
    if (m->held > m->peak)
        m->peak = m->held;
    return g + 1;
}

/* ---- inputs ---- */

typedef struct input {
    char *bytes;
    size_t len;
} input;

static int put(input *in, size_t cap, const char *s, size_t n)
{
    if (in->len + n > cap)
        return -1;
    memcpy(in->bytes + in->len, s, n);
    in->len += n;
    return 0;
}

/* Repeat the pieces in turn until cap bytes would be exceeded. */
static input repeat(size_t cap, const char *const *pieces, size_t npieces)
{
    input in = {malloc(cap), 0};
    if (in.bytes == NULL)
        return in;
    for (size_t i = 0;; i++) {
        const char *p = pieces[i % npieces];
        if (put(&in, cap, p, strlen(p)) != 0)
            break;
    }
    return in;
}

#define MB ((size_t)1 << 20)

static input gen_no_punctuation(void)
{
    static const char *const words[] = {"kementerian ", "keuangan ", "menggelar ",
                                        "pelatihan ", "bagi ", "pegawai ", "di ", "jakarta "};
    return repeat(10 * MB, words, 8);
}

static input gen_short_lines(void)
{
    static const char *const line[] = {"a\n"};
    return repeat(2 * 1000000, line, 1);
}

static input gen_periods(void)
{
    input in = {malloc(100000 + 64), 0};
    if (in.bytes == NULL)
        return in;
    put(&in, 100064, "Lihat", 5);
    memset(in.bytes + in.len, '.', 100000);
    in.len += 100000;
    put(&in, 100064, " selesai.\n", 10);
    return in;
}

static input gen_nested_quotes(void)
{
    /* 50,000 levels of “ ‘ « ( " opening, a sentence, then all of them closed. */
    static const char *const open[] = {"\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "(", "\""};
    static const char *const close[] = {"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", ")", "\""};
    const size_t depth = 50000, cap = depth * 6 + 64;
    input in = {malloc(cap), 0};
    if (in.bytes == NULL)
        return in;
    for (size_t i = 0; i < depth; i++)
        put(&in, cap, open[i % 5], strlen(open[i % 5]));
    put(&in, cap, "Kata dia. Lalu pergi.", 21);
    for (size_t i = depth; i-- > 0;)
        put(&in, cap, close[i % 5], strlen(close[i % 5]));
    return in;
}

static input gen_mixed_scripts(void)
{
    static const char *const words[] = {
        "Jakarta ", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 ",
        "\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA. ", "\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82",
        "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80\xE0\xA5\xA4 ",
        "\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x94\xE0\xB8\xB5 ",
        "\xF0\x9F\x98\x80 ", "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1; ",
        "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F! ", "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4\n"};
    return repeat(10 * MB, words, 10);
}

static input gen_bidi_zero_width(void)
{
    static const char *const pieces[] = {
        "\xE2\x80\xAE", "evil ", "\xE2\x80\xAC", "\xE2\x80\x8B", "kata", "\xE2\x80\x8D",
        "\xE2\x80\x8C", "\xE2\x81\xA6", "isolat", "\xE2\x81\xA9", "\xEF\xBB\xBF", ". ",
        "\xE2\x80\x8F", "\xE2\x80\x8E", "\xE2\x80\xAD", "x", "\xE2\x80\xAA", "\xE2\x81\xA7"};
    return repeat(5 * MB, pieces, 18);
}

static input gen_surrogates(void)
{
    /* Surrogate pairs encoded as two 3-byte sequences (CESU-8 style): ill-formed UTF-8. */
    static const char *const pieces[] = {"\xED\xA0\xBD\xED\xB8\x80", " kata "};
    return repeat(3 * MB, pieces, 2);
}

static input gen_combining_pile(void)
{
    input in = {malloc(2 * MB + 2), 0};
    if (in.bytes == NULL)
        return in;
    in.bytes[in.len++] = 'a';
    while (in.len + 2 <= 2 * MB)
        put(&in, 2 * MB + 2, "\xCC\x81", 2);
    return in;
}

/* ---- stages ---- */

typedef struct stage_result {
    selaras_status status;
    size_t count;  /* segments, replacements… as the stage reports */
} stage_result;

typedef struct bound {
    double base_ms, ms_per_mb;     /* time */
    double base_mb, mem_factor;    /* memory: base MB + factor x input */
} bound;

typedef struct scase {
    const char *name;
    input (*gen)(void);
    unsigned flags;                /* for intake */
    selaras_status intake_status;  /* expected */
} scase;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int failures;

/* units: what the bound is linear in (input MB, or millions of segments for the aligner). */
static void report_units(const char *cname, const char *stage, size_t in_len, double units,
                         double ms, size_t peak, const bound *b, const char *result, int ok)
{
    double in_mb = (double)in_len / (double)MB;
    double ms_bound = b->base_ms + b->ms_per_mb * units;
    double mem_bound = b->base_mb + b->mem_factor * units;
    double peak_mb = (double)peak / (double)MB;
    int within = ms <= ms_bound && peak_mb <= mem_bound;
    if (!within || !ok)
        failures++;
    printf("%-22s %-8s %8.2f %9.1f %9.0f %9.1f %9.1f  %-5s %s\n", cname, stage, in_mb, ms,
           ms_bound, peak_mb, mem_bound, within && ok ? "ok" : "FAIL", result);
}

static void report(const char *cname, const char *stage, size_t in_len, double ms, size_t peak,
                   const bound *b, const char *result, int ok)
{
    report_units(cname, stage, in_len, (double)in_len / (double)MB, ms, peak, b, result, ok);
}

int main(void)
{
    static const scase cases[] = {
        {"10MB-no-punctuation", gen_no_punctuation, 0, SELARAS_OK},
        {"1M-one-char-lines", gen_short_lines, 0, SELARAS_OK},
        {"100k-periods", gen_periods, 0, SELARAS_OK},
        {"nested-quotes-50k", gen_nested_quotes, 0, SELARAS_OK},
        {"mixed-scripts-10MB", gen_mixed_scripts, 0, SELARAS_OK},
        {"bidi-zero-width-5MB", gen_bidi_zero_width, 0, SELARAS_OK},
        {"surrogates-strict", gen_surrogates, 0, SELARAS_ERR_ENCODING},
        {"surrogates-replaced", gen_surrogates, SELARAS_DOC_REPLACE_INVALID, SELARAS_OK},
        {"combining-pile-2MB", gen_combining_pile, 0, SELARAS_OK},
    };
    /* Intake: 5-70 ms/MB measured. Memory: the text (up to 3 bytes per input byte, for
     * U+FFFD) and the offset map, whose worst case is one 24-byte run per input byte
     * (every byte ill-formed), both grown by doubling. */
    static const bound intake_bound = {50, 500, 1, 40};
    /* Lines: 160 ms/MB measured on one-character lines. Memory: one 48-byte item per line
     * (at worst one line per input byte, an empty line), doubled, plus the texts. */
    static const bound lines_bound = {50, 1000, 1, 100};
    /* Segmenter: like lines, plus its rule tables (about 1 MB); the document is held too. */
    static const bound segment_bound = {100, 1000, 4, 100};
    /* Aligner: the document segmented as Indonesian against itself segmented as English
     * (a diagonal path). Linear in the segments and the bytes: 100-160 us and about 400
     * bytes (both lists and the DP band) per segment, and 140 ms per MB of one long
     * segment measured, so the bound has a term for each. Documents of more than ALIGN_MAX_SEGMENTS are left to
     * make bench-align (1M x 1M one-character lines took 101 s here). */
    static const bound align_bound = {200, 500000, 8, 1000};
    const size_t ALIGN_MAX_SEGMENTS = 300000;

    printf("Pathological inputs: time (ms) and peak memory held by the library (MB), each\n"
           "against its bound (linear in the input size); every stage that exists is run.\n"
           "Bounds: intake %.0f ms + %.0f ms/MB, %.0f MB + %.0fx input; "
           "lines %.0f ms + %.0f ms/MB, %.0f MB + %.0fx input;\n"
           "segment %.0f ms + %.0f ms/MB, %.0f MB + %.0fx input; "
           "align %.0f ms + 500 ms/MB + %.0f ms per million segments, "
           "%.0f MB + 40x input + %.0f MB per million segments.\n\n",
           intake_bound.base_ms, intake_bound.ms_per_mb, intake_bound.base_mb,
           intake_bound.mem_factor, lines_bound.base_ms, lines_bound.ms_per_mb,
           lines_bound.base_mb, lines_bound.mem_factor, segment_bound.base_ms,
           segment_bound.ms_per_mb, segment_bound.base_mb, segment_bound.mem_factor,
           align_bound.base_ms, align_bound.ms_per_mb, align_bound.base_mb,
           align_bound.mem_factor);
    printf("%-22s %-8s %8s %9s %9s %9s %9s  %-5s %s\n", "case", "stage", "in_MB", "ms",
           "ms_bound", "peak_MB", "mem_bound", "", "result");
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const scase *sc = &cases[c];
        input in = sc->gen();
        if (in.bytes == NULL) {
            fprintf(stderr, "bench-pathological: out of memory generating %s\n", sc->name);
            return EXIT_FAILURE;
        }
        meter m = {0, 0};
        selaras_allocator mem = {meter_malloc, meter_realloc, meter_free, &m};
        selaras_doc *doc = NULL;
        selaras_error err;
        char result[320];
        double t0 = now_ms();
        selaras_status st = selaras_doc_new(&doc, in.bytes, in.len, "id", sc->flags, &mem, &err);
        double ms = now_ms() - t0;
        if (st == SELARAS_OK)
            snprintf(result, sizeof result, "ok: %zu bytes, %zu replaced",
                     (size_t)selaras_doc_original_length(doc), selaras_doc_replacements(doc));
        else
            snprintf(result, sizeof result, "%s (%s)", selaras_strerror(st), err.message);
        report(sc->name, "intake", in.len, ms, m.peak, &intake_bound, result,
               st == sc->intake_status);
        if (st == SELARAS_OK) {
            m.peak = m.held;
            selaras_segments *segs = NULL;
            t0 = now_ms();
            st = selaras_segments_from_lines(&segs, doc, &err);
            ms = now_ms() - t0;
            if (st == SELARAS_OK)
                snprintf(result, sizeof result, "ok: %zu lines", selaras_segments_count(segs));
            else
                snprintf(result, sizeof result, "%s (%s)", selaras_strerror(st), err.message);
            report(sc->name, "lines", in.len, ms, m.peak, &lines_bound, result,
                   st == SELARAS_OK);
            selaras_segments_free(segs);

            /* The sentence segmenter, made inside the measured span. */
            m.peak = m.held;
            selaras_segmenter *seg = NULL;
            segs = NULL;
            t0 = now_ms();
            st = selaras_segmenter_new(&seg, "id", &mem, &err);
            if (st == SELARAS_OK)
                st = selaras_segment(seg, doc, &segs, &err);
            ms = now_ms() - t0;
            if (st == SELARAS_OK)
                snprintf(result, sizeof result, "ok: %zu segments", selaras_segments_count(segs));
            else
                snprintf(result, sizeof result, "%s (%s)", selaras_strerror(st), err.message);
            report(sc->name, "segment", in.len, ms, m.peak, &segment_bound, result,
                   st == SELARAS_OK);
            selaras_segmenter_free(seg);

            /* The aligner: the same bytes as an English document, segmented, against the
             * Indonesian segments. */
            selaras_doc *en = NULL;
            selaras_segmenter *seg_en = NULL;
            selaras_segments *tgt = NULL;
            selaras_aligner *al = NULL;
            selaras_alignment *a = NULL;
            if (st == SELARAS_OK)
                st = selaras_doc_new(&en, in.bytes, in.len, "en", sc->flags, &mem, &err);
            if (st == SELARAS_OK)
                st = selaras_segmenter_new(&seg_en, "en", &mem, &err);
            if (st == SELARAS_OK)
                st = selaras_segment(seg_en, en, &tgt, &err);
            selaras_segmenter_free(seg_en);
            selaras_doc_free(en);
            m.peak = m.held;
            t0 = now_ms();
            size_t nseg = 0;
            if (st == SELARAS_OK) {
                nseg = selaras_segments_count(segs) > selaras_segments_count(tgt)
                           ? selaras_segments_count(segs) : selaras_segments_count(tgt);
            }
            if (st == SELARAS_OK && nseg > ALIGN_MAX_SEGMENTS) {
                printf("%-22s %-8s %8.2f  skipped: %zu segments, over %zu (see make bench-align)\n",
                       sc->name, "align", (double)in.len / (double)MB, nseg,
                       ALIGN_MAX_SEGMENTS);
            } else {
                if (st == SELARAS_OK)
                    st = selaras_aligner_new(&al, "id", "en", NULL, &mem, &err);
                if (st == SELARAS_OK)
                    st = selaras_align(al, segs, tgt, &a, &err);
                ms = now_ms() - t0;
                if (st == SELARAS_OK)
                    snprintf(result, sizeof result, "ok: %zu x %zu segments, %zu beads",
                             selaras_segments_count(segs), selaras_segments_count(tgt),
                             selaras_alignment_count(a));
                else
                    snprintf(result, sizeof result, "%s (%s)", selaras_strerror(st),
                             err.message);
                /* Plus a term in the bytes: tokens of long segments, and the lists. */
                double in_mb = (double)in.len / (double)MB;
                bound ab = {align_bound.base_ms + 500 * in_mb, align_bound.ms_per_mb,
                            align_bound.base_mb + 40 * in_mb, align_bound.mem_factor};
                report_units(sc->name, "align", in.len, (double)nseg / 1e6, ms, m.peak, &ab,
                             result, st == SELARAS_OK);
            }
            selaras_alignment_free(a);
            selaras_aligner_free(al);
            selaras_segments_free(tgt);
            selaras_segments_free(segs);
        }
        selaras_doc_free(doc);
        if (m.held != 0) {
            printf("%-22s leaks %zu bytes\n", sc->name, m.held);
            failures++;
        }
        free(in.bytes);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("\nprocess peak RSS: %.1f MB; %d case(s) outside their bounds or with a wrong result\n",
           ru.ru_maxrss / 1024.0, failures);
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
