/* A small JSON reader for the evaluation tools (not part of libselaras): enough for the
 * JSON and JSON Lines files of the shared data sets. */
#ifndef SELARAS_EVAL_JSON_H
#define SELARAS_EVAL_JSON_H

#include <stddef.h>

typedef enum json_type { JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING,
                         JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json json;
struct json {
    json_type type;
    double number;
    char *string;       /* JSON_STRING: UTF-8, NUL-terminated; length in len */
    size_t len;         /* string length, or number of items / members */
    json **items;       /* JSON_ARRAY items, JSON_OBJECT values */
    char **keys;        /* JSON_OBJECT member names */
};

/* Parse one JSON value from text[0..len). Returns NULL on error, with a message
 * (malloc'ed, caller frees) in *error when error is not NULL. */
json *json_parse(const char *text, size_t len, char **error);
void json_free(json *value);

/* Member of an object by name, or NULL. */
const json *json_get(const json *object, const char *key);
/* String of a member, or NULL when missing or not a string. */
const char *json_get_string(const json *object, const char *key);

/* Read a whole file into a malloc'ed NUL-terminated buffer; NULL on error. */
char *json_read_file(const char *path, size_t *len);

/* Call fn for each non-empty line of a JSON Lines file; stops and returns -1 on a parse
 * error (printed to stderr with the line number) or when fn returns non-zero. */
int jsonl_each(const char *path, int (*fn)(const json *value, void *user), void *user);

#endif
