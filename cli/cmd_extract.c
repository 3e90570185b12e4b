/* selaras extract: the main text of an HTML page, as the other commands read it. */
#define _GNU_SOURCE
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "input.h"

static void usage(FILE *out)
{
    fputs("usage: selaras extract [--lang L] [--format text|jsonl] [-o OUT] [PAGE|-]\n"
          "Print the main text of an HTML page: its headline and paragraphs, one block\n"
          "per paragraph with a blank line between (text), or one JSON object per block\n"
          "with start, end (byte offsets into the page), kind (title, content or\n"
          "boilerplate: caption, byline, \"Baca juga:\" line, sign-off) and text (jsonl).\n"
          "Menus, share buttons, lists of other articles, footers and scripts are left\n"
          "out. PAGE - (the default) is standard input.\n", out);
    cli_input_usage(out);
}

static void print_jsonl(FILE *out, const selaras_doc *doc)
{
    const char *text = selaras_doc_text(doc, NULL);
    for (size_t i = 0; i < selaras_doc_block_count(doc); i++) {
        size_t a, b;
        selaras_block_kind kind = selaras_doc_block(doc, i, &a, &b);
        fprintf(out, "{\"start\": %zu, \"end\": %zu, \"kind\": \"%s\", \"text\": ",
                selaras_doc_to_original(doc, a), selaras_doc_to_original(doc, b),
                selaras_block_kind_name(kind));
        cli_json_string(out, text + a, b - a);
        fputs("}\n", out);
    }
}

int cmd_extract(int argc, char **argv)
{
    static const struct option options[] = {
        {"lang", required_argument, NULL, 'l'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *lang = "id", *format = "text", *output = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:f:o:h", options, NULL)) != -1) {
        switch (c) {
        case 'l': lang = optarg; break;
        case 'f': format = optarg; break;
        case 'o': output = optarg; break;
        case 'h': usage(stdout); return CLI_OK;
        default: return cli_bad_option(usage, "extract");
        }
    }
    if (argc - optind > 1)
        return cli_usage_error(usage, "extract", "one page at a time");
    if (strcmp(format, "text") != 0 && strcmp(format, "jsonl") != 0)
        return cli_usage_error(usage, "extract", "unknown format '%s' (expected text or jsonl)",
                               format);
    const char *path = optind < argc ? argv[optind] : "-";
    selaras_doc *doc = NULL;
    int rc = cli_load_doc(path, lang, SELARAS_DOC_HTML, &doc);
    if (rc != CLI_OK)
        return rc;
    cli_output out;
    rc = cli_open_output(&out, output);
    if (rc == CLI_OK) {
        if (strcmp(format, "jsonl") == 0) {
            print_jsonl(out.fp, doc);
        } else {
            size_t len;
            const char *text = selaras_doc_text(doc, &len);
            fwrite(text, 1, len, out.fp);
            if (len > 0)
                fputc('\n', out.fp);
        }
        rc = cli_close_output(&out, CLI_OK);
    }
    selaras_doc_free(doc);
    return rc;
}
