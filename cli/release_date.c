/* The release date of a document, from its segments: the date line ("Jakarta, 27 Januari
 * 2026", "January 27, 2026", "2026-01-27") or a dateline opening the first sentence
 * ("JAKARTA, 27/1/2026 -" is not read: day and month order are unknown there). Month
 * names of Indonesian and English, in full or abbreviated, in any case. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* The month (1-12) named by the word s[0..n), or 0. */
static int month_of(const char *s, size_t n)
{
    static const char *const names[] = {
        "januari", "january", "jan", "februari", "february", "feb", "pebruari",
        "maret", "march", "mar", "april", "apr", "mei", "may", "juni", "june", "jun",
        "juli", "july", "jul", "agustus", "august", "agu", "agt", "aug", "september",
        "sept", "sep", "oktober", "october", "okt", "oct", "november", "nopember", "nov",
        "desember", "december", "des", "dec"};
    static const unsigned char months[] = {
        1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 8, 8, 9, 9, 9,
        10, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12};
    if (n > 9)
        return 0;
    char w[10];
    for (size_t i = 0; i < n; i++)
        w[i] = (char)lower((unsigned char)s[i]);
    w[n] = '\0';
    for (size_t i = 0; i < sizeof months; i++)
        if (strcmp(w, names[i]) == 0)
            return months[i];
    return 0;
}

/* A number of 1 to max digits at s[*i], within [lo, hi]; advances *i. */
static int number(const char *s, size_t len, size_t *i, int max, int lo, int hi)
{
    size_t k = *i;
    int v = 0, n = 0;
    while (k < len && is_digit((unsigned char)s[k]) && n < max + 1) {
        v = v * 10 + (s[k++] - '0');
        n++;
    }
    if (n == 0 || n > max || (k < len && is_digit((unsigned char)s[k])) || v < lo || v > hi)
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
    while (end < len && is_alpha((unsigned char)s[end]))
        end++;
    int m = month_of(s + *k, end - *k);
    if (m != 0)
        *k = skip(s, len, end, ". ");
    return m;
}

/* A date starting at s[i]; 1 and *y, *m, *d set when one is there. */
static int date_at(const char *s, size_t len, size_t i, int *y, int *m, int *d)
{
    size_t k = i;
    int year = -1, month = 0, day = -1;
    if (!is_digit((unsigned char)s[k])) { /* January 27, 2026 */
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
        if (i > 0 && (is_alpha((unsigned char)s[i - 1]) || is_digit((unsigned char)s[i - 1])))
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

int cli_release_date(const selaras_segments *segs, char buf[11])
{
    buf[0] = '\0';
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
