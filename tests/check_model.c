/* The model apart from the aligner's working state: a model trained once and shared by
 * aligners gives what an aligner trained the same way gives, aligning leaves the model as
 * it was, results do not depend on what an aligner aligned before, learning on a shared
 * model is refused, errors and allocation failures. (8 threads sharing one model:
 * tests/thread_test.c.) */
#include <stdlib.h>
#include <string.h>

#include "check_selaras.h"

enum { N = 12 };

/* Numbered sentence pairs where "sekolah" goes with "school" and "pasar" with "market";
 * variant shifts the numbers, so that two variants share words but no numbers. */
static void corpus(int variant, selaras_segments **s, selaras_segments **t)
{
    selaras_error err;
    ck_assert_int_eq(selaras_segments_new(s, "id", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_new(t, "en", NULL, &err), SELARAS_OK);
    for (int k = 0; k < N; k++) {
        char a[128], b[128];
        int v = 10000 + 100 * variant + k; /* five digits, and 7v + 3 too */
        int na = snprintf(a, sizeof a, k % 2 ? "Pasar %d ramai dikunjungi %d warga." :
                                               "Sekolah %d dibuka untuk %d murid.", v, 7 * v + 3);
        int nb = snprintf(b, sizeof b, k % 2 ? "Market %d was visited by %d residents." :
                                               "School %d opened for %d pupils.", v, 7 * v + 3);
        ck_assert_int_eq(selaras_segments_append(*s, a, (size_t)na, SELARAS_SEGMENT_SENTENCE,
                                                 &err), SELARAS_OK);
        ck_assert_int_eq(selaras_segments_append(*t, b, (size_t)nb, SELARAS_SEGMENT_SENTENCE,
                                                 &err), SELARAS_OK);
    }
}

/* A pair the learned words must decide: no numbers, one sentence left over. */
static void probe(selaras_segments **s, selaras_segments **t)
{
    static const char *const id[] = {"Sekolah dibuka.", "Pasar ramai sekali hari ini."};
    static const char *const en[] = {"The market is very busy today."};
    selaras_error err;
    ck_assert_int_eq(selaras_segments_new(s, "id", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_new(t, "en", NULL, &err), SELARAS_OK);
    for (int k = 0; k < 2; k++)
        ck_assert_int_eq(selaras_segments_append(*s, id[k], strlen(id[k]),
                                                 SELARAS_SEGMENT_SENTENCE, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_append(*t, en[0], strlen(en[0]),
                                             SELARAS_SEGMENT_SENTENCE, &err), SELARAS_OK);
}

/* An allocator that counts the bytes it has handed out and not taken back. */
typedef struct sized {
    size_t live;
    selaras_allocator suite;
} sized;

static void *sized_malloc(size_t size, void *user)
{
    size_t *p = malloc(size + sizeof(size_t) * 2);
    if (p == NULL)
        return NULL;
    *p = size;
    ((sized *)user)->live += size;
    return p + 2;
}

static void *sized_realloc(void *ptr, size_t size, void *user)
{
    if (ptr == NULL)
        return sized_malloc(size, user);
    size_t *old = (size_t *)ptr - 2, was = *old;
    size_t *p = realloc(old, size + sizeof(size_t) * 2);
    if (p == NULL)
        return NULL;
    *p = size;
    ((sized *)user)->live += size - was;
    return p + 2;
}

static void sized_free(void *ptr, void *user)
{
    if (ptr == NULL)
        return;
    size_t *p = (size_t *)ptr - 2;
    ((sized *)user)->live -= *p;
    free(p);
}

static void sized_init(sized *z)
{
    z->live = 0;
    z->suite.malloc_fn = sized_malloc;
    z->suite.realloc_fn = sized_realloc;
    z->suite.free_fn = sized_free;
    z->suite.user = z;
}

/* The beads with their scores as "s+n:t+m=score " items, malloc'ed. */
static char *render(const selaras_alignment *a)
{
    size_t cap = 16 + selaras_alignment_count(a) * 64, n = 0;
    char *out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    out[0] = '\0';
    for (size_t b = 0; b < selaras_alignment_count(a); b++)
        n += (size_t)snprintf(out + n, cap - n, "%zu+%zu:%zu+%zu=%.9f ",
                              selaras_alignment_src_first(a, b), selaras_alignment_src_count(a, b),
                              selaras_alignment_tgt_first(a, b), selaras_alignment_tgt_count(a, b),
                              selaras_alignment_score(a, b));
    return out;
}

static char *align_render(selaras_aligner *al, const selaras_segments *s,
                          const selaras_segments *t)
{
    selaras_alignment *a;
    selaras_error err;
    ck_assert_int_eq(selaras_align(al, s, t, &a, &err), SELARAS_OK);
    char *r = render(a);
    selaras_alignment_free(a);
    return r;
}

START_TEST(shared_model_equals_own)
{
    selaras_segments *s, *t, *ps, *pt;
    corpus(0, &s, &t);
    probe(&ps, &pt);
    selaras_error err;
    selaras_model *md;
    selaras_aligner *own, *shared;
    ck_assert_int_eq(selaras_model_new(&md, "id", "en", NULL, NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_aligner_new(&own, "id", "en", NULL, NULL, &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_model_learned_pairs(md), 0);
    ck_assert_uint_eq(selaras_model_vocabulary(md), 0);
    for (int round = 0; round < 2; round++) {
        ck_assert_int_eq(selaras_model_learn(md, s, t, &err), SELARAS_OK);
        ck_assert_int_eq(selaras_aligner_learn(own, s, t, &err), SELARAS_OK);
    }
    ck_assert_uint_gt(selaras_model_learned_pairs(md), 0);
    ck_assert_uint_eq(selaras_model_learned_pairs(md), selaras_aligner_learned_pairs(own));
    ck_assert_uint_eq(selaras_model_vocabulary(md),
                      selaras_model_vocabulary(selaras_aligner_model(own)));
    ck_assert_int_eq(selaras_aligner_new_shared(&shared, md, NULL, &err), SELARAS_OK);
    ck_assert_ptr_eq(selaras_aligner_model(shared), md);
    ck_assert_uint_eq(selaras_aligner_learned_pairs(shared), selaras_model_learned_pairs(md));
    char *a = align_render(own, ps, pt), *b = align_render(shared, ps, pt);
    ck_assert_str_eq(a, b);
    /* the learned words pair "Pasar ramai…" with "The market is…" */
    ck_assert_ptr_nonnull(strstr(a, "0+1:0+0=") == a ? a : NULL);
    ck_assert_ptr_nonnull(strstr(a, "1+1:0+1="));
    free(a);
    free(b);
    /* a second aligner on the same model, and a shared aligner on an aligner's model */
    selaras_aligner *second, *third;
    ck_assert_int_eq(selaras_aligner_new_shared(&second, md, NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_aligner_new_shared(&third, selaras_aligner_model(own), NULL, &err),
                     SELARAS_OK);
    a = align_render(second, s, t);
    b = align_render(third, s, t);
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
    selaras_aligner_free(third);
    selaras_aligner_free(second);
    selaras_aligner_free(shared);
    selaras_aligner_free(own);
    selaras_model_free(md);
    selaras_segments_free(s);
    selaras_segments_free(t);
    selaras_segments_free(ps);
    selaras_segments_free(pt);
}
END_TEST

START_TEST(aligning_leaves_the_model_and_forgets_the_call)
{
    selaras_segments *s, *t;
    corpus(0, &s, &t);
    selaras_error err;
    selaras_model *md;
    ck_assert_int_eq(selaras_model_new(&md, "id", "en", NULL, NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_model_learn(md, s, t, &err), SELARAS_OK);
    size_t keys = selaras_model_vocabulary(md), pairs = selaras_model_learned_pairs(md);
    ck_assert_uint_gt(keys, 0);
    sized z;
    sized_init(&z);
    selaras_aligner *al;
    ck_assert_int_eq(selaras_aligner_new_shared(&al, md, &z.suite, &err), SELARAS_OK);
    /* the first pair, on a fresh aligner */
    selaras_segments *first_s, *first_t;
    corpus(1, &first_s, &first_t);
    char *fresh = align_render(al, first_s, first_t);
    size_t live_after_one = z.live;
    /* forty pairs of new numbers (new keys each time), then the first one again */
    for (int v = 2; v < 42; v++) {
        selaras_segments *vs, *vt;
        corpus(v, &vs, &vt);
        char *r = align_render(al, vs, vt);
        free(r);
        selaras_segments_free(vs);
        selaras_segments_free(vt);
        ck_assert_uint_eq(selaras_model_vocabulary(md), keys);
        /* not a byte more than after the first call: the call's keys were dropped */
        ck_assert_uint_eq(z.live, live_after_one);
    }
    ck_assert_uint_eq(selaras_model_learned_pairs(md), pairs);
    char *again = align_render(al, first_s, first_t);
    ck_assert_str_eq(again, fresh);
    free(again);
    free(fresh);
    selaras_aligner_free(al);
    ck_assert_uint_eq(z.live, 0);
    /* an aligner with its own model that never learned keeps it empty */
    ck_assert_int_eq(selaras_aligner_new(&al, "id", "en", NULL, NULL, &err), SELARAS_OK);
    for (int v = 0; v < 3; v++) {
        char *r = align_render(al, s, t);
        free(r);
    }
    ck_assert_uint_eq(selaras_model_vocabulary(selaras_aligner_model(al)), 0);
    selaras_aligner_free(al);
    selaras_model_free(md);
    selaras_segments_free(s);
    selaras_segments_free(t);
    selaras_segments_free(first_s);
    selaras_segments_free(first_t);
}
END_TEST

START_TEST(errors)
{
    selaras_error err;
    selaras_model *md = (selaras_model *)&err;
    selaras_aligner *al = (selaras_aligner *)&err;
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT,
                    selaras_model_new(NULL, "id", "en", NULL, NULL, &err), SELARAS_NO_OFFSET,
                    "out");
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_model_new(&md, NULL, "en", NULL, NULL, &err),
                    SELARAS_NO_OFFSET, "language");
    ck_assert_ptr_null(md);
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE,
                    selaras_model_new(&md, "id", "x!", NULL, NULL, &err), SELARAS_NO_OFFSET, NULL);
    selaras_lexicon *lex;
    ck_assert_int_eq(selaras_lexicon_new(&lex, "de", "en", NULL, &err), SELARAS_OK);
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, selaras_model_new(&md, "id", "en", lex, NULL, &err),
                    SELARAS_NO_OFFSET, "de-en");
    selaras_lexicon_free(lex);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_aligner_new_shared(&al, NULL, NULL, &err),
                    SELARAS_NO_OFFSET, "model");
    ck_assert_ptr_null(al);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_aligner_new_shared(NULL, md, NULL, &err),
                    SELARAS_NO_OFFSET, "out");
    selaras_segments *s, *t;
    corpus(0, &s, &t);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_model_learn(NULL, s, t, &err),
                    SELARAS_NO_OFFSET, "model");
    ck_assert_int_eq(selaras_model_new(&md, "id", "en", NULL, NULL, &err), SELARAS_OK);
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, selaras_model_learn(md, t, s, &err),
                    SELARAS_NO_OFFSET, "source segments are in 'en'");
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_model_learn(md, s, NULL, &err),
                    SELARAS_NO_OFFSET, NULL);
    ck_assert_uint_eq(selaras_model_vocabulary(md), 0);
    ck_assert_int_eq(selaras_aligner_new_shared(&al, md, NULL, &err), SELARAS_OK);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_aligner_learn(al, s, t, &err),
                    SELARAS_NO_OFFSET, "shared");
    ck_assert_uint_eq(selaras_model_learned_pairs(md), 0);
    ck_assert_ptr_null(selaras_aligner_model(NULL));
    ck_assert_uint_eq(selaras_model_learned_pairs(NULL), 0);
    ck_assert_uint_eq(selaras_model_vocabulary(NULL), 0);
    selaras_aligner_free(al);
    selaras_model_free(md);
    selaras_model_free(NULL);
    selaras_segments_free(s);
    selaras_segments_free(t);
}
END_TEST

/* Under allocation failure N: make a model, learn twice, share it, align. Every failure
 * is NOMEM, leaves nothing allocated, and the run that no failure reached gives the
 * beads of a run without failures. */
START_TEST(allocation_failures)
{
    selaras_segments *s, *t, *ps, *pt;
    corpus(0, &s, &t);
    probe(&ps, &pt);
    char *expected;
    {
        selaras_model *md;
        selaras_aligner *al;
        selaras_error err;
        ck_assert_int_eq(selaras_model_new(&md, "id", "en", NULL, NULL, &err), SELARAS_OK);
        ck_assert_int_eq(selaras_model_learn(md, s, t, &err), SELARAS_OK);
        ck_assert_int_eq(selaras_model_learn(md, s, t, &err), SELARAS_OK);
        ck_assert_int_eq(selaras_aligner_new_shared(&al, md, NULL, &err), SELARAS_OK);
        expected = align_render(al, ps, pt);
        selaras_aligner_free(al);
        selaras_model_free(md);
    }
    int succeeded = 0;
    for (long fail = 0; fail < 100000 && !succeeded; fail++) {
        test_alloc ta;
        test_alloc_init(&ta, fail);
        selaras_error err;
        selaras_model *md = NULL;
        selaras_aligner *al = NULL;
        selaras_alignment *a = NULL;
        selaras_status st = selaras_model_new(&md, "id", "en", NULL, &ta.suite, &err);
        size_t pairs = 0;
        for (int round = 0; round < 2 && st == SELARAS_OK; round++) {
            pairs = selaras_model_learned_pairs(md);
            st = selaras_model_learn(md, s, t, &err);
            if (st != SELARAS_OK)
                ck_assert_uint_eq(selaras_model_learned_pairs(md), pairs);
        }
        if (st == SELARAS_OK)
            st = selaras_aligner_new_shared(&al, md, &ta.suite, &err);
        if (st == SELARAS_OK) {
            /* the readers do not allocate, and aligning adds nothing to the model */
            size_t keys = selaras_model_vocabulary(md);
            ck_assert_ptr_eq(selaras_aligner_model(al), md);
            st = selaras_align(al, ps, pt, &a, &err);
            ck_assert_uint_eq(selaras_model_vocabulary(md), keys);
        }
        if (st == SELARAS_OK) {
            char *got = render(a);
            ck_assert_str_eq(got, expected);
            free(got);
            succeeded = ta.calls <= fail;
        } else {
            ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
            ck_assert_ptr_null(a);
        }
        selaras_alignment_free(a);
        selaras_aligner_free(al);
        selaras_model_free(md);
        ck_assert_int_eq(ta.live, 0);
    }
    ck_assert(succeeded);
    free(expected);
    selaras_segments_free(s);
    selaras_segments_free(t);
    selaras_segments_free(ps);
    selaras_segments_free(pt);
}
END_TEST

Suite *model_suite(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("model");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, shared_model_equals_own);
    tcase_add_test(tc, aligning_leaves_the_model_and_forgets_the_call);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, allocation_failures);
    suite_add_tcase(s, tc);
    return s;
}

/* ---- alignment weighed by the parallelness score ---- */

/* selaras_align_scored() of s and t: the document score, and every weighed confidence
 * checked against the raw one of selaras_align(). Returns the document score. */
static double scored(selaras_aligner *al, const selaras_segments *s, const selaras_segments *t,
                     double *max_raw, double *max_weighed)
{
    selaras_alignment *raw, *a;
    selaras_error err;
    selaras_parallel_evidence ev;
    ck_assert_int_eq(selaras_align(al, s, t, &raw, &err), SELARAS_OK);
    ck_assert(selaras_alignment_document_score(raw) == -1.0);
    ck_assert_int_eq(selaras_align_scored(al, s, t, &a, &ev, &err), SELARAS_OK);
    double score = selaras_alignment_document_score(a);
    ck_assert(score >= 0 && score <= 1);
    ck_assert(ev.score == score);
    double w = score >= 0.8 ? 1.0 : score / 0.8;
    ck_assert_uint_eq(selaras_alignment_count(a), selaras_alignment_count(raw));
    *max_raw = *max_weighed = 0;
    for (size_t b = 0; b < selaras_alignment_count(a); b++) {
        ck_assert_uint_eq(selaras_alignment_src_first(a, b), selaras_alignment_src_first(raw, b));
        ck_assert_uint_eq(selaras_alignment_tgt_count(a, b), selaras_alignment_tgt_count(raw, b));
        double r = selaras_alignment_score(raw, b), c = selaras_alignment_score(a, b);
        ck_assert_msg(c > r * w - 1e-12 && c < r * w + 1e-12, "bead %zu: %f, raw %f", b, c, r);
        if (r > *max_raw)
            *max_raw = r;
        if (c > *max_weighed)
            *max_weighed = c;
    }
    selaras_alignment_free(raw);
    selaras_alignment_free(a);
    return score;
}

START_TEST(scored_alignment)
{
    selaras_segments *s, *t, *os, *ot;
    corpus(0, &s, &t);
    corpus(7, &os, &ot); /* the same words, other numbers: another release */
    selaras_error err;
    selaras_aligner *al;
    ck_assert_int_eq(selaras_aligner_new(&al, "id", "en", NULL, NULL, &err), SELARAS_OK);
    double raw, weighed;
    double good = scored(al, s, t, &raw, &weighed);
    ck_assert_msg(good >= selaras_parallel_threshold(), "true pair scored %f", good);
    ck_assert(weighed >= 0.9);
    double bad = scored(al, s, ot, &raw, &weighed);
    ck_assert_msg(bad < selaras_parallel_threshold(), "mismatched pair scored %f", bad);
    ck_assert_msg(weighed < 0.9, "a mismatched bead claims %f", weighed);
    ck_assert_msg(weighed < raw * 0.7, "weighed %f, raw %f", weighed, raw);
    selaras_alignment *a = (selaras_alignment *)&err;
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_align_scored(al, s, t, NULL, NULL, &err),
                    SELARAS_NO_OFFSET, "out");
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, selaras_align_scored(al, t, s, &a, NULL, &err),
                    SELARAS_NO_OFFSET, NULL);
    ck_assert_ptr_null(a);
    ck_assert(selaras_alignment_document_score(NULL) == -1.0);
    selaras_aligner_free(al);
    selaras_segments_free(s);
    selaras_segments_free(t);
    selaras_segments_free(os);
    selaras_segments_free(ot);
}
END_TEST

/* A rewrite that moved a paragraph: the aligner's beads cross, and the pair is still
 * scored (with its beads) as the translation it is. */
START_TEST(scored_moved_paragraph)
{
    static const char *const id[] = {
        "Pemerintah kota membuka 12 taman baru di Jakarta Timur pada 2024.",
        "Taman itu tersebar di 5 kecamatan dengan luas total 8 hektare.",
        "\"Kami ingin setiap warga punya ruang hijau,\" kata Wali Kota Budi Santoso.",
        "Budi menyebut anggaran taman mencapai Rp40 miliar dari APBD 2024.",
        "Taman buka setiap hari pukul 06.00 sampai 22.00.",
        "Pengunjung tidak dipungut biaya masuk, kecuali parkir Rp2.000."};
    static const char *const en[] = {
        "The city government opened 12 new parks in East Jakarta in 2024.",
        "The parks are spread over 5 districts with a total area of 8 hectares.",
        "The parks open every day from 06.00 to 22.00.",
        "Visitors pay no entrance fee, except parking at Rp2,000.",
        "\"We want every resident to have green space,\" said Mayor Budi Santoso.",
        "Budi said the park budget reached Rp40 billion from the 2024 APBD."};
    selaras_segments *s, *t;
    selaras_error err;
    ck_assert_int_eq(selaras_segments_new(&s, "id", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_new(&t, "en", NULL, &err), SELARAS_OK);
    for (int k = 0; k < 6; k++) {
        ck_assert_int_eq(selaras_segments_append(s, id[k], strlen(id[k]),
                                                 SELARAS_SEGMENT_SENTENCE, &err), SELARAS_OK);
        ck_assert_int_eq(selaras_segments_append(t, en[k], strlen(en[k]),
                                                 SELARAS_SEGMENT_SENTENCE, &err), SELARAS_OK);
    }
    selaras_aligner *al;
    ck_assert_int_eq(selaras_aligner_new(&al, "id", "en", NULL, NULL, &err), SELARAS_OK);
    double raw, weighed;
    double score = scored(al, s, t, &raw, &weighed);
    ck_assert_msg(score >= selaras_parallel_threshold(), "moved paragraph scored %f", score);
    selaras_alignment *a;
    ck_assert_int_eq(selaras_align_scored(al, s, t, &a, NULL, &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_alignment_tgt_first(a, 2), 4); /* the beads cross */
    selaras_alignment_free(a);
    selaras_aligner_free(al);
    selaras_segments_free(s);
    selaras_segments_free(t);
}
END_TEST

START_TEST(scored_allocation_failures)
{
    selaras_segments *s, *t;
    corpus(0, &s, &t);
    int succeeded = 0;
    for (long fail = 0; fail < 100000 && !succeeded; fail++) {
        test_alloc ta;
        test_alloc_init(&ta, fail);
        selaras_error err;
        selaras_aligner *al = NULL;
        selaras_alignment *a = (selaras_alignment *)&err;
        selaras_status st = selaras_aligner_new(&al, "id", "en", NULL, &ta.suite, &err);
        if (st == SELARAS_OK)
            st = selaras_align_scored(al, s, t, &a, NULL, &err);
        if (st == SELARAS_OK) {
            ck_assert(selaras_alignment_document_score(a) >= selaras_parallel_threshold());
            succeeded = ta.calls <= fail;
            selaras_alignment_free(a);
        } else {
            ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
            if (al != NULL)
                ck_assert_ptr_null(a);
        }
        selaras_aligner_free(al);
        ck_assert_int_eq(ta.live, 0);
    }
    ck_assert(succeeded);
    selaras_segments_free(s);
    selaras_segments_free(t);
}
END_TEST

Suite *scored_suite(void)
{
    Suite *s = suite_create("scored");
    TCase *tc = tcase_create("scored");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, scored_alignment);
    tcase_add_test(tc, scored_moved_paragraph);
    tcase_add_test(tc, scored_allocation_failures);
    suite_add_tcase(s, tc);
    return s;
}
