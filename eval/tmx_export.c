/* eval-tmx, step 1: write memories with libselaras for the outside tools to check.
 *
 *   tmx_export SAMPLE_DIR DATA_DIR OUT_DIR
 *
 * sample: the bundled release pair, segments = lines, with a hand-made list of paragraph
 * beads (the aligner lives on another branch); pud: the 1,000 1:1 sentence pairs of
 * Universal Dependencies PUD ($DATA_DIR/pud/gold.tsv), written with the codes id/en and
 * again with id-ID/en-US. For each memory NAME it writes NAME.tmx, NAME.src.txt (the
 * source texts of the written units, one paragraph each, for OmegaT) and NAME.expected.tsv
 * (source TAB target of each written unit, made from the beads, not from the writer). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "selaras.h"

/* id line, en line (0-based), both counts: the sample's paragraph beads. -1: none. */
static const int SAMPLE_BEADS[][4] = {
    {8, 1, 0, 1},   /* headline */
    {10, 1, 6, 1},  /* lead paragraph */
    {12, 1, 10, 1}, /* quote paragraph */
    {14, 1, 12, 1},
    {16, 1, 0, 0},  /* "Baca juga" link: 1-0, dropped */
    {18, 1, 14, 1},
    {19, 1, 15, 1},
    {20, 1, 16, 1},
    {21, 1, 17, 1},
    {23, 1, 19, 1},
    {25, 1, 21, 1},
    {0, 0, 4, 1},   /* photo caption: 0-1, dropped */
    {28, 2, 2, 1},  /* byline: boilerplate, dropped */
};

_Noreturn static void die(const char *what, const selaras_error *err)
{
    fprintf(stderr, "tmx_export: %s: %s\n", what, err != NULL ? err->message : "failed");
    exit(1);
}

typedef struct job {
    selaras_writer *w;
    FILE *src, *expected;
    size_t beads;
} job;

static void open_job(job *j, const char *dir, const char *name, const char *sl, const char *tl)
{
    char path[1024];
    selaras_error err;
    snprintf(path, sizeof path, "%s/%s.tmx", dir, name);
    if (selaras_writer_new(&j->w, SELARAS_FORMAT_TMX, path, NULL, sl, tl, NULL, &err) != 0)
        die(path, &err);
    if (selaras_writer_set_time(j->w, 1769472000LL, &err) != 0) /* 2026-01-27 */
        die("time", &err);
    snprintf(path, sizeof path, "%s/%s.src.txt", dir, name);
    j->src = fopen(path, "w");
    snprintf(path, sizeof path, "%s/%s.expected.tsv", dir, name);
    j->expected = fopen(path, "w");
    if (j->src == NULL || j->expected == NULL)
        die(path, NULL);
    j->beads = 0;
}

static void put_side(FILE *f, const selaras_segments *s, size_t first, size_t count)
{
    for (size_t i = first; i < first + count; i++) {
        if (i > first)
            fputc(' ', f);
        fputs(selaras_segments_text(s, i, NULL), f);
    }
}

static void bead(job *j, const selaras_segments *s, size_t sf, size_t sc,
                 const selaras_segments *t, size_t tf, size_t tc, double score)
{
    selaras_error err;
    size_t before = selaras_writer_count(j->w, SELARAS_COUNT_WRITTEN);
    if (selaras_writer_add_bead(j->w, s, sf, sc, t, tf, tc, score, &err) != 0)
        die("add_bead", &err);
    j->beads++;
    if (selaras_writer_count(j->w, SELARAS_COUNT_WRITTEN) == before)
        return; /* filtered */
    put_side(j->src, s, sf, sc);
    fputs("\n\n", j->src);
    put_side(j->expected, s, sf, sc);
    fputc('\t', j->expected);
    put_side(j->expected, t, tf, tc);
    fputc('\n', j->expected);
}

static void close_job(job *j, const char *name)
{
    selaras_error err;
    if (selaras_writer_close(j->w, &err) != 0)
        die("close", &err);
    printf("%s\t%zu\t%zu\t%zu\t%zu\t%zu\n", name, j->beads,
           selaras_writer_count(j->w, SELARAS_COUNT_WRITTEN),
           selaras_writer_count(j->w, SELARAS_COUNT_SKIP_UNPAIRED),
           selaras_writer_count(j->w, SELARAS_COUNT_SKIP_BOILERPLATE),
           selaras_writer_count(j->w, SELARAS_COUNT_SKIP_IDENTICAL));
    selaras_writer_free(j->w);
    fclose(j->src);
    fclose(j->expected);
}

static selaras_segments *lines_of(const char *path, const char *lang)
{
    size_t len;
    char *text = json_read_file(path, &len);
    if (text == NULL)
        die(path, NULL);
    selaras_doc *doc;
    selaras_segments *segs = NULL;
    selaras_error err;
    if (selaras_doc_new(&doc, text, len, lang, 0, NULL, &err) != 0)
        die(path, &err);
    const char *slash = strrchr(path, '/');
    if (selaras_doc_set_name(doc, slash ? slash + 1 : path) != 0)
        die(path, NULL); /* set_name reports no error details */
    if (selaras_segments_from_lines(&segs, doc, &err) != 0)
        die(path, &err);
    selaras_doc_free(doc);
    free(text);
    return segs;
}

/* Mark the byline lines of the sample as boilerplate: rebuild the list with kinds. */
static selaras_segments *with_kinds(const selaras_segments *in, size_t from)
{
    selaras_segments *out;
    selaras_error err;
    if (selaras_segments_new(&out, selaras_segments_lang(in), NULL, &err) != 0)
        die("segments", &err);
    for (size_t i = 0; i < selaras_segments_count(in); i++) {
        size_t len;
        const char *t = selaras_segments_text(in, i, &len);
        if (selaras_segments_append(out, t, len,
                                    i >= from ? SELARAS_SEGMENT_BOILERPLATE
                                              : SELARAS_SEGMENT_SENTENCE, &err) != 0)
            die("append", &err);
    }
    return out;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: tmx_export SAMPLE_DIR DATA_DIR OUT_DIR\n");
        return 2;
    }
    char path[1024];
    printf("memory\tbeads\twritten\tunpaired\tboilerplate\tidentical\n");

    snprintf(path, sizeof path, "%s/rilis-id.txt", argv[1]);
    selaras_segments *sid = lines_of(path, "id");
    snprintf(path, sizeof path, "%s/release-en.txt", argv[1]);
    selaras_segments *sen = lines_of(path, "en");
    /* the byline is the release's last lines: boilerplate (names kept for x-source-doc
     * through a writer date instead, as segments_new lists carry no name) */
    selaras_segments *kid = with_kinds(sid, 28);
    job j;
    open_job(&j, argv[3], "sample", "id", "en");
    selaras_writer_set_doc_date(j.w, "2026-01-27", NULL);
    for (size_t b = 0; b < sizeof SAMPLE_BEADS / sizeof SAMPLE_BEADS[0]; b++) {
        const int *x = SAMPLE_BEADS[b];
        const selaras_segments *s = x[0] >= 28 ? kid : sid;
        bead(&j, s, (size_t)x[0], (size_t)x[1], sen, (size_t)x[2], (size_t)x[3], 0.5 + b / 100.0);
    }
    close_job(&j, "sample");
    selaras_segments_free(sid);
    selaras_segments_free(sen);
    selaras_segments_free(kid);

    /* PUD: one list per language, beads i-i */
    snprintf(path, sizeof path, "%s/pud/gold.tsv", argv[2]);
    size_t len;
    char *tsv = json_read_file(path, &len);
    if (tsv == NULL)
        die(path, NULL);
    selaras_segments *pid, *pen;
    selaras_error err;
    if (selaras_segments_new(&pid, "id", NULL, &err) != 0 ||
        selaras_segments_new(&pen, "en", NULL, &err) != 0)
        die("segments", &err);
    char *line = strchr(tsv, '\n'); /* skip the header */
    while (line != NULL && line[1] != '\0') {
        char *start = line + 1;
        line = strchr(start, '\n');
        if (line != NULL)
            *line = '\0';
        char *f[4] = {start, NULL, NULL, NULL};
        for (int k = 1; k < 4 && f[k - 1] != NULL; k++) {
            f[k] = strchr(f[k - 1], '\t');
            if (f[k] != NULL)
                *f[k]++ = '\0';
        }
        if (f[3] == NULL)
            continue;
        if (selaras_segments_append(pid, f[2], strlen(f[2]), SELARAS_SEGMENT_SENTENCE, &err) ||
            selaras_segments_append(pen, f[3], strlen(f[3]), SELARAS_SEGMENT_SENTENCE, &err))
            die("append", &err);
    }
    free(tsv);
    const char *names[2] = {"pud", "pud-region"};
    const char *langs[2][2] = {{"id", "en"}, {"id-ID", "en-US"}};
    for (int k = 0; k < 2; k++) {
        open_job(&j, argv[3], names[k], langs[k][0], langs[k][1]);
        for (size_t i = 0; i < selaras_segments_count(pid); i++)
            bead(&j, pid, i, 1, pen, i, 1, 1.0);
        close_job(&j, names[k]);
    }
    selaras_segments_free(pid);
    selaras_segments_free(pen);
    return 0;
}
