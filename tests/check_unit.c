/* Translation units: building, reading back, errors. */
#include <string.h>

#include "check_selaras.h"

START_TEST(unit_holds_variants_props_notes_and_attributes)
{
    selaras_unit *u;
    selaras_error err;
    ck_assert_int_eq(selaras_unit_new(&u, NULL, &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_unit_variant_count(u), 0);
    ck_assert_int_eq(selaras_unit_add_variant(u, "id-ID", "Halo.", 5, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_variant(u, "en", "Hello.", 6, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-score", NULL, "0.7500", 6,
                                           &err), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_note(u, 1, "en", "checked", 7, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_set_attr(u, SELARAS_UNIT_WHOLE, "tuid", "12", &err),
                     SELARAS_OK);
    ck_assert_int_eq(selaras_unit_set_attr(u, 0, "usagecount", "3", &err), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_set_attr(u, SELARAS_UNIT_WHOLE, "tuid", "13", &err),
                     SELARAS_OK);

    size_t len;
    ck_assert_uint_eq(selaras_unit_variant_count(u), 2);
    ck_assert_str_eq(selaras_unit_variant_lang(u, 0), "id-ID");
    ck_assert_str_eq(selaras_unit_variant_text(u, 1, &len), "Hello.");
    ck_assert_uint_eq(len, 6);
    ck_assert_ptr_null(selaras_unit_variant_text(u, 2, &len));
    ck_assert_uint_eq(len, 0);
    ck_assert_str_eq(selaras_unit_text(u, "in", &len), "Halo.");
    ck_assert_uint_eq(len, 5);
    ck_assert_str_eq(selaras_unit_text(u, "EN_us", NULL), "Hello.");
    ck_assert_ptr_null(selaras_unit_text(u, "de", NULL));

    ck_assert_uint_eq(selaras_unit_prop_count(u), 2);
    ck_assert_str_eq(selaras_unit_prop_type(u, 0), "x-score");
    ck_assert_uint_eq(selaras_unit_prop_variant(u, 0), SELARAS_UNIT_WHOLE);
    ck_assert_ptr_null(selaras_unit_prop_lang(u, 0));
    ck_assert_ptr_null(selaras_unit_prop_type(u, 1));
    ck_assert_uint_eq(selaras_unit_prop_variant(u, 1), 1);
    ck_assert_str_eq(selaras_unit_prop_lang(u, 1), "en");
    ck_assert_str_eq(selaras_unit_prop_value(u, 1, &len), "checked");
    ck_assert_uint_eq(len, 7);
    ck_assert_str_eq(selaras_unit_prop(u, "x-score"), "0.7500");
    ck_assert_ptr_null(selaras_unit_prop(u, "x-bead"));
    double score = -1;
    ck_assert_int_eq(selaras_unit_score(u, &score), 1);
    ck_assert(score > 0.74999 && score < 0.75001);

    ck_assert_uint_eq(selaras_unit_attr_count(u), 2);
    ck_assert_str_eq(selaras_unit_attr_name(u, 0), "tuid");
    ck_assert_str_eq(selaras_unit_attr_value(u, 0), "13");
    ck_assert_uint_eq(selaras_unit_attr_variant(u, 1), 0);
    ck_assert_str_eq(selaras_unit_attr(u, 0, "usagecount"), "3");
    ck_assert_ptr_null(selaras_unit_attr(u, SELARAS_UNIT_WHOLE, "usagecount"));

    selaras_unit_clear(u);
    ck_assert_uint_eq(selaras_unit_variant_count(u), 0);
    ck_assert_uint_eq(selaras_unit_prop_count(u), 0);
    ck_assert_uint_eq(selaras_unit_attr_count(u), 0);
    ck_assert_int_eq(selaras_unit_score(u, &score), 0);
    selaras_unit_free(u);
    selaras_unit_free(NULL);
}
END_TEST

START_TEST(unit_rejects_bad_input)
{
    selaras_unit *u;
    selaras_error err;
    ck_assert_int_eq(selaras_unit_new(&u, NULL, &err), SELARAS_OK);
    selaras_status st = selaras_unit_add_variant(u, "id id", "x", 1, &err);
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, st, SELARAS_NO_OFFSET, "language tag");
    st = selaras_unit_add_variant(u, "id", "ab\xC0\x80", 4, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 2, "overlong");
    st = selaras_unit_add_variant(u, "id", "a\0b", 3, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 1, "NUL");
    st = selaras_unit_add_prop(u, 0, "x-a", NULL, "v", 1, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "out of range");
    st = selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "", NULL, "v", 1, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "type");
    st = selaras_unit_add_note(u, SELARAS_UNIT_WHOLE, "e n", "v", 1, &err);
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, st, SELARAS_NO_OFFSET, "language");
    st = selaras_unit_set_attr(u, SELARAS_UNIT_WHOLE, "xml:lang", "id", &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "attribute name");
    st = selaras_unit_set_attr(u, SELARAS_UNIT_WHOLE, "bad name", "1", &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "attribute name");
    st = selaras_unit_set_attr(u, SELARAS_UNIT_WHOLE, "tuid", "\xFF", &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 0, "attribute value");
    ck_assert_uint_eq(selaras_unit_variant_count(u), 0);
    ck_assert_uint_eq(selaras_unit_prop_count(u), 0);
    ck_assert_uint_eq(selaras_unit_attr_count(u), 0);
    /* a score that is not a plain decimal is no score */
    ck_assert_int_eq(selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-score", NULL, "1e3", 3,
                                           &err), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_score(u, NULL), 0);
    st = selaras_unit_new(NULL, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    selaras_unit_free(u);
}
END_TEST

Suite *unit_suite(void)
{
    Suite *s = suite_create("unit");
    TCase *tc = tcase_create("unit");
    tcase_add_test(tc, unit_holds_variants_props_notes_and_attributes);
    tcase_add_test(tc, unit_rejects_bad_input);
    suite_add_tcase(s, tc);
    return s;
}
