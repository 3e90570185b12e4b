/* selaras batch: pair the files of two folders (or take a --pairs list), align every
 * pair on --jobs threads sharing one model, and write one memory. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "input.h"
#include "batch_pairs.h"
#include "batch_report.h"
#include "memout.h"
#include "progress.h"

static void usage(FILE *out)
{
    fputs("usage: selaras batch [--from L] [--to L] [--dict FILE]...\n"
          "                     [--format tmx|tsv|jsonl] [--min-score X] [--max-ratio R]\n"
          "                     [--min-length N]\n"
          "                     [--keep-boilerplate] [--keep-identical] [--merge|--force]\n"
          "                     [--lock-timeout S] [--jobs N] [--report FILE] -o OUT\n"
          "                     (SRC_DIR TGT_DIR | --pairs FILE |\n"
          "                      --source-list FILE --target-list FILE)\n"
          "Build one memory from an archive: pair the files of SRC_DIR (language --from,\n"
          "default id) with those of TGT_DIR (--to, default en) as selaras pair does, or\n"
          "take the pairs of --pairs FILE (SOURCE<TAB>TARGET a line), then segment and\n"
          "align every pair and write the units to OUT (--format tmx, the default, or tsv\n"
          "or jsonl), in the order of the pairs. --jobs N aligns on N threads (default 1)\n"
          "with one shared model; the output is the same whatever N. The creation date is\n"
          "SOURCE_DATE_EPOCH when set. --min-score, --max-ratio, --min-length,\n"
          "--keep-boilerplate and --keep-identical are the writer's filters. An existing\n"
          "OUT is added to with --merge (tmx) and replaced only with --force. A file that\n"
          "cannot be read or decoded is reported and its pair skipped; a pair that does not\n"
          "look like a translation (parallelness score below 0.5) is refused unless\n"
          "--force; either makes the exit status 5. --report FILE writes a JSON summary:\n"
          "documents read, pairs with scores, unpaired and skipped files, beads by type,\n"
          "units written and left out, seconds per stage.\n", out);
    cli_input_usage(out); /* --input, --encoding, --replace-invalid (input.c) */
    cli_common_usage(out);
}

enum { OPT_MAX_RATIO = 0x200, OPT_MIN_LENGTH, OPT_KEEP_BOILERPLATE, OPT_JOBS, OPT_REPORT,
       OPT_PAIRS, OPT_SOURCE_LIST, OPT_TARGET_LIST };

typedef struct batch_opts {
    const char *from, *to, *output, *report, *pairs, *lists[2], *dirs[2];
    const char *dicts[16];
    size_t ndicts;
    selaras_format fmt;
    double min_score, max_ratio;
    size_t min_length;
    unsigned flags, jobs;
    cli_memout mo;
} batch_opts;

static int number(const char *opt, const char *arg, double lo, double hi, double *v)
{
    char *end;
    *v = strtod(arg, &end);
    if (*arg == '\0' || *end != '\0' || !(*v >= lo && *v <= hi))
        return cli_usage_error(usage, "batch", "%s: '%s' is not a number from %g to %g", opt,
                               arg, lo, hi);
    return CLI_OK;
}

static int parse(int argc, char **argv, batch_opts *o)
{
    static const struct option options[] = {
        {"from", required_argument, NULL, 'f'},
        {"src", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},
        {"tgt", required_argument, NULL, 't'},
        {"dict", required_argument, NULL, 'd'},
        {"format", required_argument, NULL, 'F'},
        {"min-score", required_argument, NULL, 'm'},
        {"max-ratio", required_argument, NULL, OPT_MAX_RATIO},
        {"min-length", required_argument, NULL, OPT_MIN_LENGTH},
        {"keep-boilerplate", no_argument, NULL, OPT_KEEP_BOILERPLATE},
        {"keep-identical", no_argument, NULL, CLI_OPT_KEEP_IDENTICAL},
        {"merge", no_argument, NULL, 'M'},
        {"force", no_argument, NULL, CLI_OPT_FORCE},
        {"lock-timeout", required_argument, NULL, CLI_OPT_LOCK_TIMEOUT},
        {"jobs", required_argument, NULL, OPT_JOBS},
        {"report", required_argument, NULL, OPT_REPORT},
        {"pairs", required_argument, NULL, OPT_PAIRS},
        {"source-list", required_argument, NULL, OPT_SOURCE_LIST},
        {"target-list", required_argument, NULL, OPT_TARGET_LIST},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c, rc = CLI_OK;
    double v;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        int orc;
        if (cli_memout_option(&o->mo, c, optarg, &orc)) {
            if (orc != CLI_OK)
                return orc;
            continue;
        }
        switch (c) {
        case 'f': o->from = optarg; break;
        case 't': o->to = optarg; break;
        case 'd':
            if (o->ndicts == sizeof o->dicts / sizeof o->dicts[0])
                return cli_usage_error(usage, "batch", "--dict: at most %zu dictionaries",
                                       o->ndicts);
            o->dicts[o->ndicts++] = optarg;
            break;
        case 'F':
            if (strcmp(optarg, "tmx") == 0)
                o->fmt = SELARAS_FORMAT_TMX;
            else if (strcmp(optarg, "tsv") == 0)
                o->fmt = SELARAS_FORMAT_TSV;
            else if (strcmp(optarg, "jsonl") == 0)
                o->fmt = SELARAS_FORMAT_JSONL;
            else
                return cli_usage_error(usage, "batch", "unknown format '%s' (tmx, tsv, jsonl)",
                                       optarg);
            break;
        case 'm': rc = number("--min-score", optarg, 0, 1, &o->min_score); break;
        case OPT_MAX_RATIO: rc = number("--max-ratio", optarg, 1, 1e9, &o->max_ratio); break;
        case OPT_MIN_LENGTH:
            rc = number("--min-length", optarg, 0, 1e9, &v);
            o->min_length = (size_t)v;
            break;
        case OPT_KEEP_BOILERPLATE: o->flags |= SELARAS_WRITER_KEEP_BOILERPLATE; break;
        case CLI_OPT_KEEP_IDENTICAL: o->flags |= SELARAS_WRITER_KEEP_IDENTICAL; break;
        case 'M': o->mo.merge = 1; break;
        case OPT_JOBS:
            rc = number("--jobs", optarg, 1, 256, &v);
            o->jobs = (unsigned)v;
            if (rc == CLI_OK && v != (double)o->jobs)
                return cli_usage_error(usage, "batch", "--jobs: '%s' is not a whole number",
                                       optarg);
            break;
        case OPT_REPORT: o->report = optarg; break;
        case OPT_PAIRS: o->pairs = optarg; break;
        case OPT_SOURCE_LIST: o->lists[0] = optarg; break;
        case OPT_TARGET_LIST: o->lists[1] = optarg; break;
        case 'o': o->output = optarg; break;
        case 'h': usage(stdout); return -1;
        default: return cli_bad_option(usage, "batch");
        }
        if (rc != CLI_OK)
            return rc;
    }
    size_t want = o->pairs != NULL ? 0 : (o->lists[0] == NULL) + (o->lists[1] == NULL);
    if ((size_t)(argc - optind) != want)
        return cli_usage_error(usage, "batch", "expected %zu folder%s, got %d", want,
                               want == 1 ? "" : "s", argc - optind);
    if (o->pairs != NULL && (o->lists[0] != NULL || o->lists[1] != NULL))
        return cli_usage_error(usage, "batch", "--pairs names the pairs: no lists with it");
    for (int s = 0, k = optind; s < 2 && o->pairs == NULL; s++)
        o->dirs[s] = o->lists[s] == NULL ? argv[k++] : NULL;
    if (o->output == NULL)
        return cli_usage_error(usage, "batch", "give the memory to write with -o OUT");
    if (o->mo.merge && o->fmt != SELARAS_FORMAT_TMX)
        return cli_usage_error(usage, "batch", "--merge goes with --format tmx");
    if (o->mo.merge && strcmp(o->output, "-") == 0)
        return cli_usage_error(usage, "batch", "--merge adds to a memory in a file");
    if (cli_check_lang(o->from) != CLI_OK || cli_check_lang(o->to) != CLI_OK)
        return CLI_USAGE;
    return CLI_OK;
}

/* The writer, set up from the options; prints and returns an exit code on failure. */
static int open_writer(const batch_opts *o, const char *path, selaras_writer **out)
{
    selaras_writer *w;
    selaras_error err;
    selaras_status st = selaras_writer_new(&w, o->fmt, path, NULL, o->from, o->to, NULL, &err);
    if (st == SELARAS_OK && o->min_score > 0)
        st = selaras_writer_set_min_score(w, o->min_score, &err);
    if (st == SELARAS_OK && o->max_ratio > 0)
        st = selaras_writer_set_max_ratio(w, o->max_ratio, &err);
    if (st == SELARAS_OK && o->min_length > 0)
        st = selaras_writer_set_min_length(w, o->min_length, &err);
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (st == SELARAS_OK && epoch != NULL && *epoch != '\0') {
        char *end;
        long long t = strtoll(epoch, &end, 10);
        if (*end != '\0' || t < 0) {
            selaras_writer_free(w);
            cli_error("SOURCE_DATE_EPOCH: '%s' is not a number of seconds", epoch);
            return CLI_USAGE;
        }
        st = selaras_writer_set_time(w, t, &err);
    }
    if (st != SELARAS_OK) {
        cli_error("%s", err.message);
        selaras_writer_free(w);
        return cli_setup_failure(st);
    }
    unsigned flags = o->flags | (o->mo.merge ? SELARAS_WRITER_DEDUPE : 0);
    int rc = cli_memout_start(w, &o->mo, flags, cli_output_name(o->output));
    if (rc != CLI_OK) {
        selaras_writer_free(w);
        return rc;
    }
    *out = w;
    return CLI_OK;
}

/* "; left out: 3 one-sided, 2 below the minimum score" (empty when nothing was) in buf. */
static void left_out(const selaras_writer *w, char *buf, size_t size)
{
    static const struct {
        selaras_writer_counter c;
        const char *what;
    } kinds[] = {{SELARAS_COUNT_SKIP_UNPAIRED, "one-sided"},
                 {SELARAS_COUNT_SKIP_BOILERPLATE, "boilerplate"},
                 {SELARAS_COUNT_SKIP_SCORE, "below the minimum score"},
                 {SELARAS_COUNT_SKIP_RATIO, "over the maximum ratio"},
                 {SELARAS_COUNT_SKIP_IDENTICAL, "identical"},
                 {SELARAS_COUNT_SKIP_SHORT, "too short"},
                 {SELARAS_COUNT_DUPLICATES, "duplicates collapsed"}};
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds && n < size; i++) {
        size_t k = selaras_writer_count(w, kinds[i].c);
        if (k > 0)
            n += (size_t)snprintf(buf + n, size - n, "%s%zu %s", n ? ", " : "; left out: ", k,
                                  kinds[i].what);
    }
}

typedef struct progress_state {
    const selaras_writer *w;
    char stage[64];
} progress_state;

static void on_progress(void *user, size_t done, size_t total, size_t beads)
{
    progress_state *ps = user;
    (void)total;
    (void)beads;
    size_t units = selaras_writer_count(ps->w, SELARAS_COUNT_WRITTEN);
    cli_progress_count(done);
    snprintf(ps->stage, sizeof ps->stage, "aligning, %zu %s written", units,
             cli_noun(units, "unit", "units"));
    cli_progress_stage(ps->stage);
}

/* Align the pairs and write them: the run of the library's batch. */
static int run_batch(const batch_opts *o, const batch_pairs *bp, const selaras_model *md,
                     const char *path, selaras_batch **out, selaras_writer **wout)
{
    selaras_batch *b = NULL;
    selaras_writer *w = NULL;
    selaras_error err;
    int rc = open_writer(o, path, &w);
    if (rc != CLI_OK)
        return rc;
    selaras_status st = selaras_batch_new(&b, md, NULL, &err);
    for (size_t i = 0; i < bp->src.n && st == SELARAS_OK; i++)
        st = selaras_batch_add(b, bp->src.path[i], bp->tgt.path[i], &err);
    if (st == SELARAS_OK)
        st = selaras_batch_set_jobs(b, o->jobs, &err);
    if (st != SELARAS_OK) {
        cli_error("%s", err.message);
        selaras_batch_free(b);
        selaras_writer_free(w);
        return cli_setup_failure(st);
    }
    selaras_batch_set_force(b, o->mo.force);
    selaras_batch_set_input(b, cli_input_batch_flags(), cli_input_encoding()); /* input.c */
    progress_state ps = {w, ""};
    selaras_batch_set_progress(b, on_progress, &ps);
    cli_progress_start("batch", bp->src.n, "pair aligned", "pairs aligned");
    cli_progress_stage("aligning");
    st = selaras_batch_run(b, w, &err);
    cli_progress_stage("writing");
    if (st == SELARAS_OK)
        st = selaras_writer_close(w, &err);
    cli_progress_done();
    if (st != SELARAS_OK) {
        cli_error("%s: %s", cli_output_name(o->output), err.message);
        rc = st == SELARAS_ERR_IO || st == SELARAS_ERR_LOCKED ? CLI_OUTPUT : CLI_INPUT;
    }
    *out = b;
    *wout = w;
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    batch_opts o;
    memset(&o, 0, sizeof o);
    o.from = "id";
    o.to = "en";
    o.fmt = SELARAS_FORMAT_TMX;
    o.jobs = 1;
    cli_memout mo0 = CLI_MEMOUT_INIT;
    o.mo = mo0;
    int rc = parse(argc, argv, &o);
    if (rc != CLI_OK)
        return rc < 0 ? CLI_OK : rc;
    if (cli_memout_check(&o.mo, o.output, o.fmt == SELARAS_FORMAT_TMX, NULL, 0) != CLI_OK)
        return CLI_OUTPUT;
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    batch_pairs bp;
    batch_pairs_init(&bp);
    selaras_lexicon *lex = NULL;
    selaras_model *md = NULL;
    selaras_batch *b = NULL;
    selaras_writer *w = NULL;
    selaras_error err;
    rc = cli_load_lexicon(o.from, o.to, o.dicts, o.ndicts, &lex);
    if (rc == CLI_OK)
        rc = o.pairs != NULL ? batch_pairs_read(&bp, o.pairs)
                             : batch_pairs_find(&bp, o.dirs, o.lists, o.from, o.to, lex);
    struct timespec paired;
    clock_gettime(CLOCK_MONOTONIC, &paired);
    if (rc == CLI_OK && selaras_model_new(&md, o.from, o.to, lex, NULL, &err) != SELARAS_OK) {
        cli_error("%s", err.message);
        rc = cli_setup_failure(err.status);
    }
    cli_spool spool;
    const char *path;
    int orc = rc == CLI_OK ? cli_memory_output_begin(o.output, &spool, &path) : rc;
    if (rc == CLI_OK && orc == CLI_OK)
        rc = run_batch(&o, &bp, md, path, &b, &w);
    else
        rc = orc;
    if (orc == CLI_OK)
        rc = cli_memory_output_end(&spool, rc);
    size_t skipped = bp.skipped.n + bp.walk_skipped, refused = 0, aligned = 0;
    for (size_t i = 0; b != NULL && i < selaras_batch_count(b); i++) {
        selaras_batch_outcome oc = selaras_batch_outcome_of(b, i);
        if (oc == SELARAS_BATCH_SKIPPED) {
            cli_warn("%s; pair skipped", selaras_batch_reason(b, i));
            skipped++;
        } else if (oc == SELARAS_BATCH_REFUSED) {
            cli_warn("%s and %s do not look like translations of each other (parallelness "
                     "score %.2f); pair refused", selaras_batch_source(b, i),
                     selaras_batch_target(b, i), selaras_batch_score(b, i));
            refused++;
        } else if (oc == SELARAS_BATCH_ALIGNED) {
            aligned++;
        }
    }
    if (rc == CLI_OK) {
        double pairing = (double)(paired.tv_sec - start.tv_sec) +
                         (double)(paired.tv_nsec - start.tv_nsec) * 1e-9;
        if (o.report != NULL)
            rc = batch_report_write(o.report, &bp, b, w, pairing);
        char left[400];
        left_out(w, left, sizeof left);
        cli_info("%zu of %zu %s aligned, %zu refused, %zu %s skipped; %zu units written to "
                 "%s%s", aligned, bp.src.n, cli_noun(bp.src.n, "pair", "pairs"), refused,
                 skipped, cli_noun(skipped, "file", "files"),
                 selaras_writer_count(w, SELARAS_COUNT_WRITTEN), cli_output_name(o.output),
                 left);
        if (rc == CLI_OK && (skipped > 0 || refused > 0))
            rc = CLI_SKIPPED;
    }
    selaras_writer_free(w);
    selaras_batch_free(b);
    selaras_model_free(md);
    selaras_lexicon_free(lex);
    batch_pairs_free(&bp);
    return rc;
}
