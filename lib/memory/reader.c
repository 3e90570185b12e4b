/* The streaming TMX reader: the TMX grammar (header, units, variants, properties, inline
 * codes) read node by node through reader_xml.c. Entities are never expanded, no DTD or
 * network resource is loaded, and only the current unit is held in memory. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "reader.h"

#define SL_STR_(x) #x
#define SL_STR(x) SL_STR_(x)

static int is_text_node(int type)
{
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* Store the current element's attributes into u with the given owner; the variant's
 * language (xml:lang or TMX 1.1's lang) goes to *lang (in r->text) when lang is not NULL. */
static selaras_status read_attributes(selaras_tmx_reader *r, selaras_unit *u, size_t owner,
                                      size_t *lang, selaras_error *err)
{
    selaras_status st = SELARAS_OK;
    while (st == SELARAS_OK && xmlTextReaderMoveToNextAttribute(r->xr) == 1) {
        const char *name = (const char *)xmlTextReaderConstName(r->xr);
        const char *value = (const char *)xmlTextReaderConstValue(r->xr);
        if (name == NULL || value == NULL)
            st = sl_nomem(err);
        else if (strncmp(name, "xmlns", 5) == 0)
            continue;
        else if (lang != NULL && (strcmp(name, "xml:lang") == 0 || strcmp(name, "lang") == 0)) {
            r->text.len = 0;
            if (sl_buf_append_str(&r->text, value) != 0)
                st = sl_nomem(err);
            *lang = 0;
        } else {
            st = sl_unit_put_attr(u, u->nattrs, owner, name, value, strlen(value), err);
        }
    }
    xmlTextReaderMoveToElement(r->xr);
    if (r->xml_failed && st == SELARAS_OK)
        st = sl_tmx_fail_xml(r, err);
    return st;
}

/* Collect the text of the current element (prop, note or seg) into r->text, starting at
 * r->text.len. Inline code elements (bpt, ept, it, ph, ut) and what they hold are left
 * out unless SELARAS_TMX_KEEP_CODES is set. */
static selaras_status read_text(selaras_tmx_reader *r, selaras_error *err)
{
    if (xmlTextReaderIsEmptyElement(r->xr))
        return SELARAS_OK;
    int base = xmlTextReaderDepth(r->xr);
    int code_depth = 0; /* depth of the outermost open code element, 0 when none */
    selaras_status st = SELARAS_OK;
    for (;;) {
        int rc = sl_tmx_next_node(r, err, &st);
        if (rc < 0)
            return st;
        if (rc == 0)
            return sl_tmx_fail_xml(r, err);
        int type = xmlTextReaderNodeType(r->xr);
        int depth = xmlTextReaderDepth(r->xr);
        if (type == XML_READER_TYPE_END_ELEMENT) {
            if (depth == base)
                return SELARAS_OK;
            if (depth == code_depth)
                code_depth = 0;
        } else if (type == XML_READER_TYPE_ELEMENT) {
            if (code_depth == 0 && !(r->flags & SELARAS_TMX_KEEP_CODES) &&
                !xmlTextReaderIsEmptyElement(r->xr) &&
                (sl_tmx_is_name(r, "bpt") || sl_tmx_is_name(r, "ept") || sl_tmx_is_name(r, "it") ||
                 sl_tmx_is_name(r, "ph") || sl_tmx_is_name(r, "ut")))
                code_depth = depth;
        } else if (is_text_node(type) && code_depth == 0) {
            const char *v = (const char *)xmlTextReaderConstValue(r->xr);
            if (v == NULL || sl_buf_append_str(&r->text, v) != 0)
                return sl_nomem(err);
        }
    }
}

/* Read a prop or note element into u. */
static selaras_status read_prop(selaras_tmx_reader *r, selaras_unit *u, size_t owner,
                                selaras_error *err)
{
    int is_note = sl_tmx_is_name(r, "note");
    char *type = NULL, *lang = NULL;
    selaras_status st = SELARAS_OK;
    if (!is_note) {
        type = (char *)xmlTextReaderGetAttribute(r->xr, (const xmlChar *)"type");
        if (type == NULL)
            return sl_tmx_fail_here(r, SELARAS_ERR_SYNTAX, err, "no type attribute on", "prop");
    }
    lang = (char *)xmlTextReaderGetAttribute(r->xr, (const xmlChar *)"xml:lang");
    r->text.len = 0;
    if (sl_buf_reserve(&r->text, 0) != 0)
        st = sl_nomem(err);
    if (st == SELARAS_OK)
        st = read_text(r, err);
    if (st == SELARAS_OK)
        st = sl_unit_push_prop(u, owner, type, lang, r->text.data, r->text.len, err);
    xmlFree(type);
    xmlFree(lang);
    return st;
}

/* Read a tuv element into r->unit. */
static selaras_status read_tuv(selaras_tmx_reader *r, selaras_error *err)
{
    selaras_unit *u = &r->unit;
    size_t owner = u->nvars;
    size_t lang = SL_NONE;
    if (owner >= SELARAS_TMX_MAX_VARIANTS)
        return sl_tmx_fail_here(r, SELARAS_ERR_LIMIT, err,
                                "more than " SL_STR(SELARAS_TMX_MAX_VARIANTS) " variants in one",
                                "tu");
    selaras_status st = read_attributes(r, u, owner, &lang, err);
    if (st != SELARAS_OK)
        return st;
    if (lang == SL_NONE)
        return sl_tmx_fail_here(r, SELARAS_ERR_SYNTAX, err, "no xml:lang attribute on", "tuv");
    /* the language stays at the start of r->text, NUL-terminated; the seg text follows */
    size_t lang_len = r->text.len;
    if (lang_len == 0)
        return sl_tmx_fail_here(r, SELARAS_ERR_SYNTAX, err, "an empty xml:lang attribute on",
                                "tuv");
    if (sl_buf_append_byte(&r->text, '\0') != 0)
        return sl_nomem(err);
    int have_seg = 0;
    if (!xmlTextReaderIsEmptyElement(r->xr)) {
        int base = xmlTextReaderDepth(r->xr), rc;
        while ((rc = sl_tmx_next_child(r, base, err, &st)) > 0) {
            if (sl_tmx_is_name(r, "seg") && !have_seg) {
                st = read_text(r, err);
                have_seg = 1;
            } else if (sl_tmx_is_name(r, "prop") || sl_tmx_is_name(r, "note")) {
                /* keep the language and seg text gathered so far aside */
                sl_buf saved = r->text;
                sl_buf_init(&r->text, &r->mem);
                st = read_prop(r, u, owner, err);
                sl_buf_release(&r->text);
                r->text = saved;
            } else {
                continue; /* an unknown element: its content is ignored */
            }
            if (st != SELARAS_OK)
                return st;
        }
        if (rc < 0)
            return st;
    }
    if (!have_seg)
        return sl_tmx_fail_here(r, SELARAS_ERR_SYNTAX, err, "a <tuv> without", "seg");
    const char *seg = r->text.data + lang_len + 1;
    return sl_unit_push_variant(u, r->text.data, lang_len, seg, r->text.len - lang_len - 1,
                                err);
}

/* Read the tu element the reader is on into r->unit. */
static selaras_status read_tu(selaras_tmx_reader *r, selaras_error *err)
{
    selaras_unit *u = &r->unit;
    selaras_unit_clear(u);
    selaras_status st = read_attributes(r, u, SELARAS_UNIT_WHOLE, NULL, err);
    if (st != SELARAS_OK || xmlTextReaderIsEmptyElement(r->xr))
        return st;
    int base = xmlTextReaderDepth(r->xr), rc;
    while ((rc = sl_tmx_next_child(r, base, err, &st)) > 0) {
        if (sl_tmx_is_name(r, "tuv"))
            st = read_tuv(r, err);
        else if (sl_tmx_is_name(r, "prop") || sl_tmx_is_name(r, "note"))
            st = read_prop(r, u, SELARAS_UNIT_WHOLE, err);
        if (st != SELARAS_OK)
            return st;
    }
    return rc < 0 ? st : SELARAS_OK;
}

/* Read from the start of the document to the <body> start tag. */
static selaras_status read_header(selaras_tmx_reader *r, selaras_error *err)
{
    selaras_status st = SELARAS_OK;
    int seen_tmx = 0, seen_header = 0;
    for (;;) {
        int rc = sl_tmx_next_node(r, err, &st);
        if (rc < 0)
            return st;
        if (rc == 0) {
            if (r->xml_failed)
                return sl_tmx_fail_xml(r, err);
            return sl_tmx_fail_here(r, SELARAS_ERR_SYNTAX, err,
                                    seen_tmx ? "no <body> element" : "no <tmx> element", NULL);
        }
        if (xmlTextReaderNodeType(r->xr) != XML_READER_TYPE_ELEMENT)
            continue;
        int depth = xmlTextReaderDepth(r->xr);
        if (depth == 0) {
            if (!sl_tmx_is_name(r, "tmx"))
                return sl_tmx_fail_here(r, SELARAS_ERR_SYNTAX, err,
                                        "not a TMX file: the root is",
                                        (const char *)xmlTextReaderConstName(r->xr));
            seen_tmx = 1;
            xmlChar *v = xmlTextReaderGetAttribute(r->xr, (const xmlChar *)"version");
            if (v == NULL)
                return sl_tmx_fail_here(r, SELARAS_ERR_SYNTAX, err, "no version attribute on",
                                        "tmx");
            size_t n = strlen((const char *)v);
            if (n >= sizeof r->version)
                n = sizeof r->version - 1;
            memcpy(r->version, v, n);
            r->version[n] = '\0';
            xmlFree(v);
        } else if (depth == 1 && sl_tmx_is_name(r, "header")) {
            seen_header = 1;
            st = read_attributes(r, &r->header, SELARAS_UNIT_WHOLE, NULL, err);
            if (st != SELARAS_OK)
                return st;
            if (selaras_unit_attr(&r->header, SELARAS_UNIT_WHOLE, "srclang") == NULL)
                return sl_tmx_fail_here(r, SELARAS_ERR_SYNTAX, err, "no srclang attribute on",
                                        "header");
        } else if (depth == 2 && (sl_tmx_is_name(r, "prop") || sl_tmx_is_name(r, "note"))) {
            st = read_prop(r, &r->header, SELARAS_UNIT_WHOLE, err);
            if (st != SELARAS_OK)
                return st;
        } else if (depth == 1 && sl_tmx_is_name(r, "body")) {
            if (!seen_header)
                return sl_tmx_fail_here(r, SELARAS_ERR_SYNTAX, err, "no <header> before", "body");
            if (xmlTextReaderIsEmptyElement(r->xr))
                r->state = FINISHED;
            return SELARAS_OK;
        }
    }
}

/* Read what follows </body> to the end, so that truncation and garbage are reported. */
static selaras_status read_rest(selaras_tmx_reader *r, selaras_error *err)
{
    selaras_status st = SELARAS_OK;
    int rc;
    while ((rc = sl_tmx_next_node(r, err, &st)) > 0)
        ;
    if (rc < 0)
        return st;
    if (r->xml_failed)
        return sl_tmx_fail_xml(r, err);
    r->state = FINISHED;
    return SELARAS_OK;
}

selaras_status selaras_tmx_reader_next(selaras_tmx_reader *r, const selaras_unit **unit,
                                       selaras_error *err)
{
    if (unit != NULL)
        *unit = NULL;
    if (r == NULL || unit == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "reader or unit is NULL");
    if (r->state == FAILED)
        return sl_error(err, SELARAS_ERR_STATE, "the reader failed earlier");
    if (r->state == FINISHED)
        return read_rest(r, err);
    selaras_status st = SELARAS_OK;
    int rc;
    while ((rc = sl_tmx_next_child(r, 1, err, &st)) > 0) { /* the children of <body> */
        if (!sl_tmx_is_name(r, "tu"))
            continue; /* an unknown element: its content is ignored */
        st = read_tu(r, err);
        if (st != SELARAS_OK) {
            r->state = FAILED;
            return st;
        }
        *unit = &r->unit;
        return SELARAS_OK;
    }
    if (rc < 0)
        return st;
    r->state = FINISHED;
    return read_rest(r, err);
}

static selaras_status open_reader(selaras_tmx_reader **out, selaras_tmx_reader *proto,
                                  const char *url, const selaras_allocator *mem,
                                  selaras_error *err)
{
    selaras_allocator m;
    selaras_status st = sl_mem_init(&m, mem, err);
    selaras_tmx_reader *r = st == SELARAS_OK ? sl_malloc(&m, sizeof *r) : NULL;
    if (r == NULL) {
        if (proto->fd >= 0)
            close(proto->fd);
        return st != SELARAS_OK ? st : sl_nomem(err);
    }
    *r = *proto;
    r->mem = m;
    r->line = r->column = r->last_line = r->last_column = 1;
    sl_unit_init(&r->header, &r->mem);
    sl_unit_init(&r->unit, &r->mem);
    sl_buf_init(&r->text, &r->mem);
    if (sl_tmx_xml_open(r, url) != 0) {
        selaras_tmx_reader_free(r);
        return sl_nomem(err);
    }
    st = read_header(r, err);
    if (st != SELARAS_OK) {
        selaras_tmx_reader_free(r);
        return st;
    }
    *out = r;
    return SELARAS_OK;
}

selaras_status selaras_tmx_reader_new(selaras_tmx_reader **out, const char *path,
                                      unsigned flags, const selaras_allocator *mem,
                                      selaras_error *err)
{
    if (out == NULL || path == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out or path is NULL");
    *out = NULL;
    selaras_tmx_reader proto;
    memset(&proto, 0, sizeof proto);
    proto.flags = flags;
    proto.fd = open(path, O_RDONLY | O_CLOEXEC);
    if (proto.fd < 0)
        return sl_error(err, SELARAS_ERR_IO, "cannot open: %s", sl_errno_text(errno));
    return open_reader(out, &proto, path, mem, err);
}

selaras_status selaras_tmx_reader_new_memory(selaras_tmx_reader **out, const char *bytes,
                                             size_t len, unsigned flags,
                                             const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL || (bytes == NULL && len > 0))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out or bytes is NULL");
    *out = NULL;
    selaras_tmx_reader proto;
    memset(&proto, 0, sizeof proto);
    proto.flags = flags;
    proto.fd = -1;
    proto.bytes = bytes;
    proto.len = len;
    return open_reader(out, &proto, "memory.tmx", mem, err);
}

void selaras_tmx_reader_free(selaras_tmx_reader *r)
{
    if (r == NULL)
        return;
    if (r->xr != NULL)
        xmlFreeTextReader(r->xr);
    if (r->fd >= 0)
        close(r->fd);
    sl_unit_release(&r->header);
    sl_unit_release(&r->unit);
    sl_buf_release(&r->text);
    selaras_allocator mem = r->mem;
    sl_free(&mem, r);
}

const selaras_unit *selaras_tmx_reader_header(const selaras_tmx_reader *r)
{
    return r == NULL ? NULL : &r->header;
}

const char *selaras_tmx_reader_version(const selaras_tmx_reader *r)
{
    return r == NULL ? NULL : r->version;
}

const char *selaras_tmx_reader_srclang(const selaras_tmx_reader *r)
{
    return r == NULL ? NULL : selaras_unit_attr(&r->header, SELARAS_UNIT_WHOLE, "srclang");
}
