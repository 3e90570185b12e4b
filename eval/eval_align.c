/* make eval-align: the sentence aligner on the shared data, against a length-only
 * Gale–Church baseline run in the same process.
 *
 *   Text+Berg de-fr .... strict and lax P/R/F1 on the seven test documents, counted as
 *                        vecalign's score.py counts them (dev shown for reference)
 *   PUD id-en .......... 1,000 sentence pairs in chunks of 50; 10% of the Indonesian
 *                        sentences dropped and 10% of neighbouring English pairs joined,
 *                        with a fixed seed; the first 500 pairs are dev, the rest test
 *   paragraphs id-en ... Debian Reference and LibreOffice help, 50 paragraph pairs a
 *                        document, segmented by selaras_segment(); a bead is right when
 *                        its sentences come from one paragraph pair
 *   calibration ........ confidence bins against correctness on the held-out sets
 *
 * usage: eval_align DATA_DIR
 * Environment, for development: EVAL_ALIGN_QUICK skips the paragraphs; EVAL_ALIGN_DEBUG
 * prints the wrong beads of the PUD dev half; EVAL_ALIGN_DUMP=FILE writes every bead. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json.h"
#include "selaras.h"

/* ---- beads and scoring: the library's evaluation stage (selaras_eval_align) ---- */

static void die(const char *what, const selaras_error *err);

static selaras_beads *beads_make(void)
{
    selaras_beads *b;
    selaras_error err;
    if (selaras_beads_new(&b, NULL, &err) != SELARAS_OK)
        die("beads", &err);
    return b;
}

static void beads_push(selaras_beads *b, const size_t *s, size_t ns, const size_t *t, size_t nt)
{
    selaras_error err;
    if (selaras_beads_add(b, s, ns, t, nt, &err) != SELARAS_OK)
        die("beads", &err);
}

static void score_doc(const selaras_beads *gold, const selaras_beads *test,
                      selaras_align_counts *c)
{
    selaras_error err;
    if (selaras_eval_align(gold, test, c, &err) != SELARAS_OK)
        die("eval", &err);
}

static double ratio(long a, long b) { return b ? (double)a / (double)b : 0.0; }

static void print_scores(const char *name, const selaras_align_counts *c)
{
    selaras_prf st, lx;
    selaras_eval_align_scores(c, &st, &lx);
    printf("  %-22s %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f\n", name, st.precision, st.recall,
           st.f1, lx.precision, lx.recall, lx.f1);
}

/* ---- calibration ---- */

typedef struct calib {
    long n[10], ok[10];
} calib;

/* EVAL_ALIGN_DUMP=FILE writes every bead of the selaras runs as "set split ns nt score
 * right" lines, to study or refit the confidence. */
static FILE *dump;

static void note(const char *set, int test, const selaras_beads *sys, const double *scores,
                 const selaras_beads *gold)
{
    if (dump == NULL)
        return;
    for (size_t b = 0; b < selaras_beads_count(sys); b++) {
        size_t ns, nt;
        selaras_beads_src(sys, b, &ns);
        selaras_beads_tgt(sys, b, &nt);
        fprintf(dump, "%s %s %zu %zu %.6f %d\n", set, test ? "test" : "dev", ns, nt, scores[b],
                selaras_beads_contains(gold, sys, b));
    }
}

static void calib_add(calib *c, double score, int ok)
{
    int b = (int)(score * 10);
    if (b > 9)
        b = 9;
    if (b < 0)
        b = 0;
    c->n[b]++;
    c->ok[b] += ok != 0;
}

/* ---- running the aligner ---- */

static void die(const char *what, const selaras_error *err)
{
    fprintf(stderr, "eval_align: %s: %s\n", what, err->message);
    exit(2);
}

static selaras_segments *lines_to_segments(const char *lang, char **lines, size_t n)
{
    selaras_segments *segs;
    selaras_error err;
    if (selaras_segments_new(&segs, lang, NULL, &err) != SELARAS_OK)
        die("segments", &err);
    for (size_t i = 0; i < n; i++)
        if (selaras_segments_append(segs, lines[i], strlen(lines[i]), SELARAS_SEGMENT_SENTENCE,
                                    &err) != SELARAS_OK)
            die("segments", &err);
    return segs;
}

/* Align s with t; the beads (a new list) in *out, their scores in *scores (malloc'ed). */
static void run_align(selaras_aligner *al, const selaras_segments *s, const selaras_segments *t,
                      selaras_beads **out, double **scores)
{
    selaras_alignment *a;
    selaras_error err;
    if (selaras_align(al, s, t, &a, &err) != SELARAS_OK)
        die("align", &err);
    *out = beads_make();
    if (selaras_beads_add_alignment(*out, a, &err) != SELARAS_OK)
        die("beads", &err);
    size_t n = selaras_alignment_count(a);
    if (scores != NULL) {
        *scores = malloc((n + 1) * sizeof **scores);
        for (size_t b = 0; b < n; b++)
            (*scores)[b] = selaras_alignment_score(a, b);
    }
    selaras_alignment_free(a);
}

static selaras_lexicon *load_lexicon(const char *from, const char *to, int *have)
{
    selaras_lexicon *lex;
    selaras_error err;
    if (selaras_lexicon_new(&lex, from, to, NULL, &err) != SELARAS_OK)
        die("lexicon", &err);
    *have = selaras_lexicon_load_default(lex, &err) == SELARAS_OK;
    if (!*have)
        fprintf(stderr, "eval_align: note: %s\n", err.message);
    return lex;
}

static selaras_aligner *make_aligner(const char *from, const char *to, selaras_lexicon *lex,
                                     int baseline)
{
    selaras_aligner *al;
    selaras_error err;
    if (selaras_aligner_new(&al, from, to, lex, NULL, &err) != SELARAS_OK)
        die("aligner", &err);
    if (baseline && selaras_aligner_set_evidence(al, 0, &err) != SELARAS_OK)
        die("aligner", &err);
    return al;
}

/* ---- files ---- */

static char **read_lines(const char *path, size_t *n)
{
    size_t len;
    char *text = json_read_file(path, &len);
    if (text == NULL) {
        fprintf(stderr, "eval_align: cannot read %s\n", path);
        exit(2);
    }
    size_t cap = 64;
    char **lines = malloc(cap * sizeof *lines);
    *n = 0;
    char *p = text;
    while (*p != '\0') {
        char *e = strchr(p, '\n');
        if (e != NULL)
            *e = '\0';
        if (*n == cap)
            lines = realloc(lines, (cap *= 2) * sizeof *lines);
        lines[(*n)++] = strdup(p);
        if (e == NULL)
            break;
        p = e + 1;
    }
    free(text);
    return lines;
}

static void free_lines(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

static selaras_beads *read_gold(const char *path)
{
    size_t len;
    char *text = json_read_file(path, &len);
    if (text == NULL) {
        fprintf(stderr, "eval_align: cannot read %s\n", path);
        exit(2);
    }
    selaras_beads *gold = beads_make();
    selaras_error err;
    if (selaras_beads_parse(gold, text, len, &err) != SELARAS_OK)
        die(path, &err);
    free(text);
    return gold;
}

/* ---- Text+Berg ---- */

static void textberg(const char *dir, calib *cal)
{
    int have;
    selaras_lexicon *lex = load_lexicon("de", "fr", &have);
    printf("Text+Berg de-fr (%s FreeDict deu-fra), counts summed over documents\n",
           have ? "with" : "WITHOUT");
    printf("  %-22s %6s %6s %6s   %6s %6s %6s\n", "", "P", "R", "F1", "laxP", "laxR", "laxF1");
    static const char *const docs[] = {"dev", "test0", "test1", "test2", "test3", "test4",
                                       "test5", "test6"};
    selaras_align_counts dev[2], test[2];
    memset(dev, 0, sizeof dev);
    memset(test, 0, sizeof test);
    for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
        char path[4096];
        size_t ns, nt;
        snprintf(path, sizeof path, "%s/textberg/%s.de", dir, docs[d]);
        char **sl = read_lines(path, &ns);
        snprintf(path, sizeof path, "%s/textberg/%s.fr", dir, docs[d]);
        char **tl = read_lines(path, &nt);
        snprintf(path, sizeof path, "%s/textberg/%s.defr", dir, docs[d]);
        selaras_beads *gold = read_gold(path), *sys;
        selaras_segments *s = lines_to_segments("de", sl, ns);
        selaras_segments *t = lines_to_segments("fr", tl, nt);
        for (int base = 0; base < 2; base++) {
            selaras_aligner *al = make_aligner("de", "fr", lex, base);
            double *scores = NULL;
            run_align(al, s, t, &sys, base ? NULL : &scores);
            score_doc(gold, sys, d == 0 ? &dev[base] : &test[base]);
            if (!base)
                note("textberg", d > 0, sys, scores, gold);
            if (!base && d > 0)
                for (size_t b = 0; b < selaras_beads_count(sys); b++)
                    calib_add(cal, scores[b], selaras_beads_contains(gold, sys, b));
            free(scores);
            selaras_beads_free(sys);
            selaras_aligner_free(al);
        }
        selaras_beads_free(gold);
        selaras_segments_free(s);
        selaras_segments_free(t);
        free_lines(sl, ns);
        free_lines(tl, nt);
    }
    print_scores("dev, Gale-Church", &dev[1]);
    print_scores("dev, selaras", &dev[0]);
    print_scores("test, Gale-Church", &test[1]);
    print_scores("test, selaras", &test[0]);
    selaras_prf g, sp;
    selaras_eval_align_scores(&test[1], &g, NULL);
    selaras_eval_align_scores(&test[0], &sp, NULL);
    double gs = g.f1, ss = sp.f1;
    printf("  test strict F1 ratio selaras / Gale-Church: %.2f (target F1 >= 0.85, lax >= 0.95)\n\n",
           gs > 0 ? ss / gs : 0);
    selaras_lexicon_free(lex);
}

/* ---- PUD ---- */

typedef struct str_list {
    char **v;
    size_t n, cap;
} str_list;

static int collect_sentences(const json *doc, void *user)
{
    str_list *l = user;
    const json *sents = json_get(doc, "sentences");
    if (sents == NULL || sents->type != JSON_ARRAY)
        return -1;
    for (size_t i = 0; i < sents->len; i++) {
        if (l->n == l->cap)
            l->v = realloc(l->v, (l->cap = l->cap ? l->cap * 2 : 256) * sizeof *l->v);
        l->v[l->n++] = strdup(sents->items[i]->string);
    }
    return 0;
}

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void pud(const char *dir, calib *cal)
{
    char path[4096];
    str_list id = {0}, en = {0};
    snprintf(path, sizeof path, "%s/pud/id.docs.jsonl", dir);
    if (jsonl_each(path, collect_sentences, &id) != 0)
        exit(2);
    snprintf(path, sizeof path, "%s/pud/en.docs.jsonl", dir);
    if (jsonl_each(path, collect_sentences, &en) != 0)
        exit(2);
    if (id.n != en.n) {
        fprintf(stderr, "eval_align: PUD sides differ: %zu / %zu\n", id.n, en.n);
        exit(2);
    }
    int have;
    selaras_lexicon *lex = load_lexicon("id", "en", &have);
    printf("PUD id-en, chunks of 50 pairs, 10%% of id dropped, 10%% of en neighbours joined "
           "(seed 42) (%s FreeDict eng-ind)\n", have ? "with" : "WITHOUT");
    printf("  %-22s %6s %6s %6s   %6s %6s %6s\n", "", "P", "R", "F1", "laxP", "laxR", "laxF1");
    uint64_t seed = 42;
    selaras_align_counts c[2][2];
    memset(c, 0, sizeof c);
    for (size_t start = 0; start < id.n; start += 50) {
        size_t n = id.n - start < 50 ? id.n - start : 50;
        int split = start >= id.n / 2;  /* 0: dev, 1: test */
        /* drop: source sentence k removed; join: target k joined with k + 1 */
        int drop[50] = {0}, join[50] = {0};
        for (size_t k = 0; k < n; k++) {
            drop[k] = rng_next(&seed) % 10 == 0;
            join[k] = k + 1 < n && (k == 0 || !join[k - 1]) && rng_next(&seed) % 10 == 0;
        }
        char *sl[50], *tl[50];
        size_t ns = 0, nt = 0, src_of[50];
        for (size_t k = 0; k < n; k++)
            if (!drop[k]) {
                src_of[k] = ns;
                sl[ns++] = id.v[start + k];
            }
        selaras_beads *gold = beads_make(), *sys;
        char *joined[50];
        size_t nj = 0;
        for (size_t k = 0; k < n; k++) {
            size_t xs[2], nxs = 0, xt = nt;
            if (join[k]) {
                size_t len = strlen(en.v[start + k]) + strlen(en.v[start + k + 1]) + 2;
                char *j = malloc(len);
                snprintf(j, len, "%s %s", en.v[start + k], en.v[start + k + 1]);
                joined[nj++] = j;
                tl[nt] = j;
                if (!drop[k])
                    xs[nxs++] = src_of[k];
                if (!drop[k + 1])
                    xs[nxs++] = src_of[k + 1];
                k++;
            } else {
                tl[nt] = en.v[start + k];
                if (!drop[k])
                    xs[nxs++] = src_of[k];
            }
            nt++;
            beads_push(gold, xs, nxs, &xt, 1);
        }
        selaras_segments *s = lines_to_segments("id", sl, ns);
        selaras_segments *t = lines_to_segments("en", tl, nt);
        for (int base = 0; base < 2; base++) {
            selaras_aligner *al = make_aligner("id", "en", lex, base);
            double *scores = NULL;
            run_align(al, s, t, &sys, base ? NULL : &scores);
            score_doc(gold, sys, &c[split][base]);
            if (!base)
                note("pud", split, sys, scores, gold);
            if (!base && split == 0 && getenv("EVAL_ALIGN_DEBUG") != NULL)
                for (size_t b = 0; b < selaras_beads_count(sys); b++)
                    if (!selaras_beads_contains(gold, sys, b)) {
                        size_t bns, bnt;
                        const size_t *bs = selaras_beads_src(sys, b, &bns);
                        const size_t *bt = selaras_beads_tgt(sys, b, &bnt);
                        fprintf(stderr, "PUD %zu: wrong bead %zu-%zu score %.3f\n", start, bns,
                                bnt, scores[b]);
                        for (size_t i = 0; i < bns; i++)
                            fprintf(stderr, "   S%zu %s\n", bs[i], sl[bs[i]]);
                        for (size_t i = 0; i < bnt; i++)
                            fprintf(stderr, "   T%zu %s\n", bt[i], tl[bt[i]]);
                    }
            if (!base && split == 1)
                for (size_t b = 0; b < selaras_beads_count(sys); b++)
                    calib_add(cal, scores[b], selaras_beads_contains(gold, sys, b));
            free(scores);
            selaras_beads_free(sys);
            selaras_aligner_free(al);
        }
        selaras_beads_free(gold);
        selaras_segments_free(s);
        selaras_segments_free(t);
        for (size_t k = 0; k < nj; k++)
            free(joined[k]);
    }
    print_scores("dev, Gale-Church", &c[0][1]);
    print_scores("dev, selaras", &c[0][0]);
    print_scores("test, Gale-Church", &c[1][1]);
    print_scores("test, selaras", &c[1][0]);
    printf("  (target: strict F1 >= 0.97)\n\n");
    free_lines(id.v, id.n);
    free_lines(en.v, en.n);
    selaras_lexicon_free(lex);
}

/* ---- paragraphs ---- */

typedef struct para_stats {
    long beads, right, src_sent, src_aligned;
} para_stats;

/* Paragraph index of a byte offset, given the starts of the paragraphs. */
static size_t para_of(const size_t *starts, size_t n, size_t off)
{
    size_t a = 0, b = n;
    while (b - a > 1) {
        size_t m = (a + b) / 2;
        if (starts[m] <= off)
            a = m;
        else
            b = m;
    }
    return a;
}

static selaras_segments *segment_text(selaras_segmenter *sg, const char *lang, const char *text,
                                      size_t len)
{
    selaras_doc *doc;
    selaras_segments *segs;
    selaras_error err;
    if (selaras_doc_new(&doc, text, len, lang, SELARAS_DOC_REPLACE_INVALID, NULL, &err) !=
        SELARAS_OK)
        die("doc", &err);
    if (selaras_segment(sg, doc, &segs, &err) != SELARAS_OK)
        die("segment", &err);
    selaras_doc_free(doc);
    return segs;
}

static void para_chunk(selaras_segmenter *sid, selaras_segmenter *sen, selaras_lexicon *lex,
                       char **ids, char **ens, size_t n, para_stats st[2], calib *cal)
{
    size_t idl = 0, enl = 0;
    for (size_t k = 0; k < n; k++) {
        idl += strlen(ids[k]) + 2;
        enl += strlen(ens[k]) + 2;
    }
    char *it = malloc(idl + 1), *et = malloc(enl + 1);
    size_t ist[64], est[64], ip = 0, ep = 0;
    for (size_t k = 0; k < n; k++) {
        ist[k] = ip;
        est[k] = ep;
        ip += (size_t)sprintf(it + ip, "%s\n\n", ids[k]);
        ep += (size_t)sprintf(et + ep, "%s\n\n", ens[k]);
    }
    selaras_segments *s = segment_text(sid, "id", it, ip);
    selaras_segments *t = segment_text(sen, "en", et, ep);
    selaras_beads *sys;
    for (int base = 0; base < 2; base++) {
        selaras_aligner *al = make_aligner("id", "en", lex, base);
        double *scores = NULL;
        run_align(al, s, t, &sys, base ? NULL : &scores);
        for (size_t b = 0; b < selaras_beads_count(sys); b++) {
            size_t bns, bnt;
            const size_t *bs = selaras_beads_src(sys, b, &bns);
            const size_t *bt = selaras_beads_tgt(sys, b, &bnt);
            st[base].src_sent += (long)bns;
            if (bns == 0 || bnt == 0)
                continue;
            st[base].src_aligned += (long)bns;
            size_t p = para_of(ist, n, selaras_segments_start(s, bs[0]));
            int ok = 1;
            for (size_t i = 0; i < bns; i++)
                ok &= para_of(ist, n, selaras_segments_start(s, bs[i])) == p;
            for (size_t i = 0; i < bnt; i++)
                ok &= para_of(est, n, selaras_segments_start(t, bt[i])) == p;
            st[base].beads++;
            st[base].right += ok;
            if (!base)
                calib_add(cal, scores[b], ok);
        }
        free(scores);
        selaras_beads_free(sys);
        selaras_aligner_free(al);
    }
    selaras_segments_free(s);
    selaras_segments_free(t);
    free(it);
    free(et);
}

static void paragraphs(const char *dir, calib *cal)
{
    int have;
    selaras_lexicon *lex = load_lexicon("id", "en", &have);
    selaras_segmenter *sid, *sen;
    selaras_error err;
    if (selaras_segmenter_new(&sid, "id", NULL, &err) != SELARAS_OK ||
        selaras_segmenter_new(&sen, "en", NULL, &err) != SELARAS_OK)
        die("segmenter", &err);
    printf("Paragraph-aligned documentation id-en, 50 paragraph pairs a document, "
           "segmented by selaras_segment()\n");
    printf("  %-34s %7s %7s %9s %9s\n", "", "beads", "right", "precision", "src cover");
    static const struct {
        const char *file, *name;
        int cols;
    } sets[] = {{"debian-reference.paras.tsv", "Debian Reference", 3},
                {"libreoffice-help.paras.tsv", "LibreOffice help", 4}};
    for (size_t f = 0; f < 2; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/paragraphs/%s", dir, sets[f].file);
        size_t nl;
        char **lines = read_lines(path, &nl);
        para_stats st[2];
        memset(st, 0, sizeof st);
        char *ids[50], *ens[50];
        size_t n = 0;
        for (size_t i = 1; i <= nl; i++) {
            if (i < nl && lines[i][0] != '\0') {
                /* the last two tab-separated columns are id and en */
                char *tab[4];
                int k = 0;
                for (char *p = lines[i]; *p && k < 4; p++)
                    if (*p == '\t')
                        tab[k++] = p;
                if (k != sets[f].cols - 1)
                    continue;
                *tab[k - 1] = '\0';
                ids[n] = tab[k - 2] + 1;
                ens[n] = tab[k - 1] + 1;
                n++;
            }
            if (n == 50 || (i == nl && n > 0)) {
                para_chunk(sid, sen, lex, ids, ens, n, st, cal);
                n = 0;
            }
        }
        for (int base = 1; base >= 0; base--) {
            char name[80];
            snprintf(name, sizeof name, "%s, %s", sets[f].name, base ? "Gale-Church" : "selaras");
            printf("  %-34s %7ld %7ld %9.3f %9.3f\n", name, st[base].beads, st[base].right,
                   ratio(st[base].right, st[base].beads),
                   ratio(st[base].src_aligned, st[base].src_sent));
        }
        free_lines(lines, nl);
    }
    printf("  (target: precision >= 0.97)\n\n");
    selaras_segmenter_free(sid);
    selaras_segmenter_free(sen);
    selaras_lexicon_free(lex);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: eval_align DATA_DIR\n");
        return 2;
    }
    const char *dir = argv[1];
    calib tb = {{0}, {0}}, pd = {{0}, {0}}, pa = {{0}, {0}};
    if (getenv("EVAL_ALIGN_DUMP") != NULL)
        dump = fopen(getenv("EVAL_ALIGN_DUMP"), "w");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    textberg(dir, &tb);
    pud(dir, &pd);
    if (getenv("EVAL_ALIGN_QUICK") == NULL)
        paragraphs(dir, &pa);
    printf("Confidence calibration on held-out beads (Text+Berg test, PUD test: exact bead in "
           "gold; paragraphs: paragraph rule)\n");
    printf("  %-9s %17s %17s %17s\n", "score", "Text+Berg n acc", "PUD n acc", "paragraphs n acc");
    const calib *cs[3] = {&tb, &pd, &pa};
    long hi_n[3] = {0}, hi_ok[3] = {0};
    for (int b = 0; b < 10; b++) {
        printf("  [%.1f,%.1f%c", b / 10.0, (b + 1) / 10.0, b == 9 ? ']' : ')');
        for (int k = 0; k < 3; k++) {
            printf("   %7ld %7.3f", cs[k]->n[b], ratio(cs[k]->ok[b], cs[k]->n[b]));
            if (b == 9) {
                hi_n[k] += cs[k]->n[b];
                hi_ok[k] += cs[k]->ok[b];
            }
        }
        printf("\n");
    }
    printf("  %-9s", ">= 0.9");
    for (int k = 0; k < 3; k++)
        printf("   %7ld %7.3f", hi_n[k], ratio(hi_ok[k], hi_n[k]));
    printf("   (target: >= 0.95 correct)\n");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (dump != NULL)
        fclose(dump);
    printf("\neval-align took %.1f s\n",
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    return 0;
}
