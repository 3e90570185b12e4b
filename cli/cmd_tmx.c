/* selaras tmx: merge memories, convert one to another format, and describe one. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "memout.h"
#include "progress.h"

static void usage(FILE *out)
{
    fputs("usage: selaras tmx merge [--from L] [--to L] [--keep-duplicates]\n"
          "                         [--merge|--force] [--lock-timeout S] [-o OUT.tmx]\n"
          "                         IN.tmx...\n"
          "       selaras tmx convert [--from L] [--to L] --format tsv|jsonl [--force]\n"
          "                           [-o OUT] IN.tmx\n"
          "       selaras tmx convert [--from L] [--to L] --format plain [--force]\n"
          "                           -o OUT -O OUT2 IN.tmx\n"
          "       selaras tmx stats [--format text|json] FILE.tmx\n"
          "merge: write every unit of the inputs into OUT; exact duplicates collapse,\n"
          "  keeping the higher x-score. With --merge the memory already in OUT is read\n"
          "  first (so is OUT when it is one of the inputs); an existing OUT is otherwise\n"
          "  replaced only with --force (also when read-only). OUT is replaced only when\n"
          "  the whole new memory is written; writers of one OUT take turns (a lock\n"
          "  beside it, waited for up to --lock-timeout seconds, default 30).\n"
          "convert: write the units one by one as TSV, JSONL or two line-aligned files\n"
          "  (OUT: source, OUT2: target; two different files), duplicates included.\n"
          "convert needs --format: it writes no TMX (that is merge's job).\n"
          "stats: units, languages, properties, bead types and the score histogram, as\n"
          "  text or (--format json) one JSON object.\n"          "--from/--to (old spellings --src/--tgt): the languages (default id and en).\n"
          "Without -o (or with -o -) merge and convert write to standard output, once the\n"
          "whole output is complete. One input may be - (standard input).\n", out);
}

int cli_parse_format(const char *name, selaras_format *format)
{
    static const struct { const char *name; selaras_format format; } formats[] = {
        {"tmx", SELARAS_FORMAT_TMX}, {"tsv", SELARAS_FORMAT_TSV},
        {"jsonl", SELARAS_FORMAT_JSONL}, {"plain", SELARAS_FORMAT_PLAIN},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(name, formats[i].name) == 0) {
            *format = formats[i].format;
            return CLI_OK;
        }
    return CLI_USAGE;
}

/* Exit code for a failed writer call: reading an input, or writing the output. */
static int writer_failure(selaras_status st, const char *in, const char *out,
                          const selaras_error *err)
{
    if (st == SELARAS_ERR_IO && in != NULL && strstr(err->message, "cannot open:") != NULL)
        return cli_io_error(in, CLI_IO_READ, 0, err->message);
    if (in != NULL && st != SELARAS_ERR_IO && st != SELARAS_ERR_NOMEM) {
        cli_report(in, err);
        return CLI_INPUT;
    }
    if (st == SELARAS_ERR_IO)
        return cli_io_error(out, CLI_IO_WRITE, 0, err->message);
    cli_report(in != NULL ? in : out, err);
    return CLI_INPUT;
}

static int write_all(char **inputs, int n, selaras_format format, unsigned flags,
                     const cli_memout *mo, const char *src, const char *tgt,
                     const char *output, const char *output2, selaras_writer **done);

static int merge_or_convert(int argc, char **argv, int convert)
{
    static const struct option options[] = {
        {"from", required_argument, NULL, 's'},
        {"to", required_argument, NULL, 't'},
        {"src", required_argument, NULL, 's'}, /* the old spellings */
        {"tgt", required_argument, NULL, 't'},
        {"merge", no_argument, NULL, 'M'},
        {"force", no_argument, NULL, CLI_OPT_FORCE},
        {"lock-timeout", required_argument, NULL, CLI_OPT_LOCK_TIMEOUT},
        {"output", required_argument, NULL, 'o'},
        {"output2", required_argument, NULL, 'O'},
        {"format", required_argument, NULL, 'f'},
        {"keep-duplicates", no_argument, NULL, 'k'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *src = "id", *tgt = "en", *output = NULL, *output2 = NULL;
    selaras_format format = SELARAS_FORMAT_TMX;
    unsigned flags = convert ? 0 : SELARAS_WRITER_DEDUPE;
    int have_format = 0;
    const char *command = convert ? "tmx convert" : "tmx merge";
    cli_memout mo = CLI_MEMOUT_INIT;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "s:t:o:O:f:kh", options, NULL)) != -1) {
        int orc;
        if (cli_memout_option(&mo, c, optarg, &orc)) {
            if (orc != CLI_OK)
                return orc;
            continue;
        }
        switch (c) {
        case 'M': mo.merge = 1; break;
        case 's': src = optarg; break;
        case 't': tgt = optarg; break;
        case 'o': output = optarg; break;
        case 'O': output2 = optarg; break;
        case 'f':
            if (cli_parse_format(optarg, &format) != CLI_OK)
                return cli_usage_error(usage, command,
                                       "unknown format '%s' (tmx, tsv, jsonl or plain)", optarg);
            have_format = 1;
            break;
        case 'k': flags = 0; break;
        case 'h': usage(stdout); return CLI_OK;
        default: return cli_bad_option(usage, command);
        }
    }
    int inputs = argc - optind;
    if (inputs < 1 || (convert && inputs != 1))
        return cli_operand_count(usage, command, argv + optind, inputs, 1, convert ? 1 : inputs,
                                 convert ? "one IN.tmx" : "IN.tmx...");
    if (convert && (!have_format || format == SELARAS_FORMAT_TMX))
        return cli_usage_error(usage, command, "%s (tsv, jsonl or plain); to write TMX use "
                               "tmx merge", have_format ? "--format tmx is not a conversion"
                                                        : "--format is needed");
    if (!convert && format != SELARAS_FORMAT_TMX)
        return cli_usage_error(usage, command, "merge writes TMX; other formats are written "
                               "by tmx convert");
    if (format == SELARAS_FORMAT_PLAIN && output2 == NULL)
        return cli_usage_error(usage, command, "--format plain needs -O OUT2 for the target side");
    if (format != SELARAS_FORMAT_PLAIN && output2 != NULL)
        return cli_usage_error(usage, command, "-O goes with --format plain only");
    if (format == SELARAS_FORMAT_PLAIN &&
        (output == NULL || strcmp(output, "-") == 0 || strcmp(output2, "-") == 0))
        return cli_usage_error(usage, command, "plain output needs two files (-o and -O), not "
                               "standard output");
    if (format == SELARAS_FORMAT_PLAIN && strcmp(output, output2) == 0)
        return cli_usage_error(usage, command, "-o and -O name the same file '%s': the source "
                               "side would be lost", output);
    if (mo.merge && (convert || mo.force))
        return cli_usage_error(usage, command, "%s", convert ? "--merge goes with tmx merge"
                               : "--merge adds to the memory, --force replaces it: give one of "
                                 "them");
    if (mo.merge && (output == NULL || strcmp(output, "-") == 0))
        return cli_usage_error(usage, command, "--merge adds to the memory in a file: give it "
                               "with -o FILE");
    if (cli_stdin_twice((const char *const *)argv + optind, (size_t)inputs))
        return CLI_USAGE;
    if (cli_check_lang(src) != CLI_OK || cli_check_lang(tgt) != CLI_OK)
        return CLI_USAGE;
    if (cli_memout_check(&mo, output, !convert, (const char *const *)argv + optind,
                         convert ? 0 : (size_t)inputs) != CLI_OK ||
        (output2 != NULL && cli_memout_check(&mo, output2, 0, NULL, 0) != CLI_OK))
        return CLI_OUTPUT;
    /* standard output: the memory is written to a temporary file, copied when complete */
    cli_spool spool;
    const char *path;
    int rc = cli_memory_output_begin(output, &spool, &path);
    selaras_writer *w = NULL;
    cli_progress_start(command, (size_t)inputs, "memory", "memories");
    if (rc == CLI_OK)
        rc = write_all(argv + optind, inputs, format, flags, &mo, src, tgt, path, output2, &w);
    cli_progress_done();
    rc = cli_memory_output_end(&spool, rc);
    if (rc == CLI_OK) {
        size_t n[4] = {selaras_writer_count(w, SELARAS_COUNT_WRITTEN),
                       selaras_writer_count(w, SELARAS_COUNT_DUPLICATES),
                       selaras_writer_count(w, SELARAS_COUNT_SKIP_UNPAIRED),
                       selaras_writer_count(w, SELARAS_COUNT_STRIPPED)};
        char unpaired[96] = "", stripped[96] = "";
        if (n[2] > 0)
            snprintf(unpaired, sizeof unpaired, ", %zu %s", n[2],
                     cli_noun(n[2], "unit without both languages skipped",
                              "units without both languages skipped"));
        if (n[3] > 0)
            snprintf(stripped, sizeof stripped, ", %zu %s left out", n[3],
                     cli_noun(n[3], "character XML forbids", "characters XML forbids"));
        cli_info("%zu %s written, %zu %s collapsed%s%s", n[0], cli_noun(n[0], "unit", "units"),
                 n[1], cli_noun(n[1], "duplicate", "duplicates"), unpaired, stripped);
    }
    selaras_writer_free(w);
    return rc;
}

/* Add the memory in file name ("-": standard input) to the writer. */
static int add_input(selaras_writer *w, const char *name, const char *output)
{
    cli_spool spool;
    const char *path;
    int rc = cli_input_path(name, &spool, &path);
    if (rc != CLI_OK)
        return rc;
    selaras_error err;
    selaras_status st = selaras_writer_add_tmx(w, path, &err);
    cli_spool_remove(&spool);
    return st == SELARAS_OK ? CLI_OK : writer_failure(st, name, output, &err);
}

/* Write the memories inputs[0..n) to output (and output2); on success *done is the closed
 * writer (for its counts). */
static int write_all(char **inputs, int n, selaras_format format, unsigned flags,
                     const cli_memout *mo, const char *src, const char *tgt,
                     const char *output, const char *output2, selaras_writer **done)
{
    selaras_writer *w;
    selaras_error err;
    selaras_status st = selaras_writer_new(&w, format, output, output2, src, tgt, NULL, &err);
    if (st != SELARAS_OK) {
        selaras_writer_free(w);
        if (st == SELARAS_ERR_IO)
            return cli_io_error(output, CLI_IO_WRITE, 0, err.message);
        cli_error("%s", err.message);
        return st == SELARAS_ERR_ARGUMENT ? CLI_USAGE : cli_setup_failure(st);
    }
    int rc = cli_memout_start(w, mo, flags, cli_output_name(output));
    for (int i = 0; i < n && rc == CLI_OK; i++) {
        cli_progress_stage(inputs[i]);
        rc = add_input(w, inputs[i], output);
        cli_progress_count((size_t)i + 1);
    }
    if (rc == CLI_OK && (st = selaras_writer_close(w, &err)) != SELARAS_OK)
        rc = writer_failure(st, NULL, output, &err);
    if (rc != CLI_OK) {
        selaras_writer_free(w);
        return rc;
    }
    *done = w;
    return CLI_OK;
}

int cmd_tmx(int argc, char **argv)
{
    int rc = cli_no_command(argc, argv, usage);
    if (rc >= 0)
        return rc;
    /* getopt's messages start with argv[0]: "selaras: tmx merge: unrecognized option" */
    char name[64];
    snprintf(name, sizeof name, "selaras: tmx %.20s", argv[1]);
    if (strcmp(argv[1], "merge") == 0 || strcmp(argv[1], "convert") == 0) {
        int convert = argv[1][0] == 'c';
        argv[1] = name;
        return merge_or_convert(argc - 1, argv + 1, convert);
    }
    if (strcmp(argv[1], "stats") == 0) {
        argv[1] = name;
        return cli_tmx_stats(argc - 1, argv + 1, usage);
    }
    return cli_usage_error(usage, "tmx", "unknown tmx command '%s' (merge, convert or stats)",
                           argv[1]);
}
