/* Pairing two collections: translations found, documents without a partner left unpaired
 * on both sides, same-topic releases told apart by numbers, dates and names, empty sides,
 * a collection large enough to show that not every pair is scored, errors and allocation
 * failures. */
#include <stdlib.h>
#include <string.h>

#include "check_selaras.h"

static selaras_segments *text_segs(const char *lang, const char *text, const selaras_allocator *mem)
{
    selaras_doc *doc;
    selaras_segments *segs;
    ck_assert_int_eq(selaras_doc_new(&doc, text, strlen(text), lang, 0, mem, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_from_lines(&segs, doc, NULL), SELARAS_OK);
    selaras_doc_free(doc);
    return segs;
}

/* Two job fairs in different districts, and two flood-pump releases a week apart. */
static const char *const src_docs[] = {
    "Pemerintah Kota Jakarta Barat menggelar bursa kerja di Cengkareng pada Selasa (27/1).\n"
    "Sebanyak 45 perusahaan membuka 1.200 lowongan bagi warga.\n"
    "Wali Kota Uus Kuswanto membuka acara itu.\n",
    "Pemerintah Kota Jakarta Timur menggelar bursa kerja di Cakung pada Kamis (5/2).\n"
    "Sebanyak 38 perusahaan membuka 950 lowongan bagi warga.\n"
    "Wali Kota Muhammad Anwar membuka acara itu.\n",
    "Dinas Sumber Daya Air memasang 12 pompa di Kelapa Gading pada Senin (9/2).\n"
    "Pompa berkapasitas 2,5 meter kubik per detik itu menelan Rp 4,8 miliar.\n",
    "Dinas Sumber Daya Air memasang 7 pompa di Kelapa Gading pada Senin (16/2).\n"
    "Pompa berkapasitas 1,5 meter kubik per detik itu menelan Rp 3,1 miliar.\n",
    "Festival kuliner Betawi digelar di Setu Babakan pada 14 Maret 2026.\n"
    "Panitia menyiapkan 80 stan dan menargetkan 20 ribu pengunjung.\n",
};
static const char *const tgt_docs[] = {
    "The Water Resources Agency installed 7 pumps in Kelapa Gading on Monday (2/16).\n"
    "The pumps, with a capacity of 1.5 cubic metres per second, cost IDR 3.1 billion.\n",
    "The East Jakarta City Government held a job fair in Cakung on Thursday (2/5).\n"
    "A total of 38 companies offered 950 vacancies to residents.\n"
    "Mayor Muhammad Anwar opened the event.\n",
    "The Transportation Agency added 25 Transjakarta buses to route 13 on 3 April 2026.\n"
    "The new buses carry up to 60 passengers each.\n",
    "The West Jakarta City Government held a job fair in Cengkareng on Tuesday (1/27).\n"
    "A total of 45 companies offered 1,200 vacancies to residents.\n"
    "Mayor Uus Kuswanto opened the event.\n",
    "The Water Resources Agency installed 12 pumps in Kelapa Gading on Monday (2/9).\n"
    "The pumps, with a capacity of 2.5 cubic metres per second, cost IDR 4.8 billion.\n",
};
/* source i -> target, or -1 */
static const int gold[] = {3, 1, 4, 0, -1};

static selaras_pairer *pairer_with(const selaras_allocator *mem)
{
    selaras_pairer *p;
    ck_assert_int_eq(selaras_pairer_new(&p, "id", "en", NULL, mem, NULL), SELARAS_OK);
    for (size_t i = 0; i < 5; i++) {
        selaras_segments *s = text_segs("id", src_docs[i], NULL);
        size_t k = 99;
        ck_assert_int_eq(selaras_pairer_add(p, SELARAS_SIDE_SOURCE, s, &k, NULL), SELARAS_OK);
        ck_assert_uint_eq(k, i);
        selaras_segments_free(s);
        s = text_segs("en", tgt_docs[i], NULL);
        ck_assert_int_eq(selaras_pairer_add(p, SELARAS_SIDE_TARGET, s, &k, NULL), SELARAS_OK);
        selaras_segments_free(s);
    }
    return p;
}

static void expect_gold(const selaras_pairer *p)
{
    int tgt_seen[5] = {0};
    for (size_t i = 0; i < 5; i++) {
        double score;
        size_t t = selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, i, &score);
        if (gold[i] < 0) {
            ck_assert_msg(t == SELARAS_UNPAIRED, "source %zu paired with %zu", i, t);
            ck_assert(score < SELARAS_PAIR_MIN_SCORE);
            continue;
        }
        ck_assert_msg(t == (size_t)gold[i], "source %zu: %zu, expected %d", i, t, gold[i]);
        ck_assert(score >= SELARAS_PAIR_MIN_SCORE && score <= 1);
        ck_assert_uint_eq(selaras_pairer_partner(p, SELARAS_SIDE_TARGET, t, NULL), i);
        tgt_seen[t] = 1;
    }
    /* the bus release has no Indonesian version */
    ck_assert(!tgt_seen[2]);
    ck_assert(selaras_pairer_partner(p, SELARAS_SIDE_TARGET, 2, NULL) == SELARAS_UNPAIRED);
}

START_TEST(confounders_and_unpaired)
{
    selaras_pairer *p = pairer_with(NULL);
    ck_assert_uint_eq(selaras_pairer_count(p, SELARAS_SIDE_SOURCE), 5);
    ck_assert_uint_eq(selaras_pairer_count(p, SELARAS_SIDE_TARGET), 5);
    ck_assert(selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, 0, NULL) == SELARAS_UNPAIRED);
    ck_assert_int_eq(selaras_pairer_run(p, NULL), SELARAS_OK);
    expect_gold(p);
    ck_assert(selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, 5, NULL) == SELARAS_UNPAIRED);
    /* a minimum of 1 pairs nothing */
    ck_assert_int_eq(selaras_pairer_set_min_score(p, 1.0, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_pairer_run(p, NULL), SELARAS_OK);
    for (size_t i = 0; i < 5; i++)
        ck_assert(selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, i, NULL) == SELARAS_UNPAIRED);
    selaras_pairer_free(p);
}
END_TEST

START_TEST(empty_sides)
{
    selaras_pairer *p;
    ck_assert_int_eq(selaras_pairer_new(&p, "id", "en", NULL, NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_pairer_run(p, NULL), SELARAS_OK);
    ck_assert_uint_eq(selaras_pairer_comparisons(p), 0);
    selaras_segments *s = text_segs("id", src_docs[0], NULL);
    ck_assert_int_eq(selaras_pairer_add(p, SELARAS_SIDE_SOURCE, s, NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_pairer_run(p, NULL), SELARAS_OK);
    ck_assert(selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, 0, NULL) == SELARAS_UNPAIRED);
    /* an empty document is added and stays unpaired */
    selaras_segments *e;
    ck_assert_int_eq(selaras_segments_new(&e, "en", NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_pairer_add(p, SELARAS_SIDE_TARGET, e, NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_pairer_run(p, NULL), SELARAS_OK);
    ck_assert(selaras_pairer_partner(p, SELARAS_SIDE_TARGET, 0, NULL) == SELARAS_UNPAIRED);
    selaras_segments_free(e);
    selaras_segments_free(s);
    selaras_pairer_free(p);
    selaras_pairer_free(NULL);
}
END_TEST

/* Document k of a synthetic collection: the same template, told apart by its numbers,
 * date and district name. */
static char *synthetic(int k, int en)
{
    char name[8];
    int v = k;
    for (int i = 0; i < 4; i++, v /= 26)
        name[i] = (char)((i == 0 ? 'A' : 'a') + v % 26);
    memcpy(name + 4, "ra", 3);
    char *out = malloc(512);
    ck_assert_ptr_nonnull(out);
    int d = k % 28 + 1, m = k % 12 + 1;
    if (en)
        snprintf(out, 512, "The city distributed %d aid parcels in %s on (%d/%d).\n"
                           "The budget reached IDR %d.5 billion for %d families.\n",
                 1000 + 7 * k, name, m, d, k + 2, 300 + 11 * k);
    else
        snprintf(out, 512, "Pemerintah kota menyalurkan %d paket bantuan di %s pada (%d/%d).\n"
                           "Anggaran mencapai Rp %d,5 miliar untuk %d keluarga.\n",
                 1000 + 7 * k, name, d, m, k + 2, 300 + 11 * k);
    return out;
}

START_TEST(large_collection_not_quadratic)
{
    enum { N = 120 };
    selaras_pairer *p;
    ck_assert_int_eq(selaras_pairer_new(&p, "id", "en", NULL, NULL, NULL), SELARAS_OK);
    for (int k = 0; k < N; k++) {
        /* sources 0..N-1; targets in reverse order; the last 10 of each side unmatched */
        char *t = synthetic(k < N - 10 ? k : 1000 + k, 0);
        selaras_segments *s = text_segs("id", t, NULL);
        ck_assert_int_eq(selaras_pairer_add(p, SELARAS_SIDE_SOURCE, s, NULL, NULL), SELARAS_OK);
        selaras_segments_free(s);
        free(t);
        int j = N - 1 - k;
        t = synthetic(j < N - 10 ? j : 2000 + j, 1);
        s = text_segs("en", t, NULL);
        ck_assert_int_eq(selaras_pairer_add(p, SELARAS_SIDE_TARGET, s, NULL, NULL), SELARAS_OK);
        selaras_segments_free(s);
        free(t);
    }
    ck_assert_int_eq(selaras_pairer_run(p, NULL), SELARAS_OK);
    for (int k = 0; k < N; k++) {
        size_t t = selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, (size_t)k, NULL);
        if (k < N - 10)
            ck_assert_msg(t == (size_t)(N - 1 - k), "source %d: %zu", k, t);
        else
            ck_assert_msg(t == SELARAS_UNPAIRED, "source %d: %zu", k, t);
    }
    ck_assert_uint_le(selaras_pairer_comparisons(p), (size_t)N * 8);
    ck_assert_uint_lt(selaras_pairer_comparisons(p), (size_t)N * N / 10);
    selaras_pairer_free(p);
}
END_TEST

START_TEST(pairer_errors)
{
    selaras_pairer *p;
    selaras_error err;
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_pairer_new(NULL, "id", "en", NULL, NULL, &err),
                    SELARAS_NO_OFFSET, "NULL");
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, selaras_pairer_new(&p, "id", "e!", NULL, NULL, &err),
                    SELARAS_NO_OFFSET, NULL);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(selaras_pairer_new(&p, "id-ID", "en", NULL, NULL, &err), SELARAS_OK);
    selaras_segments *s = text_segs("en", tgt_docs[0], NULL);
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, selaras_pairer_add(p, SELARAS_SIDE_SOURCE, s, NULL, &err),
                    SELARAS_NO_OFFSET, "source document in \"en\"");
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_pairer_add(p, (selaras_side)7, s, NULL, &err),
                    SELARAS_NO_OFFSET, "side");
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_pairer_add(p, SELARAS_SIDE_TARGET, NULL, NULL, &err),
                    SELARAS_NO_OFFSET, "segment list");
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_pairer_add(NULL, SELARAS_SIDE_TARGET, s, NULL, &err),
                    SELARAS_NO_OFFSET, "NULL pairer");
    ck_assert_uint_eq(selaras_pairer_count(p, SELARAS_SIDE_SOURCE), 0);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_pairer_set_min_score(p, 1.5, &err),
                    SELARAS_NO_OFFSET, "[0, 1]");
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_pairer_set_min_score(NULL, 0.5, &err),
                    SELARAS_NO_OFFSET, "NULL");
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_pairer_run(NULL, &err), SELARAS_NO_OFFSET,
                    "NULL");
    selaras_segments_free(s);
    selaras_pairer_free(p);
}
END_TEST

START_TEST(pairer_allocation_failures)
{
    int succeeded = 0;
    for (long fail = 0; !succeeded && fail < 100000; fail++) {
        test_alloc ta;
        test_alloc_init(&ta, fail);
        selaras_pairer *p = NULL;
        selaras_error err;
        selaras_status st = selaras_pairer_new(&p, "id", "en", NULL, &ta.suite, &err);
        if (st == SELARAS_OK)
            st = selaras_pairer_set_min_score(p, 0.5, &err);
        size_t added[2] = {0, 0};
        for (size_t i = 0; st == SELARAS_OK && i < 5; i++) {
            selaras_segments *s = text_segs("id", src_docs[i], NULL);
            st = selaras_pairer_add(p, SELARAS_SIDE_SOURCE, s, NULL, &err);
            added[0] += st == SELARAS_OK;
            selaras_segments_free(s);
            if (st != SELARAS_OK)
                break;
            s = text_segs("en", tgt_docs[i], NULL);
            st = selaras_pairer_add(p, SELARAS_SIDE_TARGET, s, NULL, &err);
            added[1] += st == SELARAS_OK;
            selaras_segments_free(s);
        }
        if (p != NULL) {
            /* a failed add adds nothing */
            ck_assert_uint_eq(selaras_pairer_count(p, SELARAS_SIDE_SOURCE), added[0]);
            ck_assert_uint_eq(selaras_pairer_count(p, SELARAS_SIDE_TARGET), added[1]);
        }
        if (st == SELARAS_OK) {
            st = selaras_pairer_run(p, &err);
            if (st == SELARAS_OK) {
                expect_gold(p);
                ck_assert_uint_gt(selaras_pairer_comparisons(p), 0);
                succeeded = 1;
            } else {
                /* the result before the run is kept: nothing paired */
                ck_assert(selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, 0, NULL) ==
                          SELARAS_UNPAIRED);
            }
        }
        if (!succeeded)
            ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
        selaras_pairer_free(p);
        ck_assert_int_eq(ta.live, 0);
    }
    ck_assert(succeeded);
}
END_TEST

Suite *pair_suite(void)
{
    Suite *s = suite_create("pair");
    TCase *tc = tcase_create("pairer");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, confounders_and_unpaired);
    tcase_add_test(tc, empty_sides);
    tcase_add_test(tc, large_collection_not_quadratic);
    tcase_add_test(tc, pairer_errors);
    tcase_add_test(tc, pairer_allocation_failures);
    suite_add_tcase(s, tc);
    return s;
}
