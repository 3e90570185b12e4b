/* Allocation through a handle's allocator. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core.h"

static void *default_malloc(size_t size, void *user)
{
    (void)user;
    return malloc(size);
}

static void *default_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    return realloc(ptr, size);
}

static void default_free(void *ptr, void *user)
{
    (void)user;
    free(ptr);
}

selaras_status sl_mem_init(selaras_allocator *dst, const selaras_allocator *src,
                           selaras_error *err)
{
    if (src == NULL) {
        dst->malloc_fn = default_malloc;
        dst->realloc_fn = default_realloc;
        dst->free_fn = default_free;
        dst->user = NULL;
        return SELARAS_OK;
    }
    if (src->malloc_fn == NULL || src->realloc_fn == NULL || src->free_fn == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "allocator must provide malloc_fn, realloc_fn and free_fn");
    *dst = *src;
    return SELARAS_OK;
}

void *sl_handle_new(const selaras_allocator *mem, size_t size, size_t mem_offset,
                    selaras_status *st, selaras_error *err)
{
    selaras_allocator m;
    memset(&m, 0, sizeof m);
    if ((*st = sl_mem_init(&m, mem, err)) != SELARAS_OK)
        return NULL;
    unsigned char *h = sl_calloc(&m, 1, size);
    if (h == NULL) {
        *st = sl_nomem(err);
        return NULL;
    }
    memcpy(h + mem_offset, &m, sizeof m);
    return h;
}

void *sl_malloc(const selaras_allocator *mem, size_t size)
{
    return mem->malloc_fn(size == 0 ? 1 : size, mem->user);
}

void *sl_calloc(const selaras_allocator *mem, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    void *p = sl_malloc(mem, count * size);
    if (p != NULL)
        memset(p, 0, count * size);
    return p;
}

void *sl_realloc(const selaras_allocator *mem, void *ptr, size_t size)
{
    if (ptr == NULL)
        return sl_malloc(mem, size);
    return mem->realloc_fn(ptr, size == 0 ? 1 : size, mem->user);
}

void sl_free(const selaras_allocator *mem, void *ptr)
{
    if (ptr != NULL)
        mem->free_fn(ptr, mem->user);
}

char *sl_strndup(const selaras_allocator *mem, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *copy = sl_malloc(mem, len + 1);
    if (copy == NULL)
        return NULL;
    if (len > 0)
        memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

int sl_grow(const selaras_allocator *mem, void **array, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t newcap = *cap < 8 ? 8 : *cap;
    while (newcap < need) {
        if (newcap > SIZE_MAX / 2)
            return -1;
        newcap *= 2;
    }
    if (elem != 0 && newcap > SIZE_MAX / elem)
        return -1;
    void *grown = sl_realloc(mem, *array, newcap * elem);
    if (grown == NULL)
        return -1;
    *array = grown;
    *cap = newcap;
    return 0;
}
