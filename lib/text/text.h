/* Private header of the text intake stage: the document struct, the offset map and
 * UTF-8 decoding shared with later stages. */
#ifndef SELARAS_TEXT_H
#define SELARAS_TEXT_H

#include <stdint.h>

#include "../core/core.h"

/* One run of the offset map. A run starts at byte norm of the normalised text and at
 * byte orig of the input. In an identity run both advance together; a changed run maps
 * every offset inside it to its start. The map ends with an identity sentinel at
 * (normalised length, input length). */
typedef struct sl_offset_run {
    size_t norm;
    size_t orig;
    int identity;
} sl_offset_run;

/* A block of an HTML page's main text: [start, end) of the normalised text and its kind. */
typedef struct sl_block {
    size_t start;
    size_t end;
    selaras_block_kind kind;
} sl_block;

struct selaras_doc {
    selaras_allocator mem;
    char tag[SL_LANG_TAG_MAX];
    char primary[4];
    char *text;        /* normalised, NUL-terminated: store's data */
    selaras_file *store; /* holds the text; shared with segment lists made from it */
    size_t len;
    size_t orig_len;
    sl_offset_run *runs;
    size_t nruns;
    size_t replacements;
    char *name;
    sl_block *blocks;  /* an HTML page's blocks in order, or NULL */
    size_t nblocks;
};

/* ---- UTF-8 ---- */

typedef enum sl_utf8_problem {
    SL_UTF8_OK = 0,
    SL_UTF8_STRAY_CONTINUATION,
    SL_UTF8_OVERLONG,
    SL_UTF8_SURROGATE,
    SL_UTF8_TOO_LARGE,
    SL_UTF8_INVALID_BYTE,
    SL_UTF8_TRUNCATED,
    SL_UTF8_NUL
} sl_utf8_problem;

/* Decode the sequence at s[0..len) (len >= 1). On success returns SL_UTF8_OK with the
 * code point in *cp and its length in *seqlen. Otherwise returns the problem, and *seqlen
 * is the length of the maximal ill-formed subpart (the bytes one U+FFFD replaces). */
sl_utf8_problem sl_utf8_check(const unsigned char *s, size_t len, int32_t *cp, size_t *seqlen);

/* Human-readable name of a problem ("overlong encoding"…). */
const char *sl_utf8_problem_name(sl_utf8_problem problem);

/* Decode one code point of text known to be valid UTF-8; returns its length (1-4). */
static inline size_t sl_utf8_next(const char *s, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] < 0xE0) {
        *cp = ((int32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
        return 2;
    }
    if (u[0] < 0xF0) {
        *cp = ((int32_t)(u[0] & 0x0F) << 12) | ((int32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        return 3;
    }
    *cp = ((int32_t)(u[0] & 0x07) << 18) | ((int32_t)(u[1] & 0x3F) << 12) |
          ((int32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    return 4;
}

/* Start of the code point that ends just before offset i of valid UTF-8 text (i > 0). */
static inline size_t sl_utf8_prev(const char *s, size_t i)
{
    do {
        i--;
    } while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

/* Encode cp (a valid scalar value) into out (4 bytes); returns the length. */
size_t sl_utf8_encode(int32_t cp, char *out);

/* ---- normalisation ---- */

/* Validate, clean and normalise bytes into doc->text, doc->store and doc->runs (see
 * selaras.h for the steps). doc->mem must be set. When the bytes are already what intake
 * makes of them (sl_intake_is_identity), the text is a copy of them, or, when file is not
 * NULL (its data being bytes), the file itself, kept as doc->store without a copy.
 * file is taken over in every case. On failure doc's text, store and runs are left NULL. */
selaras_status sl_normalize(selaras_doc *doc, const char *bytes, size_t len, unsigned flags,
                            selaras_file *file, selaras_error *err);

/* The quick check: whether intake leaves bytes as they are (valid UTF-8 without a BOM,
 * NUL, CR, U+0085, U+2028, U+2029, and every non-ASCII character a normalisation
 * boundary that NFC keeps as it is). */
int sl_intake_is_identity(const char *bytes, size_t len);

/* ---- the front end (intake.c) ---- */

/* Fill doc (mem, tag set) from the caller's bytes: decode them (encoding, or NULL to
 * detect), extract an HTML page's main text (SELARAS_DOC_HTML, or SELARAS_DOC_DETECT_HTML
 * and the bytes look like a page), then sl_normalize(); the offset map points into bytes.
 * file, the holder of bytes or NULL, is taken over (see sl_normalize()). */
selaras_status sl_intake(selaras_doc *doc, const char *bytes, size_t len, const char *encoding,
                         unsigned flags, selaras_file *file, selaras_error *err);

/* The kind of the HTML block holding normalised offset off, or fallback when the document
 * has no blocks or the block's kind is content. */
selaras_segment_kind sl_doc_kind_at(const selaras_doc *doc, size_t off,
                                    selaras_segment_kind fallback);

#endif
