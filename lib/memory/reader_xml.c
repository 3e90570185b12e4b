/* The TMX reader's libxml2 plumbing: input callbacks that follow the line and column,
 * capture of the first error libxml2 reports, our own positioned errors, and the node
 * loop that refuses entities and deep nesting. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "reader.h"

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

/* Scan and track n bytes just read into buf; their number, or -1 when the scan found a
 * problem (libxml2 then stops, and the problem is reported where it is). */
static int take(selaras_tmx_reader *r, const char *buf, size_t n)
{
    size_t ok = sl_tmx_scan_bytes(&r->scan, buf, n);
    track(r, buf, ok);
    return ok < n || r->scan.problem != SL_SCAN_OK ? -1 : (int)n;
}

static int read_fd(void *ctx, char *buf, int len)
{
    selaras_tmx_reader *r = ctx;
    for (;;) {
        ssize_t n = read(r->fd, buf, (size_t)len);
        if (n >= 0)
            return take(r, buf, (size_t)n);
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
    return take(r, buf, n);
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
}

/* ---- errors ---- */

/* Fail with libxml2's own error, or a generic one when it reported none. */
selaras_status sl_tmx_fail_xml(selaras_tmx_reader *r, selaras_error *err)
{
    r->state = FAILED;
    if (r->scan.problem == SL_SCAN_TOO_MANY_ATTRIBUTES)
        return sl_error_line(err, SELARAS_ERR_LIMIT, SELARAS_NO_OFFSET, r->line, r->column,
                             "more than %d attributes in one tag",
                             SELARAS_TMX_MAX_ATTRIBUTES);
    if (r->scan.problem == SL_SCAN_UTF16_AS_UTF8)
        return sl_error_line(err, SELARAS_ERR_ENCODING, SELARAS_NO_OFFSET, 1, 1,
                             "the file is UTF-16 but declares encoding=\"UTF-8\"");
    if (r->io_errno != 0)
        return sl_error(err, SELARAS_ERR_IO, "read error: %s",
                        sl_errno_text(r->io_errno));
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
    const char *words = sl_tmx_xml_words(r->xml_code);
    size_t line = r->xml_line > 0 ? (size_t)r->xml_line : 0;
    size_t column = r->xml_line > 0 && r->xml_column > 0 ? (size_t)r->xml_column : 0;
    if (words != NULL)
        return sl_error_line(err, r->xml_status, SELARAS_NO_OFFSET, line, column, "%s",
                             words);
    return sl_error_line(err, r->xml_status, SELARAS_NO_OFFSET, line, column,
                         "malformed XML (XML parser error %d)", r->xml_code);
}

/* Fail with an error of ours about the current node: the line where it starts (column 1),
 * or the parser's position when the node has no line. */
selaras_status sl_tmx_fail_here(selaras_tmx_reader *r, selaras_status st,
                                selaras_error *err, const char *what, const char *name)
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

/* ---- the node loop ---- */

/* Read the next node; 1 when there is one, 0 at the end, -1 on error (reported). */
int sl_tmx_next_node(selaras_tmx_reader *r, selaras_error *err, selaras_status *st)
{
    int rc = xmlTextReaderRead(r->xr);
    if (rc < 0 || r->xml_failed || r->io_errno != 0 || r->scan.problem != SL_SCAN_OK) {
        *st = sl_tmx_fail_xml(r, err);
        return -1;
    }
    if (rc == 0)
        return 0;
    int type = xmlTextReaderNodeType(r->xr);
    if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
        *st = sl_tmx_fail_here(r, SELARAS_ERR_SYNTAX, err,
                               "entity reference found: entity expansion is disabled", NULL);
        return -1;
    }
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
        xmlNodePtr node = xmlTextReaderCurrentNode(r->xr);
        xmlDtdPtr dtd = (xmlDtdPtr)node;
        if (node != NULL && node->type == XML_DTD_NODE &&
            (dtd->entities != NULL || dtd->pentities != NULL)) {
            *st = sl_tmx_fail_here(r, SELARAS_ERR_SYNTAX, err,
                                   "the DOCTYPE declares entities: entity expansion is disabled",
                                   NULL);
            return -1;
        }
    }
    if (xmlTextReaderDepth(r->xr) > SELARAS_TMX_MAX_DEPTH) {
        *st = sl_tmx_fail_here(r, SELARAS_ERR_LIMIT, err, "elements nested too deeply at",
                               (const char *)xmlTextReaderConstName(r->xr));
        return -1;
    }
    return 1;
}

int sl_tmx_next_child(selaras_tmx_reader *r, int base, selaras_error *err, selaras_status *st)
{
    for (;;) {
        int rc = sl_tmx_next_node(r, err, st);
        if (rc < 0)
            return -1;
        if (rc == 0) {
            *st = sl_tmx_fail_xml(r, err);
            return -1;
        }
        int type = xmlTextReaderNodeType(r->xr);
        int depth = xmlTextReaderDepth(r->xr);
        if (type == XML_READER_TYPE_END_ELEMENT && depth == base)
            return 0;
        if (type == XML_READER_TYPE_ELEMENT && depth == base + 1)
            return 1;
    }
}

int sl_tmx_is_name(selaras_tmx_reader *r, const char *name)
{
    const xmlChar *n = xmlTextReaderConstLocalName(r->xr);
    return n != NULL && strcmp((const char *)n, name) == 0;
}

int sl_tmx_xml_open(selaras_tmx_reader *r, const char *url)
{
    r->xr = xmlReaderForIO(r->fd >= 0 ? read_fd : read_memory, close_nothing, r, url, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
    if (r->xr == NULL)
        return -1;
    xmlTextReaderSetStructuredErrorHandler(r->xr, on_xml_error, r);
    return 0;
}
