/* Refusing pairs that do not look like translations (exit status 4). */
#ifndef SELARAS_CLI_REFUSE_H
#define SELARAS_CLI_REFUSE_H

#include "selaras.h"

/* CLI_OK when the document score of a (selaras_align_scored() of ss and ts, the
 * documents src and tgt) reaches the threshold, or a document is empty (it was warned
 * about, and there is nothing to write); else prints one line naming the score and
 * returns CLI_NOT_PARALLEL. */
int cli_refuse_nonparallel(const selaras_alignment *a, const selaras_segments *ss,
                           const selaras_segments *ts, const char *src, const char *tgt);

#endif
