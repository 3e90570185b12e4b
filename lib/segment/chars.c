/* Character classes for the segmentation rules: ASCII fast paths, utf8proc for the rest. */
#include "config.h"

#include <utf8proc.h>

#include "segmenter.h"

/* Letters, case and digits are the classes every stage shares (core/chars.c). */
int sl_cp_is_upper_slow(int32_t cp)
{
    return sl_char_is_upper(cp);
}

int sl_cp_is_lower_slow(int32_t cp)
{
    return sl_char_is_lower(cp);
}

int sl_cp_is_letter_slow(int32_t cp)
{
    return sl_char_is_letter(cp);
}

int sl_cp_is_digit_slow(int32_t cp)
{
    return sl_char_is_digit(cp);
}

int sl_cp_is_opener_slow(int32_t cp)
{
    switch (cp) {
    case '"': case '\'': case '(': case '[': case '{': case '*': case '_':
    case 0x201C: case 0x2018: case 0x201E: case 0x201A: case 0xAB: case 0x2039:
        return 1;
    default:
        return 0;
    }
}

int sl_cp_is_closer_slow(int32_t cp)
{
    switch (cp) {
    case '"': case '\'': case ')': case ']': case '}': case '*': case '_':
    case 0x201D: case 0x2019: case 0xBB: case 0x203A:
        return 1;
    default:
        return 0;
    }
}

int sl_cp_is_bullet_slow(int32_t cp)
{
    switch (cp) {
    case 0x2022: case 0x2023: case 0x2043: case 0x25E6: case 0x25AA: case 0x25CF:
    case 0x25A0: case 0x27A2: case 0x2013:
        return 1;
    default:
        return 0;
    }
}
