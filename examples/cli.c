/* Shared helpers of the selaras command. */
#define _GNU_SOURCE
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("selaras: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

const char *cli_display_name(const char *path)
{
    return (path == NULL || strcmp(path, "-") == 0) ? "<stdin>" : path;
}

void cli_report(const char *file, const selaras_error *err)
{
    if (err->line > 0)
        cli_error("%s:%zu:%zu: %s", cli_display_name(file), err->line, err->column,
                  err->message);
    else
        cli_error("%s: %s", cli_display_name(file), err->message);
}

int cli_read_file(const char *path, char **data, size_t *len)
{
    int use_stdin = strcmp(path, "-") == 0;
    FILE *in = use_stdin ? stdin : fopen(path, "rb");
    if (in == NULL) {
        cli_error("%s: cannot open: %s", path, strerror(errno));
        return CLI_INPUT;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        cli_error("%s: out of memory", cli_display_name(path));
        if (!use_stdin)
            fclose(in);
        return CLI_INPUT;
    }
    for (;;) {
        if (n == cap) {
            char *grown = cap > ((size_t)-1) / 2 ? NULL : realloc(buf, cap * 2);
            if (grown == NULL) {
                cli_error("%s: out of memory", cli_display_name(path));
                free(buf);
                if (!use_stdin)
                    fclose(in);
                return CLI_INPUT;
            }
            buf = grown;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, in);
        n += got;
        if (got == 0)
            break;
    }
    int failed = ferror(in);
    int saved = errno;
    if (!use_stdin)
        fclose(in);
    if (failed) {
        cli_error("%s: read error: %s", cli_display_name(path), strerror(saved));
        free(buf);
        return CLI_INPUT;
    }
    *data = buf;
    *len = n;
    return CLI_OK;
}

int cli_load_doc(const char *path, const char *lang, unsigned flags, selaras_doc **doc)
{
    char *data;
    size_t len;
    int rc = cli_read_file(path, &data, &len);
    if (rc != CLI_OK)
        return rc;
    selaras_error err;
    selaras_status st = selaras_doc_new(doc, data, len, lang, flags, NULL, &err);
    free(data);
    if (st != SELARAS_OK) {
        cli_report(path, &err);
        return st == SELARAS_ERR_LANGUAGE || st == SELARAS_ERR_ARGUMENT ? CLI_USAGE : CLI_INPUT;
    }
    if (selaras_doc_set_name(*doc, strcmp(path, "-") == 0 ? "stdin" : path) != SELARAS_OK) {
        cli_error("%s: out of memory", cli_display_name(path));
        selaras_doc_free(*doc);
        *doc = NULL;
        return CLI_INPUT;
    }
    return CLI_OK;
}

FILE *cli_open_output(const char *path)
{
    if (path == NULL || strcmp(path, "-") == 0)
        return stdout;
    FILE *out = fopen(path, "wb");
    if (out == NULL)
        cli_error("%s: cannot open for writing: %s", path, strerror(errno));
    return out;
}

int cli_close_output(FILE *out, const char *path)
{
    int failed = fflush(out) != 0 || ferror(out);
    int saved = errno;
    if (out != stdout)
        failed |= fclose(out) != 0;
    if (failed) {
        cli_error("%s: write error: %s", path == NULL || strcmp(path, "-") == 0 ? "<stdout>" : path,
                  strerror(saved ? saved : EIO));
        return CLI_OUTPUT;
    }
    return CLI_OK;
}

void cli_json_string(FILE *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 0x20) {
                fputs("\\u00", out);
                fputc(hex[c >> 4], out);
                fputc(hex[c & 15], out);
            } else {
                fputc(c, out);
            }
        }
    }
    fputc('"', out);
}

int cli_check_lang(const char *lang)
{
    selaras_doc *probe = NULL;
    selaras_error err;
    if (selaras_doc_new(&probe, "", 0, lang, 0, NULL, &err) != SELARAS_OK) {
        cli_error("%s", err.message);
        return CLI_USAGE;
    }
    selaras_doc_free(probe);
    return CLI_OK;
}
