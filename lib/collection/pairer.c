/* The pairer handle: the profiles of the documents of both sides, the settings, and the
 * result of the last run (index.c computes it). */
#include "config.h"

#include <string.h>

#include "pairer.h"

selaras_status selaras_pairer_new(selaras_pairer **out, const char *src_lang,
                                  const char *tgt_lang, const selaras_lexicon *lex,
                                  const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "pairer: NULL output pointer");
    *out = NULL;
    selaras_allocator m;
    char tag[SL_LANG_TAG_MAX], sp[4], tp[4];
    selaras_status st = sl_mem_lang_init(&m, mem, src_lang, tag, sp, err);
    if (st != SELARAS_OK || (st = sl_lang_parse(tgt_lang, tag, tp, err)) != SELARAS_OK)
        return st;
    selaras_pairer *p = sl_calloc(&m, 1, sizeof *p);
    if (p == NULL)
        return sl_nomem(err);
    p->mem = m;
    memcpy(p->primary[0], sp, sizeof sp);
    memcpy(p->primary[1], tp, sizeof tp);
    p->dir = sl_lexicon_direction(lex, sp, tp);
    p->lex = p->dir < 0 ? NULL : lex;
    p->min_score = SELARAS_PAIR_MIN_SCORE;
    if ((st = sl_profiler_init(&p->pf[0], &p->mem, sp, p->lex, p->dir, err)) != SELARAS_OK ||
        (st = sl_profiler_init(&p->pf[1], &p->mem, tp, p->lex, p->dir < 0 ? -1 : 1 - p->dir,
                               err)) != SELARAS_OK) {
        selaras_pairer_free(p);
        return st;
    }
    *out = p;
    return SELARAS_OK;
}

void selaras_pairer_free(selaras_pairer *p)
{
    if (p == NULL)
        return;
    selaras_allocator m = p->mem;
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; i < p->n[s]; i++)
            sl_profile_release(&p->docs[s][i], &m);
        sl_free(&m, p->docs[s]);
        sl_free(&m, p->partner[s]);
        sl_free(&m, p->score[s]);
        sl_profiler_release(&p->pf[s]);
    }
    sl_free(&m, p);
}

selaras_status selaras_pairer_set_min_score(selaras_pairer *p, double score, selaras_error *err)
{
    if (p == NULL || !(score >= 0 && score <= 1))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "pairer: %s",
                        p == NULL ? "NULL pairer" : "the minimum score must be in [0, 1]");
    p->min_score = score;
    return SELARAS_OK;
}

selaras_status selaras_pairer_add(selaras_pairer *p, selaras_side side,
                                  const selaras_segments *segs, size_t *index, selaras_error *err)
{
    if (p == NULL || segs == NULL || (side != SELARAS_SIDE_SOURCE && side != SELARAS_SIDE_TARGET))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "pairer: %s",
                        p == NULL ? "NULL pairer" : segs == NULL ? "NULL segment list"
                                                                 : "unknown side");
    int s = side == SELARAS_SIDE_TARGET;
    if (strcmp(segs->primary, p->primary[s]) != 0)
        return sl_error(err, SELARAS_ERR_LANGUAGE,
                        "pairer: a %s document in \"%s\", expected \"%s\"",
                        s ? "target" : "source", segs->primary, p->primary[s]);
    if (sl_grow(&p->mem, (void **)&p->docs[s], &p->cap[s], p->n[s] + 1, sizeof *p->docs[s]) != 0)
        return sl_nomem(err);
    selaras_status st = sl_profile_build(&p->pf[s], segs, &p->docs[s][p->n[s]], err);
    if (st != SELARAS_OK)
        return st;
    if (index != NULL)
        *index = p->n[s];
    p->n[s]++;
    return SELARAS_OK;
}

size_t selaras_pairer_count(const selaras_pairer *p, selaras_side side)
{
    return p->n[side == SELARAS_SIDE_TARGET];
}

size_t selaras_pairer_partner(const selaras_pairer *p, selaras_side side, size_t index,
                              double *score)
{
    int s = side == SELARAS_SIDE_TARGET;
    if (score != NULL)
        *score = 0;
    if (index >= p->result_n[s])
        return SELARAS_UNPAIRED;
    if (score != NULL)
        *score = p->score[s][index];
    return p->partner[s][index];
}

size_t selaras_pairer_comparisons(const selaras_pairer *p)
{
    return p->comparisons;
}
