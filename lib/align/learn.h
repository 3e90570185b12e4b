/* Private: one alignment problem and the learned word table. */
#ifndef SELARAS_ALIGN_LEARN_H
#define SELARAS_ALIGN_LEARN_H

#include "align.h"
#include "../lexicon/lexicon.h"

/* Word pairs counted in confident 1-1 beads (Moore 2002's bootstrapping; hunalign's
 * -realign), with the length statistics of those beads. */
typedef struct sl_learned {
    const selaras_allocator *mem;
    sl_counts pairs;    /* (source key << 32 | target key) -> beads holding both */
    sl_counts src_n;    /* source key -> beads holding it */
    sl_counts tgt_n;
    size_t beads;       /* beads counted */
    size_t npairs;      /* links the table gives now (see sl_learned_links) */
    double len_src, len_tgt;
    double var_sum;
    size_t var_n;
} sl_learned;

void sl_learned_init(sl_learned *l, const selaras_allocator *mem);
void sl_learned_release(sl_learned *l);

/* One pair of documents being aligned. */
typedef struct sl_problem {
    sl_side src, tgt;
    sl_trans trans;
    sl_params params;
} sl_problem;

typedef struct sl_run sl_run;

selaras_status sl_problem_init(const sl_run *run, sl_problem *pb,
                               const selaras_segments *src, const selaras_segments *tgt,
                               selaras_error *err);
void sl_problem_release(sl_problem *pb, const selaras_allocator *mem);
/* Build the translation relation (lexicon + learned table + extra) and run the DP, its
 * band centred on guide (an earlier pass) when given. */
selaras_status sl_problem_pass(const sl_run *run, sl_problem *pb, const sl_learned *extra,
                               const unsigned char *guide, size_t nguide, int confidence,
                               sl_bead **beads, size_t *nb, selaras_error *err);

/* The DP of sl_problem_pass() alone, over the relation already in pb->trans. */
selaras_status sl_problem_dp(const sl_run *run, sl_problem *pb, const unsigned char *guide,
                             size_t nguide, int confidence, sl_bead **beads, size_t *nb,
                             selaras_error *err);

/* The beads of one pair (problem.c): a first pass and, with realign, a second one over
 * the relation the first pass's confident beads add to, guided by the first path. */
selaras_status sl_problem_align(const sl_run *run, int realign, const selaras_segments *src,
                                const selaras_segments *tgt, sl_bead **out, size_t *count,
                                selaras_error *err);

/* A 1-1 bead of a first pass (no confidence computed) sure enough to learn from. */
int sl_bead_trusted(const sl_bead *b);

/* Count the word pairs of the confident 1-1 beads of a pass; 0 or -1 (no memory; the
 * table is unchanged then). */
int sl_learned_add(sl_learned *l, const sl_problem *pb, const sl_bead *beads, size_t nb);

/* Fill pb->trans for the run's vocabulary from the lexicon, the model's learned table and
 * extra (may be NULL). */
selaras_status sl_trans_build(sl_trans *trans, const sl_run *run, const sl_problem *pb,
                              const sl_learned *extra);

#endif
