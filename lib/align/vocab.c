/* String interning and 64-bit count maps: the vocabulary of a model and the keys of one
 * alignment beyond it, and the co-occurrence counts of the learned word table. */
#include "config.h"

#include <string.h>

#include "align.h"

void sl_vocab_init(sl_vocab *v, const selaras_allocator *mem)
{
    memset(v, 0, sizeof *v);
    v->mem = mem;
    sl_buf_init(&v->strings, mem);
}

void sl_vocab_set_base(sl_vocab *v, const sl_vocab *base)
{
    v->base = base;
}

static size_t base_count(const sl_vocab *v)
{
    return v->base != NULL ? sl_vocab_size(v->base) : 0;
}

size_t sl_vocab_size(const sl_vocab *v)
{
    return v->count + base_count(v);
}

void sl_vocab_clear(sl_vocab *v)
{
    if (v->tcap > 0)
        memset(v->table, 0, v->tcap * sizeof *v->table);
    v->strings.len = 0;
    v->count = 0;
}

void sl_vocab_release(sl_vocab *v)
{
    sl_buf_release(&v->strings);
    sl_free(v->mem, v->offs);
    sl_free(v->mem, v->table);
    v->offs = NULL;
    v->table = NULL;
    v->count = v->cap = v->tcap = 0;
}

const char *sl_vocab_str(const sl_vocab *v, uint32_t id)
{
    size_t nb = base_count(v);
    if (id < nb)
        return sl_vocab_str(v->base, id);
    return v->strings.data + v->offs[id - nb];
}

static size_t slot_of(const sl_vocab *v, const char *s, size_t len, uint64_t h)
{
    size_t mask = v->tcap - 1, i = (size_t)h & mask;
    for (;;) {
        uint32_t e = v->table[i];
        if (e == 0)
            return i;
        const char *k = v->strings.data + v->offs[e - 1];
        if (strncmp(k, s, len) == 0 && k[len] == '\0')
            return i;
        i = (i + 1) & mask;
    }
}

/* Id of s[0..len) in v's own table (from 0), or UINT32_MAX. */
static uint32_t own_find(const sl_vocab *v, const char *s, size_t len, uint64_t h)
{
    if (v->tcap == 0)
        return UINT32_MAX;
    uint32_t e = v->table[slot_of(v, s, len, h)];
    return e == 0 ? UINT32_MAX : e - 1;
}

uint32_t sl_vocab_find(const sl_vocab *v, const char *s, size_t len)
{
    if (v->base != NULL) {
        uint32_t id = sl_vocab_find(v->base, s, len);
        if (id != UINT32_MAX)
            return id;
    }
    uint32_t id = own_find(v, s, len, sl_hash_bytes(s, len));
    return id == UINT32_MAX ? id : (uint32_t)(id + base_count(v));
}

static int rehash(sl_vocab *v, size_t tcap)
{
    uint32_t *t = sl_calloc(v->mem, tcap, sizeof *t);
    if (t == NULL)
        return -1;
    uint32_t *old = v->table;
    v->table = t;
    v->tcap = tcap;
    for (size_t id = 0; id < v->count; id++) {
        const char *k = v->strings.data + v->offs[id];
        size_t len = strlen(k);
        t[slot_of(v, k, len, sl_hash_bytes(k, len))] = (uint32_t)id + 1;
    }
    sl_free(v->mem, old);
    return 0;
}

int sl_vocab_intern(sl_vocab *v, const char *s, size_t len, uint32_t *id)
{
    size_t nb = 0;
    if (v->base != NULL) {
        uint32_t b = sl_vocab_find(v->base, s, len);
        if (b != UINT32_MAX) {
            *id = b;
            return 0;
        }
        nb = sl_vocab_size(v->base);
    }
    if (v->tcap == 0 || (v->count + 1) * 2 > v->tcap)
        if (rehash(v, v->tcap == 0 ? 1024 : v->tcap * 2) != 0)
            return -1;
    uint64_t h = sl_hash_bytes(s, len);
    size_t slot = slot_of(v, s, len, h);
    if (v->table[slot] != 0) {
        *id = (uint32_t)(v->table[slot] - 1 + nb);
        return 0;
    }
    if (v->count + nb >= SL_VOCAB_MAX)
        return -1;
    if (sl_grow(v->mem, (void **)&v->offs, &v->cap, v->count + 1, sizeof *v->offs) != 0)
        return -1;
    size_t off = v->strings.len;
    if (sl_buf_append(&v->strings, s, len) != 0 || sl_buf_append_byte(&v->strings, '\0') != 0) {
        v->strings.len = off;
        return -1;
    }
    v->offs[v->count] = off;
    v->table[slot] = (uint32_t)v->count + 1;
    *id = (uint32_t)(v->count++ + nb);
    return 0;
}

/* ---- counts ---- */

void sl_counts_init(sl_counts *c, const selaras_allocator *mem)
{
    memset(c, 0, sizeof *c);
    c->mem = mem;
}

void sl_counts_release(sl_counts *c)
{
    sl_free(c->mem, c->keys);
    sl_free(c->mem, c->vals);
    c->keys = NULL;
    c->vals = NULL;
    c->count = c->cap = 0;
}

static size_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return (size_t)k;
}

static int counts_rehash(sl_counts *c, size_t cap)
{
    uint64_t *keys = sl_calloc(c->mem, cap, sizeof *keys);
    uint32_t *vals = sl_calloc(c->mem, cap, sizeof *vals);
    if (keys == NULL || vals == NULL) {
        sl_free(c->mem, keys);
        sl_free(c->mem, vals);
        return -1;
    }
    for (size_t i = 0; i < c->cap; i++) {
        if (c->keys[i] == 0)
            continue;
        size_t j = mix(c->keys[i]) & (cap - 1);
        while (keys[j] != 0)
            j = (j + 1) & (cap - 1);
        keys[j] = c->keys[i];
        vals[j] = c->vals[i];
    }
    sl_free(c->mem, c->keys);
    sl_free(c->mem, c->vals);
    c->keys = keys;
    c->vals = vals;
    c->cap = cap;
    return 0;
}

size_t sl_counts_cap_for(size_t n)
{
    size_t cap = 1024;
    while ((n + 1) * 4 > cap * 3)
        cap *= 2;
    return cap;
}

int sl_counts_reserve(sl_counts *c, size_t n)
{
    size_t cap = sl_counts_cap_for(c->count > n ? c->count : n);
    return cap > c->cap ? counts_rehash(c, cap) : 0;
}

size_t sl_counts_slot_hash(uint64_t key)
{
    return mix(key + 1);
}

int sl_counts_add(sl_counts *c, uint64_t key, uint32_t delta)
{
    /* at most three quarters full: probes stay short, and a table of a few hundred
     * thousand pairs takes 12 bytes a slot, not 24 */
    if (c->cap == 0 || (c->count + 1) * 4 > c->cap * 3)
        if (counts_rehash(c, c->cap == 0 ? 1024 : c->cap * 2) != 0)
            return -1;
    uint64_t k = key + 1;
    size_t j = mix(k) & (c->cap - 1);
    while (c->keys[j] != 0 && c->keys[j] != k)
        j = (j + 1) & (c->cap - 1);
    if (c->keys[j] == 0) {
        c->keys[j] = k;
        c->count++;
    }
    c->vals[j] = c->vals[j] > UINT32_MAX - delta ? UINT32_MAX : c->vals[j] + delta;
    return 0;
}

uint32_t sl_counts_get(const sl_counts *c, uint64_t key)
{
    if (c->cap == 0)
        return 0;
    uint64_t k = key + 1;
    size_t j = mix(k) & (c->cap - 1);
    while (c->keys[j] != 0) {
        if (c->keys[j] == k)
            return c->vals[j];
        j = (j + 1) & (c->cap - 1);
    }
    return 0;
}
