/* Allocation failure over the document API: each allocation fails in turn. */
#include <string.h>

#include "check_selaras.h"

static const char sample[] = "\xEF\xBB\xBFSIARAN PERS\r\nCafe\xCC\x81 di Jakarta \xC0 Selasa (27/1).\r\n";

START_TEST(doc_new_survives_every_allocation_failure)
{
    long n;
    int succeeded = 0;
    for (n = 0; n < 1000 && !succeeded; n++) {
        test_alloc ta;
        test_alloc_init(&ta, n);
        selaras_doc *doc = NULL;
        selaras_error err;
        selaras_status st = selaras_doc_new(&doc, sample, sizeof sample - 1, "id-ID",
                                            SELARAS_DOC_REPLACE_INVALID, &ta.suite, &err);
        if (st == SELARAS_OK) {
            succeeded = 1;
            ta.fail_at = -1;
            ck_assert_int_eq(selaras_doc_set_name(doc, "a.txt"), SELARAS_OK);
            selaras_doc_free(doc);
        } else {
            ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
            ck_assert_int_eq(err.status, SELARAS_ERR_NOMEM);
            ck_assert_ptr_null(doc);
        }
        ck_assert_msg(ta.live == 0, "failing allocation %ld leaks %ld blocks", n, ta.live);
    }
    ck_assert_msg(succeeded, "never succeeded");
    ck_assert_int_gt(n, 2); /* at least the handle, the text and the map */
}
END_TEST

START_TEST(set_name_failure_keeps_old_name)
{
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new(&doc, "x", 1, "en", 0, &ta.suite, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_doc_set_name(doc, "old"), SELARAS_OK);
    ta.fail_at = ta.calls;
    ck_assert_int_eq(selaras_doc_set_name(doc, "new"), SELARAS_ERR_NOMEM);
    ck_assert_str_eq(selaras_doc_name(doc), "old");
    selaras_doc_free(doc);
    ck_assert_int_eq(ta.live, 0);
}
END_TEST

Suite *alloc_doc_suite(void)
{
    Suite *s = suite_create("alloc-doc");
    TCase *tc = tcase_create("failures");
    tcase_add_test(tc, doc_new_survives_every_allocation_failure);
    tcase_add_test(tc, set_name_failure_keeps_old_name);
    suite_add_tcase(s, tc);
    return s;
}
