/* The functions that never allocate: each is called on handles made with a counting
 * allocator set to fail every further allocation, and the test asserts that none was
 * attempted and that freeing returns every block. tests/alloc-coverage.test counts a
 * public function as covered when it is called here or in an allocation-failure test. */
#include <string.h>

#include "check_selaras.h"

START_TEST(readers_and_free_do_not_allocate)
{
    static const char in[] = "\xEF\xBB\xBFSatu \xC0.\r\nDua.\n";
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new(&doc, in, sizeof in - 1, "id", SELARAS_DOC_REPLACE_INVALID,
                                     &ta.suite, NULL),
                     SELARAS_OK);
    ck_assert_int_eq(selaras_doc_set_name(doc, "a.txt"), SELARAS_OK);
    selaras_segments *lines, *list;
    ck_assert_int_eq(selaras_segments_from_lines(&lines, doc, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_new(&list, "en", &ta.suite, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_append(list, "One.", 4, SELARAS_SEGMENT_TITLE, NULL),
                     SELARAS_OK);
    long before = ta.calls;
    ta.fail_at = before; /* any allocation from here on would fail */

    ck_assert_str_eq(selaras_version(), SELARAS_VERSION_STRING);
    ck_assert_str_eq(selaras_strerror(SELARAS_ERR_NOMEM), "out of memory");
    size_t len;
    ck_assert_str_eq(selaras_doc_text(doc, &len), "Satu \xEF\xBF\xBD.\nDua.\n");
    ck_assert_str_eq(selaras_doc_lang(doc), "id");
    ck_assert_str_eq(selaras_doc_name(doc), "a.txt");
    ck_assert_uint_eq(selaras_doc_original_length(doc), sizeof in - 1);
    ck_assert_uint_eq(selaras_doc_replacements(doc), 1);
    ck_assert_uint_eq(selaras_doc_to_original(doc, 5), 8);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 8), 5);
    ck_assert_str_eq(selaras_segment_kind_name(SELARAS_SEGMENT_TITLE), "title");
    ck_assert_uint_eq(selaras_segments_count(lines), 2);
    ck_assert_str_eq(selaras_segments_lang(lines), "id");
    ck_assert_str_eq(selaras_segments_name(lines), "a.txt");
    ck_assert_str_eq(selaras_segments_text(lines, 1, NULL), "Dua.");
    ck_assert_uint_eq(selaras_segments_start(lines, 1), 12);
    ck_assert_uint_eq(selaras_segments_end(lines, 1), 16);
    ck_assert_int_eq(selaras_segments_kind(list, 0), SELARAS_SEGMENT_TITLE);
    ck_assert_uint_eq(selaras_segments_paragraph(lines, 1), 1);
    ck_assert_int_eq(ta.calls, before);

    selaras_segments_free(list);
    selaras_segments_free(lines);
    selaras_doc_free(doc);
    selaras_segments_free(NULL);
    selaras_doc_free(NULL);
    ck_assert_int_eq(ta.calls, before);
    ck_assert_int_eq(ta.live, 0);
}
END_TEST

Suite *alloc_none_suite(void)
{
    Suite *s = suite_create("alloc-none");
    TCase *tc = tcase_create("readers");
    tcase_add_test(tc, readers_and_free_do_not_allocate);
    suite_add_tcase(s, tc);
    return s;
}
