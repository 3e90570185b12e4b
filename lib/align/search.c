/* The search for the path: small problems on the whole grid; large ones in a band around
 * the path of a coarser problem (blocks of sentences, recursively); where the best path
 * runs along the band's edge, that stretch is realigned on the whole grid between points
 * of the path around it (block levels widen their band instead). */
#include "config.h"

#include <string.h>

#include "dp.h"

/* Problems up to this many cells are solved on the whole grid (unless p->full_cells says
 * otherwise). */
#define SL_FULL_CELLS ((size_t)1 << 19)

static size_t full_cells(const sl_params *p)
{
    return p->full_cells ? p->full_cells : SL_FULL_CELLS;
}
/* A path along the band's edge doubles the band at most this many times (block levels, and
 * stretches too large for the whole grid). */
#define SL_WIDEN_MAX 2

static void band_from_centre(sl_band *bd, const double *centre, size_t n, size_t m, size_t w)
{
    for (size_t i = 0; i <= n; i++) {
        double c = centre[i];
        double lo = c - (double)w, hi = c + (double)w;
        bd->lo[i] = lo <= 0 ? 0 : (size_t)lo;
        bd->hi[i] = hi >= (double)m ? m : (size_t)hi;
        if (bd->lo[i] > m)
            bd->lo[i] = m;
        if (i > 0 && bd->lo[i] < bd->lo[i - 1])
            bd->lo[i] = bd->lo[i - 1];
        if (i > 0 && bd->hi[i] < bd->hi[i - 1])
            bd->hi[i] = bd->hi[i - 1];
    }
    bd->lo[0] = 0;
    bd->hi[n] = m;
    for (size_t i = n; i-- > 0;)
        if (bd->hi[i] < bd->lo[i + 1])
            bd->hi[i] = bd->lo[i + 1];
    for (size_t i = 0; i <= n; i++)
        if (bd->hi[i] < bd->lo[i])
            bd->hi[i] = bd->lo[i];
}

static selaras_status dp_align(const sl_side *src, const sl_side *tgt, const sl_trans *trans,
                               const sl_params *p, const sl_erfc_table *et, size_t w,
                               const unsigned char *guide, size_t nguide,
                               const selaras_allocator *mem, int scores, sl_bead **beads,
                               size_t *count, selaras_error *err);

/* The first sentence of block k when n sentences form nk blocks of (nearly) equal size. */
static size_t block_start(size_t k, size_t n, size_t nk)
{
    return nk ? (size_t)((unsigned long long)k * n / nk) : 0;
}

/* centre[i] for i = 0..n: the target position of a path of beads (as steps) over sk blocks
 * of the n source sentences and tk blocks of the m target sentences, interpolated inside
 * each bead (sk = n, tk = m: a path over sentences). */
static void centre_from_path(const unsigned char *steps, size_t nb, size_t sk, size_t tk,
                             size_t n, size_t m, double *centre)
{
    size_t bi = 0, bj = 0;
    for (size_t i = 0; i <= n; i++)
        centre[i] = (double)m;
    for (size_t b = 0; b < nb; b++) {
        size_t ei = bi + sl_step_src(steps[b]), ej = bj + sl_step_tgt(steps[b]);
        if (ei > sk)
            ei = sk;
        if (ej > tk)
            ej = tk;
        size_t s0 = block_start(bi, n, sk), s1 = block_start(ei, n, sk);
        double i0 = (double)s0, i1 = (double)s1;
        double j0 = (double)block_start(bj, m, tk), j1 = (double)block_start(ej, m, tk);
        for (size_t i = s0; i <= s1; i++)
            centre[i] = i1 > i0 ? j0 + ((double)i - i0) * (j1 - j0) / (i1 - i0) : j0;
        bi = ei;
        bj = ej;
    }
}

/* Coarse-to-fine: cut both sides into the same number of blocks, SL_COARSE sentences or
 * more each (their lengths pooled, their tokens pooled with each token once), align the
 * blocks and draw the centre line of the fine band through the block path. Blocks in
 * proportion to each side's size put the diagonal on 1-1 block beads of matching length,
 * so even a path on lengths alone keeps to it. The block problem recurses when it is
 * itself too large for the whole grid. */
#define SL_COARSE 10
static selaras_status coarse_centre(const sl_side *src, const sl_side *tgt,
                                    const sl_trans *trans, const sl_params *p,
                                    const sl_erfc_table *et, size_t w,
                                    const selaras_allocator *mem, double *centre,
                                    selaras_error *err)
{
    size_t n = src->n, m = tgt->n;
    size_t cn = ((n < m ? n : m) + SL_COARSE - 1) / SL_COARSE;
    if (cn == 0)
        cn = 1;
    const sl_side *sides[2] = {src, tgt};
    sl_side cs[2];
    memset(cs, 0, sizeof cs);
    selaras_status st = SELARAS_ERR_NOMEM;
    sl_bead *beads = NULL;
    unsigned char *steps = NULL;
    uint32_t *seen = NULL; /* token -> last block it was kept for, + 1 */
    size_t nb = 0;
    for (int q = 0; q < 2; q++) {
        const sl_side *f = sides[q];
        sl_free(mem, seen);
        cs[q].n = cn;
        cs[q].unit = (f->unit > 0 ? f->unit : 1.0) * (double)f->n / (double)cn;
        memcpy(cs[q].weight, f->weight, sizeof cs[q].weight);
        cs[q].stem_of = f->stem_of;
        cs[q].stem_cap = f->stem_cap;
        /* a block holds each token once: a cell costs as much as its tokens, and
         * words repeat within a block, the more so the larger the block */
        size_t keep = f->first[f->n];
        uint32_t top = 0;
        for (size_t i = 0; i < keep; i++)
            if (f->toks[i] >= top)
                top = f->toks[i] + 1;
        seen = sl_calloc(mem, top ? top : 1, sizeof *seen);
        cs[q].toks = sl_malloc(mem, (keep ? keep : 1) * sizeof *cs[q].toks);
        cs[q].first = sl_malloc(mem, (cn + 1) * sizeof *cs[q].first);
        cs[q].len = sl_malloc(mem, (cn + 1) * sizeof *cs[q].len);
        cs[q].ntok = sl_malloc(mem, (cn + 1) * sizeof *cs[q].ntok);
        cs[q].skip = sl_calloc(mem, cn + 1, 1);
        if (seen == NULL || cs[q].toks == NULL || cs[q].first == NULL || cs[q].len == NULL ||
            cs[q].ntok == NULL || cs[q].skip == NULL)
            goto out;
        size_t kept = 0;
        double weight = 0;
        for (size_t k = 0; k <= cn; k++) {
            size_t a = block_start(k, f->n, cn);
            cs[q].first[k] = kept;
            cs[q].len[k] = f->len[a];
            cs[q].ntok[k] = weight;
            if (k == cn)
                break;
            uint32_t block = (uint32_t)k + 1;
            size_t b = block_start(k + 1, f->n, cn);
            for (size_t i = f->first[a]; i < f->first[b]; i++) {
                sl_atok tk = f->toks[i];
                if (seen[tk] == block)
                    continue;
                seen[tk] = block;
                cs[q].toks[kept++] = tk;
                weight += f->weight[sl_tok_cls(tk)];
            }
        }
    }
    if ((st = dp_align(&cs[0], &cs[1], trans, p, et, w, NULL, 0, mem, 0, &beads, &nb, err)) !=
        SELARAS_OK)
        goto out;
    steps = sl_malloc(mem, nb ? nb : 1);
    if (steps == NULL) {
        st = SELARAS_ERR_NOMEM;
        goto out;
    }
    for (size_t b = 0; b < nb; b++)
        steps[b] = sl_step_of(&beads[b]);
    centre_from_path(steps, nb, cn, cn, n, m, centre);
    st = SELARAS_OK;
out:
    sl_free(mem, steps);
    sl_free(mem, beads);
    sl_free(mem, seen);
    for (int q = 0; q < 2; q++) {
        sl_free(mem, cs[q].toks);
        sl_free(mem, cs[q].first);
        sl_free(mem, cs[q].len);
        sl_free(mem, cs[q].ntok);
        sl_free(mem, cs[q].skip);
    }
    return st;
}

/* ---- local repair of a path that ran along the band's edge ---- */

/* Rows around a stretch where the path touched the edge that its repair realigns. */
#define SL_REPAIR_MARGIN(w) (4 * (w))

/* Whether the path point (i, j) lies on the edge of the band (as sl_dp_backtrack() counts it). */
static int on_edge(const sl_band *bd, size_t i, size_t j, size_t m)
{
    return (bd->lo[i] > 0 && j <= bd->lo[i] + 1) || (bd->hi[i] < m && j + 1 >= bd->hi[i]);
}

/* The path in beads[0..nb) touched the band's edge. Realign each stretch where it did,
 * with a margin of rows on both sides, on the whole grid between the path's bead
 * boundaries around it, and splice the result in: the cost grows with the stretches, not
 * with the document. *done is 0 (beads untouched) when a stretch is too large for the
 * whole grid; then the caller widens the band instead. */
static selaras_status repair_edges(const sl_dp_state *d, const sl_trans *trans, size_t w,
                                   const selaras_allocator *mem, int scores, sl_bead **beads,
                                   size_t *count, int *done, selaras_error *err)
{
    const sl_side *src = d->src, *tgt = d->tgt;
    size_t nb = *count, m = tgt->n, margin = SL_REPAIR_MARGIN(w);
    sl_bead *in = *beads;
    *done = 0;
    /* first pass: check that every window fits the whole grid; second: splice */
    sl_bead *out = NULL;
    size_t nout = 0, cap = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t q = 0, next = 0; /* next: first bead not yet copied */
        while (q < nb) {
            size_t qe = q;
            while (qe < nb && !on_edge(&d->bd, in[qe].src_first + in[qe].src_count,
                                       in[qe].tgt_first + in[qe].tgt_count, m))
                qe++;
            if (qe == nb)
                break;
            /* the window: from margin rows before the touch to margin rows after the last
             * touch that lies within margin rows of the one before */
            size_t qa = qe, qb = qe;
            size_t a = in[qe].src_first > margin ? in[qe].src_first - margin : 0;
            while (qa > next && in[qa].src_first > a)
                qa--;
            for (size_t k = qe + 1; k < nb; k++) {
                size_t end = in[qb].src_first + in[qb].src_count;
                if (in[k].src_first > end + margin)
                    break;
                if (on_edge(&d->bd, in[k].src_first + in[k].src_count,
                            in[k].tgt_first + in[k].tgt_count, m))
                    qb = k;
            }
            size_t b = in[qb].src_first + in[qb].src_count + margin;
            while (qb + 1 < nb && in[qb].src_first + in[qb].src_count < b)
                qb++;
            size_t ia = in[qa].src_first, ja = in[qa].tgt_first;
            size_t ib = in[qb].src_first + in[qb].src_count, jb = in[qb].tgt_first + in[qb].tgt_count;
            if (pass == 0) {
                if ((ib - ia + 1) > full_cells(d->p) / (jb - ja + 1))
                    return SELARAS_OK; /* too large: widen instead */
            } else {
                sl_side vs = sl_side_view(src, ia, ib), vt = sl_side_view(tgt, ja, jb);
                sl_bead *sub = NULL;
                size_t nsub = 0;
                selaras_status st = dp_align(&vs, &vt, trans, d->p, d->et, w, NULL, 0, mem,
                                             scores, &sub, &nsub, err);
                if (st == SELARAS_OK && nout + (qa - next) + nsub + (nb - qb - 1) > cap) {
                    size_t want = nout + (qa - next) + nsub + (nb - qb - 1) + nb / 8 + 16;
                    sl_bead *grown = sl_realloc(mem, out, want * sizeof *out);
                    if (grown == NULL)
                        st = SELARAS_ERR_NOMEM;
                    else {
                        out = grown;
                        cap = want;
                    }
                }
                if (st != SELARAS_OK) {
                    sl_free(mem, sub);
                    sl_free(mem, out);
                    return st;
                }
                memcpy(out + nout, in + next, (qa - next) * sizeof *out);
                nout += qa - next;
                for (size_t k = 0; k < nsub; k++) {
                    sub[k].src_first += ia;
                    sub[k].tgt_first += ja;
                    out[nout++] = sub[k];
                }
                sl_free(mem, sub);
            }
            next = qb + 1;
            q = qb + 1;
        }
        if (pass == 1) {
            if (nout + (nb - next) > cap) {
                sl_bead *grown = sl_realloc(mem, out, (nout + (nb - next) + 1) * sizeof *out);
                if (grown == NULL) {
                    sl_free(mem, out);
                    return SELARAS_ERR_NOMEM;
                }
                out = grown;
            }
            memcpy(out + nout, in + next, (nb - next) * sizeof *out);
            nout += nb - next;
        }
    }
    sl_free(mem, in);
    *beads = out;
    *count = nout;
    *done = 1;
    return SELARAS_OK;
}

selaras_status sl_dp_align(const sl_side *src, const sl_side *tgt, const sl_trans *trans,
                           const sl_params *p, const sl_erfc_table *et, size_t w,
                           const unsigned char *guide, size_t nguide, int confidence,
                           const selaras_allocator *mem, sl_bead **beads, size_t *count,
                           selaras_error *err)
{
    return dp_align(src, tgt, trans, p, et, w, guide, nguide, mem, confidence ? 2 : 1, beads,
                    count, err);
}

static selaras_status dp_align(const sl_side *src, const sl_side *tgt, const sl_trans *trans,
                               const sl_params *p, const sl_erfc_table *et, size_t w,
                               const unsigned char *guide, size_t nguide,
                               const selaras_allocator *mem, int scores, sl_bead **beads,
                               size_t *count, selaras_error *err)
{
    size_t n = src->n, m = tgt->n;
    sl_dp_state d;
    memset(&d, 0, sizeof d);
    d.src = src;
    d.tgt = tgt;
    d.p = p;
    d.et = et;
    sl_matcher mt = {(p->evidence & SELARAS_EVIDENCE_ANCHORS) != 0, src, tgt, trans, NULL, 0, NULL};
    double *centre = NULL;
    selaras_status st = SELARAS_ERR_NOMEM;
    *beads = NULL;
    *count = 0;
    int full = (n + 1) <= full_cells(p) / (m + 1);
    d.bd.lo = sl_malloc(mem, (n + 1) * sizeof *d.bd.lo);
    d.bd.hi = sl_malloc(mem, (n + 1) * sizeof *d.bd.hi);
    d.bd.boff = sl_malloc(mem, (n + 2) * sizeof *d.bd.boff);
    mt.stamp = sl_calloc(mem, trans->nvocab ? trans->nvocab : 1, sizeof *mt.stamp);
    mt.tstem = sl_malloc(mem, (trans->nvocab ? trans->nvocab : 1) * 4 * sizeof *mt.tstem);
    if (d.bd.lo == NULL || d.bd.hi == NULL || d.bd.boff == NULL || mt.stamp == NULL ||
        mt.tstem == NULL)
        goto out;
    for (size_t v = 0; v < trans->nvocab * 4; v++)
        mt.tstem[v] = sl_tok_stem(tgt, (sl_atok)v);
    if (!full) {
        centre = sl_malloc(mem, (n + 1) * sizeof *centre);
        if (centre == NULL)
            goto out;
        if (guide != NULL)
            centre_from_path(guide, nguide, n, m, n, m, centre);
        else if ((st = coarse_centre(src, tgt, trans, p, et, w, mem, centre, err)) != SELARAS_OK)
            goto out;
        st = SELARAS_ERR_NOMEM;
    }
    for (int attempt = 0;; attempt++) {
        if (full) {
            for (size_t i = 0; i <= n; i++) {
                d.bd.lo[i] = 0;
                d.bd.hi[i] = m;
            }
        } else {
            band_from_centre(&d.bd, centre, n, m, w);
        }
        size_t total = 0, width = 0, mwidth = 0;
        for (size_t i = 0; i <= n; i++) {
            d.bd.boff[i] = total;
            size_t wd = d.bd.hi[i] - d.bd.lo[i] + 1;
            total += wd;
            if (wd > width)
                width = wd;
            if (i > 0) {
                size_t from = d.bd.lo[i] >= 3 ? d.bd.lo[i] - 3 : 0;
                size_t last = i + 2 <= n ? i + 2 : n;
                if (d.bd.hi[last] - from + 1 > mwidth)
                    mwidth = d.bd.hi[last] - from + 1;
            }
        }
        d.bd.boff[n + 1] = total;
        d.bp = sl_malloc(mem, total);
        for (int r = 0; r < 4; r++) {
            d.score[r] = sl_malloc(mem, width * sizeof(double));
            d.match[r] = sl_malloc(mem, (mwidth ? mwidth : 1) * sizeof(double));
        }
        int ok = d.bp != NULL;
        for (int r = 0; r < 4; r++)
            ok = ok && d.score[r] != NULL && d.match[r] != NULL;
        if (ok) {
            sl_dp_run(&d, &mt);
            int edge = 0;
            st = sl_dp_backtrack(&d, &mt, mem, scores, beads, count, &edge);
            /* the sentence level is repaired where it touched the edge; the block levels
             * (scores == 0), a tenth of the size or less, widen everywhere: a block path
             * off by a whole stretch of text is only put right by a wider band */
            if (st == SELARAS_OK && edge && !full && scores > 0) {
                int repaired = 0;
                st = repair_edges(&d, trans, w, mem, scores, beads, count, &repaired, err);
                if (st == SELARAS_OK && repaired)
                    edge = 0;
                if (st != SELARAS_OK) {
                    sl_free(mem, *beads);
                    *beads = NULL;
                    *count = 0;
                }
            }
            if (st == SELARAS_OK && edge && !full && attempt < SL_WIDEN_MAX) {
                sl_free(mem, *beads);
                *beads = NULL;
                *count = 0;
                w *= 2;
                st = SELARAS_ERR_NOMEM;
                ok = 2;
            }
        }
        sl_free(mem, d.bp);
        d.bp = NULL;
        for (int r = 0; r < 4; r++) {
            sl_free(mem, d.score[r]);
            sl_free(mem, d.match[r]);
            d.score[r] = d.match[r] = NULL;
        }
        if (ok != 2)
            break;
    }
out:
    if (st == SELARAS_ERR_NOMEM)
        sl_nomem(err);
    else if (st == SELARAS_ERR_INTERNAL)
        sl_error(err, st, "alignment: no path through the band");
    sl_free(mem, centre);
    sl_free(mem, d.bd.lo);
    sl_free(mem, d.bd.hi);
    sl_free(mem, d.bd.boff);
    sl_free(mem, mt.stamp);
    sl_free(mem, mt.tstem);
    return st;
}
