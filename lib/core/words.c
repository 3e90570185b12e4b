/* The month, weekday, scale and unit words of Indonesian, English, German and French: one
 * table for every stage (the aligner's anchors, the segmenter's date lines). Words are
 * matched with ASCII letters in either case. */
#include "config.h"

#include <string.h>

#include "core.h"

typedef struct word_map {
    const char *word;
    int value;
} word_map;

/* Weekdays: 1 = Monday. */
static const word_map weekdays[] = {
    {"senin", 1}, {"selasa", 2}, {"rabu", 3}, {"kamis", 4}, {"jumat", 5}, {"sabtu", 6},
    {"minggu", 7}, {"ahad", 7},
    {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5},
    {"saturday", 6}, {"sunday", 7},
    {"montag", 1}, {"dienstag", 2}, {"mittwoch", 3}, {"donnerstag", 4}, {"freitag", 5},
    {"samstag", 6}, {"sonntag", 7},
    {"lundi", 1}, {"mardi", 2}, {"mercredi", 3}, {"jeudi", 4}, {"vendredi", 5},
    {"samedi", 6}, {"dimanche", 7},
    {NULL, 0}};

static const word_map months[] = {
    {"januari", 1}, {"februari", 2}, {"maret", 3}, {"april", 4}, {"mei", 5}, {"juni", 6},
    {"juli", 7}, {"agustus", 8}, {"september", 9}, {"oktober", 10}, {"november", 11},
    {"desember", 12}, {"nopember", 11}, {"pebruari", 2},
    {"january", 1}, {"february", 2}, {"march", 3}, {"may", 5}, {"june", 6}, {"july", 7},
    {"august", 8}, {"october", 10}, {"december", 12},
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"agu", 8},
    {"aug", 8}, {"ags", 8}, {"sep", 9}, {"sept", 9}, {"okt", 10}, {"oct", 10}, {"nov", 11}, {"des", 12},
    {"dec", 12},
    {"januar", 1}, {"februar", 2}, {"m\xc3\xa4rz", 3}, {"mai", 5}, {"dezember", 12},
    {"janvier", 1}, {"f\xc3\xa9vrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"ao\xc3\xbbt", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"d\xc3\xa9" "cembre", 12},
    {NULL, 0}};

/* Powers of ten of scale words after a number. */
static const word_map scales[] = {
    {"ribu", 3}, {"rb", 3}, {"juta", 6}, {"jt", 6}, {"miliar", 9}, {"milyar", 9},
    {"triliun", 12},
    {"thousand", 3}, {"million", 6}, {"millions", 6}, {"billion", 9}, {"trillion", 12},
    {"tausend", 3}, {"millionen", 6}, {"mio", 6}, {"milliarde", 9}, {"milliarden", 9},
    {"mrd", 9},
    {"mille", 3}, {"milliard", 9}, {"milliards", 9},
    {NULL, 0}};

/* Words that stand for a unit key. */
static const struct {
    const char *word;
    const char *key;
} units[] = {
    {"persen", "%"}, {"percent", "%"}, {"prozent", "%"}, {"pct", "%"},
    {"rp", "cur:idr"}, {"rupiah", "cur:idr"}, {"idr", "cur:idr"},
    {"usd", "cur:usd"}, {"dollar", "cur:usd"}, {"dollars", "cur:usd"}, {"dolar", "cur:usd"},
    {"eur", "cur:eur"}, {"euro", "cur:eur"}, {"euros", "cur:eur"},
    {NULL, NULL}};

/* Value of w[0..len) in map, ASCII letters compared without case; 0 when absent. */
static int map_find(const word_map *map, const char *w, size_t len)
{
    if (len < 2 || len > 12)
        return 0;
    for (size_t i = 0; map[i].word != NULL; i++)
        if (sl_ascii_lower((unsigned char)map[i].word[0]) == sl_ascii_lower((unsigned char)w[0]) &&
            sl_ascii_ncaseeq(w, len, map[i].word))
            return map[i].value;
    return 0;
}

int sl_month_word(const char *w, size_t len)
{
    return map_find(months, w, len);
}

int sl_weekday_word(const char *w, size_t len)
{
    return map_find(weekdays, w, len);
}

int sl_scale_word(const char *w, size_t len)
{
    return map_find(scales, w, len);
}

const char *sl_unit_word(const char *w, size_t len)
{
    for (size_t u = 0; len <= 8 && units[u].word != NULL; u++)
        if (sl_ascii_ncaseeq(w, len, units[u].word))
            return units[u].key;
    return NULL;
}
