/* --input, --encoding and --replace-invalid for the commands that read documents. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "input.h"
#include "progress.h"

enum input_kind { INPUT_AUTO, INPUT_TEXT, INPUT_HTML };

/* The options of this process: set once by cli_take_input_options(). */
static enum input_kind input_kind = INPUT_AUTO;
static const char *input_encoding = NULL;
static int replace_invalid = 0;

static const char *const reading_commands[] = {"segment", "align", "normalize", "extract",
                                               "batch", "pair"};

static int takes_input(const char *command)
{
    for (size_t i = 0; i < sizeof reading_commands / sizeof reading_commands[0]; i++)
        if (strcmp(command, reading_commands[i]) == 0)
            return 1;
    return 0;
}

/* The value of option name at argv[*i] ("--name VALUE" or "--name=VALUE"), or NULL when
 * argv[*i] is not that option; *missing is set when the value is missing. */
static const char *value_of(int argc, char **argv, int *i, const char *name, int *missing)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

int cli_take_input_options(int *argc, char **argv)
{
    if (*argc < 2 || !takes_input(argv[1]))
        return CLI_OK;
    int kept = 2;
    for (int i = 2; i < *argc; i++) {
        int missing = 0;
        const char *v;
        if (strcmp(argv[i], "--") == 0) {
            while (i < *argc)
                argv[kept++] = argv[i++];
            break;
        }
        if ((v = value_of(*argc, argv, &i, "--input", &missing)) != NULL) {
            if (strcmp(v, "auto") == 0)
                input_kind = INPUT_AUTO;
            else if (strcmp(v, "text") == 0)
                input_kind = INPUT_TEXT;
            else if (strcmp(v, "html") == 0)
                input_kind = INPUT_HTML;
            else {
                cli_error("%s: unknown --input '%s' (expected text, html or auto)", argv[1], v);
                return CLI_USAGE;
            }
        } else if (!missing && (v = value_of(*argc, argv, &i, "--encoding", &missing)) != NULL) {
            if (*v == '\0') {
                cli_error("%s: --encoding needs a name", argv[1]);
                return CLI_USAGE;
            }
            input_encoding = v;
        } else if (!missing && strcmp(argv[i], "--replace-invalid") == 0) {
            replace_invalid = 1;
        } else if (missing) {
            cli_error("%s: option '%s' requires an argument", argv[1], argv[i]);
            return CLI_USAGE;
        } else {
            argv[kept++] = argv[i];
        }
    }
    argv[kept] = NULL;
    *argc = kept;
    return CLI_OK;
}

void cli_input_usage(FILE *out)
{
    fputs("Input: --input text|html|auto (default auto: HTML for .html/.htm/.xhtml/.shtml\n"
          "files or a file that starts with <!DOCTYPE html or <html; an HTML page is read\n"
          "as its main text, offsets still into the page), --encoding NAME (any ICU name:\n"
          "windows-1252, ISO-8859-15, UTF-16LE...; default: a BOM, an HTML meta charset,\n"
          "else UTF-8), --replace-invalid (bad bytes become U+FFFD, and are counted).\n",
          out);
}

static int has_html_extension(const char *path)
{
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    if (dot == NULL || (slash != NULL && dot < slash))
        return 0;
    static const char *const exts[] = {".html", ".htm", ".xhtml", ".shtml"};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strcasecmp(dot, exts[i]) == 0)
            return 1;
    return 0;
}

int cli_input_is_html(const char *path, const char *data, size_t len)
{
    if (input_kind != INPUT_AUTO)
        return input_kind == INPUT_HTML;
    if (path != NULL && strcmp(path, "-") != 0 && has_html_extension(path))
        return 1;
    return selaras_looks_like_html(data, len);
}

unsigned cli_input_flags(const char *path, const char *data, size_t len)
{
    return (cli_input_is_html(path, data, len) ? (unsigned)SELARAS_DOC_HTML : 0u) |
           (replace_invalid ? (unsigned)SELARAS_DOC_REPLACE_INVALID : 0u);
}

unsigned cli_input_batch_flags(void)
{
    unsigned html = input_kind == INPUT_HTML   ? (unsigned)SELARAS_DOC_HTML
                    : input_kind == INPUT_AUTO ? (unsigned)SELARAS_DOC_DETECT_HTML
                                               : 0u;
    return html | (replace_invalid ? (unsigned)SELARAS_DOC_REPLACE_INVALID : 0u);
}

const char *cli_input_encoding(void)
{
    return input_encoding;
}

int cli_input_make_doc(const char *path, selaras_file *file, const char *lang, unsigned flags,
                       selaras_doc **doc)
{
    selaras_error err;
    size_t len;
    const char *data = selaras_file_data(file, &len);
    flags |= cli_input_flags(path, data, len);
    /* the file is gone once the document is made: standard input, which cannot be read
     * again, is guessed now; a file is read again if its bytes prove not to be UTF-8 */
    char guess[64];
    int use_stdin = strcmp(path, "-") == 0;
    size_t guessed = input_encoding == NULL && use_stdin
                         ? selaras_encoding_guess(data, len, guess, sizeof guess)
                         : 0;
    selaras_status st;
    if (input_encoding == NULL) { /* the file's own bytes may become the text */
        st = selaras_doc_new_from_file(doc, file, lang, flags, &err);
    } else {
        st = selaras_doc_new_encoded(doc, data, len, lang, input_encoding, flags, NULL, &err);
        selaras_file_free(file);
    }
    if (st != SELARAS_OK) {
        selaras_file *again;
        if (st == SELARAS_ERR_ENCODING && input_encoding == NULL && !use_stdin &&
            selaras_file_read(&again, path, 0, NULL, NULL) == SELARAS_OK) {
            data = selaras_file_data(again, &len);
            guessed = selaras_encoding_guess(data, len, guess, sizeof guess);
            selaras_file_free(again);
        }
        if (st == SELARAS_ERR_ENCODING && guessed > 0) {
            size_t n = strlen(err.message);
            snprintf(err.message + n, sizeof err.message - n, "; looks like %s; use --encoding %s",
                     guess, guess);
        }
        cli_report(path, &err);
        return st == SELARAS_ERR_LANGUAGE || st == SELARAS_ERR_ARGUMENT ? CLI_USAGE : CLI_INPUT;
    }
    size_t replaced = selaras_doc_replacements(*doc);
    if (replaced > 0)
        cli_warn("%s: replaced %zu invalid sequence%s with U+FFFD", cli_display_name(path),
                 replaced, replaced == 1 ? "" : "s");
    return CLI_OK;
}
