/* Fuzz harness for the aligner with two fuzzed documents: the input is cut at its first
 * NUL byte into an Indonesian and an English document (ill-formed bytes replaced), each
 * segmented, then aligned with a small lexicon shared by every run. Invariants:
 * - the beads cover every source and every target segment once, in order: each bead
 *   starts where the previous one ended, holds at most three segments a side and at
 *   least one, and has a score in [0, 1]; a boilerplate segment is in a bead of its own
 *   with nothing on the other side;
 * - another aligner gives the same beads; learning from the pair then aligning works;
 * - when one allocation of the alignment (picked from the input) fails, it is reported
 *   (or, for an optional one such as a cache, the beads are the same), nothing leaks and
 *   the aligner then gives the same beads again. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static selaras_segmenter *seg_id, *seg_en;
static selaras_lexicon *lexicon;

static void teardown(void)
{
    selaras_segmenter_free(seg_id);
    selaras_segmenter_free(seg_en);
    selaras_lexicon_free(lexicon);
}

static void setup(void)
{
    atexit(teardown);
    selaras_error err;
    selaras_status st = selaras_segmenter_new(&seg_id, "id", NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    st = selaras_segmenter_new(&seg_en, "en", NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    st = selaras_lexicon_new(&lexicon, "id", "en", NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    static const char *const pairs[][2] = {
        {"menteri", "minister"}, {"keuangan", "finance"}, {"pelatihan", "training"},
        {"rumah sakit", "hospital"}, {"tahun", "year"}, {"kata", "said"}, {"baru", "new"}};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        st = selaras_lexicon_add(lexicon, pairs[i][0], strlen(pairs[i][0]), pairs[i][1],
                                 strlen(pairs[i][1]), &err);
        FUZZ_STATUS(st, SELARAS_OK, &err);
    }
}

static selaras_segments *segment(selaras_segmenter *seg, const char *lang, const uint8_t *data,
                                 size_t size)
{
    selaras_doc *doc = NULL;
    selaras_error err;
    selaras_status st = selaras_doc_new(&doc, (const char *)data, size, lang,
                                        SELARAS_DOC_REPLACE_INVALID, NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    selaras_segments *segs = NULL;
    st = selaras_segment(seg, doc, &segs, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    selaras_doc_free(doc);
    return segs;
}

/* The alignment's contract: beads in source order covering every source segment once; every
 * target segment in exactly one bead (a block the rewrite moved makes target runs go back);
 * at most three segments a side; scores in [0, 1]; boilerplate alone in its bead. */
static void check_beads(const selaras_alignment *a, const selaras_segments *src,
                        const selaras_segments *tgt)
{
    size_t ns = selaras_segments_count(src), nt = selaras_segments_count(tgt);
    unsigned char *seen = calloc(nt + 1, 1);
    FUZZ_CHECK(seen != NULL);
    size_t s = 0, covered = 0;
    for (size_t b = 0; b < selaras_alignment_count(a); b++) {
        size_t sc = selaras_alignment_src_count(a, b), tc = selaras_alignment_tgt_count(a, b);
        FUZZ_CHECK(sc <= 3 && tc <= 3 && sc + tc >= 1);
        if (sc > 0)
            FUZZ_CHECK(selaras_alignment_src_first(a, b) == s);
        size_t t = tc > 0 ? selaras_alignment_tgt_first(a, b) : 0;
        FUZZ_CHECK(t + tc <= nt);
        double score = selaras_alignment_score(a, b);
        FUZZ_CHECK(score >= 0.0 && score <= 1.0);
        for (size_t i = s; i < s + sc; i++)
            if (selaras_segments_kind(src, i) == SELARAS_SEGMENT_BOILERPLATE)
                FUZZ_CHECK(sc == 1 && tc == 0);
        for (size_t i = t; i < t + tc; i++) {
            FUZZ_CHECK(!seen[i]);
            seen[i] = 1;
            if (selaras_segments_kind(tgt, i) == SELARAS_SEGMENT_BOILERPLATE)
                FUZZ_CHECK(tc == 1 && sc == 0);
        }
        s += sc;
        covered += tc;
    }
    free(seen);
    FUZZ_CHECK(s == ns && covered == nt);
}

static int same_beads(const selaras_alignment *x, const selaras_alignment *y)
{
    size_t n = selaras_alignment_count(x);
    if (n != selaras_alignment_count(y))
        return 0;
    for (size_t b = 0; b < n; b++)
        if (selaras_alignment_src_first(x, b) != selaras_alignment_src_first(y, b) ||
            selaras_alignment_src_count(x, b) != selaras_alignment_src_count(y, b) ||
            selaras_alignment_tgt_first(x, b) != selaras_alignment_tgt_first(y, b) ||
            selaras_alignment_tgt_count(x, b) != selaras_alignment_tgt_count(y, b) ||
            fabs(selaras_alignment_score(x, b) - selaras_alignment_score(y, b)) > 1e-12)
            return 0;
    return 1;
}

static selaras_alignment *align(selaras_aligner *al, const selaras_segments *src,
                                const selaras_segments *tgt)
{
    selaras_alignment *a = NULL;
    selaras_error err;
    selaras_status st = selaras_align(al, src, tgt, &a, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    check_beads(a, src, tgt);
    return a;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (seg_id == NULL)
        setup();
    const uint8_t *nul = memchr(data, 0, size);
    size_t n1 = nul ? (size_t)(nul - data) : size;
    selaras_segments *src = segment(seg_id, "id", data, n1);
    selaras_segments *tgt = nul ? segment(seg_en, "en", nul + 1, size - n1 - 1)
                                : segment(seg_en, "en", data, 0);
    selaras_error err;
    selaras_aligner *al = NULL, *al2 = NULL;
    selaras_status st = selaras_aligner_new(&al, "id", "en", lexicon, NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    st = selaras_aligner_new(&al2, "id-ID", "en-US", lexicon, NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    selaras_alignment *first = align(al, src, tgt);
    selaras_alignment *second = align(al2, src, tgt);
    FUZZ_CHECK(same_beads(first, second));
    selaras_alignment_free(second);

    /* Learning from the pair, then aligning with what was learned. */
    st = selaras_aligner_learn(al2, src, tgt, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    selaras_alignment_free(align(al2, src, tgt));
    selaras_aligner_free(al2);

    /* Allocation failure in selaras_align(). */
    fuzz_alloc fa;
    fuzz_alloc_init(&fa, -1);
    selaras_aligner *counted = NULL;
    st = selaras_aligner_new(&counted, "id", "en", lexicon, &fa.mem, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    long before = fa.calls;
    selaras_alignment *a = align(counted, src, tgt);
    long calls = fa.calls - before;
    FUZZ_CHECK(same_beads(first, a));
    selaras_alignment_free(a);
    if (calls > 0) {
        fa.fail_at = fa.calls + fuzz_pick(data, size, calls);
        a = (selaras_alignment *)&fa;
        st = selaras_align(counted, src, tgt, &a, &err);
        if (st == SELARAS_OK) {
            /* Some allocations are optional (a cache): without them the result is the
             * same. */
            check_beads(a, src, tgt);
            FUZZ_CHECK(same_beads(first, a));
            selaras_alignment_free(a);
        } else {
            FUZZ_STATUS(st, SELARAS_ERR_NOMEM, &err);
            FUZZ_CHECK(a == NULL);
        }
        fa.fail_at = -1;
        a = align(counted, src, tgt);
        FUZZ_CHECK(same_beads(first, a));
        selaras_alignment_free(a);
    }
    selaras_aligner_free(counted);
    FUZZ_CHECK(fa.live == 0);

    selaras_alignment_free(first);
    selaras_aligner_free(al);
    selaras_segments_free(src);
    selaras_segments_free(tgt);
    return 0;
}
