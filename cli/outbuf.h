/* A large output buffer in front of a stream: whole segments and JSON strings are copied
 * in runs, and the stream sees writes of a megabyte. */
#ifndef SELARAS_CLI_OUTBUF_H
#define SELARAS_CLI_OUTBUF_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

typedef struct cli_outbuf {
    FILE *fp;
    char *buf;
    size_t len, cap;
    int failed;    /* a write failed (errno kept in saved_errno) */
    int saved_errno;
} cli_outbuf;

/* Start a buffer in front of fp; returns 0, or -1 when out of memory. */
int cli_outbuf_init(cli_outbuf *o, FILE *fp);

/* Append n bytes: inline while they fit (a few calls per segment), else through
 * cli_outbuf_put_slow(), which writes out what is buffered first. */
void cli_outbuf_put_slow(cli_outbuf *o, const char *s, size_t n);
static inline void cli_outbuf_put(cli_outbuf *o, const char *s, size_t n)
{
    if (n <= o->cap - o->len) {
        memcpy(o->buf + o->len, s, n);
        o->len += n;
    } else {
        cli_outbuf_put_slow(o, s, n);
    }
}

/* Append text on one line: its line breaks (LF, CR) as spaces. */
void cli_outbuf_line(cli_outbuf *o, const char *s, size_t n);

/* Append text escaped as inside a JSON string literal (without the quotes). */
void cli_outbuf_json(cli_outbuf *o, const char *s, size_t n);

/* Append a number in decimal. */
void cli_outbuf_size(cli_outbuf *o, size_t v);

/* Write out what is buffered and free the buffer; returns 0, or -1 with errno set when
 * a write failed (then or before). */
int cli_outbuf_finish(cli_outbuf *o);

#endif
