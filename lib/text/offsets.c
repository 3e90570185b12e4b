/* Offset maps of the intake front end: building them run by run, looking an offset up
 * and composing two maps (decoded text -> input, extracted text -> page, normalised
 * text -> extracted text) into the one a document keeps. */
#include "config.h"

#include "intake.h"

void sl_map_init(sl_map *map, const selaras_allocator *mem)
{
    map->mem = mem;
    map->runs = NULL;
    map->n = map->cap = 0;
}

void sl_map_release(sl_map *map)
{
    sl_free(map->mem, map->runs);
    map->runs = NULL;
    map->n = map->cap = 0;
}

int sl_map_add(sl_map *map, size_t norm, size_t orig, int identity)
{
    if (map->n > 0) {
        sl_offset_run *last = &map->runs[map->n - 1];
        /* The map only goes forward: an origin before the end of the last run (a piece of
         * text the parser handed over out of place) maps to that end. */
        size_t floor = last->identity ? last->orig + (norm - last->norm) : last->orig;
        if (last->norm < norm && orig < floor) {
            orig = floor;
            identity = 0;
        }
        if (identity && last->identity && norm - last->norm == orig - last->orig &&
            orig >= last->orig)
            return 0;
        if (last->norm == norm) {
            last->orig = orig;
            last->identity = identity;
            return 0;
        }
    }
    void *runs = map->runs;
    if (sl_grow(map->mem, &runs, &map->cap, map->n + 1, sizeof(sl_offset_run)) != 0)
        return -1;
    map->runs = runs;
    map->runs[map->n].norm = norm;
    map->runs[map->n].orig = orig;
    map->runs[map->n].identity = identity;
    map->n++;
    return 0;
}

/* Index of the last run starting at or before off (0 when none does). */
static size_t find(const sl_offset_run *runs, size_t n, size_t off)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (runs[mid].norm <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t sl_map_lookup(const sl_offset_run *runs, size_t n, size_t len, size_t orig_len,
                     size_t off)
{
    if (off >= len || n == 0)
        return orig_len;
    const sl_offset_run *r = &runs[find(runs, n, off)];
    if (off < r->norm)
        return r->orig;
    return r->identity ? r->orig + (off - r->norm) : r->orig;
}

int sl_map_compose(sl_map *out, const sl_offset_run *first, size_t first_n, size_t a_len,
                   const sl_offset_run *second, size_t second_n, size_t b_len, size_t c_len)
{
    for (size_t i = 0; i < first_n; i++) {
        size_t x0 = first[i].norm;
        size_t x1 = i + 1 < first_n ? first[i + 1].norm : a_len;
        if (x0 >= a_len)
            break;
        if (x1 <= x0)
            continue;
        size_t y0 = first[i].orig;
        size_t z0 = sl_map_lookup(second, second_n, b_len, c_len, y0);
        if (!first[i].identity || y0 >= b_len || second_n == 0) {
            if (sl_map_add(out, x0, z0, 0) != 0)
                goto fail;
            continue;
        }
        size_t j = find(second, second_n, y0);
        int id = second[j].norm <= y0 ? second[j].identity : 0;
        if (sl_map_add(out, x0, z0, id) != 0)
            goto fail;
        size_t y1 = y0 + (x1 - x0);
        for (j++; j < second_n && second[j].norm < y1 && second[j].norm < b_len; j++)
            if (sl_map_add(out, x0 + (second[j].norm - y0), second[j].orig,
                           second[j].identity) != 0)
                goto fail;
    }
    if (sl_map_add(out, a_len, c_len, 1) != 0)
        goto fail;
    return 0;
fail:
    sl_map_release(out);
    return -1;
}
