/* The segment list: pre-split sentences, lines of a document, accessors. */
#include <string.h>

#include "check_selaras.h"

START_TEST(kind_names)
{
    ck_assert_str_eq(selaras_segment_kind_name(SELARAS_SEGMENT_SENTENCE), "sentence");
    ck_assert_str_eq(selaras_segment_kind_name(SELARAS_SEGMENT_TITLE), "title");
    ck_assert_str_eq(selaras_segment_kind_name(SELARAS_SEGMENT_BOILERPLATE), "boilerplate");
    ck_assert_ptr_null(selaras_segment_kind_name((selaras_segment_kind)7));
}
END_TEST

START_TEST(append_presplit_sentences)
{
    selaras_segments *segs;
    selaras_error err;
    ck_assert_int_eq(selaras_segments_new(&segs, "en_US", NULL, &err), SELARAS_OK);
    ck_assert_str_eq(selaras_segments_lang(segs), "en-US");
    ck_assert_ptr_null(selaras_segments_name(segs));
    ck_assert_int_eq(selaras_segments_append(segs, "  The minister spoke. ", 22,
                                             SELARAS_SEGMENT_SENTENCE, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_append(segs, "PRESS RELEASE", 13,
                                             SELARAS_SEGMENT_TITLE, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_append(segs, "", 0, SELARAS_SEGMENT_BOILERPLATE, &err),
                     SELARAS_OK);
    ck_assert_uint_eq(selaras_segments_count(segs), 3);
    size_t len;
    ck_assert_str_eq(selaras_segments_text(segs, 0, &len), "The minister spoke.");
    ck_assert_uint_eq(len, 19);
    ck_assert_uint_eq(selaras_segments_start(segs, 0), 0);
    ck_assert_uint_eq(selaras_segments_end(segs, 0), 22);
    ck_assert_uint_eq(selaras_segments_start(segs, 1), 23);
    ck_assert_uint_eq(selaras_segments_end(segs, 1), 36);
    ck_assert_int_eq(selaras_segments_kind(segs, 1), SELARAS_SEGMENT_TITLE);
    ck_assert_uint_eq(selaras_segments_paragraph(segs, 1), 1);
    ck_assert_str_eq(selaras_segments_text(segs, 2, NULL), "");
    ck_assert_int_eq(selaras_segments_kind(segs, 2), SELARAS_SEGMENT_BOILERPLATE);
    ck_assert_ptr_null(selaras_segments_text(segs, 3, &len));
    ck_assert_uint_eq(len, 0);
    selaras_segments_free(segs);
    selaras_segments_free(NULL);
}
END_TEST

START_TEST(append_rejects_bad_input)
{
    selaras_segments *segs;
    selaras_error err;
    ck_assert_int_eq(selaras_segments_new(&segs, "id", NULL, &err), SELARAS_OK);
    selaras_status st = selaras_segments_append(segs, "ok \xED\xA0\x80", 6,
                                                SELARAS_SEGMENT_SENTENCE, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 3, "encoded surrogate");
    st = selaras_segments_append(segs, "x", 1, (selaras_segment_kind)9, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "kind");
    st = selaras_segments_append(segs, NULL, 1, SELARAS_SEGMENT_SENTENCE, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    ck_assert_uint_eq(selaras_segments_count(segs), 0);
    selaras_segments_free(segs);
    st = selaras_segments_new(&segs, "xx-", NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, st, SELARAS_NO_OFFSET, "malformed");
    ck_assert_ptr_null(segs);
}
END_TEST

START_TEST(lines_of_a_document)
{
    /* BOM and CRLF: offsets point into the original bytes. */
    static const char in[] = "\xEF\xBB\xBF  Baris satu.\r\n\r\nBaris tiga \r\n";
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new(&doc, in, sizeof in - 1, "id", 0, NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_doc_set_name(doc, "a.txt"), SELARAS_OK);
    selaras_segments *segs;
    ck_assert_int_eq(selaras_segments_from_lines(&segs, doc, NULL), SELARAS_OK);
    ck_assert_uint_eq(selaras_segments_count(segs), 3);
    ck_assert_str_eq(selaras_segments_name(segs), "a.txt");
    ck_assert_str_eq(selaras_segments_lang(segs), "id");
    ck_assert_str_eq(selaras_segments_text(segs, 0, NULL), "Baris satu.");
    ck_assert_uint_eq(selaras_segments_start(segs, 0), 5);
    ck_assert_uint_eq(selaras_segments_end(segs, 0), 16);
    ck_assert_str_eq(selaras_segments_text(segs, 1, NULL), "");
    ck_assert_uint_eq(selaras_segments_paragraph(segs, 1), 1);
    ck_assert_str_eq(selaras_segments_text(segs, 2, NULL), "Baris tiga");
    ck_assert_uint_eq(selaras_segments_start(segs, 2), 20);
    ck_assert_uint_eq(selaras_segments_end(segs, 2), 30);
    ck_assert_uint_eq(memcmp(in + 20, "Baris tiga", 10), 0);
    selaras_segments_free(segs);
    selaras_doc_free(doc);
}
END_TEST

START_TEST(lines_of_an_empty_document)
{
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new(&doc, "", 0, "en", 0, NULL, NULL), SELARAS_OK);
    selaras_segments *segs;
    ck_assert_int_eq(selaras_segments_from_lines(&segs, doc, NULL), SELARAS_OK);
    ck_assert_uint_eq(selaras_segments_count(segs), 0);
    selaras_segments_free(segs);
    selaras_doc_free(doc);
    selaras_error err;
    selaras_status st = selaras_segments_from_lines(&segs, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, NULL);
}
END_TEST

START_TEST(segments_survive_allocation_failures)
{
    static const char in[] = "satu\ndua\ntiga\nempat\nlima\nenam\ntujuh\ndelapan\nsembilan\n";
    int done = 0;
    for (long n = 0; n < 200 && !done; n++) {
        test_alloc ta;
        test_alloc_init(&ta, -1);
        selaras_doc *doc;
        ck_assert_int_eq(selaras_doc_new(&doc, in, sizeof in - 1, "id", 0, &ta.suite, NULL),
                         SELARAS_OK);
        ck_assert_int_eq(selaras_doc_set_name(doc, "n.txt"), SELARAS_OK);
        ta.fail_at = ta.calls + n;
        selaras_segments *segs = NULL;
        selaras_status st = selaras_segments_from_lines(&segs, doc, NULL);
        if (st == SELARAS_OK) {
            ck_assert_uint_eq(selaras_segments_count(segs), 9);
            /* append can fail too, and leaves the list as it was */
            ta.fail_at = ta.calls;
            st = selaras_segments_append(segs, "sepuluh", 7, SELARAS_SEGMENT_SENTENCE, NULL);
            ck_assert(st == SELARAS_OK || st == SELARAS_ERR_NOMEM);
            ck_assert_uint_eq(selaras_segments_count(segs), st == SELARAS_OK ? 10 : 9);
            selaras_segments_free(segs);
            done = 1;
        } else {
            ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
            ck_assert_ptr_null(segs);
        }
        selaras_doc_free(doc);
        ck_assert_msg(ta.live == 0, "failure %ld leaks %ld blocks", n, ta.live);
    }
    ck_assert(done);
}
END_TEST

/* Segments of text, one a line, kind by the first character: B boilerplate, T title,
 * S sentence. */
static selaras_segments *kinds_list(const char *const *lines)
{
    selaras_segments *segs;
    ck_assert_int_eq(selaras_segments_new(&segs, "id", NULL, NULL), SELARAS_OK);
    for (size_t i = 0; lines[i] != NULL; i++) {
        selaras_segment_kind k = lines[i][0] == 'B'   ? SELARAS_SEGMENT_BOILERPLATE
                                 : lines[i][0] == 'T' ? SELARAS_SEGMENT_TITLE
                                                      : SELARAS_SEGMENT_SENTENCE;
        ck_assert_int_eq(selaras_segments_append(segs, lines[i] + 2, strlen(lines[i] + 2), k,
                                                 NULL),
                         SELARAS_OK);
    }
    return segs;
}

static void expect_date(const char *const *lines, const char *want)
{
    selaras_segments *segs = kinds_list(lines);
    char buf[11] = "garbage";
    ck_assert_int_eq(selaras_segments_date(segs, buf), want[0] != '\0');
    ck_assert_str_eq(buf, want);
    selaras_segments_free(segs);
}

START_TEST(release_date_of_a_list)
{
    const char *id_line[] = {"B SIARAN PERS", "B Nomor: 214/SP/01/2026", "B Jakarta, 27 Januari 2026",
                             "T JUDUL", "S Gubernur membuka 12 posko pada 3 Februari 2026.", NULL};
    expect_date(id_line, "2026-01-27");
    const char *en_line[] = {"B Jakarta, Jan. 5, 2024", "S The governor opened posts.", NULL};
    expect_date(en_line, "2024-01-05");
    const char *iso[] = {"B Dirilis 2025-11-03", "S Teks.", NULL};
    expect_date(iso, "2025-11-03");
    const char *french[] = {"B Paris, le 2 f\xC3\xA9vrier 2024", "S Texte.", NULL};
    expect_date(french, "2024-02-02");
    const char *dateline[] = {"T JUDUL", "S JAKARTA, 27 Januari 2026 - Gubernur membuka posko.",
                              NULL};
    expect_date(dateline, "2026-01-27");
    /* not release dates: one in running text, digits only, a day out of range, a date
     * line after the third sentence */
    const char *in_text[] = {"S Pendaftaran dibuka hingga 14 Februari 2026.", NULL};
    expect_date(in_text, "");
    const char *digits[] = {"B Jakarta, 27/1/2026", "S Teks.", NULL};
    expect_date(digits, "");
    const char *bad_day[] = {"B Jakarta, 32 Januari 2026", "S Teks.", NULL};
    expect_date(bad_day, "");
    const char *late[] = {"S Satu.", "S Dua.", "S Tiga.", "B Jakarta, 27 Januari 2026", NULL};
    expect_date(late, "");
    const char *none[] = {NULL};
    expect_date(none, "");
    char buf[11] = "x";
    ck_assert_int_eq(selaras_segments_date(NULL, buf), 0);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(selaras_segments_date(NULL, NULL), 0);
}
END_TEST

Suite *segments_suite(void)
{
    Suite *s = suite_create("segments");
    TCase *tc = tcase_create("list");
    tcase_add_test(tc, kind_names);
    tcase_add_test(tc, append_presplit_sentences);
    tcase_add_test(tc, append_rejects_bad_input);
    tcase_add_test(tc, lines_of_a_document);
    tcase_add_test(tc, lines_of_an_empty_document);
    tcase_add_test(tc, release_date_of_a_list);
    tcase_add_test(tc, segments_survive_allocation_failures);
    suite_add_tcase(s, tc);
    return s;
}
