/* make eval-align, long pairs: presegmented id-en pairs of 20k, 65k, 100k and 300k
 * sentences made of shuffled blocks of the 1,000 PUD pairs (blocks of 25 consecutive
 * pairs, drawn in a random order with a fixed seed, over and over), with 10% of the
 * Indonesian sentences dropped. The text repeats every 1,000 pairs, as concatenated
 * archives repeat material, so every coarse block looks like many others. The gold path is
 * known: a 1-1 bead per kept pair, a 0-1 bead per dropped one. Printed per size: exact-bead
 * precision, recall and F1, the number of 0-1 beads against the gold's, the longest run of
 * 0-1 or 1-0 beads, and the CPU time, against the length-only Gale-Church baseline run in
 * the same program.
 *
 * usage: eval_align_long DATA_DIR [SIZE...]
 * Exit status 1 when selaras's F1 is below 0.98 at some size. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
        if (l->v == NULL)
            exit(2);
        l->v[l->n++] = strdup(s->items[i]->string);
    }
    return 0;
}

static void fail(const char *what, const selaras_error *err)
{
    fprintf(stderr, "eval_align_long: %s: %s\n", what, err->message);
    exit(2);
}

static uint64_t rng(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

#define BLOCK 25

/* The pair of n target sentences; keep[k] says whether target k's source was kept. */
static void make_pair(const str_list *id, const str_list *en, size_t n, selaras_segments *s,
                      selaras_segments *t, unsigned char *keep)
{
    uint64_t seed = 20261207;
    size_t nblocks = (id->n + BLOCK - 1) / BLOCK;
    size_t *order = malloc(nblocks * sizeof *order);
    if (order == NULL)
        exit(2);
    selaras_error err;
    size_t k = 0;
    while (k < n) {
        for (size_t b = 0; b < nblocks; b++)
            order[b] = b;
        for (size_t b = nblocks; b > 1; b--) {
            size_t r = (size_t)(rng(&seed) % b), x = order[b - 1];
            order[b - 1] = order[r];
            order[r] = x;
        }
        for (size_t b = 0; b < nblocks && k < n; b++)
            for (size_t q = order[b] * BLOCK; q < (order[b] + 1) * BLOCK && q < id->n && k < n;
                 q++, k++) {
                keep[k] = rng(&seed) % 10 != 0;
                if (keep[k] && selaras_segments_append(s, id->v[q], strlen(id->v[q]),
                                                       SELARAS_SEGMENT_SENTENCE,
                                                       &err) != SELARAS_OK)
                    fail("segments", &err);
                if (selaras_segments_append(t, en->v[q], strlen(en->v[q]),
                                            SELARAS_SEGMENT_SENTENCE, &err) != SELARAS_OK)
                    fail("segments", &err);
            }
    }
    free(order);
}

typedef struct result {
    double p, r, f1, cpu;
    size_t beads, skips, gold_skips, longest;
} result;

static result score(const selaras_alignment *a, const unsigned char *keep, size_t n)
{
    result res = {0, 0, 0, 0, 0, 0, 0, 0};
    size_t nb = selaras_alignment_count(a), right = 0, run = 0;
    /* gold bead of target k: source src_of[k] (if kept) and target k */
    size_t gs = 0, k = 0;
    res.beads = nb;
    for (size_t b = 0; b < nb; b++) {
        size_t sf = selaras_alignment_src_first(a, b), sc = selaras_alignment_src_count(a, b);
        size_t tf = selaras_alignment_tgt_first(a, b), tc = selaras_alignment_tgt_count(a, b);
        if (sc == 0 || tc == 0) {
            res.skips += sc == 0;
            if (++run > res.longest)
                res.longest = run;
        } else {
            run = 0;
        }
        if (tc != 1 || sc > 1)
            continue;
        /* advance the gold to target tf */
        while (k < tf && k < n) {
            gs += keep[k];
            k++;
        }
        if (k == tf && k < n && sf == gs && sc == (size_t)keep[k])
            right++;
    }
    for (size_t q = 0; q < n; q++)
        res.gold_skips += !keep[q];
    res.p = nb ? (double)right / (double)nb : 0;
    res.r = n ? (double)right / (double)n : 0;
    res.f1 = res.p + res.r > 0 ? 2 * res.p * res.r / (res.p + res.r) : 0;
    return res;
}

static result run(const str_list *id, const str_list *en, size_t n, selaras_lexicon *lex,
                  int baseline)
{
    selaras_error err;
    selaras_segments *s, *t;
    if (selaras_segments_new(&s, "id", NULL, &err) != SELARAS_OK ||
        selaras_segments_new(&t, "en", NULL, &err) != SELARAS_OK)
        fail("segments", &err);
    unsigned char *keep = malloc(n);
    if (keep == NULL)
        exit(2);
    make_pair(id, en, n, s, t, keep);
    selaras_aligner *al;
    if (selaras_aligner_new(&al, "id", "en", baseline ? NULL : lex, NULL, &err) != SELARAS_OK)
        fail("aligner", &err);
    if (baseline && selaras_aligner_set_evidence(al, 0, &err) != SELARAS_OK)
        fail("aligner", &err);
    struct timespec c0, c1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    selaras_alignment *a;
    if (selaras_align(al, s, t, &a, &err) != SELARAS_OK)
        fail("align", &err);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    result r = score(a, keep, n);
    r.cpu = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
    selaras_alignment_free(a);
    selaras_aligner_free(al);
    selaras_segments_free(s);
    selaras_segments_free(t);
    free(keep);
    return r;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: eval_align_long DATA_DIR [SIZE...]\n");
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
    if (id.n != en.n || id.n == 0) {
        fprintf(stderr, "eval_align_long: PUD sides differ\n");
        return 2;
    }
    static const size_t defaults[] = {20000, 65000, 100000, 300000};
    size_t sizes[16], nsizes = 0;
    for (int a = 2; a < argc && nsizes < 16; a++)
        sizes[nsizes++] = (size_t)strtoul(argv[a], NULL, 10);
    if (nsizes == 0)
        for (; nsizes < 4; nsizes++)
            sizes[nsizes] = defaults[nsizes];
    selaras_lexicon *lex;
    selaras_error err;
    if (selaras_lexicon_new(&lex, "id", "en", NULL, &err) != SELARAS_OK)
        fail("lexicon", &err);
    int have = selaras_lexicon_load_default(lex, &err) == SELARAS_OK;
    printf("Long pairs: shuffled blocks of %d PUD id-en pairs, 10%% of id dropped (%s FreeDict "
           "eng-ind)\n", BLOCK, have ? "with" : "WITHOUT");
    printf("  %-8s %-12s %6s %6s %6s %8s %8s %8s %7s\n", "tgt", "aligner", "P", "R", "F1",
           "0-1", "gold 0-1", "longest", "CPU s");
    int bad = 0;
    for (size_t z = 0; z < nsizes; z++)
        for (int base = 1; base >= 0; base--) {
            result r = run(&id, &en, sizes[z], lex, base);
            printf("  %-8zu %-12s %6.3f %6.3f %6.3f %8zu %8zu %8zu %7.2f\n", sizes[z],
                   base ? "Gale-Church" : "selaras", r.p, r.r, r.f1, r.skips, r.gold_skips,
                   r.longest, r.cpu);
            fflush(stdout);
            if (!base && r.f1 < 0.98)
                bad = 1;
        }
    printf("  (target: selaras F1 >= 0.98 at every size; longest = longest run of 1-0/0-1 "
           "beads)\n\n");
    selaras_lexicon_free(lex);
    for (size_t i = 0; i < id.n; i++) {
        free(id.v[i]);
        free(en.v[i]);
    }
    free(id.v);
    free(en.v);
    return bad;
}
