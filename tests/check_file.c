/* The whole-file reader (selaras_file_*) and documents made from files: mapped, read and
 * piped input, every error with its message, the quick check that lets a document keep
 * its input as its text, and allocation failures. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_selaras.h"
#include "../lib/text/text.h"

/* A temporary file holding n bytes made by repeating unit; the path is malloc'ed. */
static char *temp_file(const char *unit, size_t n)
{
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char *path = malloc(strlen(dir) + 32);
    ck_assert_ptr_nonnull(path);
    sprintf(path, "%s/check_file.XXXXXX", dir);
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "wb");
    ck_assert_ptr_nonnull(f);
    size_t u = strlen(unit);
    char *bytes = malloc(n + 1);
    ck_assert_ptr_nonnull(bytes);
    for (size_t i = 0; i < n; i++)
        bytes[i] = unit[i % u];
    ck_assert_uint_eq(fwrite(bytes, 1, n, f), n);
    free(bytes);
    ck_assert_int_eq(fclose(f), 0);
    return path;
}

static void expect_content(const selaras_file *f, const char *unit, size_t n)
{
    size_t len = 0, u = strlen(unit);
    const char *data = selaras_file_data(f, &len);
    ck_assert_uint_eq(len, n);
    for (size_t i = 0; i < n; i += 4093)
        ck_assert_int_eq(data[i], unit[i % u]);
    ck_assert_int_eq(data[n - 1], unit[(n - 1) % u]);
    ck_assert_int_eq(data[n], '\0');
    ck_assert_ptr_eq(selaras_file_data(f, NULL), data);
}

START_TEST(reads_small_mapped_and_page_sized_files)
{
    long page = sysconf(_SC_PAGESIZE);
    /* read (small), mapped (large), read again (large, filling its last page) */
    size_t sizes[] = {1, 1000, ((size_t)3 << 20) + 17, (size_t)page * 300};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        char *path = temp_file("Dinas Kesehatan DKI. ", sizes[k]);
        selaras_file *f;
        selaras_error err;
        ck_assert_int_eq(selaras_file_read(&f, path, 0, NULL, &err), SELARAS_OK);
        expect_content(f, "Dinas Kesehatan DKI. ", sizes[k]);
        selaras_file_free(f);
        unlink(path);
        free(path);
    }
    /* an empty file */
    char *path = temp_file("x", 0);
    selaras_file *f;
    ck_assert_int_eq(selaras_file_read(&f, path, 0, NULL, NULL), SELARAS_OK);
    size_t len = 99;
    ck_assert_str_eq(selaras_file_data(f, &len), "");
    ck_assert_uint_eq(len, 0);
    selaras_file_free(f);
    selaras_file_free(NULL);
    unlink(path);
    free(path);
}
END_TEST

START_TEST(errors_name_the_file_and_the_reason)
{
    selaras_file *f = (selaras_file *)1;
    selaras_error err;
    selaras_status st = selaras_file_read(&f, "/nonexistent/x.txt", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET, "/nonexistent/x.txt");
    ck_assert_msg(strstr(err.message, "no such file") != NULL, "%s", err.message);
    ck_assert_ptr_null(f);
    st = selaras_file_read(&f, "/", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET, "directory");
    char *path = temp_file("abc", 100);
    st = selaras_file_read(&f, path, 99, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_LIMIT, st, SELARAS_NO_OFFSET, "larger than 99 bytes");
    ck_assert_int_eq(selaras_file_read(&f, path, 100, NULL, &err), SELARAS_OK);
    selaras_file_free(f);
    unlink(path);
    free(path);
    st = selaras_file_read(NULL, "x", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    st = selaras_file_read(&f, NULL, 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    selaras_allocator half = {NULL, NULL, NULL, NULL};
    ck_assert_int_eq(selaras_file_read(&f, "x", 0, &half, &err), SELARAS_ERR_ARGUMENT);
}
END_TEST

typedef struct feeder {
    int fd;
    size_t n;
} feeder;

static void *feed(void *arg)
{
    feeder *fd = arg;
    char block[26 * 157]; /* whole alphabets: the stream repeats a-z */
    for (size_t i = 0; i < sizeof block; i++)
        block[i] = (char)('a' + i % 26);
    for (size_t done = 0; done < fd->n;) {
        size_t k = fd->n - done < sizeof block ? fd->n - done : sizeof block;
        ssize_t w = write(fd->fd, block, k);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    close(fd->fd);
    return NULL;
}

/* Standard input through a pipe, longer than the first buffer, read to its end; and
 * refused past the limit. */
START_TEST(reads_standard_input_as_it_comes)
{
    size_t sizes[] = {300000, 70000};
    size_t limits[] = {0, 65536};
    for (int k = 0; k < 2; k++) {
        int p[2];
        ck_assert_int_eq(pipe(p), 0);
        int saved = dup(0);
        ck_assert_int_eq(dup2(p[0], 0), 0);
        close(p[0]);
        feeder fd = {p[1], sizes[k]};
        pthread_t th;
        ck_assert_int_eq(pthread_create(&th, NULL, feed, &fd), 0);
        selaras_file *f;
        selaras_error err;
        selaras_status st = selaras_file_read(&f, "-", limits[k], NULL, &err);
        char rest[4096];
        while (read(0, rest, sizeof rest) > 0) /* let the writer finish */
            ;
        pthread_join(th, NULL);
        dup2(saved, 0);
        close(saved);
        if (k == 0) {
            ck_assert_int_eq(st, SELARAS_OK);
            expect_content(f, "abcdefghijklmnopqrstuvwxyz", sizes[k]);
            selaras_file_free(f);
        } else {
            ck_assert_error(&err, SELARAS_ERR_LIMIT, st, SELARAS_NO_OFFSET, "standard input");
        }
    }
}
END_TEST

/* The quick check says yes exactly where intake would change nothing. */
START_TEST(quick_check_matches_intake)
{
    static const char *const cases[] = {
        "plain ASCII\nlines\n", "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 ok",
        "\xEA\xB0\x80 Hangul", "\xE4\xB8\xAD\xE6\x96\x87", "cafe\xCC\x81 decomposed",
        "CRLF\r\nline", "\xEF\xBB\xBF" "BOM", "NEL\xC2\x85", "LS\xE2\x80\xA8", "PS\xE2\x80\xA9",
        "compat \xEF\xA4\x80", "angstrom \xE2\x84\xAB", "\xCC\x81 mark first",
        "bad \xC3 byte", "a\xE0\xA4\xBC\xE0\xA4\xBE" /* Devanagari nukta */, "", NULL
    };
    for (size_t k = 0; cases[k] != NULL; k++) {
        const char *s = cases[k];
        size_t n = strlen(s);
        selaras_doc *doc;
        int same = 0;
        if (selaras_doc_new(&doc, s, n, "id", SELARAS_DOC_REPLACE_INVALID, NULL, NULL) ==
            SELARAS_OK) {
            size_t len;
            const char *t = selaras_doc_text(doc, &len);
            same = len == n && memcmp(t, s, n) == 0 && selaras_doc_replacements(doc) == 0;
            selaras_doc_free(doc);
        }
        int quick = sl_intake_is_identity(s, n);
        ck_assert_msg(!quick || same, "case %zu: the quick check passed a text intake changes", k);
        /* every case that intake keeps but the check refuses is listed here */
        int refused_ok = k == 12 || k == 14;
        ck_assert_msg(quick || !same || refused_ok, "case %zu: refused a text intake keeps", k);
    }
    ck_assert(sl_intake_is_identity("caf\xC3\xA9", 5));
    ck_assert(!sl_intake_is_identity("cafe\xCC\x81", 6));
    ck_assert(!sl_intake_is_identity("\xEF\xA4\x80", 3)); /* U+F900 becomes U+8C48 */
}
END_TEST

START_TEST(doc_from_file_keeps_or_normalises)
{
    /* a text in NFC with LF: the document's text is the file's own bytes */
    char *path = temp_file("Jakarta \xE2\x80\x93 Dinas \xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D.\n",
                           (size_t)2 << 20);
    selaras_file *f;
    selaras_doc *doc;
    selaras_error err;
    ck_assert_int_eq(selaras_file_read(&f, path, 0, NULL, &err), SELARAS_OK);
    const char *bytes = selaras_file_data(f, NULL);
    ck_assert_int_eq(selaras_doc_new_from_file(&doc, f, "id", 0, &err), SELARAS_OK);
    size_t len;
    ck_assert_ptr_eq(selaras_doc_text(doc, &len), bytes);
    ck_assert_uint_eq(len, (size_t)2 << 20);
    ck_assert_uint_eq(selaras_doc_to_original(doc, 12345), 12345);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 777), 777);
    selaras_doc_free(doc);
    unlink(path);
    free(path);
    /* CRLF and a decomposed accent: the same document as selaras_doc_new() makes */
    const char *src = "Caf\x65\xCC\x81 buka.\r\nBesok tutup.\r\n";
    path = temp_file(src, strlen(src));
    ck_assert_int_eq(selaras_file_read(&f, path, 0, NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_doc_new_from_file(&doc, f, "en_US", 0, &err), SELARAS_OK);
    selaras_doc *ref;
    ck_assert_int_eq(selaras_doc_new(&ref, src, strlen(src), "en_US", 0, NULL, &err), SELARAS_OK);
    ck_assert_str_eq(selaras_doc_text(doc, NULL), selaras_doc_text(ref, NULL));
    ck_assert_str_eq(selaras_doc_lang(doc), "en-US");
    for (size_t i = 0; i <= strlen(src); i++)
        ck_assert_uint_eq(selaras_doc_to_normalized(doc, i), selaras_doc_to_normalized(ref, i));
    selaras_doc_free(ref);
    selaras_doc_free(doc);
    unlink(path);
    free(path);
}
END_TEST

START_TEST(doc_from_file_errors_release_the_file)
{
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_error err;
    selaras_doc *doc = (selaras_doc *)1;
    char *path = temp_file("bad \xC3 byte\n", 11);
    selaras_file *f;
    ck_assert_int_eq(selaras_file_read(&f, path, 0, &ta.suite, &err), SELARAS_OK);
    selaras_status st = selaras_doc_new_from_file(&doc, f, "id", 0, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 4, "invalid UTF-8");
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(selaras_file_read(&f, path, 0, &ta.suite, &err), SELARAS_OK);
    st = selaras_doc_new_from_file(&doc, f, "x-!", 0, &err);
    ck_assert_int_eq(st, SELARAS_ERR_LANGUAGE);
    ck_assert_int_eq(selaras_file_read(&f, path, 0, &ta.suite, &err), SELARAS_OK);
    st = selaras_doc_new_from_file(NULL, f, "id", 0, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "out is NULL");
    ck_assert_int_eq(selaras_file_read(&f, path, 0, &ta.suite, &err), SELARAS_OK);
    st = selaras_doc_new_from_file(&doc, f, "id", 0x80, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "unknown flags");
    st = selaras_doc_new_from_file(&doc, NULL, "id", 0, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "file is NULL");
    ck_assert_int_eq(ta.live, 0);
    unlink(path);
    free(path);
}
END_TEST

/* Each allocation of reading a file and making a document of it fails in turn: small
 * and large files, text kept as it is and text normalised. */
START_TEST(file_and_doc_survive_every_allocation_failure)
{
    static const char *const units[] = {"Dinas \xC3\xA9 ok.\n", "Dinas e\xCC\x81 ok.\r\n"};
    size_t sizes[] = {100, ((size_t)1 << 20) + 5};
    for (int u = 0; u < 2; u++) {
        for (int k = 0; k < 2 - u; k++) { /* the large file mapped and kept as it is */
            char *path = temp_file(units[u], sizes[k]);
            int succeeded = 0;
            long n;
            for (n = 0; n < 100 && !succeeded; n++) {
                test_alloc ta;
                test_alloc_init(&ta, n);
                selaras_file *f = NULL;
                selaras_doc *doc = NULL;
                selaras_error err;
                selaras_status st = selaras_file_read(&f, path, 0, &ta.suite, &err);
                if (st == SELARAS_OK)
                    st = selaras_doc_new_from_file(&doc, f, "id", 0, &err);
                if (st == SELARAS_OK) {
                    succeeded = 1;
                    selaras_doc_free(doc);
                } else {
                    ck_assert_int_eq(st, SELARAS_ERR_NOMEM);
                    ck_assert_ptr_null(doc);
                }
                ck_assert_msg(ta.live == 0, "failing allocation %ld leaks %ld blocks", n, ta.live);
            }
            ck_assert_msg(succeeded, "never succeeded");
            ck_assert_int_gt(n, 2);
            unlink(path);
            free(path);
        }
    }
}
END_TEST

/* Reading a file's data and releasing it never allocate. */
START_TEST(data_and_free_do_not_allocate)
{
    char *path = temp_file("abc", 10);
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_file *f;
    ck_assert_int_eq(selaras_file_read(&f, path, 0, &ta.suite, NULL), SELARAS_OK);
    long before = ta.calls;
    ta.fail_at = before;
    size_t len;
    ck_assert_str_eq(selaras_file_data(f, &len), "abcabcabca");
    ck_assert_uint_eq(len, 10);
    selaras_file_free(f);
    ck_assert_int_eq(ta.calls, before);
    ck_assert_int_eq(ta.live, 0);
    unlink(path);
    free(path);
}
END_TEST

Suite *file_suite(void)
{
    Suite *s = suite_create("file");
    TCase *tc = tcase_create("read");
    tcase_add_test(tc, reads_small_mapped_and_page_sized_files);
    tcase_add_test(tc, errors_name_the_file_and_the_reason);
    tcase_add_test(tc, reads_standard_input_as_it_comes);
    tcase_add_test(tc, quick_check_matches_intake);
    tcase_add_test(tc, doc_from_file_keeps_or_normalises);
    tcase_add_test(tc, doc_from_file_errors_release_the_file);
    tcase_add_test(tc, file_and_doc_survive_every_allocation_failure);
    tcase_add_test(tc, data_and_free_do_not_allocate);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return s;
}
