/* An allocator for the evaluations and benchmarks that counts live bytes and their peak
 * (each block carries its size in front). Header-only: each tool includes it once. */
#ifndef SELARAS_EVAL_COUNT_ALLOC_H
#define SELARAS_EVAL_COUNT_ALLOC_H

#include <stdlib.h>

#include "selaras.h"

typedef struct counter {
    size_t live, peak;
} counter;

static inline void *c_malloc(size_t size, void *user)
{
    counter *c = user;
    size_t *p = malloc(size + sizeof(size_t) * 2);
    if (p == NULL)
        return NULL;
    p[0] = size;
    c->live += size;
    if (c->live > c->peak)
        c->peak = c->live;
    return p + 2;
}

static inline void c_free(void *ptr, void *user)
{
    if (ptr == NULL)
        return;
    counter *c = user;
    size_t *p = (size_t *)ptr - 2;
    c->live -= p[0];
    free(p);
}

static inline void *c_realloc(void *ptr, size_t size, void *user)
{
    if (ptr == NULL)
        return c_malloc(size, user);
    counter *c = user;
    size_t *p = (size_t *)ptr - 2;
    size_t old = p[0];
    size_t *q = realloc(p, size + sizeof(size_t) * 2);
    if (q == NULL)
        return NULL;
    q[0] = size;
    c->live = c->live - old + size;
    if (c->live > c->peak)
        c->peak = c->live;
    return q + 2;
}

#endif
