/* Private header of the segmentation stage: the segment list shared with alignment and
 * the memory writers. */
#ifndef SELARAS_SEGMENT_H
#define SELARAS_SEGMENT_H

#include <string.h>

#include "../core/core.h"
#include "../text/text.h"

typedef struct sl_segment {
    size_t start;      /* byte offsets in the original input */
    size_t end;
    size_t text_off;   /* into texts.data; each text is NUL-terminated there */
    size_t text_len;
    size_t para;
    selaras_segment_kind kind;
} sl_segment;

struct selaras_segments {
    selaras_allocator mem;
    char tag[SL_LANG_TAG_MAX];
    char primary[4];
    char *name;
    sl_segment *items;
    size_t count;
    size_t cap;
    sl_buf texts;
    size_t next_start; /* for selaras_segments_append() */
};

/* Make an empty list with the given canonical tag and primary subtag. */
selaras_status sl_segments_create(selaras_segments **out, const selaras_allocator *mem,
                                  const char *tag, const char *primary, const char *name,
                                  selaras_error *err);

/* Append a segment whose text (already valid UTF-8) is text[0..len), trimmed here. */
selaras_status sl_segments_push(selaras_segments *segs, size_t start, size_t end,
                                const char *text, size_t len, selaras_segment_kind kind,
                                size_t para, selaras_error *err);

/* Same, for text already trimmed (n bytes, copied as they are). */
selaras_status sl_segments_push_trimmed(selaras_segments *segs, size_t start, size_t end,
                                        const char *text, size_t n, selaras_segment_kind kind,
                                        size_t para, selaras_error *err);

/* Append without checks: the list must have room for one more item and n + 2 bytes. */
static inline void sl_segments_put(selaras_segments *segs, size_t start, size_t end,
                                   const char *text, size_t n, selaras_segment_kind kind,
                                   size_t para)
{
    size_t off = segs->texts.len;
    char *dst = segs->texts.data + off;
    memcpy(dst, text, n);
    dst[n] = '\0';
    dst[n + 1] = '\0'; /* the buffer stays NUL-terminated */
    segs->texts.len = off + n + 1;
    sl_segment *s = &segs->items[segs->count++];
    s->start = start;
    s->end = end;
    s->text_off = off;
    s->text_len = n;
    s->para = para;
    s->kind = kind;
}

/* sl_segments_push_trimmed() inline when the list has room (the segmenter's common case,
 * since it reserves the list up front); the function otherwise. */
static inline selaras_status sl_segments_push_room(selaras_segments *segs, size_t start,
                                                   size_t end, const char *text, size_t n,
                                                   selaras_segment_kind kind, size_t para,
                                                   selaras_error *err)
{
    if (segs->count >= segs->cap || segs->count >= SELARAS_SEGMENTS_MAX_COUNT ||
        segs->texts.cap - segs->texts.len < n + 2)
        return sl_segments_push_trimmed(segs, start, end, text, n, kind, para, err);
    sl_segments_put(segs, start, end, text, n, kind, para);
    return SELARAS_OK;
}

/* Length of leading / trailing Unicode white space (White_Space property) in text. */
size_t sl_space_prefix(const char *text, size_t len);
size_t sl_space_suffix(const char *text, size_t len);
int sl_is_space_cp(int32_t cp);

#endif
