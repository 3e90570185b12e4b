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
                   SELARAS_ERR_SYNTAX, 2, 38, "AttValue");
    expect_failure("", SELARAS_ERR_SYNTAX, 1, 1, "empty");
}
END_TEST

START_TEST(wrong_encoding)
{
    expect_failure(HEAD "<tu><tuv xml:lang=\"id\"><seg>caf\xE9 hitam</seg></tuv></tu>\n",
                   SELARAS_ERR_ENCODING, 5, 32, "not proper UTF-8");
    expect_failure("<?xml version=\"1.0\" encoding=\"x-nonesuch\"?>\n<tmx/>",
                   SELARAS_ERR_ENCODING, 1, 42, "Unsupported encoding");
    expect_failure(HEAD "<tu><tuv xml:lang=\"id\"><seg>a\x01</seg></tuv></tu>\n",
                   SELARAS_ERR_ENCODING, 5, 30, "PCDATA invalid Char");
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
                   SELARAS_ERR_SYNTAX, 5, 35, "Entity 'nbsp' not defined");
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
                   "Extra content");
    selaras_tmx_reader *r = NULL;
    selaras_error err;
    selaras_status st = selaras_tmx_reader_new(&r, "/nonexistent/x.tmx", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET, "cannot open: no such file");
    ck_assert_ptr_null(r);
    st = selaras_tmx_reader_new(&r, NULL, 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
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
    suite_add_tcase(s, tc);
    return s;
}
