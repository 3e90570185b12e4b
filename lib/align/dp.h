/* Private header of the dynamic programme over a band (dp.c), shared with the search
 * that chooses the band (search.c): coarse-to-fine, widening, and the repair of stretches
 * where the path ran along the band's edge. */
#ifndef SELARAS_DP_H
#define SELARAS_DP_H

#include "align.h"

/* The band: for each source row i, the inclusive target columns [lo[i], hi[i]]. */
typedef struct sl_band {
    size_t *lo, *hi;    /* n + 1 inclusive column ranges */
    size_t *boff;       /* n + 2 offsets of each row's back-pointers */
} sl_band;

/* Lexical matches between a source sentence and target sentences. */
typedef struct sl_matcher {
    int identity;       /* identical keys match */
    const sl_side *src, *tgt;
    const sl_trans *trans;
    uint32_t *stamp;    /* nvocab */
    uint32_t clock;
    uint32_t *tstem;    /* 4 nvocab: target token (key << 2 | class) -> its stem, no branch */
} sl_matcher;

typedef struct sl_dp_state {
    const sl_side *src, *tgt;
    const sl_params *p;
    const sl_erfc_table *et;
    sl_band bd;
    unsigned char *bp;
    double *score[4];   /* rolling rows, indexed by j - lo[i] */
    double *match[4];   /* rolling rows of m(s, t), indexed by t - mlo[s % 4] */
    size_t mlo[4], mhi[4];
    size_t width, mwidth;
    /* in a confidence window: m(s, t) for the window's sentences, row-major */
    const double *wmatch;
    size_t w_i0, w_j0, w_cols;
} sl_dp_state;

/* Fill d->bp (back-pointers) over the band d->bd; d->score and d->match hold rows of
 * width d->width and d->mwidth, allocated by the caller. */
void sl_dp_run(sl_dp_state *d, sl_matcher *mt);

/* The cheapest path back from (n, m), as beads (caller frees *out). With scores 0, the
 * beads' positions only; 1, their similarity and length cost; 2, their confidence too.
 * *touches_edge is set when the path passes within one column of a band edge that is not
 * the grid's. SELARAS_ERR_INTERNAL when no path reaches (0, 0). */
selaras_status sl_dp_backtrack(sl_dp_state *d, sl_matcher *mt, const selaras_allocator *mem,
                               int scores, sl_bead **out, size_t *count, int *touches_edge);

/* Find blocks a rewrite moved in the in-order path beads[0..*count) and link them where
 * the evidence is strong (moves.c); *beads is replaced when something moved. */
selaras_status sl_moves_apply(const sl_side *src, const sl_side *tgt, const sl_trans *trans,
                              const sl_params *p, const sl_erfc_table *et, size_t w,
                              const selaras_allocator *mem, sl_bead **beads, size_t *count,
                              selaras_error *err);

#endif
