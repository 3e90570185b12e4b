/* Document profiles: the anchors, names and lexicon words of a segmented document, as
 * sorted sets, built once per document so that comparing two documents is a merge of
 * sorted arrays. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collection.h"
#include "../align/align.h"

int sl_lexicon_direction(const selaras_lexicon *lex, const char *a, const char *b)
{
    if (lex == NULL)
        return -1;
    if (strcmp(sl_lexicon_src_lang(lex), a) == 0 && strcmp(sl_lexicon_tgt_lang(lex), b) == 0)
        return 0;
    if (strcmp(sl_lexicon_src_lang(lex), b) == 0 && strcmp(sl_lexicon_tgt_lang(lex), a) == 0)
        return 1;
    return -1;
}

selaras_status sl_profiler_init(sl_profiler *pf, const selaras_allocator *mem,
                                const char *lang, const selaras_lexicon *lex, int lexside,
                                selaras_error *err)
{
    memset(pf, 0, sizeof *pf);
    pf->mem = mem;
    pf->lex = lexside < 0 ? NULL : lex;
    pf->lexside = lexside < 0 ? 0 : lexside;
    snprintf(pf->lang, sizeof pf->lang, "%s", lang);
    if (pf->lex == NULL)
        return SELARAS_OK;
    return sl_stemmer_new(&pf->stem, mem, lang, err);
}

void sl_profiler_release(sl_profiler *pf)
{
    sl_stemmer_free(pf->stem);
    pf->stem = NULL;
}

void sl_profile_release(sl_profile *p, const selaras_allocator *mem)
{
    sl_free(mem, p->anchors);
    sl_free(mem, p->names);
    sl_free(mem, p->lex);
    sl_free(mem, p->wanchors);
    sl_free(mem, p->wnames);
    sl_free(mem, p->wlex);
    memset(p, 0, sizeof *p);
}

typedef struct build_ctx {
    sl_profiler *pf;
    sl_profile *p;
    size_t anchors_cap, names_cap, lex_cap;
    int first;  /* 1 before the first word of a segment */
} build_ctx;

static int push64(const selaras_allocator *mem, uint64_t **a, size_t *n, size_t *cap, uint64_t v)
{
    if (sl_grow(mem, (void **)a, cap, *n + 1, sizeof **a) != 0)
        return -1;
    (*a)[(*n)++] = v;
    return 0;
}

/* A number of one digit ("#5e0"), a weekday or a month alone: too common to tell
 * documents apart. */
static int weak_anchor(const char *key, size_t len)
{
    if (len >= 2 && key[0] == '@' && (key[1] == 'w' || key[1] == 'm'))
        return 1;
    return len == 4 && key[0] == '#' && key[2] == 'e' && key[3] == '0';
}

static uint32_t lexicon_id(sl_profiler *pf, const char *key, size_t len)
{
    const char *stem = key;
    size_t n = len;
    if (sl_stemmer_active(pf->stem) && sl_stem(pf->stem, key, len, &stem, &n) != SELARAS_OK) {
        stem = key;
        n = len;
    }
    return pf->lexside == 0 ? sl_lexicon_src_id(pf->lex, stem, n)
                            : sl_lexicon_tgt_id(pf->lex, stem, n);
}

static int take_token(void *vctx, const char *key, size_t len, uint32_t flags)
{
    build_ctx *c = vctx;
    sl_profile *p = c->p;
    const selaras_allocator *mem = c->pf->mem;
    if (flags & SL_TOK_UNIT)
        return 0;
    int word = len > 0 && key[0] != '#' && key[0] != '@' && !(len > 4 && memcmp(key, "url:", 4) == 0);
    if (!word) {
        if (weak_anchor(key, len))
            return 0;
        return push64(mem, &p->anchors, &p->nanchors, &c->anchors_cap, sl_hash_bytes(key, len));
    }
    p->words++;
    int first = c->first;
    c->first = 0;
    uint32_t id = c->pf->lex != NULL ? lexicon_id(c->pf, key, len) : SL_LEXICON_NONE;
    if (id != SL_LEXICON_NONE &&
        sl_grow(mem, (void **)&p->lex, &c->lex_cap, p->nlex + 1, sizeof *p->lex) == 0)
        p->lex[p->nlex++] = id;
    else if (id != SL_LEXICON_NONE)
        return -1;
    /* an acronym, or a capitalised word of three letters or more that the lexicon lacks
     * and that does not start the segment (where every word is capitalised) */
    if ((flags & SL_TOK_ANCHOR) ||
        ((flags & SL_TOK_CAPITAL) && !first && id == SL_LEXICON_NONE && len >= 3))
        return push64(mem, &p->names, &p->nnames, &c->names_cap, sl_hash_bytes(key, len));
    return 0;
}

static int cmp64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static size_t unique64(uint64_t *a, size_t n)
{
    if (n == 0)
        return 0;
    qsort(a, n, sizeof *a, cmp64);
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        if (a[i] != a[k - 1])
            a[k++] = a[i];
    return k;
}

static size_t unique32(uint32_t *a, size_t n)
{
    if (n == 0)
        return 0;
    qsort(a, n, sizeof *a, cmp32);
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        if (a[i] != a[k - 1])
            a[k++] = a[i];
    return k;
}

static size_t count_cps(const char *t, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)t[i] & 0xC0) != 0x80;
    return n;
}

selaras_status sl_profile_build(sl_profiler *pf, const selaras_segments *segs, sl_profile *out,
                                selaras_error *err)
{
    memset(out, 0, sizeof *out);
    out->lexside = pf->lexside;
    build_ctx c = {pf, out, 0, 0, 0, 1};
    for (size_t i = 0; i < segs->count; i++) {
        const sl_segment *sg = &segs->items[i];
        if (sl_seg_kind(sg) == SELARAS_SEGMENT_BOILERPLATE)
            continue;
        const char *text = sl_segments_span_at(segs, i);
        out->segments++;
        c.first = 1;
        out->length += (double)count_cps(text, sl_seg_len(sg));
        if (sl_anchor_tokenize(text, sl_seg_len(sg), pf->lang, take_token, &c) != 0) {
            sl_profile_release(out, pf->mem);
            return sl_nomem(err);
        }
    }
    out->nanchors = unique64(out->anchors, out->nanchors);
    out->nnames = unique64(out->names, out->nnames);
    out->nlex = unique32(out->lex, out->nlex);
    return SELARAS_OK;
}
