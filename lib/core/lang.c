/* Language tags: parsing into canonical form, and ASCII helpers. */
#include "config.h"

#include <string.h>

#include "core.h"

int sl_ascii_ncaseeq(const char *a, size_t n, const char *b)
{
    for (size_t i = 0; i < n; i++) {
        if (b[i] == '\0' || sl_ascii_lower((unsigned char)a[i]) != sl_ascii_lower((unsigned char)b[i]))
            return 0;
    }
    return b[n] == '\0';
}

/* A tag is subtags of 1-8 ASCII letters or digits joined by '-' or '_'; the first is
 * the language (2-3 letters). Canonical case follows BCP 47: language lower case,
 * 4-letter script title case, 2-letter region upper case, the rest lower case. */
selaras_status sl_lang_parse(const char *lang, char *tag, char *primary, selaras_error *err)
{
    if (lang == NULL)
        return sl_error(err, SELARAS_ERR_LANGUAGE, "language tag is NULL");
    size_t len = strlen(lang);
    if (len == 0)
        return sl_error(err, SELARAS_ERR_LANGUAGE, "language tag is empty");
    if (len >= SL_LANG_TAG_MAX)
        return sl_error(err, SELARAS_ERR_LANGUAGE, "language tag \"%.40s…\" is too long", lang);

    size_t out = 0, sub = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        char c = lang[i];
        if (c != '\0' && c != '-' && c != '_') {
            if (!sl_is_ascii_alnum((unsigned char)c))
                return sl_error(err, SELARAS_ERR_LANGUAGE,
                                "language tag \"%s\" has an invalid character", lang);
            continue;
        }
        size_t n = i - start;
        if (n == 0 || n > 8)
            return sl_error(err, SELARAS_ERR_LANGUAGE, "language tag \"%s\" is malformed", lang);
        if (sub == 0) {
            if (n < 2 || n > 3)
                return sl_error(err, SELARAS_ERR_LANGUAGE,
                                "language tag \"%s\" must start with a 2- or 3-letter language",
                                lang);
            for (size_t k = start; k < i; k++)
                if (!sl_is_ascii_alpha((unsigned char)lang[k]))
                    return sl_error(err, SELARAS_ERR_LANGUAGE,
                                    "language tag \"%s\" must start with a 2- or 3-letter language",
                                    lang);
        }
        if (sub > 0)
            tag[out++] = '-';
        for (size_t k = start; k < i; k++) {
            int ch = (unsigned char)lang[k];
            if (sub > 0 && (n == 2 || (n == 4 && k == start))) /* region; script initial */
                ch = sl_ascii_upper(ch);
            else
                ch = sl_ascii_lower(ch);
            tag[out++] = (char)ch;
        }
        if (sub == 0) {
            /* "in" is the withdrawn ISO 639 code for Indonesian. */
            if (n == 2 && tag[0] == 'i' && tag[1] == 'n')
                tag[1] = 'd';
            memcpy(primary, tag, n);
            primary[n] = '\0';
        }
        sub++;
        start = i + 1;
    }
    tag[out] = '\0';
    return SELARAS_OK;
}

selaras_status sl_mem_lang_init(selaras_allocator *dst, const selaras_allocator *src,
                                const char *lang, char *tag, char *primary, selaras_error *err)
{
    selaras_status st = sl_mem_init(dst, src, err);
    if (st != SELARAS_OK)
        return st;
    return sl_lang_parse(lang, tag, primary, err);
}
