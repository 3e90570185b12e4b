/* Private header of the lexicon stage: the tokenizer, the stemmer and the bilingual
 * lexicon the aligner reads. Nothing here is exported.
 *
 * How the aligner uses it, per segment:
 *   1. sl_tokenize() the segment text into words, numbers and other tokens, each with its
 *      byte span and a case-folded form;
 *   2. sl_stem() each word with a stemmer of the segment's language (one sl_stemmer per
 *      aligner: a stemmer is NOT thread-safe);
 *   3. look the stem up with sl_lexicon_src_id() / sl_lexicon_tgt_id(), and compare
 *      translations with sl_lexicon_translations() / sl_lexicon_sources().
 * The lexicon stems its entries with the same stemmers at load time, so keys match. A
 * lexicon is only read by those lookups: once loaded it may be shared by many threads. */
#ifndef SELARAS_LEXICON_H
#define SELARAS_LEXICON_H

#include <stdint.h>

#include "../core/core.h"

/* ===================================================================== */
/* Tokenizer                                                              */
/* ===================================================================== */

typedef enum sl_token_class {
    SL_TOKEN_WORD = 0,   /* letters and marks, with inner hyphens/apostrophes: "anak-anak", "don't" */
    SL_TOKEN_NUMBER = 1, /* a digit run with inner . , / : between digits, optional final %:
                            "23.000", "1/27", "10:30", "50%" */
    SL_TOKEN_OTHER = 2   /* any other visible code point (punctuation, symbol), one per token */
} sl_token_class;

/* Token flags. */
enum {
    SL_TOKEN_GLUED = 1u << 0,     /* no white space between this token and the previous one
                                     ("Rp" "5.000" in "Rp5.000", "COVID" "-" "19") */
    SL_TOKEN_CAPITAL = 1u << 1,   /* a word whose first letter is upper- or titlecase */
    SL_TOKEN_ALL_UPPER = 1u << 2, /* a word of two or more letters, all uppercase ("WHO", "BPS") */
    SL_TOKEN_HYPHEN = 1u << 3     /* a word with an inner hyphen ("anak-anak", "e-mail") */
};

typedef struct sl_token {
    size_t start;       /* byte offset of the token in the text */
    size_t end;         /* byte offset just past it */
    size_t fold;        /* offset of the folded form in sl_tokens.fold.data */
    size_t fold_len;    /* its length in bytes (it is NUL-terminated there) */
    sl_token_class cls;
    unsigned flags;     /* SL_TOKEN_* bits */
} sl_token;

/* A token list, reusable: sl_tokenize() clears it before filling it. The folded forms are
 * case-folded (Unicode full case folding, utf8proc) for words, with every apostrophe
 * (U+2019, U+02BC…) written ' and every hyphen (U+2010, U+2011) written -; numbers and
 * other tokens keep their surface form. */
typedef struct sl_tokens {
    const selaras_allocator *mem;
    sl_token *tok;
    size_t n;
    size_t cap;
    sl_buf fold;
} sl_tokens;

void sl_tokens_init(sl_tokens *toks, const selaras_allocator *mem);
void sl_tokens_release(sl_tokens *toks);

/* Split text[0..len) into tokens (white space separates and is dropped). The text must be
 * UTF-8; an ill-formed sequence fails with SELARAS_ERR_ENCODING at its offset. On failure
 * toks is left empty (and usable). Returns SELARAS_OK, SELARAS_ERR_ENCODING,
 * SELARAS_ERR_NOMEM. */
selaras_status sl_tokenize(sl_tokens *toks, const char *text, size_t len, selaras_error *err);

/* The folded form of token i (NUL-terminated, borrowed until the next sl_tokenize). */
static inline const char *sl_token_folded(const sl_tokens *toks, size_t i, size_t *len)
{
    if (len)
        *len = toks->tok[i].fold_len;
    return toks->fold.data + toks->tok[i].fold;
}

/* ===================================================================== */
/* Stemmer                                                                */
/* ===================================================================== */

/* A Snowball stemmer (libstemmer) for one language. NOT thread-safe: one per thread (one
 * per aligner). Why Snowball rather than hunspell with hunspell-id: Snowball's Indonesian
 * algorithm strips the prefixes, suffixes and confixes that matter for alignment
 * (pe-an, me-kan, di-, ber-, ke-an: "pelatihan" and "melatih" -> "latih") on every word,
 * names and loans included, with one deterministic answer, whereas hunspell only analyses
 * words its word list has and may return several stems; and the same library stems
 * English, German, French and two dozen more languages for the other pairs. The price is
 * some over-stemming ("kembali" -> "mbali"), harmless because text and dictionary are
 * stemmed alike. Snowball keeps its own work buffers, allocated with the C library's
 * malloc (libstemmer offers no allocator hook); everything else uses mem. */
typedef struct sl_stemmer sl_stemmer;

/* Create a stemmer for the primary language subtag lang ("id", "en", "de", "fr", "es",
 * "nl", "pt", "ru", "sv"… every language libstemmer has; "ms" uses the Indonesian one).
 * A language without a stemmer is not an error: the stemmer then returns words unchanged
 * (sl_stemmer_active() tells). Returns SELARAS_OK, SELARAS_ERR_NOMEM. */
selaras_status sl_stemmer_new(sl_stemmer **out, const selaras_allocator *mem, const char *lang,
                              selaras_error *err);
void sl_stemmer_free(sl_stemmer *st);

/* Free the stem cache (about 640 KiB once used; it is made again when needed). */
void sl_stemmer_drop_cache(sl_stemmer *st);

/* Never cache in st (and free its cache): for a caller that keeps its own map from words
 * to stems, such as the aligner, the cache would hold the same stems a second time. */
void sl_stemmer_no_cache(sl_stemmer *st);

/* 1 when a Snowball algorithm is behind st, 0 when it passes words through. */
int sl_stemmer_active(const sl_stemmer *st);

/* Snowball's name of the algorithm ("indonesian"), or NULL for the pass-through. */
const char *sl_stemmer_algorithm(const sl_stemmer *st);

/* Stem a case-folded word (word[0..len), UTF-8). *out receives the stem (not
 * NUL-terminated), borrowed from st or equal to word, valid until the next call on st;
 * *out_len its length. Stems are cached in st (a bounded cache made on first use; if it
 * cannot be allocated, or after sl_stemmer_no_cache(), words are stemmed uncached). Returns SELARAS_OK or
 * SELARAS_ERR_NOMEM (Snowball's own allocation failed; then *out is word). */
selaras_status sl_stem(sl_stemmer *st, const char *word, size_t len, const char **out,
                       size_t *out_len);

/* ===================================================================== */
/* Lexicon lookups                                                        */
/* ===================================================================== */

/* Ids of interned source and target keys are dense: 0 .. vocabulary size - 1. */
#define SL_LEXICON_NONE UINT32_MAX

/* A key is the stem of a word, or for a phrase the stems of its words (words and numbers
 * of sl_tokenize) joined by one space: "rumah sakit" -> "rumah sakit", "hospitals" ->
 * "hospit". The lexicon and the aligner stem with sl_stemmer of the same language. */

/* The primary language subtags the lexicon was made for ("id", "en"). Borrowed. */
const char *sl_lexicon_src_lang(const selaras_lexicon *lex);
const char *sl_lexicon_tgt_lang(const selaras_lexicon *lex);

/* The id of a source (target) key, or SL_LEXICON_NONE. key[0..len) need not be
 * NUL-terminated. Read-only: safe from many threads at once. */
uint32_t sl_lexicon_src_id(const selaras_lexicon *lex, const char *key, size_t len);
uint32_t sl_lexicon_tgt_id(const selaras_lexicon *lex, const char *key, size_t len);

/* Number of distinct source (target) keys. */
size_t sl_lexicon_src_count(const selaras_lexicon *lex);
size_t sl_lexicon_tgt_count(const selaras_lexicon *lex);

/* The key of an id (NUL-terminated, borrowed), or NULL when the id is out of range. */
const char *sl_lexicon_src_key(const selaras_lexicon *lex, uint32_t id, size_t *len);
const char *sl_lexicon_tgt_key(const selaras_lexicon *lex, uint32_t id, size_t *len);

/* The most words any source (target) key has (1 for a dictionary of single words, 0 when
 * empty): the aligner tries n-grams up to this length. */
size_t sl_lexicon_src_max_words(const selaras_lexicon *lex);
size_t sl_lexicon_tgt_max_words(const selaras_lexicon *lex);

/* Target ids that translate source id src (in the order they were first added; no
 * duplicates), or *n = 0 for an id without translations or out of range. Borrowed. */
void sl_lexicon_translations(const selaras_lexicon *lex, uint32_t src, const uint32_t **tgt,
                             size_t *n);
/* Source ids that translate to target id tgt. */
void sl_lexicon_sources(const selaras_lexicon *lex, uint32_t tgt, const uint32_t **src,
                        size_t *n);

/* 1 when the pair (src, tgt) is in the lexicon. */
int sl_lexicon_has_pair(const selaras_lexicon *lex, uint32_t src, uint32_t tgt);

/* ===================================================================== */
/* Lexicon building (used by the loaders; not thread-safe)                */
/* ===================================================================== */

/* Add one pair given as raw text of each side (a word or a phrase, any case): each side is
 * tokenized, folded, stemmed and joined into a key. A side with no word or number
 * tokens adds nothing (*added = 0). Returns SELARAS_OK, SELARAS_ERR_ENCODING (offset in
 * that side's text), SELARAS_ERR_LIMIT (a side over SL_LEXICON_MAX_WORDS words or
 * SL_LEXICON_MAX_KEY bytes), SELARAS_ERR_NOMEM. */
#define SL_LEXICON_MAX_WORDS 8
#define SL_LEXICON_MAX_KEY 1024
selaras_status sl_lexicon_add_text(selaras_lexicon *lex, const char *src, size_t src_len,
                                   const char *tgt, size_t tgt_len, int *added,
                                   selaras_error *err);

/* Keys of words from now on are only case-folded, not stemmed: a baseline for evaluations
 * (make eval-lexicon). Only while the lexicon is empty: SELARAS_ERR_STATE otherwise. */
selaras_status sl_lexicon_disable_stemming(selaras_lexicon *lex, selaras_error *err);

/* ===================================================================== */
/* Internals shared by the stage's files (the aligner uses the calls above) */
/* ===================================================================== */

/* Interned strings: id -> NUL-terminated key in pool; hash slots hold id + 1 (0: empty). */
/* The keys of one side: lib/core's string table (max_words: the most words of a key). */
typedef sl_strtab sl_intern;

/* For each id of one side, the ids of the other side it pairs with. */
typedef struct sl_adj {
    uint32_t *ids;
    uint32_t n;
    uint32_t cap;
} sl_adj;

typedef struct sl_pair {
    uint32_t src;
    uint32_t tgt;
} sl_pair;

struct selaras_lexicon {
    selaras_allocator mem;
    char src_lang[4];
    char tgt_lang[4];
    sl_stemmer *src_stem;
    sl_stemmer *tgt_stem;
    sl_tokens toks;    /* scratch of the add functions */
    sl_buf key;        /* scratch key */
    sl_intern src;
    sl_intern tgt;
    sl_adj *fwd;       /* src.n entries */
    sl_adj *bwd;       /* tgt.n entries */
    size_t fwd_cap;
    size_t bwd_cap;
    sl_pair *pairs;    /* every pair in the order added: the undo log of a failed load */
    size_t npairs;
    size_t pairs_cap;
};

/* A point to roll back to when a load fails. */
typedef struct sl_lexicon_mark {
    size_t npairs, nsrc, ntgt, src_pool, tgt_pool, src_max_words, tgt_max_words;
} sl_lexicon_mark;

void sl_lexicon_mark_set(const selaras_lexicon *lex, sl_lexicon_mark *mark);
void sl_lexicon_rollback(selaras_lexicon *lex, const sl_lexicon_mark *mark);

/* Add a pair of keys already stemmed and joined. */
selaras_status sl_lexicon_add_keys(selaras_lexicon *lex, const char *src, size_t src_len,
                                   const char *tgt, size_t tgt_len, selaras_error *err);

/* Read a whole file into out (initialised here; released on failure). SELARAS_ERR_IO,
 * SELARAS_ERR_LIMIT (over SELARAS_DICT_MAX_BYTES), SELARAS_ERR_NOMEM. */
selaras_status sl_read_file(const selaras_allocator *mem, const char *path, sl_buf *out,
                            selaras_error *err);
/* Whether s ends in suffix. (Both in dict_file.c.) */
int sl_has_suffix(const char *s, const char *suffix);
/* FreeDict's three-letter code of a primary language subtag ("id" -> "ind"); others are
 * returned as they are (dict_freedict.c). */
const char *sl_freedict_iso3(const char *primary);

/* Readers of the stage: each adds pairs to lex; on failure they leave partial additions
 * (the public loader rolls back). text[0..len) is the whole file; name is for messages. */
selaras_status sl_dict_read_tsv(selaras_lexicon *lex, const char *text, size_t len,
                                int hunalign, selaras_error *err);
selaras_status sl_dict_read_freedict(selaras_lexicon *lex, const char *path,
                                     selaras_error *err);
/* The dictd part of it, on memory: index text[0..len) and the inflated dictionary
 * dict[0..dict_len); reversed: headwords are in the target language. index_path names
 * the index in messages. */
selaras_status sl_dict_parse_dictd(selaras_lexicon *lex, const char *text, size_t len,
                                   const char *dict, size_t dict_len, int reversed,
                                   const char *index_path, selaras_error *err);

#endif
