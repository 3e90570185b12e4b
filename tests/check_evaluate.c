/* The evaluation stage: bead lists from both bead formats (and their errors), alignment
 * scores in the Text+Berg convention on a worked example, boundary F1, and each under
 * allocation-failure injection. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check_selaras.h"

static selaras_beads *parse(const char *text, selaras_status want, selaras_error *err)
{
    selaras_beads *b;
    ck_assert_int_eq(selaras_beads_new(&b, NULL, err), SELARAS_OK);
    ck_assert_int_eq(selaras_beads_parse(b, text, strlen(text), err), want);
    return b;
}

static void expect_bead(const selaras_beads *b, size_t i, const char *want)
{
    char got[128];
    size_t ns, nt, p = 0;
    const size_t *s = selaras_beads_src(b, i, &ns), *t = selaras_beads_tgt(b, i, &nt);
    for (size_t k = 0; k < ns; k++)
        p += (size_t)snprintf(got + p, sizeof got - p, "%s%zu", k ? "," : "", s[k]);
    p += (size_t)snprintf(got + p, sizeof got - p, ":");
    for (size_t k = 0; k < nt; k++)
        p += (size_t)snprintf(got + p, sizeof got - p, "%s%zu", k ? "," : "", t[k]);
    ck_assert_str_eq(got, want);
}

START_TEST(parses_both_bead_formats)
{
    selaras_error err;
    selaras_beads *b = parse("[8, 9]:[10]\n\n  []:[22]\r\n{\"score\": 0.5, \"src\": [1], "
                             "\"x\": {\"a\": [1, \"]\"]}, \"tgt\": [], \"s\": \"q\\\"\"}\n"
                             "[0,1,2]:[3]",
                             SELARAS_OK, &err);
    ck_assert_uint_eq(selaras_beads_count(b), 4);
    expect_bead(b, 0, "8,9:10");
    expect_bead(b, 1, ":22");
    expect_bead(b, 2, "1:");
    expect_bead(b, 3, "0,1,2:3");
    ck_assert_int_eq(selaras_beads_contains(b, b, 3), 1);
    selaras_beads *other = parse("[8]:[10]\n[8, 9]:[10]\n", SELARAS_OK, &err);
    ck_assert_int_eq(selaras_beads_contains(b, other, 0), 0);
    ck_assert_int_eq(selaras_beads_contains(b, other, 1), 1);
    ck_assert_int_eq(selaras_beads_contains(b, other, 2), 0);
    selaras_beads_free(other);
    selaras_beads_free(b);
}
END_TEST

START_TEST(bad_bead_files_say_where)
{
    selaras_error err;
    /* a failed parse leaves the list as it was */
    selaras_beads *b = parse("[0]:[0]\n", SELARAS_OK, &err);
    static const char bad[] = "[1]:[1]\n[2]:[x]\n";
    ck_assert_int_eq(selaras_beads_parse(b, bad, sizeof bad - 1, &err), SELARAS_ERR_SYNTAX);
    ck_assert_uint_eq(err.offset, 13);
    ck_assert_uint_eq(err.line, 2);
    ck_assert_uint_eq(err.column, 6);
    ck_assert_ptr_nonnull(strstr(err.message, "segment number"));
    ck_assert_uint_eq(selaras_beads_count(b), 1);
    selaras_beads_free(b);
    static const struct {
        const char *text, *needle;
        size_t offset;
    } cases[] = {
        {"[1] [2]\n", "expected ':'", 4},
        {"[1]:[2] x\n", "after the bead", 8},
        {"hello\n", "expected a bead", 0},
        {"{\"src\": [1]}\n", "\"src\" and \"tgt\"", 12},
        {"{\"src\": [1], \"tgt\": [2]\n", "expected ',' or '}'", 23},
        {"{\"src\": [1], \"n\": \"open}\n", "unterminated", 24},
        {"[99999999999999999999999]:[1]\n", "too large", 20},
        {"[1, ]:[1]\n", "segment number", 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        b = parse(cases[i].text, SELARAS_ERR_SYNTAX, &err);
        ck_assert_msg(strstr(err.message, cases[i].needle) != NULL, "%zu: %s", i, err.message);
        ck_assert_msg(err.offset == cases[i].offset, "%zu: offset %zu: %s", i, err.offset,
                      err.message);
        selaras_beads_free(b);
    }
    char longside[400] = "[";
    for (int i = 0; i <= SELARAS_BEADS_MAX_SIDE; i++)
        snprintf(longside + strlen(longside), sizeof longside - strlen(longside), "%d,", i);
    longside[strlen(longside) - 1] = ']';
    strcat(longside, ":[1]");
    b = parse(longside, SELARAS_ERR_LIMIT, &err);
    selaras_beads_free(b);
    ck_assert_int_eq(selaras_beads_parse(NULL, "", 0, &err), SELARAS_ERR_ARGUMENT);
    size_t big[SELARAS_BEADS_MAX_SIDE + 1] = {0};
    ck_assert_int_eq(selaras_beads_new(&b, NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_beads_add(b, big, SELARAS_BEADS_MAX_SIDE + 1, big, 1, &err),
                     SELARAS_ERR_ARGUMENT);
    ck_assert_int_eq(selaras_beads_add(b, NULL, 1, big, 1, &err), SELARAS_ERR_ARGUMENT);
    ck_assert_int_eq(selaras_beads_add_alignment(b, NULL, &err), SELARAS_ERR_ARGUMENT);
    ck_assert_uint_eq(selaras_beads_count(b), 0);
    selaras_beads_free(b);
    ck_assert_int_eq(selaras_beads_new(NULL, NULL, &err), SELARAS_ERR_ARGUMENT);
}
END_TEST

static const char GOLD[] = "[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3]\n";
static const char TEST[] = "[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n[3]:[3]\n";

START_TEST(scores_follow_the_text_berg_convention)
{
    selaras_error err;
    selaras_beads *g = parse(GOLD, SELARAS_OK, &err), *t = parse(TEST, SELARAS_OK, &err);
    selaras_align_counts c;
    memset(&c, 0, sizeof c);
    ck_assert_int_eq(selaras_eval_align(g, t, &c, &err), SELARAS_OK);
    /* precision over the five system beads: [1]:[1] and [2]:[] are wrong, the first lax
     * right (it shares source 1 and target 1 with [1, 2]:[1]); recall over the three
     * two-sided gold beads: [1, 2]:[1] is missed, but laxly found */
    ck_assert_uint_eq(c.strict_right, 3);
    ck_assert_uint_eq(c.strict_wrong, 2);
    ck_assert_uint_eq(c.lax_right, 4);
    ck_assert_uint_eq(c.lax_wrong, 1);
    ck_assert_uint_eq(c.strict_found, 2);
    ck_assert_uint_eq(c.strict_missed, 1);
    ck_assert_uint_eq(c.lax_found, 3);
    ck_assert_uint_eq(c.lax_missed, 0);
    selaras_prf s, l;
    selaras_eval_align_scores(&c, &s, &l);
    ck_assert_double_eq_tol(s.precision, 0.6, 1e-12);
    ck_assert_double_eq_tol(s.recall, 2.0 / 3, 1e-12);
    ck_assert_double_eq_tol(s.f1, 2 * 0.6 * (2.0 / 3) / (0.6 + 2.0 / 3), 1e-12);
    ck_assert_double_eq_tol(l.precision, 0.8, 1e-12);
    ck_assert_double_eq_tol(l.recall, 1.0, 1e-12);
    /* counts add up over documents */
    ck_assert_int_eq(selaras_eval_align(g, g, &c, &err), SELARAS_OK);
    ck_assert_uint_eq(c.strict_right, 3 + 4);
    ck_assert_uint_eq(c.strict_found, 2 + 3);
    selaras_align_counts zero;
    memset(&zero, 0, sizeof zero);
    selaras_eval_align_scores(&zero, &s, NULL);
    ck_assert_double_eq(s.f1, 0);
    ck_assert_int_eq(selaras_eval_align(NULL, t, &c, &err), SELARAS_ERR_ARGUMENT);
    ck_assert_int_eq(selaras_eval_align(g, t, NULL, &err), SELARAS_ERR_ARGUMENT);
    selaras_beads_free(g);
    selaras_beads_free(t);
}
END_TEST

START_TEST(boundaries)
{
    selaras_boundary_counts c = {0, 0, 0};
    const size_t gold[] = {30, 10, 20, 20}, sys[] = {10, 25, 30};
    ck_assert_int_eq(selaras_eval_boundaries(gold, 4, sys, 3, &c, NULL, NULL), SELARAS_OK);
    ck_assert_uint_eq(c.right, 1);
    ck_assert_uint_eq(c.gold, 2);
    ck_assert_uint_eq(c.system, 2);
    selaras_prf f = selaras_eval_boundary_scores(&c);
    ck_assert_double_eq_tol(f.precision, 0.5, 1e-12);
    ck_assert_double_eq_tol(f.f1, 0.5, 1e-12);
    ck_assert_int_eq(selaras_eval_boundaries(NULL, 1, sys, 3, &c, NULL, NULL),
                     SELARAS_ERR_ARGUMENT);
    /* two segmentations of one document: lines against the segmenter */
    const char text[] = "Satu dua tiga. Empat lima.\nEnam tujuh.\n";
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new(&doc, text, sizeof text - 1, "id", 0, NULL, NULL),
                     SELARAS_OK);
    selaras_segments *lines, *sents;
    selaras_segmenter *sg;
    ck_assert_int_eq(selaras_segments_from_lines(&lines, doc, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segmenter_new(&sg, "id", NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segment(sg, doc, &sents, NULL), SELARAS_OK);
    selaras_boundary_counts d = {0, 0, 0};
    ck_assert_int_eq(selaras_eval_segments(sents, lines, &d, NULL), SELARAS_OK);
    ck_assert_uint_eq(d.gold, 2);   /* after "tiga." and after "lima." */
    ck_assert_uint_eq(d.system, 1); /* the line end */
    ck_assert_uint_eq(d.right, 1);
    ck_assert_int_eq(selaras_eval_segments(NULL, lines, &d, NULL), SELARAS_ERR_ARGUMENT);
    selaras_segments_free(lines);
    selaras_segments_free(sents);
    selaras_segmenter_free(sg);
    selaras_doc_free(doc);
}
END_TEST

/* ---- allocation failures ---- */

#define ALLOC_LOOP(body)                                                                   \
    for (long n = 0;; n++) {                                                               \
        test_alloc ta;                                                                     \
        test_alloc_init(&ta, n);                                                           \
        selaras_status st = (body);                                                        \
        ck_assert_msg(ta.live == 0, "failing allocation %ld leaks %ld blocks", n, ta.live); \
        if (ta.calls <= n) {                                                               \
            ck_assert_int_eq(st, SELARAS_OK);                                              \
            break;                                                                         \
        }                                                                                  \
        ck_assert_msg(st == SELARAS_ERR_NOMEM, "allocation %ld: status %d", n, (int)st);   \
        ck_assert_msg(n < 100000, "no end");                                               \
    }

static selaras_status eval_ops(test_alloc *ta, const selaras_alignment *a)
{
    selaras_beads *g = NULL, *t = NULL;
    selaras_align_counts c;
    memset(&c, 0, sizeof c);
    const size_t s[2] = {0, 1}, x[1] = {0};
    selaras_status st = selaras_beads_new(&g, &ta->suite, NULL);
    if (st == SELARAS_OK)
        st = selaras_beads_new(&t, &ta->suite, NULL);
    if (st == SELARAS_OK)
        st = selaras_beads_parse(g, GOLD, sizeof GOLD - 1, NULL);
    if (st == SELARAS_OK)
        st = selaras_beads_add(g, s, 2, x, 1, NULL);
    if (st == SELARAS_OK)
        st = selaras_beads_add_alignment(t, a, NULL);
    if (st == SELARAS_OK)
        st = selaras_eval_align(g, t, &c, NULL);
    if (st == SELARAS_OK)
        ck_assert_uint_eq(c.strict_right + c.strict_wrong, selaras_beads_count(t));
    selaras_beads_free(g);
    selaras_beads_free(t);
    return st;
}

START_TEST(evaluation_under_allocation_failure)
{
    const char *id[] = {"Satu dua tiga.", "Empat lima."}, *en[] = {"One two three.", "Four five."};
    selaras_segments *s, *t;
    ck_assert_int_eq(selaras_segments_new(&s, "id", NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_new(&t, "en", NULL, NULL), SELARAS_OK);
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(selaras_segments_append(s, id[i], strlen(id[i]), 0, NULL), SELARAS_OK);
        ck_assert_int_eq(selaras_segments_append(t, en[i], strlen(en[i]), 0, NULL), SELARAS_OK);
    }
    selaras_aligner *al;
    selaras_alignment *a;
    ck_assert_int_eq(selaras_aligner_new(&al, "id", "en", NULL, NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_align(al, s, t, &a, NULL), SELARAS_OK);
    ALLOC_LOOP(eval_ops(&ta, a));
    const size_t gold[] = {3, 1, 2}, sys[] = {1, 3};
    selaras_boundary_counts c = {0, 0, 0};
    ALLOC_LOOP(selaras_eval_boundaries(gold, 3, sys, 2, &c, &ta.suite, NULL));
    selaras_segments *gs;
    ALLOC_LOOP((gs = NULL, selaras_segments_new(&gs, "id", &ta.suite, NULL) == SELARAS_OK
                               ? (st = selaras_eval_segments(gs, s, &c, NULL),
                                  selaras_segments_free(gs), st)
                               : SELARAS_ERR_NOMEM));
    selaras_alignment_free(a);
    selaras_aligner_free(al);
    selaras_segments_free(s);
    selaras_segments_free(t);
}
END_TEST

START_TEST(readers_and_scores_do_not_allocate)
{
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_beads *g, *t;
    ck_assert_int_eq(selaras_beads_new(&g, &ta.suite, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_beads_new(&t, &ta.suite, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_beads_parse(g, GOLD, sizeof GOLD - 1, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_beads_parse(t, TEST, sizeof TEST - 1, NULL), SELARAS_OK);
    long before = ta.calls;
    ta.fail_at = before; /* any allocation from here on would fail */
    size_t n;
    ck_assert_uint_eq(selaras_beads_src(g, 1, &n)[1], 2);
    ck_assert_uint_eq(n, 2);
    ck_assert_uint_eq(selaras_beads_tgt(g, 1, &n)[0], 1);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(selaras_beads_contains(g, t, 0), 1);
    ck_assert_int_eq(selaras_beads_contains(g, t, 1), 0);
    selaras_align_counts c = {3, 2, 4, 1, 2, 1, 3, 0};
    selaras_prf s;
    selaras_eval_align_scores(&c, &s, NULL);
    ck_assert_double_eq_tol(s.precision, 0.6, 1e-12);
    selaras_boundary_counts b = {1, 4, 2};
    ck_assert_double_eq_tol(selaras_eval_boundary_scores(&b).recall, 0.5, 1e-12);
    ck_assert_int_eq(ta.calls, before);
    selaras_beads_free(g);
    selaras_beads_free(t);
    selaras_beads_free(NULL);
    ck_assert_int_eq(ta.live, 0);
}
END_TEST

Suite *evaluate_suite(void)
{
    Suite *s = suite_create("evaluate");
    TCase *tc = tcase_create("evaluate");
    tcase_add_test(tc, parses_both_bead_formats);
    tcase_add_test(tc, bad_bead_files_say_where);
    tcase_add_test(tc, scores_follow_the_text_berg_convention);
    tcase_add_test(tc, boundaries);
    tcase_add_test(tc, evaluation_under_allocation_failure);
    tcase_add_test(tc, readers_and_scores_do_not_allocate);
    suite_add_tcase(s, tc);
    return s;
}
