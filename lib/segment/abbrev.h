/* Private header of the abbreviation sets the segmenter consults at candidate
 * sentence ends: the built-in tables (generated from data/abbrev at build time), a small
 * open-addressing hash set and the parser of the data-file format. */
#ifndef SELARAS_ABBREV_H
#define SELARAS_ABBREV_H

#include "../core/core.h"

/* What the period after an abbreviation does before the next word (see data/abbrev). */
typedef enum sl_abbr_class {
    SL_ABBR_NONE = 0,    /* not an abbreviation */
    SL_ABBR_PREFIX = 1,  /* never ends a sentence */
    SL_ABBR_NUMBER = 2,  /* no end before a number; otherwise as GENERAL */
    SL_ABBR_GENERAL = 3  /* ends a sentence only before a capitalised word */
} sl_abbr_class;

typedef struct sl_abbrev_entry {
    const char *text;
    sl_abbr_class cls;
} sl_abbrev_entry;

typedef struct sl_abbrev_builtin {
    const char *lang;              /* primary subtag; NULL ends the list */
    const sl_abbrev_entry *entries;
    size_t count;
} sl_abbrev_builtin;

/* Generated from data/abbrev/<lang>.txt by scripts/gen-abbrev.sh. */
extern const sl_abbrev_builtin sl_abbrev_builtins[];

/* Longest entry, in bytes, final period included. */
#define SL_ABBR_MAX 31

typedef struct sl_abbrev_slot {
    unsigned char len;     /* 0: empty slot */
    unsigned char cls;
    unsigned char folded;  /* key is the ASCII lower-case form */
    char key[SL_ABBR_MAX];
} sl_abbrev_slot;

typedef struct sl_abbrev_set {
    const selaras_allocator *mem;
    sl_abbrev_slot *slots;
    size_t cap;    /* a power of two, or 0 */
    size_t used;
    size_t maxlen;           /* longest key */
    /* bit set of (length, ASCII-folded first byte) of the keys: a quick "no" */
    unsigned char shape[SL_ABBR_MAX + 1][32];
} sl_abbrev_set;

void sl_abbrev_init(sl_abbrev_set *set, const selaras_allocator *mem);
void sl_abbrev_release(sl_abbrev_set *set);
void sl_abbrev_clear(sl_abbrev_set *set);

/* Add the built-in entries for a primary language subtag (none for unknown ones).
 * Atomic: on SELARAS_ERR_NOMEM the set is unchanged. */
selaras_status sl_abbrev_add_builtin(sl_abbrev_set *set, const char *primary,
                                     selaras_error *err);

/* Parse text in the data-file format and add its entries (a later entry replaces the
 * class of an earlier one). Atomic: on any error the set is unchanged. Syntax errors
 * carry the byte offset, line and column in text. */
selaras_status sl_abbrev_parse(sl_abbrev_set *set, const char *text, size_t len,
                               selaras_error *err);

/* Class of the token text[0..len) (final period included): the exact form first, then
 * the ASCII case-folded form of entries with two letters or more. */
sl_abbr_class sl_abbrev_find(const sl_abbrev_set *set, const char *text, size_t len);

#endif
