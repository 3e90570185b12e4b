/* The tokenizer: words, numbers and other tokens with byte spans and folded forms. */
#include "config.h"

#include <string.h>
#include <utf8proc.h>

#include "lexicon.h"
#include "text/text.h"

void sl_tokens_init(sl_tokens *toks, const selaras_allocator *mem)
{
    toks->mem = mem;
    toks->tok = NULL;
    toks->n = 0;
    toks->cap = 0;
    sl_buf_init(&toks->fold, mem);
}

void sl_tokens_release(sl_tokens *toks)
{
    sl_free(toks->mem, toks->tok);
    toks->tok = NULL;
    toks->n = toks->cap = 0;
    sl_buf_release(&toks->fold);
}

/* The general category, without a table look-up for ASCII letters and digits. */
static utf8proc_category_t category(int32_t cp)
{
    if (sl_is_ascii_lower(cp))
        return UTF8PROC_CATEGORY_LL;
    if (sl_is_ascii_upper(cp))
        return UTF8PROC_CATEGORY_LU;
    if (sl_is_ascii_digit(cp))
        return UTF8PROC_CATEGORY_ND;
    return utf8proc_category(cp);
}

static int is_space(int32_t cp, utf8proc_category_t c)
{
    return sl_is_ascii_space(cp) || c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
           c == UTF8PROC_CATEGORY_ZP || c == UTF8PROC_CATEGORY_CC ||
           cp == 0x200B || cp == 0xFEFF;  /* zero width space, BOM */
}

static int is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static int is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Decode the code point at text[i]; 0 and *cp = -1 at the end of the text. A bad
 * sequence returns 0 with *cp = -2. */
static size_t peek(const char *text, size_t len, size_t i, int32_t *cp)
{
    if (i >= len) {
        *cp = -1;
        return 0;
    }
    unsigned char c = (unsigned char)text[i];
    if (c != 0 && c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    if (sl_utf8_check((const unsigned char *)text + i, len - i, cp, &n) != SL_UTF8_OK) {
        *cp = -2;
        return 0;
    }
    return n;
}

static int is_digit_at(const char *text, size_t len, size_t i)
{
    int32_t cp;
    return peek(text, len, i, &cp) > 0 && category(cp) == UTF8PROC_CATEGORY_ND;
}

static int is_letter_at(const char *text, size_t len, size_t i)
{
    int32_t cp;
    return peek(text, len, i, &cp) > 0 && sl_char_is_word(cp);
}

/* Append the case fold of cp to buf. */
static int fold_append(sl_buf *buf, int32_t cp)
{
    char bytes[4];
    if (cp < 0x80 && cp != '\'') {
        /* ASCII: the fold is the lower case; append without a call per byte when room. */
        if (buf->len + 1 < buf->cap) {
            buf->data[buf->len++] = (char)sl_ascii_lower(cp);
            buf->data[buf->len] = '\0';
            return 0;
        }
        return sl_buf_append_byte(buf, (char)sl_ascii_lower(cp));
    }
    if (is_apostrophe(cp))
        return sl_buf_append_byte(buf, '\'');
    if (is_hyphen(cp))
        return sl_buf_append_byte(buf, '-');
    utf8proc_int32_t seq[8];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, seq, 8, UTF8PROC_CASEFOLD, &boundclass);
    if (n < 1 || n > 8) {
        seq[0] = cp;
        n = 1;
    }
    for (utf8proc_ssize_t k = 0; k < n; k++) {
        size_t m = sl_utf8_encode(seq[k], bytes);
        if (sl_buf_append(buf, bytes, m) != 0)
            return -1;
    }
    return 0;
}

/* Scan a word starting at text[i]: letters and marks, with single hyphens or apostrophes
 * between letters. Folds it into buf and sets *flags. Returns the end offset, or
 * SIZE_MAX on allocation failure. */
static size_t scan_word(const char *text, size_t len, size_t i, sl_buf *buf, unsigned *flags)
{
    size_t letters = 0, upper = 0;
    int first = 1;
    for (;;) {
        int32_t cp;
        size_t n = peek(text, len, i, &cp);
        if (n == 0)
            break;
        /* the classes every stage shares (core/chars.c) */
        if (sl_char_is_word(cp)) {
            if (sl_char_is_letter(cp)) {
                letters++;
                if (sl_char_is_upper(cp)) {
                    upper++;
                    if (first)
                        *flags |= SL_TOKEN_CAPITAL;
                }
                first = 0;
            }
        } else if ((is_hyphen(cp) || is_apostrophe(cp)) && is_letter_at(text, len, i + n)) {
            if (is_hyphen(cp))
                *flags |= SL_TOKEN_HYPHEN;
        } else {
            break;
        }
        if (fold_append(buf, cp) != 0)
            return SIZE_MAX;
        i += n;
    }
    if (letters >= 2 && upper == letters)
        *flags |= SL_TOKEN_ALL_UPPER;
    return i;
}

/* Scan a number starting at text[i] (a decimal digit). */
static size_t scan_number(const char *text, size_t len, size_t i)
{
    for (;;) {
        int32_t cp;
        size_t n = peek(text, len, i, &cp);
        if (n == 0)
            break;
        if (category(cp) == UTF8PROC_CATEGORY_ND) {
            i += n;
        } else if ((cp == '.' || cp == ',' || cp == '/' || cp == ':') &&
                   is_digit_at(text, len, i + 1)) {
            i += 1;
        } else if (cp == '%') {
            i += 1;
            break;
        } else {
            break;
        }
    }
    return i;
}

static int push(sl_tokens *toks, size_t start, size_t end, size_t fold, sl_token_class cls,
                unsigned flags)
{
    if (toks->n == toks->cap) {
        void *arr = toks->tok;
        if (sl_grow(toks->mem, &arr, &toks->cap, toks->n + 1, sizeof(sl_token)) != 0)
            return -1;
        toks->tok = arr;
    }
    /* NUL-terminate the folded form. */
    size_t fold_len = toks->fold.len - fold;
    if (sl_buf_append_byte(&toks->fold, '\0') != 0)
        return -1;
    sl_token *t = &toks->tok[toks->n++];
    t->start = start;
    t->end = end;
    t->fold = fold;
    t->fold_len = fold_len;
    t->cls = cls;
    t->flags = flags;
    return 0;
}

selaras_status sl_tokenize(sl_tokens *toks, const char *text, size_t len, selaras_error *err)
{
    toks->n = 0;
    toks->fold.len = 0;
    if (toks->fold.data)
        toks->fold.data[0] = '\0';
    if (text == NULL && len > 0)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "tokenize: NULL text");
    size_t i = 0, prev_end = SIZE_MAX;
    while (i < len) {
        int32_t cp;
        size_t n = peek(text, len, i, &cp);
        if (n == 0) {
            size_t seqlen;
            sl_utf8_problem p = sl_utf8_check((const unsigned char *)text + i, len - i, &cp,
                                              &seqlen);
            toks->n = 0;
            toks->fold.len = 0;
            return sl_error_at(err, SELARAS_ERR_ENCODING, text, len, i,
                               "invalid UTF-8 (%s)", sl_utf8_problem_name(p));
        }
        utf8proc_category_t cat = category(cp);
        if (is_space(cp, cat) || cat == UTF8PROC_CATEGORY_CF) {
            i += n;
            continue;
        }
        unsigned flags = prev_end == i ? SL_TOKEN_GLUED : 0;
        size_t fold = toks->fold.len, end;
        sl_token_class cls;
        if (sl_char_is_letter(cp)) {
            cls = SL_TOKEN_WORD;
            end = scan_word(text, len, i, &toks->fold, &flags);
            if (end == SIZE_MAX)
                goto nomem;
        } else {
            if (cat == UTF8PROC_CATEGORY_ND) {
                cls = SL_TOKEN_NUMBER;
                end = scan_number(text, len, i);
            } else {
                cls = SL_TOKEN_OTHER;
                end = i + n;
            }
            if (sl_buf_append(&toks->fold, text + i, end - i) != 0)
                goto nomem;
        }
        if (push(toks, i, end, fold, cls, flags) != 0)
            goto nomem;
        prev_end = end;
        i = end;
    }
    return SELARAS_OK;
nomem:
    toks->n = 0;
    toks->fold.len = 0;
    if (toks->fold.data)
        toks->fold.data[0] = '\0';
    return sl_nomem(err);
}
