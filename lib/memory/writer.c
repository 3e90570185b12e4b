/* The memory writer: construction, header options, the bead filters, adding units and
 * closing. Output files are in outfile.c, the duplicate store in store.c. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "memory.h"

/* ---- construction and setters ---- */

static void format_stamp(selaras_writer *w, long long seconds)
{
    time_t t = (time_t)seconds;
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL)
        memset(&tm, 0, sizeof tm);
    int v[6] = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
    static const int width[6] = {4, 2, 2, 2, 2, 2};
    char *p = w->stamp;
    for (int i = 0; i < 6; i++) {
        for (int d = width[i] - 1; d >= 0; d--) {
            p[d] = (char)('0' + v[i] % 10);
            v[i] /= 10;
        }
        p += width[i];
        if (i == 2)
            *p++ = 'T';
    }
    *p++ = 'Z';
    *p = '\0';
}

/* What both constructors share: the writer with its defaults and languages, no output. */
static selaras_status writer_make(selaras_writer **out, selaras_format format,
                                  const char *src_lang, const char *tgt_lang,
                                  const selaras_allocator *mem, selaras_error *err)
{
    selaras_allocator m;
    selaras_status st = sl_mem_init(&m, mem, err);
    if (st != SELARAS_OK)
        return st;
    selaras_writer *w = sl_calloc(&m, 1, sizeof *w);
    if (w == NULL)
        return sl_nomem(err);
    w->mem = m;
    w->format = format;
    w->out[0].fd = w->out[1].fd = -1;
    w->out[0].lock_fd = w->out[1].lock_fd = -1;
    w->lock_timeout = 30;
    sl_unit_init(&w->header, &w->mem);
    sl_unit_init(&w->scratch, &w->mem);
    sl_buf_init(&w->join, &w->mem);
    memcpy(w->adminlang, "en", 3);
    format_stamp(w, (long long)time(NULL));
    st = sl_lang_parse(src_lang, w->src_tag, w->src_primary, err);
    if (st == SELARAS_OK)
        st = sl_lang_parse(tgt_lang, w->tgt_tag, w->tgt_primary, err);
    if (st == SELARAS_OK &&
        ((w->tool = sl_strndup(&w->mem, "selaras", 7)) == NULL ||
         (w->tool_version = sl_strndup(&w->mem, SELARAS_VERSION_STRING,
                                       strlen(SELARAS_VERSION_STRING))) == NULL))
        st = sl_nomem(err);
    if (st != SELARAS_OK) {
        selaras_writer_free(w);
        return st;
    }
    *out = w;
    return SELARAS_OK;
}

selaras_status selaras_writer_new(selaras_writer **out, selaras_format format, const char *path,
                                  const char *path2, const char *src_lang, const char *tgt_lang,
                                  const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out is NULL");
    *out = NULL;
    if (path == NULL || src_lang == NULL || tgt_lang == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "path or language is NULL");
    if ((unsigned)format > SELARAS_FORMAT_PLAIN)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "unknown format %d", (int)format);
    if ((format == SELARAS_FORMAT_PLAIN) != (path2 != NULL))
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "path2 is required for plain output and only for it");
    selaras_writer *w;
    selaras_status st = writer_make(&w, format, src_lang, tgt_lang, mem, err);
    if (st != SELARAS_OK)
        return st;
    w->nout = 1;
    st = sl_out_open(w, &w->out[0], path, err);
    if (st == SELARAS_OK && path2 != NULL) {
        w->nout = 2;
        st = sl_out_open(w, &w->out[1], path2, err);
        if (st == SELARAS_OK && sl_out_same_file(w, &w->out[0], &w->out[1]))
            st = sl_error(err, SELARAS_ERR_ARGUMENT,
                          "%s: the source and target files are the same file", path2);
    }
    if (st != SELARAS_OK) {
        selaras_writer_free(w);
        return st;
    }
    *out = w;
    return SELARAS_OK;
}

selaras_status selaras_writer_new_callback(selaras_writer **out, selaras_format format,
                                           selaras_write_fn write, void *user,
                                           const char *src_lang, const char *tgt_lang,
                                           const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out is NULL");
    *out = NULL;
    if (write == NULL || src_lang == NULL || tgt_lang == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "write callback or language is NULL");
    if ((unsigned)format >= SELARAS_FORMAT_PLAIN)
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "a callback writer writes TMX, TSV or JSONL, not format %d",
                        (int)format);
    selaras_writer *w;
    selaras_status st = writer_make(&w, format, src_lang, tgt_lang, mem, err);
    if (st != SELARAS_OK)
        return st;
    w->nout = 1;
    sl_out_open_callback(w, &w->out[0], write, user);
    *out = w;
    return SELARAS_OK;
}

void selaras_writer_free(selaras_writer *w)
{
    if (w == NULL)
        return;
    for (size_t i = 0; i < w->nout; i++)
        sl_out_discard(w, &w->out[i]);
    sl_store_release(w);
    sl_free(&w->mem, w->htable);
    sl_free(&w->mem, w->tool);
    sl_free(&w->mem, w->tool_version);
    sl_free(&w->mem, w->doc_date);
    sl_unit_release(&w->header);
    sl_unit_release(&w->scratch);
    sl_buf_release(&w->join);
    selaras_allocator mem = w->mem;
    sl_free(&mem, w);
}

/* Setters may only be called before the first unit. */
static selaras_status check_setter(selaras_writer *w, selaras_error *err)
{
    if (w == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "writer is NULL");
    if (w->started || w->closed || w->failed)
        return sl_error(err, SELARAS_ERR_STATE, "writer options must be set before any unit");
    return SELARAS_OK;
}

selaras_status selaras_writer_set_tool(selaras_writer *w, const char *name, const char *version,
                                       selaras_error *err)
{
    selaras_status st = check_setter(w, err);
    if (st != SELARAS_OK)
        return st;
    if (name == NULL || version == NULL || name[0] == '\0')
        return sl_error(err, SELARAS_ERR_ARGUMENT, "tool name or version missing");
    selaras_unit probe;
    sl_unit_init(&probe, &w->mem);
    st = selaras_unit_set_attr(&probe, SELARAS_UNIT_WHOLE, "n", name, err);
    if (st == SELARAS_OK)
        st = selaras_unit_set_attr(&probe, SELARAS_UNIT_WHOLE, "v", version, err);
    sl_unit_release(&probe);
    if (st != SELARAS_OK)
        return st;
    char *n = sl_strndup(&w->mem, name, strlen(name));
    char *v = sl_strndup(&w->mem, version, strlen(version));
    if (n == NULL || v == NULL) {
        sl_free(&w->mem, n);
        sl_free(&w->mem, v);
        return sl_nomem(err);
    }
    sl_free(&w->mem, w->tool);
    sl_free(&w->mem, w->tool_version);
    w->tool = n;
    w->tool_version = v;
    return SELARAS_OK;
}

selaras_status selaras_writer_set_adminlang(selaras_writer *w, const char *lang,
                                            selaras_error *err)
{
    selaras_status st = check_setter(w, err);
    if (st != SELARAS_OK)
        return st;
    if (lang == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "lang is NULL");
    char tag[SL_LANG_TAG_MAX], primary[4];
    st = sl_lang_parse(lang, tag, primary, err);
    if (st == SELARAS_OK)
        memcpy(w->adminlang, tag, sizeof tag);
    return st;
}

selaras_status selaras_writer_set_time(selaras_writer *w, long long seconds, selaras_error *err)
{
    selaras_status st = check_setter(w, err);
    if (st != SELARAS_OK)
        return st;
    if (seconds < 0 || seconds > 253402300799LL) /* 9999-12-31T23:59:59Z */
        return sl_error(err, SELARAS_ERR_ARGUMENT, "time out of range");
    format_stamp(w, seconds);
    return SELARAS_OK;
}

selaras_status selaras_writer_set_flags(selaras_writer *w, unsigned flags, selaras_error *err)
{
    selaras_status st = check_setter(w, err);
    if (st != SELARAS_OK)
        return st;
    if (flags & ~127u)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "unknown writer flags 0x%x", flags & ~127u);
    if ((flags & SELARAS_WRITER_MERGE) && w->format != SELARAS_FORMAT_TMX)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "only a TMX memory can be merged into");
    if ((flags & SELARAS_WRITER_MERGE) && w->out[0].path == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "a callback writer has no memory file to merge into");
    w->flags = flags;
    return SELARAS_OK;
}

selaras_status selaras_writer_set_min_score(selaras_writer *w, double score, selaras_error *err)
{
    selaras_status st = check_setter(w, err);
    if (st != SELARAS_OK)
        return st;
    if (isnan(score))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "minimum score is NaN");
    w->min_score = score;
    w->has_min_score = 1;
    return SELARAS_OK;
}

selaras_status selaras_writer_set_max_ratio(selaras_writer *w, double ratio, selaras_error *err)
{
    selaras_status st = check_setter(w, err);
    if (st != SELARAS_OK)
        return st;
    if (!(ratio == 0 || ratio >= 1))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "maximum length ratio must be 0 or >= 1");
    w->max_ratio = ratio;
    return SELARAS_OK;
}

selaras_status selaras_writer_set_min_length(selaras_writer *w, size_t chars, selaras_error *err)
{
    selaras_status st = check_setter(w, err);
    if (st == SELARAS_OK)
        w->min_length = chars;
    return st;
}

selaras_status selaras_writer_set_lock_timeout(selaras_writer *w, double seconds,
                                               selaras_error *err)
{
    selaras_status st = check_setter(w, err);
    if (st != SELARAS_OK)
        return st;
    if (!(seconds >= 0 && seconds <= 1e9))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "lock timeout must be 0 to 1e9 seconds");
    w->lock_timeout = seconds;
    return SELARAS_OK;
}

selaras_status selaras_writer_set_doc_date(selaras_writer *w, const char *date,
                                           selaras_error *err)
{
    if (w == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "writer is NULL");
    char *copy = NULL;
    if (date != NULL) {
        selaras_unit probe;
        sl_unit_init(&probe, &w->mem);
        selaras_status st = selaras_unit_set_attr(&probe, SELARAS_UNIT_WHOLE, "d", date, err);
        sl_unit_release(&probe);
        if (st != SELARAS_OK)
            return st;
        if ((copy = sl_strndup(&w->mem, date, strlen(date))) == NULL)
            return sl_nomem(err);
    }
    sl_free(&w->mem, w->doc_date);
    w->doc_date = copy;
    return SELARAS_OK;
}

selaras_status selaras_writer_add_header(selaras_writer *w, const selaras_unit *header,
                                         selaras_error *err)
{
    if (w == NULL || header == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "writer or header is NULL");
    if (w->closed || w->failed)
        return sl_error(err, SELARAS_ERR_STATE, "the writer is closed or failed");
    size_t mark_props = w->header.nprops, mark_len = w->header.strings.len;
    for (size_t i = 0; i < header->nprops; i++) {
        if (header->props[i].owner != SELARAS_UNIT_WHOLE)
            continue;
        int seen = sl_header_has(w, header, i);
        if (seen < 0)
            return sl_nomem(err);
        if (seen)
            continue;
        if (w->begun) {
            w->header.nprops = mark_props;
            w->header.strings.len = mark_len;
            w->htable_n = SL_NONE; /* entries taken back: rebuild the table */
            return sl_error(err, SELARAS_ERR_STATE,
                            "the header is already written: add header properties before "
                            "units, or use SELARAS_WRITER_DEDUPE");
        }
        const sl_prop *p = &header->props[i];
        selaras_status st = sl_unit_push_prop(&w->header, SELARAS_UNIT_WHOLE,
                                              sl_unit_str(header, p->type),
                                              sl_unit_str(header, p->lang),
                                              sl_unit_str(header, p->value), p->value_len, err);
        if (st != SELARAS_OK) {
            w->header.nprops = mark_props;
            w->header.strings.len = mark_len;
            w->htable_n = SL_NONE; /* entries taken back: rebuild the table */
            return st;
        }
    }
    return SELARAS_OK;
}

size_t selaras_writer_count(const selaras_writer *w, selaras_writer_counter which)
{
    if (w == NULL || (unsigned)which >= SL_COUNTERS)
        return 0;
    return w->counts[which];
}

/* ---- adding units ---- */

static selaras_status add_file(selaras_writer *w, const char *path, selaras_error *err);

/* Once, before the first unit: lock and check the targets; with SELARAS_WRITER_MERGE,
 * add the memory already at the target, read under the lock. Fails the writer on error. */
static selaras_status prepare(selaras_writer *w, selaras_error *err)
{
    if (w->prepared)
        return SELARAS_OK;
    w->prepared = 1;
    int exists = 0;
    selaras_status st = sl_writer_lock_targets(w, &exists, err);
    if (st == SELARAS_OK && (w->flags & SELARAS_WRITER_MERGE) && exists)
        st = add_file(w, w->out[0].path, err);
    if (st != SELARAS_OK)
        w->failed = 1;
    return st;
}

static selaras_status check_add(selaras_writer *w, selaras_error *err)
{
    if (w == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "writer is NULL");
    if (w->closed || w->failed)
        return sl_error(err, SELARAS_ERR_STATE, "the writer is closed or failed");
    w->started = 1;
    return prepare(w, err);
}

static selaras_status add(selaras_writer *w, const selaras_unit *u, selaras_error *err)
{
    selaras_status st = SELARAS_OK;
    if (w->flags & SELARAS_WRITER_DEDUPE)
        st = sl_store_unit(w, u, err);
    else {
        if (!w->begun)
            st = sl_emit_begin(w, err);
        if (st == SELARAS_OK)
            st = sl_emit_unit(w, u, err);
    }
    if (st != SELARAS_OK)
        w->failed = 1;
    return st;
}

selaras_status selaras_writer_lock(selaras_writer *w, selaras_error *err)
{
    return check_add(w, err);
}

selaras_status selaras_writer_add_unit(selaras_writer *w, const selaras_unit *unit,
                                       selaras_error *err)
{
    selaras_status st = check_add(w, err);
    if (st != SELARAS_OK)
        return st;
    if (unit == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "unit is NULL");
    return add(w, unit, err);
}

static size_t code_points(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Join segments [first, first + count) of segs with one space into w->join (appended);
 * 1 when one of them is boilerplate. */
static int join_side(selaras_writer *w, const selaras_segments *segs, size_t first,
                     size_t count, int *boiler)
{
    for (size_t i = first; i < first + count; i++) {
        size_t len;
        const char *t = selaras_segments_text(segs, i, &len);
        if (selaras_segments_kind(segs, i) == SELARAS_SEGMENT_BOILERPLATE)
            *boiler = 1;
        if ((i > first && sl_buf_append_byte(&w->join, ' ') != 0) ||
            sl_buf_append(&w->join, t, len) != 0)
            return -1;
    }
    return 0;
}

static selaras_status push_bead_props(selaras_writer *w, selaras_unit *u,
                                      const selaras_segments *src, size_t src_count,
                                      const selaras_segments *tgt, size_t tgt_count,
                                      double score, selaras_error *err)
{
    char bead[48];
    sl_buf num;
    sl_buf_init(&num, &w->mem);
    selaras_status st = SELARAS_OK;
    const char *sname = selaras_segments_name(src), *tname = selaras_segments_name(tgt);
    if (sname != NULL)
        st = sl_unit_push_prop(u, SELARAS_UNIT_WHOLE, "x-source-doc", NULL, sname,
                               strlen(sname), err);
    if (st == SELARAS_OK && tname != NULL)
        st = sl_unit_push_prop(u, SELARAS_UNIT_WHOLE, "x-target-doc", NULL, tname,
                               strlen(tname), err);
    if (st == SELARAS_OK) {
        if (sl_buf_append_size(&num, src_count) || sl_buf_append_byte(&num, '-') ||
            sl_buf_append_size(&num, tgt_count) || num.len >= sizeof bead)
            st = sl_nomem(err);
        else {
            memcpy(bead, num.data, num.len + 1);
            st = sl_unit_push_prop(u, SELARAS_UNIT_WHOLE, "x-bead", NULL, bead, strlen(bead),
                                   err);
        }
    }
    if (st == SELARAS_OK) {
        num.len = 0;
        if (sl_buf_append_score(&num, score) != 0)
            st = sl_nomem(err);
        else
            st = sl_unit_push_prop(u, SELARAS_UNIT_WHOLE, "x-score", NULL, num.data, num.len,
                                   err);
    }
    if (st == SELARAS_OK && w->doc_date != NULL)
        st = sl_unit_push_prop(u, SELARAS_UNIT_WHOLE, "x-doc-date", NULL, w->doc_date,
                               strlen(w->doc_date), err);
    sl_buf_release(&num);
    return st;
}

/* The segment indices of a bead as the properties x-src and x-tgt ("[3, 4]"), which the
 * JSONL output writes as the arrays "src" and "tgt". */
static selaras_status push_bead_indices(selaras_writer *w, selaras_unit *u, size_t src_first,
                                        size_t src_count, size_t tgt_first, size_t tgt_count,
                                        selaras_error *err)
{
    const size_t first[2] = {src_first, tgt_first}, count[2] = {src_count, tgt_count};
    static const char *const type[2] = {"x-src", "x-tgt"};
    sl_buf num;
    sl_buf_init(&num, &w->mem);
    selaras_status st = SELARAS_OK;
    for (int side = 0; side < 2 && st == SELARAS_OK; side++) {
        num.len = 0;
        int rc = sl_buf_append_byte(&num, '[');
        for (size_t k = 0; k < count[side] && rc == 0; k++)
            rc = (k > 0 && sl_buf_append_str(&num, ", ")) ||
                 sl_buf_append_size(&num, first[side] + k);
        if (rc != 0 || sl_buf_append_byte(&num, ']') != 0)
            st = sl_nomem(err);
        else
            st = sl_unit_push_prop(u, SELARAS_UNIT_WHOLE, type[side], NULL, num.data, num.len,
                                   err);
    }
    sl_buf_release(&num);
    return st;
}

selaras_status selaras_writer_add_bead(selaras_writer *w, const selaras_segments *src,
                                       size_t src_first, size_t src_count,
                                       const selaras_segments *tgt, size_t tgt_first,
                                       size_t tgt_count, double score, selaras_error *err)
{
    selaras_status st = check_add(w, err);
    if (st != SELARAS_OK)
        return st;
    if (src == NULL || tgt == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "segment list is NULL");
    size_t ns = selaras_segments_count(src), nt = selaras_segments_count(tgt);
    if (src_first > ns || src_count > ns - src_first || tgt_first > nt ||
        tgt_count > nt - tgt_first)
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "bead [%zu+%zu]:[%zu+%zu] out of range (%zu and %zu segments)",
                        src_first, src_count, tgt_first, tgt_count, ns, nt);
    char p[4];
    sl_primary_of(selaras_segments_lang(src), p);
    if (strcmp(p, w->src_primary) != 0)
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "the source segments are in '%s', the writer's source language is '%s'",
                        selaras_segments_lang(src), w->src_tag);
    sl_primary_of(selaras_segments_lang(tgt), p);
    if (strcmp(p, w->tgt_primary) != 0)
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "the target segments are in '%s', the writer's target language is '%s'",
                        selaras_segments_lang(tgt), w->tgt_tag);
    if (isnan(score))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "score is NaN");
    int keep_unpaired = (w->flags & SELARAS_WRITER_KEEP_UNPAIRED) != 0;
    if ((src_count == 0 || tgt_count == 0) && !keep_unpaired) {
        w->counts[SELARAS_COUNT_SKIP_UNPAIRED]++;
        return SELARAS_OK;
    }
    int boiler = 0;
    w->join.len = 0;
    if (join_side(w, src, src_first, src_count, &boiler) != 0 ||
        sl_buf_append_byte(&w->join, '\0') != 0)
        return sl_nomem(err);
    size_t slen = w->join.len - 1;
    if (join_side(w, tgt, tgt_first, tgt_count, &boiler) != 0)
        return sl_nomem(err);
    const char *stext = w->join.data, *ttext = w->join.data + slen + 1;
    size_t tlen = w->join.len - slen - 1;
    size_t scp = code_points(stext, slen), tcp = code_points(ttext, tlen);
    size_t lo = scp < tcp ? scp : tcp, hi = scp < tcp ? tcp : scp;
    int reason = -1;
    if (boiler && !(w->flags & SELARAS_WRITER_KEEP_BOILERPLATE))
        reason = SELARAS_COUNT_SKIP_BOILERPLATE;
    else if (w->has_min_score && score < w->min_score)
        reason = SELARAS_COUNT_SKIP_SCORE;
    else if (lo < w->min_length || (lo == 0 && !keep_unpaired))
        reason = SELARAS_COUNT_SKIP_SHORT;
    else if (w->max_ratio > 0 && (double)hi > w->max_ratio * (double)lo)
        reason = SELARAS_COUNT_SKIP_RATIO;
    else if (!(w->flags & SELARAS_WRITER_KEEP_IDENTICAL) && slen == tlen &&
             memcmp(stext, ttext, slen) == 0)
        reason = SELARAS_COUNT_SKIP_IDENTICAL;
    if (reason >= 0) {
        w->counts[reason]++;
        return SELARAS_OK;
    }
    selaras_unit *u = &w->scratch;
    selaras_unit_clear(u);
    st = sl_unit_push_attr(u, SELARAS_UNIT_WHOLE, "creationdate", w->stamp, strlen(w->stamp),
                           err);
    if (st == SELARAS_OK)
        st = push_bead_props(w, u, src, src_count, tgt, tgt_count, score, err);
    if (st == SELARAS_OK && w->format == SELARAS_FORMAT_JSONL)
        st = push_bead_indices(w, u, src_first, src_count, tgt_first, tgt_count, err);
    if (st == SELARAS_OK)
        st = sl_unit_push_variant(u, w->src_tag, strlen(w->src_tag), stext, slen, err);
    /* the arena may have moved: w->join did not, so ttext is still valid */
    if (st == SELARAS_OK)
        st = sl_unit_push_variant(u, w->tgt_tag, strlen(w->tgt_tag), ttext, tlen, err);
    if (st != SELARAS_OK)
        return st;
    return add(w, u, err);
}

selaras_status selaras_writer_add_alignment(selaras_writer *w, const selaras_segments *src,
                                            const selaras_segments *tgt,
                                            const selaras_alignment *a, selaras_error *err)
{
    if (w == NULL || src == NULL || tgt == NULL || a == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "writer, segments or alignment is NULL");
    size_t n = selaras_alignment_count(a);
    size_t ns = selaras_segments_count(src), nt = selaras_segments_count(tgt);
    for (size_t b = 0; b < n; b++) {
        size_t sf = selaras_alignment_src_first(a, b), sc = selaras_alignment_src_count(a, b);
        size_t tf = selaras_alignment_tgt_first(a, b), tc = selaras_alignment_tgt_count(a, b);
        if (sf > ns || sc > ns - sf || tf > nt || tc > nt - tf)
            return sl_error(err, SELARAS_ERR_ARGUMENT,
                            "bead %zu [%zu+%zu]:[%zu+%zu] is out of the lists' range (%zu and "
                            "%zu segments): the alignment is of other lists", b, sf, sc, tf,
                            tc, ns, nt);
    }
    selaras_status st = SELARAS_OK;
    for (size_t b = 0; b < n && st == SELARAS_OK; b++)
        st = selaras_writer_add_bead(w, src, selaras_alignment_src_first(a, b),
                                     selaras_alignment_src_count(a, b), tgt,
                                     selaras_alignment_tgt_first(a, b),
                                     selaras_alignment_tgt_count(a, b),
                                     selaras_alignment_score(a, b), err);
    return st;
}

selaras_status selaras_writer_add_tmx(selaras_writer *w, const char *path, selaras_error *err)
{
    selaras_status st = check_add(w, err);
    if (st != SELARAS_OK)
        return st;
    if (path == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "path is NULL");
    return add_file(w, path, err);
}

static selaras_status add_file(selaras_writer *w, const char *path, selaras_error *err)
{
    selaras_tmx_reader *r;
    selaras_status st = selaras_tmx_reader_new(&r, path, 0, &w->mem, err);
    if (st != SELARAS_OK)
        return st;
    st = selaras_writer_add_header(w, selaras_tmx_reader_header(r), err);
    const selaras_unit *u;
    while (st == SELARAS_OK && (st = selaras_tmx_reader_next(r, &u, err)) == SELARAS_OK &&
           u != NULL)
        st = add(w, u, err);
    selaras_tmx_reader_free(r);
    if (st != SELARAS_OK)
        w->failed = 1;
    return st;
}

selaras_status selaras_writer_close(selaras_writer *w, selaras_error *err)
{
    if (w == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "writer is NULL");
    if (w->closed || w->failed)
        return sl_error(err, SELARAS_ERR_STATE, "the writer is already closed or failed");
    w->started = 1;
    selaras_status st = prepare(w, err);
    if (st == SELARAS_OK && !w->begun)
        st = sl_emit_begin(w, err);
    if (st == SELARAS_OK)
        st = sl_store_emit(w, err);
    if (st == SELARAS_OK)
        st = sl_emit_end(w, err);
    for (size_t i = 0; st == SELARAS_OK && i < w->nout; i++)
        st = sl_out_flush(w, i, 0, err);
    for (size_t i = 0; st == SELARAS_OK && i < w->nout; i++)
        st = sl_out_commit(w, &w->out[i], err);
    if (st != SELARAS_OK) {
        w->failed = 1;
        for (size_t i = 0; i < w->nout; i++)
            sl_out_discard(w, &w->out[i]);
        return st;
    }
    for (size_t i = 0; i < w->nout; i++)
        sl_out_discard(w, &w->out[i]);
    w->closed = 1;
    return SELARAS_OK;
}
