/* Bead lists for evaluation: made empty, filled bead by bead or from an alignment, read. */
#include "config.h"

#include <string.h>

#include "evaluate.h"

selaras_status selaras_beads_new(selaras_beads **out, const selaras_allocator *mem,
                                 selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out is NULL");
    *out = NULL;
    selaras_allocator m;
    selaras_status st = sl_mem_init(&m, mem, err);
    if (st != SELARAS_OK)
        return st;
    selaras_beads *b = sl_calloc(&m, 1, sizeof *b);
    if (b == NULL)
        return sl_nomem(err);
    b->mem = m;
    *out = b;
    return SELARAS_OK;
}

void selaras_beads_free(selaras_beads *b)
{
    if (b == NULL)
        return;
    sl_free(&b->mem, b->v);
    sl_free(&b->mem, b->idx);
    selaras_allocator mem = b->mem;
    sl_free(&mem, b);
}

int sl_beads_push(selaras_beads *b, const size_t *src, size_t ns, const size_t *tgt, size_t nt)
{
    void *v = b->v, *idx = b->idx;
    if (sl_grow(&b->mem, &v, &b->cap, b->n + 1, sizeof *b->v) != 0)
        return -1;
    b->v = v;
    if (sl_grow(&b->mem, &idx, &b->capidx, b->nidx + ns + nt, sizeof *b->idx) != 0)
        return -1;
    b->idx = idx;
    b->v[b->n] = (sl_eval_bead){b->nidx, ns, nt};
    if (ns > 0)
        memcpy(b->idx + b->nidx, src, ns * sizeof *src);
    if (nt > 0)
        memcpy(b->idx + b->nidx + ns, tgt, nt * sizeof *tgt);
    b->nidx += ns + nt;
    b->n++;
    return 0;
}

selaras_status selaras_beads_add(selaras_beads *b, const size_t *src, size_t nsrc,
                                 const size_t *tgt, size_t ntgt, selaras_error *err)
{
    if (b == NULL || (src == NULL && nsrc > 0) || (tgt == NULL && ntgt > 0))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "bead list or index array is NULL");
    if (nsrc > SELARAS_BEADS_MAX_SIDE || ntgt > SELARAS_BEADS_MAX_SIDE)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "a bead side of %zu segments (at most %d)",
                        nsrc > ntgt ? nsrc : ntgt, SELARAS_BEADS_MAX_SIDE);
    return sl_beads_push(b, src, nsrc, tgt, ntgt) == 0 ? SELARAS_OK : sl_nomem(err);
}

selaras_status selaras_beads_add_alignment(selaras_beads *b, const selaras_alignment *a,
                                           selaras_error *err)
{
    if (b == NULL || a == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "bead list or alignment is NULL");
    size_t n0 = b->n, nidx0 = b->nidx;
    for (size_t k = 0; k < selaras_alignment_count(a); k++) {
        size_t s[3], t[3];
        size_t ns = selaras_alignment_src_count(a, k), nt = selaras_alignment_tgt_count(a, k);
        for (size_t i = 0; i < ns && i < 3; i++)
            s[i] = selaras_alignment_src_first(a, k) + i;
        for (size_t i = 0; i < nt && i < 3; i++)
            t[i] = selaras_alignment_tgt_first(a, k) + i;
        if (sl_beads_push(b, s, ns < 3 ? ns : 3, t, nt < 3 ? nt : 3) != 0) {
            b->n = n0;
            b->nidx = nidx0;
            return sl_nomem(err);
        }
    }
    return SELARAS_OK;
}

size_t selaras_beads_count(const selaras_beads *b)
{
    return b == NULL ? 0 : b->n;
}

const size_t *selaras_beads_src(const selaras_beads *b, size_t i, size_t *n)
{
    if (n != NULL)
        *n = b->v[i].ns;
    return sl_bead_src(b, i);
}

const size_t *selaras_beads_tgt(const selaras_beads *b, size_t i, size_t *n)
{
    if (n != NULL)
        *n = b->v[i].nt;
    return sl_bead_tgt(b, i);
}

int selaras_beads_contains(const selaras_beads *b, const selaras_beads *other, size_t i)
{
    if (b == NULL || other == NULL || i >= other->n)
        return 0;
    const sl_eval_bead *x = &other->v[i];
    const size_t *xs = sl_bead_src(other, i);
    for (size_t k = 0; k < b->n; k++)
        if (b->v[k].ns == x->ns && b->v[k].nt == x->nt &&
            memcmp(sl_bead_src(b, k), xs, (x->ns + x->nt) * sizeof *xs) == 0)
            return 1;
    return 0;
}
