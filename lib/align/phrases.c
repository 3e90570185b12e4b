/* Lexicon keys of a sentence that the aligner's own tokens cannot hold: phrases ("rumah
 * sakit") and words with an inner hyphen or apostrophe ("anak-anak", "jum'at"). The
 * sentence is tokenized as the lexicon tokenizes its entries (sl_tokenize, folded, words
 * stemmed), every run of up to the lexicon's longest entry of words and numbers not
 * broken by punctuation is looked up as a key, and each key found is given to emit. */
#include "config.h"

#include <string.h>

#include "align.h"
#include "../lexicon/lexicon.h"

static uint32_t key_id(const sl_phrase_lookup *ph, const char *key, size_t len)
{
    return ph->tgt ? sl_lexicon_tgt_id(ph->lex, key, len) : sl_lexicon_src_id(ph->lex, key, len);
}

int sl_phrases_emit(const sl_phrase_lookup *ph, sl_tokens *toks, const char *text, size_t len,
                    sl_stem_fn stem, void *stem_ctx, sl_emit_fn emit, void *ctx)
{
    size_t most = ph->tgt ? sl_lexicon_tgt_max_words(ph->lex) : sl_lexicon_src_max_words(ph->lex);
    if (most == 0)
        return 0;
    selaras_status st = sl_tokenize(toks, text, len, NULL);
    if (st == SELARAS_ERR_NOMEM)
        return -1;
    if (st != SELARAS_OK)
        return 0; /* not UTF-8: the sentence keeps its own tokens only */
    char key[SL_LEXICON_MAX_KEY + 1], sbuf[256];
    for (size_t i = 0; i < toks->n; i++) {
        size_t klen = 0;
        for (size_t k = i; k < toks->n && k - i < most; k++) {
            const sl_token *t = &toks->tok[k];
            if (t->cls == SL_TOKEN_OTHER)
                break;
            size_t flen;
            const char *f = sl_token_folded(toks, k, &flen);
            if (t->cls == SL_TOKEN_WORD && stem != NULL) {
                size_t n = stem(stem_ctx, f, flen, sbuf, sizeof sbuf);
                if (n != (size_t)-1 && n > 0) {
                    f = sbuf;
                    flen = n;
                }
            }
            if (klen + (klen > 0) + flen > SL_LEXICON_MAX_KEY)
                break;
            if (klen > 0)
                key[klen++] = ' ';
            memcpy(key + klen, f, flen);
            klen += flen;
            /* one word: only those the aligner's tokens split ("anak-anak") */
            int single = k == i;
            if (single && memchr(f, '-', flen) == NULL && memchr(f, '\'', flen) == NULL)
                continue;
            if (key_id(ph, key, klen) != SL_LEXICON_NONE) {
                int rc = emit(ctx, key, klen, SL_TOK_KEY);
                if (rc != 0)
                    return rc;
            }
        }
    }
    return 0;
}
