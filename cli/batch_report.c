/* The JSON summary of selaras batch: one object, its members in a fixed order. */
#include <string.h>

#include "cli.h"
#include "batch_report.h"

static void str(FILE *out, const char *s)
{
    if (s == NULL)
        fputs("null", out);
    else
        cli_json_string(out, s, strlen(s));
}

static void num(FILE *out, double v)
{
    if (v < 0)
        fputs("null", out);
    else
        fprintf(out, "%.4f", v);
}

static void paths(FILE *out, const cli_files *f)
{
    fputc('[', out);
    for (size_t i = 0; i < f->n; i++) {
        fputs(i ? ", " : "", out);
        str(out, f->path[i]);
    }
    fputc(']', out);
}

static const char *outcome_name(selaras_batch_outcome oc)
{
    switch (oc) {
    case SELARAS_BATCH_ALIGNED: return "aligned";
    case SELARAS_BATCH_REFUSED: return "refused";
    case SELARAS_BATCH_SKIPPED: return "skipped";
    case SELARAS_BATCH_PENDING: break;
    }
    return "not run";
}

static void pairs(FILE *out, const batch_pairs *bp, const selaras_batch *b)
{
    fputs("  \"pairs\": [", out);
    for (size_t i = 0; i < selaras_batch_count(b); i++) {
        fputs(i ? ",\n    " : "\n    ", out);
        fputs("{\"source\": ", out);
        str(out, selaras_batch_source(b, i));
        fputs(", \"target\": ", out);
        str(out, selaras_batch_target(b, i));
        fputs(", \"pairing_score\": ", out);
        num(out, bp->score[i]);
        fputs(", \"score\": ", out);
        num(out, selaras_batch_score(b, i));
        fprintf(out, ", \"outcome\": \"%s\"}", outcome_name(selaras_batch_outcome_of(b, i)));
    }
    fputs(selaras_batch_count(b) ? "\n  ],\n" : "],\n", out);
}

static void skipped(FILE *out, const batch_pairs *bp, const selaras_batch *b)
{
    fputs("  \"skipped\": [", out);
    size_t k = 0;
    for (size_t i = 0; i < bp->skipped.n; i++, k++) {
        fputs(k ? ",\n    " : "\n    ", out);
        fputs("{\"file\": ", out);
        str(out, bp->skipped.path[i]);
        fputs(", \"reason\": ", out);
        str(out, bp->skip_reason[i]);
        fputs("}", out);
    }
    for (size_t i = 0; i < selaras_batch_count(b); i++) {
        if (selaras_batch_outcome_of(b, i) != SELARAS_BATCH_SKIPPED)
            continue;
        fputs(k++ ? ",\n    " : "\n    ", out);
        fputs("{\"pair\": [", out);
        str(out, selaras_batch_source(b, i));
        fputs(", ", out);
        str(out, selaras_batch_target(b, i));
        fputs("], \"reason\": ", out);
        str(out, selaras_batch_reason(b, i));
        fputs("}", out);
    }
    fputs(k ? "\n  ],\n" : "],\n", out);
    fprintf(out, "  \"skipped_in_folders\": %zu,\n", bp->walk_skipped);
}

static void beads(FILE *out, const selaras_batch *b)
{
    fputs("  \"beads\": {", out);
    int first = 1;
    for (unsigned s = 0; s <= 3; s++)
        for (unsigned t = 0; t <= 3; t++) {
            size_t n = selaras_batch_beads(b, s, t);
            if (n == 0 && !(s + t == 2 && s == t))
                continue;
            fprintf(out, "%s\"%u-%u\": %zu", first ? "" : ", ", s, t, n);
            first = 0;
        }
    fputs("},\n", out);
}

static void units(FILE *out, const selaras_writer *w)
{
    static const struct {
        const char *name;
        selaras_writer_counter c;
    } left[] = {{"one_sided", SELARAS_COUNT_SKIP_UNPAIRED},
                {"boilerplate", SELARAS_COUNT_SKIP_BOILERPLATE},
                {"below_min_score", SELARAS_COUNT_SKIP_SCORE},
                {"over_max_ratio", SELARAS_COUNT_SKIP_RATIO},
                {"identical", SELARAS_COUNT_SKIP_IDENTICAL},
                {"too_short", SELARAS_COUNT_SKIP_SHORT}};
    fprintf(out, "  \"units\": {\"written\": %zu, \"duplicates\": %zu, \"left_out\": {",
            selaras_writer_count(w, SELARAS_COUNT_WRITTEN),
            selaras_writer_count(w, SELARAS_COUNT_DUPLICATES));
    for (size_t i = 0; i < sizeof left / sizeof *left; i++)
        fprintf(out, "%s\"%s\": %zu", i ? ", " : "", left[i].name,
                selaras_writer_count(w, left[i].c));
    fputs("}},\n", out);
}

int batch_report_write(const char *path, const batch_pairs *bp, const selaras_batch *b,
                       const selaras_writer *w, double pairing)
{
    cli_output o;
    int rc = cli_open_output(&o, path);
    if (rc != CLI_OK)
        return rc;
    FILE *out = o.fp;
    size_t read = bp->files_read;
    if (read == 0) /* --pairs: each pair not skipped read both its documents */
        for (size_t i = 0; i < selaras_batch_count(b); i++)
            read += selaras_batch_outcome_of(b, i) == SELARAS_BATCH_SKIPPED ? 0 : 2;
    fprintf(out, "{\n  \"documents_read\": %zu,\n", read);
    pairs(out, bp, b);
    fputs("  \"unpaired\": {\"source\": ", out);
    paths(out, &bp->unpaired_src);
    fputs(", \"target\": ", out);
    paths(out, &bp->unpaired_tgt);
    fputs("},\n", out);
    skipped(out, bp, b);
    beads(out, b);
    units(out, w);
    fprintf(out, "  \"seconds\": {\"pairing\": %.6f, \"read\": %.6f, \"segment\": %.6f, "
                 "\"align\": %.6f, \"write\": %.6f}\n}\n", pairing,
            selaras_batch_seconds(b, SELARAS_STAGE_READ),
            selaras_batch_seconds(b, SELARAS_STAGE_SEGMENT),
            selaras_batch_seconds(b, SELARAS_STAGE_ALIGN),
            selaras_batch_seconds(b, SELARAS_STAGE_WRITE));
    return cli_close_output(&o, CLI_OK);
}
