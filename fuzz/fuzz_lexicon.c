/* libFuzzer harness for the lexicon stage's parsers: the tokenizer, the TSV and hunalign
 * readers and the dictd (FreeDict) entry parser. The input is used whole by the first
 * three; for dictd it is split at its first form feed into an index and a dictionary. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/lexicon.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    selaras_allocator mem;
    if (sl_mem_init(&mem, NULL, NULL) != SELARAS_OK)
        abort();
    sl_tokens toks;
    sl_tokens_init(&toks, &mem);
    if (sl_tokenize(&toks, text, size, NULL) == SELARAS_OK) {
        size_t prev = 0;
        for (size_t i = 0; i < toks.n; i++) {
            const sl_token *t = &toks.tok[i];
            size_t len;
            const char *f = sl_token_folded(&toks, i, &len);
            /* Tokens are ordered, do not overlap, are not empty; folds are NUL-terminated. */
            if (t->start < prev || t->end <= t->start || t->end > size || f[len] != '\0' ||
                (t->cls != SL_TOKEN_WORD && (len != t->end - t->start ||
                                             memcmp(f, text + t->start, len) != 0)))
                abort();
            prev = t->end;
        }
    }
    sl_tokens_release(&toks);

    for (int mode = 0; mode < 3; mode++) {
        selaras_lexicon *lex;
        if (selaras_lexicon_new(&lex, "id", "en", NULL, NULL) != SELARAS_OK)
            abort();
        if (mode < 2) {
            sl_dict_read_tsv(lex, text, size, mode, NULL);
        } else {
            const char *ff = memchr(text, '\f', size);
            size_t n = ff ? (size_t)(ff - text) : size;
            sl_dict_parse_dictd(lex, text, n, ff ? ff + 1 : "", ff ? size - n - 1 : 0, 1,
                                "fuzz.index", NULL);
        }
        /* Whatever was added can be found again. */
        for (size_t i = 0; i < sl_lexicon_src_count(lex); i++) {
            size_t len;
            const char *k = sl_lexicon_src_key(lex, (uint32_t)i, &len);
            if (sl_lexicon_src_id(lex, k, len) != i)
                abort();
        }
        selaras_lexicon_free(lex);
    }
    return 0;
}
