/* Batch: pairs of files read, segmented, aligned on 1 or 4 threads sharing one model and
 * written in the order they were added (byte-identical output), a pair of
 * non-translations refused (or forced), an unreadable and a non-UTF-8 file skipped with
 * their reasons, progress, the per-stage times, errors (a writer that fails stops the
 * threads) and allocation failures. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_selaras.h"

static char dir[64];

/* A folder with the aligned test pairs copied in, a non-UTF-8 file and a folder named
 * like a text file (it cannot be read as one). */
static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/selaras-batch-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    static const char *const names[] = {"numbers.id", "numbers.en", "dates.id", "dates.en",
                                        "types.id", "types.en", "pullquote.id", "pullquote.en"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char from[64], to[128];
        snprintf(from, sizeof from, "align/%s", names[i]);
        char *path = test_data_path(from);
        size_t len;
        char *text = test_read_file(path, &len);
        ck_assert_ptr_nonnull(text);
        snprintf(to, sizeof to, "%s/%s", dir, names[i]);
        FILE *f = fopen(to, "wb");
        ck_assert_ptr_nonnull(f);
        ck_assert_uint_eq(fwrite(text, 1, len, f), len);
        fclose(f);
        free(text);
        free(path);
    }
    char p[128];
    snprintf(p, sizeof p, "%s/latin1.en", dir);
    FILE *f = fopen(p, "wb");
    ck_assert_ptr_nonnull(f);
    fputs("The city opened a market.\nThe caf\xe9 is new.\n", f);
    fclose(f);
    snprintf(p, sizeof p, "%s/folder.id", dir);
    ck_assert_int_eq(mkdir(p, 0700), 0);
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static void add(selaras_batch *b, const char *s, const char *t)
{
    char sp[128], tp[128];
    selaras_error err;
    snprintf(sp, sizeof sp, "%s/%s", dir, s);
    snprintf(tp, sizeof tp, "%s/%s", dir, t);
    ck_assert_int_eq(selaras_batch_add(b, sp, tp, &err), SELARAS_OK);
}

/* Pairs 0-3 translate each other, 4 does not, 5 has a non-UTF-8 target, 6 a source that
 * is a folder. */
static void add_all(selaras_batch *b)
{
    add(b, "numbers.id", "numbers.en");
    add(b, "dates.id", "dates.en");
    add(b, "types.id", "types.en");
    add(b, "pullquote.id", "pullquote.en");
    add(b, "numbers.id", "dates.en");
    add(b, "types.id", "latin1.en");
    add(b, "folder.id", "types.en");
}

typedef struct progress {
    size_t calls, last_done, total, beads;
} progress;

static void on_progress(void *user, size_t done, size_t total, size_t beads)
{
    progress *p = user;
    ck_assert_uint_eq(done, p->last_done + 1);
    ck_assert_uint_ge(beads, p->beads);
    p->calls++;
    p->last_done = done;
    p->total = total;
    p->beads = beads;
}

static selaras_writer *writer_to(const char *path, selaras_format fmt)
{
    selaras_writer *w;
    selaras_error err;
    ck_assert_int_eq(selaras_writer_new(&w, fmt, path, NULL, "id", "en", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_time(w, 1700000000, &err), SELARAS_OK);
    return w;
}

/* Run the batch of add_all() on jobs threads into path; returns the output. */
static char *run_to(const selaras_model *md, unsigned jobs, int force, const char *name,
                    selaras_batch **out)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    selaras_writer *w = writer_to(path, SELARAS_FORMAT_TMX);
    selaras_batch *b;
    selaras_error err;
    ck_assert_int_eq(selaras_batch_new(&b, md, NULL, &err), SELARAS_OK);
    add_all(b);
    ck_assert_int_eq(selaras_batch_set_jobs(b, jobs, &err), SELARAS_OK);
    selaras_batch_set_force(b, force);
    progress pr = {0, 0, 0, 0};
    selaras_batch_set_progress(b, on_progress, &pr);
    ck_assert_int_eq(selaras_batch_run(b, w, &err), SELARAS_OK);
    ck_assert_uint_eq(pr.calls, 7);
    ck_assert_uint_eq(pr.total, 7);
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
    selaras_writer_free(w);
    char *text = test_read_file(path, NULL);
    ck_assert_ptr_nonnull(text);
    *out = b;
    return text;
}

START_TEST(batch_same_output_on_any_number_of_threads)
{
    make_dir();
    selaras_model *md;
    selaras_error err;
    ck_assert_int_eq(selaras_model_new(&md, "id", "en", NULL, NULL, &err), SELARAS_OK);
    selaras_batch *one, *four;
    char *a = run_to(md, 1, 0, "one.tmx", &one);
    char *b = run_to(md, 4, 0, "four.tmx", &four);
    ck_assert_str_eq(a, b);
    ck_assert_ptr_nonnull(strstr(a, "Jumlah relawan mencapai 12.500 orang"));
    /* outcomes, scores and reasons, the same both ways */
    static const selaras_batch_outcome expect[] = {
        SELARAS_BATCH_ALIGNED, SELARAS_BATCH_ALIGNED, SELARAS_BATCH_ALIGNED,
        SELARAS_BATCH_ALIGNED, SELARAS_BATCH_REFUSED, SELARAS_BATCH_SKIPPED,
        SELARAS_BATCH_SKIPPED};
    ck_assert_uint_eq(selaras_batch_count(one), 7);
    for (size_t i = 0; i < 7; i++) {
        ck_assert_int_eq(selaras_batch_outcome_of(one, i), expect[i]);
        ck_assert_int_eq(selaras_batch_outcome_of(four, i), expect[i]);
        ck_assert(selaras_batch_score(one, i) == selaras_batch_score(four, i));
        if (i < 4)
            ck_assert(selaras_batch_score(one, i) >= selaras_parallel_threshold());
        if (i == 4)
            ck_assert(selaras_batch_score(one, i) < selaras_parallel_threshold());
        if (i >= 5)
            ck_assert(selaras_batch_score(one, i) == -1.0);
        ck_assert((selaras_batch_reason(one, i) != NULL) == (i >= 5));
    }
    ck_assert_str_eq(selaras_batch_reason(one, 5), selaras_batch_reason(four, 5));
    ck_assert_msg(strstr(selaras_batch_reason(one, 5), "latin1.en:2:8: invalid UTF-8") != NULL, "%s",
                  selaras_batch_reason(one, 5));
    ck_assert_msg(strstr(selaras_batch_reason(one, 6), "folder.id") != NULL, "%s",
                  selaras_batch_reason(one, 6));
    ck_assert_ptr_nonnull(strstr(selaras_batch_source(one, 6), "/folder.id"));
    ck_assert_ptr_nonnull(strstr(selaras_batch_target(one, 0), "/numbers.en"));
    ck_assert_ptr_null(selaras_batch_source(one, 7));
    ck_assert_ptr_null(selaras_batch_reason(one, 7));
    ck_assert_int_eq(selaras_batch_outcome_of(one, 7), SELARAS_BATCH_PENDING);
    /* beads by type: the same both ways, 1-1 beads the most */
    size_t total = 0;
    for (unsigned s = 0; s <= 3; s++)
        for (unsigned t = 0; t <= 3; t++) {
            ck_assert_uint_eq(selaras_batch_beads(one, s, t), selaras_batch_beads(four, s, t));
            total += selaras_batch_beads(one, s, t);
        }
    ck_assert_uint_gt(selaras_batch_beads(one, 1, 1), total / 2);
    ck_assert_uint_eq(selaras_batch_beads(one, 4, 1), 0);
    for (int st = SELARAS_STAGE_READ; st <= SELARAS_STAGE_WRITE; st++)
        ck_assert(selaras_batch_seconds(one, (selaras_batch_stage)st) >= 0);
    ck_assert(selaras_batch_seconds(one, SELARAS_STAGE_ALIGN) > 0);
    ck_assert(selaras_batch_seconds(one, (selaras_batch_stage)9) == 0);
    selaras_batch_free(one);
    selaras_batch_free(four);
    free(a);
    free(b);
    /* forced: the mismatched pair is aligned too, and its beads stay below 0.9 */
    selaras_batch *forced;
    char *c = run_to(md, 2, 1, "forced.tmx", &forced);
    ck_assert_int_eq(selaras_batch_outcome_of(forced, 4), SELARAS_BATCH_ALIGNED);
    ck_assert_uint_gt(strlen(c), strlen(b = run_to(md, 1, 0, "again.tmx", &one)));
    selaras_batch_free(one);
    free(b);
    free(c);
    selaras_batch_free(forced);
    selaras_model_free(md);
    remove_dir();
}
END_TEST

START_TEST(batch_errors)
{
    make_dir();
    selaras_model *md;
    selaras_error err;
    ck_assert_int_eq(selaras_model_new(&md, "id", "en", NULL, NULL, &err), SELARAS_OK);
    selaras_batch *b = (selaras_batch *)&err;
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_batch_new(&b, NULL, NULL, &err),
                    SELARAS_NO_OFFSET, "model");
    ck_assert_ptr_null(b);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_batch_new(NULL, md, NULL, &err),
                    SELARAS_NO_OFFSET, "out");
    ck_assert_int_eq(selaras_batch_new(&b, md, NULL, &err), SELARAS_OK);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_batch_add(b, NULL, "x", &err),
                    SELARAS_NO_OFFSET, NULL);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_batch_set_jobs(b, 0, &err),
                    SELARAS_NO_OFFSET, "1 to 256");
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_batch_set_jobs(b, 257, &err),
                    SELARAS_NO_OFFSET, "257 jobs");
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_batch_run(b, NULL, &err),
                    SELARAS_NO_OFFSET, "writer");
    for (int i = 0; i < 6; i++)
        add(b, "numbers.id", "numbers.en");
    ck_assert_int_eq(selaras_batch_set_jobs(b, 3, &err), SELARAS_OK);
    /* a writer that fails (closed already) stops the run and its threads */
    char path[128];
    snprintf(path, sizeof path, "%s/closed.tsv", dir);
    selaras_writer *w = writer_to(path, SELARAS_FORMAT_TSV);
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
    ck_assert_error(&err, SELARAS_ERR_STATE, selaras_batch_run(b, w, &err), SELARAS_NO_OFFSET,
                    NULL);
    ck_assert_int_eq(selaras_batch_outcome_of(b, 0), SELARAS_BATCH_ALIGNED);
    /* a batch runs once */
    ck_assert_error(&err, SELARAS_ERR_STATE, selaras_batch_run(b, w, &err), SELARAS_NO_OFFSET,
                    "has run");
    ck_assert_error(&err, SELARAS_ERR_STATE, selaras_batch_add(b, "a", "b", &err),
                    SELARAS_NO_OFFSET, "has run");
    selaras_writer_free(w);
    selaras_batch_free(b);
    /* an empty batch writes an empty memory */
    ck_assert_int_eq(selaras_batch_new(&b, md, NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_batch_set_jobs(b, 4, &err), SELARAS_OK);
    w = writer_to(path, SELARAS_FORMAT_TSV);
    ck_assert_int_eq(selaras_batch_run(b, w, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_WRITTEN), 0);
    selaras_writer_free(w);
    selaras_batch_free(b);
    /* NULL handles */
    selaras_batch_free(NULL);
    selaras_batch_set_force(NULL, 1);
    selaras_batch_set_progress(NULL, NULL, NULL);
    ck_assert_uint_eq(selaras_batch_count(NULL), 0);
    ck_assert(selaras_batch_score(NULL, 0) == -1.0);
    ck_assert_uint_eq(selaras_batch_beads(NULL, 1, 1), 0);
    ck_assert(selaras_batch_seconds(NULL, SELARAS_STAGE_READ) == 0);
    selaras_model_free(md);
    remove_dir();
}
END_TEST

/* Under allocation failure N (one job: the counting allocator is not shared by threads):
 * new, add, run, and the readers. Every failure is NOMEM and leaves nothing allocated;
 * the run no failure reached writes what a run without failures writes. */
START_TEST(batch_allocation_failures)
{
    make_dir();
    selaras_model *md;
    selaras_error err;
    ck_assert_int_eq(selaras_model_new(&md, "id", "en", NULL, NULL, &err), SELARAS_OK);
    selaras_batch *ref;
    char *expected = run_to(md, 1, 0, "ref.tmx", &ref);
    selaras_batch_free(ref);
    char path[128];
    snprintf(path, sizeof path, "%s/failing.tmx", dir);
    int succeeded = 0;
    for (long fail = 0; fail < 200000 && !succeeded; fail++) {
        test_alloc ta;
        test_alloc_init(&ta, fail);
        selaras_batch *b = NULL;
        selaras_writer *w = writer_to(path, SELARAS_FORMAT_TMX);
        selaras_status st = selaras_batch_new(&b, md, &ta.suite, &err);
        static const char *const pairs[][2] = {
            {"numbers.id", "numbers.en"}, {"dates.id", "dates.en"}, {"types.id", "types.en"},
            {"pullquote.id", "pullquote.en"}, {"numbers.id", "dates.en"},
            {"types.id", "latin1.en"}, {"folder.id", "types.en"}};
        for (size_t i = 0; i < 7 && st == SELARAS_OK; i++) {
            char sp[128], tp[128];
            snprintf(sp, sizeof sp, "%s/%s", dir, pairs[i][0]);
            snprintf(tp, sizeof tp, "%s/%s", dir, pairs[i][1]);
            st = selaras_batch_add(b, sp, tp, &err);
        }
        if (st == SELARAS_OK)
            st = selaras_batch_set_jobs(b, 1, &err);
        if (st == SELARAS_OK)
            st = selaras_batch_run(b, w, &err);
        if (st == SELARAS_OK) {
            ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
            char *got = test_read_file(path, NULL);
            ck_assert_str_eq(got, expected);
            free(got);
            ck_assert_int_eq(selaras_batch_outcome_of(b, 5), SELARAS_BATCH_SKIPPED);
            ck_assert_ptr_nonnull(selaras_batch_reason(b, 5));
            ck_assert_uint_gt(selaras_batch_beads(b, 1, 1), 0);
            ck_assert(selaras_batch_score(b, 0) > 0.5);
            ck_assert_uint_eq(selaras_batch_count(b), 7);
            ck_assert_ptr_nonnull(selaras_batch_source(b, 0));
            ck_assert_ptr_nonnull(selaras_batch_target(b, 0));
            ck_assert(selaras_batch_seconds(b, SELARAS_STAGE_ALIGN) > 0);
            selaras_batch_set_force(b, 0);
            selaras_batch_set_progress(b, NULL, NULL);
            succeeded = ta.calls <= fail;
        } else {
            ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
        }
        selaras_writer_free(w);
        selaras_batch_free(b);
        ck_assert_int_eq(ta.live, 0);
    }
    ck_assert(succeeded);
    free(expected);
    selaras_model_free(md);
    remove_dir();
}
END_TEST

Suite *batch_suite(void)
{
    Suite *s = suite_create("batch");
    TCase *tc = tcase_create("batch");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, batch_same_output_on_any_number_of_threads);
    tcase_add_test(tc, batch_errors);
    tcase_add_test(tc, batch_allocation_failures);
    suite_add_tcase(s, tc);
    return s;
}
