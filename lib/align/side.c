/* One side of an alignment problem: the tokens, lengths and kinds of its segments. */
#include "config.h"

#include <string.h>

#include "align.h"
#include "../lexicon/lexicon.h"
#include "../text/text.h"

typedef struct side_ctx {
    sl_side *side;
    sl_vocab *vocab;
    sl_stem_fn stem;
    void *stem_ctx;
    sl_stem_cache *cache;
    const selaras_allocator *mem;
    double w_anchor, w_capital;
    size_t sent_first;  /* first token of the current sentence */
    char stem_buf[256];
} side_ctx;

static int add_token(void *vctx, const char *key, size_t len, uint32_t flags)
{
    side_ctx *c = vctx;
    sl_side *s = c->side;
    uint32_t surf;
    if (sl_vocab_intern(c->vocab, key, len, &surf) != 0)
        return -1;
    unsigned cls = flags & SL_TOK_ANCHOR ? SL_TCLASS_ANCHOR
                   : flags & SL_TOK_CAPITAL ? SL_TCLASS_CAPITAL : SL_TCLASS_WORD;
    if (c->stem != NULL && !(flags & (SL_TOK_ANCHOR | SL_TOK_UNIT | SL_TOK_KEY))) {
        sl_stem_cache *sc = c->cache;
        if (surf >= sc->cap || sc->stem[surf] == 0) {
            uint32_t stem = surf;
            size_t n = c->stem(c->stem_ctx, key, len, c->stem_buf, sizeof c->stem_buf);
            if (n != (size_t)-1 && n > 0 && sl_vocab_intern(c->vocab, c->stem_buf, n, &stem) != 0)
                return -1;
            /* the side reads its stems from the cache: it must hold this one */
            size_t old = sc->cap;
            if (sl_grow(c->mem, (void **)&sc->stem, &sc->cap, (size_t)surf + 1,
                        sizeof *sc->stem) != 0)
                return -1;
            memset(sc->stem + old, 0, (sc->cap - old) * sizeof *sc->stem);
            sc->stem[surf] = stem + 1;
        }
    }
    sl_atok t = surf << 2 | cls;
    /* unique within the sentence */
    size_t end = s->first[s->n];
    for (size_t i = c->sent_first; i < end; i++)
        if (sl_tok_surf(s->toks[i]) == surf)
            return 0;
    if (sl_grow(c->mem, (void **)&s->toks, &s->toks_cap, end + 1, sizeof *s->toks) != 0)
        return -1;
    s->toks[end] = t;
    s->first[s->n] = end + 1;
    return 0;
}

/* The sentences [a, b) of side f, as a side of their own (the arrays are prefix sums or
 * per sentence, so a view is an offset). */
sl_side sl_side_view(const sl_side *f, size_t a, size_t b)
{
    sl_side v = *f;
    v.n = b - a;
    v.first = f->first + a;
    v.len = f->len + a;
    v.ntok = f->ntok + a;
    v.skip = f->skip + a;
    return v;
}

/* The stem of a folded word for the phrase keys: from the stems already made for the
 * side's tokens when the word is one of them, else from the stemmer. */
static size_t cached_stem(void *vctx, const char *word, size_t len, char *out, size_t cap)
{
    side_ctx *c = vctx;
    uint32_t surf = sl_vocab_find(c->vocab, word, len);
    if (surf != UINT32_MAX && surf < c->cache->cap && c->cache->stem[surf] != 0) {
        const char *st = sl_vocab_str(c->vocab, c->cache->stem[surf] - 1);
        size_t n = strlen(st);
        if (n >= cap)
            return (size_t)-1;
        memcpy(out, st, n);
        return n;
    }
    return c->stem(c->stem_ctx, word, len, out, cap);
}

void sl_side_release(sl_side *side, const selaras_allocator *mem)
{
    sl_free(mem, side->toks);
    sl_free(mem, side->first);
    sl_free(mem, side->len);
    sl_free(mem, side->ntok);
    sl_free(mem, side->skip);
    memset(side, 0, sizeof *side);
}

static size_t count_cps(const char *t, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)t[i] & 0xC0) != 0x80;
    return n;
}

selaras_status sl_side_build(sl_side *side, const selaras_segments *segs, const char *lang,
                             sl_vocab *vocab, sl_stem_fn stem, void *stem_ctx,
                             sl_stem_cache *cache, double w_anchor, double w_capital,
                             const sl_phrase_lookup *phrases, const selaras_allocator *mem)
{
    memset(side, 0, sizeof *side);
    size_t n = segs->count;
    side->first = sl_malloc(mem, (n + 1) * sizeof *side->first);
    side->len = sl_malloc(mem, (n + 1) * sizeof *side->len);
    side->ntok = sl_malloc(mem, (n + 1) * sizeof *side->ntok);
    side->skip = sl_malloc(mem, n + 1);
    if (side->first == NULL || side->len == NULL || side->ntok == NULL || side->skip == NULL) {
        sl_side_release(side, mem);
        return SELARAS_ERR_NOMEM;
    }
    side_ctx c = {side, vocab, stem, stem_ctx, cache, mem, w_anchor, w_capital, 0, {0}};
    sl_tokens toks;
    sl_tokens_init(&toks, mem);
    side->unit = 1.0;
    side->weight[SL_TCLASS_WORD] = 1.0f;
    side->weight[SL_TCLASS_CAPITAL] = (float)w_capital;
    side->weight[SL_TCLASS_ANCHOR] = (float)w_anchor;
    side->weight[3] = 1.0f;
    side->first[0] = 0;
    side->len[0] = 0;
    side->ntok[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const sl_segment *sg = &segs->items[i];
        const char *text = sl_segments_span_at(segs, i);
        /* add_token appends at first[n] and moves it: point it at slot i + 1 */
        side->n = i + 1;
        side->first[i + 1] = side->first[i];
        c.sent_first = side->first[i];
        if (sl_anchor_tokenize(text, sl_seg_len(sg), lang, add_token, &c) != 0 ||
            (phrases != NULL && sl_phrases_emit(phrases, &toks, text, sl_seg_len(sg),
                                                stem ? cached_stem : NULL, &c, add_token,
                                                &c) != 0)) {
            sl_tokens_release(&toks);
            sl_side_release(side, mem);
            return SELARAS_ERR_NOMEM;
        }
        size_t cps = count_cps(text, sl_seg_len(sg));
        side->len[i + 1] = side->len[i] + (double)cps;
        double wsum = 0;
        for (size_t k = side->first[i]; k < side->first[i + 1]; k++)
            wsum += side->weight[sl_tok_cls(side->toks[k])];
        side->ntok[i + 1] = side->ntok[i] + wsum;
        side->skip[i] = (unsigned char)(sl_seg_kind(sg) == SELARAS_SEGMENT_BOILERPLATE || cps == 0
                                            ? SL_UNIT_SKIP
                                        : sl_seg_kind(sg) == SELARAS_SEGMENT_TITLE ? SL_UNIT_TITLE
                                                                            : 0);
    }
    sl_tokens_release(&toks);
    side->n = n;
    side->stem_of = cache->stem;
    side->stem_cap = cache->cap;
    return SELARAS_OK;
}
