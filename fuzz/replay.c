/* Replays inputs through a harness without libFuzzer, so that the seed corpus and every
 * input that once failed run in `make check` (and under ASan, UBSan and valgrind) on any
 * compiler. With arguments, each is a file or a folder of files; without, the harness's
 * folders fuzz/corpus/TARGET and fuzz/regress/TARGET under $SELARAS_FUZZ_DIR are used.
 * An invariant failure aborts, which fails the test. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

#ifndef FUZZ_TARGET
#error "FUZZ_TARGET must name the harness"
#endif

static unsigned long replayed;

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "replay_%s: cannot open %s\n", FUZZ_TARGET, path);
        return -1;
    }
    size_t cap = 4096, n = 0, got;
    unsigned char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *grown = realloc(buf, cap * 2);
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
    if (buf == NULL) {
        fprintf(stderr, "replay_%s: out of memory reading %s\n", FUZZ_TARGET, path);
        return -1;
    }
    /* An exact-size copy, so that ASan catches a read one byte past the input. */
    unsigned char *exact = malloc(n ? n : 1);
    if (exact == NULL) {
        free(buf);
        return -1;
    }
    memcpy(exact, buf, n);
    free(buf);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
    replayed++;
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replay a file, or every regular file of a folder in name order. */
static int replay_path(const char *path, int must_exist)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        if (!must_exist)
            return 0;
        fprintf(stderr, "replay_%s: no such file or folder: %s\n", FUZZ_TARGET, path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return replay_file(path);
    DIR *dir = opendir(path);
    if (dir == NULL)
        return -1;
    char **names = NULL;
    size_t count = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 64;
            char **grown = realloc(names, cap * sizeof *names);
            if (grown == NULL) {
                rc = -1;
                break;
            }
            names = grown;
        }
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        if ((names[count] = malloc(len)) == NULL) {
            rc = -1;
            break;
        }
        snprintf(names[count++], len, "%s/%s", path, e->d_name);
    }
    closedir(dir);
    if (count > 0)
        qsort(names, count, sizeof *names, cmp_names);
    for (size_t i = 0; i < count; i++) {
        if (rc == 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
            rc = replay_file(names[i]);
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    int rc = 0;
    if (argc > 1) {
        for (int i = 1; i < argc && rc == 0; i++)
            rc = replay_path(argv[i], 1);
    } else {
        const char *top = getenv("SELARAS_FUZZ_DIR");
        if (top == NULL)
            top = "fuzz";
        char path[4096];
        snprintf(path, sizeof path, "%s/corpus/%s", top, FUZZ_TARGET);
        rc = replay_path(path, 1);
        snprintf(path, sizeof path, "%s/regress/%s", top, FUZZ_TARGET);
        if (rc == 0)
            rc = replay_path(path, 0);
    }
    if (rc != 0)
        return EXIT_FAILURE;
    if (replayed == 0) {
        fprintf(stderr, "replay_%s: no inputs found\n", FUZZ_TARGET);
        return EXIT_FAILURE;
    }
    printf("replay_%s: %lu inputs passed\n", FUZZ_TARGET, replayed);
    return EXIT_SUCCESS;
}
