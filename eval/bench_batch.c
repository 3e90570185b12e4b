/* make bench-pair, batch part: pairs a second of selaras_batch on 1 and 2 jobs, in the
 * library and as one `selaras batch` process, against one `selaras align` process per pair
 * in the same run; and peak memory at 100 and 2,000 pairs (it must stay flat). The pairs
 * are LibreOffice help paragraphs (../shared/data/paragraphs), 8 paragraph pairs a
 * document, every document different, written to a temporary folder. Each measurement runs
 * in a child process of its own, so that its peak RSS (wait4) is its alone. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "json.h"
#include "selaras.h"

#define PARAS 8
#define MAX_PAIRS 2000
#define ALIGN_PROCESSES 60

static char dir[64];

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "bench_batch: cannot write %s\n", path);
        exit(2);
    }
}

/* Cut the LibreOffice paragraphs into documents of PARAS paragraph pairs; returns how many
 * pairs were written (pair k: DIR/k.id, DIR/k.en) and the list DIR/pairs.tsv. */
static size_t make_pairs(const char *data)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/paragraphs/libreoffice-help.paras.tsv", data);
    char *text = json_read_file(path, NULL);
    if (text == NULL) {
        fprintf(stderr, "bench_batch: cannot read %s\n", path);
        exit(2);
    }
    snprintf(path, sizeof path, "%s/pairs.tsv", dir);
    FILE *list = fopen(path, "w");
    if (list == NULL)
        exit(2);
    size_t npairs = 0, nparas = 0, cap = 1 << 16;
    char *id = malloc(cap), *en = malloc(cap);
    size_t idn = 0, enn = 0;
    char *line = strchr(text, '\n');
    while (line != NULL && npairs < MAX_PAIRS) {
        line++;
        char *end = strchr(line, '\n');
        if (end != NULL)
            *end = '\0';
        char *f[4] = {line, NULL, NULL, NULL};
        for (int k = 1; k < 4 && f[k - 1] != NULL; k++)
            if ((f[k] = strchr(f[k - 1], '\t')) != NULL)
                *f[k]++ = '\0';
        if (f[3] != NULL && strlen(f[2]) + idn + 2 < cap && strlen(f[3]) + enn + 2 < cap) {
            idn += (size_t)sprintf(id + idn, "%s\n", f[2]);
            enn += (size_t)sprintf(en + enn, "%s\n", f[3]);
            if (++nparas == PARAS) {
                char a[128], b[128];
                snprintf(a, sizeof a, "%s/%zu.id", dir, npairs);
                snprintf(b, sizeof b, "%s/%zu.en", dir, npairs);
                write_file(a, id, idn);
                write_file(b, en, enn);
                fprintf(list, "%s\t%s\n", a, b);
                npairs++;
                nparas = idn = enn = 0;
            }
        }
        line = end;
    }
    fclose(list);
    free(id);
    free(en);
    free(text);
    return npairs;
}

/* The first n lines of DIR/pairs.tsv as DIR/pairs-N.tsv. */
static void list_of(size_t n, char *out, size_t size)
{
    char path[128];
    snprintf(path, sizeof path, "%s/pairs.tsv", dir);
    snprintf(out, size, "%s/pairs-%zu.tsv", dir, n);
    FILE *in = fopen(path, "r"), *o = fopen(out, "w");
    char line[512];
    for (size_t k = 0; k < n && in != NULL && o != NULL && fgets(line, sizeof line, in); k++)
        fputs(line, o);
    if (in == NULL || o == NULL)
        exit(2);
    fclose(in);
    fclose(o);
}

typedef struct measure {
    double wall, cpu;   /* seconds: elapsed, and user + system of the child */
    long rss_kb;
} measure;

/* The library's batch over the first n pairs on jobs threads, in this (child) process. */
static int library_batch(size_t n, unsigned jobs)
{
    selaras_lexicon *lex;
    selaras_model *md;
    selaras_batch *b;
    selaras_writer *w;
    selaras_error err;
    char out[128];
    snprintf(out, sizeof out, "%s/lib-%zu-%u.tmx", dir, n, jobs);
    if (selaras_lexicon_new(&lex, "id", "en", NULL, &err) != SELARAS_OK)
        return 1;
    selaras_lexicon_load_default(lex, &err);
    if (selaras_model_new(&md, "id", "en", lex, NULL, &err) != SELARAS_OK ||
        selaras_batch_new(&b, md, NULL, &err) != SELARAS_OK ||
        selaras_writer_new(&w, SELARAS_FORMAT_TMX, out, NULL, "id", "en", NULL, &err) !=
            SELARAS_OK)
        return 1;
    for (size_t k = 0; k < n; k++) {
        char a[128], t[128];
        snprintf(a, sizeof a, "%s/%zu.id", dir, k);
        snprintf(t, sizeof t, "%s/%zu.en", dir, k);
        if (selaras_batch_add(b, a, t, &err) != SELARAS_OK)
            return 1;
    }
    if (selaras_batch_set_jobs(b, jobs, &err) != SELARAS_OK ||
        selaras_batch_run(b, w, &err) != SELARAS_OK || selaras_writer_close(w, &err) != SELARAS_OK) {
        fprintf(stderr, "bench_batch: %s\n", err.message);
        return 1;
    }
    size_t aligned = 0;
    for (size_t k = 0; k < n; k++)
        aligned += selaras_batch_outcome_of(b, k) == SELARAS_BATCH_ALIGNED;
    if (aligned * 10 < n * 9)
        fprintf(stderr, "bench_batch: only %zu of %zu pairs aligned\n", aligned, n);
    selaras_writer_free(w);
    selaras_batch_free(b);
    selaras_model_free(md);
    selaras_lexicon_free(lex);
    return 0;
}

/* Run fn(n, jobs) in a child, or exec argv when fn is NULL; wall time and peak RSS. */
static measure in_child(int (*fn)(size_t, unsigned), size_t n, unsigned jobs, char **argv)
{
    double t0 = now();
    pid_t pid = fork();
    if (pid == 0) {
        if (fn != NULL)
            _exit(fn(n, jobs));
        freopen("/dev/null", "w", stderr);
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
        (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 5)) {
        fprintf(stderr, "bench_batch: a measurement failed\n");
        exit(2);
    }
    measure m = {now() - t0,
                 (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
                     (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6,
                 ru.ru_maxrss};
    return m;
}

static measure cli_batch(const char *cli, size_t n, unsigned jobs)
{
    char list[128], out[128], j[16];
    list_of(n, list, sizeof list);
    snprintf(out, sizeof out, "%s/cli-%zu-%u.tmx", dir, n, jobs);
    snprintf(j, sizeof j, "%u", jobs);
    char *argv[] = {(char *)cli, "batch", "-q", "--force", "--jobs", j, "--pairs", list, "-o",
                    out, NULL};
    return in_child(NULL, 0, 0, argv);
}

/* One `selaras align --format tmx` process per pair, for the first n pairs. */
static measure align_processes(const char *cli, size_t n)
{
    measure total = {0, 0, 0};
    for (size_t k = 0; k < n; k++) {
        char a[128], t[128], out[128];
        snprintf(a, sizeof a, "%s/%zu.id", dir, k);
        snprintf(t, sizeof t, "%s/%zu.en", dir, k);
        snprintf(out, sizeof out, "%s/align-%zu.tmx", dir, k);
        char *argv[] = {(char *)cli, "align", "-q", "--force", "--format", "tmx", "-o", out, a, t,
                        NULL};
        measure m = in_child(NULL, 0, 0, argv);
        total.wall += m.wall;
        total.cpu += m.cpu;
        if (m.rss_kb > total.rss_kb)
            total.rss_kb = m.rss_kb;
    }
    return total;
}

int main(int argc, char **argv)
{
    const char *data = argc > 1 ? argv[1] : "../shared/data";
    const char *cli = argc > 2 ? argv[2] : "./selaras";
    snprintf(dir, sizeof dir, "/tmp/selaras-bench-batch-XXXXXX");
    if (mkdtemp(dir) == NULL)
        return 2;
    size_t n = make_pairs(data);
    size_t small = n < 100 ? n : 100;
    printf("Batch: LibreOffice help, %zu document pairs of %d paragraphs, FreeDict id-en\n", n,
           PARAS);
    measure base = align_processes(cli, ALIGN_PROCESSES);
    double base_rate = ALIGN_PROCESSES / base.wall;
    double base_cpu = ALIGN_PROCESSES / base.cpu;
    printf("  %-44s %8s %10s %9s %10s %9s\n", "", "pairs", "pairs/s", "x align", "pairs/cpu-s",
           "peak MB");
    printf("  %-44s %8d %10.1f %9.2f %10.1f %9.1f\n",
           "baseline: one `selaras align` process a pair", ALIGN_PROCESSES, base_rate, 1.0,
           base_cpu, base.rss_kb / 1024.0);
    static const struct {
        const char *name;
        int cli;
        unsigned jobs;
        int big;
    } runs[] = {{"library, 1 job", 0, 1, 0},       {"library, 1 job", 0, 1, 1},
                {"library, 2 jobs", 0, 2, 0},      {"library, 2 jobs", 0, 2, 1},
                {"`selaras batch --pairs`, 1 job", 1, 1, 0},
                {"`selaras batch --pairs`, 1 job", 1, 1, 1},
                {"`selaras batch --pairs`, 2 jobs", 1, 2, 1}};
    double rate[7];
    long rss[7];
    for (size_t r = 0; r < sizeof runs / sizeof *runs; r++) {
        size_t np = runs[r].big ? n : small;
        measure m = runs[r].cli ? cli_batch(cli, np, runs[r].jobs)
                                : in_child(library_batch, np, runs[r].jobs, NULL);
        rate[r] = (double)np / m.wall;
        rss[r] = m.rss_kb;
        printf("  %-44s %8zu %10.1f %9.2f %10.1f %9.1f\n", runs[r].name, np, rate[r],
               rate[r] / base_rate, (double)np / m.cpu, m.rss_kb / 1024.0);
    }
    printf("  one job against one align process a pair: library %.1fx, CLI %.1fx (target >= 10x)\n",
           rate[1] / base_rate, rate[5] / base_rate);
    double load[3];
    int nl = getloadavg(load, 3);
    printf("  2 jobs against 1 (%zu pairs): library %.2fx, CLI %.2fx (target >= 1.7x; %ld cores,\n"
           "    load average %.1f during the run: wall-clock gains need idle cores)\n", n,
           rate[3] / rate[1], rate[6] / rate[5], sysconf(_SC_NPROCESSORS_ONLN),
           nl > 0 ? load[0] : -1.0);
    printf("  peak memory, %zu pairs against %zu: library %.2fx, CLI %.2fx (flat: about 1x)\n", n,
           small, (double)rss[1] / (double)rss[0], (double)rss[5] / (double)rss[4]);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : 2;
}
