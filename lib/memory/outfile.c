/* Outputs of the writer: a callback, or a file written through one (a temporary file
 * beside the target, flushed, synced and renamed over it at close; removed when the
 * writer is freed without closing). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "memory.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* The write function of a path output: all of bytes to o->fd. */
static int fd_write(const char *bytes, size_t len, void *user)
{
    sl_out *o = user;
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(o->fd, bytes + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            o->error = n < 0 ? errno : EIO;
            return -1;
        }
        done += (size_t)n;
    }
    return 0;
}

void sl_out_open_callback(selaras_writer *w, sl_out *o, selaras_write_fn write, void *user)
{
    o->fd = -1;
    o->write = write;
    o->user = user;
    sl_buf_init(&o->buf, &w->mem);
}

selaras_status sl_out_open(selaras_writer *w, sl_out *o, const char *path,
                               selaras_error *err)
{
    sl_out_open_callback(w, o, fd_write, o);
    /* a symbolic link stays: the file it points to is the one replaced */
    char real[PATH_MAX];
    struct stat lst;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && realpath(path, real) != NULL)
        path = real;
    size_t n = strlen(path);
    o->path = sl_strndup(&w->mem, path, n);
    if (o->path == NULL)
        return sl_nomem(err);
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        o->fd = open(path, O_WRONLY | O_CLOEXEC);
        if (o->fd < 0)
            return sl_error(err, SELARAS_ERR_IO, "%s: cannot open for writing: %s", path,
                            sl_errno_text(errno));
        return SELARAS_OK;
    }
    o->tmp = sl_malloc(&w->mem, n + 12);
    if (o->tmp == NULL)
        return sl_nomem(err);
    memcpy(o->tmp, path, n);
    memcpy(o->tmp + n, ".tmp-XXXXXX", 12);
    o->fd = mkstemp(o->tmp);
    if (o->fd < 0) {
        selaras_status s = sl_error(err, SELARAS_ERR_IO,
                                    "%s: cannot create a temporary file beside it: %s", path,
                                    sl_errno_text(errno));
        sl_free(&w->mem, o->tmp);
        o->tmp = NULL;
        return s;
    }
    (void)fcntl(o->fd, F_SETFD, FD_CLOEXEC);
    /* mkstemp makes the file 0600: give it the old file's mode, or rw-r--r-- */
    (void)fchmod(o->fd, exists ? (st.st_mode & 07777) : 0644);
    return SELARAS_OK;
}

/* Close the file; remove the temporary file unless keep. */
void sl_out_discard(selaras_writer *w, sl_out *o)
{
    if (o->fd >= 0)
        close(o->fd);
    o->fd = -1;
    if (o->tmp != NULL)
        unlink(o->tmp);
    sl_free(&w->mem, o->tmp);
    sl_free(&w->mem, o->path);
    sl_buf_release(&o->buf);
    o->tmp = o->path = NULL;
}

selaras_status sl_out_flush(selaras_writer *w, size_t i, size_t min, selaras_error *err)
{
    sl_out *o = &w->out[i];
    if (o->buf.len < min || o->buf.len == 0)
        return SELARAS_OK;
    if (o->write(o->buf.data, o->buf.len, o->user) != 0) {
        if (o->path == NULL)
            return sl_error(err, SELARAS_ERR_IO, "the write callback failed");
        return sl_error(err, SELARAS_ERR_IO, "%s: write error: %s", o->path,
                        sl_errno_text(o->error));
    }
    o->buf.len = 0;
    return SELARAS_OK;
}

selaras_status sl_out_commit(selaras_writer *w, sl_out *o, selaras_error *err)
{
    if (o->tmp == NULL) /* a device or pipe: nothing to rename */
        return SELARAS_OK;
    if (fsync(o->fd) != 0)
        return sl_error(err, SELARAS_ERR_IO, "%s: cannot sync: %s", o->path,
                        sl_errno_text(errno));
    int rc = close(o->fd);
    o->fd = -1;
    if (rc != 0)
        return sl_error(err, SELARAS_ERR_IO, "%s: write error: %s", o->path,
                        sl_errno_text(errno));
    if (rename(o->tmp, o->path) != 0)
        return sl_error(err, SELARAS_ERR_IO, "%s: cannot replace: %s", o->path,
                        sl_errno_text(errno));
    sl_free(&w->mem, o->tmp);
    o->tmp = NULL;
    /* make the rename itself durable */
    const char *slash = strrchr(o->path, '/');
    char *dir = slash == NULL ? sl_strndup(&w->mem, ".", 1)
                              : sl_strndup(&w->mem, o->path,
                                           slash == o->path ? 1 : (size_t)(slash - o->path));
    if (dir != NULL) {
        int fd = open(dir, O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            (void)fsync(fd);
            close(fd);
        }
        sl_free(&w->mem, dir);
    }
    return SELARAS_OK;
}
