/* The stemmer: Snowball's algorithms through libstemmer, or a pass-through. */
#include "config.h"

#include <libstemmer.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "lexicon.h"

/* Words repeat (Zipf): stems already computed are kept in a small cache, emptied when
 * full, so that the memory it takes stays bounded. */
#define SL_STEM_CACHE_ENTRIES ((size_t)16384) /* a power of two */
#define SL_STEM_CACHE_SLOTS (2 * SL_STEM_CACHE_ENTRIES)
#define SL_STEM_CACHE_WORD 48        /* longer words are not cached */
#define SL_STEM_CACHE_POOL (SL_STEM_CACHE_ENTRIES * 24)

typedef struct sl_stem_entry {
    uint32_t word;      /* offset of the word in pool, followed by its stem */
    uint8_t word_len;
    uint8_t stem_len;
} sl_stem_entry;

struct sl_stemmer {
    selaras_allocator mem;
    struct sb_stemmer *sb;  /* NULL: pass words through */
    const char *algorithm;  /* static name from the table below */
    uint32_t *slots;        /* entry index + 1, 0: empty; NULL until first used */
    sl_stem_entry *entries;
    size_t n;
    char *pool;             /* words and stems, SL_STEM_CACHE_POOL bytes */
    size_t pool_len;
    int uncached;           /* 1: the caller caches (sl_stemmer_no_cache) */
};

/* Primary language subtag -> Snowball algorithm. Malay shares Indonesian's affixes. */
static const struct {
    const char *lang;
    const char *algorithm;
} sl_stem_table[] = {
    {"ar", "arabic"},     {"ca", "catalan"},    {"da", "danish"},     {"de", "german"},
    {"el", "greek"},      {"en", "english"},    {"es", "spanish"},    {"eu", "basque"},
    {"fi", "finnish"},    {"fr", "french"},     {"ga", "irish"},      {"hi", "hindi"},
    {"hu", "hungarian"},  {"hy", "armenian"},   {"id", "indonesian"}, {"it", "italian"},
    {"lt", "lithuanian"}, {"ms", "indonesian"}, {"nb", "norwegian"},  {"ne", "nepali"},
    {"nl", "dutch"},      {"nn", "norwegian"},  {"no", "norwegian"},  {"pt", "portuguese"},
    {"ro", "romanian"},   {"ru", "russian"},    {"sr", "serbian"},    {"sv", "swedish"},
    {"ta", "tamil"},      {"tr", "turkish"},    {"yi", "yiddish"},
};

/* Whether this libstemmer build has the algorithm (older ones lack some). */
static int sl_stem_available(const char *algorithm)
{
    for (const char **l = sb_stemmer_list(); *l; l++)
        if (strcmp(*l, algorithm) == 0)
            return 1;
    return 0;
}

selaras_status sl_stemmer_new(sl_stemmer **out, const selaras_allocator *mem, const char *lang,
                              selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "stemmer: NULL out");
    *out = NULL;
    selaras_allocator m;
    selaras_status st = sl_mem_init(&m, mem, err);
    if (st != SELARAS_OK)
        return st;
    sl_stemmer *s = sl_malloc(&m, sizeof *s);
    if (s == NULL)
        return sl_nomem(err);
    s->mem = m;
    s->sb = NULL;
    s->algorithm = NULL;
    s->slots = NULL;
    s->entries = NULL;
    s->n = 0;
    s->pool = NULL;
    s->pool_len = 0;
    s->uncached = 0;
    for (size_t i = 0; lang && i < sizeof sl_stem_table / sizeof sl_stem_table[0]; i++) {
        if (sl_ascii_ncaseeq(lang, strlen(lang), sl_stem_table[i].lang) &&
            sl_stem_available(sl_stem_table[i].algorithm)) {
            s->sb = sb_stemmer_new(sl_stem_table[i].algorithm, "UTF_8");
            if (s->sb == NULL) {
                sl_free(&m, s);
                return sl_nomem(err);
            }
            s->algorithm = sl_stem_table[i].algorithm;
            break;
        }
    }
    *out = s;
    return SELARAS_OK;
}

void sl_stemmer_free(sl_stemmer *st)
{
    if (st == NULL)
        return;
    if (st->sb)
        sb_stemmer_delete(st->sb);
    selaras_allocator m = st->mem;
    sl_free(&m, st->slots);
    sl_free(&m, st->entries);
    sl_free(&m, st->pool);
    sl_free(&m, st);
}

void sl_stemmer_drop_cache(sl_stemmer *st)
{
    sl_free(&st->mem, st->slots);
    sl_free(&st->mem, st->entries);
    sl_free(&st->mem, st->pool);
    st->slots = NULL;
    st->entries = NULL;
    st->pool = NULL;
    st->n = 0;
    st->pool_len = 0;
}

void sl_stemmer_no_cache(sl_stemmer *st)
{
    sl_stemmer_drop_cache(st);
    st->uncached = 1;
}

int sl_stemmer_active(const sl_stemmer *st)
{
    return st->sb != NULL;
}

const char *sl_stemmer_algorithm(const sl_stemmer *st)
{
    return st->algorithm;
}

static size_t cache_hash(const char *word, size_t len)
{
    uint32_t h = 2166136261u;  /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)word[i];
        h *= 16777619u;
    }
    return h & (SL_STEM_CACHE_SLOTS - 1);
}

/* The slot of word in the cache: where it is, or the empty slot where it would go. */
static size_t cache_slot(const sl_stemmer *st, const char *word, size_t len)
{
    size_t i = cache_hash(word, len);
    for (;;) {
        uint32_t v = st->slots[i];
        if (v == 0)
            return i;
        const sl_stem_entry *e = &st->entries[v - 1];
        if (e->word_len == len && memcmp(st->pool + e->word, word, len) == 0)
            return i;
        i = (i + 1) & (SL_STEM_CACHE_SLOTS - 1);
    }
}

/* Allocate the cache on first use; 0 when it cannot be (stemming then goes uncached). */
static int cache_ready(sl_stemmer *st)
{
    if (st->slots)
        return 1;
    st->slots = sl_calloc(&st->mem, SL_STEM_CACHE_SLOTS, sizeof *st->slots);
    st->entries = sl_malloc(&st->mem, SL_STEM_CACHE_ENTRIES * sizeof *st->entries);
    st->pool = sl_malloc(&st->mem, SL_STEM_CACHE_POOL);
    if (st->slots && st->entries && st->pool)
        return 1;
    sl_stemmer_drop_cache(st);
    return 0;
}

selaras_status sl_stem(sl_stemmer *st, const char *word, size_t len, const char **out,
                       size_t *out_len)
{
    *out = word;
    *out_len = len;
    if (st->sb == NULL || len == 0 || len > INT_MAX)
        return SELARAS_OK;
    int cached = !st->uncached && len <= SL_STEM_CACHE_WORD && cache_ready(st);
    size_t slot = 0;
    if (cached) {
        slot = cache_slot(st, word, len);
        if (st->slots[slot] != 0) {
            const sl_stem_entry *e = &st->entries[st->slots[slot] - 1];
            *out = st->pool + e->word + e->word_len;
            *out_len = e->stem_len;
            return SELARAS_OK;
        }
    }
    const sb_symbol *r = sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)len);
    if (r == NULL)
        return SELARAS_ERR_NOMEM;
    *out = (const char *)r;
    *out_len = (size_t)sb_stemmer_length(st->sb);
    if (cached && *out_len <= SL_STEM_CACHE_WORD) {
        if (st->n == SL_STEM_CACHE_ENTRIES ||
            st->pool_len + len + *out_len > SL_STEM_CACHE_POOL) {
            memset(st->slots, 0, SL_STEM_CACHE_SLOTS * sizeof *st->slots);
            st->n = 0;
            st->pool_len = 0;
            slot = cache_slot(st, word, len);
        }
        sl_stem_entry *e = &st->entries[st->n];
        e->word = (uint32_t)st->pool_len;
        e->word_len = (uint8_t)len;
        e->stem_len = (uint8_t)*out_len;
        memcpy(st->pool + st->pool_len, word, len);
        memcpy(st->pool + st->pool_len + len, *out, *out_len);
        st->pool_len += len + *out_len;
        st->slots[slot] = (uint32_t)++st->n;
    }
    return SELARAS_OK;
}
