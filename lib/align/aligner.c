/* The aligner handle: its settings, its model (its own or a shared one), the calls
 * that learn and align, and the alignment result. */
#include "config.h"

#include <string.h>

#include "aligner.h"

/* An aligner on model; own: the aligner frees the model with itself. */
static selaras_status aligner_make(selaras_aligner **out, const selaras_model *model,
                                   selaras_model *own, const selaras_allocator *mem,
                                   selaras_error *err)
{
    selaras_allocator m;
    selaras_status st = sl_mem_init(&m, mem, err);
    if (st != SELARAS_OK)
        return st;
    selaras_aligner *al = sl_calloc(&m, 1, sizeof *al);
    if (al == NULL)
        return sl_nomem(err);
    al->mem = m;
    if ((st = sl_worker_init(&al->work, &al->mem, model->src_lang, model->tgt_lang, err)) !=
        SELARAS_OK) {
        sl_free(&m, al);
        return st;
    }
    sl_vocab_set_base(&al->work.scratch, &model->vocab);
    al->own = own;
    al->model = model;
    al->params = sl_default_params;
    al->realign = 1;
    al->band = SL_BAND;
    *out = al;
    return SELARAS_OK;
}

selaras_status selaras_aligner_new(selaras_aligner **out, const char *src_lang,
                                   const char *tgt_lang, const selaras_lexicon *lexicon,
                                   const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out is NULL");
    *out = NULL;
    selaras_model *md;
    selaras_status st = sl_model_create(&md, src_lang, tgt_lang, lexicon, mem, err);
    if (st != SELARAS_OK)
        return st;
    if ((st = aligner_make(out, md, md, mem, err)) != SELARAS_OK)
        selaras_model_free(md);
    return st;
}

selaras_status selaras_aligner_new_shared(selaras_aligner **out, const selaras_model *model,
                                          const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out is NULL");
    *out = NULL;
    if (model == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "model is NULL");
    return aligner_make(out, model, NULL, mem, err);
}

const selaras_model *selaras_aligner_model(const selaras_aligner *al)
{
    return al == NULL ? NULL : al->model;
}

void selaras_aligner_free(selaras_aligner *al)
{
    if (al == NULL)
        return;
    sl_worker_release(&al->work);
    selaras_model_free(al->own);
    sl_free(&al->mem, al);
}

selaras_status selaras_aligner_set_max_bead(selaras_aligner *al, unsigned max_src,
                                            unsigned max_tgt, selaras_error *err)
{
    if (al == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "aligner is NULL");
    if (max_src < 1 || max_src > 3 || max_tgt < 1 || max_tgt > 3)
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "bead size %u-%u out of range (1 to 3 a side)", max_src, max_tgt);
    al->params.max_src = max_src;
    al->params.max_tgt = max_tgt;
    return SELARAS_OK;
}

selaras_status selaras_aligner_set_evidence(selaras_aligner *al, unsigned evidence,
                                            selaras_error *err)
{
    if (al == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "aligner is NULL");
    if (evidence & ~(unsigned)SELARAS_EVIDENCE_ALL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "unknown evidence bits 0x%x",
                        evidence & ~(unsigned)SELARAS_EVIDENCE_ALL);
    al->params.evidence = evidence;
    return SELARAS_OK;
}

void selaras_aligner_set_realign(selaras_aligner *al, int on)
{
    if (al != NULL)
        al->realign = on != 0;
}

size_t selaras_aligner_learned_pairs(const selaras_aligner *al)
{
    return al == NULL ? 0 : al->model->learned.npairs;
}
selaras_status selaras_aligner_learn(selaras_aligner *al, const selaras_segments *src,
                                     const selaras_segments *tgt, selaras_error *err)
{
    if (al == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "aligner is NULL");
    if (al->own == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "the aligner's model is shared and only read: learn with "
                        "selaras_model_learn()");
    selaras_status st = sl_model_learn(al->own, &al->work, &al->params, al->band, src, tgt, err);
    sl_worker_clear(&al->work, sl_vocab_size(&al->own->vocab));
    return st;
}

/* The beads of one pair: a first pass, and with realignment a second one guided by it
 * over the relation the first pass's confident beads add to. */selaras_status selaras_align(selaras_aligner *al, const selaras_segments *src,
                             const selaras_segments *tgt, selaras_alignment **out,
                             selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out is NULL");
    *out = NULL;
    if (al == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "aligner is NULL");
    selaras_status st = sl_model_check(al->model, src, tgt, err);
    if (st != SELARAS_OK)
        return st;
    selaras_alignment *a = sl_calloc(&al->mem, 1, sizeof *a);
    if (a == NULL)
        return sl_nomem(err);
    a->mem = al->mem;
    a->doc_score = -1;
    sl_run run = {al->model, &al->work, &al->work.scratch, al->params, al->band, &al->mem};
    int realign = al->realign && (al->params.evidence & SELARAS_EVIDENCE_LEARNED);
    st = sl_problem_align(&run, realign, src, tgt, &a->beads, &a->count, err);
    sl_worker_clear(&al->work, sl_vocab_size(&al->model->vocab));
    if (st != SELARAS_OK) {
        sl_free(&al->mem, a);
        return st;
    }
    *out = a;
    return SELARAS_OK;
}

/* ---- the result ---- */

size_t selaras_alignment_count(const selaras_alignment *a)
{
    return a == NULL ? 0 : a->count;
}

size_t selaras_alignment_src_first(const selaras_alignment *a, size_t bead)
{
    return a == NULL || bead >= a->count ? 0 : a->beads[bead].src_first;
}

size_t selaras_alignment_src_count(const selaras_alignment *a, size_t bead)
{
    return a == NULL || bead >= a->count ? 0 : a->beads[bead].src_count;
}

size_t selaras_alignment_tgt_first(const selaras_alignment *a, size_t bead)
{
    return a == NULL || bead >= a->count ? 0 : a->beads[bead].tgt_first;
}

size_t selaras_alignment_tgt_count(const selaras_alignment *a, size_t bead)
{
    return a == NULL || bead >= a->count ? 0 : a->beads[bead].tgt_count;
}

double selaras_alignment_score(const selaras_alignment *a, size_t bead)
{
    return a == NULL || bead >= a->count ? 0.0 : a->beads[bead].score;
}

double selaras_alignment_document_score(const selaras_alignment *a)
{
    return a == NULL ? -1.0 : a->doc_score;
}

void selaras_alignment_free(selaras_alignment *a)
{
    if (a == NULL)
        return;
    selaras_allocator mem = a->mem;
    sl_free(&mem, a->beads);
    sl_free(&mem, a);
}
