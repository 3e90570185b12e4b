/* What a command tells at the end of a run: the counts of a memory written from an
 * alignment, and warnings about documents that hold nothing. */
#define _GNU_SOURCE
#include <stdlib.h>

#include "cli.h"
#include "progress.h"

void cli_warn_empty(const char *path, const selaras_segments *segs)
{
    if (selaras_segments_count(segs) == 0)
        cli_warn("%s: the document is empty: no segments", cli_display_name(path));
}

/* Whether segments [first, first + count) of segs hold a boilerplate one. */
static size_t boilerplate_in(const selaras_segments *segs, size_t first, size_t count)
{
    size_t n = 0;
    for (size_t i = first; i < first + count; i++)
        n += selaras_segments_kind(segs, i) == SELARAS_SEGMENT_BOILERPLATE;
    return n;
}

/* ", N what" when N is not 0 (after the first item, which has no comma). */
static void item(FILE *out, int *first, size_t n, const char *one, const char *many)
{
    if (n == 0)
        return;
    fprintf(out, "%s%zu %s", *first ? "" : ", ", n, cli_noun(n, one, many));
    *first = 0;
}

void cli_align_summary(const selaras_writer *w, const selaras_segments *src,
                       const selaras_segments *tgt, const selaras_alignment *a,
                       const char *shown)
{
    /* the writer counts beads; a translator counts lines: the boilerplate lines of the
     * dropped beads, and the one-sided beads that hold no boilerplate */
    size_t boiler = 0, one_sided = 0;
    if (selaras_writer_count(w, SELARAS_COUNT_SKIP_BOILERPLATE) +
            selaras_writer_count(w, SELARAS_COUNT_SKIP_UNPAIRED) > 0)
        for (size_t b = 0; b < selaras_alignment_count(a); b++) {
            size_t sc = selaras_alignment_src_count(a, b), tc = selaras_alignment_tgt_count(a, b);
            size_t bp = boilerplate_in(src, selaras_alignment_src_first(a, b), sc) +
                        boilerplate_in(tgt, selaras_alignment_tgt_first(a, b), tc);
            boiler += bp;
            one_sided += bp == 0 && (sc == 0 || tc == 0);
        }
    /* what was left out, in parentheses after "N units written to X" */
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (out == NULL)
        return; /* out of memory: no summary */
    int first = 1;
    item(out, &first, boiler, "boilerplate line", "boilerplate lines");
    item(out, &first, one_sided, "one-sided bead", "one-sided beads");
    item(out, &first, selaras_writer_count(w, SELARAS_COUNT_SKIP_SCORE),
         "bead below the minimum score", "beads below the minimum score");
    item(out, &first, selaras_writer_count(w, SELARAS_COUNT_SKIP_IDENTICAL),
         "bead identical on both sides", "beads identical on both sides");
    item(out, &first, selaras_writer_count(w, SELARAS_COUNT_SKIP_RATIO),
         "bead of unlike lengths", "beads of unlike lengths");
    item(out, &first, selaras_writer_count(w, SELARAS_COUNT_SKIP_SHORT),
         "bead too short", "beads too short");
    if (!first)
        fputs(" left out", out);
    if (selaras_writer_count(w, SELARAS_COUNT_SKIP_IDENTICAL) > 0)
        fputs("; --keep-identical keeps identical beads", out);
    size_t dups = selaras_writer_count(w, SELARAS_COUNT_DUPLICATES);
    if (dups > 0)
        fprintf(out, "%s%zu %s collapsed", first ? "" : "; ", dups,
                cli_noun(dups, "duplicate", "duplicates"));
    size_t units = selaras_writer_count(w, SELARAS_COUNT_WRITTEN);
    if (fclose(out) == 0 && text != NULL)
        cli_info("%zu %s written to %s%s%s%s", units, cli_noun(units, "unit", "units"), shown,
                 len > 0 ? " (" : "", text, len > 0 ? ")" : "");
    free(text);
}
