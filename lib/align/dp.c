/* The dynamic programme: the cheapest sequence of beads through a band of the
 * (source, target) grid, the cost of a bead (length, lexical matches, merges), and the
 * confidence margin of each bead of the path. Scores are kept for four rows only and
 * back-pointers (one byte a cell) for the band, so memory grows with n times the band
 * width, not with n times m. Which band to use is search.c's business. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dp.h"

const sl_bead_type sl_bead_types[SL_BEAD_TYPES] = {
    {1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}};

#define SL_INF 1e300
/* Token weight from which a sentence with no match inside a merge costs w_orphan. */
#define SL_ORPHAN_MIN 4.0
#define SL_ORPHAN_SHARE 0.3
/* Extra cost of a 1-1 bead of a title and a body sentence: as much as leaving both alone. */
#define SL_TITLE_TO_BODY 10.0
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

/* ---- matches ---- */

static void mark_sentence(sl_matcher *mt, size_t s)
{
    uint32_t c = ++mt->clock;
    const sl_side *src = mt->src;
    const sl_trans *tr = mt->trans;
    for (size_t k = src->first[s]; k < src->first[s + 1]; k++) {
        uint32_t surf = sl_tok_surf(src->toks[k]), stem = sl_tok_stem(src, src->toks[k]);
        if (mt->identity) {
            mt->stamp[surf] = c;
            mt->stamp[stem] = c;
        }
        if (tr->first != NULL) {
            uint32_t ids[2] = {surf, stem};
            for (int q = 0; q < (stem == surf ? 1 : 2); q++)
                for (uint32_t x = tr->first[ids[q]]; x < tr->first[ids[q] + 1]; x++)
                    mt->stamp[tr->to[x]] = c;
        }
    }
}

static double count_marked(const sl_matcher *mt, size_t t)
{
    const sl_side *tgt = mt->tgt;
    uint32_t c = mt->clock;
    double n = 0;
    for (size_t k = tgt->first[t]; k < tgt->first[t + 1]; k++)
        if (mt->stamp[sl_tok_surf(tgt->toks[k])] == c || mt->stamp[mt->tstem[tgt->toks[k]]] == c)
            n += tgt->weight[sl_tok_cls(tgt->toks[k])];
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

/* Whether sentences [from, to) of s hold a skipped one; *titles counts their titles. */
static int skips_inside(const sl_side *s, size_t from, size_t to, size_t *titles)
{
    for (size_t k = from; k < to; k++) {
        if (s->skip[k] & SL_UNIT_SKIP)
            return 1;
        *titles += (s->skip[k] & SL_UNIT_TITLE) != 0;
    }
    return 0;
}

/* m(s, t): the weight of the tokens of target sentence t matched by source sentence s. */
static inline double match_at(const sl_dp_state *d, size_t s, size_t t)
{
    if (d->wmatch != NULL)
        return d->wmatch[(s - d->w_i0) * d->w_cols + (t - d->w_j0)];
    size_t r = s & 3;
    /* one unsigned comparison tests mlo <= t < mhi */
    return t - d->mlo[r] < d->mhi[r] - d->mlo[r] ? d->match[r][t - d->mlo[r]] : 0.0;
}

static inline double bead_cost(const sl_dp_state *d, size_t i, size_t j, int type)
{
    const sl_params *p = d->p;
    unsigned a = sl_bead_types[type].a, b = sl_bead_types[type].b;
    size_t pi = i - a, pj = j - b;
    if (a == 0 || b == 0) {
        if ((a == 1 && (d->src->skip[pi] & SL_UNIT_SKIP)) ||
            (b == 1 && (d->tgt->skip[pj] & SL_UNIT_SKIP)))
            return p->skip_free;
        /* a skipped block of a coarse level costs what skipping its sentences costs:
         * else a run of skipped blocks is cheaper than one block bead whose lengths
         * differ by a tenth, and the coarse path leaves the diagonal */
        double pen = p->pen[type] * (a ? d->src->unit : d->tgt->unit);
        if (p->skip_len == 0)
            return pen;
        double ls = d->src->len[i] - d->src->len[pi], lt = d->tgt->len[j] - d->tgt->len[pj];
        return pen + p->skip_len * sl_length_cost(d->et, p, ls, lt);
    }
    size_t ts = 0, tt = 0;
    if (skips_inside(d->src, pi, i, &ts) || skips_inside(d->tgt, pj, j, &tt))
        return SL_INF;
    /* a title never merges with body sentences, and links to a sentence only on strong
     * evidence (documentation headings are not always marked on both sides) */
    double c = 0;
    if ((ts || tt) && (ts != a || tt != b)) {
        if (a > 1 || b > 1)
            return SL_INF;
        c = SL_TITLE_TO_BODY;
    }
    double ls = d->src->len[i] - d->src->len[pi], lt = d->tgt->len[j] - d->tgt->len[pj];
    c += p->pen[type] + p->w_len * sl_length_cost(d->et, p, ls, lt);
    if (!p->evidence)
        return c;
    double ns = d->src->ntok[i] - d->src->ntok[pi], nt = d->tgt->ntok[j] - d->tgt->ntok[pj];
    if (a == 1 && b == 1)
        return c - p->w_lex * similarity(match_at(d, pi, pj), ns, nt);
    double matched = 0, row[3] = {0, 0, 0}, col[3] = {0, 0, 0};
    for (size_t s = pi; s < i; s++)
        for (size_t t = pj; t < j; t++) {
            double v = match_at(d, s, t);
            row[s - pi] += v;
            col[t - pj] += v;
            matched += v;
        }
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
    return c - p->w_lex * similarity(matched, ns, nt);
}

/* Run the DP over the band; fills d->bp. */
void sl_dp_run(sl_dp_state *d, sl_matcher *mt)
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
            if (p->evidence) {
                mark_sentence(mt, s);
                for (size_t t = from; t < to; t++)
                    d->match[r][t - from] = count_marked(mt, t);
            } else {
                memset(d->match[r], 0, (to - from) * sizeof(double));
            }
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
static double bead_margin(sl_dp_state *d, sl_matcher *mt, const size_t *ni, const size_t *nj,
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
                if (excl && (i < ib || j < jb)) {
                    /* no path to here passes the bead's end: the cost is the same */
                    c[(i - i0) * cols + (j - j0)] = cost[0][(i - i0) * cols + (j - j0)];
                    continue;
                }
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

selaras_status sl_dp_backtrack(sl_dp_state *d, sl_matcher *mt, const selaras_allocator *mem,
                               int scores, sl_bead **out, size_t *count, int *touches_edge)
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
        if (!scores) {
            beads[q].src_first = ni[q];
            beads[q].src_count = a;
            beads[q].tgt_first = nj[q];
            beads[q].tgt_count = b;
            beads[q].sim = beads[q].lcost = beads[q].margin = beads[q].score = 0;
            continue;
        }
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
        if (scores < 2) {
            bd->margin = 0;
            bd->score = -1; /* features only: no confidence asked for */
            continue;
        }
        bd->margin = bead_margin((sl_dp_state *)d, mt, ni, nj, nb, q, types[q]);
        bd->score = sl_bead_confidence(bd);
        if ((a == 1 && b == 0 && (d->src->skip[i - 1] & SL_UNIT_SKIP)) ||
            (a == 0 && b == 1 && (d->tgt->skip[j - 1] & SL_UNIT_SKIP)))
            bd->score = 1.0;
    }
    sl_free(mem, ni);
    sl_free(mem, nj);
    sl_free(mem, types);
    *out = beads;
    *count = nb;
    return SELARAS_OK;
}
