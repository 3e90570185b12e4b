/* A look at the TMX reader's raw input before libxml2 parses it, for what libxml2 would
 * accept or take too long over: more than SELARAS_TMX_MAX_ATTRIBUTES attributes in one
 * tag (libxml2 checks them for repeats pair by pair: time grows with their square), and
 * UTF-16 bytes that declare encoding="UTF-8". A small state machine over the bytes, one
 * pass, whatever the chunks: tags, quoted values, comments, CDATA and declarations; UTF-16
 * input is read as 16-bit units. */
#include "config.h"

#include <string.h>

#include "reader.h"

enum { S_TEXT, S_LT, S_TAG, S_QUOTE, S_BANG, S_COMMENT, S_CDATA, S_DECL };

/* Feed one character (ASCII, or 0x80 for anything else) to the state machine; 1 when the
 * tag being read has too many attributes. */
static int step(sl_tmx_scan *s, unsigned c)
{
    switch (s->state) {
    case S_TEXT:
        if (c == '<')
            s->state = S_LT;
        break;
    case S_LT:
        s->attrs = 0;
        s->state = c == '!' ? S_BANG : c == '?' || c == '/' ? S_DECL : S_TAG;
        s->run = 0;
        if (s->state == S_TAG)
            return step(s, c);
        break;
    case S_TAG:
        if (c == '"' || c == '\'') {
            s->quote = c;
            s->state = S_QUOTE;
        } else if (c == '=') {
            if (++s->attrs > SELARAS_TMX_MAX_ATTRIBUTES)
                return 1;
        } else if (c == '>') {
            s->state = S_TEXT;
        }
        break;
    case S_QUOTE:
        if (c == s->quote)
            s->state = S_TAG;
        break;
    case S_BANG: { /* "<!" then "--" (a comment) or "[CDATA[", else a declaration */
        static const char comment[] = "--", cdata[] = "[CDATA[";
        size_t k = s->run++;
        int in_comment = k < 2 && (unsigned char)comment[k] == c && s->maybe != 2;
        int in_cdata = k < 7 && (unsigned char)cdata[k] == c && s->maybe != 1;
        if (in_comment && k == 1) {
            s->state = S_COMMENT;
            s->run = 0;
        } else if (in_cdata && k == 6) {
            s->state = S_CDATA;
            s->run = 0;
        } else if (in_comment || in_cdata) {
            s->maybe = in_comment ? 1 : 2;
        } else {
            s->state = c == '>' ? S_TEXT : S_DECL;
        }
        if (s->state != S_BANG)
            s->maybe = 0;
        break;
    }
    case S_COMMENT: /* to "-->" */
    case S_CDATA:   /* to "]]>" */
        if (c == (s->state == S_COMMENT ? '-' : ']'))
            s->run++;
        else if (c == '>' && s->run >= 2)
            s->state = S_TEXT;
        else
            s->run = 0;
        break;
    case S_DECL:
        if (c == '>')
            s->state = S_TEXT;
        break;
    }
    return 0;
}

/* The encoding the first bytes show: 0 UTF-8 (or unknown), 1 UTF-16LE, 2 UTF-16BE; *skip
 * is the byte order mark's length. */
static int sniff(const unsigned char *b, size_t n, size_t *skip)
{
    *skip = 0;
    if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        *skip = 2;
        return 1;
    }
    if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        *skip = 2;
        return 2;
    }
    if (n >= 2 && b[0] == '<' && b[1] == 0)
        return 1;
    if (n >= 2 && b[0] == 0 && b[1] == '<')
        return 2;
    return 0;
}

/* In the ASCII text of the XML declaration at the start, 1 when it declares UTF-8. */
static int declares_utf8(const char *decl, size_t n)
{
    if (n < 5 || memcmp(decl, "<?xml", 5) != 0)
        return 0;
    const char *end = memchr(decl, '>', n);
    size_t len = end != NULL ? (size_t)(end - decl) : n;
    for (size_t i = 0; i + 8 < len; i++) {
        if (memcmp(decl + i, "encoding", 8) != 0)
            continue;
        size_t j = i + 8;
        while (j < len && (decl[j] == ' ' || decl[j] == '=' || decl[j] == '\t'))
            j++;
        if (j >= len || (decl[j] != '"' && decl[j] != '\''))
            return 0;
        char q = decl[j++], v[8];
        size_t k = 0;
        while (j < len && decl[j] != q && k < sizeof v - 1)
            v[k++] = (char)sl_ascii_lower((unsigned char)decl[j++]);
        v[k] = '\0';
        return strcmp(v, "utf-8") == 0 || strcmp(v, "utf8") == 0;
    }
    return 0;
}

size_t sl_tmx_scan_bytes(sl_tmx_scan *s, const char *buf, size_t n)
{
    const unsigned char *b = (const unsigned char *)buf;
    size_t i = 0;
    if (!s->started && n > 0) {
        s->started = 1;
        s->utf16 = sniff(b, n, &i);
        s->decl_done = !s->utf16;
    }
    for (; i < n; i++) {
        if (!s->utf16 && s->decl_done && (s->state == S_TEXT || s->state == S_QUOTE)) {
            /* text and quoted values are most of the input: skip to what ends them */
            const void *hit = memchr(b + i, s->state == S_TEXT ? '<' : (int)s->quote, n - i);
            if (hit == NULL)
                break;
            i = (size_t)((const unsigned char *)hit - b);
        } else if (!s->utf16 && s->state == S_TAG) {
            /* in a tag only quotes, '=' and '>' matter */
            while (i < n && b[i] != '"' && b[i] != '\'' && b[i] != '=' && b[i] != '>')
                i++;
            if (i == n)
                break;
        }
        unsigned c = b[i];
        if (s->utf16) { /* two bytes a unit; the first may come from the previous chunk */
            if (!s->half) {
                s->pending = c;
                s->half = 1;
                continue;
            }
            s->half = 0;
            c = s->utf16 == 1 ? s->pending | c << 8 : s->pending << 8 | c;
        }
        if (!s->decl_done) { /* UTF-16: the ASCII of the XML declaration, to its '>' */
            s->decl[s->decl_len++] = c < 0x80 ? (char)c : '?';
            if (c == '>' || s->decl_len == sizeof s->decl) {
                s->decl_done = 1;
                if (declares_utf8(s->decl, s->decl_len)) {
                    s->problem = SL_SCAN_UTF16_AS_UTF8;
                    return i;
                }
            }
        }
        if (step(s, c < 0x80 ? c : 0x80)) {
            s->problem = SL_SCAN_TOO_MANY_ATTRIBUTES;
            return i;
        }
    }
    return n;
}
