/* A small program that uses libselaras through its public header only: make a
 * document from UTF-8 bytes and show what intake did. Build it against an installed
 * selaras with:  cc api_example.c $(pkg-config --cflags --libs selaras) */
#include <stdio.h>
#include <string.h>

#include <selaras.h>

int main(void)
{
    /* A BOM, a CRLF line end and a decomposed "é" (e + U+0301). */
    const char input[] = "\xEF\xBB\xBFSIARAN PERS\r\nCafe\xCC\x81 Jakarta.";
    selaras_doc *doc = NULL;
    selaras_error err;
    if (selaras_doc_new(&doc, input, sizeof input - 1, "id-ID", 0, NULL, &err) != SELARAS_OK) {
        fprintf(stderr, "api_example: %s\n", err.message);
        return 1;
    }
    size_t len;
    const char *text = selaras_doc_text(doc, &len);
    printf("selaras %s, language %s\n", selaras_version(), selaras_doc_lang(doc));
    printf("normalised %zu bytes from %zu: %s\n", len, selaras_doc_original_length(doc), text);
    const char *word = strstr(text, "Jakarta");
    size_t at = (size_t)(word - text);
    printf("\"Jakarta\" is at byte %zu of the text and byte %zu of the input\n", at,
           selaras_doc_to_original(doc, at));
    selaras_doc_free(doc);
    return 0;
}
