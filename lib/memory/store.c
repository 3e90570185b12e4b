/* The writer's duplicate store (SELARAS_WRITER_DEDUPE): units kept in order, found again
 * through a hash table on their variants; a duplicate with a higher x-score replaces the
 * kept unit's content. */
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
