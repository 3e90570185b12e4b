/* The JSON summary of selaras batch (--report FILE). */
#ifndef SELARAS_CLI_BATCH_REPORT_H
#define SELARAS_CLI_BATCH_REPORT_H

#include "batch_pairs.h"
#include "selaras.h"

/* Write the report of a finished run to path ("-": standard output): documents read,
 * each pair with its scores and outcome, unpaired and skipped files, beads by type, units
 * written and left out, seconds per stage (pairing: seconds spent pairing). Returns an
 * exit code (CLI_OUTPUT after a message when it cannot be written). */
int batch_report_write(const char *path, const batch_pairs *bp, const selaras_batch *b,
                       const selaras_writer *w, double pairing);

#endif
