/* The one whole-file reader of the project: a file mapped into memory when it can be,
 * else read with one read() loop into a buffer of its final size (from fstat), standard
 * input grown as it comes. Documents, abbreviation lists, dictionaries and the CLI all
 * read through it. A file handle is shared by reference counting: a document that keeps
 * its input as its text, and the segment lists made from that document, hold it. */
#define _DEFAULT_SOURCE /* MAP_POPULATE */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"

/* Files smaller than this are read: mapping costs more than a copy of a few pages. */
#define SL_FILE_MAP_MIN ((size_t)1 << 20)

/* First allocation for input of unknown size (a pipe). */
#define SL_FILE_CHUNK ((size_t)1 << 16)

static selaras_status new_handle(const selaras_allocator *mem, selaras_file **out,
                                 selaras_error *err)
{
    selaras_file *f = sl_calloc(mem, 1, sizeof *f);
    if (f == NULL)
        return sl_nomem(err);
    f->mem = *mem;
    atomic_init(&f->refs, 1);
    *out = f;
    return SELARAS_OK;
}

selaras_status sl_file_wrap(const selaras_allocator *mem, char *data, size_t len,
                            selaras_file **out, selaras_error *err)
{
    selaras_status st = new_handle(mem, out, err);
    if (st != SELARAS_OK)
        return st;
    (*out)->data = data;
    (*out)->len = len;
    return SELARAS_OK;
}

static selaras_status too_large(selaras_error *err, const char *what, const char *path,
                                size_t max)
{
    return sl_error(err, SELARAS_ERR_LIMIT, "%s%s'%s' is larger than %zu bytes", what,
                    *what ? " " : "", path, max);
}

/* One read() that retries on EINTR. */
static ssize_t read_some(int fd, char *buf, size_t n)
{
    ssize_t got;
    do
        got = read(fd, buf, n);
    while (got < 0 && errno == EINTR);
    return got;
}

/* Read fd to its end into f->data (NUL-terminated), starting with room for hint bytes:
 * a regular file's size, so that its bytes are read once into their final buffer. */
static selaras_status read_all(selaras_file *f, int fd, const char *what, const char *path,
                               size_t hint, size_t max, selaras_error *err)
{
    size_t cap = (hint < max ? hint : max) + 1, len = 0;
    char *data = sl_malloc(&f->mem, cap);
    if (data == NULL)
        return sl_nomem(err);
    selaras_status st = SELARAS_OK;
    ssize_t n;
    for (;;) {
        if (len + 1 == cap) { /* full: one byte more says whether there is more */
            char probe;
            if ((n = read_some(fd, &probe, 1)) <= 0)
                break;
            if (len >= max) {
                st = too_large(err, what, path, max);
                break;
            }
            size_t want = len < SL_FILE_CHUNK ? SL_FILE_CHUNK : 2 * len;
            if (want > max)
                want = max;
            char *p = sl_realloc(&f->mem, data, want + 1);
            if (p == NULL) {
                st = sl_nomem(err);
                break;
            }
            data = p;
            cap = want + 1;
            data[len++] = probe;
            continue;
        }
        if ((n = read_some(fd, data + len, cap - 1 - len)) <= 0)
            break;
        len += (size_t)n;
    }
    if (st == SELARAS_OK && n < 0)
        st = sl_error(err, SELARAS_ERR_IO, "cannot read %s%s'%s': %s", what, *what ? " " : "",
                      path, sl_errno_text(errno));
    if (st != SELARAS_OK) {
        sl_free(&f->mem, data);
        return st;
    }
    data[len] = '\0';
    f->data = data;
    f->len = len;
    return SELARAS_OK;
}

/* Map a regular file of len bytes; returns 0, or -1 to fall back to reading. The page
 * after the end of the file is not mapped when len fills its last page, and the data must
 * end with a NUL: such files are read. */
static int map_file(selaras_file *f, int fd, size_t len)
{
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0 || len % (size_t)page == 0)
        return -1;
    int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
    flags |= MAP_POPULATE; /* every page is read once: fault them in one go */
#endif
    void *p = mmap(NULL, len, PROT_READ, flags, fd, 0);
    if (p == MAP_FAILED)
        return -1;
    if (((const char *)p)[len] != '\0') { /* the file grew since fstat: read it instead */
        munmap(p, len);
        return -1;
    }
    f->data = p;
    f->len = len;
    f->map_len = len;
    return 0;
}

selaras_status sl_file_read(const selaras_allocator *mem, const char *what, const char *path,
                            size_t max, unsigned flags, selaras_file **out, selaras_error *err)
{
    if (what == NULL)
        what = "";
    *out = NULL;
    int use_stdin = strcmp(path, "-") == 0;
    const char *name = use_stdin ? "standard input" : path;
    errno = 0;
    int fd = use_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return sl_error(err, SELARAS_ERR_IO, "cannot open %s%s'%s': %s", what,
                        *what ? " " : "", path, sl_errno_text(errno));
    selaras_file *f = NULL;
    selaras_status st = new_handle(mem, &f, err);
    struct stat sb;
    if (st == SELARAS_OK && fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode))
        st = sl_error(err, SELARAS_ERR_IO, "cannot read %s%s'%s': it is a directory", what,
                      *what ? " " : "", name);
    else if (st == SELARAS_OK && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size >= 0) {
        size_t size = (size_t)sb.st_size;
        if ((unsigned long long)sb.st_size > (unsigned long long)max)
            st = too_large(err, what, name, max);
        else if ((flags & SL_FILE_NO_MAP) || size < SL_FILE_MAP_MIN || map_file(f, fd, size) != 0)
            st = read_all(f, fd, what, name, size, max, err);
    } else if (st == SELARAS_OK) {
        st = read_all(f, fd, what, name, SL_FILE_CHUNK, max, err);
    }
    if (!use_stdin)
        close(fd);
    if (st != SELARAS_OK) {
        sl_free(mem, f);
        return st;
    }
    *out = f;
    return SELARAS_OK;
}

selaras_file *sl_file_ref(selaras_file *f)
{
    if (f != NULL)
        atomic_fetch_add_explicit(&f->refs, 1, memory_order_relaxed);
    return f;
}

char *sl_file_take(selaras_file *f, size_t *len)
{
    if (f == NULL || f->map_len != 0 || atomic_load(&f->refs) != 1)
        return NULL;
    char *data = f->data;
    *len = f->len;
    f->data = NULL;
    selaras_file_free(f);
    return data;
}

selaras_status selaras_file_read(selaras_file **out, const char *path, size_t max_bytes,
                                 const selaras_allocator *mem, selaras_error *err)
{
    if (out == NULL || path == NULL)
        return sl_error(err, SELARAS_ERR_ARGUMENT, "selaras_file_read: NULL argument");
    *out = NULL;
    selaras_allocator m;
    selaras_status st = sl_mem_init(&m, mem, err);
    if (st != SELARAS_OK)
        return st;
    return sl_file_read(&m, NULL, path, max_bytes ? max_bytes : SELARAS_DOC_MAX_BYTES, 0, out,
                        err);
}

const char *selaras_file_data(const selaras_file *file, size_t *len)
{
    if (len != NULL)
        *len = file->len;
    return file->data;
}

void selaras_file_free(selaras_file *file)
{
    if (file == NULL ||
        atomic_fetch_sub_explicit(&file->refs, 1, memory_order_acq_rel) != 1)
        return;
    selaras_allocator m = file->mem;
    if (file->map_len != 0)
        munmap(file->data, file->map_len);
    else
        sl_free(&m, file->data);
    sl_free(&m, file);
}
