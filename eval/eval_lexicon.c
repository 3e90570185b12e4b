/* make eval-lexicon: what the FreeDict lexicons bring to alignment.
 *
 *   eval_lexicon DATA_DIR [DICTD_DIR]
 *
 * 1. Loading: time, peak memory and memory kept after loading (through a counting
 *    allocator), pairs and vocabularies of
 *    the FreeDict lexicons id->en (eng-ind) and de->fr (deu-fra), stemmed and fold-only.
 * 2. On parallel sentences (PUD id-en: 1,000 pairs; Text+Berg test0-6 de-fr: the gold 1-1
 *    beads), per source word token: coverage (its key, or a two-word key it is part of, is
 *    in the lexicon) and hit rate (one of its translations occurs in the target sentence).
 *    The hit rate on true pairs is compared with the hit rate on mismatched pairs (source i
 *    against target i + 7): their ratio is what an aligner can use. Each figure is given
 *    for stemmed keys (ours) and for the fold-only baseline, measured in the same run.
 *
 *   eval_lexicon --bench DATA_DIR [DICTD_DIR]
 *
 * Throughput of what the aligner does per sentence (tokenize, stem, look up) on the PUD
 * sentences of both languages, against a baseline measured in the same run: splitting at
 * ASCII white space. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "align/align.h"
#include "count_alloc.h"
#include "lexicon/lexicon.h"

/* ---- counting allocator: count_alloc.h ---- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- sentence pairs ---- */

typedef struct pairs {
    char **src, **tgt;
    size_t n, cap;
} pairs;

static void pairs_add(pairs *p, const char *s, size_t sl, const char *t, size_t tl)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 256;
        p->src = realloc(p->src, p->cap * sizeof(char *));
        p->tgt = realloc(p->tgt, p->cap * sizeof(char *));
        if (!p->src || !p->tgt) {
            fprintf(stderr, "eval_lexicon: out of memory\n");
            exit(2);
        }
    }
    p->src[p->n] = strndup(s, sl);
    p->tgt[p->n] = strndup(t, tl);
    p->n++;
}

static void pairs_free(pairs *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->src[i]);
        free(p->tgt[i]);
    }
    free(p->src);
    free(p->tgt);
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "eval_lexicon: cannot open %s\n", path);
        exit(2);
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (buf == NULL)
        exit(2);
    buf[len] = '\0';
    return buf;
}

/* Line i of text as [*a, *b). Lines are split once into an index. */
typedef struct lines {
    char *text;
    size_t *start;
    size_t n;
} lines;

static void lines_read(lines *l, const char *path)
{
    l->text = read_all(path);
    size_t len = strlen(l->text), cap = 1024;
    l->start = malloc(cap * sizeof(size_t));
    l->n = 0;
    for (size_t i = 0; i <= len;) {
        if (l->n + 1 >= cap)
            l->start = realloc(l->start, (cap *= 2) * sizeof(size_t));
        l->start[l->n++] = i;
        char *nl = strchr(l->text + i, '\n');
        if (nl == NULL)
            break;
        i = (size_t)(nl - l->text) + 1;
    }
    l->start[l->n] = len + 1;
}

static void line_span(const lines *l, size_t i, const char **s, size_t *len)
{
    *s = l->text + l->start[i];
    *len = l->start[i + 1] - l->start[i] - 1;
    if (*len > 0 && (*s)[*len - 1] == '\r')
        (*len)--;
}

/* PUD gold.tsv: doc_id TAB sent_id TAB id TAB en, after a header line. */
static void read_pud(pairs *p, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/pud/gold.tsv", dir);
    lines l;
    lines_read(&l, path);
    for (size_t i = 1; i < l.n; i++) {
        const char *s;
        size_t len;
        line_span(&l, i, &s, &len);
        const char *f[4];
        size_t nf = 0;
        f[nf++] = s;
        for (size_t k = 0; k < len && nf < 4; k++)
            if (s[k] == '\t')
                f[nf++] = s + k + 1;
        if (nf < 4)
            continue;
        pairs_add(p, f[2], (size_t)(f[3] - f[2] - 1), f[3], (size_t)(s + len - f[3]));
    }
    free(l.text);
    free(l.start);
}

/* Text+Berg test0-6: the gold beads "[i]:[j]" give 1-1 sentence pairs. */
static void read_textberg(pairs *p, const char *dir)
{
    for (int d = 0; d < 7; d++) {
        char path[4096];
        lines de, fr, beads;
        snprintf(path, sizeof path, "%s/textberg/test%d.de", dir, d);
        lines_read(&de, path);
        snprintf(path, sizeof path, "%s/textberg/test%d.fr", dir, d);
        lines_read(&fr, path);
        snprintf(path, sizeof path, "%s/textberg/test%d.defr", dir, d);
        lines_read(&beads, path);
        for (size_t i = 0; i < beads.n; i++) {
            const char *s;
            size_t len;
            line_span(&beads, i, &s, &len);
            unsigned a, b;
            char tail;
            char tmp[64];
            if (len == 0 || len >= sizeof tmp)
                continue;
            memcpy(tmp, s, len);
            tmp[len] = '\0';
            if (sscanf(tmp, "[%u]:[%u]%c", &a, &b, &tail) != 2 || a >= de.n || b >= fr.n)
                continue;
            const char *x, *y;
            size_t xl, yl;
            line_span(&de, a, &x, &xl);
            line_span(&fr, b, &y, &yl);
            pairs_add(p, x, xl, y, yl);
        }
        free(de.text);
        free(de.start);
        free(fr.text);
        free(fr.start);
        free(beads.text);
        free(beads.start);
    }
}

/* ---- keys of a sentence ---- */

#define MAXTOK 512

typedef struct sent {
    size_t nwords;
    uint32_t uni[MAXTOK];     /* id of each word's key, or NONE */
    uint32_t bi[MAXTOK];      /* id of the key "word[i] word[i+1]", or NONE */
} sent;

static void sentence_keys(const char *text, sl_tokens *toks, sl_stemmer *st,
                          const selaras_lexicon *lex, int target, sent *out)
{
    char keys[MAXTOK][64];
    size_t klen[MAXTOK];
    out->nwords = 0;
    if (sl_tokenize(toks, text, strlen(text), NULL) != SELARAS_OK)
        return;
    for (size_t i = 0; i < toks->n && out->nwords < MAXTOK; i++) {
        if (toks->tok[i].cls != SL_TOKEN_WORD)
            continue;
        size_t len;
        const char *f = sl_token_folded(toks, i, &len);
        if (st && sl_stem(st, f, len, &f, &len) != SELARAS_OK)
            continue;
        if (len >= 64)
            len = 63;
        memcpy(keys[out->nwords], f, len);
        klen[out->nwords] = len;
        out->nwords++;
    }
    for (size_t i = 0; i < out->nwords; i++) {
        out->uni[i] = target ? sl_lexicon_tgt_id(lex, keys[i], klen[i])
                             : sl_lexicon_src_id(lex, keys[i], klen[i]);
        out->bi[i] = SL_LEXICON_NONE;
        if (i + 1 < out->nwords) {
            char bi[130];
            memcpy(bi, keys[i], klen[i]);
            bi[klen[i]] = ' ';
            memcpy(bi + klen[i] + 1, keys[i + 1], klen[i + 1]);
            size_t bl = klen[i] + 1 + klen[i + 1];
            out->bi[i] = target ? sl_lexicon_tgt_id(lex, bi, bl) : sl_lexicon_src_id(lex, bi, bl);
        }
    }
}

static int in_target(const sent *t, uint32_t id)
{
    for (size_t i = 0; i < t->nwords; i++)
        if (t->uni[i] == id || t->bi[i] == id)
            return 1;
    return 0;
}

static int translated_in(const selaras_lexicon *lex, uint32_t src, const sent *t)
{
    const uint32_t *ids;
    size_t n;
    sl_lexicon_translations(lex, src, &ids, &n);
    for (size_t k = 0; k < n; k++)
        if (in_target(t, ids[k]))
            return 1;
    return 0;
}

typedef struct figures {
    double src_cov, tgt_cov, hit_true, hit_false;
} figures;

static void measure(const selaras_lexicon *lex, int stem, const pairs *p, figures *out)
{
    selaras_allocator mem;
    sl_mem_init(&mem, NULL, NULL);
    sl_tokens toks;
    sl_tokens_init(&toks, &mem);
    sl_stemmer *ss = NULL, *ts = NULL;
    if (stem) {
        sl_stemmer_new(&ss, NULL, sl_lexicon_src_lang(lex), NULL);
        sl_stemmer_new(&ts, NULL, sl_lexicon_tgt_lang(lex), NULL);
    }
    static sent s, t, u;
    size_t words = 0, covered = 0, twords = 0, tcovered = 0, hit = 0, hit_false = 0;
    for (size_t i = 0; i < p->n; i++) {
        sentence_keys(p->src[i], &toks, ss, lex, 0, &s);
        sentence_keys(p->tgt[i], &toks, ts, lex, 1, &t);
        sentence_keys(p->tgt[(i + 7) % p->n], &toks, ts, lex, 1, &u);
        for (size_t k = 0; k < t.nwords; k++) {
            twords++;
            tcovered += t.uni[k] != SL_LEXICON_NONE || t.bi[k] != SL_LEXICON_NONE ||
                        (k > 0 && t.bi[k - 1] != SL_LEXICON_NONE);
        }
        for (size_t k = 0; k < s.nwords; k++) {
            uint32_t ids[3] = {s.uni[k], s.bi[k], k > 0 ? s.bi[k - 1] : SL_LEXICON_NONE};
            int cov = 0, h = 0, hf = 0;
            for (int j = 0; j < 3; j++) {
                if (ids[j] == SL_LEXICON_NONE)
                    continue;
                cov = 1;
                h |= translated_in(lex, ids[j], &t);
                hf |= translated_in(lex, ids[j], &u);
            }
            words++;
            covered += cov;
            hit += h;
            hit_false += hf;
        }
    }
    out->src_cov = words ? 100.0 * covered / words : 0;
    out->tgt_cov = twords ? 100.0 * tcovered / twords : 0;
    out->hit_true = words ? 100.0 * hit / words : 0;
    out->hit_false = words ? 100.0 * hit_false / words : 0;
    sl_stemmer_free(ss);
    sl_stemmer_free(ts);
    sl_tokens_release(&toks);
}

/* ---- the aligner's path ---- */

typedef struct akeys {
    size_t n;
    uint32_t id[MAXTOK];   /* lexicon id of each key (NONE: not a key) */
    sl_stemmer *st;
    const selaras_lexicon *lex;
    int target;
} akeys;

static void akeys_add(akeys *k, const char *key, size_t len)
{
    if (k->n < MAXTOK)
        k->id[k->n++] = k->target ? sl_lexicon_tgt_id(k->lex, key, len)
                                  : sl_lexicon_src_id(k->lex, key, len);
}

/* One of the aligner's tokens: its surface form and its stem are both looked up. */
static int akey_token(void *ctx, const char *key, size_t len, uint32_t flags)
{
    akeys *k = ctx;
    if (flags & (SL_TOK_ANCHOR | SL_TOK_UNIT))
        return 0;
    const char *f = key;
    size_t flen = len;
    akeys_add(k, key, len);
    if (!(flags & SL_TOK_KEY) && sl_stem(k->st, key, len, &f, &flen) == SELARAS_OK &&
        (flen != len || memcmp(f, key, len) != 0))
        akeys_add(k, f, flen);
    return 0;
}

static size_t akey_stem(void *ctx, const char *word, size_t len, char *out, size_t cap)
{
    akeys *k = ctx;
    const char *f;
    size_t n;
    if (sl_stem(k->st, word, len, &f, &n) != SELARAS_OK || n >= cap)
        return (size_t)-1;
    memcpy(out, f, n);
    return n;
}

static void aligner_keys(const char *text, sl_tokens *toks, const char *lang, int phrases,
                         akeys *k)
{
    k->n = 0;
    sl_anchor_tokenize(text, strlen(text), lang, akey_token, k);
    sl_phrase_lookup ph = {k->lex, k->target};
    if (phrases)
        sl_phrases_emit(&ph, toks, text, strlen(text), akey_stem, k, akey_token, k);
}

static int akeys_translate(const akeys *s, size_t i, const akeys *t)
{
    const uint32_t *ids;
    size_t n;
    sl_lexicon_translations(s->lex, s->id[i], &ids, &n);
    for (size_t q = 0; q < n; q++)
        for (size_t j = 0; j < t->n; j++)
            if (t->id[j] == ids[q])
                return 1;
    return 0;
}

/* Per key the aligner looks up: coverage and hit rates, with or without phrase keys. */
static void measure_aligner(const selaras_lexicon *lex, const pairs *p, int phrases,
                            figures *out)
{
    selaras_allocator mem;
    sl_mem_init(&mem, NULL, NULL);
    sl_tokens toks;
    sl_tokens_init(&toks, &mem);
    static akeys s, t, u;
    sl_stemmer_new(&s.st, NULL, sl_lexicon_src_lang(lex), NULL);
    sl_stemmer_new(&t.st, NULL, sl_lexicon_tgt_lang(lex), NULL);
    u.st = t.st;
    s.lex = t.lex = u.lex = lex;
    s.target = 0;
    t.target = u.target = 1;
    size_t keys = 0, covered = 0, tkeys = 0, tcovered = 0, hit = 0, hit_false = 0;
    for (size_t i = 0; i < p->n; i++) {
        aligner_keys(p->src[i], &toks, sl_lexicon_src_lang(lex), phrases, &s);
        aligner_keys(p->tgt[i], &toks, sl_lexicon_tgt_lang(lex), phrases, &t);
        aligner_keys(p->tgt[(i + 7) % p->n], &toks, sl_lexicon_tgt_lang(lex), phrases, &u);
        for (size_t k = 0; k < t.n; k++) {
            tkeys++;
            tcovered += t.id[k] != SL_LEXICON_NONE;
        }
        for (size_t k = 0; k < s.n; k++) {
            keys++;
            if (s.id[k] == SL_LEXICON_NONE)
                continue;
            covered++;
            hit += akeys_translate(&s, k, &t);
            hit_false += akeys_translate(&s, k, &u);
        }
    }
    out->src_cov = keys ? 100.0 * covered / keys : 0;
    out->tgt_cov = tkeys ? 100.0 * tcovered / tkeys : 0;
    out->hit_true = keys ? 100.0 * hit / keys : 0;
    out->hit_false = keys ? 100.0 * hit_false / keys : 0;
    sl_stemmer_free(s.st);
    sl_stemmer_free(t.st);
    sl_tokens_release(&toks);
}

static selaras_lexicon *load(const char *src, const char *tgt, int stem, const char *dictd,
                             counter *c, double *seconds)
{
    selaras_allocator mem = {c_malloc, c_realloc, c_free, c};
    selaras_lexicon *lex;
    selaras_error err;
    double t0 = now();
    if (selaras_lexicon_new(&lex, src, tgt, &mem, &err) != SELARAS_OK ||
        (!stem && sl_lexicon_disable_stemming(lex, &err) != SELARAS_OK) ||
        selaras_lexicon_load_freedict(lex, dictd, &err) != SELARAS_OK) {
        fprintf(stderr, "eval_lexicon: %s\n", err.message);
        exit(2);
    }
    *seconds = now() - t0;
    return lex;
}

/* ---- throughput ---- */

static size_t ws_split(const char *s)
{
    size_t n = 0;
    int in = 0;
    for (; *s; s++) {
        int sp = *s == ' ' || *s == '\t' || *s == '\n';
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

static int bench(const char *dir, const char *dictd)
{
    pairs p = {0};
    read_pud(&p, dir);
    size_t bytes = 0;
    for (size_t i = 0; i < p.n; i++)
        bytes += strlen(p.src[i]) + strlen(p.tgt[i]);
    counter c = {0, 0};
    double sec;
    selaras_lexicon *lex = load("id", "en", 1, dictd, &c, &sec);
    selaras_allocator mem;
    sl_mem_init(&mem, NULL, NULL);
    sl_tokens toks;
    sl_tokens_init(&toks, &mem);
    sl_stemmer *ss, *ts;
    sl_stemmer_new(&ss, NULL, "id", NULL);
    sl_stemmer_new(&ts, NULL, "en", NULL);
    const int reps = 20;
    printf("Throughput on PUD id+en (%zu sentences, %.2f MB, %d passes), best of 3\n\n",
           2 * p.n, bytes / 1e6, reps);
    printf("%-34s %9s %12s %8s\n", "step", "MB/s", "tokens/s", "x split");
    double base = 0;
    for (int step = 0; step < 4; step++) {
        double best = 1e9;
        size_t tokens = 0, found = 0;
        for (int rep = 0; rep < 3; rep++) {
            tokens = found = 0;
            double t0 = now();
            for (int r = 0; r < reps; r++) {
                for (size_t i = 0; i < 2 * p.n; i++) {
                    const char *text = i < p.n ? p.src[i] : p.tgt[i - p.n];
                    sl_stemmer *st = i < p.n ? ss : ts;
                    if (step == 0) {
                        tokens += ws_split(text);
                        continue;
                    }
                    sl_tokenize(&toks, text, strlen(text), NULL);
                    tokens += toks.n;
                    for (size_t k = 0; step >= 2 && k < toks.n; k++) {
                        if (toks.tok[k].cls != SL_TOKEN_WORD)
                            continue;
                        size_t len;
                        const char *f = sl_token_folded(&toks, k, &len);
                        sl_stem(st, f, len, &f, &len);
                        if (step == 3)
                            found += (i < p.n ? sl_lexicon_src_id(lex, f, len)
                                              : sl_lexicon_tgt_id(lex, f, len)) != SL_LEXICON_NONE;
                    }
                }
            }
            double t = now() - t0;
            if (t < best)
                best = t;
        }
        static const char *const names[] = {"baseline: split at white space",
                                            "tokenize (fold)", "tokenize + stem",
                                            "tokenize + stem + lexicon lookup"};
        double mbs = bytes * (double)reps / best / 1e6;
        if (step == 0)
            base = mbs;
        printf("%-34s %9.1f %12.0f %8.2f\n", names[step], mbs, tokens / best, base / mbs);
        (void)found;
    }
    sl_stemmer_free(ss);
    sl_stemmer_free(ts);
    sl_tokens_release(&toks);
    selaras_lexicon_free(lex);
    pairs_free(&p);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--bench") == 0) {
        if (argc < 3) {
            fprintf(stderr, "usage: eval_lexicon --bench DATA_DIR [DICTD_DIR]\n");
            return 2;
        }
        return bench(argv[2], argc > 3 ? argv[3] : "/usr/share/dictd");
    }

    if (argc < 2) {
        fprintf(stderr, "usage: eval_lexicon DATA_DIR [DICTD_DIR]\n");
        return 2;
    }
    const char *dictd = argc > 2 ? argv[2] : "/usr/share/dictd";
    static const char *const pair_names[2][2] = {{"id", "en"}, {"de", "fr"}};
    pairs corpora[2] = {{0}, {0}};
    read_pud(&corpora[0], argv[1]);
    read_textberg(&corpora[1], argv[1]);
    static const char *const corpus_names[2] = {"PUD id-en", "Text+Berg test de-fr (1-1)"};

    printf("Loading the FreeDict lexicons from %s\n\n", dictd);
    printf("%-7s %-9s %9s %9s %9s %8s %9s %9s\n", "pair", "keys", "load ms", "peak KiB",
           "kept KiB", "pairs", "src keys", "tgt keys");
    selaras_lexicon *lex[2][2];
    counter cnt[2][2];
    for (int p = 0; p < 2; p++) {
        for (int stem = 1; stem >= 0; stem--) {
            double best = 1e9;
            for (int rep = 0; rep < 3; rep++) {
                counter c = {0, 0};
                double sec;
                selaras_lexicon *l = load(pair_names[p][0], pair_names[p][1], stem, dictd, &c,
                                          &sec);
                if (sec < best)
                    best = sec;
                if (rep < 2)
                    selaras_lexicon_free(l);
                else {
                    lex[p][stem] = l;
                    cnt[p][stem] = c;
                }
            }
            printf("%s->%s  %-9s %9.1f %9.0f %9.0f %8zu %9zu %9zu\n", pair_names[p][0],
                   pair_names[p][1], stem ? "stemmed" : "fold-only", best * 1000,
                   cnt[p][stem].peak / 1024.0, cnt[p][stem].live / 1024.0,
                   selaras_lexicon_size(lex[p][stem]),
                   sl_lexicon_src_count(lex[p][stem]), sl_lexicon_tgt_count(lex[p][stem]));
        }
    }

    printf("\nPer source word token, %% (hit: a translation occurs in the target sentence;\n"
           "mismatched: source i against target i+7; ratio = true / mismatched)\n\n");
    printf("%-28s %-9s %7s %8s %8s %10s %6s\n", "corpus", "keys", "src cov", "tgt cov",
           "hit", "mismatched", "ratio");
    for (int p = 0; p < 2; p++) {
        for (int stem = 1; stem >= 0; stem--) {
            figures f;
            measure(lex[p][stem], stem, &corpora[p], &f);
            printf("%-28s %-9s %7.1f %8.1f %8.1f %10.1f %6.1f\n",
                   stem ? corpus_names[p] : "", stem ? "stemmed" : "fold-only", f.src_cov,
                   f.tgt_cov, f.hit_true, f.hit_false,
                   f.hit_false > 0 ? f.hit_true / f.hit_false : 0.0);
        }
        printf("%-28s (%zu sentence pairs)\n", "", corpora[p].n);
    }
    printf("\nThe path the aligner takes, per key it looks up (its tokens and their stems; with\n"
           "phrases: and the lexicon's phrases and hyphenated words), %% as above\n\n");
    printf("%-28s %-9s %7s %8s %8s %10s %6s\n", "corpus", "keys", "src cov", "tgt cov",
           "hit", "mismatched", "ratio");
    for (int p = 0; p < 2; p++)
        for (int ph = 1; ph >= 0; ph--) {
            figures f;
            measure_aligner(lex[p][1], &corpora[p], ph, &f);
            printf("%-28s %-9s %7.1f %8.1f %8.1f %10.1f %6.1f\n", ph ? corpus_names[p] : "",
                   ph ? "phrases" : "words", f.src_cov, f.tgt_cov, f.hit_true, f.hit_false,
                   f.hit_false > 0 ? f.hit_true / f.hit_false : 0.0);
        }
    for (int p = 0; p < 2; p++) {
        selaras_lexicon_free(lex[p][0]);
        selaras_lexicon_free(lex[p][1]);
        pairs_free(&corpora[p]);
    }
    return 0;
}
