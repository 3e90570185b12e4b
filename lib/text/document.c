/* The document handle: construction, accessors and the offset map lookups. */
#include "config.h"

#include <string.h>

#include "text.h"

/* The constructors: bytes (with file, their holder, or NULL) in encoding (NULL: detect)
 * into a document. file is taken over in every case; mem is NULL to use the file's
 * allocator. */
static selaras_status make_doc(selaras_doc **out, const char *bytes, size_t len,
                               const char *lang, const char *encoding, unsigned flags,
                               const selaras_allocator *mem, selaras_file *file,
                               selaras_error *err)
{
    const char *fn = file != NULL ? "selaras_doc_new_from_file" : "selaras_doc_new";
    selaras_status st = SELARAS_OK;
    if (out == NULL)
        st = sl_error(err, SELARAS_ERR_ARGUMENT, "%s: out is NULL", fn);
    else if (bytes == NULL && len > 0)
        st = sl_error(err, SELARAS_ERR_ARGUMENT, "%s: bytes is NULL", fn);
    else if (flags & ~(unsigned)(SELARAS_DOC_REPLACE_INVALID | SELARAS_DOC_HTML |
                                 SELARAS_DOC_DETECT_HTML))
        st = sl_error(err, SELARAS_ERR_ARGUMENT, "%s: unknown flags 0x%x", fn, flags);
    else if (len > SELARAS_DOC_MAX_BYTES)
        st = sl_error(err, SELARAS_ERR_LIMIT,
                      "document of %zu bytes exceeds the limit of %zu bytes", len,
                      (size_t)SELARAS_DOC_MAX_BYTES);
    if (out != NULL)
        *out = NULL;
    selaras_allocator m;
    char tag[SL_LANG_TAG_MAX], primary[4];
    if (st == SELARAS_OK)
        st = sl_mem_lang_init(&m, file != NULL ? &file->mem : mem, lang, tag, primary, err);
    selaras_doc *doc = NULL;
    if (st == SELARAS_OK && (doc = sl_calloc(&m, 1, sizeof *doc)) == NULL)
        st = sl_nomem(err);
    if (st != SELARAS_OK) {
        selaras_file_free(file);
        return st;
    }
    doc->mem = m;
    memcpy(doc->tag, tag, sizeof tag);
    memcpy(doc->primary, primary, sizeof primary);
    if ((st = sl_intake(doc, bytes == NULL ? "" : bytes, len, encoding, flags, file, err)) !=
        SELARAS_OK) {
        sl_free(&m, doc);
        return st;
    }
    *out = doc;
    return SELARAS_OK;
}

selaras_status selaras_doc_new(selaras_doc **out, const char *bytes, size_t len,
                               const char *lang, unsigned flags,
                               const selaras_allocator *mem, selaras_error *err)
{
    return make_doc(out, bytes, len, lang, NULL, flags, mem, NULL, err);
}

selaras_status selaras_doc_new_encoded(selaras_doc **out, const char *bytes, size_t len,
                                       const char *lang, const char *encoding, unsigned flags,
                                       const selaras_allocator *mem, selaras_error *err)
{
    return make_doc(out, bytes, len, lang, encoding, flags, mem, NULL, err);
}

selaras_status selaras_doc_new_from_file(selaras_doc **out, selaras_file *file,
                                         const char *lang, unsigned flags, selaras_error *err)
{
    if (file == NULL) {
        if (out != NULL)
            *out = NULL;
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_doc_new_from_file: file is NULL");
    }
    return make_doc(out, file->data, file->len, lang, NULL, flags, NULL, file, err);
}

void selaras_doc_free(selaras_doc *doc)
{
    if (doc == NULL)
        return;
    selaras_allocator m = doc->mem;
    selaras_file_free(doc->store);
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
