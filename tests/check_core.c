/* Basics: version, status strings, the error struct, allocators and language tags. */
#include <string.h>

#include "check_selaras.h"

START_TEST(version_matches_header)
{
    ck_assert_str_eq(selaras_version(), SELARAS_VERSION_STRING);
    char expect[32];
    snprintf(expect, sizeof expect, "%d.%d.%d", SELARAS_VERSION_MAJOR, SELARAS_VERSION_MINOR,
             SELARAS_VERSION_PATCH);
    ck_assert_str_eq(selaras_version(), expect);
}
END_TEST

START_TEST(every_status_has_its_own_string)
{
    const char *seen[SELARAS_ERR_LOCKED + 1];
    for (int s = SELARAS_OK; s <= SELARAS_ERR_LOCKED; s++) {
        seen[s] = selaras_strerror((selaras_status)s);
        ck_assert_ptr_nonnull(seen[s]);
        ck_assert_str_ne(seen[s], "unknown status");
        for (int t = 0; t < s; t++)
            ck_assert_str_ne(seen[s], seen[t]);
    }
    ck_assert_str_eq(selaras_strerror(SELARAS_OK), "success");
    ck_assert_str_eq(selaras_strerror((selaras_status)999), "unknown status");
}
END_TEST

START_TEST(error_struct_is_filled_on_failure_only)
{
    selaras_error err;
    memset(&err, 0x55, sizeof err);
    selaras_doc *doc = NULL;
    ck_assert_int_eq(selaras_doc_new(&doc, "ok", 2, "id", 0, NULL, &err), SELARAS_OK);
    /* untouched on success */
    ck_assert_int_eq((int)err.status, 0x55555555);
    selaras_doc_free(doc);

    ck_assert_int_eq(selaras_doc_new(&doc, "a\nb\xC0", 4, "en", 0, NULL, &err),
                     SELARAS_ERR_ENCODING);
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(err.status, SELARAS_ERR_ENCODING);
    ck_assert_uint_eq(err.offset, 3);
    ck_assert_uint_eq(err.line, 2);
    ck_assert_uint_eq(err.column, 2);
    ck_assert_str_eq(err.message, "invalid UTF-8 (overlong encoding) at byte 3");
    ck_assert_uint_lt(strlen(err.message), SELARAS_ERROR_MESSAGE_SIZE);
}
END_TEST

START_TEST(error_struct_may_be_null)
{
    selaras_doc *doc = (selaras_doc *)&doc;
    ck_assert_int_eq(selaras_doc_new(&doc, "\xFF", 1, "id", 0, NULL, NULL), SELARAS_ERR_ENCODING);
    ck_assert_ptr_null(doc);
}
END_TEST

START_TEST(error_without_position)
{
    selaras_error err;
    selaras_doc *doc;
    selaras_status st = selaras_doc_new(&doc, "x", 1, "", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, st, SELARAS_NO_OFFSET, "empty");
    ck_assert_uint_eq(err.line, 0);
    ck_assert_uint_eq(err.column, 0);
}
END_TEST

START_TEST(column_counts_code_points)
{
    selaras_error err;
    selaras_doc *doc;
    /* "é" is two bytes: the bad byte at offset 4 is the fourth character of line 1. */
    selaras_status st = selaras_doc_new(&doc, "\xC3\xA9" "ab\x80", 5, "id", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 4, "stray continuation");
    ck_assert_uint_eq(err.line, 1);
    ck_assert_uint_eq(err.column, 4);
    /* CR and CRLF end lines too. */
    st = selaras_doc_new(&doc, "a\r\nb\rc\xFF", 7, "id", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 6, "invalid byte");
    ck_assert_uint_eq(err.line, 3);
    ck_assert_uint_eq(err.column, 2);
}
END_TEST

static const struct {
    const char *in;
    const char *canonical;
} good_tags[] = {
    {"id", "id"},       {"ID", "id"},       {"in", "id"},      {"id-ID", "id-ID"},
    {"id_id", "id-ID"}, {"en", "en"},       {"en-us", "en-US"}, {"EN_GB", "en-GB"},
    {"de", "de"},       {"fra", "fra"},     {"zh-hant-tw", "zh-Hant-TW"},
};

START_TEST(language_tags_are_canonicalised)
{
    for (size_t i = 0; i < sizeof good_tags / sizeof good_tags[0]; i++) {
        selaras_doc *doc;
        selaras_error err;
        ck_assert_msg(selaras_doc_new(&doc, "", 0, good_tags[i].in, 0, NULL, &err) == SELARAS_OK,
                      "%s: %s", good_tags[i].in, err.message);
        ck_assert_str_eq(selaras_doc_lang(doc), good_tags[i].canonical);
        selaras_doc_free(doc);
    }
}
END_TEST

START_TEST(bad_language_tags_are_rejected)
{
    const char *bad[] = {"", "i", "indonesia", "id-", "-id", "id--ID", "1d", "id ID", "id-ÄÄ",
                         "id-abcdefghi", "id-ID-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        selaras_doc *doc = NULL;
        selaras_error err;
        selaras_status st = selaras_doc_new(&doc, "x", 1, bad[i], 0, NULL, &err);
        ck_assert_msg(st == SELARAS_ERR_LANGUAGE, "\"%s\" accepted", bad[i]);
        ck_assert_ptr_null(doc);
        ck_assert_uint_eq(err.offset, SELARAS_NO_OFFSET);
    }
    selaras_doc *doc = NULL;
    selaras_error err;
    ck_assert_int_eq(selaras_doc_new(&doc, "x", 1, NULL, 0, NULL, &err), SELARAS_ERR_LANGUAGE);
}
END_TEST

static void *never_called(size_t size, void *user)
{
    (void)size;
    (void)user;
    return NULL;
}

START_TEST(incomplete_allocator_is_rejected)
{
    selaras_allocator half = {never_called, NULL, NULL, NULL};
    selaras_doc *doc;
    selaras_error err;
    selaras_status st = selaras_doc_new(&doc, "x", 1, "id", 0, &half, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "allocator");
}
END_TEST

START_TEST(custom_allocator_sees_every_block)
{
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new(&doc, "Caf\x65\xCC\x81\r\n", 7, "id", 0, &ta.suite, NULL),
                     SELARAS_OK);
    ck_assert_int_gt(ta.calls, 0);
    ck_assert_int_gt(ta.live, 0);
    ck_assert_int_eq(selaras_doc_set_name(doc, "rilis.txt"), SELARAS_OK);
    selaras_doc_free(doc);
    ck_assert_int_eq(ta.live, 0);
}
END_TEST

Suite *core_suite(void)
{
    Suite *s = suite_create("core");
    TCase *tc = tcase_create("basics");
    tcase_add_test(tc, version_matches_header);
    tcase_add_test(tc, every_status_has_its_own_string);
    tcase_add_test(tc, error_struct_is_filled_on_failure_only);
    tcase_add_test(tc, error_struct_may_be_null);
    tcase_add_test(tc, error_without_position);
    tcase_add_test(tc, column_counts_code_points);
    tcase_add_test(tc, language_tags_are_canonicalised);
    tcase_add_test(tc, bad_language_tags_are_rejected);
    tcase_add_test(tc, incomplete_allocator_is_rejected);
    tcase_add_test(tc, custom_allocator_sees_every_block);
    suite_add_tcase(s, tc);
    return s;
}
