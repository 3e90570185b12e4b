/* Private header of the segmentation stage: the segment list shared with alignment and
 * the memory writers. */
#ifndef SELARAS_SEGMENT_H
#define SELARAS_SEGMENT_H

#include <stdatomic.h>
#include <string.h>

#include "../core/core.h"
#include "../text/text.h"

/* One segment in 20 bytes: offsets fit in 32 bits (documents are at most
 * SELARAS_DOC_MAX_BYTES, lists at most SELARAS_SEGMENTS_MAX_COUNT), so that the list of a
 * large document stays small. Read and write the packed fields with the inlines below. */
typedef struct sl_segment {
    uint32_t start;     /* byte offsets in the original input */
    uint32_t end;
    uint32_t text_off;  /* the span: into src->data for the first nspans segments, else
                           into texts (a NUL-terminated copy of its own) */
    uint32_t len_wrap;  /* text length (31 bits); top bit: the span of a sentence wrapped
                           over lines, whose line breaks the text reads as spaces */
    uint32_t para_kind; /* paragraph number (30 bits); top two bits: the kind */
} sl_segment;

#define SL_SEG_WRAPPED 1u
#define SL_SEG_LEN_MASK 0x7FFFFFFFu
#define SL_SEG_PARA_MASK 0x3FFFFFFFu

static inline size_t sl_seg_len(const sl_segment *s)
{
    return s->len_wrap & SL_SEG_LEN_MASK;
}
static inline int sl_seg_wrapped(const sl_segment *s)
{
    return (s->len_wrap >> 31) != 0;
}
static inline size_t sl_seg_para(const sl_segment *s)
{
    return s->para_kind & SL_SEG_PARA_MASK;
}
static inline selaras_segment_kind sl_seg_kind(const sl_segment *s)
{
    return (selaras_segment_kind)(s->para_kind >> 30);
}
static inline void sl_seg_set_para(sl_segment *s, size_t para)
{
    s->para_kind = (s->para_kind & ~SL_SEG_PARA_MASK) | ((uint32_t)para & SL_SEG_PARA_MASK);
}
static inline void sl_seg_set(sl_segment *s, size_t start, size_t end, size_t off, size_t n,
                              selaras_segment_kind kind, size_t para, unsigned flags)
{
    s->start = (uint32_t)start;
    s->end = (uint32_t)end;
    s->text_off = (uint32_t)off;
    s->len_wrap = ((uint32_t)n & SL_SEG_LEN_MASK) | ((flags & SL_SEG_WRAPPED) ? 1u << 31 : 0);
    s->para_kind = ((uint32_t)para & SL_SEG_PARA_MASK) | ((uint32_t)kind << 30);
}

struct selaras_segments {
    selaras_allocator mem;
    char tag[SL_LANG_TAG_MAX];
    char primary[4];
    char *name;
    sl_segment *items;
    size_t count;
    size_t cap;
    /* The document's text that the segmenter's spans point into (a reference), or NULL;
     * the first nspans segments are spans of it, the others (appended) have own texts. */
    selaras_file *src;
    size_t nspans;
    /* Own texts, and room for the NUL-terminated copies of the spans (at copy_at[i]),
     * made the first time selaras_segments_text() is called (texts_state 0: not yet,
     * 1: being made, 2: made): a caller that only reads spans never touches that room. */
    sl_buf texts;
    uint32_t *copy_at;
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
 * SL_SEG_WRAPPED or 0. The list must have a src, and only spans before it. */
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
    sl_seg_set(&segs->items[segs->count++], start, end, off, n, kind, para, flags);
    return SELARAS_OK;
}

/* After the last span (all count segments are spans): reserve the room for the texts'
 * copies (see texts_state). */
selaras_status sl_segments_seal(selaras_segments *segs, selaras_error *err);

/* The span of segment i (i < count), not NUL-terminated: sl_seg_len() bytes. */
static inline const char *sl_segments_span_at(const selaras_segments *segs, size_t i)
{
    return (i < segs->nspans ? segs->src->data : segs->texts.data) + segs->items[i].text_off;
}

/* Length of leading / trailing Unicode white space (White_Space property) in text. */
size_t sl_space_prefix(const char *text, size_t len);
size_t sl_space_suffix(const char *text, size_t len);
int sl_is_space_cp(int32_t cp);

#endif
