/* Shared helpers of the selaras command. */
#define _GNU_SOURCE
#include "cli.h"
#include "input.h"
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
    if (argc < 2 && strncmp(argv[0], "selaras: ", 9) == 0) /* a command's own commands */
        return cli_usage_error(usage, argv[0] + 9, "a command is needed");
    if (argc < 2) {
        cli_error("a command is needed");
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
    if (st == SELARAS_ERR_NOMEM) {
        cli_error("%s: out of memory", cli_display_name(path));
        return CLI_INPUT;
    }
    return cli_io_error(path, CLI_IO_READ, 0, err.message); /* finds the reason itself */
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
    rc = cli_input_make_doc(path, file, lang, flags, doc); /* input.c; it takes file */
    if (rc != CLI_OK)
        return rc;
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
        return cli_io_error(path, CLI_IO_WRITE, errno ? errno : ENOMEM, NULL);
    }
    int exists = stat(o->target, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) { /* a device or a pipe: written directly */
        o->fp = fopen(o->target, "wb");
        if (o->fp == NULL) {
            cli_io_error(path, CLI_IO_WRITE, errno, NULL);
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
        cli_io_error(path, CLI_IO_WRITE, errno, NULL);
        free(o->tmp);
        o->tmp = NULL;
        return cli_close_output(o, CLI_OUTPUT);
    }
    /* mkstemp makes the file 0600: give it the old file's mode, or rw-r--r-- */
    (void)fchmod(fd, exists ? (st.st_mode & 07777) : 0644);
    o->fp = fdopen(fd, "wb");
    if (o->fp == NULL) {
        cli_io_error(path, CLI_IO_WRITE, errno, NULL);
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
            rc = cli_io_error(cli_output_name(o->path), CLI_IO_WRITE, saved ? saved : EIO,
                              NULL);
        }
    }
    if (o->tmp != NULL) {
        if (rc == CLI_OK && rename(o->tmp, o->target) != 0) {
            rc = cli_io_error(o->path, CLI_IO_WRITE, errno, NULL);
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
        return cli_io_error("standard output", CLI_IO_WRITE, saved ? saved : EIO, NULL);
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
        cli_io_error(sp->dir, CLI_IO_WRITE, errno, NULL);
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
            cli_io_error(sp->path, CLI_IO_READ, errno, NULL);
            rc = CLI_OUTPUT;
        } else {
            cli_spool_remove(sp); /* gone even if a closed pipe ends the process */
            int r = copy_stream(in, stdout);
            int saved = errno;
            fclose(in);
            if (r < 0) {
                cli_io_error(sp->path, CLI_IO_READ, saved ? saved : EIO, NULL);
                rc = CLI_OUTPUT;
            } else if (r > 0) {
                rc = cli_io_error("standard output", CLI_IO_WRITE, saved ? saved : EIO, NULL);
                clearerr(stdout);
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
        cli_io_error(sp->path, CLI_IO_WRITE, errno, NULL);
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
        if (r < 0)
            cli_io_error("-", CLI_IO_READ, saved ? saved : EIO, NULL);
        else
            cli_io_error(sp->path, CLI_IO_WRITE, saved ? saved : EIO, NULL);
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

/* ---- one wording per I/O error ---- */

/* The folder that holds path ("." for a bare name), in buf. */
static const char *folder_of(const char *path, char *buf, size_t size)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return ".";
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    if (n >= size)
        n = size - 1;
    memcpy(buf, path, n);
    buf[n] = '\0';
    return buf;
}

/* errno of what fails on path, found by looking at the file system, or 0. */
static int probe(const char *path, enum cli_io what)
{
    char buf[4096];
    const char *dir = folder_of(path, buf, sizeof buf);
    struct stat st;
    if (stat(dir, &st) != 0)
        return errno == ENOENT ? ENOENT : errno;
    if (!S_ISDIR(st.st_mode))
        return ENOTDIR;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return EISDIR;
    if (what == CLI_IO_READ) {
        FILE *f = fopen(path, "rb");
        if (f == NULL)
            return errno;
        fclose(f);
        return 0;
    }
    if (access(path, F_OK) == 0 && access(path, W_OK) != 0)
        return errno;
    return access(dir, W_OK) != 0 ? errno : 0;
}

int cli_io_error(const char *path, enum cli_io what, int errnum, const char *detail)
{
    const char *verb = what == CLI_IO_WRITE ? "cannot write" : "cannot read";
    int rc = what == CLI_IO_WRITE ? CLI_OUTPUT : CLI_INPUT;
    int file = path != NULL && strcmp(path, "-") != 0 && strcmp(path, "standard output") != 0;
    const char *shown = cli_display_name(path);
    if (errnum == 0 && file)
        errnum = probe(path, what);
    if (errnum == ENOENT || errnum == ENOTDIR) {
        char buf[4096];
        const char *dir = file ? folder_of(path, buf, sizeof buf) : ".";
        struct stat st;
        if (file && stat(dir, &st) != 0)
            cli_error("%s: %s: no such folder: %s", shown, verb, dir);
        else if (file && !S_ISDIR(st.st_mode))
            cli_error("%s: %s: %s is not a folder", shown, verb, dir);
        else if (what == CLI_IO_FOLDER && errnum == ENOTDIR)
            cli_error("%s: %s: not a folder", shown, verb);
        else if (what == CLI_IO_FOLDER)
            cli_error("%s: %s: no such folder: %s", shown, verb, shown);
        else
            cli_error("%s: %s: no such file", shown, verb);
    } else if (errnum == EISDIR) {
        cli_error("%s: %s: it is a folder", shown, verb);
    } else if (errnum != 0) {
        cli_error("%s: %s: %s", shown, verb, strerror(errnum));
    } else {
        size_t n = file ? strlen(path) : 0;
        if (detail != NULL && n > 0 && strncmp(detail, path, n) == 0 && detail[n] == ':')
            detail += n + 1 + (detail[n + 1] == ' ');
        cli_error("%s: %s: %s", shown, verb, detail != NULL ? detail : "input/output error");
    }
    return rc;
}

int cli_report_file(const char *path, enum cli_io what, const selaras_error *err)
{
    if (err->status == SELARAS_ERR_IO)
        return cli_io_error(path, what, 0, err->message);
    cli_report(path, err);
    return CLI_INPUT;
}

int cli_operand_count(void (*usage)(FILE *out), const char *command, char **operands,
                      int given, int min, int max, const char *what)
{
    if (given == 0)
        return cli_usage_error(usage, command, "no %s given", what);
    if (given < min)
        return cli_usage_error(usage, command, "only %d of %s given", given, what);
    if (given - max > 1)
        return cli_usage_error(usage, command, "'%s' and %d more are too many (expected %s)",
                               operands[max], given - max - 1, what);
    return cli_usage_error(usage, command, "'%s' is one too many (expected %s)",
                           operands[max], what);
}

/* The FreeDict dictionary of the pair when it is installed, plus the --dict files. */
int cli_load_lexicon(const char *from, const char *to, const char *const *dicts, size_t ndicts,
                     selaras_lexicon **lex)
{
    selaras_error err;
    if (selaras_lexicon_new(lex, from, to, NULL, &err) != SELARAS_OK) {
        cli_error("%s", err.message);
        return cli_setup_failure(err.status);
    }
    selaras_status st = selaras_lexicon_load_default(*lex, &err);
    if (st != SELARAS_OK && st != SELARAS_ERR_IO) {
        cli_report("FreeDict", &err);
        return CLI_INPUT;
    }
    for (size_t i = 0; i < ndicts; i++) {
        cli_spool spool;
        const char *path;
        int rc = cli_input_path(dicts[i], &spool, &path);
        if (rc != CLI_OK)
            return rc;
        st = selaras_lexicon_load(*lex, path, SELARAS_DICT_AUTO, &err);
        cli_spool_remove(&spool);
        if (st != SELARAS_OK)
            return cli_report_file(dicts[i], CLI_IO_READ, &err);
    }
    return CLI_OK;
}
