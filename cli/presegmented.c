/* align --presegmented: one segment per line, either plain lines or the JSON Lines of
 * "selaras segment --format jsonl" (kinds kept). The input is JSON Lines when its first
 * line that is not blank starts with '{'; every line that is not blank must then be an
 * object of that schema, or the input is refused with the line that is not. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "progress.h"

/* A parse position in one line, with the first fault found. */
typedef struct jl {
    const char *s, *end;
    const char *problem; /* NULL while all is well */
    char *text;          /* the "text" member, unescaped (malloc'ed) */
    size_t text_len;
    int kind;            /* -1 until "kind" is read */
    int has_text;
} jl;

static void skip_space(jl *p)
{
    while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\r'))
        p->s++;
}

static int fail(jl *p, const char *problem)
{
    if (p->problem == NULL)
        p->problem = problem;
    return -1;
}

static int hex4(const char *s, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16u;
        if (d == 16)
            return -1;
        *v = *v * 16 + d;
    }
    return 0;
}

static size_t put_utf8(char *out, unsigned cp)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A JSON string at p->s; with out, its unescaped bytes are stored there (malloc'ed). */
static int string(jl *p, char **out, size_t *len)
{
    if (p->s >= p->end || *p->s != '"')
        return fail(p, "a string was expected");
    const char *s = ++p->s;
    char *buf = NULL;
    if (out != NULL && (buf = malloc((size_t)(p->end - s) + 1)) == NULL)
        return fail(p, "out of memory");
    size_t n = 0;
    while (s < p->end && *s != '"') {
        if ((unsigned char)*s < 0x20) {
            free(buf);
            return fail(p, "a control character inside a string");
        }
        if (*s != '\\') {
            if (buf != NULL)
                buf[n] = *s;
            n++, s++;
            continue;
        }
        if (++s >= p->end)
            break;
        char c = *s++, e;
        switch (c) {
        case '"': case '\\': case '/': e = c; break;
        case 'b': e = '\b'; break;
        case 'f': e = '\f'; break;
        case 'n': e = '\n'; break;
        case 'r': e = '\r'; break;
        case 't': e = '\t'; break;
        case 'u': {
            unsigned cp, lo;
            if (p->end - s < 4 || hex4(s, &cp) != 0) {
                free(buf);
                return fail(p, "a bad \\u escape");
            }
            s += 4;
            if (cp >= 0xD800 && cp < 0xDC00) { /* a surrogate pair */
                if (p->end - s < 6 || s[0] != '\\' || s[1] != 'u' || hex4(s + 2, &lo) != 0 ||
                    lo < 0xDC00 || lo > 0xDFFF) {
                    free(buf);
                    return fail(p, "a lone surrogate in a \\u escape");
                }
                s += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                free(buf);
                return fail(p, "a lone surrogate in a \\u escape");
            }
            char tmp[4];
            size_t k = put_utf8(tmp, cp);
            if (buf != NULL)
                memcpy(buf + n, tmp, k); /* an escape takes at least 6 bytes: room enough */
            n += k;
            continue;
        }
        default:
            free(buf);
            return fail(p, "a bad escape in a string");
        }
        if (buf != NULL)
            buf[n] = e;
        n++;
    }
    if (s >= p->end) {
        free(buf);
        return fail(p, "an unterminated string");
    }
    p->s = s + 1;
    if (buf != NULL) {
        buf[n] = '\0';
        *out = buf;
        *len = n;
    }
    return 0;
}

static int digits(const char **s, const char *end)
{
    const char *start = *s;
    while (*s < end && **s >= '0' && **s <= '9')
        (*s)++;
    return *s > start;
}

/* Whether s[0..n) is a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int is_number(const char *s, size_t n)
{
    const char *end = s + n;
    if (s < end && *s == '-')
        s++;
    if (s < end && *s == '0')
        s++;
    else if (!digits(&s, end))
        return 0;
    if (s < end && *s == '.' && (++s, !digits(&s, end)))
        return 0;
    if (s < end && (*s == 'e' || *s == 'E')) {
        s++;
        if (s < end && (*s == '+' || *s == '-'))
            s++;
        if (!digits(&s, end))
            return 0;
    }
    return s == end;
}

/* A scalar that is not a string (a number, true, false, null): skipped. */
static int scalar(jl *p)
{
    const char *start = p->s;
    while (p->s < p->end && strchr(",} \t\r", *p->s) == NULL)
        p->s++;
    size_t n = (size_t)(p->s - start);
    if (n == 0)
        return fail(p, "a value was expected");
    if ((n == 4 && (memcmp(start, "true", 4) == 0 || memcmp(start, "null", 4) == 0)) ||
        (n == 5 && memcmp(start, "false", 5) == 0))
        return 0;
    return is_number(start, n) ? 0 : fail(p, "a value that is not a JSON scalar");
}

static int member(jl *p)
{
    char *key = NULL;
    size_t klen;
    if (string(p, &key, &klen) != 0)
        return -1;
    skip_space(p);
    int rc = 0;
    if (p->s >= p->end || *p->s != ':') {
        rc = fail(p, "':' was expected after a member name");
    } else {
        p->s++;
        skip_space(p);
        if (strcmp(key, "text") == 0) {
            if (p->has_text)
                rc = fail(p, "two \"text\" members");
            else if ((rc = string(p, &p->text, &p->text_len)) == 0)
                p->has_text = 1;
        } else if (strcmp(key, "kind") == 0) {
            char *kind = NULL;
            size_t len;
            if ((rc = string(p, &kind, &len)) == 0) {
                p->kind = -1;
                for (int k = SELARAS_SEGMENT_SENTENCE; k <= SELARAS_SEGMENT_BOILERPLATE; k++)
                    if (strcmp(kind, selaras_segment_kind_name((selaras_segment_kind)k)) == 0)
                        p->kind = k;
                if (p->kind < 0)
                    rc = fail(p, "\"kind\" is not sentence, title or boilerplate");
                free(kind);
            }
        } else if (p->s < p->end && *p->s == '"') {
            rc = string(p, NULL, NULL);
        } else if (p->s < p->end && (*p->s == '{' || *p->s == '[')) {
            rc = fail(p, "a nested value");
        } else {
            rc = scalar(p);
        }
    }
    free(key);
    return rc;
}

/* One line: an object with a "kind" and a "text". Returns 0 or -1 (p->problem set). */
static int parse_line(jl *p)
{
    skip_space(p);
    if (p->s >= p->end || *p->s != '{')
        return fail(p, "not a JSON object");
    p->s++;
    skip_space(p);
    if (p->s < p->end && *p->s == '}') {
        p->s++;
    } else {
        for (;;) {
            if (member(p) != 0)
                return -1;
            skip_space(p);
            if (p->s < p->end && *p->s == ',') {
                p->s++;
                skip_space(p);
                continue;
            }
            if (p->s < p->end && *p->s == '}') {
                p->s++;
                break;
            }
            return fail(p, "',' or '}' was expected");
        }
    }
    skip_space(p);
    if (p->s != p->end)
        return fail(p, "text after the object");
    if (!p->has_text)
        return fail(p, "no \"text\" member");
    if (p->kind < 0)
        return fail(p, "no \"kind\" member");
    return 0;
}

/* Whether the first line that is not blank starts with '{'. */
static int looks_like_jsonl(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '{')
            return 1;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v')
            return 0;
    }
    return 0;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* The segments of JSON Lines text; prints errors and returns an exit code. */
static int from_jsonl(const char *path, const char *text, size_t len, const char *lang,
                      selaras_segments **out)
{
    selaras_segments *segs;
    selaras_error err;
    selaras_status st = selaras_segments_new(&segs, lang, NULL, &err);
    if (st != SELARAS_OK) {
        cli_report(path, &err);
        return cli_setup_failure(st);
    }
    /* the name goes into the memory (x-source-doc), as for a document */
    if (selaras_segments_set_name(segs, strcmp(path, "-") == 0 ? "stdin" : path) != SELARAS_OK) {
        cli_error("%s: out of memory", cli_display_name(path));
        selaras_segments_free(segs);
        return CLI_INPUT;
    }
    size_t lineno = 0;
    for (size_t i = 0; i < len;) {
        const char *line = text + i, *nl = memchr(line, '\n', len - i);
        size_t n = nl ? (size_t)(nl - line) : len - i;
        i += n + (nl != NULL);
        lineno++;
        if (is_blank(line, n))
            continue;
        jl p = {line, line + n, NULL, NULL, 0, -1, 0};
        if (parse_line(&p) != 0) {
            free(p.text);
            cli_error("%s:%zu: not a line of 'selaras segment --format jsonl' (%s); "
                      "give plain text one segment a line, or that output as it is",
                      cli_display_name(path), lineno, p.problem);
            selaras_segments_free(segs);
            return CLI_INPUT;
        }
        st = selaras_segments_append(segs, p.text, p.text_len, (selaras_segment_kind)p.kind,
                                     &err);
        free(p.text);
        if (st != SELARAS_OK) {
            cli_error("%s:%zu: %s", cli_display_name(path), lineno, err.message);
            selaras_segments_free(segs);
            return CLI_INPUT;
        }
    }
    *out = segs;
    return CLI_OK;
}

int cli_load_presegmented(const char *path, const char *lang, selaras_segments **out)
{
    *out = NULL;
    char *text;
    size_t len;
    int rc = cli_read_file(path, &text, &len);
    if (rc != CLI_OK)
        return rc;
    if (looks_like_jsonl(text, len)) {
        rc = from_jsonl(path, text, len, lang, out);
        free(text);
        if (rc == CLI_OK)
            cli_verbose("%s: read as JSON Lines of selaras segment, %zu %s (kinds kept)",
                        cli_display_name(path), selaras_segments_count(*out),
                        cli_noun(selaras_segments_count(*out), "segment", "segments"));
        return rc;
    }
    selaras_doc *doc;
    selaras_error err;
    selaras_status st = selaras_doc_new(&doc, text, len, lang, 0, NULL, &err);
    free(text);
    if (st == SELARAS_OK &&
        selaras_doc_set_name(doc, strcmp(path, "-") == 0 ? "stdin" : path) != SELARAS_OK) {
        selaras_doc_free(doc);
        cli_error("%s: out of memory", cli_display_name(path));
        return CLI_INPUT;
    }
    if (st == SELARAS_OK)
        st = selaras_segments_from_lines(out, doc, &err);
    selaras_doc_free(doc);
    if (st != SELARAS_OK) {
        cli_report(path, &err);
        return st == SELARAS_ERR_LANGUAGE || st == SELARAS_ERR_ARGUMENT ? CLI_USAGE : CLI_INPUT;
    }
    cli_verbose("%s: read as plain lines, one segment each: %zu %s",
                cli_display_name(path), selaras_segments_count(*out),
                cli_noun(selaras_segments_count(*out), "segment", "segments"));
    return CLI_OK;
}
