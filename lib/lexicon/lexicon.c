/* The lexicon: interned source and target keys, the pairs between them, lookups. */
#include "config.h"

#include <string.h>

#include "lexicon.h"
#include "text/text.h"

/* ---- adjacency ---- */

static int adj_push(const selaras_allocator *mem, sl_adj *a, uint32_t id)
{
    if (a->n == a->cap) {
        size_t cap = a->cap;
        void *ids = a->ids;
        if (sl_grow(mem, &ids, &cap, (size_t)a->n + 1, sizeof(uint32_t)) != 0 ||
            cap > UINT32_MAX)
            return -1;
        a->ids = ids;
        a->cap = (uint32_t)cap;
    }
    a->ids[a->n++] = id;
    return 0;
}

/* Make room for the adjacency list of a new id of one side (n ids before it). */
static int adj_extend(const selaras_allocator *mem, sl_adj **arr, size_t *cap, size_t n)
{
    void *a = *arr;
    if (sl_grow(mem, &a, cap, n + 1, sizeof(sl_adj)) != 0)
        return -1;
    *arr = a;
    (*arr)[n].ids = NULL;
    (*arr)[n].n = (*arr)[n].cap = 0;
    return 0;
}

/* ---- the lexicon ---- */

static uint32_t intern_find(const sl_intern *in, const char *key, size_t len)
{
    return sl_strtab_find(in, key, len);
}

void sl_lexicon_mark_set(const selaras_lexicon *lex, sl_lexicon_mark *mark)
{
    mark->npairs = lex->npairs;
    mark->nsrc = lex->src.n;
    mark->ntgt = lex->tgt.n;
    mark->src_pool = lex->src.pool.len;
    mark->tgt_pool = lex->tgt.pool.len;
    mark->src_max_words = lex->src.max_words;
    mark->tgt_max_words = lex->tgt.max_words;
}

void sl_lexicon_rollback(selaras_lexicon *lex, const sl_lexicon_mark *mark)
{
    /* Newer pairs sit at the ends of their adjacency lists: pop them newest first. */
    while (lex->npairs > mark->npairs) {
        sl_pair p = lex->pairs[--lex->npairs];
        lex->fwd[p.src].n--;
        lex->bwd[p.tgt].n--;
    }
    for (size_t id = mark->nsrc; id < lex->src.n; id++)
        sl_free(&lex->mem, lex->fwd[id].ids);
    for (size_t id = mark->ntgt; id < lex->tgt.n; id++)
        sl_free(&lex->mem, lex->bwd[id].ids);
    sl_strtab_truncate(&lex->src, mark->nsrc, mark->src_pool, mark->src_max_words);
    sl_strtab_truncate(&lex->tgt, mark->ntgt, mark->tgt_pool, mark->tgt_max_words);
}

static selaras_status intern_side(selaras_lexicon *lex, sl_intern *in, sl_adj **adj,
                                  size_t *adj_cap, const char *key, size_t len, uint32_t *id)
{
    size_t before = in->n, pool = in->pool.len, words = in->max_words;
    int is_new;
    if (sl_strtab_add(in, key, len, id, &is_new) != 0)
        return SELARAS_ERR_NOMEM;
    if (is_new && adj_extend(&lex->mem, adj, adj_cap, before) != 0) {
        sl_strtab_truncate(in, before, pool, words);
        return SELARAS_ERR_NOMEM;
    }
    return SELARAS_OK;
}

selaras_status sl_lexicon_add_keys(selaras_lexicon *lex, const char *src, size_t src_len,
                                   const char *tgt, size_t tgt_len, selaras_error *err)
{
    sl_lexicon_mark mark;
    sl_lexicon_mark_set(lex, &mark);
    uint32_t s, t;
    if (intern_side(lex, &lex->src, &lex->fwd, &lex->fwd_cap, src, src_len, &s) != SELARAS_OK ||
        intern_side(lex, &lex->tgt, &lex->bwd, &lex->bwd_cap, tgt, tgt_len, &t) != SELARAS_OK)
        goto nomem;
    if (sl_lexicon_has_pair(lex, s, t))
        return SELARAS_OK;
    if (lex->npairs == lex->pairs_cap) {
        void *pairs = lex->pairs;
        if (sl_grow(&lex->mem, &pairs, &lex->pairs_cap, lex->npairs + 1, sizeof(sl_pair)) != 0)
            goto nomem;
        lex->pairs = pairs;
    }
    if (adj_push(&lex->mem, &lex->fwd[s], t) != 0)
        goto nomem;
    if (adj_push(&lex->mem, &lex->bwd[t], s) != 0) {
        lex->fwd[s].n--;
        goto nomem;
    }
    lex->pairs[lex->npairs].src = s;
    lex->pairs[lex->npairs].tgt = t;
    lex->npairs++;
    return SELARAS_OK;
nomem:
    sl_lexicon_rollback(lex, &mark);
    return sl_nomem(err);
}

/* Tokenize, fold and stem one side into lex->key. *words receives the word count. */
static selaras_status make_key(selaras_lexicon *lex, sl_stemmer *stem, const char *text,
                               size_t len, size_t *words, selaras_error *err)
{
    selaras_status st = sl_tokenize(&lex->toks, text, len, err);
    if (st != SELARAS_OK)
        return st;
    lex->key.len = 0;
    *words = 0;
    for (size_t i = 0; i < lex->toks.n; i++) {
        const sl_token *t = &lex->toks.tok[i];
        if (t->cls == SL_TOKEN_OTHER)
            continue;
        size_t flen;
        const char *f = sl_token_folded(&lex->toks, i, &flen);
        if (t->cls == SL_TOKEN_WORD && sl_stem(stem, f, flen, &f, &flen) != SELARAS_OK)
            return sl_nomem(err);
        if (++*words > SL_LEXICON_MAX_WORDS)
            return sl_error(err, SELARAS_ERR_LIMIT, "more than %d words in a dictionary entry",
                            SL_LEXICON_MAX_WORDS);
        if ((lex->key.len > 0 && sl_buf_append_byte(&lex->key, ' ') != 0) ||
            sl_buf_append(&lex->key, f, flen) != 0)
            return sl_nomem(err);
        if (lex->key.len > SL_LEXICON_MAX_KEY)
            return sl_error(err, SELARAS_ERR_LIMIT,
                            "dictionary entry longer than %d bytes", SL_LEXICON_MAX_KEY);
    }
    return SELARAS_OK;
}

selaras_status sl_lexicon_add_text(selaras_lexicon *lex, const char *src, size_t src_len,
                                   const char *tgt, size_t tgt_len, int *added,
                                   selaras_error *err)
{
    *added = 0;
    size_t sw, tw;
    selaras_status st = make_key(lex, lex->tgt_stem, tgt, tgt_len, &tw, err);
    if (st != SELARAS_OK || tw == 0)
        return st;
    /* The target key moves out of the scratch buffer before the source is made. */
    sl_buf tkey = lex->key;
    sl_buf_init(&lex->key, &lex->mem);
    st = make_key(lex, lex->src_stem, src, src_len, &sw, err);
    if (st == SELARAS_OK && sw > 0) {
        size_t before = lex->npairs;
        st = sl_lexicon_add_keys(lex, lex->key.data, lex->key.len, tkey.data, tkey.len, err);
        *added = st == SELARAS_OK && lex->npairs > before;
    }
    sl_buf_release(&lex->key);
    lex->key = tkey;
    return st;
}

/* ---- lookups ---- */

const char *sl_lexicon_src_lang(const selaras_lexicon *lex) { return lex->src_lang; }
const char *sl_lexicon_tgt_lang(const selaras_lexicon *lex) { return lex->tgt_lang; }

uint32_t sl_lexicon_src_id(const selaras_lexicon *lex, const char *key, size_t len)
{
    return intern_find(&lex->src, key, len);
}

uint32_t sl_lexicon_tgt_id(const selaras_lexicon *lex, const char *key, size_t len)
{
    return intern_find(&lex->tgt, key, len);
}

size_t sl_lexicon_src_count(const selaras_lexicon *lex) { return lex->src.n; }
size_t sl_lexicon_tgt_count(const selaras_lexicon *lex) { return lex->tgt.n; }
size_t sl_lexicon_src_max_words(const selaras_lexicon *lex) { return lex->src.max_words; }
size_t sl_lexicon_tgt_max_words(const selaras_lexicon *lex) { return lex->tgt.max_words; }

const char *sl_lexicon_src_key(const selaras_lexicon *lex, uint32_t id, size_t *len)
{
    return id < lex->src.n ? sl_strtab_key(&lex->src, id, len) : NULL;
}

const char *sl_lexicon_tgt_key(const selaras_lexicon *lex, uint32_t id, size_t *len)
{
    return id < lex->tgt.n ? sl_strtab_key(&lex->tgt, id, len) : NULL;
}

void sl_lexicon_translations(const selaras_lexicon *lex, uint32_t src, const uint32_t **tgt,
                             size_t *n)
{
    *tgt = NULL;
    *n = 0;
    if (src < lex->src.n) {
        *tgt = lex->fwd[src].ids;
        *n = lex->fwd[src].n;
    }
}

void sl_lexicon_sources(const selaras_lexicon *lex, uint32_t tgt, const uint32_t **src,
                        size_t *n)
{
    *src = NULL;
    *n = 0;
    if (tgt < lex->tgt.n) {
        *src = lex->bwd[tgt].ids;
        *n = lex->bwd[tgt].n;
    }
}

int sl_lexicon_has_pair(const selaras_lexicon *lex, uint32_t src, uint32_t tgt)
{
    if (src >= lex->src.n || tgt >= lex->tgt.n)
        return 0;
    /* Scan the shorter list. */
    const sl_adj *a = &lex->fwd[src], *b = &lex->bwd[tgt];
    uint32_t want = tgt;
    if (b->n < a->n) {
        a = b;
        want = src;
    }
    for (uint32_t i = 0; i < a->n; i++)
        if (a->ids[i] == want)
            return 1;
    return 0;
}

selaras_status sl_lexicon_disable_stemming(selaras_lexicon *lex, selaras_error *err)
{
    if (lex->npairs > 0)
        return sl_error(err, SELARAS_ERR_STATE, "stemming can only be turned off while empty");
    sl_stemmer *a, *b;
    selaras_status st = sl_stemmer_new(&a, &lex->mem, "", err);
    if (st != SELARAS_OK)
        return st;
    if ((st = sl_stemmer_new(&b, &lex->mem, "", err)) != SELARAS_OK) {
        sl_stemmer_free(a);
        return st;
    }
    sl_stemmer_free(lex->src_stem);
    sl_stemmer_free(lex->tgt_stem);
    lex->src_stem = a;
    lex->tgt_stem = b;
    return SELARAS_OK;
}

/* ---- public: create, free, add, size ---- */

selaras_status selaras_lexicon_new(selaras_lexicon **out, const char *src_lang,
                                   const char *tgt_lang, const selaras_allocator *mem,
                                   selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "lexicon: NULL out");
    *out = NULL;
    if (src_lang == NULL || tgt_lang == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "lexicon: NULL language");
    selaras_allocator m;
    char tag[SL_LANG_TAG_MAX], src[4], tgt[4];
    selaras_status st = sl_mem_lang_init(&m, mem, src_lang, tag, src, err);
    if (st != SELARAS_OK || (st = sl_lang_parse(tgt_lang, tag, tgt, err)) != SELARAS_OK)
        return st;
    selaras_lexicon *lex = sl_calloc(&m, 1, sizeof *lex);
    if (lex == NULL)
        return sl_nomem(err);
    lex->mem = m;
    memcpy(lex->src_lang, src, sizeof src);
    memcpy(lex->tgt_lang, tgt, sizeof tgt);
    sl_tokens_init(&lex->toks, &lex->mem);
    sl_buf_init(&lex->key, &lex->mem);
    sl_strtab_init(&lex->src, &lex->mem);
    sl_strtab_init(&lex->tgt, &lex->mem);
    if ((st = sl_stemmer_new(&lex->src_stem, &lex->mem, src, err)) != SELARAS_OK ||
        (st = sl_stemmer_new(&lex->tgt_stem, &lex->mem, tgt, err)) != SELARAS_OK) {
        selaras_lexicon_free(lex);
        return st;
    }
    *out = lex;
    return SELARAS_OK;
}

void selaras_lexicon_free(selaras_lexicon *lex)
{
    if (lex == NULL)
        return;
    for (size_t i = 0; i < lex->src.n; i++)
        sl_free(&lex->mem, lex->fwd[i].ids);
    for (size_t i = 0; i < lex->tgt.n; i++)
        sl_free(&lex->mem, lex->bwd[i].ids);
    sl_free(&lex->mem, lex->fwd);
    sl_free(&lex->mem, lex->bwd);
    sl_free(&lex->mem, lex->pairs);
    sl_strtab_release(&lex->src);
    sl_strtab_release(&lex->tgt);
    sl_tokens_release(&lex->toks);
    sl_buf_release(&lex->key);
    sl_stemmer_free(lex->src_stem);
    sl_stemmer_free(lex->tgt_stem);
    selaras_allocator m = lex->mem;
    sl_free(&m, lex);
}

selaras_status selaras_lexicon_add(selaras_lexicon *lex, const char *src, size_t src_len,
                                   const char *tgt, size_t tgt_len, selaras_error *err)
{
    if (lex == NULL || (src == NULL && src_len > 0) || (tgt == NULL && tgt_len > 0))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "lexicon add: NULL argument");
    /* Both sides are checked whole, the source first, before either is read for words:
     * a side is never accepted because the other one had no words or too many. */
    const char *side[2] = {src, tgt};
    size_t side_len[2] = {src_len, tgt_len};
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < side_len[k];) {
            int32_t cp;
            size_t n;
            sl_utf8_problem p = sl_utf8_check((const unsigned char *)side[k] + i,
                                              side_len[k] - i, &cp, &n);
            if (p != SL_UTF8_OK)
                return sl_error_at(err, SELARAS_ERR_ENCODING, side[k], side_len[k], i,
                                   "invalid UTF-8 (%s) in the %s at byte %zu",
                                   sl_utf8_problem_name(p), k == 0 ? "source" : "target", i);
            i += n;
        }
    }
    int added;
    return sl_lexicon_add_text(lex, src, src_len, tgt, tgt_len, &added, err);
}

size_t selaras_lexicon_size(const selaras_lexicon *lex)
{
    return lex ? lex->npairs : 0;
}
