/* Allocation failure over the HTML and encoding intake: each allocation fails in turn. */
#include <string.h>

#include "check_selaras.h"

static const char page[] =
    "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>Kafe - Kabar</title></head>"
    "<body><nav><a href=/>Beranda</a></nav><article><h1>Kafe Dibuka</h1>"
    "<div class=\"author\">Penulis: Rina</div><div class=\"body\"><p>Caf\xE9 di pusat kota itu "
    "dibuka kembali &amp; para pelanggan datang sejak pagi hari, kata pelayan.</p>"
    "<p>Pemiliknya mengatakan, kafe itu akan buka setiap hari mulai bulan depan.</p>"
    "<figure><figcaption>Pelanggan antre, Senin (3/2).</figcaption></figure></div></article>"
    "<footer>Kontak</footer></body></html>";

static const char utf16[] = "\xFF\xFE" "S\0a\0t\0u\0.\0\n\0";

START_TEST(html_and_encoded_intake_survive_every_allocation_failure)
{
    struct {
        const char *bytes;
        size_t len;
        const char *encoding;
        unsigned flags;
    } cases[] = {
        {page, sizeof page - 1, NULL, SELARAS_DOC_HTML},
        {page, sizeof page - 1, "windows-1252", SELARAS_DOC_DETECT_HTML},
        {utf16, sizeof utf16 - 1, NULL, 0},
        {"abc\x81", 4, "US-ASCII", SELARAS_DOC_REPLACE_INVALID},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        long n;
        int succeeded = 0;
        for (n = 0; n < 5000 && !succeeded; n++) {
            test_alloc ta;
            test_alloc_init(&ta, n);
            selaras_doc *doc = NULL;
            selaras_error err;
            selaras_status st = selaras_doc_new_encoded(&doc, cases[c].bytes, cases[c].len, "id",
                                                        cases[c].encoding, cases[c].flags,
                                                        &ta.suite, &err);
            if (st == SELARAS_OK) {
                succeeded = 1;
                ta.fail_at = ta.calls; /* the readers below must not allocate */
                size_t blocks = selaras_doc_block_count(doc), a, b;
                if (c < 2) {
                    ck_assert_uint_ge(blocks, 4);
                    ck_assert_int_eq(selaras_doc_block(doc, 0, &a, &b), SELARAS_BLOCK_TITLE);
                    ck_assert_str_eq(selaras_block_kind_name(selaras_doc_block(doc, 1, NULL, NULL)),
                                     "boilerplate");
                    ck_assert_int_eq(selaras_looks_like_html(cases[c].bytes, cases[c].len), 1);
                } else {
                    ck_assert_uint_eq(blocks, 0);
                }
                selaras_doc_free(doc);
            } else {
                ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
                ck_assert_int_eq(err.status, SELARAS_ERR_NOMEM);
                ck_assert_ptr_null(doc);
            }
            ck_assert_msg(ta.live == 0, "case %zu: failing allocation %ld leaks %ld blocks", c, n,
                          ta.live);
        }
        ck_assert_msg(succeeded, "case %zu never succeeded", c);
        ck_assert_int_gt(n, 3);
    }
    /* the guess allocates nothing of ours */
    test_alloc ta;
    test_alloc_init(&ta, 0);
    char name[32];
    ck_assert_uint_gt(selaras_encoding_guess(page, sizeof page - 1, name, sizeof name), 0);
    ck_assert_int_eq(ta.calls, 0);
}
END_TEST

START_TEST(segmenting_an_html_document_survives_every_allocation_failure)
{
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new_encoded(&doc, page, sizeof page - 1, "id", NULL, SELARAS_DOC_HTML,
                                             NULL, NULL),
                     SELARAS_OK);
    int succeeded = 0;
    for (long n = 0; n < 1000 && !succeeded; n++) {
        test_alloc ta;
        test_alloc_init(&ta, n);
        selaras_segmenter *seg = NULL;
        selaras_segments *segs = NULL;
        selaras_status st = selaras_segmenter_new(&seg, "id", &ta.suite, NULL);
        if (st == SELARAS_OK)
            st = selaras_segment(seg, doc, &segs, NULL);
        if (st == SELARAS_OK) {
            succeeded = 1;
            ck_assert_int_eq(selaras_segments_kind(segs, 0), SELARAS_SEGMENT_TITLE);
        } else {
            ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
        }
        selaras_segments_free(segs);
        selaras_segmenter_free(seg);
        ck_assert_int_eq(ta.live, 0);
    }
    ck_assert(succeeded);
    selaras_doc_free(doc);
}
END_TEST

START_TEST(batch_set_input_allocates_nothing_and_checks_its_arguments)
{
    int succeeded = 0;
    for (long n = 0; n < 1000 && !succeeded; n++) {
        test_alloc ta;
        test_alloc_init(&ta, n);
        selaras_model *md = NULL;
        selaras_batch *b = NULL;
        selaras_status st = selaras_model_new(&md, "id", "en", NULL, &ta.suite, NULL);
        if (st == SELARAS_OK)
            st = selaras_batch_new(&b, md, &ta.suite, NULL);
        if (st == SELARAS_OK) {
            succeeded = 1;
            long before = ta.calls;
            ta.fail_at = before;
            ck_assert_int_eq(selaras_batch_set_input(b, SELARAS_DOC_DETECT_HTML, "windows-1252"),
                             SELARAS_OK);
            ck_assert_int_eq(selaras_batch_set_input(b, 1u << 9, NULL), SELARAS_ERR_ARGUMENT);
            ck_assert_int_eq(selaras_batch_set_input(NULL, 0, NULL), SELARAS_ERR_ARGUMENT);
            ck_assert_int_eq(ta.calls, before);
        } else {
            ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
        }
        selaras_batch_free(b);
        selaras_model_free(md);
        ck_assert_int_eq(ta.live, 0);
    }
    ck_assert(succeeded);
}
END_TEST

Suite *alloc_html_suite(void)
{
    Suite *s = suite_create("alloc-html");
    TCase *tc = tcase_create("failures");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, html_and_encoded_intake_survive_every_allocation_failure);
    tcase_add_test(tc, segmenting_an_html_document_survives_every_allocation_failure);
    tcase_add_test(tc, batch_set_input_allocates_nothing_and_checks_its_arguments);
    suite_add_tcase(s, tc);
    return s;
}
