/* The segment list: construction, appending, lines, accessors. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "segment.h"

const char *selaras_segment_kind_name(selaras_segment_kind kind)
{
    switch (kind) {
    case SELARAS_SEGMENT_SENTENCE: return "sentence";
    case SELARAS_SEGMENT_TITLE: return "title";
    case SELARAS_SEGMENT_BOILERPLATE: return "boilerplate";
    }
    return NULL;
}

int sl_is_space_cp(int32_t cp)
{
    /* The White_Space property (Unicode 15 PropList.txt), plus U+FEFF and U+200B that
     * scraped text uses as invisible padding. */
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000: case 0xFEFF: case 0x200B:
        return 1;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

size_t sl_space_prefix(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        size_t n = sl_utf8_next(text + i, &cp);
        if (!sl_is_space_cp(cp))
            break;
        i += n;
    }
    return i;
}

size_t sl_space_suffix(const char *text, size_t len)
{
    size_t end = len;
    while (end > 0) {
        size_t start = sl_utf8_prev(text, end);
        int32_t cp;
        sl_utf8_next(text + start, &cp);
        if (!sl_is_space_cp(cp))
            break;
        end = start;
    }
    return len - end;
}

selaras_status sl_segments_create(selaras_segments **out, const selaras_allocator *mem,
                                  const char *tag, const char *primary, const char *name,
                                  selaras_error *err)
{
    selaras_segments *segs = sl_calloc(mem, 1, sizeof *segs);
    if (segs == NULL)
        return sl_nomem(err);
    segs->mem = *mem;
    /* bounded copies (snprintf costs more than the rest of a short document's list) */
    size_t n = strnlen(tag, sizeof segs->tag - 1);
    memcpy(segs->tag, tag, n);
    segs->tag[n] = '\0';
    n = strnlen(primary, sizeof segs->primary - 1);
    memcpy(segs->primary, primary, n);
    segs->primary[n] = '\0';
    sl_buf_init(&segs->texts, &segs->mem);
    atomic_init(&segs->texts_state, 0);
    if (name != NULL && (segs->name = sl_strndup(&segs->mem, name, strlen(name))) == NULL) {
        sl_free(&segs->mem, segs);
        return sl_nomem(err);
    }
    *out = segs;
    return SELARAS_OK;
}

/* Room for one more item. */
static selaras_status item_room(selaras_segments *segs, selaras_error *err)
{
    if (segs->count >= SELARAS_SEGMENTS_MAX_COUNT)
        return sl_error(err, SELARAS_ERR_LIMIT, "more than %zu segments in one list",
                        (size_t)SELARAS_SEGMENTS_MAX_COUNT);
    if (segs->count == segs->cap) {
        void *items = segs->items;
        if (sl_grow(&segs->mem, &items, &segs->cap, segs->count + 1, sizeof(sl_segment)) != 0)
            return sl_nomem(err);
        segs->items = items;
    }
    return SELARAS_OK;
}

selaras_status sl_segments_push_trimmed(selaras_segments *segs, size_t start, size_t end,
                                        const char *text, size_t n, selaras_segment_kind kind,
                                        size_t para, selaras_error *err)
{
    selaras_status st = item_room(segs, err);
    if (st != SELARAS_OK)
        return st;
    if (sl_buf_reserve(&segs->texts, n + 1) != 0)
        return sl_nomem(err);
    size_t off = segs->texts.len;
    memcpy(segs->texts.data + off, text, n);
    segs->texts.data[off + n] = '\0';
    segs->texts.len = off + n + 1;
    segs->texts.data[segs->texts.len] = '\0';
    sl_seg_set(&segs->items[segs->count++], start, end, off, n, kind, para, 0);
    return SELARAS_OK;
}

selaras_status sl_segments_push_span(selaras_segments *segs, size_t start, size_t end,
                                     size_t off, size_t n, selaras_segment_kind kind,
                                     size_t para, unsigned flags, selaras_error *err)
{
    selaras_status st = item_room(segs, err);
    if (st != SELARAS_OK)
        return st;
    return sl_segments_push_span_room(segs, start, end, off, n, kind, para, flags, err);
}

selaras_status sl_segments_seal(selaras_segments *segs, selaras_error *err)
{
    size_t total = 0;
    for (size_t i = 0; i < segs->count; i++)
        total += sl_seg_len(&segs->items[i]) + 1;
    segs->nspans = segs->count;
    /* the room is reserved, not written: its pages are touched only when filled */
    if (segs->count > 0) {
        segs->copy_at = sl_malloc(&segs->mem, segs->count * sizeof *segs->copy_at);
        if (segs->copy_at == NULL || sl_buf_reserve(&segs->texts, total) != 0)
            return sl_nomem(err);
        segs->texts.len += total;
    }
    return SELARAS_OK;
}

/* Make the NUL-terminated copies of the spans, once, whichever thread asks first. */
static void fill_texts(selaras_segments *segs)
{
    int expected = 0;
    if (!atomic_compare_exchange_strong_explicit(&segs->texts_state, &expected, 1,
                                                 memory_order_acquire, memory_order_acquire)) {
        while (atomic_load_explicit(&segs->texts_state, memory_order_acquire) != 2)
            ; /* another thread is copying: a few milliseconds at most */
        return;
    }
    size_t pos = 0;
    for (size_t i = 0; i < segs->nspans; i++) {
        const sl_segment *s = &segs->items[i];
        size_t n = sl_seg_len(s);
        char *dst = segs->texts.data + pos;
        segs->copy_at[i] = (uint32_t)pos;
        memcpy(dst, segs->src->data + s->text_off, n);
        dst[n] = '\0';
        if (sl_seg_wrapped(s)) /* a sentence wrapped over lines reads with spaces */
            for (char *p = memchr(dst, '\n', n); p != NULL;
                 p = memchr(p, '\n', n - (size_t)(p - dst)))
                *p = ' ';
        pos += n + 1;
    }
    atomic_store_explicit(&segs->texts_state, 2, memory_order_release);
}

selaras_status sl_segments_push(selaras_segments *segs, size_t start, size_t end,
                                const char *text, size_t len, selaras_segment_kind kind,
                                size_t para, selaras_error *err)
{
    size_t lead = sl_space_prefix(text, len);
    size_t trail = lead < len ? sl_space_suffix(text + lead, len - lead) : 0;
    return sl_segments_push_trimmed(segs, start, end, text + lead, len - lead - trail, kind,
                                    para, err);
}

selaras_status selaras_segments_new(selaras_segments **out, const char *lang,
                                    const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_segments_new: out is NULL");
    *out = NULL;
    selaras_allocator m;
    char tag[SL_LANG_TAG_MAX], primary[4];
    selaras_status st = sl_mem_lang_init(&m, mem, lang, tag, primary, err);
    if (st != SELARAS_OK)
        return st;
    return sl_segments_create(out, &m, tag, primary, NULL, err);
}

selaras_status selaras_segments_append(selaras_segments *segs, const char *text, size_t len,
                                       selaras_segment_kind kind, selaras_error *err)
{
    if (segs == NULL || (text == NULL && len > 0))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_segments_append: NULL argument");
    if (selaras_segment_kind_name(kind) == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_segments_append: unknown kind %d",
                        (int)kind);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n;
        sl_utf8_problem p = sl_utf8_check((const unsigned char *)text + i, len - i, &cp, &n);
        if (p != SL_UTF8_OK)
            return sl_error_at(err, SELARAS_ERR_ENCODING, text, len, i,
                               "invalid UTF-8 (%s) at byte %zu", sl_utf8_problem_name(p), i);
        i += n;
    }
    if (len > SELARAS_DOC_MAX_BYTES || segs->next_start > SELARAS_DOC_MAX_BYTES)
        return sl_error(err, SELARAS_ERR_LIMIT, "segment list exceeds %zu bytes",
                        (size_t)SELARAS_DOC_MAX_BYTES);
    size_t start = segs->next_start;
    selaras_status st = sl_segments_push(segs, start, start + len, len ? text : "", len, kind,
                                         segs->count, err);
    if (st == SELARAS_OK)
        segs->next_start = start + len + 1;
    return st;
}

selaras_status selaras_segments_from_lines(selaras_segments **out, const selaras_doc *doc,
                                           selaras_error *err)
{
    if (out == NULL || doc == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_segments_from_lines: NULL argument");
    *out = NULL;
    size_t lines = 0;
    for (const char *p = doc->text, *end = doc->text + doc->len; p < end; lines++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    if (lines > SELARAS_SEGMENTS_MAX_COUNT)
        return sl_error(err, SELARAS_ERR_LIMIT, "document of %zu lines exceeds %zu segments",
                        lines, (size_t)SELARAS_SEGMENTS_MAX_COUNT);
    selaras_segments *segs;
    selaras_status st = sl_segments_create(&segs, &doc->mem, doc->tag, doc->primary, doc->name,
                                           err);
    if (st != SELARAS_OK)
        return st;
    size_t line = 0, start = 0;
    while (start < doc->len) {
        const char *nl = memchr(doc->text + start, '\n', doc->len - start);
        size_t end = nl ? (size_t)(nl - doc->text) : doc->len;
        size_t lead = sl_space_prefix(doc->text + start, end - start);
        size_t trail = sl_space_suffix(doc->text + start + lead, end - start - lead);
        st = sl_segments_push(segs, selaras_doc_to_original(doc, start + lead),
                              selaras_doc_to_original(doc, end - trail), doc->text + start,
                              end - start, SELARAS_SEGMENT_SENTENCE, line, err);
        if (st != SELARAS_OK) {
            selaras_segments_free(segs);
            return st;
        }
        line++;
        start = end + 1;
    }
    *out = segs;
    return SELARAS_OK;
}

void selaras_segments_free(selaras_segments *segs)
{
    if (segs == NULL)
        return;
    selaras_allocator m = segs->mem;
    sl_buf_release(&segs->texts);
    selaras_file_free(segs->src);
    sl_free(&m, segs->copy_at);
    sl_free(&m, segs->items);
    sl_free(&m, segs->name);
    sl_free(&m, segs);
}

size_t selaras_segments_count(const selaras_segments *segs)
{
    return segs->count;
}

const char *selaras_segments_lang(const selaras_segments *segs)
{
    return segs->tag;
}

const char *selaras_segments_name(const selaras_segments *segs)
{
    return segs->name;
}

selaras_status selaras_segments_set_name(selaras_segments *segs, const char *name)
{
    if (segs == NULL)
        return SELARAS_ERR_ARGUMENT;
    char *copy = NULL;
    if (name != NULL && (copy = sl_strndup(&segs->mem, name, strlen(name))) == NULL)
        return SELARAS_ERR_NOMEM;
    sl_free(&segs->mem, segs->name);
    segs->name = copy;
    return SELARAS_OK;
}

const char *selaras_segments_text(const selaras_segments *segs, size_t i, size_t *len)
{
    if (i >= segs->count) {
        if (len != NULL)
            *len = 0;
        return NULL;
    }
    const sl_segment *s = &segs->items[i];
    if (len != NULL)
        *len = sl_seg_len(s);
    if (i >= segs->nspans)
        return segs->texts.data + s->text_off;
    if (atomic_load_explicit(&segs->texts_state, memory_order_acquire) != 2)
        fill_texts((selaras_segments *)segs); /* the copies are made once, on demand */
    return segs->texts.data + segs->copy_at[i];
}

const char *selaras_segments_span(const selaras_segments *segs, size_t i, size_t *len)
{
    if (i >= segs->count) {
        if (len != NULL)
            *len = 0;
        return NULL;
    }
    if (len != NULL)
        *len = sl_seg_len(&segs->items[i]);
    return sl_segments_span_at(segs, i);
}

size_t selaras_segments_start(const selaras_segments *segs, size_t i)
{
    return i < segs->count ? segs->items[i].start : 0;
}

size_t selaras_segments_end(const selaras_segments *segs, size_t i)
{
    return i < segs->count ? segs->items[i].end : 0;
}

selaras_segment_kind selaras_segments_kind(const selaras_segments *segs, size_t i)
{
    return i < segs->count ? sl_seg_kind(&segs->items[i]) : SELARAS_SEGMENT_SENTENCE;
}

size_t selaras_segments_paragraph(const selaras_segments *segs, size_t i)
{
    return i < segs->count ? sl_seg_para(&segs->items[i]) : 0;
}
