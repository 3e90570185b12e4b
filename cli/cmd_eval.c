/* selaras eval: score system beads against gold beads (strict and lax precision, recall
 * and F1, the Text+Berg convention), per document and summed over documents. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *out)
{
    fputs("usage: selaras eval --gold GOLD [--gold GOLD]... SYSTEM...\n"
          "Score the beads of each SYSTEM file against the GOLD file given in the same\n"
          "position. Both are in a bead format of 'selaras align': beads ([8, 9]:[10],\n"
          "[]:[22]) or jsonl (objects with \"src\" and \"tgt\" arrays). Prints strict and lax\n"
          "precision, recall and F1 per document and, for several, counted over all of them\n"
          "(counts summed before dividing, as for Text+Berg): precision counts every system\n"
          "bead, recall the gold beads with both sides; lax: the bead shares a source and a\n"
          "target segment with one of the other side.\n", out);
}

static int load_beads(const char *path, selaras_beads **out)
{
    char *text;
    size_t len;
    int rc = cli_read_file(path, &text, &len);
    if (rc != CLI_OK)
        return rc;
    selaras_error err;
    selaras_status st = selaras_beads_new(out, NULL, &err);
    if (st == SELARAS_OK)
        st = selaras_beads_parse(*out, text, len, &err);
    free(text);
    if (st != SELARAS_OK) {
        cli_report(path, &err);
        return st == SELARAS_ERR_NOMEM ? cli_setup_failure(st) : CLI_INPUT;
    }
    return CLI_OK;
}

static void print_line(const char *name, const selaras_align_counts *c)
{
    selaras_prf s, l;
    selaras_eval_align_scores(c, &s, &l);
    printf("  %-22s %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f\n", name, s.precision, s.recall, s.f1,
           l.precision, l.recall, l.f1);
}

int cmd_eval(int argc, char **argv)
{
    static const struct option options[] = {
        {"gold", required_argument, NULL, 'g'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char **gold = calloc((size_t)argc + 1, sizeof *gold);
    if (gold == NULL) {
        cli_error("out of memory");
        return CLI_INPUT;
    }
    size_t ngold = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (c) {
        case 'g': gold[ngold++] = optarg; break;
        case 'h': free(gold); usage(stdout); return CLI_OK;
        default: free(gold); return cli_bad_option(usage, "eval");
        }
    }
    size_t nsys = (size_t)(argc - optind);
    if (ngold == 0 || nsys != ngold) {
        free(gold);
        return cli_usage_error(usage, "eval", "%zu --gold file(s) for %zu system file(s): give "
                               "one gold file for each system file", ngold, nsys);
    }
    const char *names[2];
    selaras_align_counts all;
    memset(&all, 0, sizeof all);
    int rc = CLI_OK;
    /* every file is read and scored before anything is printed */
    selaras_align_counts *per = calloc(nsys, sizeof *per);
    if (per == NULL) {
        free(gold);
        cli_error("out of memory");
        return CLI_INPUT;
    }
    for (size_t i = 0; i < nsys && rc == CLI_OK; i++) {
        names[0] = gold[i];
        names[1] = argv[optind + (int)i];
        if (cli_stdin_twice(names, 2)) {
            rc = CLI_USAGE;
            break;
        }
        selaras_beads *g = NULL, *s = NULL;
        rc = load_beads(names[0], &g);
        if (rc == CLI_OK)
            rc = load_beads(names[1], &s);
        selaras_align_counts one = per[i];
        selaras_error err;
        if (rc == CLI_OK && selaras_eval_align(g, s, &one, &err) != SELARAS_OK) {
            cli_error("%s", err.message);
            rc = cli_setup_failure(err.status);
        }
        if (rc == CLI_OK) {
            per[i] = one;
            all.strict_right += one.strict_right;
            all.strict_wrong += one.strict_wrong;
            all.lax_right += one.lax_right;
            all.lax_wrong += one.lax_wrong;
            all.strict_found += one.strict_found;
            all.strict_missed += one.strict_missed;
            all.lax_found += one.lax_found;
            all.lax_missed += one.lax_missed;
        }
        selaras_beads_free(g);
        selaras_beads_free(s);
    }
    if (rc == CLI_OK) {
        printf("  %-22s %6s %6s %6s   %6s %6s %6s\n", "", "P", "R", "F1", "laxP", "laxR",
               "laxF1");
        for (size_t i = 0; i < nsys && nsys > 1; i++)
            print_line(cli_display_name(argv[optind + (int)i]), &per[i]);
        char name[64];
        snprintf(name, sizeof name, "all (%zu document%s)", nsys, nsys == 1 ? "" : "s");
        print_line(name, &all);
    }
    free(per);
    free(gold);
    return rc;
}
