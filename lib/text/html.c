/* The HTML reader: libxml2's HTML parser (recovering from broken markup, no network, no
 * entities beyond HTML's own) driven through SAX callbacks that cut the page into text
 * blocks (paragraphs, headings, list items, cells, runs between <br><br>) inside a tree
 * of elements, while recording for every byte of block text where it is in the page.
 *
 * Offsets: the parser reads the page from memory, so its input position (bytes consumed
 * plus the cursor) is a byte offset into the page. A piece of text handed to the
 * characters callback ends at or near that position; it is found there verbatim (plain
 * text) or it came from a character reference (an entity), which maps to its '&'. */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "html.h"

#define SL_MAX_DEPTH 256

typedef struct reader {
    sl_page *page;
    htmlParserCtxtPtr ctxt;
    const char *html;
    size_t len;
    selaras_status failed; /* first failure; the callbacks then do nothing */
    /* open elements */
    size_t stack[SL_MAX_DEPTH];
    size_t depth;
    size_t overflow;       /* elements open beyond SL_MAX_DEPTH */
    size_t drop_depth;     /* open elements whose text is dropped */
    size_t a_depth, pre_depth, h1_depth, title_depth;
    size_t last_pos;       /* page offset after the last text seen */
    /* the open block */
    int open;
    sl_hblock cur;
    int space_pending;     /* white space seen since the last character */
    int break_pending;     /* a single <br> seen since the last character */
    size_t space_at;
    size_t brs;            /* <br> since the last character */
} reader;

static const struct {
    const char *name;
    sl_tag tag;
} tags[] = {
    {"a", SL_TAG_A}, {"br", SL_TAG_BR}, {"pre", SL_TAG_PRE}, {"title", SL_TAG_TITLE},
    {"p", SL_TAG_P}, {"h1", SL_TAG_H1}, {"h2", SL_TAG_H2}, {"h3", SL_TAG_HN},
    {"h4", SL_TAG_HN}, {"h5", SL_TAG_HN}, {"h6", SL_TAG_HN}, {"li", SL_TAG_LI},
    {"dt", SL_TAG_LI}, {"dd", SL_TAG_LI}, {"td", SL_TAG_TD}, {"th", SL_TAG_TD},
    {"div", SL_TAG_DIV}, {"figcaption", SL_TAG_FIGCAPTION}, {"caption", SL_TAG_FIGCAPTION},
    {"blockquote", SL_TAG_BLOCKQUOTE}, {"ul", SL_TAG_LIST}, {"ol", SL_TAG_LIST},
    {"dl", SL_TAG_LIST}, {"table", SL_TAG_BLOCK}, {"tr", SL_TAG_BLOCK},
    {"tbody", SL_TAG_BLOCK}, {"thead", SL_TAG_BLOCK}, {"tfoot", SL_TAG_BLOCK},
    {"section", SL_TAG_BLOCK}, {"figure", SL_TAG_BLOCK}, {"address", SL_TAG_BLOCK},
    {"center", SL_TAG_BLOCK}, {"hr", SL_TAG_BLOCK}, {"fieldset", SL_TAG_BLOCK},
    {"details", SL_TAG_BLOCK}, {"summary", SL_TAG_BLOCK}, {"head", SL_TAG_BLOCK},
    {"article", SL_TAG_ARTICLE}, {"main", SL_TAG_ARTICLE}, {"body", SL_TAG_ARTICLE},
    {"html", SL_TAG_ARTICLE}, {"script", SL_TAG_DROP}, {"style", SL_TAG_DROP},
    {"noscript", SL_TAG_DROP}, {"template", SL_TAG_DROP}, {"nav", SL_TAG_DROP},
    {"header", SL_TAG_DROP}, {"footer", SL_TAG_DROP}, {"aside", SL_TAG_DROP},
    {"form", SL_TAG_DROP}, {"select", SL_TAG_DROP}, {"button", SL_TAG_DROP},
    {"textarea", SL_TAG_DROP}, {"iframe", SL_TAG_DROP}, {"svg", SL_TAG_DROP},
    {"object", SL_TAG_DROP}, {"embed", SL_TAG_DROP}, {"canvas", SL_TAG_DROP},
    {"menu", SL_TAG_DROP}, {"dialog", SL_TAG_DROP}, {"map", SL_TAG_DROP},
    {"audio", SL_TAG_DROP}, {"video", SL_TAG_DROP}, {"math", SL_TAG_DROP},
};

static sl_tag tag_of(const char *name)
{
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (strcmp(name, tags[i].name) == 0)
            return tags[i].tag;
    return SL_TAG_OTHER;
}


static int is_block_tag(sl_tag t)
{
    return t >= SL_TAG_P || t == SL_TAG_PRE;
}

/* ---- class and id ---- */

/* Class and id words (lower case) of a menu, share bar, list of other articles, cookie
 * banner… modelled on Mozilla Readability's "unlikely candidates", with the Indonesian
 * words news portals use. Matched as parts of a word. */
static const char *const unlikely_parts[] = {
    "banner", "breadcrumb", "combx", "comment", "community", "cookie", "consent", "disqus",
    "footer", "gdpr", "masthead", "menu", "navbar", "navigation", "related", "remark",
    "replies", "rss", "share", "sharing", "shoutbox", "sidebar", "skyscraper", "social",
    "sponsor", "popup", "pagination", "pager", "advert", "iklan", "terkait", "terpopuler",
    "populer", "popular", "mostread", "most-read", "newsletter", "subscribe", "widget",
    "promo", "recommend", "trending", "komentar", "bagikan",
};
/* Whole words (between '-', '_', ' ' or the ends) for short ones. */
static const char *const unlikely_words[] = {"ad", "ads", "nav", "tags", "tag", "topik"};
/* Words that keep a container in spite of the above ("article-share" stays). */
static const char *const maybe_words[] = {"article", "content", "main", "body", "story",
                                          "column"};
static const char *const positive_parts[] = {
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
    "detail", "isi", "berita", "artikel", "news"};
static const char *const byline_parts[] = {"author", "byline", "penulis", "reporter",
                                           "writer", "credit", "editor", "dateline"};
static const char *const byline_words[] = {"meta", "date", "time", "by"};
static const char *const caption_parts[] = {"caption", "keterangan", "credit-foto"};

static int has_part(const char *s, const char *part)
{
    return strstr(s, part) != NULL;
}

static int has_word(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = strstr(s, w); p != NULL; p = strstr(p + 1, w)) {
        int before = p == s || p[-1] == ' ' || p[-1] == '-' || p[-1] == '_';
        int after = p[n] == '\0' || p[n] == ' ' || p[n] == '-' || p[n] == '_';
        if (before && after)
            return 1;
    }
    return 0;
}

#define ANY_OF(fn, s, list, hit)                                                             \
    do {                                                                                     \
        for (size_t k_ = 0; k_ < sizeof(list) / sizeof(list)[0] && !(hit); k_++)            \
            (hit) = fn((s), (list)[k_]);                                                     \
    } while (0)

/* Lower-case copy of an attribute value into dst (size bytes), appended after a space. */
static void append_lower(char *dst, size_t size, const char *v)
{
    size_t n = strlen(dst);
    if (n > 0 && n + 1 < size)
        dst[n++] = ' ';
    for (; *v != '\0' && n + 1 < size; v++)
        dst[n++] = (char)sl_ascii_lower((unsigned char)*v);
    dst[n] = '\0';
}

/* Weight and flags of an element from its attributes. */
static void read_attributes(const xmlChar **atts, sl_tag tag, int *weight, unsigned *flags)
{
    char names[512] = "";
    int hidden = 0;
    for (size_t i = 0; atts != NULL && atts[i] != NULL; i += 2) {
        const char *k = (const char *)atts[i], *v = (const char *)atts[i + 1];
        if (v == NULL)
            v = "";
        if (strcmp(k, "class") == 0 || strcmp(k, "id") == 0 || strcmp(k, "rel") == 0 ||
            strcmp(k, "itemprop") == 0 || strcmp(k, "role") == 0)
            append_lower(names, sizeof names, v);
        else if (strcmp(k, "hidden") == 0)
            hidden = 1;
        else if (strcmp(k, "aria-hidden") == 0 && sl_ascii_ncaseeq(v, strlen(v), "true"))
            hidden = 1;
        else if (strcmp(k, "style") == 0) {
            char style[256] = "";
            append_lower(style, sizeof style, v);
            char *p = style, *q = style;
            for (; *p != '\0'; p++) /* drop white space: "display : none" */
                if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                    *q++ = *p;
            *q = '\0';
            if (strstr(style, "display:none") != NULL ||
                strstr(style, "visibility:hidden") != NULL)
                hidden = 1;
        }
    }
    int unlikely = 0, maybe = 0, positive = 0, byline = 0, caption = 0;
    if (names[0] != '\0') {
        ANY_OF(has_part, names, unlikely_parts, unlikely);
        ANY_OF(has_word, names, unlikely_words, unlikely);
        ANY_OF(has_word, names, maybe_words, maybe);
        ANY_OF(has_part, names, positive_parts, positive);
        ANY_OF(has_part, names, byline_parts, byline);
        ANY_OF(has_word, names, byline_words, byline);
        ANY_OF(has_part, names, caption_parts, caption);
    }
    *weight = (positive ? 25 : 0) - (unlikely ? 25 : 0);
    *flags = 0;
    /* Only containers are dropped for their class: an inline "menuitem" is text. */
    if (unlikely && !maybe && tag != SL_TAG_ARTICLE && (is_block_tag(tag) || tag == SL_TAG_DROP))
        *flags |= SL_ELEM_UNLIKELY | SL_ELEM_DROP;
    if (byline)
        *flags |= SL_ELEM_BYLINE;
    if (caption || tag == SL_TAG_FIGCAPTION)
        *flags |= SL_ELEM_CAPTION;
    if (hidden || tag == SL_TAG_DROP)
        *flags |= SL_ELEM_DROP;
}

/* ---- blocks ---- */

static size_t position(const reader *r)
{
    const xmlParserInput *in = r->ctxt->input;
    if (in == NULL || in->cur == NULL || in->base == NULL)
        return r->last_pos;
    size_t pos = (size_t)in->consumed + (size_t)(in->cur - in->base);
    return pos > r->len ? r->len : pos;
}

static void fail(reader *r, selaras_status st)
{
    if (r->failed == SELARAS_OK)
        r->failed = st;
    xmlStopParser(r->ctxt);
}

static size_t top_block_elem(const reader *r)
{
    for (size_t i = r->depth; i > 0; i--)
        if (is_block_tag(r->page->elems[r->stack[i - 1]].tag))
            return r->stack[i - 1];
    return r->depth > 0 ? r->stack[r->depth - 1] : SL_NO_ELEM;
}

static void open_block(reader *r)
{
    sl_page *p = r->page;
    memset(&r->cur, 0, sizeof r->cur);
    r->open = 1;
    r->cur.start = p->text.len;
    r->cur.elem = top_block_elem(r);
    if (r->title_depth > 0)
        r->cur.tag = SL_TAG_TITLE;
    else if (r->cur.elem != SL_NO_ELEM)
        r->cur.tag = p->elems[r->cur.elem].tag;
    r->cur.flags = r->depth > 0 ? p->elems[r->stack[r->depth - 1]].flags : 0;
    if (r->title_depth > 0)
        r->cur.flags &= ~(unsigned)SL_ELEM_DROP;
}

/* Drop map runs at or past text offset at. */
static void trim_map(sl_map *map, size_t at)
{
    while (map->n > 0 && map->runs[map->n - 1].norm >= at)
        map->n--;
}

static void close_block(reader *r)
{
    r->space_pending = r->break_pending = 0;
    r->brs = 0;
    if (!r->open)
        return;
    r->open = 0;
    sl_page *p = r->page;
    /* <pre> text keeps its white space inside, not at its ends */
    size_t n = p->text.len;
    while (r->cur.chars > 0 && n > r->cur.start &&
           (p->text.data[n - 1] == '\n' || p->text.data[n - 1] == ' ' || p->text.data[n - 1] == '\t'))
        n--;
    if (n < p->text.len) {
        p->text.len = n;
        p->text.data[n] = '\0';
        trim_map(&p->map, n);
    }
    if (r->cur.chars == 0) {
        p->text.len = r->cur.start;
        if (p->text.data != NULL)
            p->text.data[p->text.len] = '\0';
        trim_map(&p->map, r->cur.start);
        return;
    }
    r->cur.end = p->text.len;
    void *blocks = p->blocks;
    if (sl_map_add(&p->map, p->text.len, r->last_pos, 0) != 0 ||
        sl_buf_append_byte(&p->text, '\n') != 0 ||
        sl_grow(p->mem, &blocks, &p->blocks_cap, p->nblocks + 1, sizeof(sl_hblock)) != 0) {
        fail(r, SELARAS_ERR_NOMEM);
        return;
    }
    p->blocks = blocks;
    p->blocks[p->nblocks++] = r->cur;
}

/* Append n bytes of one character c (first byte) that sits at page offset at. */
static int put_char(reader *r, const char *c, size_t n, size_t at, int identity)
{
    sl_page *p = r->page;
    if (!r->open)
        open_block(r);
    if (r->cur.chars > 0 && (r->space_pending || r->break_pending)) {
        const char *sep = r->break_pending ? "\n" : " ";
        int same = r->space_at < r->len && r->html[r->space_at] == sep[0];
        if (sl_map_add(&p->map, p->text.len, r->space_at, same) != 0 ||
            sl_buf_append_byte(&p->text, sep[0]) != 0)
            return -1;
    }
    r->space_pending = r->break_pending = 0;
    r->brs = 0;
    if (sl_map_add(&p->map, p->text.len, at, identity) != 0 ||
        sl_buf_append(&p->text, c, n) != 0)
        return -1;
    r->cur.chars++;
    if (r->a_depth > 0)
        r->cur.link_chars++;
    return 0;
}

static int is_space(const unsigned char *s, size_t left, size_t *n)
{
    *n = 1;
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' || s[0] == '\f')
        return 1;
    if (left >= 2 && s[0] == 0xC2 && s[1] == 0xA0) { /* no-break space */
        *n = 2;
        return 1;
    }
    return 0;
}

/* Where the piece ch[0..len) that ends near the parser's position starts in the page, or
 * SIZE_MAX when it is not there verbatim (a character reference). */
static size_t locate(const reader *r, const char *ch, size_t len, size_t end)
{
    if (end >= len && end - len >= r->last_pos && memcmp(r->html + end - len, ch, len) == 0)
        return end - len;
    size_t limit = end + 8 + len < r->len ? end + 8 + len : r->len;
    for (size_t i = r->last_pos; i + len <= limit; i++)
        if (memcmp(r->html + i, ch, len) == 0)
            return i;
    return SIZE_MAX;
}

static void on_text(void *user, const xmlChar *text, int n)
{
    reader *r = user;
    if (r->failed != SELARAS_OK || n <= 0)
        return;
    size_t len = (size_t)n, end = position(r);
    const char *ch = (const char *)text;
    int keep = r->drop_depth == 0 || r->h1_depth > 0 || r->title_depth > 0;
    size_t at = locate(r, ch, len, end);
    int identity = at != SIZE_MAX;
    if (!identity) {
        at = r->last_pos;
        for (size_t i = end; i > r->last_pos; i--)
            if (i - 1 < r->len && r->html[i - 1] == '&') {
                at = i - 1;
                break;
            }
    }
    if (!keep) {
        r->last_pos = identity ? at + len : (end > r->last_pos ? end : r->last_pos);
        return;
    }
    const unsigned char *u = text;
    size_t i = 0;
    while (i < len) {
        size_t w, here = identity ? at + i : at;
        if (r->pre_depth == 0 && is_space(u + i, len - i, &w)) {
            if (!r->space_pending) {
                r->space_pending = 1;
                r->space_at = here;
            }
            i += w;
            continue;
        }
        if (r->pre_depth > 0 && (u[i] == '\r' || (!r->open && is_space(u + i, len - i, &w)))) {
            i += u[i] == '\r' ? 1 : w; /* a CR, or white space before a block's text */
            continue;
        }
        size_t cl = u[i] < 0x80 ? 1 : u[i] < 0xE0 ? 2 : u[i] < 0xF0 ? 3 : 4;
        if (cl > len - i)
            cl = len - i;
        if (put_char(r, ch + i, cl, here, identity) != 0) {
            fail(r, SELARAS_ERR_NOMEM);
            return;
        }
        i += cl;
    }
    size_t after = identity ? at + len : end;
    if (after > r->last_pos)
        r->last_pos = after;
}

static void on_start(void *user, const xmlChar *xname, const xmlChar **atts)
{
    reader *r = user;
    if (r->failed != SELARAS_OK)
        return;
    const char *name = (const char *)xname;
    sl_tag tag = tag_of(name);
    sl_page *p = r->page;
    if (tag == SL_TAG_BR) {
        if (r->open && ++r->brs >= 2)
            close_block(r);
        else if (r->open && !r->break_pending) {
            r->break_pending = 1;
            if (!r->space_pending)
                r->space_at = r->last_pos;
        }
    } else if (is_block_tag(tag) || tag == SL_TAG_TITLE) {
        close_block(r);
    }
    if (r->depth >= SL_MAX_DEPTH) {
        r->overflow++;
        return;
    }
    int weight;
    unsigned flags;
    read_attributes(atts, tag, &weight, &flags);
    void *elems = p->elems;
    if (sl_grow(p->mem, &elems, &p->elems_cap, p->nelems + 1, sizeof(sl_elem)) != 0) {
        fail(r, SELARAS_ERR_NOMEM);
        return;
    }
    p->elems = elems;
    size_t parent = r->depth > 0 ? r->stack[r->depth - 1] : SL_NO_ELEM;
    sl_elem *e = &p->elems[p->nelems];
    memset(e, 0, sizeof *e);
    e->parent = parent;
    e->tag = tag;
    e->weight = weight;
    e->flags = flags | (parent != SL_NO_ELEM ? p->elems[parent].flags & ~SL_ELEM_OWN_DROP : 0);
    if (flags & SL_ELEM_DROP)
        e->flags |= SL_ELEM_OWN_DROP;
    r->stack[r->depth++] = p->nelems++;
    if (flags & SL_ELEM_DROP)
        r->drop_depth++;
    r->a_depth += tag == SL_TAG_A;
    r->pre_depth += tag == SL_TAG_PRE;
    r->h1_depth += tag == SL_TAG_H1;
    r->title_depth += tag == SL_TAG_TITLE;
}

static void on_end(void *user, const xmlChar *xname)
{
    reader *r = user;
    if (r->failed != SELARAS_OK)
        return;
    if (r->overflow > 0) {
        r->overflow--;
        return;
    }
    if (r->depth == 0)
        return;
    sl_page *p = r->page;
    size_t id = r->stack[r->depth - 1];
    sl_tag tag = p->elems[id].tag;
    (void)xname;
    if (is_block_tag(tag) || tag == SL_TAG_TITLE)
        close_block(r);
    r->depth--;
    if ((p->elems[id].flags & SL_ELEM_OWN_DROP) && r->drop_depth > 0)
        r->drop_depth--;
    r->a_depth -= tag == SL_TAG_A && r->a_depth > 0;
    r->pre_depth -= tag == SL_TAG_PRE && r->pre_depth > 0;
    r->h1_depth -= tag == SL_TAG_H1 && r->h1_depth > 0;
    r->title_depth -= tag == SL_TAG_TITLE && r->title_depth > 0;
}

static void on_nothing(void *user, const xmlChar *text, int n)
{
    (void)user, (void)text, (void)n;
}

static void on_message(void *user, const char *msg, ...)
{
    (void)user, (void)msg;
}

void sl_page_release(sl_page *page)
{
    sl_buf_release(&page->text);
    sl_map_release(&page->map);
    sl_free(page->mem, page->elems);
    sl_free(page->mem, page->blocks);
    page->elems = NULL;
    page->blocks = NULL;
    page->nelems = page->nblocks = 0;
}

selaras_status sl_html_read(sl_page *page, const selaras_allocator *mem, const char *html,
                            size_t len, selaras_error *err)
{
    memset(page, 0, sizeof *page);
    page->mem = mem;
    sl_buf_init(&page->text, mem);
    sl_map_init(&page->map, mem);
    if (sl_buf_reserve(&page->text, len / 2 + 16) != 0)
        return sl_nomem(err);
    if (len == 0)
        return SELARAS_OK;
    if (len > (size_t)INT32_MAX)
        return sl_error(err, SELARAS_ERR_LIMIT, "HTML page of %zu bytes is too large", len);
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html, (int)len);
    if (ctxt == NULL)
        return sl_nomem(err);
    htmlSAXHandler *sax = xmlMalloc(sizeof *sax);
    if (sax == NULL) {
        htmlFreeParserCtxt(ctxt);
        return sl_nomem(err);
    }
    memset(sax, 0, sizeof *sax);
    sax->startElement = on_start;
    sax->endElement = on_end;
    sax->characters = on_text;
    sax->ignorableWhitespace = on_text;
    sax->cdataBlock = on_nothing;
    sax->warning = on_message;
    sax->error = on_message;
    xmlFree(ctxt->sax);
    ctxt->sax = sax;
    reader r;
    memset(&r, 0, sizeof r);
    r.page = page;
    r.ctxt = ctxt;
    r.html = html;
    r.len = len;
    ctxt->userData = &r;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
    ctxt->charset = XML_CHAR_ENCODING_UTF8;
    htmlParseDocument(ctxt);
    if (r.failed == SELARAS_OK) {
        r.last_pos = len;
        close_block(&r);
    }
    if (ctxt->myDoc != NULL)
        xmlFreeDoc(ctxt->myDoc);
    htmlFreeParserCtxt(ctxt);
    if (r.failed != SELARAS_OK)
        return sl_nomem(err);
    return SELARAS_OK;
}
