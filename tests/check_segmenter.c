/* The sentence segmenter: every rule in Indonesian and English, with exact boundaries
 * and kinds; offsets into the original input; paragraphs; reuse and threads. All texts
 * here are written for these tests. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check_selaras.h"

/* Expected segments are written "K|text" with K one of S (sentence), T (title),
 * B (boilerplate); the list ends with NULL. */
static selaras_segments *segment_text(const char *lang, const char *text)
{
    selaras_segmenter *seg;
    selaras_doc *doc;
    selaras_segments *segs;
    selaras_error err;
    ck_assert_int_eq(selaras_segmenter_new(&seg, lang, NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_doc_new(&doc, text, strlen(text), lang, 0, NULL, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_segment(seg, doc, &segs, &err), SELARAS_OK);
    selaras_doc_free(doc);
    selaras_segmenter_free(seg);
    return segs;
}

static char kind_letter(selaras_segment_kind kind)
{
    return kind == SELARAS_SEGMENT_TITLE ? 'T' : kind == SELARAS_SEGMENT_BOILERPLATE ? 'B' : 'S';
}

static void expect_list(const selaras_segments *segs, const char *const *expected)
{
    size_t n = 0;
    while (expected[n] != NULL)
        n++;
    for (size_t i = 0; i < n && i < selaras_segments_count(segs); i++) {
        const char *got = selaras_segments_text(segs, i, NULL);
        ck_assert_msg(strcmp(got, expected[i] + 2) == 0, "segment %zu: got \"%s\", expected \"%s\"",
                      i, got, expected[i] + 2);
        ck_assert_msg(kind_letter(selaras_segments_kind(segs, i)) == expected[i][0],
                      "segment %zu \"%s\": kind %c, expected %c", i, got,
                      kind_letter(selaras_segments_kind(segs, i)), expected[i][0]);
    }
    if (selaras_segments_count(segs) != n) {
        for (size_t i = 0; i < selaras_segments_count(segs); i++)
            fprintf(stderr, "  got %zu: %s\n", i, selaras_segments_text(segs, i, NULL));
    }
    ck_assert_uint_eq(selaras_segments_count(segs), n);
}

#define EXPECT(lang, text, ...)                                                               \
    do {                                                                                      \
        static const char *const want_[] = {__VA_ARGS__, NULL};                               \
        selaras_segments *segs_ = segment_text((lang), (text));                               \
        expect_list(segs_, want_);                                                            \
        selaras_segments_free(segs_);                                                         \
    } while (0)

/* ---- Indonesian ---- */

/* The word before a period is found by a backward scan eight bytes at a time: words
 * shorter and longer than eight bytes, with non-ASCII letters and tabs in them, must give
 * the same decisions as a byte-by-byte scan. */
START_TEST(word_before_period)
{
    /* a code ending in a capital is no initial */
    EXPECT("id", "Kodenya 12345678A. Budi datang.", "S|Kodenya 12345678A.", "S|Budi datang.");
    EXPECT("id", "Kodenya 1234567890123456789A. Budi datang.",
           "S|Kodenya 1234567890123456789A.", "S|Budi datang.");
    EXPECT("id", "Kodenya \xC3\xA9" "1234567A. Budi datang.",
           "S|Kodenya \xC3\xA9" "1234567A.", "S|Budi datang.");
    EXPECT("id", "Kodenya\t12345678A. Budi datang.", "S|Kodenya\t12345678A.",
           "S|Budi datang.");
    /* a single capital after long words is an initial */
    EXPECT("en", "Signed by Professor Emeritus J. Smith today.",
           "S|Signed by Professor Emeritus J. Smith today.");
    EXPECT("en", "Signed by Professor Emeritus\xC3\xA9 J. Smith today.",
           "S|Signed by Professor Emeritus\xC3\xA9 J. Smith today.");
    /* a word longer than the scan's 64-byte window at the start of the text, the window
     * starting inside a two-byte character (found by fuzz_segment_en) */
    char word[80], text[120];
    size_t n = 0;
    for (int k = 0; k < 33; k++) {
        word[n++] = '\xC3';
        word[n++] = '\xA9';
    }
    memcpy(word + n, "a.", 3);
    snprintf(text, sizeof text, "%s Budi datang.", word);
    selaras_segments *segs = segment_text("id", text);
    ck_assert_uint_eq(selaras_segments_count(segs), 2);
    ck_assert_str_eq(selaras_segments_text(segs, 0, NULL), word);
    ck_assert_str_eq(selaras_segments_text(segs, 1, NULL), "Budi datang.");
    selaras_segments_free(segs);
    /* a period glued between words ends the first one, even after a long run */
    EXPECT("en", "See the section.appendix.Mr. Smith wrote it.", "S|See the section.appendix.",
           "S|Mr. Smith wrote it.");
}
END_TEST

START_TEST(id_plain_sentences)
{
    EXPECT("id", "Harga beras naik. Pedagang mengeluh! Apakah pemerintah bertindak? Ya.",
           "S|Harga beras naik.", "S|Pedagang mengeluh!", "S|Apakah pemerintah bertindak?",
           "S|Ya.");
}
END_TEST

START_TEST(id_abbreviation_classes)
{
    /* prefix: never ends; number: not before a number; general: only before a capital */
    EXPECT("id", "Acara dibuka Dr. Sri Wahyuni di Jl. Merdeka No. 5 pagi tadi. Warga hadir.",
           "S|Acara dibuka Dr. Sri Wahyuni di Jl. Merdeka No. 5 pagi tadi.", "S|Warga hadir.");
    EXPECT("id", "Kantornya di Lt. 3 gedung itu. Hubungi Telp. (021) 5550123 untuk info.",
           "S|Kantornya di Lt. 3 gedung itu.", "S|Hubungi Telp. (021) 5550123 untuk info.");
    EXPECT("id", "Ia membeli beras, gula, dll. untuk dapur umum.",
           "S|Ia membeli beras, gula, dll. untuk dapur umum.");
    EXPECT("id", "Ia membeli beras, gula, dll. Setelah itu ia pulang.",
           "S|Ia membeli beras, gula, dll.", "S|Setelah itu ia pulang.");
    EXPECT("id", "Surat itu a.n. Kepala Dinas dikirim s.d. Jumat. Balasan belum ada.",
           "S|Surat itu a.n. Kepala Dinas dikirim s.d. Jumat.", "S|Balasan belum ada.");
    /* another letter case of a listed form: "JL." is "Jl." */
    EXPECT("id", "Lokasinya di JL. Sudirman. Parkir terbatas.",
           "S|Lokasinya di JL. Sudirman.", "S|Parkir terbatas.");
    /* degrees after a name may end the sentence */
    EXPECT("id", "Pembicaranya Budi, S.H., M.M. Ia lulusan Bandung.",
           "S|Pembicaranya Budi, S.H., M.M.", "S|Ia lulusan Bandung.");
}
END_TEST

START_TEST(id_initials)
{
    EXPECT("id", "Rapat dihadiri A. H. Nasution dan Jackson D. Sitorus. Mereka datang pagi.",
           "S|Rapat dihadiri A. H. Nasution dan Jackson D. Sitorus.", "S|Mereka datang pagi.");
    /* a numeral "I" after a lower-case word, and a unit after a number, are not initials */
    EXPECT("id", "Ekonomi tumbuh pada kuartal I. Dengan itu target tercapai.",
           "S|Ekonomi tumbuh pada kuartal I.", "S|Dengan itu target tercapai.");
    EXPECT("id", "Suhu turun menjadi 20 C. Warga memakai jaket.",
           "S|Suhu turun menjadi 20 C.", "S|Warga memakai jaket.");
}
END_TEST

START_TEST(id_numbers_and_codes)
{
    EXPECT("id", "Surat 1501/SP-HMS/09/2021 dikirim Selasa (27/1). Isinya 23.000 kata, "
                 "dibahas pukul 09.00 WIB. Nilainya Rp42,03 triliun.",
           "S|Surat 1501/SP-HMS/09/2021 dikirim Selasa (27/1).",
           "S|Isinya 23.000 kata, dibahas pukul 09.00 WIB.", "S|Nilainya Rp42,03 triliun.");
    EXPECT("id", "Ia merujuk Peraturan No. XI tahun lalu. Aturan itu berlaku.",
           "S|Ia merujuk Peraturan No. XI tahun lalu.", "S|Aturan itu berlaku.");
}
END_TEST

START_TEST(id_urls_emails_domains)
{
    EXPECT("id", "Kastara.ID, Jakarta – Info ada di jakarta.go.id dan https://x.id/a.b?c=1. "
                 "Surel ke humas@jakarta.go.id. Gratis.",
           "S|Kastara.ID, Jakarta – Info ada di jakarta.go.id dan https://x.id/a.b?c=1.",
           "S|Surel ke humas@jakarta.go.id.", "S|Gratis.");
}
END_TEST

START_TEST(id_quotations)
{
    /* several sentences in one quotation: split at each end; the closing quote and the
     * attribution stay with the last */
    EXPECT("id", "\"Kami siap. Semua sudah kami siapkan,\" kata Kepala Dinas. Acara berlanjut.",
           "S|\"Kami siap.", "S|Semua sudah kami siapkan,\" kata Kepala Dinas.",
           "S|Acara berlanjut.");
    EXPECT("id", "\xE2\x80\x9CKita bisa. Harapannya besar,\xE2\x80\x9D ucapnya.",
           "S|\xE2\x80\x9CKita bisa.", "S|Harapannya besar,\xE2\x80\x9D ucapnya.");
    /* ? and ! before a lower-case attribution do not end the sentence */
    EXPECT("id", "\xE2\x80\x9C" "Apa kabar?\xE2\x80\x9D tanya Ariza. \"Baik!\" jawab Hari.",
           "S|\xE2\x80\x9C" "Apa kabar?\xE2\x80\x9D tanya Ariza.", "S|\"Baik!\" jawab Hari.");
    /* a quotation that ends the sentence, then a new one */
    EXPECT("id", "Ia berkata, \"Kami siap.\" Semua bertepuk tangan.",
           "S|Ia berkata, \"Kami siap.\"", "S|Semua bertepuk tangan.");
}
END_TEST

START_TEST(id_ellipses)
{
    EXPECT("id", "Ia ragu\xE2\x80\xA6 tetapi tetap datang. Hasilnya\xE2\x80\xA6 Semua senang.",
           "S|Ia ragu\xE2\x80\xA6 tetapi tetap datang.", "S|Hasilnya\xE2\x80\xA6",
           "S|Semua senang.");
    EXPECT("id", "Katanya [...] sudah selesai. Benar... Kami lega.",
           "S|Katanya [...] sudah selesai.", "S|Benar...", "S|Kami lega.");
}
END_TEST

START_TEST(id_press_release)
{
    EXPECT("id",
           "PEMERINTAH PROVINSI DKI JAKARTA\n"
           "Jl. Medan Merdeka Selatan No. 8, Jakarta 10110, Telp. (021) 3822255\n"
           "\n"
           "SIARAN PERS\n"
           "Nomor: 12/SP/2026\n"
           "Jakarta, 3 Maret 2026\n"
           "\n"
           "**Pemprov Buka Pelatihan Gratis**\n"
           "\n"
           "Jakarta (ANTARA) - Pemprov DKI membuka pelatihan. Kuota terbatas.\n"
           "\n"
           "Baca juga: Pemprov salurkan bantuan\n"
           "\n"
           "Pelatihan meliputi:\n"
           "1. Las listrik;\n"
           "2. Tata boga.\n"
           "\n"
           "Pendaftaran dibuka hari ini. (why)\n"
           "Pewarta: Rina Kusuma\n"
           "Editor: A. H. Siregar\n"
           "Copyright \xC2\xA9 ANTARA 2026\n",
           "B|PEMERINTAH PROVINSI DKI JAKARTA",
           "B|Jl. Medan Merdeka Selatan No. 8, Jakarta 10110, Telp. (021) 3822255",
           "B|SIARAN PERS", "B|Nomor: 12/SP/2026", "B|Jakarta, 3 Maret 2026",
           "T|**Pemprov Buka Pelatihan Gratis**",
           "S|Jakarta (ANTARA) - Pemprov DKI membuka pelatihan.", "S|Kuota terbatas.",
           "B|Baca juga: Pemprov salurkan bantuan", "S|Pelatihan meliputi:",
           "S|1. Las listrik;", "S|2. Tata boga.", "S|Pendaftaran dibuka hari ini.", "B|(why)",
           "B|Pewarta: Rina Kusuma", "B|Editor: A. H. Siregar",
           "B|Copyright \xC2\xA9 ANTARA 2026");
}
END_TEST

START_TEST(id_lists_and_signoffs)
{
    EXPECT("id", "\xE2\x80\xA2 Satu hal\n\xE2\x80\xA2 Dua hal\n- Tiga hal\n(hop/ant)",
           "S|\xE2\x80\xA2 Satu hal", "S|\xE2\x80\xA2 Dua hal", "S|- Tiga hal", "B|(hop/ant)");
    /* a numbered list on one line: each marker in sequence starts an item */
    EXPECT("id", "1. Pendaftaran dibuka 2. Seleksi berkas 3. Pengumuman",
           "S|1. Pendaftaran dibuka", "S|2. Seleksi berkas", "S|3. Pengumuman");
    /* a word in parentheses that is not a sign-off stays */
    EXPECT("id", "Rapat dipimpin Sekda (Sekretaris Daerah).",
           "S|Rapat dipimpin Sekda (Sekretaris Daerah).");
}
END_TEST

/* ---- English ---- */

START_TEST(en_abbreviations)
{
    EXPECT("en", "Mr. Smith met Gov. Anies at 3 p.m. on Tuesday. They spoke for an hour.",
           "S|Mr. Smith met Gov. Anies at 3 p.m. on Tuesday.", "S|They spoke for an hour.");
    EXPECT("en", "Turn to p. 55 for details. See No. 8 as well.",
           "S|Turn to p. 55 for details.", "S|See No. 8 as well.");
    EXPECT("en", "They closed the deal with Pitt & Co. It closed yesterday.",
           "S|They closed the deal with Pitt & Co.", "S|It closed yesterday.");
    EXPECT("en", "Shares of PT Maju Tbk. (MAJU) rose.", "S|Shares of PT Maju Tbk. (MAJU) rose.");
}
END_TEST

START_TEST(en_initialisms_and_initials)
{
    EXPECT("en", "I live in the U.S. How about you? I work for the U.S. Government.",
           "S|I live in the U.S.", "S|How about you?", "S|I work for the U.S. Government.");
    EXPECT("en", "We make a good team, you and I. Did you see Albert I. Jones?",
           "S|We make a good team, you and I.", "S|Did you see Albert I. Jones?");
    EXPECT("en", "My name is Jonas E. Smith.", "S|My name is Jonas E. Smith.");
}
END_TEST

START_TEST(en_punctuation)
{
    EXPECT("en", "\"Of course!\" Hari answered. She works at Yahoo! in Jakarta.",
           "S|\"Of course!\" Hari answered.", "S|She works at Yahoo! in Jakarta.");
    EXPECT("en", "Hello!! Who is there?! Nobody.", "S|Hello!!", "S|Who is there?!", "S|Nobody.");
    EXPECT("en", "Hello world.Today is Tuesday.Mr. Smith came.", "S|Hello world.",
           "S|Today is Tuesday.", "S|Mr. Smith came.");
    EXPECT("en", "Her email is Jane.Doe@example.com. I wrote.", "S|Her email is Jane.Doe@example.com.",
           "S|I wrote.");
    EXPECT("en", "He left (he was tired.) at noon.", "S|He left (he was tired.) at noon.");
    EXPECT("en", "She has $100.00. It is enough.", "S|She has $100.00.", "S|It is enough.");
}
END_TEST

START_TEST(en_ellipses)
{
    EXPECT("en", "I never meant that.... She left.", "S|I never meant that....", "S|She left.");
    EXPECT("en", "Wait . . . I know.", "S|Wait . . . I know.");
    EXPECT("en", "It was complex. . . . The rest is easy.", "S|It was complex.",
           "S|. . . The rest is easy.");
}
END_TEST

START_TEST(en_lists)
{
    EXPECT("en", "1) The first item 2) The second item", "S|1) The first item",
           "S|2) The second item");
    EXPECT("en", "a. The first item b. The second item", "S|a. The first item",
           "S|b. The second item");
    EXPECT("en", "\xE2\x80\xA2 9. One \xE2\x80\xA2 10. Two", "S|\xE2\x80\xA2 9. One",
           "S|\xE2\x80\xA2 10. Two");
}
END_TEST

START_TEST(en_release_layout)
{
    EXPECT("en",
           "Jakarta opens free training\n\n"
           "Reporter : Rina Kusuma | Editor : A. H. Siregar\n\n"
           "Photo: Trainees at a centre. (Manpower Agency)\n\n"
           "JAKARTA - The city opened 5,000 places. \"Everything is prepared.\"\n\n"
           "\"Everything is prepared.\"\n\n"
           "Hari said the programme starts today.\n"
           "Read also: Jobs fair in March\n",
           "T|Jakarta opens free training", "B|Reporter : Rina Kusuma | Editor : A. H. Siregar",
           "B|Photo: Trainees at a centre. (Manpower Agency)",
           "S|JAKARTA - The city opened 5,000 places.", "S|\"Everything is prepared.\"",
           "B|\"Everything is prepared.\"", "S|Hari said the programme starts today.",
           "B|Read also: Jobs fair in March");
}
END_TEST

START_TEST(wrapped_lines)
{
    /* a sentence broken over lines is joined; its text reads with a space */
    EXPECT("en", "This is a sentence\ncut off in the middle.\nfeatures\ncontact manager\n",
           "S|This is a sentence cut off in the middle.", "T|features", "T|contact manager");
}
END_TEST

START_TEST(generic_language)
{
    selaras_segmenter *seg;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "de_CH", NULL, NULL), SELARAS_OK);
    ck_assert_str_eq(selaras_segmenter_lang(seg), "de-CH");
    selaras_segmenter_free(seg);
    EXPECT("de", "Das ist gut. Wir gehen jetzt! Kommst du?", "S|Das ist gut.",
           "S|Wir gehen jetzt!", "S|Kommst du?");
    /* region forms of the tuned languages */
    EXPECT("id-ID", "Dr. Budi datang. Ia senang.", "S|Dr. Budi datang.", "S|Ia senang.");
    EXPECT("en_GB", "Mr. Brown came. He sat.", "S|Mr. Brown came.", "S|He sat.");
}
END_TEST

/* ---- how Jakarta's English rewrites are laid out (issue 14) ---- */

START_TEST(en_photo_captions)
{
    EXPECT("en",
           "Students in front of a classroom under repair (Foto : Andi Pratama / Beritajakarta)\n\n"
           "Officers clear the river (Photo: ANTARA/Budi Santoso)\n\n"
           "Volunteers plant mangroves in North Jakarta (Dok. Pemprov DKI)\n\n"
           "The mayor opened the park (Central Jakarta).\n\n"
           "Budget rises (Rp2 billion)\n",
           "B|Students in front of a classroom under repair (Foto : Andi Pratama / Beritajakarta)",
           "B|Officers clear the river (Photo: ANTARA/Budi Santoso)",
           "B|Volunteers plant mangroves in North Jakarta (Dok. Pemprov DKI)",
           "S|The mayor opened the park (Central Jakarta).", "T|Budget rises (Rp2 billion)");
    /* a sentence that ends before the credit is no caption line */
    EXPECT("en", "The mayor came. (Foto: Ani)\n", "S|The mayor came.", "S|(Foto: Ani)");
}
END_TEST

START_TEST(en_pull_quotes_and_bylines)
{
    /* a pull quote without final punctuation, repeated by the body: boilerplate; a quoted
     * line that repeats nothing stays a title */
    EXPECT("en",
           "Reporter : Nur Aisyah | Editor : Toni Rahardjo | June 13th, 2024 | Dibaca 412 kali\n\n"
           "\"No child in Jakarta may be left behind\"\n\n"
           "\"No child in Jakarta may be left behind. Parents only need to come,\" she said.\n\n"
           "\"Jakarta Clean Rivers\"\n\n"
           "Related news: Jakarta tests a bus lane on Jl. Kenari\n\n"
           "Jakarta | City news\n",
           "B|Reporter : Nur Aisyah | Editor : Toni Rahardjo | June 13th, 2024 | Dibaca 412 kali",
           "B|\"No child in Jakarta may be left behind\"",
           "S|\"No child in Jakarta may be left behind.", "S|Parents only need to come,\" she said.",
           "T|\"Jakarta Clean Rivers\"", "B|Related news: Jakarta tests a bus lane on Jl. Kenari",
           "T|Jakarta | City news");
    /* a byline whose label is not its first field */
    EXPECT("en", "June 23rd, 2024 | Reporter: Farah Nabila\n",
           "B|June 23rd, 2024 | Reporter: Farah Nabila");
}
END_TEST

START_TEST(en_indonesian_abbreviations)
{
    EXPECT("en",
           "The bank is on Gg. Melati No. 12, RT 05/RW 03, Kel. Rawa Teratai, Kec. Cakung. "
           "It opens daily.",
           "S|The bank is on Gg. Melati No. 12, RT 05/RW 03, Kel. Rawa Teratai, Kec. Cakung.",
           "S|It opens daily.");
    EXPECT("en", "Agency head Ir. Budi Santoso and dr. Rina Wulandari, M.Kes., came. Drs. "
                 "Hasan spoke. H. Ahmad Fauzi closed.",
           "S|Agency head Ir. Budi Santoso and dr. Rina Wulandari, M.Kes., came.",
           "S|Drs. Hasan spoke.", "S|H. Ahmad Fauzi closed.");
    EXPECT("en", "Jl. Kartini Raya Km. 2 to Km. 6 is closed. Jl. Pramuka is open.",
           "S|Jl. Kartini Raya Km. 2 to Km. 6 is closed.", "S|Jl. Pramuka is open.");
    EXPECT("id", "Jl. Kartini Raya Km. 2 hingga Km. 6 ditutup. Jl. Pramuka dibuka.",
           "S|Jl. Kartini Raya Km. 2 hingga Km. 6 ditutup.", "S|Jl. Pramuka dibuka.");
    /* outside a number the period of "Km." ends a sentence before a capital */
    EXPECT("en", "The route is 42 km. Runners start at dawn.", "S|The route is 42 km.",
           "S|Runners start at dawn.");
}
END_TEST

START_TEST(en_clock_times)
{
    EXPECT("en", "The museum is open until 10 p.m. Head of the unit Lestari said so.",
           "S|The museum is open until 10 p.m.", "S|Head of the unit Lestari said so.");
    EXPECT("en", "Visit from 8 A.M. Information is online.", "S|Visit from 8 A.M.",
           "S|Information is online.");
    /* a weekday, a month, a time zone or an abbreviation goes on the time */
    EXPECT("en", "Open from 8 a.m. Monday to Friday.", "S|Open from 8 a.m. Monday to Friday.");
    EXPECT("en", "It starts at 9 p.m. WIB on Friday.", "S|It starts at 9 p.m. WIB on Friday.");
    EXPECT("en", "At 5 a.m. Mr. Smith left.", "S|At 5 a.m. Mr. Smith left.");
    /* without a number before it "a.m." is an initialism as before */
    EXPECT("en", "It was a.m. Radio that day.", "S|It was a.m. Radio that day.");
}
END_TEST

START_TEST(lists_after_colon)
{
    EXPECT("en", "The roads closed include: 1. Jl. Harmoni, 4 a.m.-9 a.m.; 2. Jl. Medan, "
                 "5:30 a.m.-11 a.m.; and 3. Jl. Kartini.",
           "S|The roads closed include:", "S|1. Jl. Harmoni, 4 a.m.-9 a.m.;",
           "S|2. Jl. Medan, 5:30 a.m.-11 a.m.; and", "S|3. Jl. Kartini.");
    /* a time "05.30" after item 4 is no fifth item */
    EXPECT("id", "Jalur ditutup: 1. Jl. A; 2. Jl. B; 3. Jl. C; 4. Jl. D, pukul 05.30-11.00 WIB.",
           "S|Jalur ditutup:", "S|1. Jl. A;", "S|2. Jl. B;", "S|3. Jl. C;",
           "S|4. Jl. D, pukul 05.30-11.00 WIB.");
    EXPECT("id", "Syaratnya: a) KTP; b) KK.", "S|Syaratnya:", "S|a) KTP;", "S|b) KK.");
    EXPECT("en", "Bring: \xE2\x80\xA2 a hat \xE2\x80\xA2 water", "S|Bring:",
           "S|\xE2\x80\xA2 a hat", "S|\xE2\x80\xA2 water");
    /* a ratio or a time is not a marker; a "1." without a colon before it starts nothing */
    EXPECT("en", "The score was 3:1. We won.", "S|The score was 3:1.", "S|We won.");
    EXPECT("en", "Step 1. Then go.", "S|Step 1.", "S|Then go.");
    EXPECT("en", "Room 1. is closed.", "S|Room 1. is closed.");
}
END_TEST

/* ---- offsets, paragraphs, reuse ---- */

START_TEST(offsets_point_into_original_input)
{
    /* BOM, CRLF and a decomposed é (NFC changes it): offsets are the caller's bytes */
    static const char input[] = "\xEF\xBB\xBF  Satu dua.\r\n\r\nDua e\xCC\x81.  Tiga.\r\n";
    selaras_segmenter *seg;
    selaras_doc *doc;
    selaras_segments *segs;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "id", NULL, NULL), SELARAS_OK);
    ck_assert_int_eq(selaras_doc_new(&doc, input, sizeof input - 1, "id", 0, NULL, NULL),
                     SELARAS_OK);
    ck_assert_int_eq(selaras_doc_set_name(doc, "rilis.txt"), SELARAS_OK);
    ck_assert_int_eq(selaras_segment(seg, doc, &segs, NULL), SELARAS_OK);
    ck_assert_uint_eq(selaras_segments_count(segs), 3);
    ck_assert_str_eq(selaras_segments_lang(segs), "id");
    ck_assert_str_eq(selaras_segments_name(segs), "rilis.txt");
    ck_assert_str_eq(selaras_segments_text(segs, 0, NULL), "Satu dua.");
    ck_assert_uint_eq(selaras_segments_start(segs, 0), 5);
    ck_assert_uint_eq(selaras_segments_end(segs, 0), 14);
    ck_assert_str_eq(selaras_segments_text(segs, 1, NULL), "Dua \xC3\xA9.");
    ck_assert_uint_eq(selaras_segments_start(segs, 1), 18);
    ck_assert_uint_eq(selaras_segments_end(segs, 1), 26);
    ck_assert_str_eq(selaras_segments_text(segs, 2, NULL), "Tiga.");
    ck_assert_uint_eq(selaras_segments_start(segs, 2), 28);
    ck_assert_uint_eq(selaras_segments_end(segs, 2), 33);
    ck_assert_uint_eq(selaras_segments_paragraph(segs, 0), 0);
    ck_assert_uint_eq(selaras_segments_paragraph(segs, 1), 1);
    ck_assert_uint_eq(selaras_segments_paragraph(segs, 2), 1);
    selaras_segments_free(segs);
    selaras_doc_free(doc);
    selaras_segmenter_free(seg);
}
END_TEST

START_TEST(paragraphs_by_blank_lines_or_lines)
{
    /* with blank lines, a block of lines is one paragraph */
    selaras_segments *segs = segment_text("id", "Judul\n\nSatu. Dua.\nTiga.\n\nEmpat.");
    ck_assert_uint_eq(selaras_segments_count(segs), 5);
    static const size_t blocks[] = {0, 1, 1, 1, 2};
    for (size_t i = 0; i < 5; i++)
        ck_assert_uint_eq(selaras_segments_paragraph(segs, i), blocks[i]);
    selaras_segments_free(segs);
    /* without blank lines, each line is one */
    segs = segment_text("id", "Judul\nSatu. Dua.\nTiga.");
    ck_assert_uint_eq(selaras_segments_count(segs), 4);
    static const size_t lines[] = {0, 1, 1, 2};
    for (size_t i = 0; i < 4; i++)
        ck_assert_uint_eq(selaras_segments_paragraph(segs, i), lines[i]);
    selaras_segments_free(segs);
    /* an empty or blank document has no segments */
    segs = segment_text("en", " \n\n \t\n");
    ck_assert_uint_eq(selaras_segments_count(segs), 0);
    selaras_segments_free(segs);
}
END_TEST

START_TEST(segmenter_is_reusable)
{
    selaras_segmenter *seg;
    ck_assert_int_eq(selaras_segmenter_new(&seg, "en", NULL, NULL), SELARAS_OK);
    const char *texts[] = {"One. Two.", "Mr. Lee came. He sat. We ate.", "One. Two."};
    size_t counts[] = {2, 3, 2};
    for (size_t k = 0; k < 3; k++) {
        selaras_doc *doc;
        selaras_segments *segs;
        ck_assert_int_eq(selaras_doc_new(&doc, texts[k], strlen(texts[k]), "en", 0, NULL, NULL),
                         SELARAS_OK);
        ck_assert_int_eq(selaras_segment(seg, doc, &segs, NULL), SELARAS_OK);
        ck_assert_uint_eq(selaras_segments_count(segs), counts[k]);
        selaras_segments_free(segs);
        selaras_doc_free(doc);
    }
    selaras_segmenter_free(seg);
}
END_TEST

typedef struct thread_job {
    const char *lang;
    const char *text;
    size_t count;
    int ok;
} thread_job;

static void *thread_run(void *arg)
{
    thread_job *job = arg;
    selaras_segmenter *seg;
    job->ok = selaras_segmenter_new(&seg, job->lang, NULL, NULL) == SELARAS_OK;
    for (int i = 0; i < 200 && job->ok; i++) {
        selaras_doc *doc;
        selaras_segments *segs;
        if (selaras_doc_new(&doc, job->text, strlen(job->text), job->lang, 0, NULL, NULL) != SELARAS_OK ||
            selaras_segment(seg, doc, &segs, NULL) != SELARAS_OK) {
            job->ok = 0;
            break;
        }
        job->ok = selaras_segments_count(segs) == job->count;
        selaras_segments_free(segs);
        selaras_doc_free(doc);
    }
    selaras_segmenter_free(seg);
    return NULL;
}

START_TEST(segmenters_on_separate_threads)
{
    thread_job jobs[2] = {
        {"id", "Dr. Budi datang. \"Siap?\" tanya Ani. Ya.\n\n(why)", 4, 0},
        {"en", "Mr. Lee came. He sat down. We ate.", 3, 0},
    };
    pthread_t threads[2];
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, thread_run, &jobs[i]), 0);
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(pthread_join(threads[i], NULL), 0);
        ck_assert_msg(jobs[i].ok, "thread %d got a wrong result", i);
    }
}
END_TEST

START_TEST(bad_arguments)
{
    selaras_error err;
    selaras_segmenter *seg = (selaras_segmenter *)&err;
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_segmenter_new(NULL, "id", NULL, &err),
                    SELARAS_NO_OFFSET, "out is NULL");
    ck_assert_error(&err, SELARAS_ERR_LANGUAGE, selaras_segmenter_new(&seg, "x1", NULL, &err),
                    SELARAS_NO_OFFSET, NULL);
    ck_assert_ptr_null(seg);
    selaras_allocator half = {NULL, NULL, NULL, NULL};
    ck_assert_int_eq(selaras_segmenter_new(&seg, "id", &half, &err), SELARAS_ERR_ARGUMENT);
    ck_assert_int_eq(selaras_segmenter_new(&seg, "id", NULL, &err), SELARAS_OK);
    selaras_segments *segs = (selaras_segments *)&err;
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_segment(seg, NULL, &segs, &err),
                    SELARAS_NO_OFFSET, "NULL argument");
    ck_assert_ptr_null(segs);
    ck_assert_error(&err, SELARAS_ERR_ARGUMENT, selaras_segment(seg, NULL, NULL, &err),
                    SELARAS_NO_OFFSET, "out is NULL");
    ck_assert_int_eq(selaras_segmenter_add_abbreviations(NULL, "x", 1, &err), SELARAS_ERR_ARGUMENT);
    ck_assert_int_eq(selaras_segmenter_add_abbreviations(seg, NULL, 1, &err), SELARAS_ERR_ARGUMENT);
    ck_assert_int_eq(selaras_segmenter_add_abbreviations(seg, NULL, 0, &err), SELARAS_OK);
    ck_assert_int_eq(selaras_segmenter_load_abbreviations(seg, NULL, &err), SELARAS_ERR_ARGUMENT);
    ck_assert_ptr_null(selaras_segmenter_lang(NULL));
    selaras_segmenter_clear_abbreviations(NULL);
    selaras_segmenter_free(seg);
    selaras_segmenter_free(NULL);
}
END_TEST

Suite *segmenter_suite(void)
{
    Suite *s = suite_create("segmenter");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, id_plain_sentences);
    tcase_add_test(tc, id_abbreviation_classes);
    tcase_add_test(tc, id_initials);
    tcase_add_test(tc, word_before_period);
    tcase_add_test(tc, id_numbers_and_codes);
    tcase_add_test(tc, id_urls_emails_domains);
    tcase_add_test(tc, id_quotations);
    tcase_add_test(tc, id_ellipses);
    tcase_add_test(tc, id_press_release);
    tcase_add_test(tc, id_lists_and_signoffs);
    tcase_add_test(tc, en_abbreviations);
    tcase_add_test(tc, en_initialisms_and_initials);
    tcase_add_test(tc, en_punctuation);
    tcase_add_test(tc, en_ellipses);
    tcase_add_test(tc, en_lists);
    tcase_add_test(tc, en_release_layout);
    tcase_add_test(tc, wrapped_lines);
    tcase_add_test(tc, generic_language);
    tcase_add_test(tc, en_photo_captions);
    tcase_add_test(tc, en_pull_quotes_and_bylines);
    tcase_add_test(tc, en_indonesian_abbreviations);
    tcase_add_test(tc, en_clock_times);
    tcase_add_test(tc, lists_after_colon);
    suite_add_tcase(s, tc);
    tc = tcase_create("api");
    tcase_add_test(tc, offsets_point_into_original_input);
    tcase_add_test(tc, paragraphs_by_blank_lines_or_lines);
    tcase_add_test(tc, segmenter_is_reusable);
    tcase_add_test(tc, segmenters_on_separate_threads);
    tcase_add_test(tc, bad_arguments);
    suite_add_tcase(s, tc);
    return s;
}
