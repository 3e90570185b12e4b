/* Private header of the memory stage: translation units, the TMX reader and the writers
 * of TMX, TSV, JSONL and plain line-aligned files. */
#ifndef SELARAS_MEMORY_H
#define SELARAS_MEMORY_H

#include "../core/core.h"
#include "../segment/segment.h"

#define SL_NONE ((size_t)-1)

/* Grow a typed array through sl_grow(); rc receives 0 or -1. */
#define SL_GROW(rc, mem, ptr, cap, need)                                                \
    do {                                                                                \
        void *sl_grow_p_ = (ptr);                                                       \
        (rc) = sl_grow((mem), &sl_grow_p_, (cap), (need), sizeof *(ptr));               \
        (ptr) = sl_grow_p_;                                                             \
    } while (0)

typedef struct sl_variant {
    size_t lang;      /* offsets into unit->strings; each string is NUL-terminated */
    size_t text;
    size_t text_len;
} sl_variant;

typedef struct sl_prop {
    size_t owner;     /* SELARAS_UNIT_WHOLE or a variant index */
    size_t type;      /* SL_NONE for a note */
    size_t lang;      /* SL_NONE when absent */
    size_t value;
    size_t value_len;
} sl_prop;

typedef struct sl_attr {
    size_t owner;
    size_t name;
    size_t value;
} sl_attr;

struct selaras_unit {
    selaras_allocator mem;
    sl_buf strings;
    sl_variant *vars;
    size_t nvars, capvars;
    sl_prop *props;
    size_t nprops, capprops;
    sl_attr *attrs;
    size_t nattrs, capattrs;
};

/* Initialise a unit living inside another handle (mem must outlive it). */
void sl_unit_init(selaras_unit *u, const selaras_allocator *mem);
void sl_unit_release(selaras_unit *u);

/* Store a string (not validated) and return its offset, or SL_NONE on allocation failure. */
size_t sl_unit_store(selaras_unit *u, const char *s, size_t len);
/* Appenders that trust their input (the reader and the writer use them after checking). */
selaras_status sl_unit_push_variant(selaras_unit *u, const char *lang, size_t lang_len,
                                    const char *text, size_t len, selaras_error *err);
selaras_status sl_unit_push_prop(selaras_unit *u, size_t owner, const char *type,
                                 const char *lang, const char *value, size_t len,
                                 selaras_error *err);
selaras_status sl_unit_push_attr(selaras_unit *u, size_t owner, const char *name,
                                 const char *value, size_t len, selaras_error *err);
/* Store attribute name=value at slot (an existing index, replaced, or u->nattrs, added)
 * without looking for one of the same name: the reader's (XML has no repeats). */
selaras_status sl_unit_put_attr(selaras_unit *u, size_t slot, size_t owner, const char *name,
                                const char *value, size_t len, selaras_error *err);
/* Deep copy of src into dst (dst cleared first). */
selaras_status sl_unit_copy(selaras_unit *dst, const selaras_unit *src, selaras_error *err);

static inline const char *sl_unit_str(const selaras_unit *u, size_t off)
{
    return off == SL_NONE ? NULL : u->strings.data + off;
}

/* Index of the first variant whose primary subtag matches primary ("id"), or SL_NONE. */
size_t sl_unit_find_lang(const selaras_unit *u, const char *primary);
/* Primary subtag of a tag in out (4 bytes, lower case; "in" -> "id"); "" when malformed. */
void sl_primary_of(const char *tag, char out[4]);

/* Parse a locale-free decimal ("0.8312", "-1", "1e-3" not accepted); 1 on success. */
int sl_parse_decimal(const char *s, size_t len, double *out);
/* Append a score with 4 decimals, locale-free. */
int sl_buf_append_score(sl_buf *buf, double score);

/* 1 when s is an attribute name the unit API accepts. */
int sl_is_xml_name(const char *s);

/* ---- the writer ---- */

#define SL_COUNTERS 9

/* One output: bytes go through write(user). A path output writes to tmp (in the target's
 * folder) and renames it over path at close, or writes directly when path exists and is
 * not a regular file; a callback output (path NULL) has only the caller's function. */
typedef struct sl_out {
    char *path;
    char *tmp;      /* NULL when direct */
    int fd;
    int error;      /* errno of the last failed write to fd */
    selaras_write_fn write;
    void *user;
    sl_buf buf;     /* bytes not yet written */
    int lock_fd;    /* the lock file (lock.c), -1 when not held */
    char *lock_path;
} sl_out;

struct selaras_writer {
    selaras_allocator mem;
    selaras_format format;
    sl_out out[2];
    size_t nout;
    char src_tag[SL_LANG_TAG_MAX], tgt_tag[SL_LANG_TAG_MAX];
    char src_primary[4], tgt_primary[4];
    char adminlang[SL_LANG_TAG_MAX];
    char *tool, *tool_version;
    char stamp[17];            /* YYYYMMDDThhmmssZ */
    unsigned flags;
    double min_score;
    int has_min_score;
    double max_ratio;
    size_t min_length;
    char *doc_date;
    selaras_unit header;       /* header properties and notes */
    selaras_unit scratch;      /* the unit made from a bead */
    sl_buf join;               /* scratch for joined bead texts */
    int started, begun, closed, failed;
    int prepared;              /* the targets are locked and checked (lock.c) */
    double lock_timeout;       /* seconds to wait for another writer's lock */
    size_t counts[SL_COUNTERS];
    /* SELARAS_WRITER_DEDUPE (store.c): one entry per distinct unit, in the order of its
     * first occurrence, keyed by a 128-bit hash of its variants; the serialised bytes of
     * the best occurrence so far are in a spool file (no name, beside the target), so
     * memory grows with the number of distinct units, not their text */
    struct sl_kept {
        uint64_t h1, h2;
        double score;          /* -HUGE_VAL when the unit has no (well-formed) score */
        uint64_t off;          /* its bytes in the spool: len[0] for out[0], then len[1] */
        uint32_t len[2];
        uint32_t stripped;     /* SELARAS_COUNT_STRIPPED of its serialisation */
        uint32_t unpaired;
    } *kept;
    size_t nunits, capunits;
    size_t *table;
    size_t table_cap;
    int spool_open;            /* 0 until the first unit (a zeroed writer has no spool) */
    int spool_fd;
    uint64_t spool_len;        /* bytes written to it (and in spool_buf) */
    sl_buf spool_buf;          /* bytes not yet written to it */
    /* the header's properties and notes: a hash table of indices + 1 (store.c) */
    size_t *htable;
    size_t htable_cap, htable_n;
};

/* Serialisation (emit.c): the start of the output, one unit, the end. */
selaras_status sl_emit_begin(selaras_writer *w, selaras_error *err);
selaras_status sl_emit_unit(selaras_writer *w, const selaras_unit *u, selaras_error *err);
selaras_status sl_emit_end(selaras_writer *w, selaras_error *err);
/* Output files (outfile.c). */
selaras_status sl_out_open(selaras_writer *w, sl_out *o, const char *path, selaras_error *err);
void sl_out_open_callback(selaras_writer *w, sl_out *o, selaras_write_fn write, void *user);
selaras_status sl_out_commit(selaras_writer *w, sl_out *o, selaras_error *err);
void sl_out_discard(selaras_writer *w, sl_out *o);
/* Lock the targets, check them and remove stale temporary files (lock.c); *exists: a
 * regular file is at the (first) target. */
selaras_status sl_writer_lock_targets(selaras_writer *w, int *exists, selaras_error *err);
/* Release o's lock (removing its lock file); nothing when not held. */
void sl_out_unlock(selaras_writer *w, sl_out *o);
/* 1 when a and b name the same file (existing or not). */
int sl_out_same_file(selaras_writer *w, const sl_out *a, const sl_out *b);
/* 1 when the header already has entry i of h (the same type, language and value), 0 when
 * not, -1 when out of memory (store.c). */
int sl_header_has(selaras_writer *w, const selaras_unit *h, size_t i);
/* Keep u in the duplicate store, or merge it into its duplicate (store.c). */
selaras_status sl_store_unit(selaras_writer *w, const selaras_unit *u, selaras_error *err);
/* Write the kept units to the outputs in order (at close). */
selaras_status sl_store_emit(selaras_writer *w, selaras_error *err);
/* Free the store (entries, table, spool). */
void sl_store_release(selaras_writer *w);
/* Serialise u into the outputs' buffers without counting it or flushing; *unpaired is set
 * for a unit lacking a language of a text format (emit.c). 0 or -1 (out of memory). */
int sl_emit_unit_bytes(selaras_writer *w, const selaras_unit *u, int *unpaired);
/* Write out[i].buf to its file when it holds at least min bytes. */
selaras_status sl_out_flush(selaras_writer *w, size_t i, size_t min, selaras_error *err);

#endif
