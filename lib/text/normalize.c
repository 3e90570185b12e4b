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

selaras_status sl_normalize(selaras_doc *doc, const char *bytes, size_t len, unsigned flags,
                            selaras_error *err)
{
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
