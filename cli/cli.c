/* Shared helpers of the selaras command. */
#define _GNU_SOURCE
#include "cli.h"
#include "progress.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    cli_stderr_begin();
    fputs("selaras: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    cli_stderr_end();
}

int cli_take_common_options(int *argc, char **argv)
{
    int kept = 1;
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) { /* what follows are operands */
            while (i < *argc)
                argv[kept++] = argv[i++];
            break;
        }
        if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0)
            cli_set_verbosity(CLI_QUIET);
        else if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0)
            cli_set_verbosity(CLI_VERBOSE);
        else if (strcmp(a, "--progress") == 0)
            cli_set_progress_mode(CLI_PROGRESS_ON);
        else if (strcmp(a, "--no-progress") == 0)
            cli_set_progress_mode(CLI_PROGRESS_OFF);
        else
            argv[kept++] = argv[i];
    }
    argv[kept] = NULL;
    *argc = kept;
    return CLI_OK;
}

void cli_common_usage(FILE *out)
{
    fputs("Every command also takes --quiet (-q: errors only), --verbose (-v: what was\n"
          "read, step by step), --progress (a progress line on standard error even when\n"
          "it is not a terminal) and --no-progress.\n", out);
}

void cli_short_usage(FILE *out, void (*usage)(FILE *out), const char *command)
{
    /* the synopsis: the usage text up to its first line that is not part of it */
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (mem != NULL) {
        usage(mem);
        if (fclose(mem) != 0) {
            free(text);
            text = NULL;
        }
    }
    if (text == NULL) { /* out of memory: the whole text, then */
        usage(out);
        return;
    }
    for (const char *line = text; *line != '\0';) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) + 1 : strlen(line);
        if (strncmp(line, "usage:", 6) != 0 && line[0] != ' ')
            break;
        fwrite(line, 1, n, out);
        line += n;
    }
    free(text);
    fprintf(out, "Run 'selaras %s --help' for more.\n", command);
}

int cli_usage_error(void (*usage)(FILE *out), const char *command, const char *fmt, ...)
{
    va_list ap;
    cli_stderr_begin();
    fputs("selaras: ", stderr);
    if (command != NULL)
        fprintf(stderr, "%s: ", command);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    cli_short_usage(stderr, usage, command);
    cli_stderr_end();
    return CLI_USAGE;
}

int cli_bad_option(void (*usage)(FILE *out), const char *command)
{
    /* getopt_long has named the option in one line (opterr is set) */
    cli_stderr_begin();
    cli_short_usage(stderr, usage, command);
    cli_stderr_end();
    return CLI_USAGE;
}

const char *cli_display_name(const char *path)
{
    return (path == NULL || strcmp(path, "-") == 0) ? "<stdin>" : path;
}

int cli_setup_failure(selaras_status st)
{
    if (st == SELARAS_ERR_LANGUAGE || st == SELARAS_ERR_ARGUMENT)
        return CLI_USAGE;
    return st == SELARAS_ERR_IO ? CLI_OUTPUT : CLI_INPUT;
}

int cli_is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

int cli_no_command(int argc, char **argv, void (*usage)(FILE *out))
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    if (cli_is_help(argv[1])) {
        usage(stdout);
        return CLI_OK;
    }
    return -1;
}

void cli_report(const char *file, const selaras_error *err)
{
    if (err->line > 0)
        cli_error("%s:%zu:%zu: %s", cli_display_name(file), err->line, err->column,
                  err->message);
    else
        cli_error("%s: %s", cli_display_name(file), err->message);
}

/* Read path ("-": standard input) through the library's one reader. */
static int read_input(const char *path, selaras_file **file)
{
    selaras_error err;
    selaras_status st = selaras_file_read(file, path, 0, NULL, &err);
    if (st == SELARAS_OK)
        return CLI_OK;
    if (st == SELARAS_ERR_NOMEM)
        cli_error("%s: out of memory", cli_display_name(path));
    else /* the message names the file too, and says why */
        cli_error("%s: %s", cli_display_name(path), err.message);
    return CLI_INPUT;
}

int cli_read_file(const char *path, char **data, size_t *len)
{
    selaras_file *file;
    int rc = read_input(path, &file);
    if (rc != CLI_OK)
        return rc;
    size_t n;
    const char *bytes = selaras_file_data(file, &n);
    char *copy = malloc(n + 1);
    if (copy == NULL) {
        cli_error("%s: out of memory", cli_display_name(path));
        selaras_file_free(file);
        return CLI_INPUT;
    }
    memcpy(copy, bytes, n + 1);
    selaras_file_free(file);
    *data = copy;
    *len = n;
    return CLI_OK;
}

int cli_load_doc(const char *path, const char *lang, unsigned flags, selaras_doc **doc)
{
    selaras_file *file;
    int rc = read_input(path, &file);
    if (rc != CLI_OK)
        return rc;
    selaras_error err;
    selaras_status st = selaras_doc_new_from_file(doc, file, lang, flags, &err);
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

static int is_stdout(const char *path)
{
    return path == NULL || strcmp(path, "-") == 0;
}

const char *cli_output_name(const char *path)
{
    return is_stdout(path) ? "standard output" : path;
}

int cli_open_output(cli_output *o, const char *path)
{
    o->fp = NULL;
    o->path = path;
    o->target = o->tmp = NULL;
    if (is_stdout(path)) {
        o->fp = stdout;
        return CLI_OK;
    }
    /* a symbolic link stays: the file it points to is the one replaced */
    struct stat lst, st;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
        o->target = realpath(path, NULL);
    if (o->target == NULL) /* not a link, or a dangling one: replaced itself */
        o->target = strdup(path);
    if (o->target == NULL) {
        cli_error("%s: cannot open for writing: %s", path, strerror(errno ? errno : ENOMEM));
        return CLI_OUTPUT;
    }
    int exists = stat(o->target, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) { /* a device or a pipe: written directly */
        o->fp = fopen(o->target, "wb");
        if (o->fp == NULL) {
            cli_error("%s: cannot open for writing: %s", path, strerror(errno));
            return cli_close_output(o, CLI_OUTPUT);
        }
        return CLI_OK;
    }
    size_t n = strlen(o->target);
    o->tmp = malloc(n + 12);
    if (o->tmp == NULL) {
        cli_error("%s: out of memory", path);
        return cli_close_output(o, CLI_OUTPUT);
    }
    memcpy(o->tmp, o->target, n);
    memcpy(o->tmp + n, ".tmp-XXXXXX", 12);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        cli_error("%s: cannot open for writing: %s", path, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        return cli_close_output(o, CLI_OUTPUT);
    }
    /* mkstemp makes the file 0600: give it the old file's mode, or rw-r--r-- */
    (void)fchmod(fd, exists ? (st.st_mode & 07777) : 0644);
    o->fp = fdopen(fd, "wb");
    if (o->fp == NULL) {
        cli_error("%s: cannot open for writing: %s", path, strerror(errno));
        close(fd);
        return cli_close_output(o, CLI_OUTPUT);
    }
    return CLI_OK;
}

int cli_close_output(cli_output *o, int rc)
{
    int saved = 0;
    if (o->fp != NULL) {
        int failed = fflush(o->fp) != 0 || ferror(o->fp);
        saved = errno;
        if (o->fp == stdout) {
            if (failed)
                clearerr(stdout); /* reported here, not again at exit */
        } else {
            if (!failed && o->tmp != NULL && fsync(fileno(o->fp)) != 0) {
                failed = 1;
                saved = errno;
            }
            if (fclose(o->fp) != 0 && !failed) {
                failed = 1;
                saved = errno;
            }
        }
        o->fp = NULL;
        if (failed && rc == CLI_OK) {
            cli_error("%s: write error: %s", cli_output_name(o->path),
                      strerror(saved ? saved : EIO));
            rc = CLI_OUTPUT;
        }
    }
    if (o->tmp != NULL) {
        if (rc == CLI_OK && rename(o->tmp, o->target) != 0) {
            cli_error("%s: cannot replace: %s", o->path, strerror(errno));
            rc = CLI_OUTPUT;
        }
        if (rc != CLI_OK)
            unlink(o->tmp);
    }
    free(o->tmp);
    free(o->target);
    o->tmp = o->target = NULL;
    return rc;
}

int cli_finish_stdout(void)
{
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int saved = errno;
        clearerr(stdout);
        cli_error("standard output: write error: %s", strerror(saved ? saved : EIO));
        return CLI_OUTPUT;
    }
    return CLI_OK;
}

int cli_spool_make(cli_spool *sp)
{
    const char *base = getenv("TMPDIR");
    if (base == NULL || base[0] == '\0')
        base = "/tmp";
    int n = snprintf(sp->dir, sizeof sp->dir, "%s/selaras-XXXXXX", base);
    if (n < 0 || (size_t)n >= sizeof sp->dir) {
        sp->dir[0] = sp->path[0] = '\0';
        cli_error("cannot make a temporary folder in %s: name too long", base);
        return CLI_OUTPUT;
    }
    if (mkdtemp(sp->dir) == NULL) {
        cli_error("cannot make a temporary folder in %s: %s", base, strerror(errno));
        sp->dir[0] = sp->path[0] = '\0';
        return CLI_OUTPUT;
    }
    snprintf(sp->path, sizeof sp->path, "%s/data", sp->dir);
    return CLI_OK;
}

void cli_spool_remove(cli_spool *sp)
{
    if (sp->dir[0] == '\0')
        return;
    unlink(sp->path);
    rmdir(sp->dir);
    sp->dir[0] = sp->path[0] = '\0';
}

/* Copy from one stream to another; returns 0, or -1 reading and 1 writing with errno set. */
static int copy_stream(FILE *in, FILE *out)
{
    char buf[1 << 16];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, got, out) != got)
            return 1;
    return ferror(in) ? -1 : 0;
}

int cli_memory_output_begin(const char *output, cli_spool *sp, const char **path)
{
    sp->dir[0] = sp->path[0] = '\0';
    *path = output;
    if (!is_stdout(output))
        return CLI_OK;
    int rc = cli_spool_make(sp);
    *path = sp->path;
    return rc;
}

int cli_memory_output_end(cli_spool *sp, int rc)
{
    if (sp->dir[0] == '\0')
        return rc;
    if (rc == CLI_OK) {
        FILE *in = fopen(sp->path, "rb");
        if (in == NULL) {
            cli_error("%s: cannot open: %s", sp->path, strerror(errno));
            rc = CLI_OUTPUT;
        } else {
            cli_spool_remove(sp); /* gone even if a closed pipe ends the process */
            int r = copy_stream(in, stdout);
            int saved = errno;
            fclose(in);
            if (r < 0) {
                cli_error("%s: read error: %s", sp->path, strerror(saved));
                rc = CLI_OUTPUT;
            } else if (r > 0) {
                cli_error("standard output: write error: %s", strerror(saved ? saved : EIO));
                clearerr(stdout);
                rc = CLI_OUTPUT;
            } else {
                rc = cli_finish_stdout();
            }
        }
    }
    cli_spool_remove(sp);
    return rc;
}

int cli_input_path(const char *name, cli_spool *sp, const char **path)
{
    sp->dir[0] = sp->path[0] = '\0';
    *path = name;
    if (strcmp(name, "-") != 0)
        return CLI_OK;
    if (cli_spool_make(sp) != CLI_OK)
        return CLI_OUTPUT;
    *path = sp->path;
    FILE *out = fopen(sp->path, "wb");
    if (out == NULL) {
        cli_error("%s: cannot open for writing: %s", sp->path, strerror(errno));
        cli_spool_remove(sp);
        return CLI_OUTPUT;
    }
    int r = copy_stream(stdin, out);
    int saved = errno;
    if (fclose(out) != 0 && r == 0) {
        r = 1;
        saved = errno;
    }
    if (r != 0) {
        cli_error(r < 0 ? "<stdin>: read error: %s" : "<stdin>: cannot save a copy: %s",
                  strerror(saved ? saved : EIO));
        cli_spool_remove(sp);
        return r < 0 ? CLI_INPUT : CLI_OUTPUT;
    }
    return CLI_OK;
}

int cli_stdin_twice(const char *const *names, size_t n)
{
    size_t dashes = 0;
    for (size_t i = 0; i < n; i++)
        dashes += names[i] != NULL && strcmp(names[i], "-") == 0;
    if (dashes > 1) {
        cli_error("standard input ('-') can be read only once");
        return 1;
    }
    return 0;
}

void cli_json_piece(FILE *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0; /* bytes that need no escape are written in runs */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        fwrite(s + run, 1, i - run, out);
        run = i + 1;
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            fputs("\\u00", out);
            fputc(hex[c >> 4], out);
            fputc(hex[c & 15], out);
        }
    }
    fwrite(s + run, 1, len - run, out);
}

void cli_json_string(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    cli_json_piece(out, s, len);
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
