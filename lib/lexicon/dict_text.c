/* Line-based dictionaries: TSV (`source<TAB>target`) and hunalign (`target @ source`).
 *
 * hunalign's README: "An item consists of a target language phrase and a source language
 * phrase, separated by the " @ " sequence" (hunalign 1.1, README, section "Dictionary"). */
#include "config.h"

#include <string.h>

#include "lexicon.h"
#include "text/text.h"

/* Check that the whole file is UTF-8 without NUL bytes; report the first bad byte. */
static selaras_status check_utf8(const char *text, size_t len, selaras_error *err)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x01 && c < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t n;
        sl_utf8_problem p = sl_utf8_check((const unsigned char *)text + i, len - i, &cp, &n);
        if (p != SL_UTF8_OK)
            return sl_error_at(err, SELARAS_ERR_ENCODING, text, len, i, "invalid UTF-8 (%s)",
                               sl_utf8_problem_name(p));
        i += n;
    }
    return SELARAS_OK;
}

/* Trim ASCII white space around text[*a..*b). */
static void trim(const char *text, size_t *a, size_t *b)
{
    while (*a < *b && sl_is_ascii_space((unsigned char)text[*a]))
        (*a)++;
    while (*b > *a && sl_is_ascii_space((unsigned char)text[*b - 1]))
        (*b)--;
}

static const char *find_sep(const char *s, size_t len, const char *sep, size_t seplen)
{
    for (size_t i = 0; i + seplen <= len; i++)
        if (memcmp(s + i, sep, seplen) == 0)
            return s + i;
    return NULL;
}

selaras_status sl_dict_read_tsv(selaras_lexicon *lex, const char *text, size_t len,
                                int hunalign, selaras_error *err)
{
    selaras_status st = check_utf8(text, len, err);
    if (st != SELARAS_OK)
        return st;
    const char *sep = hunalign ? " @ " : "\t";
    size_t seplen = strlen(sep);
    size_t pos = 0;
    while (pos < len) {
        size_t end = pos;
        while (end < len && text[end] != '\n' && text[end] != '\r')
            end++;
        size_t next = end;
        if (next < len && text[next] == '\r')
            next++;
        if (next < len && text[next] == '\n' && (next == end || text[end] == '\r'))
            next++;
        size_t a = pos, b = end;
        trim(text, &a, &b);
        if (a == b || text[a] == '#') {
            pos = next;
            continue;
        }
        const char *s = find_sep(text + pos, end - pos, sep, seplen);
        if (s == NULL)
            return sl_error_at(err, SELARAS_ERR_SYNTAX, text, len, end,
                               hunalign ? "expected 'target @ source': no ' @ '"
                                        : "expected 'source<TAB>target': no TAB");
        size_t mid = (size_t)(s - text);
        if (!hunalign) {
            const char *extra = find_sep(text + mid + 1, end - mid - 1, "\t", 1);
            if (extra != NULL)
                return sl_error_at(err, SELARAS_ERR_SYNTAX, text, len, (size_t)(extra - text),
                                   "more than two TAB-separated fields");
        }
        size_t la = pos, lb = mid, ra = mid + seplen, rb = end;
        trim(text, &la, &lb);
        trim(text, &ra, &rb);
        if (la == lb)
            return sl_error_at(err, SELARAS_ERR_SYNTAX, text, len, pos, "empty %s",
                               hunalign ? "target" : "source");
        if (ra == rb)
            return sl_error_at(err, SELARAS_ERR_SYNTAX, text, len, mid + seplen, "empty %s",
                               hunalign ? "source" : "target");
        const char *src = text + la, *tgt = text + ra;
        size_t src_len = lb - la, tgt_len = rb - ra;
        if (hunalign) {
            src = text + ra;
            src_len = rb - ra;
            tgt = text + la;
            tgt_len = lb - la;
        }
        int added;
        selaras_error e;
        st = sl_lexicon_add_text(lex, src, src_len, tgt, tgt_len, &added, &e);
        /* A phrase too long to be a lexicon key is skipped; the rest of the file counts. */
        if (st != SELARAS_OK && st != SELARAS_ERR_LIMIT) {
            if (err)
                *err = e;
            return st;
        }
        pos = next;
    }
    return SELARAS_OK;
}
