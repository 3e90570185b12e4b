/* Moved blocks. The in-order path cannot link a paragraph that a rewrite moved (a quote put
 * at the end, eligibility before benefits): it leaves the paragraph as a run of 1-0 beads
 * where the source has it and a run of 0-1 beads where the target has it. After the path
 * is found, each run of source sentences left alone is aligned on its own with each run of
 * target sentences left alone elsewhere (a crossing: some linked bead lies between them);
 * a pair of runs is taken when its beads have strong lexical evidence, and its links
 * replace the 1-0 beads, while the target sentences it leaves alone stay 0-1 where they
 * were. The result keeps every sentence in one bead and the beads in source order; only
 * the target runs of moved blocks go back in the target. The in-order path stays the
 * default: nothing changes unless the evidence is strong. */
#include "config.h"

#include <string.h>

#include "dp.h"

/* A linking bead of a moved block needs this lexical similarity. */
#define SL_MOVE_SIM 0.35
/* A run takes part when its content weighs this much (tokens, anchors weighing more). */
#define SL_MOVE_MIN_WEIGHT 6.0
/* Runs considered on each side, the heaviest first (bounds the work on long documents). */
#define SL_MOVE_RUNS 16

typedef struct run {
    size_t first, last;   /* beads [first, last] */
    size_t a, b;          /* sentences [a, b) of the run's side */
    double weight;
    int used;
} run;

/* Runs of beads with no target (side 0) or no source (side 1). */
static size_t find_runs(const sl_bead *bd, size_t nb, const sl_side *f, int side, run *out)
{
    size_t n = 0;
    for (size_t k = 0; k < nb;) {
        if ((side ? bd[k].src_count : bd[k].tgt_count) != 0) {
            k++;
            continue;
        }
        size_t e = k;
        while (e + 1 < nb && (side ? bd[e + 1].src_count : bd[e + 1].tgt_count) == 0)
            e++;
        size_t a = side ? bd[k].tgt_first : bd[k].src_first;
        size_t b = side ? bd[e].tgt_first + bd[e].tgt_count : bd[e].src_first + bd[e].src_count;
        double w = 0;
        for (size_t s = a; s < b; s++)
            if (!(f->skip[s] & SL_UNIT_SKIP))
                w += f->ntok[s + 1] - f->ntok[s];
        if (w >= SL_MOVE_MIN_WEIGHT) {
            run r = {k, e, a, b, w, 0};
            if (n < SL_MOVE_RUNS)
                out[n++] = r;
            else { /* keep the heaviest */
                size_t lo = 0;
                for (size_t q = 1; q < n; q++)
                    if (out[q].weight < out[lo].weight)
                        lo = q;
                if (out[lo].weight < w)
                    out[lo] = r;
            }
        }
        k = e + 1;
    }
    return n;
}

/* Whether a bead linking both sides lies between bead runs x and y. */
static int crossing(const sl_bead *bd, const run *x, const run *y)
{
    size_t lo = x->last < y->first ? x->last : y->last, hi = x->last < y->first ? y->first : x->first;
    for (size_t k = lo + 1; k < hi; k++)
        if (bd[k].src_count && bd[k].tgt_count)
            return 1;
    return 0;
}

/* Align source run rs with target run rt on their own; *gain is the weight of what strong
 * beads link (0: nothing). The beads are in *sub (caller frees), weak links split. */
static selaras_status try_pair(const sl_side *src, const sl_side *tgt, const sl_trans *trans,
                               const sl_params *p, const sl_erfc_table *et, size_t w,
                               const selaras_allocator *mem, const run *rs, const run *rt,
                               sl_bead **sub, size_t *nsub, double *gain, selaras_error *err)
{
    *gain = 0;
    *sub = NULL;
    *nsub = 0;
    size_t cells = p->full_cells ? p->full_cells : (size_t)1 << 19;
    if ((rs->b - rs->a + 1) > cells / (rt->b - rt->a + 1))
        return SELARAS_OK;
    sl_side vs = sl_side_view(src, rs->a, rs->b), vt = sl_side_view(tgt, rt->a, rt->b);
    sl_bead *bd = NULL;
    size_t nb = 0;
    selaras_status st = sl_dp_align(&vs, &vt, trans, p, et, w, NULL, 0, 1, mem, &bd, &nb, err);
    if (st != SELARAS_OK)
        return st;
    /* split weak links into 1-0 and 0-1 beads */
    size_t weak = 0;
    for (size_t k = 0; k < nb; k++)
        if (bd[k].src_count && bd[k].tgt_count && bd[k].sim < SL_MOVE_SIM)
            weak++;
    sl_bead *out = sl_malloc(mem, (nb + 6 * weak + 1) * sizeof *out);
    if (out == NULL) {
        sl_free(mem, bd);
        return SELARAS_ERR_NOMEM;
    }
    size_t n = 0;
    for (size_t k = 0; k < nb; k++) {
        sl_bead x = bd[k];
        x.src_first += rs->a;
        x.tgt_first += rt->a;
        if (!x.src_count || !x.tgt_count || x.sim >= SL_MOVE_SIM) {
            if (x.src_count && x.tgt_count)
                *gain += x.sim * (src->ntok[x.src_first + x.src_count] - src->ntok[x.src_first]);
            out[n++] = x;
            continue;
        }
        for (size_t s = 0; s < x.src_count; s++)
            out[n++] = (sl_bead){x.src_first + s, 1, x.tgt_first, 0, 0, 0, 0, 0.5};
        for (size_t t = 0; t < x.tgt_count; t++)
            out[n++] = (sl_bead){x.src_first + x.src_count, 0, x.tgt_first + t, 1, 0, 0, 0, 0.5};
    }
    sl_free(mem, bd);
    *sub = out;
    *nsub = n;
    return SELARAS_OK;
}

selaras_status sl_moves_apply(const sl_side *src, const sl_side *tgt, const sl_trans *trans,
                              const sl_params *p, const sl_erfc_table *et, size_t w,
                              const selaras_allocator *mem, sl_bead **beads, size_t *count,
                              selaras_error *err)
{
    sl_bead *bd = *beads;
    size_t nb = *count;
    run rs[SL_MOVE_RUNS], rt[SL_MOVE_RUNS];
    size_t ns = find_runs(bd, nb, src, 0, rs), nt = find_runs(bd, nb, tgt, 1, rt);
    if (ns == 0 || nt == 0)
        return SELARAS_OK;
    /* per source run: the chosen target run and its beads */
    sl_bead *take[SL_MOVE_RUNS] = {NULL};
    size_t ntake[SL_MOVE_RUNS] = {0}, with[SL_MOVE_RUNS];
    selaras_status st = SELARAS_OK;
    size_t extra = 0;
    for (size_t x = 0; x < ns && st == SELARAS_OK; x++) {
        double best = 0;
        for (size_t y = 0; y < nt && st == SELARAS_OK; y++) {
            if (rt[y].used || !crossing(bd, &rs[x], &rt[y]))
                continue;
            sl_bead *sub;
            size_t nsub;
            double gain;
            st = try_pair(src, tgt, trans, p, et, w, mem, &rs[x], &rt[y], &sub, &nsub, &gain, err);
            if (st == SELARAS_OK && gain > best) {
                sl_free(mem, take[x]);
                take[x] = sub;
                ntake[x] = nsub;
                with[x] = y;
                best = gain;
            } else {
                sl_free(mem, sub);
            }
        }
        if (take[x] != NULL) {
            rt[with[x]].used = 1;
            extra += ntake[x];
        }
    }
    sl_bead *out = NULL;
    if (st == SELARAS_OK && extra > 0) {
        out = sl_malloc(mem, (nb + extra) * sizeof *out);
        if (out == NULL)
            st = SELARAS_ERR_NOMEM;
    }
    if (st == SELARAS_OK && out != NULL) {
        size_t n = 0;
        for (size_t k = 0; k < nb;) {
            size_t next = k + 1;
            int done = 0;
            for (size_t x = 0; x < ns && !done; x++) {
                if (take[x] == NULL)
                    continue;
                if (rs[x].first == k) { /* the source run: its beads with a source */
                    for (size_t q = 0; q < ntake[x]; q++)
                        if (take[x][q].src_count) {
                            out[n] = take[x][q];
                            if (!out[n].tgt_count)
                                out[n].tgt_first = bd[k].tgt_first;
                            n++;
                        }
                    next = rs[x].last + 1;
                    done = 1;
                } else if (rt[with[x]].first == k) { /* the target run: what stays alone */
                    for (size_t q = 0; q < ntake[x]; q++)
                        if (!take[x][q].src_count) {
                            out[n] = take[x][q];
                            out[n].src_first = bd[k].src_first;
                            out[n].score = (tgt->skip[out[n].tgt_first] & SL_UNIT_SKIP)
                                               ? 1.0 : out[n].score;
                            n++;
                        }
                    next = rt[with[x]].last + 1;
                    done = 1;
                }
            }
            if (!done)
                out[n++] = bd[k];
            k = next;
        }
        sl_free(mem, bd);
        *beads = out;
        *count = n;
    }
    for (size_t x = 0; x < ns; x++)
        sl_free(mem, take[x]);
    if (st == SELARAS_ERR_NOMEM)
        sl_nomem(err);
    return st;
}
