/* Loading dictionary files: format detection, rollback on failure, and finding the
 * FreeDict dictionary of a pair in a folder. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lexicon.h"

/* Tell TSV from hunalign by the first entry line. */
static selaras_status guess_format(const char *text, size_t len, selaras_dict_format *format,
                                   selaras_error *err)
{
    size_t pos = 0;
    *format = SELARAS_DICT_TSV;
    while (pos < len) {
        size_t end = pos;
        while (end < len && text[end] != '\n' && text[end] != '\r')
            end++;
        size_t a = pos;
        while (a < end && sl_is_ascii_space((unsigned char)text[a]))
            a++;
        if (a < end && text[a] != '#') {
            for (size_t i = pos; i < end; i++) {
                if (text[i] == '\t')
                    return SELARAS_OK;
                if (i + 3 <= end && memcmp(text + i, " @ ", 3) == 0) {
                    *format = SELARAS_DICT_HUNALIGN;
                    return SELARAS_OK;
                }
            }
            return sl_error_at(err, SELARAS_ERR_SYNTAX, text, len, end,
                               "unknown dictionary format: neither a TAB nor ' @ ' here");
        }
        pos = end + 1;
    }
    return SELARAS_OK;
}

static selaras_status load(selaras_lexicon *lex, const char *path, selaras_dict_format format,
                           selaras_error *err)
{
    if (format == SELARAS_DICT_AUTO &&
        (sl_has_suffix(path, ".index") || sl_has_suffix(path, ".dict") ||
         sl_has_suffix(path, ".dict.dz")))
        format = SELARAS_DICT_FREEDICT;
    if (format == SELARAS_DICT_FREEDICT)
        return sl_dict_read_freedict(lex, path, err);
    sl_buf text;
    selaras_status st = sl_read_file(&lex->mem, path, &text, err);
    if (st != SELARAS_OK)
        return st;
    if (format == SELARAS_DICT_AUTO)
        st = guess_format(text.data, text.len, &format, err);
    if (st == SELARAS_OK)
        st = sl_dict_read_tsv(lex, text.data ? text.data : "", text.len,
                              format == SELARAS_DICT_HUNALIGN, err);
    sl_buf_release(&text);
    return st;
}

selaras_status selaras_lexicon_load(selaras_lexicon *lex, const char *path,
                                    selaras_dict_format format, selaras_error *err)
{
    if (lex == NULL || path == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "lexicon load: NULL argument");
    if (format < SELARAS_DICT_AUTO || format > SELARAS_DICT_FREEDICT)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "lexicon load: unknown format %d",
                        (int)format);
    sl_lexicon_mark mark;
    sl_lexicon_mark_set(lex, &mark);
    selaras_status st = load(lex, path, format, err);
    if (st != SELARAS_OK)
        sl_lexicon_rollback(lex, &mark);
    /* A loaded lexicon is mostly only read: it need not keep its stemmers' caches. */
    sl_stemmer_drop_cache(lex->src_stem);
    sl_stemmer_drop_cache(lex->tgt_stem);
    return st;
}

selaras_status selaras_lexicon_load_default(selaras_lexicon *lex, selaras_error *err)
{
    return selaras_lexicon_load_freedict(lex, "/usr/share/dictd", err);
}

/* Whether dir/base.index exists (and is readable). */
static int readable(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return 0;
    fclose(f);
    return 1;
}

selaras_status selaras_lexicon_load_freedict(selaras_lexicon *lex, const char *dir,
                                             selaras_error *err)
{
    if (lex == NULL || dir == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "lexicon load: NULL argument");
    const char *s3 = sl_freedict_iso3(lex->src_lang), *t3 = sl_freedict_iso3(lex->tgt_lang);
    sl_buf path;
    sl_buf_init(&path, &lex->mem);
    selaras_status st = SELARAS_OK;
    for (int pass = 0; pass < 2; pass++) {
        path.len = 0;
        if (sl_buf_append_str(&path, dir) != 0 || sl_buf_append_str(&path, "/freedict-") != 0 ||
            sl_buf_append_str(&path, pass ? t3 : s3) != 0 ||
            sl_buf_append_byte(&path, '-') != 0 ||
            sl_buf_append_str(&path, pass ? s3 : t3) != 0 ||
            sl_buf_append_str(&path, ".index") != 0) {
            sl_buf_release(&path);
            return sl_nomem(err);
        }
        if (readable(path.data)) {
            st = selaras_lexicon_load(lex, path.data, SELARAS_DICT_FREEDICT, err);
            sl_buf_release(&path);
            return st;
        }
    }
    sl_buf_release(&path);
    /* FreeDict's English pairs are mostly eng-X (Debian has dict-freedict-eng-ind, not
     * -ind-eng): name that one first. */
    const char *a = strcmp(t3, "eng") == 0 ? t3 : s3, *b = a == t3 ? s3 : t3;
    return sl_error(err, SELARAS_ERR_IO,
                    "no FreeDict dictionary for %s-%s in %s: install the Debian package "
                    "dict-freedict-%s-%s (or dict-freedict-%s-%s where there is one)",
                    s3, t3, dir, a, b, b, a);
}

selaras_status selaras_lexicon_load_memory(selaras_lexicon *lex, const char *bytes, size_t len,
                                           selaras_dict_format format, selaras_error *err)
{
    if (lex == NULL || (bytes == NULL && len > 0))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "lexicon load: NULL argument");
    if (format != SELARAS_DICT_AUTO && format != SELARAS_DICT_TSV &&
        format != SELARAS_DICT_HUNALIGN)
        return sl_error(err, SELARAS_ERR_ARGUMENT,
                        "lexicon load from memory: TSV or hunalign text only (format %d)",
                        (int)format);
    if (len > SELARAS_DICT_MAX_BYTES)
        return sl_error(err, SELARAS_ERR_LIMIT, "a dictionary of more than %zu bytes",
                        (size_t)SELARAS_DICT_MAX_BYTES);
    const char *text = bytes != NULL ? bytes : "";
    sl_lexicon_mark mark;
    sl_lexicon_mark_set(lex, &mark);
    selaras_status st = SELARAS_OK;
    if (format == SELARAS_DICT_AUTO)
        st = guess_format(text, len, &format, err);
    if (st == SELARAS_OK)
        st = sl_dict_read_tsv(lex, text, len, format == SELARAS_DICT_HUNALIGN, err);
    if (st != SELARAS_OK)
        sl_lexicon_rollback(lex, &mark);
    sl_stemmer_drop_cache(lex->src_stem);
    sl_stemmer_drop_cache(lex->tgt_stem);
    return st;
}
