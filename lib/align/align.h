/* Private header of the alignment stage: token vocabulary, sentence features, the
 * translation relation, the banded dynamic programme and the learned word table. */
#ifndef SELARAS_ALIGN_H
#define SELARAS_ALIGN_H

#include <stdint.h>

#include "../core/core.h"
#include "../segment/segment.h"

/* ---- vocabulary: the keys of both languages as dense ids (lib/core's string table) ---- */

/* Largest vocabulary: ids must fit the 30 bits of sl_atok.stem. */
#define SL_VOCAB_MAX ((size_t)1 << 30)

typedef sl_strtab sl_vocab;

static inline void sl_vocab_init(sl_vocab *v, const selaras_allocator *mem)
{
    sl_strtab_init(v, mem);
    v->limit = SL_VOCAB_MAX;
}

static inline void sl_vocab_release(sl_vocab *v) { sl_strtab_release(v); }
static inline void sl_vocab_set_base(sl_vocab *v, const sl_vocab *base) { sl_strtab_set_base(v, base); }
static inline void sl_vocab_clear(sl_vocab *v) { sl_strtab_clear(v); }
static inline size_t sl_vocab_size(const sl_vocab *v) { return sl_strtab_size(v); }

/* Intern s[0..len); 0 and *id on success, -1 on allocation failure. */
static inline int sl_vocab_intern(sl_vocab *v, const char *s, size_t len, uint32_t *id)
{
    int is_new;
    return sl_strtab_add(v, s, len, id, &is_new);
}

/* Id of s[0..len), or UINT32_MAX when absent. */
static inline uint32_t sl_vocab_find(const sl_vocab *v, const char *s, size_t len)
{
    return sl_strtab_find(v, s, len);
}

static inline const char *sl_vocab_str(const sl_vocab *v, uint32_t id)
{
    return sl_strtab_key(v, id, NULL);
}

/* ---- tokens and sentence features (tokens.c) ---- */

/* Flags of a token. */
enum {
    SL_TOK_ANCHOR = 1u << 0, /* a number, date, URL or other language-neutral key */
    SL_TOK_CAPITAL = 1u << 1, /* a word written with a capital or in capitals */
    SL_TOK_UNIT = 1u << 2,    /* a unit key ("%", "cur:idr"): language-neutral, weight 1 */
    SL_TOK_KEY = 1u << 3      /* a lexicon key, stemmed already (a phrase: phrases.c) */
};

/* Evidence classes of a token; a side maps each to its weight. */
enum { SL_TCLASS_WORD = 0, SL_TCLASS_CAPITAL = 1, SL_TCLASS_ANCHOR = 2, SL_TCLASS_N = 4 };

/* A token of a sentence, 4 bytes because a side holds some twenty per sentence: its key
 * (the lower-cased surface form, or the anchor key) shifted left by 2, and its class. */
typedef uint32_t sl_atok;


/* Flags of a sentence of a side: boilerplate or empty (only ever a 1-0 / 0-1 bead, at almost
 * no cost); a title (only ever in a bead whose sentences are all titles on both sides, or
 * alone). */
enum { SL_UNIT_SKIP = 1u << 0, SL_UNIT_TITLE = 1u << 1 };

/* One side of an alignment problem. */
typedef struct sl_side {
    size_t n;             /* sentences */
    sl_atok *toks;       /* all tokens, sentence after sentence, unique within a sentence */
    size_t *first;        /* n + 1 offsets into toks */
    double *len;          /* n + 1 prefix sums of lengths in code points */
    double *ntok;         /* n + 1 prefix sums of token weights */
    unsigned char *skip;  /* SL_UNIT_* flags of each sentence */
    double unit;          /* sentences a unit stands for: 1, or the block size of a
                           * coarse level; a 1-0 / 0-1 bead's prior counts that often */
    size_t toks_cap;
    float weight[SL_TCLASS_N]; /* evidence a match of a token of each class gives */
    const uint32_t *stem_of;   /* surface id -> stem id + 1 (0: the surface form itself) */
    size_t stem_cap;           /* entries of stem_of */
} sl_side;

static inline uint32_t sl_tok_surf(sl_atok t)
{
    return t >> 2;
}

static inline unsigned sl_tok_cls(sl_atok t)
{
    return t & 3u;
}

/* The stem of a token: the surface form of anchors, units and words without a stem. */
static inline uint32_t sl_tok_stem(const sl_side *s, sl_atok t)
{
    uint32_t surf = t >> 2;
    if ((t & 3u) == SL_TCLASS_ANCHOR || surf >= s->stem_cap || s->stem_of[surf] == 0)
        return surf;
    return s->stem_of[surf] - 1;
}

/* Stemmer callback: writes the stem of word[0..len) (lower case) into out (cap bytes);
 * returns its length, or (size_t)-1 when no stem is available. */
typedef size_t (*sl_stem_fn)(void *ctx, const char *word, size_t len, char *out, size_t cap);

/* Stems already computed, by surface id (stem id + 1; 0: not yet, or not a word). One per
 * language. Every word of a built side has its entry: sides read their stems here. */
typedef struct sl_stem_cache {
    uint32_t *stem;
    size_t cap;
} sl_stem_cache;

/* Where a side looks up the phrase keys of its sentences (phrases.c): one side of a
 * lexicon, its target side when tgt. */
typedef struct sl_phrase_lookup {
    const selaras_lexicon *lex;
    int tgt;
} sl_phrase_lookup;

typedef int (*sl_emit_fn)(void *ctx, const char *key, size_t len, uint32_t flags);
struct sl_tokens;
/* Give emit every lexicon key of text[0..len) that is a phrase or a word with an inner
 * hyphen or apostrophe, tokenized, folded and stemmed as the lexicon makes its keys; toks
 * is scratch. Returns 0, -1 (no memory) or what emit returned. */
int sl_phrases_emit(const sl_phrase_lookup *ph, struct sl_tokens *toks, const char *text,
                    size_t len, sl_stem_fn stem, void *stem_ctx, sl_emit_fn emit, void *ctx);

/* Tokenize the segments of one side into side; keys are interned in vocab. lang is the
 * primary subtag ("id", "en", "de"…): it decides the decimal separator and the scale and
 * month words. Returns SELARAS_OK or SELARAS_ERR_NOMEM. */
selaras_status sl_side_build(sl_side *side, const selaras_segments *segs, const char *lang,
                             sl_vocab *vocab, sl_stem_fn stem, void *stem_ctx,
                             sl_stem_cache *cache, double w_anchor, double w_capital,
                             const sl_phrase_lookup *phrases, const selaras_allocator *mem);
void sl_side_release(sl_side *side, const selaras_allocator *mem);

/* Tokenize one text, calling emit for every key (words lower-cased, numbers as
 * "#MANTISSAeEXP", dates as "@dDmM", weekdays "@wN", months "@mN", URLs "url:…").
 * Returns 0, or the first non-zero value emit returned. Exposed for tests. */
int sl_anchor_tokenize(const char *text, size_t len, const char *lang, sl_emit_fn emit, void *ctx);

/* ---- model parameters ---- */

/* Bead types, in the order the DP tries them. */
enum { SL_BEAD_TYPES = 8 };
typedef struct sl_bead_type {
    unsigned char a, b;  /* source and target sentences */
} sl_bead_type;
extern const sl_bead_type sl_bead_types[SL_BEAD_TYPES];

typedef struct sl_params {
    double ratio;        /* expected target length / source length */
    double var;          /* variance of the length difference per source character */
    double pen[SL_BEAD_TYPES]; /* prior cost of each bead type */
    double w_len;        /* weight of the Gale–Church length cost */
    double w_lex;        /* weight of the lexical similarity bonus */
    double w_orphan;     /* cost of each sentence of a merge that matches nothing */
    double skip_len;     /* weight of the length cost of a 1-0 / 0-1 bead */
    double skip_free;
    double w_anchor;     /* weight of an anchor token (a word weighs 1) */
    double w_capital;    /* weight of a capitalised word */    /* cost of a 1-0 / 0-1 bead for a boilerplate or empty segment */
    unsigned evidence;   /* SELARAS_EVIDENCE_* bits */
    size_t full_cells;   /* problems up to this many cells use the whole grid (0: the
                          * default, SL_FULL_CELLS in search.c; tests set it lower) */
    unsigned max_src;    /* largest bead on each side (1..3) */
    unsigned max_tgt;
} sl_params;

/* The translation relation for one alignment: for every source token key the target keys
 * it may translate to (CSR over vocabulary ids). */
typedef struct sl_trans {
    uint32_t *first;     /* vocab count + 1 offsets, or NULL */
    uint32_t *to;
    size_t nvocab;
} sl_trans;

/* One bead of a result. */
typedef struct sl_bead {
    size_t src_first, src_count, tgt_first, tgt_count;
    double sim;          /* lexical similarity in [0,1] */
    double lcost;        /* length cost */
    double margin;       /* extra cost of the best path without this bead */
    double score;        /* confidence in [0,1]; -1 when not computed */
} sl_bead;

/* A bead of a path as one byte: source sentences << 2 | target sentences. */
static inline unsigned char sl_step_of(const sl_bead *b)
{
    return (unsigned char)(b->src_count << 2 | b->tgt_count);
}

static inline size_t sl_step_src(unsigned char step)
{
    return step >> 2;
}

static inline size_t sl_step_tgt(unsigned char step)
{
    return step & 3u;
}

struct selaras_alignment {
    selaras_allocator mem;
    sl_bead *beads;
    size_t count;
    double doc_score;   /* the pair's parallelness score, or -1 when not computed */
};

/* -log(erfc(x / sqrt 2)) for x >= 0, by table. */
typedef struct sl_erfc_table {
    double v[1921];     /* step 1/64 up to 30 */
} sl_erfc_table;
void sl_erfc_table_init(sl_erfc_table *t);
double sl_length_cost(const sl_erfc_table *t, const sl_params *p, double ls, double lt);

/* Align src with tgt; *beads (allocated with mem) and *count receive the path.
 * Memory is linear in n + m: small problems use the whole grid, large ones a band of
 * half-width band around a centre line, widened when the path runs along its edge. The
 * centre line follows guide (a path of an earlier pass, one sl_step_of() byte a bead) when
 * given, else a coarse alignment of blocks of sentences (recursively). Without confidence, beads get their
 * similarity and length cost but score -1 (the margins are the costly part). */
selaras_status sl_dp_align(const sl_side *src, const sl_side *tgt, const sl_trans *trans,
                           const sl_params *p, const sl_erfc_table *et, size_t band,
                           const unsigned char *guide, size_t nguide, int confidence,
                           const selaras_allocator *mem, sl_bead **beads, size_t *count,
                           selaras_error *err);

/* Confidence of a bead from its features (calibrated on development data; confidence.c). */
double sl_bead_confidence(const sl_bead *b);

#endif
