/* selaras pair: find which files of a source folder translate which of a target folder. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input.h"
#include "collect.h"
#include "progress.h"

static void usage(FILE *out)
{
    fputs("usage: selaras pair [--from L] [--to L] [--dict FILE]... [--format tsv|jsonl]\n"
          "                    [--min-score X] [-o OUT] SRC_DIR TGT_DIR\n"
          "       selaras pair [options] --source-list FILE --target-list FILE\n"
          "Find which file of SRC_DIR (language --from, default id) translates which file\n"
          "of TGT_DIR (--to, default en). Every file under each folder is read\n"
          "(recursively; names starting with '.' are left out); --source-list and\n"
          "--target-list name the files of a side instead, one path a line. Each file is\n"
          "paired with at most one other, and only when their parallelness score reaches\n"
          "--min-score (default 0.4); files without a good partner\n"
          "stay unpaired. --format tsv (default) prints SOURCE, TARGET and the score a\n"
          "line, an empty field for the missing side of an unpaired file; --format jsonl\n"
          "prints {\"source\": PATH, \"target\": PATH, \"score\": S}, null for a missing\n"
          "side. Sources come in their order, each with its partner or alone, then the\n"
          "unpaired targets. A file that cannot be read or is not UTF-8 is reported and\n"
          "skipped, and the exit code is then 5. The FreeDict dictionary of the pair is\n"
          "used when installed; --dict adds TSV, hunalign or FreeDict files.\n", out);
    cli_input_usage(out); /* --input, --encoding, --replace-invalid (input.c) */
    cli_common_usage(out);
}

enum pair_format { PAIR_TSV, PAIR_JSONL };

typedef struct pair_opts {
    const char *from, *to, *output, *lists[2];
    const char *dicts[16];
    size_t ndicts;
    enum pair_format fmt;
    double min_score;
} pair_opts;

static int parse(int argc, char **argv, pair_opts *o, const char **dirs)
{
    static const struct option options[] = {
        {"from", required_argument, NULL, 'f'},
        {"src", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},
        {"tgt", required_argument, NULL, 't'},
        {"dict", required_argument, NULL, 'd'},
        {"source-list", required_argument, NULL, 'S'},
        {"target-list", required_argument, NULL, 'T'},
        {"format", required_argument, NULL, 'F'},
        {"min-score", required_argument, NULL, 'm'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case 'f': o->from = optarg; break;
        case 't': o->to = optarg; break;
        case 'd':
            if (o->ndicts == sizeof o->dicts / sizeof o->dicts[0])
                return cli_usage_error(usage, "pair", "--dict: at most %zu dictionaries",
                                       o->ndicts);
            o->dicts[o->ndicts++] = optarg;
            break;
        case 'S': o->lists[0] = optarg; break;
        case 'T': o->lists[1] = optarg; break;
        case 'F':
            if (strcmp(optarg, "tsv") == 0)
                o->fmt = PAIR_TSV;
            else if (strcmp(optarg, "jsonl") == 0)
                o->fmt = PAIR_JSONL;
            else
                return cli_usage_error(usage, "pair", "unknown format '%s' (tsv, jsonl)",
                                       optarg);
            break;
        case 'm': {
            char *end;
            o->min_score = strtod(optarg, &end);
            if (*optarg == '\0' || *end != '\0' || !(o->min_score >= 0 && o->min_score <= 1))
                return cli_usage_error(usage, "pair",
                                       "--min-score: '%s' is not a number from 0 to 1", optarg);
            break;
        }
        case 'o': o->output = optarg; break;
        case 'h': usage(stdout); return -1;
        default: return cli_bad_option(usage, "pair");
        }
    }
    size_t want = (o->lists[0] == NULL) + (o->lists[1] == NULL);
    if ((size_t)(argc - optind) != want)
        return cli_usage_error(usage, "pair", "expected %zu folder%s, got %d", want,
                               want == 1 ? "" : "s", argc - optind);
    for (int s = 0, k = optind; s < 2; s++)
        dirs[s] = o->lists[s] == NULL ? argv[k++] : NULL;
    size_t stdin_uses = 0;
    for (int s = 0; s < 2; s++)
        stdin_uses += o->lists[s] != NULL && strcmp(o->lists[s], "-") == 0;
    for (size_t i = 0; i < o->ndicts; i++)
        stdin_uses += strcmp(o->dicts[i], "-") == 0;
    if (stdin_uses > 1)
        return cli_usage_error(usage, "pair", "standard input can be read once");
    if (cli_check_lang(o->from) != CLI_OK || cli_check_lang(o->to) != CLI_OK)
        return CLI_USAGE;
    return CLI_OK;
}

/* The documents of one side: their paths (kept) and whether each was read. */
typedef struct side {
    cli_files files;
    size_t *doc;   /* file -> the pairer's document number, or SELARAS_UNPAIRED (skipped) */
    size_t *file;  /* document number -> file */
    size_t ndocs;
} side;

/* Read and profile every file of a side. */
static int read_side(side *sd, selaras_side which, const char *lang, selaras_pairer *p,
                     size_t *skipped, size_t *done)
{
    selaras_segmenter *seg;
    selaras_error err;
    if (selaras_segmenter_new(&seg, lang, NULL, &err) != SELARAS_OK) {
        cli_error("%s", err.message);
        return cli_setup_failure(err.status);
    }
    sd->doc = malloc((sd->files.n + 1) * sizeof *sd->doc);
    sd->file = malloc((sd->files.n + 1) * sizeof *sd->file);
    if (sd->doc == NULL || sd->file == NULL) {
        selaras_segmenter_free(seg);
        cli_error("out of memory");
        return CLI_INPUT;
    }
    int rc = CLI_OK;
    for (size_t i = 0; rc == CLI_OK && i < sd->files.n; i++) {
        const char *path = sd->files.path[i];
        selaras_segments *segs;
        cli_skip why;
        sd->doc[i] = SELARAS_UNPAIRED;
        if (cli_collect_segments(path, lang, seg, &segs, &why) != CLI_OK) {
            cli_warn("%s: %s; skipped", path, why.reason);
            (*skipped)++;
        } else {
            size_t k;
            if (selaras_pairer_add(p, which, segs, &k, &err) != SELARAS_OK) {
                cli_report(path, &err);
                rc = CLI_INPUT;
            } else {
                sd->doc[i] = k;
                sd->file[k] = i;
                sd->ndocs++;
            }
            selaras_segments_free(segs);
        }
        cli_progress_count(++*done);
    }
    selaras_segmenter_free(seg);
    return rc;
}

static void print_path(FILE *out, const char *path, enum pair_format fmt)
{
    if (fmt == PAIR_JSONL) {
        if (path == NULL)
            fputs("null", out);
        else
            cli_json_string(out, path, strlen(path));
        return;
    }
    for (; path != NULL && *path; path++)
        fputc(*path == '\t' || *path == '\n' ? ' ' : *path, out);
}

static void print_pair(FILE *out, const char *s, const char *t, double score, enum pair_format fmt)
{
    if (fmt == PAIR_JSONL) {
        fputs("{\"source\": ", out);
        print_path(out, s, fmt);
        fputs(", \"target\": ", out);
        print_path(out, t, fmt);
        if (s != NULL && t != NULL)
            fprintf(out, ", \"score\": %.4f}\n", score);
        else
            fputs(", \"score\": null}\n", out);
        return;
    }
    print_path(out, s, fmt);
    fputc('\t', out);
    print_path(out, t, fmt);
    if (s != NULL && t != NULL)
        fprintf(out, "\t%.4f\n", score);
    else
        fputs("\t\n", out);
}

static int print_result(const selaras_pairer *p, const side *sd, const pair_opts *o,
                        size_t *npairs)
{
    cli_output out;
    int rc = cli_open_output(&out, o->output);
    if (rc != CLI_OK)
        return rc;
    for (size_t i = 0; i < sd[0].files.n; i++) {
        if (sd[0].doc[i] == SELARAS_UNPAIRED)
            continue;
        double score;
        size_t t = selaras_pairer_partner(p, SELARAS_SIDE_SOURCE, sd[0].doc[i], &score);
        const char *tp = t == SELARAS_UNPAIRED ? NULL : sd[1].files.path[sd[1].file[t]];
        *npairs += tp != NULL;
        print_pair(out.fp, sd[0].files.path[i], tp, score, o->fmt);
    }
    for (size_t i = 0; i < sd[1].files.n; i++)
        if (sd[1].doc[i] != SELARAS_UNPAIRED &&
            selaras_pairer_partner(p, SELARAS_SIDE_TARGET, sd[1].doc[i], NULL) == SELARAS_UNPAIRED)
            print_pair(out.fp, NULL, sd[1].files.path[i], 0, o->fmt);
    return cli_close_output(&out, CLI_OK);
}

int cmd_pair(int argc, char **argv)
{
    pair_opts o = {"id", "en", NULL, {NULL, NULL}, {NULL}, 0, PAIR_TSV, SELARAS_PAIR_MIN_SCORE};
    const char *dirs[2];
    int rc = parse(argc, argv, &o, dirs);
    if (rc != CLI_OK)
        return rc < 0 ? CLI_OK : rc;
    side sd[2];
    memset(sd, 0, sizeof sd);
    size_t skipped = 0;
    for (int s = 0; s < 2 && rc == CLI_OK; s++) {
        cli_files_init(&sd[s].files);
        rc = dirs[s] != NULL ? cli_files_add_dir(&sd[s].files, dirs[s], &skipped)
                             : cli_files_add_list(&sd[s].files, o.lists[s]);
    }
    selaras_lexicon *lex = NULL;
    selaras_pairer *p = NULL;
    selaras_error err;
    if (rc == CLI_OK)
        rc = cli_load_lexicon(o.from, o.to, o.dicts, o.ndicts, &lex);
    if (rc == CLI_OK && (selaras_pairer_new(&p, o.from, o.to, lex, NULL, &err) != SELARAS_OK ||
                         selaras_pairer_set_min_score(p, o.min_score, &err) != SELARAS_OK)) {
        cli_error("%s", err.message);
        rc = cli_setup_failure(err.status);
    }
    size_t total = sd[0].files.n + sd[1].files.n, done = 0, npairs = 0;
    if (rc == CLI_OK) {
        cli_progress_start("pair", total, "file", "files");
        cli_progress_stage("reading the sources");
        rc = read_side(&sd[0], SELARAS_SIDE_SOURCE, o.from, p, &skipped, &done);
        cli_progress_stage("reading the targets");
        if (rc == CLI_OK)
            rc = read_side(&sd[1], SELARAS_SIDE_TARGET, o.to, p, &skipped, &done);
        cli_progress_stage("pairing");
        if (rc == CLI_OK && selaras_pairer_run(p, &err) != SELARAS_OK) {
            cli_error("%s", err.message);
            rc = CLI_INPUT;
        }
        cli_progress_done();
    }
    if (rc == CLI_OK)
        rc = print_result(p, sd, &o, &npairs);
    if (rc == CLI_OK) {
        cli_info("%zu %s; %zu of %zu source and %zu of %zu target files unpaired; %zu %s skipped",
                 npairs, cli_noun(npairs, "pair", "pairs"), sd[0].ndocs - npairs, sd[0].ndocs,
                 sd[1].ndocs - npairs, sd[1].ndocs, skipped,
                 cli_noun(skipped, "file", "files"));
        if (skipped > 0)
            rc = CLI_SKIPPED;
    }
    selaras_pairer_free(p);
    selaras_lexicon_free(lex);
    for (int s = 0; s < 2; s++) {
        cli_files_free(&sd[s].files);
        free(sd[s].doc);
        free(sd[s].file);
    }
    return rc;
}
