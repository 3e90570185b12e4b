/* The pairs of selaras batch: a --pairs file, or the pairer over two folders. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "batch_pairs.h"
#include "progress.h"

void batch_pairs_init(batch_pairs *bp)
{
    memset(bp, 0, sizeof *bp);
    cli_files_init(&bp->src);
    cli_files_init(&bp->tgt);
    cli_files_init(&bp->unpaired_src);
    cli_files_init(&bp->unpaired_tgt);
    cli_files_init(&bp->skipped);
}

void batch_pairs_free(batch_pairs *bp)
{
    for (size_t i = 0; i < bp->skipped.n; i++)
        free(bp->skip_reason[i]);
    free(bp->skip_reason);
    free(bp->score);
    cli_files_free(&bp->src);
    cli_files_free(&bp->tgt);
    cli_files_free(&bp->unpaired_src);
    cli_files_free(&bp->unpaired_tgt);
    cli_files_free(&bp->skipped);
}

/* Append a copy of path to f; 0 or -1 (no memory). */
static int files_push(cli_files *f, const char *path)
{
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        char **p = realloc(f->path, cap * sizeof *p);
        if (p == NULL)
            return -1;
        f->path = p;
        f->cap = cap;
    }
    if ((f->path[f->n] = strdup(path)) == NULL)
        return -1;
    f->n++;
    return 0;
}

static int out_of_memory(void)
{
    cli_error("out of memory");
    return CLI_INPUT;
}

/* Remember a file skipped for pairing and why; 0 or -1 (no memory). */
static int add_skip(batch_pairs *bp, const char *path, const char *reason)
{
    char **r = realloc(bp->skip_reason, (bp->skipped.n + 1) * sizeof *r);
    if (r == NULL)
        return -1;
    bp->skip_reason = r;
    if ((r[bp->skipped.n] = strdup(reason)) == NULL)
        return -1;
    if (files_push(&bp->skipped, path) != 0) {
        free(r[bp->skipped.n]);
        return -1;
    }
    return 0;
}

/* Add pair (s, t) with score. */
static int add_pair(batch_pairs *bp, const char *s, const char *t, double score)
{
    double *sc = realloc(bp->score, (bp->src.n + 1) * sizeof *sc);
    if (sc == NULL)
        return -1;
    bp->score = sc;
    sc[bp->src.n] = score;
    if (files_push(&bp->src, s) != 0)
        return -1;
    if (files_push(&bp->tgt, t) != 0) {
        free(bp->src.path[--bp->src.n]);
        return -1;
    }
    return 0;
}

int batch_pairs_read(batch_pairs *bp, const char *file)
{
    char *data;
    size_t len;
    int rc = cli_read_file(file, &data, &len);
    if (rc != CLI_OK)
        return rc;
    size_t line = 0;
    for (char *p = data; rc == CLI_OK && p < data + len;) {
        char *end = memchr(p, '\n', (size_t)(data + len - p));
        if (end == NULL)
            end = data + len;
        *end = '\0';
        line++;
        if (end > p && end[-1] == '\r')
            end[-1] = '\0';
        if (*p != '\0' && *p != '#') {
            char *tab = strchr(p, '\t');
            if (tab == NULL || tab == p || tab[1] == '\0' || strchr(tab + 1, '\t') != NULL) {
                cli_error("%s:%zu: expected SOURCE<TAB>TARGET", cli_display_name(file), line);
                rc = CLI_INPUT;
            } else {
                *tab = '\0';
                if (add_pair(bp, p, tab + 1, -1) != 0)
                    rc = out_of_memory();
            }
        }
        p = end + 1;
    }
    free(data);
    return rc;
}

/* Read and profile every file of one side into the pairer; skipped files are recorded. */
static int read_side(batch_pairs *bp, const cli_files *files, selaras_side which,
                     const char *lang, selaras_pairer *p, size_t *docs, size_t *done)
{
    selaras_segmenter *seg;
    selaras_error err;
    if (selaras_segmenter_new(&seg, lang, NULL, &err) != SELARAS_OK) {
        cli_error("%s", err.message);
        return cli_setup_failure(err.status);
    }
    int rc = CLI_OK;
    for (size_t i = 0; rc == CLI_OK && i < files->n; i++) {
        selaras_segments *segs;
        cli_skip why;
        docs[i] = SELARAS_UNPAIRED;
        if (cli_collect_segments(files->path[i], lang, seg, &segs, &why) != CLI_OK) {
            cli_warn("%s: %s; skipped", files->path[i], why.reason);
            if (add_skip(bp, files->path[i], why.reason) != 0)
                rc = out_of_memory();
        } else {
            if (selaras_pairer_add(p, which, segs, &docs[i], &err) != SELARAS_OK) {
                cli_report(files->path[i], &err);
                rc = CLI_INPUT;
            }
            bp->files_read++;
            selaras_segments_free(segs);
        }
        cli_progress_count(++*done);
    }
    selaras_segmenter_free(seg);
    return rc;
}

int batch_pairs_find(batch_pairs *bp, const char *const dirs[2], const char *const lists[2],
                     const char *from, const char *to, const selaras_lexicon *lex)
{
    cli_files side[2];
    size_t *docs[2] = {NULL, NULL};
    int rc = CLI_OK;
    for (int s = 0; s < 2; s++) {
        cli_files_init(&side[s]);
        if (rc == CLI_OK)
            rc = dirs[s] != NULL ? cli_files_add_dir(&side[s], dirs[s], &bp->walk_skipped)
                                 : cli_files_add_list(&side[s], lists[s]);
    }
    selaras_pairer *p = NULL;
    selaras_error err;
    if (rc == CLI_OK && selaras_pairer_new(&p, from, to, lex, NULL, &err) != SELARAS_OK) {
        cli_error("%s", err.message);
        rc = cli_setup_failure(err.status);
    }
    for (int s = 0; s < 2 && rc == CLI_OK; s++)
        if ((docs[s] = malloc((side[s].n + 1) * sizeof *docs[s])) == NULL)
            rc = out_of_memory();
    size_t done = 0;
    cli_progress_start("batch", side[0].n + side[1].n, "file paired", "files paired");
    if (rc == CLI_OK) {
        cli_progress_stage("reading the sources");
        rc = read_side(bp, &side[0], SELARAS_SIDE_SOURCE, from, p, docs[0], &done);
    }
    if (rc == CLI_OK) {
        cli_progress_stage("reading the targets");
        rc = read_side(bp, &side[1], SELARAS_SIDE_TARGET, to, p, docs[1], &done);
    }
    if (rc == CLI_OK) {
        cli_progress_stage("pairing");
        if (selaras_pairer_run(p, &err) != SELARAS_OK) {
            cli_error("%s", err.message);
            rc = CLI_INPUT;
        }
    }
    cli_progress_done();
    /* the pairs in source order, then the files without a partner */
    size_t *file_of = NULL;
    if (rc == CLI_OK && (file_of = malloc((side[1].n + 1) * sizeof *file_of)) == NULL)
        rc = out_of_memory();
    for (size_t j = 0; rc == CLI_OK && j < side[1].n; j++)
        if (docs[1][j] != SELARAS_UNPAIRED)
            file_of[docs[1][j]] = j;
    for (size_t i = 0; rc == CLI_OK && i < side[0].n; i++) {
        if (docs[0][i] == SELARAS_UNPAIRED)
            continue;
        double score;
        size_t t = selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, docs[0][i], &score);
        int bad = t == SELARAS_UNPAIRED
                      ? files_push(&bp->unpaired_src, side[0].path[i])
                      : add_pair(bp, side[0].path[i], side[1].path[file_of[t]], score);
        if (bad)
            rc = out_of_memory();
    }
    for (size_t j = 0; rc == CLI_OK && j < side[1].n; j++)
        if (docs[1][j] != SELARAS_UNPAIRED &&
            selaras_pairer_partner(p, SELARAS_SIDE_TARGET, docs[1][j], NULL) == SELARAS_UNPAIRED &&
            files_push(&bp->unpaired_tgt, side[1].path[j]) != 0)
            rc = out_of_memory();
    free(file_of);
    selaras_pairer_free(p);
    for (int s = 0; s < 2; s++) {
        free(docs[s]);
        cli_files_free(&side[s]);
    }
    return rc;
}
