/* Encodings of the intake: byte order marks, the charset an HTML page declares, and
 * conversion of any encoding ICU knows into UTF-8 with a map back to the input bytes.
 * ICU's converters do the decoding; this file only carries offsets. */
#include "config.h"

#include <string.h>

#include <unicode/ucnv.h>

#include "intake.h"

const char *sl_bom_encoding(const char *bytes, size_t len)
{
    const unsigned char *u = (const unsigned char *)bytes;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return "UTF-8";
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        return "UTF-16LE";
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return "UTF-16BE";
    return NULL;
}

int sl_utf8_valid(const char *bytes, size_t len)
{
    const unsigned char *u = (const unsigned char *)bytes;
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t n;
        if (sl_utf8_check(u + i, len - i, &cp, &n) != SL_UTF8_OK)
            return 0;
        i += n;
    }
    return 1;
}

/* Position of the ASCII word w (lower case) in s[from..to), ignoring case, or to. */
static size_t find_word(const char *s, size_t from, size_t to, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = from; i + n <= to; i++)
        if (sl_ascii_ncaseeq(s + i, n, w))
            return i;
    return to;
}

int sl_html_declared_charset(const char *bytes, size_t len, char *name, size_t size)
{
    size_t end = len < 1024 ? len : 1024, i = 0;
    while ((i = find_word(bytes, i, end, "<meta")) < end) {
        size_t close = i;
        while (close < len && bytes[close] != '>')
            close++;
        size_t at = find_word(bytes, i, close, "charset");
        i = close;
        if (at >= close)
            continue;
        at += 7;
        while (at < close && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\n' ||
                              bytes[at] == '\r'))
            at++;
        if (at >= close || bytes[at] != '=')
            continue;
        at++;
        while (at < close && (bytes[at] == ' ' || bytes[at] == '"' || bytes[at] == '\''))
            at++;
        size_t n = 0;
        while (at + n < close && n + 1 < size &&
               (sl_is_ascii_alnum((unsigned char)bytes[at + n]) || bytes[at + n] == '-' ||
                bytes[at + n] == '_' || bytes[at + n] == '.' || bytes[at + n] == ':'))
            n++;
        if (n == 0)
            continue;
        memcpy(name, bytes + at, n);
        name[n] = '\0';
        return 1;
    }
    return 0;
}

/* The guess is deliberately small: text that is not UTF-8 and reaches a translator of
 * Indonesian and English is UTF-16 without a BOM (many NUL bytes on one side) or one of
 * the Western single-byte encodings, which windows-1252 reads (it is a superset of
 * ISO-8859-1 as browsers use it). */
size_t selaras_encoding_guess(const char *bytes, size_t len, char *name, size_t size)
{
    if (bytes == NULL || len == 0)
        return 0;
    size_t n = len > ((size_t)1 << 16) ? (size_t)1 << 16 : len;
    size_t even_nul = 0, odd_nul = 0, high = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c == 0 && i % 2 == 0)
            even_nul++;
        else if (c == 0)
            odd_nul++;
        else if (c >= 0x80)
            high++;
    }
    const char *found = NULL;
    if (odd_nul * 4 > n && even_nul * 20 < n)
        found = "UTF-16LE";
    else if (even_nul * 4 > n && odd_nul * 20 < n)
        found = "UTF-16BE";
    else if (high > 0 && !sl_utf8_valid(bytes, len))
        found = "windows-1252";
    if (found == NULL)
        return 0;
    size_t out = strlen(found);
    if (name != NULL && size > 0) {
        size_t k = out < size - 1 ? out : size - 1;
        memcpy(name, found, k);
        name[k] = '\0';
    }
    return out;
}

int sl_encoding_known(const char *name)
{
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(name, &st);
    if (cnv != NULL)
        ucnv_close(cnv);
    return U_SUCCESS(st);
}

void sl_decoded_release(const selaras_allocator *mem, sl_decoded *d)
{
    sl_free(mem, d->text);
    d->text = NULL;
    d->len = 0;
    sl_map_release(&d->map);
}

typedef struct decoder {
    sl_buf out;
    sl_map *map;
    const char *in;
    int32_t high;      /* a high surrogate waiting for its partner, or -1 */
    size_t high_at;
    size_t last_at;    /* input offset of the last character, for offsets ICU leaves out */
} decoder;

static int put_cp(decoder *d, int32_t cp, size_t at)
{
    char enc[4];
    size_t n = sl_utf8_encode(cp, enc);
    int identity = cp < 0x80 && (unsigned char)d->in[at] == (unsigned char)cp;
    if (sl_map_add(d->map, d->out.len, at, identity) != 0)
        return -1;
    return sl_buf_append(&d->out, enc, n);
}

static int put_unit(decoder *d, UChar u, size_t at)
{
    if (d->high >= 0) {
        int32_t hi = d->high;
        d->high = -1;
        if (U16_IS_TRAIL(u))
            return put_cp(d, U16_GET_SUPPLEMENTARY(hi, u), d->high_at);
        if (put_cp(d, 0xFFFD, d->high_at) != 0)
            return -1;
    }
    if (U16_IS_LEAD(u)) {
        d->high = u;
        d->high_at = at;
        return 0;
    }
    return put_cp(d, U16_IS_TRAIL(u) ? 0xFFFD : u, at);
}

static int is_conversion_error(UErrorCode st)
{
    return st == U_INVALID_CHAR_FOUND || st == U_ILLEGAL_CHAR_FOUND ||
           st == U_TRUNCATED_CHAR_FOUND || st == U_ILLEGAL_ESCAPE_SEQUENCE ||
           st == U_UNSUPPORTED_ESCAPE_SEQUENCE;
}

static selaras_status convert(UConverter *cnv, decoder *d, size_t len, unsigned flags,
                              const char *encoding, size_t *replacements, selaras_error *err)
{
    enum { CHUNK = 4096 };
    UChar units[CHUNK];
    int32_t offs[CHUNK];
    const char *src = d->in, *limit = d->in + len;
    for (;;) {
        UChar *t = units;
        const char *from = src;
        UErrorCode st = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &t, units + CHUNK, &src, limit, offs, 1, &st);
        size_t base = (size_t)(from - d->in);
        for (UChar *u = units; u < t; u++) {
            int32_t o = offs[u - units];
            size_t at = o >= 0 ? base + (size_t)o : d->last_at;
            d->last_at = at;
            if (put_unit(d, *u, at) != 0)
                return sl_nomem(err);
        }
        if (st == U_BUFFER_OVERFLOW_ERROR)
            continue;
        if (is_conversion_error(st)) {
            char bad[32];
            int8_t blen = (int8_t)sizeof bad;
            UErrorCode e2 = U_ZERO_ERROR;
            ucnv_getInvalidChars(cnv, bad, &blen, &e2);
            size_t at = (size_t)(src - d->in);
            at = U_SUCCESS(e2) && (size_t)blen <= at ? at - (size_t)blen : at;
            if (!(flags & SELARAS_DOC_REPLACE_INVALID))
                return sl_error_at(err, SELARAS_ERR_ENCODING, d->in, len, at,
                                   "invalid %s at byte %zu", encoding, at);
            if (d->high >= 0 && put_unit(d, 0xFFFD, at) != 0)
                return sl_nomem(err);
            if (put_cp(d, 0xFFFD, at) != 0)
                return sl_nomem(err);
            (*replacements)++;
            if (src >= limit)
                break;
            continue;
        }
        if (U_FAILURE(st))
            return sl_error(err, SELARAS_ERR_UNICODE, "ICU: converting from %s: %s", encoding,
                            u_errorName(st));
        if (src >= limit)
            break;
    }
    if (d->high >= 0) {
        d->high = -1;
        if (put_cp(d, 0xFFFD, d->high_at) != 0)
            return sl_nomem(err);
    }
    return SELARAS_OK;
}

selaras_status sl_decode(const selaras_allocator *mem, const char *bytes, size_t len,
                         const char *encoding, unsigned flags, sl_decoded *out,
                         selaras_error *err)
{
    memset(out, 0, sizeof *out);
    sl_map_init(&out->map, mem);
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(encoding, &st);
    if (U_FAILURE(st))
        return sl_error(err, SELARAS_ERR_ARGUMENT, "unknown encoding '%s'", encoding);
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    decoder d;
    memset(&d, 0, sizeof d);
    sl_buf_init(&d.out, mem);
    d.map = &out->map;
    d.in = bytes;
    d.high = -1;
    selaras_status rc = sl_buf_reserve(&d.out, len + 1) == 0 ? SELARAS_OK : sl_nomem(err);
    /* Only a BOM of the named encoding itself is dropped: skip it, as ICU's "UTF-16"
     * converter does, so that the text does not start with U+FEFF. */
    size_t skip = 0;
    const char *bom = sl_bom_encoding(bytes, len);
    if (bom != NULL && ucnv_compareNames(bom, encoding) == 0)
        skip = strcmp(bom, "UTF-8") == 0 ? 3 : 2;
    if (rc == SELARAS_OK) {
        d.in = bytes + skip;
        rc = convert(cnv, &d, len - skip, flags, encoding, &out->replacements, err);
        d.in = bytes;
        if (rc == SELARAS_OK)
            for (size_t i = 0; i < out->map.n; i++)
                out->map.runs[i].orig += skip;
    }
    ucnv_close(cnv);
    if (rc == SELARAS_OK && sl_buf_append(&d.out, "", 0) != 0)
        rc = sl_nomem(err);
    if (rc != SELARAS_OK) {
        if (rc == SELARAS_ERR_ENCODING && err != NULL && skip > 0 &&
            err->offset != SELARAS_NO_OFFSET)
            sl_error_at(err, SELARAS_ERR_ENCODING, bytes, len, err->offset + skip,
                        "invalid %s at byte %zu", encoding, err->offset + skip);
        sl_buf_release(&d.out);
        sl_map_release(&out->map);
        return rc;
    }
    out->text = d.out.data;
    out->len = d.out.len;
    return SELARAS_OK;
}
