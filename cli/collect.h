/* Collections of files for the commands that read many documents (pair, batch): the
 * regular files under a folder (recursively) or named in a list file, each read and
 * segmented on its own so that a file that cannot be read or decoded is skipped with its
 * reason while the rest goes on. */
#ifndef SELARAS_CLI_COLLECT_H
#define SELARAS_CLI_COLLECT_H

#include <stddef.h>

#include "selaras.h"

/* A list of paths, malloc'ed. */
typedef struct cli_files {
    char **path;
    size_t n, cap;
} cli_files;

void cli_files_init(cli_files *f);
void cli_files_free(cli_files *f);

/* Add every regular file under dir (symbolic links followed, hidden names starting with
 * '.' left out), sorted by path in byte order so that runs are reproducible. A folder
 * inside that cannot be opened is reported and counted in *skipped. Returns CLI_OK, or
 * prints and returns CLI_INPUT (dir itself cannot be opened or is not a folder) or
 * CLI_INPUT on lack of memory. */
int cli_files_add_dir(cli_files *f, const char *dir, size_t *skipped);

/* Add the paths of a list file (one a line; blank lines and lines starting with '#' are
 * left out; "-" is standard input), in their order. Returns CLI_OK or prints and returns
 * CLI_INPUT. */
int cli_files_add_list(cli_files *f, const char *list);

/* Why a file was skipped. */
typedef struct cli_skip {
    char reason[320];
} cli_skip;

/* Read path, check that it is UTF-8 and segment it with seg (lang: the document's
 * language). Prints nothing: on failure returns CLI_INPUT with the reason ("cannot open:
 * Permission denied", "not UTF-8: invalid byte at line 3, column 7") in why. */
int cli_collect_segments(const char *path, const char *lang, selaras_segmenter *seg,
                         selaras_segments **out, cli_skip *why);

#endif
