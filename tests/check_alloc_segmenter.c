/* Allocation failure over the segmenter API: each allocation fails in turn; the call
 * reports SELARAS_ERR_NOMEM, leaks nothing, and the handle stays usable. */
#include <stdlib.h>
#include <string.h>

#include "check_selaras.h"

static const char release[] =
    "SIARAN PERS\nNomor: 1/SP/2026\n\nJudul Rilis\n\nJAKARTA - Dr. Budi membuka acara. "
    "\"Kami siap. Semua hadir,\" katanya.\n1. Satu hal\n2. Dua hal\n\nBaca juga: Lain\n(why)\n";

START_TEST(segmenter_new_survives_every_allocation_failure)
{
    long n;
    int succeeded = 0;
    for (n = 0; n < 1000 && !succeeded; n++) {
        test_alloc ta;
        test_alloc_init(&ta, n);
        selaras_segmenter *seg = NULL;
        selaras_error err;
        selaras_status st = selaras_segmenter_new(&seg, "id-ID", &ta.suite, &err);
        if (st == SELARAS_OK) {
            succeeded = 1;
            selaras_segmenter_free(seg);
        } else {
            ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
            ck_assert_int_eq(err.status, SELARAS_ERR_NOMEM);
            ck_assert_ptr_null(seg);
        }
        ck_assert_msg(ta.live == 0, "failing allocation %ld leaks %ld blocks", n, ta.live);
    }
    ck_assert_msg(succeeded, "never succeeded");
    ck_assert_int_ge(n, 2); /* the handle and the abbreviation table */
}
END_TEST

START_TEST(add_and_load_survive_every_allocation_failure)
{
    static const char data[] = "[prefix]\nKpt.\nLetkol.\n[general]\nbdk.\n";
    char *path = test_data_path("abbrev-ok.txt");
    for (int which = 0; which < 2; which++) {
        long n;
        int succeeded = 0;
        for (n = 0; n < 1000 && !succeeded; n++) {
            test_alloc ta;
            test_alloc_init(&ta, -1);
            selaras_segmenter *seg;
            ck_assert_int_eq(selaras_segmenter_new(&seg, "id", &ta.suite, NULL), SELARAS_OK);
            /* fill the table so that adding must grow it */
            selaras_segmenter_clear_abbreviations(seg);
            ta.fail_at = ta.calls + n;
            selaras_error err;
            selaras_status st = which == 0
                ? selaras_segmenter_add_abbreviations(seg, data, sizeof data - 1, &err)
                : selaras_segmenter_load_abbreviations(seg, path, &err);
            ta.fail_at = -1;
            if (st == SELARAS_OK) {
                succeeded = 1;
            } else {
                ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
                ck_assert_int_eq(err.status, SELARAS_ERR_NOMEM);
            }
            /* still usable: a second call succeeds */
            ck_assert_int_eq(selaras_segmenter_add_abbreviations(seg, data, sizeof data - 1, NULL),
                             SELARAS_OK);
            selaras_segmenter_free(seg);
            ck_assert_msg(ta.live == 0, "failing allocation %ld leaks %ld blocks", n, ta.live);
        }
        ck_assert_msg(succeeded, "never succeeded");
    }
    free(path);
}
END_TEST

START_TEST(segment_survives_every_allocation_failure)
{
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new(&doc, release, sizeof release - 1, "id", 0, NULL, NULL),
                     SELARAS_OK);
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_segmenter *seg;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "id", &ta.suite, NULL), SELARAS_OK);
    size_t expected = 0;
    long n;
    int succeeded = 0;
    for (n = 0; n < 10000 && !succeeded; n++) {
        /* a fresh segmenter each time, so that its scratch space must grow again */
        selaras_segmenter *fresh;
        test_alloc tb;
        test_alloc_init(&tb, -1);
        ck_assert_int_eq(selaras_segmenter_new(&fresh, "id", &tb.suite, NULL), SELARAS_OK);
        tb.fail_at = tb.calls + n;
        selaras_segments *segs = (selaras_segments *)&tb;
        selaras_error err;
        selaras_status st = selaras_segment(fresh, doc, &segs, &err);
        tb.fail_at = -1;
        if (st == SELARAS_OK) {
            succeeded = 1;
            expected = selaras_segments_count(segs);
            selaras_segments_free(segs);
        } else {
            ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
            ck_assert_int_eq(err.status, SELARAS_ERR_NOMEM);
            ck_assert_ptr_null(segs);
            /* the segmenter is still usable */
            ck_assert_int_eq(selaras_segment(fresh, doc, &segs, NULL), SELARAS_OK);
            selaras_segments_free(segs);
        }
        selaras_segmenter_free(fresh);
        ck_assert_msg(tb.live == 0, "failing allocation %ld leaks %ld blocks", n, tb.live);
    }
    ck_assert_msg(succeeded, "never succeeded");
    ck_assert_int_ge(n, 4);
    ck_assert_uint_eq(expected, 10);
    /* the long-lived segmenter gives the same result */
    selaras_segments *segs;
    ck_assert_int_eq(selaras_segment(seg, doc, &segs, NULL), SELARAS_OK);
    ck_assert_uint_eq(selaras_segments_count(segs), expected);
    selaras_segments_free(segs);
    selaras_segmenter_free(seg);
    ck_assert_int_eq(ta.live, 0);
    selaras_doc_free(doc);
}
END_TEST

Suite *alloc_segmenter_suite(void)
{
    Suite *s = suite_create("alloc-segmenter");
    TCase *tc = tcase_create("failures");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, segmenter_new_survives_every_allocation_failure);
    tcase_add_test(tc, add_and_load_survive_every_allocation_failure);
    tcase_add_test(tc, segment_survives_every_allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}
