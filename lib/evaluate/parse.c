/* Reading bead files: the CLI's beads format ("[8, 9]:[10]") and its JSONL (objects with
 * the arrays "src" and "tgt"), one bead a line. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "evaluate.h"

typedef struct cursor {
    const char *text;
    size_t len, pos, end; /* end: the end of the current line */
    selaras_error *err;
} cursor;

static void skip_blanks(cursor *c)
{
    while (c->pos < c->end && (c->text[c->pos] == ' ' || c->text[c->pos] == '\t' ||
                               c->text[c->pos] == '\r'))
        c->pos++;
}

static int peek(const cursor *c)
{
    return c->pos < c->end ? (unsigned char)c->text[c->pos] : -1;
}

static selaras_status fault(cursor *c, const char *what)
{
    return sl_error_at(c->err, SELARAS_ERR_SYNTAX, c->text, c->len, c->pos, "%s", what);
}

/* "[1, 2]" into v (SELARAS_BEADS_MAX_SIDE entries); *n receives the count. */
static selaras_status parse_side(cursor *c, size_t *v, size_t *n)
{
    *n = 0;
    if (peek(c) != '[')
        return fault(c, "expected '[' (a list of segment numbers)");
    c->pos++;
    skip_blanks(c);
    if (peek(c) == ']') {
        c->pos++;
        return SELARAS_OK;
    }
    for (;;) {
        skip_blanks(c);
        if (!sl_is_ascii_digit(peek(c)))
            return fault(c, "expected a segment number");
        size_t x = 0;
        while (sl_is_ascii_digit(peek(c))) {
            size_t d = (size_t)(c->text[c->pos] - '0');
            if (x > (SIZE_MAX - d) / 10)
                return fault(c, "segment number too large");
            x = x * 10 + d;
            c->pos++;
        }
        if (*n == SELARAS_BEADS_MAX_SIDE)
            return sl_error_at(c->err, SELARAS_ERR_LIMIT, c->text, c->len, c->pos,
                               "a bead side of more than %d segments", SELARAS_BEADS_MAX_SIDE);
        v[(*n)++] = x;
        skip_blanks(c);
        if (peek(c) == ']') {
            c->pos++;
            return SELARAS_OK;
        }
        if (peek(c) != ',')
            return fault(c, "expected ',' or ']'");
        c->pos++;
    }
}

/* Past a JSON string at c->pos (its opening quote); *plain: it has no escape. */
static selaras_status skip_string(cursor *c, int *plain)
{
    *plain = 1;
    c->pos++;
    while (c->pos < c->end && c->text[c->pos] != '"') {
        if (c->text[c->pos] == '\\') {
            *plain = 0;
            c->pos++;
        }
        c->pos++;
    }
    if (c->pos >= c->end)
        return fault(c, "unterminated string");
    c->pos++;
    return SELARAS_OK;
}

/* Past any JSON value (not checked beyond its brackets and strings). */
static selaras_status skip_value(cursor *c)
{
    int plain, depth = 0;
    for (;;) {
        int ch = peek(c);
        if (ch < 0)
            return fault(c, "unexpected end of line in a value");
        if (ch == '"') {
            selaras_status st = skip_string(c, &plain);
            if (st != SELARAS_OK)
                return st;
            continue;
        }
        if ((ch == '}' || ch == ']' || ch == ',') && depth == 0)
            return SELARAS_OK;
        if (ch == '{' || ch == '[')
            depth++;
        else if (ch == '}' || ch == ']')
            depth--;
        c->pos++;
    }
}

static selaras_status parse_object(cursor *c, size_t *s, size_t *ns, size_t *t, size_t *nt)
{
    int have[2] = {0, 0};
    c->pos++; /* '{' */
    skip_blanks(c);
    if (peek(c) == '}')
        c->pos++;
    else
        for (;;) {
            skip_blanks(c);
            if (peek(c) != '"')
                return fault(c, "expected a member name");
            size_t key = c->pos + 1;
            int plain;
            selaras_status st = skip_string(c, &plain);
            if (st != SELARAS_OK)
                return st;
            size_t klen = c->pos - 1 - key;
            int which = !plain || klen != 3                       ? -1
                        : memcmp(c->text + key, "src", 3) == 0 ? 0
                        : memcmp(c->text + key, "tgt", 3) == 0 ? 1
                                                               : -1;
            skip_blanks(c);
            if (peek(c) != ':')
                return fault(c, "expected ':'");
            c->pos++;
            skip_blanks(c);
            if (which == 0)
                st = parse_side(c, s, ns);
            else if (which == 1)
                st = parse_side(c, t, nt);
            else
                st = skip_value(c);
            if (st != SELARAS_OK)
                return st;
            if (which >= 0)
                have[which] = 1;
            skip_blanks(c);
            if (peek(c) == '}') {
                c->pos++;
                break;
            }
            if (peek(c) != ',')
                return fault(c, "expected ',' or '}'");
            c->pos++;
        }
    if (!have[0] || !have[1])
        return fault(c, "a bead object needs the arrays \"src\" and \"tgt\"");
    return SELARAS_OK;
}

selaras_status selaras_beads_parse(selaras_beads *b, const char *text, size_t len,
                                   selaras_error *err)
{
    if (b == NULL || (text == NULL && len > 0))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "bead list or text is NULL");
    size_t n0 = b->n, nidx0 = b->nidx;
    cursor c = {text, len, 0, 0, err};
    size_t s[SELARAS_BEADS_MAX_SIDE], t[SELARAS_BEADS_MAX_SIDE];
    selaras_status st = SELARAS_OK;
    while (st == SELARAS_OK && c.pos < len) {
        const char *nl = memchr(text + c.pos, '\n', len - c.pos);
        c.end = nl != NULL ? (size_t)(nl - text) : len;
        skip_blanks(&c);
        size_t ns = 0, nt = 0;
        if (peek(&c) < 0) {
            c.pos = c.end + 1;
            continue;
        }
        if (peek(&c) == '{')
            st = parse_object(&c, s, &ns, t, &nt);
        else if (peek(&c) == '[') {
            st = parse_side(&c, s, &ns);
            if (st == SELARAS_OK) {
                skip_blanks(&c);
                if (peek(&c) != ':')
                    st = fault(&c, "expected ':' between the source and target lists");
                else {
                    c.pos++;
                    skip_blanks(&c);
                    st = parse_side(&c, t, &nt);
                }
            }
        } else
            st = fault(&c, "expected a bead: '[0, 1]:[2]' or a JSON object");
        if (st == SELARAS_OK) {
            skip_blanks(&c);
            if (peek(&c) >= 0)
                st = fault(&c, "unexpected text after the bead");
        }
        if (st == SELARAS_OK && sl_beads_push(b, s, ns, t, nt) != 0)
            st = sl_nomem(err);
        c.pos = c.end + 1;
    }
    if (st != SELARAS_OK) {
        b->n = n0;
        b->nidx = nidx0;
    }
    return st;
}
