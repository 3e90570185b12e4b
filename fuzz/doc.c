/* Fuzz harness for text intake: selaras_doc_new() strict and replacing, with invariants:
 * - strict intake fails exactly at the first ill-formed byte (an independent decoder),
 *   and replacing intake always succeeds, replacing something exactly when strict failed;
 * - the text is valid UTF-8 without NUL, CR or U+0085/U+2028/U+2029, is NFC (ICU), and
 *   intake of the text again gives the same text (idempotent);
 * - both offset maps are monotonic, stay within the other text and end at its end, and
 *   to_normalized(to_original(i)) <= i;
 * - when one allocation (picked from the input) fails, intake reports it and holds nothing. */
#include <string.h>

#include <unicode/unorm2.h>

#include "fuzz.h"

static void check_offsets(const selaras_doc *doc, size_t size)
{
    size_t len;
    selaras_doc_text(doc, &len);
    FUZZ_CHECK(selaras_doc_original_length(doc) == size);
    size_t prev = 0;
    for (size_t i = 0; i <= len; i++) {
        size_t o = selaras_doc_to_original(doc, i);
        FUZZ_CHECK(o <= size);
        FUZZ_CHECK(o >= prev);
        FUZZ_CHECK(selaras_doc_to_normalized(doc, o) <= i);
        prev = o;
    }
    FUZZ_CHECK(selaras_doc_to_original(doc, len) == size);
    FUZZ_CHECK(selaras_doc_to_original(doc, len + 1) == size);
    prev = 0;
    for (size_t j = 0; j <= size; j++) {
        size_t n = selaras_doc_to_normalized(doc, j);
        FUZZ_CHECK(n <= len);
        FUZZ_CHECK(n >= prev);
        FUZZ_CHECK(selaras_doc_to_original(doc, n) <= j || n == 0);
        prev = n;
    }
    FUZZ_CHECK(selaras_doc_to_normalized(doc, size) == len);
}

static void check_text(const selaras_doc *doc)
{
    size_t len;
    const char *text = selaras_doc_text(doc, &len);
    const unsigned char *u = (const unsigned char *)text;
    FUZZ_CHECK(text != NULL);
    FUZZ_CHECK(text[len] == '\0');
    FUZZ_CHECK(strlen(text) == len);
    FUZZ_CHECK(fuzz_utf8_first_bad(u, len) == len);
    FUZZ_CHECK(memchr(text, '\r', len) == NULL);
    for (size_t i = 0; i < len;) {
        int32_t cp = 0;
        i += fuzz_utf8_decode(u + i, len - i, &cp);
        FUZZ_CHECK(cp != 0x85 && cp != 0x2028 && cp != 0x2029);
    }
    FUZZ_CHECK(strcmp(selaras_doc_lang(doc), "id-ID") == 0);

    /* NFC, checked with ICU on UTF-16. */
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    FUZZ_CHECK(U_SUCCESS(status));
    UChar *utf16 = malloc((len + 1) * sizeof *utf16);
    FUZZ_CHECK(utf16 != NULL);
    size_t n16 = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp = 0;
        i += fuzz_utf8_decode(u + i, len - i, &cp);
        if (cp >= 0x10000) {
            utf16[n16++] = (UChar)(0xD800 + ((cp - 0x10000) >> 10));
            utf16[n16++] = (UChar)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            utf16[n16++] = (UChar)cp;
        }
    }
    UBool normal = unorm2_isNormalized(nfc, utf16, (int32_t)n16, &status);
    FUZZ_CHECK(U_SUCCESS(status));
    free(utf16);
    FUZZ_CHECK(normal);

    /* Intake is idempotent. */
    selaras_doc *again = NULL;
    selaras_error err;
    selaras_status st = selaras_doc_new(&again, text, len, "id-ID", 0, NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    size_t len2;
    const char *text2 = selaras_doc_text(again, &len2);
    FUZZ_CHECK(len2 == len - (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0));
    FUZZ_CHECK(memcmp(text2, text + (len - len2), len2) == 0);
    selaras_doc_free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    /* A UTF-16 byte order mark makes the input UTF-16 (fuzz/html.c covers that path). */
    if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
        return 0;
    size_t bad = fuzz_utf8_first_bad(data, size);

    selaras_doc *strict = NULL;
    selaras_error err;
    memset(&err, 0, sizeof err);
    selaras_status st = selaras_doc_new(&strict, bytes, size, "id-ID", 0, NULL, &err);
    if (bad < size) {
        FUZZ_STATUS(st, SELARAS_ERR_ENCODING, &err);
        FUZZ_CHECK(strict == NULL);
        FUZZ_CHECK(err.status == SELARAS_ERR_ENCODING);
        FUZZ_CHECK(err.offset == bad);
        FUZZ_CHECK(err.line >= 1 && err.column >= 1);
        FUZZ_CHECK(memchr(err.message, '\0', sizeof err.message) != NULL);
    } else {
        FUZZ_STATUS(st, SELARAS_OK, &err);
        FUZZ_CHECK(selaras_doc_replacements(strict) == 0);
        check_text(strict);
        check_offsets(strict, size);
    }

    selaras_doc *lenient = NULL;
    st = selaras_doc_new(&lenient, bytes, size, "in", SELARAS_DOC_REPLACE_INVALID, NULL, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    FUZZ_CHECK((selaras_doc_replacements(lenient) > 0) == (bad < size));
    if (strict != NULL) {
        size_t a, b;
        const char *ta = selaras_doc_text(strict, &a), *tb = selaras_doc_text(lenient, &b);
        FUZZ_CHECK(a == b && memcmp(ta, tb, a) == 0);
    }
    FUZZ_CHECK(strcmp(selaras_doc_lang(lenient), "id") == 0);
    FUZZ_CHECK(selaras_doc_set_name(lenient, "fuzz.txt") == SELARAS_OK);
    FUZZ_CHECK(strcmp(selaras_doc_name(lenient), "fuzz.txt") == 0);
    check_offsets(lenient, size);
    selaras_doc_free(strict);
    selaras_doc_free(lenient);

    /* One allocation of replacing intake fails: out of memory, nothing held. */
    fuzz_alloc fa;
    fuzz_alloc_init(&fa, -1);
    st = selaras_doc_new(&lenient, bytes, size, "id", SELARAS_DOC_REPLACE_INVALID, &fa.mem, &err);
    FUZZ_STATUS(st, SELARAS_OK, &err);
    selaras_doc_free(lenient);
    FUZZ_CHECK(fa.live == 0);
    fuzz_alloc_init(&fa, fuzz_pick(data, size, fa.calls));
    st = selaras_doc_new(&lenient, bytes, size, "id", SELARAS_DOC_REPLACE_INVALID, &fa.mem, &err);
    FUZZ_STATUS(st, SELARAS_ERR_NOMEM, &err);
    FUZZ_CHECK(lenient == NULL);
    FUZZ_CHECK(fa.live == 0);
    return 0;
}
