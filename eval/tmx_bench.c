/* make bench-tmx: write and read speed of TMX, and the reader's peak memory on a small
 * and a 10x larger file.
 *
 * Baselines measured in the same run: for writing, libxml2's xmlTextWriter writing the same
 * units; for reading, libxml2's xmlTextReader walking every node and doing
 * nothing else (the parser floor). Peak memory is the maximum resident set of a fresh
 * process that reads the file (this program re-run with --read). */
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

#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "selaras.h"

/* CPU time of this process: the machine is shared, and wall time swings with the load of
 * other processes; wall time is printed too. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double wall_write, wall_read;

static void die(const char *what, const selaras_error *err)
{
    fprintf(stderr, "tmx_bench: %s: %s\n", what, err ? err->message : "failed");
    exit(1);
}

static const char *const ID_WORDS[] = {"pemerintah", "provinsi", "membuka", "pelatihan",
                                       "kerja", "gratis", "bagi", "warga", "Jakarta",
                                       "pendaftaran", "peserta", "menerima", "uang", "harian"};
static const char *const EN_WORDS[] = {"the", "government", "opened", "free", "job",
                                       "training", "for", "residents", "of", "Jakarta",
                                       "registration", "participants", "receive", "money"};

/* A sentence of 14 words picked from the list by the unit number. */
static size_t sentence(char *out, const char *const *words, size_t i)
{
    size_t n = 0;
    unsigned long x = i * 2654435761UL + 12345;
    for (int w = 0; w < 14; w++) {
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        const char *word = words[(x >> 33) % 14];
        if (w > 0)
            out[n++] = ' ';
        size_t len = strlen(word);
        memcpy(out + n, word, len);
        n += len;
    }
    out[n++] = ' ';
    char digits[24];
    size_t d = 0;
    do {
        digits[d++] = (char)('0' + i % 10);
        i /= 10;
    } while (i > 0);
    while (d > 0)
        out[n++] = digits[--d];
    out[n++] = '.';
    return n;
}

static double write_file(const char *path, size_t units)
{
    selaras_writer *w;
    selaras_unit *u;
    selaras_error err;
    if (selaras_writer_new(&w, SELARAS_FORMAT_TMX, path, NULL, "id", "en", NULL, &err) ||
        selaras_unit_new(&u, NULL, &err))
        die("writer", &err);
    char id[512], en[512];
    double t0 = now(), w0 = wall();
    for (size_t i = 0; i < units; i++) {
        selaras_unit_clear(u);
        size_t ni = sentence(id, ID_WORDS, i), ne = sentence(en, EN_WORDS, i);
        if (selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-score", NULL, "0.8125", 6, &err) ||
            selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-bead", NULL, "1-1", 3, &err) ||
            selaras_unit_add_variant(u, "id", id, ni, &err) ||
            selaras_unit_add_variant(u, "en", en, ne, &err) ||
            selaras_writer_add_unit(w, u, &err))
            die("add", &err);
    }
    if (selaras_writer_close(w, &err))
        die("close", &err);
    double t = now() - t0;
    wall_write = wall() - w0;
    selaras_writer_free(w);
    selaras_unit_free(u);
    return t;
}

/* Baseline writer: libxml2's xmlTextWriter writing the same units (without fsync). */
static double write_floor(const char *path, size_t units)
{
    char id[512], en[512];
    double t0 = now();
    xmlTextWriterPtr x = xmlNewTextWriterFilename(path, 0);
    if (x == NULL)
        die(path, NULL);
    xmlTextWriterStartDocument(x, NULL, "UTF-8", NULL);
    xmlTextWriterStartElement(x, BAD_CAST "tmx");
    xmlTextWriterWriteAttribute(x, BAD_CAST "version", BAD_CAST "1.4");
    xmlTextWriterStartElement(x, BAD_CAST "header");
    xmlTextWriterWriteAttribute(x, BAD_CAST "srclang", BAD_CAST "id");
    xmlTextWriterEndElement(x);
    xmlTextWriterStartElement(x, BAD_CAST "body");
    for (size_t i = 0; i < units; i++) {
        size_t ni = sentence(id, ID_WORDS, i), ne = sentence(en, EN_WORDS, i);
        id[ni] = en[ne] = '\0';
        xmlTextWriterStartElement(x, BAD_CAST "tu");
        xmlTextWriterStartElement(x, BAD_CAST "prop");
        xmlTextWriterWriteAttribute(x, BAD_CAST "type", BAD_CAST "x-score");
        xmlTextWriterWriteString(x, BAD_CAST "0.8125");
        xmlTextWriterEndElement(x);
        xmlTextWriterStartElement(x, BAD_CAST "prop");
        xmlTextWriterWriteAttribute(x, BAD_CAST "type", BAD_CAST "x-bead");
        xmlTextWriterWriteString(x, BAD_CAST "1-1");
        xmlTextWriterEndElement(x);
        const char *texts[2] = {id, en}, *langs[2] = {"id", "en"};
        for (int k = 0; k < 2; k++) {
            xmlTextWriterStartElement(x, BAD_CAST "tuv");
            xmlTextWriterWriteAttribute(x, BAD_CAST "xml:lang", BAD_CAST langs[k]);
            xmlTextWriterStartElement(x, BAD_CAST "seg");
            xmlTextWriterWriteString(x, BAD_CAST texts[k]);
            xmlTextWriterEndElement(x);
            xmlTextWriterEndElement(x);
        }
        xmlTextWriterEndElement(x);
    }
    xmlTextWriterEndDocument(x);
    xmlFreeTextWriter(x);
    return now() - t0;
}

static size_t read_file(const char *path, double *secs)
{
    selaras_tmx_reader *r;
    selaras_error err;
    double t0 = now(), w0 = wall();
    if (selaras_tmx_reader_new(&r, path, 0, NULL, &err))
        die(path, &err);
    const selaras_unit *u;
    size_t n = 0, chars = 0;
    while (selaras_tmx_reader_next(r, &u, &err) == SELARAS_OK && u != NULL) {
        n++;
        chars += selaras_unit_variant_count(u);
    }
    if (err.status != SELARAS_OK && u == NULL && n == 0)
        die(path, &err);
    selaras_tmx_reader_free(r);
    *secs = now() - t0;
    wall_read = wall() - w0;
    return n + 0 * chars;
}

static double read_floor(const char *path)
{
    double t0 = now();
    xmlTextReaderPtr xr = xmlReaderForFile(path, NULL, XML_PARSE_NONET);
    if (xr == NULL)
        die(path, NULL);
    while (xmlTextReaderRead(xr) == 1)
        ;
    xmlFreeTextReader(xr);
    return now() - t0;
}

/* Peak resident set (KiB) of a fresh process reading path. */
static long peak_kib(const char *path)
{
    pid_t pid = fork();
    if (pid == 0) {
        execl("/proc/self/exe", "tmx_bench", "--read", path, (char *)NULL);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
        die("child reader", NULL);
    return ru.ru_maxrss;
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--read") == 0) {
        double s;
        return read_file(argv[2], &s) > 0 ? 0 : 1;
    }
    size_t big = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 200000;
    size_t small = big / 10;
    char dir[] = "/tmp/selaras-bench-tmx-XXXXXX";
    if (mkdtemp(dir) == NULL)
        die("mkdtemp", NULL);
    char pbig[64], psmall[64], pfloor[64];
    snprintf(pbig, sizeof pbig, "%s/big.tmx", dir);
    snprintf(psmall, sizeof psmall, "%s/small.tmx", dir);
    snprintf(pfloor, sizeof pfloor, "%s/floor", dir);

    write_file(psmall, small);
    double tw = write_file(pbig, big);
    double ww = wall_write;
    double tf = write_floor(pfloor, big);
    double tr;
    size_t n = read_file(pbig, &tr);
    double tx = read_floor(pbig);
    if (n != big)
        die("unit count", NULL);
    long ms = peak_kib(psmall), mb = peak_kib(pbig);

    printf("bench-tmx: %zu units, %.1f MB of TMX\n\n", big, file_size(pbig) / 1e6);
    printf("%-30s %9s %11s %9s %11s %11s %7s\n", "task", "cpu s", "units/s", "wall s",
           "units/s", "baseline s", "ratio");
    printf("%-30s %9.3f %11.0f %9.3f %11.0f %11.3f %7.2f\n", "write (selaras writer)", tw,
           big / tw, ww, big / ww, tf, tw / tf);
    printf("%-30s %9.3f %11.0f %9.3f %11.0f %11.3f %7.2f\n", "read (selaras reader)", tr,
           big / tr, wall_read, big / wall_read, tx, tr / tx);
    printf("\nunits/s from CPU time (the machine is shared; wall time for reference).\n"
           "baselines (CPU s): write = libxml2 xmlTextWriter writing the same units; read = bare "
           "xmlTextReader walk\n\n");
    printf("%-34s %12s %12s\n", "reader peak memory", "file MB", "max RSS KiB");
    printf("%-34s %12.1f %12ld\n", "small file", file_size(psmall) / 1e6, ms);
    printf("%-34s %12.1f %12ld\n", "10x larger file", file_size(pbig) / 1e6, mb);
    printf("%-34s %12s %12.2f\n", "ratio large/small", "", (double)mb / (double)ms);
    int ok = big / tw >= 200000 && big / tr >= 200000 && (double)mb / (double)ms < 1.5;
    printf("\nbench-tmx: %s (>= 200000 units/s each way, memory ratio < 1.5)\n",
           ok ? "target met" : "TARGET MISSED");
    unlink(pbig);
    unlink(psmall);
    unlink(pfloor);
    rmdir(dir);
    return ok ? 0 : 1;
}
