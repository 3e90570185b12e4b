/* Abbreviation lists: adding, loading, clearing, and errors in the data-file format. */
#include <stdlib.h>
#include <string.h>

#include "check_selaras.h"

/* Number of segments of text under seg. */
static size_t count_segments(selaras_segmenter *seg, const char *text)
{
    selaras_doc *doc;
    selaras_segments *segs;
    ck_assert_int_eq(selaras_doc_new(&doc, text, strlen(text), "id", 0, NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segment(seg, doc, &segs, NULL), SELARAS_OK);
    size_t n = selaras_segments_count(segs);
    selaras_segments_free(segs);
    selaras_doc_free(doc);
    return n;
}

static const char probe[] = "Rapat dipimpin Kpt. Budi hari ini. Semua hadir.";

START_TEST(add_extends_the_list)
{
    selaras_segmenter *seg;
    selaras_error err;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "id", NULL, &err), SELARAS_OK);
    ck_assert_uint_eq(count_segments(seg, probe), 3);
    static const char data[] = "# local titles\n\n[prefix]\n  Kpt.\t\n[general]\nbdk.\n";
    ck_assert_int_eq(selaras_segmenter_add_abbreviations(seg, data, sizeof data - 1, &err),
                     SELARAS_OK);
    ck_assert_uint_eq(count_segments(seg, probe), 2);
    /* re-adding under another class changes the class: general ends before a capital */
    static const char again[] = "[general]\nKpt.";
    ck_assert_int_eq(selaras_segmenter_add_abbreviations(seg, again, sizeof again - 1, &err),
                     SELARAS_OK);
    ck_assert_uint_eq(count_segments(seg, probe), 3);
    selaras_segmenter_free(seg);
}
END_TEST

START_TEST(clear_replaces_the_list)
{
    selaras_segmenter *seg;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "id", NULL, NULL), SELARAS_OK);
    static const char text[] = "Rapat dipimpin Dr. Budi hari ini.";
    ck_assert_uint_eq(count_segments(seg, text), 1);
    selaras_segmenter_clear_abbreviations(seg);
    ck_assert_uint_eq(count_segments(seg, text), 2);
    static const char mine[] = "[prefix]\nDr.\n";
    ck_assert_int_eq(selaras_segmenter_add_abbreviations(seg, mine, sizeof mine - 1, NULL),
                     SELARAS_OK);
    ck_assert_uint_eq(count_segments(seg, text), 1);
    /* only what was added: "Jl." is gone */
    ck_assert_uint_eq(count_segments(seg, "Di Jl. Sudirman ada rapat."), 2);
    selaras_segmenter_free(seg);
}
END_TEST

START_TEST(syntax_errors_name_the_line)
{
    selaras_segmenter *seg;
    selaras_error err;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "id", NULL, NULL), SELARAS_OK);
    static const char before[] = "# x\nKpt.\n";
    ck_assert_error(&err, SELARAS_ERR_SYNTAX,
                    selaras_segmenter_add_abbreviations(seg, before, sizeof before - 1, &err), 4,
                    "line 2: abbreviation before any [class] header");
    ck_assert_uint_eq(err.line, 2);
    ck_assert_uint_eq(err.column, 1);
    static const char unknown[] = "[prefix]\nKpt.\n[titles]\n";
    ck_assert_error(&err, SELARAS_ERR_SYNTAX,
                    selaras_segmenter_add_abbreviations(seg, unknown, sizeof unknown - 1, &err),
                    15, "line 3: unknown class");
    ck_assert_uint_eq(err.line, 3);
    ck_assert_uint_eq(err.column, 2);
    static const char open[] = "[prefix\n";
    ck_assert_error(&err, SELARAS_ERR_SYNTAX,
                    selaras_segmenter_add_abbreviations(seg, open, sizeof open - 1, &err), 0,
                    "line 1: unterminated class header");
    static const char noperiod[] = "[number]\nNomor\n";
    ck_assert_error(&err, SELARAS_ERR_SYNTAX,
                    selaras_segmenter_add_abbreviations(seg, noperiod, sizeof noperiod - 1, &err),
                    13, "line 2: an abbreviation must end with a period");
    ck_assert_uint_eq(err.column, 5);
    static const char blank[] = "[prefix]\nK t.\n";
    ck_assert_error(&err, SELARAS_ERR_SYNTAX,
                    selaras_segmenter_add_abbreviations(seg, blank, sizeof blank - 1, &err), 10,
                    "line 2: blank inside an abbreviation");
    static const char lone[] = "[prefix]\n.\n";
    ck_assert_error(&err, SELARAS_ERR_SYNTAX,
                    selaras_segmenter_add_abbreviations(seg, lone, sizeof lone - 1, &err), 9,
                    "line 2: a lone period");
    static const char longer[] = "[prefix]\nAbcdefghijklmnopqrstuvwxyzabcdef.\n";
    ck_assert_error(&err, SELARAS_ERR_SYNTAX,
                    selaras_segmenter_add_abbreviations(seg, longer, sizeof longer - 1, &err), 9,
                    "longer than 31 bytes");
    static const char bad_utf8[] = "[prefix]\nK\xC0\x80t.\n";
    ck_assert_error(&err, SELARAS_ERR_SYNTAX,
                    selaras_segmenter_add_abbreviations(seg, bad_utf8, sizeof bad_utf8 - 1, &err),
                    10, "line 2: invalid UTF-8");
    static const char nul[] = "[prefix]\nK\0t.\n";
    ck_assert_error(&err, SELARAS_ERR_SYNTAX,
                    selaras_segmenter_add_abbreviations(seg, nul, sizeof nul - 1, &err), 10,
                    "invalid UTF-8");
    /* nothing of a failed call was added (Kpt. came before the error in 'unknown') */
    ck_assert_uint_eq(count_segments(seg, probe), 3);
    selaras_segmenter_free(seg);
}
END_TEST

START_TEST(load_from_files)
{
    selaras_segmenter *seg;
    selaras_error err;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "id", NULL, NULL), SELARAS_OK);
    char *ok = test_data_path("abbrev-ok.txt");
    char *bad = test_data_path("abbrev-bad.txt");
    char *missing = test_data_path("no-such-file.txt");
    ck_assert_error(&err, SELARAS_ERR_SYNTAX, selaras_segmenter_load_abbreviations(seg, bad, &err),
                    27, "line 4: an abbreviation must end with a period");
    ck_assert_uint_eq(err.line, 4);
    ck_assert_uint_eq(count_segments(seg, probe), 3);
    ck_assert_error(&err, SELARAS_ERR_IO,
                    selaras_segmenter_load_abbreviations(seg, missing, &err), SELARAS_NO_OFFSET,
                    "cannot open abbreviation file");
    ck_assert_int_eq(selaras_segmenter_load_abbreviations(seg, ok, &err), SELARAS_OK);
    ck_assert_uint_eq(count_segments(seg, probe), 2);
    ck_assert_uint_eq(count_segments(seg, "Ia datang dgn Kpt2. bersama."), 1);
    free(ok);
    free(bad);
    free(missing);
    selaras_segmenter_free(seg);
}
END_TEST

Suite *abbrev_suite(void)
{
    Suite *s = suite_create("abbreviations");
    TCase *tc = tcase_create("lists");
    tcase_add_test(tc, add_extends_the_list);
    tcase_add_test(tc, clear_replaces_the_list);
    tcase_add_test(tc, syntax_errors_name_the_line);
    tcase_add_test(tc, load_from_files);
    suite_add_tcase(s, tc);
    return s;
}
