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
    CLI_OUTPUT = 3,
    CLI_NOT_PARALLEL = 4, /* the documents do not look like translations */
    CLI_SKIPPED = 5       /* finished, but something was skipped (batch, pair) */
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
int cmd_eval(int argc, char **argv);
int cmd_pair(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_batch(int argc, char **argv);

/* Parse an output format name (tmx, tsv, jsonl, plain); returns CLI_USAGE (nothing
 * printed: the caller words the usage error) when unknown. */
int cli_parse_format(const char *name, selaras_format *format);

/* "selaras: message" on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Take --quiet/-q, --verbose/-v, --progress and --no-progress out of argv (anywhere
 * before "--"), setting the policy of progress.h; *argc is updated and argv stays NULL
 * terminated. Called once by main, so every command accepts them. Returns CLI_OK. */
int cli_take_common_options(int *argc, char **argv);
/* The paragraph on those options, for each command's --help. */
void cli_common_usage(FILE *out);

/* The argument-error style: "selaras: COMMAND: what is wrong" in one line, then the
 * command's synopsis (the "usage:" lines of its help) and where to read more. Returns
 * CLI_USAGE. command is as typed after "selaras" ("align", "tmx stats"). */
int cli_usage_error(void (*usage)(FILE *out), const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* For getopt_long's '?' (it has printed its one line): the synopsis. Returns CLI_USAGE. */
int cli_bad_option(void (*usage)(FILE *out), const char *command);
/* The synopsis of a help text and "Run 'selaras COMMAND --help' for more." */
void cli_short_usage(FILE *out, void (*usage)(FILE *out), const char *command);

/* "selaras: FILE:LINE:COL: message" (or "selaras: FILE: message" without a position). */
void cli_report(const char *file, const selaras_error *err);

/* Read a whole file ("-" is standard input) into a malloc'ed buffer. Prints the error and
 * returns CLI_INPUT on failure. */
int cli_read_file(const char *path, char **data, size_t *len);

/* Read a file and make a document of it. Prints errors; returns an exit code. */
int cli_load_doc(const char *path, const char *lang, unsigned flags, selaras_doc **doc);

/* A text output: standard output, a device or pipe written directly, or a regular file
 * written through a temporary file beside it that replaces the file only when everything
 * was written (a symbolic link stays; the file it points to is replaced). */
typedef struct cli_output {
    FILE *fp;
    const char *path;   /* as given; NULL or "-" for standard output */
    char *target;       /* the file replaced at close (the link's target), or NULL */
    char *tmp;          /* the temporary file, or NULL when written directly */
} cli_output;

/* Open an output ("-" or NULL is standard output); prints the error and returns CLI_OUTPUT
 * on failure (o is then closed). */
int cli_open_output(cli_output *o, const char *path);
/* Flush and close it; on success renames the temporary file over the target. Returns
 * CLI_OK, or prints the error, removes the temporary file and returns CLI_OUTPUT. With
 * rc other than CLI_OK the output is discarded (the target is left as it was) and rc is
 * returned. */
int cli_close_output(cli_output *o, int rc);

/* Flush standard output at the end of a command that succeeded: CLI_OK, or prints
 * "selaras: standard output: write error: ..." and returns CLI_OUTPUT. */
int cli_finish_stdout(void);

/* A temporary folder holding one file: standard input saved to be read by path, or a
 * memory written by the library before it is copied to standard output. */
typedef struct cli_spool {
    char dir[4096];
    char path[4096 + 8];
} cli_spool;

/* Make the folder (in $TMPDIR or /tmp); path names the file in it (not yet created).
 * Prints and returns CLI_OUTPUT on failure. */
int cli_spool_make(cli_spool *sp);
/* Remove the file and the folder; an empty spool is left alone. */
void cli_spool_remove(cli_spool *sp);

/* Where a command that writes a memory writes: output itself, or for NULL or "-" a spool
 * file that cli_memory_output_end() copies to standard output. Returns CLI_OK or prints
 * and returns an exit code. */
int cli_memory_output_begin(const char *output, cli_spool *sp, const char **path);
/* With rc CLI_OK and a spool, copy it to standard output (nothing is written to standard
 * output otherwise); always removes the spool. Returns rc, or CLI_OUTPUT on a write error. */
int cli_memory_output_end(cli_spool *sp, int rc);

/* For an input that the library reads by name: "-" saves standard input in a spool and
 * sets *path to its file; any other name is passed through. Returns CLI_OK, or prints and
 * returns CLI_INPUT (standard input cannot be read) or CLI_OUTPUT (no spool). */
int cli_input_path(const char *name, cli_spool *sp, const char **path);

/* 1 when more than one of names[0..n) is "-" (standard input can be read once), after
 * printing a usage error. */
int cli_stdin_twice(const char *const *names, size_t n);

/* Write bytes as a JSON string literal, quotes included. */
void cli_json_string(FILE *out, const char *s, size_t len);
/* Write bytes escaped as inside a JSON string literal, without quotes, so that a string
 * can be written in pieces. */
void cli_json_piece(FILE *out, const char *s, size_t len);

/* Exit code for a failure to set something up from the options (a segmenter, lexicon or
 * writer): CLI_USAGE for a bad language or argument, CLI_OUTPUT for a file that cannot be
 * made, CLI_INPUT otherwise (out of memory), as for reading an input. */
int cli_setup_failure(selaras_status st);

/* 1 when arg asks for help (--help or -h). */
int cli_is_help(const char *arg);

/* The start of a command that takes a command word: without one, usage on standard error
 * and CLI_USAGE; for --help, usage on standard output and CLI_OK; otherwise -1 (go on). */
int cli_no_command(int argc, char **argv, void (*usage)(FILE *out));

/* Name shown for an output in messages ("standard output" for NULL or "-"). */
const char *cli_output_name(const char *path);

/* Name shown for a path in messages ("<stdin>" for "-"). */
const char *cli_display_name(const char *path);

/* A lexicon for from -> to: the FreeDict dictionary of the pair when it is installed,
 * plus the dictionaries given (each may be "-"). Prints errors; returns an exit code (*lex
 * may be set on failure too: free it). */
int cli_load_lexicon(const char *from, const char *to, const char *const *dicts, size_t ndicts,
                     selaras_lexicon **lex);

/* Parse a language tag option; prints and returns CLI_USAGE when malformed. */
int cli_check_lang(const char *lang);

/* ---- issue 16: one wording per I/O error, presegmented input, summaries ---- */

/* What failed on a file. */
enum cli_io { CLI_IO_READ, CLI_IO_WRITE, CLI_IO_FOLDER /* reading a folder's list */ };

/* The one wording of each I/O error: "selaras: FILE: cannot read: REASON" or "selaras:
 * FILE: cannot write: REASON". REASON is strerror(errnum), "no such file", or "no such
 * folder: DIR" when the folder that would hold FILE is missing (for CLI_IO_FOLDER, "no
 * such folder: FILE" when FILE itself is, and "not a folder"). With errnum 0 (a library
 * call failed) the reason is found by looking at the file system, and detail (or
 * "input/output error") is said when that finds nothing. Returns CLI_INPUT for reading,
 * CLI_OUTPUT for writing. */
int cli_io_error(const char *path, enum cli_io what, int errnum, const char *detail);
/* A library error about a file: an ::SELARAS_ERR_IO one as cli_io_error() words it,
 * anything else as cli_report(). Returns CLI_INPUT or CLI_OUTPUT as cli_io_error() for
 * I/O, CLI_INPUT otherwise. */
int cli_report_file(const char *path, enum cli_io what, const selaras_error *err);

/* The error for a wrong number of operands (given, from operands; min..max expected,
 * named by what: "SOURCE and TARGET"): one line saying what is missing or which is one
 * too many, then the synopsis. Returns CLI_USAGE. */
int cli_operand_count(void (*usage)(FILE *out), const char *command, char **operands,
                      int given, int min, int max, const char *what);

/* align --presegmented: the segments of a file of one segment a line, either plain lines
 * or the JSON Lines of "selaras segment --format jsonl" (kinds kept); says which with
 * --verbose and refuses JSON-looking lines of another schema. Prints errors; returns an
 * exit code. */
int cli_load_presegmented(const char *path, const char *lang, selaras_segments **out);

/* A warning (cli_warn) when a document gave no segments. */
void cli_warn_empty(const char *path, const selaras_segments *segs);

/* "N units written to SHOWN (9 boilerplate lines, 2 one-sided beads left out; 1
 * duplicate collapsed)": the summary of a memory written from an alignment (cli_info). */
void cli_align_summary(const selaras_writer *w, const selaras_segments *src,
                       const selaras_segments *tgt, const selaras_alignment *a,
                       const char *shown);

/* tmx stats [--format text|json] FILE.tmx (argv[0] is "stats"); usage is tmx's help. */
int cli_tmx_stats(int argc, char **argv, void (*usage)(FILE *out));

#endif
