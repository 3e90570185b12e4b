/**
 * @file selaras.h
 * @brief selaras: Indonesian and English press releases into a translation memory.
 *
 * The header follows the pipeline, and data flows one way:
 *
 *   1. Basics ......... version, status codes, the error struct, allocators
 *   2. Text intake .... selaras_doc: validated, normalised UTF-8 with an offset map
 *   3. Segmentation ... selaras_segmenter turns a document into selaras_segments
 *   4. Lexicons ....... selaras_lexicon: bilingual dictionaries, shared read-only
 *   5. Alignment ...... selaras_aligner turns two segment lists into a selaras_alignment
 *   6. Memory formats . TMX, TSV and JSONL writers and the TMX reader
 *
 * Conventions that hold for every function:
 *
 * - Text in is UTF-8 given as pointer + length; it need not be NUL-terminated.
 * - Functions that can fail return a ::selaras_status (::SELARAS_OK is 0) and take an
 *   optional `selaras_error *err` as their last argument; when it is not NULL it is filled
 *   on failure and left untouched on success.
 * - Ownership: selaras never hands out a raw allocation. What it returns is either a handle,
 *   released with the `selaras_X_free()` of its type (each accepts NULL), or a pointer
 *   borrowed from a handle, valid until that handle is freed or changed, or it is written
 *   into a buffer the caller provides.
 * - The library never prints, never exits, keeps no mutable global state and does not
 *   depend on the process locale. Distinct handles may be used on distinct threads at
 *   once; one handle is not to be used by two threads at once, except where a function
 *   says it only reads (a ::selaras_lexicon once loaded).
 * - Every allocation goes through the ::selaras_allocator given to the handle's
 *   constructor (NULL: the C library's malloc, realloc and free); results made from a
 *   handle use that handle's allocator.
 */
#ifndef SELARAS_H
#define SELARAS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(SELARAS_BUILDING_LIBRARY)
#define SELARAS_API __declspec(dllexport)
#elif defined(__GNUC__)
#define SELARAS_API __attribute__((visibility("default")))
#else
#define SELARAS_API
#endif

/* ===================================================================== */
/* 1. Basics                                                              */
/* ===================================================================== */

/** @name Version
 * The API version of this header. It moves with the package version; the shared
 * library's ABI version is separate (see configure.ac).
 * @{ */
#define SELARAS_VERSION_MAJOR 0
#define SELARAS_VERSION_MINOR 1
#define SELARAS_VERSION_PATCH 0
#define SELARAS_VERSION_STRING "0.1.0"
/** @} */

/** @return the version of the linked library as "MAJOR.MINOR.PATCH"; a static string. */
SELARAS_API const char *selaras_version(void);

/**
 * Status codes. 0 is success; new codes are only ever appended.
 */
typedef enum selaras_status {
    SELARAS_OK = 0,               /**< success */
    SELARAS_ERR_NOMEM = 1,        /**< an allocation failed */
    SELARAS_ERR_ARGUMENT = 2,     /**< a NULL or out-of-range argument */
    SELARAS_ERR_ENCODING = 3,     /**< input is not valid UTF-8 (or holds a NUL byte) */
    SELARAS_ERR_LANGUAGE = 4,     /**< a language tag is malformed or not supported */
    SELARAS_ERR_LIMIT = 5,        /**< input exceeds a documented size limit */
    SELARAS_ERR_IO = 6,           /**< a file could not be opened, read or written */
    SELARAS_ERR_SYNTAX = 7,       /**< a data file (abbreviations, dictionary, TMX) is malformed */
    SELARAS_ERR_UNICODE = 8,      /**< the Unicode library (ICU or utf8proc) failed */
    SELARAS_ERR_STATE = 9,        /**< a call came in the wrong order (e.g. write after close) */
    SELARAS_ERR_INTERNAL = 10     /**< a bug in selaras; please report it */
} selaras_status;

/** @return a static English description of @p status; never NULL. */
SELARAS_API const char *selaras_strerror(selaras_status status);

/** Value of ::selaras_error.offset when an error is not about a position in the input. */
#define SELARAS_NO_OFFSET ((size_t)-1)

/** Size of ::selaras_error.message, terminating NUL included. */
#define SELARAS_ERROR_MESSAGE_SIZE 256

/**
 * Details of a failure, filled by the function that failed. Caller-owned: declare one on
 * the stack and pass its address, or pass NULL to ignore details.
 */
typedef struct selaras_error {
    selaras_status status; /**< the status the function returned */
    size_t offset;  /**< 0-based byte offset in the input the error is about, or ::SELARAS_NO_OFFSET */
    size_t line;    /**< 1-based line of that offset (LF, CR or CRLF end a line); 0 when unknown */
    size_t column;  /**< 1-based column of that offset, counted in code points; 0 when unknown */
    char message[SELARAS_ERROR_MESSAGE_SIZE]; /**< what went wrong and where, NUL-terminated */
} selaras_error;

/**
 * A memory allocator. All three functions are required; @c user is passed back to each.
 * The allocator must stay valid for as long as any handle created with it. The struct is
 * copied by constructors.
 */
typedef struct selaras_allocator {
    void *(*malloc_fn)(size_t size, void *user);
    void *(*realloc_fn)(void *ptr, size_t size, void *user);
    void (*free_fn)(void *ptr, void *user);
    void *user;
} selaras_allocator;

/* ===================================================================== */
/* 2. Text intake                                                         */
/* ===================================================================== */

/**
 * A document: one release's text, validated and normalised, with its language and a map
 * from the normalised text back to byte offsets in the caller's original bytes.
 *
 * Intake steps, in order: a leading UTF-8 byte order mark is dropped; UTF-8 is validated
 * (the first bad byte fails the call, or with ::SELARAS_DOC_REPLACE_INVALID each maximal
 * ill-formed subsequence becomes U+FFFD); CRLF and CR become LF, and U+0085, U+2028 and
 * U+2029 become LF; the text is put in Unicode NFC. A run of characters that combine
 * with each other longer than 32 code points (in canonical decomposition) is cut, and a
 * U+034F COMBINING GRAPHEME JOINER is put at each cut, as in the Stream-Safe Text Format of
 * Unicode Standard Annex #15: this keeps intake linear on piles of combining marks, and
 * intake of a document's own text changes nothing.
 */
typedef struct selaras_doc selaras_doc;

/** Flags for selaras_doc_new(). */
enum selaras_doc_flag {
    /** Replace ill-formed UTF-8 and NUL bytes with U+FFFD instead of failing. */
    SELARAS_DOC_REPLACE_INVALID = 1u << 0
};

/** Largest input selaras_doc_new() accepts, in bytes (1 GiB); larger fails with ::SELARAS_ERR_LIMIT. */
#define SELARAS_DOC_MAX_BYTES ((size_t)1 << 30)

/**
 * Create a document from UTF-8 bytes.
 *
 * @param[out] out    receives the new document; set to NULL on failure. Free with selaras_doc_free().
 * @param[in]  bytes  the text; may be NULL only when @p len is 0. Not retained.
 * @param[in]  len    length of @p bytes in bytes.
 * @param[in]  lang   a language tag: "id", "en", "id-ID", "en_US", "de"…; the primary
 *                    subtag is 2 or 3 ASCII letters ("in" is read as "id"). The tag is kept
 *                    in canonical form ("id-ID").
 * @param[in]  flags  a bitwise OR of ::selaras_doc_flag values, or 0.
 * @param[in]  mem    allocator, or NULL for malloc/realloc/free.
 * @param[out] err    optional error details. On ::SELARAS_ERR_ENCODING, @c offset is the
 *                    0-based byte offset of the first bad byte in @p bytes.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE,
 *         ::SELARAS_ERR_ENCODING, ::SELARAS_ERR_LIMIT, ::SELARAS_ERR_UNICODE or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_doc_new(selaras_doc **out, const char *bytes, size_t len,
                                           const char *lang, unsigned flags,
                                           const selaras_allocator *mem, selaras_error *err);

/** Free a document; NULL is accepted. */
SELARAS_API void selaras_doc_free(selaras_doc *doc);

/**
 * The normalised text.
 * @param[in]  doc  the document.
 * @param[out] len  optional; receives the length in bytes.
 * @return the text, NUL-terminated (it holds no other NUL), borrowed from @p doc.
 */
SELARAS_API const char *selaras_doc_text(const selaras_doc *doc, size_t *len);

/** @return the canonical language tag ("id", "en-US"…), borrowed from @p doc. */
SELARAS_API const char *selaras_doc_lang(const selaras_doc *doc);

/** @return the length in bytes of the original input the document was made from. */
SELARAS_API size_t selaras_doc_original_length(const selaras_doc *doc);

/** @return how many ill-formed sequences were replaced with U+FFFD (0 without the flag). */
SELARAS_API size_t selaras_doc_replacements(const selaras_doc *doc);

/**
 * Map a byte offset in the normalised text to the original input.
 * An offset inside a character that normalisation changed maps to the start of the
 * original bytes it came from; the end of the text maps to the end of the input.
 * @param[in] offset  0 ≤ offset ≤ normalised length; larger values are clamped.
 */
SELARAS_API size_t selaras_doc_to_original(const selaras_doc *doc, size_t offset);

/**
 * Map a byte offset in the original input to the normalised text. An offset inside
 * bytes that normalisation changed (or dropped, like a BOM) maps to where their
 * replacement starts. Values past the input's end are clamped.
 */
SELARAS_API size_t selaras_doc_to_normalized(const selaras_doc *doc, size_t offset);

/**
 * Give the document a name (a file name, a URL): it is carried into memory files.
 * @param[in] name NUL-terminated UTF-8, copied; NULL clears it.
 * @return ::SELARAS_OK or ::SELARAS_ERR_NOMEM (the old name is kept on failure).
 */
SELARAS_API selaras_status selaras_doc_set_name(selaras_doc *doc, const char *name);

/** @return the name given with selaras_doc_set_name(), or NULL; borrowed. */
SELARAS_API const char *selaras_doc_name(const selaras_doc *doc);

/* ===================================================================== */
/* 3. Segmentation                                                        */
/* ===================================================================== */

/** What a segment is. */
typedef enum selaras_segment_kind {
    SELARAS_SEGMENT_SENTENCE = 0,   /**< a sentence of running text */
    SELARAS_SEGMENT_TITLE = 1,      /**< a headline, heading or tag line: content to translate */
    SELARAS_SEGMENT_BOILERPLATE = 2 /**< letterhead, date line, byline, caption, credits, sign-off… */
} selaras_segment_kind;

/** @return "sentence", "title" or "boilerplate" (static), or NULL for other values. */
SELARAS_API const char *selaras_segment_kind_name(selaras_segment_kind kind);

/**
 * An ordered list of segments of one document. Made by selaras_segment(), from the lines of
 * a document with selaras_segments_from_lines(), or filled by the caller with
 * selaras_segments_append(). Each segment keeps its own copy of its text.
 */
typedef struct selaras_segments selaras_segments;

/**
 * Most segments one list holds: 2^24 (16,777,216). A call that would add more (making,
 * appending to or splitting into a list) fails with ::SELARAS_ERR_LIMIT. A segment is at
 * most its whole document, so the longest segment is ::SELARAS_DOC_MAX_BYTES.
 */
#define SELARAS_SEGMENTS_MAX_COUNT ((size_t)1 << 24)

/**
 * Create an empty list, to be filled with selaras_segments_append() (pre-split sentences).
 * @param[out] out   the new list; free with selaras_segments_free().
 * @param[in]  lang  language tag, as for selaras_doc_new().
 * @param[in]  mem   allocator, or NULL.
 */
SELARAS_API selaras_status selaras_segments_new(selaras_segments **out, const char *lang,
                                                const selaras_allocator *mem,
                                                selaras_error *err);

/**
 * Append a segment. Its text must be valid UTF-8 (it is copied, not normalised). Its start
 * and end are counted as if all appended texts were joined by one LF, and its paragraph
 * number is its index.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ENCODING (offset: the bad byte in @p text),
 *         ::SELARAS_ERR_ARGUMENT (unknown kind), ::SELARAS_ERR_LIMIT (the list holds
 *         ::SELARAS_SEGMENTS_MAX_COUNT segments, or the texts joined exceed
 *         ::SELARAS_DOC_MAX_BYTES) or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_segments_append(selaras_segments *segs, const char *text,
                                                   size_t len, selaras_segment_kind kind,
                                                   selaras_error *err);

/**
 * One segment per line of @p doc (lines end at LF; a final LF does not start another
 * line), every line counted, empty ones included, so that segment i is line i. Each is a
 * ::SELARAS_SEGMENT_SENTENCE whose paragraph number is its line index; start and end point
 * into the document's original input, text is the line trimmed of surrounding white space.
 * The list takes the document's language, name and allocator. A document of more than
 * ::SELARAS_SEGMENTS_MAX_COUNT lines fails with ::SELARAS_ERR_LIMIT before anything is
 * allocated.
 */
SELARAS_API selaras_status selaras_segments_from_lines(selaras_segments **out,
                                                       const selaras_doc *doc,
                                                       selaras_error *err);

/** Free a list; NULL is accepted. */
SELARAS_API void selaras_segments_free(selaras_segments *segs);

/** @return the number of segments. */
SELARAS_API size_t selaras_segments_count(const selaras_segments *segs);

/** @return the canonical language tag of the list; borrowed. */
SELARAS_API const char *selaras_segments_lang(const selaras_segments *segs);

/** @return the name of the document the list came from, or NULL; borrowed. */
SELARAS_API const char *selaras_segments_name(const selaras_segments *segs);

/**
 * Text of segment @p i (i < count): trimmed of surrounding white space, NUL-terminated,
 * borrowed from @p segs. @p len, if not NULL, receives its length in bytes.
 */
SELARAS_API const char *selaras_segments_text(const selaras_segments *segs, size_t i,
                                              size_t *len);

/** @return the 0-based byte offset in the original input where segment @p i starts. */
SELARAS_API size_t selaras_segments_start(const selaras_segments *segs, size_t i);

/** @return the byte offset in the original input just past the end of segment @p i. */
SELARAS_API size_t selaras_segments_end(const selaras_segments *segs, size_t i);

/** @return the kind of segment @p i. */
SELARAS_API selaras_segment_kind selaras_segments_kind(const selaras_segments *segs, size_t i);

/** @return the 0-based paragraph number of segment @p i. */
SELARAS_API size_t selaras_segments_paragraph(const selaras_segments *segs, size_t i);

/* ===================================================================== */
/* 4. Lexicons                                                            */
/* ===================================================================== */

/**
 * A bilingual lexicon for one language pair, source -> target: pairs of words or short
 * phrases, each side stemmed (Snowball) and case-folded when added, for the aligner to
 * look up. Fill it with selaras_lexicon_load(), selaras_lexicon_load_default(),
 * selaras_lexicon_load_freedict() or selaras_lexicon_add().
 *
 * Threads: loading and adding change the lexicon and must not run while another thread
 * uses it. Once loaded, a lexicon is only read: any number of aligners on any number of
 * threads may share it, as long as it outlives them and nobody adds to it meanwhile.
 */
typedef struct selaras_lexicon selaras_lexicon;

/** Dictionary file formats for selaras_lexicon_load(). */
typedef enum selaras_dict_format {
    /** Guess: a name ending in `.index`, `.dict` or `.dict.dz` is FreeDict; otherwise a
     *  file whose first entry line holds " @ " is hunalign, one holding a TAB is TSV. */
    SELARAS_DICT_AUTO = 0,
    /** One pair a line: `source<TAB>target`. Lines that are empty or start with `#` are
     *  skipped. Each side is a word or a phrase; entries with a side of more than 8 words
     *  are skipped (in every format). */
    SELARAS_DICT_TSV = 1,
    /** hunalign's format, one pair a line: `target @ source` (the target-language
     *  phrase comes first, as in hunalign's own dictionaries). */
    SELARAS_DICT_HUNALIGN = 2,
    /** A dictd dictionary as Debian's FreeDict packages install it: `NAME.index` and
     *  `NAME.dict.dz` (or `NAME.dict`); the path may name either file or NAME itself.
     *  A name `freedict-XXX-YYY` gives the languages (ISO 639-3), and the dictionary is
     *  used in whichever direction the lexicon needs; with any other name headwords are
     *  read as the source language. */
    SELARAS_DICT_FREEDICT = 3
} selaras_dict_format;

/** Largest dictionary file selaras_lexicon_load() reads (256 MiB); larger: ::SELARAS_ERR_LIMIT. */
#define SELARAS_DICT_MAX_BYTES ((size_t)1 << 28)

/**
 * Create an empty lexicon.
 * @param[out] out       receives the lexicon, NULL on failure; free with selaras_lexicon_free().
 * @param[in]  src_lang  source language tag ("id"); its primary subtag picks the stemmer.
 * @param[in]  tgt_lang  target language tag ("en").
 * @param[in]  mem       allocator, or NULL. (Snowball's own small work buffers come from
 *                       the C library's malloc: libstemmer has no allocator hook.)
 * @param[out] err       optional error details.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE or ::SELARAS_ERR_NOMEM.
 *         A language without a Snowball stemmer is accepted; its words are only case-folded.
 */
SELARAS_API selaras_status selaras_lexicon_new(selaras_lexicon **out, const char *src_lang,
                                               const char *tgt_lang,
                                               const selaras_allocator *mem,
                                               selaras_error *err);

/** Free a lexicon; NULL is accepted. No aligner may still be using it. */
SELARAS_API void selaras_lexicon_free(selaras_lexicon *lex);

/**
 * Add the pairs of a dictionary file.
 * @param[in] lex     the lexicon.
 * @param[in] path    NUL-terminated file name.
 * @param[in] format  a ::selaras_dict_format.
 * @param[out] err    optional. On ::SELARAS_ERR_SYNTAX and ::SELARAS_ERR_ENCODING, @c line
 *                    and @c column locate the malformed entry and @c offset is its byte
 *                    offset in the file (for FreeDict: in the `.index` file; a corrupt
 *                    `.dict.dz` has no position).
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_IO, ::SELARAS_ERR_SYNTAX,
 *         ::SELARAS_ERR_ENCODING, ::SELARAS_ERR_LANGUAGE (a FreeDict file of another language
 *         pair), ::SELARAS_ERR_LIMIT or ::SELARAS_ERR_NOMEM. On failure the lexicon keeps
 *         the pairs it had before the call.
 */
SELARAS_API selaras_status selaras_lexicon_load(selaras_lexicon *lex, const char *path,
                                                selaras_dict_format format,
                                                selaras_error *err);

/**
 * Add the FreeDict dictionary of the lexicon's language pair from directory @p dir: it
 * tries `freedict-SRC-TGT` then `freedict-TGT-SRC` (ISO 639-3 codes: eng-ind serves both
 * id->en and en->id, deu-fra serves de->fr).
 * @return as selaras_lexicon_load(); ::SELARAS_ERR_IO when neither is there, with a
 *         message naming the Debian package to install (dict-freedict-eng-ind…).
 */
SELARAS_API selaras_status selaras_lexicon_load_freedict(selaras_lexicon *lex, const char *dir,
                                                         selaras_error *err);

/** selaras_lexicon_load_freedict() on Debian's `/usr/share/dictd`. */
SELARAS_API selaras_status selaras_lexicon_load_default(selaras_lexicon *lex,
                                                        selaras_error *err);

/**
 * Add one pair: a source word or phrase and its target translation (UTF-8, any case;
 * each up to 8 words). A side with no words or numbers adds nothing.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_ENCODING (either side
 *         ill-formed or holding a NUL byte, the source checked first; the offset is into
 *         the bad side, which the message names), ::SELARAS_ERR_LIMIT or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_lexicon_add(selaras_lexicon *lex, const char *src,
                                               size_t src_len, const char *tgt,
                                               size_t tgt_len, selaras_error *err);

/** @return the number of distinct (source, target) pairs after stemming. */
SELARAS_API size_t selaras_lexicon_size(const selaras_lexicon *lex);

/* ===================================================================== */
/* 5. Alignment                                                           */
/* ===================================================================== */

/* ===================================================================== */
/* 6. Memory formats                                                      */
/* ===================================================================== */

#ifdef __cplusplus
}
#endif

#endif /* SELARAS_H */
