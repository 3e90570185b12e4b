/* The functions that never allocate: each is called on handles made with a counting
 * allocator set to fail every further allocation, and the test asserts that none was
 * attempted and that freeing returns every block. tests/alloc-coverage.test counts a
 * public function as covered when it is called here or in an allocation-failure test. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_selaras.h"

START_TEST(readers_and_free_do_not_allocate)
{
    static const char in[] = "\xEF\xBB\xBFSatu \xC0.\r\nDua.\n";
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new(&doc, in, sizeof in - 1, "id", SELARAS_DOC_REPLACE_INVALID,
                                     &ta.suite, NULL),
                     SELARAS_OK);
    ck_assert_int_eq(selaras_doc_set_name(doc, "a.txt"), SELARAS_OK);
    selaras_segments *lines, *list;
    ck_assert_int_eq(selaras_segments_from_lines(&lines, doc, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_new(&list, "en", &ta.suite, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_append(list, "One.", 4, SELARAS_SEGMENT_TITLE, NULL),
                     SELARAS_OK);
    long before = ta.calls;
    ta.fail_at = before; /* any allocation from here on would fail */

    ck_assert_str_eq(selaras_version(), SELARAS_VERSION_STRING);
    ck_assert_str_eq(selaras_strerror(SELARAS_ERR_NOMEM), "out of memory");
    ck_assert(selaras_parallel_threshold() == SELARAS_PARALLEL_THRESHOLD);
    size_t len;
    ck_assert_str_eq(selaras_doc_text(doc, &len), "Satu \xEF\xBF\xBD.\nDua.\n");
    ck_assert_str_eq(selaras_doc_lang(doc), "id");
    ck_assert_str_eq(selaras_doc_name(doc), "a.txt");
    ck_assert_uint_eq(selaras_doc_original_length(doc), sizeof in - 1);
    ck_assert_uint_eq(selaras_doc_replacements(doc), 1);
    ck_assert_uint_eq(selaras_doc_to_original(doc, 5), 8);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 8), 5);
    ck_assert_str_eq(selaras_segment_kind_name(SELARAS_SEGMENT_TITLE), "title");
    ck_assert_uint_eq(selaras_segments_count(lines), 2);
    ck_assert_str_eq(selaras_segments_lang(lines), "id");
    ck_assert_str_eq(selaras_segments_name(lines), "a.txt");
    ck_assert_str_eq(selaras_segments_text(lines, 1, NULL), "Dua.");
    ck_assert_uint_eq(selaras_segments_start(lines, 1), 12);
    ck_assert_uint_eq(selaras_segments_end(lines, 1), 16);
    ck_assert_int_eq(selaras_segments_kind(list, 0), SELARAS_SEGMENT_TITLE);
    char date[11];
    ck_assert_int_eq(selaras_segments_date(list, date), 0); /* "One." holds none */
    ck_assert_uint_eq(selaras_segments_paragraph(lines, 1), 1);
    ck_assert_int_eq(ta.calls, before);

    selaras_segments_free(list);
    selaras_segments_free(lines);
    selaras_doc_free(doc);
    selaras_segments_free(NULL);
    selaras_doc_free(NULL);
    ck_assert_int_eq(ta.calls, before);
    ck_assert_int_eq(ta.live, 0);
}
END_TEST

/* Segmenter, unit, TMX reader and writer readers; clearing a unit keeps its memory. */
START_TEST(later_stage_readers_do_not_allocate)
{
    static const char tmx[] =
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"id\" "
        "creationtool=\"t\"/><body><tu tuid=\"7\"><tuv xml:lang=\"id\"><seg>Satu.</seg>"
        "</tuv><tuv xml:lang=\"en\"><seg>One.</seg></tuv></tu></body></tmx>\n";
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_segmenter *seg;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "en_US", &ta.suite, NULL), SELARAS_OK);
    selaras_unit *u;
    ck_assert_int_eq(selaras_unit_new(&u, &ta.suite, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_variant(u, "id", "Satu.", 5, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_variant(u, "en-US", "One.", 4, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_prop(u, SELARAS_UNIT_WHOLE, "x-score", NULL, "0.75", 4,
                                           NULL),
                     SELARAS_OK);
    ck_assert_int_eq(selaras_unit_add_note(u, 1, "en", "checked", 7, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_unit_set_attr(u, 0, "x-src", "a.txt", NULL), SELARAS_OK);
    selaras_tmx_reader *r;
    ck_assert_int_eq(selaras_tmx_reader_new_memory(&r, tmx, sizeof tmx - 1, 0, &ta.suite, NULL),
                     SELARAS_OK);
    char path[] = "/tmp/selaras-none-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    selaras_writer *w;
    ck_assert_int_eq(selaras_writer_new(&w, SELARAS_FORMAT_TMX, path, NULL, "id", "en",
                                        &ta.suite, NULL),
                     SELARAS_OK);
    long before = ta.calls;
    ta.fail_at = before;

    ck_assert_str_eq(selaras_segmenter_lang(seg), "en-US");
    ck_assert_uint_eq(selaras_unit_variant_count(u), 2);
    ck_assert_str_eq(selaras_unit_variant_lang(u, 1), "en-US");
    ck_assert_str_eq(selaras_unit_variant_text(u, 0, NULL), "Satu.");
    ck_assert_str_eq(selaras_unit_text(u, "en", NULL), "One.");
    ck_assert_uint_eq(selaras_unit_prop_count(u), 2);
    ck_assert_uint_eq(selaras_unit_prop_variant(u, 1), 1);
    ck_assert_str_eq(selaras_unit_prop_type(u, 0), "x-score");
    ck_assert_ptr_null(selaras_unit_prop_type(u, 1));
    ck_assert_str_eq(selaras_unit_prop_lang(u, 1), "en");
    ck_assert_str_eq(selaras_unit_prop_value(u, 1, NULL), "checked");
    ck_assert_str_eq(selaras_unit_prop(u, "x-score"), "0.75");
    ck_assert_uint_eq(selaras_unit_attr_count(u), 1);
    ck_assert_uint_eq(selaras_unit_attr_variant(u, 0), 0);
    ck_assert_str_eq(selaras_unit_attr_name(u, 0), "x-src");
    ck_assert_str_eq(selaras_unit_attr_value(u, 0), "a.txt");
    ck_assert_str_eq(selaras_unit_attr(u, 0, "x-src"), "a.txt");
    double score = 0;
    ck_assert_int_eq(selaras_unit_score(u, &score), 1);
    ck_assert(score == 0.75);
    selaras_unit_clear(u);
    ck_assert_uint_eq(selaras_unit_variant_count(u), 0);
    ck_assert_str_eq(selaras_tmx_reader_version(r), "1.4");
    ck_assert_str_eq(selaras_tmx_reader_srclang(r), "id");
    ck_assert_str_eq(selaras_unit_attr(selaras_tmx_reader_header(r), SELARAS_UNIT_WHOLE,
                                       "creationtool"),
                     "t");
    ck_assert_uint_eq(selaras_writer_count(w, SELARAS_COUNT_WRITTEN), 0);
    ck_assert_int_eq(ta.calls, before);

    selaras_writer_free(w);
    selaras_tmx_reader_free(r);
    selaras_unit_free(u);
    selaras_segmenter_free(seg);
    ck_assert_int_eq(ta.calls, before);
    ck_assert_int_eq(ta.live, 0);
    unlink(path);
}
END_TEST

/* The aligner's setters and the alignment's readers. */
START_TEST(aligner_setters_and_readers_do_not_allocate)
{
    test_alloc ta;
    test_alloc_init(&ta, -1);
    selaras_segments *src, *tgt;
    ck_assert_int_eq(selaras_segments_new(&src, "id", &ta.suite, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_new(&tgt, "en", &ta.suite, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segments_append(src, "Harga naik 5%.", 14, SELARAS_SEGMENT_SENTENCE,
                                             NULL),
                     SELARAS_OK);
    ck_assert_int_eq(selaras_segments_append(tgt, "Prices rose 5%.", 15, SELARAS_SEGMENT_SENTENCE,
                                             NULL),
                     SELARAS_OK);
    selaras_aligner *al;
    ck_assert_int_eq(selaras_aligner_new(&al, "id", "en", NULL, &ta.suite, NULL), SELARAS_OK);
    selaras_alignment *a;
    ck_assert_int_eq(selaras_align(al, src, tgt, &a, NULL), SELARAS_OK);
    long before = ta.calls;
    ta.fail_at = before;

    ck_assert_int_eq(selaras_aligner_set_max_bead(al, 2, 2, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_aligner_set_evidence(al, SELARAS_EVIDENCE_ANCHORS, NULL), SELARAS_OK);
    selaras_aligner_set_realign(al, 0);
    ck_assert_uint_eq(selaras_aligner_learned_pairs(al), 0);
    ck_assert_uint_eq(selaras_alignment_count(a), 1);
    ck_assert_uint_eq(selaras_alignment_src_first(a, 0), 0);
    ck_assert_uint_eq(selaras_alignment_src_count(a, 0), 1);
    ck_assert_uint_eq(selaras_alignment_tgt_first(a, 0), 0);
    ck_assert_uint_eq(selaras_alignment_tgt_count(a, 0), 1);
    double score = selaras_alignment_score(a, 0);
    ck_assert(score > 0.0 && score <= 1.0);
    ck_assert_int_eq(ta.calls, before);

    selaras_alignment_free(a);
    selaras_aligner_free(al);
    selaras_segments_free(src);
    selaras_segments_free(tgt);
    ck_assert_int_eq(ta.calls, before);
    ck_assert_int_eq(ta.live, 0);
}
END_TEST

Suite *alloc_none_suite(void)
{
    Suite *s = suite_create("alloc-none");
    TCase *tc = tcase_create("readers");
    tcase_add_test(tc, readers_and_free_do_not_allocate);
    tcase_add_test(tc, later_stage_readers_do_not_allocate);
    tcase_add_test(tc, aligner_setters_and_readers_do_not_allocate);
    suite_add_tcase(s, tc);
    return s;
}
