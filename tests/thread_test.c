/* Threads: 8 threads each run the pipeline on documents of their own at the same time:
 * intake, lines, the sentence segmenter (one per thread) and the aligner (one per thread)
 * with ONE lexicon and ONE trained model shared by all of them, and every result must
 * equal the one computed on the main thread first. Built in every configuration and run by make check; CI also runs
 * it built with ThreadSanitizer (configure --enable-thread-sanitizer), which must report
 * no race. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "selaras.h"

#define THREADS 8
#define ROUNDS 20

/* One document per thread: different languages, line ends, normalisation work and an
 * invalid byte, so that the threads go down different paths at once. */
static void make_text(int t, char *buf, size_t cap, size_t *len)
{
    static const char *const lines[] = {
        "SIARAN PERS\r\n",
        "Jakarta, Selasa (27/1) \xE2\x80\x93 Kementerian Keuangan menggelar pelatihan.\r\n",
        "The Ministry of Finance held a training in Jakarta on Tuesday (1/27).\n",
        "Cafe\xCC\x81 de\xCC\x81ja\xCC\x80 vu \xE2\x80\xA8 A\xCC\x8A \xEA\xB0\x80\n",
        "  \xC2\xA0 Baca juga: Program baru \xE2\x80\x8B\n",
        "Bad byte \xC0 here.\n",
    };
    size_t n = 0;
    for (int i = 0; i < 40; i++) {
        const char *l = lines[(size_t)(i * (t + 1) + t) % (sizeof lines / sizeof *lines)];
        size_t k = strlen(l);
        if (n + k + 16 > cap)
            break;
        memcpy(buf + n, l, k);
        n += k;
        n += (size_t)snprintf(buf + n, cap - n, "%d.%d\n", t, i);
    }
    *len = n;
}

typedef struct result {
    char *text;         /* normalised text */
    size_t len;
    size_t count;       /* lines */
    size_t last_start;  /* offsets of the last line */
    size_t last_end;
    size_t segments;    /* sentences of the source side */
    char beads[2048];   /* the alignment, as "s+n:t+m " items */
} result;

static selaras_lexicon *lexicon; /* shared, read-only once the threads start */
static selaras_model *model;     /* trained on the main thread, then only read */

static const char *const english[] = {
    ("PRESS RELEASE\n\nJakarta, Tuesday (1/27) - The Ministry of Finance held a training. "
     "\"We are ready,\" the minister said. The budget rose 23.5% to Rp 5.2 trillion.\n"),
    "The hospital opened in 2026. It has 200 beds. Reporter : A | Editor : B\n",
    "Prices rose 5% in March. The city council met on Monday. Nothing else happened.\n",
    "One sentence only.\n",
};

static const char *const langs[THREADS] = {"id", "in", "id-ID", "id_ID", "in-ID", "id", "ID", "id-id"};

static int run_once(int t, result *r)
{
    char buf[8192];
    size_t len;
    make_text(t, buf, sizeof buf, &len);
    selaras_doc *doc;
    selaras_error err;
    if (selaras_doc_new(&doc, buf, len, langs[t], SELARAS_DOC_REPLACE_INVALID, NULL, &err) !=
        SELARAS_OK) {
        fprintf(stderr, "thread %d: %s\n", t, err.message);
        return -1;
    }
    selaras_segments *segs;
    if (selaras_segments_from_lines(&segs, doc, &err) != SELARAS_OK) {
        fprintf(stderr, "thread %d: %s\n", t, err.message);
        selaras_doc_free(doc);
        return -1;
    }
    size_t tlen;
    const char *text = selaras_doc_text(doc, &tlen);
    r->text = malloc(tlen + 1);
    if (r->text == NULL) {
        selaras_segments_free(segs);
        selaras_doc_free(doc);
        return -1;
    }
    memcpy(r->text, text, tlen + 1);
    r->len = tlen;
    r->count = selaras_segments_count(segs);
    r->last_start = r->count ? selaras_segments_start(segs, r->count - 1) : 0;
    r->last_end = r->count ? selaras_segments_end(segs, r->count - 1) : 0;
    selaras_segments_free(segs);

    /* Segment this document as Indonesian and an English one, and align them with the
     * shared lexicon. */
    selaras_segmenter *sid = NULL, *sen = NULL;
    selaras_doc *en = NULL;
    selaras_segments *src = NULL, *tgt = NULL;
    selaras_aligner *al = NULL;
    selaras_alignment *a = NULL;
    const char *e = english[t % 4];
    int rc = -1;
    if (selaras_doc_set_name(doc, "rilis.txt") == SELARAS_OK &&
        selaras_segmenter_new(&sid, "id", NULL, &err) == SELARAS_OK &&
        selaras_segmenter_new(&sen, "en", NULL, &err) == SELARAS_OK &&
        selaras_doc_new(&en, e, strlen(e), "en", 0, NULL, &err) == SELARAS_OK &&
        selaras_segment(sid, doc, &src, &err) == SELARAS_OK &&
        selaras_segment(sen, en, &tgt, &err) == SELARAS_OK &&
        selaras_aligner_new_shared(&al, model, NULL, &err) == SELARAS_OK &&
        selaras_align(al, src, tgt, &a, &err) == SELARAS_OK) {
        r->segments = selaras_segments_count(src);
        size_t n = 0;
        r->beads[0] = '\0';
        for (size_t b = 0; b < selaras_alignment_count(a) && n + 64 < sizeof r->beads; b++)
            n += (size_t)snprintf(r->beads + n, sizeof r->beads - n, "%zu+%zu:%zu+%zu=%.6f ",
                                  selaras_alignment_src_first(a, b),
                                  selaras_alignment_src_count(a, b),
                                  selaras_alignment_tgt_first(a, b),
                                  selaras_alignment_tgt_count(a, b),
                                  selaras_alignment_score(a, b));
        rc = 0;
    } else {
        fprintf(stderr, "thread %d: %s\n", t, err.message);
    }
    selaras_alignment_free(a);
    selaras_aligner_free(al);
    selaras_segments_free(src);
    selaras_segments_free(tgt);
    selaras_doc_free(en);
    selaras_segmenter_free(sid);
    selaras_segmenter_free(sen);
    selaras_doc_free(doc);
    if (rc != 0) {
        free(r->text);
        r->text = NULL;
    }
    return rc;
}

static result expected[THREADS];

typedef struct job {
    int t;
    int failures;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    for (int round = 0; round < ROUNDS; round++) {
        result r;
        if (run_once(j->t, &r) != 0) {
            j->failures++;
            continue;
        }
        const result *e = &expected[j->t];
        if (r.len != e->len || memcmp(r.text, e->text, r.len) != 0 || r.count != e->count ||
            r.last_start != e->last_start || r.last_end != e->last_end ||
            r.segments != e->segments || strcmp(r.beads, e->beads) != 0)
            j->failures++;
        free(r.text);
    }
    return NULL;
}

int main(void)
{
    static const char *const pairs[][2] = {
        {"kementerian", "ministry"}, {"keuangan", "finance"}, {"pelatihan", "training"},
        {"menteri", "minister"},     {"anggaran", "budget"},  {"rumah sakit", "hospital"},
        {"harga", "price"},          {"kota", "city"},        {"kalimat", "sentence"}};
    if (selaras_lexicon_new(&lexicon, "id", "en", NULL, NULL) != SELARAS_OK)
        return EXIT_FAILURE;
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        if (selaras_lexicon_add(lexicon, pairs[i][0], strlen(pairs[i][0]), pairs[i][1],
                                strlen(pairs[i][1]), NULL) != SELARAS_OK)
            return EXIT_FAILURE;
    /* the model learns "sekolah"/"school" and "pasar"/"market" from numbered pairs */
    selaras_segments *ls, *lt;
    if (selaras_model_new(&model, "id", "en", lexicon, NULL, NULL) != SELARAS_OK ||
        selaras_segments_new(&ls, "id", NULL, NULL) != SELARAS_OK ||
        selaras_segments_new(&lt, "en", NULL, NULL) != SELARAS_OK)
        return EXIT_FAILURE;
    for (int k = 0; k < 24; k++) {
        char a[96], b[96];
        int na = snprintf(a, sizeof a, k % 2 ? "Pasar %d ramai." : "Sekolah %d dibuka.", k);
        int nb = snprintf(b, sizeof b, k % 2 ? "Market %d was busy." : "School %d opened.", k);
        if (selaras_segments_append(ls, a, (size_t)na, SELARAS_SEGMENT_SENTENCE, NULL) !=
                SELARAS_OK ||
            selaras_segments_append(lt, b, (size_t)nb, SELARAS_SEGMENT_SENTENCE, NULL) !=
                SELARAS_OK)
            return EXIT_FAILURE;
    }
    if (selaras_model_learn(model, ls, lt, NULL) != SELARAS_OK ||
        selaras_model_learned_pairs(model) == 0)
        return EXIT_FAILURE;
    selaras_segments_free(ls);
    selaras_segments_free(lt);
    size_t keys = selaras_model_vocabulary(model);
    for (int t = 0; t < THREADS; t++) {
        if (run_once(t, &expected[t]) != 0)
            return EXIT_FAILURE;
    }
    pthread_t threads[THREADS];
    job jobs[THREADS];
    for (int t = 0; t < THREADS; t++) {
        jobs[t].t = t;
        jobs[t].failures = 0;
        if (pthread_create(&threads[t], NULL, worker, &jobs[t]) != 0) {
            fprintf(stderr, "thread_test: cannot start thread %d\n", t);
            return EXIT_FAILURE;
        }
    }
    int failures = 0;
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        failures += jobs[t].failures;
        free(expected[t].text);
    }
    /* aligning left the model as it was */
    if (selaras_model_vocabulary(model) != keys)
        failures++;
    selaras_model_free(model);
    selaras_lexicon_free(lexicon);
    printf("thread_test: %d threads x %d rounds of intake, lines, segmentation and alignment "
           "with one shared lexicon and model, %d mismatches\n", THREADS, ROUNDS, failures);
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
