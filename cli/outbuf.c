/* The output buffer of cli/outbuf.h. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "outbuf.h"

#define OUTBUF_SIZE ((size_t)1 << 20)

int cli_outbuf_init(cli_outbuf *o, FILE *fp)
{
    o->fp = fp;
    o->len = 0;
    o->cap = OUTBUF_SIZE;
    o->failed = 0;
    o->saved_errno = 0;
    o->buf = malloc(o->cap);
    return o->buf == NULL ? -1 : 0;
}

static void drain(cli_outbuf *o)
{
    if (o->len > 0 && !o->failed && fwrite(o->buf, 1, o->len, o->fp) != o->len) {
        o->failed = 1;
        o->saved_errno = errno;
    }
    o->len = 0;
}

void cli_outbuf_put_slow(cli_outbuf *o, const char *s, size_t n)
{
    drain(o);
    if (n > o->cap) { /* larger than the buffer: straight through */
        if (!o->failed && fwrite(s, 1, n, o->fp) != n) {
            o->failed = 1;
            o->saved_errno = errno;
        }
        return;
    }
    memcpy(o->buf, s, n);
    o->len = n;
}

void cli_outbuf_line(cli_outbuf *o, const char *s, size_t n)
{
    size_t run = 0;
    for (const char *p; run < n && (p = memchr(s + run, '\n', n - run)) != NULL;) {
        size_t at = (size_t)(p - s);
        cli_outbuf_put(o, s + run, at - run);
        cli_outbuf_put(o, " ", 1);
        run = at + 1;
    }
    /* the document's text has no CR (intake makes every line end LF) */
    cli_outbuf_put(o, s + run, n - run);
}

/* SWAR: a word whose bytes are all v; whether some byte of x is below 0x20 (for bytes
 * under 0x80, exact up to the first such byte) or zero. */
#define REP(v) ((uint64_t)0x0101010101010101u * (uint64_t)(v))
static inline uint64_t has_below(uint64_t x, unsigned v)
{
    return (x - REP(v)) & ~x & REP(0x80);
}

void cli_outbuf_json(cli_outbuf *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        while (i + 8 <= n) { /* eight bytes at a time while none needs an escape */
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (has_below(w, 0x20) | has_below(w ^ REP('"'), 1) | has_below(w ^ REP('\\'), 1))
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        cli_outbuf_put(o, s + run, i - run);
        char esc[6] = {'\\', (char)c, 0, 0, 0, 0};
        size_t k = 2;
        if (c == '\n')
            esc[1] = 'n';
        else if (c == '\r')
            esc[1] = 'r';
        else if (c == '\t')
            esc[1] = 't';
        else if (c < 0x20) {
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            k = 6;
        }
        cli_outbuf_put(o, esc, k);
        run = i + 1;
    }
    cli_outbuf_put(o, s + run, n - run);
}

void cli_outbuf_size(cli_outbuf *o, size_t v)
{
    char d[24];
    size_t k = sizeof d;
    do {
        d[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    cli_outbuf_put(o, d + k, sizeof d - k);
}

int cli_outbuf_finish(cli_outbuf *o)
{
    drain(o);
    free(o->buf);
    o->buf = NULL;
    if (o->failed) {
        errno = o->saved_errno;
        return -1;
    }
    return 0;
}
