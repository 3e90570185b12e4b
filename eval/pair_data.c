/* Document collections for make eval-pair and make bench-pair (see pair_data.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json.h"
#include "pair_data.h"

void pair_texts_push(pair_texts *t, char *text)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->v = realloc(t->v, t->cap * sizeof *t->v);
        if (t->v == NULL) {
            fprintf(stderr, "pair data: out of memory\n");
            exit(2);
        }
    }
    t->v[t->n++] = text;
}

void pair_texts_free(pair_texts *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
    memset(t, 0, sizeof *t);
}

uint64_t pair_rng(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

double pair_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int take_text(const json *doc, void *user)
{
    const char *text = json_get_string(doc, "text");
    if (text == NULL)
        return -1;
    pair_texts_push(user, strdup(text));
    return 0;
}

void pair_read_pud(const char *dir, pair_texts *id, pair_texts *en)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/pud/id.docs.jsonl", dir);
    if (jsonl_each(path, take_text, id) != 0)
        exit(2);
    snprintf(path, sizeof path, "%s/pud/en.docs.jsonl", dir);
    if (jsonl_each(path, take_text, en) != 0 || en->n != id->n) {
        fprintf(stderr, "pair data: PUD sides differ\n");
        exit(2);
    }
}

/* Append s[0..n) and a blank line to a growing string. */
static void append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 3 > *cap) {
        *cap = (*len + n + 3) * 2;
        *buf = realloc(*buf, *cap);
        if (*buf == NULL)
            exit(2);
    }
    if (*len > 0) {
        memcpy(*buf + *len, "\n\n", 2);
        *len += 2;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
}

void pair_read_libreoffice(const char *dir, size_t min_paras, pair_texts *id, pair_texts *en)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/paragraphs/libreoffice-help.paras.tsv", dir);
    size_t len;
    char *text = json_read_file(path, &len);
    if (text == NULL) {
        fprintf(stderr, "pair data: cannot read %s\n", path);
        exit(2);
    }
    char *page = NULL, *bi = NULL, *be = NULL;
    size_t li = 0, ci = 0, le = 0, ce = 0, paras = 0;
    char *line = strchr(text, '\n'); /* skip the header */
    line = line ? line + 1 : text + len;
    for (;;) {
        char *end = line < text + len ? strchr(line, '\n') : NULL;
        char *f[4] = {line, NULL, NULL, NULL};
        int nf = 1;
        if (end != NULL) {
            *end = '\0';
            for (char *p = line; *p && nf < 4; p++)
                if (*p == '\t') {
                    *p = '\0';
                    f[nf++] = p + 1;
                }
        }
        int flush = end == NULL || nf < 4 || page == NULL || strcmp(page, f[0]) != 0;
        if (flush && page != NULL) {
            if (paras >= min_paras) {
                pair_texts_push(id, bi);
                pair_texts_push(en, be);
            } else {
                free(bi);
                free(be);
            }
            bi = be = NULL;
            li = ci = le = ce = paras = 0;
            page = NULL;
        }
        if (end == NULL)
            break;
        if (nf == 4) {
            page = f[0];
            append(&bi, &li, &ci, f[2], strlen(f[2]));
            append(&be, &le, &ce, f[3], strlen(f[3]));
            paras++;
        }
        line = end + 1;
    }
    free(text);
}

static selaras_segments *segment(selaras_segmenter *sg, const char *lang, const char *text)
{
    selaras_doc *doc;
    selaras_segments *segs;
    selaras_error err;
    if (selaras_doc_new(&doc, text, strlen(text), lang, SELARAS_DOC_REPLACE_INVALID, NULL,
                        &err) != SELARAS_OK ||
        selaras_segment(sg, doc, &segs, &err) != SELARAS_OK) {
        fprintf(stderr, "pair data: %s\n", err.message);
        exit(2);
    }
    selaras_doc_free(doc);
    return segs;
}

static void make_segmenters(selaras_segmenter **sid, selaras_segmenter **sen)
{
    if (selaras_segmenter_new(sid, "id", NULL, NULL) != SELARAS_OK ||
        selaras_segmenter_new(sen, "en", NULL, NULL) != SELARAS_OK)
        exit(2);
}

void pair_coll_from_parallel(pair_coll *c, const char *name, pair_texts *id, pair_texts *en,
                             uint64_t seed)
{
    size_t n = id->n;
    memset(c, 0, sizeof *c);
    c->name = name;
    /* role of each document pair: 0 both sides, 1 source only, 2 target only */
    size_t *order = malloc((n + 1) * sizeof *order);
    int *role = calloc(n + 1, sizeof *role);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(pair_rng(&seed) % i);
        size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    for (size_t i = 0; i < n / 10; i++) {
        role[order[i]] = 1;
        role[order[n / 10 + i]] = 2;
    }
    /* targets in a shuffled order: tpos[k] is where document k's target lands */
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(pair_rng(&seed) % i);
        size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    selaras_segmenter *sid, *sen;
    make_segmenters(&sid, &sen);
    c->src = malloc((n + 1) * sizeof *c->src);
    c->tgt = malloc((n + 1) * sizeof *c->tgt);
    c->gold = malloc((n + 1) * sizeof *c->gold);
    size_t *tpos = malloc((n + 1) * sizeof *tpos);
    for (size_t k = 0; k < n; k++) {
        size_t d = order[k];
        tpos[d] = (size_t)-1;
        if (role[d] != 1) {
            tpos[d] = c->ntgt;
            c->tgt[c->ntgt++] = segment(sen, "en", en->v[d]);
        }
    }
    for (size_t d = 0; d < n; d++) {
        if (role[d] == 2)
            continue;
        c->gold[c->nsrc] = role[d] == 0 ? (long)tpos[d] : -1;
        c->npairs += role[d] == 0;
        c->src[c->nsrc++] = segment(sid, "id", id->v[d]);
    }
    selaras_segmenter_free(sid);
    selaras_segmenter_free(sen);
    free(order);
    free(role);
    free(tpos);
    pair_texts_free(id);
    pair_texts_free(en);
}

static int index_of(const json *list, const char *s)
{
    for (size_t i = 0; list != NULL && i < list->len; i++)
        if (strcmp(list->items[i]->string, s) == 0)
            return (int)i;
    return -1;
}

void pair_coll_press(pair_coll *c, const char *dir)
{
    memset(c, 0, sizeof *c);
    c->name = "press";
    char path[4096];
    snprintf(path, sizeof path, "%s/press/pairing.gold.json", dir);
    size_t len;
    char *text = json_read_file(path, &len);
    json *g = text ? json_parse(text, len, NULL) : NULL;
    const json *ids = g ? json_get(g, "id_files") : NULL, *ens = g ? json_get(g, "en_files") : NULL;
    const json *pairs = g ? json_get(g, "pairs") : NULL;
    if (ids == NULL || ens == NULL || pairs == NULL) {
        fprintf(stderr, "pair data: cannot read %s\n", path);
        exit(2);
    }
    selaras_segmenter *sid, *sen;
    make_segmenters(&sid, &sen);
    c->src = malloc((ids->len + 1) * sizeof *c->src);
    c->tgt = malloc((ens->len + 1) * sizeof *c->tgt);
    c->gold = malloc((ids->len + 1) * sizeof *c->gold);
    for (size_t side = 0; side < 2; side++) {
        const json *list = side ? ens : ids;
        for (size_t i = 0; i < list->len; i++) {
            snprintf(path, sizeof path, "%s/press/%s", dir, list->items[i]->string);
            char *t = json_read_file(path, &len);
            if (t == NULL) {
                fprintf(stderr, "pair data: cannot read %s\n", path);
                exit(2);
            }
            if (side)
                c->tgt[c->ntgt++] = segment(sen, "en", t);
            else {
                c->gold[c->nsrc] = -1;
                c->src[c->nsrc++] = segment(sid, "id", t);
            }
            free(t);
        }
    }
    for (size_t i = 0; i < pairs->len; i++) {
        int s = index_of(ids, pairs->items[i]->items[0]->string);
        int t = index_of(ens, pairs->items[i]->items[1]->string);
        if (s >= 0 && t >= 0) {
            c->gold[s] = t;
            c->npairs++;
        }
    }
    selaras_segmenter_free(sid);
    selaras_segmenter_free(sen);
    json_free(g);
    free(text);
}

void pair_coll_free(pair_coll *c)
{
    for (size_t i = 0; i < c->nsrc; i++)
        selaras_segments_free(c->src[i]);
    for (size_t i = 0; i < c->ntgt; i++)
        selaras_segments_free(c->tgt[i]);
    free(c->src);
    free(c->tgt);
    free(c->gold);
    memset(c, 0, sizeof *c);
}

selaras_pairer *pair_run(const pair_coll *c, const selaras_lexicon *lex,
                         const selaras_allocator *mem, double min_score, double *add_secs,
                         double *run_secs)
{
    selaras_pairer *p;
    selaras_error err;
    double t0 = pair_now();
    selaras_status st = selaras_pairer_new(&p, "id", "en", lex, mem, &err);
    if (st == SELARAS_OK && min_score >= 0)
        st = selaras_pairer_set_min_score(p, min_score, &err);
    for (size_t i = 0; st == SELARAS_OK && i < c->nsrc; i++)
        st = selaras_pairer_add(p, SELARAS_SIDE_SOURCE, c->src[i], NULL, &err);
    for (size_t i = 0; st == SELARAS_OK && i < c->ntgt; i++)
        st = selaras_pairer_add(p, SELARAS_SIDE_TARGET, c->tgt[i], NULL, &err);
    double t1 = pair_now();
    if (st == SELARAS_OK)
        st = selaras_pairer_run(p, &err);
    if (st != SELARAS_OK) {
        fprintf(stderr, "pair data: %s\n", err.message);
        exit(2);
    }
    *add_secs = t1 - t0;
    *run_secs = pair_now() - t1;
    return p;
}
