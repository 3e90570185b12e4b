/* Shared declarations of the Check suites and their helpers. */
#ifndef SELARAS_CHECK_H
#define SELARAS_CHECK_H

#include <check.h>
#include <stddef.h>
#include <stdio.h>

#include "selaras.h"

Suite *core_suite(void);
Suite *doc_suite(void);
Suite *alloc_doc_suite(void);
Suite *segments_suite(void);
Suite *segmenter_suite(void);
Suite *abbrev_suite(void);
Suite *alloc_segmenter_suite(void);
Suite *tokenize_suite(void);
Suite *lexicon_suite(void);
Suite *align_suite(void);
Suite *unit_suite(void);
Suite *tmx_write_suite(void);
Suite *tmx_read_suite(void);
Suite *alloc_memory_suite(void);
Suite *alloc_segments_suite(void);
Suite *alloc_none_suite(void);
Suite *limits_suite(void);
Suite *regress_suite(void);
Suite *file_suite(void);
Suite *spans_suite(void);
Suite *writer_api_suite(void);
Suite *evaluate_suite(void);
Suite *model_suite(void);
Suite *scored_suite(void);
Suite *batch_suite(void);
Suite *parallel_suite(void);
Suite *pair_suite(void);
Suite *html_suite(void);
Suite *alloc_html_suite(void);

/* Assert that a call failed with status, at byte offset (SELARAS_NO_OFFSET: not about a
 * position), and that its message contains needle. */
#define ck_assert_error(err, st, got_status, off, needle)                                    \
    test_assert_error(__FILE__, __LINE__, (err), (st), (got_status), (off), (needle))
void test_assert_error(const char *file, int line, const selaras_error *err,
                       selaras_status expected, selaras_status got, size_t offset,
                       const char *needle);

/* An allocator that fails the Nth allocation (0-based) and counts live blocks. */
typedef struct test_alloc {
    long fail_at;     /* -1: never fail */
    long calls;       /* allocations attempted (malloc and realloc) */
    long live;        /* blocks allocated and not freed */
    selaras_allocator suite;
} test_alloc;
void test_alloc_init(test_alloc *ta, long fail_at);

/* Run the CLI (SELARAS_CLI) with a shell command line after "selaras"; returns its exit
 * status and puts its stdout/stderr in malloc'ed strings (caller frees). */
int test_run_cli(const char *args, const char *stdin_text, char **out, char **err);

/* Path of a file in tests/data (SELARAS_TEST_DATA); static buffer per call site is not
 * used: the result is malloc'ed. */
char *test_data_path(const char *name);

/* Read a whole file; returns malloc'ed bytes or NULL. */
char *test_read_file(const char *path, size_t *len);

#endif
