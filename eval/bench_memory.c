/* make bench-memory: the memory commands as whole processes on a large memory (200,000
 * units by default, BENCH_UNITS to change): tmx convert, tmx merge (one input, and the
 * memory merged with itself: every unit a duplicate), adding 10 units to the memory, align
 * --merge of one small pair into it, and tmx stats (the reader alone, the floor every
 * command pays). For each: wall and CPU time, MB/s of input and peak memory (ru_maxrss of
 * the child, from wait4), the median of BENCH_RUNS runs (3).
 *
 * usage: bench_memory SELARAS [BASELINE_SELARAS]
 * With a second binary (an older build, e.g. make bench-memory BASELINE=/path/selaras)
 * every command runs with both, alternating, in the same run, and the ratios new/old are
 * printed. Both are given the same arguments, so the baseline must know them (the
 * commands here use no option newer than the memory itself as an input of tmx merge). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "selaras.h"

static char dir[64];

_Noreturn static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bench_memory: %s: %s\n", what, detail ? detail : "failed");
    exit(1);
}

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* dir/name, allocated (a few dozen, kept to the end). */
static const char *in_dir(const char *name)
{
    char path[160];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *copy = strdup(path);
    if (copy == NULL)
        die("strdup", NULL);
    return copy;
}

static const char *const ID[] = {"pemerintah", "provinsi", "membuka", "pelatihan", "kerja",
                                 "gratis", "bagi", "warga", "Jakarta", "pendaftaran",
                                 "peserta", "menerima", "uang", "harian", "kota", "baru"};
static const char *const EN[] = {"the", "provincial", "government", "opens", "free", "job",
                                 "training", "for", "residents", "of", "Jakarta",
                                 "registration", "participants", "receive", "daily", "money"};

/* A sentence of 12 words from words (16 of them) and the number i, into buf. */
static size_t sentence(char *buf, size_t cap, const char *const *words, unsigned *seed,
                       size_t i)
{
    size_t k = 0;
    for (int w = 0; w < 12; w++) {
        *seed = *seed * 1103515245u + 12345u;
        k += (size_t)snprintf(buf + k, cap - k, "%s%s", w ? " " : "", words[(*seed >> 16) % 16]);
    }
    k += (size_t)snprintf(buf + k, cap - k, " %zu.", i);
    return k;
}

/* A memory of n units (first numbered from), as selaras align writes them. */
static void make_memory(const char *path, size_t n, size_t from)
{
    selaras_writer *w;
    selaras_error err;
    if (selaras_writer_new(&w, SELARAS_FORMAT_TMX, path, NULL, "id", "en", NULL, &err) !=
            SELARAS_OK ||
        selaras_writer_set_time(w, 1700000000LL, &err) != SELARAS_OK)
        die(path, err.message);
    selaras_unit *u;
    if (selaras_unit_new(&u, NULL, &err) != SELARAS_OK)
        die("unit", err.message);
    unsigned seed = (unsigned)from + 7;
    char s[512], t[512], score[16];
    for (size_t i = from; i < from + n; i++) {
        size_t sl = sentence(s, sizeof s, ID, &seed, i), tl = sentence(t, sizeof t, EN, &seed, i);
        snprintf(score, sizeof score, "0.%04u", (seed >> 8) % 10000);
        selaras_unit_clear(u);
        if (selaras_unit_set_attr(u, SELARAS_UNIT_WHOLE, "creationdate", "20231114T221320Z",
                                  &err) != SELARAS_OK ||
            selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-bead", NULL, "1-1", 3, &err) ||
            selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-score", NULL, score,
                                  strlen(score), &err) ||
            selaras_unit_add_variant(u, "id", s, sl, &err) ||
            selaras_unit_add_variant(u, "en", t, tl, &err) ||
            selaras_writer_add_unit(w, u, &err) != SELARAS_OK)
            die(path, err.message);
    }
    selaras_unit_free(u);
    if (selaras_writer_close(w, &err) != SELARAS_OK)
        die(path, err.message);
    selaras_writer_free(w);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0)
        die(path, "cannot write");
}

static void copy_file(const char *from, const char *to)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
    if (system(cmd) != 0)
        die(cmd, NULL);
}

typedef struct run {
    double wall, cpu;
    long peak_kib;
} run;

/* Run argv (argv[0] the binary) with standard output and error to /dev/null. */
static run run_child(char *const *argv)
{
    double t0 = wall();
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2 + (getenv("BENCH_STDERR") != NULL));
        }
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) != pid)
        die(argv[0], "wait4");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_memory: %s %s %s: exit %d\n", argv[0], argv[1], argv[2],
                WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        exit(1);
    }
    run r = {wall() - t0,
             (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
                 (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6,
             ru.ru_maxrss};
    return r;
}

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : 0;
}

enum { MAX_RUNS = 9 };

/* One command, the median over runs of each figure, for each binary. */
typedef struct figures {
    double wall, cpu, peak_mb;
} figures;

/* What each command needs before a run (a fresh copy of the memory, no output file). */
typedef void (*setup_fn)(void);

static void fresh_outputs(void)
{
    unlink(in_dir("out.tsv"));
    unlink(in_dir("out.tmx"));
}

static void fresh_copy(void)
{
    copy_file(in_dir("big.tmx"), in_dir("copy.tmx"));
}

static void measure(const char *label, const char *const *args, setup_fn setup,
                    const char *const *bins, int nbins, int runs, long input_bytes)
{
    figures f[2];
    double w[2][MAX_RUNS], c[2][MAX_RUNS], m[2][MAX_RUNS];
    for (int i = 0; i < runs; i++)
        for (int b = 0; b < nbins; b++) { /* alternating, so that load hits both alike */
            char *argv[16];
            int n = 0;
            argv[n++] = (char *)bins[b];
            for (; args[n - 1] != NULL && n < 15; n++)
                argv[n] = (char *)args[n - 1];
            argv[n] = NULL;
            setup();
            run r = run_child(argv);
            w[b][i] = r.wall;
            c[b][i] = r.cpu;
            m[b][i] = r.peak_kib / 1024.0;
        }
    for (int b = 0; b < nbins; b++) {
        qsort(w[b], (size_t)runs, sizeof(double), by_double);
        qsort(c[b], (size_t)runs, sizeof(double), by_double);
        qsort(m[b], (size_t)runs, sizeof(double), by_double);
        f[b] = (figures){w[b][runs / 2], c[b][runs / 2], m[b][runs / 2]};
        double mbs = f[b].cpu > 0 ? input_bytes / 1048576.0 / f[b].cpu : 0;
        printf("%-34s %-8s %8.2f %8.2f %9.1f %9.1f\n", b == 0 ? label : "",
               b == 0 ? "new" : "baseline", f[b].wall, f[b].cpu, mbs, f[b].peak_mb);
    }
    if (nbins == 2)
        printf("%-34s %-8s %7.2fx %7.2fx %9s %8.3fx\n", "", "new/base", f[0].wall / f[1].wall,
               f[0].cpu / f[1].cpu, "", f[0].peak_mb / f[1].peak_mb);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3)
        die("usage", "bench_memory SELARAS [BASELINE_SELARAS]");
    const char *bins[2] = {argv[1], argc == 3 ? argv[2] : NULL};
    int nbins = argc == 3 && argv[2][0] != '\0' ? 2 : 1;
    const char *e = getenv("BENCH_UNITS");
    size_t units = e != NULL ? (size_t)strtoul(e, NULL, 10) : 200000;
    e = getenv("BENCH_RUNS");
    int runs = e != NULL ? atoi(e) : 3;
    if (runs < 1 || runs > MAX_RUNS)
        runs = 3;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/selaras-bench-XXXXXX",
             tmp != NULL && strlen(tmp) < 32 ? tmp : "/tmp");
    if (mkdtemp(dir) == NULL)
        die("mkdtemp", dir);
    double t0 = wall();
    make_memory(in_dir("big.tmx"), units, 0);
    make_memory(in_dir("ten.tmx"), 10, units);
    write_text(in_dir("pair.id"), "Gubernur membuka pelatihan kerja gratis.\n"
                                  "Pendaftaran dibuka sampai Jumat.\n");
    write_text(in_dir("pair.en"), "The governor opens free job training.\n"
                                  "Registration is open until Friday.\n");
    long big = file_size(in_dir("big.tmx"));
    printf("bench-memory: %zu units, %.1f MB of TMX (made in %.1f s), %d runs each, "
           "median;\n%s%s\n", units, big / 1048576.0, wall() - t0, runs,
           nbins == 2 ? "baseline: " : "no baseline binary (BASELINE=...)",
           nbins == 2 ? bins[1] : "");
    printf("%-34s %-8s %8s %8s %9s %9s\n", "command", "binary", "wall s", "cpu s",
           "MB/s cpu", "peak MB");
    const char *stats[] = {"tmx", "stats", in_dir("big.tmx"), NULL};
    measure("tmx stats (the reader alone)", stats, fresh_outputs, bins, nbins, runs, big);
    const char *convert[] = {"tmx", "convert", "--format", "tsv", "-o", in_dir("out.tsv"),
                             in_dir("big.tmx"), NULL};
    measure("tmx convert --format tsv", convert, fresh_outputs, bins, nbins, runs, big);
    const char *merge[] = {"tmx", "merge", "-o", in_dir("out.tmx"), in_dir("big.tmx"), NULL};
    measure("tmx merge (1 input)", merge, fresh_outputs, bins, nbins, runs, big);
    const char *twice[] = {"tmx", "merge", "-o", in_dir("out.tmx"), in_dir("big.tmx"),
                           in_dir("big.tmx"), NULL};
    measure("tmx merge (itself twice: dupes)", twice, fresh_outputs, bins, nbins, runs,
            2 * big);
    const char *add10[] = {"tmx", "merge", "-o", in_dir("copy.tmx"), in_dir("copy.tmx"),
                           in_dir("ten.tmx"), NULL};
    measure("add 10 units (tmx merge)", add10, fresh_copy, bins, nbins, runs, big);
    const char *align[] = {"align", "--presegmented", "--format", "tmx", "--merge", "-o",
                           in_dir("copy.tmx"), in_dir("pair.id"), in_dir("pair.en"), NULL};
    measure("add 1 pair (align --merge)", align, fresh_copy, bins, nbins, runs, big);
    printf("MB/s: input megabytes per CPU second. Peak: the child's maximum resident set.\n");
    const char *names[] = {"big.tmx", "ten.tmx", "copy.tmx", "out.tsv", "out.tmx", "pair.id",
                           "pair.en"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        unlink(in_dir(names[i]));
    rmdir(dir);
    return 0;
}
