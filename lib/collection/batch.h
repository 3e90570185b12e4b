/* Private: the batch handle (batch.c) and its run (batch_run.c). */
#ifndef SELARAS_COLLECTION_BATCH_H
#define SELARAS_COLLECTION_BATCH_H

#include "../core/core.h"

enum { SL_STAGES = 4, SL_BATCH_MAX_JOBS = 256 };

/* One pair of a batch: its paths, what became of it, and its results while they wait
 * for the writer. */
typedef struct sl_batch_pair {
    char *src, *tgt;
    selaras_batch_outcome outcome;
    double score;
    char *reason;        /* why it was skipped, or NULL */
    int done;            /* processed: the writer may take it */
    selaras_segments *s, *t;
    selaras_alignment *a;
} sl_batch_pair;

struct selaras_batch {
    selaras_allocator mem;
    const selaras_model *model;
    sl_batch_pair *pairs;
    size_t n, cap;
    unsigned jobs;
    int force;
    unsigned doc_flags;      /* selaras_batch_set_input() */
    const char *encoding;    /* borrowed, or NULL */
    int ran;
    selaras_batch_progress_fn progress;
    void *progress_user;
    size_t beads[4][4];
    double seconds[SL_STAGES];
};

#endif
