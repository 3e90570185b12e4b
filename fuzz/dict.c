/* Fuzz harness for the dictionary loaders: the input becomes a dictionary file (or, for
 * FreeDict, an index and a dictionary file) loaded into a lexicon that already holds one
 * pair. Compiled once per format, FUZZ_DICT being a selaras_dict_format. Invariants:
 * - a load succeeds or fails with a data error (syntax, encoding, limit, language), never
 *   with another status; a failed load leaves the lexicon as it was, a successful one
 *   never shrinks it, and the lexicon takes a new pair afterwards;
 * - when one allocation of a load (picked from the input) fails, the load reports it,
 *   leaves the lexicon as it was and leaks nothing (TSV and hunalign, one input in four);
 * - an encoding error points at a byte of the file that starts no well-formed UTF-8
 *   sequence, and an error at a position has a line and column;
 * - for TSV, each line is also given to selaras_lexicon_add() (source TAB target): it
 *   fails with an encoding error exactly when a side is ill-formed, at the first bad byte
 *   of the source, or else of the target. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

/* FUZZ_DICT is the numeric value of a selaras_dict_format (the preprocessor cannot see
 * enum constants). */
#define FUZZ_TSV 1
#define FUZZ_HUNALIGN 2
#define FUZZ_FREEDICT 3
#if !defined(FUZZ_DICT) || FUZZ_DICT < FUZZ_TSV || FUZZ_DICT > FUZZ_FREEDICT
#error "FUZZ_DICT must be 1 (TSV), 2 (hunalign) or 3 (FreeDict)"
#endif

/* One folder per process for the files a load reads, removed at exit. */
static char scratch[64];

static void remove_scratch(void)
{
    rmdir(scratch);
}

static const char *scratch_dir(void)
{
    if (scratch[0] == '\0') {
        const char *tmp = getenv("TMPDIR");
        snprintf(scratch, sizeof scratch, "%s/selaras-fuzz-XXXXXX",
                 tmp != NULL && strlen(tmp) < 32 ? tmp : "/tmp");
        FUZZ_CHECK(mkdtemp(scratch) != NULL);
        atexit(remove_scratch);
    }
    return scratch;
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(size == 0 || fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
}

static void check_error(selaras_status st, const selaras_error *err, const uint8_t *file,
                        size_t size)
{
    if (st != SELARAS_ERR_SYNTAX && st != SELARAS_ERR_ENCODING && st != SELARAS_ERR_LIMIT &&
        st != SELARAS_ERR_LANGUAGE) {
        fprintf(stderr, "unexpected status %d: %s\n", (int)st, err->message);
        abort();
    }
    FUZZ_CHECK(err->status == st);
    FUZZ_CHECK(memchr(err->message, '\0', sizeof err->message) != NULL);
    if (err->offset != SELARAS_NO_OFFSET) {
        FUZZ_CHECK(err->line >= 1 && err->column >= 1);
        if (file != NULL) {
            FUZZ_CHECK(err->offset <= size);
            if (st == SELARAS_ERR_ENCODING) {
                int32_t cp = 0;
                FUZZ_CHECK(err->offset < size);
                FUZZ_CHECK(fuzz_utf8_decode(file + err->offset, size - err->offset, &cp) == 0);
            }
        }
    }
}

static selaras_lexicon *seeded_lexicon_with(const selaras_allocator *mem)
{
    selaras_lexicon *lex = NULL;
    selaras_error err;
    selaras_status st = selaras_lexicon_new(&lex, "id", "en", mem, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    st = selaras_lexicon_add(lex, "kota", 4, "city", 4, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    FUZZ_CHECK(selaras_lexicon_size(lex) == 1);
    return lex;
}

static selaras_lexicon *seeded_lexicon(void)
{
    return seeded_lexicon_with(NULL);
}

static void check_usable(selaras_lexicon *lex)
{
    size_t before = selaras_lexicon_size(lex);
    selaras_error err;
    selaras_status st = selaras_lexicon_add(lex, "sungai", 6, "river", 5, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    FUZZ_CHECK(selaras_lexicon_size(lex) >= before);
}

/* Load path into a fresh lexicon and check the outcome. */
static void load_and_check(const char *path, selaras_dict_format format, const uint8_t *file,
                           size_t size)
{
    selaras_lexicon *lex = seeded_lexicon();
    selaras_error err;
    memset(&err, 0, sizeof err);
    selaras_status st = selaras_lexicon_load(lex, path, format, &err);
    if (st == SELARAS_OK)
        FUZZ_CHECK(selaras_lexicon_size(lex) >= 1);
    else {
        check_error(st, &err, file, size);
        FUZZ_CHECK(selaras_lexicon_size(lex) == 1);
    }
    check_usable(lex);
    selaras_lexicon_free(lex);

    /* Again with one allocation of the load failing (picked from the file): out of
     * memory, the lexicon as it was and usable, nothing leaked. A lexicon costs about a
     * millisecond to make, so this runs for one input in four and the given format. */
    if (file == NULL || format == SELARAS_DICT_AUTO || fuzz_pick(file, size, 4) != 0)
        return;
    fuzz_alloc fa;
    fuzz_alloc_init(&fa, -1);
    lex = seeded_lexicon_with(&fa.mem);
    long made = fa.calls;
    selaras_status clean = selaras_lexicon_load(lex, path, format, &err);
    long calls = fa.calls - made;
    selaras_lexicon_free(lex);
    FUZZ_CHECK(fa.live == 0);
    FUZZ_CHECK(clean == st);
    if (calls > 0) {
        fuzz_alloc_init(&fa, -1);
        lex = seeded_lexicon_with(&fa.mem);
        fa.fail_at = fa.calls + fuzz_pick(file, size, calls);
        st = selaras_lexicon_load(lex, path, format, &err);
        FUZZ_STATUS(st, SELARAS_ERR_NOMEM, &err);
        FUZZ_CHECK(selaras_lexicon_size(lex) == 1);
        fa.fail_at = -1;
        check_usable(lex);
        selaras_lexicon_free(lex);
        FUZZ_CHECK(fa.live == 0);
    }
}

#if FUZZ_DICT == FUZZ_TSV
static void add_lines(const uint8_t *data, size_t size)
{
    selaras_lexicon *lex = seeded_lexicon();
    const char *text = (const char *)data;
    size_t pos = 0;
    while (pos < size) {
        const char *nl = memchr(text + pos, '\n', size - pos);
        size_t end = nl ? (size_t)(nl - text) : size;
        const char *tab = memchr(text + pos, '\t', end - pos);
        if (tab != NULL) {
            size_t mid = (size_t)(tab - text);
            size_t bad_src = fuzz_utf8_first_bad(data + pos, mid - pos);
            size_t bad_tgt = fuzz_utf8_first_bad(data + mid + 1, end - mid - 1);
            size_t before = selaras_lexicon_size(lex);
            selaras_error err;
            memset(&err, 0, sizeof err);
            selaras_status st = selaras_lexicon_add(lex, text + pos, mid - pos, tab + 1,
                                                    end - mid - 1, &err);
            if (bad_src < mid - pos || bad_tgt < end - mid - 1) {
                /* The source is checked first; the message names the side. */
                FUZZ_STATUS(st, SELARAS_ERR_ENCODING, &err);
                int in_src = bad_src < mid - pos;
                FUZZ_CHECK(err.offset == (in_src ? bad_src : bad_tgt));
                FUZZ_CHECK(strstr(err.message, in_src ? "source" : "target") != NULL);
            } else if (st != SELARAS_OK) {
                FUZZ_STATUS(st, SELARAS_ERR_LIMIT, &err);
            }
            if (st != SELARAS_OK)
                FUZZ_CHECK(selaras_lexicon_size(lex) == before);
            else
                FUZZ_CHECK(selaras_lexicon_size(lex) >= before);
        }
        pos = end + 1;
    }
    check_usable(lex);
    selaras_lexicon_free(lex);
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[128], other[128];
    const char *dir = scratch_dir();
#if FUZZ_DICT == FUZZ_FREEDICT
    /* The first byte picks a plain or gzip'ed dictionary file; the rest is the index, a
     * NUL byte, then the dictionary file's bytes. */
    if (size < 1)
        return 0;
    int gz = data[0] & 1;
    const uint8_t *rest = data + 1;
    size_t rlen = size - 1;
    const uint8_t *nul = memchr(rest, 0, rlen);
    size_t ilen = nul ? (size_t)(nul - rest) : rlen;
    const uint8_t *dict = nul ? nul + 1 : rest + rlen;
    size_t dlen = rlen - ilen - (nul ? 1 : 0);
    snprintf(path, sizeof path, "%s/freedict-eng-ind.index", dir);
    write_file(path, rest, ilen);
    snprintf(other, sizeof other, "%s/freedict-eng-ind.dict%s", dir, gz ? ".dz" : "");
    write_file(other, dict, dlen);
    load_and_check(path, SELARAS_DICT_FREEDICT, NULL, 0);
    /* The whole folder, as selaras_lexicon_load_default() reads /usr/share/dictd. */
    selaras_lexicon *lex = seeded_lexicon();
    selaras_error err;
    selaras_status st = selaras_lexicon_load_freedict(lex, dir, &err);
    if (st != SELARAS_OK) {
        check_error(st, &err, NULL, 0);
        FUZZ_CHECK(selaras_lexicon_size(lex) == 1);
    }
    check_usable(lex);
    selaras_lexicon_free(lex);
    unlink(other);
    unlink(path);
#else
    snprintf(path, sizeof path, "%s/dict.txt", dir);
    write_file(path, data, size);
    load_and_check(path, (selaras_dict_format)FUZZ_DICT, data, size);
    load_and_check(path, SELARAS_DICT_AUTO, data, size);
#if FUZZ_DICT == FUZZ_TSV
    add_lines(data, size);
#endif
    unlink(path);
    (void)other;
#endif
    return 0;
}
