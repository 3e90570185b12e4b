/* The parallelness score: how likely two documents are translations of each other, from
 * the overlap of their profiles (anchors, names, lexicon words), their length ratio and,
 * when given, the confident beads of their alignment. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "collection.h"
#include "../align/align.h"

size_t sl_sorted_common64(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else {
            k++;
            i++;
            j++;
        }
    }
    return k;
}

static int has32(const uint32_t *a, size_t n, uint32_t v)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] < v)
            lo = mid + 1;
        else if (a[mid] > v)
            hi = mid;
        else
            return 1;
    }
    return 0;
}

/* Share of the lexicon words of a that have a translation among those of b (by weight),
 * drawn towards the share of a mismatched pair by a few pseudo-words, so that a document
 * of a handful of words cannot claim a full overlap. */
#define COVER_PRIOR 0.3
#define COVER_WEIGHT 8.0
static double coverage(const sl_profile *a, const sl_profile *b, const selaras_lexicon *lex)
{
    double hit = 0, all = 0;
    for (size_t i = 0; i < a->nlex; i++) {
        double w = a->wlex != NULL ? a->wlex[i] : 1.0;
        const uint32_t *to;
        size_t n;
        if (a->lexside == 0)
            sl_lexicon_translations(lex, a->lex[i], &to, &n);
        else
            sl_lexicon_sources(lex, a->lex[i], &to, &n);
        all += w;
        for (size_t k = 0; k < n; k++)
            if (has32(b->lex, b->nlex, to[k])) {
                hit += w;
                break;
            }
    }
    return (hit + COVER_PRIOR * COVER_WEIGHT) / (all + COVER_WEIGHT);
}

/* Weighted Dice overlap of two sorted key sets, drawn towards prior by a few pseudo-keys:
 * a pair of documents with one name each proves less than one with twenty. -1 when both
 * are empty. */
#define DICE_WEIGHT 4.0
static double dice(const uint64_t *a, const float *wa, size_t na, const uint64_t *b,
                   const float *wb, size_t nb, double prior)
{
    if (na + nb == 0)
        return -1;
    double sa = 0, sb = 0, common = 0;
    for (size_t i = 0; i < na; i++)
        sa += wa != NULL ? wa[i] : 1.0;
    for (size_t j = 0; j < nb; j++)
        sb += wb != NULL ? wb[j] : 1.0;
    for (size_t i = 0, j = 0; i < na && j < nb;) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else {
            common += (wa != NULL ? wa[i] : 1.0) + (wb != NULL ? wb[j] : 1.0);
            i++;
            j++;
        }
    }
    return (common + prior * DICE_WEIGHT) / (sa + sb + DICE_WEIGHT);
}

/* Share of the segments (boilerplate aside) in two-sided beads of confidence >= 0.9,
 * drawn towards centre by a few pseudo-segments: the one bead of two one-sentence
 * documents is confident whatever they say, so it proves little. */
#define BEAD_WEIGHT 6.0
static double bead_share(const selaras_alignment *al, size_t segments, double centre)
{
    size_t in = 0;
    for (size_t i = 0; i < al->count; i++) {
        const sl_bead *b = &al->beads[i];
        if (b->src_count > 0 && b->tgt_count > 0 && b->score >= 0.9)
            in += b->src_count + b->tgt_count;
    }
    if (in > segments)
        in = segments;
    return ((double)in + centre * BEAD_WEIGHT) / ((double)segments + BEAD_WEIGHT);
}

/* The weights of the evidence, fitted by logistic regression (make eval-pair prints the
 * calibration table they give). Each feature is centred on the value that leaves the
 * odds alone, so that a missing feature (no anchors, no lexicon, no beads) adds nothing. */
#define W_LEX 7.1
#define C_LEX 0.32 /* fitted as 0.45 with a bias of 0.9, which goes with the lexicon */
#define W_ANCHOR 4.1
#define C_ANCHOR 0.35
#define W_NAME 5.4
#define C_NAME 0.3
#define W_LENGTH 3.8
#define C_LENGTH 0.35
#define W_BEAD 3.3
#define C_BEAD 0.61

void sl_profile_compare(const sl_profile *src, const sl_profile *tgt,
                        const selaras_lexicon *lex, const selaras_alignment *beads,
                        selaras_parallel_evidence *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->src_anchors = src->nanchors;
    ev->tgt_anchors = tgt->nanchors;
    ev->shared_anchors = sl_sorted_common64(src->anchors, src->nanchors, tgt->anchors,
                                            tgt->nanchors);
    ev->anchors = dice(src->anchors, src->wanchors, src->nanchors, tgt->anchors, tgt->wanchors,
                       tgt->nanchors, C_ANCHOR);
    ev->names = dice(src->names, src->wnames, src->nnames, tgt->names, tgt->wnames, tgt->nnames,
                     C_NAME);
    int have_lex = lex != NULL && (src->nlex > 0 || tgt->nlex > 0);
    ev->lexicon = have_lex ? (coverage(src, tgt, lex) + coverage(tgt, src, lex)) / 2 : -1;
    ev->length_ratio = src->length > 0 && tgt->length > 0 ? fabs(log(tgt->length / src->length))
                                                          : -1;
    ev->beads = beads != NULL ? bead_share(beads, src->segments + tgt->segments, C_BEAD) : -1;
    if (src->length <= 0 || tgt->length <= 0) {
        ev->score = 0;
        return;
    }
    double z = 0;
    if (ev->lexicon >= 0)
        z += W_LEX * (ev->lexicon - C_LEX);
    if (ev->anchors >= 0)
        z += W_ANCHOR * (ev->anchors - C_ANCHOR);
    if (ev->names >= 0)
        z += W_NAME * (ev->names - C_NAME);
    if (ev->length_ratio > C_LENGTH)
        z -= W_LENGTH * (ev->length_ratio - C_LENGTH);
    if (ev->beads >= 0)
        z += W_BEAD * (ev->beads - C_BEAD);
    ev->score = 1.0 / (1.0 + exp(-z));
}

double selaras_parallel_threshold(void)
{
    return SELARAS_PARALLEL_THRESHOLD;
}

/* Beads that cover both lists: the source once and in order, the target in order too
 * except for blocks the aligner found moved (lib/align/moves.c): then every bead's target
 * run within the list and as many target segments as the list holds. */
static int beads_cover(const selaras_alignment *al, size_t n, size_t m)
{
    size_t i = 0, total = 0;
    for (size_t k = 0; k < al->count; k++) {
        const sl_bead *b = &al->beads[k];
        if (b->src_first != i || b->tgt_first > m || b->tgt_count > m - b->tgt_first)
            return 0;
        i += b->src_count;
        total += b->tgt_count;
    }
    return i == n && total == m;
}

selaras_status selaras_parallel_score(const selaras_segments *src, const selaras_segments *tgt,
                                      const selaras_lexicon *lex, const selaras_alignment *beads,
                                      double *score, selaras_parallel_evidence *evidence,
                                      selaras_error *err)
{
    if (src == NULL || tgt == NULL || score == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "parallel score: NULL %s", score == NULL ? "score" : "segment list");
    if (beads != NULL && !beads_cover(beads, src->count, tgt->count))
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "parallel score: the alignment does not cover the two segment lists");
    const selaras_allocator *mem = &src->mem;
    int dir = sl_lexicon_direction(lex, src->primary, tgt->primary);
    sl_profiler pa, pb;
    sl_profile a, b;
    selaras_status st = sl_profiler_init(&pa, mem, src->primary, lex, dir, err);
    if (st != SELARAS_OK)
        return st;
    if ((st = sl_profiler_init(&pb, mem, tgt->primary, lex, dir < 0 ? -1 : 1 - dir, err)) !=
        SELARAS_OK) {
        sl_profiler_release(&pa);
        return st;
    }
    if ((st = sl_profile_build(&pa, src, &a, err)) == SELARAS_OK) {
        if ((st = sl_profile_build(&pb, tgt, &b, err)) == SELARAS_OK) {
            selaras_parallel_evidence ev;
            sl_profile_compare(&a, &b, dir < 0 ? NULL : lex, beads, &ev);
            *score = ev.score;
            if (evidence != NULL)
                *evidence = ev;
            sl_profile_release(&b, mem);
        }
        sl_profile_release(&a, mem);
    }
    sl_profiler_release(&pa);
    sl_profiler_release(&pb);
    return st;
}
