/* Locale-free decimal numbers for scores ("0.8312"). */
#include "config.h"

#include <math.h>

#include "memory.h"

int sl_parse_decimal(const char *s, size_t len, double *out)
{
    size_t i = 0;
    int neg = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    double value = 0, scale = 1;
    size_t digits = 0;
    while (i < len && sl_is_ascii_digit((unsigned char)s[i])) {
        value = value * 10 + (s[i++] - '0');
        digits++;
    }
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && sl_is_ascii_digit((unsigned char)s[i])) {
            scale /= 10;
            value += (s[i++] - '0') * scale;
            digits++;
        }
    }
    if (digits == 0 || i != len || !isfinite(value))
        return 0;
    *out = neg ? -value : value;
    return 1;
}

int sl_buf_append_score(sl_buf *buf, double score)
{
    if (!isfinite(score))
        score = 0;
    if (score > 1e12)
        score = 1e12;
    if (score < -1e12)
        score = -1e12;
    long long v = llround(score * 10000.0);
    int neg = v < 0;
    unsigned long long a = neg ? (unsigned long long)(-v) : (unsigned long long)v;
    char tmp[32];
    size_t n = 0;
    for (int d = 0; d < 4; d++) {
        tmp[n++] = (char)('0' + a % 10);
        a /= 10;
    }
    tmp[n++] = '.';
    do {
        tmp[n++] = (char)('0' + a % 10);
        a /= 10;
    } while (a > 0);
    if (neg)
        tmp[n++] = '-';
    char out[32];
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return sl_buf_append(buf, out, n);
}
