/* UTF-8 validation with the Unicode "maximal subpart" rule (Unicode 15, section 3.9,
 * table 3-7), and encoding. */
#include "config.h"

#include "text.h"

const char *sl_utf8_problem_name(sl_utf8_problem problem)
{
    switch (problem) {
    case SL_UTF8_OK: return "valid";
    case SL_UTF8_STRAY_CONTINUATION: return "stray continuation byte";
    case SL_UTF8_OVERLONG: return "overlong encoding";
    case SL_UTF8_SURROGATE: return "encoded surrogate";
    case SL_UTF8_TOO_LARGE: return "code point above U+10FFFF";
    case SL_UTF8_INVALID_BYTE: return "invalid byte";
    case SL_UTF8_TRUNCATED: return "truncated sequence";
    case SL_UTF8_NUL: return "NUL byte";
    }
    return "invalid UTF-8";
}

sl_utf8_problem sl_utf8_check(const unsigned char *s, size_t len, int32_t *cp, size_t *seqlen)
{
    unsigned char b0 = s[0];
    *seqlen = 1;
    if (b0 < 0x80) {
        *cp = b0;
        return b0 == 0 ? SL_UTF8_NUL : SL_UTF8_OK;
    }
    if (b0 < 0xC0)
        return SL_UTF8_STRAY_CONTINUATION;
    if (b0 < 0xC2)
        return SL_UTF8_OVERLONG;
    if (b0 > 0xF7)
        return SL_UTF8_INVALID_BYTE;
    if (b0 > 0xF4)
        return SL_UTF8_TOO_LARGE;

    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    sl_utf8_problem second_problem = SL_UTF8_TRUNCATED;
    int32_t value;
    if (b0 < 0xE0) {
        need = 2;
        value = b0 & 0x1F;
    } else if (b0 < 0xF0) {
        need = 3;
        value = b0 & 0x0F;
        if (b0 == 0xE0) {
            lo = 0xA0;
            second_problem = SL_UTF8_OVERLONG;
        } else if (b0 == 0xED) {
            hi = 0x9F;
            second_problem = SL_UTF8_SURROGATE;
        }
    } else {
        need = 4;
        value = b0 & 0x07;
        if (b0 == 0xF0) {
            lo = 0x90;
            second_problem = SL_UTF8_OVERLONG;
        } else if (b0 == 0xF4) {
            hi = 0x8F;
            second_problem = SL_UTF8_TOO_LARGE;
        }
    }
    if (len < 2)
        return SL_UTF8_TRUNCATED;
    unsigned char b1 = s[1];
    if (b1 < lo || b1 > hi) {
        /* A continuation byte outside the allowed range is the lead's own problem; any
         * other byte means the sequence stopped early. */
        return (b1 >= 0x80 && b1 <= 0xBF) ? second_problem : SL_UTF8_TRUNCATED;
    }
    value = (value << 6) | (b1 & 0x3F);
    for (size_t k = 2; k < need; k++) {
        if (k >= len || (s[k] & 0xC0) != 0x80) {
            *seqlen = k;
            return SL_UTF8_TRUNCATED;
        }
        value = (value << 6) | (s[k] & 0x3F);
    }
    *seqlen = need;
    *cp = value;
    return SL_UTF8_OK;
}

size_t sl_utf8_encode(int32_t cp, char *out)
{
    unsigned char *u = (unsigned char *)out;
    if (cp < 0x80) {
        u[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (unsigned char)(0xC0 | (cp >> 6));
        u[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (unsigned char)(0xE0 | (cp >> 12));
        u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    u[0] = (unsigned char)(0xF0 | (cp >> 18));
    u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
