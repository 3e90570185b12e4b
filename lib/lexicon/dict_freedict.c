/* FreeDict dictionaries in dictd format, as Debian's dict-freedict-* packages install them.
 *
 * NAME.index: one line per headword, `headword TAB offset TAB length`, the numbers in
 * dictd's base64 digits (A-Z a-z 0-9 + /, most significant first). NAME.dict.dz: the
 * entries, dictzip-compressed (a gzip member with random-access data in the header's extra
 * field, so zlib reads it like any gzip file). The entries of FreeDict's WikDict-made
 * dictionaries look like:
 *
 *   Arabic //ˈæɹəbɪk// <pn>          headword, pronunciations, part of speech
 *   1. abjad arab, huruf arab         numbered senses: translations separated by , or ;
 *   alphabet                          a gloss (in the headword's language)
 *   2. bahasa arab, arab
 *   language
 *
 * or, with one sense, the translation line without a number followed by its gloss. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "lexicon.h"

/* ISO 639-1 (our primary subtags) to the ISO 639-3 codes of FreeDict's file names. */
static const char *const sl_iso3_table[][2] = {
    {"af", "afr"}, {"ar", "ara"}, {"bg", "bul"}, {"br", "bre"}, {"ca", "cat"}, {"cs", "ces"},
    {"cy", "cym"}, {"da", "dan"}, {"de", "deu"}, {"el", "ell"}, {"en", "eng"}, {"eo", "epo"},
    {"es", "spa"}, {"fi", "fin"}, {"fr", "fra"}, {"ga", "gle"}, {"gd", "gla"}, {"he", "heb"},
    {"hi", "hin"}, {"hr", "hrv"}, {"hu", "hun"}, {"id", "ind"}, {"is", "isl"}, {"it", "ita"},
    {"ja", "jpn"}, {"ko", "kor"}, {"la", "lat"}, {"lt", "lit"}, {"ms", "msa"}, {"nb", "nob"},
    {"nl", "nld"}, {"nn", "nno"}, {"no", "nor"}, {"pl", "pol"}, {"pt", "por"}, {"ro", "ron"},
    {"ru", "rus"}, {"sk", "slk"}, {"sl", "slv"}, {"sq", "sqi"}, {"sr", "srp"}, {"sv", "swe"},
    {"sw", "swa"}, {"th", "tha"}, {"tr", "tur"}, {"uk", "ukr"}, {"vi", "vie"}, {"zh", "zho"},
};

const char *sl_freedict_iso3(const char *primary)
{
    for (size_t i = 0; i < sizeof sl_iso3_table / sizeof sl_iso3_table[0]; i++)
        if (strcmp(sl_iso3_table[i][0], primary) == 0)
            return sl_iso3_table[i][1];
    return primary;  /* already three letters, or unknown: used as is */
}

/* ---- reading the two files ---- */

/* Inflate a gzip (dictzip) file held in z into out, with the lexicon's allocator. */
static void *z_alloc(void *opaque, uInt items, uInt size)
{
    if (size != 0 && items > (size_t)-1 / size)
        return NULL;
    return sl_malloc(opaque, (size_t)items * size);
}

static void z_free(void *opaque, void *ptr)
{
    sl_free(opaque, ptr);
}

static selaras_status gunzip(const selaras_allocator *mem, const sl_buf *z, sl_buf *out,
                             const char *path, selaras_error *err)
{
    sl_buf_init(out, mem);
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    zs.zalloc = z_alloc;
    zs.zfree = z_free;
    zs.opaque = (void *)mem;
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return sl_nomem(err);
    zs.next_in = (Bytef *)z->data;
    zs.avail_in = (uInt)z->len;
    selaras_status st = SELARAS_OK;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (out->len >= SELARAS_DICT_MAX_BYTES) {
            st = sl_error(err, SELARAS_ERR_LIMIT, "'%s' inflates to more than %zu bytes", path,
                          (size_t)SELARAS_DICT_MAX_BYTES);
            break;
        }
        size_t chunk = out->cap > out->len + 1 ? out->cap - out->len - 1 : 0;
        if (chunk < 65536) {
            if (sl_buf_reserve(out, out->len < 65536 ? 65536 : out->len) != 0) {
                st = sl_nomem(err);
                break;
            }
            chunk = out->cap - out->len - 1;
        }
        if (chunk > 1u << 30)
            chunk = 1u << 30;
        zs.next_out = (Bytef *)out->data + out->len;
        zs.avail_out = (uInt)chunk;
        rc = inflate(&zs, Z_NO_FLUSH);
        out->len += chunk - zs.avail_out;
        out->data[out->len] = '\0';
        if (rc == Z_MEM_ERROR) {
            st = sl_nomem(err);
            break;
        }
        if (rc == Z_STREAM_END)
            break;
        if (rc != Z_OK || (zs.avail_in == 0 && zs.avail_out != 0)) {
            st = sl_error(err, SELARAS_ERR_SYNTAX, "'%s' is not valid gzip/dictzip data%s%s",
                          path, zs.msg ? ": " : "", zs.msg ? zs.msg : "");
            break;
        }
    }
    inflateEnd(&zs);
    if (st != SELARAS_OK)
        sl_buf_release(out);
    return st;
}

/* Read NAME.dict.dz, or NAME.dict when there is no compressed one. */
static selaras_status read_dict(const selaras_allocator *mem, sl_buf *name, sl_buf *out,
                                selaras_error *err)
{
    size_t base = name->len;
    sl_buf raw;
    if (sl_buf_append_str(name, ".dict.dz") != 0)
        return sl_nomem(err);
    selaras_error e;
    selaras_status st = sl_read_file(mem, name->data, &raw, &e);
    if (st == SELARAS_OK) {
        st = gunzip(mem, &raw, out, name->data, err);
        sl_buf_release(&raw);
        return st;
    }
    if (st != SELARAS_ERR_IO) {
        if (err)
            *err = e;
        return st;
    }
    name->len = base;
    if (sl_buf_append_str(name, ".dict") != 0)
        return sl_nomem(err);
    st = sl_read_file(mem, name->data, out, err);
    if (st == SELARAS_ERR_IO)
        sl_error(err, SELARAS_ERR_IO, "no %s.dict.dz nor %s.dict", name->data, name->data);
    return st;
}

/* ---- the index ---- */

static int b64_digit(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

/* Parse a base64 number text[a..b); -1 when malformed or too large. */
static int b64_number(const char *text, size_t a, size_t b, size_t *value)
{
    if (a == b || b - a > 8)
        return -1;
    size_t v = 0;
    for (size_t i = a; i < b; i++) {
        int d = b64_digit((unsigned char)text[i]);
        if (d < 0)
            return -1;
        v = v * 64 + (size_t)d;
    }
    *value = v;
    return 0;
}

/* ---- entries ---- */

typedef struct sl_fd {
    selaras_lexicon *lex;
    int reversed;       /* headwords are in the lexicon's target language */
    sl_buf head;        /* the cleaned headword */
    sl_buf item;        /* one cleaned translation */
} sl_fd;

/* Copy text[0..len) into out without parenthesised or bracketed parts, with runs of white
 * space made one space, trimmed. */
static int clean(sl_buf *out, const char *text, size_t len)
{
    out->len = 0;
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            depth--;
        } else if (depth == 0) {
            if (sl_is_ascii_space((unsigned char)c)) {
                if (out->len > 0 && out->data[out->len - 1] != ' ' &&
                    sl_buf_append_byte(out, ' ') != 0)
                    return -1;
            } else if (sl_buf_append_byte(out, c) != 0) {
                return -1;
            }
        }
    }
    if (out->len > 0 && out->data[out->len - 1] == ' ')
        out->len--;
    if (out->data)
        out->data[out->len] = '\0';
    return 0;
}

/* Leading function words that dictionary entries carry and running text translates
 * differently ("to train" / "melatih"): dropped when a word follows. */
static const char *const sl_leading_words[][8] = {
    {"en", "to", "a", "an", "the", NULL},
    {"de", "der", "die", "das", "ein", "eine", "sich", NULL},
    {"fr", "le", "la", "les", "un", "une", "se", NULL},
};

static size_t skip_leading(const char *lang, const char *s, size_t len)
{
    for (size_t k = 0; k < sizeof sl_leading_words / sizeof sl_leading_words[0]; k++) {
        if (strcmp(sl_leading_words[k][0], lang) != 0)
            continue;
        for (size_t w = 1; sl_leading_words[k][w]; w++) {
            size_t n = strlen(sl_leading_words[k][w]);
            if (len > n + 1 && s[n] == ' ' && sl_ascii_ncaseeq(s, n, sl_leading_words[k][w]))
                return n + 1;
        }
    }
    return 0;
}

/* An affix or an elided form ("em-", "-an", "...") is not a word to align. */
static int is_affix(const char *s, size_t len)
{
    return len == 0 || s[0] == '-' || s[len - 1] == '-' || strstr(s, "...") != NULL ||
           strstr(s, "\xE2\x80\xA6") != NULL;
}

/* Add the pair headword / translation text[a..b). */
static selaras_status add_item(sl_fd *fd, const char *text, size_t a, size_t b,
                               selaras_error *err)
{
    if (clean(&fd->item, text + a, b - a) != 0)
        return sl_nomem(err);
    if (is_affix(fd->item.data, fd->item.len))
        return SELARAS_OK;
    const char *head_lang = fd->reversed ? fd->lex->tgt_lang : fd->lex->src_lang;
    const char *item_lang = fd->reversed ? fd->lex->src_lang : fd->lex->tgt_lang;
    size_t hs = skip_leading(head_lang, fd->head.data, fd->head.len);
    size_t is = skip_leading(item_lang, fd->item.data, fd->item.len);
    const char *h = fd->head.data + hs, *t = fd->item.data + is;
    size_t hl = fd->head.len - hs, tl = fd->item.len - is;
    int added;
    selaras_error e;
    selaras_status st = fd->reversed ? sl_lexicon_add_text(fd->lex, t, tl, h, hl, &added, &e)
                                     : sl_lexicon_add_text(fd->lex, h, hl, t, tl, &added, &e);
    if (st == SELARAS_ERR_LIMIT)
        return SELARAS_OK;  /* a long phrase or a proverb: not a lexicon key */
    if (st != SELARAS_OK && err)
        *err = e;
    return st;
}

/* "N." or "N. " at the start of a line: the length to skip, or 0. */
static size_t sense_number(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    size_t d = i;
    while (i < len && sl_is_ascii_digit((unsigned char)s[i]))
        i++;
    if (i == d || i >= len || s[i] != '.')
        return 0;
    i++;
    if (i < len && s[i] != ' ')
        return 0;
    return i;
}

/* The translations of one sense line: items separated by , or ; outside parentheses. A
 * dangling " N." at the end (a sense without a translation) is dropped. */
static selaras_status add_line(sl_fd *fd, const char *s, size_t len, selaras_error *err)
{
    size_t a = sense_number(s, len);
    size_t b = len;
    size_t k = b;
    while (k > a && sl_is_ascii_space((unsigned char)s[k - 1]))
        k--;
    if (k > a && s[k - 1] == '.') {
        size_t d = k - 1;
        while (d > a && sl_is_ascii_digit((unsigned char)s[d - 1]))
            d--;
        if (d < k - 1 && (d == a || s[d - 1] == ' '))
            b = d;
    }
    int depth = 0;
    size_t start = a;
    for (size_t i = a; i <= b; i++) {
        char c = i < b ? s[i] : ',';
        if (c == '(' || c == '[')
            depth++;
        else if ((c == ')' || c == ']') && depth > 0)
            depth--;
        else if ((c == ',' || c == ';') && depth == 0) {
            selaras_status st = add_item(fd, s, start, i, err);
            if (st != SELARAS_OK)
                return st;
            start = i + 1;
        }
    }
    return SELARAS_OK;
}

/* One entry: body[0..len). */
static selaras_status add_entry(sl_fd *fd, const char *body, size_t len, selaras_error *err)
{
    size_t eol = 0;
    while (eol < len && body[eol] != '\n')
        eol++;
    /* Headword: up to the first " /" (pronunciation) or " <" (part of speech). */
    size_t hw = 0;
    while (hw < eol && !(body[hw] == ' ' && hw + 1 < eol &&
                         (body[hw + 1] == '/' || body[hw + 1] == '<')))
        hw++;
    /* every comparison stays inside the first line: an entry may end right after "<" */
    for (size_t i = hw; i + 1 < eol; i++) {
        size_t left = eol - i;
        if (body[i] == '<' && ((left >= 7 && memcmp(body + i, "<suffix", 7) == 0) ||
                               (left >= 7 && memcmp(body + i, "<prefix", 7) == 0) ||
                               (left >= 6 && memcmp(body + i, "<affix", 6) == 0)))
            return SELARAS_OK;
    }
    if (clean(&fd->head, body, hw) != 0)
        return sl_nomem(err);
    if (is_affix(fd->head.data, fd->head.len))
        return SELARAS_OK;
    size_t pos = eol + 1;
    int numbered = -1;
    while (pos < len) {
        size_t end = pos;
        while (end < len && body[end] != '\n')
            end++;
        if (numbered < 0)
            numbered = sense_number(body + pos, end - pos) > 0;
        if (numbered ? sense_number(body + pos, end - pos) > 0 : pos == eol + 1) {
            selaras_status st = add_line(fd, body + pos, end - pos, err);
            if (st != SELARAS_OK)
                return st;
        }
        pos = end + 1;
    }
    return SELARAS_OK;
}

/* "freedict-eng-ind" (the last path component): *from and *to get the codes. */
static int name_languages(const char *name, char *from, char *to)
{
    const char *slash = strrchr(name, '/');
    const char *base = slash ? slash + 1 : name;
    if (strncmp(base, "freedict-", 9) != 0)
        return 0;
    const char *a = base + 9, *dash = strchr(a, '-');
    if (dash == NULL || dash - a < 2 || dash - a > 3 || strlen(dash + 1) < 2 ||
        strlen(dash + 1) > 3)
        return 0;
    memcpy(from, a, (size_t)(dash - a));
    from[dash - a] = '\0';
    memcpy(to, dash + 1, strlen(dash + 1) + 1);
    return 1;
}

static selaras_status read_index(sl_fd *fd, const char *text, size_t len, const char *dict,
                                 size_t dict_len, const char *index_path, selaras_error *err);

selaras_status sl_dict_parse_dictd(selaras_lexicon *lex, const char *text, size_t len,
                                   const char *dict, size_t dict_len, int reversed,
                                   const char *index_path, selaras_error *err)
{
    sl_fd fd = {lex, reversed, {0}, {0}};
    sl_buf_init(&fd.head, &lex->mem);
    sl_buf_init(&fd.item, &lex->mem);
    selaras_status st = read_index(&fd, text, len, dict, dict_len, index_path, err);
    sl_buf_release(&fd.head);
    sl_buf_release(&fd.item);
    return st;
}

static selaras_status read_index(sl_fd *fd, const char *text, size_t len, const char *dict,
                                 size_t dict_len, const char *index_path, selaras_error *err)
{
    size_t pos = 0;
    while (pos < len) {
        size_t end = pos;
        while (end < len && text[end] != '\n')
            end++;
        size_t line_end = end > pos && text[end - 1] == '\r' ? end - 1 : end;
        if (line_end > pos) {
            size_t t1 = pos, t2;
            while (t1 < line_end && text[t1] != '\t')
                t1++;
            t2 = t1 + 1;
            while (t2 < line_end && text[t2] != '\t')
                t2++;
            if (t1 >= line_end || t2 >= line_end)
                return sl_error_at(err, SELARAS_ERR_SYNTAX, text, len, line_end,
                                   "%s: expected 'headword<TAB>offset<TAB>length'",
                                   index_path);
            size_t off, n;
            if (b64_number(text, t1 + 1, t2, &off) != 0)
                return sl_error_at(err, SELARAS_ERR_SYNTAX, text, len, t1 + 1,
                                   "%s: bad base64 offset", index_path);
            if (b64_number(text, t2 + 1, line_end, &n) != 0)
                return sl_error_at(err, SELARAS_ERR_SYNTAX, text, len, t2 + 1,
                                   "%s: bad base64 length", index_path);
            if (off > dict_len || n > dict_len - off)
                return sl_error_at(err, SELARAS_ERR_SYNTAX, text, len, t1 + 1,
                                   "%s: entry past the end of the dictionary", index_path);
            /* 00databaseinfo, 00-database-url…: the dictionary's own metadata. */
            if (!(t1 - pos >= 10 && (memcmp(text + pos, "00database", 10) == 0 ||
                                     memcmp(text + pos, "00-database", 11) == 0))) {
                selaras_status st = add_entry(fd, dict + off, n, err);
                if (st == SELARAS_ERR_ENCODING)
                    return sl_error_at(err, SELARAS_ERR_ENCODING, text, len, pos,
                                       "%s: the entry of this headword is not valid UTF-8",
                                       index_path);
                if (st != SELARAS_OK)
                    return st;
            }
        }
        pos = end + 1;
    }
    return SELARAS_OK;
}

selaras_status sl_dict_read_freedict(selaras_lexicon *lex, const char *path,
                                     selaras_error *err)
{
    sl_buf name, index, dict;
    sl_buf_init(&name, &lex->mem);
    sl_buf_init(&index, &lex->mem);
    sl_buf_init(&dict, &lex->mem);
    size_t n = strlen(path);
    if (sl_has_suffix(path, ".index"))
        n -= 6;
    else if (sl_has_suffix(path, ".dict.dz"))
        n -= 8;
    else if (sl_has_suffix(path, ".dict"))
        n -= 5;
    if (sl_buf_append(&name, path, n) != 0)
        return sl_nomem(err);
    selaras_status st = SELARAS_OK;
    int reversed = 0;
    char from[4], to[4];
    if (name_languages(name.data, from, to)) {
        const char *s3 = sl_freedict_iso3(lex->src_lang), *t3 = sl_freedict_iso3(lex->tgt_lang);
        if (strcmp(from, t3) == 0 && strcmp(to, s3) == 0 && strcmp(s3, t3) != 0)
            reversed = 1;
        else if (!(strcmp(from, s3) == 0 && strcmp(to, t3) == 0))
            st = sl_error(err, SELARAS_ERR_LANGUAGE,
                          "%s is a %s-%s dictionary; the lexicon is %s->%s", name.data, from,
                          to, lex->src_lang, lex->tgt_lang);
    }
    if (st == SELARAS_OK && sl_buf_append_str(&name, ".index") != 0)
        st = sl_nomem(err);
    if (st == SELARAS_OK)
        st = sl_read_file(&lex->mem, name.data, &index, err);
    if (st == SELARAS_OK) {
        name.len = n;
        name.data[n] = '\0';
        st = read_dict(&lex->mem, &name, &dict, err);
    }
    if (st == SELARAS_OK) {
        name.len = n;
        name.data[n] = '\0';
        if (sl_buf_append_str(&name, ".index") != 0)
            st = sl_nomem(err);
        else
            st = sl_dict_parse_dictd(lex, index.data ? index.data : "", index.len,
                                     dict.data ? dict.data : "", dict.len, reversed, name.data,
                                     err);
    }
    sl_buf_release(&name);
    sl_buf_release(&index);
    sl_buf_release(&dict);
    return st;
}
