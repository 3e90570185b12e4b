/* Documented limits: inputs past them fail early with SELARAS_ERR_LIMIT and a message that
 * names the limit, instead of taking time or memory out of proportion. */
#include <stdlib.h>
#include <string.h>

#include "check_selaras.h"

START_TEST(limits_have_their_documented_values)
{
    ck_assert_uint_eq(SELARAS_DOC_MAX_BYTES, 1073741824u);
    ck_assert_uint_eq(SELARAS_SEGMENTS_MAX_COUNT, 16777216u);
    ck_assert_str_eq(selaras_strerror(SELARAS_ERR_LIMIT), "input exceeds a size limit");
}
END_TEST

/* 2^24 + 1 empty lines: refused before the list is allocated; one line fewer is not
 * refused by the count (it is not split here: 2^24 items would take 800 MB). */
START_TEST(too_many_lines_fail_before_allocating)
{
    size_t n = SELARAS_SEGMENTS_MAX_COUNT + 1;
    char *nl = malloc(n);
    ck_assert_ptr_nonnull(nl);
    memset(nl, '\n', n);
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new(&doc, nl, n, "id", 0, &ta.suite, NULL), SELARAS_OK);
    free(nl);
    long before = ta.calls;
    selaras_segments *segs = (selaras_segments *)&ta; /* must be reset to NULL */
    selaras_error err;
    selaras_status st = selaras_segments_from_lines(&segs, doc, &err);
    ck_assert_error(&err, SELARAS_ERR_LIMIT, st, SELARAS_NO_OFFSET,
                    "document of 16777217 lines exceeds 16777216 segments");
    ck_assert_ptr_null(segs);
    ck_assert_int_eq(ta.calls, before);
    selaras_doc_free(doc);
    ck_assert_int_eq(ta.live, 0);
}
END_TEST

Suite *limits_suite(void)
{
    Suite *s = suite_create("limits");
    TCase *tc = tcase_create("limits");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, limits_have_their_documented_values);
    tcase_add_test(tc, too_many_lines_fail_before_allocating);
    suite_add_tcase(s, tc);
    return s;
}
