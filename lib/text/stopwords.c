/* Stop words for the main-text extraction: how much of a block is the glue of running
 * prose (jusText's stop-word density). The two short lists are our own, written for this
 * project from the most frequent function words of each language; they carry no
 * third-party licence. */
#include "config.h"

#include <string.h>

#include "html.h"

static const char *const stop_id[] = {
    "ada", "adalah", "agar", "akan", "aku", "anda", "antara", "apa", "atas", "atau",
    "bagi", "bahwa", "banyak", "baru", "belum", "berapa", "bersama", "bisa", "buat",
    "dalam", "dan", "dapat", "dari", "demikian", "dengan", "di", "dia", "ia", "ini",
    "itu", "jadi", "jika", "juga", "kali", "kalau", "kami", "kata", "katanya", "ke",
    "kepada", "kini", "lagi", "lain", "lebih", "maka", "masih", "mereka", "mulai",
    "namun", "oleh", "pada", "para", "per", "pula", "saat", "saja", "sampai", "sangat",
    "saya", "se", "sebagai", "sebelum", "sedang", "sejak", "sekitar", "selain", "selama",
    "semua", "sendiri", "seperti", "serta", "sesudah", "setelah", "sudah", "tak",
    "tahun", "telah", "tentang", "terhadap", "tersebut", "tetapi", "tidak", "untuk",
    "yaitu", "yakni", "yang", "mengatakan", "ujar", "menurut", "hal", "hanya", "harus",
    "karena", "kita", "secara", "sehingga", "tiap", "hingga", "melalui",
};

static const char *const stop_en[] = {
    "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at",
    "be", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "during", "each", "for", "from", "had", "has", "have", "he", "her",
    "here", "his", "how", "i", "if", "in", "into", "is", "it", "its", "more", "most", "no",
    "not", "now", "of", "on", "one", "only", "or", "other", "our", "out", "over", "said",
    "says", "she", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "under", "until", "up",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "will", "with",
    "would", "you", "your", "per", "since", "because", "very",
};

static int in_list(const char *const *list, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], w, len) == 0)
            return 1;
    return 0;
}

void sl_count_stopwords(const char *text, size_t len, const char *primary, size_t *words,
                        size_t *stops)
{
    int use_id = strcmp(primary, "en") != 0, use_en = strcmp(primary, "id") != 0;
    size_t i = 0;
    *words = *stops = 0;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (!(sl_is_ascii_alnum(c) || c >= 0x80)) {
            i++;
            continue;
        }
        char w[24];
        size_t n = 0, start = i;
        while (i < len && (sl_is_ascii_alnum((unsigned char)text[i]) ||
                           (unsigned char)text[i] >= 0x80)) {
            if (n < sizeof w)
                w[n] = (char)sl_ascii_lower((unsigned char)text[i]);
            n++;
            i++;
        }
        (*words)++;
        if (n > sizeof w || i - start != n)
            continue;
        if ((use_id && in_list(stop_id, sizeof stop_id / sizeof stop_id[0], w, n)) ||
            (use_en && in_list(stop_en, sizeof stop_en / sizeof stop_en[0], w, n)))
            (*stops)++;
    }
}
