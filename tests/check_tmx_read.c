/* The TMX reader: versions, inline codes, encodings, and every class of malformed input
 * failing with a line and column. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_selaras.h"

START_TEST(reads_a_foreign_memory)
{
    char *path = test_data_path("tmx/foreign.tmx");
    selaras_tmx_reader *r;
    selaras_error err;
    ck_assert_int_eq(selaras_tmx_reader_new(&r, path, 0, NULL, &err), SELARAS_OK);
    ck_assert_str_eq(selaras_tmx_reader_version(r), "1.4");
    ck_assert_str_eq(selaras_tmx_reader_srclang(r), "id-ID");
    const selaras_unit *h = selaras_tmx_reader_header(r);
    ck_assert_str_eq(selaras_unit_attr(h, SELARAS_UNIT_WHOLE, "creationtool"), "OtherTool");
    ck_assert_uint_eq(selaras_unit_attr_count(h), 7);
    ck_assert_uint_eq(selaras_unit_prop_count(h), 2);
    ck_assert_ptr_null(selaras_unit_prop_type(h, 0));
    ck_assert_str_eq(selaras_unit_prop_value(h, 0, NULL), "Made by hand for the selaras tests.");
    ck_assert_str_eq(selaras_unit_prop(h, "x-project"), "Jakarta labour releases");

    const selaras_unit *u;
    ck_assert_int_eq(selaras_tmx_reader_next(r, &u, &err), SELARAS_OK);
    ck_assert_ptr_nonnull(u);
    ck_assert_uint_eq(selaras_unit_variant_count(u), 2);
    ck_assert_str_eq(selaras_unit_variant_lang(u, 0), "en-US");
    ck_assert_str_eq(selaras_unit_variant_text(u, 0, NULL),
                     "The governor opened the job fair on Monday.");
    ck_assert_str_eq(selaras_unit_text(u, "id", NULL), "Gubernur membuka bursa kerja pada Senin.");
    ck_assert_str_eq(selaras_unit_attr(u, SELARAS_UNIT_WHOLE, "tuid"), "7");
    ck_assert_str_eq(selaras_unit_attr(u, 0, "creationid"), "ana");
    ck_assert_uint_eq(selaras_unit_prop_count(u), 3);
    ck_assert_str_eq(selaras_unit_prop_lang(u, 0), "en");
    ck_assert_uint_eq(selaras_unit_prop_variant(u, 2), 0);
    ck_assert_str_eq(selaras_unit_prop_type(u, 2), "x-origin");
    double score;
    ck_assert_int_eq(selaras_unit_score(u, &score), 1);
    ck_assert(score > 0.90999 && score < 0.91001);
    ck_assert_int_eq(selaras_tmx_reader_next(r, &u, &err), SELARAS_OK);
    ck_assert_str_eq(selaras_unit_text(u, "en", NULL), "Price: 5 < 7 & \"cheap\"");
    ck_assert_int_eq(selaras_tmx_reader_next(r, &u, &err), SELARAS_OK);
    ck_assert_ptr_null(u);
    ck_assert_int_eq(selaras_tmx_reader_next(r, &u, &err), SELARAS_OK);
    ck_assert_ptr_null(u);
    selaras_tmx_reader_free(r);

    ck_assert_int_eq(selaras_tmx_reader_new(&r, path, SELARAS_TMX_KEEP_CODES, NULL, &err),
                     SELARAS_OK);
    ck_assert_int_eq(selaras_tmx_reader_next(r, &u, &err), SELARAS_OK);
    ck_assert_str_eq(selaras_unit_text(u, "en", NULL),
                     "The governor opened the <b>job fair</b> on Monday.");
    selaras_tmx_reader_free(r);
    selaras_tmx_reader_free(NULL);
    free(path);
}
END_TEST

START_TEST(reads_tmx_11_in_utf16_and_level2_codes)
{
    const char *xml =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
        "<tmx version=\"1.1\"><header srclang=\"id\" adminlang=\"en\"/><body>\n"
        "<tu><tuv lang=\"ID\"><seg>Klik <bpt i=\"1\">&lt;a href=\"<sub>x</sub>\"&gt;</bpt>"
        "di sini<ept i=\"1\">&lt;/a&gt;</ept>. <it pos=\"begin\">&lt;i&gt;</it>Ya<ut>{u}</ut>"
        "<ph/><![CDATA[ & ok]]></seg></tuv>"
        "<tuv lang=\"EN\"><seg>Click here.</seg></tuv></tu></body></tmx>\n";
    /* encode as UTF-16LE with a BOM */
    size_t n = strlen(xml);
    char *buf = malloc(2 * n + 2);
    buf[0] = (char)0xFF;
    buf[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++) {
        buf[2 + 2 * i] = xml[i];
        buf[3 + 2 * i] = 0;
    }
    selaras_tmx_reader *r;
    selaras_error err;
    ck_assert_int_eq(selaras_tmx_reader_new_memory(&r, buf, 2 * n + 2, 0, NULL, &err), SELARAS_OK);
    ck_assert_str_eq(selaras_tmx_reader_version(r), "1.1");
    const selaras_unit *u;
    ck_assert_int_eq(selaras_tmx_reader_next(r, &u, &err), SELARAS_OK);
    ck_assert_str_eq(selaras_unit_variant_lang(u, 0), "ID");
    ck_assert_str_eq(selaras_unit_text(u, "id", NULL), "Klik di sini. Ya & ok");
    ck_assert_str_eq(selaras_unit_text(u, "en", NULL), "Click here.");
    selaras_tmx_reader_free(r);
    ck_assert_int_eq(selaras_tmx_reader_new_memory(&r, buf, 2 * n + 2, SELARAS_TMX_KEEP_CODES,
                                                   NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_tmx_reader_next(r, &u, &err), SELARAS_OK);
    ck_assert_str_eq(selaras_unit_text(u, "id", NULL),
                     "Klik <a href=\"x\">di sini</a>. <i>Ya{u} & ok");
    selaras_tmx_reader_free(r);
    free(buf);
}
END_TEST

/* Read xml to the end; return the first failure. */
static selaras_status read_all(const char *xml, size_t len, selaras_error *err)
{
    selaras_tmx_reader *r;
    selaras_status st = selaras_tmx_reader_new_memory(&r, xml, len, 0, NULL, err);
    if (st != SELARAS_OK)
        return st;
    const selaras_unit *u;
    while ((st = selaras_tmx_reader_next(r, &u, err)) == SELARAS_OK && u != NULL)
        ;
    if (st != SELARAS_OK) {
        selaras_status again = selaras_tmx_reader_next(r, &u, NULL);
        ck_assert_int_eq(again, SELARAS_ERR_STATE);
    }
    selaras_tmx_reader_free(r);
    return st;
}

static void expect_failure(const char *xml, selaras_status want, size_t line, size_t column,
                           const char *needle)
{
    selaras_error err;
    clock_t t0 = clock();
    selaras_status st = read_all(xml, strlen(xml), &err);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_error(&err, want, st, SELARAS_NO_OFFSET, needle);
    ck_assert_msg(err.line == line && err.column == column, "%s: at %zu:%zu, expected %zu:%zu",
                  err.message, err.line, err.column, line, column);
    ck_assert_msg(secs < 2.0, "took %.2f s", secs);
}

#define HEAD "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header srclang=\"id\"/>\n<body>\n"
#define TU "<tu><tuv xml:lang=\"id\"><seg>Satu.</seg></tuv></tu>\n"

START_TEST(truncated_file)
{
    expect_failure(HEAD TU "<tu><tuv xml:lang=\"id\"><seg>Du", SELARAS_ERR_SYNTAX, 6, 31,
                   "premature end of data");
    expect_failure(HEAD TU, SELARAS_ERR_SYNTAX, 5, 51, "premature end of data");
    expect_failure("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"i",
                   SELARAS_ERR_SYNTAX, 2, 38, "an attribute value is not closed");
    expect_failure("", SELARAS_ERR_SYNTAX, 1, 1, "empty");
}
END_TEST

START_TEST(wrong_encoding)
{
    expect_failure(HEAD "<tu><tuv xml:lang=\"id\"><seg>caf\xE9 hitam</seg></tuv></tu>\n",
                   SELARAS_ERR_ENCODING, 5, 32, "not valid UTF-8");
    expect_failure("<?xml version=\"1.0\" encoding=\"x-nonesuch\"?>\n<tmx/>",
                   SELARAS_ERR_ENCODING, 1, 42, "the declared encoding is not supported");
    expect_failure(HEAD "<tu><tuv xml:lang=\"id\"><seg>a\x01</seg></tuv></tu>\n",
                   SELARAS_ERR_ENCODING, 5, 30, "a character XML forbids");
}
END_TEST

START_TEST(entity_bomb_and_external_entity)
{
    char bomb[4096] = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY a0 \"lol\">\n";
    for (int i = 1; i <= 9; i++) {
        char line[256];
        snprintf(line, sizeof line,
                 "<!ENTITY a%d \"&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;\">\n", i,
                 i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
        strcat(bomb, line);
    }
    strcat(bomb, "]>\n<tmx version=\"1.4\"><header srclang=\"id\"/><body><tu><tuv xml:lang=\"id\">"
                 "<seg>&a9;</seg></tuv></tu></body></tmx>\n");
    expect_failure(bomb, SELARAS_ERR_SYNTAX, 14, 80, "entity expansion is disabled");
    expect_failure("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n"
                   "<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
                   "<tmx version=\"1.4\"><header srclang=\"id\"/><body><tu><tuv xml:lang=\"id\">"
                   "<seg>&x;</seg></tuv></tu></body></tmx>\n",
                   SELARAS_ERR_SYNTAX, 6, 1, "entity expansion is disabled");
    /* an entity the document never declares */
    expect_failure(HEAD "<tu><tuv xml:lang=\"id\"><seg>&nbsp;</seg></tuv></tu>\n",
                   SELARAS_ERR_SYNTAX, 5, 35, "an entity reference that is not declared");
    /* a DOCTYPE that only names the DTD is fine, and the DTD is not loaded */
    const char *ok = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"http://example.invalid/tmx14.dtd\">\n"
                     "<tmx version=\"1.4\"><header srclang=\"id\"/><body>" TU "</body></tmx>\n";
    selaras_error err;
    ck_assert_int_eq(read_all(ok, strlen(ok), &err), SELARAS_OK);
}
END_TEST

START_TEST(deep_nesting)
{
    size_t depth = 100000;
    size_t cap = strlen(HEAD) + depth * 9 + 64;
    char *xml = malloc(cap);
    strcpy(xml, HEAD "<tu>");
    char *p = xml + strlen(xml);
    for (size_t i = 0; i < depth; i++, p += 4)
        memcpy(p, "<hi>", 4);
    for (size_t i = 0; i < depth; i++, p += 5)
        memcpy(p, "</hi>", 5);
    strcpy(p, "</tu></body></tmx>\n");
    expect_failure(xml, SELARAS_ERR_LIMIT, 5, 1, "nested too deeply");
    free(xml);
}
END_TEST

START_TEST(missing_srclang_and_not_tmx)
{
    expect_failure("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n  <header adminlang=\"en\"/>\n"
                   "<body/></tmx>\n", SELARAS_ERR_SYNTAX, 3, 1, "no srclang attribute on <header>");
    expect_failure("<?xml version=\"1.0\"?>\n<html/>\n", SELARAS_ERR_SYNTAX, 2, 1,
                   "not a TMX file: the root is <html>");
    expect_failure("<tmx version=\"1.4\"><header srclang=\"id\"/></tmx>", SELARAS_ERR_SYNTAX,
                   1, 48, "no <body> element");
    expect_failure(HEAD "<tu><tuv><seg>x</seg></tuv></tu>\n", SELARAS_ERR_SYNTAX, 5, 1,
                   "no xml:lang attribute on <tuv>");
    expect_failure(HEAD "<tu><tuv xml:lang=\"\"><seg>x</seg></tuv></tu>\n", SELARAS_ERR_SYNTAX, 5,
                   1, "an empty xml:lang attribute on <tuv>");
    expect_failure(HEAD "<tu><tuv xml:lang=\"id\"></tuv></tu>\n", SELARAS_ERR_SYNTAX, 5, 1,
                   "without <seg>");
    expect_failure(HEAD "<tu><prop>x</prop></tu>\n", SELARAS_ERR_SYNTAX, 5, 1,
                   "no type attribute on <prop>");
    expect_failure(HEAD TU "</body></tmx><tmx/>\n", SELARAS_ERR_SYNTAX, 6, 14,
                   "something follows the end of the root element");
    selaras_tmx_reader *r = NULL;
    selaras_error err;
    selaras_status st = selaras_tmx_reader_new(&r, "/nonexistent/x.tmx", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET, "cannot open: no such file");
    ck_assert_ptr_null(r);
    st = selaras_tmx_reader_new(&r, NULL, 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
}
END_TEST

/* Time of reading xml (len bytes) to its end or first error, in seconds. */
static double timed_read(const char *xml, size_t len, selaras_status *st, selaras_error *err)
{
    clock_t t0 = clock();
    *st = read_all(xml, len, err);
    return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

/* HEAD, a <tu> with n attributes, and the rest of a memory, malloc'ed. */
static char *tu_with_attributes(size_t n, size_t *len)
{
    size_t cap = strlen(HEAD) + 16 * n + 256, k = 0;
    char *x = malloc(cap);
    ck_assert_ptr_nonnull(x);
    k += (size_t)snprintf(x + k, cap - k, "%s<tu", HEAD);
    for (size_t i = 0; i < n; i++)
        k += (size_t)snprintf(x + k, cap - k, " a%zu='v'", i);
    k += (size_t)snprintf(x + k, cap - k, "><tuv xml:lang=\"id\"><seg>A</seg></tuv></tu>\n"
                                          "</body></tmx>\n");
    *len = k;
    return x;
}

START_TEST(attribute_bomb_is_refused_at_once)
{
    size_t len;
    char *x = tu_with_attributes(200000, &len);
    selaras_error err;
    selaras_status st;
    double secs = timed_read(x, len, &st, &err);
    ck_assert_error(&err, SELARAS_ERR_LIMIT, st, SELARAS_NO_OFFSET,
                    "more than 256 attributes in one tag");
    ck_assert_uint_eq(err.line, 5);
    ck_assert_msg(secs < 1.0, "the attribute bomb took %.2f s", secs);
    free(x);
    /* 256 are read; 257 are not */
    x = tu_with_attributes(256, &len);
    ck_assert_int_eq(read_all(x, len, &err), SELARAS_OK);
    free(x);
    x = tu_with_attributes(257, &len);
    ck_assert_int_eq(read_all(x, len, &err), SELARAS_ERR_LIMIT);
    free(x);
    /* '=' in comments, CDATA and quoted values is not an attribute */
    char body[8192];
    size_t k = (size_t)snprintf(body, sizeof body, "%s<!-- <x", HEAD);
    for (int i = 0; i < 300; i++)
        k += (size_t)snprintf(body + k, sizeof body - k, " b%d=1", i);
    k += (size_t)snprintf(body + k, sizeof body - k, " --><tu note='");
    for (int i = 0; i < 300; i++)
        k += (size_t)snprintf(body + k, sizeof body - k, "=");
    k += (size_t)snprintf(body + k, sizeof body - k, "'><tuv xml:lang=\"id\"><seg><![CDATA[");
    for (int i = 0; i < 300; i++)
        k += (size_t)snprintf(body + k, sizeof body - k, " c=");
    snprintf(body + k, sizeof body - k, "]]></seg></tuv></tu>\n</body></tmx>\n");
    ck_assert_int_eq(read_all(body, strlen(body), &err), SELARAS_OK);
}
END_TEST

START_TEST(many_variants_and_header_entries_stay_linear)
{
    /* 257 variants in one unit: refused */
    size_t cap = 64 * 1024, k = 0;
    char *x = malloc(cap);
    ck_assert_ptr_nonnull(x);
    k += (size_t)snprintf(x + k, cap - k, "%s<tu>", HEAD);
    for (int i = 0; i < 257; i++)
        k += (size_t)snprintf(x + k, cap - k, "<tuv xml:lang=\"x%d\" a=\"1\"><seg>A</seg></tuv>", i);
    k += (size_t)snprintf(x + k, cap - k, "</tu>\n</body></tmx>\n");
    selaras_error err;
    selaras_status st;
    timed_read(x, k, &st, &err);
    ck_assert_error(&err, SELARAS_ERR_LIMIT, st, SELARAS_NO_OFFSET,
                    "more than 256 variants in one <tu>");
    free(x);
    /* 40,000 header properties merged into a writer: linear, not quadratic */
    cap = 40000 * 40 + 512;
    x = malloc(cap);
    ck_assert_ptr_nonnull(x);
    k = (size_t)snprintf(x, cap, "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"id\">");
    for (int i = 0; i < 40000; i++)
        k += (size_t)snprintf(x + k, cap - k, "<prop type=\"t%d\">v</prop>", i % 20000);
    k += (size_t)snprintf(x + k, cap - k, "</header><body></body></tmx>\n");
    selaras_tmx_reader *r;
    ck_assert_int_eq(selaras_tmx_reader_new_memory(&r, x, k, 0, NULL, &err), SELARAS_OK);
    selaras_writer *w;
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TMX, "/dev/null", NULL, "id", "en",
                                        NULL, &err), SELARAS_OK);
    clock_t t0 = clock();
    ck_assert_int_eq(selaras_writer_add_header(w, selaras_tmx_reader_header(r), &err),
                     SELARAS_OK);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_msg(secs < 0.5, "40,000 header entries took %.2f s", secs);
    selaras_writer_free(w);
    selaras_tmx_reader_free(r);
    free(x);
}
END_TEST

/* A UTF-16 encoding of ascii (with a byte order mark when bom), big- or little-endian. */
static size_t utf16(const char *ascii, int big, int bom, char *out)
{
    size_t k = 0;
    if (bom) {
        out[k++] = big ? '\xFE' : '\xFF';
        out[k++] = big ? '\xFF' : '\xFE';
    }
    for (const char *p = ascii; *p != '\0'; p++) {
        out[k++] = big ? '\0' : *p;
        out[k++] = big ? *p : '\0';
    }
    return k;
}

START_TEST(utf16_declared_as_utf8_is_refused)
{
    static const char *const decl[] = {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                                       "<?xml version='1.0' encoding = 'utf-8'?>"};
    char doc[1024], bytes[2048];
    selaras_error err;
    for (int d = 0; d < 2; d++)
        for (int big = 0; big < 2; big++)
            for (int bom = 0; bom < 2; bom++) {
                snprintf(doc, sizeof doc, "%s\n<tmx version=\"1.4\"><header srclang=\"id\"/><body>"
                         "</body></tmx>\n", decl[d]);
                size_t n = utf16(doc, big, bom, bytes);
                selaras_status st = read_all(bytes, n, &err);
                ck_assert_error(&err, SELARAS_ERR_ENCODING, st, SELARAS_NO_OFFSET,
                                "the file is UTF-16 but declares encoding=\"UTF-8\"");
                ck_assert_uint_eq(err.line, 1);
                /* declared UTF-16, or not declared: read */
                snprintf(doc, sizeof doc, "%s\n<tmx version=\"1.4\"><header srclang=\"id\"/><body>"
                         "</body></tmx>\n", d ? "" : "<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
                n = utf16(doc, big, 1, bytes);
                ck_assert_int_eq(read_all(bytes, n, &err), SELARAS_OK);
            }
}
END_TEST

START_TEST(parser_errors_are_in_our_words)
{
    static const char *const bad[] = {
        HEAD "<tu><tuv xml:lang=\"id\"><seg>a & b</seg></tuv></tu>\n",
        HEAD "<tu><tuv xml:lang=\"id\"><seg>a</sag></tuv></tu>\n",
        HEAD "<tu a=\"1\" a=\"2\"><tuv xml:lang=\"id\"><seg>a</seg></tuv></tu>\n",
        HEAD "<tu a=1><tuv xml:lang=\"id\"><seg>a</seg></tuv></tu>\n",
        HEAD "<tu><tuv xml:lang=\"id\"><seg>caf\xC3</seg></tuv></tu>\n",
        HEAD "<tu><tuv xml:lang=\"id\"><seg>a <b </seg></tuv></tu>\n",
        HEAD "<tu><!-- a </tu>\n",
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"id\"/><body/></tmx><x/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\xEF\xBB\xBF<tmx/>",
        HEAD "<tu><tuv xml:lang=\"id\"><seg>a&#1;</seg></tuv></tu>\n",
    };
    /* libxml2's own wording, which must never reach a user */
    static const char *const theirs[] = {"xmlParse", "EntityRef", "AttValue", "PCDATA",
                                         "Opening and ending tag", "proper UTF-8",
                                         "indicate encoding", "Extra content", "StartTag",
                                         "Char 0x", "expected '>'", "Comment not terminated"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        selaras_error err;
        selaras_status st = read_all(bad[i], strlen(bad[i]), &err);
        ck_assert_msg(st == SELARAS_ERR_SYNTAX || st == SELARAS_ERR_ENCODING,
                      "input %zu: status %d", i, (int)st);
        ck_assert_msg(err.line > 0 && err.column > 0, "input %zu: no position: %s", i,
                      err.message);
        for (size_t j = 0; j < sizeof theirs / sizeof theirs[0]; j++)
            ck_assert_msg(strstr(err.message, theirs[j]) == NULL, "input %zu: '%s'", i,
                          err.message);
        ck_assert_msg(strchr(err.message, '\n') == NULL, "input %zu: '%s'", i, err.message);
    }
}
END_TEST

Suite *tmx_read_suite(void)
{
    Suite *s = suite_create("tmx-read");
    TCase *tc = tcase_create("read");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, reads_a_foreign_memory);
    tcase_add_test(tc, reads_tmx_11_in_utf16_and_level2_codes);
    tcase_add_test(tc, truncated_file);
    tcase_add_test(tc, wrong_encoding);
    tcase_add_test(tc, entity_bomb_and_external_entity);
    tcase_add_test(tc, deep_nesting);
    tcase_add_test(tc, missing_srclang_and_not_tmx);
    tcase_add_test(tc, attribute_bomb_is_refused_at_once);
    tcase_add_test(tc, many_variants_and_header_entries_stay_linear);
    tcase_add_test(tc, utf16_declared_as_utf8_is_refused);
    tcase_add_test(tc, parser_errors_are_in_our_words);
    suite_add_tcase(s, tc);
    return s;
}
