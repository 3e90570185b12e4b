/* Allocation failure over the segment-list API, and the TMX reader on a file: each
 * allocation of each call fails in turn; the call reports SELARAS_ERR_NOMEM, leaks nothing
 * and leaves its handle usable. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_selaras.h"

START_TEST(segments_new_survives_every_allocation_failure)
{
    long n;
    int succeeded = 0;
    for (n = 0; n < 100 && !succeeded; n++) {
        test_alloc ta;
        test_alloc_init(&ta, n);
        selaras_segments *segs = NULL;
        selaras_error err;
        selaras_status st = selaras_segments_new(&segs, "id-ID", &ta.suite, &err);
        if (st == SELARAS_OK) {
            succeeded = 1;
            ck_assert_str_eq(selaras_segments_lang(segs), "id-ID");
            selaras_segments_free(segs);
        } else {
            ck_assert_error(&err, SELARAS_ERR_NOMEM, st, SELARAS_NO_OFFSET, "memory");
            ck_assert_ptr_null(segs);
        }
        ck_assert_msg(ta.live == 0, "failing allocation %ld leaks %ld blocks", n, ta.live);
    }
    ck_assert(succeeded);
}
END_TEST

/* A long text makes append grow both the item array and the text buffer. */
START_TEST(append_survives_every_allocation_failure)
{
    static char longtext[5000];
    memset(longtext, 'k', sizeof longtext);
    long n;
    int succeeded = 0;
    for (n = 0; n < 100 && !succeeded; n++) {
        test_alloc ta;
        test_alloc_init(&ta, -1);
        selaras_segments *segs;
        ck_assert_int_eq(selaras_segments_new(&segs, "en", &ta.suite, NULL), SELARAS_OK);
        for (int i = 0; i < 4; i++)
            ck_assert_int_eq(selaras_segments_append(segs, "Short one.", 10,
                                                     SELARAS_SEGMENT_SENTENCE, NULL),
                             SELARAS_OK);
        ta.fail_at = ta.calls + n;
        selaras_error err;
        selaras_status st = selaras_segments_append(segs, longtext, sizeof longtext,
                                                    SELARAS_SEGMENT_TITLE, &err);
        ta.fail_at = -1;
        if (st == SELARAS_OK) {
            succeeded = 1;
            ck_assert_uint_eq(selaras_segments_count(segs), 5);
            ck_assert_uint_eq(selaras_segments_start(segs, 4), 44);
        } else {
            ck_assert_error(&err, SELARAS_ERR_NOMEM, st, SELARAS_NO_OFFSET, "memory");
            /* The list is unchanged and still takes the same segment. */
            ck_assert_uint_eq(selaras_segments_count(segs), 4);
            ck_assert_str_eq(selaras_segments_text(segs, 3, NULL), "Short one.");
            ck_assert_int_eq(selaras_segments_append(segs, longtext, sizeof longtext,
                                                     SELARAS_SEGMENT_TITLE, NULL),
                             SELARAS_OK);
            ck_assert_uint_eq(selaras_segments_start(segs, 4), 44);
        }
        size_t len;
        selaras_segments_text(segs, 4, &len);
        ck_assert_uint_eq(len, sizeof longtext);
        selaras_segments_free(segs);
        ck_assert_msg(ta.live == 0, "failing allocation %ld leaks %ld blocks", n, ta.live);
    }
    ck_assert(succeeded);
    ck_assert_int_ge(n, 2); /* the item array and the text buffer */
}
END_TEST

START_TEST(from_lines_survives_every_allocation_failure)
{
    static const char in[] = "Baris satu.\n\n  Baris tiga.\r\nBaris empat tanpa akhir";
    long n;
    int succeeded = 0;
    for (n = 0; n < 100 && !succeeded; n++) {
        test_alloc ta;
        test_alloc_init(&ta, -1);
        selaras_doc *doc;
        ck_assert_int_eq(selaras_doc_new(&doc, in, sizeof in - 1, "id", 0, &ta.suite, NULL),
                         SELARAS_OK);
        ck_assert_int_eq(selaras_doc_set_name(doc, "rilis.txt"), SELARAS_OK);
        ta.fail_at = ta.calls + n;
        selaras_segments *segs = NULL;
        selaras_error err;
        selaras_status st = selaras_segments_from_lines(&segs, doc, &err);
        ta.fail_at = -1;
        if (st == SELARAS_OK) {
            succeeded = 1;
            ck_assert_uint_eq(selaras_segments_count(segs), 4);
            ck_assert_str_eq(selaras_segments_name(segs), "rilis.txt");
            ck_assert_str_eq(selaras_segments_text(segs, 2, NULL), "Baris tiga.");
            selaras_segments_free(segs);
        } else {
            ck_assert_error(&err, SELARAS_ERR_NOMEM, st, SELARAS_NO_OFFSET, "memory");
            ck_assert_ptr_null(segs);
            /* The document is untouched and can be split again. */
            ck_assert_int_eq(selaras_segments_from_lines(&segs, doc, NULL), SELARAS_OK);
            ck_assert_uint_eq(selaras_segments_count(segs), 4);
            selaras_segments_free(segs);
        }
        selaras_doc_free(doc);
        ck_assert_msg(ta.live == 0, "failing allocation %ld leaks %ld blocks", n, ta.live);
    }
    ck_assert(succeeded);
    ck_assert_int_ge(n, 3); /* the list, its name, its items and its texts */
}
END_TEST

/* The TMX reader on a file (the memory reader has its loop in check_alloc_memory.c). */
START_TEST(tmx_reader_on_a_file_survives_every_allocation_failure)
{
    static const char tmx[] =
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"id\"/><body>"
        "<tu><tuv xml:lang=\"id\"><seg>Satu.</seg></tuv><tuv xml:lang=\"en\"><seg>One.</seg>"
        "</tuv></tu></body></tmx>\n";
    char path[] = "/tmp/selaras-reader-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, tmx, sizeof tmx - 1), (ssize_t)(sizeof tmx - 1));
    close(fd);
    long n;
    int succeeded = 0;
    for (n = 0; n < 1000 && !succeeded; n++) {
        test_alloc ta;
        test_alloc_init(&ta, n);
        selaras_tmx_reader *r = NULL;
        selaras_error err;
        selaras_status st = selaras_tmx_reader_new(&r, path, 0, &ta.suite, &err);
        if (st == SELARAS_OK) {
            const selaras_unit *u;
            st = selaras_tmx_reader_next(r, &u, &err);
            if (st == SELARAS_OK) {
                ck_assert_ptr_nonnull(u);
                ck_assert_str_eq(selaras_unit_text(u, "en", NULL), "One.");
                succeeded = ta.calls <= n;
            } else {
                ck_assert_error(&err, SELARAS_ERR_NOMEM, st, SELARAS_NO_OFFSET, NULL);
            }
            selaras_tmx_reader_free(r);
        } else {
            ck_assert_error(&err, SELARAS_ERR_NOMEM, st, SELARAS_NO_OFFSET, NULL);
            ck_assert_ptr_null(r);
        }
        ck_assert_msg(ta.live == 0, "failing allocation %ld leaks %ld blocks", n, ta.live);
    }
    unlink(path);
    ck_assert(succeeded);
    ck_assert_int_ge(n, 2);
}
END_TEST

/* Naming a list: a failed copy keeps the old name; NULL clears it; no list, no name. */
START_TEST(set_name_failure_keeps_old_name)
{
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_segments *segs;
    ck_assert_int_eq(selaras_segments_new(&segs, "id", &ta.suite, NULL), SELARAS_OK);
    ck_assert_ptr_null(selaras_segments_name(segs));
    ck_assert_int_eq(selaras_segments_set_name(segs, "old.jsonl"), SELARAS_OK);
    ta.fail_at = ta.calls;
    ck_assert_int_eq(selaras_segments_set_name(segs, "new.jsonl"), SELARAS_ERR_NOMEM);
    ck_assert_str_eq(selaras_segments_name(segs), "old.jsonl");
    ta.fail_at = -1;
    ck_assert_int_eq(selaras_segments_set_name(segs, "new.jsonl"), SELARAS_OK);
    ck_assert_str_eq(selaras_segments_name(segs), "new.jsonl");
    ck_assert_int_eq(selaras_segments_set_name(segs, NULL), SELARAS_OK);
    ck_assert_ptr_null(selaras_segments_name(segs));
    ck_assert_int_eq(selaras_segments_set_name(NULL, "x"), SELARAS_ERR_ARGUMENT);
    selaras_segments_free(segs);
    ck_assert_int_eq(ta.live, 0);
}
END_TEST

Suite *alloc_segments_suite(void)
{
    Suite *s = suite_create("alloc-segments");
    TCase *tc = tcase_create("failures");
    tcase_add_test(tc, segments_new_survives_every_allocation_failure);
    tcase_add_test(tc, set_name_failure_keeps_old_name);
    tcase_add_test(tc, append_survives_every_allocation_failure);
    tcase_add_test(tc, from_lines_survives_every_allocation_failure);
    tcase_add_test(tc, tmx_reader_on_a_file_survives_every_allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}
