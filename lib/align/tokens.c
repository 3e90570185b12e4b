/* Tokens for alignment: lower-cased words and language-neutral anchors. Numbers are
 * normalised ("23 ribu", "23.000", "23,000" and "23 thousand" all become "#23e3"), day/month
 * dates are read both ways ("27/1" and "1/27" give "@d27m1"), weekday and month names of
 * Indonesian, English, German and French become "@wN" and "@mN", and a month next to a day
 * number gives a date key too. */
#include "config.h"

#include <string.h>
#include <utf8proc.h>

#include "align.h"
#include "../text/text.h"

/* The month, weekday, scale and unit words are the table every stage shares
 * (core/words.c). */

static int is_letter(int32_t cp)
{
    return sl_char_is_word(cp);
}

static int is_upper(int32_t cp)
{
    return sl_char_is_upper(cp);
}

/* State carried between tokens of one text. */
typedef struct tok_state {
    const char *lang;
    sl_emit_fn emit;
    void *ctx;
    int comma_decimal;    /* 1: "," is the decimal mark, "." groups thousands */
    long last_day;        /* day number of the previous token (1..31), or 0 */
    int last_month;       /* month of the previous token, or 0 */
    char buf[128];
} tok_state;

static int emit_str(tok_state *st, const char *s, uint32_t flags)
{
    return st->emit(st->ctx, s, strlen(s), flags);
}

static size_t put_int(char *out, long v)
{
    char tmp[24];
    size_t n = 0;
    if (v == 0)
        tmp[n++] = '0';
    while (v > 0 && n < sizeof tmp) {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
    return n;
}

static int emit_date(tok_state *st, long day, int month)
{
    char key[32] = "@d";
    size_t n = 2 + put_int(key + 2, day);
    key[n++] = 'm';
    put_int(key + n, month);
    return emit_str(st, key, SL_TOK_ANCHOR);
}

/* A number: digits[0..nd) with a decimal point after the first nint of them, times
 * 10^scale. Emits "#MANTISSAeEXP". */
static int emit_number(tok_state *st, const char *digits, size_t nd, size_t nint, int scale)
{
    size_t b = 0;
    while (b < nd && digits[b] == '0')
        b++;
    size_t e = nd;
    long exp = scale - (long)(nd - nint);
    while (e > b && digits[e - 1] == '0') {
        e--;
        exp++;
    }
    char *key = st->buf;
    size_t k = 0;
    key[k++] = '#';
    if (b == e) {
        key[k++] = '0';
        key[k] = '\0';
        return emit_str(st, key, SL_TOK_ANCHOR);
    }
    for (size_t i = b; i < e && k < 90; i++)
        key[k++] = digits[i];
    key[k++] = 'e';
    if (exp < 0) {
        key[k++] = '-';
        exp = -exp;
    }
    put_int(key + k, exp);
    return emit_str(st, key, SL_TOK_ANCHOR);
}

/* Read the next word (letters) after position i, skipping one run of spaces; returns its
 * lower-cased ASCII form in out (or "" when the next thing is not an ASCII-ish word). */
static size_t peek_word(const char *text, size_t len, size_t i, char *out, size_t cap,
                        size_t *end)
{
    while (i < len) {
        int32_t cp;
        size_t l = sl_utf8_next(text + i, &cp);
        if (cp == '\n' || !sl_is_space_cp(cp))
            break;
        i += l;
    }
    size_t n = 0;
    while (i < len && n + 4 < cap) {
        int32_t cp;
        size_t l = sl_utf8_next(text + i, &cp);
        if (!is_letter(cp))
            break;
        n += sl_utf8_encode(utf8proc_tolower(cp), out + n);
        i += l;
    }
    out[n] = '\0';
    *end = i;
    return n;
}

/* Parse a number starting at text[i] (a digit). Returns the index after it. */
static size_t read_number(tok_state *st, const char *text, size_t len, size_t i, int *rc)
{
    char digits[64];
    size_t nd = 0, nint = 0, start = i;
    int seen_decimal = 0;
    long first_group = 0;
    size_t first_len = 0;
    while (i < len) {
        char c = text[i];
        if (sl_is_ascii_digit(c)) {
            if (nd < sizeof digits)
                digits[nd++] = c;
            if (!seen_decimal) {
                nint = nd;
                if (first_len < 9) {
                    first_group = first_group * 10 + (c - '0');
                    first_len++;
                }
            }
            i++;
            continue;
        }
        if ((c == '.' || c == ',') && i + 1 < len && sl_is_ascii_digit(text[i + 1])) {
            size_t k = i + 1;
            while (k < len && sl_is_ascii_digit(text[k]))
                k++;
            int three = (k - i - 1) == 3;
            int thousands_mark = (c == '.') == (st->comma_decimal != 0);
            if (thousands_mark && three && !seen_decimal) {
                i++;
                continue;
            }
            if (!thousands_mark && !seen_decimal) {
                seen_decimal = 1;
                i++;
                continue;
            }
            break;
        }
        break;
    }
    if (!seen_decimal)
        nint = nd;
    /* day/month dates: a/b with one or two digits each */
    if (i - start <= 2 && i + 1 < len && text[i] == '/' && sl_is_ascii_digit(text[i + 1])) {
        size_t k = i + 1;
        long b = 0;
        while (k < len && sl_is_ascii_digit(text[k]) && k - i <= 4)
            b = b * 10 + (text[k++] - '0');
        if (k - i - 1 <= 2) {
            long a = first_group;
            if (a >= 1 && a <= 31 && b >= 1 && b <= 12 && (*rc = emit_date(st, a, (int)b)) != 0)
                return k;
            if (b >= 1 && b <= 31 && a >= 1 && a <= 12 && a != b &&
                (*rc = emit_date(st, b, (int)a)) != 0)
                return k;
            st->last_day = 0;
            st->last_month = 0;
            return k;
        }
    }
    /* a scale word or a percent sign may follow */
    char word[64];
    size_t wend;
    int scale = 0;
    size_t wl = peek_word(text, len, i, word, sizeof word, &wend);
    if (wl > 0 && (scale = sl_scale_word(word, wl)) != 0)
        i = wend;
    if ((*rc = emit_number(st, digits, nd, nint, scale)) != 0)
        return i;
    if (scale == 0 && !seen_decimal && nint <= 2 && first_group >= 1 && first_group <= 31) {
        if (st->last_month != 0 && (*rc = emit_date(st, first_group, st->last_month)) != 0)
            return i;
        st->last_day = st->last_month != 0 ? 0 : first_group;
    } else {
        st->last_day = 0;
    }
    st->last_month = 0;
    size_t k = i;
    while (k < len && text[k] == ' ')
        k++;
    if (k < len && text[k] == '%') {
        *rc = emit_str(st, "%", SL_TOK_UNIT);
        return k + 1;
    }
    return i;
}

static int starts_url(const char *text, size_t len, size_t i)
{
    static const char *const prefixes[] = {"http://", "https://", "www.", NULL};
    for (size_t p = 0; prefixes[p] != NULL; p++) {
        size_t n = strlen(prefixes[p]);
        if (i + n <= len && sl_ascii_ncaseeq(text + i, n, prefixes[p]))
            return 1;
    }
    return 0;
}

static size_t read_url(tok_state *st, const char *text, size_t len, size_t i, int *rc)
{
    size_t start = i;
    while (i < len && !sl_is_ascii_space(text[i]) && text[i] != '"' && text[i] != '<' &&
           text[i] != '>')
        i++;
    size_t end = i;
    while (end > start && strchr(".,;:)]'!?", text[end - 1]) != NULL)
        end--;
    size_t n = 0;
    memcpy(st->buf, "url:", 4);
    n = 4;
    size_t s = start;
    if (end - s >= 8 && sl_ascii_ncaseeq(text + s, 8, "https://"))
        s += 8;
    else if (end - s >= 7 && sl_ascii_ncaseeq(text + s, 7, "http://"))
        s += 7;
    if (end - s >= 4 && sl_ascii_ncaseeq(text + s, 4, "www."))
        s += 4;
    while (end > s && text[end - 1] == '/')
        end--;
    for (; s < end && n + 1 < sizeof st->buf; s++)
        st->buf[n++] = (char)sl_ascii_lower((unsigned char)text[s]);
    st->buf[n] = '\0';
    *rc = emit_str(st, st->buf, SL_TOK_ANCHOR);
    st->last_day = 0;
    st->last_month = 0;
    return i;
}

/* A word of letters (and apostrophes between letters for Indonesian "Jum'at"). */
static size_t read_word(tok_state *st, const char *text, size_t len, size_t i, int *rc)
{
    size_t n = 0, letters = 0, uppers = 0;
    int first_upper = 0;
    while (i < len) {
        int32_t cp;
        size_t l = sl_utf8_next(text + i, &cp);
        if (!is_letter(cp)) {
            int apostrophe = cp == '\'' || cp == 0x2019;
            if (apostrophe && strcmp(st->lang, "id") == 0 && i + l < len) {
                int32_t next;
                sl_utf8_next(text + i + l, &next);
                if (is_letter(next)) {
                    i += l;
                    continue;
                }
            }
            break;
        }
        if (is_upper(cp)) {
            uppers++;
            if (letters == 0)
                first_upper = 1;
        }
        letters++;
        if (n + 5 < sizeof st->buf)
            n += sl_utf8_encode(utf8proc_tolower(cp), st->buf + n);
        i += l;
    }
    st->buf[n] = '\0';
    const char *w = st->buf;
    int v;
    if ((v = sl_month_word(w, n)) != 0 && (first_upper || n > 3)) {
        char key[8] = "@m";
        put_int(key + 2, v);
        if ((*rc = emit_str(st, key, SL_TOK_ANCHOR)) != 0)
            return i;
        if (st->last_day != 0 && (*rc = emit_date(st, st->last_day, v)) != 0)
            return i;
        st->last_month = st->last_day != 0 ? 0 : v;
        st->last_day = 0;
        return i;
    }
    st->last_day = 0;
    st->last_month = 0;
    if ((v = sl_weekday_word(w, n)) != 0) {
        char key[8] = "@w";
        put_int(key + 2, v);
        *rc = emit_str(st, key, SL_TOK_ANCHOR);
        return i;
    }
    const char *unit = sl_unit_word(w, n);
    if (unit != NULL) {
        *rc = emit_str(st, unit, SL_TOK_UNIT);
        return i;
    }
    uint32_t flags = 0;
    if (first_upper)
        flags |= SL_TOK_CAPITAL;
    if (letters >= 2 && uppers == letters)
        flags |= SL_TOK_ANCHOR; /* an acronym */
    *rc = st->emit(st->ctx, st->buf, n, flags);
    return i;
}

int sl_anchor_tokenize(const char *text, size_t len, const char *lang, sl_emit_fn emit, void *ctx)
{
    tok_state st;
    st.lang = lang;
    st.emit = emit;
    st.ctx = ctx;
    st.comma_decimal = strcmp(lang, "en") != 0;
    st.last_day = 0;
    st.last_month = 0;
    int rc = 0;
    size_t i = 0;
    while (i < len && rc == 0) {
        unsigned char c = (unsigned char)text[i];
        if (sl_is_ascii_digit(c)) {
            i = read_number(&st, text, len, i, &rc);
            continue;
        }
        if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && starts_url(text, len, i)) {
            i = read_url(&st, text, len, i, &rc);
            continue;
        }
        if (c == '$' || (c == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x82 &&
                         (unsigned char)text[i + 2] == 0xAC)) {
            rc = emit_str(&st, c == '$' ? "cur:usd" : "cur:eur", SL_TOK_UNIT);
            i += c == '$' ? 1 : 3;
            continue;
        }
        if (c == '%') {
            rc = emit_str(&st, "%", SL_TOK_UNIT);
            i++;
            continue;
        }
        int32_t cp;
        size_t l = sl_utf8_next(text + i, &cp);
        if (is_letter(cp)) {
            i = read_word(&st, text, len, i, &rc);
            continue;
        }
        if (!sl_is_space_cp(cp) && cp != '(' && cp != ')' && cp != ',' && cp != '.') {
            st.last_day = 0;
            st.last_month = 0;
        }
        i += l;
    }
    return rc;
}
