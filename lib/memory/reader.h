/* Private to the TMX reader: its state, and the libxml2 plumbing (reader_xml.c) that the
 * TMX grammar (reader.c) is read through. */
#ifndef SELARAS_MEMORY_READER_H
#define SELARAS_MEMORY_READER_H

#include <libxml/xmlreader.h>

#include "memory.h"

/* The look at the raw input before libxml2 (reader_scan.c). */
typedef struct sl_tmx_scan {
    int started;
    int utf16;          /* 0 no, 1 little-endian, 2 big-endian */
    int half;           /* a UTF-16 unit's first byte is in pending */
    unsigned pending;
    char decl[128];     /* UTF-16: the start of the input, in ASCII */
    size_t decl_len;
    int decl_done;
    int state, maybe;
    unsigned quote;
    size_t run;
    size_t attrs;       /* attributes of the tag being read */
    int problem;        /* SL_SCAN_* */
} sl_tmx_scan;

enum { SL_SCAN_OK = 0, SL_SCAN_TOO_MANY_ATTRIBUTES = 1, SL_SCAN_UTF16_AS_UTF8 = 2 };

/* Look at the next n bytes of input; returns n, or the offset in buf where a problem
 * (s->problem) was found, before which the bytes are fine. */
size_t sl_tmx_scan_bytes(sl_tmx_scan *s, const char *buf, size_t n);

struct selaras_tmx_reader {
    selaras_allocator mem;
    xmlTextReaderPtr xr;
    unsigned flags;
    int fd;                  /* -1 when reading from memory */
    const char *bytes;       /* memory input */
    size_t len, pos;
    int io_errno;
    sl_tmx_scan scan;
    selaras_unit header;
    selaras_unit unit;
    sl_buf text;             /* scratch: the text of the element being read */
    char version[16];
    int state;               /* 0 in body, 1 finished, 2 failed */
    size_t line, column;     /* position after the input read so far */
    size_t last_line, last_column; /* position after its last non-blank character */
    int xml_code;
    /* the first error libxml2 reported */
    int xml_failed;
    selaras_status xml_status;
    int xml_line, xml_column;
};

enum { IN_BODY = 0, FINISHED = 1, FAILED = 2 };

/* Create r->xr over r's input (r->fd, or r->bytes when r->fd < 0) and catch its errors
 * into r; url names the document in libxml2's messages. 0, or -1 when out of memory. */
int sl_tmx_xml_open(selaras_tmx_reader *r, const char *url);
/* Read the next node; 1 when there is one, 0 at the end, -1 on error (reported in err and
 * *st; the reader has failed). Refuses entities and nesting beyond SELARAS_TMX_MAX_DEPTH. */
int sl_tmx_next_node(selaras_tmx_reader *r, selaras_error *err, selaras_status *st);
/* Move to the next child element of the element at depth base, passing over text,
 * comments and anything deeper; 1 when on one, 0 at the element's end tag, -1 on error
 * (reported as for sl_tmx_next_node; the input ending first is an error too). */
int sl_tmx_next_child(selaras_tmx_reader *r, int base, selaras_error *err, selaras_status *st);
/* Fail with libxml2's own error (or the input's I/O error), or a generic one when it
 * reported none. */
selaras_status sl_tmx_fail_xml(selaras_tmx_reader *r, selaras_error *err);
/* Fail with an error of ours, "what <name>" (name may be NULL), at the current node. */
selaras_status sl_tmx_fail_here(selaras_tmx_reader *r, selaras_status st,
                                selaras_error *err, const char *what, const char *name);
/* Our wording of a libxml2 error code (reader_words.c), or NULL for a code it lacks. */
const char *sl_tmx_xml_words(int code);
/* Whether the current node's local name is name. */
int sl_tmx_is_name(selaras_tmx_reader *r, const char *name);

#endif
