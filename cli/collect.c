/* Collections of files: folder walks, list files, and reading one document of many. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "input.h"
#include "collect.h"
#include "progress.h"

void cli_files_init(cli_files *f)
{
    f->path = NULL;
    f->n = f->cap = 0;
}

void cli_files_free(cli_files *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->path[i]);
    free(f->path);
    cli_files_init(f);
}

static int files_push(cli_files *f, char *path)
{
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 64;
        char **grown = realloc(f->path, cap * sizeof *grown);
        if (grown == NULL) {
            free(path);
            cli_error("out of memory");
            return CLI_INPUT;
        }
        f->path = grown;
        f->cap = cap;
    }
    f->path[f->n++] = path;
    return CLI_OK;
}

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    while (a > 1 && dir[a - 1] == '/')
        a--;
    char *p = malloc(a + b + 2);
    if (p != NULL) {
        memcpy(p, dir, a);
        p[a] = '/';
        memcpy(p + a + 1, name, b + 1);
    }
    return p;
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk dir; top: errors on dir itself are fatal. Depth bounds symbolic-link cycles. */
static int walk(cli_files *f, const char *dir, int depth, size_t *skipped)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        if (depth == 0) {
            return cli_io_error(dir, CLI_IO_FOLDER, errno, NULL);
        }
        cli_warn("%s: cannot open folder: %s; skipped", dir, strerror(errno));
        (*skipped)++;
        return CLI_OK;
    }
    cli_files subdirs;
    cli_files_init(&subdirs);
    size_t first = f->n;
    int rc = CLI_OK;
    struct dirent *e;
    while (rc == CLI_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *p = join(dir, e->d_name);
        struct stat st;
        if (p == NULL) {
            cli_error("out of memory");
            rc = CLI_INPUT;
        } else if (stat(p, &st) != 0) {
            cli_warn("%s: %s; skipped", p, strerror(errno));
            (*skipped)++;
            free(p);
        } else if (S_ISDIR(st.st_mode)) {
            rc = files_push(&subdirs, p);
        } else if (S_ISREG(st.st_mode)) {
            rc = files_push(f, p);
        } else {
            free(p);
        }
    }
    closedir(d);
    if (rc == CLI_OK && f->n > first)
        qsort(f->path + first, f->n - first, sizeof *f->path, cmp_path);
    if (subdirs.n > 0)
        qsort(subdirs.path, subdirs.n, sizeof *subdirs.path, cmp_path);
    for (size_t i = 0; rc == CLI_OK && i < subdirs.n; i++) {
        if (depth >= 64) {
            cli_warn("%s: folders nested too deep; skipped", subdirs.path[i]);
            (*skipped)++;
            continue;
        }
        rc = walk(f, subdirs.path[i], depth + 1, skipped);
    }
    cli_files_free(&subdirs);
    return rc;
}

int cli_files_add_dir(cli_files *f, const char *dir, size_t *skipped)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return cli_io_error(dir, CLI_IO_FOLDER, errno, NULL);
    if (!S_ISDIR(st.st_mode))
        return cli_io_error(dir, CLI_IO_FOLDER, ENOTDIR, NULL);
    size_t first = f->n;
    int rc = walk(f, dir, 0, skipped);
    /* one sorted list: files of a folder and of its subfolders interleave by name */
    if (rc == CLI_OK && f->n > first)
        qsort(f->path + first, f->n - first, sizeof *f->path, cmp_path);
    return rc;
}

int cli_files_add_list(cli_files *f, const char *list)
{
    char *data;
    size_t len;
    int rc = cli_read_file(list, &data, &len);
    if (rc != CLI_OK)
        return rc;
    size_t i = 0;
    while (rc == CLI_OK && i < len) {
        size_t e = i;
        while (e < len && data[e] != '\n')
            e++;
        size_t a = i, b = e;
        while (a < b && (data[a] == ' ' || data[a] == '\t'))
            a++;
        while (b > a && (data[b - 1] == ' ' || data[b - 1] == '\t' || data[b - 1] == '\r'))
            b--;
        if (b > a && data[a] != '#') {
            char *p = strndup(data + a, b - a);
            if (p == NULL) {
                cli_error("out of memory");
                rc = CLI_INPUT;
            } else {
                rc = files_push(f, p);
            }
        }
        i = e + 1;
    }
    free(data);
    return rc;
}

int cli_collect_segments(const char *path, const char *lang, selaras_segmenter *seg,
                         selaras_segments **out, cli_skip *why)
{
    *out = NULL;
    selaras_error err;
    selaras_file *file;
    selaras_status rd = selaras_file_read(&file, path, 0, NULL, &err); /* the one reader */
    if (rd != SELARAS_OK) {
        snprintf(why->reason, sizeof why->reason, "%s",
                 rd == SELARAS_ERR_NOMEM ? "out of memory" : err.message);
        return CLI_INPUT;
    }
    size_t n;
    const char *buf = selaras_file_data(file, &n);
    selaras_doc *doc = NULL;
    /* --input, --encoding and --replace-invalid (input.c): HTML pages and legacy text too */
    selaras_status st = selaras_doc_new_encoded(&doc, buf, n, lang, cli_input_encoding(),
                                                cli_input_flags(path, buf, n), NULL, &err);
    selaras_file_free(file);
    if (st == SELARAS_OK && selaras_doc_set_name(doc, path) != SELARAS_OK) {
        st = SELARAS_ERR_NOMEM;
        snprintf(err.message, sizeof err.message, "out of memory");
    }
    if (st == SELARAS_OK)
        st = selaras_segment(seg, doc, out, &err);
    selaras_doc_free(doc);
    if (st == SELARAS_OK)
        return CLI_OK;
    if (st == SELARAS_ERR_ENCODING)
        snprintf(why->reason, sizeof why->reason, "not UTF-8: %s (line %zu, column %zu)",
                 err.message, err.line, err.column);
    else
        snprintf(why->reason, sizeof why->reason, "%s", err.message);
    return CLI_INPUT;
}
