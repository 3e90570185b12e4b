/* Fuzz harness for the TMX reader: the input is read as a TMX file from memory (with and
 * without Level 2 codes kept) and from a file. Invariants:
 * - reading ends with success (a NULL unit) or a data error (syntax, encoding, limit) that
 *   has a line and column; after an error every further call reports a state error;
 * - every unit read has variants with a language and valid UTF-8 text without NUL, and
 *   the header, version and srclang exist once the reader is open;
 * - the memory and file readers give the same units;
 * - the units read, written with a TMX writer and read back, come back with the same
 *   languages and texts (a round trip);
 * - when one allocation (picked from the input) fails, reading reports it and leaks
 *   nothing. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

/* The units of a reading, as one string: per variant its language and text. */
typedef struct transcript {
    char *text;
    size_t len, cap;
    size_t units;
} transcript;

static void put(transcript *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = (t->len + n + 1) * 2;
        char *grown = realloc(t->text, cap);
        FUZZ_CHECK(grown != NULL);
        t->text = grown;
        t->cap = cap;
    }
    memcpy(t->text + t->len, s, n);
    t->len += n;
    t->text[t->len] = '\0';
}

/* Order of two variants for the transcript: by language, then by text (the writer puts
 * source-language variants first, so the order of variants is not kept). */
static const selaras_unit *sorting;

static int cmp_variants(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int c = strcmp(selaras_unit_variant_lang(sorting, i), selaras_unit_variant_lang(sorting, j));
    if (c != 0)
        return c;
    c = strcmp(selaras_unit_variant_text(sorting, i, NULL),
               selaras_unit_variant_text(sorting, j, NULL));
    return c != 0 ? c : (i > j) - (i < j);
}

/* Is the UTF-8 character at s (of n bytes) White_Space? Its length goes to *len. The TMX
 * writer leaves such characters out at both ends of a <seg> (no padding), so transcripts
 * compare segment texts without them. */
static int space_at(const unsigned char *s, size_t n, size_t *len)
{
    uint32_t cp;
    if (s[0] < 0x80) {
        *len = 1;
        return s[0] == ' ' || (s[0] >= 9 && s[0] <= 13);
    }
    if (s[0] < 0xE0 && n >= 2) {
        *len = 2;
        cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    } else if (s[0] < 0xF0 && n >= 3) {
        *len = 3;
        cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    } else {
        *len = n >= 4 ? 4 : n;
        return 0;
    }
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0xFEFF;
}

/* The text without White_Space at either end. */
static void trim(const char **text, size_t *len)
{
    const unsigned char *s = (const unsigned char *)*text;
    size_t start = 0, end = *len, n;
    while (start < end && space_at(s + start, end - start, &n))
        start += n;
    size_t last = start, keep = start;
    while (last < end) {
        int sp = space_at(s + last, end - last, &n);
        last += n;
        if (!sp)
            keep = last;
    }
    *text += start;
    *len = keep - start;
}

static void record(transcript *t, const selaras_unit *u)
{
    t->units++;
    size_t n = selaras_unit_variant_count(u);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    FUZZ_CHECK(order != NULL);
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
        const char *lang = selaras_unit_variant_lang(u, i);
        FUZZ_CHECK(lang != NULL && lang[0] != '\0');
        size_t len;
        const char *text = selaras_unit_variant_text(u, i, &len);
        FUZZ_CHECK(text != NULL && text[len] == '\0');
        FUZZ_CHECK(strlen(text) == len);
        FUZZ_CHECK(fuzz_utf8_first_bad((const unsigned char *)text, len) == len);
    }
    sorting = u;
    qsort(order, n, sizeof *order, cmp_variants);
    for (size_t k = 0; k < n; k++) {
        const char *lang = selaras_unit_variant_lang(u, order[k]);
        size_t len;
        const char *text = selaras_unit_variant_text(u, order[k], &len);
        trim(&text, &len);
        put(t, lang, strlen(lang));
        put(t, "\x01", 1);
        put(t, text, len);
        put(t, "\x02", 1);
    }
    free(order);
    put(t, "\x03", 1);
}

/* Read everything; returns the final status. When out is not NULL the units are written
 * to it too. */
static selaras_status read_all(selaras_tmx_reader *r, transcript *t, selaras_writer *out)
{
    FUZZ_CHECK(selaras_tmx_reader_header(r) != NULL);
    FUZZ_CHECK(selaras_tmx_reader_version(r) != NULL);
    FUZZ_CHECK(selaras_tmx_reader_srclang(r) != NULL);
    selaras_error err;
    for (;;) {
        const selaras_unit *u = NULL;
        selaras_status st = selaras_tmx_reader_next(r, &u, &err);
        if (st != SELARAS_OK) {
            FUZZ_CHECK(u == NULL);
            if (st != SELARAS_ERR_NOMEM) {
                FUZZ_CHECK(st == SELARAS_ERR_SYNTAX || st == SELARAS_ERR_ENCODING ||
                           st == SELARAS_ERR_LIMIT);
                FUZZ_CHECK(err.line >= 1 && err.column >= 1);
            }
            selaras_status again = selaras_tmx_reader_next(r, &u, &err);
            FUZZ_CHECK(again == SELARAS_ERR_STATE);
            return st;
        }
        if (u == NULL)
            return SELARAS_OK;
        record(t, u);
        if (out != NULL) {
            st = selaras_writer_add_unit(out, u, &err);
            FUZZ_STATUS(st, SELARAS_OK, &err);
        }
    }
}

static char dir[64];

static void remove_dir(void)
{
    char path[96];
    snprintf(path, sizeof path, "%s/in.tmx", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/out.tmx", dir);
    unlink(path);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    if (dir[0] == '\0') {
        snprintf(dir, sizeof dir, "/tmp/selaras-fuzz-tmx-XXXXXX");
        FUZZ_CHECK(mkdtemp(dir) != NULL);
        atexit(remove_dir);
    }
    char in_path[96], out_path[96];
    snprintf(in_path, sizeof in_path, "%s/in.tmx", dir);
    snprintf(out_path, sizeof out_path, "%s/out.tmx", dir);

    selaras_error err;
    memset(&err, 0, sizeof err);
    selaras_tmx_reader *r = NULL;
    transcript mem_t = {0}, file_t = {0}, back_t = {0};
    selaras_status opened = selaras_tmx_reader_new_memory(&r, bytes, size, 0, NULL, &err);
    selaras_status mem_st = opened;
    selaras_writer *w = NULL;
    if (opened == SELARAS_OK) {
        selaras_status st = selaras_writer_new(&w, SELARAS_FORMAT_TMX, out_path, NULL, "id",
                                               "en", NULL, &err);
        FUZZ_STATUS(st, SELARAS_OK, &err);
        mem_st = read_all(r, &mem_t, w);
        selaras_tmx_reader_free(r);
    } else {
        FUZZ_CHECK(r == NULL);
        FUZZ_CHECK(opened == SELARAS_ERR_SYNTAX || opened == SELARAS_ERR_ENCODING ||
                   opened == SELARAS_ERR_LIMIT);
    }

    /* Level 2 codes kept: the same number of units and the same outcome. */
    r = NULL;
    selaras_status st = selaras_tmx_reader_new_memory(&r, bytes, size, SELARAS_TMX_KEEP_CODES,
                                                      NULL, &err);
    FUZZ_CHECK(st == opened);
    if (st == SELARAS_OK) {
        transcript codes = {0};
        FUZZ_CHECK(read_all(r, &codes, NULL) == mem_st);
        FUZZ_CHECK(codes.units == mem_t.units);
        free(codes.text);
        selaras_tmx_reader_free(r);
    }

    /* From a file. */
    FILE *f = fopen(in_path, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(size == 0 || fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
    r = NULL;
    st = selaras_tmx_reader_new(&r, in_path, 0, NULL, &err);
    FUZZ_CHECK(st == opened);
    if (st == SELARAS_OK) {
        FUZZ_CHECK(read_all(r, &file_t, NULL) == mem_st);
        FUZZ_CHECK(file_t.units == mem_t.units);
        FUZZ_CHECK(file_t.len == mem_t.len &&
                   (mem_t.len == 0 || memcmp(file_t.text, mem_t.text, mem_t.len) == 0));
        selaras_tmx_reader_free(r);
    }

    /* Round trip of what a successful reading gave. */
    if (w != NULL) {
        if (mem_st == SELARAS_OK) {
            st = selaras_writer_close(w, &err);
            FUZZ_STATUS(st, SELARAS_OK, &err);
            r = NULL;
            st = selaras_tmx_reader_new(&r, out_path, 0, NULL, &err);
            FUZZ_STATUS(st, SELARAS_OK, &err);
            FUZZ_STATUS(read_all(r, &back_t, NULL), SELARAS_OK, &err);
            FUZZ_CHECK(back_t.units == mem_t.units);
            FUZZ_CHECK(back_t.len == mem_t.len &&
                       (mem_t.len == 0 || memcmp(back_t.text, mem_t.text, mem_t.len) == 0));
            selaras_tmx_reader_free(r);
        }
        selaras_writer_free(w);
    }

    /* Allocation failure. */
    fuzz_alloc fa;
    fuzz_alloc_init(&fa, -1);
    r = NULL;
    st = selaras_tmx_reader_new_memory(&r, bytes, size, 0, &fa.mem, &err);
    if (st == SELARAS_OK) {
        transcript t = {0};
        read_all(r, &t, NULL);
        free(t.text);
        selaras_tmx_reader_free(r);
    }
    long calls = fa.calls;
    FUZZ_CHECK(fa.live == 0);
    if (calls > 0) {
        fuzz_alloc_init(&fa, fuzz_pick(data, size, calls));
        r = NULL;
        st = selaras_tmx_reader_new_memory(&r, bytes, size, 0, &fa.mem, &err);
        if (st == SELARAS_OK) {
            transcript t = {0};
            read_all(r, &t, NULL);
            free(t.text);
            selaras_tmx_reader_free(r);
        }
        FUZZ_CHECK(fa.live == 0);
    }
    free(mem_t.text);
    free(file_t.text);
    free(back_t.text);
    unlink(in_path);
    unlink(out_path);
    return 0;
}
