/* selaras align: align a source document with its translation and print the beads. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "input.h"
#include "memout.h"
#include "progress.h"
#include "refuse.h"

static void usage(FILE *out)
{
    fputs("usage: selaras align [--from L] [--to L] [--dict FILE]... [--presegmented]\n"
          "                     [--format beads|jsonl|tsv|tmx] [--min-score X] [-o OUT]\n"
          "                     [--merge|--force] [--lock-timeout S] [--keep-identical]\n"
          "                     SOURCE TARGET\n"
          "Align SOURCE (default language id) with its translation TARGET (default en).\n"
          "The texts are split into sentences by the segmenter; with --presegmented each\n"
          "input line is one segment: plain text, or the JSON Lines of selaras segment\n"
          "--format jsonl (kinds kept; --verbose says which was read). Segment numbers\n"
          "count every segment from 0.\n"
          "The FreeDict dictionary of the pair is used when installed; --dict adds TSV,\n"
          "hunalign or FreeDict files. --min-score drops beads below a confidence.\n"
          "--format tmx writes a TMX 1.4 memory (boilerplate and one-sided beads left\n"
          "out) to -o OUT, or to standard output once it is complete; with --merge the\n"
          "new units are added to the memory already in the file OUT, exact duplicates\n"
          "collapsing into the higher-scored one (within the run too); an existing OUT is\n"
          "otherwise replaced only with --force (also when read-only). Writers of one OUT\n"
          "take turns (a lock beside it, waited for up to --lock-timeout seconds, default\n"
          "30). Beads whose two sides are identical are left out and counted unless\n"
          "--keep-identical. SOURCE, TARGET or one --dict may be - (standard input).\n"
          "--src and --tgt are old spellings of --from and --to. Documents that do not\n"
          "look like translations of each other (parallelness score below 0.5) are\n"
          "refused with exit status 4 and nothing is written; --force aligns them anyway.\n",
          out);
    cli_input_usage(out); /* --input, --encoding, --replace-invalid (input.c) */
}

enum out_format { FMT_BEADS, FMT_JSONL, FMT_TSV, FMT_TMX };

static int load_segments(const char *path, const char *lang, int presegmented,
                         selaras_segments **segs)
{
    if (presegmented) {
        int rc = cli_load_presegmented(path, lang, segs);
        if (rc == CLI_OK)
            cli_warn_empty(path, *segs);
        return rc;
    }
    selaras_doc *doc;
    int rc = cli_load_doc(path, lang, 0, &doc);
    if (rc != CLI_OK)
        return rc;
    selaras_error err;
    selaras_segmenter *seg;
    selaras_status st = selaras_segmenter_new(&seg, lang, NULL, &err);
    if (st == SELARAS_OK)
        st = selaras_segment(seg, doc, segs, &err);
    selaras_segmenter_free(seg);
    selaras_doc_free(doc);
    if (st != SELARAS_OK) {
        cli_report(path, &err);
        return CLI_INPUT;
    }
    cli_warn_empty(path, *segs);
    return CLI_OK;
}

static void print_indices(FILE *out, size_t first, size_t count)
{
    fputc('[', out);
    for (size_t k = 0; k < count; k++)
        fprintf(out, k ? ", %zu" : "%zu", first + k);
    fputc(']', out);
}

static int print_beads(const selaras_segments *src, const selaras_segments *tgt,
                       const selaras_alignment *a, enum out_format fmt, double min_score,
                       const char *output, const char *from, const char *to);

static int write_tmx_to(const selaras_segments *src, const selaras_segments *tgt,
                        const selaras_alignment *a, const char *from, const char *to,
                        double min_score, const char *output, const char *shown,
                        const cli_memout *mo, unsigned flags, selaras_writer **done);

/* Write the beads as a TMX memory at output (NULL or "-": standard output, written only
 * when the whole memory is), merged into the memory there with merge. */
static int write_tmx(const selaras_segments *src, const selaras_segments *tgt,
                     const selaras_alignment *a, const char *from, const char *to,
                     double min_score, const char *output, const cli_memout *mo,
                     unsigned flags)
{
    cli_spool spool;
    const char *path;
    selaras_writer *w = NULL;
    int rc = cli_memory_output_begin(output, &spool, &path);
    const char *shown = cli_output_name(output);
    if (rc == CLI_OK)
        rc = write_tmx_to(src, tgt, a, from, to, min_score, path, shown, mo, flags, &w);
    rc = cli_memory_output_end(&spool, rc);
    if (rc == CLI_OK)
        cli_align_summary(w, src, tgt, a, shown);
    selaras_writer_free(w);
    return rc;
}

/* write_tmx() to a file; shown names the output in messages. On success *done is the
 * closed writer (for its counts). */
static int write_tmx_to(const selaras_segments *src, const selaras_segments *tgt,
                        const selaras_alignment *a, const char *from, const char *to,
                        double min_score, const char *output, const char *shown,
                        const cli_memout *mo, unsigned flags, selaras_writer **done)
{
    selaras_writer *w = NULL;
    selaras_error err;
    selaras_status st = selaras_writer_new(&w, SELARAS_FORMAT_TMX, output, NULL, from, to,
                                           NULL, &err);
    /* duplicates collapse within one run too, not only into an existing memory */
    flags |= SELARAS_WRITER_DEDUPE;
    char date[11];
    if (st == SELARAS_OK && (selaras_segments_date(src, date) || selaras_segments_date(tgt, date)))
        st = selaras_writer_set_doc_date(w, date, &err);
    if (st == SELARAS_OK && min_score > 0)
        st = selaras_writer_set_min_score(w, min_score, &err);
    if (st != SELARAS_OK) {
        selaras_writer_free(w);
        if (st == SELARAS_ERR_IO)
            return cli_io_error(shown, CLI_IO_WRITE, 0, err.message);
        cli_error("%s", err.message);
        return cli_setup_failure(st);
    }
    int rc = cli_memout_start(w, mo, flags, shown);
    if (rc != CLI_OK) {
        selaras_writer_free(w);
        return rc;
    }
    if (st == SELARAS_OK)
        st = selaras_writer_add_alignment(w, src, tgt, a, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_close(w, &err);
    if (st != SELARAS_OK) {
        cli_error("%s: %s", shown, err.message);
        selaras_writer_free(w);
        return st == SELARAS_ERR_IO ? CLI_OUTPUT : CLI_INPUT;
    }
    *done = w;
    return CLI_OK;
}

int cmd_align(int argc, char **argv)
{
    static const struct option options[] = {
        {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},
        {"src", required_argument, NULL, 'f'}, /* the old spellings */
        {"tgt", required_argument, NULL, 't'},
        {"dict", required_argument, NULL, 'd'},
        {"presegmented", no_argument, NULL, 'p'},
        {"format", required_argument, NULL, 'F'},
        {"min-score", required_argument, NULL, 'm'},
        {"output", required_argument, NULL, 'o'},
        {"merge", no_argument, NULL, 'M'},
        {"force", no_argument, NULL, CLI_OPT_FORCE},
        {"lock-timeout", required_argument, NULL, CLI_OPT_LOCK_TIMEOUT},
        {"keep-identical", no_argument, NULL, CLI_OPT_KEEP_IDENTICAL},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *from = "id", *to = "en", *output = NULL;
    int presegmented = 0;
    cli_memout mo = CLI_MEMOUT_INIT;
    unsigned flags = 0;
    const char *dicts[16];
    size_t ndicts = 0;
    enum out_format fmt = FMT_BEADS;
    double min_score = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        int orc;
        if (cli_memout_option(&mo, c, optarg, &orc)) {
            if (orc != CLI_OK)
                return orc;
            continue;
        }
        switch (c) {
        case CLI_OPT_KEEP_IDENTICAL: flags |= SELARAS_WRITER_KEEP_IDENTICAL; break;
        case 'f': from = optarg; break;
        case 't': to = optarg; break;
        case 'd':
            if (ndicts == sizeof dicts / sizeof dicts[0]) {
                return cli_usage_error(usage, "align", "--dict: at most %zu dictionaries",
                                       ndicts);
            }
            dicts[ndicts++] = optarg;
            break;
        case 'p': presegmented = 1; break;
        case 'M': mo.merge = 1; break;
        case 'F':
            if (strcmp(optarg, "beads") == 0)
                fmt = FMT_BEADS;
            else if (strcmp(optarg, "jsonl") == 0)
                fmt = FMT_JSONL;
            else if (strcmp(optarg, "tsv") == 0)
                fmt = FMT_TSV;
            else if (strcmp(optarg, "tmx") == 0)
                fmt = FMT_TMX;
            else
                return cli_usage_error(usage, "align",
                                       "unknown format '%s' (beads, jsonl, tsv, tmx)", optarg);
            break;
        case 'm': {
            char *end;
            min_score = strtod(optarg, &end);
            if (*optarg == '\0' || *end != '\0' || !(min_score >= 0 && min_score <= 1))
                return cli_usage_error(usage, "align",
                                       "--min-score: '%s' is not a number from 0 to 1", optarg);
            break;
        }
        case 'o': output = optarg; break;
        case 'h': usage(stdout); return CLI_OK;
        default: return cli_bad_option(usage, "align");
        }
    }
    if (argc - optind != 2)
        return cli_operand_count(usage, "align", argv + optind, argc - optind, 2, 2,
                                 "SOURCE and TARGET");
    if ((mo.merge || flags) && fmt != FMT_TMX)
        return cli_usage_error(usage, "align", "--merge and --keep-identical go with --format tmx");
    if (mo.merge && mo.force)
        return cli_usage_error(usage, "align", "--merge adds to the memory, --force replaces "
                               "it: give one of them");
    if (mo.merge && (output == NULL || strcmp(output, "-") == 0))
        return cli_usage_error(usage, "align", "--merge adds to the memory in a file: give it "
                               "with -o FILE");
    const char *inputs[2 + sizeof dicts / sizeof dicts[0]] = {argv[optind], argv[optind + 1]};
    memcpy(inputs + 2, dicts, ndicts * sizeof *dicts);
    if (cli_stdin_twice(inputs, 2 + ndicts))
        return CLI_USAGE;
    if (cli_check_lang(from) != CLI_OK || cli_check_lang(to) != CLI_OK)
        return CLI_USAGE;
    if (fmt == FMT_TMX && cli_memout_check(&mo, output, 1, NULL, 0) != CLI_OK)
        return CLI_OUTPUT;
    selaras_segments *src = NULL, *tgt = NULL;
    selaras_aligner *al = NULL;
    selaras_alignment *a = NULL;
    cli_progress_start("align", 2, "file", "files");
    cli_progress_stage("reading the source");
    int rc = load_segments(argv[optind], from, presegmented, &src);
    cli_progress_count(1);
    cli_progress_stage("reading the target");
    if (rc == CLI_OK)
        rc = load_segments(argv[optind + 1], to, presegmented, &tgt);
    cli_progress_count(2);
    selaras_error err;
    selaras_lexicon *lex = NULL;
    cli_progress_stage("loading dictionaries");
    if (rc == CLI_OK)
        rc = cli_load_lexicon(from, to, dicts, ndicts, &lex);
    cli_progress_stage("aligning");
    if (rc == CLI_OK && (selaras_aligner_new(&al, from, to, lex, NULL, &err) != SELARAS_OK ||
                         selaras_align_scored(al, src, tgt, &a, NULL, &err) != SELARAS_OK)) {
        cli_report(argv[optind], &err);
        rc = CLI_INPUT;
    }
    if (rc == CLI_OK && !mo.force)
        rc = cli_refuse_nonparallel(a, src, tgt, argv[optind], argv[optind + 1]);
    cli_progress_stage("writing");
    if (rc == CLI_OK && fmt == FMT_TMX)
        rc = write_tmx(src, tgt, a, from, to, min_score, output, &mo, flags);
    else if (rc == CLI_OK)
        rc = print_beads(src, tgt, a, fmt, min_score, output, from, to);
    cli_progress_done();
    selaras_alignment_free(a);
    selaras_aligner_free(al);
    selaras_lexicon_free(lex);
    selaras_segments_free(src);
    selaras_segments_free(tgt);
    return rc;
}

/* The write callback of the JSONL and TSV writer: to a FILE. */
static int write_file(const char *bytes, size_t len, void *user)
{
    return fwrite(bytes, 1, len, user) == len ? 0 : -1;
}

/* Every bead (one-sided, boilerplate and identical ones too), as the library's JSONL or
 * TSV writer writes them, to out. */
static int write_text_beads(FILE *out, const selaras_segments *src, const selaras_segments *tgt,
                            const selaras_alignment *a, enum out_format fmt, double min_score,
                            const char *from, const char *to, const char *shown)
{
    selaras_writer *w;
    selaras_error err;
    selaras_status st = selaras_writer_new_callback(
        &w, fmt == FMT_JSONL ? SELARAS_FORMAT_JSONL : SELARAS_FORMAT_TSV, write_file, out, from,
        to, NULL, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_set_flags(w, SELARAS_WRITER_KEEP_BOILERPLATE |
                                             SELARAS_WRITER_KEEP_IDENTICAL |
                                             SELARAS_WRITER_KEEP_UNPAIRED, &err);
    if (st == SELARAS_OK && min_score > 0)
        st = selaras_writer_set_min_score(w, min_score, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_add_alignment(w, src, tgt, a, &err);
    if (st == SELARAS_OK)
        st = selaras_writer_close(w, &err);
    selaras_writer_free(w);
    if (st != SELARAS_OK) {
        cli_error("%s: %s", shown, err.message);
        return st == SELARAS_ERR_IO ? CLI_OUTPUT : cli_setup_failure(st);
    }
    return CLI_OK;
}

/* Print the beads in one of the text formats to output (NULL or "-": standard output). */
static int print_beads(const selaras_segments *src, const selaras_segments *tgt,
                       const selaras_alignment *a, enum out_format fmt, double min_score,
                       const char *output, const char *from, const char *to)
{
    cli_output o;
    int rc = cli_open_output(&o, output);
    if (rc != CLI_OK)
        return rc;
    if (fmt != FMT_BEADS) {
        rc = write_text_beads(o.fp, src, tgt, a, fmt, min_score, from, to,
                              cli_output_name(output));
        return cli_close_output(&o, rc);
    }
    for (size_t b = 0; b < selaras_alignment_count(a); b++) {
        if (selaras_alignment_score(a, b) < min_score)
            continue;
        print_indices(o.fp, selaras_alignment_src_first(a, b), selaras_alignment_src_count(a, b));
        fputc(':', o.fp);
        print_indices(o.fp, selaras_alignment_tgt_first(a, b), selaras_alignment_tgt_count(a, b));
        fputc('\n', o.fp);
    }
    return cli_close_output(&o, CLI_OK);
}
