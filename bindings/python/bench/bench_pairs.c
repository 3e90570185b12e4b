/* The C side of make bench-python: the CLI's path through the library (read both files,
 * document, segment, align, add the beads to a JSONL memory with the library writer) over
 * the document pairs listed in LIST (one "SOURCE<TAB>TARGET" a line), the lexicon loaded
 * once, in one process. Prints the seconds it took. usage: bench_pairs LIST OUT.jsonl */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "selaras.h"

static void die(const char *what, const selaras_error *err)
{
    fprintf(stderr, "bench_pairs: %s: %s\n", what, err ? err->message : "failed");
    exit(2);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        die(path, NULL);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (buf == NULL)
        die("out of memory", NULL);
    *len = n;
    return buf;
}

static selaras_segments *segment_file(selaras_segmenter *sg, const char *path, const char *lang)
{
    size_t len;
    char *text = slurp(path, &len);
    selaras_doc *doc;
    selaras_segments *segs = NULL;
    selaras_error err;
    if (selaras_doc_new(&doc, text, len, lang, 0, NULL, &err) != SELARAS_OK ||
        selaras_doc_set_name(doc, path) != SELARAS_OK ||
        selaras_segment(sg, doc, &segs, &err) != SELARAS_OK)
        die(path, &err);
    selaras_doc_free(doc);
    free(text);
    return segs;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_pairs LIST OUT.jsonl\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    selaras_error err;
    selaras_lexicon *lex;
    selaras_segmenter *sid, *sen;
    selaras_aligner *al;
    if (selaras_lexicon_new(&lex, "id", "en", NULL, &err) != SELARAS_OK)
        die("lexicon", &err);
    (void)selaras_lexicon_load_default(lex, &err);
    if (selaras_segmenter_new(&sid, "id", NULL, &err) != SELARAS_OK ||
        selaras_segmenter_new(&sen, "en", NULL, &err) != SELARAS_OK ||
        selaras_aligner_new(&al, "id", "en", lex, NULL, &err) != SELARAS_OK)
        die("setup", &err);
    FILE *list = fopen(argv[1], "r");
    if (list == NULL)
        die(argv[1], NULL);
    char line[8192];
    selaras_writer *w;
    if (selaras_writer_new(&w, SELARAS_FORMAT_JSONL, argv[2], NULL, "id", "en", NULL, &err) !=
            SELARAS_OK ||
        selaras_writer_set_flags(w, SELARAS_WRITER_KEEP_BOILERPLATE |
                                        SELARAS_WRITER_KEEP_IDENTICAL |
                                        SELARAS_WRITER_KEEP_UNPAIRED, &err) != SELARAS_OK)
        die(argv[2], &err);
    while (fgets(line, sizeof line, list) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (tab == NULL)
            continue;
        *tab = '\0';
        selaras_segments *s = segment_file(sid, line, "id"), *t = segment_file(sen, tab + 1, "en");
        selaras_alignment *a;
        if (selaras_align(al, s, t, &a, &err) != SELARAS_OK ||
            selaras_writer_add_alignment(w, s, t, a, &err) != SELARAS_OK)
            die("align", &err);
        selaras_alignment_free(a);
        selaras_segments_free(s);
        selaras_segments_free(t);
    }
    fclose(list);
    if (selaras_writer_close(w, &err) != SELARAS_OK)
        die(argv[2], &err);
    selaras_writer_free(w);
    selaras_aligner_free(al);
    selaras_segmenter_free(sid);
    selaras_segmenter_free(sen);
    selaras_lexicon_free(lex);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%.3f\n", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    return 0;
}
