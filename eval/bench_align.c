/* make bench-align: time and peak memory of selaras_align() at 1k, 10k and 100k sentences
 * a side, against the length-only Gale–Church baseline (same DP, no lexical evidence) run
 * in the same program. The documents are id-en pairs repeated to size, with 10% of the
 * Indonesian units dropped and 10% of English neighbours joined (fixed seed), so the path
 * leaves the diagonal; that path is known, and the F1 of the beads against it is printed.
 * Two pools of pairs: the 1,000 PUD sentence pairs alone (the text repeats every 1,000
 * pairs, a worst case for a coarse-to-fine search, whose coarse blocks then all look
 * alike), and the PUD pairs followed by the 18,460 paragraph pairs of paragraphs/ (a
 * period of 19,460 pairs, closer to an archive of different releases). Each run is a child process, so its peak resident memory is its
 * own; the resident memory is also read before the documents are made, before the lexicon
 * is loaded and before selaras_align(), for a breakdown of the peak.
 *
 * usage: bench_align DATA_DIR
 * Environment, for profiling: BENCH_ALIGN_ONE=N runs selaras (or, with BENCH_ALIGN_BASE,
 * the baseline) once at N pairs in this process and prints the raw figures. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "json.h"
#include "selaras.h"

typedef struct str_list {
    char **v;
    size_t n, cap;
} str_list;

static int collect(const json *doc, void *user)
{
    str_list *l = user;
    const json *s = json_get(doc, "sentences");
    if (s == NULL || s->type != JSON_ARRAY)
        return -1;
    for (size_t i = 0; i < s->len; i++) {
        if (l->n == l->cap)
            l->v = realloc(l->v, (l->cap = l->cap ? l->cap * 2 : 256) * sizeof *l->v);
        l->v[l->n++] = strdup(s->items[i]->string);
    }
    return 0;
}

static void push(str_list *l, const char *text, size_t len)
{
    if (l->n == l->cap)
        l->v = realloc(l->v, (l->cap = l->cap ? l->cap * 2 : 256) * sizeof *l->v);
    l->v[l->n++] = strndup(text, len);
}

/* The paragraph pairs of a paragraphs/ file: a header line, then lines whose last two
 * tab-separated fields are the Indonesian and the English paragraph. */
static int collect_tsv(const char *path, str_list *id, str_list *en)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int header = 1;
    while ((len = getline(&line, &cap, f)) > 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        char *tab2 = strrchr(line, '\t');
        if (header || tab2 == NULL || tab2 == line) {
            header = 0;
            continue;
        }
        *tab2 = '\0';
        char *tab1 = strrchr(line, '\t');
        const char *a = tab1 ? tab1 + 1 : line, *b = tab2 + 1;
        if (*a == '\0' || *b == '\0')
            continue;
        push(id, a, strlen(a));
        push(en, b, strlen(b));
    }
    free(line);
    fclose(f);
    return 0;
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f != NULL) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static void fail(const char *what, const selaras_error *err)
{
    fprintf(stderr, "bench_align: %s: %s\n", what, err->message);
    exit(2);
}

/* Exact (strict) F1 of the beads of a against the gold path: kind[k] of every generated
 * pair k says whether its source sentence was dropped (1) and whether its target joins the
 * next pair's (2); each pair, or joined couple of pairs, is one gold bead. */
static double gold_f1(const selaras_alignment *a, const unsigned char *kind, size_t n)
{
    size_t gs = 0, gt = 0, k = 0, b = 0, nb = selaras_alignment_count(a), right = 0, ngold = 0;
    while (k < n) {
        size_t sc = (kind[k] & 1) ? 0 : 1;
        if (kind[k] & 2) {
            sc++;
            k++;
        }
        k++;
        ngold++;
        /* output beads before this gold bead's start cannot equal it */
        while (b < nb && (selaras_alignment_src_first(a, b) < gs ||
                          (selaras_alignment_src_first(a, b) == gs &&
                           selaras_alignment_tgt_first(a, b) < gt)))
            b++;
        if (b < nb && selaras_alignment_src_first(a, b) == gs &&
            selaras_alignment_tgt_first(a, b) == gt && selaras_alignment_src_count(a, b) == sc &&
            selaras_alignment_tgt_count(a, b) == 1)
            right++;
        gs += sc;
        gt++;
    }
    double p = nb ? (double)right / (double)nb : 0, r = ngold ? (double)right / (double)ngold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static double mb(long kb)
{
    return (double)kb / 1024.0;
}

/* One measured run; writes its figures as one line to fd. */
static void run(const str_list *id, const str_list *en, size_t n, int baseline, int fd)
{
    long rss_start = rss_kb();
    selaras_error err;
    selaras_segments *s, *t;
    if (selaras_segments_new(&s, "id", NULL, &err) != SELARAS_OK ||
        selaras_segments_new(&t, "en", NULL, &err) != SELARAS_OK)
        fail("segments", &err);
    unsigned char *kind = calloc(n ? n : 1, 1);
    if (kind == NULL)
        exit(2);
    uint64_t seed = 7;
    for (size_t k = 0; k < n; k++) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        const char *a = id->v[k % id->n], *b = en->v[k % en->n];
        if (seed % 10 != 0) {
            if (selaras_segments_append(s, a, strlen(a), SELARAS_SEGMENT_SENTENCE, &err) !=
                SELARAS_OK)
                fail("segments", &err);
        } else {
            kind[k] |= 1;
        }
        if ((seed >> 8) % 10 == 0 && k + 1 < n) {
            kind[k] |= 2;
            const char *c = en->v[(k + 1) % en->n];
            size_t len = strlen(b) + strlen(c) + 2;
            char *j = malloc(len);
            snprintf(j, len, "%s %s", b, c);
            if (selaras_segments_append(t, j, strlen(j), SELARAS_SEGMENT_SENTENCE, &err) !=
                SELARAS_OK)
                fail("segments", &err);
            free(j);
            k++;
            const char *a2 = id->v[k % id->n];
            if (selaras_segments_append(s, a2, strlen(a2), SELARAS_SEGMENT_SENTENCE, &err) !=
                SELARAS_OK)
                fail("segments", &err);
        } else if (selaras_segments_append(t, b, strlen(b), SELARAS_SEGMENT_SENTENCE, &err) !=
                   SELARAS_OK) {
            fail("segments", &err);
        }
    }
    long rss_docs = rss_kb();
    selaras_lexicon *lex = NULL;
    if (!baseline) {
        if (selaras_lexicon_new(&lex, "id", "en", NULL, &err) != SELARAS_OK)
            fail("lexicon", &err);
        selaras_lexicon_load_default(lex, &err);
    }
    selaras_aligner *al;
    if (selaras_aligner_new(&al, "id", "en", lex, NULL, &err) != SELARAS_OK)
        fail("aligner", &err);
    if (baseline && selaras_aligner_set_evidence(al, 0, &err) != SELARAS_OK)
        fail("aligner", &err);
    long before = rss_kb();
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    selaras_alignment *a;
    if (selaras_align(al, s, t, &a, &err) != SELARAS_OK)
        fail("align", &err);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    char line[256];
    int len = snprintf(line, sizeof line, "%.3f %.3f %ld %ld %ld %ld %ld %zu %zu %.4f\n",
                       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
                       (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9,
                       rss_start, rss_docs - rss_start, before - rss_docs, ru.ru_maxrss - before,
                       ru.ru_maxrss, selaras_segments_count(s), selaras_segments_count(t),
                       gold_f1(a, kind, n));
    if (write(fd, line, (size_t)len) != len)
        exit(2);
    free(kind);
    selaras_alignment_free(a);
    selaras_aligner_free(al);
    selaras_lexicon_free(lex);
    selaras_segments_free(s);
    selaras_segments_free(t);
}

/* The table for one pool of pairs. */
static void bench_pool(const char *title, const str_list *id, const str_list *en)
{
    printf("%s\n", title);
    printf("  %-7s %-12s %13s %7s %7s %7s %6s %6s %6s %7s %7s %6s\n", "pairs", "aligner",
           "src x tgt", "wall s", "CPU s", "us/pair", "base", "docs", "lex", "aligner", "peak",
           "F1");
    static const size_t sizes[] = {1000, 10000, 100000};
    double secs[3][2], cpu[3][2];
    long kb[3][2];
    for (size_t z = 0; z < 3; z++)
        for (int base = 1; base >= 0; base--) {
            int fds[2];
            if (pipe(fds) != 0)
                exit(2);
            fflush(stdout);
            pid_t pid = fork();
            if (pid == 0) {
                close(fds[0]);
                run(id, en, sizes[z], base, fds[1]);
                _exit(0);
            }
            close(fds[1]);
            char buf[256] = {0};
            ssize_t got = read(fds[0], buf, sizeof buf - 1);
            close(fds[0]);
            int status;
            waitpid(pid, &status, 0);
            long start = 0, docs = 0, lex = 0, peak = 0;
            size_t ns = 0, nt = 0;
            double f1 = 0;
            if (got <= 0 || sscanf(buf, "%lf %lf %ld %ld %ld %ld %ld %zu %zu %lf", &secs[z][base],
                                   &cpu[z][base], &start, &docs, &lex, &kb[z][base], &peak, &ns,
                                   &nt, &f1) != 10) {
                fprintf(stderr, "bench_align: run failed\n");
                exit(2);
            }
            char dims[32];
            snprintf(dims, sizeof dims, "%zux%zu", ns, nt);
            printf("  %-7zu %-12s %13s %7.3f %7.3f %7.1f %6.1f %6.1f %6.1f %7.1f %7.1f %6.3f\n",
                   sizes[z], base ? "Gale-Church" : "selaras", dims, secs[z][base],
                   cpu[z][base], cpu[z][base] * 1e6 / (double)sizes[z], mb(start), mb(docs),
                   mb(lex), mb(kb[z][base]), mb(peak), f1);
        }
    printf("\n  MB: base = the process before the documents (code, ICU, the PUD text); docs = the\n"
           "  two segment lists; lex = the FreeDict lexicon and the aligner handle; aligner = the\n"
           "  peak less everything before selaras_align(); peak = getrusage() ru_maxrss.\n"
           "  F1: exact beads against the known path of the generated pair.\n");
    printf("  selaras / Gale-Church CPU time: 1k %.1fx, 10k %.1fx, 100k %.1fx\n",
           cpu[0][0] / cpu[0][1], cpu[1][0] / cpu[1][1], cpu[2][0] / cpu[2][1]);
    printf("  CPU time per pair, 100k vs 10k (1.0 = linear): selaras %.2f, Gale-Church %.2f\n",
           (cpu[2][0] / 100000.0) / (cpu[1][0] / 10000.0),
           (cpu[2][1] / 100000.0) / (cpu[1][1] / 10000.0));
    printf("  (wall time counts other users of the machine too; CPU time is this process's)\n");
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_align DATA_DIR\n");
        return 2;
    }
    char path[4096];
    str_list id = {0}, en = {0};
    snprintf(path, sizeof path, "%s/pud/id.docs.jsonl", argv[1]);
    if (jsonl_each(path, collect, &id) != 0)
        return 2;
    snprintf(path, sizeof path, "%s/pud/en.docs.jsonl", argv[1]);
    if (jsonl_each(path, collect, &en) != 0)
        return 2;
    if (getenv("BENCH_ALIGN_ONE") != NULL) {
        run(&id, &en, (size_t)atol(getenv("BENCH_ALIGN_ONE")), getenv("BENCH_ALIGN_BASE") != NULL, 1);
        return 0;
    }
    bench_pool("selaras_align() on repeated PUD id-en pairs (10% dropped, 10% joined)", &id,
               &en);
    str_list id2 = {0}, en2 = {0};
    for (size_t k = 0; k < id.n && k < en.n; k++) {
        push(&id2, id.v[k], strlen(id.v[k]));
        push(&en2, en.v[k], strlen(en.v[k]));
    }
    static const char *const files[] = {"debian-reference.paras.tsv",
                                        "libreoffice-help.paras.tsv"};
    for (size_t f = 0; f < 2; f++) {
        snprintf(path, sizeof path, "%s/paragraphs/%s", argv[1], files[f]);
        if (collect_tsv(path, &id2, &en2) != 0) {
            fprintf(stderr, "bench_align: cannot read %s\n", path);
            return 2;
        }
    }
    char title[160];
    snprintf(title, sizeof title,
             "\nselaras_align() on repeated PUD and paragraphs/ pairs, %zu different (10%% "
             "dropped, 10%% joined)", id2.n);
    bench_pool(title, &id2, &en2);
    printf("  reference: hunalign takes about 8 s and 223 MB at 10k x 11k (issue 4); "
           "targets <= 0.8 s and <= 22 MB\n");
    return 0;
}
