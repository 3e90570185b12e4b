/* Fuzz harness for the segment list: selaras_segments_from_lines() over a document made
 * from the input, and selaras_segments_append() of each raw input line. Invariants:
 * - one segment per line of the normalised text, in order, paragraph = line index, text
 *   = that line trimmed, valid UTF-8 and trimmed, start <= end within the input, starts
 *   and ends never going back;
 * - append accepts exactly the well-formed lines (an ill-formed one fails at its first
 *   bad byte and leaves the list unchanged), and offsets count lines joined by one LF;
 * - when one allocation of splitting (picked from the input) fails, it reports it and
 *   leaks nothing. */
#include <string.h>

#include "fuzz.h"

static void check_lines(const selaras_doc *doc, const selaras_segments *segs)
{
    size_t len;
    const char *text = selaras_doc_text(doc, &len);
    size_t orig = selaras_doc_original_length(doc);
    size_t count = selaras_segments_count(segs);
    FUZZ_CHECK(strcmp(selaras_segments_lang(segs), selaras_doc_lang(doc)) == 0);
    FUZZ_CHECK(strcmp(selaras_segments_name(segs), "lines.txt") == 0);
    size_t line = 0, start = 0, prev_start = 0, prev_end = 0;
    while (start < len) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        FUZZ_CHECK(line < count);
        size_t slen;
        const char *s = selaras_segments_text(segs, line, &slen);
        fuzz_check_trimmed(s, slen);
        FUZZ_CHECK(memchr(s, '\n', slen) == NULL);
        /* The segment is the line with only white space cut from both ends. */
        const unsigned char *u = (const unsigned char *)text;
        size_t from = start;
        while (from < end) {
            int32_t cp = 0;
            size_t k = fuzz_utf8_decode(u + from, len - from, &cp);
            if (!fuzz_is_space(cp))
                break;
            from += k;
        }
        FUZZ_CHECK(from + slen <= end);
        FUZZ_CHECK(memcmp(text + from, s, slen) == 0);
        for (size_t i = from + slen; i < end;) {
            int32_t cp = 0;
            i += fuzz_utf8_decode(u + i, len - i, &cp);
            FUZZ_CHECK(fuzz_is_space(cp));
        }
        size_t a = selaras_segments_start(segs, line), b = selaras_segments_end(segs, line);
        FUZZ_CHECK(a <= b && b <= orig);
        FUZZ_CHECK(a >= prev_start && b >= prev_end);
        FUZZ_CHECK(selaras_segments_paragraph(segs, line) == line);
        FUZZ_CHECK(selaras_segments_kind(segs, line) == SELARAS_SEGMENT_SENTENCE);
        prev_start = a;
        prev_end = b;
        line++;
        start = end + 1;
    }
    FUZZ_CHECK(line == count);
    FUZZ_CHECK(selaras_segments_text(segs, count, NULL) == NULL);
}

static void check_append(const char *bytes, size_t size)
{
    selaras_segments *segs = NULL;
    selaras_error err;
    selaras_status st = selaras_segments_new(&segs, "en_GB", NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    size_t pos = 0, expected_start = 0, count = 0;
    while (pos <= size) {
        const char *nl = memchr(bytes + pos, '\n', size - pos);
        size_t end = nl ? (size_t)(nl - bytes) : size;
        const unsigned char *u = (const unsigned char *)bytes + pos;
        size_t bad = fuzz_utf8_first_bad(u, end - pos);
        selaras_segment_kind kind = (selaras_segment_kind)(count % 3);
        st = selaras_segments_append(segs, bytes + pos, end - pos, kind, &err);
        if (bad < end - pos) {
            FUZZ_STATUS(st, SELARAS_ERR_ENCODING, &err);
            FUZZ_CHECK(err.offset == bad);
            FUZZ_CHECK(selaras_segments_count(segs) == count);
        } else {
            FUZZ_STATUS(st, SELARAS_OK, &err);
            FUZZ_CHECK(selaras_segments_count(segs) == count + 1);
            FUZZ_CHECK(selaras_segments_start(segs, count) == expected_start);
            FUZZ_CHECK(selaras_segments_end(segs, count) == expected_start + (end - pos));
            FUZZ_CHECK(selaras_segments_kind(segs, count) == kind);
            FUZZ_CHECK(selaras_segments_paragraph(segs, count) == count);
            size_t slen;
            const char *s = selaras_segments_text(segs, count, &slen);
            fuzz_check_trimmed(s, slen);
            FUZZ_CHECK(slen <= end - pos);
            expected_start += end - pos + 1;
            count++;
        }
        if (nl == NULL)
            break;
        pos = end + 1;
    }
    selaras_segments_free(segs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    selaras_doc *doc = NULL;
    selaras_error err;
    selaras_status st = selaras_doc_new(&doc, bytes, size, "id", SELARAS_DOC_REPLACE_INVALID,
                                        NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    FUZZ_CHECK(selaras_doc_set_name(doc, "lines.txt") == SELARAS_OK);
    selaras_segments *segs = NULL;
    st = selaras_segments_from_lines(&segs, doc, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    check_lines(doc, segs);
    selaras_segments_free(segs);
    selaras_doc_free(doc);

    /* One allocation of splitting fails: out of memory, the document intact and freeable. */
    fuzz_alloc fa;
    fuzz_alloc_init(&fa, -1);
    st = selaras_doc_new(&doc, bytes, size, "id", SELARAS_DOC_REPLACE_INVALID, &fa.mem, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    long made = fa.calls;
    st = selaras_segments_from_lines(&segs, doc, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    long calls = fa.calls - made;
    selaras_segments_free(segs);
    if (calls > 0) {
        fa.fail_at = fa.calls + fuzz_pick(data, size, calls);
        st = selaras_segments_from_lines(&segs, doc, &err);
        FUZZ_STATUS(st, SELARAS_ERR_NOMEM, &err);
        FUZZ_CHECK(segs == NULL);
    }
    selaras_doc_free(doc);
    FUZZ_CHECK(fa.live == 0);
    check_append(bytes, size);
    return 0;
}
