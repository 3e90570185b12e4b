/* The C API a binding needs: the callback writer (same bytes as the path writer, a failing
 * callback), a whole alignment added at once with every bead kept, and a lexicon loaded
 * from memory; each under allocation-failure injection too. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_selaras.h"

/* A growable string the callback appends to; fail_after: fail the call after so many. */
typedef struct sink {
    char *data;
    size_t len, cap;
    int calls, fail_after;
} sink;

static int sink_write(const char *bytes, size_t len, void *user)
{
    sink *s = user;
    ck_assert_uint_gt(len, 0);
    if (s->fail_after >= 0 && s->calls >= s->fail_after)
        return 1;
    s->calls++;
    if (s->len + len + 1 > s->cap) {
        s->cap = (s->len + len + 1) * 2;
        s->data = realloc(s->data, s->cap);
        ck_assert_ptr_nonnull(s->data);
    }
    memcpy(s->data + s->len, bytes, len);
    s->len += len;
    s->data[s->len] = '\0';
    return 0;
}

static selaras_segments *list(const char *lang, const char *const *texts, size_t n,
                              const selaras_allocator *mem)
{
    selaras_segments *s;
    ck_assert_int_eq(selaras_segments_new(&s, lang, mem, NULL), SELARAS_OK);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(selaras_segments_append(s, texts[i], strlen(texts[i]),
                                                 SELARAS_SEGMENT_SENTENCE, NULL), SELARAS_OK);
    return s;
}

static const char *const ID[] = {"Gubernur Budi membuka 12 bursa kerja pada 2024.",
                                 "Acara itu gratis untuk 500 warga Jakarta.",
                                 "Pendaftaran dibuka hari ini."};
static const char *const EN[] = {"Governor Budi opened 12 job fairs in 2024.",
                                 "The event is free for 500 Jakarta residents."};

static selaras_alignment *align_pair(const selaras_segments *s, const selaras_segments *t)
{
    selaras_aligner *al;
    selaras_alignment *a;
    ck_assert_int_eq(selaras_aligner_new(&al, "id", "en", NULL, NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_align(al, s, t, &a, NULL), SELARAS_OK);
    selaras_aligner_free(al);
    return a;
}

/* Write the alignment of ID and EN in format to the sink out, or to path when not NULL. */
static selaras_status write_alignment(selaras_format format, const char *path, sink *out,
                                      unsigned flags, const selaras_allocator *mem,
                                      selaras_error *err)
{
    selaras_segments *s = list("id", ID, 3, NULL), *t = list("en", EN, 2, NULL);
    selaras_alignment *a = align_pair(s, t);
    selaras_writer *w = NULL;
    selaras_status st =
        path != NULL ? selaras_writer_new(&w, format, path, NULL, "id", "en", mem, err)
                     : selaras_writer_new_callback(&w, format, sink_write, out, "id", "en", mem,
                                                   err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_time(w, 1700000000LL, err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_flags(w, flags, err);
    if (st == SELARAS_OK)
        st = selaras_writer_add_alignment(w, s, t, a, err);
    if (st == SELARAS_OK)
        st = selaras_writer_close(w, err);
    selaras_writer_free(w);
    selaras_alignment_free(a);
    selaras_segments_free(s);
    selaras_segments_free(t);
    return st;
}

START_TEST(callback_writer_gives_the_path_writers_bytes)
{
    char dir[] = "/tmp/selaras-cb-XXXXXX", path[64];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/m.tmx", dir);
    static const selaras_format formats[] = {SELARAS_FORMAT_TMX, SELARAS_FORMAT_TSV,
                                             SELARAS_FORMAT_JSONL};
    for (size_t f = 0; f < 3; f++) {
        sink out = {NULL, 0, 0, 0, -1};
        selaras_error err;
        ck_assert_int_eq(write_alignment(formats[f], NULL, &out, 0, NULL, &err), SELARAS_OK);
        ck_assert_int_eq(write_alignment(formats[f], path, NULL, 0, NULL, &err), SELARAS_OK);
        char *file = test_read_file(path, NULL);
        ck_assert_ptr_nonnull(out.data);
        ck_assert_str_eq(out.data, file);
        if (formats[f] == SELARAS_FORMAT_TMX)
            ck_assert_ptr_nonnull(strstr(out.data, "<seg>Acara itu gratis untuk 500 warga Jakarta.</seg>"));
        if (formats[f] == SELARAS_FORMAT_JSONL)
            ck_assert_ptr_nonnull(strstr(out.data, "\"bead\": \"1-1\", \"src\": [0], "
                                                   "\"tgt\": [0]"));
        free(file);
        free(out.data);
    }
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(keep_unpaired_writes_every_bead)
{
    sink out = {NULL, 0, 0, 0, -1};
    ck_assert_int_eq(write_alignment(SELARAS_FORMAT_JSONL, NULL, &out,
                                     SELARAS_WRITER_KEEP_UNPAIRED, NULL, NULL),
                     SELARAS_OK);
    size_t lines = 0;
    for (size_t i = 0; i < out.len; i++)
        lines += out.data[i] == '\n';
    /* three source sentences, two target ones: the third is a 1-0 bead of its own */
    ck_assert_ptr_nonnull(strstr(out.data, "\"src\": [0], \"tgt\": [0]"));
    ck_assert_uint_eq(lines, 3);
    ck_assert_ptr_nonnull(strstr(out.data, "{\"source\": \"Pendaftaran dibuka hari ini.\", "
                                           "\"target\": \"\""));
    ck_assert_ptr_nonnull(strstr(out.data, "\"bead\": \"1-0\", \"src\": [2], \"tgt\": []"));
    free(out.data);
    sink plain = {NULL, 0, 0, 0, -1};
    ck_assert_int_eq(write_alignment(SELARAS_FORMAT_JSONL, NULL, &plain, 0, NULL, NULL),
                     SELARAS_OK);
    ck_assert_ptr_null(strstr(plain.data, "\"target\": \"\""));
    free(plain.data);
}
END_TEST

START_TEST(failing_callback_fails_the_writer)
{
    sink out = {NULL, 0, 0, 0, 0};
    selaras_error err;
    selaras_status st = write_alignment(SELARAS_FORMAT_TMX, NULL, &out, 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET, "write callback failed");
    ck_assert_uint_eq(out.len, 0);
    free(out.data);
}
END_TEST

START_TEST(callback_writer_arguments)
{
    selaras_writer *w = (selaras_writer *)1;
    selaras_error err;
    selaras_status st = selaras_writer_new_callback(&w, SELARAS_FORMAT_PLAIN, sink_write, NULL,
                                                    "id", "en", NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "not format 3");
    ck_assert_ptr_null(w);
    st = selaras_writer_new_callback(&w, SELARAS_FORMAT_TMX, NULL, NULL, "id", "en", NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "callback");
    st = selaras_writer_new_callback(&w, SELARAS_FORMAT_TMX, sink_write, NULL, "id", "e!",
                                     NULL, &err);
    ck_assert_int_eq(st, SELARAS_ERR_LANGUAGE);
    ck_assert_int_eq(selaras_writer_new_callback(NULL, SELARAS_FORMAT_TMX, sink_write, NULL,
                                                 "id", "en", NULL, &err),
                     SELARAS_ERR_ARGUMENT);
    /* there is no file to merge into */
    ck_assert_int_eq(selaras_writer_new_callback(&w, SELARAS_FORMAT_TMX, sink_write, NULL,
                                                 "id", "en", NULL, &err), SELARAS_OK);
    st = selaras_writer_set_flags(w, SELARAS_WRITER_MERGE, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "no memory file");
    selaras_writer_free(w);
    /* an alignment of other lists is refused before anything is added */
    sink out = {NULL, 0, 0, 0, -1};
    ck_assert_int_eq(selaras_writer_new_callback(&w, SELARAS_FORMAT_JSONL, sink_write, &out,
                                                 "id", "en", NULL, &err), SELARAS_OK);
    selaras_segments *s = list("id", ID, 3, NULL), *t = list("en", EN, 2, NULL);
    selaras_segments *short_s = list("id", ID, 1, NULL);
    selaras_alignment *a = align_pair(s, t);
    st = selaras_writer_add_alignment(w, short_s, t, a, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "out of the lists");
    ck_assert_int_eq(selaras_writer_add_alignment(w, s, t, NULL, &err), SELARAS_ERR_ARGUMENT);
    ck_assert_int_eq(selaras_writer_add_alignment(NULL, s, t, a, &err), SELARAS_ERR_ARGUMENT);
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_WRITTEN), 0);
    selaras_writer_free(w);
    selaras_alignment_free(a);
    selaras_segments_free(s);
    selaras_segments_free(short_s);
    selaras_segments_free(t);
    free(out.data);
}
END_TEST

START_TEST(lexicon_from_memory)
{
    selaras_lexicon *lex;
    selaras_error err;
    ck_assert_int_eq(selaras_lexicon_new(&lex, "id", "en", NULL, &err), SELARAS_OK);
    static const char tsv[] = "# comment\nrumah\thouse\nkota\tcity\n";
    ck_assert_int_eq(selaras_lexicon_load_memory(lex, tsv, sizeof tsv - 1, SELARAS_DICT_AUTO,
                                                 &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_lexicon_size(lex), 2);
    static const char hun[] = "governor @ gubernur\n";
    ck_assert_int_eq(selaras_lexicon_load_memory(lex, hun, sizeof hun - 1,
                                                 SELARAS_DICT_HUNALIGN, &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_lexicon_size(lex), 3);
    /* a bad line: the position is in the bytes given, and nothing of the call stays */
    static const char bad[] = "air\twater\nno separator here\n";
    selaras_status st = selaras_lexicon_load_memory(lex, bad, sizeof bad - 1, SELARAS_DICT_TSV,
                                                    &err);
    ck_assert_int_eq(st, SELARAS_ERR_SYNTAX);
    ck_assert_uint_eq(err.line, 2);
    ck_assert_uint_eq(err.offset, 27); /* the end of line 2 */
    ck_assert_uint_eq(selaras_lexicon_size(lex), 3);
    static const char badutf8[] = "air\twat\xC3\n";
    st = selaras_lexicon_load_memory(lex, badutf8, sizeof badutf8 - 1, SELARAS_DICT_TSV, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 7, NULL);
    st = selaras_lexicon_load_memory(lex, tsv, sizeof tsv - 1, SELARAS_DICT_FREEDICT, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "TSV or hunalign");
    ck_assert_int_eq(selaras_lexicon_load_memory(lex, NULL, 1, SELARAS_DICT_TSV, &err),
                     SELARAS_ERR_ARGUMENT);
    ck_assert_int_eq(selaras_lexicon_load_memory(lex, NULL, 0, SELARAS_DICT_AUTO, &err),
                     SELARAS_OK);
    ck_assert_int_eq(selaras_lexicon_load_memory(NULL, tsv, 1, SELARAS_DICT_TSV, &err),
                     SELARAS_ERR_ARGUMENT);
    selaras_lexicon_free(lex);
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
        ck_assert_msg(st == SELARAS_ERR_NOMEM || st == SELARAS_OK,                          \
                      "allocation %ld: status %d", n, (int)st);                             \
        ck_assert_msg(n < 100000, "no end");                                               \
    }

START_TEST(callback_writer_under_allocation_failure)
{
    sink out = {NULL, 0, 0, 0, -1};
    ALLOC_LOOP((out.len = 0, write_alignment(SELARAS_FORMAT_JSONL, NULL, &out,
                                             SELARAS_WRITER_KEEP_UNPAIRED, &ta.suite, NULL)));
    ck_assert_ptr_nonnull(strstr(out.data, "\"src\": [2], \"tgt\": []"));
    free(out.data);
}
END_TEST

static selaras_status lexicon_ops(test_alloc *ta)
{
    selaras_lexicon *lex;
    static const char tsv[] = "rumah\thouse\nkota besar\tbig city\n";
    selaras_status st = selaras_lexicon_new(&lex, "id", "en", &ta->suite, NULL);
    if (st == SELARAS_OK)
        st = selaras_lexicon_load_memory(lex, tsv, sizeof tsv - 1, SELARAS_DICT_AUTO, NULL);
    if (st == SELARAS_OK)
        ck_assert_uint_eq(selaras_lexicon_size(lex), 2);
    selaras_lexicon_free(lex);
    return st;
}

static selaras_status named_list(test_alloc *ta)
{
    selaras_segments *s;
    selaras_status st = selaras_segments_new(&s, "id", &ta->suite, NULL);
    if (st != SELARAS_OK)
        return st;
    st = selaras_segments_set_name(s, "rilis.txt");
    if (st == SELARAS_OK) {
        ck_assert_str_eq(selaras_segments_name(s), "rilis.txt");
        st = selaras_segments_set_name(s, "other.txt");
        /* a failed rename keeps the old name */
        ck_assert_str_eq(selaras_segments_name(s), st == SELARAS_OK ? "other.txt" : "rilis.txt");
    }
    if (st == SELARAS_OK) {
        ck_assert_int_eq(selaras_segments_set_name(s, NULL), SELARAS_OK);
        ck_assert_ptr_null(selaras_segments_name(s));
    }
    selaras_segments_free(s);
    return st;
}

START_TEST(segment_list_names)
{
    ALLOC_LOOP(named_list(&ta));
    ck_assert_int_eq(selaras_segments_set_name(NULL, "x"), SELARAS_ERR_ARGUMENT);
}
END_TEST

START_TEST(lexicon_from_memory_under_allocation_failure)
{
    ALLOC_LOOP(lexicon_ops(&ta));
}
END_TEST

Suite *writer_api_suite(void)
{
    Suite *s = suite_create("writer_api");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, callback_writer_gives_the_path_writers_bytes);
    tcase_add_test(tc, keep_unpaired_writes_every_bead);
    tcase_add_test(tc, failing_callback_fails_the_writer);
    tcase_add_test(tc, callback_writer_arguments);
    tcase_add_test(tc, lexicon_from_memory);
    tcase_add_test(tc, callback_writer_under_allocation_failure);
    tcase_add_test(tc, lexicon_from_memory_under_allocation_failure);
    tcase_add_test(tc, segment_list_names);
    suite_add_tcase(s, tc);
    return s;
}
