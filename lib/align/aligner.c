/* The aligner handle: parameters, the per-call pipeline (tokens, translation relation,
 * first pass, learning, second pass) and the alignment result. */
#include "config.h"

#include <string.h>

#include "aligner.h"

const sl_params sl_default_params = {
    .ratio = 1.0,
    .var = 6.8,
    /* -log of bead priors (Gale & Church 1993 report .89 for 1-1, .0099 for 1-0/0-1,
     * .089 for 2-1/1-2 and .011 for 2-2); tuned on Text+Berg dev and PUD. */
    .pen = {0.0, 5.0, 5.0, 2.3, 2.3, 4.5, 5.5, 5.5},
    .w_len = 1.0,
    .w_lex = 30.0,
    .skip_free = 0.05,
    .skip_len = 0.0,
    .w_orphan = 3.0,
    .w_anchor = 6.0,
    .w_capital = 2.0,
    .evidence = SELARAS_EVIDENCE_ALL,
    .max_src = 3,
    .max_tgt = 3,
};

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

/* ---- one alignment problem ---- */

/* sl_stem_fn over a Snowball stemmer. */
static size_t stem_word(void *ctx, const char *word, size_t len, char *out, size_t cap)
{
    const char *stem;
    size_t n;
    if (!sl_stemmer_active(ctx) || sl_stem(ctx, word, len, &stem, &n) != SELARAS_OK ||
        n >= cap)
        return (size_t)-1;
    memcpy(out, stem, n);
    return n;
}

void sl_problem_release(sl_problem *pb, const selaras_allocator *mem)
{
    sl_side_release(&pb->src, mem);
    sl_side_release(&pb->tgt, mem);
    sl_free(mem, pb->trans.first);
    sl_free(mem, pb->trans.to);
    memset(pb, 0, sizeof *pb);
}

selaras_status sl_problem_init(sl_run *run, sl_problem *pb, const selaras_segments *src,
                               const selaras_segments *tgt, selaras_error *err)
{
    memset(pb, 0, sizeof *pb);
    const selaras_model *md = run->model;
    sl_worker *w = run->work;
    const sl_params *p = &run->params;
    selaras_status st;
    /* the lexicon's phrases and hyphenated words, looked up as it makes its keys */
    int lex = md->lexicon != NULL && (p->evidence & SELARAS_EVIDENCE_LEXICON);
    sl_phrase_lookup ps = {md->lexicon, md->lex_reversed}, pt = {md->lexicon, !md->lex_reversed};
    if ((st = sl_side_build(&pb->src, src, md->src_lang, run->vocab, stem_word, w->src_stem,
                            &w->src_cache, p->w_anchor, p->w_capital, lex ? &ps : NULL,
                            run->mem)) != SELARAS_OK ||
        (st = sl_side_build(&pb->tgt, tgt, md->tgt_lang, run->vocab, stem_word, w->tgt_stem,
                            &w->tgt_cache, p->w_anchor, p->w_capital, lex ? &pt : NULL,
                            run->mem)) !=
            SELARAS_OK) {
        sl_problem_release(pb, run->mem);
        return sl_nomem(err);
    }
    pb->params = *p;
    const sl_learned *ln = &md->learned;
    double ls = pb->src.len[pb->src.n], lt = pb->tgt.len[pb->tgt.n];
    if (ln->len_src > 0 && ln->len_tgt > 0)
        pb->params.ratio = ln->len_tgt / ln->len_src;
    else if (ls > 0 && lt > 0)
        pb->params.ratio = lt / ls;
    if (pb->params.ratio < 0.5)
        pb->params.ratio = 0.5;
    if (pb->params.ratio > 2.0)
        pb->params.ratio = 2.0;
    if (ln->var_n >= 20)
        pb->params.var = ln->var_sum / (double)ln->var_n;
    return SELARAS_OK;
}

/* Estimate the length variance from the confident 1-1 beads of a pass. */
static void reestimate_variance(sl_problem *pb, const sl_bead *beads, size_t nb)
{
    double sum = 0;
    size_t k = 0;
    for (size_t b = 0; b < nb; b++) {
        const sl_bead *bd = &beads[b];
        if (!sl_bead_trusted(bd))
            continue;
        double ls = pb->src.len[bd->src_first + 1] - pb->src.len[bd->src_first];
        double lt = pb->tgt.len[bd->tgt_first + 1] - pb->tgt.len[bd->tgt_first];
        double mean = (ls + lt / pb->params.ratio) / 2;
        if (mean < 1)
            continue;
        double d = lt / pb->params.ratio - ls;
        sum += d * d / mean;
        k++;
    }
    if (k >= 20) {
        double v = sum / (double)k;
        pb->params.var = v < 1 ? 1 : v > 40 ? 40 : v;
    }
}

selaras_status sl_problem_pass(const sl_run *run, sl_problem *pb, const sl_learned *extra,
                               const unsigned char *guide, size_t nguide, int confidence,
                               sl_bead **beads, size_t *nb, selaras_error *err)
{
    selaras_status st = sl_trans_build(&pb->trans, run, pb, extra);
    if (st != SELARAS_OK)
        return sl_nomem(err);
    return sl_problem_dp(run, pb, guide, nguide, confidence, beads, nb, err);
}

selaras_status sl_problem_dp(const sl_run *run, sl_problem *pb, const unsigned char *guide,
                             size_t nguide, int confidence, sl_bead **beads, size_t *nb,
                             selaras_error *err)
{
    /* a pass guided by an earlier one needs less room around its path */
    size_t band = guide != NULL ? run->band / 2 : run->band;
    return sl_dp_align(&pb->src, &pb->tgt, &pb->trans, &pb->params, &run->model->erfc, band,
                       guide, nguide, confidence, run->mem, beads, nb, err);
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
 * over the relation the first pass's confident beads add to. */
static selaras_status align_beads(sl_run *run, int realign, const selaras_segments *src,
                                  const selaras_segments *tgt, sl_bead **out, size_t *count,
                                  selaras_error *err)
{
    const selaras_allocator *mem = run->mem;
    sl_problem pb;
    selaras_status st = sl_problem_init(run, &pb, src, tgt, err);
    if (st != SELARAS_OK)
        return st;
    sl_bead *beads = NULL;
    size_t nb = 0;
    sl_learned local;
    sl_learned_init(&local, mem);
    st = sl_problem_pass(run, &pb, NULL, NULL, 0, !realign, &beads, &nb, err);
    if (st == SELARAS_OK && realign) {
        reestimate_variance(&pb, beads, nb);
        if (sl_learned_add(&local, &pb, beads, nb) != 0 ||
            sl_trans_build(&pb.trans, run, &pb, &local) != SELARAS_OK) {
            st = sl_nomem(err);
        } else {
            /* the relation holds what the second pass needs of the table, and one byte a
             * bead what it needs of the first path: free both first */
            sl_learned_release(&local);
            unsigned char *steps = sl_malloc(mem, nb ? nb : 1);
            if (steps == NULL) {
                st = sl_nomem(err);
            } else {
                for (size_t b = 0; b < nb; b++)
                    steps[b] = sl_step_of(&beads[b]);
                sl_free(mem, beads);
                beads = NULL;
                size_t nfirst = nb;
                st = sl_problem_dp(run, &pb, steps, nfirst, 1, &beads, &nb, err);
                sl_free(mem, steps);
            }
        }
    }
    sl_learned_release(&local);
    sl_problem_release(&pb, mem);
    if (st != SELARAS_OK) {
        sl_free(mem, beads);
        return st;
    }
    *out = beads;
    *count = nb;
    return SELARAS_OK;
}

selaras_status selaras_align(selaras_aligner *al, const selaras_segments *src,
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
    sl_run run = {al->model, &al->work, &al->work.scratch, al->params, al->band, &al->mem};
    int realign = al->realign && (al->params.evidence & SELARAS_EVIDENCE_LEARNED);
    st = align_beads(&run, realign, src, tgt, &a->beads, &a->count, err);
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

void selaras_alignment_free(selaras_alignment *a)
{
    if (a == NULL)
        return;
    selaras_allocator mem = a->mem;
    sl_free(&mem, a->beads);
    sl_free(&mem, a);
}
