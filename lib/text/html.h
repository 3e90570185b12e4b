/* Private header shared by the HTML reader (html.c) and the main-text extraction
 * (extract.c): the page as a list of text blocks inside a tree of elements. */
#ifndef SELARAS_HTML_H
#define SELARAS_HTML_H

#include "intake.h"

#define SL_NO_ELEM ((size_t)-1)

/* Tags the reader tells apart; every other one is an inline element. */
typedef enum sl_tag {
    SL_TAG_OTHER = 0,
    SL_TAG_A, SL_TAG_BR, SL_TAG_PRE, SL_TAG_TITLE, SL_TAG_P, SL_TAG_H1, SL_TAG_H2,
    SL_TAG_HN,          /* h3-h6 */
    SL_TAG_LI, SL_TAG_TD, SL_TAG_DIV, SL_TAG_FIGCAPTION, SL_TAG_BLOCKQUOTE,
    SL_TAG_LIST,        /* ul, ol, dl */
    SL_TAG_BLOCK,       /* any other block-level element */
    SL_TAG_ARTICLE,     /* article, main, body, html: never dropped for their class */
    SL_TAG_DROP         /* script, style, nav, header, footer, aside, form… */
} sl_tag;

enum {
    SL_ELEM_UNLIKELY = 1u << 0, /* class or id of a menu, share bar, related list… */
    SL_ELEM_BYLINE = 1u << 1,   /* class or id of an author or date line */
    SL_ELEM_CAPTION = 1u << 2,  /* figcaption or a caption class */
    SL_ELEM_DROP = 1u << 3,     /* its text is not content (dropped tag, hidden, unlikely) */
    SL_ELEM_OWN_DROP = 1u << 4  /* dropped for itself, not for an ancestor (not inherited) */
};

typedef struct sl_elem {
    size_t parent;     /* SL_NO_ELEM for a top-level element */
    sl_tag tag;
    int weight;        /* class and id weight, as Readability's: -25, 0, 25 or 50 */
    unsigned flags;    /* SL_ELEM_*, inherited from the ancestors */
    double score;      /* filled by extract.c */
    size_t chars;      /* characters of text below it (extract.c) */
    size_t link_chars; /* of which inside links (extract.c) */
} sl_elem;

typedef struct sl_hblock {
    size_t start, end; /* in sl_page.text; text[end] is the '\n' after it */
    size_t elem;       /* the innermost block-level element around it */
    sl_tag tag;        /* that element's tag (SL_TAG_TITLE for the page title) */
    unsigned flags;    /* its element's SL_ELEM_* flags */
    size_t chars;      /* code points */
    size_t link_chars; /* code points inside links */
} sl_hblock;

typedef struct sl_page {
    const selaras_allocator *mem;
    sl_buf text;       /* every block's text followed by '\n' */
    sl_map map;        /* text -> the page's bytes */
    sl_elem *elems;
    size_t nelems, elems_cap;
    sl_hblock *blocks;
    size_t nblocks, blocks_cap;
} sl_page;

/* Read html[0..len) (valid UTF-8) with libxml2's HTML parser into page (initialised
 * here; release with sl_page_release() also on failure). */
selaras_status sl_html_read(sl_page *page, const selaras_allocator *mem, const char *html,
                            size_t len, selaras_error *err);
void sl_page_release(sl_page *page);

/* Stop words (stopwords.c): how many of the words of text[0..len) are stop words of the
 * language (primary subtag; "id" and "en" have lists, others use both), into *words and
 * *stops. */
void sl_count_stopwords(const char *text, size_t len, const char *primary, size_t *words,
                        size_t *stops);

#endif
