/* Shared output policy of the selaras command: how talkative it is (--quiet, --verbose)
 * and a progress line for long runs (--progress, --no-progress).
 *
 * The options are taken out of argv by cli_take_common_options() in cli.c before a
 * command parses its own, so every command accepts them in any position.
 *
 * The progress line goes to standard error, never to standard output. By default it is
 * drawn only when standard error is a terminal, not --quiet, and the run has lasted a
 * second; it is redrawn in place and erased at the end. --progress forces it on: on a
 * terminal it is drawn at once, elsewhere (a log file) each change is one line, at most
 * one a second plus the last. Messages printed with cli_error() and the cli_info() family
 * erase the line first, so they never mix with it. */
#ifndef SELARAS_CLI_PROGRESS_H
#define SELARAS_CLI_PROGRESS_H

#include <stddef.h>

/* How much the command says on standard error besides errors. */
enum cli_verbosity {
    CLI_QUIET = -1,  /* errors only: no summaries, warnings or progress */
    CLI_NORMAL = 0,  /* errors, warnings and one summary line */
    CLI_VERBOSE = 1  /* also what was read and how long each step took */
};

/* Whether the progress line is drawn. */
enum cli_progress_mode {
    CLI_PROGRESS_AUTO = 0, /* on a terminal, after a second, unless --quiet */
    CLI_PROGRESS_ON,       /* --progress */
    CLI_PROGRESS_OFF       /* --no-progress */
};

void cli_set_verbosity(enum cli_verbosity v);
enum cli_verbosity cli_get_verbosity(void);
void cli_set_progress_mode(enum cli_progress_mode m);

/* "selaras: message" on standard error unless --quiet (summaries). */
void cli_info(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* "selaras: warning: message" on standard error unless --quiet. */
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* "selaras: message" on standard error with --verbose only. */
void cli_verbose(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Hold standard error for a message: erases a drawn progress line and keeps the ticker
 * from drawing until cli_stderr_end(). Used by every message function. */
void cli_stderr_begin(void);
void cli_stderr_end(void);

/* Start the progress of one run. what names the command ("align"), unit the things
 * counted, singular and plural ("file", "files"); total is how many there are, 0 when
 * unknown. Only one run is shown at a time: a second start while one is active is
 * ignored (its calls do nothing). */
void cli_progress_start(const char *what, size_t total, const char *unit,
                        const char *units);
/* What the run is doing now ("segmenting SOURCE"); the string must stay valid until
 * the next call or cli_progress_done(). NULL for nothing. */
void cli_progress_stage(const char *stage);
/* How many of the things are done. */
void cli_progress_count(size_t done);
/* The end of the run: the line is erased (on a terminal) or a last line is written. */
void cli_progress_done(void);

/* one for a count of 1, many otherwise: printf("%zu %s", n, cli_noun(n, "unit", "units")). */
const char *cli_noun(size_t count, const char *one, const char *many);

#endif
