/* Scores: alignments against gold beads (strict and lax, the Text+Berg convention) and
 * segmentations by their boundaries. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "../segment/segment.h"
#include "evaluate.h"

/* ---- alignments ---- */

/* (segment, bead) pairs of one side of a list, sorted: the beads that hold a segment. */
typedef struct sl_pos {
    size_t pos, bead;
} sl_pos;

typedef struct sl_side_index {
    sl_pos *v;
    size_t n;
} sl_side_index;

static int pos_cmp(const void *a, const void *b)
{
    const sl_pos *x = a, *y = b;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return x->bead < y->bead ? -1 : x->bead > y->bead;
}

static int two_sided(const selaras_beads *b, size_t k)
{
    return b->v[k].ns > 0 && b->v[k].nt > 0;
}

/* Index side 0 (source) or 1 (target) of the beads of b (only two-sided ones when only2). */
static int index_side(const selaras_beads *b, int side, int only2, sl_side_index *ix)
{
    size_t total = 0;
    for (size_t k = 0; k < b->n; k++)
        if (!only2 || two_sided(b, k))
            total += side == 0 ? b->v[k].ns : b->v[k].nt;
    ix->n = 0;
    ix->v = total ? sl_malloc(&b->mem, total * sizeof *ix->v) : NULL;
    if (total && ix->v == NULL)
        return -1;
    for (size_t k = 0; k < b->n; k++) {
        if (only2 && !two_sided(b, k))
            continue;
        size_t n = side == 0 ? b->v[k].ns : b->v[k].nt;
        const size_t *p = side == 0 ? sl_bead_src(b, k) : sl_bead_tgt(b, k);
        for (size_t i = 0; i < n; i++)
            ix->v[ix->n++] = (sl_pos){p[i], k};
    }
    if (ix->n > 1)
        qsort(ix->v, ix->n, sizeof *ix->v, pos_cmp);
    return 0;
}

/* The first entry of ix for segment pos (ix->n when there is none). */
static size_t lower_bound(const sl_side_index *ix, size_t pos)
{
    size_t a = 0, b = ix->n;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (ix->v[m].pos < pos)
            a = m + 1;
        else
            b = m;
    }
    return a;
}

static int same_bead(const selaras_beads *a, size_t i, const selaras_beads *b, size_t j)
{
    return a->v[i].ns == b->v[j].ns && a->v[i].nt == b->v[j].nt &&
           memcmp(sl_bead_src(a, i), sl_bead_src(b, j),
                  (a->v[i].ns + a->v[i].nt) * sizeof(size_t)) == 0;
}

static int shares_target(const selaras_beads *a, size_t i, const selaras_beads *b, size_t j)
{
    const size_t *x = sl_bead_tgt(a, i), *y = sl_bead_tgt(b, j);
    for (size_t p = 0; p < a->v[i].nt; p++)
        for (size_t q = 0; q < b->v[j].nt; q++)
            if (x[p] == y[q])
                return 1;
    return 0;
}

/* Judge every bead of xs (only two-sided ones when only2) against ref, indexed by source
 * and target segment: c[0..3] += strict right, strict wrong, lax right, lax wrong. */
static void judge(const selaras_beads *ref, const sl_side_index ix[2], const selaras_beads *xs,
                  int only2, size_t c[4])
{
    for (size_t k = 0; k < xs->n; k++) {
        const sl_eval_bead *x = &xs->v[k];
        if ((only2 && !two_sided(xs, k)) || x->ns + x->nt == 0)
            continue;
        int side = x->ns > 0 ? 0 : 1;
        size_t first = side == 0 ? sl_bead_src(xs, k)[0] : sl_bead_tgt(xs, k)[0];
        int strict = 0, lax = 0;
        for (size_t e = lower_bound(&ix[side], first);
             e < ix[side].n && ix[side].v[e].pos == first && !strict; e++)
            strict = same_bead(xs, k, ref, ix[side].v[e].bead);
        const size_t *src = sl_bead_src(xs, k);
        for (size_t i = 0; i < x->ns && !strict && !lax; i++)
            for (size_t e = lower_bound(&ix[0], src[i]);
                 e < ix[0].n && ix[0].v[e].pos == src[i] && !lax; e++)
                lax = shares_target(xs, k, ref, ix[0].v[e].bead);
        if (strict) {
            c[0]++;
            c[2]++;
        } else {
            c[1]++;
            c[lax ? 2 : 3]++;
        }
    }
}

/* Judge xs against ref (only two-sided beads of both when only2) into c. */
static selaras_status judge_lists(const selaras_beads *ref, const selaras_beads *xs, int only2,
                                  size_t c[4], selaras_error *err)
{
    sl_side_index ix[2] = {{NULL, 0}, {NULL, 0}};
    selaras_status st = SELARAS_OK;
    if (index_side(ref, 0, only2, &ix[0]) != 0 || index_side(ref, 1, only2, &ix[1]) != 0)
        st = sl_nomem(err);
    else
        judge(ref, ix, xs, only2, c);
    sl_free(&ref->mem, ix[0].v);
    sl_free(&ref->mem, ix[1].v);
    return st;
}

selaras_status selaras_eval_align(const selaras_beads *gold, const selaras_beads *test,
                                  selaras_align_counts *counts, selaras_error *err)
{
    if (gold == NULL || test == NULL || counts == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "gold, test or counts is NULL");
    size_t p[4] = {0, 0, 0, 0}, r[4] = {0, 0, 0, 0};
    selaras_status st = judge_lists(gold, test, 0, p, err);
    if (st == SELARAS_OK)
        st = judge_lists(test, gold, 1, r, err);
    if (st != SELARAS_OK)
        return st;
    counts->strict_right += p[0];
    counts->strict_wrong += p[1];
    counts->lax_right += p[2];
    counts->lax_wrong += p[3];
    counts->strict_found += r[0];
    counts->strict_missed += r[1];
    counts->lax_found += r[2];
    counts->lax_missed += r[3];
    return SELARAS_OK;
}

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 0.0;
}

static selaras_prf prf(size_t right, size_t wrong, size_t found, size_t missed)
{
    selaras_prf s;
    s.precision = ratio(right, right + wrong);
    s.recall = ratio(found, found + missed);
    s.f1 = s.precision + s.recall > 0
               ? 2 * s.precision * s.recall / (s.precision + s.recall)
               : 0.0;
    return s;
}

void selaras_eval_align_scores(const selaras_align_counts *c, selaras_prf *strict,
                               selaras_prf *lax)
{
    static const selaras_align_counts none;
    if (c == NULL)
        c = &none;
    if (strict != NULL)
        *strict = prf(c->strict_right, c->strict_wrong, c->strict_found, c->strict_missed);
    if (lax != NULL)
        *lax = prf(c->lax_right, c->lax_wrong, c->lax_found, c->lax_missed);
}

/* ---- segmentations ---- */

static int size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Sort and deduplicate v, then drop its largest value; returns the new count. */
static size_t boundaries_of(size_t *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, size_cmp);
    size_t m = 1;
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[m - 1])
            v[m++] = v[i];
    return m - 1;
}

static selaras_status count_boundaries(size_t *g, size_t ng, size_t *s, size_t ns,
                                       selaras_boundary_counts *counts)
{
    ng = boundaries_of(g, ng);
    ns = boundaries_of(s, ns);
    size_t right = 0;
    for (size_t i = 0, j = 0; i < ng && j < ns;) {
        if (g[i] == s[j]) {
            right++;
            i++;
            j++;
        } else if (g[i] < s[j])
            i++;
        else
            j++;
    }
    counts->right += right;
    counts->gold += ng;
    counts->system += ns;
    return SELARAS_OK;
}

selaras_status selaras_eval_boundaries(const size_t *gold, size_t ngold, const size_t *system,
                                       size_t nsystem, selaras_boundary_counts *counts,
                                       const selaras_allocator *mem, selaras_error *err)
{
    if ((gold == NULL && ngold > 0) || (system == NULL && nsystem > 0) || counts == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "boundary array or counts is NULL");
    selaras_allocator m;
    selaras_status st = sl_mem_init(&m, mem, err);
    if (st != SELARAS_OK)
        return st;
    size_t *g = sl_malloc(&m, (ngold + nsystem + 1) * sizeof *g);
    if (g == NULL)
        return sl_nomem(err);
    if (ngold > 0)
        memcpy(g, gold, ngold * sizeof *g);
    if (nsystem > 0)
        memcpy(g + ngold, system, nsystem * sizeof *g);
    st = count_boundaries(g, ngold, g + ngold, nsystem, counts);
    sl_free(&m, g);
    return st;
}

selaras_status selaras_eval_segments(const selaras_segments *gold,
                                     const selaras_segments *system,
                                     selaras_boundary_counts *counts, selaras_error *err)
{
    if (gold == NULL || system == NULL || counts == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "segment list or counts is NULL");
    size_t *v = sl_malloc(&gold->mem, (gold->count + system->count + 1) * sizeof *v);
    if (v == NULL)
        return sl_nomem(err);
    size_t ng = 0, ns = 0;
    for (size_t i = 0; i < gold->count; i++) {
        size_t len;
        selaras_segments_text(gold, i, &len);
        if (len > 0)
            v[ng++] = selaras_segments_end(gold, i);
    }
    for (size_t i = 0; i < system->count; i++) {
        size_t len;
        selaras_segments_text(system, i, &len);
        if (len > 0)
            v[ng + ns++] = selaras_segments_end(system, i);
    }
    selaras_status st = count_boundaries(v, ng, v + ng, ns, counts);
    sl_free(&gold->mem, v);
    return st;
}

selaras_prf selaras_eval_boundary_scores(const selaras_boundary_counts *c)
{
    if (c == NULL)
        return prf(0, 0, 0, 0);
    return prf(c->right, c->system - c->right, c->right, c->gold - c->right);
}
