/* Memory outputs of the CLI: --merge, --force, --lock-timeout and the refusals. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "memout.h"

int cli_memout_option(cli_memout *mo, int c, const char *arg, int *rc)
{
    *rc = CLI_OK;
    if (c == CLI_OPT_FORCE) {
        mo->force = 1;
        return 1;
    }
    if (c != CLI_OPT_LOCK_TIMEOUT)
        return 0;
    char *end;
    double s = strtod(arg, &end);
    if (*arg == '\0' || *end != '\0' || !(s >= 0 && s <= 1e6)) {
        cli_error("--lock-timeout: '%s' is not a number of seconds from 0 to 1000000", arg);
        *rc = CLI_USAGE;
    } else {
        mo->lock_timeout = s;
    }
    return 1;
}

/* 1 when a and b are the same existing file. */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

int cli_memout_check(cli_memout *mo, const char *output, int can_merge,
                     const char *const *inputs, size_t n)
{
    struct stat sb;
    if (output == NULL || strcmp(output, "-") == 0 || stat(output, &sb) != 0 ||
        !S_ISREG(sb.st_mode))
        return CLI_OK;
    int read = 0;
    for (size_t i = 0; i < n && !read; i++)
        read = strcmp(inputs[i], "-") != 0 && same_file(inputs[i], output);
    mo->reads_output = read;
    if (!mo->force && !mo->merge && !read) {
        cli_error(can_merge ? "%s: a memory is already there: add to it with --merge, or "
                              "replace it with --force"
                            : "%s: a file is already there: replace it with --force",
                  output);
        return CLI_OUTPUT;
    }
    int readonly = (sb.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
                   (access(output, W_OK) != 0 && (errno == EACCES || errno == EROFS));
    if (readonly && !mo->force) {
        cli_error("%s: the file is read-only: it is not replaced (--force replaces it)",
                  output);
        return CLI_OUTPUT;
    }
    return CLI_OK;
}

int cli_memout_start(selaras_writer *w, const cli_memout *mo, unsigned flags,
                     const char *shown)
{
    if (mo->merge)
        flags |= SELARAS_WRITER_MERGE;
    if (mo->force)
        flags |= SELARAS_WRITER_REPLACE_READONLY;
    else if (!mo->merge && !mo->reads_output)
        flags |= SELARAS_WRITER_NO_REPLACE;
    selaras_error err;
    selaras_status st = selaras_writer_set_flags(w, flags, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_lock_timeout(w, mo->lock_timeout, &err);
    if (st != SELARAS_OK) {
        cli_error("%s", err.message);
        return cli_setup_failure(st);
    }
    st = selaras_writer_lock(w, &err);
    if (st == SELARAS_OK)
        return CLI_OK;
    if (st == SELARAS_ERR_LOCKED || st == SELARAS_ERR_IO) {
        cli_error("%s", err.message);
        return CLI_OUTPUT;
    }
    cli_report(shown, &err); /* the memory being merged into is malformed */
    return st == SELARAS_ERR_NOMEM ? CLI_OUTPUT : CLI_INPUT;
}
