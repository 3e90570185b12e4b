/* An alignment weighed as a whole: the beads of selaras_align() with the pair's
 * parallelness score, and bead confidences that a pair of non-translations cannot lift. */
#include "config.h"

#include "collection.h"
#include "../align/aligner.h"

/* Pairs scoring this or more were all translations in make eval-refuse (PUD, LibreOffice
 * help, press releases; mismatched pairs there scored at most 0.58, PUD's documents of two
 * or three sentences): their beads keep their confidence. Below it a bead's confidence
 * falls in proportion to the score, so that a mismatch scoring up to 0.72 stays below 0.9. */
#define SL_SURELY_PARALLEL 0.8

selaras_status selaras_align_scored(selaras_aligner *al, const selaras_segments *src,
                                    const selaras_segments *tgt, selaras_alignment **out,
                                    selaras_parallel_evidence *evidence, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out is NULL");
    *out = NULL;
    selaras_alignment *a;
    selaras_status st = selaras_align(al, src, tgt, &a, err);
    if (st != SELARAS_OK)
        return st;
    double score;
    selaras_parallel_evidence ev;
    st = selaras_parallel_score(src, tgt, al->model->lexicon, a, &score, &ev, err);
    if (st != SELARAS_OK) {
        selaras_alignment_free(a);
        return st;
    }
    a->doc_score = score;
    /* A bead is right only if the pair is a translation at all: its confidence given a
     * parallel pair times how sure the score is that the pair is one. */
    double weight = score >= SL_SURELY_PARALLEL ? 1.0 : score / SL_SURELY_PARALLEL;
    for (size_t b = 0; b < a->count; b++)
        if (a->beads[b].score >= 0)
            a->beads[b].score *= weight;
    if (evidence != NULL)
        *evidence = ev;
    *out = a;
    return SELARAS_OK;
}
