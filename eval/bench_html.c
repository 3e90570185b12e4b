/* make bench-html: HTML intake speed. Reads the pages named in a list file (one path a
 * line), then times, over all of them, several rounds of
 *   libxml2: htmlReadMemory() with the options selaras uses, and xmlFreeDoc() (the floor:
 *            parsing alone, into libxml2's own tree);
 *   selaras: selaras_doc_new_encoded(SELARAS_DOC_HTML): decoding, parsing, extraction,
 *            normalisation and the offset maps;
 * and prints MB/s of each and their ratio. The whole CLI and Readability are timed by
 * eval/bench-html.sh around this program. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "selaras.h"

typedef struct page {
    char *bytes;
    size_t len;
} page;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (grown == NULL) {
                free(buf);
                buf = NULL;
            }
            buf = grown;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_html LIST [ROUNDS]\n");
        return 1;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    FILE *list = fopen(argv[1], "r");
    if (list == NULL) {
        perror(argv[1]);
        return 1;
    }
    page *pages = NULL;
    size_t n = 0, cap = 0, total = 0;
    char line[4096];
    while (fgets(line, sizeof line, list) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '\0')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            page *grown = realloc(pages, cap * sizeof *pages);
            if (grown == NULL)
                return 1;
            pages = grown;
        }
        pages[n].bytes = slurp(line, &pages[n].len);
        if (pages[n].bytes == NULL) {
            fprintf(stderr, "bench_html: cannot read %s\n", line);
            return 1;
        }
        total += pages[n].len;
        n++;
    }
    fclose(list);
    const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                     HTML_PARSE_NOWARNING;
    double best_xml = 1e30, best_ours = 1e30;
    size_t chars = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        for (size_t i = 0; i < n; i++) {
            htmlDocPtr doc = htmlReadMemory(pages[i].bytes, (int)pages[i].len, NULL, NULL, opts);
            xmlFreeDoc(doc);
        }
        double t1 = now();
        chars = 0;
        for (size_t i = 0; i < n; i++) {
            selaras_doc *doc;
            selaras_error err;
            if (selaras_doc_new_encoded(&doc, pages[i].bytes, pages[i].len, "id", NULL,
                                        SELARAS_DOC_HTML | SELARAS_DOC_REPLACE_INVALID, NULL,
                                        &err) != SELARAS_OK) {
                fprintf(stderr, "bench_html: %s\n", err.message);
                return 1;
            }
            size_t len;
            selaras_doc_text(doc, &len);
            chars += len;
            selaras_doc_free(doc);
        }
        double t2 = now();
        if (t1 - t0 < best_xml)
            best_xml = t1 - t0;
        if (t2 - t1 < best_ours)
            best_ours = t2 - t1;
    }
    double mb = (double)total / 1e6;
    printf("pages %zu, %.2f MB of HTML, %.2f MB of main text; best of %d rounds\n", n, mb,
           (double)chars / 1e6, rounds);
    printf("%-34s %8.2f MB/s  %7.3f s\n", "libxml2 htmlReadMemory (floor)", mb / best_xml, best_xml);
    printf("%-34s %8.2f MB/s  %7.3f s  (%.2fx the floor's time)\n", "selaras_doc_new_encoded(HTML)",
           mb / best_ours, best_ours, best_ours / best_xml);
    for (size_t i = 0; i < n; i++)
        free(pages[i].bytes);
    free(pages);
    return 0;
}
