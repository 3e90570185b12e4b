/* Main-text extraction: which blocks of a page are its release, and of what kind.
 *
 * Two known methods, combined:
 * - Mozilla Readability's container scoring: every paragraph-like block of 25 characters
 *   or more scores 1 + its commas + one per 100 characters (at most 3); its parent gets
 *   the score, its grandparent half, further ancestors a third per level; a container
 *   starts from its tag (div +5, pre/td/blockquote +3, lists -3, headings -5) and its
 *   class/id weight, and ends scaled by 1 - its link density. The best container and
 *   those of its siblings that score at least a fifth as much (and 10) are the article.
 * - jusText's block classes from length, link density and stop-word density, with its
 *   context rule (a near-good or short block between good ones is good): this decides on
 *   pages where no container stands out, and drops link lists inside the article.
 * The headline is the <h1> that the <title> names (or the first one), else the longest
 * part of the <title>. Captions, bylines, "Baca juga:"/"Read also:" lines and sign-offs
 * are kept as boilerplate; menus, share bars and lists of other articles are dropped. */
#include "config.h"

#include <string.h>

#include "html.h"

enum { CLS_BAD, CLS_SHORT, CLS_NEAR, CLS_GOOD };

typedef struct feature {
    int cls;
    int keep;
    int in_region;
    selaras_block_kind kind;
    size_t from, to;   /* the slice of the block's text that is kept (the headline's) */
} feature;

static const char *block_text(const sl_page *p, const sl_hblock *b)
{
    return p->text.data + b->start;
}

static int starts_with_ci(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && sl_ascii_ncaseeq(s, n, prefix);
}

/* Lines that are not release text though they sit inside the article. */
static int is_boilerplate_text(const char *s, size_t len)
{
    static const char *const prefixes[] = {
        "baca juga", "baca pula", "lihat juga", "simak juga", "baca selengkapnya",
        "read also", "read more", "also read", "related news", "related:", "see also",
        "penulis:", "penulis :", "editor:", "editor :", "pewarta:", "pewarta :",
        "reporter:", "reporter :", "oleh:", "oleh :", "oleh ", "by ", "written by", "translated by",
        "foto:", "foto :", "photo:", "photo :", "sumber:", "sumber :", "source:",
        "copyright", "\xC2\xA9", "hak cipta", "(foto", "(photo",
    };
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (starts_with_ci(s, len, prefixes[i]))
            return 1;
    /* A sign-off: "(ant)", "(why/hop)", "***", "###". */
    if (len >= 3 && len <= 16 && s[0] == '(' && s[len - 1] == ')') {
        for (size_t i = 1; i + 1 < len; i++)
            if (!sl_is_ascii_alpha((unsigned char)s[i]) && s[i] != '/' && s[i] != '-')
                return 0;
        return 1;
    }
    if (len >= 3 && len <= 8 && (s[0] == '*' || s[0] == '#' || s[0] == '-'))
        for (size_t i = 0;; i++) {
            if (i == len)
                return 1;
            if (s[i] != s[0] && s[i] != ' ')
                break;
        }
    return 0;
}

static size_t count_commas(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] == ',';
    return n;
}

static double initial_score(const sl_elem *e, int weights)
{
    double s = weights ? e->weight : 0;
    switch (e->tag) {
    case SL_TAG_DIV: s += 5; break;
    case SL_TAG_PRE: case SL_TAG_TD: case SL_TAG_BLOCKQUOTE: s += 3; break;
    case SL_TAG_LIST: case SL_TAG_LI: s -= 3; break;
    case SL_TAG_H1: case SL_TAG_H2: case SL_TAG_HN: s -= 5; break;
    default: break;
    }
    return s;
}

#define SL_ELEM_SCORED (1u << 8)
#define SL_ELEM_REGION (1u << 9)

static int is_below_elem(const sl_page *p, size_t e, size_t top);

/* Readability's second look at the best container: when at least three of the next best
 * (within 75% of its score, among the five best) share an ancestor with it, that ancestor
 * is the article; then walk up while a parent scores more than the child (and at least a
 * third as much as the last one looked at). */
static size_t widen(const sl_page *p, size_t best)
{
    size_t top[5];
    size_t n = 0;
    for (size_t e = 0; e < p->nelems; e++) {
        const sl_elem *el = &p->elems[e];
        if (e == best || !(el->flags & SL_ELEM_SCORED) || (el->flags & SL_ELEM_DROP) ||
            el->score < 0.75 * p->elems[best].score)
            continue;
        size_t k;
        if (n < 5)
            k = n++;
        else if (el->score > p->elems[top[4]].score)
            k = 4;
        else
            continue;
        top[k] = e;
        for (; k > 0 && p->elems[top[k - 1]].score < p->elems[top[k]].score; k--) {
            size_t t = top[k];
            top[k] = top[k - 1];
            top[k - 1] = t;
        }
    }
    if (n >= 3)
        for (size_t a = p->elems[best].parent; a != SL_NO_ELEM && p->elems[a].tag != SL_TAG_ARTICLE;
             a = p->elems[a].parent) {
            size_t under = 0;
            for (size_t i = 0; i < n; i++)
                under += is_below_elem(p, top[i], a);
            if (under >= 3) {
                best = a;
                break;
            }
        }
    double last = p->elems[best].score;
    for (size_t a = p->elems[best].parent; a != SL_NO_ELEM; a = p->elems[a].parent) {
        const sl_elem *el = &p->elems[a];
        if (!(el->flags & SL_ELEM_SCORED))
            continue;
        if (el->score < last / 3 || (el->flags & SL_ELEM_DROP))
            break;
        if (el->score > last) {
            best = a;
            break;
        }
        last = el->score;
    }
    return best;
}

/* Readability: score the containers (with or without the class and id weights); returns
 * the best, or SL_NO_ELEM. */
static size_t score_containers(sl_page *p, int weights)
{
    for (size_t e = 0; e < p->nelems; e++) {
        p->elems[e].score = 0;
        p->elems[e].chars = p->elems[e].link_chars = 0;
        p->elems[e].flags &= ~(unsigned)(SL_ELEM_SCORED | SL_ELEM_REGION);
    }
    for (size_t i = 0; i < p->nblocks; i++) {
        const sl_hblock *b = &p->blocks[i];
        for (size_t e = b->elem; e != SL_NO_ELEM; e = p->elems[e].parent) {
            p->elems[e].chars += b->chars;
            p->elems[e].link_chars += b->link_chars;
        }
    }
    for (size_t i = 0; i < p->nblocks; i++) {
        const sl_hblock *b = &p->blocks[i];
        if ((b->flags & SL_ELEM_DROP) || b->chars < 25 || b->elem == SL_NO_ELEM ||
            b->tag == SL_TAG_TITLE || b->tag == SL_TAG_H1 || b->tag == SL_TAG_H2 ||
            b->tag == SL_TAG_HN)
            continue;
        size_t len = b->end - b->start;
        double score = 1.0 + (double)count_commas(block_text(p, b), len) +
                       (double)(b->chars / 100 < 3 ? b->chars / 100 : 3);
        size_t level = 0;
        for (size_t e = p->elems[b->elem].parent; e != SL_NO_ELEM && level < 5;
             e = p->elems[e].parent, level++) {
            sl_elem *el = &p->elems[e];
            if (!(el->flags & SL_ELEM_SCORED)) {
                el->flags |= SL_ELEM_SCORED;
                el->score = initial_score(el, weights);
            }
            el->score += level == 0 ? score : level == 1 ? score / 2 : score / (3.0 * level);
        }
    }
    size_t best = SL_NO_ELEM;
    for (size_t e = 0; e < p->nelems; e++) {
        sl_elem *el = &p->elems[e];
        if (!(el->flags & SL_ELEM_SCORED) || (el->flags & SL_ELEM_DROP))
            continue;
        double density = el->chars > 0 ? (double)el->link_chars / (double)el->chars : 0;
        el->score *= 1.0 - density;
        if (best == SL_NO_ELEM || el->score > p->elems[best].score)
            best = e;
    }
    if (best == SL_NO_ELEM || p->elems[best].score <= 0)
        return SL_NO_ELEM;
    best = widen(p, best);
    /* The best container and its siblings that score well make the article. */
    double bar = p->elems[best].score * 0.2 > 10 ? p->elems[best].score * 0.2 : 10;
    p->elems[best].flags |= SL_ELEM_REGION;
    for (size_t e = 0; e < p->nelems; e++) {
        sl_elem *el = &p->elems[e];
        if (e != best && el->parent == p->elems[best].parent && (el->flags & SL_ELEM_SCORED) &&
            !(el->flags & SL_ELEM_DROP) && el->score >= bar)
            el->flags |= SL_ELEM_REGION;
    }
    return best;
}

static int below(const sl_page *p, size_t e, unsigned flag)
{
    for (; e != SL_NO_ELEM; e = p->elems[e].parent)
        if (p->elems[e].flags & flag)
            return 1;
    return 0;
}

static int is_below_elem(const sl_page *p, size_t e, size_t top)
{
    for (; e != SL_NO_ELEM; e = p->elems[e].parent)
        if (e == top)
            return 1;
    return 0;
}

static int contains(const char *hay, size_t hn, const char *needle, size_t nn)
{
    if (nn == 0 || nn > hn)
        return 0;
    for (size_t i = 0; i + nn <= hn; i++)
        if (memcmp(hay + i, needle, nn) == 0)
            return 1;
    return 0;
}

/* jusText's classes before context, from its published defaults (length 70/200, link
 * density 0.2), with stop-word thresholds for our short lists. */
static int classify(const sl_page *p, const sl_hblock *b, const char *primary)
{
    size_t words, stops, len = b->end - b->start;
    const char *s = block_text(p, b);
    double links = b->chars > 0 ? (double)b->link_chars / (double)b->chars : 0;
    if (links > 0.2 || contains(s, len, "\xC2\xA9", 2))
        return CLS_BAD;
    sl_count_stopwords(s, len, primary, &words, &stops);
    double density = words > 0 ? (double)stops / (double)words : 0;
    if (b->chars < 70)
        return b->link_chars > 0 ? CLS_BAD : CLS_SHORT;
    if (density >= 0.22)
        return b->chars > 200 ? CLS_GOOD : CLS_NEAR;
    return density >= 0.15 ? CLS_NEAR : CLS_BAD;
}

/* jusText's context rule over the blocks that are not dropped. */
static void apply_context(feature *f, const sl_page *p)
{
    size_t n = p->nblocks;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            int want = pass == 0 ? CLS_NEAR : CLS_SHORT;
            if (f[i].cls != want || (p->blocks[i].flags & SL_ELEM_DROP))
                continue;
            int prev = CLS_BAD, next = CLS_BAD;
            for (size_t j = i; j > 0; j--)
                if (!(p->blocks[j - 1].flags & SL_ELEM_DROP) && f[j - 1].cls != CLS_SHORT) {
                    prev = f[j - 1].cls;
                    break;
                }
            for (size_t j = i + 1; j < n; j++)
                if (!(p->blocks[j].flags & SL_ELEM_DROP) && f[j].cls != CLS_SHORT) {
                    next = f[j].cls;
                    break;
                }
            if (pass == 0)
                f[i].cls = prev == CLS_GOOD || next == CLS_GOOD ? CLS_GOOD : CLS_BAD;
            else
                f[i].cls = prev == CLS_GOOD && next == CLS_GOOD ? CLS_GOOD : CLS_BAD;
        }
}

/* 1 when text has a sentence end or a stop word: prose rather than a label. */
static int looks_like_prose(const char *s, size_t len, const char *primary)
{
    size_t words, stops;
    sl_count_stopwords(s, len, primary, &words, &stops);
    if (stops > 0 && words >= 3)
        return 1;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == ':')
            return words >= 3;
    return 0;
}

/* 1 when text ends with a sentence end (a closing quote or bracket may follow). */
static int ends_sentence(const char *s, size_t len)
{
    while (len > 0 && (s[len - 1] == ')' || s[len - 1] == '"' || s[len - 1] == '\'' ||
                       (unsigned char)s[len - 1] >= 0x80))
        len--;
    return len > 0 && (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?');
}

/* The part of a <title> that is the headline: the longest piece between " - ", " | ",
 * " – " and " — " (site names sit on either side). */
static void title_slice(const char *s, size_t len, size_t *from, size_t *to)
{
    static const char *const seps[] = {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "};
    size_t best_a = 0, best_b = len, a = 0;
    int cut = 0;
    for (size_t i = 0; i <= len; i++) {
        size_t sep = 0;
        for (size_t k = 0; k < sizeof seps / sizeof seps[0] && i < len; k++) {
            size_t n = strlen(seps[k]);
            if (i + n <= len && memcmp(s + i, seps[k], n) == 0)
                sep = n;
        }
        if (sep == 0 && i < len)
            continue;
        if (!cut || i - a > best_b - best_a) {
            best_a = a;
            best_b = i;
        }
        cut = 1;
        a = i + sep;
        i += sep > 0 ? sep - 1 : 0;
    }
    *from = best_a;
    *to = best_b;
}


/* Pick the headline; returns its block index or SIZE_MAX. */
static size_t pick_headline(const sl_page *p, feature *f)
{
    size_t title = SIZE_MAX, first_h1 = SIZE_MAX, named = SIZE_MAX;
    for (size_t i = 0; i < p->nblocks; i++)
        if (p->blocks[i].tag == SL_TAG_TITLE && title == SIZE_MAX)
            title = i;
    for (size_t i = 0; i < p->nblocks; i++) {
        const sl_hblock *b = &p->blocks[i];
        if (b->tag != SL_TAG_H1)
            continue;
        if (first_h1 == SIZE_MAX && !(b->flags & SL_ELEM_DROP))
            first_h1 = i;
        if (named == SIZE_MAX && title != SIZE_MAX &&
            contains(block_text(p, &p->blocks[title]), p->blocks[title].end - p->blocks[title].start,
                     block_text(p, b), b->end - b->start))
            named = i;
    }
    size_t h = named != SIZE_MAX ? named : first_h1;
    if (h != SIZE_MAX) {
        f[h].from = 0;
        f[h].to = p->blocks[h].end - p->blocks[h].start;
        return h;
    }
    if (title != SIZE_MAX) {
        title_slice(block_text(p, &p->blocks[title]), p->blocks[title].end - p->blocks[title].start,
                    &f[title].from, &f[title].to);
        return title;
    }
    return SIZE_MAX;
}

static void decide(const sl_page *p, feature *f, size_t top, size_t headline,
                   const char *primary)
{
    size_t top_parent = top != SL_NO_ELEM ? p->elems[top].parent : SL_NO_ELEM;
    for (size_t i = 0; i < p->nblocks; i++) {
        const sl_hblock *b = &p->blocks[i];
        size_t len = b->end - b->start;
        const char *s = block_text(p, b);
        f[i].from = i == headline ? f[i].from : 0;
        f[i].to = i == headline ? f[i].to : len;
        if (i == headline) {
            f[i].keep = 1;
            f[i].kind = SELARAS_BLOCK_TITLE;
            continue;
        }
        if ((b->flags & SL_ELEM_DROP) || b->tag == SL_TAG_TITLE)
            continue;
        int boiler = (b->flags & (SL_ELEM_CAPTION | SL_ELEM_BYLINE)) ||
                     is_boilerplate_text(s, len);
        double links = b->chars > 0 ? (double)b->link_chars / (double)b->chars : 0;
        int heading = b->tag == SL_TAG_H1 || b->tag == SL_TAG_H2 || b->tag == SL_TAG_HN;
        if (top != SL_NO_ELEM) {
            int region = below(p, b->elem, SL_ELEM_REGION);
            int near = !region && top_parent != SL_NO_ELEM && is_below_elem(p, b->elem, top_parent);
            if (region && boiler)
                f[i].keep = 1;
            else if (region && links <= 0.5 &&
                     (f[i].cls == CLS_GOOD || heading || b->tag == SL_TAG_PRE ||
                      looks_like_prose(s, len, primary)))
                f[i].keep = 1;
            else if (region && links < 0.75 && !heading && ends_sentence(s, len) &&
                     looks_like_prose(s, len, primary))
                f[i].keep = 1; /* a sentence that ends in a long link ("see the manual") */
            else if (near && boiler && (b->flags & (SL_ELEM_CAPTION | SL_ELEM_BYLINE)))
                f[i].keep = 1;
        } else if (f[i].cls == CLS_GOOD || (boiler && f[i].cls != CLS_BAD)) {
            f[i].keep = 1;
        }
        f[i].kind = boiler ? SELARAS_BLOCK_BOILERPLATE
                    : heading ? SELARAS_BLOCK_TITLE
                              : SELARAS_BLOCK_CONTENT;
    }
}

/* A heading is kept only when content it heads is kept: the heading of a dropped list
 * of other articles goes with it. */
static void drop_orphan_headings(const sl_page *p, feature *f, size_t headline)
{
    for (size_t i = 0; i < p->nblocks; i++) {
        if (!f[i].keep || i == headline || f[i].kind != SELARAS_BLOCK_TITLE)
            continue;
        int heads = 0;
        for (size_t j = i + 1; j < p->nblocks; j++) {
            if (!f[j].keep)
                continue;
            heads = f[j].kind == SELARAS_BLOCK_CONTENT;
            break;
        }
        if (!heads)
            f[i].keep = 0;
    }
}

/* Write the kept blocks, "\n\n" between them, into out with the map into the page. */
static selaras_status assemble(const selaras_allocator *mem, const sl_page *p,
                               const feature *f, sl_decoded *out, sl_block **blocks,
                               size_t *nblocks, size_t html_len, selaras_error *err)
{
    sl_buf text;
    sl_map map;
    sl_buf_init(&text, mem);
    sl_map_init(&map, mem);
    size_t kept = 0;
    for (size_t i = 0; i < p->nblocks; i++)
        kept += f[i].keep && f[i].to > f[i].from;
    sl_block *list = kept > 0 ? sl_calloc(mem, kept, sizeof *list) : NULL;
    if ((kept > 0 && list == NULL) || sl_buf_reserve(&text, p->text.len + 2 * kept + 1) != 0)
        goto nomem;
    size_t k = 0;
    for (size_t i = 0; i < p->nblocks; i++) {
        if (!f[i].keep || f[i].to <= f[i].from)
            continue;
        const sl_hblock *b = &p->blocks[i];
        if (k > 0 && sl_buf_append(&text, "\n\n", 2) != 0)
            goto nomem;
        list[k].start = text.len;
        if (sl_map_add(&map, text.len, b->start + f[i].from, 1) != 0 ||
            sl_buf_append(&text, p->text.data + b->start + f[i].from, f[i].to - f[i].from) != 0)
            goto nomem;
        list[k].end = text.len;
        list[k].kind = f[i].kind;
        /* The separator that follows maps to where this block ends in the page. */
        if (sl_map_add(&map, text.len, b->start + f[i].to, 0) != 0)
            goto nomem;
        k++;
    }
    /* A last line end, so that the end of the last block maps to its end in the page
     * (the end of a text maps to the end of its input). */
    if (sl_buf_append(&text, k > 0 ? "\n" : "", k > 0) != 0)
        goto nomem;
    if (sl_map_compose(&out->map, map.runs, map.n, text.len, p->map.runs, p->map.n,
                       p->text.len, html_len) != 0)
        goto nomem;
    sl_map_release(&map);
    out->text = text.data;
    out->len = text.len;
    *blocks = list;
    *nblocks = k;
    return SELARAS_OK;
nomem:
    sl_buf_release(&text);
    sl_map_release(&map);
    sl_free(mem, list);
    return sl_nomem(err);
}

/* Decide which blocks to keep, with class weights (attempt 0), without (1), or without a
 * container (2); returns the characters of content kept. */
static size_t run_attempt(sl_page *p, feature *f, const char *primary, int attempt)
{
    size_t top = score_containers(p, attempt == 0);
    if (attempt == 2)
        top = SL_NO_ELEM;
    for (size_t i = 0; i < p->nblocks; i++)
        f[i].keep = 0;
    size_t headline = pick_headline(p, f);
    decide(p, f, top, headline, primary);
    drop_orphan_headings(p, f, headline);
    size_t chars = 0;
    for (size_t i = 0; i < p->nblocks; i++)
        if (f[i].keep && f[i].kind == SELARAS_BLOCK_CONTENT)
            chars += p->blocks[i].chars;
    return chars;
}

selaras_status sl_html_extract(const selaras_allocator *mem, const char *html, size_t len,
                               const char *primary, sl_decoded *out, sl_block **blocks,
                               size_t *nblocks, selaras_error *err)
{
    memset(out, 0, sizeof *out);
    sl_map_init(&out->map, mem);
    *blocks = NULL;
    *nblocks = 0;
    sl_page page;
    selaras_status st = sl_html_read(&page, mem, html, len, err);
    if (st != SELARAS_OK) {
        sl_page_release(&page);
        return st;
    }
    feature *f = page.nblocks > 0 ? sl_calloc(mem, page.nblocks, sizeof *f) : NULL;
    if (page.nblocks > 0 && f == NULL) {
        sl_page_release(&page);
        return sl_nomem(err);
    }
    for (size_t i = 0; i < page.nblocks; i++)
        f[i].cls = classify(&page, &page.blocks[i], primary);
    apply_context(f, &page);
    /* As Readability does, try again without class weights, then without a container,
     * while the text found is short (under 500 characters), and keep the longest. */
    size_t best_attempt = 0, best_chars = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
        size_t chars = run_attempt(&page, f, primary, attempt);
        if (chars >= 500) {
            best_attempt = (size_t)attempt;
            break;
        }
        if (chars > best_chars || attempt == 0) {
            best_chars = chars;
            best_attempt = (size_t)attempt;
        }
    }
    run_attempt(&page, f, primary, (int)best_attempt);
    st = assemble(mem, &page, f, out, blocks, nblocks, len, err);
    sl_free(mem, f);
    sl_page_release(&page);
    return st;
}
