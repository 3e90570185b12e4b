/* A small program that uses libselaras through its public header only: segment an
 * Indonesian text and its English translation, align them and print the beads, checking
 * every status and freeing every handle. Build it against an installed selaras with:
 *   cc api_example.c $(pkg-config --cflags --libs selaras)
 * The README's library snippet is the heart of this file (tests/readme.test checks that
 * they agree). */
#include <stdio.h>
#include <string.h>

#include <selaras.h>

static const char id_text[] = "SIARAN PERS\nJakarta, 27 Januari 2026\n\n"
                              "Gubernur membuka 12 posko banjir.\n\n"
                              "Setiap posko melayani 300 warga.\n";
static const char en_text[] = "PRESS RELEASE\n\n"
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

static void print_side(const selaras_segments *segs, size_t first, size_t count)
{
    for (size_t k = 0; k < count; k++)
        printf("%s%s", k ? " " : "", selaras_segments_text(segs, first + k, NULL));
}

int main(void)
{
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
    selaras_alignment_free(beads);
    selaras_aligner_free(al);
    selaras_lexicon_free(lex);
    selaras_segments_free(en_segs);
    selaras_segments_free(id_segs);
    return st == SELARAS_OK ? 0 : 1;
}
