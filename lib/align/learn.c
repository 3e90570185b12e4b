/* The learned word table: co-occurrence counts over confident beads, and the translation
 * relation built from them (and the lexicon) for each alignment. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "aligner.h"

/* 1-1 beads at or above this similarity and at most this length cost teach the table. */
#define SL_LEARN_MIN_SIM 0.3
#define SL_LEARN_MAX_LCOST 3.0
/* At most this many beads a call, spread over the document, keep the table small. */
#define SL_LEARN_MAX_BEADS 2000
/* A link needs this many co-occurrences and this Dice coefficient. */
#define SL_LINK_MIN_COUNT 2
#define SL_LINK_MIN_DICE 0.4

void sl_learned_init(sl_learned *l, const selaras_allocator *mem)
{
    memset(l, 0, sizeof *l);
    l->mem = mem;
    sl_counts_init(&l->pairs, mem);
    sl_counts_init(&l->src_n, mem);
    sl_counts_init(&l->tgt_n, mem);
}

void sl_learned_release(sl_learned *l)
{
    sl_counts_release(&l->pairs);
    sl_counts_release(&l->src_n);
    sl_counts_release(&l->tgt_n);
}

int sl_bead_trusted(const sl_bead *b)
{
    return b->src_count == 1 && b->tgt_count == 1 && b->sim >= SL_LEARN_MIN_SIM &&
           b->lcost <= SL_LEARN_MAX_LCOST;
}

static int usable(const sl_bead *b)
{
    return sl_bead_trusted(b);
}

/* Co-occurrences of a pair over one or two tables. */
static double pair_count(const sl_learned *a, const sl_learned *b, uint64_t key)
{
    return (double)sl_counts_get(&a->pairs, key) +
           (b != NULL ? (double)sl_counts_get(&b->pairs, key) : 0.0);
}

/* Best link per source key, over one or two tables. best_t[s] = UINT32_MAX: none. Of two
 * targets with the same Dice coefficient the one seen in more beads wins, then the lower
 * id (the word met first): the choice never depends on the layout of the hash tables. */
static size_t best_links(const sl_learned *a, const sl_learned *b, size_t nvocab,
                         uint32_t *best_t, double *best_d)
{
    for (size_t v = 0; v < nvocab; v++) {
        best_t[v] = UINT32_MAX;
        best_d[v] = 0;
    }
    size_t links = 0;
    const sl_learned *tabs[2] = {a, b};
    for (int q = 0; q < 2; q++) {
        const sl_learned *l = tabs[q];
        if (l == NULL)
            continue;
        const sl_learned *other = tabs[1 - q];
        for (size_t e = 0; e < l->pairs.cap; e++) {
            if (l->pairs.keys[e] == 0)
                continue;
            uint64_t key = l->pairs.keys[e] - 1;
            /* a pair in both tables is counted once, from the first */
            if (q == 1 && other != NULL && sl_counts_get(&other->pairs, key) != 0)
                continue;
            double c = l->pairs.vals[e];
            uint32_t s = (uint32_t)(key >> 32), t = (uint32_t)key;
            double cs = sl_counts_get(&l->src_n, s), ct = sl_counts_get(&l->tgt_n, t);
            if (other != NULL) {
                c += sl_counts_get(&other->pairs, key);
                cs += sl_counts_get(&other->src_n, s);
                ct += sl_counts_get(&other->tgt_n, t);
            }
            if (c < SL_LINK_MIN_COUNT || s >= nvocab || t >= nvocab)
                continue;
            double dice = 2.0 * c / (cs + ct);
            if (dice < SL_LINK_MIN_DICE || dice < best_d[s])
                continue;
            if (dice == best_d[s]) {
                double cb = pair_count(a, b, (uint64_t)s << 32 | best_t[s]);
                if (c < cb || (c == cb && t > best_t[s]))
                    continue;
            }
            if (best_t[s] == UINT32_MAX)
                links++;
            best_t[s] = t;
            best_d[s] = dice;
        }
    }
    return links;
}

/* Visit every (source stem, target stem) pair the sampled beads count, calling visit;
 * returns 0 or the first non-zero value visit returned. */
typedef int (*pair_fn)(void *ctx, uint64_t key);

/* Whether bead bd is learned from: the k-th usable bead (k counted in *seen) is taken
 * when k * take / usable_n reaches a new integer, so that at most take beads are,
 * evenly spread. */
static int taken(const sl_bead *bd, size_t *seen, size_t take, size_t usable_n)
{
    if (!usable(bd))
        return 0;
    size_t k = (*seen)++;
    return k == 0 || k * take / usable_n != (k - 1) * take / usable_n;
}

static int each_pair(const sl_problem *pb, const sl_bead *beads, size_t nb, size_t take,
                     size_t usable_n, pair_fn visit, void *ctx)
{
    const sl_side *S = &pb->src, *T = &pb->tgt;
    size_t seen = 0;
    for (size_t b = 0; b < nb; b++) {
        const sl_bead *bd = &beads[b];
        if (!taken(bd, &seen, take, usable_n))
            continue;
        size_t s = bd->src_first, t = bd->tgt_first;
        for (size_t i = S->first[s]; i < S->first[s + 1]; i++) {
            if (sl_tok_cls(S->toks[i]) == SL_TCLASS_ANCHOR)
                continue;
            uint32_t ss = sl_tok_stem(S, S->toks[i]);
            for (size_t j = T->first[t]; j < T->first[t + 1]; j++) {
                if (sl_tok_cls(T->toks[j]) == SL_TCLASS_ANCHOR)
                    continue;
                uint32_t ts = sl_tok_stem(T, T->toks[j]);
                int rc;
                if (ts != ss && (rc = visit(ctx, (uint64_t)ss << 32 | ts)) != 0)
                    return rc;
            }
        }
    }
    return 0;
}

typedef struct pair_sketch {
    unsigned char *bits;
    size_t mask;        /* bits - 1, a power of two less one */
    size_t visits;
} pair_sketch;

static int count_visit(void *ctx, uint64_t key)
{
    (void)key;
    ((pair_sketch *)ctx)->visits++;
    return 0;
}

static int sketch_visit(void *ctx, uint64_t key)
{
    pair_sketch *sk = ctx;
    size_t h = sl_counts_slot_hash(key) & sk->mask;
    sk->bits[h >> 3] |= (unsigned char)(1u << (h & 7));
    return 0;
}

static int add_visit(void *ctx, uint64_t key)
{
    return sl_counts_add(ctx, key, 1);
}

/* Size the pair table once, from a linear-counting estimate of the distinct pairs (Whang,
 * Vander-Zanden and Taylor 1990: n ~ -m ln(zero bits / m) for m bits), so that it never
 * holds its old and new slots at once while it grows. An estimate a little low only costs
 * one rehash. */
static int reserve_pairs(sl_counts *pairs, const sl_problem *pb, const sl_bead *beads,
                         size_t nb, size_t take, size_t usable_n)
{
    pair_sketch sk = {NULL, 0, 0};
    each_pair(pb, beads, nb, take, usable_n, count_visit, &sk);
    if (sk.visits < 1024)
        return 0;
    size_t m = 1024;
    while (m < sk.visits * 8)
        m *= 2;
    sk.bits = sl_calloc(pairs->mem, m / 8, 1);
    if (sk.bits == NULL)
        return -1;
    sk.mask = m - 1;
    each_pair(pb, beads, nb, take, usable_n, sketch_visit, &sk);
    size_t zero = 0;
    for (size_t i = 0; i < m / 8; i++)
        for (unsigned bit = 0; bit < 8; bit++)
            zero += !(sk.bits[i] >> bit & 1u);
    sl_free(pairs->mem, sk.bits);
    double est = zero > 0 ? (double)m * log((double)m / (double)zero) : (double)sk.visits;
    size_t n = (size_t)(est * 1.02) + 16;
    return sl_counts_reserve(pairs, n < sk.visits ? n : sk.visits);
}

int sl_learned_add(sl_learned *l, const sl_problem *pb, const sl_bead *beads, size_t nb)
{
    size_t usable_n = 0;
    for (size_t b = 0; b < nb; b++)
        usable_n += usable(&beads[b]);
    if (usable_n == 0)
        return 0;
    /* the k-th usable bead is taken when k * max / usable_n reaches a new integer: at
     * most SL_LEARN_MAX_BEADS, evenly spread */
    size_t take = usable_n > SL_LEARN_MAX_BEADS ? SL_LEARN_MAX_BEADS : usable_n;
    /* count into fresh tables, then merge, so that failure leaves l unchanged */
    sl_learned fresh;
    sl_learned_init(&fresh, l->mem);
    size_t seen = 0;
    for (size_t b = 0; b < nb; b++) {
        const sl_bead *bd = &beads[b];
        if (!taken(bd, &seen, take, usable_n))
            continue;
        const sl_side *S = &pb->src, *T = &pb->tgt;
        size_t s = bd->src_first, t = bd->tgt_first;
        for (size_t i = S->first[s]; i < S->first[s + 1]; i++)
            if (sl_tok_cls(S->toks[i]) != SL_TCLASS_ANCHOR &&
                sl_counts_add(&fresh.src_n, sl_tok_stem(S, S->toks[i]), 1) != 0)
                goto fail;
        for (size_t j = T->first[t]; j < T->first[t + 1]; j++)
            if (sl_tok_cls(T->toks[j]) != SL_TCLASS_ANCHOR &&
                sl_counts_add(&fresh.tgt_n, sl_tok_stem(T, T->toks[j]), 1) != 0)
                goto fail;
        double ls = S->len[s + 1] - S->len[s], lt = T->len[t + 1] - T->len[t];
        fresh.len_src += ls;
        fresh.len_tgt += lt;
        double mean = (ls + lt / pb->params.ratio) / 2, d = lt / pb->params.ratio - ls;
        if (mean >= 1) {
            fresh.var_sum += d * d / mean;
            fresh.var_n++;
        }
        fresh.beads++;
    }
    if (reserve_pairs(&fresh.pairs, pb, beads, nb, take, usable_n) != 0 ||
        each_pair(pb, beads, nb, take, usable_n, add_visit, &fresh.pairs) != 0)
        goto fail;
    if (l->pairs.count == 0 && l->src_n.count == 0 && l->tgt_n.count == 0) {
        /* l is empty: fresh becomes it (no second copy of the tables) */
        sl_counts_release(&l->pairs);
        sl_counts_release(&l->src_n);
        sl_counts_release(&l->tgt_n);
        l->pairs = fresh.pairs;
        l->src_n = fresh.src_n;
        l->tgt_n = fresh.tgt_n;
        sl_counts_init(&fresh.pairs, l->mem);
        sl_counts_init(&fresh.src_n, l->mem);
        sl_counts_init(&fresh.tgt_n, l->mem);
    } else {
        /* merge fresh into l: grow l's tables first so that the adds cannot fail halfway */
        sl_counts *dst[3] = {&l->pairs, &l->src_n, &l->tgt_n};
        sl_counts *src[3] = {&fresh.pairs, &fresh.src_n, &fresh.tgt_n};
        for (int q = 0; q < 3; q++) {
            size_t need = dst[q]->count + src[q]->count;
            size_t cap = sl_counts_cap_for(need);
            if (cap > dst[q]->cap) {
                sl_counts grown;
                sl_counts_init(&grown, l->mem);
                /* re-add everything into a table of the final size */
                grown.keys = sl_calloc(l->mem, cap, sizeof *grown.keys);
                grown.vals = sl_calloc(l->mem, cap, sizeof *grown.vals);
                grown.cap = cap;
                if (grown.keys == NULL || grown.vals == NULL) {
                    sl_counts_release(&grown);
                    goto fail;
                }
                for (size_t e = 0; e < dst[q]->cap; e++)
                    if (dst[q]->keys[e] != 0)
                        sl_counts_add(&grown, dst[q]->keys[e] - 1, dst[q]->vals[e]);
                sl_counts_release(dst[q]);
                *dst[q] = grown;
            }
        }
        for (int q = 0; q < 3; q++)
            for (size_t e = 0; e < src[q]->cap; e++)
                if (src[q]->keys[e] != 0)
                    sl_counts_add(dst[q], src[q]->keys[e] - 1, src[q]->vals[e]);
    }
    l->beads += fresh.beads;
    l->len_src += fresh.len_src;
    l->len_tgt += fresh.len_tgt;
    l->var_sum += fresh.var_sum;
    l->var_n += fresh.var_n;
    sl_learned_release(&fresh);
    {
        /* the number of links, for selaras_aligner_learned_pairs() */
        size_t nv = 0;
        for (size_t e = 0; e < l->src_n.cap; e++)
            if (l->src_n.keys[e] != 0 && l->src_n.keys[e] > nv)
                nv = (size_t)l->src_n.keys[e];
        for (size_t e = 0; e < l->tgt_n.cap; e++)
            if (l->tgt_n.keys[e] != 0 && l->tgt_n.keys[e] > nv)
                nv = (size_t)l->tgt_n.keys[e];
        uint32_t *bt = sl_malloc(l->mem, (nv + 1) * sizeof *bt);
        double *bd = sl_malloc(l->mem, (nv + 1) * sizeof *bd);
        if (bt != NULL && bd != NULL)
            l->npairs = best_links(l, NULL, nv, bt, bd);
        sl_free(l->mem, bt);
        sl_free(l->mem, bd);
    }
    return 0;
fail:
    sl_learned_release(&fresh);
    return -1;
}

/* Growable list of (source key, target key) links. */
typedef struct link_list {
    uint64_t *v;
    size_t n, cap;
} link_list;

static int link_add(const selaras_allocator *mem, link_list *l, uint32_t s, uint32_t t)
{
    if (sl_grow(mem, (void **)&l->v, &l->cap, l->n + 1, sizeof *l->v) != 0)
        return -1;
    l->v[l->n++] = (uint64_t)s << 32 | t;
    return 0;
}

/* Dictionary translations of one source key that are keys of this problem. */
#define SL_MAX_DICT_LINKS 32
static int dict_links(const sl_run *run, uint32_t key, link_list *l)
{
    const selaras_model *md = run->model;
    const selaras_lexicon *lex = md->lexicon;
    const char *k = sl_vocab_str(run->vocab, key);
    size_t klen = strlen(k);
    uint32_t id = md->lex_reversed ? sl_lexicon_tgt_id(lex, k, klen) : sl_lexicon_src_id(lex, k, klen);
    if (id == SL_LEXICON_NONE)
        return 0;
    const uint32_t *to;
    size_t n;
    if (md->lex_reversed)
        sl_lexicon_sources(lex, id, &to, &n);
    else
        sl_lexicon_translations(lex, id, &to, &n);
    size_t added = 0;
    for (size_t q = 0; q < n && added < SL_MAX_DICT_LINKS; q++) {
        size_t len;
        const char *tk = md->lex_reversed ? sl_lexicon_src_key(lex, to[q], &len)
                                          : sl_lexicon_tgt_key(lex, to[q], &len);
        if (tk == NULL)
            continue;
        uint32_t v = sl_vocab_find(run->vocab, tk, len);
        if (v == UINT32_MAX || v == key)
            continue;
        if (link_add(run->mem, l, key, v) != 0)
            return -1;
        added++;
    }
    return 0;
}

selaras_status sl_trans_build(sl_trans *trans, const sl_run *run, const sl_problem *pb,
                              const sl_learned *extra)
{
    size_t nv = sl_vocab_size(run->vocab);
    const selaras_allocator *mem = run->mem;
    const selaras_model *md = run->model;
    sl_free(mem, trans->first);
    sl_free(mem, trans->to);
    trans->first = NULL;
    trans->to = NULL;
    trans->nvocab = nv;
    int learned = (pb->params.evidence & SELARAS_EVIDENCE_LEARNED) != 0;
    const selaras_lexicon *lexicon =
        pb->params.evidence & SELARAS_EVIDENCE_LEXICON ? md->lexicon : NULL;
    const sl_learned *a = learned && md->learned.beads > 0 ? &md->learned : NULL;
    const sl_learned *b = learned && extra != NULL && extra->beads > 0 ? extra : NULL;
    if (a == NULL) {
        a = b;
        b = NULL;
    }
    if (a == NULL && lexicon == NULL)
        return SELARAS_OK;
    link_list links = {NULL, 0, 0};
    uint32_t *best_t = NULL, *first = NULL, *to = NULL;
    double *best_d = NULL;
    unsigned char *done = NULL;
    if (a != NULL) {
        best_t = sl_malloc(mem, (nv ? nv : 1) * sizeof *best_t);
        best_d = sl_malloc(mem, (nv ? nv : 1) * sizeof *best_d);
        if (best_t == NULL || best_d == NULL)
            goto fail;
        best_links(a, b, nv, best_t, best_d);
        for (size_t v = 0; v < nv; v++)
            if (best_t[v] != UINT32_MAX && link_add(mem, &links, (uint32_t)v, best_t[v]) != 0)
                goto fail;
    }
    if (lexicon != NULL) {
        done = sl_calloc(mem, nv ? nv : 1, 1);
        if (done == NULL)
            goto fail;
        for (size_t k = 0; k < pb->src.first[pb->src.n]; k++) {
            sl_atok t = pb->src.toks[k];
            if (sl_tok_cls(t) == SL_TCLASS_ANCHOR)
                continue;
            uint32_t surf = sl_tok_surf(t), stem = sl_tok_stem(&pb->src, t);
            uint32_t ids[2] = {stem, surf};
            for (int q = 0; q < (stem == surf ? 1 : 2); q++) {
                if (done[ids[q]])
                    continue;
                done[ids[q]] = 1;
                if (dict_links(run, ids[q], &links) != 0)
                    goto fail;
            }
        }
    }
    first = sl_calloc(mem, nv + 1, sizeof *first);
    to = sl_malloc(mem, (links.n ? links.n : 1) * sizeof *to);
    if (first == NULL || to == NULL)
        goto fail;
    for (size_t q = 0; q < links.n; q++)
        first[(links.v[q] >> 32) + 1]++;
    for (size_t v = 0; v < nv; v++)
        first[v + 1] += first[v];
    for (size_t q = 0; q < links.n; q++) {
        uint32_t s = (uint32_t)(links.v[q] >> 32);
        to[first[s]++] = (uint32_t)links.v[q];
    }
    for (size_t v = nv; v > 0; v--)
        first[v] = first[v - 1];
    first[0] = 0;
    sl_free(mem, best_t);
    sl_free(mem, best_d);
    sl_free(mem, done);
    sl_free(mem, links.v);
    trans->first = first;
    trans->to = to;
    return SELARAS_OK;
fail:
    sl_free(mem, best_t);
    sl_free(mem, best_d);
    sl_free(mem, done);
    sl_free(mem, links.v);
    sl_free(mem, first);
    sl_free(mem, to);
    return SELARAS_ERR_NOMEM;
}
