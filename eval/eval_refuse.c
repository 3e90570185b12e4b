/* make eval-refuse: what `selaras align` does with pairs that are translations and with
 * pairs that are not. For the press releases (press/pairs, and press/unpaired against every
 * release of the other language), PUD documents and LibreOffice help pages: true pairs
 * against mismatched ones (each document with another set's partner, a fixed shift), the
 * parallelness score of each (selaras_align_scored()), how many are refused at
 * SELARAS_PARALLEL_THRESHOLD, and the bead confidences before (selaras_align()) and after
 * they are weighed by the score: no bead of a mismatched pair may claim 0.9. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "selaras.h"

typedef struct doc_pair {
    char *id, *en;  /* texts, malloc'ed; either may be NULL (no partner) */
} doc_pair;

typedef struct set {
    doc_pair *v;
    size_t n, cap;
} set;

static void set_add(set *s, char *id, char *en)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        if (s->v == NULL)
            exit(2);
    }
    s->v[s->n].id = id;
    s->v[s->n].en = en;
    s->n++;
}

static void set_free(set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].id);
        free(s->v[i].en);
    }
    free(s->v);
}

static char *read_text(const char *dir, const char *sub, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/%s", dir, sub, name);
    return json_read_file(path, NULL);
}

/* press/pairs/NAME.{id,en}.txt as pairs, press/unpaired/NAME.LANG.txt alone. */
static void press(const char *dir, const char *sub, set *s)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, sub);
    DIR *d = opendir(path);
    if (d == NULL) {
        fprintf(stderr, "eval_refuse: cannot read %s\n", path);
        exit(2);
    }
    char *names[64];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64) {
        size_t len = strlen(e->d_name);
        if (len > 7 && strcmp(e->d_name + len - 4, ".txt") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    /* sorted, so that the run does not depend on the directory order */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(names[i]);
        if (strcmp(names[i] + len - 7, ".id.txt") != 0)
            continue;
        char partner[512];
        snprintf(partner, sizeof partner, "%.*s.en.txt", (int)(len - 7), names[i]);
        char *en = NULL;
        for (size_t j = 0; j < n; j++)
            if (strcmp(names[j], partner) == 0)
                en = read_text(dir, sub, partner);
        set_add(s, read_text(dir, sub, names[i]), en);
    }
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(names[i]);
        if (strcmp(names[i] + len - 7, ".en.txt") == 0) {
            char partner[512];
            snprintf(partner, sizeof partner, "%.*s.id.txt", (int)(len - 7), names[i]);
            int paired = 0;
            for (size_t j = 0; j < n; j++)
                paired |= strcmp(names[j], partner) == 0;
            if (!paired)
                set_add(s, NULL, read_text(dir, sub, names[i]));
        }
        free(names[i]);
    }
}

static int pud_doc(const json *doc, void *user)
{
    set *s = user;
    const char *text = json_get_string(doc, "text");
    if (text == NULL)
        return -1;
    set_add(s, strdup(text), NULL);
    return 0;
}

static void pud(const char *dir, set *s)
{
    char path[4096];
    set id = {0}, en = {0};
    snprintf(path, sizeof path, "%s/pud/id.docs.jsonl", dir);
    if (jsonl_each(path, pud_doc, &id) != 0)
        exit(2);
    snprintf(path, sizeof path, "%s/pud/en.docs.jsonl", dir);
    if (jsonl_each(path, pud_doc, &en) != 0 || id.n != en.n)
        exit(2);
    for (size_t i = 0; i < id.n; i++) {
        set_add(s, id.v[i].id, en.v[i].id);
        id.v[i].id = en.v[i].id = NULL;
    }
    set_free(&id);
    set_free(&en);
}

/* LibreOffice help pages of at least 3 paragraphs, the first max of them. */
static void libreoffice(const char *dir, set *s, size_t max)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/paragraphs/libreoffice-help.paras.tsv", dir);
    char *text = json_read_file(path, NULL);
    if (text == NULL)
        exit(2);
    char page[1024] = "";
    size_t nparas = 0;
    char *id = NULL, *en = NULL;
    size_t idn = 0, enn = 0;
    for (char *line = strchr(text, '\n'); line != NULL && s->n < max;) {
        line++;
        char *end = strchr(line, '\n');
        if (end != NULL)
            *end = '\0';
        char *f[4] = {line, NULL, NULL, NULL};
        for (int k = 1; k < 4 && f[k - 1] != NULL; k++) {
            f[k] = strchr(f[k - 1], '\t');
            if (f[k] != NULL)
                *f[k]++ = '\0';
        }
        int last = end == NULL;
        if (f[3] == NULL || strcmp(f[0], page) != 0 || last) {
            if (nparas >= 3)
                set_add(s, id, en);
            else {
                free(id);
                free(en);
            }
            id = en = NULL;
            idn = enn = 0;
            nparas = 0;
            snprintf(page, sizeof page, "%s", f[0]);
        }
        if (f[3] != NULL) {
            size_t a = strlen(f[2]), b = strlen(f[3]);
            id = realloc(id, idn + a + 2);
            en = realloc(en, enn + b + 2);
            memcpy(id + idn, f[2], a);
            memcpy(en + enn, f[3], b);
            idn += a;
            enn += b;
            id[idn++] = '\n';
            en[enn++] = '\n';
            id[idn] = en[enn] = '\0';
            nparas++;
        }
        if (last)
            break;
        line = end;
    }
    free(id);
    free(en);
    free(text);
}

static selaras_segments *segment(selaras_segmenter *sg, const char *lang, const char *text)
{
    selaras_doc *doc;
    selaras_segments *segs = NULL;
    selaras_error err;
    if (selaras_doc_new(&doc, text, strlen(text), lang, SELARAS_DOC_REPLACE_INVALID, NULL,
                        &err) != SELARAS_OK ||
        selaras_segment(sg, doc, &segs, &err) != SELARAS_OK) {
        fprintf(stderr, "eval_refuse: %s\n", err.message);
        exit(2);
    }
    selaras_doc_free(doc);
    return segs;
}

typedef struct tally {
    size_t pairs, refused;
    double min_score, max_score;
    size_t beads, high_raw, high_scaled; /* two-sided beads; at >= 0.9 before and after */
    double max_raw, max_scaled;
} tally;

static void run_pair(selaras_aligner *al, const selaras_segments *s, const selaras_segments *t,
                     tally *ty)
{
    selaras_alignment *raw, *scored;
    selaras_error err;
    if (selaras_align(al, s, t, &raw, &err) != SELARAS_OK ||
        selaras_align_scored(al, s, t, &scored, NULL, &err) != SELARAS_OK) {
        fprintf(stderr, "eval_refuse: %s\n", err.message);
        exit(2);
    }
    double score = selaras_alignment_document_score(scored);
    if (ty->pairs == 0 || score < ty->min_score)
        ty->min_score = score;
    if (ty->pairs == 0 || score > ty->max_score)
        ty->max_score = score;
    ty->pairs++;
    ty->refused += score < selaras_parallel_threshold();
    for (size_t b = 0; b < selaras_alignment_count(raw); b++) {
        if (selaras_alignment_src_count(raw, b) == 0 || selaras_alignment_tgt_count(raw, b) == 0)
            continue;
        double r = selaras_alignment_score(raw, b), c = selaras_alignment_score(scored, b);
        ty->beads++;
        ty->high_raw += r >= 0.9;
        ty->high_scaled += c >= 0.9;
        if (r > ty->max_raw)
            ty->max_raw = r;
        if (c > ty->max_scaled)
            ty->max_scaled = c;
    }
    selaras_alignment_free(raw);
    selaras_alignment_free(scored);
}

static void print_tally(const char *name, const char *kind, const tally *t)
{
    printf("  %-18s %-10s %6zu %8zu %6.3f %6.3f %7zu %8zu %8zu %7.3f %7.3f\n", name, kind, t->pairs,
           t->refused, t->min_score, t->max_score, t->beads, t->high_raw, t->high_scaled,
           t->max_raw, t->max_scaled);
}

static int evaluate(const char *name, set *s, selaras_aligner *al, selaras_segmenter *sid,
                    selaras_segmenter *sen)
{
    size_t n = s->n;
    selaras_segments **ids = calloc(n, sizeof *ids), **ens = calloc(n, sizeof *ens);
    size_t nid = 0, nen = 0, *idx_id = calloc(n, sizeof *idx_id), *idx_en = calloc(n, sizeof *idx_en);
    for (size_t i = 0; i < n; i++) {
        if (s->v[i].id != NULL)
            ids[i] = segment(sid, "id", s->v[i].id);
        if (s->v[i].en != NULL)
            ens[i] = segment(sen, "en", s->v[i].en);
        if (ids[i] != NULL)
            idx_id[nid++] = i;
        if (ens[i] != NULL)
            idx_en[nen++] = i;
    }
    tally good = {0}, bad = {0};
    for (size_t i = 0; i < n; i++)
        if (ids[i] != NULL && ens[i] != NULL)
            run_pair(al, ids[i], ens[i], &good);
    /* mismatches: every Indonesian document with the English one half the set away, and a
     * document without partner with every document of the other side (small sets) */
    for (size_t k = 0; k < nid; k++) {
        size_t i = idx_id[k];
        if (nen > 1 && ens[i] != NULL) {
            size_t j = idx_en[(k + nen / 2) % nen];
            if (j == i)
                j = idx_en[(k + nen / 2 + 1) % nen];
            run_pair(al, ids[i], ens[j], &bad);
        }
    }
    if (n <= 64)
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++)
                if (i != j && ids[i] != NULL && ens[j] != NULL &&
                    (ens[i] == NULL || ids[j] == NULL))
                    run_pair(al, ids[i], ens[j], &bad);
    print_tally(name, "true", &good);
    print_tally(name, "mismatched", &bad);
    for (size_t i = 0; i < n; i++) {
        selaras_segments_free(ids[i]);
        selaras_segments_free(ens[i]);
    }
    free(ids);
    free(ens);
    free(idx_id);
    free(idx_en);
    /* the acceptance: no true pair refused, every mismatch refused, no mismatched bead
     * at 0.9 once weighed */
    return good.refused == 0 && bad.refused == bad.pairs && bad.high_scaled == 0;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "../shared/data";
    selaras_error err;
    selaras_lexicon *lex;
    selaras_aligner *al;
    selaras_segmenter *sid, *sen;
    if (selaras_lexicon_new(&lex, "id", "en", NULL, &err) != SELARAS_OK ||
        selaras_aligner_new(&al, "id", "en", lex, NULL, &err) != SELARAS_OK ||
        selaras_segmenter_new(&sid, "id", NULL, &err) != SELARAS_OK ||
        selaras_segmenter_new(&sen, "en", NULL, &err) != SELARAS_OK) {
        fprintf(stderr, "eval_refuse: %s\n", err.message);
        return 2;
    }
    int have = selaras_lexicon_load_default(lex, &err) == SELARAS_OK;
    printf("Non-translations: parallelness score (threshold %.2f) and bead confidences, "
           "FreeDict %s\n", selaras_parallel_threshold(), have ? "loaded" : "not installed");
    printf("  %-18s %-10s %6s %8s %6s %6s %7s %8s %8s %7s %7s\n", "set", "pairs", "n",
           "refused", "min", "max", "beads", "raw>=.9", "wtd>=.9", "rawmax", "wtdmax");
    set s = {0};
    int ok = 1;
    press(dir, "press/pairs", &s);
    press(dir, "press/unpaired", &s);
    ok &= evaluate("press", &s, al, sid, sen);
    set_free(&s);
    memset(&s, 0, sizeof s);
    pud(dir, &s);
    ok &= evaluate("PUD documents", &s, al, sid, sen);
    set_free(&s);
    memset(&s, 0, sizeof s);
    libreoffice(dir, &s, 300);
    ok &= evaluate("LibreOffice pages", &s, al, sid, sen);
    set_free(&s);
    printf("%s: no true pair refused, every mismatch refused, no weighed mismatched bead "
           "at 0.9\n", ok ? "PASS" : "MISS");
    selaras_segmenter_free(sid);
    selaras_segmenter_free(sen);
    selaras_aligner_free(al);
    selaras_lexicon_free(lex);
    return 0;
}
