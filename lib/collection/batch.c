/* The batch handle: its pairs, its settings and what it reports after a run. */
#include "config.h"

#include <string.h>

#include "collection.h"
#include "batch.h"

selaras_status selaras_batch_new(selaras_batch **out, const selaras_model *model,
                                 const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out is NULL");
    *out = NULL;
    if (model == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "model is NULL");
    selaras_allocator m;
    selaras_status st = sl_mem_init(&m, mem, err);
    if (st != SELARAS_OK)
        return st;
    selaras_batch *b = sl_calloc(&m, 1, sizeof *b);
    if (b == NULL)
        return sl_nomem(err);
    b->mem = m;
    b->model = model;
    b->jobs = 1;
    b->doc_flags = SELARAS_DOC_DETECT_HTML; /* text, or a page by its name or first bytes */
    *out = b;
    return SELARAS_OK;
}

void selaras_batch_free(selaras_batch *b)
{
    if (b == NULL)
        return;
    for (size_t i = 0; i < b->n; i++) {
        sl_batch_pair *p = &b->pairs[i];
        sl_free(&b->mem, p->src);
        sl_free(&b->mem, p->tgt);
        sl_free(&b->mem, p->reason);
        selaras_segments_free(p->s);
        selaras_segments_free(p->t);
        selaras_alignment_free(p->a);
    }
    sl_free(&b->mem, b->pairs);
    selaras_allocator mem = b->mem;
    sl_free(&mem, b);
}

static char *copy(const selaras_allocator *mem, const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = sl_malloc(mem, n);
    if (c != NULL)
        memcpy(c, s, n);
    return c;
}

selaras_status selaras_batch_add(selaras_batch *b, const char *src_path, const char *tgt_path,
                                 selaras_error *err)
{
    if (b == NULL || src_path == NULL || tgt_path == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "batch or path is NULL");
    if (b->ran)
        return sl_error(err, SELARAS_ERR_STATE, "the batch has run: make a new one");
    if (sl_grow(&b->mem, (void **)&b->pairs, &b->cap, b->n + 1, sizeof *b->pairs) != 0)
        return sl_nomem(err);
    sl_batch_pair *p = &b->pairs[b->n];
    memset(p, 0, sizeof *p);
    p->score = -1;
    p->src = copy(&b->mem, src_path);
    p->tgt = copy(&b->mem, tgt_path);
    if (p->src == NULL || p->tgt == NULL) {
        sl_free(&b->mem, p->src);
        sl_free(&b->mem, p->tgt);
        return sl_nomem(err);
    }
    b->n++;
    return SELARAS_OK;
}

selaras_status selaras_batch_set_jobs(selaras_batch *b, unsigned jobs, selaras_error *err)
{
    if (b == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "batch is NULL");
    if (jobs < 1 || jobs > SL_BATCH_MAX_JOBS)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "%u jobs: give 1 to %d", jobs,
                        SL_BATCH_MAX_JOBS);
    b->jobs = jobs;
    return SELARAS_OK;
}

void selaras_batch_set_force(selaras_batch *b, int on)
{
    if (b != NULL)
        b->force = on != 0;
}

selaras_status selaras_batch_set_input(selaras_batch *b, unsigned doc_flags,
                                       const char *encoding)
{
    if (b == NULL || (doc_flags & ~(unsigned)(SELARAS_DOC_REPLACE_INVALID | SELARAS_DOC_HTML |
                                              SELARAS_DOC_DETECT_HTML)))
        return SELARAS_ERR_ARGUMENT;
    if (b->ran)
        return SELARAS_ERR_STATE;
    b->doc_flags = doc_flags;
    b->encoding = encoding;
    return SELARAS_OK;
}

void selaras_batch_set_progress(selaras_batch *b, selaras_batch_progress_fn fn, void *user)
{
    if (b != NULL) {
        b->progress = fn;
        b->progress_user = user;
    }
}

size_t selaras_batch_count(const selaras_batch *b)
{
    return b == NULL ? 0 : b->n;
}

static const sl_batch_pair *pair_at(const selaras_batch *b, size_t i)
{
    return b == NULL || i >= b->n ? NULL : &b->pairs[i];
}

const char *selaras_batch_source(const selaras_batch *b, size_t i)
{
    const sl_batch_pair *p = pair_at(b, i);
    return p == NULL ? NULL : p->src;
}

const char *selaras_batch_target(const selaras_batch *b, size_t i)
{
    const sl_batch_pair *p = pair_at(b, i);
    return p == NULL ? NULL : p->tgt;
}

selaras_batch_outcome selaras_batch_outcome_of(const selaras_batch *b, size_t i)
{
    const sl_batch_pair *p = pair_at(b, i);
    return p == NULL ? SELARAS_BATCH_PENDING : p->outcome;
}

double selaras_batch_score(const selaras_batch *b, size_t i)
{
    const sl_batch_pair *p = pair_at(b, i);
    return p == NULL ? -1.0 : p->score;
}

const char *selaras_batch_reason(const selaras_batch *b, size_t i)
{
    const sl_batch_pair *p = pair_at(b, i);
    return p == NULL ? NULL : p->reason;
}

size_t selaras_batch_beads(const selaras_batch *b, unsigned src_count, unsigned tgt_count)
{
    return b == NULL || src_count > 3 || tgt_count > 3 ? 0 : b->beads[src_count][tgt_count];
}

double selaras_batch_seconds(const selaras_batch *b, selaras_batch_stage stage)
{
    return b == NULL || (unsigned)stage >= SL_STAGES ? 0.0 : b->seconds[stage];
}
