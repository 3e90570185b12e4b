/* Self-test of the evaluation tools' JSON reader, run by make check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

static int failures;
#define EXPECT(cond) do { if (!(cond)) { printf("FAIL: %s:%d: %s\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

int main(void)
{
    const char *doc = "{\"doc\": \"a\\u00e9\\ud83d\\ude00\\n\", \"n\": [1, -2.5, 3e2], \"ok\": true,"
                      " \"none\": null, \"inner\": {\"k\": []}}";
    char *error = NULL;
    json *v = json_parse(doc, strlen(doc), &error);
    EXPECT(v != NULL && error == NULL);
    if (v != NULL) {
        EXPECT(strcmp(json_get_string(v, "doc"), "a\xC3\xA9\xF0\x9F\x98\x80\n") == 0);
        const json *n = json_get(v, "n");
        EXPECT(n != NULL && n->type == JSON_ARRAY && n->len == 3);
        if (n != NULL && n->len == 3) {
            EXPECT(n->items[0]->number == 1);
            EXPECT(n->items[1]->number == -2.5);
            EXPECT(n->items[2]->number == 300);
        }
        EXPECT(json_get(v, "ok")->type == JSON_TRUE);
        EXPECT(json_get(v, "none")->type == JSON_NULL);
        EXPECT(json_get(json_get(v, "inner"), "k")->len == 0);
        EXPECT(json_get(v, "missing") == NULL);
    }
    json_free(v);
    const char *bad[] = {"{", "[1,]", "{\"a\" 1}", "\"abc", "tru", "[1] 2", "{\"a\":\"\\x\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        error = NULL;
        v = json_parse(bad[i], strlen(bad[i]), &error);
        EXPECT(v == NULL && error != NULL);
        json_free(v);
        free(error);
    }
    printf("json: %d passed, %d failed\n", failures ? 0 : 1, failures ? 1 : 0);
    return failures != 0;
}
