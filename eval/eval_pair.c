/* make eval-pair: document pairing and the parallelness score on the shared data.
 *
 *   collections ..... PUD documents, LibreOffice help pages (paragraphs/) and press/; in the
 *                     first two 10% of the sources and 10% of the targets lose their partner
 *                     (fixed seed), press/ has its own unpaired releases
 *   pairing ......... precision and recall of selaras_pairer against a baseline run in the
 *                     same process: a bag of FreeDict-translated words, idf-weighted cosine
 *                     and greedy one-to-one matching, as Bitextor's document aligner does
 *   non-translations  every true pair and one shuffled mismatch per source, aligned and
 *                     scored as selaras align scores them: true pairs below the threshold
 *                     and mismatches at or above it (both must be 0)
 *   calibration ..... score bins against the share of true pairs
 *
 * usage: eval_pair DATA_DIR. EVAL_PAIR_DUMP=FILE writes the evidence of every scored pair
 * (for refitting the weights). Exit status 1 when a target is missed. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pair_data.h"

static FILE *dump;

typedef struct prf {
    size_t predicted, correct, gold;
} prf;

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 1.0;
}

/* Two documents of the same segments: help pages that exist twice under two names. */
static int same_text(const selaras_segments *a, const selaras_segments *b)
{
    size_t n = selaras_segments_count(a);
    if (n != selaras_segments_count(b))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(selaras_segments_text(a, i, NULL), selaras_segments_text(b, i, NULL)) != 0)
            return 0;
    return 1;
}

/* A pair is right when it is the gold pair, or its target is a word-for-word copy of the
 * gold target (no pairer can tell those apart). */
static void count_pairs(const pair_coll *c, const long *partner, prf *out)
{
    out->predicted = out->correct = 0;
    out->gold = c->npairs;
    for (size_t i = 0; i < c->nsrc; i++)
        if (partner[i] >= 0) {
            out->predicted++;
            out->correct += partner[i] == c->gold[i] ||
                            (c->gold[i] >= 0 && same_text(c->tgt[partner[i]], c->tgt[c->gold[i]]));
        }
}

static void run_pairer(const pair_coll *c, const selaras_lexicon *lex, prf *out, double *secs,
                       size_t *comparisons)
{
    const char *min = getenv("EVAL_PAIR_MIN");
    double add, run;
    selaras_pairer *p = pair_run(c, lex, NULL, min != NULL ? atof(min) : -1, &add, &run);
    *secs = add + run;
    long *partner = malloc((c->nsrc + 1) * sizeof *partner);
    for (size_t i = 0; i < c->nsrc; i++) {
        size_t t = selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, i, NULL);
        partner[i] = t == SELARAS_UNPAIRED ? -1 : (long)t;
        if (getenv("EVAL_PAIR_DEBUG") && partner[i] != c->gold[i]) {
            double s;
            selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, i, &s);
            double g = -1;
            if (c->gold[i] >= 0)
                selaras_parallel_score(c->src[i], c->tgt[c->gold[i]], lex, NULL, &g, NULL, NULL);
            fprintf(stderr, "%s: source %zu -> %ld (%.3f), gold %ld (%.3f)\n", c->name, i,
                    partner[i], s, c->gold[i], g);
        }
    }
    *comparisons = selaras_pairer_comparisons(p);
    count_pairs(c, partner, out);
    free(partner);
    selaras_pairer_free(p);
}

/* ---- the score on true pairs and mismatches, as align computes it ---- */

enum { BINS = 10 };
typedef struct calib {
    size_t pos[BINS], neg[BINS];
} calib;

typedef struct decisions {
    size_t true_pairs, true_refused, mismatches, mismatch_accepted;
    double min_true, max_mismatch;
} decisions;

static double score_pair(selaras_aligner *al, const selaras_lexicon *lex,
                         const selaras_segments *s, const selaras_segments *t, const char *set,
                         int parallel)
{
    selaras_alignment *a;
    selaras_error err;
    if (selaras_align(al, s, t, &a, &err) != SELARAS_OK) {
        fprintf(stderr, "eval_pair: align: %s\n", err.message);
        exit(2);
    }
    double score;
    selaras_parallel_evidence ev;
    if (selaras_parallel_score(s, t, lex, a, &score, &ev, &err) != SELARAS_OK) {
        fprintf(stderr, "eval_pair: parallel score: %s\n", err.message);
        exit(2);
    }
    selaras_alignment_free(a);
    if (dump != NULL)
        fprintf(dump, "%s\t%d\t%.5f\t%.5f\t%.5f\t%.5f\t%.5f\t%.5f\t%zu\t%zu\t%zu\n", set, parallel,
                score, ev.lexicon, ev.anchors, ev.names, ev.length_ratio, ev.beads,
                ev.src_anchors, ev.tgt_anchors, ev.shared_anchors);
    return score;
}

static void decide(const pair_coll *c, selaras_aligner *al, const selaras_lexicon *lex,
                   calib *cal, decisions *d, uint64_t seed)
{
    memset(d, 0, sizeof *d);
    d->min_true = 1;
    /* the gold targets, shuffled: source i meets the target of another source */
    size_t n = 0;
    size_t *src = malloc((c->nsrc + 1) * sizeof *src);
    for (size_t i = 0; i < c->nsrc; i++)
        if (c->gold[i] >= 0)
            src[n++] = i;
    for (size_t k = 0; k < n; k++) {
        size_t i = src[k];
        double s = score_pair(al, lex, c->src[i], c->tgt[c->gold[i]], c->name, 1);
        d->true_pairs++;
        d->true_refused += s < SELARAS_PARALLEL_THRESHOLD;
        if (s < d->min_true)
            d->min_true = s;
        cal->pos[s >= 1 ? BINS - 1 : (int)(s * BINS)]++;
        if (n < 2)
            continue;
        size_t other = src[(k + 1 + (size_t)(pair_rng(&seed) % (n - 1))) % n];
        if (other == i)
            continue;
        s = score_pair(al, lex, c->src[i], c->tgt[c->gold[other]], c->name, 0);
        d->mismatches++;
        d->mismatch_accepted += s >= SELARAS_PARALLEL_THRESHOLD;
        if (s > d->max_mismatch)
            d->max_mismatch = s;
        cal->neg[s >= 1 ? BINS - 1 : (int)(s * BINS)]++;
    }
    free(src);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "../shared/data";
    const char *dump_path = getenv("EVAL_PAIR_DUMP");
    if (dump_path != NULL && (dump = fopen(dump_path, "w")) == NULL) {
        perror(dump_path);
        return 2;
    }
    selaras_lexicon *lex;
    selaras_error err;
    if (selaras_lexicon_new(&lex, "id", "en", NULL, &err) != SELARAS_OK ||
        selaras_lexicon_load_default(lex, &err) != SELARAS_OK) {
        fprintf(stderr, "eval_pair: %s\n", err.message);
        return 2;
    }
    selaras_aligner *al;
    if (selaras_aligner_new(&al, "id", "en", lex, NULL, &err) != SELARAS_OK)
        return 2;
    pair_coll colls[3];
    pair_texts id = {0}, en = {0};
    pair_read_pud(dir, &id, &en);
    pair_coll_from_parallel(&colls[0], "PUD", &id, &en, 0x5eed1);
    pair_read_libreoffice(dir, 2, &id, &en);
    pair_coll_from_parallel(&colls[1], "LibreOffice", &id, &en, 0x5eed2);
    pair_coll_press(&colls[2], dir);

    int missed = 0;
    calib cal = {{0}, {0}};
    printf("Pairing (minimum score %.2f): precision / recall; baseline = FreeDict bag of "
           "words, cosine, greedy\n", SELARAS_PAIR_MIN_SCORE);
    printf("%-12s %6s %6s %6s | %9s %9s %8s %7s | %9s %9s %7s\n", "collection", "src", "tgt",
           "pairs", "precision", "recall", "scored", "secs", "base P", "base R", "secs");
    decisions dec[3];
    for (int k = 0; k < 3; k++) {
        const pair_coll *c = &colls[k];
        prf ours, base;
        double t_ours, t_base;
        size_t comparisons;
        run_pairer(c, lex, &ours, &t_ours, &comparisons);
        double t0 = pair_now();
        long *bp = pair_baseline(c, lex);
        t_base = pair_now() - t0;
        count_pairs(c, bp, &base);
        free(bp);
        double p = ratio(ours.correct, ours.predicted), r = ratio(ours.correct, ours.gold);
        printf("%-12s %6zu %6zu %6zu | %9.5f %9.4f %8zu %7.2f | %9.4f %9.4f %7.2f%s\n", c->name,
               c->nsrc, c->ntgt, c->npairs, p, r, comparisons, t_ours,
               ratio(base.correct, base.predicted), ratio(base.correct, base.gold), t_base,
               p >= 0.99 && r >= 0.97 ? "" : "  (target P >= 0.99, R >= 0.97 missed)");
        missed |= !(p >= 0.99 && r >= 0.97);
        decide(c, al, lex, &cal, &dec[k], 0xabcdef + (uint64_t)k);
    }
    printf("\nNon-translations at the threshold %.2f (documents aligned, then scored as align "
           "does)\n", SELARAS_PARALLEL_THRESHOLD);
    printf("%-12s %10s %13s %10s %10s %16s %13s\n", "collection", "true pairs", "true refused",
           "lowest", "mismatches", "mismatch passed", "highest");
    for (int k = 0; k < 3; k++) {
        const decisions *d = &dec[k];
        printf("%-12s %10zu %13zu %10.4f %10zu %16zu %13.4f\n", colls[k].name, d->true_pairs,
               d->true_refused, d->min_true, d->mismatches, d->mismatch_accepted,
               d->max_mismatch);
        missed |= d->true_refused > 0 || d->mismatch_accepted > 0;
    }
    printf("\nCalibration of the parallelness score (all collections)\n");
    printf("%-11s %10s %12s %14s\n", "score", "true pairs", "mismatches", "share parallel");
    for (int b = 0; b < BINS; b++)
        printf("[%.1f, %.1f%c %10zu %12zu %14.3f\n", b / 10.0, (b + 1) / 10.0,
               b == BINS - 1 ? ']' : ')', cal.pos[b], cal.neg[b],
               cal.pos[b] + cal.neg[b] ? (double)cal.pos[b] / (double)(cal.pos[b] + cal.neg[b])
                                       : 0.0);
    for (int k = 0; k < 3; k++)
        pair_coll_free(&colls[k]);
    selaras_aligner_free(al);
    selaras_lexicon_free(lex);
    if (dump != NULL)
        fclose(dump);
    /* an evaluation reports: missed targets are printed; EVAL_STRICT=1 makes them fail */
    if (missed)
        printf("\neval-pair: targets missed (see the lines above)\n");
    const char *strict = getenv("EVAL_STRICT");
    return missed && strict != NULL && strcmp(strict, "1") == 0;
}
