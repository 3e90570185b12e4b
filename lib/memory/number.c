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
    /* The digits are gathered as one integer and divided by a power of ten once: while
     * the integer stays below 2^53 and the power below 10^23 both are exact, so the
     * result is correctly rounded ("0.75" is 0.75, not 0.7 + 0.05). */
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double value = 0;
    size_t digits = 0, fraction = 0;
    while (i < len && sl_is_ascii_digit((unsigned char)s[i])) {
        value = value * 10 + (s[i++] - '0');
        digits++;
    }
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && sl_is_ascii_digit((unsigned char)s[i])) {
            if (fraction < 22) {
                value = value * 10 + (s[i] - '0');
                fraction++;
            }
            i++;
            digits++;
        }
    }
    value /= pow10[fraction];
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
