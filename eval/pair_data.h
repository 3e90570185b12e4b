/* Document collections for make eval-pair and make bench-pair, built from the shared data:
 * PUD documents, LibreOffice help pages (paragraphs/) and press/, each side segmented by
 * selaras_segment(). */
#ifndef SELARAS_EVAL_PAIR_DATA_H
#define SELARAS_EVAL_PAIR_DATA_H

#include <stddef.h>
#include <stdint.h>

#include "selaras.h"

typedef struct pair_coll {
    const char *name;
    selaras_segments **src, **tgt;
    size_t nsrc, ntgt;
    long *gold;    /* source i -> its target, or -1 (no partner) */
    size_t npairs; /* gold pairs */
} pair_coll;

/* A document text list: texts[i] (malloc'ed) for i < n. */
typedef struct pair_texts {
    char **v;
    size_t n, cap;
} pair_texts;

void pair_texts_push(pair_texts *t, char *text);
void pair_texts_free(pair_texts *t);

/* The Indonesian and English texts of the PUD documents and of the LibreOffice help pages
 * (paragraphs joined by blank lines; pages of at least min_paras paragraphs), in the
 * order of the data; element i of one side translates element i of the other. Exits on a
 * missing file. */
void pair_read_pud(const char *dir, pair_texts *id, pair_texts *en);
void pair_read_libreoffice(const char *dir, size_t min_paras, pair_texts *id, pair_texts *en);

/* A collection from parallel texts: 10% of the sources lose their partner, another 10%
 * of the targets lose theirs, and the targets are shuffled (fixed seed). Takes the texts. */
void pair_coll_from_parallel(pair_coll *c, const char *name, pair_texts *id, pair_texts *en,
                             uint64_t seed);
/* press/: the files and pairs of press/pairing.gold.json. */
void pair_coll_press(pair_coll *c, const char *dir);
void pair_coll_free(pair_coll *c);

/* A pairer (allocator mem, or NULL; min_score < 0: the default) given every document
 * of c, after selaras_pairer_run(); the seconds spent adding and running. Exits on errors. */
selaras_pairer *pair_run(const pair_coll *c, const selaras_lexicon *lex,
                         const selaras_allocator *mem, double min_score, double *add_secs,
                         double *run_secs);

/* The baseline (pair_baseline.c): source i -> target, or -1; malloc'ed. */
long *pair_baseline(const pair_coll *c, const selaras_lexicon *lex);

uint64_t pair_rng(uint64_t *state);
/* Seconds of a monotonic clock. */
double pair_now(void);

#endif
