/* The front end of text intake: choose the encoding, decode, extract an HTML page's main
 * text, normalise, and compose the offset maps of those steps so that the document's map
 * points into the caller's bytes. Plain UTF-8 text goes straight to sl_normalize(). */
#include "config.h"

#include <string.h>

#include "intake.h"

static int is_utf8_name(const char *name)
{
    return sl_ascii_ncaseeq(name, strlen(name), "utf-8") ||
           sl_ascii_ncaseeq(name, strlen(name), "utf8");
}

int sl_looks_like_html(const char *bytes, size_t len)
{
    size_t i = sl_bom_encoding(bytes, len) != NULL && bytes[0] == '\xEF' ? 3 : 0;
    for (;;) {
        while (i < len && sl_is_ascii_space((unsigned char)bytes[i]))
            i++;
        if (i + 4 <= len && memcmp(bytes + i, "<!--", 4) == 0) {
            size_t j = i + 4;
            while (j + 3 <= len && memcmp(bytes + j, "-->", 3) != 0)
                j++;
            if (j + 3 > len)
                return 0;
            i = j + 3;
            continue;
        }
        break;
    }
    static const char *const starts[] = {"<!doctype html", "<html"};
    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(starts[k]);
        if (i + n <= len && sl_ascii_ncaseeq(bytes + i, n, starts[k]) &&
            (i + n == len || !sl_is_ascii_alnum((unsigned char)bytes[i + n])))
            return 1;
    }
    return 0;
}

int selaras_looks_like_html(const char *bytes, size_t len)
{
    return bytes != NULL && sl_looks_like_html(bytes, len);
}

/* The encoding of an HTML page that names none itself and has no BOM. */
static const char *page_encoding(const char *bytes, size_t len, unsigned flags, char *declared,
                                 size_t size)
{
    if (sl_utf8_valid(bytes, len))
        return "UTF-8";
    /* A charset ICU does not know counts as none, as in a browser. */
    if (sl_html_declared_charset(bytes, len, declared, size) && sl_encoding_known(declared)) {
        if (!is_utf8_name(declared))
            return declared;
        if (flags & SELARAS_DOC_REPLACE_INVALID)
            return "UTF-8";
    }
    /* No charset, or one that lies (bytes that are not UTF-8 declared as UTF-8). */
    return "windows-1252";
}

/* Index of the last run whose input offset is <= off. */
static size_t to_norm(const selaras_doc *doc, size_t off)
{
    size_t lo = 0, hi = doc->nruns;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->runs[mid].orig <= off)
            lo = mid;
        else
            hi = mid;
    }
    const sl_offset_run *r = &doc->runs[lo];
    if (off < r->orig)
        return 0;
    size_t n = r->identity ? r->norm + (off - r->orig) : r->norm;
    if (lo + 1 < doc->nruns && n > doc->runs[lo + 1].norm)
        n = doc->runs[lo + 1].norm;
    return n > doc->len ? doc->len : n;
}

selaras_status sl_intake(selaras_doc *doc, const char *bytes, size_t len, const char *encoding,
                         unsigned flags, selaras_file *file, selaras_error *err)
{
    int html = (flags & SELARAS_DOC_HTML) ||
               ((flags & SELARAS_DOC_DETECT_HTML) && sl_looks_like_html(bytes, len));
    const char *enc = encoding != NULL ? encoding : sl_bom_encoding(bytes, len);
    char declared[64];
    selaras_status st;
    if (!html && (enc == NULL || is_utf8_name(enc))) {
        return sl_normalize(doc, bytes, len, flags, file, err);
    }
    if (enc == NULL)
        enc = page_encoding(bytes, len, flags, declared, sizeof declared);

    const selaras_allocator *mem = &doc->mem;
    sl_decoded dec, page;
    memset(&dec, 0, sizeof dec);
    memset(&page, 0, sizeof page);
    sl_map_init(&dec.map, mem);
    sl_map_init(&page.map, mem);
    const char *mid = bytes;
    size_t mid_len = len;
    int view = is_utf8_name(enc) && sl_bom_encoding(bytes, len) == NULL &&
               sl_utf8_valid(bytes, len);
    if (!view) {
        if ((st = sl_decode(mem, bytes, len, enc, flags, &dec, err)) != SELARAS_OK) {
            selaras_file_free(file);
            return st;
        }
        mid = dec.text;
        mid_len = dec.len;
    }
    const char *text = mid;
    size_t text_len = mid_len;
    sl_block *blocks = NULL;
    size_t nblocks = 0;
    if (html) {
        st = sl_html_extract(mem, mid, mid_len, doc->primary, &page, &blocks, &nblocks, err);
        if (st != SELARAS_OK)
            goto done;
        text = page.text;
        text_len = page.len;
    }
    if ((st = sl_normalize(doc, text, text_len, flags, NULL, err)) != SELARAS_OK) {
        if (st == SELARAS_ERR_ENCODING && err != NULL && err->offset != SELARAS_NO_OFFSET) {
            size_t at = err->offset;
            if (html)
                at = sl_map_lookup(page.map.runs, page.map.n, page.len, mid_len, at);
            if (!view)
                at = sl_map_lookup(dec.map.runs, dec.map.n, dec.len, len, at);
            sl_error_at(err, st, bytes, len, at, "NUL byte at byte %zu", at);
        }
        goto done;
    }
    /* Blocks: from offsets of the extracted text to the normalised text. */
    for (size_t i = 0; i < nblocks; i++) {
        blocks[i].start = to_norm(doc, blocks[i].start);
        blocks[i].end = to_norm(doc, blocks[i].end);
    }
    /* The document's map points into text; make it point into bytes. */
    sl_map out, step;
    sl_map_init(&out, mem);
    sl_map_init(&step, mem);
    int ok = 1;
    const sl_offset_run *runs = doc->runs;
    size_t nruns = doc->nruns;
    if (html) {
        ok = sl_map_compose(&step, runs, nruns, doc->len, page.map.runs, page.map.n, page.len,
                            mid_len) == 0;
        runs = step.runs;
        nruns = step.n;
    }
    if (ok && !view)
        ok = sl_map_compose(&out, runs, nruns, doc->len, dec.map.runs, dec.map.n, dec.len,
                            len) == 0;
    else if (ok) {
        out = step;
        sl_map_init(&step, mem);
    }
    sl_map_release(&step);
    if (!ok) {
        st = sl_nomem(err);
        selaras_file_free(doc->store);
        sl_free(mem, doc->runs);
        doc->store = NULL;
        doc->text = NULL;
        doc->runs = NULL;
        doc->nruns = 0;
        goto done;
    }
    sl_free(mem, doc->runs);
    doc->runs = out.runs;
    doc->nruns = out.n;
    doc->orig_len = len;
    doc->replacements += dec.replacements;
    doc->blocks = blocks;
    doc->nblocks = nblocks;
    blocks = NULL;
done:
    selaras_file_free(file); /* bytes, its data, are no longer needed */
    sl_free(mem, blocks);
    sl_decoded_release(mem, &page);
    sl_decoded_release(mem, &dec);
    return st;
}

selaras_segment_kind sl_doc_kind_at(const selaras_doc *doc, size_t off,
                                    selaras_segment_kind fallback)
{
    size_t lo = 0, hi = doc->nblocks;
    if (hi == 0)
        return fallback;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->blocks[mid].start <= off)
            lo = mid;
        else
            hi = mid;
    }
    const sl_block *b = &doc->blocks[lo];
    if (off < b->start || off >= b->end || b->kind == SELARAS_BLOCK_CONTENT)
        return fallback;
    return (selaras_segment_kind)b->kind;
}

size_t selaras_doc_block_count(const selaras_doc *doc)
{
    return doc->nblocks;
}

selaras_block_kind selaras_doc_block(const selaras_doc *doc, size_t i, size_t *start,
                                     size_t *end)
{
    if (i >= doc->nblocks) {
        if (start != NULL)
            *start = doc->len;
        if (end != NULL)
            *end = doc->len;
        return SELARAS_BLOCK_CONTENT;
    }
    if (start != NULL)
        *start = doc->blocks[i].start;
    if (end != NULL)
        *end = doc->blocks[i].end;
    return doc->blocks[i].kind;
}

const char *selaras_block_kind_name(selaras_block_kind kind)
{
    switch (kind) {
    case SELARAS_BLOCK_CONTENT: return "content";
    case SELARAS_BLOCK_TITLE: return "title";
    case SELARAS_BLOCK_BOILERPLATE: return "boilerplate";
    }
    return NULL;
}
