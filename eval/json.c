/* A small JSON reader for the evaluation tools. */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
    const char *s;
    size_t len, pos;
    char *error;
} parser;

static void fail(parser *p, const char *what)
{
    if (p->error == NULL) {
        p->error = malloc(128);
        if (p->error != NULL)
            snprintf(p->error, 128, "%s at byte %zu", what, p->pos);
    }
}

static void skip_space(parser *p)
{
    while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
                               p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
        p->pos++;
}

static json *new_value(json_type type)
{
    json *v = calloc(1, sizeof *v);
    if (v != NULL)
        v->type = type;
    return v;
}

static int hex4(parser *p, unsigned *out)
{
    if (p->pos + 4 > p->len)
        return -1;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p->s[p->pos++];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return -1;
    }
    *out = v;
    return 0;
}

static size_t put_utf8(char *out, unsigned cp)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static char *parse_string(parser *p, size_t *out_len)
{
    p->pos++; /* opening quote */
    size_t start = p->pos;
    while (p->pos < p->len && p->s[p->pos] != '"') {
        if (p->s[p->pos] == '\\')
            p->pos++;
        p->pos++;
    }
    if (p->pos >= p->len) {
        fail(p, "unterminated string");
        return NULL;
    }
    size_t end = p->pos;
    char *out = malloc(end - start + 1);
    if (out == NULL) {
        fail(p, "out of memory");
        return NULL;
    }
    size_t n = 0;
    p->pos = start;
    while (p->pos < end) {
        char c = p->s[p->pos++];
        if (c != '\\') {
            out[n++] = c;
            continue;
        }
        c = p->s[p->pos++];
        switch (c) {
        case '"': out[n++] = '"'; break;
        case '\\': out[n++] = '\\'; break;
        case '/': out[n++] = '/'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'n': out[n++] = '\n'; break;
        case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        case 'u': {
            unsigned cp, lo;
            if (hex4(p, &cp) != 0) {
                free(out);
                fail(p, "bad \\u escape");
                return NULL;
            }
            if (cp >= 0xD800 && cp < 0xDC00 && p->pos + 6 <= end && p->s[p->pos] == '\\' &&
                p->s[p->pos + 1] == 'u') {
                p->pos += 2;
                if (hex4(p, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF) {
                    free(out);
                    fail(p, "bad surrogate pair");
                    return NULL;
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xD800 && cp < 0xE000) {
                cp = 0xFFFD;
            }
            n += put_utf8(out + n, cp);
            break;
        }
        default:
            free(out);
            fail(p, "bad escape");
            return NULL;
        }
    }
    out[n] = '\0';
    p->pos = end + 1;
    *out_len = n;
    return out;
}

static json *parse_value(parser *p, int depth);

static int push(json *v, json *item, char *key)
{
    json **items = realloc(v->items, (v->len + 1) * sizeof *items);
    if (items == NULL)
        return -1;
    v->items = items;
    if (v->type == JSON_OBJECT) {
        char **keys = realloc(v->keys, (v->len + 1) * sizeof *keys);
        if (keys == NULL)
            return -1;
        v->keys = keys;
        v->keys[v->len] = key;
    }
    v->items[v->len++] = item;
    return 0;
}

static json *parse_container(parser *p, int depth, int object)
{
    json *v = new_value(object ? JSON_OBJECT : JSON_ARRAY);
    if (v == NULL) {
        fail(p, "out of memory");
        return NULL;
    }
    char close = object ? '}' : ']';
    p->pos++;
    skip_space(p);
    if (p->pos < p->len && p->s[p->pos] == close) {
        p->pos++;
        return v;
    }
    for (;;) {
        char *key = NULL;
        skip_space(p);
        if (object) {
            size_t klen;
            if (p->pos >= p->len || p->s[p->pos] != '"' || (key = parse_string(p, &klen)) == NULL) {
                fail(p, "expected member name");
                json_free(v);
                return NULL;
            }
            skip_space(p);
            if (p->pos >= p->len || p->s[p->pos] != ':') {
                free(key);
                fail(p, "expected ':'");
                json_free(v);
                return NULL;
            }
            p->pos++;
        }
        json *item = parse_value(p, depth + 1);
        if (item == NULL || push(v, item, key) != 0) {
            free(key);
            json_free(item);
            fail(p, "bad value");
            json_free(v);
            return NULL;
        }
        skip_space(p);
        if (p->pos < p->len && p->s[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->pos < p->len && p->s[p->pos] == close) {
            p->pos++;
            return v;
        }
        fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
        json_free(v);
        return NULL;
    }
}

static json *parse_value(parser *p, int depth)
{
    if (depth > 64) {
        fail(p, "nesting too deep");
        return NULL;
    }
    skip_space(p);
    if (p->pos >= p->len) {
        fail(p, "unexpected end");
        return NULL;
    }
    char c = p->s[p->pos];
    if (c == '{' || c == '[')
        return parse_container(p, depth, c == '{');
    if (c == '"') {
        size_t n;
        char *s = parse_string(p, &n);
        if (s == NULL)
            return NULL;
        json *v = new_value(JSON_STRING);
        if (v == NULL) {
            free(s);
            return NULL;
        }
        v->string = s;
        v->len = n;
        return v;
    }
    static const struct { const char *word; json_type type; } words[] = {
        {"true", JSON_TRUE}, {"false", JSON_FALSE}, {"null", JSON_NULL}};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(words[i].word);
        if (p->len - p->pos >= n && memcmp(p->s + p->pos, words[i].word, n) == 0) {
            p->pos += n;
            return new_value(words[i].type);
        }
    }
    /* number: parsed by hand so that the locale plays no part */
    size_t start = p->pos;
    double sign = 1, value = 0, scale = 1;
    if (p->s[p->pos] == '-') { sign = -1; p->pos++; }
    while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
        value = value * 10 + (p->s[p->pos++] - '0');
    if (p->pos < p->len && p->s[p->pos] == '.') {
        p->pos++;
        while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9') {
            scale /= 10;
            value += (p->s[p->pos++] - '0') * scale;
        }
    }
    if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
        p->pos++;
        int esign = 1, e = 0;
        if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
            esign = p->s[p->pos++] == '-' ? -1 : 1;
        while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
            e = e * 10 + (p->s[p->pos++] - '0');
        for (int i = 0; i < e; i++)
            value = esign > 0 ? value * 10 : value / 10;
    }
    if (p->pos == start || (p->pos == start + 1 && sign < 0)) {
        fail(p, "unexpected character");
        return NULL;
    }
    json *v = new_value(JSON_NUMBER);
    if (v != NULL)
        v->number = sign * value;
    return v;
}

json *json_parse(const char *text, size_t len, char **error)
{
    parser p = {text, len, 0, NULL};
    json *v = parse_value(&p, 0);
    if (v != NULL) {
        skip_space(&p);
        if (p.pos != p.len) {
            fail(&p, "trailing characters");
            json_free(v);
            v = NULL;
        }
    }
    if (error != NULL)
        *error = p.error;
    else
        free(p.error);
    return v;
}

void json_free(json *v)
{
    if (v == NULL)
        return;
    for (size_t i = 0; i < v->len && v->items != NULL; i++) {
        json_free(v->items[i]);
        if (v->keys != NULL)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->string);
    free(v);
}

const json *json_get(const json *object, const char *key)
{
    if (object == NULL || object->type != JSON_OBJECT)
        return NULL;
    for (size_t i = 0; i < object->len; i++)
        if (strcmp(object->keys[i], key) == 0)
            return object->items[i];
    return NULL;
}

const char *json_get_string(const json *object, const char *key)
{
    const json *v = json_get(object, key);
    return v != NULL && v->type == JSON_STRING ? v->string : NULL;
}

char *json_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap + 1);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, cap * 2 + 1);
            if (grown == NULL)
                free(buf);
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf != NULL) {
        buf[n] = '\0';
        if (len != NULL)
            *len = n;
    }
    return buf;
}

int jsonl_each(const char *path, int (*fn)(const json *value, void *user), void *user)
{
    size_t len;
    char *text = json_read_file(path, &len);
    if (text == NULL) {
        fprintf(stderr, "%s: cannot read\n", path);
        return -1;
    }
    size_t start = 0, line = 1;
    int rc = 0;
    while (start < len && rc == 0) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t k = start;
        while (k < end && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
            k++;
        if (k < end) {
            char *error = NULL;
            json *v = json_parse(text + start, end - start, &error);
            if (v == NULL) {
                fprintf(stderr, "%s:%zu: %s\n", path, line, error ? error : "parse error");
                rc = -1;
            } else {
                rc = fn(v, user) != 0 ? -1 : 0;
                json_free(v);
            }
            free(error);
        }
        start = end + 1;
        line++;
    }
    free(text);
    return rc;
}
