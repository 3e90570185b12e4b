/* The writer's duplicate store (SELARAS_WRITER_DEDUPE): units kept in order, found again
 * through a hash table on their variants; a duplicate with a higher x-score replaces the
 * kept unit's content. Also the hash table of the header's entries. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "memory.h"

static uint64_t hash_unit(const selaras_unit *u)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t v = 0; v < u->nvars; v++) {
        const char *parts[2] = {sl_unit_str(u, u->vars[v].lang), sl_unit_str(u, u->vars[v].text)};
        size_t lens[2] = {strlen(parts[0]) + 1, u->vars[v].text_len + 1};
        for (int k = 0; k < 2; k++)
            for (size_t i = 0; i < lens[k]; i++)
                h = (h ^ (unsigned char)parts[k][i]) * 1099511628211ULL;
    }
    return h;
}

static int same_variants(const selaras_unit *a, const selaras_unit *b)
{
    if (a->nvars != b->nvars)
        return 0;
    for (size_t v = 0; v < a->nvars; v++)
        if (a->vars[v].text_len != b->vars[v].text_len ||
            strcmp(sl_unit_str(a, a->vars[v].lang), sl_unit_str(b, b->vars[v].lang)) != 0 ||
            memcmp(sl_unit_str(a, a->vars[v].text), sl_unit_str(b, b->vars[v].text),
                   a->vars[v].text_len) != 0)
            return 0;
    return 1;
}

static int table_grow(selaras_writer *w)
{
    size_t cap = w->table_cap == 0 ? 64 : w->table_cap * 2;
    if (cap > SIZE_MAX / sizeof(size_t))
        return -1;
    size_t *table = sl_calloc(&w->mem, cap, sizeof *table);
    if (table == NULL)
        return -1;
    for (size_t i = 0; i < w->nunits; i++) {
        size_t slot = (size_t)w->kept[i].hash & (cap - 1);
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
    return selaras_unit_score(u, &s) ? s : -HUGE_VAL;
}

/* Keep u in the duplicate store. */
selaras_status sl_store_unit(selaras_writer *w, const selaras_unit *u, selaras_error *err)
{
    if ((w->nunits + 1) * 2 > w->table_cap && table_grow(w) != 0)
        return sl_nomem(err);
    uint64_t h = hash_unit(u);
    size_t slot = (size_t)h & (w->table_cap - 1);
    for (; w->table[slot] != 0; slot = (slot + 1) & (w->table_cap - 1)) {
        size_t i = w->table[slot] - 1;
        if (w->kept[i].hash != h || !same_variants(w->kept[i].unit, u))
            continue;
        w->counts[SELARAS_COUNT_DUPLICATES]++;
        if (score_or_min(u) > score_or_min(w->kept[i].unit))
            return sl_unit_copy(w->kept[i].unit, u, err);
        return SELARAS_OK;
    }
    int rc;
    SL_GROW(rc, &w->mem, w->kept, &w->capunits, w->nunits + 1);
    if (rc != 0)
        return sl_nomem(err);
    selaras_unit *copy;
    selaras_status st = selaras_unit_new(&copy, &w->mem, err);
    if (st != SELARAS_OK)
        return st;
    st = sl_unit_copy(copy, u, err);
    if (st != SELARAS_OK) {
        selaras_unit_free(copy);
        return st;
    }
    w->kept[w->nunits].unit = copy;
    w->kept[w->nunits].hash = h;
    w->table[slot] = ++w->nunits;
    return SELARAS_OK;
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
