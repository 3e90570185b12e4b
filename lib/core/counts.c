/* A hash map from 64-bit keys to 32-bit counts (open addressing, at most three quarters
 * full): the co-occurrence counts of the aligner's learned word table. */
#include "config.h"

#include <string.h>

#include "core.h"

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
