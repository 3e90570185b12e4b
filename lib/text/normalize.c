/* Text intake: validate UTF-8, drop the BOM, unify line ends and compose to NFC while
 * recording where every piece of output came from in the input.
 *
 * The input is cut into normalisation chunks: a character with an NFC boundary before it
 * (ICU's unorm2_hasBoundaryBefore) starts a new chunk, others join the current one. A
 * chunk that is a single character below U+0340 is NFC already and is copied; any other
 * chunk goes through utf8proc and becomes a changed run of the offset map if it changed.
 *
 * A chunk is cut before it would hold more than SL_MAX_CHUNK code points in canonical
 * decomposition (a pathological pile of combining marks), which bounds the time spent per
 * chunk. As in the Stream-Safe Text Format (Unicode Standard Annex #15, section 13), a
 * U+034F COMBINING GRAPHEME JOINER is inserted at such a cut, so that the text stays in
 * NFC and intake of its own output changes nothing. */
#include "config.h"

#include <string.h>

#include <unicode/unorm2.h>
#include <utf8proc.h>

#include "text.h"

#define SL_MAX_CHUNK 32
#define SL_CGJ "\xCD\x8F" /* U+034F */

typedef struct builder {
    selaras_doc *doc;
    sl_buf out;
    size_t runs_cap;
    const unsigned char *in;
    size_t in_len;
    /* pending chunk */
    size_t chunk_start;
    size_t chunk_end;
    size_t chunk_chars;  /* code points in canonical decomposition */
    int chunk_simple;
    int chunk_joiner;    /* emit U+034F before the chunk (a forced cut) */
    /* scratch for utf8proc */
    utf8proc_int32_t *scratch;
    size_t scratch_cap;
} builder;

static int add_run(builder *b, size_t orig, int identity)
{
    selaras_doc *doc = b->doc;
    size_t norm = b->out.len;
    if (doc->nruns > 0) {
        sl_offset_run *last = &doc->runs[doc->nruns - 1];
        if (identity && last->identity && norm - last->norm == orig - last->orig)
            return 0;
        if (last->norm == norm && last->orig == orig) {
            last->identity = identity;
            return 0;
        }
    }
    void *runs = doc->runs;
    if (sl_grow(&doc->mem, &runs, &b->runs_cap, doc->nruns + 1, sizeof(sl_offset_run)) != 0)
        return -1;
    doc->runs = runs;
    doc->runs[doc->nruns].norm = norm;
    doc->runs[doc->nruns].orig = orig;
    doc->runs[doc->nruns].identity = identity;
    doc->nruns++;
    return 0;
}

static int emit_copy(builder *b, size_t orig, size_t n)
{
    if (add_run(b, orig, 1) != 0)
        return -1;
    return sl_buf_append(&b->out, (const char *)b->in + orig, n);
}

static int emit_changed(builder *b, size_t orig, const char *bytes, size_t n)
{
    if (add_run(b, orig, 0) != 0)
        return -1;
    return sl_buf_append(&b->out, bytes, n);
}

/* Normalise the pending chunk and emit it. */
static selaras_status flush_chunk(builder *b, selaras_error *err)
{
    size_t start = b->chunk_start, n = b->chunk_end - b->chunk_start;
    if (n == 0)
        return SELARAS_OK;
    b->chunk_start = b->chunk_end;
    b->chunk_chars = 0;
    int joiner = b->chunk_joiner;
    b->chunk_joiner = 0;
    if (joiner) {
        /* The joiner and the chunk make one changed run: the chunk's first input byte
         * maps to the joiner. */
        if (emit_changed(b, start, SL_CGJ, 2) != 0)
            return sl_nomem(err);
    } else if (b->chunk_simple) {
        return emit_copy(b, start, n) == 0 ? SELARAS_OK : sl_nomem(err);
    }

    const utf8proc_option_t options = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t count;
    for (;;) {
        count = utf8proc_decompose(b->in + start, (utf8proc_ssize_t)n, b->scratch,
                                   (utf8proc_ssize_t)b->scratch_cap, options);
        if (count < 0)
            return sl_error(err, SELARAS_ERR_UNICODE, "utf8proc: %s", utf8proc_errmsg(count));
        /* utf8proc_reencode writes a terminating NUL byte after the UTF-8: keep one spare. */
        if ((size_t)count < b->scratch_cap)
            break;
        void *scratch = b->scratch;
        if (sl_grow(&b->doc->mem, &scratch, &b->scratch_cap, (size_t)count + 1,
                    sizeof(utf8proc_int32_t)) != 0)
            return sl_nomem(err);
        b->scratch = scratch;
    }
    utf8proc_ssize_t bytes = utf8proc_reencode(b->scratch, count, options);
    if (bytes < 0)
        return sl_error(err, SELARAS_ERR_UNICODE, "utf8proc: %s", utf8proc_errmsg(bytes));
    const char *composed = (const char *)b->scratch;
    int same = (size_t)bytes == n && memcmp(composed, b->in + start, n) == 0;
    int rc;
    if (joiner)
        rc = sl_buf_append(&b->out, composed, (size_t)bytes);
    else
        rc = same ? emit_copy(b, start, n) : emit_changed(b, start, composed, (size_t)bytes);
    return rc == 0 ? SELARAS_OK : sl_nomem(err);
}

static void start_chunk(builder *b, size_t at, size_t n, size_t decomposed, int simple)
{
    b->chunk_start = at;
    b->chunk_end = at + n;
    b->chunk_chars = decomposed;
    b->chunk_simple = simple;
}

/* Number of code points in the canonical decomposition of cp (1 to 4). */
static size_t decomposed_length(int32_t cp)
{
    if (cp < 0xC0)
        return 1;
    utf8proc_int32_t buf[8];
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_DECOMPOSE, &boundclass);
    return n > 0 ? (size_t)n : 1;
}

static selaras_status run(builder *b, unsigned flags, selaras_error *err)
{
    const unsigned char *in = b->in;
    size_t len = b->in_len, i = 0;
    UErrorCode icu_status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&icu_status);
    if (U_FAILURE(icu_status))
        return sl_error(err, SELARAS_ERR_UNICODE, "ICU: cannot load NFC data: %s",
                        u_errorName(icu_status));
    selaras_status st;

    if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF) {
        if (emit_changed(b, 0, "", 0) != 0)
            return sl_nomem(err);
        i = 3;
    }
    b->chunk_start = b->chunk_end = i;

    while (i < len) {
        unsigned char c = in[i];
        if (c < 0x80 && c != '\r' && c != 0) {
            /* A run of plain ASCII: copy all but its last byte, which may still compose
             * with a combining mark that follows. */
            size_t j = i + 1;
            while (j < len && in[j] < 0x80 && in[j] != '\r' && in[j] != 0)
                j++;
            if ((st = flush_chunk(b, err)) != SELARAS_OK)
                return st;
            if (j - 1 > i && emit_copy(b, i, j - 1 - i) != 0)
                return sl_nomem(err);
            start_chunk(b, j - 1, 1, 1, 1);
            i = j;
            continue;
        }
        int32_t cp = 0;
        size_t n;
        sl_utf8_problem problem = sl_utf8_check(in + i, len - i, &cp, &n);
        if (problem != SL_UTF8_OK) {
            if (!(flags & SELARAS_DOC_REPLACE_INVALID))
                return sl_error_at(err, SELARAS_ERR_ENCODING, (const char *)in, len, i,
                                   "invalid UTF-8 (%s) at byte %zu",
                                   sl_utf8_problem_name(problem), i);
            if ((st = flush_chunk(b, err)) != SELARAS_OK)
                return st;
            if (emit_changed(b, i, "\xEF\xBF\xBD", 3) != 0)
                return sl_nomem(err);
            b->doc->replacements++;
            i += n;
            b->chunk_start = b->chunk_end = i;
            b->chunk_chars = 1; /* the U+FFFD just written */
            continue;
        }
        const char *line_end = NULL;
        size_t consumed = n;
        if (cp == '\r') {
            line_end = "\n";
            if (i + 1 < len && in[i + 1] == '\n')
                consumed = 2;
        } else if (cp == 0x85 || cp == 0x2028) {
            line_end = "\n";
        } else if (cp == 0x2029) {
            line_end = "\n\n";
        }
        if (line_end != NULL) {
            if ((st = flush_chunk(b, err)) != SELARAS_OK)
                return st;
            if (emit_changed(b, i, line_end, strlen(line_end)) != 0)
                return sl_nomem(err);
            i += consumed;
            b->chunk_start = b->chunk_end = i;
            b->chunk_chars = 1; /* the LF just written */
            continue;
        }
        size_t dlen = decomposed_length(cp);
        int boundary = unorm2_hasBoundaryBefore(nfc, cp);
        if (b->chunk_end == b->chunk_start || boundary) {
            /* A mark right after a line end or a U+FFFD this pass wrote joins that
             * character's chunk when the output is read again: count it the same way,
             * so that forced cuts fall in the same places on both readings. */
            size_t carried = boundary ? 0 : b->chunk_chars;
            if ((st = flush_chunk(b, err)) != SELARAS_OK)
                return st;
            start_chunk(b, i, n, carried + dlen, cp < 0x340);
        } else if (b->chunk_chars + dlen > SL_MAX_CHUNK) {
            if ((st = flush_chunk(b, err)) != SELARAS_OK)
                return st;
            /* The joiner counts as the chunk's first code point, as it will when this
             * output is read again. */
            start_chunk(b, i, n, 1 + dlen, 0);
            b->chunk_joiner = 1;
        } else {
            b->chunk_end += n;
            b->chunk_chars += dlen;
            b->chunk_simple = 0;
        }
        i += n;
    }
    if ((st = flush_chunk(b, err)) != SELARAS_OK)
        return st;
    /* Sentinel: the end of the text maps to the end of the input. */
    if (add_run(b, len, 1) != 0)
        return sl_nomem(err);
    return SELARAS_OK;
}

/* SWAR: a word whose bytes are all v, and whether some byte of x is zero. */
#define SL_REP(v) ((uint64_t)0x0101010101010101u * (uint64_t)(v))
static inline uint64_t has_zero(uint64_t x)
{
    return (x - SL_REP(0x01)) & ~x & SL_REP(0x80);
}

/* Whether cp, a starter with a normalisation boundary before it, is its own NFC as
 * flush_chunk() computes it (utf8proc). */
static int nfc_keeps(int32_t cp, const char *bytes, size_t n)
{
    utf8proc_int32_t buf[8];
    const utf8proc_option_t options = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t count = utf8proc_decompose((const utf8proc_uint8_t *)bytes,
                                                (utf8proc_ssize_t)n, buf, 7, options);
    if (count <= 0 || count > 7)
        return 0;
    count = utf8proc_normalize_utf32(buf, count, options); /* composes, as reencode does */
    return count == 1 && buf[0] == cp;
}

int sl_intake_is_identity(const char *bytes, size_t len)
{
    const unsigned char *in = (const unsigned char *)bytes;
    if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF)
        return 0;
    UErrorCode icu_status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&icu_status);
    if (U_FAILURE(icu_status))
        return 0;
    int32_t seen[64] = {0}; /* characters already found to be kept, by their low bits */
    size_t i = 0;
    while (i < len) {
        while (i + 8 <= len) { /* ASCII other than NUL and CR, eight bytes at a time */
            uint64_t w;
            memcpy(&w, in + i, 8);
            if ((w & SL_REP(0x80)) | has_zero(w) | has_zero(w ^ SL_REP('\r')))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = in[i];
        if (c < 0x80) {
            if (c == 0 || c == '\r')
                return 0;
            i++;
            continue;
        }
        int32_t cp;
        size_t n;
        if (sl_utf8_check(in + i, len - i, &cp, &n) != SL_UTF8_OK || cp == 0x85 ||
            cp == 0x2028 || cp == 0x2029)
            return 0;
        if (cp >= 0x300 && seen[cp & 63] != cp) {
            if (!unorm2_hasBoundaryBefore(nfc, cp))
                return 0;
            if (cp >= 0x340 && !nfc_keeps(cp, bytes + i, n))
                return 0;
            seen[cp & 63] = cp;
        }
        i += n;
    }
    return 1;
}

/* The text is the input: one identity run; the text is file's data, or a copy. */
static selaras_status keep_as_is(selaras_doc *doc, const char *bytes, size_t len,
                                 selaras_file *file, selaras_error *err)
{
    doc->runs = sl_malloc(&doc->mem, sizeof *doc->runs);
    if (doc->runs == NULL) {
        selaras_file_free(file);
        return sl_nomem(err);
    }
    doc->runs[0] = (sl_offset_run){0, 0, 1};
    doc->nruns = 1;
    if (file == NULL) {
        char *copy = sl_malloc(&doc->mem, len + 1);
        selaras_status st = copy == NULL ? sl_nomem(err) : SELARAS_OK;
        if (copy != NULL) {
            memcpy(copy, bytes, len);
            copy[len] = '\0';
            if ((st = sl_file_wrap(&doc->mem, copy, len, &file, err)) != SELARAS_OK)
                sl_free(&doc->mem, copy);
        }
        if (st != SELARAS_OK) {
            sl_free(&doc->mem, doc->runs);
            doc->runs = NULL;
            doc->nruns = 0;
            return st;
        }
    }
    doc->store = file;
    doc->text = file->data;
    doc->len = len;
    doc->orig_len = len;
    return SELARAS_OK;
}

selaras_status sl_normalize(selaras_doc *doc, const char *bytes, size_t len, unsigned flags,
                            selaras_file *file, selaras_error *err)
{
    if (sl_intake_is_identity(bytes, len))
        return keep_as_is(doc, bytes, len, file, err);
    builder b;
    memset(&b, 0, sizeof b);
    b.doc = doc;
    b.in = (const unsigned char *)bytes;
    b.in_len = len;
    sl_buf_init(&b.out, &doc->mem);
    selaras_status st = SELARAS_OK;
    if (sl_buf_reserve(&b.out, len) != 0)
        st = sl_nomem(err);
    if (st == SELARAS_OK)
        st = run(&b, flags, err);
    sl_free(&doc->mem, b.scratch);
    selaras_file_free(file); /* the input is no longer needed */
    if (st == SELARAS_OK && sl_file_wrap(&doc->mem, b.out.data, b.out.len, &doc->store, err) !=
                                SELARAS_OK)
        st = SELARAS_ERR_NOMEM;
    if (st != SELARAS_OK) {
        sl_buf_release(&b.out);
        sl_free(&doc->mem, doc->runs);
        doc->runs = NULL;
        doc->nruns = 0;
        doc->replacements = 0;
        return st;
    }
    doc->text = b.out.data;
    doc->len = b.out.len;
    doc->orig_len = len;
    return SELARAS_OK;
}
