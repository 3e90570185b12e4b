/* Reading documents for every command that reads one: --input text|html|auto,
 * --encoding NAME and --replace-invalid, taken out of argv once (like the common options)
 * and applied by cli_load_doc(). */
#ifndef SELARAS_CLI_INPUT_H
#define SELARAS_CLI_INPUT_H

#include <stdio.h>

#include "selaras.h"

/* For the commands that read documents (segment, align, normalize, extract, batch,
 * pair): take --input KIND, --encoding NAME and --replace-invalid (and their
 * --opt=VALUE forms) out of argv before "--". Returns CLI_OK, or prints a usage error and
 * returns CLI_USAGE for a bad value. argv[1] is the command word. */
int cli_take_input_options(int *argc, char **argv);

/* The paragraph on those options, for the commands' --help. */
void cli_input_usage(FILE *out);

/* 1 when path is to be read as HTML under the current --input (auto: the extension
 * .html, .htm, .xhtml or .shtml, else the first bytes). */
int cli_input_is_html(const char *path, const char *data, size_t len);

/* Make a document of file, read from path, with the current options and the given extra
 * flags (file is taken over: without --encoding its bytes may become the text); reports
 * the number of replaced sequences (--replace-invalid) and, for bytes that are not UTF-8,
 * the encoding they look like. Prints errors; returns an exit code. */
int cli_input_make_doc(const char *path, selaras_file *file, const char *lang, unsigned flags,
                       selaras_doc **doc);

/* For the batch and pairing commands: the document flags and the encoding (NULL: detect)
 * that the options ask for a file, for selaras_doc_new_encoded(). */
unsigned cli_input_flags(const char *path, const char *data, size_t len);
/* The same for selaras_batch_set_input(), which decides per file (auto: DETECT_HTML). */
unsigned cli_input_batch_flags(void);
const char *cli_input_encoding(void);

#endif
