/* The lexicon stage's private tokenizer and stemmer (lib/lexicon/lexicon.h). */
#include <string.h>

#include "check_selaras.h"
#include "lexicon/lexicon.h"

typedef struct expect_tok {
    size_t start, end;
    sl_token_class cls;
    unsigned flags;
    const char *fold;
} expect_tok;

static void check_tokens(const char *text, const expect_tok *want, size_t n)
{
    selaras_allocator mem;
    ck_assert_int_eq(sl_mem_init(&mem, NULL, NULL), SELARAS_OK);
    sl_tokens toks;
    sl_tokens_init(&toks, &mem);
    selaras_error err;
    ck_assert_int_eq(sl_tokenize(&toks, text, strlen(text), &err), SELARAS_OK);
    ck_assert_uint_eq(toks.n, n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(toks.tok[i].start, want[i].start);
        ck_assert_uint_eq(toks.tok[i].end, want[i].end);
        ck_assert_int_eq(toks.tok[i].cls, want[i].cls);
        ck_assert_uint_eq(toks.tok[i].flags, want[i].flags);
        size_t len;
        const char *f = sl_token_folded(&toks, i, &len);
        ck_assert_str_eq(f, want[i].fold);
        ck_assert_uint_eq(len, strlen(want[i].fold));
    }
    sl_tokens_release(&toks);
}

#define W SL_TOKEN_WORD
#define N SL_TOKEN_NUMBER
#define O SL_TOKEN_OTHER
#define G SL_TOKEN_GLUED
#define C SL_TOKEN_CAPITAL
#define U SL_TOKEN_ALL_UPPER
#define H SL_TOKEN_HYPHEN

START_TEST(words_numbers_punctuation)
{
    static const expect_tok want[] = {
        {0, 8, W, C, "presiden"},
        {9, 16, W, 0, "membuka"},
        {17, 26, W, H, "anak-anak"},
        {27, 28, O, 0, "("},
        {28, 32, N, G, "27/1"},
        {32, 33, O, G, ")"},
        {34, 36, W, C, "rp"},
        {36, 41, N, G, "5.000"},
        {42, 45, N, 0, "50%"},
        {46, 51, W, 0, "don't"},
        {51, 52, O, G, "."},
    };
    check_tokens("Presiden membuka anak-anak (27/1) Rp5.000 50% don't.", want,
                 sizeof want / sizeof want[0]);
}
END_TEST

START_TEST(number_separators_need_digits_after)
{
    /* "2019-2020" is two numbers and a dash; a final "." or "," is punctuation. */
    static const expect_tok want[] = {
        {0, 4, N, 0, "2019"},
        {4, 5, O, G, "-"},
        {5, 9, N, G, "2020"},
        {10, 16, N, 0, "23.000"},
        {16, 17, O, G, ","},
        {18, 23, N, 0, "10:30"},
        {23, 24, O, G, "."},
    };
    check_tokens("2019-2020 23.000, 10:30.", want, sizeof want / sizeof want[0]);
}
END_TEST

START_TEST(case_folding_and_flags)
{
    /* Full case folding (ß -> ss), curly apostrophe -> ', acronyms, accents kept. */
    static const expect_tok want2[] = {
        {0, 3, W, C | U, "who"},
        {4, 11, W, C, "strasse"},
        {12, 20, W, C, "jum'at"},
        {21, 27, W, C, "\xC3\xA9" "cole"},
        {28, 31, W, C | U, "bps"},
        {32, 37, W, C | U | H, "e-ktp"},
    };
    check_tokens("WHO Stra\xC3\x9F" "e Jum\xE2\x80\x99" "at \xC3\x89" "cole BPS E-KTP", want2,
                 sizeof want2 / sizeof want2[0]);
}
END_TEST

START_TEST(white_space_and_edges)
{
    static const expect_tok want[] = {
        {3, 5, W, 0, "di"},
        {8, 12, W, 0, "sini"},
        {12, 13, O, G, "-"},
        {14, 15, O, 0, "'"},
        {15, 18, W, G, "abc"},
    };
    /* Tab, no-break space (U+00A0), a hyphen at a word's end, a leading apostrophe. */
    check_tokens(" \t di\xC2\xA0 sini- 'abc", want, sizeof want / sizeof want[0]);
    check_tokens("", NULL, 0);
    check_tokens(" \n\t ", NULL, 0);
}
END_TEST

START_TEST(tokenize_rejects_bad_utf8_and_reuses)
{
    sl_tokens toks;
    selaras_allocator mem;
    ck_assert_int_eq(sl_mem_init(&mem, NULL, NULL), SELARAS_OK);
    sl_tokens_init(&toks, &mem);
    selaras_error err;
    ck_assert_int_eq(sl_tokenize(&toks, "satu dua", 8, &err), SELARAS_OK);
    ck_assert_uint_eq(toks.n, 2);
    selaras_status st = sl_tokenize(&toks, "ok\n\xC0\xAF", 5, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 3, "invalid UTF-8");
    ck_assert_uint_eq(err.line, 2);
    ck_assert_uint_eq(err.column, 1);
    ck_assert_uint_eq(toks.n, 0);
    ck_assert_int_eq(sl_tokenize(&toks, "tiga", 4, &err), SELARAS_OK);
    ck_assert_uint_eq(toks.n, 1);
    ck_assert_str_eq(sl_token_folded(&toks, 0, NULL), "tiga");
    sl_tokens_release(&toks);
}
END_TEST

START_TEST(tokenize_allocation_failures)
{
    static const char text[] = "Menteri Keuangan (27/1) menyiapkan Rp5.000 untuk 50% warga.";
    int ok = 0;
    for (long fail = 0; fail < 100 && !ok; fail++) {
        test_alloc ta;
        test_alloc_init(&ta, fail);
        sl_tokens toks;
        sl_tokens_init(&toks, &ta.suite);
        selaras_error err;
        selaras_status st = sl_tokenize(&toks, text, sizeof text - 1, &err);
        if (st == SELARAS_OK) {
            ok = 1;
            ck_assert_uint_eq(toks.n, 12);
        } else {
            ck_assert_error(&err, SELARAS_ERR_NOMEM, st, SELARAS_NO_OFFSET, "memory");
            ck_assert_uint_eq(toks.n, 0);
        }
        sl_tokens_release(&toks);
        ck_assert_int_eq(ta.live, 0);
    }
    ck_assert(ok);
}
END_TEST

static void check_stems(const char *lang, const char *const *pairs)
{
    sl_stemmer *st;
    ck_assert_int_eq(sl_stemmer_new(&st, NULL, lang, NULL), SELARAS_OK);
    for (size_t i = 0; pairs[i]; i += 2) {
        const char *out;
        size_t len;
        ck_assert_int_eq(sl_stem(st, pairs[i], strlen(pairs[i]), &out, &len), SELARAS_OK);
        ck_assert_msg(len == strlen(pairs[i + 1]) && memcmp(out, pairs[i + 1], len) == 0,
                      "%s: %s -> %.*s, want %s", lang, pairs[i], (int)len, out, pairs[i + 1]);
    }
    sl_stemmer_free(st);
}

START_TEST(stems_indonesian)
{
    static const char *const pairs[] = {
        "pelatihan", "latih", "menyiapkan", "siap", "pemerintah", "perintah",
        "kebijakan", "bijak", "diselenggarakan", "selenggara", "rumah", "rumah",
        "anak-anak", "anak-anak", NULL};
    check_stems("id", pairs);
    check_stems("ms", pairs);
}
END_TEST

START_TEST(stems_english_german_french)
{
    static const char *const en[] = {"trained", "train", "training", "train", "ministries",
                                     "ministri", "hospitals", "hospit", NULL};
    static const char *const de[] = {"häuser", "haus", "regierungen", "regier", NULL};
    static const char *const fr[] = {"gouvernements", "gouvern", "maisons", "maison", NULL};
    check_stems("en", en);
    check_stems("de", de);
    check_stems("fr", fr);
}
END_TEST

START_TEST(stemmer_pass_through_and_names)
{
    sl_stemmer *st;
    ck_assert_int_eq(sl_stemmer_new(&st, NULL, "jv", NULL), SELARAS_OK);
    ck_assert_int_eq(sl_stemmer_active(st), 0);
    ck_assert_ptr_null(sl_stemmer_algorithm(st));
    const char *out;
    size_t len;
    ck_assert_int_eq(sl_stem(st, "makaryo", 7, &out, &len), SELARAS_OK);
    ck_assert_uint_eq(len, 7);
    ck_assert_int_eq(memcmp(out, "makaryo", 7), 0);
    sl_stemmer_free(st);
    sl_stemmer_free(NULL);
    ck_assert_int_eq(sl_stemmer_new(&st, NULL, "ID", NULL), SELARAS_OK);
    ck_assert_int_eq(sl_stemmer_active(st), 1);
    ck_assert_str_eq(sl_stemmer_algorithm(st), "indonesian");
    ck_assert_int_eq(sl_stem(st, "", 0, &out, &len), SELARAS_OK);
    ck_assert_uint_eq(len, 0);
    sl_stemmer_free(st);
    selaras_error err;
    selaras_status s = sl_stemmer_new(NULL, NULL, "id", &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, s, SELARAS_NO_OFFSET, "NULL");
}
END_TEST

START_TEST(stemmer_allocation_failures)
{
    /* Allocation 0 is the stemmer; 1-3 its cache, made on first use: without it words are
     * stemmed all the same, uncached. */
    for (long fail = 0; fail < 6; fail++) {
        test_alloc ta;
        test_alloc_init(&ta, fail);
        sl_stemmer *st;
        selaras_error err;
        selaras_status s = sl_stemmer_new(&st, &ta.suite, "id", &err);
        if (fail == 0) {
            ck_assert_error(&err, SELARAS_ERR_NOMEM, s, SELARAS_NO_OFFSET, "memory");
            ck_assert_ptr_null(st);
        } else {
            ck_assert_int_eq(s, SELARAS_OK);
            for (int rep = 0; rep < 2; rep++) {
                const char *out;
                size_t len;
                ck_assert_int_eq(sl_stem(st, "pelatihan", 9, &out, &len), SELARAS_OK);
                ck_assert_uint_eq(len, 5);
                ck_assert_int_eq(memcmp(out, "latih", 5), 0);
            }
            sl_stemmer_free(st);
        }
        ck_assert_int_eq(ta.live, 0);
    }
}
END_TEST

START_TEST(stem_cache_gives_the_same_stems)
{
    /* More distinct words than the cache holds: each stem, computed, from the cache and
     * after the cache was emptied, is the same. Words: "pe" + letters + "an". (Plain
     * comparisons in the loop: Check's assertions are slow by the ten thousand.) */
    enum { NWORDS = 40000 };
    static char words[NWORDS][16], stems[NWORDS][16];
    sl_stemmer *st;
    ck_assert_int_eq(sl_stemmer_new(&st, NULL, "id", NULL), SELARAS_OK);
    long bad = 0;
    for (int pass = 0; pass < 3; pass++) {
        for (int i = 0; i < NWORDS; i++) {
            if (pass == 0) {
                int v = i, n = 2;
                memcpy(words[i], "pe", 2);
                do {
                    words[i][n++] = (char)('a' + v % 26);
                    v /= 26;
                } while (v > 0);
                memcpy(words[i] + n, "an", 3);
            }
            const char *out;
            size_t len;
            bad += sl_stem(st, words[i], strlen(words[i]), &out, &len) != SELARAS_OK;
            if (pass == 0) {
                bad += len >= 16;
                memcpy(stems[i], out, len < 16 ? len : 15);
                stems[i][len < 16 ? len : 15] = '\0';
                /* At once again: now from the cache. */
                bad += sl_stem(st, words[i], strlen(words[i]), &out, &len) != SELARAS_OK;
            }
            bad += len != strlen(stems[i]) || memcmp(out, stems[i], len) != 0;
        }
    }
    ck_assert_int_eq(bad, 0);
    ck_assert_str_eq(stems[0], "aan");    /* "peaan": the prefix pe- goes */
    ck_assert_str_eq(stems[27], "pebban"); /* too few syllables to strip */
    sl_stemmer_free(st);
}
END_TEST

Suite *tokenize_suite(void)
{
    Suite *s = suite_create("tokenize");
    TCase *tc = tcase_create("tokenizer");
    tcase_add_test(tc, words_numbers_punctuation);
    tcase_add_test(tc, number_separators_need_digits_after);
    tcase_add_test(tc, case_folding_and_flags);
    tcase_add_test(tc, white_space_and_edges);
    tcase_add_test(tc, tokenize_rejects_bad_utf8_and_reuses);
    tcase_add_test(tc, tokenize_allocation_failures);
    suite_add_tcase(s, tc);
    tc = tcase_create("stemmer");
    tcase_add_test(tc, stems_indonesian);
    tcase_add_test(tc, stems_english_german_french);
    tcase_add_test(tc, stemmer_pass_through_and_names);
    tcase_add_test(tc, stemmer_allocation_failures);
    tcase_add_test(tc, stem_cache_gives_the_same_stems);
    suite_add_tcase(s, tc);
    return s;
}
