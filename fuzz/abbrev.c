/* Fuzz harness for the segmenter's abbreviation lists: the input is given to
 * selaras_segmenter_add_abbreviations() and, written to a file, to
 * selaras_segmenter_load_abbreviations(). Invariants:
 * - both give the same status: success, or a syntax (or size) error with a position
 *   inside the input and a line and column;
 * - a failed call adds nothing: a probe document then segments exactly as before;
 * - after a success, clearing and re-adding work and the probe still segments;
 * - when one allocation (picked from the input) fails, the call reports it, adds nothing
 *   and leaks nothing. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static const char probe[] =
    "Dr. Budi tiba di Jl. Sudirman No. 5 pukul 10.00 WIB. Ia bertemu Kol. Ahmad, dkk. dan "
    "pejabat lain. PT. Maju Tbk. hadir. Lalu a.n. Menteri membuka acara (why).\n"
    "Mr. Smith met Prof. J. R. Doe at 5 p.m. on Jan. 5, etc. It ended.\n";

static selaras_doc *probe_doc;

/* The probe's segmentation as one string: kind, offsets and text of each segment. */
static char *probe_result(selaras_segmenter *seg)
{
    selaras_segments *segs = NULL;
    selaras_error err;
    selaras_status st = selaras_segment(seg, probe_doc, &segs, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    size_t cap = 4096, n = 0;
    char *out = malloc(cap);
    FUZZ_CHECK(out != NULL);
    for (size_t i = 0; i < selaras_segments_count(segs); i++) {
        int k = snprintf(out + n, cap - n, "%d %zu %zu %s|", (int)selaras_segments_kind(segs, i),
                         selaras_segments_start(segs, i), selaras_segments_end(segs, i),
                         selaras_segments_text(segs, i, NULL));
        FUZZ_CHECK(k > 0 && (size_t)k < cap - n);
        n += (size_t)k;
    }
    selaras_segments_free(segs);
    return out;
}

static char path[96];

static void remove_file(void)
{
    unlink(path);
    selaras_doc_free(probe_doc);
}

static void check_failure(selaras_status st, const selaras_error *err, size_t size, int in_text)
{
    if (st != SELARAS_ERR_SYNTAX && st != SELARAS_ERR_LIMIT) {
        fprintf(stderr, "unexpected status %d: %s\n", (int)st, err->message);
        abort();
    }
    if (st == SELARAS_ERR_SYNTAX && in_text) {
        FUZZ_CHECK(err->offset <= size);
        FUZZ_CHECK(err->line >= 1 && err->column >= 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    selaras_error err;
    selaras_status st;
    if (probe_doc == NULL) {
        st = selaras_doc_new(&probe_doc, probe, sizeof probe - 1, "id", 0, NULL, &err);
        FUZZ_STATUS(st, SELARAS_OK, &err);
        const char *tmp = getenv("TMPDIR");
        snprintf(path, sizeof path, "%s/selaras-fuzz-abbrev-%ld.txt",
                 tmp != NULL && strlen(tmp) < 40 ? tmp : "/tmp", (long)getpid());
        atexit(remove_file);
    }
    selaras_segmenter *seg = NULL;
    st = selaras_segmenter_new(&seg, "id", NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    char *before = probe_result(seg);

    selaras_status added = selaras_segmenter_add_abbreviations(seg, text, size, &err);
    if (added != SELARAS_OK) {
        check_failure(added, &err, size, 1);
        char *after = probe_result(seg);
        FUZZ_CHECK(strcmp(before, after) == 0);
        free(after);
    }

    /* The same bytes from a file, into a second segmenter. */
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(size == 0 || fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
    selaras_segmenter *other = NULL;
    st = selaras_segmenter_new(&other, "id", NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    st = selaras_segmenter_load_abbreviations(other, path, &err);
    FUZZ_CHECK(st == added);
    if (added == SELARAS_OK) {
        char *x = probe_result(seg), *y = probe_result(other);
        FUZZ_CHECK(strcmp(x, y) == 0);
        free(x);
        free(y);
    }
    selaras_segmenter_free(other);

    selaras_segmenter_clear_abbreviations(seg);
    free(probe_result(seg));
    st = selaras_segmenter_add_abbreviations(seg, text, size, &err);
    FUZZ_CHECK(st == added);
    selaras_segmenter_free(seg);

    /* Allocation failure in the add. */
    fuzz_alloc fa;
    fuzz_alloc_init(&fa, -1);
    st = selaras_segmenter_new(&seg, "id", &fa.mem, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    long made = fa.calls;
    st = selaras_segmenter_add_abbreviations(seg, text, size, &err);
    FUZZ_CHECK(st == added);
    long calls = fa.calls - made;
    selaras_segmenter_free(seg);
    FUZZ_CHECK(fa.live == 0);
    if (calls > 0 && added == SELARAS_OK) {
        fuzz_alloc_init(&fa, -1);
        st = selaras_segmenter_new(&seg, "id", &fa.mem, &err);
        FUZZ_STATUS(st, SELARAS_OK, &err);
        fa.fail_at = fa.calls + fuzz_pick(data, size, calls);
        st = selaras_segmenter_add_abbreviations(seg, text, size, &err);
        FUZZ_STATUS(st, SELARAS_ERR_NOMEM, &err);
        fa.fail_at = -1;
        char *after = probe_result(seg);
        FUZZ_CHECK(strcmp(before, after) == 0);
        free(after);
        selaras_segmenter_free(seg);
        FUZZ_CHECK(fa.live == 0);
    }
    free(before);
    return 0;
}
