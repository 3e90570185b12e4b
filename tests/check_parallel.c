/* The parallelness score of two documents: translations against mismatched pairs,
 * normalised numbers and flipped dates, the evidence struct, beads, errors and allocation
 * failures. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check_selaras.h"

static selaras_segments *lines(const char *lang, const char *text, const selaras_allocator *mem)
{
    selaras_doc *doc;
    selaras_segments *segs;
    selaras_error err;
    ck_assert_int_eq(selaras_doc_new(&doc, text, strlen(text), lang, 0, mem, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_from_lines(&segs, doc, &err), SELARAS_OK);
    selaras_doc_free(doc);
    return segs;
}

static selaras_segments *file_lines(const char *name, const char *lang)
{
    char *path = test_data_path(name);
    char *text = test_read_file(path, NULL);
    ck_assert_msg(text != NULL, "cannot read %s", path);
    selaras_segments *segs = lines(lang, text, NULL);
    free(text);
    free(path);
    return segs;
}

static selaras_lexicon *tiny_lexicon(void)
{
    selaras_lexicon *lex;
    selaras_error err;
    ck_assert_int_eq(selaras_lexicon_new(&lex, "id", "en", NULL, &err), SELARAS_OK);
    char *path = test_data_path("lexicon/dictd/freedict-eng-ind.index");
    ck_assert_int_eq(selaras_lexicon_load(lex, path, SELARAS_DICT_FREEDICT, &err), SELARAS_OK);
    free(path);
    return lex;
}

static double score_of(const char *id_name, const char *en_name, const selaras_lexicon *lex,
                       selaras_parallel_evidence *ev)
{
    selaras_segments *a = file_lines(id_name, "id"), *b = file_lines(en_name, "en");
    double s = -1;
    selaras_error err;
    ck_assert_int_eq(selaras_parallel_score(a, b, lex, NULL, &s, ev, &err), SELARAS_OK);
    ck_assert(s >= 0 && s <= 1);
    selaras_segments_free(a);
    selaras_segments_free(b);
    return s;
}

static const char *const pairs[] = {"numbers", "dates", "types", "pullquote"};

START_TEST(translations_pass_mismatches_fail)
{
    selaras_lexicon *lex = tiny_lexicon();
    for (int with = 0; with < 2; with++)
        for (size_t i = 0; i < 4; i++)
            for (size_t j = 0; j < 4; j++) {
                char a[64], b[64];
                snprintf(a, sizeof a, "align/%s.id", pairs[i]);
                snprintf(b, sizeof b, "align/%s.en", pairs[j]);
                double s = score_of(a, b, with ? lex : NULL, NULL);
                if (i == j)
                    ck_assert_msg(s >= SELARAS_PARALLEL_THRESHOLD, "%s/%s (lexicon %d): %.3f", a, b, with, s);
                else
                    ck_assert_msg(s < SELARAS_PARALLEL_THRESHOLD, "%s/%s (lexicon %d): %.3f", a, b, with, s);
            }
    selaras_lexicon_free(lex);
    ck_assert(selaras_parallel_threshold() == SELARAS_PARALLEL_THRESHOLD);
}
END_TEST

START_TEST(numbers_and_dates_normalised)
{
    selaras_segments *a = lines("id", "Anggaran Rp 2,5 miliar untuk 1.500,5 ton pada Selasa (27/1).\n"
                                      "Lihat https://jakarta.go.id/rilis untuk BPBD.\n", NULL);
    selaras_segments *b = lines("en", "A budget of IDR 2.5 billion for 1,500.5 tons on Tuesday (1/27).\n"
                                      "See https://jakarta.go.id/rilis/ for BPBD.\n", NULL);
    selaras_segments *c = lines("en", "A budget of IDR 3.5 billion for 1,700.5 tons on Tuesday (2/27).\n"
                                      "See https://bandung.go.id/rilis/ for Damkar.\n", NULL);
    selaras_parallel_evidence ev;
    double s, s2;
    ck_assert_int_eq(selaras_parallel_score(a, b, NULL, NULL, &s, &ev, NULL), SELARAS_OK);
    /* 2.5e9, 1500.5, the date and the URL */
    ck_assert_uint_eq(ev.shared_anchors, 4);
    ck_assert_uint_eq(ev.src_anchors, 4);
    ck_assert(ev.anchors > 0.7);
    ck_assert(ev.names > 0.5); /* BPBD */
    ck_assert(ev.lexicon == -1 && ev.beads == -1);
    ck_assert(ev.score == s);
    ck_assert(s >= SELARAS_PARALLEL_THRESHOLD);
    ck_assert_int_eq(selaras_parallel_score(a, c, NULL, NULL, &s2, &ev, NULL), SELARAS_OK);
    ck_assert_uint_eq(ev.shared_anchors, 0);
    ck_assert(s2 < SELARAS_PARALLEL_THRESHOLD);
    selaras_segments_free(a);
    selaras_segments_free(b);
    selaras_segments_free(c);
}
END_TEST

START_TEST(beads_add_evidence)
{
    selaras_lexicon *lex = tiny_lexicon();
    selaras_segments *a = file_lines("align/types.id", "id"), *b = file_lines("align/types.en", "en");
    selaras_segments *c = file_lines("align/dates.en", "en");
    selaras_aligner *al;
    selaras_alignment *ab, *ac;
    ck_assert_int_eq(selaras_aligner_new(&al, "id", "en", lex, NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_align(al, a, b, &ab, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_align(al, a, c, &ac, NULL), SELARAS_OK);
    selaras_parallel_evidence ev;
    double s;
    ck_assert_int_eq(selaras_parallel_score(a, b, lex, ab, &s, &ev, NULL), SELARAS_OK);
    double share = ev.beads;
    ck_assert(share > 0 && share <= 1);
    ck_assert(s >= SELARAS_PARALLEL_THRESHOLD);
    ck_assert_int_eq(selaras_parallel_score(a, c, lex, ac, &s, &ev, NULL), SELARAS_OK);
    ck_assert(ev.beads >= 0 && ev.beads < share);
    ck_assert(s < SELARAS_PARALLEL_THRESHOLD);
    /* an alignment of other lists is refused */
    selaras_error err;
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_parallel_score(a, c, lex, ab, &s, NULL, &err),
                    SELARAS_NO_OFFSET, "does not cover");
    selaras_alignment_free(ab);
    selaras_alignment_free(ac);
    selaras_aligner_free(al);
    selaras_segments_free(a);
    selaras_segments_free(b);
    selaras_segments_free(c);
    selaras_lexicon_free(lex);
}
END_TEST

START_TEST(empty_and_bad_arguments)
{
    selaras_segments *e1, *e2;
    ck_assert_int_eq(selaras_segments_new(&e1, "id", NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_new(&e2, "en", NULL, NULL), SELARAS_OK);
    selaras_segments *b = file_lines("align/dates.en", "en");
    double s = -1;
    selaras_parallel_evidence ev;
    ck_assert_int_eq(selaras_parallel_score(e1, e2, NULL, NULL, &s, &ev, NULL), SELARAS_OK);
    ck_assert(s == 0 && ev.anchors == -1 && ev.length_ratio == -1);
    ck_assert_int_eq(selaras_parallel_score(e1, b, NULL, NULL, &s, NULL, NULL), SELARAS_OK);
    ck_assert(s == 0);
    selaras_error err;
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_parallel_score(NULL, b, NULL, NULL, &s, NULL, &err),
                    SELARAS_NO_OFFSET, "segment list");
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_parallel_score(e1, b, NULL, NULL, NULL, NULL, &err),
                    SELARAS_NO_OFFSET, "score");
    selaras_segments_free(e1);
    selaras_segments_free(e2);
    selaras_segments_free(b);
}
END_TEST

START_TEST(score_allocation_failures)
{
    selaras_lexicon *lex = tiny_lexicon();
    selaras_segments *b = file_lines("align/types.en", "en");
    char *path = test_data_path("align/types.id");
    char *text = test_read_file(path, NULL);
    double want;
    {
        selaras_segments *a = lines("id", text, NULL);
        ck_assert_int_eq(selaras_parallel_score(a, b, lex, NULL, &want, NULL, NULL), SELARAS_OK);
        selaras_segments_free(a);
    }
    int succeeded = 0;
    for (long fail = 0; !succeeded && fail < 10000; fail++) {
        test_alloc ta;
        test_alloc_init(&ta, -1);
        selaras_segments *a = lines("id", text, &ta.suite);
        ta.fail_at = ta.calls + fail;
        double s = -1;
        selaras_error err;
        selaras_status st = selaras_parallel_score(a, b, lex, NULL, &s, NULL, &err);
        if (st == SELARAS_OK) {
            ck_assert(s == want);
            succeeded = 1;
        } else {
            ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
            ck_assert(s == -1);
        }
        selaras_segments_free(a);
        ck_assert_int_eq(ta.live, 0);
    }
    ck_assert(succeeded);
    free(text);
    free(path);
    selaras_segments_free(b);
    selaras_lexicon_free(lex);
}
END_TEST

/* Eight threads score pairs at once, sharing one lexicon (only read): each gets the
 * scores one thread gets. */
typedef struct score_job {
    const selaras_lexicon *lex;
    selaras_segments *src[4], *tgt[4];
    double want[4][4];
    int ok;
} score_job;

static void *score_all(void *arg)
{
    score_job *j = arg;
    j->ok = 1;
    for (int round = 0; round < 3; round++)
        for (size_t a = 0; a < 4; a++)
            for (size_t b = 0; b < 4; b++) {
                double s;
                if (selaras_parallel_score(j->src[a], j->tgt[b], j->lex, NULL, &s, NULL, NULL) !=
                        SELARAS_OK ||
                    s != j->want[a][b])
                    j->ok = 0;
            }
    return NULL;
}

START_TEST(score_on_eight_threads)
{
    selaras_lexicon *lex = tiny_lexicon();
    score_job jobs[8];
    for (int t = 0; t < 8; t++) {
        jobs[t].lex = lex;
        for (size_t i = 0; i < 4; i++) {
            char a[64], b[64];
            snprintf(a, sizeof a, "align/%s.id", pairs[i]);
            snprintf(b, sizeof b, "align/%s.en", pairs[i]);
            jobs[t].src[i] = file_lines(a, "id");
            jobs[t].tgt[i] = file_lines(b, "en");
        }
    }
    for (size_t a = 0; a < 4; a++)
        for (size_t b = 0; b < 4; b++) {
            double s;
            ck_assert_int_eq(selaras_parallel_score(jobs[0].src[a], jobs[0].tgt[b], lex, NULL, &s,
                                                    NULL, NULL),
                             SELARAS_OK);
            for (int t = 0; t < 8; t++)
                jobs[t].want[a][b] = s;
        }
    pthread_t th[8];
    for (int t = 0; t < 8; t++)
        ck_assert_int_eq(pthread_create(&th[t], NULL, score_all, &jobs[t]), 0);
    for (int t = 0; t < 8; t++) {
        ck_assert_int_eq(pthread_join(th[t], NULL), 0);
        ck_assert_msg(jobs[t].ok, "thread %d got other scores", t);
        for (size_t i = 0; i < 4; i++) {
            selaras_segments_free(jobs[t].src[i]);
            selaras_segments_free(jobs[t].tgt[i]);
        }
    }
    selaras_lexicon_free(lex);
}
END_TEST

Suite *parallel_suite(void)
{
    Suite *s = suite_create("parallel");
    TCase *tc = tcase_create("score");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, translations_pass_mismatches_fail);
    tcase_add_test(tc, numbers_and_dates_normalised);
    tcase_add_test(tc, beads_add_evidence);
    tcase_add_test(tc, empty_and_bad_arguments);
    tcase_add_test(tc, score_allocation_failures);
    tcase_add_test(tc, score_on_eight_threads);
    suite_add_tcase(s, tc);
    return s;
}
