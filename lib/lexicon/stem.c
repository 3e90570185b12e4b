/* The stemmer: Snowball's algorithms through libstemmer, or a pass-through. */
#include "config.h"

#include <libstemmer.h>
#include <limits.h>
#include <string.h>

#include "lexicon.h"

struct sl_stemmer {
    selaras_allocator mem;
    struct sb_stemmer *sb;  /* NULL: pass words through */
    const char *algorithm;  /* static name from the table below */
};

/* Primary language subtag -> Snowball algorithm. Malay shares Indonesian's affixes. */
static const struct {
    const char *lang;
    const char *algorithm;
} sl_stem_table[] = {
    {"ar", "arabic"},     {"ca", "catalan"},    {"da", "danish"},     {"de", "german"},
    {"el", "greek"},      {"en", "english"},    {"es", "spanish"},    {"eu", "basque"},
    {"fi", "finnish"},    {"fr", "french"},     {"ga", "irish"},      {"hi", "hindi"},
    {"hu", "hungarian"},  {"hy", "armenian"},   {"id", "indonesian"}, {"it", "italian"},
    {"lt", "lithuanian"}, {"ms", "indonesian"}, {"nb", "norwegian"},  {"ne", "nepali"},
    {"nl", "dutch"},      {"nn", "norwegian"},  {"no", "norwegian"},  {"pt", "portuguese"},
    {"ro", "romanian"},   {"ru", "russian"},    {"sr", "serbian"},    {"sv", "swedish"},
    {"ta", "tamil"},      {"tr", "turkish"},    {"yi", "yiddish"},
};

/* Whether this libstemmer build has the algorithm (older ones lack some). */
static int sl_stem_available(const char *algorithm)
{
    for (const char **l = sb_stemmer_list(); *l; l++)
        if (strcmp(*l, algorithm) == 0)
            return 1;
    return 0;
}

selaras_status sl_stemmer_new(sl_stemmer **out, const selaras_allocator *mem, const char *lang,
                              selaras_error *err)
{
    if (out == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "stemmer: NULL out");
    *out = NULL;
    selaras_allocator m;
    selaras_status st = sl_mem_init(&m, mem, err);
    if (st != SELARAS_OK)
        return st;
    sl_stemmer *s = sl_malloc(&m, sizeof *s);
    if (s == NULL)
        return sl_nomem(err);
    s->mem = m;
    s->sb = NULL;
    s->algorithm = NULL;
    for (size_t i = 0; lang && i < sizeof sl_stem_table / sizeof sl_stem_table[0]; i++) {
        if (sl_ascii_ncaseeq(lang, strlen(lang), sl_stem_table[i].lang) &&
            sl_stem_available(sl_stem_table[i].algorithm)) {
            s->sb = sb_stemmer_new(sl_stem_table[i].algorithm, "UTF_8");
            if (s->sb == NULL) {
                sl_free(&m, s);
                return sl_nomem(err);
            }
            s->algorithm = sl_stem_table[i].algorithm;
            break;
        }
    }
    *out = s;
    return SELARAS_OK;
}

void sl_stemmer_free(sl_stemmer *st)
{
    if (st == NULL)
        return;
    if (st->sb)
        sb_stemmer_delete(st->sb);
    selaras_allocator m = st->mem;
    sl_free(&m, st);
}

int sl_stemmer_active(const sl_stemmer *st)
{
    return st->sb != NULL;
}

const char *sl_stemmer_algorithm(const sl_stemmer *st)
{
    return st->algorithm;
}

selaras_status sl_stem(sl_stemmer *st, const char *word, size_t len, const char **out,
                       size_t *out_len)
{
    *out = word;
    *out_len = len;
    if (st->sb == NULL || len == 0 || len > INT_MAX)
        return SELARAS_OK;
    const sb_symbol *r = sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)len);
    if (r == NULL)
        return SELARAS_ERR_NOMEM;
    *out = (const char *)r;
    *out_len = (size_t)sb_stemmer_length(st->sb);
    return SELARAS_OK;
}
