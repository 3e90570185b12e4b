/* Segment lists of the segmenter are spans of their document's text: spans and texts
 * agree (line breaks of a wrapped sentence aside), the list outlives its document, the
 * texts are copied once on demand (from any number of threads), spans copy nothing. */
#include <pthread.h>
#include <string.h>

#include "check_selaras.h"

static const char release[] =
    "SIARAN PERS\n\nDinas Kesehatan membuka posko. Warga datang\npagi hari.\n"
    "\xE2\x80\x9CKami siap,\xE2\x80\x9D kata dr. Rina.\n";

static selaras_segments *segment(const char *text, const selaras_allocator *mem,
                                 selaras_doc **keep)
{
    selaras_segmenter *seg;
    selaras_doc *doc;
    selaras_segments *segs;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "id", mem, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_doc_new(&doc, text, strlen(text), "id", 0, mem, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segment(seg, doc, &segs, NULL), SELARAS_OK);
    selaras_segmenter_free(seg);
    if (keep != NULL)
        *keep = doc;
    else
        selaras_doc_free(doc);
    return segs;
}

START_TEST(spans_point_into_the_document_and_match_texts)
{
    selaras_doc *doc;
    selaras_segments *segs = segment(release, NULL, &doc);
    size_t dlen;
    const char *dtext = selaras_doc_text(doc, &dlen);
    ck_assert_uint_eq(selaras_segments_count(segs), 4);
    for (size_t i = 0; i < selaras_segments_count(segs); i++) {
        size_t n, m;
        const char *span = selaras_segments_span(segs, i, &n);
        ck_assert_msg(span >= dtext && span + n <= dtext + dlen, "span %zu is not in the text", i);
        /* the input is NFC with LF: offsets into it are offsets into the text */
        ck_assert_uint_eq((size_t)(span - dtext), selaras_segments_start(segs, i));
        const char *text = selaras_segments_text(segs, i, &m);
        ck_assert_uint_eq(n, m);
        ck_assert_int_eq(text[m], '\0');
        for (size_t k = 0; k < n; k++)
            ck_assert_int_eq(text[k], span[k] == '\n' ? ' ' : span[k]);
    }
    ck_assert_ptr_nonnull(memchr(selaras_segments_span(segs, 2, NULL), '\n', 30));
    ck_assert_str_eq(selaras_segments_text(segs, 2, NULL), "Warga datang pagi hari.");
    size_t n = 7;
    ck_assert_ptr_null(selaras_segments_span(segs, 4, &n));
    ck_assert_uint_eq(n, 0);
    selaras_segments_free(segs);
    selaras_doc_free(doc);
}
END_TEST

START_TEST(list_outlives_its_document)
{
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_segments *segs = segment(release, &ta.suite, NULL); /* the document is freed */
    size_t n;
    const char *span = selaras_segments_span(segs, 3, &n);
    ck_assert_int_eq(strncmp(span, "\xE2\x80\x9CKami siap,\xE2\x80\x9D kata dr. Rina.", n), 0);
    ck_assert_str_eq(selaras_segments_text(segs, 1, NULL), "Dinas Kesehatan membuka posko.");
    /* appending to the list: an own copy beside the spans */
    ck_assert_int_eq(selaras_segments_append(segs, "Tambahan.", 9, SELARAS_SEGMENT_SENTENCE, NULL),
                     SELARAS_OK);
    ck_assert_str_eq(selaras_segments_text(segs, 4, NULL), "Tambahan.");
    ck_assert_int_eq(strncmp(selaras_segments_span(segs, 4, &n), "Tambahan.", 9), 0);
    ck_assert_str_eq(selaras_segments_text(segs, 0, NULL), "SIARAN PERS");
    selaras_segments_free(segs);
    ck_assert_int_eq(ta.live, 0);
}
END_TEST

typedef struct reader {
    const selaras_segments *segs;
    int ok;
} reader;

static void *read_texts(void *arg)
{
    reader *r = arg;
    r->ok = 1;
    for (size_t i = 0; i < selaras_segments_count(r->segs); i++) {
        size_t n, m;
        const char *span = selaras_segments_span(r->segs, i, &n);
        const char *text = selaras_segments_text(r->segs, i, &m);
        if (n != m || text[m] != '\0' || (span[0] != text[0]))
            r->ok = 0;
    }
    return NULL;
}

/* The first selaras_segments_text() calls of one list from several threads at once. */
START_TEST(texts_are_made_once_from_any_thread)
{
    char big[64 * 1024];
    size_t len = 0;
    while (len + 40 < sizeof big) {
        memcpy(big + len, "Posko dibuka pagi. Warga datang cepat. ", 39);
        len += 39;
    }
    big[len] = '\0';
    for (int round = 0; round < 20; round++) {
        selaras_segments *segs = segment(big, NULL, NULL);
        pthread_t th[4];
        reader r[4];
        for (int k = 0; k < 4; k++) {
            r[k].segs = segs;
            ck_assert_int_eq(pthread_create(&th[k], NULL, read_texts, &r[k]), 0);
        }
        for (int k = 0; k < 4; k++) {
            pthread_join(th[k], NULL);
            ck_assert(r[k].ok);
        }
        ck_assert_str_eq(selaras_segments_text(segs, 1, NULL), "Warga datang cepat.");
        selaras_segments_free(segs);
    }
}
END_TEST

/* Spans and the texts' copies need no allocation once the list is made. */
START_TEST(spans_and_texts_do_not_allocate)
{
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_segments *segs = segment(release, &ta.suite, NULL);
    long before = ta.calls;
    ta.fail_at = before;
    size_t n;
    ck_assert_ptr_nonnull(selaras_segments_span(segs, 0, &n));
    ck_assert_uint_eq(n, 11);
    ck_assert_str_eq(selaras_segments_text(segs, 2, NULL), "Warga datang pagi hari.");
    ck_assert_int_eq(ta.calls, before);
    selaras_segments_free(segs);
    ck_assert_int_eq(ta.live, 0);
}
END_TEST

Suite *spans_suite(void)
{
    Suite *s = suite_create("spans");
    TCase *tc = tcase_create("spans");
    tcase_add_test(tc, spans_point_into_the_document_and_match_texts);
    tcase_add_test(tc, list_outlives_its_document);
    tcase_add_test(tc, texts_are_made_once_from_any_thread);
    tcase_add_test(tc, spans_and_texts_do_not_allocate);
    suite_add_tcase(s, tc);
    return s;
}
