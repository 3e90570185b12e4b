/* Private core helpers shared by every stage: allocation through the handle's
 * allocator, error reporting, growable arrays, language tags and ASCII helpers.
 * Nothing here is exported. */
#ifndef SELARAS_CORE_H
#define SELARAS_CORE_H

#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "selaras.h"

#if defined(__GNUC__)
#define SL_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define SL_PRINTF(fmt, args)
#endif

/* ---- allocation ---- */

/* Fill *dst with *src, or with the C library's functions when src is NULL.
 * Returns SELARAS_ERR_ARGUMENT when src is incomplete. */
selaras_status sl_mem_init(selaras_allocator *dst, const selaras_allocator *src,
                           selaras_error *err);
void *sl_malloc(const selaras_allocator *mem, size_t size);
void *sl_calloc(const selaras_allocator *mem, size_t count, size_t size);
void *sl_realloc(const selaras_allocator *mem, void *ptr, size_t size);
void sl_free(const selaras_allocator *mem, void *ptr);
char *sl_strndup(const selaras_allocator *mem, const char *s, size_t len);

/* Grow *array (of element size elem) so that it holds at least need elements;
 * *cap is updated. Returns 0 on success, -1 on overflow or allocation failure
 * (the array is then unchanged). */
int sl_grow(const selaras_allocator *mem, void **array, size_t *cap, size_t need, size_t elem);

/* ---- growable byte buffer ---- */

typedef struct sl_buf {
    const selaras_allocator *mem;
    char *data;  /* NUL-terminated while len < cap */
    size_t len;
    size_t cap;
} sl_buf;

void sl_buf_init(sl_buf *buf, const selaras_allocator *mem);
void sl_buf_release(sl_buf *buf);
int sl_buf_reserve(sl_buf *buf, size_t extra);
int sl_buf_append(sl_buf *buf, const char *bytes, size_t len);
int sl_buf_append_byte(sl_buf *buf, char byte);
int sl_buf_append_str(sl_buf *buf, const char *s);
int sl_buf_append_size(sl_buf *buf, size_t value);

/* ---- whole files (file.c): the project's one reader ---- */

struct selaras_file {
    selaras_allocator mem;
    char *data;        /* NUL-terminated (a mapping ends inside a page: zeros follow) */
    size_t len;
    size_t map_len;    /* bytes mapped, or 0 when data is an allocation on mem */
    atomic_size_t refs;
};

/* sl_file_read() flag: read into an allocation on mem even when the file could be
 * mapped (for sl_file_take()). */
#define SL_FILE_NO_MAP 1u

/* Read the file at path ("-": standard input) of at most max bytes into *out (a handle
 * holding one reference). SELARAS_ERR_IO when it cannot be opened or read (message
 * naming it, as what if not NULL: "cannot open abbreviation file 'x': no such file"),
 * SELARAS_ERR_LIMIT past max, SELARAS_ERR_NOMEM. A mapped file must not shrink while it
 * is held. */
selaras_status sl_file_read(const selaras_allocator *mem, const char *what, const char *path,
                            size_t max, unsigned flags, selaras_file **out, selaras_error *err);

/* A handle over data, an allocation on mem of len + 1 bytes ending in NUL, which it takes
 * (it stays the caller's on failure). */
selaras_status sl_file_wrap(const selaras_allocator *mem, char *data, size_t len,
                            selaras_file **out, selaras_error *err);

/* One more reference (released with selaras_file_free()); f may be NULL. */
selaras_file *sl_file_ref(selaras_file *f);

/* The allocation of a file read with SL_FILE_NO_MAP, which the caller then owns (len + 1
 * bytes, NUL-terminated), the handle freed; NULL when f is mapped or shared. */
char *sl_file_take(selaras_file *f, size_t *len);

/* ---- interned strings (strtab.c) ---- */

/* Keys stored once with dense ids from 0. A table may sit on a base (only read while the
 * table holds keys of its own): the base's keys keep their ids, keys it lacks get ids from
 * the base's size on, and sl_strtab_clear() drops them again. */
typedef struct sl_strtab {
    const selaras_allocator *mem;
    const struct sl_strtab *base; /* or NULL */
    sl_buf pool;        /* NUL-terminated keys, back to back */
    size_t *off;        /* own id -> offset of its key in pool */
    size_t n;           /* own keys (not counting the base's) */
    size_t cap;
    uint32_t *slots;    /* open addressing: own id + 1, 0 = empty */
    size_t nslots;      /* a power of two, or 0 */
    size_t max_words;   /* most space-separated words in an own key */
    size_t limit;       /* most keys, the base's counted (default UINT32_MAX - 1) */
} sl_strtab;

void sl_strtab_init(sl_strtab *t, const selaras_allocator *mem);
void sl_strtab_release(sl_strtab *t);
/* Set the base of an empty table (NULL: none). */
void sl_strtab_set_base(sl_strtab *t, const sl_strtab *base);
/* Drop the table's own keys, keeping its memory for the next use. */
void sl_strtab_clear(sl_strtab *t);
/* Keys of the table with its base: every id is below it. */
size_t sl_strtab_size(const sl_strtab *t);
/* Intern key[0..len): 0 with *id (and *is_new: whether it was added), or -1 (no memory,
 * or the table holds limit keys; the table is unchanged). */
int sl_strtab_add(sl_strtab *t, const char *key, size_t len, uint32_t *id, int *is_new);
/* Id of key[0..len), or UINT32_MAX. Read-only: safe from many threads at once. */
uint32_t sl_strtab_find(const sl_strtab *t, const char *key, size_t len);
/* Key of id (NUL-terminated) and, when len is not NULL, its length. */
const char *sl_strtab_key(const sl_strtab *t, uint32_t id, size_t *len);
/* Drop the own keys from n on (the newest), back to a pool of pool_len bytes and
 * max_words, as they were when the table had n keys. */
void sl_strtab_truncate(sl_strtab *t, size_t n, size_t pool_len, size_t max_words);

/* ---- a hash map from 64-bit keys to counts (counts.c) ---- */

typedef struct sl_counts {
    const selaras_allocator *mem;
    uint64_t *keys;     /* key + 1; 0 = empty */
    uint32_t *vals;
    size_t count;
    size_t cap;         /* a power of two, or 0 */
} sl_counts;

void sl_counts_init(sl_counts *c, const selaras_allocator *mem);
void sl_counts_release(sl_counts *c);
/* Add delta to key's count; 0 or -1 on allocation failure (map unchanged). */
int sl_counts_add(sl_counts *c, uint64_t key, uint32_t delta);
uint32_t sl_counts_get(const sl_counts *c, uint64_t key);
/* The capacity a map grows to for n keys (sl_counts_add() never rehashes below it). */
size_t sl_counts_cap_for(size_t n);
/* Grow the map once to the capacity for n keys; 0 or -1 (no memory; map unchanged). */
int sl_counts_reserve(sl_counts *c, size_t n);
/* The map's hash of a key (for estimating how many distinct keys a batch has). */
size_t sl_counts_slot_hash(uint64_t key);

/* ---- errors ---- */

/* Fill err (when not NULL) and return status. offset is SELARAS_NO_OFFSET when the error is
 * not about a position; line and column are then 0. */
selaras_status sl_error(selaras_error *err, selaras_status status, const char *fmt, ...)
    SL_PRINTF(3, 4);
/* Same, for an error at a byte offset of text (len bytes): line and column are computed. */
selaras_status sl_error_at(selaras_error *err, selaras_status status, const char *text,
                           size_t len, size_t offset, const char *fmt, ...) SL_PRINTF(6, 7);
/* Same, with line and column already known (data files read line by line). */
selaras_status sl_error_line(selaras_error *err, selaras_status status, size_t offset,
                             size_t line, size_t column, const char *fmt, ...)
    SL_PRINTF(6, 7);
/* 1-based line and column (in code points) of offset in text. */
void sl_locate(const char *text, size_t len, size_t offset, size_t *line, size_t *column);
selaras_status sl_nomem(selaras_error *err);
/* Fixed English text for an errno value ("no such file"), for error messages: unlike
 * strerror() it does not depend on the locale and is safe from any thread. */
const char *sl_errno_text(int errnum);

/* ---- language tags ---- */

#define SL_LANG_TAG_MAX 36

/* Parse a tag such as "id", "in", "id-ID", "en_us", "zh-Hant-TW" into canonical form
 * ("id-ID", "en-US") in tag (SL_LANG_TAG_MAX bytes) and the primary subtag in primary
 * (4 bytes). Returns SELARAS_OK or SELARAS_ERR_LANGUAGE. */
selaras_status sl_lang_parse(const char *lang, char *tag, char *primary, selaras_error *err);
/* The start of every constructor of a handle with a language: sl_mem_init(dst, src) then
 * sl_lang_parse(lang, tag, primary). Returns the first failure's status. */
selaras_status sl_mem_lang_init(selaras_allocator *dst, const selaras_allocator *src,
                                const char *lang, char *tag, char *primary, selaras_error *err);

/* ---- locale-free ASCII helpers ---- */

static inline int sl_is_ascii_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int sl_is_ascii_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline int sl_is_ascii_alpha(int c) { return sl_is_ascii_upper(c) || sl_is_ascii_lower(c); }
static inline int sl_is_ascii_digit(int c) { return c >= '0' && c <= '9'; }
static inline int sl_is_ascii_alnum(int c) { return sl_is_ascii_alpha(c) || sl_is_ascii_digit(c); }
static inline int sl_is_ascii_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static inline int sl_ascii_lower(int c) { return sl_is_ascii_upper(c) ? c + ('a' - 'A') : c; }
static inline int sl_ascii_upper(int c) { return sl_is_ascii_lower(c) ? c - ('a' - 'A') : c; }

/* ---- character classes shared by every stage (chars.c) ---- */

int sl_char_is_letter(int32_t cp); /* L* */
int sl_char_is_word(int32_t cp);   /* L* or M*: what a word is made of */
int sl_char_is_upper(int32_t cp);  /* Lu or Lt */
int sl_char_is_lower(int32_t cp);  /* Ll */
int sl_char_is_digit(int32_t cp);  /* Nd */

/* ---- month, weekday, scale and unit words shared by every stage (words.c) ---- */

int sl_month_word(const char *w, size_t len);   /* 1..12, or 0 */
int sl_weekday_word(const char *w, size_t len); /* 1 = Monday .. 7, or 0 */
int sl_scale_word(const char *w, size_t len);   /* power of ten ("juta": 6), or 0 */
const char *sl_unit_word(const char *w, size_t len); /* unit key ("%", "cur:idr"), or NULL */

/* FNV-1a hash of len bytes, for the hash tables of every stage. */
static inline uint64_t sl_hash_bytes(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

/* Case-insensitive ASCII comparison of a with the NUL-terminated b over n bytes. */
int sl_ascii_ncaseeq(const char *a, size_t n, const char *b);

#endif
