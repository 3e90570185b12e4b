/* The release date of a document, from its segments (selaras_segments_date()): the date
 * line ("Jakarta, 27 Januari 2026", "January 27, 2026", "2026-01-27") or a dateline
 * opening the first sentence. Day and month in digits only ("27/1/2026") are not read:
 * their order is unknown. Month names come from the one table of lib/core (words.c). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "segment.h"

/* A letter of a word: ASCII, or any byte of a multi-byte UTF-8 character ("février"). */
static int is_letter(int c)
{
    return sl_is_ascii_alpha(c) || c >= 0x80;
}

/* A number of 1 to max digits at s[*i], within [lo, hi]; advances *i. */
static int number(const char *s, size_t len, size_t *i, int max, int lo, int hi)
{
    size_t k = *i;
    int v = 0, n = 0;
    while (k < len && sl_is_ascii_digit((unsigned char)s[k]) && n < max + 1) {
        v = v * 10 + (s[k++] - '0');
        n++;
    }
    if (n == 0 || n > max || (k < len && sl_is_ascii_digit((unsigned char)s[k])) || v < lo || v > hi)
        return -1;
    *i = k;
    return v;
}

static size_t skip(const char *s, size_t len, size_t i, const char *chars)
{
    while (i < len && strchr(chars, s[i]) != NULL && s[i] != '\0')
        i++;
    return i;
}

/* The month word at s[*k] ("Januari", "Jan."), advancing past it and the ". " after it;
 * 0 when there is none. */
static int month_word(const char *s, size_t len, size_t *k)
{
    size_t end = *k;
    while (end < len && is_letter((unsigned char)s[end]))
        end++;
    int m = sl_month_word(s + *k, end - *k);
    if (m != 0)
        *k = skip(s, len, end, ". ");
    return m;
}

/* A date starting at s[i]; 1 and *y, *m, *d set when one is there. */
static int date_at(const char *s, size_t len, size_t i, int *y, int *m, int *d)
{
    size_t k = i;
    int year = -1, month = 0, day = -1;
    if (!sl_is_ascii_digit((unsigned char)s[k])) { /* January 27, 2026 */
        if ((month = month_word(s, len, &k)) != 0 &&
            (day = number(s, len, &k, 2, 1, 31)) >= 0) {
            k = skip(s, len, k, ", ");
            year = number(s, len, &k, 4, 1000, 9999);
        }
    } else {
        int first = number(s, len, &k, 4, 1, 9999);
        if (first >= 1000 && k < len && s[k] == '-') { /* 2026-01-27 */
            k++;
            month = number(s, len, &k, 2, 1, 12);
            if (month > 0 && k < len && s[k] == '-') {
                k++;
                day = number(s, len, &k, 2, 1, 31);
                year = day >= 0 ? first : -1;
            }
        } else if (first >= 1 && first <= 31) { /* 27 Januari 2026 */
            day = first;
            k = skip(s, len, k, " ");
            if ((month = month_word(s, len, &k)) != 0)
                year = number(s, len, &k, 4, 1000, 9999);
        }
    }
    if (year < 0 || month <= 0 || day < 0)
        return 0;
    *y = year, *m = month, *d = day;
    return 1;
}

/* The first date in s[0..len) starting at a word boundary. */
static int find_date(const char *s, size_t len, char buf[11])
{
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && (is_letter((unsigned char)s[i - 1]) || sl_is_ascii_digit((unsigned char)s[i - 1])))
            continue;
        int y, m, d;
        if (date_at(s, len, i, &y, &m, &d)) {
            char tmp[40]; /* the values are in range: 10 characters */
            snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
            memcpy(buf, tmp, 10);
            buf[10] = '\0';
            return 1;
        }
    }
    return 0;
}

int selaras_segments_date(const selaras_segments *segs, char *buf)
{
    if (buf == NULL)
        return 0;
    buf[0] = '\0';
    if (segs == NULL)
        return 0;
    size_t n = selaras_segments_count(segs);
    /* the date line: a boilerplate segment before the first sentence or a little after */
    size_t sentences = 0;
    for (size_t i = 0; i < n && sentences < 3; i++) {
        size_t len;
        const char *t = selaras_segments_text(segs, i, &len);
        selaras_segment_kind k = selaras_segments_kind(segs, i);
        if (k == SELARAS_SEGMENT_SENTENCE) {
            /* a dateline opening the first sentence: "JAKARTA, 27 Januari 2026 - …" */
            if (sentences == 0) {
                const char *dash = strstr(t, " - ");
                if (dash == NULL)
                    dash = strstr(t, " \xE2\x80\x93 "); /* an en dash */
                if (dash != NULL && (size_t)(dash - t) <= 60 &&
                    find_date(t, (size_t)(dash - t), buf))
                    return 1;
            }
            sentences++;
        } else if (k == SELARAS_SEGMENT_BOILERPLATE && len <= 80 && find_date(t, len, buf)) {
            return 1;
        }
    }
    return 0;
}
