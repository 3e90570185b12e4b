/* The character classes every stage uses (segmentation, the lexicon tokenizer, the
 * aligner's tokens): one definition, ASCII without a table look-up, utf8proc for the
 * rest. A letter is a code point of category L*; a word character is a letter or a
 * combining mark (M*), so that a word keeps its marks; upper case is Lu or Lt (a
 * titlecase digraph starts a capitalised word). */
#include "config.h"

#include <utf8proc.h>

#include "core.h"

int sl_char_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return sl_is_ascii_alpha(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int sl_char_is_word(int32_t cp)
{
    if (cp < 0x80)
        return sl_is_ascii_alpha(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

int sl_char_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return sl_is_ascii_upper(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int sl_char_is_lower(int32_t cp)
{
    if (cp < 0x80)
        return sl_is_ascii_lower(cp);
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int sl_char_is_digit(int32_t cp)
{
    if (cp < 0x80)
        return sl_is_ascii_digit(cp);
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}
