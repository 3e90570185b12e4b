/* Fuzz harness for the sentence segmenter of one language (FUZZ_LANG: "id", "en" or a
 * language without rules of its own). The input becomes a document (ill-formed bytes
 * replaced) that is segmented twice by one segmenter. Invariants:
 * - segments come in order without overlap, within the input: start <= end <= input
 *   length, each start at or after the previous end; paragraph numbers never go back;
 *   kinds are known; texts are valid UTF-8, trimmed, without line breaks;
 * - between two segments the document holds only white space (nothing is dropped);
 * - the list carries the document's language and name; a second run gives the same list;
 * - when one allocation (picked from the input) fails, segmentation reports it, leaks
 *   nothing, and the segmenter then gives the same list again. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#ifndef FUZZ_LANG
#error "FUZZ_LANG must be a language tag"
#endif

static selaras_segmenter *segmenter;

static void free_segmenter(void)
{
    selaras_segmenter_free(segmenter);
}

/* Every code point of text[from..to) is white space. */
static void check_blank(const char *text, size_t from, size_t to)
{
    const unsigned char *u = (const unsigned char *)text;
    for (size_t i = from; i < to;) {
        int32_t cp = 0;
        size_t n = fuzz_utf8_decode(u + i, to - i, &cp);
        FUZZ_CHECK(n > 0);
        if (!fuzz_is_space(cp)) {
            fprintf(stderr, "U+%04X at normalised byte %zu lies outside every segment\n",
                    (unsigned)cp, i);
            abort();
        }
        i += n;
    }
}

static void check_list(const selaras_doc *doc, const selaras_segments *segs)
{
    size_t len;
    const char *text = selaras_doc_text(doc, &len);
    size_t orig = selaras_doc_original_length(doc);
    size_t count = selaras_segments_count(segs);
    FUZZ_CHECK(strcmp(selaras_segments_lang(segs), selaras_doc_lang(doc)) == 0);
    FUZZ_CHECK(strcmp(selaras_segments_name(segs), "fuzz.txt") == 0);
    size_t prev_end = 0, prev_para = 0, covered = 0;
    for (size_t i = 0; i < count; i++) {
        size_t a = selaras_segments_start(segs, i), b = selaras_segments_end(segs, i);
        FUZZ_CHECK(a <= b && b <= orig);
        FUZZ_CHECK(a >= prev_end);
        size_t para = selaras_segments_paragraph(segs, i);
        FUZZ_CHECK(para >= prev_para);
        FUZZ_CHECK(selaras_segment_kind_name(selaras_segments_kind(segs, i)) != NULL);
        size_t slen;
        const char *s = selaras_segments_text(segs, i, &slen);
        fuzz_check_trimmed(s, slen);
        FUZZ_CHECK(memchr(s, '\n', slen) == NULL);
        FUZZ_CHECK(slen > 0);
        /* The normalised text between the previous segment and this one is blank. */
        size_t na = selaras_doc_to_normalized(doc, a), nb = selaras_doc_to_normalized(doc, b);
        FUZZ_CHECK(na <= nb && nb <= len);
        if (na > covered)
            check_blank(text, covered, na);
        if (nb > covered)
            covered = nb;
        prev_end = b;
        prev_para = para;
    }
    check_blank(text, covered, len);
}

static int same_list(const selaras_segments *x, const selaras_segments *y)
{
    size_t n = selaras_segments_count(x);
    if (n != selaras_segments_count(y))
        return 0;
    for (size_t i = 0; i < n; i++) {
        size_t lx, ly;
        const char *tx = selaras_segments_text(x, i, &lx), *ty = selaras_segments_text(y, i, &ly);
        if (lx != ly || memcmp(tx, ty, lx) != 0 ||
            selaras_segments_start(x, i) != selaras_segments_start(y, i) ||
            selaras_segments_end(x, i) != selaras_segments_end(y, i) ||
            selaras_segments_kind(x, i) != selaras_segments_kind(y, i) ||
            selaras_segments_paragraph(x, i) != selaras_segments_paragraph(y, i))
            return 0;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    selaras_error err;
    selaras_status st;
    if (segmenter == NULL) {
        atexit(free_segmenter);
        st = selaras_segmenter_new(&segmenter, FUZZ_LANG, NULL, &err);
        FUZZ_STATUS(st, SELARAS_OK, &err);
    }
    selaras_doc *doc = NULL;
    st = selaras_doc_new(&doc, (const char *)data, size, FUZZ_LANG, SELARAS_DOC_REPLACE_INVALID,
                         NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    FUZZ_CHECK(selaras_doc_set_name(doc, "fuzz.txt") == SELARAS_OK);

    selaras_segments *first = NULL, *again = NULL;
    st = selaras_segment(segmenter, doc, &first, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    check_list(doc, first);
    /* the release date: "" or YYYY-MM-DD of digits, month 01-12, day 01-31 */
    char date[11];
    if (selaras_segments_date(first, date)) {
        FUZZ_CHECK(strlen(date) == 10 && date[4] == '-' && date[7] == '-');
        FUZZ_CHECK((date[5] == '0' && date[6] >= '1') || (date[5] == '1' && date[6] <= '2'));
        FUZZ_CHECK(date[8] >= '0' && date[8] <= '3');
    } else {
        FUZZ_CHECK(date[0] == '\0');
    }
    st = selaras_segment(segmenter, doc, &again, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    FUZZ_CHECK(same_list(first, again));
    selaras_segments_free(again);

    /* Allocation failure, with a segmenter of its own on a counting allocator. */
    fuzz_alloc fa;
    fuzz_alloc_init(&fa, -1);
    selaras_segmenter *counted = NULL;
    st = selaras_segmenter_new(&counted, FUZZ_LANG, &fa.mem, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    long before = fa.calls;
    st = selaras_segment(counted, doc, &again, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    long calls = fa.calls - before;
    selaras_segments_free(again);
    if (calls > 0) {
        fa.fail_at = fa.calls + fuzz_pick(data, size, calls);
        again = (selaras_segments *)&fa;
        st = selaras_segment(counted, doc, &again, &err);
        if (st == SELARAS_OK) { /* an optional allocation: the same list without it */
            FUZZ_CHECK(same_list(first, again));
            selaras_segments_free(again);
        } else {
            FUZZ_STATUS(st, SELARAS_ERR_NOMEM, &err);
            FUZZ_CHECK(again == NULL);
        }
        fa.fail_at = -1;
        st = selaras_segment(counted, doc, &again, &err);
        FUZZ_STATUS(st, SELARAS_OK, &err);
        FUZZ_CHECK(same_list(first, again));
        selaras_segments_free(again);
    }
    selaras_segmenter_free(counted);
    FUZZ_CHECK(fa.live == 0);

    selaras_segments_free(first);
    selaras_doc_free(doc);
    return 0;
}
