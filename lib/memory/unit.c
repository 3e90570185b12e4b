/* Translation units: variants, properties and notes, attributes, in one string arena. */
#include "config.h"

#include <string.h>

#include "memory.h"
#include "../text/text.h"

void sl_unit_init(selaras_unit *u, const selaras_allocator *mem)
{
    memset(u, 0, sizeof *u);
    u->mem = *mem;
    sl_buf_init(&u->strings, &u->mem);
}

void sl_unit_release(selaras_unit *u)
{
    sl_buf_release(&u->strings);
    sl_free(&u->mem, u->vars);
    sl_free(&u->mem, u->props);
    sl_free(&u->mem, u->attrs);
    u->vars = NULL;
    u->props = NULL;
    u->attrs = NULL;
    u->nvars = u->capvars = u->nprops = u->capprops = u->nattrs = u->capattrs = 0;
}

selaras_status selaras_unit_new(selaras_unit **out, const selaras_allocator *mem,
                                selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "out is NULL");
    *out = NULL;
    selaras_allocator m;
    selaras_status st = sl_mem_init(&m, mem, err);
    if (st != SELARAS_OK)
        return st;
    selaras_unit *u = sl_malloc(&m, sizeof *u);
    if (u == NULL)
        return sl_nomem(err);
    sl_unit_init(u, &m);
    *out = u;
    return SELARAS_OK;
}

void selaras_unit_free(selaras_unit *unit)
{
    if (unit == NULL)
        return;
    selaras_allocator mem = unit->mem;
    sl_unit_release(unit);
    sl_free(&mem, unit);
}

void selaras_unit_clear(selaras_unit *unit)
{
    if (unit == NULL)
        return;
    unit->strings.len = 0;
    unit->nvars = unit->nprops = unit->nattrs = 0;
}

size_t sl_unit_store(selaras_unit *u, const char *s, size_t len)
{
    size_t off = u->strings.len;
    if (sl_buf_reserve(&u->strings, len + 1) != 0)
        return SL_NONE;
    if (len > 0)
        memcpy(u->strings.data + off, s, len);
    u->strings.data[off + len] = '\0';
    u->strings.len = off + len + 1;
    return off;
}

selaras_status sl_unit_push_variant(selaras_unit *u, const char *lang, size_t lang_len,
                                    const char *text, size_t len, selaras_error *err)
{
    size_t mark = u->strings.len;
    int rc;
    SL_GROW(rc, &u->mem, u->vars, &u->capvars, u->nvars + 1);
    if (rc != 0)
        return sl_nomem(err);
    size_t l = sl_unit_store(u, lang, lang_len);
    size_t t = l == SL_NONE ? SL_NONE : sl_unit_store(u, text, len);
    if (t == SL_NONE) {
        u->strings.len = mark;
        return sl_nomem(err);
    }
    u->vars[u->nvars++] = (sl_variant){l, t, len};
    return SELARAS_OK;
}

selaras_status sl_unit_push_prop(selaras_unit *u, size_t owner, const char *type,
                                 const char *lang, const char *value, size_t len,
                                 selaras_error *err)
{
    size_t mark = u->strings.len;
    int rc;
    SL_GROW(rc, &u->mem, u->props, &u->capprops, u->nprops + 1);
    if (rc != 0)
        return sl_nomem(err);
    size_t t = SL_NONE, l = SL_NONE, v;
    int failed = 0;
    if (type != NULL)
        failed |= (t = sl_unit_store(u, type, strlen(type))) == SL_NONE;
    if (!failed && lang != NULL)
        failed |= (l = sl_unit_store(u, lang, strlen(lang))) == SL_NONE;
    if (!failed)
        failed |= (v = sl_unit_store(u, value, len)) == SL_NONE;
    if (failed) {
        u->strings.len = mark;
        return sl_nomem(err);
    }
    u->props[u->nprops++] = (sl_prop){owner, t, l, v, len};
    return SELARAS_OK;
}

selaras_status sl_unit_push_attr(selaras_unit *u, size_t owner, const char *name,
                                 const char *value, size_t len, selaras_error *err)
{
    size_t slot = u->nattrs;
    for (size_t i = 0; i < u->nattrs; i++)
        if (u->attrs[i].owner == owner && strcmp(sl_unit_str(u, u->attrs[i].name), name) == 0)
            slot = i;
    return sl_unit_put_attr(u, slot, owner, name, value, len, err);
}

selaras_status sl_unit_put_attr(selaras_unit *u, size_t slot, size_t owner, const char *name,
                                const char *value, size_t len, selaras_error *err)
{
    size_t mark = u->strings.len;
    if (slot == u->nattrs) {
        int rc;
        SL_GROW(rc, &u->mem, u->attrs, &u->capattrs, u->nattrs + 1);
        if (rc != 0)
            return sl_nomem(err);
    }
    size_t n = sl_unit_store(u, name, strlen(name));
    size_t v = n == SL_NONE ? SL_NONE : sl_unit_store(u, value, len);
    if (v == SL_NONE) {
        u->strings.len = mark;
        return sl_nomem(err);
    }
    u->attrs[slot] = (sl_attr){owner, n, v};
    if (slot == u->nattrs)
        u->nattrs++;
    return SELARAS_OK;
}

selaras_status sl_unit_copy(selaras_unit *dst, const selaras_unit *src, selaras_error *err)
{
    selaras_unit_clear(dst);
    int r1 = 0, r2 = 0, r3 = 0;
    if (sl_buf_reserve(&dst->strings, src->strings.len) != 0)
        return sl_nomem(err);
    if (src->nvars > 0)
        SL_GROW(r1, &dst->mem, dst->vars, &dst->capvars, src->nvars);
    if (r1 == 0 && src->nprops > 0)
        SL_GROW(r2, &dst->mem, dst->props, &dst->capprops, src->nprops);
    if (r1 == 0 && r2 == 0 && src->nattrs > 0)
        SL_GROW(r3, &dst->mem, dst->attrs, &dst->capattrs, src->nattrs);
    if (r1 != 0 || r2 != 0 || r3 != 0)
        return sl_nomem(err);
    if (src->strings.len > 0)
        memcpy(dst->strings.data, src->strings.data, src->strings.len);
    dst->strings.len = src->strings.len;
    if (src->nvars > 0)
        memcpy(dst->vars, src->vars, src->nvars * sizeof *dst->vars);
    if (src->nprops > 0)
        memcpy(dst->props, src->props, src->nprops * sizeof *dst->props);
    if (src->nattrs > 0)
        memcpy(dst->attrs, src->attrs, src->nattrs * sizeof *dst->attrs);
    dst->nvars = src->nvars;
    dst->nprops = src->nprops;
    dst->nattrs = src->nattrs;
    return SELARAS_OK;
}

/* ---- checks on caller input ---- */

static selaras_status check_utf8(const char *text, size_t len, const char *what,
                                 selaras_error *err)
{
    if (text == NULL && len > 0)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "%s is NULL", what);
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)text[i] - 1u < 0x7Fu) { /* ASCII other than NUL */
            i++;
            continue;
        }
        int32_t cp;
        size_t n;
        sl_utf8_problem p = sl_utf8_check((const unsigned char *)text + i, len - i, &cp, &n);
        if (p != SL_UTF8_OK || cp == 0)
            return sl_error_at(err, SELARAS_ERR_ENCODING, text, len, i, "%s: %s at byte %zu",
                               what, p != SL_UTF8_OK ? sl_utf8_problem_name(p) : "NUL byte", i);
        i += n;
    }
    return SELARAS_OK;
}

static int is_lang_tag(const char *s)
{
    size_t n = 0;
    for (; s[n] != '\0'; n++)
        if (!sl_is_ascii_alnum((unsigned char)s[n]) && s[n] != '-' && s[n] != '_')
            return 0;
    return n > 0 && n < SL_LANG_TAG_MAX;
}

int sl_is_xml_name(const char *s)
{
    if (s == NULL || s[0] == '\0' || sl_is_ascii_digit((unsigned char)s[0]) || s[0] == '-' ||
        s[0] == '.')
        return 0;
    for (const char *p = s; *p != '\0'; p++)
        if (!sl_is_ascii_alnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.' &&
            *p != ':')
            return 0;
    return 1;
}

static selaras_status check_owner(const selaras_unit *u, size_t variant, selaras_error *err)
{
    if (variant != SELARAS_UNIT_WHOLE && variant >= u->nvars)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "variant %zu out of range (%zu variants)",
                        variant, u->nvars);
    return SELARAS_OK;
}

selaras_status selaras_unit_add_variant(selaras_unit *unit, const char *lang, const char *text,
                                        size_t len, selaras_error *err)
{
    if (unit == NULL || lang == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "unit or lang is NULL");
    if (!is_lang_tag(lang))
        return sl_error(err, SELARAS_ERR_LANGUAGE, "malformed language tag '%.40s'", lang);
    selaras_status st = check_utf8(text, len, "segment text", err);
    if (st != SELARAS_OK)
        return st;
    return sl_unit_push_variant(unit, lang, strlen(lang), len > 0 ? text : "", len, err);
}

selaras_status selaras_unit_add_prop(selaras_unit *unit, size_t variant, const char *type,
                                     const char *lang, const char *value, size_t len,
                                     selaras_error *err)
{
    if (unit == NULL || type == NULL || type[0] == '\0')
        return sl_error(err, SELARAS_ERR_ARGUMENT, "unit or property type missing");
    selaras_status st = check_owner(unit, variant, err);
    if (st == SELARAS_OK)
        st = check_utf8(type, strlen(type), "property type", err);
    if (st == SELARAS_OK && lang != NULL && !is_lang_tag(lang))
        st = sl_error(err, SELARAS_ERR_LANGUAGE, "malformed language tag '%.40s'", lang);
    if (st == SELARAS_OK)
        st = check_utf8(value, len, "property value", err);
    if (st != SELARAS_OK)
        return st;
    return sl_unit_push_prop(unit, variant, type, lang, len > 0 ? value : "", len, err);
}

selaras_status selaras_unit_add_note(selaras_unit *unit, size_t variant, const char *lang,
                                     const char *text, size_t len, selaras_error *err)
{
    if (unit == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "unit is NULL");
    selaras_status st = check_owner(unit, variant, err);
    if (st == SELARAS_OK && lang != NULL && !is_lang_tag(lang))
        st = sl_error(err, SELARAS_ERR_LANGUAGE, "malformed language tag '%.40s'", lang);
    if (st == SELARAS_OK)
        st = check_utf8(text, len, "note", err);
    if (st != SELARAS_OK)
        return st;
    return sl_unit_push_prop(unit, variant, NULL, lang, len > 0 ? text : "", len, err);
}

selaras_status selaras_unit_set_attr(selaras_unit *unit, size_t variant, const char *name,
                                     const char *value, selaras_error *err)
{
    if (unit == NULL || name == NULL || value == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "unit, name or value is NULL");
    if (!sl_is_xml_name(name) || strcmp(name, "xml:lang") == 0 || strcmp(name, "lang") == 0)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "'%.40s' is not a settable attribute name",
                        name);
    selaras_status st = check_owner(unit, variant, err);
    if (st == SELARAS_OK)
        st = check_utf8(value, strlen(value), "attribute value", err);
    if (st != SELARAS_OK)
        return st;
    return sl_unit_push_attr(unit, variant, name, value, strlen(value), err);
}

/* ---- accessors ---- */

size_t selaras_unit_variant_count(const selaras_unit *unit)
{
    return unit == NULL ? 0 : unit->nvars;
}

const char *selaras_unit_variant_lang(const selaras_unit *unit, size_t i)
{
    return unit == NULL || i >= unit->nvars ? NULL : sl_unit_str(unit, unit->vars[i].lang);
}

const char *selaras_unit_variant_text(const selaras_unit *unit, size_t i, size_t *len)
{
    if (unit == NULL || i >= unit->nvars) {
        if (len != NULL)
            *len = 0;
        return NULL;
    }
    if (len != NULL)
        *len = unit->vars[i].text_len;
    return sl_unit_str(unit, unit->vars[i].text);
}

void sl_primary_of(const char *tag, char out[4])
{
    size_t n = 0;
    while (n < 4 && sl_is_ascii_alpha((unsigned char)tag[n]))
        n++;
    if (n < 2 || n > 3 || (tag[n] != '\0' && tag[n] != '-' && tag[n] != '_')) {
        out[0] = '\0';
        return;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = (char)sl_ascii_lower((unsigned char)tag[i]);
    out[n] = '\0';
    if (strcmp(out, "in") == 0)
        out[1] = 'd';
}

size_t sl_unit_find_lang(const selaras_unit *u, const char *primary)
{
    char p[4];
    for (size_t i = 0; i < u->nvars; i++) {
        sl_primary_of(sl_unit_str(u, u->vars[i].lang), p);
        if (p[0] != '\0' && strcmp(p, primary) == 0)
            return i;
    }
    return SL_NONE;
}

const char *selaras_unit_text(const selaras_unit *unit, const char *lang, size_t *len)
{
    char want[4];
    if (len != NULL)
        *len = 0;
    if (unit == NULL || lang == NULL)
        return NULL;
    sl_primary_of(lang, want);
    if (want[0] == '\0')
        return NULL;
    size_t i = sl_unit_find_lang(unit, want);
    return i == SL_NONE ? NULL : selaras_unit_variant_text(unit, i, len);
}

size_t selaras_unit_prop_count(const selaras_unit *unit)
{
    return unit == NULL ? 0 : unit->nprops;
}

size_t selaras_unit_prop_variant(const selaras_unit *unit, size_t i)
{
    return unit == NULL || i >= unit->nprops ? SELARAS_UNIT_WHOLE : unit->props[i].owner;
}

const char *selaras_unit_prop_type(const selaras_unit *unit, size_t i)
{
    return unit == NULL || i >= unit->nprops ? NULL : sl_unit_str(unit, unit->props[i].type);
}

const char *selaras_unit_prop_lang(const selaras_unit *unit, size_t i)
{
    return unit == NULL || i >= unit->nprops ? NULL : sl_unit_str(unit, unit->props[i].lang);
}

const char *selaras_unit_prop_value(const selaras_unit *unit, size_t i, size_t *len)
{
    if (unit == NULL || i >= unit->nprops) {
        if (len != NULL)
            *len = 0;
        return NULL;
    }
    if (len != NULL)
        *len = unit->props[i].value_len;
    return sl_unit_str(unit, unit->props[i].value);
}

const char *selaras_unit_prop(const selaras_unit *unit, const char *type)
{
    if (unit == NULL || type == NULL)
        return NULL;
    for (size_t i = 0; i < unit->nprops; i++) {
        const sl_prop *p = &unit->props[i];
        if (p->owner == SELARAS_UNIT_WHOLE && p->type != SL_NONE &&
            strcmp(sl_unit_str(unit, p->type), type) == 0)
            return sl_unit_str(unit, p->value);
    }
    return NULL;
}

size_t selaras_unit_attr_count(const selaras_unit *unit)
{
    return unit == NULL ? 0 : unit->nattrs;
}

size_t selaras_unit_attr_variant(const selaras_unit *unit, size_t i)
{
    return unit == NULL || i >= unit->nattrs ? SELARAS_UNIT_WHOLE : unit->attrs[i].owner;
}

const char *selaras_unit_attr_name(const selaras_unit *unit, size_t i)
{
    return unit == NULL || i >= unit->nattrs ? NULL : sl_unit_str(unit, unit->attrs[i].name);
}

const char *selaras_unit_attr_value(const selaras_unit *unit, size_t i)
{
    return unit == NULL || i >= unit->nattrs ? NULL : sl_unit_str(unit, unit->attrs[i].value);
}

const char *selaras_unit_attr(const selaras_unit *unit, size_t variant, const char *name)
{
    if (unit == NULL || name == NULL)
        return NULL;
    for (size_t i = 0; i < unit->nattrs; i++)
        if (unit->attrs[i].owner == variant &&
            strcmp(sl_unit_str(unit, unit->attrs[i].name), name) == 0)
            return sl_unit_str(unit, unit->attrs[i].value);
    return NULL;
}

int selaras_unit_score(const selaras_unit *unit, double *score)
{
    const char *v = selaras_unit_prop(unit, "x-score");
    double s;
    if (v == NULL || !sl_parse_decimal(v, strlen(v), &s))
        return 0;
    if (score != NULL)
        *score = s;
    return 1;
}
