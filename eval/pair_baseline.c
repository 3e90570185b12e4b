/* The baseline of make eval-pair and make bench-pair: each source document as the bag of
 * the FreeDict translations of its words, each target as the bag of its words, idf-weighted
 * cosine between every source and every target, then greedy one-to-one matching, best
 * first, as the document aligner of Bitextor does. Quadratic by design. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pair_data.h"
#include "collection/collection.h"

typedef struct bedge {
    double cos;
    size_t s, t;
} bedge;

static int cmp_bedge(const void *a, const void *b)
{
    const bedge *x = a, *y = b;
    if (x->cos != y->cos)
        return x->cos > y->cos ? -1 : 1;
    return x->s != y->s ? (x->s < y->s ? -1 : 1) : (x->t < y->t ? -1 : x->t > y->t);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

enum { BASE_KEEP = 20 };

long *pair_baseline(const pair_coll *c, const selaras_lexicon *lex)
{
    sl_profiler pid, pen;
    if (sl_profiler_init(&pid, NULL, "id", lex, 0, NULL) != SELARAS_OK ||
        sl_profiler_init(&pen, NULL, "en", lex, 1, NULL) != SELARAS_OK)
        exit(2);
    selaras_allocator m;
    sl_mem_init(&m, NULL, NULL);
    pid.mem = pen.mem = &m;
    size_t nv = sl_lexicon_tgt_count(lex) + 1;
    double *df = calloc(nv, sizeof *df);
    uint32_t **tv = malloc((c->ntgt + 1) * sizeof *tv), **sv = malloc((c->nsrc + 1) * sizeof *sv);
    size_t *tn = malloc((c->ntgt + 1) * sizeof *tn), *sn = malloc((c->nsrc + 1) * sizeof *sn);
    for (size_t i = 0; i < c->ntgt; i++) {
        sl_profile p;
        sl_profile_build(&pen, c->tgt[i], &p, NULL);
        tv[i] = malloc((p.nlex + 1) * sizeof **tv);
        memcpy(tv[i], p.lex, p.nlex * sizeof **tv);
        tn[i] = p.nlex;
        for (size_t k = 0; k < p.nlex; k++)
            df[p.lex[k]]++;
        sl_profile_release(&p, &m);
    }
    for (size_t i = 0; i < c->nsrc; i++) {
        sl_profile p;
        sl_profile_build(&pid, c->src[i], &p, NULL);
        size_t n = 0, cap = 64;
        uint32_t *v = malloc(cap * sizeof *v);
        for (size_t k = 0; k < p.nlex; k++) {
            const uint32_t *to;
            size_t nt;
            sl_lexicon_translations(lex, p.lex[k], &to, &nt);
            for (size_t j = 0; j < nt; j++) {
                if (n == cap)
                    v = realloc(v, (cap *= 2) * sizeof *v);
                v[n++] = to[j];
            }
        }
        qsort(v, n, sizeof *v, cmp_u32);
        size_t u = 0;
        for (size_t k = 0; k < n; k++)
            if (u == 0 || v[u - 1] != v[k])
                v[u++] = v[k];
        sv[i] = v;
        sn[i] = u;
        sl_profile_release(&p, &m);
    }
    double *idf = malloc(nv * sizeof *idf);
    for (size_t k = 0; k < nv; k++)
        idf[k] = log((1.0 + (double)c->ntgt) / (1.0 + df[k]));
    double *tnorm = malloc((c->ntgt + 1) * sizeof *tnorm);
    for (size_t i = 0; i < c->ntgt; i++) {
        double s = 0;
        for (size_t k = 0; k < tn[i]; k++)
            s += idf[tv[i][k]] * idf[tv[i][k]];
        tnorm[i] = sqrt(s);
    }
    bedge *edges = malloc((c->nsrc * BASE_KEEP + 1) * sizeof *edges);
    size_t ne = 0;
    for (size_t i = 0; i < c->nsrc; i++) {
        double sn2 = 0;
        for (size_t k = 0; k < sn[i]; k++)
            sn2 += idf[sv[i][k]] * idf[sv[i][k]];
        bedge best[BASE_KEEP];
        size_t nb = 0;
        for (size_t j = 0; j < c->ntgt; j++) {
            double dot = 0;
            size_t a = 0, b = 0;
            while (a < sn[i] && b < tn[j]) {
                if (sv[i][a] < tv[j][b])
                    a++;
                else if (sv[i][a] > tv[j][b])
                    b++;
                else {
                    dot += idf[sv[i][a]] * idf[sv[i][a]];
                    a++;
                    b++;
                }
            }
            double cos = sn2 > 0 && tnorm[j] > 0 ? dot / (sqrt(sn2) * tnorm[j]) : 0;
            if (cos <= 0)
                continue;
            size_t at = nb;
            while (at > 0 && best[at - 1].cos < cos)
                at--;
            if (at >= BASE_KEEP)
                continue;
            if (nb < BASE_KEEP)
                nb++;
            memmove(best + at + 1, best + at, (nb - at - 1) * sizeof *best);
            best[at] = (bedge){cos, i, j};
        }
        memcpy(edges + ne, best, nb * sizeof *best);
        ne += nb;
    }
    qsort(edges, ne, sizeof *edges, cmp_bedge);
    long *partner = malloc((c->nsrc + 1) * sizeof *partner);
    char *taken = calloc(c->ntgt + 1, 1);
    for (size_t i = 0; i < c->nsrc; i++)
        partner[i] = -1;
    for (size_t e = 0; e < ne; e++)
        if (partner[edges[e].s] < 0 && !taken[edges[e].t]) {
            partner[edges[e].s] = (long)edges[e].t;
            taken[edges[e].t] = 1;
        }
    for (size_t i = 0; i < c->ntgt; i++)
        free(tv[i]);
    for (size_t i = 0; i < c->nsrc; i++)
        free(sv[i]);
    free(tv); free(sv); free(tn); free(sn); free(df); free(idf); free(tnorm);
    free(edges); free(taken);
    sl_profiler_release(&pid);
    sl_profiler_release(&pen);
    return partner;
}
