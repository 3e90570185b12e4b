/* Helpers shared by the Check suites. */
#define _GNU_SOURCE
#include "check_selaras.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void test_assert_error(const char *file, int line, const selaras_error *err,
                       selaras_status expected, selaras_status got, size_t offset,
                       const char *needle)
{
    ck_assert_msg(got == expected, "%s:%d: status %d (%s), expected %d (%s): %s", file, line,
                  (int)got, selaras_strerror(got), (int)expected, selaras_strerror(expected),
                  err->message);
    ck_assert_msg(err->status == expected, "%s:%d: err.status %d, expected %d", file, line,
                  (int)err->status, (int)expected);
    ck_assert_msg(err->offset == offset, "%s:%d: offset %zu, expected %zu (%s)", file, line,
                  err->offset, offset, err->message);
    if (needle != NULL)
        ck_assert_msg(strstr(err->message, needle) != NULL,
                      "%s:%d: message \"%s\" lacks \"%s\"", file, line, err->message, needle);
}

static void *counting_malloc(size_t size, void *user)
{
    test_alloc *ta = user;
    if (ta->calls++ == ta->fail_at)
        return NULL;
    void *p = malloc(size);
    if (p != NULL)
        ta->live++;
    return p;
}

static void *counting_realloc(void *ptr, size_t size, void *user)
{
    test_alloc *ta = user;
    if (ta->calls++ == ta->fail_at)
        return NULL;
    void *p = realloc(ptr, size);
    if (p != NULL && ptr == NULL)
        ta->live++;
    return p;
}

static void counting_free(void *ptr, void *user)
{
    test_alloc *ta = user;
    if (ptr != NULL)
        ta->live--;
    free(ptr);
}

void test_alloc_init(test_alloc *ta, long fail_at)
{
    ta->fail_at = fail_at;
    ta->calls = 0;
    ta->live = 0;
    ta->suite.malloc_fn = counting_malloc;
    ta->suite.realloc_fn = counting_realloc;
    ta->suite.free_fn = counting_free;
    ta->suite.user = ta;
}

char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, cap * 2 + 1);
            if (grown == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf != NULL) {
        buf[n] = '\0';
        if (len != NULL)
            *len = n;
    }
    return buf;
}

char *test_data_path(const char *name)
{
    const char *dir = getenv("SELARAS_TEST_DATA");
    if (dir == NULL)
        dir = "tests/data";
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    ck_assert_ptr_nonnull(path);
    snprintf(path, n, "%s/%s", dir, name);
    return path;
}

int test_run_cli(const char *args, const char *stdin_text, char **out, char **err)
{
    const char *cli = getenv("SELARAS_CLI");
    ck_assert_msg(cli != NULL, "SELARAS_CLI is not set (run through make check)");
    char dir[] = "/tmp/selaras-cli-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char in_path[64], out_path[64], err_path[64];
    snprintf(in_path, sizeof in_path, "%s/in", dir);
    snprintf(out_path, sizeof out_path, "%s/out", dir);
    snprintf(err_path, sizeof err_path, "%s/err", dir);
    FILE *f = fopen(in_path, "wb");
    ck_assert_ptr_nonnull(f);
    if (stdin_text != NULL)
        fputs(stdin_text, f);
    fclose(f);
    size_t n = strlen(cli) + strlen(args) + 3 * 64 + 32;
    char *cmd = malloc(n);
    ck_assert_ptr_nonnull(cmd);
    snprintf(cmd, n, "%s %s <%s >%s 2>%s", cli, args, in_path, out_path, err_path);
    int status = system(cmd);
    free(cmd);
    ck_assert_msg(status != -1 && WIFEXITED(status), "could not run: %s %s", cli, args);
    char *o = test_read_file(out_path, NULL), *e = test_read_file(err_path, NULL);
    remove(in_path);
    remove(out_path);
    remove(err_path);
    rmdir(dir);
    ck_assert_ptr_nonnull(o);
    ck_assert_ptr_nonnull(e);
    if (out != NULL)
        *out = o;
    else
        free(o);
    if (err != NULL)
        *err = e;
    else
        free(e);
    return WEXITSTATUS(status);
}
