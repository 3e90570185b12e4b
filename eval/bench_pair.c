/* make bench-pair: time and peak memory of pairing at about 500, 2,000 and 10,000
 * documents a side, in the library and as whole `selaras pair` processes, with the
 * quadratic baseline of make eval-pair (translated bag of words, cosine, greedy) timed in
 * the same run where it finishes in reasonable time.
 *
 * The documents are PUD's and the LibreOffice help pages (paragraphs/), shuffled with a
 * fixed seed; 10% of each side lose their partner. The 10,000 collection adds synthetic
 * copies of those documents, each made distinct by a line with its own archive number.
 * Growth is the ratio of time growth to document growth between sizes: 1 is linear, and
 * it must stay at most 2 (quadratic would be 4 from 500 to 2,000).
 *
 * usage: bench_pair DATA_DIR [SELARAS]   (SELARAS: the command to time, default ./selaras) */
#define _GNU_SOURCE
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "count_alloc.h"
#include "pair_data.h"

extern char **environ;

/* n document pairs: the shared texts in a shuffled order, then distinct copies. */
static void make_texts(const pair_texts *id, const pair_texts *en, const size_t *order,
                       size_t n, pair_texts *oid, pair_texts *oen)
{
    memset(oid, 0, sizeof *oid);
    memset(oen, 0, sizeof *oen);
    for (size_t k = 0; k < n; k++) {
        size_t d = order[k % id->n], copy = k / id->n;
        if (copy == 0) {
            pair_texts_push(oid, strdup(id->v[d]));
            pair_texts_push(oen, strdup(en->v[d]));
            continue;
        }
        size_t li = strlen(id->v[d]) + 96, le = strlen(en->v[d]) + 96;
        char *a = malloc(li), *b = malloc(le);
        snprintf(a, li, "%s\n\nNomor arsip %zu.%zu diperbarui pada %zu/%zu.\n", id->v[d], copy,
                 70000 + k, k % 28 + 1, k % 12 + 1);
        snprintf(b, le, "%s\n\nArchive number %zu.%zu updated on %zu/%zu.\n", en->v[d], copy,
                 70000 + k, k % 12 + 1, k % 28 + 1);
        pair_texts_push(oid, a);
        pair_texts_push(oen, b);
    }
}

typedef struct result {
    double add, run, base;
    size_t peak, comparisons, correct, predicted, pairs;
    double cli_secs;
    long cli_rss_kb;
} result;

static void run_library(const pair_coll *c, const selaras_lexicon *lex, result *r)
{
    counter pa = {0, 0};
    selaras_allocator mem = {c_malloc, c_realloc, c_free, &pa};
    selaras_pairer *p = pair_run(c, lex, &mem, -1, &r->add, &r->run);
    r->comparisons = selaras_pairer_comparisons(p);
    r->pairs = c->npairs;
    r->correct = r->predicted = 0;
    for (size_t i = 0; i < c->nsrc; i++) {
        size_t t = selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, i, NULL);
        if (t != SELARAS_UNPAIRED) {
            r->predicted++;
            r->correct += (long)t == c->gold[i];
        }
    }
    selaras_pairer_free(p);
    r->peak = pa.peak;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "bench_pair: cannot write %s\n", path);
        exit(2);
    }
}

static void file_path(char *out, size_t cap, const char *dir, size_t i)
{
    int n = snprintf(out, cap, "%s/%06zu.txt", dir, i);
    if (n < 0 || (size_t)n >= cap)
        exit(2);
}

/* Write the texts to two folders and time one `selaras pair` over them. */
static void run_cli(const char *selaras, const pair_texts *id, const pair_texts *en,
                    const char *tmp, size_t n, result *r)
{
    char dir[2][256], path[512];
    snprintf(dir[0], sizeof dir[0], "%s/id-%zu", tmp, n);
    snprintf(dir[1], sizeof dir[1], "%s/en-%zu", tmp, n);
    for (int s = 0; s < 2; s++)
        if (mkdir(dir[s], 0700) != 0 && errno != EEXIST)
            exit(2);
    for (size_t i = 0; i < n; i++) {
        /* names say nothing: the targets are numbered in another order */
        file_path(path, sizeof path, dir[0], i);
        write_file(path, id->v[i]);
        file_path(path, sizeof path, dir[1], (i * 7919) % n);
        write_file(path, en->v[i]);
    }
    char *argv[] = {(char *)selaras, "pair", "--quiet", "-o", "/dev/null", dir[0], dir[1], NULL};
    double t0 = pair_now();
    pid_t pid;
    if (posix_spawn(&pid, selaras, NULL, NULL, argv, environ) != 0) {
        fprintf(stderr, "bench_pair: cannot run %s\n", selaras);
        exit(2);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_pair: %s pair failed\n", selaras);
        exit(2);
    }
    r->cli_secs = pair_now() - t0;
    r->cli_rss_kb = ru.ru_maxrss;
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; i < n; i++) {
            file_path(path, sizeof path, dir[s], i);
            unlink(path);
        }
        rmdir(dir[s]);
    }
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "../shared/data";
    const char *selaras = argc > 2 ? argv[2] : "./selaras";
    selaras_lexicon *lex;
    selaras_error err;
    if (selaras_lexicon_new(&lex, "id", "en", NULL, &err) != SELARAS_OK ||
        selaras_lexicon_load_default(lex, &err) != SELARAS_OK) {
        fprintf(stderr, "bench_pair: %s\n", err.message);
        return 2;
    }
    pair_texts id = {0}, en = {0};
    pair_read_pud(dir, &id, &en);
    pair_read_libreoffice(dir, 2, &id, &en);
    size_t *order = malloc(id.n * sizeof *order);
    uint64_t seed = 0xbe4c4;
    for (size_t i = 0; i < id.n; i++)
        order[i] = i;
    for (size_t i = id.n; i > 1; i--) {
        size_t j = (size_t)(pair_rng(&seed) % i), t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    char tmp[] = "/tmp/selaras-bench-pair-XXXXXX";
    if (mkdtemp(tmp) == NULL)
        return 2;
    static const size_t sizes[] = {500, 2000, 10000};
    result res[3];
    printf("Pairing time and memory (documents a side before 10%% of each side lose their "
           "partner; %zu distinct documents, then synthetic copies)\n", id.n);
    printf("%7s %7s %9s %9s %9s %11s %10s %9s | %9s %11s | %9s\n", "docs", "pairs", "profile s",
           "pair s", "total s", "peak MB", "scored", "precision", "CLI s", "CLI RSS MB",
           "base s");
    for (int k = 0; k < 3; k++) {
        size_t n = sizes[k];
        pair_texts a, b;
        make_texts(&id, &en, order, n, &a, &b);
        result *r = &res[k];
        run_cli(selaras, &a, &b, tmp, n, r);
        pair_coll c;
        pair_coll_from_parallel(&c, "bench", &a, &b, 0x5eed3 + (uint64_t)k);
        run_library(&c, lex, r);
        r->base = -1;
        if (n <= 2000) {
            double t0 = pair_now();
            free(pair_baseline(&c, lex));
            r->base = pair_now() - t0;
        }
        printf("%7zu %7zu %9.2f %9.2f %9.2f %11.1f %10zu %9.4f | %9.2f %11.1f | ", n, r->pairs,
               r->add, r->run, r->add + r->run, (double)r->peak / 1e6, r->comparisons,
               r->predicted ? (double)r->correct / (double)r->predicted : 1.0, r->cli_secs,
               (double)r->cli_rss_kb / 1024.0);
        if (r->base >= 0)
            printf("%9.2f\n", r->base);
        else
            printf("%9s\n", "(skipped)");
        fflush(stdout);
        pair_coll_free(&c);
    }
    rmdir(tmp);
    printf("\nGrowth of time over growth of documents (1 = linear, 4 from 500 to 2,000 = "
           "quadratic; target <= 2)\n");
    for (int k = 1; k < 3; k++) {
        double docs = (double)sizes[k] / (double)sizes[k - 1];
        double lib = (res[k].add + res[k].run) / (res[k - 1].add + res[k - 1].run) / docs;
        double run = res[k].run / res[k - 1].run / docs;
        double cli = res[k].cli_secs / res[k - 1].cli_secs / docs;
        printf("%5zu -> %5zu: library %.2f (pairing step alone %.2f), CLI process %.2f", sizes[k - 1],
               sizes[k], lib, run, cli);
        if (res[k].base >= 0 && res[k - 1].base >= 0)
            printf(", baseline %.2f", res[k].base / res[k - 1].base / docs);
        printf("\n");
    }
    printf("Peak memory over documents: %.1f KB a document at 2,000, %.1f KB at 10,000\n",
           (double)res[1].peak / 1e3 / 2000.0, (double)res[2].peak / 1e3 / 10000.0);
    pair_texts_free(&id);
    pair_texts_free(&en);
    free(order);
    selaras_lexicon_free(lex);
    return 0;
}
