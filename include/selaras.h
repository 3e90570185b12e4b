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
 *   7. Collections .... parallelness of two documents; pairing the files of two folders
 *   8. Evaluation ..... alignment scores against gold beads, segmentation boundary F1
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
 *   handle use that handle's allocator. The exceptions are the third-party libraries'
 *   own allocations, which use their own allocators: libxml2's inside a
 *   ::selaras_tmx_reader, libstemmer's inside a ::selaras_lexicon, ICU's and utf8proc's
 *   internal data.
 * - Functions that only return a value or a borrowed pointer (accessors) need a non-NULL
 *   handle unless their documentation says what they return for NULL.
 */
#ifndef SELARAS_H
#define SELARAS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* SELARAS_API marks exported functions. A program or binding that parses this header
 * (cffi, a foreign-function generator) may define it first, empty. */
#ifndef SELARAS_API
#if defined(_WIN32) && defined(SELARAS_BUILDING_LIBRARY)
#define SELARAS_API __declspec(dllexport)
#elif defined(__GNUC__)
#define SELARAS_API __attribute__((visibility("default")))
#else
#define SELARAS_API
#endif
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
    SELARAS_ERR_INTERNAL = 10,    /**< a bug in selaras; please report it */
    SELARAS_ERR_NOT_PARALLEL = 11, /**< two documents do not look like translations of each other */
    SELARAS_ERR_LOCKED = 12       /**< another writer held a memory's lock past the timeout */
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

/**
 * A whole file in memory: mapped when it is a regular file of 1 MiB or more, else read
 * once into a buffer of its size; standard input is read as it comes. Every loader of
 * the library (documents, abbreviation lists, dictionaries) reads files this way.
 *
 * The data is the file's bytes as they are, followed by a NUL byte (the file may hold
 * others). A mapped file must not be shortened by another process while it is held. A
 * file does not change once read; several threads may read its data at once.
 */
typedef struct selaras_file selaras_file;

/**
 * Read a whole file.
 * @param[out] out        receives the file (NULL on failure); free with selaras_file_free().
 * @param[in]  path       its name, NUL-terminated; "-" reads standard input to its end.
 * @param[in]  max_bytes  largest size accepted (0: ::SELARAS_DOC_MAX_BYTES).
 * @param[in]  mem        allocator, or NULL.
 * @param[out] err        optional error details; the message names the file and the reason.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_IO (cannot be opened or read,
 *         or a directory), ::SELARAS_ERR_LIMIT (larger than @p max_bytes) or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_file_read(selaras_file **out, const char *path,
                                             size_t max_bytes, const selaras_allocator *mem,
                                             selaras_error *err);

/** @return the bytes of @p file, NUL-terminated, borrowed; @p len (optional) their number. */
SELARAS_API const char *selaras_file_data(const selaras_file *file, size_t *len);

/** Release a file; NULL is accepted. A document made from it may keep its data alive. */
SELARAS_API void selaras_file_free(selaras_file *file);

/* ===================================================================== */
/* 2. Text intake                                                         */
/* ===================================================================== */

/**
 * A document: one release's text, validated and normalised, with its language and a map
 * from the normalised text back to byte offsets in the caller's original bytes.
 *
 * Intake steps, in order: a leading UTF-8 byte order mark is dropped; UTF-8 is validated
 * (the first bad byte fails the call, or with ::SELARAS_DOC_REPLACE_INVALID each maximal
 * ill-formed subsequence becomes U+FFFD); CRLF and CR become LF, U+0085 and U+2028 become
 * LF and U+2029 (paragraph separator) a blank line; the text is put in Unicode NFC. A run of characters that combine
 * with each other longer than 32 code points (in canonical decomposition) is cut, and a
 * U+034F COMBINING GRAPHEME JOINER is put at each cut, as in the Stream-Safe Text Format of
 * Unicode Standard Annex #15: this keeps intake linear on piles of combining marks, and
 * intake of a document's own text changes nothing.
 *
 * A document does not change after selaras_doc_new() except through
 * selaras_doc_set_name(); all other functions taking a `const selaras_doc *` only read it
 * and may be called from several threads at once. The accessors need a non-NULL @p doc.
 */
typedef struct selaras_doc selaras_doc;

/** Flags for selaras_doc_new(). */
enum selaras_doc_flag {
    /** Replace ill-formed UTF-8 and NUL bytes with U+FFFD instead of failing. */
    SELARAS_DOC_REPLACE_INVALID = 1u << 0,
    /** The bytes are an HTML page: the document is its main text (see selaras_doc_new_encoded()). */
    SELARAS_DOC_HTML = 1u << 1,
    /** Read the bytes as HTML when selaras_looks_like_html() says so, as text otherwise. */
    SELARAS_DOC_DETECT_HTML = 1u << 2
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

/**
 * Create a document from a file read with selaras_file_read(), as selaras_doc_new() from
 * its bytes, with the file's allocator. When the file is already in the form intake
 * produces (valid UTF-8 without a byte order mark, NUL, CR, U+0085, U+2028 or U+2029,
 * and in NFC: a quick check tells), the document keeps the file's bytes as its text
 * instead of a copy; otherwise the file is released once the text is made.
 *
 * @param[in] file  the file; the call takes it over, on failure too (do not free it).
 * @return as selaras_doc_new() (::SELARAS_ERR_ARGUMENT when @p file is NULL).
 */
SELARAS_API selaras_status selaras_doc_new_from_file(selaras_doc **out, selaras_file *file,
                                                     const char *lang, unsigned flags,
                                                     selaras_error *err);

/**
 * Create a document from bytes in any encoding, or from an HTML page.
 *
 * Encoding: @p encoding is any name ICU's converters know ("windows-1252", "ISO-8859-15",
 * "UTF-16LE"…); NULL detects it. Detection reads a byte order mark first (UTF-8, UTF-16LE,
 * UTF-16BE); text without one must be UTF-8, and when it is not the error message names
 * the encoding it looks like (see selaras_encoding_guess()). An HTML page without a BOM is
 * UTF-8 when its bytes are valid UTF-8 (whatever its meta says), else the charset of its
 * <meta charset> or <meta http-equiv="Content-Type">, else windows-1252 (the web's default).
 * A byte that is invalid in the encoding fails the call with its offset, or becomes U+FFFD
 * with ::SELARAS_DOC_REPLACE_INVALID (counted by selaras_doc_replacements()).
 *
 * HTML (::SELARAS_DOC_HTML, or ::SELARAS_DOC_DETECT_HTML and the bytes look like a page):
 * the page is parsed with libxml2's HTML parser, which recovers from broken markup, reads
 * nothing from the network and knows no entities beyond HTML's own. The document is the
 * page's main text: one block per paragraph, heading, list item, cell or run between two
 * <br>, blocks separated by a blank line. Scripts, styles, navigation, headers, footers,
 * asides, forms, hidden elements, menus, share bars and lists of other articles are left
 * out; the headline (the <h1>, else the <title>) is a ::SELARAS_BLOCK_TITLE, captions,
 * bylines, "Baca juga:"/"Read also:" lines and sign-offs are ::SELARAS_BLOCK_BOILERPLATE
 * (see selaras_doc_block()), and the segmenter gives their segments those kinds. A page
 * without content gives an empty document, not an error. Elements nested deeper than 256
 * levels count as their ancestor at that depth.
 *
 * In every case the offset map points into the caller's @p bytes: selaras_doc_to_original()
 * of any offset (and so every segment's start and end) is a byte offset of the original
 * HTML or legacy-encoded input.
 *
 * @param[in] encoding  an encoding name, or NULL to detect it.
 * @param[in] flags     ::selaras_doc_flag values.
 * Other parameters and errors as for selaras_doc_new(); an unknown encoding name is
 * ::SELARAS_ERR_ARGUMENT, and ::SELARAS_ERR_ENCODING's @c offset is in @p bytes.
 */
SELARAS_API selaras_status selaras_doc_new_encoded(selaras_doc **out, const char *bytes,
                                                   size_t len, const char *lang,
                                                   const char *encoding, unsigned flags,
                                                   const selaras_allocator *mem,
                                                   selaras_error *err);

/**
 * 1 when @p bytes look like an HTML page: after an optional BOM, white space and comments,
 * they start with "<!DOCTYPE html" or "<html" (any case); 0 otherwise.
 */
SELARAS_API int selaras_looks_like_html(const char *bytes, size_t len);

/**
 * Guess the encoding of bytes that are not UTF-8, from the first 64 KiB: "UTF-16LE" or
 * "UTF-16BE" for text with NUL bytes on one side, "windows-1252" (which reads ISO-8859-1
 * too) for other bytes that are not UTF-8; nothing for valid UTF-8.
 * @param[out] name  receives the name, NUL-terminated and cut to @p size - 1 bytes; may be
 *                   NULL when @p size is 0.
 * @return the length of the full name, or 0 when there is no guess. Allocates nothing of
 *         its own; safe from any thread.
 */
SELARAS_API size_t selaras_encoding_guess(const char *bytes, size_t len, char *name,
                                          size_t size);

/** What a block of an HTML page's main text is (the values of ::selaras_segment_kind). */
typedef enum selaras_block_kind {
    SELARAS_BLOCK_CONTENT = 0,    /**< running text */
    SELARAS_BLOCK_TITLE = 1,      /**< the headline or a heading */
    SELARAS_BLOCK_BOILERPLATE = 2 /**< a caption, byline, "Baca juga:" line or sign-off */
} selaras_block_kind;

/** @return the number of blocks of a document made from HTML (0 for text). */
SELARAS_API size_t selaras_doc_block_count(const selaras_doc *doc);

/**
 * Block @p i (i < selaras_doc_block_count()) of a document made from HTML.
 * @param[out] start, end  optional; receive its start and end in the normalised text.
 * @return its kind.
 */
SELARAS_API selaras_block_kind selaras_doc_block(const selaras_doc *doc, size_t i,
                                                 size_t *start, size_t *end);

/** @return "content", "title" or "boilerplate" (static), or NULL for other values. */
SELARAS_API const char *selaras_block_kind_name(selaras_block_kind kind);

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
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT (@p doc is NULL) or ::SELARAS_ERR_NOMEM
 *         (the old name is kept on failure). There is no error struct: the status says
 *         all.
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
 * selaras_segments_append(). A list made by selaras_segment() holds a reference to its
 * document's text, and its segments are spans of it: the list stays valid after the
 * document is freed. Every function taking a `const selaras_segments *` may be called
 * from several threads at once.
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
 * Name a list (a file name, a URL), as selaras_doc_set_name() names a document, for a list
 * filled with selaras_segments_append(): the name is carried into memory files.
 * @param[in] name NUL-terminated UTF-8, copied; NULL clears it.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT (@p segs is NULL) or ::SELARAS_ERR_NOMEM
 *         (the old name is kept on failure).
 */
SELARAS_API selaras_status selaras_segments_set_name(selaras_segments *segs, const char *name);

/**
 * The release date of the document a list came from, as the segmenter finds it: a date
 * line among the boilerplate before the third sentence ("Jakarta, 27 Januari 2026",
 * "January 27, 2026", "2026-01-27"; month names of Indonesian, English, German and
 * French, in full or abbreviated, in any case), or a date in a dateline opening the first
 * sentence ("JAKARTA, 27 Januari 2026 - …"). Dates of digits only with a slash
 * ("27/1/2026") are not read: day and month order are unknown. Allocates nothing.
 * @param[out] buf at least 11 bytes: receives "YYYY-MM-DD" and a NUL, or "" when no date
 *                 is found.
 * @return 1 when a date was found, 0 otherwise (also for a NULL argument).
 */
SELARAS_API int selaras_segments_date(const selaras_segments *segs, char *buf);

/**
 * Text of segment @p i (i < count): trimmed of surrounding white space, NUL-terminated,
 * borrowed from @p segs. @p len, if not NULL, receives its length in bytes.
 */
SELARAS_API const char *selaras_segments_text(const selaras_segments *segs, size_t i,
                                              size_t *len);

/**
 * Segment @p i (i < count) where it stands in its document's normalised text
 * (selaras_doc_text()), borrowed from @p segs and not NUL-terminated: the same bytes as
 * selaras_segments_text() except that a sentence wrapped over lines keeps its line breaks
 * (LF) where the text reads a space. Reading spans copies nothing, where the first
 * selaras_segments_text() call of a list made by selaras_segment() copies every text.
 * Returns NULL (and 0 in @p len) for @p i out of range.
 */
SELARAS_API const char *selaras_segments_span(const selaras_segments *segs, size_t i,
                                              size_t *len);

/** @return the 0-based byte offset in the original input where segment @p i starts. */
SELARAS_API size_t selaras_segments_start(const selaras_segments *segs, size_t i);

/** @return the byte offset in the original input just past the end of segment @p i. */
SELARAS_API size_t selaras_segments_end(const selaras_segments *segs, size_t i);

/** @return the kind of segment @p i. */
SELARAS_API selaras_segment_kind selaras_segments_kind(const selaras_segments *segs, size_t i);

/** @return the 0-based paragraph number of segment @p i. */
SELARAS_API size_t selaras_segments_paragraph(const selaras_segments *segs, size_t i);

/**
 * A sentence segmenter for one language: rules, abbreviation lists and scratch space,
 * reusable for any number of documents.
 *
 * Indonesian ("id") and English ("en") have tuned rules and built-in abbreviation lists
 * (compiled from the data files installed in $(pkgdatadir)/abbrev); any other
 * well-formed language tag gets the generic rules and an empty list. Region and script
 * subtags are accepted ("id-ID", "en_GB").
 *
 * Thread safety: a segmenter keeps scratch state, so one segmenter must be used by one
 * thread at a time; distinct segmenters may run on distinct threads at once.
 */
typedef struct selaras_segmenter selaras_segmenter;

/**
 * Create a segmenter.
 * @param[out] out   receives the segmenter (NULL on failure); free with selaras_segmenter_free().
 * @param[in]  lang  language tag, as for selaras_doc_new().
 * @param[in]  mem   allocator, or NULL; used for the segmenter and for the segment lists
 *                   it makes.
 * @param[out] err   optional error details.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_segmenter_new(selaras_segmenter **out, const char *lang,
                                                 const selaras_allocator *mem,
                                                 selaras_error *err);

/** Free a segmenter; NULL is accepted. Segment lists it made stay valid. */
SELARAS_API void selaras_segmenter_free(selaras_segmenter *seg);

/** @return the canonical language tag of the segmenter, borrowed from it. */
SELARAS_API const char *selaras_segmenter_lang(const selaras_segmenter *seg);

/**
 * Add abbreviations in the data-file format:
 *
 *     # a comment
 *     [prefix]      <- never ends a sentence: "Dr.", "Jl.", "a.n."
 *     Kol.
 *     [number]      <- no sentence end before a number: "No. 8"; else as [general]
 *     Lt.
 *     [general]     <- ends a sentence only before a capitalised word: "dll.", "Inc."
 *     dkk.
 *
 * One abbreviation per line, final period included, no blanks inside, at most 31 bytes;
 * blanks around a line are ignored. Entries of two letters or more also match with other
 * ASCII letter case ("jl." finds "Jl."). An entry already present takes the new class.
 * The call is atomic: on any error nothing is added.
 * @param[in] text  UTF-8 bytes (need not be NUL-terminated); may be NULL when @p len is 0.
 * @param[out] err  on ::SELARAS_ERR_SYNTAX: @c offset, @c line and @c column of the fault in
 *                  @p text, and a message naming the line.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_SYNTAX or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_segmenter_add_abbreviations(selaras_segmenter *seg,
                                                               const char *text, size_t len,
                                                               selaras_error *err);

/**
 * Read a file in the format of selaras_segmenter_add_abbreviations() and add its entries.
 * @param[in] path  file name, NUL-terminated.
 * @return as selaras_segmenter_add_abbreviations(), plus ::SELARAS_ERR_IO when the file
 *         cannot be read and ::SELARAS_ERR_LIMIT when it exceeds 16 MiB.
 */
SELARAS_API selaras_status selaras_segmenter_load_abbreviations(selaras_segmenter *seg,
                                                                const char *path,
                                                                selaras_error *err);

/** Remove every abbreviation, built-in ones included (to replace the list with one's own). */
SELARAS_API void selaras_segmenter_clear_abbreviations(selaras_segmenter *seg);

/**
 * Segment a document into sentences, titles and boilerplate.
 *
 * Paragraphs are blocks separated by blank lines or, in a text without blank lines, its
 * lines; a line break always ends a segment, except inside a sentence wrapped onto a next
 * line that starts in lower case. Unpunctuated lines are titles; credits, bylines,
 * captions, "Baca juga:" links, release numbers, date lines, the letterhead above a
 * "SIARAN PERS" line and sign-offs such as "(why)" are boilerplate. A dateline stays with
 * the first sentence. The document's language tag and name are carried into the list;
 * the segmenter's own language decides the rules.
 *
 * @param[in]  seg  the segmenter (used by one thread at a time).
 * @param[in]  doc  the document; not changed.
 * @param[out] out  receives the list (NULL on failure), made with the segmenter's
 *                  allocator; free with selaras_segments_free(). Start and end offsets
 *                  point into the document's original input; texts are trimmed, and a
 *                  wrapped sentence's line breaks become spaces.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_segment(selaras_segmenter *seg, const selaras_doc *doc,
                                           selaras_segments **out, selaras_error *err);

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

/** selaras_lexicon_load_freedict() on Debian's `/usr/share/dictd`.
 *  @return as selaras_lexicon_load_freedict(). */
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

/**
 * Add the pairs of a dictionary held in memory (the text of a TSV or hunalign file).
 * @param[in] bytes   the dictionary text; need not be NUL-terminated; may be NULL when
 *                    @p len is 0. Not retained.
 * @param[in] format  ::SELARAS_DICT_AUTO (TSV or hunalign, guessed from the first entry
 *                    line), ::SELARAS_DICT_TSV or ::SELARAS_DICT_HUNALIGN. FreeDict
 *                    dictionaries are two files: load them with selaras_lexicon_load().
 * @param[out] err    as for selaras_lexicon_load(); offsets are into @p bytes.
 * @return as selaras_lexicon_load() without ::SELARAS_ERR_IO (::SELARAS_ERR_ARGUMENT for
 *         ::SELARAS_DICT_FREEDICT); on failure the lexicon keeps the pairs it had.
 */
SELARAS_API selaras_status selaras_lexicon_load_memory(selaras_lexicon *lex, const char *bytes,
                                                       size_t len, selaras_dict_format format,
                                                       selaras_error *err);

/** @return the number of distinct (source, target) pairs after stemming. */
SELARAS_API size_t selaras_lexicon_size(const selaras_lexicon *lex);

/* ===================================================================== */
/* 5. Alignment                                                           */
/* ===================================================================== */

/**
 * An aligner for one language pair. It scores beads of up to three sentences a side by
 * length (Gale–Church, with the length ratio and variance estimated from the documents),
 * language-neutral anchors (numbers with their scale words and separators normalised,
 * day/month dates read both ways, weekday and month names, years, acronyms, names and
 * other identical tokens, URLs), an optional bilingual lexicon, and a word translation
 * table it learns from the confident beads of a first pass (Moore 2002; hunalign's
 * -realign). The learned table grows with every selaras_aligner_learn() call, so one
 * aligner can be trained over a whole corpus and then align each document pair with it.
 *
 * An aligner is not thread safe; use one per thread. The lexicon it was given is only
 * read, and may be shared by aligners on many threads at once; so may a trained
 * ::selaras_model (selaras_aligner_new_shared()).
 */
typedef struct selaras_aligner selaras_aligner;

/**
 * The result of an alignment: a list of beads that covers every source and target segment
 * once, in source order. The target runs follow the target order too, except for a block
 * that a rewrite moved (a paragraph put elsewhere): when the evidence for it is strong, its
 * beads link it where the source has it. A bead is a run of source segments and a run of target segments that
 * translate each other; either run may be empty (a 1-0 or 0-1 bead). Segments of kind
 * ::SELARAS_SEGMENT_BOILERPLATE always form a 1-0 or 0-1 bead of their own.
 */
typedef struct selaras_alignment selaras_alignment;

/**
 * Create an aligner.
 * @param[out] out       receives the aligner; NULL on failure. Free with selaras_aligner_free().
 * @param[in]  src_lang  source language tag ("id"); its primary subtag must match the
 *                       source segments given to selaras_align().
 * @param[in]  tgt_lang  target language tag ("en").
 * @param[in]  lexicon   a bilingual lexicon for src_lang → tgt_lang, or NULL. Borrowed: it
 *                       must outlive the aligner; it is only read.
 * @param[in]  mem       allocator, or NULL.
 * @param[out] err       optional error details.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_aligner_new(selaras_aligner **out, const char *src_lang,
                                               const char *tgt_lang,
                                               const selaras_lexicon *lexicon,
                                               const selaras_allocator *mem,
                                               selaras_error *err);

/** Free an aligner and its learned table; NULL is accepted. */
SELARAS_API void selaras_aligner_free(selaras_aligner *al);

/**
 * Set the largest bead: at most @p max_src source and @p max_tgt target segments (each 1
 * to 3; the default is 3 and 3, i.e. 1-3, 3-1 and 2-2 beads are allowed; 1-0 and 0-1
 * beads always are).
 * @return ::SELARAS_OK or ::SELARAS_ERR_ARGUMENT.
 */
SELARAS_API selaras_status selaras_aligner_set_max_bead(selaras_aligner *al, unsigned max_src,
                                                        unsigned max_tgt, selaras_error *err);

/** Kinds of evidence the aligner weighs besides sentence length (always used). */
enum selaras_align_evidence {
    /** Tokens spelled the same on both sides after normalisation: numbers, dates, weekday
     *  and month names, acronyms, names, URLs, other identical words. */
    SELARAS_EVIDENCE_ANCHORS = 1u << 0,
    /** Translations from the lexicon given to selaras_aligner_new(). */
    SELARAS_EVIDENCE_LEXICON = 1u << 1,
    /** The learned word table (realignment and selaras_aligner_learn()). */
    SELARAS_EVIDENCE_LEARNED = 1u << 2,
    /** All of them: the default. */
    SELARAS_EVIDENCE_ALL = 7u
};

/**
 * Choose the evidence (a bitwise OR of ::selaras_align_evidence values). 0 gives a plain
 * length-based Gale–Church aligner, useful as a baseline.
 * @return ::SELARAS_OK or ::SELARAS_ERR_ARGUMENT (unknown bits).
 */
SELARAS_API selaras_status selaras_aligner_set_evidence(selaras_aligner *al, unsigned evidence,
                                                        selaras_error *err);

/**
 * Turn realignment on (the default) or off. With it on, selaras_align() learns a word
 * table from the confident beads of a first pass over the pair (added to what
 * selaras_aligner_learn() gathered) and aligns again with it.
 */
SELARAS_API void selaras_aligner_set_realign(selaras_aligner *al, int on);

/**
 * Learn from one document pair: align it with what the aligner knows so far and add the
 * word pairs and length statistics of its confident 1-1 beads to the aligner's table.
 * Call it for every pair of a corpus, then selaras_align() each pair.
 * @param[in] src  source segments (language: the aligner's source language).
 * @param[in] tgt  target segments.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE or ::SELARAS_ERR_NOMEM
 *         (the table is then as it was before the call).
 */
SELARAS_API selaras_status selaras_aligner_learn(selaras_aligner *al,
                                                 const selaras_segments *src,
                                                 const selaras_segments *tgt,
                                                 selaras_error *err);

/** @return the number of word pairs in the learned table (0 before any learning). */
SELARAS_API size_t selaras_aligner_learned_pairs(const selaras_aligner *al);

/* ---- 5.1 A model shared by many aligners ---- */

/**
 * What an aligner learns (the word table, its vocabulary, the length statistics) with its
 * languages and lexicon, apart from the working state of an alignment. Learn into a model
 * on one thread with selaras_model_learn(); then any number of aligners made with
 * selaras_aligner_new_shared(), on any number of threads, align with it at once, each
 * reading it only. Whatever one alignment needs beyond the model (the keys of its two
 * documents) is dropped when the call returns, so an aligner's memory does not grow with
 * the number of pairs it aligns.
 */
typedef struct selaras_model selaras_model;

/**
 * Create an empty model: the languages and the lexicon of selaras_aligner_new().
 * @param[out] out  receives the model; NULL on failure. Free with selaras_model_free().
 * @param[in]  lexicon  borrowed, or NULL: it must outlive the model and its aligners.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_model_new(selaras_model **out, const char *src_lang,
                                             const char *tgt_lang,
                                             const selaras_lexicon *lexicon,
                                             const selaras_allocator *mem, selaras_error *err);
/** Free a model; NULL is accepted. No aligner may still be using it. */
SELARAS_API void selaras_model_free(selaras_model *model);
/**
 * Learn from one document pair, as selaras_aligner_learn() does with default settings.
 * No aligner may be aligning with the model during the call.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE or ::SELARAS_ERR_NOMEM
 *         (the table is then as it was before the call).
 */
SELARAS_API selaras_status selaras_model_learn(selaras_model *model, const selaras_segments *src,
                                               const selaras_segments *tgt, selaras_error *err);
/** @return the number of word pairs in the model's learned table. */
SELARAS_API size_t selaras_model_learned_pairs(const selaras_model *model);
/** @return the number of keys (words, stems, anchors) the model's vocabulary holds. */
SELARAS_API size_t selaras_model_vocabulary(const selaras_model *model);
/**
 * Create an aligner that reads @p model (borrowed: it must outlive the aligner) and
 * keeps only its own working state. selaras_aligner_learn() refuses on it.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_aligner_new_shared(selaras_aligner **out,
                                                      const selaras_model *model,
                                                      const selaras_allocator *mem,
                                                      selaras_error *err);
/**
 * @return the model @p al reads: its own (made by selaras_aligner_new(), trained by
 * selaras_aligner_learn(), freed with the aligner) or the shared one. Another aligner may
 * share it with selaras_aligner_new_shared() while @p al lives and learns no more.
 */
SELARAS_API const selaras_model *selaras_aligner_model(const selaras_aligner *al);

/**
 * Align two segment lists.
 * @param[in]  al   the aligner.
 * @param[in]  src  source segments; their language's primary subtag must be the aligner's
 *                  source language.
 * @param[in]  tgt  target segments, likewise.
 * @param[out] out  receives the alignment (NULL on failure); free it with
 *                  selaras_alignment_free(). It does not refer to @p src or @p tgt.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE or ::SELARAS_ERR_NOMEM.
 *
 * Memory is linear in the number of segments (a band around an anchor path), and so is
 * time for documents whose translation does not move sentences far.
 */
SELARAS_API selaras_status selaras_align(selaras_aligner *al, const selaras_segments *src,
                                         const selaras_segments *tgt, selaras_alignment **out,
                                         selaras_error *err);

/** @return the number of beads. */
SELARAS_API size_t selaras_alignment_count(const selaras_alignment *a);
/** @return the index of the first source segment of @p bead (its position when it has none). */
SELARAS_API size_t selaras_alignment_src_first(const selaras_alignment *a, size_t bead);
/** @return the number of source segments of @p bead (0 to 3). */
SELARAS_API size_t selaras_alignment_src_count(const selaras_alignment *a, size_t bead);
/** @return the index of the first target segment of @p bead (its position when it has none). */
SELARAS_API size_t selaras_alignment_tgt_first(const selaras_alignment *a, size_t bead);
/** @return the number of target segments of @p bead (0 to 3). */
SELARAS_API size_t selaras_alignment_tgt_count(const selaras_alignment *a, size_t bead);
/**
 * @return the confidence of @p bead in [0, 1]: the estimated probability that the bead is
 * right. Calibrated on held-out data (see `make eval-align`): beads at 0.9 or more were at
 * least 95% correct there. A boilerplate segment's own bead has confidence 1.
 */
SELARAS_API double selaras_alignment_score(const selaras_alignment *a, size_t bead);
/** Free an alignment; NULL is accepted. */
SELARAS_API void selaras_alignment_free(selaras_alignment *a);

/* ===================================================================== */
/* 6. Memory formats                                                      */
/* ===================================================================== */

/* ---- 6.1 Translation units ---- */

/**
 * A translation unit: what one `<tu>` of a TMX file holds. It has variants (a language tag
 * and the segment text, one per `<tuv>`), properties and notes (kept in one ordered list,
 * each belonging to the whole unit or to one variant), and attributes (tuid,
 * creationdate, changedate, usagecount… of the unit or of one variant), all kept in the
 * order they were added so that a memory read and written again is byte-identical.
 *
 * A unit is made by the caller with selaras_unit_new(), or borrowed from a
 * ::selaras_tmx_reader. Accessors return pointers borrowed from the unit, valid until the
 * unit is changed or freed. Strings are NUL-terminated UTF-8.
 */
typedef struct selaras_unit selaras_unit;

/** The owner index that stands for the whole unit (rather than one variant). */
#define SELARAS_UNIT_WHOLE ((size_t)-1)

/**
 * Create an empty unit.
 * @param[out] out  the new unit; free with selaras_unit_free().
 * @param[in]  mem  allocator, or NULL.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_unit_new(selaras_unit **out, const selaras_allocator *mem,
                                            selaras_error *err);

/** Free a unit; NULL is accepted. */
SELARAS_API void selaras_unit_free(selaras_unit *unit);

/** Remove everything from a unit (its memory is kept for reuse). */
SELARAS_API void selaras_unit_clear(selaras_unit *unit);

/**
 * Append a variant.
 * @param[in] lang  the language tag as it is to be written (`xml:lang`): 1 to 35 ASCII
 *                  letters, digits, '-' or '_'; NUL-terminated; copied.
 * @param[in] text  the segment text, valid UTF-8 without NUL; copied as is.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE,
 *         ::SELARAS_ERR_ENCODING (offset: the bad byte in @p text) or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_unit_add_variant(selaras_unit *unit, const char *lang,
                                                    const char *text, size_t len,
                                                    selaras_error *err);

/**
 * Append a property (`<prop type="…">value</prop>`).
 * @param[in] variant  ::SELARAS_UNIT_WHOLE or the index of an existing variant.
 * @param[in] type     the property type, NUL-terminated, non-empty ("x-score"…); copied.
 * @param[in] lang     the property's `xml:lang`, or NULL; copied.
 * @param[in] value    the value, valid UTF-8 without NUL (@p len bytes); copied.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_ENCODING or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_unit_add_prop(selaras_unit *unit, size_t variant,
                                                 const char *type, const char *lang,
                                                 const char *value, size_t len,
                                                 selaras_error *err);

/** Append a note (`<note>`): like selaras_unit_add_prop() without a type.
 *  @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE (malformed
 *          @p lang), ::SELARAS_ERR_ENCODING or ::SELARAS_ERR_NOMEM. */
SELARAS_API selaras_status selaras_unit_add_note(selaras_unit *unit, size_t variant,
                                                 const char *lang, const char *text,
                                                 size_t len, selaras_error *err);

/**
 * Set an attribute of the unit or of one variant (replacing a previous value of the same
 * name). The variant's language is not an attribute: it is given to
 * selaras_unit_add_variant().
 * @param[in] name   an XML name (ASCII letters, digits, '-', '_', '.', ':'), not "xml:lang"
 *                   or "lang"; copied.
 * @param[in] value  NUL-terminated valid UTF-8; copied.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT (NULL, a name that is not settable, no such
 *         variant), ::SELARAS_ERR_ENCODING or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_unit_set_attr(selaras_unit *unit, size_t variant,
                                                 const char *name, const char *value,
                                                 selaras_error *err);

/** @return the number of variants. */
SELARAS_API size_t selaras_unit_variant_count(const selaras_unit *unit);
/** @return the language tag of variant @p i (i < count); borrowed. */
SELARAS_API const char *selaras_unit_variant_lang(const selaras_unit *unit, size_t i);
/** @return the text of variant @p i; borrowed; @p len (optional) receives its length. */
SELARAS_API const char *selaras_unit_variant_text(const selaras_unit *unit, size_t i,
                                                  size_t *len);
/**
 * The text of the first variant whose primary language subtag is that of @p lang
 * (ASCII case-insensitive; "in" counts as "id"), or NULL when there is none.
 */
SELARAS_API const char *selaras_unit_text(const selaras_unit *unit, const char *lang,
                                          size_t *len);

/** @return the number of properties and notes together. */
SELARAS_API size_t selaras_unit_prop_count(const selaras_unit *unit);
/** @return ::SELARAS_UNIT_WHOLE or the variant that property or note @p i belongs to. */
SELARAS_API size_t selaras_unit_prop_variant(const selaras_unit *unit, size_t i);
/** @return the type of property @p i, or NULL when entry @p i is a note; borrowed. */
SELARAS_API const char *selaras_unit_prop_type(const selaras_unit *unit, size_t i);
/** @return the `xml:lang` of property or note @p i, or NULL; borrowed. */
SELARAS_API const char *selaras_unit_prop_lang(const selaras_unit *unit, size_t i);
/** @return the value of property (or text of note) @p i; borrowed. */
SELARAS_API const char *selaras_unit_prop_value(const selaras_unit *unit, size_t i,
                                                size_t *len);
/** @return the value of the first unit-level property of type @p type, or NULL. */
SELARAS_API const char *selaras_unit_prop(const selaras_unit *unit, const char *type);

/** @return the number of attributes (of the unit and of its variants). */
SELARAS_API size_t selaras_unit_attr_count(const selaras_unit *unit);
/** @return ::SELARAS_UNIT_WHOLE or the variant that attribute @p i belongs to. */
SELARAS_API size_t selaras_unit_attr_variant(const selaras_unit *unit, size_t i);
/** @return the name of attribute @p i; borrowed. */
SELARAS_API const char *selaras_unit_attr_name(const selaras_unit *unit, size_t i);
/** @return the value of attribute @p i; borrowed. */
SELARAS_API const char *selaras_unit_attr_value(const selaras_unit *unit, size_t i);
/** @return the value of attribute @p name of the unit or of @p variant, or NULL. */
SELARAS_API const char *selaras_unit_attr(const selaras_unit *unit, size_t variant,
                                          const char *name);

/**
 * The alignment score, read from the unit's "x-score" property (a decimal number such as
 * "0.8312", read without the process locale).
 * @return 1 and the score in @p score when the unit has a well-formed one, else 0.
 */
SELARAS_API int selaras_unit_score(const selaras_unit *unit, double *score);

/* ---- 6.2 Writing memories ---- */

/** Output formats of a ::selaras_writer. */
typedef enum selaras_format {
    /** TMX 1.4, one `<tu>` per unit, the source-language `<tuv>` first. */
    SELARAS_FORMAT_TMX = 0,
    /** One line per unit: source, target, score, bead, source doc, target doc, date,
     *  separated by tabs; tab, LF, CR and backslash in a field are written \\t \\n \\r \\\\. */
    SELARAS_FORMAT_TSV = 1,
    /** One JSON object per line: "source", "target", "source_lang", "target_lang", and
     *  "score", "bead", "src" and "tgt" (the bead's segment indices as arrays, for units
     *  made from beads by this writer), "source_doc", "target_doc", "date" when known. */
    SELARAS_FORMAT_JSONL = 2,
    /** Two line-aligned plain files (the writer's path: source; path2: target) for MT
     *  training; LF, CR and tab in a text become spaces. */
    SELARAS_FORMAT_PLAIN = 3
} selaras_format;

/** Flags for selaras_writer_set_flags(). */
enum selaras_writer_flag {
    /** Keep beads that contain a boilerplate segment (excluded by default). */
    SELARAS_WRITER_KEEP_BOILERPLATE = 1u << 0,
    /** Keep beads whose source and target texts are identical (excluded by default). */
    SELARAS_WRITER_KEEP_IDENTICAL = 1u << 1,
    /** Collapse exact duplicates (the same variants: languages and texts, told apart by
     *  a 128-bit hash of them): the unit with the higher "x-score" stays (a missing or
     *  malformed score, NaN included, counts as lowest; on a tie the first), at the
     *  place of the first one. The writer then keeps about 64 bytes per distinct unit in
     *  memory, and the units' serialised bytes in a file without a name in the target's
     *  folder (which needs room for them as for the output), and writes them all at
     *  selaras_writer_close(). */
    SELARAS_WRITER_DEDUPE = 1u << 2,
    /** Add to the memory at the target: before the first unit (and under the lock, see
     *  ::selaras_writer) the units and header of the file already there, if any, are
     *  added as selaras_writer_add_tmx() would. TMX output only. */
    SELARAS_WRITER_MERGE = 1u << 3,
    /** Refuse to replace a file that is already at the target (::SELARAS_ERR_IO before
     *  the first unit), unless ::SELARAS_WRITER_MERGE is set too. */
    SELARAS_WRITER_NO_REPLACE = 1u << 4,
    /** Replace a target that is read-only (no write permission); by default such a target
     *  is refused with ::SELARAS_ERR_IO before the first unit. */
    SELARAS_WRITER_REPLACE_READONLY = 1u << 5,
    /** Keep beads with an empty side (1-0, 0-1, or a side of empty segments): the empty
     *  side is written as an empty text. With KEEP_BOILERPLATE and KEEP_IDENTICAL every
     *  bead of an alignment is written (the CLI's `align --format jsonl`). */
    SELARAS_WRITER_KEEP_UNPAIRED = 1u << 6
};

/** What selaras_writer_count() counts. */
typedef enum selaras_writer_counter {
    SELARAS_COUNT_WRITTEN = 0,        /**< units written so far (with DEDUPE: at close) */
    SELARAS_COUNT_DUPLICATES = 1,     /**< units collapsed into an earlier duplicate */
    SELARAS_COUNT_STRIPPED = 2,       /**< characters XML 1.0 forbids, left out of the output */
    SELARAS_COUNT_SKIP_UNPAIRED = 3,  /**< beads with no source or no target segment */
    SELARAS_COUNT_SKIP_BOILERPLATE = 4, /**< beads with a boilerplate segment */
    SELARAS_COUNT_SKIP_SCORE = 5,     /**< beads below the minimum score */
    SELARAS_COUNT_SKIP_RATIO = 6,     /**< beads over the maximum length ratio */
    SELARAS_COUNT_SKIP_IDENTICAL = 7, /**< beads whose two sides are identical */
    SELARAS_COUNT_SKIP_SHORT = 8      /**< beads with a side shorter than the minimum length */
} selaras_writer_counter;

/**
 * A streaming writer of translation memories. Output goes to a temporary file created in
 * the target's folder; selaras_writer_close() flushes it, syncs it to disk and renames it
 * over the target, so the target is either its old self or the complete new file, never a
 * partial one. Freeing a writer that was not closed removes the temporary file and leaves
 * the target untouched. A target that exists and is not a regular file (/dev/stdout, a
 * pipe) is written directly. A symbolic link given as target stays a link (dangling or
 * not): the file it points to is the one written.
 *
 * Concurrent writers: before its first unit (the first add, or the close) a writer takes
 * an advisory write lock (fcntl) on the file TARGET.lock beside the target and holds it
 * until the new file is renamed over the target; another writer of the same target waits
 * for it (up to selaras_writer_set_lock_timeout(), 30 s by default, then
 * ::SELARAS_ERR_LOCKED). A merge that reads the target after taking the lock
 * (::SELARAS_WRITER_MERGE, or selaras_writer_add_tmx() of the target) therefore never
 * loses what another writer added. The holder removes the lock file when done. Readers
 * take no lock and always see a whole file. Under the lock the writer also checks the
 * target (see ::SELARAS_WRITER_NO_REPLACE and ::SELARAS_WRITER_REPLACE_READONLY) and
 * removes the temporary files (TARGET.tmp-PID-XXXXXX) of writers no longer running.
 *
 * Order of calls: selaras_writer_new(), the setters, then any number of
 * selaras_writer_add_unit(), selaras_writer_add_bead() and selaras_writer_add_tmx(), then
 * selaras_writer_close() and selaras_writer_free(). The setters (other than
 * selaras_writer_set_doc_date()) fail with ::SELARAS_ERR_STATE once a unit was added.
 * An add that fails with ::SELARAS_ERR_ARGUMENT changes nothing; after any other failed
 * add or close, the writer only accepts selaras_writer_free() (other calls return
 * ::SELARAS_ERR_STATE).
 *
 * TMX layout: one `<tu>` start tag per line, its properties and notes on the next line,
 * then one line per `<tuv>` (with its properties and `<seg>`), so that a diff of two
 * memories shows whole variants. Segment text is trimmed of surrounding white space; the
 * characters XML 1.0 forbids are left out (counted by ::SELARAS_COUNT_STRIPPED). A writer
 * is used by one thread at a time.
 */
typedef struct selaras_writer selaras_writer;

/**
 * Create a writer.
 * @param[out] out       the new writer; free with selaras_writer_free().
 * @param[in]  format    a ::selaras_format.
 * @param[in]  path      the target file (for ::SELARAS_FORMAT_PLAIN: the source side).
 * @param[in]  path2     the target side's file for ::SELARAS_FORMAT_PLAIN, else NULL.
 * @param[in]  src_lang  the source language tag ("id", "id-ID"); written in canonical form;
 *                       the TMX header's srclang and the tag of the first `<tuv>`.
 * @param[in]  tgt_lang  the target language tag ("en", "en-US").
 * @param[in]  mem       allocator, or NULL.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT (also: @p path and @p path2 name the same
 *         file), ::SELARAS_ERR_LANGUAGE, ::SELARAS_ERR_IO (the temporary file cannot be
 *         made; the message names the path) or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_writer_new(selaras_writer **out, selaras_format format,
                                              const char *path, const char *path2,
                                              const char *src_lang, const char *tgt_lang,
                                              const selaras_allocator *mem,
                                              selaras_error *err);

/**
 * Where a callback writer sends its output: @p len bytes at @p bytes (never 0 bytes), in
 * order; @p user is the pointer given to selaras_writer_new_callback(). Return 0 when all
 * bytes were taken, anything else to fail the writer (the add or close that flushed then
 * returns ::SELARAS_ERR_IO).
 */
typedef int (*selaras_write_fn)(const char *bytes, size_t len, void *user);

/**
 * Create a writer that hands its output to @p write instead of a file: for a stream, a
 * socket, a language binding's file object. It is selaras_writer_new() in every other
 * respect (setters, adds, counts), except that there is no temporary file to rename:
 * bytes go out in pieces of about 64 KiB as units are added (with ::SELARAS_WRITER_DEDUPE:
 * at close), and the rest at selaras_writer_close().
 * @param[in] format  ::SELARAS_FORMAT_TMX, ::SELARAS_FORMAT_TSV or ::SELARAS_FORMAT_JSONL
 *                    (plain output is two files: ::SELARAS_ERR_ARGUMENT).
 * @param[in] write   the callback; @p user is passed back to it (may be NULL).
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_writer_new_callback(selaras_writer **out,
                                                       selaras_format format,
                                                       selaras_write_fn write, void *user,
                                                       const char *src_lang,
                                                       const char *tgt_lang,
                                                       const selaras_allocator *mem,
                                                       selaras_error *err);

/** Free a writer; NULL is accepted. Without a successful close, removes the temporary file. */
SELARAS_API void selaras_writer_free(selaras_writer *w);

/*
 * The setters below configure a writer before its first unit or bead. Unless said
 * otherwise each returns ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT (NULL writer or a value out
 * of range) or ::SELARAS_ERR_STATE (a unit, bead or merge was already added, or the writer
 * is closed or failed); a failed call leaves the previous setting.
 */

/** Set the TMX header's creationtool and creationtoolversion (default "selaras" and the
 *  library version); NUL-terminated UTF-8, copied.
 *  @return as the setters above (a NULL or empty name is ::SELARAS_ERR_ARGUMENT),
 *          ::SELARAS_ERR_ENCODING (invalid UTF-8) or ::SELARAS_ERR_NOMEM. */
SELARAS_API selaras_status selaras_writer_set_tool(selaras_writer *w, const char *name,
                                                   const char *version, selaras_error *err);
/** Set the TMX header's adminlang (default "en"); a language tag, written in canonical form.
 *  @return as the setters above, or ::SELARAS_ERR_LANGUAGE. */
SELARAS_API selaras_status selaras_writer_set_adminlang(selaras_writer *w, const char *lang,
                                                        selaras_error *err);
/** Set the creation time written as creationdate (seconds since 1970-01-01 UTC, from 0 to
 *  9999-12-31T23:59:59Z); by default the time selaras_writer_new() was called. Makes
 *  output reproducible. @return as the setters above. */
SELARAS_API selaras_status selaras_writer_set_time(selaras_writer *w, long long seconds,
                                                   selaras_error *err);
/** Set the write filter flags (a bitwise OR of ::selaras_writer_flag; default 0).
 *  @return as the setters above (an unknown flag is ::SELARAS_ERR_ARGUMENT). */
SELARAS_API selaras_status selaras_writer_set_flags(selaras_writer *w, unsigned flags,
                                                    selaras_error *err);
/** Beads scoring below @p score are not written (default: no minimum).
 *  @return as the setters above (NaN is ::SELARAS_ERR_ARGUMENT). */
SELARAS_API selaras_status selaras_writer_set_min_score(selaras_writer *w, double score,
                                                        selaras_error *err);
/** Beads whose longer side has more than @p ratio times the code points of the shorter
 *  are not written; 0 (the default) turns the filter off; otherwise @p ratio ≥ 1.
 *  @return as the setters above. */
SELARAS_API selaras_status selaras_writer_set_max_ratio(selaras_writer *w, double ratio,
                                                        selaras_error *err);
/** Beads with a side of fewer than @p chars code points are not written (default 0).
 *  @return as the setters above. */
SELARAS_API selaras_status selaras_writer_set_min_length(selaras_writer *w, size_t chars,
                                                         selaras_error *err);
/** Wait up to @p seconds (0 or more, finite; default 30) for another writer's lock of the
 *  same target before failing with ::SELARAS_ERR_LOCKED.
 *  @return as the setters above. */
SELARAS_API selaras_status selaras_writer_set_lock_timeout(selaras_writer *w, double seconds,
                                                           selaras_error *err);
/**
 * Copy the header properties and notes of @p header (for example
 * selaras_tmx_reader_header() of a memory being merged) into the TMX header; entries
 * already there (same type, language and value) are not repeated. Allowed until the
 * writer is closed; @p header is only read (not retained).
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT (NULL writer or header),
 *         ::SELARAS_ERR_STATE (closed or failed) or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_writer_add_header(selaras_writer *w,
                                                     const selaras_unit *header,
                                                     selaras_error *err);
/** The date of the documents of the beads that follow, written as the "x-doc-date"
 *  property (free text such as "2024-05-01", NUL-terminated UTF-8, copied); NULL clears
 *  it. Allowed at any time.
 *  @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT (NULL writer), ::SELARAS_ERR_ENCODING
 *          (invalid UTF-8) or ::SELARAS_ERR_NOMEM. */
SELARAS_API selaras_status selaras_writer_set_doc_date(selaras_writer *w, const char *date,
                                                       selaras_error *err);

/**
 * Take the target's lock and check the target now, rather than at the first add or the
 * close (see ::selaras_writer): with ::SELARAS_WRITER_MERGE the memory already there is
 * read here, so its errors come apart from those of the units added later. The setters
 * fail with ::SELARAS_ERR_STATE afterwards. Calling it again does nothing.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_STATE, ::SELARAS_ERR_LOCKED
 *         (another writer held the lock past the timeout), ::SELARAS_ERR_IO (the target is
 *         read-only or, with ::SELARAS_WRITER_NO_REPLACE, there; the lock file cannot be
 *         made), an error of selaras_writer_add_tmx() (the merged memory) or
 *         ::SELARAS_ERR_NOMEM. After a failure only selaras_writer_free() remains.
 */
SELARAS_API selaras_status selaras_writer_lock(selaras_writer *w, selaras_error *err);

/**
 * Add a unit as it is (no filter applies; duplicates collapse with ::SELARAS_WRITER_DEDUPE).
 * Variants of the source language are written first, then the others in their order. For
 * TSV, JSONL and plain output the unit's first source-language and first target-language
 * variants are written; a unit lacking either is counted as unpaired.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_STATE, ::SELARAS_ERR_IO or
 *         ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_writer_add_unit(selaras_writer *w, const selaras_unit *unit,
                                                   selaras_error *err);

/**
 * Add one alignment bead: segments [src_first, src_first + src_count) of @p src against
 * [tgt_first, tgt_first + tgt_count) of @p tgt, with the aligner's score. The texts of a
 * side are joined with one space. The bead is dropped (and counted) when a side is empty,
 * when it contains a boilerplate segment, when its score is below the minimum, its length
 * ratio above the maximum, a side is shorter than the minimum length, or both sides are
 * identical; flags and setters change these filters. A written bead carries the
 * properties x-source-doc and x-target-doc (selaras_segments_name(), when set), x-bead
 * ("1-2": source and target counts), x-score (4 decimals) and x-doc-date (when set).
 * @return ::SELARAS_OK (written or filtered), ::SELARAS_ERR_ARGUMENT (NULL list or range
 *         out of bounds), ::SELARAS_ERR_STATE, ::SELARAS_ERR_IO or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_writer_add_bead(selaras_writer *w,
                                                   const selaras_segments *src,
                                                   size_t src_first, size_t src_count,
                                                   const selaras_segments *tgt,
                                                   size_t tgt_first, size_t tgt_count,
                                                   double score, selaras_error *err);

/**
 * Add every bead of @p a, an alignment of @p src with @p tgt, in order, as
 * selaras_writer_add_bead() would (the same filters apply).
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT (NULL, or a bead out of the lists' range:
 *         nothing is added then), or an error of selaras_writer_add_bead().
 */
SELARAS_API selaras_status selaras_writer_add_alignment(selaras_writer *w,
                                                        const selaras_segments *src,
                                                        const selaras_segments *tgt,
                                                        const selaras_alignment *a,
                                                        selaras_error *err);

/**
 * Add every unit of an existing TMX file, and its header's properties and notes, as
 * selaras_writer_add_unit() and selaras_writer_add_header() would (a merge). The file is
 * read with a ::selaras_tmx_reader; its errors (with line and column) are returned.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_STATE, an error of
 *         selaras_tmx_reader_new() or selaras_tmx_reader_next(), or an error of
 *         selaras_writer_add_unit(). After a failure while units were being added the
 *         writer has failed: only selaras_writer_free() remains (units already added
 *         are not written).
 */
SELARAS_API selaras_status selaras_writer_add_tmx(selaras_writer *w, const char *path,
                                                  selaras_error *err);

/**
 * Finish: write what is buffered and the closing tags, flush, fsync, rename the
 * temporary file over the target and sync the folder.
 * @return ::SELARAS_OK, ::SELARAS_ERR_STATE (already closed or failed) or ::SELARAS_ERR_IO
 *         (the target is then unchanged and the temporary file removed).
 */
SELARAS_API selaras_status selaras_writer_close(selaras_writer *w, selaras_error *err);

/** @return the value of counter @p which (see ::selaras_writer_counter). */
SELARAS_API size_t selaras_writer_count(const selaras_writer *w, selaras_writer_counter which);

/* ---- 6.3 Reading TMX ---- */

/** Flags for the TMX reader. */
enum selaras_tmx_flag {
    /** Keep the native code text of Level 2 inline elements (bpt, ept, it, ph, ut) in
     *  the segment text. By default only the translatable text is kept: the text of
     *  `<seg>` and of `<hi>`, without codes and without `<sub>` flows inside codes. */
    SELARAS_TMX_KEEP_CODES = 1u << 0
};

/** Deepest element nesting the reader accepts (deeper: ::SELARAS_ERR_LIMIT). */
#define SELARAS_TMX_MAX_DEPTH 32
/** Most attributes one TMX tag may carry (more: ::SELARAS_ERR_LIMIT, found before the XML
 *  parser reads the tag, so that time stays linear in the file's size). */
#define SELARAS_TMX_MAX_ATTRIBUTES 256
/** Most variants (`<tuv>`) one unit may have (more: ::SELARAS_ERR_LIMIT). */
#define SELARAS_TMX_MAX_VARIANTS 256

/**
 * A streaming TMX reader (versions 1.1 to 1.4) built on libxml2's xmlTextReader: memory use
 * does not grow with the file, only with the largest unit. UTF-8 and UTF-16 files with or
 * without a byte order mark are read; entity references are never expanded (a file that
 * uses one fails with ::SELARAS_ERR_SYNTAX), no DTD or external entity is loaded and
 * nothing is fetched from the network. Errors carry a line and column (offset
 * ::SELARAS_NO_OFFSET): where libxml2 found a well-formedness or encoding error (a file
 * that ends early: where it ends); for what selaras finds in well-formed XML (no srclang,
 * a DOCTYPE declaring entities, nesting deeper than ::SELARAS_TMX_MAX_DEPTH, more than
 * ::SELARAS_TMX_MAX_ATTRIBUTES attributes in a tag or ::SELARAS_TMX_MAX_VARIANTS variants
 * in a unit, UTF-16 bytes declaring UTF-8, a tuv
 * without xml:lang or seg), the line where the element starts and column 1, or the
 * parser's position when the element has no line.
 *
 * libxml2's own allocations do not go through the reader's allocator. A reader is used by
 * one thread at a time.
 */
typedef struct selaras_tmx_reader selaras_tmx_reader;

/**
 * Open a TMX file and read its header (up to `<body>`).
 * @param[out] out    the new reader; free with selaras_tmx_reader_free().
 * @param[in]  path   the file.
 * @param[in]  flags  a bitwise OR of ::selaras_tmx_flag values, or 0.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_IO, ::SELARAS_ERR_SYNTAX
 *         (not well-formed, not TMX, no srclang, entities), ::SELARAS_ERR_ENCODING,
 *         ::SELARAS_ERR_LIMIT or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_tmx_reader_new(selaras_tmx_reader **out, const char *path,
                                                  unsigned flags, const selaras_allocator *mem,
                                                  selaras_error *err);

/** Like selaras_tmx_reader_new() on bytes in memory, which must stay valid and unchanged
 *  until the reader is freed (they are not copied). @p bytes may be NULL when @p len is 0.
 *  @return as selaras_tmx_reader_new(), without ::SELARAS_ERR_IO. */
SELARAS_API selaras_status selaras_tmx_reader_new_memory(selaras_tmx_reader **out,
                                                         const char *bytes, size_t len,
                                                         unsigned flags,
                                                         const selaras_allocator *mem,
                                                         selaras_error *err);

/** Free a reader; NULL is accepted. */
SELARAS_API void selaras_tmx_reader_free(selaras_tmx_reader *r);

/**
 * Read the next `<tu>`.
 * @param[out] unit  receives the unit, borrowed from @p r until the next call; NULL at the
 *                   end of the body (the rest of the file is then checked too).
 * @return ::SELARAS_OK or an error as for selaras_tmx_reader_new(); after an error every
 *         call returns ::SELARAS_ERR_STATE.
 */
SELARAS_API selaras_status selaras_tmx_reader_next(selaras_tmx_reader *r,
                                                   const selaras_unit **unit,
                                                   selaras_error *err);

/** @return the header as a unit without variants: its attributes (srclang, adminlang,
 *  creationtool…) and its properties and notes; borrowed from @p r. */
SELARAS_API const selaras_unit *selaras_tmx_reader_header(const selaras_tmx_reader *r);

/** @return the `version` attribute of `<tmx>` ("1.4"); borrowed. */
SELARAS_API const char *selaras_tmx_reader_version(const selaras_tmx_reader *r);

/** @return the header's srclang ("id", "*all*"…); borrowed. */
SELARAS_API const char *selaras_tmx_reader_srclang(const selaras_tmx_reader *r);


/* ===================================================================== */
/* 7. Collections                                                         */
/* ===================================================================== */

/* ---- 7.1 Parallelness of two documents ---- */

/**
 * Scores at or above this are taken for translations: selaras align refuses pairs below
 * it (scored with their beads). Calibrated with `make eval-pair`.
 */
#define SELARAS_PARALLEL_THRESHOLD 0.5

/**
 * The evidence behind a parallelness score, for reports and calibration. Caller-owned.
 * A feature is -1 when there was nothing to measure (no anchors on either side, no
 * lexicon, no beads given).
 */
typedef struct selaras_parallel_evidence {
    double score;        /**< the score in [0, 1], as selaras_parallel_score() returns it */
    double anchors;      /**< Dice overlap of numbers, dates and URLs (formats normalised) */
    double names;        /**< Dice overlap of names and acronyms */
    double lexicon;      /**< share of words with a lexicon translation on the other side */
    double length_ratio; /**< |ln(target length / source length)|, in code points */
    double beads;        /**< share of segments in confident two-sided beads */
    size_t src_anchors;  /**< distinct anchors of the source document */
    size_t tgt_anchors;  /**< distinct anchors of the target document */
    size_t shared_anchors; /**< anchors found in both */
} selaras_parallel_evidence;

/**
 * How likely two segmented documents are translations of each other, in [0, 1].
 *
 * The evidence: numbers with their formats normalised ("1.500,5" in Indonesian is
 * "1,500.5" in English, "Rp 2,5 miliar" is "IDR 2.5 billion"), dates with day and month
 * read both ways ("Selasa (27/1)" and "Tuesday (1/27)"), URLs, names and acronyms
 * spelled alike, word pairs of the lexicon, the ratio of the documents' lengths, and,
 * when an alignment of the two is given, the share of segments in confident beads with
 * both sides. Boilerplate segments are left out. Two empty documents score 0.
 *
 * @param[in]  src       source segments.
 * @param[in]  tgt       target segments (another language, or the same).
 * @param[in]  lex       a lexicon for the two languages (either direction), or NULL.
 * @param[in]  beads     selaras_align() of @p src and @p tgt, or NULL.
 * @param[out] score     receives the score.
 * @param[out] evidence  optional; receives the features behind the score.
 * @param[out] err       optional error details.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT (a NULL list or @p score, beads that do
 *         not cover the two lists) or ::SELARAS_ERR_NOMEM. Memory comes from the source
 *         list's allocator. Only reads its arguments: calls on distinct lists may run on
 *         many threads at once, sharing one lexicon.
 */
SELARAS_API selaras_status selaras_parallel_score(const selaras_segments *src,
                                                  const selaras_segments *tgt,
                                                  const selaras_lexicon *lex,
                                                  const selaras_alignment *beads,
                                                  double *score,
                                                  selaras_parallel_evidence *evidence,
                                                  selaras_error *err);

/** @return ::SELARAS_PARALLEL_THRESHOLD (for bindings that cannot read macros). */
SELARAS_API double selaras_parallel_threshold(void);

/* ---- 7.2 Pairing the documents of two collections ---- */

/**
 * A pairer finds which documents of a source collection translate which of a target
 * collection: add every document of both sides, then selaras_pairer_run(). The result is
 * one-to-one, and a document without a good partner stays unpaired (precision first: a
 * pair is only made when its score reaches the pairer's minimum, by default
 * ::SELARAS_PAIR_MIN_SCORE, no better pair claims either document, and, below 0.7, it
 * leads the next best candidate of each of its documents by 0.08).
 *
 * The pairer's score is the parallelness score of selaras_parallel_score() without
 * beads, with each anchor and name weighted by how rare it is in the two collections,
 * and each word by the square root of that (a word every document has proves nothing),
 * so it runs lower than the plain score on documents of one template.
 *
 * Candidates come from an inverted index of the rare anchors of the target documents
 * (numbers, dates, URLs, names, acronyms, and words whose lexicon translations are rare),
 * so that each source document is scored in full against a few candidates only, never
 * against every target: time grows about linearly with the collections. Documents on one
 * topic are told apart by what differs between them (numbers, dates, names).
 *
 * A pairer keeps a profile of each document, not the segments. It is used by one thread
 * at a time; its lexicon is only read.
 */
typedef struct selaras_pairer selaras_pairer;

/** The two sides of a pairing. */
typedef enum selaras_side {
    SELARAS_SIDE_SOURCE = 0, /**< the source collection */
    SELARAS_SIDE_TARGET = 1  /**< the target collection */
} selaras_side;

/** The pairer's default minimum score (see selaras_pairer_set_min_score()); calibrated
 *  with `make eval-pair`. */
#define SELARAS_PAIR_MIN_SCORE 0.4

/** What selaras_pairer_partner() returns for a document left unpaired. */
#define SELARAS_UNPAIRED ((size_t)-1)

/**
 * Create a pairer.
 * @param[out] out       the new pairer; free with selaras_pairer_free().
 * @param[in]  src_lang  language tag of the source documents ("id").
 * @param[in]  tgt_lang  language tag of the target documents ("en").
 * @param[in]  lex       a lexicon for the two languages (either direction), or NULL
 *                       (names and anchors only). Borrowed: it must outlive the pairer.
 * @param[in]  mem       allocator, or NULL.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_pairer_new(selaras_pairer **out, const char *src_lang,
                                              const char *tgt_lang, const selaras_lexicon *lex,
                                              const selaras_allocator *mem, selaras_error *err);

/** Free a pairer; NULL is accepted. */
SELARAS_API void selaras_pairer_free(selaras_pairer *p);

/** Pairs scoring below @p score are not made (default ::SELARAS_PAIR_MIN_SCORE).
 *  @return ::SELARAS_OK or ::SELARAS_ERR_ARGUMENT (NULL pairer, a score outside [0, 1]). */
SELARAS_API selaras_status selaras_pairer_set_min_score(selaras_pairer *p, double score,
                                                        selaras_error *err);

/**
 * Add a document to one side. Documents are numbered from 0 on each side in the order
 * they are added. The segments are only read (not retained).
 * @param[in]  side   ::SELARAS_SIDE_SOURCE or ::SELARAS_SIDE_TARGET.
 * @param[in]  segs   the document's segments; their primary language subtag must be the
 *                    side's.
 * @param[out] index  optional; receives the document's number on its side.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_LANGUAGE or
 *         ::SELARAS_ERR_NOMEM (nothing added).
 */
SELARAS_API selaras_status selaras_pairer_add(selaras_pairer *p, selaras_side side,
                                              const selaras_segments *segs, size_t *index,
                                              selaras_error *err);

/**
 * Pair the documents added so far (again, after more were added). An empty side pairs
 * nothing and succeeds.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT or ::SELARAS_ERR_NOMEM (the previous
 *         result is then kept).
 */
SELARAS_API selaras_status selaras_pairer_run(selaras_pairer *p, selaras_error *err);

/** @return the number of documents added to @p side. */
SELARAS_API size_t selaras_pairer_count(const selaras_pairer *p, selaras_side side);

/**
 * The partner of document @p index of @p side after selaras_pairer_run().
 * @param[out] score  optional; receives the pair's parallelness score, or for an unpaired
 *                    document the best score any candidate reached (0 without candidates).
 * @return the partner's number on the other side, or ::SELARAS_UNPAIRED (also for an
 *         index out of range, and before selaras_pairer_run()).
 */
SELARAS_API size_t selaras_pairer_partner(const selaras_pairer *p, selaras_side side,
                                          size_t index, double *score);

/** @return how many document pairs the last selaras_pairer_run() scored in full (a
 *  measure of the work the candidate index saved: at most 48 per source document). */
SELARAS_API size_t selaras_pairer_comparisons(const selaras_pairer *p);

/* ---- 7.3 Alignment weighed by parallelness ---- */

/**
 * selaras_align(), then selaras_parallel_score() of the pair with its beads and the
 * aligner's lexicon. The score is kept with the alignment
 * (selaras_alignment_document_score()) and weighs every bead's confidence: a bead is
 * right only if the two documents translate each other at all. Below a score of 0.8 (all
 * pairs above it were translations in `make eval-refuse`) a bead's confidence is
 * multiplied by score / 0.8, so no bead of a pair of non-translations claims a high
 * confidence. Refusing such pairs (score below
 * ::SELARAS_PARALLEL_THRESHOLD) is left to the caller.
 * @param[out] out       receives the alignment; NULL on failure.
 * @param[out] evidence  optional; receives the features behind the score.
 * @return what selaras_align() and selaras_parallel_score() return.
 */
SELARAS_API selaras_status selaras_align_scored(selaras_aligner *al, const selaras_segments *src,
                                                const selaras_segments *tgt,
                                                selaras_alignment **out,
                                                selaras_parallel_evidence *evidence,
                                                selaras_error *err);
/**
 * @return the parallelness score of the pair @p a aligns when it was made by
 * selaras_align_scored(), else -1.
 */
SELARAS_API double selaras_alignment_document_score(const selaras_alignment *a);

/* ---- 7.4 Batch: many document pairs into one memory ---- */

/**
 * A list of document pairs (file paths) to read, segment, align and write into one
 * memory, on one or more threads that share one read-only model (and its lexicon). Each
 * file is read as UTF-8 text, or as an HTML page (its main text, in the page's encoding)
 * when selaras_looks_like_html() says so, and split into sentences by a
 * ::selaras_segmenter of the model's language. A file that cannot be read or decoded skips its pair (the reason is
 * kept, the rest goes on); a pair whose parallelness score is below
 * ::SELARAS_PARALLEL_THRESHOLD is refused (nothing written) unless forced. Bead
 * confidences are weighed by the pair's score (selaras_align_scored()).
 *
 * The units are written in the order the pairs were added, whatever the number of
 * threads: the output is the same byte for byte with one thread or many. Memory holds at
 * most a few pairs per thread at a time, whatever the number of pairs.
 */
typedef struct selaras_batch selaras_batch;

/** What became of one pair of a batch. */
typedef enum selaras_batch_outcome {
    SELARAS_BATCH_PENDING = 0, /**< not run yet */
    SELARAS_BATCH_ALIGNED = 1, /**< aligned; its beads went to the writer */
    SELARAS_BATCH_REFUSED = 2, /**< the documents do not look like translations */
    SELARAS_BATCH_SKIPPED = 3  /**< a file could not be read or decoded (see the reason) */
} selaras_batch_outcome;

/** Stages a batch times (selaras_batch_seconds()). */
typedef enum selaras_batch_stage {
    SELARAS_STAGE_READ = 0,    /**< reading and decoding files */
    SELARAS_STAGE_SEGMENT = 1, /**< sentence segmentation */
    SELARAS_STAGE_ALIGN = 2,   /**< alignment and the parallelness score */
    SELARAS_STAGE_WRITE = 3    /**< handing beads to the writer */
} selaras_batch_stage;

/** Called after each pair is done with: pairs done, pairs in all, beads handed to the
 *  writer so far. Always on the thread that called selaras_batch_run(). */
typedef void (*selaras_batch_progress_fn)(void *user, size_t done, size_t total, size_t beads);

/**
 * Create an empty batch over @p model (borrowed, only read: it must outlive the batch;
 * it gives the languages and the lexicon). With more than one job, @p mem must be safe to
 * call from several threads at once.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT or ::SELARAS_ERR_NOMEM.
 */
SELARAS_API selaras_status selaras_batch_new(selaras_batch **out, const selaras_model *model,
                                             const selaras_allocator *mem, selaras_error *err);
/** Free a batch; NULL is accepted. */
SELARAS_API void selaras_batch_free(selaras_batch *b);
/** Add a pair: the source document's and the target document's paths (copied; they also
 *  name the documents in the memory). @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT,
 *  ::SELARAS_ERR_STATE (the batch ran) or ::SELARAS_ERR_NOMEM. */
SELARAS_API selaras_status selaras_batch_add(selaras_batch *b, const char *src_path,
                                             const char *tgt_path, selaras_error *err);
/** Align on @p jobs threads (1 to 256; default 1: the calling thread alone).
 *  @return ::SELARAS_OK or ::SELARAS_ERR_ARGUMENT. */
SELARAS_API selaras_status selaras_batch_set_jobs(selaras_batch *b, unsigned jobs,
                                                  selaras_error *err);
/** With @p on, pairs below the threshold are aligned too instead of refused. */
SELARAS_API void selaras_batch_set_force(selaras_batch *b, int on);
/** How the batch reads its files (before selaras_batch_run()): ::selaras_doc_flag values
 *  (with ::SELARAS_DOC_DETECT_HTML, the default, a file is HTML by its name,
 *  .html/.htm/.xhtml/.shtml, or its first bytes) and an encoding name, or NULL to detect
 *  it (the default), as for
 *  selaras_doc_new_encoded(). @p encoding is borrowed: it must outlive the run. Allocates
 *  nothing. @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT (NULL batch, unknown flags) or
 *  ::SELARAS_ERR_STATE (the batch ran). */
SELARAS_API selaras_status selaras_batch_set_input(selaras_batch *b, unsigned doc_flags,
                                                   const char *encoding);
/** Set the progress callback (NULL: none). */
SELARAS_API void selaras_batch_set_progress(selaras_batch *b, selaras_batch_progress_fn fn,
                                            void *user);
/**
 * Run the batch once, handing the beads of every aligned pair to @p w (not closed here:
 * the caller closes it). Skipped and refused pairs do not fail the run.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_STATE (it ran before),
 *         ::SELARAS_ERR_NOMEM, or what the writer returned (the run stops there).
 */
SELARAS_API selaras_status selaras_batch_run(selaras_batch *b, selaras_writer *w,
                                             selaras_error *err);
/** @return the number of pairs added. */
SELARAS_API size_t selaras_batch_count(const selaras_batch *b);
/** @return the source path of pair @p i, or NULL. */
SELARAS_API const char *selaras_batch_source(const selaras_batch *b, size_t i);
/** @return the target path of pair @p i, or NULL. */
SELARAS_API const char *selaras_batch_target(const selaras_batch *b, size_t i);
/** @return what became of pair @p i. */
SELARAS_API selaras_batch_outcome selaras_batch_outcome_of(const selaras_batch *b, size_t i);
/** @return the parallelness score of pair @p i, or -1 when it was not scored. */
SELARAS_API double selaras_batch_score(const selaras_batch *b, size_t i);
/** @return why pair @p i was skipped ("PATH:LINE:COL: message" or "PATH: message"), or
 *  NULL. Owned by the batch. */
SELARAS_API const char *selaras_batch_reason(const selaras_batch *b, size_t i);
/** @return the beads with @p src_count source and @p tgt_count target segments (0 to 3
 *  each) over the aligned pairs. */
SELARAS_API size_t selaras_batch_beads(const selaras_batch *b, unsigned src_count,
                                       unsigned tgt_count);
/** @return the seconds spent in @p stage, summed over the threads. */
SELARAS_API double selaras_batch_seconds(const selaras_batch *b, selaras_batch_stage stage);

/* ===================================================================== */
/* 8. Evaluation                                                          */
/* ===================================================================== */

/**
 * A list of beads to score: gold beads from a file, or the beads of an alignment. Each bead
 * is a list of source and a list of target segment indices (0-based, at most
 * ::SELARAS_BEADS_MAX_SIDE a side, either list may be empty). A list is used by one
 * thread at a time; scoring only reads it.
 */
typedef struct selaras_beads selaras_beads;

/** Most segments one side of a bead may list in a ::selaras_beads (64). */
#define SELARAS_BEADS_MAX_SIDE 64

/** Create an empty bead list. @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT or ::SELARAS_ERR_NOMEM. */
SELARAS_API selaras_status selaras_beads_new(selaras_beads **out, const selaras_allocator *mem,
                                             selaras_error *err);

/** Free a bead list; NULL is accepted. */
SELARAS_API void selaras_beads_free(selaras_beads *beads);

/**
 * Append a bead: @p nsrc source indices at @p src and @p ntgt target indices at @p tgt
 * (copied; NULL only with a count of 0).
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT (NULL list or array, more than
 *         ::SELARAS_BEADS_MAX_SIDE a side) or ::SELARAS_ERR_NOMEM (the list is unchanged).
 */
SELARAS_API selaras_status selaras_beads_add(selaras_beads *beads, const size_t *src,
                                             size_t nsrc, const size_t *tgt, size_t ntgt,
                                             selaras_error *err);

/** Append every bead of an alignment. @return as selaras_beads_add() (on failure the list
 *  is as it was). */
SELARAS_API selaras_status selaras_beads_add_alignment(selaras_beads *beads,
                                                       const selaras_alignment *a,
                                                       selaras_error *err);

/**
 * Append the beads of a text in either of the CLI's bead formats, one bead a line: the
 * `beads` format of `selaras align` and of the Text+Berg gold files (`[8, 9]:[10]`,
 * `[]:[22]`), or its JSONL (one object a line with the arrays "src" and "tgt"; other
 * members are skipped). Empty lines are skipped.
 * @param[out] err  on ::SELARAS_ERR_SYNTAX: offset, line and column of the fault in @p text.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT, ::SELARAS_ERR_SYNTAX, ::SELARAS_ERR_LIMIT
 *         (a side longer than ::SELARAS_BEADS_MAX_SIDE) or ::SELARAS_ERR_NOMEM; on failure
 *         the list is as it was.
 */
SELARAS_API selaras_status selaras_beads_parse(selaras_beads *beads, const char *text,
                                               size_t len, selaras_error *err);

/** @return the number of beads. */
SELARAS_API size_t selaras_beads_count(const selaras_beads *beads);
/** @return the source indices of bead @p i (i < count), borrowed; @p n receives their number. */
SELARAS_API const size_t *selaras_beads_src(const selaras_beads *beads, size_t i, size_t *n);
/** @return the target indices of bead @p i, borrowed; @p n receives their number. */
SELARAS_API const size_t *selaras_beads_tgt(const selaras_beads *beads, size_t i, size_t *n);
/** @return 1 when @p beads holds bead @p i of @p other exactly (same indices, in order),
 *  else 0. */
SELARAS_API int selaras_beads_contains(const selaras_beads *beads, const selaras_beads *other,
                                       size_t i);

/**
 * Counts of an alignment evaluation, as vecalign's score.py and Sennrich & Volk (2011)
 * count them for Text+Berg. Precision looks at every system bead with at least one
 * segment (1-0 and 0-1 included); recall at every gold bead with both sides, against the
 * system beads with both sides. Strict: the bead is in the other list exactly. Lax: some
 * bead of the other list shares a source and a target segment with it. Counts add up over
 * documents (the convention: sum, then divide).
 */
typedef struct selaras_align_counts {
    size_t strict_right, strict_wrong; /**< system beads in gold / not */
    size_t lax_right, lax_wrong;       /**< system beads overlapping gold / not */
    size_t strict_found, strict_missed; /**< two-sided gold beads in the system's / not */
    size_t lax_found, lax_missed;       /**< two-sided gold beads overlapped / not */
} selaras_align_counts;

/** Precision, recall and their harmonic mean (each 0 when undefined). */
typedef struct selaras_prf {
    double precision, recall, f1;
} selaras_prf;

/**
 * Score the system beads @p test of one document against its @p gold beads, adding to
 * @p counts (zero it before the first document). Time is linear in the beads and in the
 * largest segment index.
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT or ::SELARAS_ERR_NOMEM (counts unchanged).
 */
SELARAS_API selaras_status selaras_eval_align(const selaras_beads *gold,
                                              const selaras_beads *test,
                                              selaras_align_counts *counts,
                                              selaras_error *err);

/** Strict and lax precision, recall and F1 of @p counts (either output may be NULL). */
SELARAS_API void selaras_eval_align_scores(const selaras_align_counts *counts,
                                           selaras_prf *strict, selaras_prf *lax);

/** Counts of a segmentation evaluation: boundaries found by both, by the system, in gold. */
typedef struct selaras_boundary_counts {
    size_t right, system, gold;
} selaras_boundary_counts;

/**
 * Score a segmentation by its boundaries, adding to @p counts. A boundary is the end
 * offset of a segment whose text is not empty; the largest end of each list (the end of
 * the text's content) is not one. Both lists must point into the same input (for
 * example a gold segmentation made with selaras_segments_append() and the system's with
 * selaras_segments_from_lines() of the same lines, or two segmentations of one document).
 * @return ::SELARAS_OK, ::SELARAS_ERR_ARGUMENT or ::SELARAS_ERR_NOMEM (counts unchanged).
 */
SELARAS_API selaras_status selaras_eval_segments(const selaras_segments *gold,
                                                 const selaras_segments *system,
                                                 selaras_boundary_counts *counts,
                                                 selaras_error *err);

/** Like selaras_eval_segments() on arrays of segment end offsets (any order, repeats
 *  counted once; the largest of each array is not a boundary). @p mem: allocator for the
 *  sorted copies, or NULL. */
SELARAS_API selaras_status selaras_eval_boundaries(const size_t *gold, size_t ngold,
                                                   const size_t *system, size_t nsystem,
                                                   selaras_boundary_counts *counts,
                                                   const selaras_allocator *mem,
                                                   selaras_error *err);

/** Boundary precision, recall and F1 of @p counts. */
SELARAS_API selaras_prf selaras_eval_boundary_scores(const selaras_boundary_counts *counts);


#ifdef __cplusplus
}
#endif

#endif /* SELARAS_H */
