/* Private header of the collections stage: document profiles (the evidence a document
 * offers for being the translation of another), the parallelness score over two profiles,
 * and the pairer's candidate index. */
#ifndef SELARAS_COLLECTION_H
#define SELARAS_COLLECTION_H

#include <stdint.h>

#include "../core/core.h"
#include "../lexicon/lexicon.h"
#include "../segment/segment.h"

/* Keys of a profile: 64-bit hashes of the normalised anchors of sl_anchor_tokenize()
 * (numbers with their formats normalised, day/month dates read both ways, URLs), of names
 * and acronyms (capitalised words the lexicon does not know), and lexicon ids of words. */
typedef struct sl_profile {
    uint64_t *anchors;   /* sorted, unique */
    size_t nanchors;
    uint64_t *names;     /* sorted, unique */
    size_t nnames;
    uint32_t *lex;       /* sorted, unique lexicon ids (space: lexside) */
    size_t nlex;
    int lexside;         /* 0: ids are the lexicon's source keys, 1: its target keys */
    /* Optional weights of the keys above, parallel to each array (NULL: all 1): the
     * pairer gives keys that many documents of the collections share less weight. */
    float *wanchors, *wnames, *wlex;
    size_t words;        /* word tokens seen */
    double length;       /* code points of the segments that are not boilerplate */
    size_t segments;     /* segments that are not boilerplate */
} sl_profile;

/* What builds profiles of one language: its stemmer (not thread-safe) and scratch. */
typedef struct sl_profiler {
    const selaras_allocator *mem;
    const selaras_lexicon *lex; /* or NULL */
    int lexside;
    char lang[4];
    sl_stemmer *stem;
} sl_profiler;

/* lang: a primary subtag. lexside: which key space of lex this language's words live in
 * (0 source, 1 target); ignored without a lexicon. SELARAS_OK or SELARAS_ERR_NOMEM. */
selaras_status sl_profiler_init(sl_profiler *pf, const selaras_allocator *mem,
                                const char *lang, const selaras_lexicon *lex, int lexside,
                                selaras_error *err);
void sl_profiler_release(sl_profiler *pf);

/* Build the profile of segs (initialised here; empty on failure). */
selaras_status sl_profile_build(sl_profiler *pf, const selaras_segments *segs, sl_profile *out,
                                selaras_error *err);
void sl_profile_release(sl_profile *p, const selaras_allocator *mem);

/* Which key space of lex the words of a (source) and b (target) use: 0 when lex is a → b,
 * 1 when it is b → a; -1 when lex is NULL or of another pair. */
int sl_lexicon_direction(const selaras_lexicon *lex, const char *a, const char *b);

/* Compare the profiles of a source and a target document: fills ev (its score too).
 * lex is the lexicon the profiles were built with (or NULL). beads may be NULL. */
void sl_profile_compare(const sl_profile *src, const sl_profile *tgt,
                        const selaras_lexicon *lex, const selaras_alignment *beads,
                        selaras_parallel_evidence *ev);

/* Size of the intersection of two sorted unique arrays. */
size_t sl_sorted_common64(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

#endif
