/* Fuzz harness for HTML and encoded intake: selaras_doc_new_encoded() on pages (strict and
 * replacing) and on text in windows-1252 and UTF-16, with invariants:
 * - replacing intake of a page always succeeds; strict intake succeeds or fails with an
 *   encoding error at an offset inside the input;
 * - the text is valid UTF-8 without NUL; its offset map is monotonic, stays within the
 *   input and ends at its end; the blocks are in order, inside the text, of a known kind;
 * - segments of the page point into the input (start <= end <= size), in order;
 * - when one allocation (picked from the input) fails, intake reports it and holds nothing. */
#include <string.h>

#include "fuzz.h"

static void check_doc(const selaras_doc *doc, size_t size)
{
    size_t len;
    const char *text = selaras_doc_text(doc, &len);
    FUZZ_CHECK(text != NULL && text[len] == '\0' && strlen(text) == len);
    FUZZ_CHECK(fuzz_utf8_first_bad((const unsigned char *)text, len) == len);
    FUZZ_CHECK(selaras_doc_original_length(doc) == size);
    size_t prev = 0;
    for (size_t i = 0; i <= len; i++) {
        size_t o = selaras_doc_to_original(doc, i);
        FUZZ_CHECK(o <= size);
        FUZZ_CHECK(o >= prev);
        prev = o;
    }
    FUZZ_CHECK(selaras_doc_to_original(doc, len) == size);
    prev = 0;
    for (size_t j = 0; j <= size; j += 1 + j / 64) {
        size_t n = selaras_doc_to_normalized(doc, j);
        FUZZ_CHECK(n <= len && n >= prev);
        prev = n;
    }
    size_t end = 0;
    for (size_t i = 0; i < selaras_doc_block_count(doc); i++) {
        size_t a, b;
        selaras_block_kind kind = selaras_doc_block(doc, i, &a, &b);
        FUZZ_CHECK(selaras_block_kind_name(kind) != NULL);
        FUZZ_CHECK(a >= end && a <= b && b <= len);
        end = b;
    }
}

static void check_segments(const selaras_doc *doc, size_t size)
{
    selaras_segmenter *seg = NULL;
    selaras_segments *segs = NULL;
    selaras_error err;
    FUZZ_STATUS(selaras_segmenter_new(&seg, "id", NULL, &err), SELARAS_OK, &err);
    FUZZ_STATUS(selaras_segment(seg, doc, &segs, &err), SELARAS_OK, &err);
    size_t prev = 0;
    for (size_t i = 0; i < selaras_segments_count(segs); i++) {
        size_t a = selaras_segments_start(segs, i), b = selaras_segments_end(segs, i);
        FUZZ_CHECK(a <= b && b <= size && a >= prev);
        prev = a;
    }
    selaras_segments_free(segs);
    selaras_segmenter_free(seg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    selaras_error err;
    memset(&err, 0, sizeof err);
    selaras_doc *doc = NULL;
    selaras_status st = selaras_doc_new_encoded(&doc, bytes, size, "id", NULL,
                                                SELARAS_DOC_HTML | SELARAS_DOC_REPLACE_INVALID,
                                                NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    check_doc(doc, size);
    check_segments(doc, size);
    selaras_doc_free(doc);

    doc = NULL;
    st = selaras_doc_new_encoded(&doc, bytes, size, "en", NULL, SELARAS_DOC_DETECT_HTML, NULL, &err);
    if (st == SELARAS_OK) {
        check_doc(doc, size);
        selaras_doc_free(doc);
    } else {
        FUZZ_STATUS(st, SELARAS_ERR_ENCODING, &err);
        FUZZ_CHECK(doc == NULL && err.offset < size);
    }

    static const char *const encodings[] = {"windows-1252", "UTF-16LE", "UTF-16"};
    const char *enc = encodings[size % 3];
    st = selaras_doc_new_encoded(&doc, bytes, size, "id", enc, SELARAS_DOC_REPLACE_INVALID, NULL,
                                 &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    check_doc(doc, size);
    selaras_doc_free(doc);

    /* One allocation of page intake fails: out of memory, nothing held. */
    fuzz_alloc fa;
    fuzz_alloc_init(&fa, -1);
    st = selaras_doc_new_encoded(&doc, bytes, size, "id", NULL,
                                 SELARAS_DOC_HTML | SELARAS_DOC_REPLACE_INVALID, &fa.mem, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    selaras_doc_free(doc);
    FUZZ_CHECK(fa.live == 0);
    fuzz_alloc_init(&fa, fuzz_pick(data, size, fa.calls));
    st = selaras_doc_new_encoded(&doc, bytes, size, "id", NULL,
                                 SELARAS_DOC_HTML | SELARAS_DOC_REPLACE_INVALID, &fa.mem, &err);
    FUZZ_STATUS(st, SELARAS_ERR_NOMEM, &err);
    FUZZ_CHECK(doc == NULL && fa.live == 0);
    return 0;
}
