/* Allocation failure over the memory API: each allocation fails in turn; every call
 * reports SELARAS_ERR_NOMEM (or succeeds when it did not need that allocation), nothing
 * leaks and no temporary file is left behind. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_selaras.h"

static const char XML[] =
    "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"id\" adminlang=\"en\">"
    "<prop type=\"x-a\">b</prop><note>n</note></header><body>"
    "<tu tuid=\"1\"><prop type=\"x-score\">0.5</prop><tuv xml:lang=\"id\" x=\"y\"><note>v</note>"
    "<seg>Satu <hi>dua</hi>.</seg></tuv><tuv xml:lang=\"en\"><seg>One two.</seg></tuv></tu>"
    "<tu><tuv xml:lang=\"id\"><seg>Satu dua.</seg></tuv><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>"
    "</body></tmx>\n";

static size_t files_in(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* Run body with allocation n failing until it succeeds with no failure hit. */
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
        ck_assert_msg(st == SELARAS_ERR_NOMEM || st == SELARAS_OK,                          \
                      "allocation %ld: status %d", n, (int)st);                             \
        ck_assert_msg(n < 100000, "no end");                                               \
    }

static selaras_status unit_ops(test_alloc *ta)
{
    selaras_unit *u;
    selaras_error err;
    selaras_status st = selaras_unit_new(&u, &ta->suite, &err);
    if (st != SELARAS_OK)
        return st;
    selaras_status first = SELARAS_OK;
#define STEP(call)                                                                         \
    do {                                                                                   \
        st = (call);                                                                       \
        if (st != SELARAS_OK && first == SELARAS_OK)                                       \
            first = st;                                                                    \
    } while (0)
    STEP(selaras_unit_add_variant(u, "id", "Satu.", 5, &err));
    STEP(selaras_unit_add_variant(u, "en", "One.", 4, &err));
    STEP(selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-score", "en", "0.5", 3, &err));
    STEP(selaras_unit_add_note(u, 0, NULL, "note", 4, &err));
    STEP(selaras_unit_set_attr(u, SELARAS_UNIT_WHOLE, "tuid", "9", &err));
    STEP(selaras_unit_set_attr(u, SELARAS_UNIT_WHOLE, "tuid", "10", &err));
    /* whatever was added is readable */
    for (size_t i = 0; i < selaras_unit_variant_count(u); i++)
        ck_assert_ptr_nonnull(selaras_unit_variant_text(u, i, NULL));
    selaras_unit_free(u);
    return first;
}

START_TEST(unit_calls_survive_allocation_failure)
{
    ALLOC_LOOP(unit_ops(&ta));
}
END_TEST

static selaras_status read_ops(test_alloc *ta)
{
    selaras_tmx_reader *r;
    selaras_error err;
    selaras_status st = selaras_tmx_reader_new_memory(&r, XML, sizeof XML - 1, 0, &ta->suite, &err);
    if (st != SELARAS_OK)
        return st;
    const selaras_unit *u;
    size_t n = 0;
    while ((st = selaras_tmx_reader_next(r, &u, &err)) == SELARAS_OK && u != NULL)
        n++;
    if (st == SELARAS_OK)
        ck_assert_uint_eq(n, 2);
    selaras_tmx_reader_free(r);
    return st;
}

START_TEST(reader_survives_allocation_failure)
{
    ALLOC_LOOP(read_ops(&ta));
}
END_TEST

static char dir[64];

static selaras_status write_ops(test_alloc *ta, selaras_format format, unsigned flags)
{
    char path[128], path2[128], src[128];
    snprintf(path, sizeof path, "%s/out", dir);
    snprintf(path2, sizeof path2, "%s/out2", dir);
    snprintf(src, sizeof src, "%s/src.tmx", dir);
    selaras_segments *s, *t;
    ck_assert_int_eq(selaras_segments_new(&s, "id", NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_new(&t, "en", NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_append(s, "Satu.", 5, SELARAS_SEGMENT_SENTENCE, NULL), 0);
    ck_assert_int_eq(selaras_segments_append(s, "Dua.", 4, SELARAS_SEGMENT_SENTENCE, NULL), 0);
    ck_assert_int_eq(selaras_segments_append(t, "One two.", 8, SELARAS_SEGMENT_SENTENCE, NULL), 0);
    selaras_writer *w;
    selaras_error err;
    selaras_status st = selaras_writer_new(&w, format, path,
                                           format == SELARAS_FORMAT_PLAIN ? path2 : NULL, "id",
                                           "en-US", &ta->suite, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_flags(w, flags, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_tool(w, "t", "1", &err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_adminlang(w, "en", &err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_time(w, 86400, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_min_score(w, 0.1, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_max_ratio(w, 4, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_min_length(w, 1, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_lock_timeout(w, 5, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_doc_date(w, "2024-01-01", &err);
    selaras_unit *u = NULL;
    if (st == SELARAS_OK)
        st = selaras_unit_new(&u, &ta->suite, &err);
    if (st == SELARAS_OK)
        st = selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-h", NULL, "v", 1, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_add_header(w, u, &err);
    if (st == SELARAS_OK)
        st = selaras_unit_add_variant(u, "id", "Tiga.", 5, &err);
    if (st == SELARAS_OK)
        st = selaras_unit_add_variant(u, "en", "Three.", 6, &err);

    if (st == SELARAS_OK)
        st = selaras_writer_lock(w, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_add_tmx(w, src, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_add_unit(w, u, &err);
    selaras_unit_free(u);
    if (st == SELARAS_OK)
        st = selaras_writer_add_bead(w, s, 0, 2, t, 0, 1, 0.75, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_add_bead(w, s, 0, 2, t, 0, 1, 0.95, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_close(w, &err);
    selaras_writer_free(w);
    selaras_segments_free(s);
    selaras_segments_free(t);
    size_t files = files_in(dir);
    ck_assert_uint_eq(files, 1 + (st == SELARAS_OK ? (format == SELARAS_FORMAT_PLAIN ? 2 : 1) : 0));
    unlink(path);
    unlink(path2);
    return st;
}

START_TEST(writer_survives_allocation_failure)
{
    snprintf(dir, sizeof dir, "/tmp/selaras-alloc-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char src[128];
    snprintf(src, sizeof src, "%s/src.tmx", dir);
    FILE *f = fopen(src, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(XML, f);
    fclose(f);
    for (int format = 0; format <= SELARAS_FORMAT_PLAIN; format++) {
        ALLOC_LOOP(write_ops(&ta, (selaras_format)format, 0));
        ALLOC_LOOP(write_ops(&ta, (selaras_format)format, SELARAS_WRITER_DEDUPE));
    }
    unlink(src);
    rmdir(dir);
}
END_TEST

Suite *alloc_memory_suite(void)
{
    Suite *s = suite_create("alloc-memory");
    TCase *tc = tcase_create("alloc");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, unit_calls_survive_allocation_failure);
    tcase_add_test(tc, reader_survives_allocation_failure);
    tcase_add_test(tc, writer_survives_allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}
