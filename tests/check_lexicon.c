/* Lexicons: the public API (new, add, load in every format) and the private lookups. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check_selaras.h"
#include "lexicon/lexicon.h"

static uint32_t src_id(const selaras_lexicon *lex, const char *key)
{
    return sl_lexicon_src_id(lex, key, strlen(key));
}

static uint32_t tgt_id(const selaras_lexicon *lex, const char *key)
{
    return sl_lexicon_tgt_id(lex, key, strlen(key));
}

/* Whether the lexicon pairs the source key with the target key. */
static int has(const selaras_lexicon *lex, const char *src, const char *tgt)
{
    uint32_t s = src_id(lex, src), t = tgt_id(lex, tgt);
    return s != SL_LEXICON_NONE && t != SL_LEXICON_NONE && sl_lexicon_has_pair(lex, s, t);
}

static selaras_status add(selaras_lexicon *lex, const char *src, const char *tgt,
                          selaras_error *err)
{
    return selaras_lexicon_add(lex, src, strlen(src), tgt, strlen(tgt), err);
}

START_TEST(add_stems_and_interns)
{
    selaras_lexicon *lex;
    selaras_error err;
    ck_assert_int_eq(selaras_lexicon_new(&lex, "id-ID", "en_US", NULL, &err), SELARAS_OK);
    ck_assert_str_eq(sl_lexicon_src_lang(lex), "id");
    ck_assert_str_eq(sl_lexicon_tgt_lang(lex), "en");
    ck_assert_uint_eq(selaras_lexicon_size(lex), 0);
    ck_assert_uint_eq(sl_lexicon_src_max_words(lex), 0);
    ck_assert_uint_eq(src_id(lex, "latih"), SL_LEXICON_NONE);

    ck_assert_int_eq(add(lex, "Pelatihan", "training", &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "latihan", "Trained", &err), SELARAS_OK);   /* same stems */
    ck_assert_int_eq(add(lex, "melatih", "to train", &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "rumah sakit", "hospitals", &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "rumah", "house", &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "rumah", "home", &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "  ", "nothing", &err), SELARAS_OK);       /* no words: skipped */
    ck_assert_int_eq(add(lex, "tahun 2020", "year 2020", &err), SELARAS_OK);

    ck_assert_uint_eq(selaras_lexicon_size(lex), 6);
    ck_assert_uint_eq(sl_lexicon_src_count(lex), 4);  /* latih, rumah sakit, rumah, tahun 2020 */
    ck_assert_uint_eq(sl_lexicon_tgt_count(lex), 6);  /* train, to train, hospit, hous, home, year 2020 */
    ck_assert(has(lex, "latih", "train"));
    ck_assert(has(lex, "latih", "to train"));
    ck_assert(has(lex, "rumah sakit", "hospit"));
    ck_assert(has(lex, "tahun 2020", "year 2020"));
    ck_assert(!has(lex, "rumah", "hospit"));
    ck_assert_uint_eq(sl_lexicon_src_max_words(lex), 2);
    ck_assert_uint_eq(sl_lexicon_tgt_max_words(lex), 2);

    uint32_t rumah = src_id(lex, "rumah");
    const uint32_t *ids;
    size_t n;
    sl_lexicon_translations(lex, rumah, &ids, &n);
    ck_assert_uint_eq(n, 2);
    size_t klen;
    ck_assert_str_eq(sl_lexicon_tgt_key(lex, ids[0], &klen), "hous");
    ck_assert_uint_eq(klen, 4);
    ck_assert_str_eq(sl_lexicon_tgt_key(lex, ids[1], NULL), "home");
    sl_lexicon_sources(lex, tgt_id(lex, "train"), &ids, &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(sl_lexicon_src_key(lex, ids[0], NULL), "latih");
    sl_lexicon_translations(lex, 999, &ids, &n);
    ck_assert_uint_eq(n, 0);
    sl_lexicon_sources(lex, SL_LEXICON_NONE, &ids, &n);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(sl_lexicon_src_key(lex, 999, NULL));
    ck_assert_ptr_null(sl_lexicon_tgt_key(lex, 999, NULL));
    ck_assert_int_eq(sl_lexicon_has_pair(lex, 999, 0), 0);
    selaras_lexicon_free(lex);
    selaras_lexicon_free(NULL);
}
END_TEST

/* A word of letters only: prefix then i written in base 26 (a..z). */
static void letters(char *out, const char *prefix, int i)
{
    size_t n = strlen(prefix);
    memcpy(out, prefix, n);
    do {
        out[n++] = (char)('a' + i % 26);
        i /= 26;
    } while (i > 0);
    out[n] = '\0';
}

START_TEST(stemming_can_be_turned_off_while_empty)
{
    selaras_lexicon *lex;
    selaras_error err;
    ck_assert_int_eq(selaras_lexicon_new(&lex, "id", "en", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(sl_lexicon_disable_stemming(lex, &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "Pelatihan", "Training", &err), SELARAS_OK);
    ck_assert(has(lex, "pelatihan", "training"));
    ck_assert_uint_eq(src_id(lex, "latih"), SL_LEXICON_NONE);
    selaras_status st = sl_lexicon_disable_stemming(lex, &err);
    ck_assert_error(&err, SELARAS_ERR_STATE, st, SELARAS_NO_OFFSET, "while empty");
    selaras_lexicon_free(lex);
}
END_TEST

START_TEST(many_keys_survive_rehash)
{
    selaras_lexicon *lex;
    ck_assert_int_eq(selaras_lexicon_new(&lex, "xx", "yy", NULL, NULL), SELARAS_OK);
    char s[8], t[8];
    for (int i = 0; i < 3000; i++) {
        letters(s, "k", i);
        letters(t, "v", i / 2);
        ck_assert_int_eq(add(lex, s, t, NULL), SELARAS_OK);
    }
    ck_assert_uint_eq(selaras_lexicon_size(lex), 3000);
    ck_assert_uint_eq(sl_lexicon_src_count(lex), 3000);
    ck_assert_uint_eq(sl_lexicon_tgt_count(lex), 1500);
    for (int i = 0; i < 3000; i++) {
        letters(s, "k", i);
        letters(t, "v", i / 2);
        ck_assert_uint_eq(src_id(lex, s), (uint32_t)i);
        ck_assert(has(lex, s, t));
    }
    selaras_lexicon_free(lex);
}
END_TEST

START_TEST(add_rejects_bad_input)
{
    selaras_lexicon *lex;
    selaras_error err;
    selaras_status st = selaras_lexicon_new(&lex, "id", "e", NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, st, SELARAS_NO_OFFSET, "");
    ck_assert_ptr_null(lex);
    st = selaras_lexicon_new(&lex, NULL, "en", NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    st = selaras_lexicon_new(NULL, "id", "en", NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    selaras_allocator half = {NULL, NULL, NULL, NULL};
    st = selaras_lexicon_new(&lex, "id", "en", &half, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "allocator");

    ck_assert_int_eq(selaras_lexicon_new(&lex, "id", "en", NULL, &err), SELARAS_OK);
    ck_assert_int_eq(add(lex, "rumah", "house", &err), SELARAS_OK);
    st = add(lex, "ru\xFFmah", "house", &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 2, "UTF-8");
    st = add(lex, "rumah", "ho\xE2\x82", &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 2, "UTF-8");
    st = add(lex, "satu dua tiga empat lima enam tujuh delapan sembilan", "nine", &err);
    ck_assert_error(&err, SELARAS_ERR_LIMIT, st, SELARAS_NO_OFFSET, "more than 8 words");
    st = selaras_lexicon_add(lex, NULL, 3, "x", 1, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    st = selaras_lexicon_add(NULL, "x", 1, "x", 1, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    ck_assert_uint_eq(selaras_lexicon_size(lex), 1);
    ck_assert_uint_eq(sl_lexicon_src_count(lex), 1);
    ck_assert_uint_eq(sl_lexicon_tgt_count(lex), 1);
    ck_assert_uint_eq(selaras_lexicon_size(NULL), 0);
    selaras_lexicon_free(lex);
}
END_TEST

START_TEST(new_and_add_allocation_failures)
{
    int done = 0;
    for (long fail = 0; fail < 1000 && !done; fail++) {
        test_alloc ta;
        test_alloc_init(&ta, fail);
        selaras_lexicon *lex = NULL;
        selaras_error err;
        selaras_status st = selaras_lexicon_new(&lex, "id", "en", &ta.suite, &err);
        if (st != SELARAS_OK) {
            ck_assert_error(&err, SELARAS_ERR_NOMEM, st, SELARAS_NO_OFFSET, "memory");
            ck_assert_ptr_null(lex);
            ck_assert_int_eq(ta.live, 0);
            continue;
        }
        static const char *const pairs[][2] = {
            {"pelatihan", "training"}, {"rumah sakit", "hospital"}, {"rumah", "house"},
            {"rumah", "home"},         {"latihan", "training"},     {"tahun", "year"}};
        size_t added = 0;
        for (size_t i = 0; i < 6; i++) {
            size_t before = selaras_lexicon_size(lex);
            st = add(lex, pairs[i][0], pairs[i][1], &err);
            if (st != SELARAS_OK) {
                ck_assert_error(&err, SELARAS_ERR_NOMEM, st, SELARAS_NO_OFFSET, "memory");
                ck_assert_uint_eq(selaras_lexicon_size(lex), before);
            } else {
                added++;
            }
        }
        if (added == 6) {
            done = 1;
            ck_assert_uint_eq(selaras_lexicon_size(lex), 5);
            ck_assert(has(lex, "rumah sakit", "hospit"));
        }
        /* The lexicon stays usable after failures: a last add with the allocator intact. */
        ta.fail_at = -1;
        ck_assert_int_eq(add(lex, "kota", "city", &err), SELARAS_OK);
        ck_assert(has(lex, "kota", "citi"));
        selaras_lexicon_free(lex);
        ck_assert_int_eq(ta.live, 0);
    }
    ck_assert(done);
}
END_TEST

/* ---- loading files ---- */

static selaras_status load(selaras_lexicon *lex, const char *name, selaras_dict_format format,
                           selaras_error *err)
{
    char *path = test_data_path(name);
    selaras_status st = selaras_lexicon_load(lex, path, format, err);
    free(path);
    return st;
}

static selaras_lexicon *new_lex(const char *src, const char *tgt)
{
    selaras_lexicon *lex;
    ck_assert_int_eq(selaras_lexicon_new(&lex, src, tgt, NULL, NULL), SELARAS_OK);
    return lex;
}

START_TEST(load_tsv_and_hunalign)
{
    selaras_error err;
    for (int auto_format = 0; auto_format < 2; auto_format++) {
        selaras_lexicon *lex = new_lex("id", "en");
        ck_assert_int_eq(load(lex, "lexicon/tiny.tsv",
                              auto_format ? SELARAS_DICT_AUTO : SELARAS_DICT_TSV, &err),
                         SELARAS_OK);
        /* Comments, blank lines, CRLF, padding; the 9-word phrase is skipped. */
        ck_assert_uint_eq(selaras_lexicon_size(lex), 4);
        ck_assert(has(lex, "latih", "train"));
        ck_assert(has(lex, "rumah sakit", "hospit"));
        ck_assert(has(lex, "rumah", "hous"));
        ck_assert(has(lex, "tahun", "year"));
        ck_assert_uint_eq(src_id(lex, "satu dua tiga empat lima enam tujuh delapan"),
                          SL_LEXICON_NONE);
        selaras_lexicon_free(lex);

        lex = new_lex("id", "en");
        /* hunalign puts the target first: "training @ pelatihan". */
        ck_assert_int_eq(load(lex, "lexicon/tiny.hunalign",
                              auto_format ? SELARAS_DICT_AUTO : SELARAS_DICT_HUNALIGN, &err),
                         SELARAS_OK);
        ck_assert_uint_eq(selaras_lexicon_size(lex), 3);
        ck_assert(has(lex, "latih", "train"));
        ck_assert(has(lex, "rumah sakit", "hospit"));
        ck_assert(has(lex, "rumah", "hous"));
        ck_assert_uint_eq(src_id(lex, "train"), SL_LEXICON_NONE);
        selaras_lexicon_free(lex);
    }
}
END_TEST

/* The pairs of tests/data/lexicon/dictd/freedict-eng-ind, as id -> en stems. */
static void check_fixture_pairs(const selaras_lexicon *lex, int id_to_en)
{
    static const char *const pairs[][2] = {
        {"inggal", "abandon"},  /* meninggalkan */
        {"elantar", "abandon"}, /* menelantarkan */
        {"rumah sakit", "hospit"}, /* "rumah sakit (umum)" */
        {"latih", "train"},     /* melatih, berlatih: sense 1 */
        {"reta api", "train"},  /* kereta api; kereta: sense 2 */
        {"reta", "train"},
        {"tahun", "year"},      /* "tahun 2.": a dangling sense number */
        {"pergi", "go"},        /* "to go" */
        {"jakarta", "jakarta"},
    };
    ck_assert_uint_eq(selaras_lexicon_size(lex), 9);
    for (size_t i = 0; i < 9; i++) {
        if (id_to_en)
            ck_assert_msg(has(lex, pairs[i][0], pairs[i][1]), "%s / %s", pairs[i][0],
                          pairs[i][1]);
        else
            ck_assert_msg(has(lex, pairs[i][1], pairs[i][0]), "%s / %s", pairs[i][1],
                          pairs[i][0]);
    }
    /* The suffix entry "ness" and the glosses are not translations. */
    const char *ness = id_to_en ? "ness" : "ke";
    ck_assert_uint_eq(id_to_en ? tgt_id(lex, ness) : src_id(lex, "ness"), SL_LEXICON_NONE);
    ck_assert_uint_eq(id_to_en ? tgt_id(lex, "age") : src_id(lex, "age"), SL_LEXICON_NONE);
    ck_assert_uint_eq(id_to_en ? src_id(lex, "unit") : tgt_id(lex, "unit"), SL_LEXICON_NONE);
}

START_TEST(load_freedict_both_directions)
{
    static const char *const names[] = {"lexicon/dictd/freedict-eng-ind.index",
                                        "lexicon/dictd/freedict-eng-ind.dict.dz",
                                        "lexicon/dictd/freedict-eng-ind"};
    selaras_error err;
    for (size_t i = 0; i < 3; i++) {
        selaras_lexicon *lex = new_lex("id", "en");
        ck_assert_int_eq(load(lex, names[i], i < 2 ? SELARAS_DICT_AUTO : SELARAS_DICT_FREEDICT,
                              &err), SELARAS_OK);
        check_fixture_pairs(lex, 1);
        ck_assert_uint_eq(sl_lexicon_src_max_words(lex), 2);
        ck_assert_uint_eq(sl_lexicon_tgt_max_words(lex), 1);
        selaras_lexicon_free(lex);
        lex = new_lex("en", "id");
        ck_assert_int_eq(load(lex, names[i], SELARAS_DICT_FREEDICT, &err), SELARAS_OK);
        check_fixture_pairs(lex, 0);
        selaras_lexicon_free(lex);
    }
    /* A dictd file of another name: headwords are the source language; plain .dict. */
    selaras_lexicon *lex = new_lex("id", "en");
    ck_assert_int_eq(load(lex, "lexicon/plain/mydict.index", SELARAS_DICT_AUTO, &err),
                     SELARAS_OK);
    ck_assert_uint_eq(selaras_lexicon_size(lex), 2);
    ck_assert(has(lex, "rumah", "hous"));
    ck_assert(has(lex, "rumah", "home"));
    selaras_lexicon_free(lex);
    /* Another language pair. */
    lex = new_lex("de", "fr");
    selaras_status st = load(lex, "lexicon/dictd/freedict-eng-ind.index", SELARAS_DICT_FREEDICT, &err);
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, st, SELARAS_NO_OFFSET,
                    "is a eng-ind dictionary; the lexicon is de->fr");
    ck_assert_uint_eq(selaras_lexicon_size(lex), 0);
    selaras_lexicon_free(lex);
}
END_TEST

START_TEST(load_freedict_from_a_directory)
{
    char *dir = test_data_path("lexicon/dictd");
    selaras_error err;
    selaras_lexicon *lex = new_lex("id", "en");
    ck_assert_int_eq(selaras_lexicon_load_freedict(lex, dir, &err), SELARAS_OK);
    check_fixture_pairs(lex, 1);
    selaras_lexicon_free(lex);
    lex = new_lex("en-GB", "id");
    ck_assert_int_eq(selaras_lexicon_load_freedict(lex, dir, &err), SELARAS_OK);
    check_fixture_pairs(lex, 0);
    selaras_lexicon_free(lex);
    lex = new_lex("de", "fr");
    selaras_status st = selaras_lexicon_load_freedict(lex, dir, &err);
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET,
                    "install the Debian package dict-freedict-deu-fra");
    selaras_lexicon_free(lex);
    lex = new_lex("ms", "en");
    st = selaras_lexicon_load_freedict(lex, dir, &err);
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET,
                    "no FreeDict dictionary for msa-eng in");
    ck_assert_error(&err, SELARAS_ERR_IO, st, SELARAS_NO_OFFSET,
                    "install the Debian package dict-freedict-eng-msa (or dict-freedict-msa-eng");
    st = selaras_lexicon_load_freedict(lex, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    st = selaras_lexicon_load_freedict(NULL, dir, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    selaras_lexicon_free(lex);
    free(dir);
}
END_TEST

START_TEST(load_reports_errors_with_positions)
{
    static const struct {
        const char *name;
        selaras_dict_format format;
        selaras_status status;
        size_t offset, line, column;
        const char *needle;
    } cases[] = {
        {"lexicon/bad-notab.tsv", SELARAS_DICT_TSV, SELARAS_ERR_SYNTAX, 26, 3, 10, "no TAB"},
        {"lexicon/bad-fields.tsv", SELARAS_DICT_AUTO, SELARAS_ERR_SYNTAX, 11, 1, 12,
         "more than two TAB-separated fields"},
        {"lexicon/bad-empty.tsv", SELARAS_DICT_TSV, SELARAS_ERR_SYNTAX, 12, 2, 1, "empty source"},
        {"lexicon/bad-utf8.tsv", SELARAS_DICT_TSV, SELARAS_ERR_ENCODING, 15, 2, 4, "invalid UTF-8"},
        {"lexicon/bad-empty.hunalign", SELARAS_DICT_HUNALIGN, SELARAS_ERR_SYNTAX, 21, 2, 8,
         "empty source"},
        {"lexicon/tiny.tsv", SELARAS_DICT_HUNALIGN, SELARAS_ERR_SYNTAX, 59, 3, 19, "no ' @ '"},
        {"lexicon/bad-format.txt", SELARAS_DICT_AUTO, SELARAS_ERR_SYNTAX, 11, 1, 12,
         "unknown dictionary format"},
        {"lexicon/broken/badlen.index", SELARAS_DICT_AUTO, SELARAS_ERR_SYNTAX, 6, 1, 7,
         "entry past the end of the dictionary"},
        {"lexicon/broken/badb64.index", SELARAS_DICT_FREEDICT, SELARAS_ERR_SYNTAX, 8, 1, 9,
         "bad base64 length"},
        {"lexicon/broken/nolen.index", SELARAS_DICT_FREEDICT, SELARAS_ERR_SYNTAX, 7, 1, 8,
         "expected 'headword<TAB>offset<TAB>length'"},
        {"lexicon/broken/corrupt.index", SELARAS_DICT_FREEDICT, SELARAS_ERR_SYNTAX,
         SELARAS_NO_OFFSET, 0, 0, "is not valid gzip/dictzip data"},
        {"lexicon/no-such.tsv", SELARAS_DICT_TSV, SELARAS_ERR_IO, SELARAS_NO_OFFSET, 0, 0,
         "no such file"},
        {"lexicon/dictd/freedict-xxx", SELARAS_DICT_FREEDICT, SELARAS_ERR_IO, SELARAS_NO_OFFSET,
         0, 0, "freedict-xxx.index': no such file"},
        {"lexicon/broken/nodict", SELARAS_DICT_FREEDICT, SELARAS_ERR_IO, SELARAS_NO_OFFSET, 0, 0,
         "no such file"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        selaras_lexicon *lex = new_lex("id", "en");
        ck_assert_int_eq(add(lex, "kota", "city", NULL), SELARAS_OK);
        selaras_error err;
        selaras_status st = load(lex, cases[i].name, cases[i].format, &err);
        ck_assert_msg(st == cases[i].status, "%s: status %d", cases[i].name, (int)st);
        ck_assert_error(&err, cases[i].status, st, cases[i].offset, cases[i].needle);
        ck_assert_msg(err.line == cases[i].line && err.column == cases[i].column,
                      "%s: at %zu:%zu", cases[i].name, err.line, err.column);
        /* A failed load adds nothing, even what it read before the bad line. */
        ck_assert_uint_eq(selaras_lexicon_size(lex), 1);
        ck_assert_uint_eq(sl_lexicon_src_count(lex), 1);
        ck_assert_uint_eq(sl_lexicon_tgt_count(lex), 1);
        ck_assert_uint_eq(src_id(lex, "rumah"), SL_LEXICON_NONE);
        ck_assert(has(lex, "kota", "citi"));
        ck_assert_uint_eq(sl_lexicon_src_max_words(lex), 1);
        selaras_lexicon_free(lex);
    }
    selaras_lexicon *lex = new_lex("id", "en");
    selaras_error err;
    selaras_status st = selaras_lexicon_load(lex, NULL, SELARAS_DICT_TSV, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    st = selaras_lexicon_load(NULL, "x", SELARAS_DICT_TSV, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "NULL");
    st = selaras_lexicon_load(lex, "x", (selaras_dict_format)7, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "unknown format 7");
    selaras_lexicon_free(lex);
}
END_TEST

/* Every allocation of a load fails in turn: NOMEM, nothing added, nothing leaked, the
 * lexicon still usable. */
static void load_alloc_loop(const char *name, selaras_dict_format format, int from_dir,
                            size_t want_size)
{
    char *path = test_data_path(name);
    int done = 0;
    for (long k = 0; k < 10000 && !done; k++) {
        test_alloc ta;
        test_alloc_init(&ta, -1);
        selaras_lexicon *lex;
        ck_assert_int_eq(selaras_lexicon_new(&lex, "id", "en", &ta.suite, NULL), SELARAS_OK);
        ck_assert_int_eq(add(lex, "kota", "city", NULL), SELARAS_OK);
        ta.fail_at = ta.calls + k;
        selaras_error err;
        selaras_status st = from_dir ? selaras_lexicon_load_freedict(lex, path, &err)
                                     : selaras_lexicon_load(lex, path, format, &err);
        if (st == SELARAS_OK) {
            done = 1;
            ck_assert_uint_eq(selaras_lexicon_size(lex), want_size + 1);
        } else {
            ck_assert_error(&err, SELARAS_ERR_NOMEM, st, SELARAS_NO_OFFSET, "memory");
            ck_assert_uint_eq(selaras_lexicon_size(lex), 1);
            ck_assert_uint_eq(sl_lexicon_src_count(lex), 1);
        }
        ta.fail_at = -1;
        ck_assert_int_eq(add(lex, "rumah", "house", NULL), SELARAS_OK);
        ck_assert(has(lex, "rumah", "hous"));
        ck_assert(has(lex, "kota", "citi"));
        selaras_lexicon_free(lex);
        ck_assert_int_eq(ta.live, 0);
    }
    ck_assert(done);
    free(path);
}

START_TEST(load_allocation_failures)
{
    load_alloc_loop("lexicon/tiny.tsv", SELARAS_DICT_AUTO, 0, 4);
    load_alloc_loop("lexicon/tiny.hunalign", SELARAS_DICT_HUNALIGN, 0, 3);
    load_alloc_loop("lexicon/dictd/freedict-eng-ind.index", SELARAS_DICT_AUTO, 0, 9);
    load_alloc_loop("lexicon/plain/mydict", SELARAS_DICT_FREEDICT, 0, 2);
    load_alloc_loop("lexicon/dictd", SELARAS_DICT_AUTO, 1, 9);
}
END_TEST

/* One loaded lexicon read by several threads at once (run under TSan to check races). */
static void *reader(void *arg)
{
    const selaras_lexicon *lex = arg;
    long ok = 0;
    for (int i = 0; i < 2000; i++) {
        ok += has(lex, "latih", "train") && has(lex, "rumah sakit", "hospit") &&
              !has(lex, "rumah", "train") && src_id(lex, "tidak ada") == SL_LEXICON_NONE;
        const uint32_t *ids;
        size_t n;
        sl_lexicon_translations(lex, src_id(lex, "latih"), &ids, &n);
        ok += n == 1 && strcmp(sl_lexicon_tgt_key(lex, ids[0], NULL), "train") == 0;
    }
    return (void *)ok;
}

START_TEST(shared_read_only_across_threads)
{
    selaras_lexicon *lex = new_lex("id", "en");
    ck_assert_int_eq(load(lex, "lexicon/dictd/freedict-eng-ind.index", SELARAS_DICT_AUTO, NULL),
                     SELARAS_OK);
    pthread_t th[4];
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, reader, lex), 0);
    for (int i = 0; i < 4; i++) {
        void *ok;
        ck_assert_int_eq(pthread_join(th[i], &ok), 0);
        ck_assert_int_eq((long)ok, 4000);
    }
    selaras_lexicon_free(lex);
}
END_TEST

Suite *lexicon_suite(void)
{
    Suite *s = suite_create("lexicon");
    TCase *tc = tcase_create("add");
    tcase_add_test(tc, add_stems_and_interns);
    tcase_add_test(tc, many_keys_survive_rehash);
    tcase_add_test(tc, stemming_can_be_turned_off_while_empty);
    tcase_add_test(tc, add_rejects_bad_input);
    tcase_add_test(tc, new_and_add_allocation_failures);
    suite_add_tcase(s, tc);
    tc = tcase_create("load");
    tcase_add_test(tc, load_tsv_and_hunalign);
    tcase_add_test(tc, load_freedict_both_directions);
    tcase_add_test(tc, load_freedict_from_a_directory);
    tcase_add_test(tc, load_reports_errors_with_positions);
    tcase_add_test(tc, load_allocation_failures);
    tcase_add_test(tc, shared_read_only_across_threads);
    /* the allocation-failure loops take seconds under ASan or valgrind on a busy machine */
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return s;
}
