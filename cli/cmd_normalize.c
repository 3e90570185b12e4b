/* selaras normalize: print a text as the library sees it after intake. */
#define _GNU_SOURCE
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "input.h"
#include "progress.h"

static void usage(FILE *out)
{
    fputs("usage: selaras normalize [--lang L] [--replace-invalid] [-o OUT] [FILE|-]\n"
          "Validate UTF-8, drop a BOM, turn CRLF/CR into LF and compose to NFC.\n"
          "FILE - (the default) is standard input.\n", out);
    cli_input_usage(out); /* --input, --encoding, --replace-invalid (input.c) */
}

int cmd_normalize(int argc, char **argv)
{
    static const struct option options[] = {
        {"lang", required_argument, NULL, 'l'},
        {"replace-invalid", no_argument, NULL, 'r'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *lang = "id", *output = NULL;
    unsigned flags = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:ro:h", options, NULL)) != -1) {
        switch (c) {
        case 'l': lang = optarg; break;
        case 'r': flags |= SELARAS_DOC_REPLACE_INVALID; break;
        case 'o': output = optarg; break;
        case 'h': usage(stdout); return CLI_OK;
        default: return cli_bad_option(usage, "normalize");
        }
    }
    if (argc - optind > 1)
        return cli_operand_count(usage, "normalize", argv + optind, argc - optind, 0, 1,
                                 "at most one FILE");
    const char *path = optind < argc ? argv[optind] : "-";
    selaras_doc *doc;
    cli_progress_start("normalize", 1, "file", "files");
    cli_progress_stage("reading");
    int rc = cli_load_doc(path, lang, flags, &doc);
    if (rc != CLI_OK) {
        cli_progress_done();
        return rc;
    }
    cli_progress_stage("writing");
    cli_output out;
    rc = cli_open_output(&out, output);
    if (rc == CLI_OK) {
        size_t len;
        const char *text = selaras_doc_text(doc, &len);
        fwrite(text, 1, len, out.fp);
        rc = cli_close_output(&out, CLI_OK);
    }
    cli_progress_count(1);
    cli_progress_done();
    selaras_doc_free(doc);
    return rc;
}
