/* Sentence boundaries inside one span of text. A byte scan finds the few candidate
 * positions (. ? ! … ) and list bullets); the rules run only there:
 *
 *  - a terminator (. ? ! … or a run of them), then closing quotes and brackets, then
 *    white space, then an upper-case letter, a digit or a symbol starts a new sentence,
 *    possibly behind opening quotes or brackets; a lower-case letter or , ; : never does;
 *  - the word before a period may be an abbreviation (see data/abbrev: prefix, number,
 *    general), a single-letter initial ("A. H. Nasution"), an initialism ("U.S.") that
 *    ends a sentence only before a common sentence-opening word, or a list marker at the
 *    start of a sentence ("1.", "a.", "2.)");
 *  - "?" / "!" and a closing quote followed by a name and a verb of saying do not end the
 *    sentence ("Of course!" Hari answered.);
 *  - ". . ." (spaced) ends nothing; four spaced dots or "...." end a sentence before an
 *    upper-case word; "[...]" is an omission;
 *  - a period between a lower-case word and a capitalised word with no space ("world.Today")
 *    ends a sentence unless the run is an address (e-mail, URL) or an abbreviation;
 *  - inside a sentence that began with a list marker or bullet, the next marker in
 *    sequence ("2." after "1.") or the same bullet starts the next item.
 */
#include "config.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "segmenter.h"

/* Longest run the rules look at around a candidate, in bytes. */
#define SL_TOKEN_MAX 64

typedef enum next_class {
    NC_END, NC_UPPER, NC_LOWER, NC_DIGIT, NC_PUNCT, NC_OTHER
} next_class;

typedef struct span {
    selaras_segmenter *seg;
    const char *t;
    size_t s, e;
    size_t sent;        /* first byte of the current sentence */
    size_t marker;      /* where a list marker of the current sentence would start */
    long list_next;     /* value of the next marker in sequence, or -1 */
    char list_style;    /* '.' or ')' */
    int32_t bullet;     /* bullet that opened the current sentence, or 0 */
} span;

/* Byte classes of the candidate scan: 1 for bytes where a rule may apply. */
static const unsigned char candidate[256] = {
    ['.'] = 1, ['?'] = 1, ['!'] = 1, [')'] = 1, [0xE2] = 1,
};

static int space_at(const span *sp, size_t i, size_t *len)
{
    int32_t cp;
    *len = sl_cp_at(sp->t, i, &cp);
    return sl_cp_is_space(cp);
}

static inline size_t skip_space(const span *sp, size_t i)
{
    size_t n;
    /* the common case: one blank, then a printable ASCII byte */
    if (i + 1 < sp->e && sp->t[i] == ' ' && (unsigned char)(sp->t[i + 1] - 0x21) < 0x5E)
        return i + 1;
    while (i < sp->e) {
        unsigned char c = (unsigned char)sp->t[i];
        if (c < 0x80) { /* ASCII: no decoding */
            if (c != ' ' && (c < '\t' || c > '\r'))
                break;
            i++;
        } else if (space_at(sp, i, &n)) {
            i += n;
        } else {
            break;
        }
    }
    return i;
}

static int space_before(const span *sp, size_t i)
{
    if (i <= sp->s)
        return 1;
    int32_t cp;
    sl_utf8_next(sp->t + sl_utf8_prev(sp->t, i), &cp);
    return sl_cp_is_space(cp);
}

/* Skip closing quotes and brackets from i; *quote is set when one was a quote. */
static inline size_t skip_closers(const span *sp, size_t i, int *quote)
{
    *quote = 0;
    unsigned char c = i < sp->e ? (unsigned char)sp->t[i] : 0x80;
    if (c < 0x80 && !sl_cp_is_closer(c))
        return i; /* the common case: a space or a letter follows */
    while (i < sp->e) {
        int32_t cp;
        size_t n = sl_cp_at(sp->t, i, &cp);
        if (!sl_cp_is_closer(cp))
            break;
        if (cp != ')' && cp != ']' && cp != '}' && cp != '*' && cp != '_')
            *quote = 1;
        i += n;
    }
    return i;
}

/* What starts at k (after opening quotes and brackets); *word receives where it is. */
static inline next_class classify(const span *sp, size_t k, size_t *word)
{
    if (k < sp->e) { /* the common case: an ASCII letter or digit */
        unsigned char c = (unsigned char)sp->t[k];
        if (sl_is_ascii_upper(c) || sl_is_ascii_lower(c) || sl_is_ascii_digit(c)) {
            *word = k;
            return sl_is_ascii_upper(c) ? NC_UPPER : sl_is_ascii_lower(c) ? NC_LOWER : NC_DIGIT;
        }
    }
    int32_t cp = 0;
    while (k < sp->e) {
        size_t n = sl_cp_at(sp->t, k, &cp);
        if (!sl_cp_is_opener(cp) && cp != 0x201D && cp != 0x2019)
            break;
        k += n;
    }
    *word = k;
    if (k >= sp->e)
        return NC_END;
    if (sl_cp_is_upper(cp))
        return NC_UPPER;
    if (sl_cp_is_lower(cp))
        return NC_LOWER;
    if (sl_cp_is_digit(cp))
        return NC_DIGIT;
    if (cp == ',' || cp == ';' || cp == ':' || cp == ')' || cp == ']' || cp == '.' ||
        cp == '?' || cp == '!' || cp == '%')
        return NC_PUNCT;
    if (sl_cp_is_letter(cp))  /* letters without case (scripts without capitals) */
        return NC_UPPER;
    return NC_OTHER;
}

/* Value of a list marker text[a..b): 1-3 ASCII digits, or one ASCII letter (a=1). */
static long marker_value(const char *t, size_t a, size_t b)
{
    if (b == a + 1 && sl_is_ascii_alpha((unsigned char)t[a]))
        return sl_ascii_lower((unsigned char)t[a]) - 'a' + 1;
    if (b <= a || b - a > 3)
        return -1;
    long v = 0;
    for (size_t i = a; i < b; i++) {
        if (!sl_is_ascii_digit((unsigned char)t[i]))
            return -1;
        v = v * 10 + (t[i] - '0');
    }
    return v;
}

/* A new sentence starts at k: note its bullet and list marker. */
static void begin_sentence(span *sp, size_t k)
{
    sp->sent = k;
    sp->bullet = 0;
    sp->list_next = -1;
    size_t m = k;
    if (k < sp->e) {
        int32_t cp;
        size_t n = sl_cp_at(sp->t, k, &cp);
        if (sl_cp_is_bullet(cp)) {
            sp->bullet = cp;
            m = skip_space(sp, k + n);
        }
    }
    sp->marker = m;
    /* a marker is one letter or 1-3 digits: a word of two letters or more is none */
    if (m + 1 < sp->e && sl_is_ascii_alpha((unsigned char)sp->t[m]) &&
        sl_is_ascii_alpha((unsigned char)sp->t[m + 1]))
        return;
    size_t a = m, b = m;
    while (b < sp->e && b - a < 4 && sl_is_ascii_alnum((unsigned char)sp->t[b]))
        b++;
    if (b >= sp->e || (sp->t[b] != '.' && sp->t[b] != ')'))
        return;
    long v = marker_value(sp->t, a, b);
    if (v < 0)
        return;
    /* the marker must be followed by white space (after ")" of "1.)") */
    size_t c = b + 1;
    if (sp->t[b] == '.' && c < sp->e && sp->t[c] == ')')
        c++;
    size_t n;
    if (c < sp->e && !space_at(sp, c, &n))
        return;
    sp->list_next = v + 1;
    sp->list_style = sp->t[b];
}

static int cut(span *sp, size_t k)
{
    selaras_segmenter *seg = sp->seg;
    if (k <= sp->sent || k >= sp->e)
        return 0;
    if (seg->ncuts == seg->cuts_cap) {
        void *cuts = seg->cuts;
        if (sl_grow(&seg->mem, &cuts, &seg->cuts_cap, seg->ncuts + 1, sizeof(size_t)) != 0)
            return -1;
        seg->cuts = cuts;
    }
    seg->cuts[seg->ncuts++] = k;
    begin_sentence(sp, k);
    return 0;
}

/* SWAR: a word whose bytes are all v. */
#define SL_REP(v) ((uint64_t)0x0101010101010101u * (uint64_t)(v))

/* Eight bytes at a time, walk back from a (not below low) over printable ASCII
 * (0x21-0x7F); stops at most eight bytes short of the run's start, where the byte loop
 * of the caller takes over. */
static inline size_t ascii_word_start(const unsigned char *u, size_t low, size_t a)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && \
    defined(__GNUC__)
    while (a >= low + 8) { /* a may already be below low: see token_start() */
        uint64_t x;
        memcpy(&x, u + a - 8, 8);
        uint64_t low7 = x & SL_REP(0x7F);
        /* high bit of each byte outside 0x21-0x7F: >= 0x80, or below 0x21 (the sum of
         * a byte's low seven bits and 0x5F reaches 0x80 exactly from 0x21 on) */
        uint64_t bad = (x | ~(low7 + SL_REP(0x5F))) & SL_REP(0x80);
        if (bad != 0) /* the run starts after the last such byte */
            return a - 8 + (size_t)(63 - __builtin_clzll(bad)) / 8 + 1;
        a -= 8;
    }
#else
    (void)u;
    (void)low;
#endif
    return a;
}

/* Start of the token that ends just before i (a run without white space), after any
 * opening quotes and brackets. */
static size_t token_start(const span *sp, size_t i)
{
    /* tokens longer than SL_TOKEN_MAX are cut there: no rule needs more, and the scan
     * stays linear on runs without white space */
    size_t low = i - sp->s > SL_TOKEN_MAX ? i - SL_TOKEN_MAX : sp->s;
    size_t a = i;
    for (;;) {
        const unsigned char *u = (const unsigned char *)sp->t;
        a = ascii_word_start(u, low, a);
        while (a > low && (unsigned char)(u[a - 1] - 0x21) < 0x5F) /* ASCII, not space */
            a--;
        if (a <= low || (unsigned char)sp->t[a - 1] < 0x80 || space_before(sp, a))
            break;
        a = sl_utf8_prev(sp->t, a);
    }
    while (a < i && ((unsigned char)sp->t[a] & 0xC0) == 0x80) /* cut inside a character */
        a++;
    while (a < i) {
        int32_t cp;
        size_t n = sl_cp_at(sp->t, a, &cp);
        if (!sl_cp_is_opener(cp) && (cp < 0x80 || !sl_cp_is_bullet(cp)))
            break;
        a += n;
    }
    return a;
}

/* Class of the abbreviation text[a..end) (end just past its period); when the whole
 * run is unknown, its part after the last inner period ("Tuesday.Mr." -> "Mr."). */
static sl_abbr_class lookup(const span *sp, size_t a, size_t end)
{
    const sl_abbrev_set *set = &sp->seg->abbrev;
    sl_abbr_class cls = sl_abbrev_find(set, sp->t + a, end - a);
    if (cls != SL_ABBR_NONE || end - a < 3)
        return cls;
    for (size_t p = end - 2; p > a; p--) {
        if (sp->t[p] == '.') {
            if (end - (p + 1) >= 3)
                cls = sl_abbrev_find(set, sp->t + p + 1, end - (p + 1));
            break;
        }
        if (!sl_cp_is_letter((unsigned char)sp->t[p]) && (unsigned char)sp->t[p] < 0x80)
            break;
    }
    return cls;
}

/* Whether text[a..end) is an initialism: two or more single letters each followed by a
 * period ("U.S.", "E.U.", "a.m."). */
static int is_initialism(const char *t, size_t a, size_t end)
{
    size_t n = 0;
    while (a < end) {
        int32_t cp;
        size_t k = sl_utf8_next(t + a, &cp);
        if (!sl_cp_is_letter(cp) || a + k >= end || t[a + k] != '.')
            return 0;
        a += k + 1;
        n++;
    }
    return n >= 2;
}

/* Length of the word (letters, apostrophes) at k. */
static size_t word_len(const span *sp, size_t k)
{
    size_t i = k;
    while (i < sp->e && i - k < SL_TOKEN_MAX) {
        int32_t cp;
        size_t n = sl_cp_at(sp->t, i, &cp);
        if (!sl_cp_is_letter(cp) && cp != '\'' && cp != 0x2019)
            break;
        i += n;
    }
    return i - k;
}

static int in_list(const char *const *list, const char *w, size_t n)
{
    for (; *list != NULL; list++)
        if (strlen(*list) == n && memcmp(*list, w, n) == 0)
            return 1;
    return 0;
}

/* Capitalised words that usually open a sentence: after an initialism ("U.S."), a new
 * sentence is assumed only before one of these. */
static const char *const starters_en[] = {
    "A", "An", "And", "As", "At", "But", "He", "Her", "His", "How", "I", "If", "In", "It",
    "Its", "My", "Our", "She", "So", "That", "The", "Their", "There", "These", "They",
    "This", "Those", "We", "What", "When", "Where", "Which", "Who", "Why", "You", "Your",
    NULL
};
static const char *const starters_id[] = {
    "Adapun", "Agar", "Akan", "Apa", "Apabila", "Bagaimana", "Bagi", "Bahkan", "Banyak",
    "Beberapa", "Belum", "Dalam", "Dan", "Dari", "Di", "Dengan", "Dia", "Hal", "Hingga",
    "Ia", "Ini", "Itu", "Jika", "Juga", "Kami", "Karena", "Ketika", "Kita", "Ke",
    "Kemudian", "Lebih", "Meski", "Meskipun", "Menurut", "Mereka", "Namun", "Oleh", "Pada",
    "Para", "Saat", "Salah", "Sampai", "Saya", "Sebagai", "Sebelumnya", "Sebuah", "Sedangkan",
    "Sejak", "Selain", "Selama", "Selanjutnya", "Semua", "Sementara", "Seorang", "Seperti",
    "Setelah", "Setiap", "Sudah", "Tahun", "Tapi", "Tetapi", "Tidak", "Untuk", "Walaupun",
    "Yang", NULL
};

static int is_starter(const span *sp, size_t k)
{
    size_t n = word_len(sp, k);
    const char *w = sp->t + k;
    if (sp->seg->rules == SL_RULES_ID)
        return in_list(starters_id, w, n);
    if (sp->seg->rules == SL_RULES_EN)
        return in_list(starters_en, w, n);
    return in_list(starters_en, w, n) || in_list(starters_id, w, n);
}

/* Verbs of saying after a quoted question or exclamation and a name. */
static const char *const speech_verbs[] = {
    "said", "says", "asked", "asks", "answered", "replied", "added", "explained", "told",
    "stated", "noted", "continued", "wrote", "shouted", "exclaimed", "insisted", "recalled",
    "urged", "cried", "kata", "ujar", "ucap", "tanya", "jawab", "tutur", "tambah", "ungkap",
    "seru", "bertanya", "menjawab", "berkata", NULL
};

/* After "?" / "!" and a closing quote: is the capitalised word at k a name followed by
 * a verb of saying ("Hari answered")? */
static int attribution_follows(const span *sp, size_t k)
{
    size_t n = word_len(sp, k);
    if (n == 0)
        return 0;
    size_t v = skip_space(sp, k + n);
    size_t m = word_len(sp, v);
    return m > 0 && v > k + n && in_list(speech_verbs, sp->t + v, m);
}

enum { PREV_NONE, PREV_LOWER, PREV_NUMBER, PREV_OTHER };

/* What the word before position a is: lower case, holding a digit, or other. */
static int previous_word(const span *sp, size_t a)
{
    size_t i = a;
    while (i > sp->s && space_before(sp, i))
        i = sl_utf8_prev(sp->t, i);
    if (i <= sp->s || i == a)
        return PREV_NONE;
    size_t w = token_start(sp, i);
    for (size_t k = w; k < i; k++)
        if (sl_is_ascii_digit((unsigned char)sp->t[k]))
            return PREV_NUMBER;
    int32_t cp;
    sl_cp_at(sp->t, w, &cp);
    return sl_cp_is_lower(cp) ? PREV_LOWER : PREV_OTHER;
}

/* A Roman numeral at k ("No. XI", "Pasal II"): letters IVXLCDM only, then not a letter. */
static int is_roman(const span *sp, size_t k)
{
    size_t i = k;
    while (i < sp->e && strchr("IVXLCDM", sp->t[i]) != NULL && sp->t[i] != '\0')
        i++;
    if (i == k)
        return 0;
    int32_t cp = 0;
    if (i < sp->e)
        sl_cp_at(sp->t, i, &cp);
    return !sl_cp_is_letter(cp);
}

/* The word at k is itself an abbreviation ("Co. Ltd.", "Pte. Ltd."). */
static int next_is_abbrev(const span *sp, size_t k)
{
    size_t n = word_len(sp, k);
    if (n == 0 || k + n >= sp->e || sp->t[k + n] != '.')
        return 0;
    return sl_abbrev_find(&sp->seg->abbrev, sp->t + k, n + 1) != SL_ABBR_NONE;
}

/* Whether text[a..end) is "a.m." or "p.m." (any case) after a number ("8 a.m."). */
static int is_clock_time(const span *sp, size_t a, size_t end)
{
    const char *t = sp->t + a;
    if (end - a != 4 || t[1] != '.' || t[3] != '.')
        return 0;
    char c0 = sl_ascii_lower((unsigned char)t[0]), c2 = sl_ascii_lower((unsigned char)t[2]);
    return (c0 == 'a' || c0 == 'p') && c2 == 'm' && previous_word(sp, a) == PREV_NUMBER;
}

/* Capitalised words that go on a time of day ("10 a.m. Monday", "9 p.m. WIB"): weekdays,
 * months, and words in capitals (time zones). */
static const char *const clock_words[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
    NULL
};

static int is_clock_word(const span *sp, size_t w)
{
    size_t n = word_len(sp, w);
    if (in_list(clock_words, sp->t + w, n))
        return 1;
    for (size_t i = w; i < w + n; i++)
        if (!sl_is_ascii_upper((unsigned char)sp->t[i]))
            return 0;
    return n >= 2; /* WIB, GMT, UTC */
}

/* A period at i followed by white space, next sentence candidate at k (class nc, word at
 * w). Returns 1 when it ends the sentence. */
static int period_ends(span *sp, size_t a, size_t i, next_class nc, size_t w)
{
    size_t end = i + 1;
    sl_abbr_class cls = a < i ? lookup(sp, a, end) : SL_ABBR_NONE;
    switch (cls) {
    case SL_ABBR_PREFIX:
        return 0;
    case SL_ABBR_NUMBER:
        return nc == NC_UPPER && !is_roman(sp, w);
    case SL_ABBR_GENERAL:
        if (nc != NC_UPPER || sp->t[w - 1] == '(' || next_is_abbrev(sp, w))
            return 0;
        if (is_clock_time(sp, a, end))
            return !is_clock_word(sp, w);
        return !is_initialism(sp->t, a, end) || is_starter(sp, w);
    case SL_ABBR_NONE:
        break;
    }
    int32_t cp = 0;
    if (a < i && sl_cp_at(sp->t, a, &cp) == i - a) {
        /* one letter: an initial, unless it is the English pronoun after a lower-case
         * word ("you and I. Did…") or a lower-case letter */
        if (sl_cp_is_upper(cp)) {
            /* not an initial: the pronoun or numeral "I" after a lower-case word
             * ("you and I.", "kuartal I."), a unit or era after a number ("2 C.") */
            int prev = previous_word(sp, a);
            if ((cp == 'I' && prev == PREV_LOWER) || prev == PREV_NUMBER)
                return nc == NC_UPPER;
            return 0;
        }
        if (sl_cp_is_letter(cp))
            return nc == NC_UPPER;
    }
    if (is_initialism(sp->t, a, end))
        return nc == NC_DIGIT || (nc == NC_UPPER && is_starter(sp, w));
    return 1;
}

/* A period at i directly followed by a non-space: "world.Today" ends a sentence. */
static int glued_period_ends(const span *sp, size_t i)
{
    if (i == sp->s || i + 2 >= sp->e)
        return 0;
    unsigned char p = (unsigned char)sp->t[i - 1], c1 = (unsigned char)sp->t[i + 1],
                  c2 = (unsigned char)sp->t[i + 2];
    if (!sl_is_ascii_upper(c1) || !sl_is_ascii_lower(c2))
        return 0;
    if (!sl_is_ascii_lower(p) && !sl_is_ascii_digit(p))
        return 0;
    if (i - 1 == sp->s || !sl_is_ascii_alnum((unsigned char)sp->t[i - 2]))
        return 0;
    /* addresses: the whole run holds '@', '/' or ':' */
    size_t a = token_start(sp, i);
    for (size_t j = a; j < sp->e && j < i + SL_TOKEN_MAX && !sl_is_ascii_space((unsigned char)sp->t[j]); j++) {
        char c = sp->t[j];
        if (c == '@' || c == '/' || c == ':' || c == '_')
            return 0;
    }
    /* an abbreviation glued to the next word ("Mr.Smith") */
    size_t w = i;
    while (w > sp->s && sl_is_ascii_alpha((unsigned char)sp->t[w - 1]))
        w--;
    return sl_abbrev_find(&sp->seg->abbrev, sp->t + w, i + 1 - w) == SL_ABBR_NONE;
}

/* Handle the terminator run ending at j (closers not yet skipped). kind: 0 period-like
 * (ellipsis), 1 question/exclamation. Returns -1 on allocation failure. */
static int after_run(span *sp, size_t j, int excl)
{
    int quote;
    size_t c = skip_closers(sp, j, &quote);
    size_t n;
    if (c >= sp->e || !space_at(sp, c, &n))
        return 0;
    size_t k = skip_space(sp, c), w;
    next_class nc = classify(sp, k, &w);
    if (nc == NC_END || nc == NC_LOWER || nc == NC_PUNCT)
        return 0;
    if (!excl) {
        if (nc != NC_UPPER)
            return 0;
    } else if (quote && nc == NC_UPPER && attribution_follows(sp, w)) {
        return 0;
    }
    return cut(sp, k);
}

/* Whether white space follows the list marker punctuation that ends just before i (the
 * ")" of "2.)" skipped). */
static int marker_spaced(const span *sp, size_t i)
{
    size_t n;
    if (i < sp->e && sp->t[i] == ')')
        i++;
    return i < sp->e && space_at(sp, i, &n);
}

/* Whether the nearest character before a, white space skipped, is a colon. */
static int after_colon(const span *sp, size_t a)
{
    size_t i = a;
    while (i > sp->s && space_before(sp, i))
        i = sl_utf8_prev(sp->t, i);
    return i > sp->s && i < a && sp->t[i - 1] == ':';
}

/* The inline list marker text[a..b), its punctuation ending before after, starts an item
 * at a: the next marker in sequence ("2." after "1.", not the "05." of "05.30"), or a
 * first marker ("1.", "a)") after a colon ("include: 1. …"). */
static int list_continues(const span *sp, size_t a, size_t b, size_t after, char style)
{
    if (!space_before(sp, a) || !marker_spaced(sp, after) || a <= sp->marker)
        return 0;
    long v = marker_value(sp->t, a, b);
    if (v == 1 && after_colon(sp, a))
        return 1;
    return sp->list_next > 0 && sp->list_style == style && v == sp->list_next;
}

static int on_period(span *sp, size_t *pi)
{
    const char *t = sp->t;
    size_t i = *pi;
    /* ellipses */
    if (i + 1 < sp->e && t[i + 1] == '.') {
        size_t j = i;
        while (j < sp->e && t[j] == '.')
            j++;
        *pi = j;
        if (i > sp->s && (t[i - 1] == '[' || t[i - 1] == '('))
            return 0;
        return after_run(sp, j, 0);
    }
    if (i + 2 < sp->e && t[i + 1] == ' ' && t[i + 2] == '.') {
        size_t j = i + 1, dots = 1;
        while (j + 1 < sp->e && t[j] == ' ' && t[j + 1] == '.') {
            dots++;
            j += 2;
        }
        *pi = j;
        if (dots < 4)
            return 0;
        if (i == sp->s || space_before(sp, i))
            return after_run(sp, j, 0);
        /* "compounds. . . . The": a period, then an ellipsis opening the next sentence */
        int quote;
        size_t c = skip_closers(sp, j, &quote), n, w;
        if (c >= sp->e || !space_at(sp, c, &n))
            return 0;
        if (classify(sp, skip_space(sp, c), &w) != NC_UPPER)
            return 0;
        return cut(sp, i + 2);
    }
    *pi = i + 1;
    size_t a = token_start(sp, i);
    /* list markers */
    if (a < i && marker_value(t, a, i) >= 0) {
        if (a == sp->marker)
            return 0;
        if (list_continues(sp, a, i, i + 1, '.'))
            return cut(sp, a);
    }
    int quote;
    size_t c = skip_closers(sp, i + 1, &quote);
    size_t n;
    if (c >= sp->e)
        return 0;
    if (!space_at(sp, c, &n)) {
        if (c == i + 1 && glued_period_ends(sp, i))
            return cut(sp, i + 1);
        return 0;
    }
    size_t k = skip_space(sp, c), w;
    next_class nc = classify(sp, k, &w);
    if (nc == NC_END || nc == NC_LOWER || nc == NC_PUNCT)
        return 0;
    if (c == i + 1 && !period_ends(sp, a, i, nc, w))
        return 0;
    return cut(sp, k);
}

/* Non-zero when some byte of x is zero. */
static inline uint64_t has_zero(uint64_t x)
{
    return (x - SL_REP(0x01)) & ~x & SL_REP(0x80);
}

/* The first candidate byte at or after i (end if none): sixteen bytes at a time with
 * SSE2 where the compiler targets it, else eight at a time in a 64-bit word. */
static size_t next_candidate(const char *text, size_t i, size_t end)
{
#if defined(__SSE2__)
    const __m128i dot = _mm_set1_epi8('.'), q = _mm_set1_epi8('?'), x = _mm_set1_epi8('!'),
                  p = _mm_set1_epi8(')'), e2 = _mm_set1_epi8((char)0xE2);
    while (i + 16 <= end) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, q)),
                                 _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, x),
                                                           _mm_cmpeq_epi8(v, p)),
                                              _mm_cmpeq_epi8(v, e2)));
        int bits = _mm_movemask_epi8(m);
        if (bits != 0)
            return i + (size_t)__builtin_ctz((unsigned)bits);
        i += 16;
    }
    /* the tail: one more load that ends at end and overlaps what was scanned (the
     * bytes before the span belong to the same document text) */
    if (i < end && end >= 16) {
        size_t base = end - 16;
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + base));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, q)),
                                 _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, x),
                                                           _mm_cmpeq_epi8(v, p)),
                                              _mm_cmpeq_epi8(v, e2)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m) >> (i - base);
        return bits != 0 ? i + (size_t)__builtin_ctz(bits) : end;
    }
#endif
    while (i + 8 <= end) {
        uint64_t w;
        memcpy(&w, text + i, 8);
        if (has_zero(w ^ SL_REP('.')) | has_zero(w ^ SL_REP('?')) | has_zero(w ^ SL_REP('!')) |
            has_zero(w ^ SL_REP(')')) | has_zero(w ^ SL_REP(0xE2)))
            break;
        i += 8;
    }
    while (i < end && !candidate[(unsigned char)text[i]])
        i++;
    return i;
}

int sl_split_span(selaras_segmenter *seg, const char *text, size_t start, size_t end)
{
    span sp = {seg, text, start, end, start, start, -1, '.', 0};
    seg->ncuts = 0;
    begin_sentence(&sp, skip_space(&sp, start));
    size_t i = start;
    while (i < end) {
        i = next_candidate(text, i, end);
        if (i >= end)
            break;
        int rc = 0;
        switch (text[i]) {
        case '.':
            rc = on_period(&sp, &i);
            break;
        case '?':
        case '!': {
            size_t j = i;
            while (j < end && (text[j] == '?' || text[j] == '!'))
                j++;
            i = j;
            rc = after_run(&sp, j, 1);
            break;
        }
        case ')': {
            size_t a = token_start(&sp, i), b = i;
            if (b > a && text[b - 1] == '.')
                b--;
            if (a < b && list_continues(&sp, a, b, i + 1, ')'))
                rc = cut(&sp, a);
            i++;
            break;
        }
        default: { /* 0xE2: … and bullets */
            int32_t cp;
            size_t n = sl_utf8_next(text + i, &cp);
            if (cp == 0x2026) {
                size_t j = i + n;
                while (j + 2 < end && memcmp(text + j, "\xE2\x80\xA6", 3) == 0)
                    j += 3;
                while (j < end && text[j] == '.')
                    j++;
                if (!(i > start && (text[i - 1] == '[' || text[i - 1] == '(')))
                    rc = after_run(&sp, j, 0);
                i = j;
            } else {
                if ((cp == sp.bullet || (sl_cp_is_bullet(cp) && after_colon(&sp, i))) &&
                    i > sp.sent && space_before(&sp, i))
                    rc = cut(&sp, i);
                i += n;
            }
            break;
        }
        }
        if (rc != 0)
            return -1;
    }
    return 0;
}
