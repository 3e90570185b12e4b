/* Serialisation of units: TMX 1.4, TSV, JSONL and plain line-aligned text. */
#include "config.h"

#include <string.h>

#include "memory.h"

/* ---- escaping ---- */

enum { ESC_TEXT, ESC_ATTR };

/* Append text XML-escaped, leaving out the characters XML 1.0 forbids (C0 controls other
 * than tab, LF and CR; U+FFFE and U+FFFF), which are counted. The text is valid UTF-8. */
static int append_xml(selaras_writer *w, sl_buf *b, const char *s, size_t len, int mode)
{
    size_t run = 0; /* start of the bytes not yet copied */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        size_t skip = 1;
        if (c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"' && c != 0xEF)
            continue;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': if (mode == ESC_ATTR) rep = "&quot;"; else continue; break;
        case '\t': if (mode == ESC_ATTR) rep = "&#9;"; else continue; break;
        case '\n': if (mode == ESC_ATTR) rep = "&#10;"; else continue; break;
        case '\r': rep = "&#13;"; break;
        case 0xEF:
            if (i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
                ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)) {
                rep = "";
                skip = 3;
                w->counts[SELARAS_COUNT_STRIPPED]++;
                break;
            }
            continue;
        default: /* another C0 control */
            rep = "";
            w->counts[SELARAS_COUNT_STRIPPED]++;
        }
        if (sl_buf_append(b, s + run, i - run) != 0 || sl_buf_append_str(b, rep) != 0)
            return -1;
        i += skip - 1;
        run = i + 1;
    }
    return sl_buf_append(b, s + run, len - run);
}

static int put(sl_buf *b, const char *s)
{
    return sl_buf_append_str(b, s);
}

static int put_attr(selaras_writer *w, sl_buf *b, const char *name, const char *value)
{
    return put(b, " ") || put(b, name) || put(b, "=\"") ||
           append_xml(w, b, value, strlen(value), ESC_ATTR) || put(b, "\"");
}

/* ---- TMX ---- */

/* The properties and notes of owner, all on one line: lead before the first, tail after
 * the last (nothing when there are none). */
static int tmx_props(selaras_writer *w, sl_buf *b, const selaras_unit *u, size_t owner,
                     const char *lead, const char *tail)
{
    int any = 0;
    for (size_t i = 0; i < u->nprops; i++) {
        const sl_prop *p = &u->props[i];
        if (p->owner != owner)
            continue;
        int is_note = p->type == SL_NONE;
        if ((!any && put(b, lead)) || put(b, is_note ? "<note" : "<prop") ||
            (!is_note && put_attr(w, b, "type", sl_unit_str(u, p->type))) ||
            (p->lang != SL_NONE && put_attr(w, b, "xml:lang", sl_unit_str(u, p->lang))) ||
            put(b, ">") ||
            append_xml(w, b, sl_unit_str(u, p->value), p->value_len, ESC_TEXT) ||
            put(b, is_note ? "</note>" : "</prop>"))
            return -1;
        any = 1;
    }
    return any ? put(b, tail) : 0;
}

static int tmx_attrs(selaras_writer *w, sl_buf *b, const selaras_unit *u, size_t owner)
{
    for (size_t i = 0; i < u->nattrs; i++)
        if (u->attrs[i].owner == owner &&
            put_attr(w, b, sl_unit_str(u, u->attrs[i].name), sl_unit_str(u, u->attrs[i].value)))
            return -1;
    return 0;
}

static int tmx_variant(selaras_writer *w, sl_buf *b, const selaras_unit *u, size_t v)
{
    const char *text = sl_unit_str(u, u->vars[v].text);
    size_t len = u->vars[v].text_len;
    size_t lead = sl_space_prefix(text, len);
    size_t trail = lead < len ? sl_space_suffix(text + lead, len - lead) : 0;
    return put(b, "      <tuv") || put_attr(w, b, "xml:lang", sl_unit_str(u, u->vars[v].lang)) ||
           tmx_attrs(w, b, u, v) || put(b, ">") || tmx_props(w, b, u, v, "", "") ||
           put(b, "<seg>") || append_xml(w, b, text + lead, len - lead - trail, ESC_TEXT) ||
           put(b, "</seg></tuv>\n");
}

static int tmx_unit(selaras_writer *w, sl_buf *b, const selaras_unit *u)
{
    if (put(b, "    <tu") || tmx_attrs(w, b, u, SELARAS_UNIT_WHOLE) || put(b, ">\n") ||
        tmx_props(w, b, u, SELARAS_UNIT_WHOLE, "      ", "\n"))
        return -1;
    char p[4];
    for (int pass = 0; pass < 2; pass++)
        for (size_t v = 0; v < u->nvars; v++) {
            sl_primary_of(sl_unit_str(u, u->vars[v].lang), p);
            int is_src = strcmp(p, w->src_primary) == 0;
            if (is_src == (pass == 0) && tmx_variant(w, b, u, v))
                return -1;
        }
    return put(b, "    </tu>\n");
}

static int tmx_begin(selaras_writer *w, sl_buf *b)
{
    if (put(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header") ||
        put_attr(w, b, "creationtool", w->tool) ||
        put_attr(w, b, "creationtoolversion", w->tool_version) ||
        put_attr(w, b, "segtype", "sentence") || put_attr(w, b, "o-tmf", "selaras") ||
        put_attr(w, b, "adminlang", w->adminlang) || put_attr(w, b, "srclang", w->src_tag) ||
        put_attr(w, b, "datatype", "plaintext") || put_attr(w, b, "creationdate", w->stamp))
        return -1;
    if (w->header.nprops == 0)
        return put(b, "/>\n  <body>\n");
    return put(b, ">\n") || tmx_props(w, b, &w->header, SELARAS_UNIT_WHOLE, "    ", "\n") ||
           put(b, "  </header>\n  <body>\n");
}

/* ---- TSV, JSONL, plain ---- */

static int tsv_field(sl_buf *b, const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep;
        switch (s[i]) {
        case '\t': rep = "\\t"; break;
        case '\n': rep = "\\n"; break;
        case '\r': rep = "\\r"; break;
        case '\\': rep = "\\\\"; break;
        default: continue;
        }
        if (sl_buf_append(b, s + run, i - run) || put(b, rep))
            return -1;
        run = i + 1;
    }
    return sl_buf_append(b, s + run, len - run);
}

static int json_string(sl_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    if (sl_buf_append_byte(b, '"'))
        return -1;
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[7];
        const char *rep = esc;
        if (c == '"')
            rep = "\\\"";
        else if (c == '\\')
            rep = "\\\\";
        else if (c == '\n')
            rep = "\\n";
        else if (c == '\t')
            rep = "\\t";
        else if (c < 0x20) {
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            esc[6] = '\0';
        } else
            continue;
        if (sl_buf_append(b, s + run, i - run) || put(b, rep))
            return -1;
        run = i + 1;
    }
    return sl_buf_append(b, s + run, len - run) || sl_buf_append_byte(b, '"');
}

static int plain_line(sl_buf *b, const char *s, size_t len)
{
    size_t start = b->len;
    if (sl_buf_append(b, s, len))
        return -1;
    for (size_t i = start; i < b->len; i++)
        if (b->data[i] == '\n' || b->data[i] == '\r' || b->data[i] == '\t')
            b->data[i] = ' ';
    return sl_buf_append_byte(b, '\n');
}

static int json_member(sl_buf *b, const char *key, const char *value, int quoted)
{
    if (value == NULL)
        return 0;
    if (put(b, ", ") || json_string(b, key, strlen(key)) || put(b, ": "))
        return -1;
    return quoted ? json_string(b, value, strlen(value)) : put(b, value);
}

/* 1 when s is a JSON array of decimal integers as push_bead_indices() writes it. */
static int is_index_array(const char *s)
{
    if (*s++ != '[')
        return 0;
    if (*s == ']')
        return s[1] == '\0';
    for (;;) {
        if (*s < '0' || *s > '9')
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
        if (*s == ']')
            return s[1] == '\0';
        if (s[0] != ',' || s[1] != ' ')
            return 0;
        s += 2;
    }
}

static int json_indices(sl_buf *b, const char *key, const char *value)
{
    return value != NULL && is_index_array(value) ? json_member(b, key, value, 0) : 0;
}

static int text_unit(selaras_writer *w, const selaras_unit *u, int *unpaired)
{
    size_t s = sl_unit_find_lang(u, w->src_primary), t = sl_unit_find_lang(u, w->tgt_primary);
    if (s == SL_NONE || t == SL_NONE) {
        *unpaired = 1;
        return 0;
    }
    const char *src = sl_unit_str(u, u->vars[s].text), *tgt = sl_unit_str(u, u->vars[t].text);
    size_t slen = u->vars[s].text_len, tlen = u->vars[t].text_len;
    const char *score = selaras_unit_prop(u, "x-score"), *bead = selaras_unit_prop(u, "x-bead");
    const char *sdoc = selaras_unit_prop(u, "x-source-doc");
    const char *tdoc = selaras_unit_prop(u, "x-target-doc");
    const char *date = selaras_unit_prop(u, "x-doc-date");
    sl_buf *b = &w->out[0].buf;
    double ignored;
    if (score != NULL && !sl_parse_decimal(score, strlen(score), &ignored))
        score = NULL;
    switch (w->format) {
    case SELARAS_FORMAT_TSV: {
        const char *rest[5] = {score, bead, sdoc, tdoc, date};
        if (tsv_field(b, src, slen) || sl_buf_append_byte(b, '\t') || tsv_field(b, tgt, tlen))
            return -1;
        for (size_t i = 0; i < 5; i++)
            if (sl_buf_append_byte(b, '\t') ||
                (rest[i] != NULL && tsv_field(b, rest[i], strlen(rest[i]))))
                return -1;
        return sl_buf_append_byte(b, '\n');
    }
    case SELARAS_FORMAT_JSONL:
        return put(b, "{\"source\": ") || json_string(b, src, slen) || put(b, ", \"target\": ") ||
               json_string(b, tgt, tlen) || json_member(b, "source_lang", w->src_tag, 1) ||
               json_member(b, "target_lang", w->tgt_tag, 1) ||
               json_member(b, "score", score, 0) || json_member(b, "bead", bead, 1) ||
               json_indices(b, "src", selaras_unit_prop(u, "x-src")) ||
               json_indices(b, "tgt", selaras_unit_prop(u, "x-tgt")) ||
               json_member(b, "source_doc", sdoc, 1) || json_member(b, "target_doc", tdoc, 1) ||
               json_member(b, "date", date, 1) || put(b, "}\n");
    default:
        return plain_line(b, src, slen) || plain_line(&w->out[1].buf, tgt, tlen);
    }
}

/* ---- entry points ---- */

#define FLUSH_AT (1u << 16)

selaras_status sl_emit_begin(selaras_writer *w, selaras_error *err)
{
    w->begun = 1;
    if (w->format != SELARAS_FORMAT_TMX)
        return SELARAS_OK;
    if (tmx_begin(w, &w->out[0].buf) != 0)
        return sl_nomem(err);
    return SELARAS_OK;
}

int sl_emit_unit_bytes(selaras_writer *w, const selaras_unit *u, int *unpaired)
{
    *unpaired = 0;
    return w->format == SELARAS_FORMAT_TMX ? tmx_unit(w, &w->out[0].buf, u)
                                           : text_unit(w, u, unpaired);
}

selaras_status sl_emit_unit(selaras_writer *w, const selaras_unit *u, selaras_error *err)
{
    int unpaired = 0;
    if (sl_emit_unit_bytes(w, u, &unpaired) != 0)
        return sl_nomem(err);
    w->counts[unpaired ? SELARAS_COUNT_SKIP_UNPAIRED : SELARAS_COUNT_WRITTEN]++;
    for (size_t i = 0; i < w->nout; i++) {
        selaras_status st = sl_out_flush(w, i, FLUSH_AT, err);
        if (st != SELARAS_OK)
            return st;
    }
    return SELARAS_OK;
}

selaras_status sl_emit_end(selaras_writer *w, selaras_error *err)
{
    if (w->format == SELARAS_FORMAT_TMX && put(&w->out[0].buf, "  </body>\n</tmx>\n") != 0)
        return sl_nomem(err);
    return SELARAS_OK;
}
