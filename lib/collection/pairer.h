/* The pairer's state, shared by pairer.c (the handle) and index.c (the run). */
#ifndef SELARAS_PAIRER_H
#define SELARAS_PAIRER_H

#include "collection.h"

struct selaras_pairer {
    selaras_allocator mem;
    char primary[2][4];        /* source and target primary subtags */
    const selaras_lexicon *lex; /* NULL when none fits the languages */
    int dir;                   /* sl_lexicon_direction() */
    double min_score;
    sl_profiler pf[2];
    sl_profile *docs[2];
    size_t n[2], cap[2];
    /* the last run's result, for result_n[s] documents of each side */
    size_t *partner[2];
    double *score[2];
    size_t result_n[2];
    size_t comparisons;
};

#endif
