/* The sentence segmenter: the handle, its abbreviation lists, and the walk over a
 * document's lines that applies the press-release layout and splits running text into
 * sentences (rules.c). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "segmenter.h"

/* Largest abbreviation file selaras_segmenter_load_abbreviations() reads. */
#define SL_ABBREV_FILE_MAX ((size_t)16 << 20)

/* How far from a quoted paragraph its repetition is looked for (pull quotes). */
#define SL_PULL_QUOTE_WINDOW ((size_t)4096)

selaras_status selaras_segmenter_new(selaras_segmenter **out, const char *lang,
                                     const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_segmenter_new: out is NULL");
    *out = NULL;
    selaras_allocator m;
    char tag[SL_LANG_TAG_MAX], primary[4];
    selaras_status st = sl_mem_lang_init(&m, mem, lang, tag, primary, err);
    if (st != SELARAS_OK)
        return st;
    selaras_segmenter *seg = sl_calloc(&m, 1, sizeof *seg);
    if (seg == NULL)
        return sl_nomem(err);
    seg->mem = m;
    memcpy(seg->tag, tag, sizeof tag);
    memcpy(seg->primary, primary, sizeof primary);
    seg->rules = strcmp(primary, "id") == 0   ? SL_RULES_ID
                 : strcmp(primary, "en") == 0 ? SL_RULES_EN
                                              : SL_RULES_GENERIC;
    sl_abbrev_init(&seg->abbrev, &seg->mem);
    if ((st = sl_abbrev_add_builtin(&seg->abbrev, primary, err)) != SELARAS_OK) {
        selaras_segmenter_free(seg);
        return st;
    }
    *out = seg;
    return SELARAS_OK;
}

void selaras_segmenter_free(selaras_segmenter *seg)
{
    if (seg == NULL)
        return;
    selaras_allocator m = seg->mem;
    sl_abbrev_release(&seg->abbrev);
    sl_free(&m, seg->cuts);
    sl_free(&m, seg->blocks);
    sl_free(&m, seg);
}

const char *selaras_segmenter_lang(const selaras_segmenter *seg)
{
    return seg == NULL ? NULL : seg->tag;
}

selaras_status selaras_segmenter_add_abbreviations(selaras_segmenter *seg, const char *text,
                                                   size_t len, selaras_error *err)
{
    if (seg == NULL || (text == NULL && len > 0))
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "selaras_segmenter_add_abbreviations: NULL argument");
    return sl_abbrev_parse(&seg->abbrev, len ? text : "", len, err);
}

selaras_status selaras_segmenter_load_abbreviations(selaras_segmenter *seg, const char *path,
                                                    selaras_error *err)
{
    if (seg == NULL || path == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "selaras_segmenter_load_abbreviations: NULL argument");
    selaras_file *f;
    selaras_status st = sl_file_read(&seg->mem, "abbreviation file", path, SL_ABBREV_FILE_MAX, 0,
                                     &f, err);
    if (st != SELARAS_OK)
        return st;
    st = sl_abbrev_parse(&seg->abbrev, f->data, f->len, err);
    selaras_file_free(f);
    return st;
}

void selaras_segmenter_clear_abbreviations(selaras_segmenter *seg)
{
    if (seg != NULL)
        sl_abbrev_clear(&seg->abbrev);
}

/* ---- the walk over lines ---- */

/* Leading / trailing white space of t[a..b), ASCII first, Unicode when needed. */
static inline size_t skip_lead(const char *t, size_t a, size_t b)
{
    while (a < b && (t[a] == ' ' || (t[a] >= '\t' && t[a] <= '\r')))
        a++;
    if (a < b && (unsigned char)t[a] >= 0x80)
        a += sl_space_prefix(t + a, b - a);
    return a;
}

static inline size_t skip_trail(const char *t, size_t a, size_t b)
{
    while (b > a && (t[b - 1] == ' ' || (t[b - 1] >= '\t' && t[b - 1] <= '\r')))
        b--;
    if (b > a && (unsigned char)t[b - 1] >= 0x80)
        b -= sl_space_suffix(t + a, b - a);
    return b;
}

typedef struct walk {
    selaras_segmenter *seg;
    const selaras_doc *doc;
    selaras_segments *segs;
    size_t para;
    int wrapped;  /* the current span joins lines */
    size_t run;   /* cursor in the document's offset map (offsets only grow) */
    /* the run at the cursor: normalised offsets [lo, hi) start at input offset orig */
    size_t run_lo, run_hi, run_orig;
    int run_identity;
} walk;

/* selaras_doc_to_original() for offsets that mostly grow: a cursor instead of a search,
 * and the cursor's run kept at hand (one run covers all of most documents). */
static size_t to_original_slow(walk *w, size_t offset)
{
    const selaras_doc *doc = w->doc;
    if (offset >= doc->len)
        return doc->orig_len;
    if (w->run >= doc->nruns || doc->runs[w->run].norm > offset)
        w->run = 0;
    while (w->run + 1 < doc->nruns && doc->runs[w->run + 1].norm <= offset)
        w->run++;
    const sl_offset_run *r = &doc->runs[w->run];
    if (offset < r->norm)
        return 0;
    w->run_lo = r->norm;
    w->run_hi = w->run + 1 < doc->nruns && doc->runs[w->run + 1].norm < doc->len
                    ? doc->runs[w->run + 1].norm
                    : doc->len;
    w->run_orig = r->orig;
    w->run_identity = r->identity;
    return r->identity ? r->orig + (offset - r->norm) : r->orig;
}

static inline size_t to_original(walk *w, size_t offset)
{
    if (offset >= w->run_lo && offset < w->run_hi)
        return w->run_identity ? w->run_orig + (offset - w->run_lo) : w->run_orig;
    return to_original_slow(w, offset);
}

/* Push text[a..b) (trimmed here) as one segment. */
static selaras_status emit(walk *w, size_t a, size_t b, selaras_segment_kind kind,
                           selaras_error *err)
{
    const char *t = w->doc->text;
    a = skip_lead(t, a, b);
    b = skip_trail(t, a, b);
    if (a >= b)
        return SELARAS_OK;
    kind = sl_doc_kind_at(w->doc, a, kind); /* an HTML page's headline, caption, byline… */
    size_t oa = to_original(w, a), ob = to_original(w, b);
    unsigned flags = w->wrapped && memchr(t + a, '\n', b - a) != NULL ? SL_SEG_WRAPPED : 0;
    return sl_segments_push_span_room(w->segs, oa, ob, a, b - a, kind, w->para, flags, err);
}

/* The last character of text[a..b) that is not a closing quote, bracket or emphasis. */
static int32_t last_visible(const char *t, size_t a, size_t b)
{
    while (b > a) {
        size_t p = sl_utf8_prev(t, b);
        int32_t cp;
        sl_utf8_next(t + p, &cp);
        if (!sl_cp_is_closer(cp))
            return cp;
        b = p;
    }
    return 0;
}

static int ends_sentence(int32_t cp)
{
    return cp == '.' || cp == '?' || cp == '!' || cp == 0x2026;
}

/* A one-sentence paragraph that only repeats, in quotation marks, a sentence found
 * elsewhere in the release is a pull quote. */
static int is_pull_quote(const walk *w, size_t a, size_t b)
{
    const char *t = w->doc->text;
    int32_t first, last;
    sl_utf8_next(t + a, &first);
    if (first != '"' && first != 0x201C)
        return 0;
    size_t lp = sl_utf8_prev(t, b);
    sl_utf8_next(t + lp, &last);
    if (last != '"' && last != 0x201D)
        return 0;
    size_t ia = a + (first == '"' ? 1 : 3), ib = lp;
    if (ib > ia && ends_sentence((unsigned char)t[ib - 1]))
        ib--;
    if (ib < ia + 16)
        return 0;
    /* a release repeats its pull quote near it: search a window around the paragraph */
    size_t m = ib - ia;
    size_t i = a > SL_PULL_QUOTE_WINDOW ? a - SL_PULL_QUOTE_WINDOW : 0;
    size_t n = w->doc->len - b > SL_PULL_QUOTE_WINDOW ? b + SL_PULL_QUOTE_WINDOW : w->doc->len;
    while (i + m <= n) {
        const char *p = memchr(t + i, t[ia], n - m + 1 - i);
        if (p == NULL)
            return 0;
        i = (size_t)(p - t);
        if (i != ia && memcmp(p, t + ia, m) == 0)
            return 1;
        i++;
    }
    return 0;
}

/* Split the running text text[a..b) into sentences and push them. */
static selaras_status emit_text(walk *w, size_t a, size_t b, selaras_error *err)
{
    selaras_segmenter *seg = w->seg;
    const char *t = w->doc->text;
    size_t so = sl_signoff_suffix(t + a, b - a);
    size_t body = b - so;
    selaras_status st;
    body -= sl_space_suffix(t + a, body - a);
    if (body > a) {
        if (sl_split_span(seg, t, a, body) != 0)
            return sl_nomem(err);
        size_t start = a;
        for (size_t i = 0; i < seg->ncuts; i++) {
            if ((st = emit(w, start, seg->cuts[i], SELARAS_SEGMENT_SENTENCE, err)) != SELARAS_OK)
                return st;
            start = seg->cuts[i];
        }
        selaras_segment_kind kind = SELARAS_SEGMENT_SENTENCE;
        if (seg->ncuts == 0) {
            int32_t last = last_visible(t, start, body);
            if (is_pull_quote(w, start, body))
                kind = SELARAS_SEGMENT_BOILERPLATE; /* with or without a final period */
            else if (!ends_sentence(last) && last != ':' && last != ';' && last != ',' &&
                     !sl_starts_with_list_marker(t + start, body - start))
                kind = SELARAS_SEGMENT_TITLE;
        }
        if ((st = emit(w, start, body, kind, err)) != SELARAS_OK)
            return st;
    }
    if (so > 0)
        return emit(w, b - so, b, SELARAS_SEGMENT_BOILERPLATE, err);
    return SELARAS_OK;
}

typedef struct line {
    size_t start, end;  /* trimmed */
    size_t next;        /* where the following line starts */
} line;

static void read_line(const selaras_doc *doc, size_t pos, line *ln)
{
    const char *t = doc->text;
    const char *nl = memchr(t + pos, '\n', doc->len - pos);
    size_t e = nl ? (size_t)(nl - t) : doc->len;
    ln->next = nl ? e + 1 : doc->len;
    size_t a = skip_lead(t, pos, e);
    ln->start = a;
    ln->end = skip_trail(t, a, e);
}

/* Does the line a..b leave its sentence open, to be continued by the next line? */
static int wraps_into(const walk *w, size_t a, size_t b, const line *next)
{
    const char *t = w->doc->text;
    if (next->start >= next->end)
        return 0;
    int32_t first, last = last_visible(t, a, b), nfirst;
    sl_utf8_next(t + a, &first);
    sl_utf8_next(t + next->start, &nfirst);
    if (ends_sentence(last) || last == ':' || last == ';')
        return 0;
    if (!sl_cp_is_lower(nfirst))
        return 0;
    if (!sl_cp_is_upper(first) && !sl_cp_is_digit(first) && !sl_cp_is_opener(first))
        return 0;
    return !sl_line_is_boilerplate(t + next->start, next->end - next->start);
}

/* A press-release header ("SIARAN PERS") among the first lines (12 lines, 2 KiB) was met
 * at offset end: everything above it is letterhead. Drop the segments made so far and
 * push each line above as one boilerplate segment, with the same line numbers. */
static selaras_status redo_letterhead(walk *w, size_t end, selaras_error *err)
{
    w->segs->count = 0;
    w->segs->texts.len = 0;
    size_t pos = 0, saved = w->para;
    int started = 0;
    selaras_status st = SELARAS_OK;
    w->para = 0;
    while (pos < end && st == SELARAS_OK) {
        line ln;
        read_line(w->doc, pos, &ln);
        if (ln.start >= end)
            break; /* the header line itself, indented: it is not letterhead */
        pos = ln.next;
        if (ln.start >= ln.end)
            continue;
        if (started)
            w->para++;
        started = 1;
        st = emit(w, ln.start, ln.end, SELARAS_SEGMENT_BOILERPLATE, err);
    }
    /* Lines joined by wrapping counted once in the walk but once each here: the header
     * must still come after the last letterhead line. */
    if (started && w->para + 1 > saved)
        saved = w->para + 1;
    w->para = saved;
    return st;
}

/* Number the paragraphs: during the walk each segment's para holds its line number, and
 * seg->blocks the line numbers where a block after a blank line starts. With blank lines
 * in the text, paragraphs are those blocks; without, each line is one. */
static void number_paragraphs(selaras_segmenter *seg, selaras_segments *segs)
{
    if (seg->nblocks == 0)
        return;
    size_t block = 0;
    for (size_t i = 0; i < segs->count; i++) {
        while (block < seg->nblocks && seg->blocks[block] <= sl_seg_para(&segs->items[i]))
            block++;
        sl_seg_set_para(&segs->items[i], block);
    }
}

selaras_status selaras_segment(selaras_segmenter *seg, const selaras_doc *doc,
                               selaras_segments **out, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_segment: out is NULL");
    *out = NULL;
    if (seg == NULL || doc == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_segment: NULL argument");
    walk w = {seg, doc, NULL, 0, 0, 0, 0, 0, 0, 0};
    selaras_status st = sl_segments_create(&w.segs, &seg->mem, doc->tag, doc->primary,
                                           doc->name, err);
    if (st != SELARAS_OK)
        return st;
    /* The segments are spans of the document's text, which the list holds on to. Reserve
     * the items once: a first guess of one segment per 64 bytes; growth stays possible. */
    w.segs->src = sl_file_ref(doc->store);
    size_t item_cap = doc->len / 64 + 16;
    w.segs->items = sl_malloc(&seg->mem, item_cap * sizeof(sl_segment));
    if (w.segs->items == NULL) {
        selaras_segments_free(w.segs);
        return sl_nomem(err);
    }
    w.segs->cap = item_cap;
    seg->nblocks = 0;

    const char *t = doc->text;
    size_t pos = 0, nonempty = 0;
    int started = 0, pending = 0;
    w.para = 0; /* the line number until number_paragraphs() */
    line ln, next;
    size_t next_at = (size_t)-1; /* where the line in next was read, if any */
    while (pos < doc->len && st == SELARAS_OK) {
        if (next_at == pos)
            ln = next;
        else
            read_line(doc, pos, &ln);
        pos = ln.next;
        if (ln.start >= ln.end) {
            pending = started;
            continue;
        }
        if (started) {
            w.para++;
            if (pending) {
                void *blocks = seg->blocks;
                if (sl_grow(&seg->mem, &blocks, &seg->blocks_cap, seg->nblocks + 1,
                            sizeof(size_t)) != 0) {
                    st = sl_nomem(err);
                    break;
                }
                seg->blocks = blocks;
                seg->blocks[seg->nblocks++] = w.para;
            }
        }
        started = 1;
        pending = 0;
        if (nonempty++ < 12 && ln.start < 2048 && w.segs->count > 0 &&
            sl_line_is_press_header(t + ln.start, ln.end - ln.start) &&
            (st = redo_letterhead(&w, ln.start, err)) != SELARAS_OK)
            break;
        if (sl_line_is_boilerplate(t + ln.start, ln.end - ln.start)) {
            st = emit(&w, ln.start, ln.end, SELARAS_SEGMENT_BOILERPLATE, err);
            continue;
        }
        size_t end = ln.end;
        w.wrapped = 0;
        while (pos < doc->len) {
            read_line(doc, pos, &next);
            next_at = pos;
            if (!wraps_into(&w, ln.start, end, &next))
                break;
            end = next.end;
            pos = next.next;
            w.wrapped = 1;
        }
        st = emit_text(&w, ln.start, end, err);
    }
    if (st == SELARAS_OK)
        st = sl_segments_seal(w.segs, err);
    if (st != SELARAS_OK) {
        selaras_segments_free(w.segs);
        return st;
    }
    number_paragraphs(seg, w.segs);
    *out = w.segs;
    return SELARAS_OK;
}
