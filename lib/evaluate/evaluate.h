/* Private header of the evaluation stage: bead lists (beads.c, parse.c) and the scores of
 * alignments and segmentations (score.c). */
#ifndef SELARAS_EVALUATE_H
#define SELARAS_EVALUATE_H

#include "../core/core.h"

/* One bead: ns source then nt target indices at idx[off]. */
typedef struct sl_eval_bead {
    size_t off;
    size_t ns, nt;
} sl_eval_bead;

struct selaras_beads {
    selaras_allocator mem;
    sl_eval_bead *v;
    size_t n, cap;
    size_t *idx;
    size_t nidx, capidx;
};

/* Append a bead without checking the side lengths; 0 or -1 (no memory, list unchanged). */
int sl_beads_push(selaras_beads *b, const size_t *src, size_t ns, const size_t *tgt, size_t nt);

static inline const size_t *sl_bead_src(const selaras_beads *b, size_t i)
{
    return b->idx + b->v[i].off;
}

static inline const size_t *sl_bead_tgt(const selaras_beads *b, size_t i)
{
    return b->idx + b->v[i].off + b->v[i].ns;
}

#endif
