/* Running a batch: workers read, segment and align pairs (each with its own segmenters
 * and an aligner on the shared model); the calling thread hands the results to the writer
 * in the order the pairs were added, so the output does not depend on the threads. */
#include "config.h"

#include <pthread.h>
#include <string.h>
#include <time.h>

#include "collection.h"
#include "batch.h"
#include "../align/aligner.h"

/* Pairs a worker may run ahead of the writer, per job: memory stays flat in pairs. */
#define SL_BATCH_AHEAD 2

/* What one thread works with. */
typedef struct worker {
    selaras_batch *b;
    struct run *run;
    selaras_aligner *al;
    selaras_segmenter *sseg, *tseg;
    double seconds[SL_STAGES];
} worker;

typedef struct run {
    selaras_batch *b;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    size_t next;         /* the next pair to take */
    size_t written;      /* pairs the writer is done with */
    size_t window;       /* pairs taken may run this far ahead of written */
    selaras_status fatal;
    selaras_error fatal_err;
} run;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void worker_release(worker *w)
{
    selaras_aligner_free(w->al);
    selaras_segmenter_free(w->sseg);
    selaras_segmenter_free(w->tseg);
    w->al = NULL;
    w->sseg = w->tseg = NULL;
}

static selaras_status worker_init(worker *w, selaras_batch *b, run *r, selaras_error *err)
{
    memset(w, 0, sizeof *w);
    w->b = b;
    w->run = r;
    selaras_status st;
    if ((st = selaras_aligner_new_shared(&w->al, b->model, &b->mem, err)) != SELARAS_OK ||
        (st = selaras_segmenter_new(&w->sseg, b->model->src_lang, &b->mem, err)) !=
            SELARAS_OK ||
        (st = selaras_segmenter_new(&w->tseg, b->model->tgt_lang, &b->mem, err)) !=
            SELARAS_OK)
        worker_release(w);
    return st;
}

/* The reason a file was skipped: "PATH:LINE:COL: message" for an error at a place, else
 * "PATH: message" (the message names the path already for reading errors). */
static selaras_status set_reason(const selaras_allocator *mem, sl_batch_pair *p,
                                 const char *path, const selaras_error *e)
{
    sl_buf buf;
    sl_buf_init(&buf, mem);
    int bad = 0;
    if (e->status != SELARAS_ERR_IO) {
        bad |= sl_buf_append_str(&buf, path);
        if (e->offset != SELARAS_NO_OFFSET) {
            bad |= sl_buf_append_byte(&buf, ':') | sl_buf_append_size(&buf, e->line) |
                   sl_buf_append_byte(&buf, ':') | sl_buf_append_size(&buf, e->column);
        }
        bad |= sl_buf_append_str(&buf, ": ");
    }
    bad |= sl_buf_append_str(&buf, e->message) | sl_buf_append_byte(&buf, '\0');
    if (bad) {
        sl_buf_release(&buf);
        return SELARAS_ERR_NOMEM;
    }
    p->reason = buf.data;
    return SELARAS_OK;
}

/* The document flags for path: with SELARAS_DOC_DETECT_HTML a page is also known by its
 * name (.html, .htm, .xhtml, .shtml), as the CLI's --input auto does. */
static unsigned sl_batch_doc_flags(unsigned flags, const char *path)
{
    if (!(flags & SELARAS_DOC_DETECT_HTML))
        return flags;
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    static const char *const exts[] = {".html", ".htm", ".xhtml", ".shtml"};
    for (size_t i = 0; dot != NULL && (slash == NULL || dot > slash) && i < 4; i++)
        if (sl_ascii_ncaseeq(dot, strlen(dot), exts[i]))
            return flags | SELARAS_DOC_HTML;
    return flags;
}

/* Read, decode and segment one file into *out. SELARAS_OK; a skip of the pair (reason
 * set, *out NULL, SELARAS_OK returned too); or SELARAS_ERR_NOMEM (fatal). */
static selaras_status load(worker *w, sl_batch_pair *p, const char *path, const char *lang,
                           selaras_segmenter *seg, selaras_segments **out, selaras_error *err)
{
    const selaras_allocator *mem = &w->b->mem;
    *out = NULL;
    double t0 = now();
    sl_buf text;
    selaras_error e;
    selaras_doc *doc = NULL;
    selaras_status st = sl_read_file(mem, path, &text, &e);
    if (st == SELARAS_OK) {
        /* UTF-8 text, or an HTML page in its own encoding (its main text) */
        st = selaras_doc_new_encoded(&doc, text.data, text.len, lang, w->b->encoding,
                                     sl_batch_doc_flags(w->b->doc_flags, path), mem, &e);
        sl_buf_release(&text);
    }
    if (st == SELARAS_OK && (st = selaras_doc_set_name(doc, path)) != SELARAS_OK)
        sl_nomem(&e);
    double t1 = now();
    w->seconds[SELARAS_STAGE_READ] += t1 - t0;
    if (st == SELARAS_OK) {
        st = selaras_segment(seg, doc, out, &e);
        w->seconds[SELARAS_STAGE_SEGMENT] += now() - t1;
    }
    selaras_doc_free(doc);
    if (st == SELARAS_OK)
        return SELARAS_OK;
    if (st == SELARAS_ERR_NOMEM) {
        *err = e;
        return st;
    }
    p->outcome = SELARAS_BATCH_SKIPPED;
    if (set_reason(mem, p, path, &e) != SELARAS_OK)
        return sl_nomem(err);
    return SELARAS_OK;
}

/* Free what pair p holds for the writer. */
static void drop_results(sl_batch_pair *p)
{
    selaras_segments_free(p->s);
    selaras_segments_free(p->t);
    selaras_alignment_free(p->a);
    p->s = p->t = NULL;
    p->a = NULL;
}

/* Process pair p: its outcome and, when aligned, its segments and beads. SELARAS_OK, or
 * a fatal status (no memory) with err set. */
static selaras_status process(worker *w, sl_batch_pair *p, selaras_error *err)
{
    const selaras_model *md = w->b->model;
    selaras_status st = load(w, p, p->src, md->src_lang, w->sseg, &p->s, err);
    if (st == SELARAS_OK && p->outcome != SELARAS_BATCH_SKIPPED)
        st = load(w, p, p->tgt, md->tgt_lang, w->tseg, &p->t, err);
    if (st != SELARAS_OK || p->outcome == SELARAS_BATCH_SKIPPED) {
        selaras_segments_free(p->s);
        p->s = NULL;
        return st;
    }
    double t0 = now();
    st = selaras_align_scored(w->al, p->s, p->t, &p->a, NULL, err);
    w->seconds[SELARAS_STAGE_ALIGN] += now() - t0;
    if (st == SELARAS_OK) {
        p->score = selaras_alignment_document_score(p->a);
        p->outcome = p->score >= SELARAS_PARALLEL_THRESHOLD || w->b->force
                         ? SELARAS_BATCH_ALIGNED : SELARAS_BATCH_REFUSED;
    }
    if (st != SELARAS_OK || p->outcome == SELARAS_BATCH_REFUSED)
        drop_results(p);
    return st;
}

/* Hand the beads of pair p to the writer and free its results. */
static selaras_status write_pair(selaras_batch *b, sl_batch_pair *p, selaras_writer *wr,
                                 selaras_error *err)
{
    selaras_status st = SELARAS_OK;
    if (p->outcome == SELARAS_BATCH_ALIGNED) {
        double t0 = now();
        const selaras_alignment *a = p->a;
        for (size_t k = 0; k < selaras_alignment_count(a) && st == SELARAS_OK; k++) {
            size_t sc = selaras_alignment_src_count(a, k), tc = selaras_alignment_tgt_count(a, k);
            st = selaras_writer_add_bead(wr, p->s, selaras_alignment_src_first(a, k), sc, p->t,
                                         selaras_alignment_tgt_first(a, k), tc,
                                         selaras_alignment_score(a, k), err);
            if (st == SELARAS_OK && sc <= 3 && tc <= 3)
                b->beads[sc][tc]++;
        }
        b->seconds[SELARAS_STAGE_WRITE] += now() - t0;
    }
    drop_results(p);
    return st;
}

static size_t beads_written(const selaras_batch *b)
{
    size_t n = 0;
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            n += b->beads[i][j];
    return n;
}

static void *work(void *arg)
{
    worker *w = arg;
    run *r = w->run;
    selaras_batch *b = w->b;
    pthread_mutex_lock(&r->lock);
    for (;;) {
        while (r->fatal == SELARAS_OK && r->next < b->n && r->next >= r->written + r->window)
            pthread_cond_wait(&r->cond, &r->lock);
        if (r->fatal != SELARAS_OK || r->next >= b->n)
            break;
        sl_batch_pair *p = &b->pairs[r->next++];
        pthread_mutex_unlock(&r->lock);
        selaras_error e;
        selaras_status st = process(w, p, &e);
        pthread_mutex_lock(&r->lock);
        if (st != SELARAS_OK && r->fatal == SELARAS_OK) {
            r->fatal = st;
            r->fatal_err = e;
        }
        p->done = 1;
        pthread_cond_broadcast(&r->cond);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* One job: the calling thread processes and writes each pair in turn. */
static selaras_status run_alone(selaras_batch *b, selaras_writer *wr, worker *w,
                                selaras_error *err)
{
    for (size_t i = 0; i < b->n; i++) {
        sl_batch_pair *p = &b->pairs[i];
        selaras_status st = process(w, p, err);
        p->done = 1;
        if (st == SELARAS_OK)
            st = write_pair(b, p, wr, err);
        if (st != SELARAS_OK)
            return st;
        if (b->progress != NULL)
            b->progress(b->progress_user, i + 1, b->n, beads_written(b));
    }
    return SELARAS_OK;
}

/* Several jobs: workers on threads, the calling thread writes in order. */
static selaras_status run_threads(selaras_batch *b, selaras_writer *wr, worker *ws,
                                  unsigned jobs, run *r, selaras_error *err)
{
    pthread_t threads[SL_BATCH_MAX_JOBS];
    unsigned started = 0;
    selaras_status st = SELARAS_OK;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, work, &ws[started]) != 0)
            break;
    if (started == 0)
        st = sl_error(err, SELARAS_ERR_NOMEM, "cannot start a thread");
    for (size_t i = 0; i < b->n && st == SELARAS_OK; i++) {
        sl_batch_pair *p = &b->pairs[i];
        pthread_mutex_lock(&r->lock);
        while (!p->done && r->fatal == SELARAS_OK)
            pthread_cond_wait(&r->cond, &r->lock);
        if (r->fatal != SELARAS_OK) {
            st = r->fatal;
            *err = r->fatal_err;
        }
        pthread_mutex_unlock(&r->lock);
        if (st == SELARAS_OK)
            st = write_pair(b, p, wr, err);
        pthread_mutex_lock(&r->lock);
        r->written = i + 1;
        if (st != SELARAS_OK && r->fatal == SELARAS_OK)
            r->fatal = st; /* the workers stop */
        pthread_cond_broadcast(&r->cond);
        pthread_mutex_unlock(&r->lock);
        if (st == SELARAS_OK && b->progress != NULL)
            b->progress(b->progress_user, i + 1, b->n, beads_written(b));
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    return st;
}

selaras_status selaras_batch_run(selaras_batch *b, selaras_writer *wr, selaras_error *err)
{
    if (b == NULL || wr == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "batch or writer is NULL");
    if (b->ran)
        return sl_error(err, SELARAS_ERR_STATE, "the batch has run: make a new one");
    b->ran = 1;
    unsigned jobs = b->jobs;
    if (jobs > b->n)
        jobs = b->n > 0 ? (unsigned)b->n : 1;
    worker *ws = sl_calloc(&b->mem, jobs, sizeof *ws);
    if (ws == NULL)
        return sl_nomem(err);
    run r;
    memset(&r, 0, sizeof r);
    r.b = b;
    r.window = (size_t)jobs * SL_BATCH_AHEAD;
    selaras_status st = SELARAS_OK;
    unsigned made = 0;
    for (; made < jobs && st == SELARAS_OK; made++)
        st = worker_init(&ws[made], b, &r, err);
    if (st != SELARAS_OK)
        made--;
    if (st == SELARAS_OK && jobs == 1) {
        st = run_alone(b, wr, &ws[0], err);
    } else if (st == SELARAS_OK) {
        pthread_mutex_init(&r.lock, NULL);
        pthread_cond_init(&r.cond, NULL);
        st = run_threads(b, wr, ws, jobs, &r, err);
        pthread_cond_destroy(&r.cond);
        pthread_mutex_destroy(&r.lock);
    }
    for (unsigned t = 0; t < made; t++) {
        for (int s = 0; s < SL_STAGES; s++)
            b->seconds[s] += ws[t].seconds[s];
        worker_release(&ws[t]);
    }
    sl_free(&b->mem, ws);
    return st;
}
