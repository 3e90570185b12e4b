/* The document handle: construction, accessors and the offset map lookups. */
#include "config.h"

#include <string.h>

#include "text.h"

selaras_status selaras_doc_new(selaras_doc **out, const char *bytes, size_t len,
                               const char *lang, unsigned flags,
                               const selaras_allocator *mem, selaras_error *err)
{
    return selaras_doc_new_encoded(out, bytes, len, lang, NULL, flags, mem, err);
}

selaras_status selaras_doc_new_encoded(selaras_doc **out, const char *bytes, size_t len,
                                       const char *lang, const char *encoding, unsigned flags,
                                       const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_doc_new: out is NULL");
    *out = NULL;
    if (bytes == NULL && len > 0)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_doc_new: bytes is NULL");
    if (flags & ~(unsigned)(SELARAS_DOC_REPLACE_INVALID | SELARAS_DOC_HTML |
                            SELARAS_DOC_DETECT_HTML))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_doc_new: unknown flags 0x%x", flags);
    if (len > SELARAS_DOC_MAX_BYTES)
        return sl_error(err, SELARAS_ERR_LIMIT,
                        "document of %zu bytes exceeds the limit of %zu bytes", len,
                        (size_t)SELARAS_DOC_MAX_BYTES);
    selaras_allocator m;
    char tag[SL_LANG_TAG_MAX], primary[4];
    selaras_status st = sl_mem_lang_init(&m, mem, lang, tag, primary, err);
    if (st != SELARAS_OK)
        return st;

    selaras_doc *doc = sl_calloc(&m, 1, sizeof *doc);
    if (doc == NULL)
        return sl_nomem(err);
    doc->mem = m;
    memcpy(doc->tag, tag, sizeof tag);
    memcpy(doc->primary, primary, sizeof primary);
    if ((st = sl_intake(doc, bytes == NULL ? "" : bytes, len, encoding, flags, err)) !=
        SELARAS_OK) {
        sl_free(&m, doc);
        return st;
    }
    *out = doc;
    return SELARAS_OK;
}

void selaras_doc_free(selaras_doc *doc)
{
    if (doc == NULL)
        return;
    selaras_allocator m = doc->mem;
    sl_free(&m, doc->text);
    sl_free(&m, doc->runs);
    sl_free(&m, doc->name);
    sl_free(&m, doc->blocks);
    sl_free(&m, doc);
}

const char *selaras_doc_text(const selaras_doc *doc, size_t *len)
{
    if (len != NULL)
        *len = doc->len;
    return doc->text;
}

const char *selaras_doc_lang(const selaras_doc *doc)
{
    return doc->tag;
}

size_t selaras_doc_original_length(const selaras_doc *doc)
{
    return doc->orig_len;
}

size_t selaras_doc_replacements(const selaras_doc *doc)
{
    return doc->replacements;
}

/* Index of the last run whose start (norm or orig, by_orig) is <= offset. */
static size_t find_run(const selaras_doc *doc, size_t offset, int by_orig)
{
    size_t lo = 0, hi = doc->nruns;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        size_t key = by_orig ? doc->runs[mid].orig : doc->runs[mid].norm;
        if (key <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t selaras_doc_to_original(const selaras_doc *doc, size_t offset)
{
    if (offset >= doc->len)
        return doc->orig_len;
    const sl_offset_run *r = &doc->runs[find_run(doc, offset, 0)];
    if (offset < r->norm)
        return 0;
    return r->identity ? r->orig + (offset - r->norm) : r->orig;
}

size_t selaras_doc_to_normalized(const selaras_doc *doc, size_t offset)
{
    if (offset >= doc->orig_len)
        return doc->len;
    size_t i = find_run(doc, offset, 1);
    const sl_offset_run *r = &doc->runs[i];
    if (offset < r->orig)
        return 0;
    size_t n = r->identity ? r->norm + (offset - r->orig) : r->norm;
    /* Input skipped after an identity run (an HTML page's markup) maps to the next run. */
    return i + 1 < doc->nruns && n > doc->runs[i + 1].norm ? doc->runs[i + 1].norm : n;
}

selaras_status selaras_doc_set_name(selaras_doc *doc, const char *name)
{
    if (doc == NULL)
        return SELARAS_ERR_ARGUMENT;
    char *copy = NULL;
    if (name != NULL && (copy = sl_strndup(&doc->mem, name, strlen(name))) == NULL)
        return SELARAS_ERR_NOMEM;
    sl_free(&doc->mem, doc->name);
    doc->name = copy;
    return SELARAS_OK;
}

const char *selaras_doc_name(const selaras_doc *doc)
{
    return doc->name;
}
