/* Interned strings: keys stored once, back to back, with dense ids from 0 and an
 * open-addressing hash from key to id. Used for the lexicon's keys and the aligner's
 * vocabulary (a table may sit on a read-only base whose keys keep their ids). */
#include "config.h"

#include <string.h>

#include "core.h"

void sl_strtab_init(sl_strtab *t, const selaras_allocator *mem)
{
    memset(t, 0, sizeof *t);
    t->mem = mem;
    t->limit = (size_t)UINT32_MAX - 1;
    sl_buf_init(&t->pool, mem);
}

void sl_strtab_release(sl_strtab *t)
{
    sl_buf_release(&t->pool);
    sl_free(t->mem, t->off);
    sl_free(t->mem, t->slots);
    t->off = NULL;
    t->slots = NULL;
    t->n = t->cap = t->nslots = t->max_words = 0;
}

void sl_strtab_set_base(sl_strtab *t, const sl_strtab *base)
{
    t->base = base;
}

static size_t base_count(const sl_strtab *t)
{
    return t->base != NULL ? sl_strtab_size(t->base) : 0;
}

size_t sl_strtab_size(const sl_strtab *t)
{
    return t->n + base_count(t);
}

void sl_strtab_clear(sl_strtab *t)
{
    if (t->nslots > 0)
        memset(t->slots, 0, t->nslots * sizeof *t->slots);
    t->pool.len = 0;
    t->n = 0;
    t->max_words = 0;
}

/* Key of own id (from 0) and its length. */
static const char *own_key(const sl_strtab *t, size_t id, size_t *len)
{
    if (len != NULL)
        *len = (id + 1 < t->n ? t->off[id + 1] : t->pool.len) - t->off[id] - 1;
    return t->pool.data + t->off[id];
}

const char *sl_strtab_key(const sl_strtab *t, uint32_t id, size_t *len)
{
    size_t nb = base_count(t);
    if (id < nb)
        return sl_strtab_key(t->base, id, len);
    return own_key(t, id - nb, len);
}

/* The slot where key is or would go. */
static size_t slot_of(const sl_strtab *t, const char *key, size_t len)
{
    size_t mask = t->nslots - 1, i = (size_t)sl_hash_bytes(key, len) & mask;
    for (;;) {
        uint32_t v = t->slots[i];
        if (v == 0)
            return i;
        size_t klen;
        const char *k = own_key(t, v - 1, &klen);
        if (klen == len && memcmp(k, key, len) == 0)
            return i;
        i = (i + 1) & mask;
    }
}

/* Own id of key (from 0), or UINT32_MAX. */
static uint32_t own_find(const sl_strtab *t, const char *key, size_t len)
{
    if (t->nslots == 0)
        return UINT32_MAX;
    uint32_t v = t->slots[slot_of(t, key, len)];
    return v == 0 ? UINT32_MAX : v - 1;
}

uint32_t sl_strtab_find(const sl_strtab *t, const char *key, size_t len)
{
    if (t->base != NULL) {
        uint32_t id = sl_strtab_find(t->base, key, len);
        if (id != UINT32_MAX)
            return id;
    }
    uint32_t id = own_find(t, key, len);
    return id == UINT32_MAX ? id : (uint32_t)(id + base_count(t));
}

/* Rebuild the hash with nslots slots, inserting ids in order (so that truncating the
 * newest ids never breaks an older key's probe chain). */
static int rehash(sl_strtab *t, size_t nslots)
{
    uint32_t *slots = sl_calloc(t->mem, nslots, sizeof *slots);
    if (slots == NULL)
        return -1;
    sl_free(t->mem, t->slots);
    t->slots = slots;
    t->nslots = nslots;
    for (size_t id = 0; id < t->n; id++) {
        size_t len;
        const char *k = own_key(t, id, &len);
        t->slots[slot_of(t, k, len)] = (uint32_t)id + 1;
    }
    return 0;
}

static size_t count_words(const char *key, size_t len)
{
    size_t w = 1;
    for (size_t i = 0; i < len; i++)
        w += key[i] == ' ';
    return w;
}

int sl_strtab_add(sl_strtab *t, const char *key, size_t len, uint32_t *id, int *is_new)
{
    *is_new = 0;
    uint32_t found = sl_strtab_find(t, key, len);
    if (found != UINT32_MAX) {
        *id = found;
        return 0;
    }
    size_t nb = base_count(t);
    if (t->n + nb >= t->limit)
        return -1;
    if ((t->n + 1) * 2 > t->nslots && rehash(t, t->nslots ? t->nslots * 2 : 64) != 0)
        return -1;
    if (sl_grow(t->mem, (void **)&t->off, &t->cap, t->n + 1, sizeof *t->off) != 0)
        return -1;
    size_t at = t->pool.len;
    if (sl_buf_append(&t->pool, key, len) != 0 || sl_buf_append_byte(&t->pool, '\0') != 0) {
        t->pool.len = at;
        return -1;
    }
    t->off[t->n] = at;
    t->slots[slot_of(t, key, len)] = (uint32_t)t->n + 1;
    *id = (uint32_t)(t->n++ + nb);
    size_t w = count_words(key, len);
    if (w > t->max_words)
        t->max_words = w;
    *is_new = 1;
    return 0;
}

void sl_strtab_truncate(sl_strtab *t, size_t n, size_t pool_len, size_t max_words)
{
    for (size_t id = n; id < t->n; id++) {
        size_t len;
        const char *k = own_key(t, id, &len);
        t->slots[slot_of(t, k, len)] = 0;
    }
    t->n = n;
    t->pool.len = pool_len;
    if (t->pool.data != NULL)
        t->pool.data[pool_len] = '\0';
    t->max_words = max_words;
}
