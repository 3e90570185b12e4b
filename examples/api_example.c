/* A small program that uses libselaras through its public header only: segment an
 * Indonesian text and its English translation, align them and print the beads, checking
 * every status and freeing every handle. Build it against an installed selaras with:
 *   cc api_example.c $(pkg-config --cflags --libs selaras)
 * The README's library snippet is the heart of this file (tests/readme.test checks that
 * they agree).
 *
 *   api_example                                 the built-in pair below
 *   api_example SOURCE-ID.txt TARGET-EN.txt OUT.tmx
 *                                               read the two files, and write the beads
 *                                               as a TMX memory to OUT.tmx (atomically: a
 *                                               failure leaves an existing file as it was)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <selaras.h>

static const char id_builtin[] = "SIARAN PERS\nJakarta, 27 Januari 2026\n\n"
                              "Gubernur membuka 12 posko banjir.\n\n"
                              "Setiap posko melayani 300 warga.\n";
static const char en_builtin[] = "PRESS RELEASE\n\n"
                              "The governor opened 12 flood posts.\n\n"
                              "Each post serves 300 residents.\n";

/* Text intake and segmentation of one text. */
static selaras_status segment_text(const char *text, size_t len, const char *lang,
                                   selaras_segments **out, selaras_error *err)
{
    selaras_doc *doc = NULL;
    selaras_segmenter *seg = NULL;
    selaras_status st = selaras_doc_new(&doc, text, len, lang, 0, NULL, err);
    if (st == SELARAS_OK)
        st = selaras_segmenter_new(&seg, lang, NULL, err);
    if (st == SELARAS_OK)
        st = selaras_segment(seg, doc, out, err);
    selaras_segmenter_free(seg); /* every _free accepts NULL */
    selaras_doc_free(doc);
    return st;
}

/* A whole file, NUL-terminated (text intake rejects a NUL inside); NULL on failure. */
static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - 1 - n, f)) > 0) {
        n += got;
        if (n == cap - 1) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL)
                free(buf);
            buf = bigger;
        }
    }
    if (buf != NULL && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf != NULL)
        buf[n] = '\0';
    return buf;
}

/* Write the beads as a TMX memory at path; the units written in *written. */
static selaras_status write_tmx(const char *path, const selaras_segments *id_segs,
                                const selaras_segments *en_segs,
                                const selaras_alignment *beads, size_t *written,
                                selaras_error *err)
{
    selaras_writer *w = NULL;
    selaras_status st = selaras_writer_new(&w, SELARAS_FORMAT_TMX, path, NULL, "id", "en",
                                           NULL, err);
    if (st == SELARAS_OK)
        st = selaras_writer_add_alignment(w, id_segs, en_segs, beads, err);
    if (st == SELARAS_OK)
        st = selaras_writer_close(w, err);
    *written = selaras_writer_count(w, SELARAS_COUNT_WRITTEN);
    selaras_writer_free(w); /* unclosed after a failure: the target is left as it was */
    return st;
}

static void print_side(const selaras_segments *segs, size_t first, size_t count)
{
    for (size_t k = 0; k < count; k++)
        printf("%s%s", k ? " " : "", selaras_segments_text(segs, first + k, NULL));
}

int main(int argc, char **argv)
{
    if (argc != 1 && argc != 4) {
        fprintf(stderr, "usage: api_example [SOURCE-ID.txt TARGET-EN.txt OUT.tmx]\n");
        return 2;
    }
    char *id_file = argc == 4 ? read_file(argv[1]) : NULL;
    char *en_file = argc == 4 ? read_file(argv[2]) : NULL;
    if (argc == 4 && (id_file == NULL || en_file == NULL)) {
        fprintf(stderr, "api_example: cannot read %s\n", id_file == NULL ? argv[1] : argv[2]);
        free(id_file);
        free(en_file);
        return 1;
    }
    const char *id_text = id_file ? id_file : id_builtin;
    const char *en_text = en_file ? en_file : en_builtin;
    selaras_segments *id_segs = NULL, *en_segs = NULL;
    selaras_lexicon *lex = NULL;
    selaras_aligner *al = NULL;
    selaras_alignment *beads = NULL;
    selaras_error err;

    selaras_status st = segment_text(id_text, strlen(id_text), "id", &id_segs, &err);
    if (st == SELARAS_OK)
        st = segment_text(en_text, strlen(en_text), "en", &en_segs, &err);
    if (st == SELARAS_OK)
        st = selaras_lexicon_new(&lex, "id", "en", NULL, &err);
    if (st == SELARAS_OK) { /* FreeDict when installed: SELARAS_ERR_IO says it is not */
        selaras_status dict = selaras_lexicon_load_default(lex, &err);
        if (dict != SELARAS_OK && dict != SELARAS_ERR_IO)
            st = dict;
    }
    if (st == SELARAS_OK)
        st = selaras_aligner_new(&al, "id", "en", lex, NULL, &err);
    if (st == SELARAS_OK)
        st = selaras_align(al, id_segs, en_segs, &beads, &err);

    if (st != SELARAS_OK)
        fprintf(stderr, "api_example: %s: %s\n", selaras_strerror(st), err.message);
    for (size_t b = 0; st == SELARAS_OK && b < selaras_alignment_count(beads); b++) {
        printf("%.2f\t", selaras_alignment_score(beads, b));
        print_side(id_segs, selaras_alignment_src_first(beads, b),
                   selaras_alignment_src_count(beads, b));
        fputs("\t", stdout);
        print_side(en_segs, selaras_alignment_tgt_first(beads, b),
                   selaras_alignment_tgt_count(beads, b));
        fputs("\n", stdout);
    }
    if (st == SELARAS_OK && argc == 4) {
        size_t written = 0;
        st = write_tmx(argv[3], id_segs, en_segs, beads, &written, &err);
        if (st != SELARAS_OK)
            fprintf(stderr, "api_example: %s: %s\n", argv[3], err.message);
        else
            fprintf(stderr, "api_example: %zu translation units written to %s\n", written,
                    argv[3]);
    }
    free(id_file);
    free(en_file);
    selaras_alignment_free(beads);
    selaras_aligner_free(al);
    selaras_lexicon_free(lex);
    selaras_segments_free(en_segs);
    selaras_segments_free(id_segs);
    return st == SELARAS_OK ? 0 : 1;
}
