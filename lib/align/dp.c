/* The dynamic programme: the cheapest sequence of beads through a band of the
 * (source, target) grid. Scores are kept for four rows only and back-pointers (one byte
 * a cell) for the band, so memory grows with n times the band width, not with n times m.
 * Small problems use the whole grid; large ones a band around a path of anchor tokens
 * (tokens that occur once on each side), widened when the best path runs along an edge. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "align.h"

const sl_bead_type sl_bead_types[SL_BEAD_TYPES] = {
    {1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}};

/* Problems up to this many cells are solved on the whole grid. */
#define SL_FULL_CELLS ((size_t)4 << 20)
#define SL_INF 1e300
/* Token weight from which a sentence with no match inside a merge costs w_orphan. */
#define SL_ORPHAN_MIN 4.0
#define SL_ORPHAN_SHARE 0.3
/* Margins are capped here (no alternative at all). */
#define SL_MARGIN_MAX 50.0

void sl_erfc_table_init(sl_erfc_table *t)
{
    for (size_t i = 0; i < sizeof t->v / sizeof t->v[0]; i++) {
        double x = (double)i / 64.0;
        double e = erfc(x / sqrt(2.0));
        t->v[i] = e > 1e-300 ? -log(e) : 690.0;
    }
}

static double neg_log_tail(const sl_erfc_table *t, double x)
{
    double p = x * 64.0;
    if (p >= 1919.0)
        return 0.5 * x * x + log(x * 1.2533141373155) ; /* asymptotic, sqrt(pi/2) */
    size_t k = (size_t)p;
    double f = p - (double)k;
    return t->v[k] * (1.0 - f) + t->v[k + 1] * f;
}

double sl_length_cost(const sl_erfc_table *t, const sl_params *p, double ls, double lt)
{
    if (ls == 0 && lt == 0)
        return 0;
    double mean = (ls + lt / p->ratio) / 2.0;
    if (mean < 1)
        mean = 1;
    double d = (lt / p->ratio - ls) / sqrt(p->var * mean);
    return neg_log_tail(t, fabs(d));
}

/* ---- the band ---- */

typedef struct band {
    size_t *lo, *hi;    /* n + 1 inclusive column ranges */
    size_t *boff;       /* n + 2 offsets of each row's back-pointers */
} band;

/* Centre line through anchors: tokens that occur in exactly one sentence on each side
 * with the same key, kept when they form the longest increasing chain. */
static selaras_status anchor_centre(const sl_side *src, const sl_side *tgt, size_t nvocab,
                                    const selaras_allocator *mem, double *centre)
{
    size_t n = src->n, m = tgt->n;
    uint32_t *where_s = sl_malloc(mem, nvocab * sizeof *where_s);
    uint32_t *where_t = sl_malloc(mem, nvocab * sizeof *where_t);
    size_t npts = 0;
    size_t *pi = NULL, *pj = NULL, *tail = NULL, *prev = NULL;
    selaras_status st = SELARAS_ERR_NOMEM;
    if (where_s == NULL || where_t == NULL)
        goto out;
    /* 0: unseen, k + 1: only in sentence k, UINT32_MAX: several */
    memset(where_s, 0, nvocab * sizeof *where_s);
    memset(where_t, 0, nvocab * sizeof *where_t);
    for (size_t i = 0; i < n; i++)
        for (size_t k = src->first[i]; k < src->first[i + 1]; k++) {
            uint32_t v = src->toks[k].surf;
            where_s[v] = where_s[v] == 0 ? (uint32_t)i + 1 : UINT32_MAX;
        }
    for (size_t j = 0; j < m; j++)
        for (size_t k = tgt->first[j]; k < tgt->first[j + 1]; k++) {
            uint32_t v = tgt->toks[k].surf;
            where_t[v] = where_t[v] == 0 ? (uint32_t)j + 1 : UINT32_MAX;
        }
    for (size_t v = 0; v < nvocab; v++)
        if (where_s[v] != 0 && where_s[v] != UINT32_MAX && where_t[v] != 0 &&
            where_t[v] != UINT32_MAX)
            npts++;
    pi = sl_malloc(mem, (npts + 1) * sizeof *pi);
    pj = sl_malloc(mem, (npts + 1) * sizeof *pj);
    tail = sl_malloc(mem, (npts + 1) * sizeof *tail);
    prev = sl_malloc(mem, (npts + 1) * sizeof *prev);
    if (pi == NULL || pj == NULL || tail == NULL || prev == NULL)
        goto out;
    /* points in source order; within a sentence, target descending (strict chain) */
    npts = 0;
    for (size_t i = 0; i < n; i++) {
        size_t first = npts;
        for (size_t k = src->first[i]; k < src->first[i + 1]; k++) {
            uint32_t v = src->toks[k].surf;
            if (where_s[v] != (uint32_t)i + 1 || where_t[v] == 0 || where_t[v] == UINT32_MAX)
                continue;
            size_t j = where_t[v] - 1, q = npts++;
            while (q > first && pj[q - 1] < j) {
                pi[q] = pi[q - 1];
                pj[q] = pj[q - 1];
                q--;
            }
            pi[q] = i;
            pj[q] = j;
        }
    }
    /* longest strictly increasing subsequence of pj */
    size_t len = 0;
    for (size_t p = 0; p < npts; p++) {
        size_t a = 0, b = len;
        while (a < b) {
            size_t mid = (a + b) / 2;
            if (pj[tail[mid]] < pj[p])
                a = mid + 1;
            else
                b = mid;
        }
        prev[p] = a > 0 ? tail[a - 1] : SIZE_MAX;
        tail[a] = p;
        if (a == len)
            len++;
    }
    /* interpolate between chain points (plus the corners) */
    double ci = (double)n, cj = (double)m;
    size_t p = len > 0 ? tail[len - 1] : SIZE_MAX;
    for (size_t i = n + 1; i-- > 0;) {
        while (p != SIZE_MAX && (double)pi[p] + 0.5 > (double)i)
            {
                ci = (double)pi[p] + 0.5;
                cj = (double)pj[p] + 0.5;
                p = prev[p];
            }
        double li = p == SIZE_MAX ? 0 : (double)pi[p] + 0.5;
        double lj = p == SIZE_MAX ? 0 : (double)pj[p] + 0.5;
        double f = ci > li ? ((double)i - li) / (ci - li) : 1.0;
        centre[i] = lj + f * (cj - lj);
    }
    st = SELARAS_OK;
out:
    sl_free(mem, where_s);
    sl_free(mem, where_t);
    sl_free(mem, pi);
    sl_free(mem, pj);
    sl_free(mem, tail);
    sl_free(mem, prev);
    return st;
}

static void band_from_centre(band *bd, const double *centre, size_t n, size_t m, size_t w)
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

/* ---- matches ---- */

typedef struct matcher {
    int identity;       /* identical keys match */
    const sl_side *src, *tgt;
    const sl_trans *trans;
    uint32_t *stamp;    /* nvocab */
    uint32_t clock;
} matcher;

static void mark_sentence(matcher *mt, size_t s)
{
    uint32_t c = ++mt->clock;
    const sl_side *src = mt->src;
    const sl_trans *tr = mt->trans;
    for (size_t k = src->first[s]; k < src->first[s + 1]; k++) {
        const sl_atok *t = &src->toks[k];
        if (mt->identity) {
            mt->stamp[t->surf] = c;
            mt->stamp[t->stem] = c;
        }
        if (tr->first != NULL) {
            uint32_t ids[2] = {t->surf, t->stem};
            for (int q = 0; q < (t->stem == t->surf ? 1 : 2); q++)
                for (uint32_t x = tr->first[ids[q]]; x < tr->first[ids[q] + 1]; x++)
                    mt->stamp[tr->to[x]] = c;
        }
    }
}

static double count_marked(const matcher *mt, size_t t)
{
    const sl_side *tgt = mt->tgt;
    uint32_t c = mt->clock;
    double n = 0;
    for (size_t k = tgt->first[t]; k < tgt->first[t + 1]; k++)
        if (mt->stamp[tgt->toks[k].surf] == c || mt->stamp[tgt->toks[k].stem] == c)
            n += tgt->toks[k].weight;
    return n;
}

static double similarity(double matched, double ns, double nt)
{
    if (ns + nt <= 0)
        return 0;
    double s = 2.0 * matched / (ns + nt);
    return s > 1 ? 1 : s;
}

/* ---- the programme ---- */

typedef struct dp_state {
    const sl_side *src, *tgt;
    const sl_params *p;
    const sl_erfc_table *et;
    band bd;
    unsigned char *bp;
    double *score[4];   /* rolling rows, indexed by j - lo[i] */
    double *match[4];   /* rolling rows of m(s, t), indexed by t - mlo[s % 4] */
    size_t mlo[4], mhi[4];
    size_t width, mwidth;
    /* in a confidence window: m(s, t) for the window's sentences, row-major */
    const double *wmatch;
    size_t w_i0, w_j0, w_cols;
} dp_state;

static int skips_inside(const sl_side *s, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (s->skip[k])
            return 1;
    return 0;
}

static double bead_cost(const dp_state *d, size_t i, size_t j, int type)
{
    const sl_params *p = d->p;
    unsigned a = sl_bead_types[type].a, b = sl_bead_types[type].b;
    size_t pi = i - a, pj = j - b;
    double ls = d->src->len[i] - d->src->len[pi], lt = d->tgt->len[j] - d->tgt->len[pj];
    if (a == 0 || b == 0) {
        if ((a == 1 && d->src->skip[pi]) || (b == 1 && d->tgt->skip[pj]))
            return p->skip_free;
        return p->pen[type] + p->skip_len * sl_length_cost(d->et, p, ls, lt);
    }
    if (skips_inside(d->src, pi, i) || skips_inside(d->tgt, pj, j))
        return SL_INF;
    double c = p->pen[type] + p->w_len * sl_length_cost(d->et, p, ls, lt);
    if (!p->evidence)
        return c;
    double matched = 0, row[3] = {0, 0, 0}, col[3] = {0, 0, 0};
    for (size_t s = pi; s < i; s++) {
        size_t r = s % 4;
        for (size_t t = pj; t < j; t++) {
            double v;
            if (d->wmatch != NULL)
                v = d->wmatch[(s - d->w_i0) * d->w_cols + (t - d->w_j0)];
            else if (t >= d->mlo[r] && t < d->mhi[r])
                v = d->match[r][t - d->mlo[r]];
            else
                continue;
            row[s - pi] += v;
            col[t - pj] += v;
            matched += v;
        }
    }
    double ns = d->src->ntok[i] - d->src->ntok[pi], nt = d->tgt->ntok[j] - d->tgt->ntok[pj];
    if (a > 1 || b > 1) {
        /* a sentence of a merge with far less support than the bead as a whole */
        double whole = ns + nt > 0 ? 2 * matched / (ns + nt) : 0;
        for (size_t s = pi; a > 1 && s < i; s++) {
            double w = d->src->ntok[s + 1] - d->src->ntok[s];
            if (w >= SL_ORPHAN_MIN && row[s - pi] / w < SL_ORPHAN_SHARE * whole)
                c += p->w_orphan;
        }
        for (size_t t = pj; b > 1 && t < j; t++) {
            double w = d->tgt->ntok[t + 1] - d->tgt->ntok[t];
            if (w >= SL_ORPHAN_MIN && col[t - pj] / w < SL_ORPHAN_SHARE * whole)
                c += p->w_orphan;
        }
    }
    return c - p->w_lex * similarity(matched, ns, nt);
}

/* Run the DP over the band; fills d->bp. */
static void run(dp_state *d, matcher *mt)
{
    size_t n = d->src->n;
    const sl_params *p = d->p;
    for (size_t i = 0; i <= n; i++) {
        if (i > 0) {
            size_t s = i - 1, r = s % 4;
            size_t from = d->bd.lo[i] >= 3 ? d->bd.lo[i] - 3 : 0;
            size_t last = i + 2 <= n ? i + 2 : n;
            size_t to = d->bd.hi[last];
            d->mlo[r] = from;
            d->mhi[r] = to;
            mark_sentence(mt, s);
            for (size_t t = from; t < to; t++)
                d->match[r][t - from] = count_marked(mt, t);
        }
        double *row = d->score[i % 4];
        unsigned char *bp = d->bp + d->bd.boff[i];
        size_t lo = d->bd.lo[i], hi = d->bd.hi[i];
        for (size_t j = lo; j <= hi; j++) {
            double best = (i == 0 && j == 0) ? 0 : SL_INF;
            unsigned char arg = 0xFF;
            for (int k = 0; k < SL_BEAD_TYPES; k++) {
                unsigned a = sl_bead_types[k].a, b = sl_bead_types[k].b;
                if (a > i || b > j || a > p->max_src || b > p->max_tgt)
                    continue;
                size_t pi = i - a, pj = j - b;
                if (pj < d->bd.lo[pi] || pj > d->bd.hi[pi])
                    continue;
                double prev = d->score[pi % 4][pj - d->bd.lo[pi]];
                if (prev >= SL_INF)
                    continue;
                double c = prev + bead_cost(d, i, j, k);
                if (c < best) {
                    best = c;
                    arg = (unsigned char)k;
                }
            }
            row[j - lo] = best;
            bp[j - lo] = arg;
        }
    }
}

/* Largest window of the confidence margin, in sentences a side. */
#define SL_WIN_MAX 24

/* The margin of a bead: how much more the cheapest path between the path's nodes two
 * beads before and after it costs when it may not use this bead. Large: the bead is
 * clearly right; near 0: an alternative is about as good. */
static double bead_margin(dp_state *d, matcher *mt, const size_t *ni, const size_t *nj,
                          size_t nb, size_t k, int type)
{
    size_t k0 = k >= 2 ? k - 2 : 0, k1 = k + 3 <= nb ? k + 3 : nb;
    size_t i0 = ni[k0], j0 = nj[k0], i1 = ni[k1], j1 = nj[k1];
    if (i1 - i0 > SL_WIN_MAX || j1 - j0 > SL_WIN_MAX) {
        k0 = k;
        k1 = k + 1;
        i0 = ni[k0];
        j0 = nj[k0];
        i1 = ni[k1];
        j1 = nj[k1];
        if (i1 - i0 > SL_WIN_MAX || j1 - j0 > SL_WIN_MAX)
            return 0;
    }
    size_t rows = i1 - i0 + 1, cols = j1 - j0 + 1;
    double wm[SL_WIN_MAX * SL_WIN_MAX];
    double cost[2][(SL_WIN_MAX + 1) * (SL_WIN_MAX + 1)];
    for (size_t s = i0; s < i1; s++) {
        mark_sentence(mt, s);
        for (size_t t = j0; t < j1; t++)
            wm[(s - i0) * (cols - 1) + (t - j0)] = count_marked(mt, t);
    }
    d->wmatch = wm;
    d->w_i0 = i0;
    d->w_j0 = j0;
    d->w_cols = cols - 1;
    size_t ia = ni[k], ja = nj[k], ib = ni[k + 1], jb = nj[k + 1];
    for (int excl = 0; excl < 2; excl++) {
        double *c = cost[excl];
        for (size_t i = i0; i <= i1; i++)
            for (size_t j = j0; j <= j1; j++) {
                double best = (i == i0 && j == j0) ? 0 : SL_INF;
                for (int t = 0; t < SL_BEAD_TYPES; t++) {
                    unsigned a = sl_bead_types[t].a, b = sl_bead_types[t].b;
                    if (a > i - i0 || b > j - j0 || a > d->p->max_src || b > d->p->max_tgt)
                        continue;
                    if (excl && t == type && i == ib && j == jb && i - a == ia && j - b == ja)
                        continue;
                    double prev = c[(i - a - i0) * cols + (j - b - j0)];
                    if (prev >= SL_INF)
                        continue;
                    double v = prev + bead_cost(d, i, j, t);
                    if (v < best)
                        best = v;
                }
                c[(i - i0) * cols + (j - j0)] = best;
            }
    }
    d->wmatch = NULL;
    double with = cost[0][rows * cols - 1], without = cost[1][rows * cols - 1];
    if (without >= SL_INF)
        return SL_MARGIN_MAX;
    double m = without - with;
    return m > SL_MARGIN_MAX ? SL_MARGIN_MAX : m < 0 ? 0 : m;
}

static selaras_status backtrack(dp_state *d, matcher *mt, const selaras_allocator *mem,
                                sl_bead **out, size_t *count, int *touches_edge)
{
    size_t n = d->src->n, m = d->tgt->n, nb = 0;
    size_t i = n, j = m;
    *touches_edge = 0;
    while (i > 0 || j > 0) {
        unsigned char k = d->bp[d->bd.boff[i] + (j - d->bd.lo[i])];
        if (k >= SL_BEAD_TYPES)
            return SELARAS_ERR_INTERNAL;
        if ((d->bd.lo[i] > 0 && j <= d->bd.lo[i] + 1) || (d->bd.hi[i] < m && j + 1 >= d->bd.hi[i]))
            *touches_edge = 1;
        i -= sl_bead_types[k].a;
        j -= sl_bead_types[k].b;
        nb++;
    }
    sl_bead *beads = sl_malloc(mem, (nb ? nb : 1) * sizeof *beads);
    size_t *ni = sl_malloc(mem, (nb + 1) * sizeof *ni), *nj = sl_malloc(mem, (nb + 1) * sizeof *nj);
    unsigned char *types = sl_malloc(mem, nb ? nb : 1);
    if (beads == NULL || ni == NULL || nj == NULL || types == NULL) {
        sl_free(mem, beads);
        sl_free(mem, ni);
        sl_free(mem, nj);
        sl_free(mem, types);
        return SELARAS_ERR_NOMEM;
    }
    i = n;
    j = m;
    size_t q = nb;
    ni[nb] = n;
    nj[nb] = m;
    while (i > 0 || j > 0) {
        unsigned char k = d->bp[d->bd.boff[i] + (j - d->bd.lo[i])];
        q--;
        types[q] = k;
        i -= sl_bead_types[k].a;
        j -= sl_bead_types[k].b;
        ni[q] = i;
        nj[q] = j;
    }
    for (q = 0; q < nb; q++) {
        unsigned a = sl_bead_types[types[q]].a, b = sl_bead_types[types[q]].b;
        i = ni[q + 1];
        j = nj[q + 1];
        sl_bead *bd = &beads[q];
        bd->src_first = i - a;
        bd->src_count = a;
        bd->tgt_first = j - b;
        bd->tgt_count = b;
        double matched = 0;
        for (size_t s = i - a; s < i; s++) {
            mark_sentence(mt, s);
            for (size_t t = j - b; t < j; t++)
                matched += count_marked(mt, t);
        }
        double ns = d->src->ntok[i] - d->src->ntok[i - a];
        double nt = d->tgt->ntok[j] - d->tgt->ntok[j - b];
        bd->sim = (a && b) ? similarity(matched, ns, nt) : 0;
        bd->lcost = sl_length_cost(d->et, d->p, d->src->len[i] - d->src->len[i - a],
                                   d->tgt->len[j] - d->tgt->len[j - b]);
        bd->margin = bead_margin((dp_state *)d, mt, ni, nj, nb, q, types[q]);
        bd->score = sl_bead_confidence(bd);
        if ((a == 1 && b == 0 && d->src->skip[i - 1]) || (a == 0 && b == 1 && d->tgt->skip[j - 1]))
            bd->score = 1.0;
    }
    sl_free(mem, ni);
    sl_free(mem, nj);
    sl_free(mem, types);
    *out = beads;
    *count = nb;
    return SELARAS_OK;
}

selaras_status sl_dp_align(const sl_side *src, const sl_side *tgt, const sl_trans *trans,
                           const sl_params *p, const sl_erfc_table *et, size_t w,
                           const selaras_allocator *mem, sl_bead **beads, size_t *count,
                           selaras_error *err)
{
    size_t n = src->n, m = tgt->n;
    dp_state d;
    memset(&d, 0, sizeof d);
    d.src = src;
    d.tgt = tgt;
    d.p = p;
    d.et = et;
    matcher mt = {(p->evidence & SELARAS_EVIDENCE_ANCHORS) != 0, src, tgt, trans, NULL, 0};
    double *centre = NULL;
    selaras_status st = SELARAS_ERR_NOMEM;
    *beads = NULL;
    *count = 0;
    int full = (n + 1) <= SL_FULL_CELLS / (m + 1);
    d.bd.lo = sl_malloc(mem, (n + 1) * sizeof *d.bd.lo);
    d.bd.hi = sl_malloc(mem, (n + 1) * sizeof *d.bd.hi);
    d.bd.boff = sl_malloc(mem, (n + 2) * sizeof *d.bd.boff);
    mt.stamp = sl_calloc(mem, trans->nvocab ? trans->nvocab : 1, sizeof *mt.stamp);
    if (d.bd.lo == NULL || d.bd.hi == NULL || d.bd.boff == NULL || mt.stamp == NULL)
        goto out;
    if (!full) {
        centre = sl_malloc(mem, (n + 1) * sizeof *centre);
        if (centre == NULL)
            goto out;
        if ((st = anchor_centre(src, tgt, trans->nvocab, mem, centre)) != SELARAS_OK)
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
            run(&d, &mt);
            int edge = 0;
            st = backtrack(&d, &mt, mem, beads, count, &edge);
            if (st == SELARAS_OK && edge && !full && attempt < 4) {
                sl_free(mem, *beads);
                *beads = NULL;
                *count = 0;
                w *= 2;
                if ((n + 1) <= (SL_FULL_CELLS * 4) / (m + 1))
                    full = 1;
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
    return st;
}
