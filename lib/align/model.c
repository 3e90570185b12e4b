/* The model an aligner reads (languages, lexicon, the learned word table and its
 * vocabulary), learning into it, and the working state each aligner keeps apart from it. */
#include "config.h"

#include <string.h>

#include "aligner.h"

/* ---- working state ---- */

selaras_status sl_worker_init(sl_worker *w, const selaras_allocator *mem, const char *src_lang,
                              const char *tgt_lang, selaras_error *err)
{
    memset(w, 0, sizeof *w);
    w->mem = mem;
    sl_vocab_init(&w->scratch, mem);
    selaras_status st;
    if ((st = sl_stemmer_new(&w->src_stem, mem, src_lang, err)) != SELARAS_OK ||
        (st = sl_stemmer_new(&w->tgt_stem, mem, tgt_lang, err)) != SELARAS_OK) {
        sl_worker_release(w);
        return st;
    }
    /* the worker keeps every word's stem id (src_cache, tgt_cache) */
    sl_stemmer_no_cache(w->src_stem);
    sl_stemmer_no_cache(w->tgt_stem);
    return SELARAS_OK;
}

void sl_worker_release(sl_worker *w)
{
    sl_stemmer_free(w->src_stem);
    sl_stemmer_free(w->tgt_stem);
    sl_free(w->mem, w->src_cache.stem);
    sl_free(w->mem, w->tgt_cache.stem);
    sl_vocab_release(&w->scratch);
    w->src_stem = w->tgt_stem = NULL;
    w->src_cache.stem = w->tgt_cache.stem = NULL;
    w->src_cache.cap = w->tgt_cache.cap = 0;
}

/* Drop the entries of a cache that are, or name, ids from nvocab on. */
static void clear_cache(sl_stem_cache *c, size_t nvocab)
{
    size_t keep = c->cap < nvocab ? c->cap : nvocab;
    for (size_t i = 0; i < keep; i++)
        if (c->stem[i] > nvocab)
            c->stem[i] = 0;
    if (c->cap > keep)
        memset(c->stem + keep, 0, (c->cap - keep) * sizeof *c->stem);
}

void sl_worker_clear(sl_worker *w, size_t nvocab)
{
    sl_vocab_clear(&w->scratch);
    clear_cache(&w->src_cache, nvocab);
    clear_cache(&w->tgt_cache, nvocab);
}

/* ---- the model ---- */

selaras_status sl_model_create(selaras_model **out, const char *src_lang, const char *tgt_lang,
                               const selaras_lexicon *lexicon, const selaras_allocator *mem,
                               selaras_error *err)
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
    int reversed = 0;
    if (lexicon != NULL) {
        if (strcmp(sl_lexicon_src_lang(lexicon), src_primary) == 0 &&
            strcmp(sl_lexicon_tgt_lang(lexicon), tgt_primary) == 0)
            reversed = 0;
        else if (strcmp(sl_lexicon_src_lang(lexicon), tgt_primary) == 0 &&
                 strcmp(sl_lexicon_tgt_lang(lexicon), src_primary) == 0)
            reversed = 1;
        else
            return sl_error(err, SELARAS_ERR_LANGUAGE,
                            "the lexicon is for %s-%s, the aligner for %s-%s",
                            sl_lexicon_src_lang(lexicon), sl_lexicon_tgt_lang(lexicon),
                            src_primary, tgt_primary);
    }
    selaras_model *md = sl_calloc(&m, 1, sizeof *md);
    if (md == NULL)
        return sl_nomem(err);
    md->mem = m;
    memcpy(md->src_lang, src_primary, sizeof md->src_lang);
    memcpy(md->tgt_lang, tgt_primary, sizeof md->tgt_lang);
    md->lexicon = lexicon;
    md->lex_reversed = reversed;
    sl_erfc_table_init(&md->erfc);
    sl_vocab_init(&md->vocab, &md->mem);
    sl_learned_init(&md->learned, &md->mem);
    if ((st = sl_worker_init(&md->trainer, &md->mem, src_primary, tgt_primary, err)) !=
        SELARAS_OK) {
        sl_free(&m, md);
        return st;
    }
    *out = md;
    return SELARAS_OK;
}

selaras_status selaras_model_new(selaras_model **out, const char *src_lang,
                                 const char *tgt_lang, const selaras_lexicon *lexicon,
                                 const selaras_allocator *mem, selaras_error *err)
{
    return sl_model_create(out, src_lang, tgt_lang, lexicon, mem, err);
}

void selaras_model_free(selaras_model *md)
{
    if (md == NULL)
        return;
    sl_worker_release(&md->trainer);
    sl_vocab_release(&md->vocab);
    sl_learned_release(&md->learned);
    sl_free(&md->mem, md);
}

selaras_status sl_model_check(const selaras_model *md, const selaras_segments *src,
                              const selaras_segments *tgt, selaras_error *err)
{
    if (src == NULL || tgt == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "segments are NULL");
    if (strcmp(src->primary, md->src_lang) != 0)
        return sl_error(err, SELARAS_ERR_LANGUAGE,
                        "source segments are in '%s', the aligner expects '%s'", src->primary,
                        md->src_lang);
    if (strcmp(tgt->primary, md->tgt_lang) != 0)
        return sl_error(err, SELARAS_ERR_LANGUAGE,
                        "target segments are in '%s', the aligner expects '%s'", tgt->primary,
                        md->tgt_lang);
    return SELARAS_OK;
}

selaras_status sl_model_learn(selaras_model *md, sl_worker *work, const sl_params *params,
                              size_t band, const selaras_segments *src,
                              const selaras_segments *tgt, selaras_error *err)
{
    selaras_status st = sl_model_check(md, src, tgt, err);
    if (st != SELARAS_OK)
        return st;
    sl_run run = {md, work, &md->vocab, *params, band, work->mem};
    sl_problem pb;
    if ((st = sl_problem_init(&run, &pb, src, tgt, err)) != SELARAS_OK)
        return st;
    sl_bead *beads = NULL;
    size_t nb = 0;
    if ((st = sl_problem_pass(&run, &pb, NULL, NULL, 0, 0, &beads, &nb, err)) == SELARAS_OK &&
        sl_learned_add(&md->learned, &pb, beads, nb) != 0)
        st = sl_nomem(err);
    sl_free(run.mem, beads);
    sl_problem_release(&pb, run.mem);
    return st;
}

selaras_status selaras_model_learn(selaras_model *md, const selaras_segments *src,
                                   const selaras_segments *tgt, selaras_error *err)
{
    if (md == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "model is NULL");
    return sl_model_learn(md, &md->trainer, &sl_default_params, SL_BAND, src, tgt, err);
}

size_t selaras_model_learned_pairs(const selaras_model *md)
{
    return md == NULL ? 0 : md->learned.npairs;
}

size_t selaras_model_vocabulary(const selaras_model *md)
{
    return md == NULL ? 0 : sl_vocab_size(&md->vocab);
}
