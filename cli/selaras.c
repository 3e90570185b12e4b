/* selaras: the command-line tool. Each subcommand lives in its own cmd_*.c file. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "input.h"

static const cli_command commands[] = {
    {"normalize", "validate and normalise a text (UTF-8, line ends, NFC)", cmd_normalize},
    {"segment", "split a text into sentences, titles and boilerplate", cmd_segment},
    {"align", "align a document with its translation into sentence beads", cmd_align},
    {"tmx", "merge, convert and describe TMX memories", cmd_tmx},
    {"pair", "find which files of two folders translate each other", cmd_pair},
    {"extract", "print the main text of an HTML page (its blocks and kinds)", cmd_extract},
    {"batch", "pair, align and write the files of two folders as one memory", cmd_batch},
    {"eval", "score beads against gold beads (precision, recall, F1)", cmd_eval},
};

static void usage(FILE *out)
{
    fputs("usage: selaras COMMAND [OPTIONS] [ARGS]\n"
          "       selaras --help | --version\n\ncommands:\n", out);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\nRun 'selaras COMMAND --help' for a command's options. Exit codes: 0 success,\n"
          "1 usage error, 2 input error, 3 output error, 5 finished but something was\n"
          "skipped.\n", out);
    cli_common_usage(out);
}

int main(int argc, char **argv)
{
    cli_take_common_options(&argc, argv);
    if (cli_take_input_options(&argc, argv) != CLI_OK) /* input.c */
        return CLI_USAGE;
    int rc = cli_no_command(argc, argv, usage);
    if (rc >= 0)
        return rc == CLI_OK ? cli_finish_stdout() : rc;
    if (strcmp(argv[1], "--version") == 0) {
        printf("selaras %s\n", selaras_version());
        return cli_finish_stdout();
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0) {
            /* getopt's messages start with argv[0]: "selaras: align: unrecognized option" */
            char name[64];
            snprintf(name, sizeof name, "selaras: %s", commands[i].name);
            argv[1] = name;
            rc = commands[i].run(argc - 1, argv + 1);
            /* whatever a command printed on standard output must have reached it */
            return rc == CLI_OK ? cli_finish_stdout() : rc;
        }
    cli_error("unknown command '%s' (see 'selaras --help')", argv[1]);
    return CLI_USAGE;
}
