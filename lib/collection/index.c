/* Pairing: an inverted index of the rare keys of the target documents gives each source
 * document a few candidates, each candidate pair is scored in full, and the pairs are
 * chosen greedily, best score first, one partner per document. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pairer.h"

/* Candidates scored in full per source document. */
#define CANDIDATES 24
/* Translations a source word may have to be looked up in the index. */
#define MAX_TRANSLATIONS 6

/* Key classes, in the top two bits; a lexicon key also carries its key space. */
enum { KEY_ANCHOR = 1, KEY_NAME = 2, KEY_WORD = 3 };

static uint64_t key_of(unsigned cls, uint64_t v)
{
    return (uint64_t)cls << 62 | (v & (((uint64_t)1 << 62) - 1));
}

static uint64_t word_key(int space, uint32_t id)
{
    return key_of(KEY_WORD, (uint64_t)(unsigned)space << 32 | id);
}

typedef struct keyset {
    uint64_t *k;
    size_t n, cap;
} keyset;

static int keyset_push(const selaras_allocator *mem, keyset *ks, uint64_t k)
{
    if (sl_grow(mem, (void **)&ks->k, &ks->cap, ks->n + 1, sizeof *ks->k) != 0)
        return -1;
    ks->k[ks->n++] = k;
    return 0;
}

/* The keys of a document: its anchors and names, and its lexicon words in the target
 * documents' key space (for a source document: their translations). */
static int doc_keys(const selaras_pairer *p, const sl_profile *d, int translate, keyset *ks,
                    const selaras_allocator *mem)
{
    ks->n = 0;
    for (size_t i = 0; i < d->nanchors; i++)
        if (keyset_push(mem, ks, key_of(KEY_ANCHOR, d->anchors[i])) != 0)
            return -1;
    for (size_t i = 0; i < d->nnames; i++)
        if (keyset_push(mem, ks, key_of(KEY_NAME, d->names[i])) != 0)
            return -1;
    if (p->lex == NULL)
        return 0;
    for (size_t i = 0; i < d->nlex; i++) {
        if (!translate) {
            if (keyset_push(mem, ks, word_key(d->lexside, d->lex[i])) != 0)
                return -1;
            continue;
        }
        const uint32_t *to;
        size_t n;
        if (d->lexside == 0)
            sl_lexicon_translations(p->lex, d->lex[i], &to, &n);
        else
            sl_lexicon_sources(p->lex, d->lex[i], &to, &n);
        if (n > MAX_TRANSLATIONS)
            continue;
        for (size_t k = 0; k < n; k++)
            if (keyset_push(mem, ks, word_key(1 - d->lexside, to[k])) != 0)
                return -1;
    }
    return 0;
}

typedef struct posting {
    uint64_t key;
    uint32_t doc;
} posting;

static int cmp_posting(const void *a, const void *b)
{
    const posting *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* The index: distinct keys, sorted, with their posting lists (CSR). */
typedef struct index {
    uint64_t *keys;
    size_t *first;   /* nkeys + 1 */
    uint32_t *docs;
    size_t nkeys;
    double *norm;    /* per target document: the square root of its number of keys */
} index;

static void index_release(index *ix, const selaras_allocator *mem)
{
    sl_free(mem, ix->keys);
    sl_free(mem, ix->first);
    sl_free(mem, ix->docs);
    sl_free(mem, ix->norm);
    memset(ix, 0, sizeof *ix);
}

/* The index of the documents of one side, by their own keys. */
static int index_build(const selaras_pairer *p, int side, index *ix, keyset *ks)
{
    const selaras_allocator *mem = &p->mem;
    memset(ix, 0, sizeof *ix);
    posting *all = NULL;
    size_t n = 0, cap = 0;
    ix->norm = sl_malloc(mem, (p->n[side] + 1) * sizeof *ix->norm);
    if (ix->norm == NULL)
        goto fail;
    for (size_t t = 0; t < p->n[side]; t++) {
        if (doc_keys(p, &p->docs[side][t], 0, ks, mem) != 0)
            goto fail;
        ix->norm[t] = ks->n > 0 ? sqrt((double)ks->n) : 1;
        if (sl_grow(mem, (void **)&all, &cap, n + ks->n, sizeof *all) != 0)
            goto fail;
        for (size_t i = 0; i < ks->n; i++)
            all[n++] = (posting){ks->k[i], (uint32_t)t};
    }
    if (n > 0)
        qsort(all, n, sizeof *all, cmp_posting);
    ix->keys = sl_malloc(mem, (n + 1) * sizeof *ix->keys);
    ix->first = sl_malloc(mem, (n + 2) * sizeof *ix->first);
    ix->docs = sl_malloc(mem, (n + 1) * sizeof *ix->docs);
    if (ix->keys == NULL || ix->first == NULL || ix->docs == NULL)
        goto fail;
    size_t nd = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && all[i].key == all[i - 1].key && all[i].doc == all[i - 1].doc)
            continue;
        if (ix->nkeys == 0 || ix->keys[ix->nkeys - 1] != all[i].key) {
            ix->keys[ix->nkeys] = all[i].key;
            ix->first[ix->nkeys++] = nd;
        }
        ix->docs[nd++] = all[i].doc;
    }
    ix->first[ix->nkeys] = nd;
    sl_free(mem, all);
    return 0;
fail:
    sl_free(mem, all);
    index_release(ix, mem);
    return -1;
}

static size_t index_find(const index *ix, uint64_t key);

/* Documents of an index that hold key. */
static size_t index_df(const index *ix, uint64_t key)
{
    size_t k = index_find(ix, key);
    return k == (size_t)-1 ? 0 : ix->first[k + 1] - ix->first[k];
}

/* Weight of a key held by df of n documents: 1 for a key of one document, falling
 * towards 0 for keys every document has. */
static float idf_weight(size_t df, size_t n)
{
    if (df == 0)
        df = 1;
    return (float)(log(1.0 + (double)n / (double)df) / log(1.0 + (double)n));
}

static int weigh64(const selaras_allocator *mem, const uint64_t *keys, size_t nkeys,
                   unsigned cls, const index ix[2], size_t n, float **out)
{
    sl_free(mem, *out);
    *out = sl_malloc(mem, (nkeys + 1) * sizeof **out);
    if (*out == NULL)
        return -1;
    for (size_t i = 0; i < nkeys; i++) {
        uint64_t k = key_of(cls, keys[i]);
        (*out)[i] = idf_weight(index_df(&ix[0], k) + index_df(&ix[1], k), n);
    }
    return 0;
}

/* Weights of every key of every document, from document frequencies in both collections:
 * names and anchors over both sides, lexicon words over their own side. */
static int weigh(selaras_pairer *p, const index ix[2])
{
    const selaras_allocator *mem = &p->mem;
    size_t all = p->n[0] + p->n[1];
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < p->n[s]; i++) {
            sl_profile *d = &p->docs[s][i];
            if (weigh64(mem, d->anchors, d->nanchors, KEY_ANCHOR, ix, all, &d->wanchors) != 0 ||
                weigh64(mem, d->names, d->nnames, KEY_NAME, ix, all, &d->wnames) != 0)
                return -1;
            sl_free(mem, d->wlex);
            d->wlex = sl_malloc(mem, (d->nlex + 1) * sizeof *d->wlex);
            if (d->wlex == NULL)
                return -1;
            /* words softer (the square root): a translation shares its topic's common
             * words too, and they still tell a help page from a news item */
            for (size_t k = 0; k < d->nlex; k++) {
                size_t df = index_df(&ix[s], word_key(d->lexside, d->lex[k]));
                d->wlex[k] = (float)sqrt(idf_weight(df, p->n[s]));
            }
        }
    return 0;
}

static size_t index_find(const index *ix, uint64_t key)
{
    size_t lo = 0, hi = ix->nkeys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->keys[mid] < key)
            lo = mid + 1;
        else if (ix->keys[mid] > key)
            hi = mid;
        else
            return mid;
    }
    return (size_t)-1;
}

typedef struct edge {
    double score;
    uint32_t src, tgt;
} edge;

static int cmp_edge(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->src != y->src)
        return x->src < y->src ? -1 : 1;
    return x->tgt < y->tgt ? -1 : x->tgt > y->tgt;
}

/* Scratch of one run. */
typedef struct run {
    index ix;          /* the targets' */
    index six;         /* the sources' (for weights) */
    keyset ks;
    double *votes;     /* per target document */
    uint32_t *touched;
    size_t ntouched, touched_cap;
    struct found *found;
    size_t found_cap;
    edge *edges;
    size_t nedges, edges_cap;
    size_t *partner[2];
    double *score[2];
} run;

static void run_release(run *r, const selaras_allocator *mem)
{
    index_release(&r->ix, mem);
    index_release(&r->six, mem);
    sl_free(mem, r->ks.k);
    sl_free(mem, r->votes);
    sl_free(mem, r->touched);
    sl_free(mem, r->found);
    sl_free(mem, r->edges);
    for (int s = 0; s < 2; s++) {
        sl_free(mem, r->partner[s]);
        sl_free(mem, r->score[s]);
    }
}

/* Weight of a key found in df target documents: rare keys and anchors count most. */
static double key_weight(uint64_t key, size_t df, size_t ntgt)
{
    unsigned cls = (unsigned)(key >> 62);
    double w = log(1.0 + (double)ntgt / (double)df);
    return cls == KEY_ANCHOR ? 2 * w : cls == KEY_NAME ? 1.5 * w : w;
}

/* top[0] is the best score a document met, top[1] the second best. */
static void keep_top2(double *top, double v)
{
    if (v > top[0]) {
        top[1] = top[0];
        top[0] = v;
    } else if (v > top[1]) {
        top[1] = v;
    }
}

/* A pair below this score must lead both its documents' next best candidates by MARGIN:
 * among documents of one template (help pages, monthly reports) the best of several
 * look-alikes is not a translation for being the best. */
#define SURE 0.7
#define MARGIN 0.08

/* Postings a source document may read: its keys are taken rarest first until the budget
 * is spent, so that the work per document does not grow with the collections. */
#define POSTINGS_BUDGET 6000

typedef struct found {
    size_t df;
    size_t key;   /* index in the index */
} found;

static int cmp_found(const void *a, const void *b)
{
    const found *x = a, *y = b;
    if (x->df != y->df)
        return x->df < y->df ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The best CANDIDATES target documents of source document s by votes, scored in full. */
static int propose(selaras_pairer *p, run *r, size_t s)
{
    const selaras_allocator *mem = &p->mem;
    const sl_profile *d = &p->docs[0][s];
    if (doc_keys(p, d, 1, &r->ks, mem) != 0)
        return -1;
    /* the keys the targets have, once each, rarest first */
    if (r->ks.n > 1)
        qsort(r->ks.k, r->ks.n, sizeof *r->ks.k, cmp_u64);
    size_t nf = 0;
    for (size_t i = 0; i < r->ks.n; i++) {
        if (i > 0 && r->ks.k[i] == r->ks.k[i - 1])
            continue;
        size_t k = index_find(&r->ix, r->ks.k[i]);
        if (k == (size_t)-1)
            continue;
        if (sl_grow(mem, (void **)&r->found, &r->found_cap, nf + 1, sizeof *r->found) != 0)
            return -1;
        r->found[nf++] = (found){r->ix.first[k + 1] - r->ix.first[k], k};
    }
    if (nf > 1)
        qsort(r->found, nf, sizeof *r->found, cmp_found);
    r->ntouched = 0;
    size_t spent = 0, common = p->n[1] / 4 + 2;
    for (size_t i = 0; i < nf && spent < POSTINGS_BUDGET; i++) {
        size_t df = r->found[i].df, k = r->found[i].key;
        if (df > common)
            break;
        spent += df;
        double w = key_weight(r->ix.keys[k], df, p->n[1]);
        for (size_t j = r->ix.first[k]; j < r->ix.first[k + 1]; j++) {
            uint32_t t = r->ix.docs[j];
            if (r->votes[t] == 0) {
                if (sl_grow(mem, (void **)&r->touched, &r->touched_cap, r->ntouched + 1,
                            sizeof *r->touched) != 0)
                    return -1;
                r->touched[r->ntouched++] = t;
            }
            r->votes[t] += w;
        }
    }
    /* rank by votes over the size of the target, or long documents would be everyone's
     * candidates */
    for (size_t i = 0; i < r->ntouched; i++)
        r->votes[r->touched[i]] /= r->ix.norm[r->touched[i]];
    uint32_t best[CANDIDATES];
    size_t nbest = 0;
    for (size_t i = 0; i < r->ntouched; i++) {
        uint32_t t = r->touched[i];
        size_t at = nbest;
        while (at > 0 && (r->votes[best[at - 1]] < r->votes[t] ||
                          (r->votes[best[at - 1]] == r->votes[t] && best[at - 1] > t)))
            at--;
        if (at >= CANDIDATES)
            continue;
        if (nbest < CANDIDATES)
            nbest++;
        memmove(best + at + 1, best + at, (nbest - at - 1) * sizeof *best);
        best[at] = t;
    }
    for (size_t i = 0; i < r->ntouched; i++)
        r->votes[r->touched[i]] = 0;
    for (size_t i = 0; i < nbest; i++) {
        selaras_parallel_evidence ev;
        sl_profile_compare(d, &p->docs[1][best[i]], p->lex, NULL, &ev);
        p->comparisons++;
        keep_top2(r->score[0] + 2 * s, ev.score);
        keep_top2(r->score[1] + 2 * (size_t)best[i], ev.score);
        if (ev.score < p->min_score)
            continue;
        if (sl_grow(mem, (void **)&r->edges, &r->edges_cap, r->nedges + 1, sizeof *r->edges) != 0)
            return -1;
        r->edges[r->nedges++] = (edge){ev.score, (uint32_t)s, best[i]};
    }
    return 0;
}

selaras_status selaras_pairer_run(selaras_pairer *p, selaras_error *err)
{
    if (p == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "pairer: NULL pairer");
    if (p->n[0] > UINT32_MAX || p->n[1] > UINT32_MAX)
        return sl_error(err, SELARAS_ERR_LIMIT, "pairer: too many documents");
    const selaras_allocator *mem = &p->mem;
    run r;
    memset(&r, 0, sizeof r);
    for (int s = 0; s < 2; s++) {
        r.partner[s] = sl_malloc(mem, (p->n[s] + 1) * sizeof *r.partner[s]);
        r.score[s] = sl_calloc(mem, 2 * p->n[s] + 2, sizeof *r.score[s]);
        if (r.partner[s] == NULL || r.score[s] == NULL)
            goto nomem;
        for (size_t i = 0; i < p->n[s]; i++)
            r.partner[s][i] = SELARAS_UNPAIRED;
    }
    size_t comparisons = p->comparisons;
    p->comparisons = 0;
    if (p->n[0] > 0 && p->n[1] > 0) {
        r.votes = sl_calloc(mem, p->n[1], sizeof *r.votes);
        if (r.votes == NULL || index_build(p, 1, &r.ix, &r.ks) != 0 ||
            index_build(p, 0, &r.six, &r.ks) != 0)
            goto nomem_count;
        index both[2] = {r.six, r.ix};
        if (weigh(p, both) != 0)
            goto nomem_count;
        for (size_t s = 0; s < p->n[0]; s++)
            if (propose(p, &r, s) != 0)
                goto nomem_count;
    }
    if (r.nedges > 0)
        qsort(r.edges, r.nedges, sizeof *r.edges, cmp_edge);
    for (size_t i = 0; i < r.nedges; i++) {
        const edge *e = &r.edges[i];
        if (r.partner[0][e->src] != SELARAS_UNPAIRED || r.partner[1][e->tgt] != SELARAS_UNPAIRED)
            continue;
        const double *ts = r.score[0] + 2 * (size_t)e->src, *tt = r.score[1] + 2 * (size_t)e->tgt;
        if (e->score < SURE && (e->score - ts[1] < MARGIN || e->score - tt[1] < MARGIN))
            continue;
        r.partner[0][e->src] = e->tgt;
        r.partner[1][e->tgt] = e->src;
    }
    /* each document's score: its pair's, or the best it met */
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < p->n[s]; i++)
            r.score[s][i] = r.score[s][2 * i];
    for (size_t i = 0; i < r.nedges; i++) {
        const edge *e = &r.edges[i];
        if (r.partner[0][e->src] == e->tgt)
            r.score[0][e->src] = r.score[1][e->tgt] = e->score;
    }
    for (int s = 0; s < 2; s++) {
        sl_free(mem, p->partner[s]);
        sl_free(mem, p->score[s]);
        p->partner[s] = r.partner[s];
        p->score[s] = r.score[s];
        p->result_n[s] = p->n[s];
        r.partner[s] = NULL;
        r.score[s] = NULL;
    }
    run_release(&r, mem);
    return SELARAS_OK;
nomem_count:
    p->comparisons = comparisons;
nomem:
    run_release(&r, mem);
    return sl_nomem(err);
}
