/* The memory writer: exact TMX, filters, other formats, round trips, merges, and a target
 * that survives failed and interrupted writes. */
#define _GNU_SOURCE
#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_selaras.h"

#define T0 1700000000LL /* 2023-11-14T22:13:20Z */

static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/selaras-tmx-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Remove dir and check it held exactly `expected` files (no temporary file left). */
static void remove_dir(size_t expected)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    size_t n = 0;
    char path[320];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        n++;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
    ck_assert_uint_eq(n, expected);
}

/* Number of files in dir whose name starts with prefix. */
static size_t count_prefixed(const char *prefix)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    size_t n = 0;
    while ((e = readdir(d)) != NULL)
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    closedir(d);
    return n;
}

static char *in_dir(const char *name)
{
    static char path[2][320];
    static int k;
    k ^= 1;
    snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
    return path[k];
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

static selaras_segments *segs(const char *lang, const char *name, const char *const *texts,
                              const selaras_segment_kind *kinds, size_t n)
{
    selaras_segments *s;
    ck_assert_int_eq(selaras_segments_new(&s, lang, NULL, NULL), SELARAS_OK);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(selaras_segments_append(s, texts[i], strlen(texts[i]),
                                                 kinds ? kinds[i] : SELARAS_SEGMENT_SENTENCE,
                                                 NULL), SELARAS_OK);
    (void)name;
    return s;
}

static const char *const ID[] = {"Gubernur membuka bursa kerja.", "Acara itu gratis.",
                                 "Jakarta, 2 Mei 2024", "Pendaftaran <daring> & \"mudah\"."};
static const char *const EN[] = {"The governor opened the job fair.", "It is free.",
                                 "Jakarta, 2 May 2024", "Registration is online & easy."};
static const selaras_segment_kind KINDS[] = {SELARAS_SEGMENT_SENTENCE, SELARAS_SEGMENT_SENTENCE,
                                             SELARAS_SEGMENT_BOILERPLATE,
                                             SELARAS_SEGMENT_SENTENCE};

static const char EXPECTED[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<tmx version=\"1.4\">\n"
    "  <header creationtool=\"selaras\" creationtoolversion=\"" SELARAS_VERSION_STRING "\" "
    "segtype=\"sentence\" o-tmf=\"selaras\" adminlang=\"en\" srclang=\"id\" "
    "datatype=\"plaintext\" creationdate=\"20231114T221320Z\"/>\n"
    "  <body>\n"
    "    <tu creationdate=\"20231114T221320Z\">\n"
    "      <prop type=\"x-bead\">2-1</prop><prop type=\"x-score\">0.8313</prop>"
    "<prop type=\"x-doc-date\">2024-05-02</prop>\n"
    "      <tuv xml:lang=\"id\"><seg>Gubernur membuka bursa kerja. Acara itu gratis.</seg></tuv>\n"
    "      <tuv xml:lang=\"en\"><seg>The governor opened the job fair.</seg></tuv>\n"
    "    </tu>\n"
    "    <tu creationdate=\"20231114T221320Z\">\n"
    "      <prop type=\"x-bead\">1-1</prop><prop type=\"x-score\">-0.5000</prop>"
    "<prop type=\"x-doc-date\">2024-05-02</prop>\n"
    "      <tuv xml:lang=\"id\"><seg>Pendaftaran &lt;daring&gt; &amp; \"mudah\".</seg></tuv>\n"
    "      <tuv xml:lang=\"en\"><seg>Registration is online &amp; easy.</seg></tuv>\n"
    "    </tu>\n"
    "  </body>\n"
    "</tmx>\n";

START_TEST(writes_exact_tmx_from_beads)
{
    make_dir();
    selaras_segments *s = segs("id", NULL, ID, KINDS, 4), *t = segs("en", NULL, EN, KINDS, 4);
    selaras_writer *w;
    selaras_error err;
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TMX, in_dir("out.tmx"), NULL, "id",
                                        "en", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_time(w, T0, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_doc_date(w, "2024-05-02", &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_bead(w, s, 0, 2, t, 0, 1, 0.83125, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_bead(w, s, 2, 1, t, 2, 1, 0.9, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_bead(w, s, 3, 1, t, 3, 1, -0.5, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_bead(w, s, 1, 1, t, 1, 0, 0.9, &err), SELARAS_OK);
    /* the target does not exist until close */
    ck_assert_int_eq(access(in_dir("out.tmx"), F_OK), -1);
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_WRITTEN), 2);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_SKIP_BOILERPLATE), 1);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_SKIP_UNPAIRED), 1);
    selaras_status st = selaras_writer_close(w, &err);
    ck_assert_error(&err, SELARAS_ERR_STATE, st, SELARAS_NO_OFFSET, "closed");
    st = selaras_writer_add_bead(w, s, 0, 1, t, 0, 1, 1, &err);
    ck_assert_error(&err, SELARAS_ERR_STATE, st, SELARAS_NO_OFFSET, "closed");
    selaras_writer_free(w);
    char *got = test_read_file(in_dir("out.tmx"), NULL);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, EXPECTED);
    struct stat sb;
    ck_assert_int_eq(stat(in_dir("out.tmx"), &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0644);
    free(got);
    selaras_segments_free(s);
    selaras_segments_free(t);
    remove_dir(1);
}
END_TEST

START_TEST(header_options_and_forbidden_characters)
{
    make_dir();
    selaras_writer *w;
    selaras_error err;
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TMX, in_dir("h.tmx"), NULL, "id_id",
                                        "en-us", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_tool(w, "MyTool & co", "2\"1", &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_adminlang(w, "id", &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_time(w, 0, &err), SELARAS_OK);
    selaras_unit *h, *u;
    ck_assert_int_eq(selaras_unit_new(&h, NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_note(h, SELARAS_UNIT_WHOLE, NULL, "n", 1, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_header(w, h, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_header(w, h, &err), SELARAS_OK); /* not repeated */
    ck_assert_int_eq(selaras_unit_new(&u, NULL, &err), SELARAS_OK);
    /* U+0001, U+FFFE and U+0008 are not XML 1.0 characters; tab, LF and CR are kept */
    const char en[] = "  Tab\there\x01, \xEF\xBF\xBE""cr\r, lf\n\x08. ";
    ck_assert_int_eq(selaras_unit_add_variant(u, "en-US", en, sizeof en - 1, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_variant(u, "id-ID", "Satu", 4, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_set_attr(u, SELARAS_UNIT_WHOLE, "tuid", "a\tb\"<", &err),
                     SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_unit(w, u, &err), SELARAS_OK);
    selaras_status st = selaras_writer_set_time(w, 5, &err);
    ck_assert_error(&err, SELARAS_ERR_STATE, st, SELARAS_NO_OFFSET, "before any unit");
    st = selaras_writer_add_header(w, u, &err); /* nothing new in u's props: accepted */
    ck_assert_int_eq(st, SELARAS_OK);
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_STRIPPED), 3);
    selaras_writer_free(w);
    char *got = test_read_file(in_dir("h.tmx"), NULL);
    ck_assert_str_eq(got,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<tmx version=\"1.4\">\n"
        "  <header creationtool=\"MyTool &amp; co\" creationtoolversion=\"2&quot;1\" "
        "segtype=\"sentence\" o-tmf=\"selaras\" adminlang=\"id\" srclang=\"id-ID\" "
        "datatype=\"plaintext\" creationdate=\"19700101T000000Z\">\n"
        "    <note>n</note>\n"
        "  </header>\n"
        "  <body>\n"
        "    <tu tuid=\"a&#9;b&quot;&lt;\">\n"
        "      <tuv xml:lang=\"id-ID\"><seg>Satu</seg></tuv>\n"
        "      <tuv xml:lang=\"en-US\"><seg>Tab\there, cr&#13;, lf\n.</seg></tuv>\n"
        "    </tu>\n"
        "  </body>\n"
        "</tmx>\n");
    free(got);
    selaras_unit_free(h);
    selaras_unit_free(u);
    remove_dir(1);
}
END_TEST

START_TEST(filters_drop_and_count_beads)
{
    static const char *const id[] = {"Sama.", "Ya.", "Kalimat yang cukup panjang di sini.",
                                     "Baik sekali.", "Skor rendah di sini."};
    static const char *const en[] = {"Sama.", "Yes.", "Short.", "Very good.",
                                     "Low score here."};
    make_dir();
    selaras_segments *s = segs("id", NULL, id, NULL, 5), *t = segs("en", NULL, en, NULL, 5);
    selaras_writer *w;
    selaras_error err;
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TSV, in_dir("f.tsv"), NULL, "id",
                                        "en", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_min_score(w, 0.3, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_max_ratio(w, 3, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_min_length(w, 4, &err), SELARAS_OK);
    selaras_status st = selaras_writer_set_max_ratio(w, 0.5, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "ratio");
    st = selaras_writer_set_flags(w, 1u << 9, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "flags");
    for (size_t i = 0; i < 5; i++)
        ck_assert_int_eq(selaras_writer_add_bead(w, s, i, 1, t, i, 1, i == 4 ? 0.1 : 0.9, &err),
                         SELARAS_OK);
    st = selaras_writer_add_bead(w, s, 4, 2, t, 0, 1, 0.9, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "out of range");
    st = selaras_writer_add_bead(w, t, 0, 1, s, 0, 1, 0.9, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "source segments");
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_SKIP_IDENTICAL), 1);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_SKIP_SHORT), 1);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_SKIP_RATIO), 1);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_SKIP_SCORE), 1);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_WRITTEN), 1);
    ck_assert_uint_eq(selaras_writer_count(w, (selaras_writer_counter)99), 0);
    selaras_writer_free(w);
    char *got = test_read_file(in_dir("f.tsv"), NULL);
    ck_assert_str_eq(got, "Baik sekali.\tVery good.\t0.9000\t1-1\t\t\t\n");
    free(got);
    selaras_segments_free(s);
    selaras_segments_free(t);
    remove_dir(1);
}
END_TEST

START_TEST(tsv_jsonl_and_plain_outputs)
{
    static const char *const id[] = {"Satu\tdua \\ \"tiga\"", "Empat."};
    static const char *const en[] = {"One\ttwo \\ \"three\"", "Four."};
    make_dir();
    selaras_doc *d;
    ck_assert_int_eq(selaras_doc_new(&d, "x\n", 2, "id", 0, NULL, NULL), SELARAS_OK);
    selaras_segments *s = segs("id", NULL, id, NULL, 2), *t = segs("en", NULL, en, NULL, 2);
    selaras_doc_free(d);
    selaras_format formats[3] = {SELARAS_FORMAT_TSV, SELARAS_FORMAT_JSONL, SELARAS_FORMAT_PLAIN};
    const char *names[3] = {"o.tsv", "o.jsonl", "o.id"};
    for (int f = 0; f < 3; f++) {
        selaras_writer *w;
        selaras_error err;
        ck_assert_int_eq(selaras_writer_new(&w, formats[f], in_dir(names[f]),
                                            f == 2 ? in_dir("o.en") : NULL, "id", "en", NULL,
                                            &err), SELARAS_OK);
        for (size_t i = 0; i < 2; i++)
            ck_assert_int_eq(selaras_writer_add_bead(w, s, i, 1, t, i, 1, 0.5 + i, &err),
                             SELARAS_OK);
        ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
        selaras_writer_free(w);
    }
    char *tsv = test_read_file(in_dir("o.tsv"), NULL);
    ck_assert_str_eq(tsv, "Satu\\tdua \\\\ \"tiga\"\tOne\\ttwo \\\\ \"three\"\t0.5000\t1-1\t\t\t\n"
                          "Empat.\tFour.\t1.5000\t1-1\t\t\t\n");
    char *jsonl = test_read_file(in_dir("o.jsonl"), NULL);
    ck_assert_str_eq(jsonl,
        "{\"source\": \"Satu\\tdua \\\\ \\\"tiga\\\"\", \"target\": \"One\\ttwo \\\\ "
        "\\\"three\\\"\", \"source_lang\": \"id\", \"target_lang\": \"en\", \"score\": 0.5000, "
        "\"bead\": \"1-1\", \"src\": [0], \"tgt\": [0]}\n"
        "{\"source\": \"Empat.\", \"target\": \"Four.\", \"source_lang\": \"id\", "
        "\"target_lang\": \"en\", \"score\": 1.5000, \"bead\": \"1-1\", \"src\": [1], "
        "\"tgt\": [1]}\n");
    char *pid = test_read_file(in_dir("o.id"), NULL), *pen = test_read_file(in_dir("o.en"), NULL);
    ck_assert_str_eq(pid, "Satu dua \\ \"tiga\"\nEmpat.\n");
    ck_assert_str_eq(pen, "One two \\ \"three\"\nFour.\n");
    free(tsv);
    free(jsonl);
    free(pid);
    free(pen);
    selaras_segments_free(s);
    selaras_segments_free(t);
    selaras_writer *w;
    selaras_error err;
    selaras_status st = selaras_writer_new(&w, SELARAS_FORMAT_PLAIN, in_dir("x"), NULL, "id",
                                           "en", NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "path2");
    ck_assert_ptr_null(w);
    st = selaras_writer_new(&w, SELARAS_FORMAT_TMX, in_dir("x"), NULL, "id", "e1", NULL, &err);
    ck_assert_int_eq(st, SELARAS_ERR_LANGUAGE);
    st = selaras_writer_new(&w, SELARAS_FORMAT_TMX, "/nonexistent-dir/x.tmx", NULL, "id", "en",
                            NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET, "/nonexistent-dir/x.tmx");
    remove_dir(4);
}
END_TEST

/* Write the units of reader r to path with writer time T0; returns the bytes. */
static char *rewrite(const char *from, const char *to)
{
    selaras_tmx_reader *r;
    selaras_writer *w;
    selaras_error err;
    ck_assert_msg(selaras_tmx_reader_new(&r, from, 0, NULL, &err) == SELARAS_OK, "%s",
                  err.message);
    char src[8] = "id";
    snprintf(src, sizeof src, "%.7s", selaras_tmx_reader_srclang(r));
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TMX, to, NULL, src, "en", NULL, &err),
                     SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_time(w, T0, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_header(w, selaras_tmx_reader_header(r), &err),
                     SELARAS_OK);
    const selaras_unit *u;
    while (selaras_tmx_reader_next(r, &u, &err) == SELARAS_OK && u != NULL)
        ck_assert_int_eq(selaras_writer_add_unit(w, u, &err), SELARAS_OK);
    ck_assert_ptr_null(u);
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
    selaras_writer_free(w);
    selaras_tmx_reader_free(r);
    char *bytes = test_read_file(to, NULL);
    ck_assert_ptr_nonnull(bytes);
    return bytes;
}

START_TEST(round_trip_is_byte_identical)
{
    make_dir();
    /* our own output: write, read, write */
    selaras_segments *s = segs("id", NULL, ID, KINDS, 4), *t = segs("en", NULL, EN, KINDS, 4);
    selaras_writer *w;
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TMX, in_dir("a.tmx"), NULL, "id",
                                        "en", NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_time(w, T0, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_doc_date(w, "2024-05-02", NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_bead(w, s, 0, 2, t, 0, 1, 0.83125, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_bead(w, s, 3, 1, t, 3, 1, -0.5, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_close(w, NULL), SELARAS_OK);
    selaras_writer_free(w);
    char *again = rewrite(in_dir("a.tmx"), in_dir("b.tmx"));
    ck_assert_str_eq(again, EXPECTED);
    free(again);
    /* a foreign memory: the first rewrite normalises it, the next ones change nothing */
    char *foreign = test_data_path("tmx/foreign.tmx");
    char *one = rewrite(foreign, in_dir("c.tmx"));
    char *two = rewrite(in_dir("c.tmx"), in_dir("d.tmx"));
    ck_assert_str_eq(one, two);
    ck_assert_ptr_nonnull(strstr(one, "<prop type=\"x-project\">Jakarta labour releases</prop>"));
    ck_assert_ptr_nonnull(strstr(one, "<tu tuid=\"7\" usagecount=\"3\" "
                                      "changedate=\"20240102T030405Z\">\n"
                                      "      <note xml:lang=\"en\">Checked by a reviewer.</note>"
                                      "<prop type=\"x-score\">0.9100</prop>\n"
                                      "      <tuv xml:lang=\"id-ID\"><seg>Gubernur membuka "
                                      "bursa kerja pada Senin.</seg></tuv>\n"
                                      "      <tuv xml:lang=\"en-US\" creationid=\"ana\">"
                                      "<prop type=\"x-origin\">web</prop><seg>The governor "
                                      "opened the job fair on Monday.</seg></tuv>\n"));
    free(foreign);
    free(one);
    free(two);
    selaras_segments_free(s);
    selaras_segments_free(t);
    remove_dir(4);
}
END_TEST

static selaras_unit *pair(const char *id, const char *en, const char *score, const char *doc)
{
    selaras_unit *u;
    ck_assert_int_eq(selaras_unit_new(&u, NULL, NULL), SELARAS_OK);
    if (doc != NULL)
        ck_assert_int_eq(selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-source-doc", NULL, doc,
                                               strlen(doc), NULL), SELARAS_OK);
    if (score != NULL)
        ck_assert_int_eq(selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-score", NULL, score,
                                               strlen(score), NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_variant(u, "id", id, strlen(id), NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_variant(u, "en", en, strlen(en), NULL), SELARAS_OK);
    return u;
}

static void write_units(const char *path, selaras_unit **units, size_t n, const char *note)
{
    selaras_writer *w;
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TMX, path, NULL, "id", "en", NULL,
                                        NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_time(w, T0, NULL), SELARAS_OK);
    selaras_unit *h;
    ck_assert_int_eq(selaras_unit_new(&h, NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_prop(h, SELARAS_UNIT_WHOLE, "x-origin", NULL, note,
                                           strlen(note), NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_header(w, h, NULL), SELARAS_OK);
    selaras_unit_free(h);
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_eq(selaras_writer_add_unit(w, units[i], NULL), SELARAS_OK);
        selaras_unit_free(units[i]);
    }
    ck_assert_int_eq(selaras_writer_close(w, NULL), SELARAS_OK);
    selaras_writer_free(w);
}

START_TEST(merge_keeps_every_unit_and_collapses_duplicates)
{
    make_dir();
    selaras_unit *a[3] = {pair("Satu.", "One.", "0.4000", "a.txt"),
                          pair("Dua.", "Two.", "0.9000", "a.txt"), pair("Tiga.", "Three.", NULL, NULL)};
    write_units(in_dir("a.tmx"), a, 3, "memory A");
    selaras_unit *b[3] = {pair("Satu.", "One.", "0.7000", "b.txt"),
                          pair("Dua.", "Two.", "0.5000", "b.txt"), pair("Empat.", "Four.", "0.6", "b.txt")};
    write_units(in_dir("b.tmx"), b, 3, "memory B");
    selaras_writer *w;
    selaras_error err;
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TMX, in_dir("a.tmx"), NULL, "id",
                                        "en", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_flags(w, SELARAS_WRITER_DEDUPE, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_tmx(w, in_dir("a.tmx"), &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_add_tmx(w, in_dir("b.tmx"), &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_DUPLICATES), 2);
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_WRITTEN), 4);
    selaras_writer_free(w);

    selaras_tmx_reader *r;
    ck_assert_int_eq(selaras_tmx_reader_new(&r, in_dir("a.tmx"), 0, NULL, &err), SELARAS_OK);
    const selaras_unit *h = selaras_tmx_reader_header(r);
    ck_assert_uint_eq(selaras_unit_prop_count(h), 2);
    ck_assert_str_eq(selaras_unit_prop_value(h, 0, NULL), "memory A");
    ck_assert_str_eq(selaras_unit_prop_value(h, 1, NULL), "memory B");
    static const char *const want[4][3] = {{"Satu.", "0.7000", "b.txt"},
                                           {"Dua.", "0.9000", "a.txt"},
                                           {"Tiga.", NULL, NULL},
                                           {"Empat.", "0.6", "b.txt"}};
    const selaras_unit *u;
    for (size_t i = 0; i < 4; i++) {
        ck_assert_int_eq(selaras_tmx_reader_next(r, &u, &err), SELARAS_OK);
        ck_assert_ptr_nonnull(u);
        ck_assert_str_eq(selaras_unit_text(u, "id", NULL), want[i][0]);
        if (want[i][1] == NULL) {
            ck_assert_uint_eq(selaras_unit_prop_count(u), 0);
        } else {
            ck_assert_uint_eq(selaras_unit_prop_count(u), 2);
            ck_assert_str_eq(selaras_unit_prop(u, "x-score"), want[i][1]);
            ck_assert_str_eq(selaras_unit_prop(u, "x-source-doc"), want[i][2]);
        }
    }
    ck_assert_int_eq(selaras_tmx_reader_next(r, &u, &err), SELARAS_OK);
    ck_assert_ptr_null(u);
    selaras_tmx_reader_free(r);
    remove_dir(2);
}
END_TEST

/* Write n bead units to path. */
static selaras_status write_many(const char *path, size_t n, int close_it, selaras_error *err)
{
    selaras_writer *w;
    selaras_status st = selaras_writer_new(&w, SELARAS_FORMAT_TMX, path, NULL, "id", "en",
                                           NULL, err);
    if (st != SELARAS_OK)
        return st;
    selaras_unit *u = pair("Kalimat yang agak panjang untuk mengisi berkas.",
                           "A rather long sentence to fill the file.", "0.5", "x");
    for (size_t i = 0; i < n && st == SELARAS_OK; i++)
        st = selaras_writer_add_unit(w, u, err);
    selaras_unit_free(u);
    if (st == SELARAS_OK && close_it)
        st = selaras_writer_close(w, err);
    selaras_writer_free(w);
    return st;
}

START_TEST(failed_and_interrupted_writes_keep_the_old_file)
{
    make_dir();
    const char *old = "<tmx>old memory</tmx>\n";
    write_file(in_dir("m.tmx"), old);
    /* freed before close: the temporary file goes, the target stays */
    selaras_error err;
    ck_assert_int_eq(write_many(in_dir("m.tmx"), 5000, 0, &err), SELARAS_OK);
    char *got = test_read_file(in_dir("m.tmx"), NULL);
    ck_assert_str_eq(got, old);
    free(got);
    /* a file size limit makes write() fail (EFBIG) as a full disk would (ENOSPC) */
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {100000, 100000};
        setrlimit(RLIMIT_FSIZE, &rl);
        selaras_status st = write_many(in_dir("m.tmx"), 20000, 1, &err);
        _exit(st == SELARAS_ERR_IO && strstr(err.message, "write error") != NULL ? 42 : 1);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 42);
    got = test_read_file(in_dir("m.tmx"), NULL);
    ck_assert_str_eq(got, old);
    free(got);
    /* killed halfway: the target is intact (its temporary file, named with its PID, is
     * left behind until the next writer) */
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        selaras_writer *w;
        if (selaras_writer_new(&w, SELARAS_FORMAT_TMX, in_dir("m.tmx"), NULL, "id", "en", NULL,
                               NULL) != SELARAS_OK)
            _exit(1);
        selaras_unit *u = pair("Satu.", "One.", NULL, NULL);
        for (int i = 0; i < 20000; i++)
            selaras_writer_add_unit(w, u, NULL);
        raise(SIGKILL);
        _exit(2);
    }
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFSIGNALED(status));
    got = test_read_file(in_dir("m.tmx"), NULL);
    ck_assert_str_eq(got, old);
    free(got);
    ck_assert_uint_eq(count_prefixed("m.tmx.tmp-"), 1);
    /* a successful write replaces it and removes the dead writer's temporary file */
    ck_assert_int_eq(write_many(in_dir("m.tmx"), 3, 1, &err), SELARAS_OK);
    got = test_read_file(in_dir("m.tmx"), NULL);
    ck_assert_ptr_nonnull(strstr(got, "<tmx version=\"1.4\">"));
    free(got);
    remove_dir(1); /* m.tmx alone: no temporary or lock file */
}
END_TEST

START_TEST(symbolic_link_target_stays_a_link)
{
    make_dir();
    write_file(in_dir("real.tmx"), "old\n");
    ck_assert_int_eq(symlink("real.tmx", in_dir("link.tmx")), 0);
    selaras_error err;
    ck_assert_int_eq(write_many(in_dir("link.tmx"), 2, 1, &err), SELARAS_OK);
    struct stat sb;
    ck_assert_int_eq(lstat(in_dir("link.tmx"), &sb), 0);
    ck_assert(S_ISLNK(sb.st_mode));
    char *got = test_read_file(in_dir("real.tmx"), NULL);
    ck_assert_ptr_nonnull(strstr(got, "A rather long sentence to fill the file."));
    free(got);
    remove_dir(2);
}
END_TEST

/* A writer of path with flags, one unit added (the lock taken), not closed. */
static selaras_writer *writer_with_unit(const char *path, unsigned flags, double timeout,
                                        selaras_status *st, selaras_error *err)
{
    selaras_writer *w;
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TMX, path, NULL, "id", "en", NULL,
                                        err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_flags(w, flags, err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_lock_timeout(w, timeout, err), SELARAS_OK);
    selaras_unit *u = pair("Satu.", "One.", "0.5", "x");
    *st = selaras_writer_add_unit(w, u, err);
    selaras_unit_free(u);
    return w;
}

START_TEST(dangling_link_target_stays_a_link)
{
    make_dir();
    ck_assert_int_eq(symlink("new.tmx", in_dir("link.tmx")), 0);
    ck_assert_int_eq(symlink("link.tmx", in_dir("link2.tmx")), 0);
    selaras_error err;
    ck_assert_int_eq(write_many(in_dir("link2.tmx"), 2, 1, &err), SELARAS_OK);
    struct stat sb;
    ck_assert_int_eq(lstat(in_dir("link.tmx"), &sb), 0);
    ck_assert(S_ISLNK(sb.st_mode));
    ck_assert_int_eq(lstat(in_dir("link2.tmx"), &sb), 0);
    ck_assert(S_ISLNK(sb.st_mode));
    char *got = test_read_file(in_dir("new.tmx"), NULL);
    ck_assert_ptr_nonnull(strstr(got, "A rather long sentence to fill the file."));
    free(got);
    remove_dir(3);
}
END_TEST

START_TEST(same_file_twice_is_refused)
{
    make_dir();
    selaras_writer *w;
    selaras_error err;
    selaras_status st = selaras_writer_new(&w, SELARAS_FORMAT_PLAIN, in_dir("a.txt"),
                                           in_dir("a.txt"), "id", "en", NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET,
                    "the source and target files are the same file");
    ck_assert_ptr_null(w);
    /* through a link, and through another spelling of the folder */
    write_file(in_dir("b.txt"), "old\n");
    ck_assert_int_eq(symlink("b.txt", in_dir("l.txt")), 0);
    st = selaras_writer_new(&w, SELARAS_FORMAT_PLAIN, in_dir("l.txt"), in_dir("b.txt"), "id",
                            "en", NULL, &err);
    ck_assert_int_eq(st, SELARAS_ERR_ARGUMENT);
    char other[400];
    snprintf(other, sizeof other, "%s/../%s/c.txt", dir, strrchr(dir, '/') + 1);
    st = selaras_writer_new(&w, SELARAS_FORMAT_PLAIN, in_dir("c.txt"), other, "id", "en",
                            NULL, &err);
    ck_assert_int_eq(st, SELARAS_ERR_ARGUMENT);
    /* two different files are fine */
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_PLAIN, in_dir("c.txt"),
                                        in_dir("d.txt"), "id", "en", NULL, &err), SELARAS_OK);
    selaras_writer_free(w);
    char *got = test_read_file(in_dir("b.txt"), NULL);
    ck_assert_str_eq(got, "old\n");
    free(got);
    remove_dir(2);
}
END_TEST

START_TEST(read_only_and_existing_targets_are_refused)
{
    make_dir();
    write_file(in_dir("m.tmx"), "old\n");
    ck_assert_int_eq(chmod(in_dir("m.tmx"), 0444), 0);
    selaras_error err;
    selaras_status st;
    selaras_writer *w = writer_with_unit(in_dir("m.tmx"), 0, 1, &st, &err);
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET,
                    "the file is read-only; it is not replaced");
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_ERR_STATE);
    selaras_writer_free(w);
    char *got = test_read_file(in_dir("m.tmx"), NULL);
    ck_assert_str_eq(got, "old\n");
    free(got);
    /* unless told to: the new file keeps the mode */
    w = writer_with_unit(in_dir("m.tmx"), SELARAS_WRITER_REPLACE_READONLY, 1, &st, &err);
    ck_assert_int_eq(st, SELARAS_OK);
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
    selaras_writer_free(w);
    struct stat sb;
    ck_assert_int_eq(stat(in_dir("m.tmx"), &sb), 0);
    ck_assert_uint_eq(sb.st_mode & 0777, 0444);
    ck_assert_int_eq(chmod(in_dir("m.tmx"), 0644), 0);
    /* NO_REPLACE refuses any file there, at the close too when nothing was added */
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TMX, in_dir("m.tmx"), NULL, "id",
                                        "en", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_flags(w, SELARAS_WRITER_NO_REPLACE, &err), SELARAS_OK);
    st = selaras_writer_close(w, &err);
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET,
                    "a file is already there; it is not replaced");
    selaras_writer_free(w);
    /* ... but not a new one */
    w = writer_with_unit(in_dir("n.tmx"), SELARAS_WRITER_NO_REPLACE, 1, &st, &err);
    ck_assert_int_eq(st, SELARAS_OK);
    ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
    selaras_writer_free(w);
    remove_dir(2);
}
END_TEST

START_TEST(merge_flag_reads_the_target_under_the_lock)
{
    make_dir();
    selaras_error err;
    ck_assert_int_eq(selaras_writer_set_flags(NULL, SELARAS_WRITER_MERGE, &err),
                     SELARAS_ERR_ARGUMENT);
    selaras_writer *w;
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TSV, in_dir("m.tsv"), NULL, "id",
                                        "en", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_writer_set_flags(w, SELARAS_WRITER_MERGE, &err),
                     SELARAS_ERR_ARGUMENT);
    selaras_writer_free(w);
    /* the first merge finds nothing there; the second adds to what the first wrote */
    selaras_status st;
    const unsigned flags = SELARAS_WRITER_MERGE | SELARAS_WRITER_NO_REPLACE |
                           SELARAS_WRITER_DEDUPE;
    for (int round = 0; round < 2; round++) {
        w = writer_with_unit(in_dir("m.tmx"), flags, 1, &st, &err);
        ck_assert_int_eq(st, SELARAS_OK);
        selaras_unit *u = pair(round ? "Tiga." : "Dua.", "Two.", "0.5", "x");
        ck_assert_int_eq(selaras_writer_add_unit(w, u, &err), SELARAS_OK);
        selaras_unit_free(u);
        ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
        ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_WRITTEN), 2 + (size_t)round);
        ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_DUPLICATES), (size_t)round);
        selaras_writer_free(w);
    }
    char *got = test_read_file(in_dir("m.tmx"), NULL);
    ck_assert_ptr_nonnull(strstr(got, "Satu."));
    ck_assert_ptr_nonnull(strstr(got, "Dua."));
    ck_assert_ptr_nonnull(strstr(got, "Tiga."));
    free(got);
    /* a target that is not a memory fails the merge; the file stays */
    write_file(in_dir("bad.tmx"), "not xml\n");
    w = writer_with_unit(in_dir("bad.tmx"), flags, 1, &st, &err);
    ck_assert_int_eq(st, SELARAS_ERR_SYNTAX);
    selaras_writer_free(w);
    got = test_read_file(in_dir("bad.tmx"), NULL);
    ck_assert_str_eq(got, "not xml\n");
    free(got);
    remove_dir(2);
}
END_TEST

START_TEST(a_second_writer_waits_for_the_lock)
{
    make_dir();
    selaras_error err;
    selaras_status st;
    ck_assert_int_eq(selaras_writer_set_lock_timeout(NULL, 1, &err), SELARAS_ERR_ARGUMENT);
    selaras_writer *a = writer_with_unit(in_dir("m.tmx"), 0, 1, &st, &err);
    ck_assert_int_eq(st, SELARAS_OK);
    ck_assert_int_eq(access(in_dir("m.tmx.lock"), F_OK), 0);
    ck_assert_int_eq(selaras_writer_set_lock_timeout(a, 1, &err), SELARAS_ERR_STATE);
    /* a second writer of the same file (in this process too) times out */
    selaras_writer *b = writer_with_unit(in_dir("m.tmx"), 0, 0.05, &st, &err);
    ck_assert_error(&err, SELARAS_ERR_LOCKED, st, SELARAS_NO_OFFSET,
                    "another writer has held its lock");
    selaras_writer_free(b);
    ck_assert_int_eq(selaras_writer_close(a, &err), SELARAS_OK);
    selaras_writer_free(a);
    /* the lock file went with the lock: the next writer takes it at once */
    ck_assert_int_eq(access(in_dir("m.tmx.lock"), F_OK), -1);
    b = writer_with_unit(in_dir("m.tmx"), 0, 0, &st, &err);
    ck_assert_int_eq(st, SELARAS_OK);
    selaras_writer *c = writer_with_unit(in_dir("m.tmx"), 0, 0, &st, &err);
    ck_assert_int_eq(st, SELARAS_ERR_LOCKED);
    selaras_writer_free(c);
    selaras_writer_free(b); /* freed unclosed: the lock goes too */
    ck_assert_int_eq(access(in_dir("m.tmx.lock"), F_OK), -1);
    remove_dir(1);
}
END_TEST

START_TEST(nan_scores_are_never_preferred)
{
    static const char *const odd[] = {"nan", "NaN", "-nan", "inf", "-inf", "1e999", "", "x"};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
        for (int order = 0; order < 2; order++) {
            make_dir();
            selaras_writer *w;
            selaras_error err;
            ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TMX, in_dir("m.tmx"), NULL,
                                                "id", "en", NULL, &err), SELARAS_OK);
            ck_assert_int_eq(selaras_writer_set_flags(w, SELARAS_WRITER_DEDUPE, &err),
                             SELARAS_OK);
            selaras_unit *real = pair("Satu.", "One.", "0.3000", "x");
            selaras_unit *bad = pair("Satu.", "One.", odd[i], "y");
            ck_assert_int_eq(selaras_writer_add_unit(w, order ? real : bad, &err), SELARAS_OK);
            ck_assert_int_eq(selaras_writer_add_unit(w, order ? bad : real, &err), SELARAS_OK);
            ck_assert_int_eq(selaras_writer_close(w, &err), SELARAS_OK);
            ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_WRITTEN), 1);
            selaras_writer_free(w);
            selaras_unit_free(real);
            selaras_unit_free(bad);
            char *got = test_read_file(in_dir("m.tmx"), NULL);
            ck_assert_msg(strstr(got, "<prop type=\"x-score\">0.3000</prop>") != NULL,
                          "'%s' (%s first) won:\n%s", odd[i], order ? "real" : "odd", got);
            free(got);
            remove_dir(1);
        }
}
END_TEST

START_TEST(full_device_reports_write_error)
{
    if (access("/dev/full", W_OK) != 0)
        return;
    selaras_error err;
    selaras_status st = write_many("/dev/full", 10, 1, &err);
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET, "write error: no space left on device");
}
END_TEST

Suite *tmx_write_suite(void)
{
    Suite *s = suite_create("tmx-write");
    TCase *tc = tcase_create("write");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, writes_exact_tmx_from_beads);
    tcase_add_test(tc, header_options_and_forbidden_characters);
    tcase_add_test(tc, filters_drop_and_count_beads);
    tcase_add_test(tc, tsv_jsonl_and_plain_outputs);
    tcase_add_test(tc, round_trip_is_byte_identical);
    tcase_add_test(tc, merge_keeps_every_unit_and_collapses_duplicates);
    tcase_add_test(tc, failed_and_interrupted_writes_keep_the_old_file);
    tcase_add_test(tc, symbolic_link_target_stays_a_link);
    tcase_add_test(tc, full_device_reports_write_error);
    tcase_add_test(tc, dangling_link_target_stays_a_link);
    tcase_add_test(tc, same_file_twice_is_refused);
    tcase_add_test(tc, read_only_and_existing_targets_are_refused);
    tcase_add_test(tc, merge_flag_reads_the_target_under_the_lock);
    tcase_add_test(tc, a_second_writer_waits_for_the_lock);
    tcase_add_test(tc, nan_scores_are_never_preferred);
    suite_add_tcase(s, tc);
    return s;
}
