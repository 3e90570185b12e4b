/* Private header of the text intake's front end: decoding legacy encodings and UTF-16,
 * reading HTML pages and extracting their main text, and the offset maps that carry every
 * output byte back to the caller's original bytes through each of those steps. */
#ifndef SELARAS_INTAKE_H
#define SELARAS_INTAKE_H

#include "text.h"

/* ---- offset maps (offsets.c) ---- */

/* A growing map from the bytes of one text to those of another, in the form of the
 * document's offset map (see sl_offset_run): runs in ascending order, identity or
 * changed. */
typedef struct sl_map {
    const selaras_allocator *mem;
    sl_offset_run *runs;
    size_t n;
    size_t cap;
} sl_map;

void sl_map_init(sl_map *map, const selaras_allocator *mem);
void sl_map_release(sl_map *map);
/* Record that output byte norm comes from input byte orig (identity: the bytes after it
 * follow one for one). Merges with the previous run where it can. Returns 0 or -1. */
int sl_map_add(sl_map *map, size_t norm, size_t orig, int identity);
/* Where output offset off comes from, for a map of an output of len bytes made from an
 * input of orig_len bytes (len and beyond map to orig_len). */
size_t sl_map_lookup(const sl_offset_run *runs, size_t n, size_t len, size_t orig_len,
                     size_t off);
/* out = second after first: first maps a text of a_len bytes onto a middle text of b_len
 * bytes, second maps the middle onto the original of c_len bytes. Ends with the sentinel
 * (a_len, c_len). Returns 0 or -1 (out is then released). */
int sl_map_compose(sl_map *out, const sl_offset_run *first, size_t first_n, size_t a_len,
                   const sl_offset_run *second, size_t second_n, size_t b_len, size_t c_len);

/* ---- decoding (encoding.c) ---- */

/* A decoded input: UTF-8 text (NUL-terminated) and the map back into the input. */
typedef struct sl_decoded {
    char *text;
    size_t len;
    sl_map map;
    size_t replacements;
} sl_decoded;

/* The encoding a byte order mark at the start of bytes names ("UTF-8", "UTF-16LE",
 * "UTF-16BE"), or NULL. */
const char *sl_bom_encoding(const char *bytes, size_t len);

/* The charset an HTML page declares in its first 1024 bytes (<meta charset> or
 * <meta http-equiv="Content-Type" content="...; charset=...">), copied into name (size
 * bytes); 0 when there is none. */
int sl_html_declared_charset(const char *bytes, size_t len, char *name, size_t size);

/* Convert bytes in the named encoding (any name ICU knows) to UTF-8. With
 * SELARAS_DOC_REPLACE_INVALID each bad sequence becomes U+FFFD and is counted; otherwise
 * the first fails with SELARAS_ERR_ENCODING at its byte offset. */
selaras_status sl_decode(const selaras_allocator *mem, const char *bytes, size_t len,
                         const char *encoding, unsigned flags, sl_decoded *out,
                         selaras_error *err);
void sl_decoded_release(const selaras_allocator *mem, sl_decoded *d);

/* 1 when ICU has a converter of that name. */
int sl_encoding_known(const char *name);

/* 1 when bytes are valid UTF-8 (NUL bytes allowed). */
int sl_utf8_valid(const char *bytes, size_t len);

/* ---- HTML (html.c, extract.c) ---- */

/* Extract the main text of an HTML page given as valid UTF-8 (html, len bytes) into
 * out->text: one block per line pair ("\n\n" between blocks), out->map mapping it into
 * html, and the kinds of its blocks in *blocks (caller frees with mem). lang picks the
 * stop-word list. A page without content gives an empty text. */
selaras_status sl_html_extract(const selaras_allocator *mem, const char *html, size_t len,
                               const char *primary, sl_decoded *out, sl_block **blocks,
                               size_t *nblocks, selaras_error *err);

/* 1 when bytes look like an HTML page: after a BOM and white space, "<!DOCTYPE html",
 * "<html", or a comment followed by one of them. */
int sl_looks_like_html(const char *bytes, size_t len);

#endif
