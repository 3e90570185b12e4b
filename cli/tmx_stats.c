/* selaras tmx stats: describe a memory, as text or as one JSON object. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "progress.h"

typedef struct tally {
    char *key;
    size_t count;
} tally;

typedef struct tallies {
    tally *items;
    size_t n, cap;
    size_t *index; /* a hash table of item indices + 1, so that counting stays linear */
    size_t icap;
} tallies;

static size_t key_hash(const char *key)
{
    size_t h = 2166136261u;
    for (; *key != '\0'; key++)
        h = (h ^ (unsigned char)*key) * 16777619u;
    return h;
}

static int tally_add(tallies *t, const char *key)
{
    if ((t->n + 1) * 2 > t->icap) {
        size_t icap = t->icap ? t->icap * 2 : 64;
        size_t *index = calloc(icap, sizeof *index);
        if (index == NULL)
            return -1;
        for (size_t i = 0; i < t->n; i++) {
            size_t slot = key_hash(t->items[i].key) & (icap - 1);
            while (index[slot] != 0)
                slot = (slot + 1) & (icap - 1);
            index[slot] = i + 1;
        }
        free(t->index);
        t->index = index;
        t->icap = icap;
    }
    size_t slot = key_hash(key) & (t->icap - 1);
    for (; t->index[slot] != 0; slot = (slot + 1) & (t->icap - 1))
        if (strcmp(t->items[t->index[slot] - 1].key, key) == 0) {
            t->items[t->index[slot] - 1].count++;
            return 0;
        }
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        tally *grown = realloc(t->items, cap * sizeof *grown);
        if (grown == NULL)
            return -1;
        t->items = grown;
        t->cap = cap;
    }
    if ((t->items[t->n].key = strdup(key)) == NULL)
        return -1;
    t->items[t->n++].count = 1;
    t->index[slot] = t->n;
    return 0;
}

static void tally_free(tallies *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->items[i].key);
    free(t->items);
    free(t->index);
}

/* What a memory holds. */
typedef struct stats {
    tallies langs, props, beads;
    size_t units, notes, scored, hist[12]; /* hist: < 0, ten tenths, >= 1 */
} stats;

/* The label of histogram bin b. */
static const char *bin_label(int b, char buf[16])
{
    if (b == 0)
        return "< 0";
    if (b == 11)
        return ">= 1";
    if (b == 10)
        return "0.9 - 1.0";
    snprintf(buf, 16, "0.%d - 0.%d", b - 1, b);
    return buf;
}

static void print_text(const stats *s, const char *path, selaras_tmx_reader *r,
                       const char *tool, const char *date)
{
    printf("file:          %s\n", cli_display_name(path));
    printf("version:       %s\n", selaras_tmx_reader_version(r));
    printf("srclang:       %s\n", selaras_tmx_reader_srclang(r));
    printf("creationtool:  %s\n", tool ? tool : "-");
    printf("creationdate:  %s\n", date ? date : "-");
    printf("units:         %zu\n", s->units);
    printf("notes:         %zu\n", s->notes);
    const char *titles[] = {"variants by language", "properties by type", "beads (x-bead)"};
    const tallies *t[] = {&s->langs, &s->props, &s->beads};
    for (int k = 0; k < 3; k++) {
        printf("%s:\n", titles[k]);
        if (t[k]->n == 0)
            printf("  (none)\n");
        for (size_t i = 0; i < t[k]->n; i++)
            printf("  %-24s %zu\n", t[k]->items[i].key, t[k]->items[i].count);
    }
    printf("scores (x-score): %zu of %zu units\n", s->scored, s->units);
    char buf[16];
    for (int b = 0; s->scored > 0 && b < 12; b++)
        printf("  %-24s %zu\n", bin_label(b, buf), s->hist[b]);
}

static void json_key(const char *key)
{
    cli_json_string(stdout, key, strlen(key));
    fputs(": ", stdout);
}

static void json_opt(const char *key, const char *value, const char *after)
{
    json_key(key);
    if (value == NULL)
        fputs("null", stdout);
    else
        cli_json_string(stdout, value, strlen(value));
    fputs(after, stdout);
}

static void json_tallies(const char *key, const tallies *t)
{
    json_key(key);
    fputc('{', stdout);
    for (size_t i = 0; i < t->n; i++) {
        fputs(i ? ", " : "", stdout);
        json_key(t->items[i].key);
        printf("%zu", t->items[i].count);
    }
    fputs("}, ", stdout);
}

/* One object: {"file": …, "version": …, "units": 2, "variants": {"id": 2}, …,
 * "scores": {"scored": 1, "histogram": {"< 0": 0, "0.0 - 0.1": 0, …, ">= 1": 0}}}. */
static void print_json(const stats *s, const char *path, selaras_tmx_reader *r,
                       const char *tool, const char *date)
{
    fputc('{', stdout);
    json_opt("file", cli_display_name(path), ", ");
    json_opt("version", selaras_tmx_reader_version(r), ", ");
    json_opt("srclang", selaras_tmx_reader_srclang(r), ", ");
    json_opt("creationtool", tool, ", ");
    json_opt("creationdate", date, ", ");
    printf("\"units\": %zu, \"notes\": %zu, ", s->units, s->notes);
    json_tallies("variants", &s->langs);
    json_tallies("properties", &s->props);
    json_tallies("beads", &s->beads);
    printf("\"scores\": {\"scored\": %zu, \"histogram\": {", s->scored);
    char buf[16];
    for (int b = 0; b < 12; b++) {
        fputs(b ? ", " : "", stdout);
        json_key(bin_label(b, buf));
        printf("%zu", s->hist[b]);
    }
    fputs("}}}\n", stdout);
}

/* Read every unit of r into s; returns -1 when out of memory, else 0 (st set). */
static int gather(selaras_tmx_reader *r, stats *s, selaras_status *st, selaras_error *err)
{
    const selaras_unit *u;
    int oom = 0;
    while (!oom && (*st = selaras_tmx_reader_next(r, &u, err)) == SELARAS_OK && u != NULL) {
        if (++s->units % 4096 == 0)
            cli_progress_count(s->units);
        for (size_t i = 0; i < selaras_unit_variant_count(u); i++)
            oom |= tally_add(&s->langs, selaras_unit_variant_lang(u, i));
        for (size_t i = 0; i < selaras_unit_prop_count(u); i++) {
            const char *type = selaras_unit_prop_type(u, i);
            if (type == NULL)
                s->notes++;
            else
                oom |= tally_add(&s->props, type);
        }
        const char *bead = selaras_unit_prop(u, "x-bead");
        if (bead != NULL)
            oom |= tally_add(&s->beads, bead);
        double score;
        if (selaras_unit_score(u, &score)) {
            s->scored++;
            s->hist[score < 0 ? 0 : score >= 1 ? 11 : 1 + (int)(score * 10)]++;
        }
    }
    return oom ? -1 : 0;
}

int cli_tmx_stats(int argc, char **argv, void (*usage)(FILE *out))
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int json = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "json") == 0 || strcmp(optarg, "text") == 0) {
                json = optarg[0] == 'j';
                break;
            }
            return cli_usage_error(usage, "tmx stats", "unknown format '%s' (text or json)",
                                   optarg);
        case 'h': usage(stdout); return CLI_OK;
        default: return cli_bad_option(usage, "tmx stats");
        }
    }
    if (argc - optind != 1)
        return cli_operand_count(usage, "tmx stats", argv + optind, argc - optind, 1, 1,
                                 "one FILE.tmx");
    const char *path = argv[optind], *file;
    cli_spool spool;
    int rc = cli_input_path(path, &spool, &file);
    if (rc != CLI_OK)
        return rc;
    selaras_tmx_reader *r;
    selaras_error err;
    selaras_status st = selaras_tmx_reader_new(&r, file, 0, NULL, &err);
    cli_spool_remove(&spool); /* the reader keeps the file open */
    if (st != SELARAS_OK)
        return cli_report_file(path, CLI_IO_READ, &err);
    stats s;
    memset(&s, 0, sizeof s);
    cli_progress_start("tmx stats", 0, "unit", "units");
    if (gather(r, &s, &st, &err) != 0) {
        cli_error("%s: out of memory", cli_display_name(path));
        rc = CLI_INPUT;
    } else if (st != SELARAS_OK) {
        cli_report(path, &err);
        rc = CLI_INPUT;
    } else {
        cli_progress_count(s.units);
        const selaras_unit *h = selaras_tmx_reader_header(r);
        const char *tool = selaras_unit_attr(h, SELARAS_UNIT_WHOLE, "creationtool");
        const char *date = selaras_unit_attr(h, SELARAS_UNIT_WHOLE, "creationdate");
        (json ? print_json : print_text)(&s, path, r, tool, date);
    }
    cli_progress_done();
    tally_free(&s.langs);
    tally_free(&s.props);
    tally_free(&s.beads);
    selaras_tmx_reader_free(r);
    return rc;
}
