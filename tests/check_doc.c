/* Text intake: UTF-8 validation, BOM, line ends, NFC and the offset map. */
#include <string.h>

#include "check_selaras.h"

static selaras_doc *make(const char *bytes, size_t len, unsigned flags)
{
    selaras_doc *doc = NULL;
    selaras_error err;
    selaras_status st = selaras_doc_new(&doc, bytes, len, "id", flags, NULL, &err);
    ck_assert_msg(st == SELARAS_OK, "selaras_doc_new: %s", err.message);
    return doc;
}

#define MAKE(lit, flags) make((lit), sizeof(lit) - 1, (flags))

static void assert_text(const selaras_doc *doc, const char *expect, size_t expect_len)
{
    size_t len;
    const char *text = selaras_doc_text(doc, &len);
    ck_assert_uint_eq(len, expect_len);
    ck_assert_msg(memcmp(text, expect, len) == 0, "text differs: \"%s\"", text);
    ck_assert_int_eq(text[len], '\0');
}

#define ASSERT_TEXT(doc, lit) assert_text((doc), (lit), sizeof(lit) - 1)

/* Every class of ill-formed UTF-8, with the offset of the first bad byte. */
static const struct {
    const char *bytes;
    size_t len;
    size_t offset;
    const char *problem;
} bad_utf8[] = {
    {"abc\x80", 4, 3, "stray continuation byte"},
    {"ab\xBF\x80", 4, 2, "stray continuation byte"},
    {"\xC0\xAF", 2, 0, "overlong encoding"},
    {"x\xC1\xBF", 3, 1, "overlong encoding"},
    {"xy\xE0\x80\xAF", 5, 2, "overlong encoding"},
    {"\xE0\x9F\xBF", 3, 0, "overlong encoding"},
    {"\xF0\x80\x80\xAF", 4, 0, "overlong encoding"},
    {"\xF0\x8F\xBF\xBF", 4, 0, "overlong encoding"},
    {"ok \xED\xA0\x80", 6, 3, "encoded surrogate"},
    {"\xED\xBF\xBF", 3, 0, "encoded surrogate"},
    {"\xF4\x90\x80\x80", 4, 0, "code point above U+10FFFF"},
    {"a\xF5\x80\x80\x80", 5, 1, "code point above U+10FFFF"},
    {"\xF7\xBF\xBF\xBF", 4, 0, "code point above U+10FFFF"},
    {"\xF8\x88\x80\x80\x80", 5, 0, "invalid byte"},
    {"\xFE", 1, 0, "invalid byte"},
    {"\xFF", 1, 0, "invalid byte"},
    {"abc\xC3", 4, 3, "truncated sequence"},
    {"\xC3 b", 3, 0, "truncated sequence"},
    {"\xE2\x82", 2, 0, "truncated sequence"},
    {"x\xE2\x82x", 4, 1, "truncated sequence"},
    {"\xF0\x9F\x98", 3, 0, "truncated sequence"},
    {"\xF0\x9F\x98 ", 4, 0, "truncated sequence"},
    {"Jakarta\0Bogor", 13, 7, "NUL byte"},
};

START_TEST(invalid_utf8_reports_first_bad_byte)
{
    selaras_doc *doc = (selaras_doc *)&doc;
    selaras_error err;
    selaras_status st = selaras_doc_new(&doc, bad_utf8[_i].bytes, bad_utf8[_i].len, "id", 0,
                                        NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, bad_utf8[_i].offset, bad_utf8[_i].problem);
    ck_assert_ptr_null(doc);
    char expect[128];
    snprintf(expect, sizeof expect, "at byte %zu", bad_utf8[_i].offset);
    ck_assert_msg(strstr(err.message, expect) != NULL, "%s", err.message);
}
END_TEST

START_TEST(valid_boundaries_are_accepted)
{
    /* The extremes of each well-formed range in Unicode table 3-7. */
    static const char ok[] = "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEC\xBF\xBF\xED\x9F\xBF"
                             "\xEE\x80\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF3\xBF\xBF\xBF"
                             "\xF4\x8F\xBF\xBF";
    selaras_doc *doc = MAKE(ok, 0);
    size_t len;
    selaras_doc_text(doc, &len);
    ck_assert_uint_eq(len, sizeof ok - 1);
    selaras_doc_free(doc);
}
END_TEST

START_TEST(replacement_uses_maximal_subparts)
{
    /* "a" overlong(1) "b" truncated E2 82 (one U+FFFD) "c" surrogate ED A0 80 (three) NUL */
    static const char in[] = "a\xC0" "b\xE2\x82" "c\xED\xA0\x80" "d\0e";
    selaras_doc *doc = MAKE(in, SELARAS_DOC_REPLACE_INVALID);
    ASSERT_TEXT(doc, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                     "d\xEF\xBF\xBD" "e");
    ck_assert_uint_eq(selaras_doc_replacements(doc), 6);
    /* The replacement for E2 82 maps back to byte 3; "c" after it to byte 5. */
    ck_assert_uint_eq(selaras_doc_to_original(doc, 5), 3);
    ck_assert_uint_eq(selaras_doc_to_original(doc, 8), 5);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 4), 5);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 5), 8);
    selaras_doc_free(doc);
}
END_TEST

START_TEST(bom_is_dropped_and_offsets_skip_it)
{
    selaras_doc *doc = MAKE("\xEF\xBB\xBFJakarta", 0);
    ASSERT_TEXT(doc, "Jakarta");
    ck_assert_uint_eq(selaras_doc_original_length(doc), 10);
    ck_assert_uint_eq(selaras_doc_to_original(doc, 0), 3);
    ck_assert_uint_eq(selaras_doc_to_original(doc, 4), 7);
    ck_assert_uint_eq(selaras_doc_to_original(doc, 7), 10);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 0), 0);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 2), 0);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 3), 0);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 5), 2);
    selaras_doc_free(doc);
    /* Only a leading BOM is dropped; U+FEFF later is text. */
    doc = MAKE("a\xEF\xBB\xBF", 0);
    ASSERT_TEXT(doc, "a\xEF\xBB\xBF");
    selaras_doc_free(doc);
    doc = MAKE("\xEF\xBB\xBF", 0);
    ASSERT_TEXT(doc, "");
    ck_assert_uint_eq(selaras_doc_to_original(doc, 0), 3);
    selaras_doc_free(doc);
}
END_TEST

START_TEST(line_ends_become_lf)
{
    selaras_doc *doc = MAKE("a\r\nb\rc\nd\r\n\r\ne\r", 0);
    ASSERT_TEXT(doc, "a\nb\nc\nd\n\ne\n");
    /* normalised -> original */
    static const size_t to_orig[] = {0, 1, 3, 4, 5, 6, 7, 8, 10, 12, 13, 14};
    for (size_t i = 0; i < sizeof to_orig / sizeof to_orig[0]; i++)
        ck_assert_msg(selaras_doc_to_original(doc, i) == to_orig[i], "to_original(%zu) = %zu", i,
                      selaras_doc_to_original(doc, i));
    /* original -> normalised; the LF of a CRLF maps to the start of its replacement */
    static const size_t to_norm[] = {0, 1, 1, 2, 3, 4, 5, 6, 7, 7, 8, 8, 9, 10, 11};
    for (size_t i = 0; i < sizeof to_norm / sizeof to_norm[0]; i++)
        ck_assert_msg(selaras_doc_to_normalized(doc, i) == to_norm[i], "to_normalized(%zu) = %zu",
                      i, selaras_doc_to_normalized(doc, i));
    selaras_doc_free(doc);
}
END_TEST

START_TEST(unicode_line_separators_become_lf)
{
    selaras_doc *doc = MAKE("a\xC2\x85" "b\xE2\x80\xA8" "c\xE2\x80\xA9" "d", 0);
    ASSERT_TEXT(doc, "a\nb\nc\n\nd");
    ck_assert_uint_eq(selaras_doc_to_original(doc, 3), 4);  /* U+2028 */
    ck_assert_uint_eq(selaras_doc_to_original(doc, 5), 8);  /* U+2029 became two LFs */
    ck_assert_uint_eq(selaras_doc_to_original(doc, 6), 8);
    ck_assert_uint_eq(selaras_doc_to_original(doc, 7), 11); /* d */
    selaras_doc_free(doc);
}
END_TEST

START_TEST(nfc_composes_and_maps_both_ways)
{
    /* "Cafe" + U+0301, then " Jakarta": é is composed from 3 bytes to 2. */
    selaras_doc *doc = MAKE("Cafe\xCC\x81 Jakarta", 0);
    ASSERT_TEXT(doc, "Caf\xC3\xA9 Jakarta");
    ck_assert_uint_eq(selaras_doc_to_original(doc, 3), 3);  /* é starts where e started */
    ck_assert_uint_eq(selaras_doc_to_original(doc, 5), 6);  /* the space */
    ck_assert_uint_eq(selaras_doc_to_original(doc, 6), 7);  /* J */
    ck_assert_uint_eq(selaras_doc_to_original(doc, 13), 14); /* end */
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 3), 3);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 4), 3); /* inside e+U+0301 */
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 5), 3);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 6), 5);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 7), 6);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 99), 13);
    ck_assert_uint_eq(selaras_doc_to_original(doc, 99), 14);
    /* Every boundary maps back to itself through the original. */
    for (size_t i = 0; i <= 13; i++) {
        if (i == 4)
            continue; /* inside é */
        ck_assert_uint_eq(selaras_doc_to_normalized(doc, selaras_doc_to_original(doc, i)), i);
    }
    selaras_doc_free(doc);
}
END_TEST

START_TEST(nfc_reorders_and_handles_singletons)
{
    /* a + acute (ccc 230) + dot below (ccc 220) in the wrong order: reordered, a + dot
     * below composes to U+1EA1 and the acute stays; then Angstrom sign U+212B (a
     * singleton: NFC is U+00C5), then Hangul jamo L+V (composes to U+AC00). */
    selaras_doc *doc = MAKE("a\xCC\x81\xCC\xA3 \xE2\x84\xAB \xE1\x84\x80\xE1\x85\xA1", 0);
    ASSERT_TEXT(doc, "\xE1\xBA\xA1\xCC\x81 \xC3\x85 \xEA\xB0\x80");
    ck_assert_uint_eq(selaras_doc_to_original(doc, 5), 5);   /* first space */
    ck_assert_uint_eq(selaras_doc_to_original(doc, 6), 6);   /* Å from U+212B */
    ck_assert_uint_eq(selaras_doc_to_original(doc, 8), 9);   /* second space */
    ck_assert_uint_eq(selaras_doc_to_original(doc, 9), 10);  /* 가 from two jamo */
    ck_assert_uint_eq(selaras_doc_to_original(doc, 12), 16); /* end */
    selaras_doc_free(doc);
}
END_TEST

START_TEST(nfc_text_is_unchanged)
{
    static const char in[] = "Gubernur DKI Jakarta Anies Baswedan: \xE2\x80\x9C" "Kami siap.\xE2\x80\x9D"
                             " Rp 5 juta \xE2\x80\x93 caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80";
    selaras_doc *doc = MAKE(in, 0);
    ASSERT_TEXT(doc, in);
    for (size_t i = 0; i <= sizeof in - 1; i++) {
        ck_assert_uint_eq(selaras_doc_to_original(doc, i), i);
        ck_assert_uint_eq(selaras_doc_to_normalized(doc, i), i);
    }
    selaras_doc_free(doc);
}
END_TEST

START_TEST(combining_mark_at_start_and_long_piles)
{
    selaras_doc *doc = MAKE("\xCC\x81" "a", 0);
    ASSERT_TEXT(doc, "\xCC\x81" "a");
    selaras_doc_free(doc);
    /* 1000 combining marks after one letter: accepted; the pile is cut into pieces of at
     * most 32 code points (decomposed), each after the first led by U+034F COMBINING
     * GRAPHEME JOINER (the Stream-Safe Text Format): a + 31 marks, then 1 + 31 each. */
    static char pile[2 + 2 * 1000];
    pile[0] = 'a';
    for (size_t i = 0; i < 1000; i++) {
        pile[1 + 2 * i] = '\xCC';
        pile[2 + 2 * i] = '\x81';
    }
    doc = make(pile, 1 + 2 * 1000, 0);
    size_t len;
    const char *text = selaras_doc_text(doc, &len);
    /* a + U+0301 composed to á (2 bytes), 999 marks left, 32 joiners (969 = 31 * 31 + 8) */
    ck_assert_uint_eq(len, 2000 + 32 * 2);
    ck_assert_int_eq((unsigned char)text[0], 0xC3);
    ck_assert_int_eq(memcmp(text + 2 + 30 * 2, "\xCD\x8F\xCC\x81", 4), 0);
    ck_assert_int_eq(memcmp(text + 2 + 30 * 2 + 2 + 31 * 2, "\xCD\x8F\xCC\x81", 4), 0);
    size_t joiners = 0;
    for (size_t i = 0; i + 1 < len; i++)
        joiners += text[i] == '\xCD' && text[i + 1] == '\x8F';
    ck_assert_uint_eq(joiners, 32);
    /* A joiner maps to the mark it stands before; the mark's bytes map to the joiner. */
    ck_assert_uint_eq(selaras_doc_to_original(doc, 62), 1 + 31 * 2);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 1 + 31 * 2), 62);
    ck_assert_uint_eq(selaras_doc_to_original(doc, len), 2001);
    selaras_doc_free(doc);
}
END_TEST

/* Intake of intake's output changes nothing, also when a pile of marks follows a line end
 * or a replaced byte that this pass wrote (found by fuzz_doc). */
START_TEST(long_piles_after_written_characters_are_stable)
{
    static const char *const leads[] = {"SIARAN\r\n", "SIARAN\r", "x\xE2\x80\xA9", "\xFF"};
    for (size_t k = 0; k < sizeof leads / sizeof leads[0]; k++) {
        char in[256];
        size_t n = strlen(leads[k]);
        memcpy(in, leads[k], n);
        for (size_t i = 0; i < 40; i++) {
            in[n++] = '\xCC';
            in[n++] = i % 3 ? '\x81' : '\x96';
        }
        selaras_doc *once = make(in, n, SELARAS_DOC_REPLACE_INVALID);
        size_t len1;
        const char *text1 = selaras_doc_text(once, &len1);
        selaras_doc *twice = make(text1, len1, 0);
        size_t len2;
        const char *text2 = selaras_doc_text(twice, &len2);
        ck_assert_msg(len1 == len2 && memcmp(text1, text2, len1) == 0,
                      "lead %zu: %zu bytes, then %zu", k, len1, len2);
        selaras_doc_free(twice);
        selaras_doc_free(once);
    }
}
END_TEST

START_TEST(empty_input)
{
    selaras_doc *doc = make(NULL, 0, 0);
    ASSERT_TEXT(doc, "");
    ck_assert_uint_eq(selaras_doc_original_length(doc), 0);
    ck_assert_uint_eq(selaras_doc_to_original(doc, 0), 0);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 0), 0);
    selaras_doc_free(doc);
    doc = make("", 0, 0);
    ASSERT_TEXT(doc, "");
    selaras_doc_free(doc);
}
END_TEST

START_TEST(arguments_are_checked)
{
    selaras_error err;
    selaras_doc *doc;
    selaras_status st = selaras_doc_new(NULL, "x", 1, "id", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "out");
    st = selaras_doc_new(&doc, NULL, 3, "id", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "bytes");
    st = selaras_doc_new(&doc, "x", 1, "id", 0x80, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "flags");
    st = selaras_doc_new(&doc, "x", SELARAS_DOC_MAX_BYTES + 1, "id", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_LIMIT, st, SELARAS_NO_OFFSET, "limit");
    selaras_doc_free(NULL);
}
END_TEST

START_TEST(name_is_copied_and_replaced)
{
    selaras_doc *doc = MAKE("x", 0);
    ck_assert_ptr_null(selaras_doc_name(doc));
    char name[] = "rilis-27-01.txt";
    ck_assert_int_eq(selaras_doc_set_name(doc, name), SELARAS_OK);
    name[0] = 'X';
    ck_assert_str_eq(selaras_doc_name(doc), "rilis-27-01.txt");
    ck_assert_int_eq(selaras_doc_set_name(doc, "lain.txt"), SELARAS_OK);
    ck_assert_str_eq(selaras_doc_name(doc), "lain.txt");
    ck_assert_int_eq(selaras_doc_set_name(doc, NULL), SELARAS_OK);
    ck_assert_ptr_null(selaras_doc_name(doc));
    ck_assert_int_eq(selaras_doc_set_name(NULL, "x.txt"), SELARAS_ERR_ARGUMENT);
    selaras_doc_free(doc);
}
END_TEST

START_TEST(input_is_not_retained)
{
    char buf[] = "Siaran pers.";
    selaras_doc *doc = make(buf, sizeof buf - 1, 0);
    memset(buf, 'x', sizeof buf - 1);
    ASSERT_TEXT(doc, "Siaran pers.");
    selaras_doc_free(doc);
}
END_TEST

Suite *doc_suite(void)
{
    Suite *s = suite_create("doc");
    TCase *tc = tcase_create("utf8");
    tcase_add_loop_test(tc, invalid_utf8_reports_first_bad_byte, 0,
                        (int)(sizeof bad_utf8 / sizeof bad_utf8[0]));
    tcase_add_test(tc, valid_boundaries_are_accepted);
    tcase_add_test(tc, replacement_uses_maximal_subparts);
    suite_add_tcase(s, tc);
    tc = tcase_create("normalisation");
    tcase_add_test(tc, bom_is_dropped_and_offsets_skip_it);
    tcase_add_test(tc, line_ends_become_lf);
    tcase_add_test(tc, unicode_line_separators_become_lf);
    tcase_add_test(tc, nfc_composes_and_maps_both_ways);
    tcase_add_test(tc, nfc_reorders_and_handles_singletons);
    tcase_add_test(tc, nfc_text_is_unchanged);
    tcase_add_test(tc, combining_mark_at_start_and_long_piles);
    tcase_add_test(tc, long_piles_after_written_characters_are_stable);
    suite_add_tcase(s, tc);
    tc = tcase_create("handle");
    tcase_add_test(tc, empty_input);
    tcase_add_test(tc, arguments_are_checked);
    tcase_add_test(tc, name_is_copied_and_replaced);
    tcase_add_test(tc, input_is_not_retained);
    suite_add_tcase(s, tc);
    return s;
}
