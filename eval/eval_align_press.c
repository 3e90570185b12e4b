/* make eval-align, development set: the 8 press/pairs/ releases end to end (raw text,
 * selaras_segment(), selaras_align() with the default lexicon), scored as press/README.md
 * says: every system link (i, j) of a bead maps to the gold pairs (g, h) whose segments
 * overlap i and j; a system link is right when one of them is a gold link, a gold link is
 * found when some system link maps to it. Link precision, recall and F1 per pair and
 * micro-averaged; the recall of gold 2-1/1-2 beads (all their links found) and of unlinked
 * content (no system link touches it); and the same with the gold segments given, where
 * links compare directly. A length-only Gale-Church run in the same program is the
 * baseline.
 *
 * usage: eval_align_press DATA_DIR
 * Environment: EVAL_PRESS_DEBUG prints the wrong and missed links. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "selaras.h"

static const char *const pairs[] = {"udara",  "museum",  "festival",  "koridor",
                                    "sungai", "sekolah", "imunisasi", "maraton"};
#define NPAIRS (sizeof pairs / sizeof pairs[0])

static _Noreturn void die(const char *what, const char *msg)
{
    fprintf(stderr, "eval_align_press: %s: %s\n", what, msg);
    exit(2);
}

/* A gold side: segments placed in the file. */
typedef struct gside {
    size_t n;
    size_t *start, *end;
    int *kind;
} gside;

static int kind_of(const char *k)
{
    return strcmp(k, "title") == 0 ? SELARAS_SEGMENT_TITLE
           : strcmp(k, "boilerplate") == 0 ? SELARAS_SEGMENT_BOILERPLATE
                                            : SELARAS_SEGMENT_SENTENCE;
}

static void place(const json *segs, const char *text, gside *g, const char *name)
{
    g->n = segs->len;
    g->start = calloc(g->n + 1, sizeof *g->start);
    g->end = calloc(g->n + 1, sizeof *g->end);
    g->kind = calloc(g->n + 1, sizeof *g->kind);
    const char *from = text;
    for (size_t i = 0; i < g->n; i++) {
        const char *t = json_get_string(segs->items[i], "text");
        const char *at = t ? strstr(from, t) : NULL;
        if (at == NULL)
            die(name, "a gold segment is not in the file");
        g->start[i] = (size_t)(at - text);
        g->end[i] = g->start[i] + strlen(t);
        g->kind[i] = kind_of(json_get_string(segs->items[i], "kind"));
        from = at + strlen(t);
    }
}

typedef struct link {
    size_t a, b;
} link;

typedef struct links {
    link *v;
    size_t n, cap;
} links;

static void push(links *l, size_t a, size_t b)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (l->v == NULL)
            die("links", "out of memory");
    }
    l->v[l->n].a = a;
    l->v[l->n].b = b;
    l->n++;
}

static int has(const links *l, size_t a, size_t b)
{
    for (size_t k = 0; k < l->n; k++)
        if (l->v[k].a == a && l->v[k].b == b)
            return 1;
    return 0;
}

typedef struct tally {
    long sys, sys_right, gold, gold_found;
    long merge, merge_found, lone, lone_kept;
} tally;

static void tally_add(tally *t, const tally *x)
{
    t->sys += x->sys;
    t->sys_right += x->sys_right;
    t->gold += x->gold;
    t->gold_found += x->gold_found;
    t->merge += x->merge;
    t->merge_found += x->merge_found;
    t->lone += x->lone;
    t->lone_kept += x->lone_kept;
}

static double ratio(long a, long b) { return b ? (double)a / (double)b : 0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

static void print_tally(const char *name, const tally *t)
{
    double p = ratio(t->sys_right, t->sys), r = ratio(t->gold_found, t->gold);
    printf("  %-26s %5ld %5ld %6.3f %6.3f %6.3f   %3ld/%-3ld %3ld/%-3ld\n", name, t->sys,
           t->gold, p, r, f1(p, r), t->merge_found, t->merge, t->lone_kept, t->lone);
}

static int overlaps(size_t s0, size_t e0, size_t s1, size_t e1)
{
    return s0 < e1 && s1 < e0;
}

/* Score the system links sys (pairs of system segment indices) against the gold. With
 * si/ti NULL the system segments are the gold ones. */
static tally score(const char *name, const gside *gi, const gside *ge, const links *gold,
                   const selaras_segments *si, const selaras_segments *ti, const links *sys,
                   int debug)
{
    tally t;
    memset(&t, 0, sizeof t);
    links found = {0};
    for (size_t k = 0; k < sys->n; k++) {
        size_t i = sys->v[k].a, j = sys->v[k].b;
        int right = 0;
        for (size_t g = 0; g < gi->n; g++) {
            if (si ? !overlaps(gi->start[g], gi->end[g], selaras_segments_start(si, i),
                               selaras_segments_end(si, i))
                   : g != i)
                continue;
            for (size_t h = 0; h < ge->n; h++) {
                if (ti ? !overlaps(ge->start[h], ge->end[h], selaras_segments_start(ti, j),
                                   selaras_segments_end(ti, j))
                       : h != j)
                    continue;
                push(&found, g, h);
                right |= has(gold, g, h);
            }
        }
        t.sys++;
        t.sys_right += right;
        if (debug && !right)
            printf("    %s: wrong link %zu-%zu: %.60s | %.60s\n", name, i, j,
                   si ? selaras_segments_text(si, i, NULL) : "", ti ? selaras_segments_text(ti, j, NULL) : "");
    }
    for (size_t k = 0; k < gold->n; k++) {
        int ok = has(&found, gold->v[k].a, gold->v[k].b);
        t.gold++;
        t.gold_found += ok;
        if (debug && !ok)
            printf("    %s: missed gold link %zu-%zu\n", name, gold->v[k].a, gold->v[k].b);
        /* a link of a 2-1 or 1-2 bead: another gold link shares one of its ends */
        int merge = 0;
        for (size_t q = 0; q < gold->n; q++)
            if (q != k && (gold->v[q].a == gold->v[k].a || gold->v[q].b == gold->v[k].b))
                merge = 1;
        t.merge += merge;
        t.merge_found += merge && ok;
    }
    /* unlinked gold content: right when no system link touches it */
    for (int side = 0; side < 2; side++) {
        const gside *g = side ? ge : gi;
        for (size_t x = 0; x < g->n; x++) {
            if (g->kind[x] == SELARAS_SEGMENT_BOILERPLATE)
                continue;
            int linked = 0, touched = 0;
            for (size_t k = 0; k < gold->n; k++)
                linked |= (side ? gold->v[k].b : gold->v[k].a) == x;
            if (linked)
                continue;
            for (size_t k = 0; k < found.n; k++)
                touched |= (side ? found.v[k].b : found.v[k].a) == x;
            t.lone++;
            t.lone_kept += !touched;
        }
    }
    free(found.v);
    return t;
}

static void alignment_links(const selaras_alignment *a, links *out)
{
    out->n = 0;
    for (size_t b = 0; b < selaras_alignment_count(a); b++)
        for (size_t i = 0; i < selaras_alignment_src_count(a, b); i++)
            for (size_t j = 0; j < selaras_alignment_tgt_count(a, b); j++)
                push(out, selaras_alignment_src_first(a, b) + i,
                     selaras_alignment_tgt_first(a, b) + j);
}

static selaras_segments *segment(const char *lang, const char *text, size_t len)
{
    selaras_error err;
    selaras_doc *doc;
    selaras_segmenter *sg;
    selaras_segments *segs;
    if (selaras_doc_new(&doc, text, len, lang, SELARAS_DOC_REPLACE_INVALID, NULL, &err) !=
            SELARAS_OK ||
        selaras_segmenter_new(&sg, lang, NULL, &err) != SELARAS_OK ||
        selaras_segment(sg, doc, &segs, &err) != SELARAS_OK)
        die("segment", err.message);
    selaras_segmenter_free(sg);
    selaras_doc_free(doc);
    return segs;
}

static selaras_segments *gold_segments(const char *lang, const json *segs)
{
    selaras_error err;
    selaras_segments *out;
    if (selaras_segments_new(&out, lang, NULL, &err) != SELARAS_OK)
        die("segments", err.message);
    for (size_t i = 0; i < segs->len; i++) {
        const char *t = json_get_string(segs->items[i], "text");
        if (selaras_segments_append(out, t, strlen(t),
                                    (selaras_segment_kind)kind_of(
                                        json_get_string(segs->items[i], "kind")),
                                    &err) != SELARAS_OK)
            die("segments", err.message);
    }
    return out;
}

static void align_links(const selaras_lexicon *lex, int baseline, const selaras_segments *s,
                        const selaras_segments *t, links *out)
{
    selaras_error err;
    selaras_aligner *al;
    selaras_alignment *a;
    if (selaras_aligner_new(&al, "id", "en", baseline ? NULL : lex, NULL, &err) != SELARAS_OK ||
        (baseline && selaras_aligner_set_evidence(al, 0, &err) != SELARAS_OK) ||
        selaras_align(al, s, t, &a, &err) != SELARAS_OK)
        die("align", err.message);
    alignment_links(a, out);
    selaras_alignment_free(a);
    selaras_aligner_free(al);
}

static char *read_text(const char *dir, const char *name, const char *ext, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/press/pairs/%s.%s", dir, name, ext);
    char *t = json_read_file(path, len);
    if (t == NULL)
        die(path, "cannot read");
    return t;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: eval_align_press DATA_DIR\n");
        return 2;
    }
    const char *dir = argv[1];
    int debug = getenv("EVAL_PRESS_DEBUG") != NULL;
    selaras_lexicon *lex;
    selaras_error err;
    if (selaras_lexicon_new(&lex, "id", "en", NULL, &err) != SELARAS_OK)
        die("lexicon", err.message);
    int have = selaras_lexicon_load_default(lex, &err) == SELARAS_OK;
    printf("Development set press/pairs/ id-en (%s FreeDict eng-ind): link counts, P/R/F1, "
           "2-1/1-2 links found, unlinked content left alone\n", have ? "with" : "WITHOUT");
    printf("  %-26s %5s %5s %6s %6s %6s   %-7s %-7s\n", "", "sys", "gold", "P", "R", "F1",
           "merges", "1-0/0-1");
    tally micro[2][2]; /* [given gold segments][baseline] */
    memset(micro, 0, sizeof micro);
    for (size_t k = 0; k < NPAIRS; k++) {
        size_t il, el, jl;
        char *it = read_text(dir, pairs[k], "id.txt", &il);
        char *et = read_text(dir, pairs[k], "en.txt", &el);
        char *gt = read_text(dir, pairs[k], "gold.json", &jl);
        char *perr = NULL;
        json *gold = json_parse(gt, jl, &perr);
        if (gold == NULL)
            die(pairs[k], perr);
        const json *gis = json_get(gold, "id_segments"), *ges = json_get(gold, "en_segments"),
                   *gl = json_get(gold, "links");
        if (gis == NULL || ges == NULL || gl == NULL)
            die(pairs[k], "gold lacks id_segments, en_segments or links");
        gside gi, ge;
        place(gis, it, &gi, pairs[k]);
        place(ges, et, &ge, pairs[k]);
        links gold_links = {0}, sys = {0};
        for (size_t q = 0; q < gl->len; q++)
            push(&gold_links, (size_t)gl->items[q]->items[0]->number,
                 (size_t)gl->items[q]->items[1]->number);
        selaras_segments *si = segment("id", it, il), *ti = segment("en", et, el);
        selaras_segments *gsi = gold_segments("id", gis), *gse = gold_segments("en", ges);
        for (int base = 1; base >= 0; base--) {
            align_links(lex, base, si, ti, &sys);
            tally t = score(pairs[k], &gi, &ge, &gold_links, si, ti, &sys, debug && !base);
            tally_add(&micro[0][base], &t);
            char name[64];
            snprintf(name, sizeof name, "%s, %s", pairs[k], base ? "Gale-Church" : "selaras");
            print_tally(name, &t);
            align_links(lex, base, gsi, gse, &sys);
            t = score(pairs[k], &gi, &ge, &gold_links, NULL, NULL, &sys, 0);
            tally_add(&micro[1][base], &t);
        }
        selaras_segments_free(si);
        selaras_segments_free(ti);
        selaras_segments_free(gsi);
        selaras_segments_free(gse);
        free(gold_links.v);
        free(sys.v);
        free(gi.start);
        free(gi.end);
        free(gi.kind);
        free(ge.start);
        free(ge.end);
        free(ge.kind);
        json_free(gold);
        free(it);
        free(et);
        free(gt);
    }
    print_tally("micro, Gale-Church", &micro[0][1]);
    print_tally("micro, selaras", &micro[0][0]);
    print_tally("gold segments, Gale-Church", &micro[1][1]);
    print_tally("gold segments, selaras", &micro[1][0]);
    printf("  (target end to end: link F1 >= 0.98 with precision >= 0.98)\n\n");
    selaras_lexicon_free(lex);
    return 0;
}
