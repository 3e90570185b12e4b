/* Regression tests for what hardening found (fuzz harnesses and the no-allocation test),
 * one test per finding, with the exact behaviour now expected. Fuzzed inputs themselves
 * are also replayed from fuzz/regress/. */
#include <stdio.h>
#include <string.h>

#include "check_selaras.h"

/* fuzz_dict_tsv: selaras_lexicon_add() accepted an ill-formed target when the source had
 * no words, since neither side was read further. */
START_TEST(lexicon_add_rejects_bad_target_beside_empty_source)
{
    selaras_lexicon *lex;
    ck_assert_int_eq(selaras_lexicon_new(&lex, "id", "en", NULL, NULL), SELARAS_OK);
    selaras_error err;
    selaras_status st = selaras_lexicon_add(lex, "", 0, "so\xEEurse", 8, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 2, "in the target at byte 2");
    st = selaras_lexicon_add(lex, "...", 3, "ok \xC0", 4, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 3, "in the target");
    ck_assert_uint_eq(selaras_lexicon_size(lex), 0);
    selaras_lexicon_free(lex);
}
END_TEST

/* fuzz_dict_tsv: with both sides ill-formed the offset was the target's and the message
 * did not say which side it was about. The source is now checked first. */
START_TEST(lexicon_add_checks_source_first_and_names_it)
{
    selaras_lexicon *lex;
    ck_assert_int_eq(selaras_lexicon_new(&lex, "id", "en", NULL, NULL), SELARAS_OK);
    static const char src[] = "72 r\0ibu";
    selaras_error err;
    selaras_status st = selaras_lexicon_add(lex, src, sizeof src - 1, "11 thousand\xF7", 12,
                                            &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 4, "NUL byte) in the source at byte 4");
    /* Nine words and a bad byte after them: the encoding error wins over the word limit. */
    static const char many[] = "a b c d e f g h i \xFF";
    st = selaras_lexicon_add(lex, "kata", 4, many, sizeof many - 1, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 18, "in the target");
    ck_assert_int_eq(selaras_lexicon_add(lex, "kota", 4, "city", 4, &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_lexicon_size(lex), 1);
    selaras_lexicon_free(lex);
}
END_TEST

/* The no-allocation test: a unit's "x-score" of "0.75" was read as 0.7500000000000001,
 * since each decimal was added as digit x 10^-k. Scores now read correctly rounded. */
START_TEST(unit_scores_read_exactly)
{
    static const char *const values[] = {"0.75", "0.1", "0.3", "0.8312", "1", "0.9999",
                                         "12.5", "-0.25", "0.000001"};
    static const double expected[] = {0.75, 0.1, 0.3, 0.8312, 1.0, 0.9999, 12.5, -0.25, 1e-6};
    selaras_unit *u;
    ck_assert_int_eq(selaras_unit_new(&u, NULL, NULL), SELARAS_OK);
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        selaras_unit_clear(u);
        ck_assert_int_eq(selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-score", NULL, values[i],
                                               strlen(values[i]), NULL),
                         SELARAS_OK);
        double score = -1;
        ck_assert_int_eq(selaras_unit_score(u, &score), 1);
        ck_assert_msg(score == expected[i], "\"%s\" read as %.17g", values[i], score);
    }
    selaras_unit_free(u);
}
END_TEST

/* Segment text[] with a segmenter for lang and compare with the expected list, given as
 * "start end para kind text" lines. */
static void assert_segments(const char *lang, const char *text, const char *const *want,
                            size_t nwant)
{
    selaras_segmenter *seg;
    ck_assert_int_eq(selaras_segmenter_new(&seg, lang, NULL, NULL), SELARAS_OK);
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new(&doc, text, strlen(text), lang, 0, NULL, NULL), SELARAS_OK);
    selaras_segments *segs;
    ck_assert_int_eq(selaras_segment(seg, doc, &segs, NULL), SELARAS_OK);
    ck_assert_uint_eq(selaras_segments_count(segs), nwant);
    for (size_t i = 0; i < nwant; i++) {
        char got[256];
        snprintf(got, sizeof got, "%zu %zu %zu %s %s", selaras_segments_start(segs, i),
                 selaras_segments_end(segs, i), selaras_segments_paragraph(segs, i),
                 selaras_segment_kind_name(selaras_segments_kind(segs, i)),
                 selaras_segments_text(segs, i, NULL));
        ck_assert_str_eq(got, want[i]);
    }
    selaras_segments_free(segs);
    selaras_doc_free(doc);
    selaras_segmenter_free(seg);
}

/* fuzz_segment_id, fuzz_segment_en: an indented press-release header after a letterhead
 * line was emitted twice (once as letterhead, once as itself). */
START_TEST(indented_press_header_is_emitted_once)
{
    static const char *const id[] = {"0 1 0 boilerplate R", "3 14 1 boilerplate SIARAN PERS"};
    assert_segments("id", "R\n SIARAN PERS", id, 2);
    static const char *const en[] = {"0 1 0 boilerplate 1",
                                     "5 18 1 boilerplate PRESS RELEASE"};
    assert_segments("en", "1\n\xE3\x80\x80PRESS RELEASE", en, 2);
}
END_TEST

/* fuzz_segment_fr: after wrapped lines, the letterhead lines were numbered past the
 * header, whose paragraph number then went back. */
START_TEST(letterhead_paragraphs_stay_in_order)
{
    static const char *const fr[] = {"0 1 0 boilerplate O", "2 4 1 boilerplate \xC3\xAA",
                                     "5 7 2 boilerplate \xC3\xAA",
                                     "8 21 3 boilerplate PRESS RELEASE"};
    assert_segments("fr", "O\n\xC3\xAA\n\xC3\xAA\nPRESS RELEASE", fr, 4);
}
END_TEST

Suite *regress_suite(void)
{
    Suite *s = suite_create("regress");
    TCase *tc = tcase_create("fuzz findings");
    tcase_add_test(tc, lexicon_add_rejects_bad_target_beside_empty_source);
    tcase_add_test(tc, lexicon_add_checks_source_first_and_names_it);
    tcase_add_test(tc, unit_scores_read_exactly);
    tcase_add_test(tc, indented_press_header_is_emitted_once);
    tcase_add_test(tc, letterhead_paragraphs_stay_in_order);
    suite_add_tcase(s, tc);
    return s;
}
