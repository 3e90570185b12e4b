/* A complete program on the public API: read a release and its translation, make
 * documents, segment them, align them, print each bead's texts and confidence, write a
 * TMX memory, and free everything, checking every call.
 *
 *   api_example SOURCE-ID.txt TARGET-EN.txt OUT.tmx   the memory is written to OUT.tmx
 *                                                     (atomically: a failure leaves an
 *                                                     existing file as it was)
 *   api_example                                       a built-in pair; the memory goes
 *                                                     to standard output through a
 *                                                     callback writer
 *
 * Build it against an installed selaras with:  cc api_example.c $(pkg-config --cflags --libs selaras) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <selaras.h>

static const char ID_TEXT[] =
    "PEMPROV DKI BUKA 5.000 KUOTA PELATIHAN KERJA\n\n"
    "Jakarta - Pemerintah Provinsi DKI Jakarta membuka 5.000 kuota pelatihan kerja gratis. "
    "Pendaftaran dibuka mulai 20 Januari 2026.\n\n"
    "Peserta mendapat uang saku Rp 50.000 per hari.\n";
static const char EN_TEXT[] =
    "JAKARTA OPENS 5,000 JOB TRAINING PLACES\n\n"
    "Jakarta - The Jakarta Provincial Government is opening 5,000 free job training places. "
    "Registration opens on 20 January 2026.\n\n"
    "Participants receive a daily allowance of IDR 50,000.\n";

/* Report a failed call with the error's position and message; returns 1. */
static int fail(const char *what, const selaras_error *err)
{
    if (err->line > 0)
        fprintf(stderr, "api_example: %s:%zu:%zu: %s\n", what, err->line, err->column,
                err->message);
    else
        fprintf(stderr, "api_example: %s: %s\n", what, err->message);
    return 1;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL)
                free(buf);
            buf = bigger;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* The write callback of the writer without a file: everything to standard output. */
static int to_stdout(const char *bytes, size_t len, void *user)
{
    (void)user;
    return fwrite(bytes, 1, len, stdout) == len ? 0 : -1;
}

/* Make a document of bytes in lang, named name, and segment it. */
static int segment(const char *bytes, size_t len, const char *lang, const char *name,
                   selaras_segments **out)
{
    selaras_doc *doc = NULL;
    selaras_segmenter *seg = NULL;
    selaras_error err;
    int rc = 0;
    if (selaras_doc_new(&doc, bytes, len, lang, 0, NULL, &err) != SELARAS_OK)
        rc = fail(name, &err);
    else if (selaras_doc_set_name(doc, name) != SELARAS_OK) {
        fprintf(stderr, "api_example: out of memory\n");
        rc = 1;
    } else if (selaras_segmenter_new(&seg, lang, NULL, &err) != SELARAS_OK ||
               selaras_segment(seg, doc, out, &err) != SELARAS_OK)
        rc = fail(name, &err);
    selaras_segmenter_free(seg);
    selaras_doc_free(doc);
    return rc;
}

/* Print each bead: its segment numbers, confidence and the texts of both sides. */
static void print_beads(const selaras_segments *src, const selaras_segments *tgt,
                        const selaras_alignment *a)
{
    for (size_t b = 0; b < selaras_alignment_count(a); b++) {
        size_t sf = selaras_alignment_src_first(a, b), sc = selaras_alignment_src_count(a, b);
        size_t tf = selaras_alignment_tgt_first(a, b), tc = selaras_alignment_tgt_count(a, b);
        fprintf(stderr, "%zu-%zu  %.4f\n", sc, tc, selaras_alignment_score(a, b));
        for (size_t i = sf; i < sf + sc; i++)
            fprintf(stderr, "   id %zu: %s\n", i, selaras_segments_text(src, i, NULL));
        for (size_t i = tf; i < tf + tc; i++)
            fprintf(stderr, "   en %zu: %s\n", i, selaras_segments_text(tgt, i, NULL));
    }
}

int main(int argc, char **argv)
{
    if (argc != 1 && argc != 4) {
        fprintf(stderr, "usage: api_example [SOURCE-ID.txt TARGET-EN.txt OUT.tmx]\n");
        return 2;
    }
    char *id_text = NULL, *en_text = NULL;
    size_t id_len = sizeof ID_TEXT - 1, en_len = sizeof EN_TEXT - 1;
    if (argc == 4) {
        if ((id_text = read_file(argv[1], &id_len)) == NULL ||
            (en_text = read_file(argv[2], &en_len)) == NULL) {
            fprintf(stderr, "api_example: cannot read %s\n", id_text ? argv[2] : argv[1]);
            free(id_text);
            return 1;
        }
    }
    selaras_segments *src = NULL, *tgt = NULL;
    selaras_lexicon *lex = NULL;
    selaras_aligner *al = NULL;
    selaras_alignment *a = NULL;
    selaras_writer *w = NULL;
    selaras_error err;
    int rc = segment(id_text ? id_text : ID_TEXT, id_len, "id", argc == 4 ? argv[1] : "id.txt",
                     &src);
    if (rc == 0)
        rc = segment(en_text ? en_text : EN_TEXT, en_len, "en", argc == 4 ? argv[2] : "en.txt",
                     &tgt);
    /* The FreeDict dictionary helps when installed; without it alignment still works. */
    if (rc == 0 && selaras_lexicon_new(&lex, "id", "en", NULL, &err) != SELARAS_OK)
        rc = fail("lexicon", &err);
    if (rc == 0 && selaras_lexicon_load_default(lex, &err) != SELARAS_OK &&
        err.status != SELARAS_ERR_IO)
        rc = fail("FreeDict", &err);
    if (rc == 0 && (selaras_aligner_new(&al, "id", "en", lex, NULL, &err) != SELARAS_OK ||
                    selaras_align(al, src, tgt, &a, &err) != SELARAS_OK))
        rc = fail("align", &err);
    if (rc == 0) {
        print_beads(src, tgt, a);
        selaras_status st =
            argc == 4 ? selaras_writer_new(&w, SELARAS_FORMAT_TMX, argv[3], NULL, "id", "en",
                                           NULL, &err)
                      : selaras_writer_new_callback(&w, SELARAS_FORMAT_TMX, to_stdout, NULL,
                                                    "id", "en", NULL, &err);
        if (st == SELARAS_OK)
            st = selaras_writer_add_alignment(w, src, tgt, a, &err);
        if (st == SELARAS_OK)
            st = selaras_writer_close(w, &err);
        if (st != SELARAS_OK)
            rc = fail(argc == 4 ? argv[3] : "standard output", &err);
        else
            fprintf(stderr, "%zu translation units written\n",
                    selaras_writer_count(w, SELARAS_COUNT_WRITTEN));
    }
    selaras_writer_free(w);
    selaras_alignment_free(a);
    selaras_aligner_free(al);
    selaras_lexicon_free(lex);
    selaras_segments_free(src);
    selaras_segments_free(tgt);
    free(id_text);
    free(en_text);
    return rc;
}
