/* Press-release layout: which lines are boilerplate on their own (credits, bylines,
 * "Baca juga:" links, captions, release numbers, date lines, letterhead contact lines,
 * sign-offs), and list markers. Matching is ASCII case-insensitive on fixed words. */
#include "config.h"

#include <string.h>

#include "segmenter.h"

/* Labels that, followed by a colon, make a line boilerplate ("Pewarta: Rina"). */
static const char *const labels[] = {
    "baca juga", "baca pula", "lihat juga", "simak juga", "read also", "also read",
    "read more", "see also", "pewarta", "editor", "redaktur", "reporter", "penulis",
    "wartawan", "kontributor", "fotografer", "foto", "photo", "keterangan foto", "caption",
    "sumber", "source", "writer", "author", "contributor", "photographer", "translator",
    "penerjemah", "copyright", "nomor", "no", "number", "ref", "telp", "tel", "telepon",
    "phone", "fax", "faks", "email", "e-mail", "surel", "website", "situs", "narahubung",
    "contact", "contacts", "kontak", "humas", "hp", "whatsapp", "lampiran", "perihal",
    "sifat", "editing", "penyunting", "video", "grafis", "related news", "related",
    "related story", "related stories", "berita terkait", "artikel terkait", "lihat pula",
    NULL
};

/* Words that open the credit in parentheses closing a photo caption ("(Foto : Ani /
 * Beritajakarta)", "(Photo: ANTARA/Ani)", "(Dok. Pemprov)", "(Ist)"). */
static const char *const caption_credits[] = {
    "foto", "photo", "photos", "dok", "dokumentasi", "doc", "documentation", "ist",
    "istimewa", "antara foto", "image", "gambar", "kredit", "credit", NULL
};

/* Whole lines that head a release. */
static const char *const press_headers[] = {
    "siaran pers", "press release", "rilis pers", "siaran media", "media release",
    "rilis media", "for immediate release", "untuk segera disiarkan", "news release",
    "rilis berita", "siaran berita", NULL
};

static int in_folded(const char *const *list, const char *w, size_t n)
{
    for (; *list != NULL; list++)
        if (sl_ascii_ncaseeq(w, n, *list))
            return 1;
    return 0;
}

/* Drop markdown emphasis and blanks around a line. */
static void strip_markup(const char **text, size_t *len)
{
    const char *t = *text;
    size_t n = *len;
    while (n > 0 && (t[0] == '*' || t[0] == '_' || t[0] == ' ' || t[0] == '\t')) {
        t++;
        n--;
    }
    while (n > 0 && (t[n - 1] == '*' || t[n - 1] == '_' || t[n - 1] == ' ' || t[n - 1] == '\t'))
        n--;
    *text = t;
    *len = n;
}

int sl_line_is_press_header_words(const char *text, size_t len)
{
    /* the headers start with one of these letters (after markdown emphasis) */
    unsigned char c = (unsigned char)sl_ascii_lower((unsigned char)text[0]);
    if (c != 's' && c != 'p' && c != 'r' && c != 'm' && c != 'f' && c != 'u' && c != 'n' &&
        c != '*' && c != '_')
        return 0;
    strip_markup(&text, &len);
    while (len > 0 && (text[len - 1] == ':' || text[len - 1] == '.'))
        len--;
    return len > 0 && in_folded(press_headers, text, len);
}

/* Longest label, in bytes ("keterangan foto", "related stories"). */
#define SL_LABEL_MAX 15

static int has_label(const char *t, size_t n)
{
    if (!sl_is_ascii_alpha((unsigned char)t[0]))
        return 0;
    const char *colon = memchr(t, ':', n < 28 ? n : 28);
    if (colon == NULL)
        return 0;
    size_t m = (size_t)(colon - t);
    while (m > 0 && (t[m - 1] == ' ' || t[m - 1] == '\t' || t[m - 1] == '.'))
        m--;
    return m > 0 && m <= SL_LABEL_MAX && in_folded(labels, t, m);
}

/* text starts with word (lower case ASCII), compared case-insensitively. */
static int starts_with_folded(const char *t, size_t n, const char *word)
{
    size_t w = strlen(word);
    if (n < w)
        return 0;
    for (size_t i = 0; i < w; i++)
        if (sl_ascii_lower((unsigned char)t[i]) != word[i])
            return 0;
    return 1;
}

/* "Jakarta, 27 Januari 2026", "Selasa, 27/1/2026", "January 27, 2026": short, with a
 * month name or a numeric date, and ending in a year. */
static int is_date_line(const char *t, size_t n)
{
    if (n > 64 || n < 6 || !sl_is_ascii_digit((unsigned char)t[n - 1]))
        return 0;
    /* cheap test first: a year needs four digits in a row */
    size_t run = 0;
    for (size_t i = 0; i < n && run < 4; i++)
        run = sl_is_ascii_digit((unsigned char)t[i]) ? run + 1 : 0;
    if (run < 4)
        return 0;
    int month = 0, year = 0, words = 0, slashes = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)t[i];
        if (sl_is_ascii_alpha(c)) {
            size_t j = i;
            while (j < n && sl_is_ascii_alpha((unsigned char)t[j]))
                j++;
            if (sl_month_word(t + i, j - i)) /* the table every stage shares */
                month = 1;
            words++;
            i = j;
        } else if (sl_is_ascii_digit(c)) {
            size_t j = i;
            while (j < n && sl_is_ascii_digit((unsigned char)t[j]))
                j++;
            if (j - i == 4 && (t[i] == '1' || t[i] == '2'))
                year = 1;
            if (j < n && t[j] == '/')
                slashes++;
            words++;
            i = j;
        } else if (c == '.' && i + 1 == n) {
            return 0;
        } else {
            i++;
        }
    }
    return year && (month || slashes >= 2) && words <= 7;
}

/* "(why)", "(hop)", "(ant/rls)": 2-12 lower-case letters, digits, '/' or blanks. */
static int is_signoff(const char *t, size_t n)
{
    if (n < 4 || n > 14 || t[0] != '(' || t[n - 1] != ')')
        return 0;
    int letters = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if (sl_is_ascii_lower(c))
            letters++;
        else if (!sl_is_ascii_digit(c) && c != '/' && c != ' ' && c != '-' && c != '*')
            return 0;
    }
    return letters >= 2;
}

size_t sl_signoff_suffix(const char *text, size_t len)
{
    if (len < 4 || text[len - 1] != ')')
        return 0;
    size_t a = len - 1;
    while (a > 0 && len - a <= 14 && text[a] != '(')
        a--;
    if (text[a] != '(' || !is_signoff(text + a, len - a))
        return 0;
    size_t b = a;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\n'))
        b--;
    if (b == 0)
        return len;
    if (b == a)
        return 0;
    unsigned char p = (unsigned char)text[b - 1];
    /* the sign-off follows a sentence end: . ! ? or a closing quote (” is E2 80 9D) */
    if (p == '.' || p == '!' || p == '?' || p == '"' || p == '\'' || p == 0x9D || p == 0x99 ||
        p == ')')
        return len - b;
    return 0;
}

/* A photo caption: a line that ends with a credit in parentheses, "(Foto : … / …)",
 * without a sentence end before it. */
static int is_caption(const char *t, size_t n)
{
    if (n < 8 || t[n - 1] != ')')
        return 0;
    size_t a = n - 1;
    while (a > 0 && n - a <= 96 && t[a] != '(')
        a--;
    if (t[a] != '(' || a == 0)
        return 0;
    size_t b = a;
    while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t'))
        b--;
    if (b == 0 || b == a || t[b - 1] == '.' || t[b - 1] == '?' || t[b - 1] == '!')
        return 0;
    size_t w = a + 1, e = w;
    while (e < n - 1 && (sl_is_ascii_alpha((unsigned char)t[e]) || t[e] == ' '))
        e++;
    while (e > w && t[e - 1] == ' ')
        e--;
    if (e == w || !in_folded(caption_credits, t + w, e - w))
        return 0;
    size_t f = e;
    while (f < n - 1 && t[f] == ' ')
        f++;
    return t[f] == ':' || t[f] == '.' || t[f] == '/' || t[f] == ')';
}

/* A byline of fields joined by '|' of which one is a label ("Reporter : Ani | Editor :
 * Budi | June 13th, 2024 | Dibaca 412 kali"). */
static int is_byline(const char *t, size_t n)
{
    const char *bar = memchr(t, '|', n);
    if (bar == NULL)
        return 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '|'))
            i++;
        const char *next = memchr(t + i, '|', n - i);
        size_t e = next ? (size_t)(next - t) : n;
        if (e > i && has_label(t + i, e - i))
            return 1;
        i = e;
    }
    return 0;
}

int sl_line_is_boilerplate(const char *text, size_t len)
{
    const char *t = text;
    size_t n = len;
    strip_markup(&t, &n);
    if (n == 0)
        return 0;
    if (has_label(t, n) || sl_line_is_press_header(t, n) || is_caption(t, n) ||
        is_byline(t, n))
        return 1;
    switch (sl_ascii_lower((unsigned char)t[0])) {
    case '(':
        return is_signoff(t, n) || starts_with_folded(t, n, "(c) ");
    case 'c':
        if (starts_with_folded(t, n, "copyright"))
            return 1;
        break;
    case 'h':
        if (starts_with_folded(t, n, "hak cipta"))
            return 1;
        break;
    case 0xc2:
        if (starts_with_folded(t, n, "\xc2\xa9"))
            return 1;
        break;
    case 'j':
        break;
    default:
        return is_date_line(t, n);
    }
    /* address lines of a letterhead: "Jl. Prapatan No. 52, Jakarta Pusat 10410" */
    if (starts_with_folded(t, n, "jl.") || starts_with_folded(t, n, "jln.") ||
        starts_with_folded(t, n, "jalan ")) {
        for (size_t i = 0; i < n; i++)
            if (sl_is_ascii_digit((unsigned char)t[i]))
                return t[n - 1] != '.';
    }
    return is_date_line(t, n);
}

int sl_starts_with_list_marker(const char *text, size_t len)
{
    size_t i = 0;
    if (len == 0)
        return 0;
    int32_t cp;
    size_t n = sl_utf8_next(text, &cp);
    if (sl_cp_is_bullet(cp) || ((cp == '-' || cp == '*') && n < len && text[n] == ' '))
        return 1;
    while (i < len && i < 3 && sl_is_ascii_digit((unsigned char)text[i]))
        i++;
    if (i == 0 && len > 1 && sl_is_ascii_alpha((unsigned char)text[0]))
        i = 1;
    if (i == 0 || i >= len || (text[i] != '.' && text[i] != ')'))
        return 0;
    i++;
    if (i < len && text[i] == ')')
        i++;
    return i >= len || text[i] == ' ' || text[i] == '\t';
}
