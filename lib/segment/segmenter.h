/* Private header of the sentence segmenter: the handle, character classes used by the
 * rules, the sentence splitter of one span and the line-level (press-release layout)
 * classification. */
#ifndef SELARAS_SEGMENTER_H
#define SELARAS_SEGMENTER_H

#include "abbrev.h"
#include "segment.h"

/* Language families with their own rules; every other language gets SL_RULES_GENERIC. */
typedef enum sl_rules {
    SL_RULES_GENERIC = 0,
    SL_RULES_ID = 1,
    SL_RULES_EN = 2
} sl_rules;

struct selaras_segmenter {
    selaras_allocator mem;
    char tag[SL_LANG_TAG_MAX];
    char primary[4];
    sl_rules rules;
    sl_abbrev_set abbrev;
    size_t *cuts;      /* scratch: sentence starts inside the current span */
    size_t ncuts;
    size_t cuts_cap;
    size_t *blocks;    /* scratch: line numbers that start a paragraph after a blank line */
    size_t nblocks;
    size_t blocks_cap;
};

/* ---- character classes (Unicode through utf8proc; ASCII fast paths) ---- */

int sl_cp_is_upper_slow(int32_t cp);
int sl_cp_is_lower_slow(int32_t cp);
int sl_cp_is_letter_slow(int32_t cp);
int sl_cp_is_digit_slow(int32_t cp);
static inline int sl_cp_is_upper(int32_t cp)
{
    return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : sl_cp_is_upper_slow(cp);
}
static inline int sl_cp_is_lower(int32_t cp)
{
    return cp < 0x80 ? cp >= 'a' && cp <= 'z' : sl_cp_is_lower_slow(cp);
}
static inline int sl_cp_is_letter(int32_t cp)
{
    return cp < 0x80 ? sl_is_ascii_alpha(cp) : sl_cp_is_letter_slow(cp);
}
static inline int sl_cp_is_digit(int32_t cp)
{
    return cp < 0x80 ? sl_is_ascii_digit(cp) : sl_cp_is_digit_slow(cp);
}
/* White space (see sl_is_space_cp) with an ASCII fast path. */
static inline int sl_cp_is_space(int32_t cp)
{
    return cp < 0x80 ? cp == ' ' || (cp >= 0x09 && cp <= 0x0D) : sl_is_space_cp(cp);
}
/* Quotes and brackets that may open a sentence ("“‘([«„ and markdown * _). */
int sl_cp_is_opener_slow(int32_t cp);
static inline int sl_cp_is_opener(int32_t cp)
{
    if (cp < 0x80)
        return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{' || cp == '*' ||
               cp == '_';
    return sl_cp_is_opener_slow(cp);
}
/* Quotes and brackets that may close a sentence after its final punctuation. */
int sl_cp_is_closer_slow(int32_t cp);
static inline int sl_cp_is_closer(int32_t cp)
{
    if (cp < 0x80)
        return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' || cp == '*' ||
               cp == '_';
    return sl_cp_is_closer_slow(cp);
}
/* List bullets: • ‣ ⁃ ◦ ▪ ● – and the ASCII - * used as bullets at line start. */
int sl_cp_is_bullet_slow(int32_t cp);
static inline int sl_cp_is_bullet(int32_t cp)
{
    return cp >= 0x80 && sl_cp_is_bullet_slow(cp); /* every bullet of the list is non-ASCII */
}

/* Decode the code point at text[i] (i < end); returns its length. */
static inline size_t sl_cp_at(const char *text, size_t i, int32_t *cp)
{
    if ((unsigned char)text[i] < 0x80) {
        *cp = (unsigned char)text[i];
        return 1;
    }
    return sl_utf8_next(text + i, cp);
}

/* ---- sentences inside one span ---- */

/* Split text[start..end) (a line, or lines joined because a sentence was wrapped) into
 * sentences: seg->cuts receives the offsets where the 2nd, 3rd… sentence begin (white
 * space before them belongs to the previous one). Returns 0, or -1 when out of memory. */
int sl_split_span(selaras_segmenter *seg, const char *text, size_t start, size_t end);

/* ---- line layout ---- */

/* Whether the trimmed line text[0..len) is boilerplate on its own: a credit or byline
 * ("Pewarta:", "Reporter : … | Editor : …"), a "Baca juga:" link, a photo caption label,
 * a copyright line, a release number, a press-release header ("SIARAN PERS"), a date
 * line, an address or contact line, or a sign-off such as "(why)". */
int sl_line_is_boilerplate(const char *text, size_t len);

/* Whether the trimmed line is a press-release header ("SIARAN PERS", "PRESS RELEASE"):
 * the length bound inline (most lines are longer), the words in layout.c. */
int sl_line_is_press_header_words(const char *text, size_t len);
static inline int sl_line_is_press_header(const char *text, size_t len)
{
    return len >= 5 && len <= 32 && sl_line_is_press_header_words(text, len);
}

/* Length of a sign-off "(why)", "(hop/ant)" ending text[0..len), with the blanks before
 * it, when what precedes it ends a sentence (or nothing precedes it); else 0. */
size_t sl_signoff_suffix(const char *text, size_t len);

/* Whether text[0..len) starts with a list marker ("1.", "2)", "a.", "•", "-"). */
int sl_starts_with_list_marker(const char *text, size_t len);

#endif
