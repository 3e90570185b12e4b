/* The dynamic programme: the cheapest sequence of beads through a band of the
 * (source, target) grid. Scores are kept for four rows only and back-pointers (one byte
 * a cell) for the band, so memory grows with n times the band width, not with n times m.
 * Small problems use the whole grid; large ones a band around the path of a coarser
 * problem (blocks of sentences); where the best path runs along the band's edge, that
 * stretch is realigned on the whole grid between points of the path around it (block
 * levels widen their band instead). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "align.h"

const sl_bead_type sl_bead_types[SL_BEAD_TYPES] = {
    {1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}};

/* Problems up to this many cells are solved on the whole grid. */
#define SL_FULL_CELLS ((size_t)1 << 19)
#define SL_INF 1e300
/* A path along the band's edge doubles the band at most this many times (block levels, and
 * stretches too large for the whole grid). */
#define SL_WIDEN_MAX 2
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
    uint32_t *tstem;    /* 4 nvocab: target token (key << 2 | class) -> its stem, no branch */
} matcher;

static void mark_sentence(matcher *mt, size_t s)
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

static double count_marked(const matcher *mt, size_t t)
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

/* m(s, t): the weight of the tokens of target sentence t matched by source sentence s. */
static inline double match_at(const dp_state *d, size_t s, size_t t)
{
    if (d->wmatch != NULL)
        return d->wmatch[(s - d->w_i0) * d->w_cols + (t - d->w_j0)];
    size_t r = s & 3;
    /* one unsigned comparison tests mlo <= t < mhi */
    return t - d->mlo[r] < d->mhi[r] - d->mlo[r] ? d->match[r][t - d->mlo[r]] : 0.0;
}

static inline double bead_cost(const dp_state *d, size_t i, size_t j, int type)
{
    const sl_params *p = d->p;
    unsigned a = sl_bead_types[type].a, b = sl_bead_types[type].b;
    size_t pi = i - a, pj = j - b;
    if (a == 0 || b == 0) {
        if ((a == 1 && d->src->skip[pi]) || (b == 1 && d->tgt->skip[pj]))
            return p->skip_free;
        if (p->skip_len == 0)
            return p->pen[type];
        double ls = d->src->len[i] - d->src->len[pi], lt = d->tgt->len[j] - d->tgt->len[pj];
        return p->pen[type] + p->skip_len * sl_length_cost(d->et, p, ls, lt);
    }
    if (skips_inside(d->src, pi, i) || skips_inside(d->tgt, pj, j))
        return SL_INF;
    double ls = d->src->len[i] - d->src->len[pi], lt = d->tgt->len[j] - d->tgt->len[pj];
    double c = p->pen[type] + p->w_len * sl_length_cost(d->et, p, ls, lt);
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

static selaras_status backtrack(dp_state *d, matcher *mt, const selaras_allocator *mem,
                                int scores,
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

static selaras_status dp_align(const sl_side *src, const sl_side *tgt, const sl_trans *trans,
                               const sl_params *p, const sl_erfc_table *et, size_t w,
                               const unsigned char *guide, size_t nguide,
                               const selaras_allocator *mem, int scores, sl_bead **beads,
                               size_t *count, selaras_error *err);

/* centre[i] for i = 0..n: the target position of a path of beads (as steps) over blocks
 * of scale sentences, interpolated inside each bead. */
static void centre_from_path(const unsigned char *steps, size_t nb, size_t scale, size_t n,
                             size_t m, double *centre)
{
    size_t bi = 0, bj = 0;
    for (size_t i = 0; i <= n; i++)
        centre[i] = (double)m;
    for (size_t b = 0; b < nb; b++) {
        size_t ei = bi + sl_step_src(steps[b]), ej = bj + sl_step_tgt(steps[b]);
        double i0 = (double)(bi * scale), i1 = (double)(ei * scale);
        double j0 = (double)(bj * scale), j1 = (double)(ej * scale);
        if (i1 > (double)n)
            i1 = (double)n;
        if (j0 > (double)m)
            j0 = (double)m;
        if (j1 > (double)m)
            j1 = (double)m;
        for (size_t i = bi * scale; i <= n && (double)i <= i1; i++)
            centre[i] = i1 > i0 ? j0 + ((double)i - i0) * (j1 - j0) / (i1 - i0) : j0;
        bi = ei;
        bj = ej;
    }
}

/* Coarse-to-fine: align blocks of SL_COARSE sentences (their lengths pooled, their tokens
 * pooled with each token once) and draw the centre line of the fine band through the
 * block path. The block problem recurses when it is itself too large for the whole
 * grid. */
#define SL_COARSE 10
static selaras_status coarse_centre(const sl_side *src, const sl_side *tgt,
                                    const sl_trans *trans, const sl_params *p,
                                    const sl_erfc_table *et, size_t w,
                                    const selaras_allocator *mem, double *centre,
                                    selaras_error *err)
{
    size_t n = src->n, m = tgt->n;
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
        size_t cn = (f->n + SL_COARSE - 1) / SL_COARSE;
        cs[q].n = cn;
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
        size_t kept = 0, k = 0;
        uint32_t block = 0;
        double weight = 0;
        for (size_t sent = 0;; sent++) {
            if (sent % SL_COARSE == 0 || sent == f->n) { /* block k starts here */
                cs[q].first[k] = kept;
                block = (uint32_t)k + 1;
                cs[q].len[k] = f->len[sent];
                cs[q].ntok[k] = weight;
                k++;
            }
            if (sent == f->n)
                break;
            for (size_t i = f->first[sent]; i < f->first[sent + 1]; i++) {
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
    centre_from_path(steps, nb, SL_COARSE, n, m, centre);
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

/* The sentences [a, b) of side f, as a side of their own (the arrays are prefix sums or
 * per sentence, so a view is an offset). */
static sl_side side_view(const sl_side *f, size_t a, size_t b)
{
    sl_side v = *f;
    v.n = b - a;
    v.first = f->first + a;
    v.len = f->len + a;
    v.ntok = f->ntok + a;
    v.skip = f->skip + a;
    return v;
}

/* Whether the path point (i, j) lies on the edge of the band (as backtrack() counts it). */
static int on_edge(const band *bd, size_t i, size_t j, size_t m)
{
    return (bd->lo[i] > 0 && j <= bd->lo[i] + 1) || (bd->hi[i] < m && j + 1 >= bd->hi[i]);
}

/* The path in beads[0..nb) touched the band's edge. Realign each stretch where it did,
 * with a margin of rows on both sides, on the whole grid between the path's bead
 * boundaries around it, and splice the result in: the cost grows with the stretches, not
 * with the document. *done is 0 (beads untouched) when a stretch is too large for the
 * whole grid; then the caller widens the band instead. */
static selaras_status repair_edges(const dp_state *d, const sl_trans *trans, size_t w,
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
                if ((ib - ia + 1) > SL_FULL_CELLS / (jb - ja + 1))
                    return SELARAS_OK; /* too large: widen instead */
            } else {
                sl_side vs = side_view(src, ia, ib), vt = side_view(tgt, ja, jb);
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
    dp_state d;
    memset(&d, 0, sizeof d);
    d.src = src;
    d.tgt = tgt;
    d.p = p;
    d.et = et;
    matcher mt = {(p->evidence & SELARAS_EVIDENCE_ANCHORS) != 0, src, tgt, trans, NULL, 0, NULL};
    double *centre = NULL;
    selaras_status st = SELARAS_ERR_NOMEM;
    *beads = NULL;
    *count = 0;
    int full = (n + 1) <= SL_FULL_CELLS / (m + 1);
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
            centre_from_path(guide, nguide, 1, n, m, centre);
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
            run(&d, &mt);
            int edge = 0;
            st = backtrack(&d, &mt, mem, scores, beads, count, &edge);
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
