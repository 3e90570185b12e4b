/* selaras segment: split a text into sentences, titles and boilerplate. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input.h"
#include "outbuf.h"
#include "progress.h"

static void usage(FILE *out)
{
    fputs("usage: selaras segment [--lang L] [--format text|jsonl] [--abbrev FILE]...\n"
          "                       [-o OUT] [FILE|-]\n"
          "Split a text into segments: one per line (text), or one JSON object per line\n"
          "with start, end (byte offsets into the input), para, kind and text (jsonl).\n"
          "--abbrev adds abbreviations from a file (see selaras(1) for the format).\n"
          "FILE - (the default) is standard input; so may be one --abbrev instead.\n", out);
    cli_input_usage(out); /* --input, --encoding, --replace-invalid (input.c) */
}

/* One JSON object a line; the segments' spans (no copy of their texts), escaped in runs,
 * through the large buffer. */
static void print_jsonl(cli_outbuf *out, const selaras_segments *segs)
{
    for (size_t i = 0; i < selaras_segments_count(segs); i++) {
        size_t len;
        const char *text = selaras_segments_span(segs, i, &len);
        const char *kind = selaras_segment_kind_name(selaras_segments_kind(segs, i));
        cli_outbuf_put(out, "{\"start\": ", 10);
        cli_outbuf_size(out, selaras_segments_start(segs, i));
        cli_outbuf_put(out, ", \"end\": ", 9);
        cli_outbuf_size(out, selaras_segments_end(segs, i));
        cli_outbuf_put(out, ", \"para\": ", 10);
        cli_outbuf_size(out, selaras_segments_paragraph(segs, i));
        cli_outbuf_put(out, ", \"kind\": \"", 11);
        cli_outbuf_put(out, kind, strlen(kind));
        cli_outbuf_put(out, "\", \"text\": \"", 12);
        /* the text of a wrapped sentence reads its line breaks as spaces */
        if (memchr(text, '\n', len) == NULL) {
            cli_outbuf_json(out, text, len);
        } else {
            for (size_t a = 0, e; a < len; a = e + 1) {
                const char *nl = memchr(text + a, '\n', len - a);
                e = nl != NULL ? (size_t)(nl - text) : len;
                cli_outbuf_json(out, text + a, e - a);
                if (e < len)
                    cli_outbuf_put(out, " ", 1);
            }
        }
        cli_outbuf_put(out, "\"}\n", 3);
    }
}

/* One segment a line. */
static void print_text(cli_outbuf *out, const selaras_segments *segs)
{
    for (size_t i = 0; i < selaras_segments_count(segs); i++) {
        size_t len;
        const char *text = selaras_segments_span(segs, i, &len);
        cli_outbuf_line(out, text, len);
        cli_outbuf_put(out, "\n", 1);
    }
}

int cmd_segment(int argc, char **argv)
{
    static const struct option options[] = {
        {"lang", required_argument, NULL, 'l'},
        {"format", required_argument, NULL, 'f'},
        {"abbrev", required_argument, NULL, 'a'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *lang = "id", *format = "text", *output = NULL;
    const char **abbrev = calloc((size_t)argc, sizeof *abbrev);
    size_t nabbrev = 0;
    int c, rc = CLI_OK;
    if (abbrev == NULL) {
        cli_error("out of memory");
        return CLI_INPUT;
    }
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:f:a:o:h", options, NULL)) != -1) {
        switch (c) {
        case 'l': lang = optarg; break;
        case 'f': format = optarg; break;
        case 'a': abbrev[nabbrev++] = optarg; break;
        case 'o': output = optarg; break;
        case 'h': usage(stdout); free(abbrev); return CLI_OK;
        default: free(abbrev); return cli_bad_option(usage, "segment");
        }
    }
    if (argc - optind > 1) {
        free(abbrev);
        return cli_operand_count(usage, "segment", argv + optind, argc - optind, 0, 1,
                                 "at most one FILE");
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "jsonl") != 0) {
        free(abbrev);
        return cli_usage_error(usage, "segment", "unknown format '%s' (text or jsonl)", format);
    }
    const char *path = optind < argc ? argv[optind] : "-";
    abbrev[nabbrev] = path; /* the array has room: argv[0] is no --abbrev */
    if (cli_stdin_twice(abbrev, nabbrev + 1)) {
        free(abbrev);
        return CLI_USAGE;
    }
    selaras_segmenter *seg = NULL;
    selaras_doc *doc = NULL;
    selaras_segments *segs = NULL;
    selaras_error err;
    selaras_status made = selaras_segmenter_new(&seg, lang, NULL, &err);
    if (made != SELARAS_OK) {
        cli_error("%s", err.message);
        free(abbrev);
        return cli_setup_failure(made);
    }
    for (size_t i = 0; i < nabbrev && rc == CLI_OK; i++) {
        selaras_status st;
        if (strcmp(abbrev[i], "-") == 0) { /* standard input */
            char *text;
            size_t len;
            rc = cli_read_file("-", &text, &len);
            if (rc != CLI_OK)
                break;
            st = selaras_segmenter_add_abbreviations(seg, text, len, &err);
            free(text);
        } else {
            st = selaras_segmenter_load_abbreviations(seg, abbrev[i], &err);
        }
        if (st != SELARAS_OK)
            rc = cli_report_file(abbrev[i], CLI_IO_READ, &err);
    }
    cli_progress_start("segment", 1, "file", "files");
    cli_progress_stage("reading");
    if (rc == CLI_OK)
        rc = cli_load_doc(path, lang, 0, &doc);
    cli_progress_stage("segmenting");
    if (rc == CLI_OK && selaras_segment(seg, doc, &segs, &err) != SELARAS_OK) {
        cli_report(path, &err);
        rc = CLI_INPUT;
    }
    cli_progress_stage("writing");
    if (rc == CLI_OK)
        cli_warn_empty(path, segs);
    if (rc == CLI_OK) {
        cli_output out;
        rc = cli_open_output(&out, output);
        if (rc == CLI_OK) {
            cli_outbuf ob;
            if (cli_outbuf_init(&ob, out.fp) != 0) {
                cli_error("out of memory");
                rc = cli_close_output(&out, CLI_OUTPUT);
            } else {
                if (strcmp(format, "jsonl") == 0)
                    print_jsonl(&ob, segs);
                else
                    print_text(&ob, segs);
                cli_outbuf_finish(&ob); /* a failed write leaves the stream's error set */
                rc = cli_close_output(&out, CLI_OK);
            }
        }
    }
    cli_progress_count(1);
    cli_progress_done();
    selaras_segments_free(segs);
    selaras_doc_free(doc);
    selaras_segmenter_free(seg);
    free(abbrev);
    return rc;
}
