/* Abbreviation sets: a hash set of (form, class), the built-in tables and the parser of
 * the data-file format described in data/abbrev/id.txt. */
#include "config.h"

#include <string.h>

#include "abbrev.h"
#include "../text/text.h"

void sl_abbrev_init(sl_abbrev_set *set, const selaras_allocator *mem)
{
    set->mem = mem;
    set->slots = NULL;
    set->cap = 0;
    set->used = 0;
    set->maxlen = 0;
    memset(set->shape, 0, sizeof set->shape);
}

void sl_abbrev_release(sl_abbrev_set *set)
{
    sl_free(set->mem, set->slots);
    set->slots = NULL;
    set->cap = 0;
    set->used = 0;
    set->maxlen = 0;
}

void sl_abbrev_clear(sl_abbrev_set *set)
{
    if (set->slots != NULL)
        memset(set->slots, 0, set->cap * sizeof *set->slots);
    set->used = 0;
    set->maxlen = 0;
    memset(set->shape, 0, sizeof set->shape);
}

/* FNV-1a over the key and its folded flag. */
static size_t hash_key(const char *key, size_t len, int folded)
{
    uint32_t h = 2166136261u ^ (uint32_t)folded;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 16777619u;
    }
    return h;
}

static sl_abbrev_slot *find_slot(const sl_abbrev_set *set, const char *key, size_t len,
                                 int folded)
{
    size_t mask = set->cap - 1;
    size_t i = hash_key(key, len, folded) & mask;
    for (;;) {
        sl_abbrev_slot *s = &set->slots[i];
        if (s->len == 0 ||
            (s->len == len && s->folded == folded && memcmp(s->key, key, len) == 0))
            return s;
        i = (i + 1) & mask;
    }
}

/* Make room for extra more keys (load factor at most 1/2). */
static int reserve(sl_abbrev_set *set, size_t extra)
{
    size_t need = (set->used + extra) * 2;
    if (need <= set->cap)
        return 0;
    size_t cap = set->cap ? set->cap : 64;
    while (cap < need)
        cap *= 2;
    sl_abbrev_slot *slots = sl_calloc(set->mem, cap, sizeof *slots);
    if (slots == NULL)
        return -1;
    sl_abbrev_slot *old = set->slots;
    size_t old_cap = set->cap;
    set->slots = slots;
    set->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].len != 0)
            *find_slot(set, old[i].key, old[i].len, old[i].folded) = old[i];
    sl_free(set->mem, old);
    return 0;
}

static void put_key(sl_abbrev_set *set, const char *key, size_t len, int folded,
                    sl_abbr_class cls)
{
    unsigned char f = (unsigned char)sl_ascii_lower((unsigned char)key[0]);
    set->shape[len][f >> 3] |= (unsigned char)(1u << (f & 7));
    if (len > set->maxlen)
        set->maxlen = len;
    sl_abbrev_slot *s = find_slot(set, key, len, folded);
    if (s->len == 0) {
        s->len = (unsigned char)len;
        s->folded = (unsigned char)folded;
        memcpy(s->key, key, len);
        set->used++;
    }
    s->cls = (unsigned char)cls;
}

static size_t count_letters(const char *text, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += sl_is_ascii_alpha((unsigned char)text[i]) || (unsigned char)text[i] >= 0xC0;
    return n;
}

/* Insert one entry (room must have been reserved for two keys). */
static void put(sl_abbrev_set *set, const char *text, size_t len, sl_abbr_class cls)
{
    put_key(set, text, len, 0, cls);
    if (count_letters(text, len) >= 2) {
        char low[SL_ABBR_MAX];
        for (size_t i = 0; i < len; i++)
            low[i] = (char)sl_ascii_lower((unsigned char)text[i]);
        put_key(set, low, len, 1, cls);
    }
}

sl_abbr_class sl_abbrev_find(const sl_abbrev_set *set, const char *text, size_t len)
{
    if (len == 0 || len > set->maxlen)
        return SL_ABBR_NONE;
    unsigned char f = (unsigned char)sl_ascii_lower((unsigned char)text[0]);
    if (!(set->shape[len][f >> 3] & (1u << (f & 7))))
        return SL_ABBR_NONE;
    const sl_abbrev_slot *s = find_slot(set, text, len, 0);
    if (s->len != 0)
        return (sl_abbr_class)s->cls;
    char low[SL_ABBR_MAX];
    for (size_t i = 0; i < len; i++)
        low[i] = (char)sl_ascii_lower((unsigned char)text[i]);
    s = find_slot(set, low, len, 1);
    return s->len != 0 ? (sl_abbr_class)s->cls : SL_ABBR_NONE;
}

selaras_status sl_abbrev_add_builtin(sl_abbrev_set *set, const char *primary,
                                     selaras_error *err)
{
    for (const sl_abbrev_builtin *b = sl_abbrev_builtins; b->lang != NULL; b++) {
        if (strcmp(b->lang, primary) != 0)
            continue;
        if (reserve(set, 2 * b->count) != 0)
            return sl_nomem(err);
        for (size_t i = 0; i < b->count; i++)
            put(set, b->entries[i].text, strlen(b->entries[i].text), b->entries[i].cls);
    }
    return SELARAS_OK;
}

/* ---- the data-file format ---- */

typedef struct parse_line {
    size_t start, end;  /* the trimmed line */
    size_t number;      /* 1-based */
} parse_line;

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Next line of text from *pos; returns 0 at the end. */
static int next_line(const char *text, size_t len, size_t *pos, parse_line *line)
{
    if (*pos >= len)
        return 0;
    size_t s = *pos;
    const char *nl = memchr(text + s, '\n', len - s);
    size_t e = nl ? (size_t)(nl - text) : len;
    *pos = nl ? e + 1 : len;
    line->number++;
    while (s < e && is_blank(text[s]))
        s++;
    while (e > s && is_blank(text[e - 1]))
        e--;
    line->start = s;
    line->end = e;
    return 1;
}

static selaras_status syntax(selaras_error *err, const char *text, size_t len, size_t off,
                             size_t line, const char *what)
{
    size_t l, col;
    sl_locate(text, len, off, &l, &col);
    return sl_error_line(err, SELARAS_ERR_SYNTAX, off, line, col,
                         "abbreviations line %zu: %s", line, what);
}

/* Check a section header "[name]"; sets *cls. */
static selaras_status parse_header(const char *text, size_t len, const parse_line *ln,
                                   sl_abbr_class *cls, selaras_error *err)
{
    const char *name = text + ln->start + 1;
    size_t n = ln->end - ln->start;
    if (n < 2 || text[ln->end - 1] != ']')
        return syntax(err, text, len, ln->start, ln->number, "unterminated class header");
    n -= 2;
    if (n == 6 && memcmp(name, "prefix", 6) == 0)
        *cls = SL_ABBR_PREFIX;
    else if (n == 6 && memcmp(name, "number", 6) == 0)
        *cls = SL_ABBR_NUMBER;
    else if (n == 7 && memcmp(name, "general", 7) == 0)
        *cls = SL_ABBR_GENERAL;
    else
        return syntax(err, text, len, ln->start + 1, ln->number,
                      "unknown class (expected [prefix], [number] or [general])");
    return SELARAS_OK;
}

/* Check an entry line. */
static selaras_status check_entry(const char *text, size_t len, const parse_line *ln,
                                  sl_abbr_class cls, selaras_error *err)
{
    size_t n = ln->end - ln->start;
    if (cls == SL_ABBR_NONE)
        return syntax(err, text, len, ln->start, ln->number,
                      "abbreviation before any [class] header");
    for (size_t i = ln->start; i < ln->end;) {
        int32_t cp;
        size_t k;
        if (sl_utf8_check((const unsigned char *)text + i, ln->end - i, &cp, &k) != SL_UTF8_OK)
            return syntax(err, text, len, i, ln->number, "invalid UTF-8");
        if (cp == ' ' || cp == '\t' || (cp >= 0x80 && cp <= 0xA0) || cp == 0x3000 ||
            (cp >= 0x2000 && cp <= 0x200B))
            return syntax(err, text, len, i, ln->number, "blank inside an abbreviation");
        i += k;
    }
    if (text[ln->end - 1] != '.')
        return syntax(err, text, len, ln->end - 1, ln->number,
                      "an abbreviation must end with a period");
    if (n < 2)
        return syntax(err, text, len, ln->start, ln->number, "a lone period is not an abbreviation");
    if (n > SL_ABBR_MAX)
        return syntax(err, text, len, ln->start, ln->number, "abbreviation longer than 31 bytes");
    return SELARAS_OK;
}

selaras_status sl_abbrev_parse(sl_abbrev_set *set, const char *text, size_t len,
                               selaras_error *err)
{
    /* First pass: validate and count, so that the set changes only if all is well. */
    size_t pos = 0, entries = 0;
    parse_line ln = {0, 0, 0};
    sl_abbr_class cls = SL_ABBR_NONE;
    selaras_status st;
    while (next_line(text, len, &pos, &ln)) {
        if (ln.start == ln.end || text[ln.start] == '#')
            continue;
        if (text[ln.start] == '[') {
            if ((st = parse_header(text, len, &ln, &cls, err)) != SELARAS_OK)
                return st;
            continue;
        }
        if ((st = check_entry(text, len, &ln, cls, err)) != SELARAS_OK)
            return st;
        entries++;
    }
    if (reserve(set, 2 * entries) != 0)
        return sl_nomem(err);
    pos = 0;
    ln.number = 0;
    cls = SL_ABBR_NONE;
    while (next_line(text, len, &pos, &ln)) {
        if (ln.start == ln.end || text[ln.start] == '#')
            continue;
        if (text[ln.start] == '[')
            parse_header(text, len, &ln, &cls, NULL);
        else
            put(set, text + ln.start, ln.end - ln.start, cls);
    }
    return SELARAS_OK;
}
