/* HTML pages and legacy encodings (issue 11): broken markup, every charset path,
 * entities, <br><br> paragraphs, <pre>, deep nesting, empty and navigation-only pages,
 * and offsets that point into the original bytes for every segment. */
#include <stdlib.h>
#include <string.h>

#include "check_selaras.h"

static selaras_doc *html_doc(const char *page, const char *lang)
{
    selaras_doc *doc = NULL;
    selaras_error err;
    selaras_status st =
        selaras_doc_new_encoded(&doc, page, strlen(page), lang, NULL, SELARAS_DOC_HTML, NULL, &err);
    ck_assert_msg(st == SELARAS_OK, "selaras_doc_new_encoded: %s", err.message);
    return doc;
}

static const char *text_of(const selaras_doc *doc)
{
    return selaras_doc_text(doc, NULL);
}

/* An article page around body paragraphs, with navigation, share bar, related list and
 * footer that must all disappear. */
#define PAGE_HEAD "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Banjir Surut - Kabar</title>" \
                  "<style>p{color:red}</style><script>var s = '</div>';</script></head><body>"      \
                  "<nav><ul><li><a href=/>Beranda</a></li><li><a href=/m>Metro</a></li></ul></nav>"
#define PAGE_TAIL "<div class=\"share\"><a href=#>Bagikan ke WhatsApp</a></div>"                    \
                  "<section class=\"related\"><h2>Berita Terkait</h2><ul><li><a href=/a>Harga cabai naik lagi di pasar</a></li>" \
                  "<li><a href=/b>Liga futsal pelajar dimulai pekan ini</a></li></ul></section>"    \
                  "<footer><p>Hak cipta dilindungi undang-undang.</p></footer></body></html>"
#define BODY_P1 "Pemerintah provinsi membersihkan saluran air di sepanjang jalan utama kota, dan warga ikut membantu sejak pagi hari."
#define BODY_P2 "Menurut petugas, pekerjaan itu akan selesai dalam dua minggu, sehingga banjir tidak lagi menggenangi rumah warga."

START_TEST(article_keeps_headline_and_body_drops_menus)
{
    const char *page = PAGE_HEAD "<article><h1>Banjir Surut</h1><div class=\"body\"><p>" BODY_P1
                       "</p><p>" BODY_P2 "</p></div></article>" PAGE_TAIL;
    selaras_doc *doc = html_doc(page, "id");
    ck_assert_str_eq(text_of(doc), "Banjir Surut\n\n" BODY_P1 "\n\n" BODY_P2 "\n");
    ck_assert_uint_eq(selaras_doc_block_count(doc), 3);
    ck_assert_int_eq(selaras_doc_block(doc, 0, NULL, NULL), SELARAS_BLOCK_TITLE);
    ck_assert_int_eq(selaras_doc_block(doc, 1, NULL, NULL), SELARAS_BLOCK_CONTENT);
    ck_assert_str_eq(selaras_block_kind_name(SELARAS_BLOCK_BOILERPLATE), "boilerplate");
    ck_assert_ptr_null(selaras_block_kind_name((selaras_block_kind)7));
    selaras_doc_free(doc);
}
END_TEST

START_TEST(broken_markup_is_recovered)
{
    /* unclosed <p>, a "</div>" inside a script string, a stray </td> */
    const char *page = PAGE_HEAD "<article><h1>Banjir Surut</h1><div class=\"body\"><p>" BODY_P1
                       "<script>document.write(\"</div><p>Iklan</p>\");</script></td><p>" BODY_P2
                       "</div></article>" PAGE_TAIL;
    selaras_doc *doc = html_doc(page, "id");
    ck_assert_str_eq(text_of(doc), "Banjir Surut\n\n" BODY_P1 "\n\n" BODY_P2 "\n");
    selaras_doc_free(doc);
}
END_TEST

START_TEST(entities_are_decoded_and_map_to_their_ampersand)
{
    const char *page = "<html><body><article><p>Biaya Rp6,4 miliar &amp; 24 rambu, dipasang "
                       "di jalan utama kota oleh petugas &#8220;Dishub&#8221; pada akhir pekan, "
                       "kata&nbsp;kepala dinas itu.</p></article></body></html>";
    selaras_doc *doc = html_doc(page, "id");
    const char *t = text_of(doc);
    ck_assert_str_eq(t, "Biaya Rp6,4 miliar & 24 rambu, dipasang di jalan utama kota oleh petugas "
                        "\xE2\x80\x9C" "Dishub" "\xE2\x80\x9D pada akhir pekan, kata kepala dinas itu.\n");
    size_t amp = (size_t)(strchr(t, '&') - t);
    ck_assert_uint_eq(selaras_doc_to_original(doc, amp), (size_t)(strstr(page, "&amp;") - page));
    ck_assert_uint_eq(selaras_doc_to_original(doc, amp + 1), (size_t)(strstr(page, "&amp;") - page) + 5);
    size_t quote = (size_t)(strstr(t, "\xE2\x80\x9C") - t);
    ck_assert_uint_eq(selaras_doc_to_original(doc, quote), (size_t)(strstr(page, "&#8220;") - page));
    selaras_doc_free(doc);
}
END_TEST

START_TEST(br_br_splits_paragraphs_and_single_br_breaks_a_line)
{
    const char *page = "<html><body><div class=\"content\">Jakarta akan membangun jalur sepeda baru di "
                       "pusat kota tahun ini.<br><br>Warga menyambut rencana itu dengan baik, kata "
                       "camat.<br>Pembangunan dimulai pada bulan Juni.</div></body></html>";
    selaras_doc *doc = html_doc(page, "id");
    ck_assert_str_eq(text_of(doc), "Jakarta akan membangun jalur sepeda baru di pusat kota tahun ini.\n\n"
                                   "Warga menyambut rencana itu dengan baik, kata camat.\n"
                                   "Pembangunan dimulai pada bulan Juni.\n");
    ck_assert_uint_eq(selaras_doc_block_count(doc), 2);
    selaras_doc_free(doc);
}
END_TEST

START_TEST(pre_keeps_its_line_breaks)
{
    const char *page = "<html><body><article><p>Perintah berikut dipakai untuk memasang paket itu di "
                       "komputer yang baru, dan untuk memeriksanya:</p><pre>apt install  paket\n"
                       "apt show paket</pre></article></body></html>";
    selaras_doc *doc = html_doc(page, "id");
    ck_assert_ptr_nonnull(strstr(text_of(doc), "\n\napt install  paket\napt show paket\n"));
    selaras_doc_free(doc);
}
END_TEST

START_TEST(deeply_nested_tables_do_not_break_the_reader)
{
    size_t depth = 2000;
    const char *open = "<table><tr><td>", *close = "</td></tr></table>";
    const char *inner = "Warga kota itu membersihkan sungai bersama petugas dinas lingkungan hidup, "
                        "dan pekerjaan itu selesai dalam satu hari saja.";
    size_t cap = depth * (strlen(open) + strlen(close)) + strlen(inner) + 64;
    char *page = malloc(cap);
    ck_assert_ptr_nonnull(page);
    strcpy(page, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        strcat(page, open);
    strcat(page, inner);
    for (size_t i = 0; i < depth; i++)
        strcat(page, close);
    strcat(page, "</body></html>");
    selaras_doc *doc = html_doc(page, "id");
    size_t len;
    const char *t = selaras_doc_text(doc, &len);
    ck_assert_ptr_nonnull(strstr(t, "Warga kota itu"));
    selaras_doc_free(doc);
    free(page);
}
END_TEST

START_TEST(empty_page_and_navigation_only_give_empty_documents)
{
    selaras_doc *doc = html_doc("", "id");
    ck_assert_uint_eq(selaras_doc_block_count(doc), 0);
    ck_assert_str_eq(text_of(doc), "");
    selaras_doc_free(doc);
    doc = html_doc("<!DOCTYPE html><html><body><nav><a href=/>Beranda</a> <a href=/m>Metro</a></nav>"
                   "<ul class=\"menu\"><li><a href=/x>Ekonomi</a></li></ul><footer>Kontak</footer>"
                   "</body></html>", "id");
    ck_assert_str_eq(text_of(doc), "");
    ck_assert_uint_eq(selaras_doc_block_count(doc), 0);
    selaras_doc_free(doc);
}
END_TEST

START_TEST(caption_byline_read_also_and_signoff_are_boilerplate)
{
    const char *page = PAGE_HEAD "<article><h1>Banjir Surut</h1><div class=\"author\">Penulis: Rina</div>"
                       "<div class=\"body\"><p>" BODY_P1 "</p><figure><img src=a.jpg><figcaption>"
                       "Warga membersihkan saluran, Senin (3/2).</figcaption></figure>"
                       "<p><b>Baca juga:</b> <a href=/x>Harga beras turun</a></p><p>" BODY_P2
                       "</p><p>(why)</p></div></article>" PAGE_TAIL;
    selaras_doc *doc = html_doc(page, "id");
    selaras_segmenter *seg;
    selaras_segments *segs;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "id", NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segment(seg, doc, &segs, NULL), SELARAS_OK);
    const char *want[][2] = {
        {"title", "Banjir Surut"}, {"boilerplate", "Penulis: Rina"},
        {"boilerplate", "Warga membersihkan saluran, Senin (3/2)."},
        {"boilerplate", "Baca juga: Harga beras turun"}, {"boilerplate", "(why)"},
    };
    for (size_t w = 0; w < sizeof want / sizeof want[0]; w++) {
        int found = 0;
        for (size_t i = 0; i < selaras_segments_count(segs); i++)
            if (strcmp(selaras_segments_text(segs, i, NULL), want[w][1]) == 0) {
                ck_assert_str_eq(selaras_segment_kind_name(selaras_segments_kind(segs, i)), want[w][0]);
                found = 1;
            }
        ck_assert_msg(found, "no segment '%s'", want[w][1]);
    }
    for (size_t i = 0; i < selaras_segments_count(segs); i++) {
        const char *t = selaras_segments_text(segs, i, NULL);
        ck_assert_msg(strstr(t, "Beranda") == NULL && strstr(t, "Terkait") == NULL &&
                          strstr(t, "WhatsApp") == NULL && strstr(t, "Hak cipta") == NULL,
                      "leak: %s", t);
    }
    selaras_segments_free(segs);
    selaras_segmenter_free(seg);
    selaras_doc_free(doc);
}
END_TEST

/* Every segment's start/end, mapped back, covers exactly its text in the page (after
 * removing the markup between and decoding entities the text is a subsequence). */
START_TEST(every_segment_maps_back_into_the_html)
{
    const char *page = PAGE_HEAD "<article><h1>Banjir <em>Surut</em></h1><div class=\"body\"><p>"
                       "Pemerintah provinsi membersihkan <a href=/s>saluran air</a>. Warga "
                       "ikut membantu sejak pagi hari, kata camat.</p><p>" BODY_P2
                       "</p></div></article>" PAGE_TAIL;
    selaras_doc *doc = html_doc(page, "id");
    selaras_segmenter *seg;
    selaras_segments *segs;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "id", NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_segment(seg, doc, &segs, NULL), SELARAS_OK);
    ck_assert_uint_ge(selaras_segments_count(segs), 4);
    for (size_t i = 0; i < selaras_segments_count(segs); i++) {
        size_t a = selaras_segments_start(segs, i), b = selaras_segments_end(segs, i), len;
        const char *t = selaras_segments_text(segs, i, &len);
        ck_assert_uint_lt(a, b);
        ck_assert_uint_le(b, strlen(page));
        /* first and last character of the segment sit at start and just before end */
        ck_assert_int_eq(page[a], t[0]);
        ck_assert_int_eq(page[b - 1], t[len - 1]);
    }
    ck_assert_str_eq(selaras_segments_text(segs, 0, NULL), "Banjir Surut");
    ck_assert_uint_eq(selaras_segments_start(segs, 0), (size_t)(strstr(page, "Banjir <em>") - page));
    ck_assert_uint_eq(selaras_segments_end(segs, 0), (size_t)(strstr(page, "</em></h1>") - page));
    selaras_segments_free(segs);
    selaras_segmenter_free(seg);
    selaras_doc_free(doc);
}
END_TEST

/* ---- charsets ---- */

#define LATIN_BODY "<article><p>Caf\xE9 di pusat kota itu dibuka kembali oleh pemiliknya, dan para " \
                   "pelanggan datang sejak pagi hari \x85 kata pelayan.</p></article></body></html>"
#define UTF8_TEXT "Caf\xC3\xA9 di pusat kota itu dibuka kembali oleh pemiliknya, dan para " \
                  "pelanggan datang sejak pagi hari \xE2\x80\xA6 kata pelayan.\n"

static void expect_page_text(const char *page, size_t len, const char *want)
{
    selaras_doc *doc = NULL;
    selaras_error err;
    selaras_status st = selaras_doc_new_encoded(&doc, page, len, "id", NULL, SELARAS_DOC_HTML, NULL, &err);
    ck_assert_msg(st == SELARAS_OK, "%s", err.message);
    ck_assert_str_eq(text_of(doc), want);
    /* "é" maps to its one byte in the page */
    const char *t = text_of(doc);
    size_t e = (size_t)(strstr(t, "\xC3\xA9") - t);
    size_t o = selaras_doc_to_original(doc, e);
    ck_assert_msg((unsigned char)page[o] == 0xE9 || (unsigned char)page[o] == 0xC3, "offset %zu", o);
    selaras_doc_free(doc);
}

START_TEST(meta_charset_http_equiv_none_and_bom)
{
    const char *meta = "<html><head><meta charset=\"windows-1252\"></head><body>" LATIN_BODY;
    expect_page_text(meta, strlen(meta), UTF8_TEXT);
    const char *equiv = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                        "charset=windows-1252\"></head><body>" LATIN_BODY;
    expect_page_text(equiv, strlen(equiv), UTF8_TEXT);
    const char *none = "<html><head></head><body>" LATIN_BODY; /* the web's default */
    expect_page_text(none, strlen(none), UTF8_TEXT);
    /* a meta that lies: it says UTF-8 over windows-1252 bytes */
    const char *lie = "<html><head><meta charset=utf-8></head><body>" LATIN_BODY;
    expect_page_text(lie, strlen(lie), UTF8_TEXT);
    /* and one that says windows-1252 over UTF-8 bytes */
    const char *lie2 = "<html><head><meta charset=windows-1252></head><body><article><p>Caf\xC3\xA9 di "
                       "pusat kota itu dibuka kembali oleh pemiliknya, dan para pelanggan datang sejak "
                       "pagi hari \xE2\x80\xA6 kata pelayan.</p></article></body></html>";
    expect_page_text(lie2, strlen(lie2), UTF8_TEXT);
    /* UTF-16LE with a BOM */
    const char *ascii = "<html><body><article><p>Caf\xC3\xA9 di pusat kota itu dibuka kembali oleh "
                        "pemiliknya, dan para pelanggan datang sejak pagi hari \xE2\x80\xA6 kata "
                        "pelayan.</p></article></body></html>";
    size_t n = strlen(ascii);
    char *u16 = malloc(2 * n + 2);
    size_t k = 0;
    u16[k++] = (char)0xFF;
    u16[k++] = (char)0xFE;
    for (size_t i = 0; i < n; i++) {
        unsigned cp = (unsigned char)ascii[i];
        if (cp == 0xC3) { cp = 0xE9; i++; }
        else if (cp == 0xE2) { cp = 0x2026; i += 2; }
        u16[k++] = (char)(cp & 0xFF);
        u16[k++] = (char)(cp >> 8);
    }
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new_encoded(&doc, u16, k, "id", NULL, SELARAS_DOC_HTML, NULL, NULL),
                     SELARAS_OK);
    ck_assert_str_eq(text_of(doc), UTF8_TEXT);
    const char *t = text_of(doc);
    size_t e = (size_t)(strstr(t, "\xC3\xA9") - t);
    ck_assert_uint_eq(selaras_doc_to_original(doc, e), 2 + 2 * (size_t)(strstr(ascii, "\xC3\xA9") - ascii));
    selaras_doc_free(doc);
    free(u16);
}
END_TEST

START_TEST(text_in_utf16_and_utf8_with_bom_reads_directly)
{
    static const char le[] = "\xFF\xFE" "S\0a\0t\0u\0.\0\n\0";
    static const char be[] = "\xFE\xFF" "\0S\0a\0t\0u\0.\0\n";
    selaras_doc *doc;
    ck_assert_int_eq(selaras_doc_new(&doc, le, sizeof le - 1, "id", 0, NULL, NULL), SELARAS_OK);
    ck_assert_str_eq(text_of(doc), "Satu.\n");
    ck_assert_uint_eq(selaras_doc_to_original(doc, 1), 4);
    ck_assert_uint_eq(selaras_doc_original_length(doc), sizeof le - 1);
    selaras_doc_free(doc);
    ck_assert_int_eq(selaras_doc_new(&doc, be, sizeof be - 1, "id", 0, NULL, NULL), SELARAS_OK);
    ck_assert_str_eq(text_of(doc), "Satu.\n");
    ck_assert_uint_eq(selaras_doc_to_original(doc, 4), 10);
    selaras_doc_free(doc);
    ck_assert_int_eq(selaras_doc_new(&doc, "\xEF\xBB\xBFSatu.", 8, "id", 0, NULL, NULL), SELARAS_OK);
    ck_assert_str_eq(text_of(doc), "Satu.");
    ck_assert_uint_eq(selaras_doc_to_original(doc, 0), 3);
    selaras_doc_free(doc);
}
END_TEST

START_TEST(legacy_text_fails_with_offset_converts_with_encoding_and_counts_replacements)
{
    static const char latin[] = "Kafe itu menjual caf\xE9 au lait dan cr\xE8me br\xFBl\xE9" "e setiap hari.\n";
    selaras_doc *doc = NULL;
    selaras_error err;
    selaras_status st = selaras_doc_new(&doc, latin, sizeof latin - 1, "id", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 20, "invalid UTF-8");
    char name[32];
    ck_assert_uint_gt(selaras_encoding_guess(latin, sizeof latin - 1, name, sizeof name), 0);
    ck_assert_uint_eq(selaras_encoding_guess("abc", 0, NULL, 0), 0);
    st = selaras_doc_new_encoded(&doc, latin, sizeof latin - 1, "id", "windows-1252", 0, NULL, &err);
    ck_assert_int_eq(st, SELARAS_OK);
    const char *t = text_of(doc);
    ck_assert_str_eq(t, "Kafe itu menjual caf\xC3\xA9 au lait dan cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e setiap hari.\n");
    size_t at = (size_t)(strstr(t, "au lait") - t);
    ck_assert_uint_eq(selaras_doc_to_original(doc, at), 22);
    ck_assert_uint_eq(selaras_doc_to_normalized(doc, 22), at);
    selaras_doc_free(doc);
    /* an unknown name; a byte that ASCII does not have */
    st = selaras_doc_new_encoded(&doc, latin, sizeof latin - 1, "id", "no-such-encoding", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, st, SELARAS_NO_OFFSET, "unknown encoding");
    ck_assert_ptr_null(doc);
    static const char bad[] = "abc\x81" "def";
    st = selaras_doc_new_encoded(&doc, bad, sizeof bad - 1, "id", "US-ASCII", 0, NULL, &err);
    ck_assert_error(&err, SELARAS_ERR_ENCODING, st, 3, "invalid US-ASCII at byte 3");
    st = selaras_doc_new_encoded(&doc, bad, sizeof bad - 1, "id", "US-ASCII",
                                 SELARAS_DOC_REPLACE_INVALID, NULL, &err);
    ck_assert_int_eq(st, SELARAS_OK);
    ck_assert_str_eq(text_of(doc), "abc\xEF\xBF\xBD" "def");
    ck_assert_uint_eq(selaras_doc_replacements(doc), 1);
    ck_assert_uint_eq(selaras_doc_to_original(doc, 6), 4);
    selaras_doc_free(doc);
}
END_TEST

START_TEST(detect_html_sniffs_doctype_and_html)
{
    ck_assert_int_eq(selaras_looks_like_html("<!DOCTYPE html><p>x", 19), 1);
    ck_assert_int_eq(selaras_looks_like_html("\xEF\xBB\xBF  <!-- c --> <HTML lang=id>", 30), 1);
    ck_assert_int_eq(selaras_looks_like_html("<htmlx>", 7), 0);
    ck_assert_int_eq(selaras_looks_like_html("Jakarta <html>", 14), 0);
    ck_assert_int_eq(selaras_looks_like_html(NULL, 0), 0);
    selaras_doc *doc;
    const char *page = "<html><body><p>Satu dua tiga empat lima enam tujuh delapan sembilan "
                       "sepuluh, kata mereka di kota itu.</p></body></html>";
    ck_assert_int_eq(selaras_doc_new(&doc, page, strlen(page), "id", SELARAS_DOC_DETECT_HTML, NULL, NULL),
                     SELARAS_OK);
    ck_assert_ptr_null(strchr(text_of(doc), '<'));
    selaras_doc_free(doc);
    ck_assert_int_eq(selaras_doc_new(&doc, "a <b> c", 7, "id", SELARAS_DOC_DETECT_HTML, NULL, NULL),
                     SELARAS_OK);
    ck_assert_str_eq(text_of(doc), "a <b> c");
    ck_assert_uint_eq(selaras_doc_block_count(doc), 0);
    selaras_doc_free(doc);
}
END_TEST

Suite *html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("pages");
    tcase_add_test(tc, article_keeps_headline_and_body_drops_menus);
    tcase_add_test(tc, broken_markup_is_recovered);
    tcase_add_test(tc, entities_are_decoded_and_map_to_their_ampersand);
    tcase_add_test(tc, br_br_splits_paragraphs_and_single_br_breaks_a_line);
    tcase_add_test(tc, pre_keeps_its_line_breaks);
    tcase_add_test(tc, deeply_nested_tables_do_not_break_the_reader);
    tcase_add_test(tc, empty_page_and_navigation_only_give_empty_documents);
    tcase_add_test(tc, caption_byline_read_also_and_signoff_are_boilerplate);
    tcase_add_test(tc, every_segment_maps_back_into_the_html);
    suite_add_tcase(s, tc);
    tc = tcase_create("encodings");
    tcase_add_test(tc, meta_charset_http_equiv_none_and_bom);
    tcase_add_test(tc, text_in_utf16_and_utf8_with_bom_reads_directly);
    tcase_add_test(tc, legacy_text_fails_with_offset_converts_with_encoding_and_counts_replacements);
    tcase_add_test(tc, detect_html_sniffs_doctype_and_html);
    suite_add_tcase(s, tc);
    return s;
}
