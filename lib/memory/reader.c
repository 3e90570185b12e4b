/* The streaming TMX reader on libxml2's xmlTextReader: entities are never expanded, no
 * DTD or network resource is loaded, and only the current unit is held in memory. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlreader.h>

#include "memory.h"

struct selaras_tmx_reader {
    selaras_allocator mem;
    xmlTextReaderPtr xr;
    unsigned flags;
    int fd;                  /* -1 when reading from memory */
    const char *bytes;       /* memory input */
    size_t len, pos;
    int io_errno;
    selaras_unit header;
    selaras_unit unit;
    sl_buf text;             /* scratch: the text of the element being read */
    char version[16];
    int state;               /* 0 in body, 1 finished, 2 failed */
    size_t line, column;     /* position after the input read so far */
    size_t last_line, last_column; /* position after its last non-blank character */
    int xml_code;
    /* the first error libxml2 reported */
    int xml_failed;
    selaras_status xml_status;
    int xml_line, xml_column;
    char xml_message[160];
};

enum { IN_BODY = 0, FINISHED = 1, FAILED = 2 };

/* ---- input callbacks ---- */

/* Move the position over s[0..n): lines by LF, columns in code points. */
static void advance(selaras_tmx_reader *r, const char *s, size_t n)
{
    const char *p = s, *end = s + n, *from = s, *nl;
    while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        r->line++;
        r->column = 1;
        from = p = nl + 1;
    }
    for (; from < end; from++)
        r->column += ((unsigned char)*from & 0xC0) != 0x80;
}

/* Follow the position in the input so that an error at its very end can be told apart. */
static void track(selaras_tmx_reader *r, const char *buf, size_t n)
{
    size_t k = n;
    while (k > 0 && (buf[k - 1] == ' ' || buf[k - 1] == '\n' || buf[k - 1] == '\t' ||
                     buf[k - 1] == '\r'))
        k--;
    advance(r, buf, k);
    if (k > 0) {
        r->last_line = r->line;
        r->last_column = r->column;
    }
    advance(r, buf + k, n - k);
}

static int read_fd(void *ctx, char *buf, int len)
{
    selaras_tmx_reader *r = ctx;
    for (;;) {
        ssize_t n = read(r->fd, buf, (size_t)len);
        if (n >= 0) {
            track(r, buf, (size_t)n);
            return (int)n;
        }
        if (errno != EINTR) {
            r->io_errno = errno;
            return -1;
        }
    }
}

static int read_memory(void *ctx, char *buf, int len)
{
    selaras_tmx_reader *r = ctx;
    size_t n = r->len - r->pos;
    if (n > (size_t)len)
        n = (size_t)len;
    if (n > 0)
        memcpy(buf, r->bytes + r->pos, n);
    r->pos += n;
    track(r, buf, n);
    return (int)n;
}

static int close_nothing(void *ctx)
{
    (void)ctx;
    return 0;
}

#if LIBXML_VERSION >= 21200
static void on_xml_error(void *ctx, const xmlError *e)
#else
static void on_xml_error(void *ctx, xmlErrorPtr e)
#endif
{
    selaras_tmx_reader *r = ctx;
    if (r->xml_failed || e == NULL || e->level < XML_ERR_ERROR)
        return;
    r->xml_failed = 1;
    r->xml_code = e->code;
    r->xml_line = e->line;
    r->xml_column = e->int2;
    r->xml_status = SELARAS_ERR_SYNTAX;
    if (e->domain == XML_FROM_I18N || e->code == XML_ERR_INVALID_ENCODING ||
        e->code == XML_ERR_UNKNOWN_ENCODING || e->code == XML_ERR_UNSUPPORTED_ENCODING ||
        e->code == XML_ERR_INVALID_CHAR)
        r->xml_status = SELARAS_ERR_ENCODING;
    else if (e->code == XML_ERR_NO_MEMORY)
        r->xml_status = SELARAS_ERR_NOMEM;
    const char *m = e->message != NULL ? e->message : "malformed XML";
    size_t n = strlen(m);
    while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
        n--;
    if (n >= sizeof r->xml_message)
        n = sizeof r->xml_message - 1;
    memcpy(r->xml_message, m, n);
    r->xml_message[n] = '\0';
}

/* ---- errors ---- */

/* Fail with libxml2's own error, or a generic one when it reported none. */
static selaras_status fail_xml(selaras_tmx_reader *r, selaras_error *err)
{
    r->state = FAILED;
    if (r->io_errno != 0)
        return sl_error(err, SELARAS_ERR_IO, "read error: %s", strerror(r->io_errno));
    if (!r->xml_failed)
        return sl_error_line(err, SELARAS_ERR_SYNTAX, SELARAS_NO_OFFSET,
                             (size_t)xmlTextReaderGetParserLineNumber(r->xr),
                             (size_t)xmlTextReaderGetParserColumnNumber(r->xr),
                             "malformed TMX (the XML parser stopped)");
    if (r->xml_code == XML_ERR_ENTITY_LOOP) /* libxml2 gives a line inside the entity */
        return sl_error_line(err, SELARAS_ERR_SYNTAX, SELARAS_NO_OFFSET,
                             (size_t)xmlTextReaderGetParserLineNumber(r->xr),
                             (size_t)xmlTextReaderGetParserColumnNumber(r->xr),
                             "entity reference loop or entity bomb: entity expansion is "
                             "disabled");
    if (r->xml_code == XML_ERR_DOCUMENT_END && (size_t)r->xml_line == r->last_line &&
        (size_t)r->xml_column == r->last_column)
        return sl_error_line(err, SELARAS_ERR_SYNTAX, SELARAS_NO_OFFSET,
                             r->xml_line > 0 ? (size_t)r->xml_line : 0,
                             r->xml_line > 0 && r->xml_column > 0 ? (size_t)r->xml_column : 0,
                             r->last_line == 1 && r->last_column == 1
                                 ? "the file is empty"
                                 : "premature end of data: the file is truncated");
    return sl_error_line(err, r->xml_status, SELARAS_NO_OFFSET,
                         r->xml_line > 0 ? (size_t)r->xml_line : 0,
                         r->xml_line > 0 && r->xml_column > 0 ? (size_t)r->xml_column : 0,
                         "%s", r->xml_message);
}

/* Fail with an error of ours about the current node: the line where it starts (column 1),
 * or the parser's position when the node has no line. */
static selaras_status fail_here(selaras_tmx_reader *r, selaras_status st, selaras_error *err,
                                const char *what, const char *name)
{
    r->state = FAILED;
    xmlNodePtr node = xmlTextReaderCurrentNode(r->xr);
    long line = node != NULL ? xmlGetLineNo(node) : -1;
    size_t column = 1;
    if (line <= 0) {
        line = xmlTextReaderGetParserLineNumber(r->xr);
        column = (size_t)xmlTextReaderGetParserColumnNumber(r->xr);
    }
    return sl_error_line(err, st, SELARAS_NO_OFFSET, line > 0 ? (size_t)line : 0,
                         line > 0 ? column : 0, "%s%s%.60s%s", what, name ? " <" : "",
                         name ? name : "", name ? ">" : "");
}

/* ---- reading ---- */

/* Read the next node; 1 when there is one, 0 at the end, -1 on error (reported). */
static int next_node(selaras_tmx_reader *r, selaras_error *err, selaras_status *st)
{
    int rc = xmlTextReaderRead(r->xr);
    if (rc < 0 || r->xml_failed || r->io_errno != 0) {
        *st = fail_xml(r, err);
        return -1;
    }
    if (rc == 0)
        return 0;
    int type = xmlTextReaderNodeType(r->xr);
    if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
        *st = fail_here(r, SELARAS_ERR_SYNTAX, err,
                        "entity reference found: entity expansion is disabled", NULL);
        return -1;
    }
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
        xmlNodePtr node = xmlTextReaderCurrentNode(r->xr);
        xmlDtdPtr dtd = (xmlDtdPtr)node;
        if (node != NULL && node->type == XML_DTD_NODE &&
            (dtd->entities != NULL || dtd->pentities != NULL)) {
            *st = fail_here(r, SELARAS_ERR_SYNTAX, err,
                            "the DOCTYPE declares entities: entity expansion is disabled",
                            NULL);
            return -1;
        }
    }
    if (xmlTextReaderDepth(r->xr) > SELARAS_TMX_MAX_DEPTH) {
        *st = fail_here(r, SELARAS_ERR_LIMIT, err, "elements nested too deeply at",
                        (const char *)xmlTextReaderConstName(r->xr));
        return -1;
    }
    return 1;
}

static int is_name(selaras_tmx_reader *r, const char *name)
{
    const xmlChar *n = xmlTextReaderConstLocalName(r->xr);
    return n != NULL && strcmp((const char *)n, name) == 0;
}

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
            st = sl_unit_push_attr(u, owner, name, value, strlen(value), err);
        }
    }
    xmlTextReaderMoveToElement(r->xr);
    if (r->xml_failed && st == SELARAS_OK)
        st = fail_xml(r, err);
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
        int rc = next_node(r, err, &st);
        if (rc < 0)
            return st;
        if (rc == 0)
            return fail_xml(r, err);
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
                (is_name(r, "bpt") || is_name(r, "ept") || is_name(r, "it") ||
                 is_name(r, "ph") || is_name(r, "ut")))
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
    int is_note = is_name(r, "note");
    char *type = NULL, *lang = NULL;
    selaras_status st = SELARAS_OK;
    if (!is_note) {
        type = (char *)xmlTextReaderGetAttribute(r->xr, (const xmlChar *)"type");
        if (type == NULL)
            return fail_here(r, SELARAS_ERR_SYNTAX, err, "no type attribute on", "prop");
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
    selaras_status st = read_attributes(r, u, owner, &lang, err);
    if (st != SELARAS_OK)
        return st;
    if (lang == SL_NONE)
        return fail_here(r, SELARAS_ERR_SYNTAX, err, "no xml:lang attribute on", "tuv");
    /* the language stays at the start of r->text, NUL-terminated; the seg text follows */
    size_t lang_len = r->text.len;
    if (sl_buf_append_byte(&r->text, '\0') != 0)
        return sl_nomem(err);
    int have_seg = 0;
    if (!xmlTextReaderIsEmptyElement(r->xr)) {
        int base = xmlTextReaderDepth(r->xr);
        for (;;) {
            int rc = next_node(r, err, &st);
            if (rc < 0)
                return st;
            if (rc == 0)
                return fail_xml(r, err);
            int type = xmlTextReaderNodeType(r->xr);
            int depth = xmlTextReaderDepth(r->xr);
            if (type == XML_READER_TYPE_END_ELEMENT && depth == base)
                break;
            if (type != XML_READER_TYPE_ELEMENT || depth != base + 1)
                continue;
            if (is_name(r, "seg") && !have_seg) {
                st = read_text(r, err);
                have_seg = 1;
            } else if (is_name(r, "prop") || is_name(r, "note")) {
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
    }
    if (!have_seg)
        return fail_here(r, SELARAS_ERR_SYNTAX, err, "a <tuv> without", "seg");
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
    int base = xmlTextReaderDepth(r->xr);
    for (;;) {
        int rc = next_node(r, err, &st);
        if (rc < 0)
            return st;
        if (rc == 0)
            return fail_xml(r, err);
        int type = xmlTextReaderNodeType(r->xr);
        int depth = xmlTextReaderDepth(r->xr);
        if (type == XML_READER_TYPE_END_ELEMENT && depth == base)
            return SELARAS_OK;
        if (type != XML_READER_TYPE_ELEMENT || depth != base + 1)
            continue;
        if (is_name(r, "tuv"))
            st = read_tuv(r, err);
        else if (is_name(r, "prop") || is_name(r, "note"))
            st = read_prop(r, u, SELARAS_UNIT_WHOLE, err);
        if (st != SELARAS_OK)
            return st;
    }
}

/* Read from the start of the document to the <body> start tag. */
static selaras_status read_header(selaras_tmx_reader *r, selaras_error *err)
{
    selaras_status st = SELARAS_OK;
    int seen_tmx = 0, seen_header = 0;
    for (;;) {
        int rc = next_node(r, err, &st);
        if (rc < 0)
            return st;
        if (rc == 0) {
            if (r->xml_failed)
                return fail_xml(r, err);
            return fail_here(r, SELARAS_ERR_SYNTAX, err,
                             seen_tmx ? "no <body> element" : "no <tmx> element", NULL);
        }
        if (xmlTextReaderNodeType(r->xr) != XML_READER_TYPE_ELEMENT)
            continue;
        int depth = xmlTextReaderDepth(r->xr);
        if (depth == 0) {
            if (!is_name(r, "tmx"))
                return fail_here(r, SELARAS_ERR_SYNTAX, err, "not a TMX file: the root is",
                                 (const char *)xmlTextReaderConstName(r->xr));
            seen_tmx = 1;
            xmlChar *v = xmlTextReaderGetAttribute(r->xr, (const xmlChar *)"version");
            if (v == NULL)
                return fail_here(r, SELARAS_ERR_SYNTAX, err, "no version attribute on", "tmx");
            size_t n = strlen((const char *)v);
            if (n >= sizeof r->version)
                n = sizeof r->version - 1;
            memcpy(r->version, v, n);
            r->version[n] = '\0';
            xmlFree(v);
        } else if (depth == 1 && is_name(r, "header")) {
            seen_header = 1;
            st = read_attributes(r, &r->header, SELARAS_UNIT_WHOLE, NULL, err);
            if (st != SELARAS_OK)
                return st;
            if (selaras_unit_attr(&r->header, SELARAS_UNIT_WHOLE, "srclang") == NULL)
                return fail_here(r, SELARAS_ERR_SYNTAX, err, "no srclang attribute on",
                                 "header");
        } else if (depth == 2 && (is_name(r, "prop") || is_name(r, "note"))) {
            st = read_prop(r, &r->header, SELARAS_UNIT_WHOLE, err);
            if (st != SELARAS_OK)
                return st;
        } else if (depth == 1 && is_name(r, "body")) {
            if (!seen_header)
                return fail_here(r, SELARAS_ERR_SYNTAX, err, "no <header> before", "body");
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
    while ((rc = next_node(r, err, &st)) > 0)
        ;
    if (rc < 0)
        return st;
    if (r->xml_failed)
        return fail_xml(r, err);
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
    for (;;) {
        int rc = next_node(r, err, &st);
        if (rc < 0)
            return st;
        if (rc == 0)
            return fail_xml(r, err);
        int type = xmlTextReaderNodeType(r->xr);
        int depth = xmlTextReaderDepth(r->xr);
        if (type == XML_READER_TYPE_END_ELEMENT && depth == 1) {
            r->state = FINISHED;
            return read_rest(r, err);
        }
        if (type != XML_READER_TYPE_ELEMENT || depth != 2)
            continue;
        if (!is_name(r, "tu"))
            continue; /* an unknown element: its content is ignored */
        st = read_tu(r, err);
        if (st != SELARAS_OK) {
            r->state = FAILED;
            return st;
        }
        *unit = &r->unit;
        return SELARAS_OK;
    }
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
    r->xr = xmlReaderForIO(r->fd >= 0 ? read_fd : read_memory, close_nothing, r, url, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
    if (r->xr == NULL) {
        selaras_tmx_reader_free(r);
        return sl_nomem(err);
    }
    xmlTextReaderSetStructuredErrorHandler(r->xr, on_xml_error, r);
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
        return sl_error(err, SELARAS_ERR_IO, "cannot open: %s", strerror(errno));
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
