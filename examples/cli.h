/* Shared helpers of the selaras command: exit codes, input files, error messages and
 * output. The command itself is a thin layer over libselaras. */
#ifndef SELARAS_CLI_H
#define SELARAS_CLI_H

#include <stdio.h>

#include "selaras.h"

/* Documented exit codes (see selaras(1)). */
enum cli_exit {
    CLI_OK = 0,
    CLI_USAGE = 1,
    CLI_INPUT = 2,
    CLI_OUTPUT = 3
};

/* One subcommand: its name, a one-line summary and its entry point, which receives
 * argv with argv[0] set to the subcommand's name. */
typedef struct cli_command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} cli_command;

/* The subcommands, one per cmd_*.c file. */
int cmd_normalize(int argc, char **argv);
int cmd_segment(int argc, char **argv);
int cmd_align(int argc, char **argv);
int cmd_tmx(int argc, char **argv);

/* Parse an output format name (tmx, tsv, jsonl, plain); prints and returns CLI_USAGE when
 * unknown. */
int cli_parse_format(const char *name, selaras_format *format);

/* "selaras: message" on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* "selaras: FILE:LINE:COL: message" (or "selaras: FILE: message" without a position). */
void cli_report(const char *file, const selaras_error *err);

/* Read a whole file ("-" is standard input) into a malloc'ed buffer. Prints the error and
 * returns CLI_INPUT on failure. */
int cli_read_file(const char *path, char **data, size_t *len);

/* Read a file and make a document of it. Prints errors; returns an exit code. */
int cli_load_doc(const char *path, const char *lang, unsigned flags, selaras_doc **doc);

/* Open an output file ("-" or NULL is standard output); prints and returns NULL on error. */
FILE *cli_open_output(const char *path);
/* Flush and close it; returns CLI_OK or prints the error and returns CLI_OUTPUT. */
int cli_close_output(FILE *out, const char *path);

/* Write bytes as a JSON string literal, quotes included. */
void cli_json_string(FILE *out, const char *s, size_t len);

/* Name shown for a path in messages ("<stdin>" for "-"). */
const char *cli_display_name(const char *path);

/* Parse a language tag option; prints and returns CLI_USAGE when malformed. */
int cli_check_lang(const char *lang);

#endif
