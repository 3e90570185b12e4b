/* Private header of the segmentation stage: the segment list shared with alignment and
 * the memory writers. */
#ifndef SELARAS_SEGMENT_H
#define SELARAS_SEGMENT_H

#include <stdatomic.h>
#include <string.h>

#include "../core/core.h"
#include "../text/text.h"

/* Item flags. */
enum {
    SL_SEG_OWN = 1,     /* the text is the list's own copy in texts (appended, from lines) */
    SL_SEG_WRAPPED = 2  /* the span holds line breaks that the text reads as spaces */
};

/* One segment: offsets fit in 32 bits (documents are at most SELARAS_DOC_MAX_BYTES, lists
 * at most SELARAS_SEGMENTS_MAX_COUNT), so that a list of a large document stays small. */
typedef struct sl_segment {
    uint32_t start;    /* byte offsets in the original input */
    uint32_t end;
    uint32_t text_off; /* the span: into src->data, or into texts with SL_SEG_OWN */
    uint32_t text_len;
    uint32_t copy_off; /* where the NUL-terminated text is (or will be) in texts */
    uint32_t para;
    uint8_t kind;      /* selaras_segment_kind */
    uint8_t flags;     /* SL_SEG_* */
} sl_segment;

struct selaras_segments {
    selaras_allocator mem;
    char tag[SL_LANG_TAG_MAX];
    char primary[4];
    char *name;
    sl_segment *items;
    size_t count;
    size_t cap;
    /* The document's text that the segmenter's spans point into (a reference), or NULL. */
    selaras_file *src;
    /* Own texts, and room for the NUL-terminated copies of the spans, made the first time
     * selaras_segments_text() is called (texts_state 0: not yet, 1: being made, 2: made):
     * a caller that only reads spans never touches that room. */
    sl_buf texts;
    atomic_int texts_state;
    size_t next_start; /* for selaras_segments_append() */
};

/* Make an empty list with the given canonical tag and primary subtag. */
selaras_status sl_segments_create(selaras_segments **out, const selaras_allocator *mem,
                                  const char *tag, const char *primary, const char *name,
                                  selaras_error *err);

/* Append a segment whose text (already valid UTF-8) is text[0..len), trimmed and copied
 * here. */
selaras_status sl_segments_push(selaras_segments *segs, size_t start, size_t end,
                                const char *text, size_t len, selaras_segment_kind kind,
                                size_t para, selaras_error *err);

/* Same, for text already trimmed (n bytes, copied as they are). */
selaras_status sl_segments_push_trimmed(selaras_segments *segs, size_t start, size_t end,
                                        const char *text, size_t n, selaras_segment_kind kind,
                                        size_t para, selaras_error *err);

/* Append a segment whose text is src->data[off..off + n) (trimmed), without a copy; flags
 * SL_SEG_WRAPPED or 0. The list must have a src. */
selaras_status sl_segments_push_span(selaras_segments *segs, size_t start, size_t end,
                                     size_t off, size_t n, selaras_segment_kind kind,
                                     size_t para, unsigned flags, selaras_error *err);

/* sl_segments_push_span() inline when the list has room (the segmenter's common case,
 * since it reserves the list up front); the function otherwise. */
static inline selaras_status sl_segments_push_span_room(selaras_segments *segs, size_t start,
                                                        size_t end, size_t off, size_t n,
                                                        selaras_segment_kind kind, size_t para,
                                                        unsigned flags, selaras_error *err)
{
    if (segs->count >= segs->cap || segs->count >= SELARAS_SEGMENTS_MAX_COUNT)
        return sl_segments_push_span(segs, start, end, off, n, kind, para, flags, err);
    sl_segment *s = &segs->items[segs->count++];
    s->start = (uint32_t)start;
    s->end = (uint32_t)end;
    s->text_off = (uint32_t)off;
    s->text_len = (uint32_t)n;
    s->copy_off = 0;
    s->para = (uint32_t)para;
    s->kind = (uint8_t)kind;
    s->flags = (uint8_t)flags;
    return SELARAS_OK;
}

/* After the last span: reserve the room for the texts' copies (see texts_state). */
selaras_status sl_segments_seal(selaras_segments *segs, selaras_error *err);

/* The span of segment i (i < count), not NUL-terminated: text_len bytes. */
static inline const char *sl_segments_span_at(const selaras_segments *segs, size_t i)
{
    const sl_segment *s = &segs->items[i];
    return ((s->flags & SL_SEG_OWN) ? segs->texts.data : segs->src->data) + s->text_off;
}

/* Length of leading / trailing Unicode white space (White_Space property) in text. */
size_t sl_space_prefix(const char *text, size_t len);
size_t sl_space_suffix(const char *text, size_t len);
int sl_is_space_cp(int32_t cp);

#endif
