/* Shared helpers of the fuzz harnesses: an invariant check that aborts (libFuzzer and the
 * replay driver both report an abort as a finding), and small independent oracles for
 * UTF-8 and white space that do not call into the library under test. */
#ifndef SELARAS_FUZZ_H
#define SELARAS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "selaras.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);   \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

/* Check a status and print the library's message when it is not the expected one. */
#define FUZZ_STATUS(got, want, err)                                                        \
    do {                                                                                   \
        if ((got) != (want)) {                                                             \
            fprintf(stderr, "%s:%d: status %d, expected %d: %s\n", __FILE__, __LINE__,     \
                    (int)(got), (int)(want), (err)->message);                              \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

/* An allocator that fails allocation number fail_at (0-based; -1: none) and counts the
 * blocks it holds, for allocation failure on fuzzed inputs. */
typedef struct fuzz_alloc {
    long fail_at;
    long calls;
    long live;
    selaras_allocator mem;
} fuzz_alloc;

static inline void *fuzz_alloc_malloc(size_t size, void *user)
{
    fuzz_alloc *fa = (fuzz_alloc *)user;
    if (fa->calls++ == fa->fail_at)
        return NULL;
    void *p = malloc(size);
    fa->live += p != NULL;
    return p;
}

static inline void *fuzz_alloc_realloc(void *ptr, size_t size, void *user)
{
    fuzz_alloc *fa = (fuzz_alloc *)user;
    if (fa->calls++ == fa->fail_at)
        return NULL;
    void *p = realloc(ptr, size);
    fa->live += p != NULL && ptr == NULL;
    return p;
}

static inline void fuzz_alloc_free(void *ptr, void *user)
{
    fuzz_alloc *fa = (fuzz_alloc *)user;
    fa->live -= ptr != NULL;
    free(ptr);
}

static inline void fuzz_alloc_init(fuzz_alloc *fa, long fail_at)
{
    fa->fail_at = fail_at;
    fa->calls = 0;
    fa->live = 0;
    fa->mem.malloc_fn = fuzz_alloc_malloc;
    fa->mem.realloc_fn = fuzz_alloc_realloc;
    fa->mem.free_fn = fuzz_alloc_free;
    fa->mem.user = fa;
}

/* Which allocation to fail, of calls made by a clean run: picked from the input. */
static inline long fuzz_pick(const uint8_t *data, size_t size, long calls)
{
    unsigned long h = 2166136261u;
    for (size_t i = 0; i < size && i < 64; i++)
        h = (h ^ data[i]) * 16777619u;
    return calls > 0 ? (long)((h ^ size) % (unsigned long)calls) : 0;
}

/* Decode one well-formed UTF-8 sequence at s[0..n) per Unicode table 3-7 (NUL counts as
 * ill-formed, as it does for selaras). Returns its length and sets *cp, or 0. */
static inline size_t fuzz_utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned char b = s[0];
    if (b >= 0x01 && b <= 0x7F) {
        *cp = b;
        return 1;
    }
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 2;
        *cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 3;
        *cp = b & 0x0F;
        if (b == 0xE0)
            lo = 0xA0;
        if (b == 0xED)
            hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 4;
        *cp = b & 0x07;
        if (b == 0xF0)
            lo = 0x90;
        if (b == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (n < need || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 1; k < need; k++) {
        if (k > 1 && (s[k] < 0x80 || s[k] > 0xBF))
            return 0;
        *cp = (*cp << 6) | (s[k] & 0x3F);
    }
    return need;
}

/* Offset of the first byte that does not start a well-formed sequence, or n. */
static inline size_t fuzz_utf8_first_bad(const unsigned char *s, size_t n)
{
    size_t i = 0;
    int32_t cp = 0;
    while (i < n) {
        size_t k = fuzz_utf8_decode(s + i, n - i, &cp);
        if (k == 0)
            return i;
        i += k;
    }
    return n;
}

/* The white space selaras trims from segments: Unicode White_Space plus U+200B and
 * U+FEFF (see selaras_segments_text()). */
static inline int fuzz_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0xFEFF;
}

/* Check that text[0..len) is valid UTF-8, NUL-terminated, and neither starts nor ends
 * with white space (a trimmed segment text). */
static inline void fuzz_check_trimmed(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    FUZZ_CHECK(text != NULL);
    FUZZ_CHECK(text[len] == '\0');
    FUZZ_CHECK(fuzz_utf8_first_bad(u, len) == len);
    if (len == 0)
        return;
    int32_t cp = 0;
    fuzz_utf8_decode(u, len, &cp);
    FUZZ_CHECK(!fuzz_is_space(cp));
    size_t last = len - 1;
    while (last > 0 && (u[last] & 0xC0) == 0x80)
        last--;
    fuzz_utf8_decode(u + last, len - last, &cp);
    FUZZ_CHECK(!fuzz_is_space(cp));
}

#endif
