/* Private: the aligner handle. */
#ifndef SELARAS_ALIGN_ALIGNER_H
#define SELARAS_ALIGN_ALIGNER_H

#include "align.h"
#include "learn.h"

struct selaras_aligner {
    selaras_allocator mem;
    char src_lang[4];
    char tgt_lang[4];
    const selaras_lexicon *lexicon;
    int lex_reversed;   /* the lexicon runs target -> source */
    sl_stemmer *src_stem;
    sl_stemmer *tgt_stem;
    sl_stem_cache src_cache; /* the stemmers' results, kept across calls */
    sl_stem_cache tgt_cache;
    sl_params params;
    int realign;
    size_t band;
    sl_erfc_table erfc;
    sl_vocab vocab;     /* keys of both languages, shared so identical tokens match */
    sl_learned learned; /* grows with selaras_aligner_learn() */
};

#endif
