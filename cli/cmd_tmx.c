/* selaras tmx: merge memories, convert one to another format, and describe one. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "memout.h"

static void usage(FILE *out)
{
    fputs("usage: selaras tmx merge [--from L] [--to L] [--keep-duplicates]\n"
          "                         [--merge|--force] [--lock-timeout S] [-o OUT.tmx]\n"
          "                         IN.tmx...\n"
          "       selaras tmx convert [--from L] [--to L] --format tsv|jsonl [--force]\n"
          "                           [-o OUT] IN.tmx\n"
          "       selaras tmx convert [--from L] [--to L] --format plain [--force]\n"
          "                           -o OUT -O OUT2 IN.tmx\n"
          "       selaras tmx stats FILE.tmx\n"
          "merge: write every unit of the inputs into OUT; exact duplicates collapse,\n"
          "  keeping the higher x-score. With --merge the memory already in OUT is read\n"
          "  first (so is OUT when it is one of the inputs); an existing OUT is otherwise\n"
          "  replaced only with --force (also when read-only). OUT is replaced only when\n"
          "  the whole new memory is written; writers of one OUT take turns (a lock\n"
          "  beside it, waited for up to --lock-timeout seconds, default 30).\n"
          "convert: write the units one by one as TSV, JSONL or two line-aligned files\n"
          "  (OUT: source, OUT2: target; two different files), duplicates included.\n"
          "stats: units, languages, properties, bead types and the score histogram.\n"          "--from/--to (old spellings --src/--tgt): the languages (default id and en).\n"
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
    cli_error("unknown format '%s' (tmx, tsv, jsonl or plain)", name);
    return CLI_USAGE;
}

/* Exit code for a failed writer call: reading an input, or writing the output. */
static int writer_failure(selaras_status st, const char *in, const char *out,
                          const selaras_error *err)
{
    if (st == SELARAS_ERR_IO && in != NULL && strstr(err->message, "cannot open:") != NULL) {
        cli_report(in, err);
        return CLI_INPUT;
    }
    if (in != NULL && st != SELARAS_ERR_IO && st != SELARAS_ERR_NOMEM) {
        cli_report(in, err);
        return CLI_INPUT;
    }
    if (st == SELARAS_ERR_IO) {
        cli_error("%s", err->message);
        return CLI_OUTPUT;
    }
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
        {"src", required_argument, NULL, 's'},
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
                return CLI_USAGE;
            break;
        case 'k': flags = 0; break;
        case 'h': usage(stdout); return CLI_OK;
        default: usage(stderr); return CLI_USAGE;
        }
    }
    int inputs = argc - optind;
    if (inputs < 1 || (convert && inputs != 1) || (!convert && format != SELARAS_FORMAT_TMX) ||
        ((format == SELARAS_FORMAT_PLAIN) != (output2 != NULL))) {
        usage(stderr);
        return CLI_USAGE;
    }
    if (format == SELARAS_FORMAT_PLAIN &&
        (output == NULL || strcmp(output, "-") == 0 || strcmp(output2, "-") == 0)) {
        cli_error("plain output needs two files (-o and -O), not standard output");
        return CLI_USAGE;
    }
    if (format == SELARAS_FORMAT_PLAIN && strcmp(output, output2) == 0) {
        cli_error("-o and -O name the same file '%s': the source side would be lost",
                  output);
        return CLI_USAGE;
    }
    if (mo.merge && (convert || mo.force)) {
        cli_error(convert ? "--merge goes with tmx merge"
                          : "--merge adds to the memory, --force replaces it: give one of them");
        return CLI_USAGE;
    }
    if (mo.merge && (output == NULL || strcmp(output, "-") == 0)) {
        cli_error("--merge adds to the memory in a file: give it with -o FILE");
        return CLI_USAGE;
    }
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
    if (rc == CLI_OK)
        rc = write_all(argv + optind, inputs, format, flags, &mo, src, tgt, path, output2, &w);
    rc = cli_memory_output_end(&spool, rc);
    if (rc == CLI_OK) {
        fprintf(stderr, "selaras: %zu units written, %zu duplicates collapsed",
                selaras_writer_count(w, SELARAS_COUNT_WRITTEN),
                selaras_writer_count(w, SELARAS_COUNT_DUPLICATES));
        if (selaras_writer_count(w, SELARAS_COUNT_SKIP_UNPAIRED) > 0)
            fprintf(stderr, ", %zu without both languages skipped",
                    selaras_writer_count(w, SELARAS_COUNT_SKIP_UNPAIRED));
        if (selaras_writer_count(w, SELARAS_COUNT_STRIPPED) > 0)
            fprintf(stderr, ", %zu characters XML forbids left out",
                    selaras_writer_count(w, SELARAS_COUNT_STRIPPED));
        fputc('\n', stderr);
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
        cli_error("%s", err.message);
        selaras_writer_free(w);
        return st == SELARAS_ERR_ARGUMENT ? CLI_USAGE : cli_setup_failure(st);
    }
    int rc = cli_memout_start(w, mo, flags, cli_output_name(output));
    for (int i = 0; i < n && rc == CLI_OK; i++)
        rc = add_input(w, inputs[i], output);
    if (rc == CLI_OK && (st = selaras_writer_close(w, &err)) != SELARAS_OK)
        rc = writer_failure(st, NULL, output, &err);
    if (rc != CLI_OK) {
        selaras_writer_free(w);
        return rc;
    }
    *done = w;
    return CLI_OK;
}

/* ---- stats ---- */

typedef struct tally {
    char *key;
    size_t count;
} tally;

typedef struct tallies {
    tally *items;
    size_t n, cap;
} tallies;

static int tally_add(tallies *t, const char *key)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->items[i].key, key) == 0) {
            t->items[i].count++;
            return 0;
        }
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        tally *grown = realloc(t->items, cap * sizeof *grown);
        if (grown == NULL)
            return -1;
        t->items = grown;
        t->cap = cap;
    }
    if ((t->items[t->n].key = strdup(key)) == NULL)
        return -1;
    t->items[t->n++].count = 1;
    return 0;
}

static void tally_print(const char *title, const tallies *t)
{
    printf("%s:\n", title);
    if (t->n == 0)
        printf("  (none)\n");
    for (size_t i = 0; i < t->n; i++)
        printf("  %-24s %zu\n", t->items[i].key, t->items[i].count);
}

static void tally_free(tallies *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->items[i].key);
    free(t->items);
}

static int stats(int argc, char **argv)
{
    if (argc == 2 && cli_is_help(argv[1])) {
        usage(stdout);
        return CLI_OK;
    }
    if (argc != 2 || (argv[1][0] == '-' && argv[1][1] != '\0')) {
        usage(stderr);
        return CLI_USAGE;
    }
    const char *path = argv[1], *file;
    cli_spool spool;
    int rc = cli_input_path(path, &spool, &file);
    if (rc != CLI_OK)
        return rc;
    selaras_tmx_reader *r;
    selaras_error err;
    selaras_status st = selaras_tmx_reader_new(&r, file, 0, NULL, &err);
    cli_spool_remove(&spool); /* the reader keeps the file open */
    if (st != SELARAS_OK) {
        cli_report(path, &err);
        return CLI_INPUT;
    }
    tallies langs = {0}, props = {0}, beads = {0};
    size_t units = 0, notes = 0, scored = 0, hist[12] = {0};
    const selaras_unit *u;
    int oom = 0;
    while (!oom && (st = selaras_tmx_reader_next(r, &u, &err)) == SELARAS_OK && u != NULL) {
        units++;
        for (size_t i = 0; i < selaras_unit_variant_count(u); i++)
            oom |= tally_add(&langs, selaras_unit_variant_lang(u, i));
        for (size_t i = 0; i < selaras_unit_prop_count(u); i++) {
            const char *type = selaras_unit_prop_type(u, i);
            if (type == NULL)
                notes++;
            else
                oom |= tally_add(&props, type);
        }
        const char *bead = selaras_unit_prop(u, "x-bead");
        if (bead != NULL)
            oom |= tally_add(&beads, bead);
        double score;
        if (selaras_unit_score(u, &score)) {
            scored++;
            hist[score < 0 ? 0 : score >= 1 ? 11 : 1 + (int)(score * 10)]++;
        }
    }
    if (oom) {
        cli_error("%s: out of memory", path);
        rc = CLI_INPUT;
    } else if (st != SELARAS_OK) {
        cli_report(path, &err);
        rc = CLI_INPUT;
    } else {
        const selaras_unit *h = selaras_tmx_reader_header(r);
        const char *tool = selaras_unit_attr(h, SELARAS_UNIT_WHOLE, "creationtool");
        const char *date = selaras_unit_attr(h, SELARAS_UNIT_WHOLE, "creationdate");
        printf("file:          %s\n", cli_display_name(path));
        printf("version:       %s\n", selaras_tmx_reader_version(r));
        printf("srclang:       %s\n", selaras_tmx_reader_srclang(r));
        printf("creationtool:  %s\n", tool ? tool : "-");
        printf("creationdate:  %s\n", date ? date : "-");
        printf("units:         %zu\n", units);
        printf("notes:         %zu\n", notes);
        tally_print("variants by language", &langs);
        tally_print("properties by type", &props);
        tally_print("beads (x-bead)", &beads);
        printf("scores (x-score): %zu of %zu units\n", scored, units);
        if (scored > 0) {
            printf("  %-24s %zu\n", "< 0", hist[0]);
            for (int b = 0; b < 10; b++) {
                char label[32];
                if (b == 9)
                    snprintf(label, sizeof label, "0.9 - 1.0");
                else
                    snprintf(label, sizeof label, "0.%d - 0.%d", b, b + 1);
                printf("  %-24s %zu\n", label, hist[b + 1]);
            }
            printf("  %-24s %zu\n", ">= 1", hist[11]);
        }
    }
    tally_free(&langs);
    tally_free(&props);
    tally_free(&beads);
    selaras_tmx_reader_free(r);
    return rc;
}

int cmd_tmx(int argc, char **argv)
{
    int rc = cli_no_command(argc, argv, usage);
    if (rc >= 0)
        return rc;
    if (strcmp(argv[1], "merge") == 0)
        return merge_or_convert(argc - 1, argv + 1, 0);
    if (strcmp(argv[1], "convert") == 0)
        return merge_or_convert(argc - 1, argv + 1, 1);
    if (strcmp(argv[1], "stats") == 0)
        return stats(argc - 1, argv + 1);
    cli_error("unknown tmx command '%s' (merge, convert or stats)", argv[1]);
    return CLI_USAGE;
}
