/* The aligner handle: parameters, the per-call pipeline (tokens, translation relation,
 * first pass, learning, second pass) and the alignment result. */
#include "config.h"

#include <string.h>

#include "aligner.h"

/* Default band half-width in sentences for long documents. */
#define SL_BAND 24

static const sl_params default_params = {
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

selaras_status selaras_aligner_new(selaras_aligner **out, const char *src_lang,
                                   const char *tgt_lang, const selaras_lexicon *lexicon,
                                   const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out is NULL");
    *out = NULL;
    if (src_lang == NULL || tgt_lang == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "language tag is NULL");
    selaras_allocator m;
    selaras_status st = sl_mem_init(&m, mem, err);
    if (st != SELARAS_OK)
        return st;
    char tag[SL_LANG_TAG_MAX], src_primary[4], tgt_primary[4];
    if ((st = sl_lang_parse(src_lang, tag, src_primary, err)) != SELARAS_OK ||
        (st = sl_lang_parse(tgt_lang, tag, tgt_primary, err)) != SELARAS_OK)
        return st;
    selaras_aligner *al = sl_calloc(&m, 1, sizeof *al);
    if (al == NULL)
        return sl_nomem(err);
    al->mem = m;
    memcpy(al->src_lang, src_primary, sizeof al->src_lang);
    memcpy(al->tgt_lang, tgt_primary, sizeof al->tgt_lang);
    al->lexicon = lexicon;
    if (lexicon != NULL) {
        if (strcmp(sl_lexicon_src_lang(lexicon), src_primary) == 0 &&
            strcmp(sl_lexicon_tgt_lang(lexicon), tgt_primary) == 0) {
            al->lex_reversed = 0;
        } else if (strcmp(sl_lexicon_src_lang(lexicon), tgt_primary) == 0 &&
                   strcmp(sl_lexicon_tgt_lang(lexicon), src_primary) == 0) {
            al->lex_reversed = 1;
        } else {
            sl_free(&m, al);
            return sl_error(err, SELARAS_ERR_LANGUAGE,
                            "the lexicon is for %s-%s, the aligner for %s-%s",
                            sl_lexicon_src_lang(lexicon), sl_lexicon_tgt_lang(lexicon),
                            src_primary, tgt_primary);
        }
    }
    if ((st = sl_stemmer_new(&al->src_stem, &m, src_primary, err)) != SELARAS_OK ||
        (st = sl_stemmer_new(&al->tgt_stem, &m, tgt_primary, err)) != SELARAS_OK) {
        sl_stemmer_free(al->src_stem);
        sl_free(&m, al);
        return st;
    }
    /* the aligner keeps every word's stem id (src_cache, tgt_cache) */
    sl_stemmer_no_cache(al->src_stem);
    sl_stemmer_no_cache(al->tgt_stem);
    al->params = default_params;
    al->realign = 1;
    al->band = SL_BAND;
    sl_erfc_table_init(&al->erfc);
    sl_vocab_init(&al->vocab, &al->mem);
    sl_learned_init(&al->learned, &al->mem);
    *out = al;
    return SELARAS_OK;
}

void selaras_aligner_free(selaras_aligner *al)
{
    if (al == NULL)
        return;
    sl_vocab_release(&al->vocab);
    sl_learned_release(&al->learned);
    sl_stemmer_free(al->src_stem);
    sl_stemmer_free(al->tgt_stem);
    sl_free(&al->mem, al->src_cache.stem);
    sl_free(&al->mem, al->tgt_cache.stem);
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
    return al == NULL ? 0 : al->learned.npairs;
}

/* ---- one alignment problem ---- */

static selaras_status check_inputs(const selaras_aligner *al, const selaras_segments *src,
                                   const selaras_segments *tgt, selaras_error *err)
{
    if (al == NULL || src == NULL || tgt == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "aligner or segments are NULL");
    if (strcmp(src->primary, al->src_lang) != 0)
        return sl_error(err, SELARAS_ERR_LANGUAGE,
                        "source segments are in '%s', the aligner expects '%s'", src->primary,
                        al->src_lang);
    if (strcmp(tgt->primary, al->tgt_lang) != 0)
        return sl_error(err, SELARAS_ERR_LANGUAGE,
                        "target segments are in '%s', the aligner expects '%s'", tgt->primary,
                        al->tgt_lang);
    return SELARAS_OK;
}

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

selaras_status sl_problem_init(selaras_aligner *al, sl_problem *pb,
                               const selaras_segments *src, const selaras_segments *tgt,
                               selaras_error *err)
{
    memset(pb, 0, sizeof *pb);
    selaras_status st;
    if ((st = sl_side_build(&pb->src, src, al->src_lang, &al->vocab, stem_word, al->src_stem,
                            &al->src_cache, al->params.w_anchor, al->params.w_capital,
                            &al->mem)) != SELARAS_OK ||
        (st = sl_side_build(&pb->tgt, tgt, al->tgt_lang, &al->vocab, stem_word, al->tgt_stem,
                            &al->tgt_cache, al->params.w_anchor, al->params.w_capital,
                            &al->mem)) != SELARAS_OK) {
        sl_problem_release(pb, &al->mem);
        return sl_nomem(err);
    }
    pb->params = al->params;
    double ls = pb->src.len[pb->src.n], lt = pb->tgt.len[pb->tgt.n];
    if (al->learned.len_src > 0 && al->learned.len_tgt > 0)
        pb->params.ratio = al->learned.len_tgt / al->learned.len_src;
    else if (ls > 0 && lt > 0)
        pb->params.ratio = lt / ls;
    if (pb->params.ratio < 0.5)
        pb->params.ratio = 0.5;
    if (pb->params.ratio > 2.0)
        pb->params.ratio = 2.0;
    if (al->learned.var_n >= 20)
        pb->params.var = al->learned.var_sum / (double)al->learned.var_n;
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

selaras_status sl_problem_pass(selaras_aligner *al, sl_problem *pb, const sl_learned *extra,
                               const unsigned char *guide, size_t nguide, int confidence,
                               sl_bead **beads, size_t *nb, selaras_error *err)
{
    selaras_status st = sl_trans_build(&pb->trans, al, pb, extra);
    if (st != SELARAS_OK)
        return sl_nomem(err);
    return sl_problem_dp(al, pb, guide, nguide, confidence, beads, nb, err);
}

selaras_status sl_problem_dp(selaras_aligner *al, sl_problem *pb, const unsigned char *guide,
                             size_t nguide, int confidence, sl_bead **beads, size_t *nb,
                             selaras_error *err)
{
    /* a pass guided by an earlier one needs less room around its path */
    size_t band = guide != NULL ? al->band / 2 : al->band;
    return sl_dp_align(&pb->src, &pb->tgt, &pb->trans, &pb->params, &al->erfc, band, guide,
                       nguide, confidence, &al->mem, beads, nb, err);
}

selaras_status selaras_aligner_learn(selaras_aligner *al, const selaras_segments *src,
                                     const selaras_segments *tgt, selaras_error *err)
{
    selaras_status st = check_inputs(al, src, tgt, err);
    if (st != SELARAS_OK)
        return st;
    sl_problem pb;
    if ((st = sl_problem_init(al, &pb, src, tgt, err)) != SELARAS_OK)
        return st;
    sl_bead *beads = NULL;
    size_t nb = 0;
    if ((st = sl_problem_pass(al, &pb, NULL, NULL, 0, 0, &beads, &nb, err)) == SELARAS_OK &&
        sl_learned_add(&al->learned, &pb, beads, nb) != 0)
        st = sl_nomem(err);
    sl_free(&al->mem, beads);
    sl_problem_release(&pb, &al->mem);
    return st;
}

selaras_status selaras_align(selaras_aligner *al, const selaras_segments *src,
                             const selaras_segments *tgt, selaras_alignment **out,
                             selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out is NULL");
    *out = NULL;
    selaras_status st = check_inputs(al, src, tgt, err);
    if (st != SELARAS_OK)
        return st;
    selaras_alignment *a = sl_calloc(&al->mem, 1, sizeof *a);
    if (a == NULL)
        return sl_nomem(err);
    a->mem = al->mem;
    sl_problem pb;
    if ((st = sl_problem_init(al, &pb, src, tgt, err)) != SELARAS_OK) {
        sl_free(&al->mem, a);
        return st;
    }
    sl_bead *beads = NULL;
    size_t nb = 0;
    sl_learned local;
    sl_learned_init(&local, &al->mem);
    int realign = al->realign && (al->params.evidence & SELARAS_EVIDENCE_LEARNED);
    st = sl_problem_pass(al, &pb, NULL, NULL, 0, !realign, &beads, &nb, err);
    if (st == SELARAS_OK && realign) {
        reestimate_variance(&pb, beads, nb);
        if (sl_learned_add(&local, &pb, beads, nb) != 0 ||
            sl_trans_build(&pb.trans, al, &pb, &local) != SELARAS_OK) {
            st = sl_nomem(err);
        } else {
            /* the relation holds what the second pass needs of the table, and one byte a
             * bead what it needs of the first path: free both first */
            sl_learned_release(&local);
            unsigned char *steps = sl_malloc(&al->mem, nb ? nb : 1);
            if (steps == NULL) {
                st = sl_nomem(err);
            } else {
                for (size_t b = 0; b < nb; b++)
                    steps[b] = sl_step_of(&beads[b]);
                sl_free(&al->mem, beads);
                beads = NULL;
                size_t nfirst = nb;
                st = sl_problem_dp(al, &pb, steps, nfirst, 1, &beads, &nb, err);
                sl_free(&al->mem, steps);
            }
        }
    }
    sl_learned_release(&local);
    sl_problem_release(&pb, &al->mem);
    if (st != SELARAS_OK) {
        sl_free(&al->mem, beads);
        sl_free(&al->mem, a);
        return st;
    }
    a->beads = beads;
    a->count = nb;
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
