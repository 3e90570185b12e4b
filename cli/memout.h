/* What every command that writes a memory file shares: --merge, --force and
 * --lock-timeout, the refusal to replace a memory by accident, and the writer flags and
 * lock that follow from them. */
#ifndef SELARAS_CLI_MEMOUT_H
#define SELARAS_CLI_MEMOUT_H

#include <stddef.h>

#include "selaras.h"

typedef struct cli_memout {
    int merge;           /* --merge: add to the memory at the output */
    int force;           /* --force: replace it, even read-only */
    double lock_timeout; /* --lock-timeout SECONDS */
    int reads_output;    /* set by cli_memout_check(): the output is one of the inputs */
} cli_memout;

#define CLI_MEMOUT_INIT {0, 0, 30, 0}

/* The long options' values, for getopt_long tables: */
enum { CLI_OPT_FORCE = 0x100, CLI_OPT_LOCK_TIMEOUT = 0x101, CLI_OPT_KEEP_IDENTICAL = 0x102 };

/* Take --force or --lock-timeout (c as getopt_long returned it); 1 when c was one of them
 * (*rc then CLI_OK or CLI_USAGE after a message), 0 when not. */
int cli_memout_option(cli_memout *mo, int c, const char *arg, int *rc);

/* Before any work: refuse an output file that is already there unless --merge or --force
 * (or it is one of inputs[0..n), which a merge reads), and a read-only one unless --force.
 * can_merge is 0 for outputs that are not memories. Returns CLI_OK, or prints one line
 * and returns CLI_OUTPUT. NULL and "-" (standard output) always pass. */
int cli_memout_check(cli_memout *mo, const char *output, int can_merge,
                     const char *const *inputs, size_t n);

/* Set the writer's flags (flags plus what --merge and --force mean; NO_REPLACE unless
 * one of them is given or the output is read as an input) and lock timeout, then take its
 * lock (which reads the memory with --merge). Prints and returns an exit code on failure;
 * shown names the output. */
int cli_memout_start(selaras_writer *w, const cli_memout *mo, unsigned flags,
                     const char *shown);

#endif
