/* Lexicons: the public API (new, add, load in every format) and the private lookups. */
#include <string.h>

#include "check_selaras.h"
#include "lexicon/lexicon.h"

static uint32_t src_id(const selaras_lexicon *lex, const char *key)
{
    return sl_lexicon_src_id(lex, key, strlen(key));
}

static uint32_t tgt_id(const selaras_lexicon *lex, const char *key)
{
    return sl_lexicon_tgt_id(lex, key, strlen(key));
}

/* Whether the lexicon pairs the source key with the target key. */
static int has(const selaras_lexicon *lex, const char *src, const char *tgt)
{
    uint32_t s = src_id(lex, src), t = tgt_id(lex, tgt);
    return s != SL_LEXICON_NONE && t != SL_LEXICON_NONE && sl_lexicon_has_pair(lex, s, t);
}

static selaras_status add(selaras_lexicon *lex, const char *src, const char *tgt,
                          selaras_error *err)
{
    return selaras_lexicon_add(lex, src, strlen(src), tgt, strlen(tgt), err);
}

START_TEST(add_stems_and_interns)
{
    selaras_lexicon *lex;
    selaras_error err;
    ck_assert_int_eq(selaras_lexicon_new(&lex, "id-ID", "en_US", NULL, &err), SELARAS_OK);
    ck_assert_str_eq(sl_lexicon_src_lang(lex), "id");
    ck_assert_str_eq(sl_lexicon_tgt_lang(lex), "en");
    ck_assert_uint_eq(selaras_lexicon_size(lex), 0);
    ck_assert_uint_eq(sl_lexicon_src_max_words(lex), 0);
    ck_assert_uint_eq(src_id(lex, "latih"), SL_LEXICON_NONE);

    ck_assert_int_eq(add(lex, "Pelatihan", "training", &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "latihan", "Trained", &err), SELARAS_OK);   /* same stems */
    ck_assert_int_eq(add(lex, "melatih", "to train", &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "rumah sakit", "hospitals", &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "rumah", "house", &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "rumah", "home", &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "  ", "nothing", &err), SELARAS_OK);       /* no words: skipped */
    ck_assert_int_eq(add(lex, "tahun 2020", "year 2020", &err), SELARAS_OK);

    ck_assert_uint_eq(selaras_lexicon_size(lex), 6);
    ck_assert_uint_eq(sl_lexicon_src_count(lex), 4);  /* latih, rumah sakit, rumah, tahun 2020 */
    ck_assert_uint_eq(sl_lexicon_tgt_count(lex), 6);  /* train, to train, hospit, hous, home, year 2020 */
    ck_assert(has(lex, "latih", "train"));
    ck_assert(has(lex, "latih", "to train"));
    ck_assert(has(lex, "rumah sakit", "hospit"));
    ck_assert(has(lex, "tahun 2020", "year 2020"));
    ck_assert(!has(lex, "rumah", "hospit"));
    ck_assert_uint_eq(sl_lexicon_src_max_words(lex), 2);
    ck_assert_uint_eq(sl_lexicon_tgt_max_words(lex), 2);

    uint32_t rumah = src_id(lex, "rumah");
    const uint32_t *ids;
    size_t n;
    sl_lexicon_translations(lex, rumah, &ids, &n);
    ck_assert_uint_eq(n, 2);
    size_t klen;
    ck_assert_str_eq(sl_lexicon_tgt_key(lex, ids[0], &klen), "hous");
    ck_assert_uint_eq(klen, 4);
    ck_assert_str_eq(sl_lexicon_tgt_key(lex, ids[1], NULL), "home");
    sl_lexicon_sources(lex, tgt_id(lex, "train"), &ids, &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(sl_lexicon_src_key(lex, ids[0], NULL), "latih");
    sl_lexicon_translations(lex, 999, &ids, &n);
    ck_assert_uint_eq(n, 0);
    sl_lexicon_sources(lex, SL_LEXICON_NONE, &ids, &n);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(sl_lexicon_src_key(lex, 999, NULL));
    ck_assert_ptr_null(sl_lexicon_tgt_key(lex, 999, NULL));
    ck_assert_int_eq(sl_lexicon_has_pair(lex, 999, 0), 0);
    selaras_lexicon_free(lex);
    selaras_lexicon_free(NULL);
}
END_TEST

/* A word of letters only: prefix then i written in base 26 (a..z). */
static void letters(char *out, const char *prefix, int i)
{
    size_t n = strlen(prefix);
    memcpy(out, prefix, n);
    do {
        out[n++] = (char)('a' + i % 26);
        i /= 26;
    } while (i > 0);
    out[n] = '\0';
}

START_TEST(many_keys_survive_rehash)
{
    selaras_lexicon *lex;
    ck_assert_int_eq(selaras_lexicon_new(&lex, "xx", "yy", NULL, NULL), SELARAS_OK);
    char s[8], t[8];
    for (int i = 0; i < 3000; i++) {
        letters(s, "k", i);
        letters(t, "v", i / 2);
        ck_assert_int_eq(add(lex, s, t, NULL), SELARAS_OK);
    }
    ck_assert_uint_eq(selaras_lexicon_size(lex), 3000);
    ck_assert_uint_eq(sl_lexicon_src_count(lex), 3000);
    ck_assert_uint_eq(sl_lexicon_tgt_count(lex), 1500);
    for (int i = 0; i < 3000; i++) {
        letters(s, "k", i);
        letters(t, "v", i / 2);
        ck_assert_uint_eq(src_id(lex, s), (uint32_t)i);
        ck_assert(has(lex, s, t));
    }
    selaras_lexicon_free(lex);
}
END_TEST

START_TEST(add_rejects_bad_input)
{
    selaras_lexicon *lex;
    selaras_error err;
    selaras_status st = selaras_lexicon_new(&lex, "id", "e", NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, st, SELARAS_NO_OFFSET, "");
    ck_assert_ptr_null(lex);
    st = selaras_lexicon_new(&lex, NULL, "en", NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    st = selaras_lexicon_new(NULL, "id", "en", NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    selaras_allocator half = {NULL, NULL, NULL, NULL};
    st = selaras_lexicon_new(&lex, "id", "en", &half, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "allocator");

    ck_assert_int_eq(selaras_lexicon_new(&lex, "id", "en", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "rumah", "house", &err), SELARAS_OK);
    st = add(lex, "ru\xFFmah", "house", &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 2, "UTF-8");
    st = add(lex, "rumah", "ho\xE2\x82", &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 2, "UTF-8");
    st = add(lex, "satu dua tiga empat lima enam tujuh delapan sembilan", "nine", &err);
    ck_assert_error(&err, SELARAS_ERR_LIMIT, st, SELARAS_NO_OFFSET, "more than 8 words");
    st = selaras_lexicon_add(lex, NULL, 3, "x", 1, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    st = selaras_lexicon_add(NULL, "x", 1, "x", 1, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    ck_assert_uint_eq(selaras_lexicon_size(lex), 1);
    ck_assert_uint_eq(sl_lexicon_src_count(lex), 1);
    ck_assert_uint_eq(sl_lexicon_tgt_count(lex), 1);
    ck_assert_uint_eq(selaras_lexicon_size(NULL), 0);
    selaras_lexicon_free(lex);
}
END_TEST

START_TEST(new_and_add_allocation_failures)
{
    int done = 0;
    for (long fail = 0; fail < 1000 && !done; fail++) {
        test_alloc ta;
        test_alloc_init(&ta, fail);
        selaras_lexicon *lex = NULL;
        selaras_error err;
        selaras_status st = selaras_lexicon_new(&lex, "id", "en", &ta.suite, &err);
        if (st != SELARAS_OK) {
            ck_assert_error(&err, SELARAS_ERR_NOMEM, st, SELARAS_NO_OFFSET, "memory");
            ck_assert_ptr_null(lex);
            ck_assert_int_eq(ta.live, 0);
            continue;
        }
        static const char *const pairs[][2] = {
            {"pelatihan", "training"}, {"rumah sakit", "hospital"}, {"rumah", "house"},
            {"rumah", "home"},         {"latihan", "training"},     {"tahun", "year"}};
        size_t added = 0;
        for (size_t i = 0; i < 6; i++) {
            size_t before = selaras_lexicon_size(lex);
            st = add(lex, pairs[i][0], pairs[i][1], &err);
            if (st != SELARAS_OK) {
                ck_assert_error(&err, SELARAS_ERR_NOMEM, st, SELARAS_NO_OFFSET, "memory");
                ck_assert_uint_eq(selaras_lexicon_size(lex), before);
            } else {
                added++;
            }
        }
        if (added == 6) {
            done = 1;
            ck_assert_uint_eq(selaras_lexicon_size(lex), 5);
            ck_assert(has(lex, "rumah sakit", "hospit"));
        }
        /* The lexicon stays usable after failures: a last add with the allocator intact. */
        ta.fail_at = -1;
        ck_assert_int_eq(add(lex, "kota", "city", &err), SELARAS_OK);
        ck_assert(has(lex, "kota", "citi"));
        selaras_lexicon_free(lex);
        ck_assert_int_eq(ta.live, 0);
    }
    ck_assert(done);
}
END_TEST

Suite *lexicon_suite(void)
{
    Suite *s = suite_create("lexicon");
    TCase *tc = tcase_create("add");
    tcase_add_test(tc, add_stems_and_interns);
    tcase_add_test(tc, many_keys_survive_rehash);
    tcase_add_test(tc, add_rejects_bad_input);
    tcase_add_test(tc, new_and_add_allocation_failures);
    suite_add_tcase(s, tc);
    return s;
}
