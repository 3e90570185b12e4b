/* The writer's duplicate store (SELARAS_WRITER_DEDUPE). Each distinct unit (the same
 * variants: languages and texts) has an entry, in the order of its first occurrence,
 * found again through a hash table on a 128-bit hash of its variants. The entry holds
 * the score of the best occurrence so far (the higher x-score; a unit without a
 * well-formed score counts as lowest) and where that occurrence's serialised bytes are in
 * the spool: a file without a name beside the target, written as units come and read
 * back in order at close. Memory therefore grows with the number of distinct units, not
 * with their text. Also the hash table of the header's entries. */
#define _GNU_SOURCE /* O_TMPFILE */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "memory.h"

/* ---- keys ---- */

static void mix(uint64_t *h1, uint64_t *h2, const char *s, size_t n)
{
    uint64_t a = *h1, b = *h2;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        a = (a ^ c) * 1099511628211ULL;                 /* FNV-1a */
        b = (b + c + 1) * 0x9E3779B97F4A7C15ULL;         /* a second, independent one */
        b ^= b >> 29;
    }
    *h1 = a;
    *h2 = b;
}

static void hash_unit(const selaras_unit *u, uint64_t *h1, uint64_t *h2)
{
    *h1 = 1469598103934665603ULL;
    *h2 = 0x243F6A8885A308D3ULL;
    for (size_t v = 0; v < u->nvars; v++) {
        const char *lang = sl_unit_str(u, u->vars[v].lang);
        mix(h1, h2, lang, strlen(lang) + 1);                       /* with its NUL */
        mix(h1, h2, sl_unit_str(u, u->vars[v].text), u->vars[v].text_len + 1);
    }
}

static int table_grow(selaras_writer *w)
{
    size_t cap = w->table_cap == 0 ? 1024 : w->table_cap * 2;
    if (cap > SIZE_MAX / sizeof(size_t))
        return -1;
    size_t *table = sl_calloc(&w->mem, cap, sizeof *table);
    if (table == NULL)
        return -1;
    for (size_t i = 0; i < w->nunits; i++) {
        size_t slot = (size_t)w->kept[i].h1 & (cap - 1);
        while (table[slot] != 0)
            slot = (slot + 1) & (cap - 1);
        table[slot] = i + 1;
    }
    sl_free(&w->mem, w->table);
    w->table = table;
    w->table_cap = cap;
    return 0;
}

static double score_or_min(const selaras_unit *u)
{
    double s;
    return selaras_unit_score(u, &s) && !isnan(s) ? s : -HUGE_VAL;
}

/* ---- the spool ---- */

#define SPOOL_FLUSH_AT (1u << 16)

static selaras_status spool_open(selaras_writer *w, selaras_error *err)
{
    const char *target = w->out[0].path;
    const char *slash = target != NULL ? strrchr(target, '/') : NULL;
    char *dir = target == NULL ? sl_strndup(&w->mem, "/tmp", 4)
                : slash == NULL ? sl_strndup(&w->mem, ".", 1)
                                : sl_strndup(&w->mem, target,
                                             slash == target ? 1 : (size_t)(slash - target));
    if (dir == NULL)
        return sl_nomem(err);
    int fd = -1;
#ifdef O_TMPFILE
    fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
    if (fd < 0) { /* no O_TMPFILE here: a named file, removed at once */
        size_t n = strlen(dir);
        char *name = sl_malloc(&w->mem, n + 24);
        if (name == NULL) {
            sl_free(&w->mem, dir);
            return sl_nomem(err);
        }
        memcpy(name, dir, n);
        memcpy(name + n, "/.selaras-spool-XXXXXX", 23);
        fd = mkstemp(name);
        if (fd >= 0) {
            unlink(name);
            (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
        }
        sl_free(&w->mem, name);
    }
    if (fd < 0) {
        selaras_status st = sl_error(err, SELARAS_ERR_IO,
                                     "%s: cannot make the file that collects the units: %s",
                                     dir, sl_errno_text(errno));
        sl_free(&w->mem, dir);
        return st;
    }
    sl_free(&w->mem, dir);
    w->spool_fd = fd;
    w->spool_open = 1;
    w->spool_len = 0;
    sl_buf_init(&w->spool_buf, &w->mem);
    return SELARAS_OK;
}

static selaras_status spool_flush(selaras_writer *w, selaras_error *err)
{
    size_t done = 0;
    sl_buf *b = &w->spool_buf;
    while (done < b->len) {
        ssize_t n = write(w->spool_fd, b->data + done, b->len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return sl_error(err, SELARAS_ERR_IO, "write error on the file that collects the "
                            "units: %s", sl_errno_text(n < 0 ? errno : EIO));
        done += (size_t)n;
    }
    b->len = 0;
    return SELARAS_OK;
}

/* Serialise u, move its bytes from the outputs' buffers to the spool and describe them in
 * e (its offset, lengths, stripped characters, whether it is unpaired). */
static selaras_status spool_unit(selaras_writer *w, const selaras_unit *u, struct sl_kept *e,
                                 selaras_error *err)
{
    if (!w->spool_open) {
        selaras_status st = spool_open(w, err);
        if (st != SELARAS_OK)
            return st;
    }
    size_t stripped = w->counts[SELARAS_COUNT_STRIPPED];
    int unpaired = 0;
    int rc = sl_emit_unit_bytes(w, u, &unpaired);
    uint64_t off = w->spool_len;
    uint32_t len[2] = {0, 0};
    for (size_t i = 0; rc == 0 && i < w->nout; i++) {
        sl_buf *b = &w->out[i].buf;
        if (b->len > UINT32_MAX || sl_buf_append(&w->spool_buf, b->data, b->len) != 0)
            rc = -1;
        else
            len[i] = (uint32_t)b->len;
        w->spool_len += len[i];
    }
    for (size_t i = 0; i < w->nout; i++)
        w->out[i].buf.len = 0;
    size_t delta = w->counts[SELARAS_COUNT_STRIPPED] - stripped;
    w->counts[SELARAS_COUNT_STRIPPED] = stripped; /* counted when written, at close */
    if (rc != 0)
        return sl_nomem(err);
    e->off = off;
    e->len[0] = len[0];
    e->len[1] = len[1];
    e->stripped = delta > UINT32_MAX ? UINT32_MAX : (uint32_t)delta;
    e->unpaired = (uint32_t)unpaired;
    return w->spool_buf.len >= SPOOL_FLUSH_AT ? spool_flush(w, err) : SELARAS_OK;
}

/* ---- the store ---- */

selaras_status sl_store_unit(selaras_writer *w, const selaras_unit *u, selaras_error *err)
{
    if ((w->nunits + 1) * 2 > w->table_cap && table_grow(w) != 0)
        return sl_nomem(err);
    uint64_t h1, h2;
    hash_unit(u, &h1, &h2);
    double score = score_or_min(u);
    size_t slot = (size_t)h1 & (w->table_cap - 1);
    for (; w->table[slot] != 0; slot = (slot + 1) & (w->table_cap - 1)) {
        struct sl_kept *e = &w->kept[w->table[slot] - 1];
        if (e->h1 != h1 || e->h2 != h2)
            continue;
        w->counts[SELARAS_COUNT_DUPLICATES]++;
        if (!(score > e->score))
            return SELARAS_OK;
        struct sl_kept better = *e;
        selaras_status st = spool_unit(w, u, &better, err);
        if (st == SELARAS_OK) {
            better.score = score;
            *e = better;
        }
        return st;
    }
    int rc;
    SL_GROW(rc, &w->mem, w->kept, &w->capunits, w->nunits + 1);
    if (rc != 0)
        return sl_nomem(err);
    struct sl_kept *e = &w->kept[w->nunits];
    e->h1 = h1;
    e->h2 = h2;
    e->score = score;
    selaras_status st = spool_unit(w, u, e, err);
    if (st != SELARAS_OK)
        return st;
    w->table[slot] = ++w->nunits;
    return SELARAS_OK;
}

/* Read n bytes at off of the spool into b. */
static selaras_status spool_read(selaras_writer *w, sl_buf *b, uint64_t off, size_t n,
                                 selaras_error *err)
{
    if (sl_buf_reserve(b, n) != 0)
        return sl_nomem(err);
    size_t done = 0;
    while (done < n) {
        ssize_t k = pread(w->spool_fd, b->data + b->len + done, n - done,
                          (off_t)(off + done));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return sl_error(err, SELARAS_ERR_IO, "read error on the file that collects the "
                            "units: %s", sl_errno_text(k < 0 ? errno : EIO));
        done += (size_t)k;
    }
    b->len += n;
    return SELARAS_OK;
}

selaras_status sl_store_emit(selaras_writer *w, selaras_error *err)
{
    selaras_status st = w->spool_open ? spool_flush(w, err) : SELARAS_OK;
    for (size_t i = 0; st == SELARAS_OK && i < w->nunits; i++) {
        const struct sl_kept *e = &w->kept[i];
        uint64_t off = e->off;
        for (size_t k = 0; st == SELARAS_OK && k < w->nout; k++) {
            st = spool_read(w, &w->out[k].buf, off, e->len[k], err);
            off += e->len[k];
        }
        if (st != SELARAS_OK)
            break;
        w->counts[e->unpaired ? SELARAS_COUNT_SKIP_UNPAIRED : SELARAS_COUNT_WRITTEN]++;
        w->counts[SELARAS_COUNT_STRIPPED] += e->stripped;
        for (size_t k = 0; st == SELARAS_OK && k < w->nout; k++)
            st = sl_out_flush(w, k, SPOOL_FLUSH_AT, err);
    }
    return st;
}

void sl_store_release(selaras_writer *w)
{
    sl_free(&w->mem, w->kept);
    sl_free(&w->mem, w->table);
    w->kept = NULL;
    w->table = NULL;
    w->nunits = w->capunits = w->table_cap = 0;
    if (w->spool_open) {
        close(w->spool_fd);
        sl_buf_release(&w->spool_buf);
        w->spool_open = 0;
    }
}

/* ---- header entries ---- */

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return (h ^ 0xFF) * 1099511628211ULL; /* a separator: ("ab", "") differs from ("a", "b") */
}

static uint64_t hash_entry(const selaras_unit *u, size_t i)
{
    const sl_prop *p = &u->props[i];
    const char *t = sl_unit_str(u, p->type), *l = sl_unit_str(u, p->lang);
    uint64_t h = 1469598103934665603ULL;
    h = fnv(h, t ? t : "", t ? strlen(t) + 1 : 0);
    h = fnv(h, l ? l : "", l ? strlen(l) + 1 : 0);
    return fnv(h, sl_unit_str(u, p->value), p->value_len);
}

static int same_entry(const selaras_unit *a, size_t i, const selaras_unit *b, size_t j)
{
    const sl_prop *p = &a->props[i], *q = &b->props[j];
    const char *pt = sl_unit_str(a, p->type), *qt = sl_unit_str(b, q->type);
    const char *pl = sl_unit_str(a, p->lang), *ql = sl_unit_str(b, q->lang);
    return (pt == NULL) == (qt == NULL) && (pt == NULL || strcmp(pt, qt) == 0) &&
           (pl == NULL) == (ql == NULL) && (pl == NULL || strcmp(pl, ql) == 0) &&
           p->value_len == q->value_len &&
           memcmp(sl_unit_str(a, p->value), sl_unit_str(b, q->value), p->value_len) == 0;
}

static void header_insert(selaras_writer *w, size_t j)
{
    size_t slot = (size_t)hash_entry(&w->header, j) & (w->htable_cap - 1);
    while (w->htable[slot] != 0)
        slot = (slot + 1) & (w->htable_cap - 1);
    w->htable[slot] = j + 1;
}

int sl_header_has(selaras_writer *w, const selaras_unit *h, size_t i)
{
    const selaras_unit *hd = &w->header;
    /* bring the table up to the header's entries (rebuilt when some were taken back) */
    if (w->htable_n > hd->nprops || (hd->nprops + 1) * 2 > w->htable_cap) {
        size_t cap = w->htable_cap == 0 ? 16 : w->htable_cap;
        while ((hd->nprops + 1) * 2 > cap)
            cap *= 2;
        size_t *t = sl_calloc(&w->mem, cap, sizeof *t);
        if (t == NULL)
            return -1;
        sl_free(&w->mem, w->htable);
        w->htable = t;
        w->htable_cap = cap;
        w->htable_n = 0;
    }
    for (; w->htable_n < hd->nprops; w->htable_n++)
        header_insert(w, w->htable_n);
    size_t slot = (size_t)hash_entry(h, i) & (w->htable_cap - 1);
    for (; w->htable[slot] != 0; slot = (slot + 1) & (w->htable_cap - 1))
        if (same_entry(h, i, hd, w->htable[slot] - 1))
            return 1;
    return 0;
}
