/* The pairs of selaras batch: from a --pairs TSV file or by pairing two folders, with
 * the files left unpaired and those skipped (with their reasons) for the report. */
#ifndef SELARAS_CLI_BATCH_PAIRS_H
#define SELARAS_CLI_BATCH_PAIRS_H

#include <stddef.h>

#include "collect.h"
#include "selaras.h"

typedef struct batch_pairs {
    cli_files src, tgt;      /* pair k: src.path[k], tgt.path[k] */
    double *score;           /* the pairer's score of pair k, or -1 (from --pairs) */
    cli_files unpaired_src, unpaired_tgt;
    cli_files skipped;       /* files that could not be read for pairing */
    char **skip_reason;      /* one per skipped file */
    size_t files_read;       /* documents read for pairing */
    size_t walk_skipped;     /* folders and entries the folder walk could not read */
} batch_pairs;

void batch_pairs_init(batch_pairs *bp);
void batch_pairs_free(batch_pairs *bp);

/* Read a TSV file of "SOURCE<TAB>TARGET" lines (blank lines and lines starting with '#'
 * left out). Prints and returns CLI_INPUT for a file that cannot be read or a line
 * without a tab. */
int batch_pairs_read(batch_pairs *bp, const char *file);

/* Pair the files under two folders (or of two list files) with the pairer. Prints
 * warnings for skipped files; returns an exit code. */
int batch_pairs_find(batch_pairs *bp, const char *const dirs[2], const char *const lists[2],
                     const char *from, const char *to, const selaras_lexicon *lex);

#endif
