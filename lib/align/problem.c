/* One alignment problem: the two sides' tokens, the translation relation, the first
 * pass, what it teaches, and the second pass guided by the first. */
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

selaras_status sl_problem_init(const sl_run *run, sl_problem *pb, const selaras_segments *src,
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
                            run->mem)) != SELARAS_OK) {
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
selaras_status sl_problem_align(const sl_run *run, int realign, const selaras_segments *src,
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
