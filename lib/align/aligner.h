/* Private: the model (what is learned, only read while aligning), the working state of one
 * aligner, and the aligner handle. */
#ifndef SELARAS_ALIGN_ALIGNER_H
#define SELARAS_ALIGN_ALIGNER_H

#include "align.h"
#include "learn.h"

/* Working state of one thread: stemmers (Snowball's are not reentrant), their results,
 * and the keys of the current call that the model lacks. */
typedef struct sl_worker {
    const selaras_allocator *mem;
    sl_stemmer *src_stem;
    sl_stemmer *tgt_stem;
    sl_stem_cache src_cache; /* surface id -> stem id + 1; model ids' entries kept */
    sl_stem_cache tgt_cache;
    sl_vocab scratch;        /* on the model's vocabulary; cleared after each call */
} sl_worker;

selaras_status sl_worker_init(sl_worker *w, const selaras_allocator *mem, const char *src_lang,
                              const char *tgt_lang, selaras_error *err);
void sl_worker_release(sl_worker *w);
/* Forget what the last call added beyond the model's nvocab keys: its scratch keys and the
 * cached stems that name them. */
void sl_worker_clear(sl_worker *w, size_t nvocab);

struct selaras_model {
    selaras_allocator mem;
    char src_lang[4];
    char tgt_lang[4];
    const selaras_lexicon *lexicon;
    int lex_reversed;   /* the lexicon runs target -> source */
    sl_erfc_table erfc;
    sl_vocab vocab;     /* keys of both languages the learned table names */
    sl_learned learned; /* grows with learning */
    sl_worker trainer;  /* the working state of selaras_model_learn() */
};

/* The model of an aligner's languages and lexicon; the caller frees it. */
selaras_status sl_model_create(selaras_model **out, const char *src_lang, const char *tgt_lang,
                               const selaras_lexicon *lexicon, const selaras_allocator *mem,
                               selaras_error *err);

/* Default band half-width in sentences for long documents, and default parameters. */
#define SL_BAND 24
extern const sl_params sl_default_params;

/* What one alignment or learning call works with. */
typedef struct sl_run {
    const selaras_model *model;
    sl_worker *work;
    sl_vocab *vocab;    /* the model's vocabulary when learning, else the scratch on it */
    sl_params params;
    size_t band;
    const selaras_allocator *mem;
} sl_run;

/* Learn from one pair into model with params and band (selaras_model_learn(),
 * selaras_aligner_learn()), with the working state of work. */
selaras_status sl_model_learn(selaras_model *model, sl_worker *work, const sl_params *params,
                              size_t band, const selaras_segments *src,
                              const selaras_segments *tgt, selaras_error *err);

/* Whether src and tgt are in the model's languages. */
selaras_status sl_model_check(const selaras_model *model, const selaras_segments *src,
                              const selaras_segments *tgt, selaras_error *err);

struct selaras_aligner {
    selaras_allocator mem;
    selaras_model *own;        /* the model made with the aligner, or NULL when shared */
    const selaras_model *model;
    sl_params params;
    int realign;
    size_t band;
    sl_worker work;
};

#endif
