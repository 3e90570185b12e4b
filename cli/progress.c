/* The selaras command's verbosity and progress line (see progress.h). The state is the
 * process's own: one command runs per process. A ticker thread redraws the line on a
 * terminal once a second so that a long library call (one alignment) still shows time
 * passing; a mutex keeps it and the messages of the main thread apart. */
#define _GNU_SOURCE
#include "progress.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct {
    enum cli_verbosity verbosity;
    enum cli_progress_mode mode;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t ticker;
    int ticker_running;
    int active;       /* a run is being shown */
    int stopping;     /* the ticker is to end */
    int tty;          /* standard error is a terminal */
    int drawn;        /* a line is on the terminal now */
    const char *what, *unit, *units, *stage;
    size_t total, done;
    double started, last_line;
} state = {
    .verbosity = CLI_NORMAL,
    .mode = CLI_PROGRESS_AUTO,
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .wake = PTHREAD_COND_INITIALIZER,
};

void cli_set_verbosity(enum cli_verbosity v) { state.verbosity = v; }
enum cli_verbosity cli_get_verbosity(void) { return state.verbosity; }
void cli_set_progress_mode(enum cli_progress_mode m) { state.mode = m; }

const char *cli_noun(size_t count, const char *one, const char *many)
{
    return count == 1 ? one : many;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "12 s", "3 min 04 s", "1 h 02 min" */
static void format_time(char *buf, size_t n, double seconds)
{
    long s = seconds < 0 ? 0 : (long)(seconds + 0.5);
    if (s < 60)
        snprintf(buf, n, "%ld s", s);
    else if (s < 3600)
        snprintf(buf, n, "%ld min %02ld s", s / 60, s % 60);
    else
        snprintf(buf, n, "%ld h %02ld min", s / 3600, s % 3600 / 60);
}

/* The line's text, without line end. Called with the lock held. */
static void compose(char *buf, size_t n, double t, int last)
{
    char elapsed[32], eta[32];
    double spent = t - state.started;
    format_time(elapsed, sizeof elapsed, spent);
    int len;
    if (state.total > 0)
        len = snprintf(buf, n, "selaras %s: %zu/%zu %s, %s", state.what, state.done,
                       state.total, cli_noun(state.total, state.unit, state.units), elapsed);
    else
        len = snprintf(buf, n, "selaras %s: %zu %s, %s", state.what, state.done,
                       cli_noun(state.done, state.unit, state.units), elapsed);
    if (len < 0 || (size_t)len >= n)
        return;
    if (!last && state.total > 0 && state.done > 0 && state.done < state.total) {
        format_time(eta, sizeof eta, spent / (double)state.done *
                                         (double)(state.total - state.done));
        int more = snprintf(buf + len, n - (size_t)len, ", about %s left", eta);
        if (more > 0)
            len += more;
    }
    if ((size_t)len < n) {
        if (last)
            snprintf(buf + len, n - (size_t)len, ", done");
        else if (state.stage != NULL)
            snprintf(buf + len, n - (size_t)len, " (%s)", state.stage);
    }
}

static void erase(void)
{
    if (state.drawn) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        state.drawn = 0;
    }
}

/* Draw the line now when it is due; force for a change that a log should show. Called
 * with the lock held. */
static void draw(int force, int last)
{
    if (!state.active)
        return;
    double t = now();
    char line[512];
    if (state.tty) {
        if (state.mode != CLI_PROGRESS_ON && t - state.started < 1.0)
            return;
        compose(line, sizeof line, t, last);
        fprintf(stderr, "\r\033[K%s", line);
        fflush(stderr);
        state.drawn = 1;
        return;
    }
    if (state.mode != CLI_PROGRESS_ON)
        return;
    if (!force && !last && t - state.last_line < 1.0)
        return;
    compose(line, sizeof line, t, last);
    fprintf(stderr, "%s\n", line);
    fflush(stderr);
    state.last_line = t;
}

static void *tick(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&state.lock);
    while (!state.stopping) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 1;
        pthread_cond_timedwait(&state.wake, &state.lock, &until);
        if (!state.stopping)
            draw(0, 0);
    }
    pthread_mutex_unlock(&state.lock);
    return NULL;
}

void cli_progress_start(const char *what, size_t total, const char *unit,
                        const char *units)
{
    if (state.active || state.mode == CLI_PROGRESS_OFF || state.verbosity == CLI_QUIET)
        return;
    int tty = isatty(STDERR_FILENO);
    if (!tty && state.mode != CLI_PROGRESS_ON)
        return;
    pthread_mutex_lock(&state.lock);
    state.tty = tty;
    state.what = what;
    state.unit = unit;
    state.units = units;
    state.stage = NULL;
    state.total = total;
    state.done = 0;
    state.started = now();
    state.last_line = state.started;
    state.active = 1;
    state.stopping = 0;
    state.drawn = 0;
    if (tty) /* without a ticker the line is drawn only at the calls below */
        state.ticker_running = pthread_create(&state.ticker, NULL, tick, NULL) == 0;
    draw(1, 0);
    pthread_mutex_unlock(&state.lock);
}

void cli_progress_stage(const char *stage)
{
    if (!state.active)
        return;
    pthread_mutex_lock(&state.lock);
    state.stage = stage;
    draw(1, 0);
    pthread_mutex_unlock(&state.lock);
}

void cli_progress_count(size_t done)
{
    if (!state.active)
        return;
    pthread_mutex_lock(&state.lock);
    state.done = done;
    draw(0, 0);
    pthread_mutex_unlock(&state.lock);
}

void cli_progress_done(void)
{
    if (!state.active)
        return;
    pthread_mutex_lock(&state.lock);
    state.stopping = 1;
    pthread_cond_signal(&state.wake);
    pthread_mutex_unlock(&state.lock);
    if (state.ticker_running)
        pthread_join(state.ticker, NULL);
    state.ticker_running = 0;
    pthread_mutex_lock(&state.lock);
    if (state.tty)
        erase();
    else
        draw(1, 1);
    state.active = 0;
    state.stage = NULL;
    pthread_mutex_unlock(&state.lock);
}

void cli_stderr_begin(void)
{
    pthread_mutex_lock(&state.lock);
    erase();
}

void cli_stderr_end(void)
{
    fflush(stderr);
    pthread_mutex_unlock(&state.lock);
}

static void say(const char *prefix, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void say(const char *prefix, const char *fmt, va_list ap)
{
    cli_stderr_begin();
    fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    cli_stderr_end();
}

void cli_info(const char *fmt, ...)
{
    if (state.verbosity == CLI_QUIET)
        return;
    va_list ap;
    va_start(ap, fmt);
    say("selaras: ", fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    if (state.verbosity == CLI_QUIET)
        return;
    va_list ap;
    va_start(ap, fmt);
    say("selaras: warning: ", fmt, ap);
    va_end(ap);
}

void cli_verbose(const char *fmt, ...)
{
    if (state.verbosity < CLI_VERBOSE)
        return;
    va_list ap;
    va_start(ap, fmt);
    say("selaras: ", fmt, ap);
    va_end(ap);
}
