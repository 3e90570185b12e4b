/* Outputs of the writer: a callback, or a file written through one: a temporary file
 * beside the target (NAME.tmp-PID-XXXXXX), flushed, synced and renamed over it at close;
 * removed when the writer is freed without closing. Symbolic links to the target,
 * dangling or not, stay links. */
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
    o->fd = o->lock_fd = -1;
    o->write = write;
    o->user = user;
    sl_buf_init(&o->buf, &w->mem);
}

/* Follow path through symbolic links, dangling ones included, to the file that is to be
 * replaced: a link stays a link. *out is path itself or a copy to free. */
static selaras_status follow_links(selaras_writer *w, const char *path, char **out,
                                   selaras_error *err)
{
    char real[PATH_MAX];
    if (realpath(path, real) != NULL) {
        struct stat lst;
        if (lstat(path, &lst) != 0 || !S_ISLNK(lst.st_mode))
            real[0] = '\0'; /* not a link: keep the name as given */
    } else {
        /* realpath fails on a dangling link: read the chain by hand */
        size_t n = strlen(path);
        if (n >= sizeof real)
            return sl_error(err, SELARAS_ERR_IO, "%.60s...: the name is too long", path);
        memcpy(real, path, n + 1);
        int hops = 0;
        struct stat lst;
        while (lstat(real, &lst) == 0 && S_ISLNK(lst.st_mode)) {
            char link[PATH_MAX];
            ssize_t k = readlink(real, link, sizeof link - 1);
            if (k < 0 || ++hops > 40)
                return sl_error(err, SELARAS_ERR_IO, "%s: too many levels of symbolic links",
                                path);
            link[k] = '\0';
            const char *slash = strrchr(real, '/');
            size_t dir = link[0] == '/' || slash == NULL ? 0 : (size_t)(slash - real) + 1;
            if (dir + (size_t)k >= sizeof real)
                return sl_error(err, SELARAS_ERR_IO, "%s: the link's target name is too long",
                                path);
            memcpy(real + dir, link, (size_t)k + 1);
        }
        if (hops == 0)
            real[0] = '\0';
    }
    const char *use = real[0] != '\0' ? real : path;
    *out = sl_strndup(&w->mem, use, strlen(use));
    return *out == NULL ? sl_nomem(err) : SELARAS_OK;
}

selaras_status sl_out_open(selaras_writer *w, sl_out *o, const char *path,
                               selaras_error *err)
{
    sl_out_open_callback(w, o, fd_write, o);
    selaras_status s = follow_links(w, path, &o->path, err);
    if (s != SELARAS_OK)
        return s;
    path = o->path;
    size_t n = strlen(path);
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        o->fd = open(path, O_WRONLY | O_CLOEXEC);
        if (o->fd < 0)
            return sl_error(err, SELARAS_ERR_IO, "%s: cannot open for writing: %s", path,
                            sl_errno_text(errno));
        return SELARAS_OK;
    }
    /* NAME.tmp-PID-XXXXXX: the PID tells a later writer whether its writer still runs */
    char pid[24];
    int plen = snprintf(pid, sizeof pid, ".tmp-%ld-XXXXXX", (long)getpid());
    o->tmp = sl_malloc(&w->mem, n + (size_t)plen + 1);
    if (o->tmp == NULL)
        return sl_nomem(err);
    memcpy(o->tmp, path, n);
    memcpy(o->tmp + n, pid, (size_t)plen + 1);
    o->fd = mkstemp(o->tmp);
    if (o->fd < 0) {
        s = sl_error(err, SELARAS_ERR_IO, "%s: cannot create a temporary file beside it: %s",
                     path, sl_errno_text(errno));
        sl_free(&w->mem, o->tmp);
        o->tmp = NULL;
        return s;
    }
    (void)fcntl(o->fd, F_SETFD, FD_CLOEXEC);
    /* mkstemp makes the file 0600: give it the old file's mode, or rw-r--r-- */
    (void)fchmod(o->fd, exists ? (st.st_mode & 07777) : 0644);
    return SELARAS_OK;
}

/* The folder part of path ("." when none), resolved; NULL when it cannot be. */
static char *real_dir(selaras_writer *w, const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX], real[PATH_MAX];
    size_t n = slash == NULL ? 1 : slash == path ? 1 : (size_t)(slash - path);
    if (n >= sizeof dir)
        return NULL;
    memcpy(dir, slash == NULL ? "." : path, n);
    dir[n] = '\0';
    if (realpath(dir, real) == NULL)
        return NULL;
    return sl_strndup(&w->mem, real, strlen(real));
}

int sl_out_same_file(selaras_writer *w, const sl_out *a, const sl_out *b)
{
    struct stat sa, sb;
    if (stat(a->path, &sa) == 0 && stat(b->path, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    const char *na = strrchr(a->path, '/'), *nb = strrchr(b->path, '/');
    na = na == NULL ? a->path : na + 1;
    nb = nb == NULL ? b->path : nb + 1;
    if (strcmp(na, nb) != 0)
        return 0;
    char *da = real_dir(w, a->path), *db = real_dir(w, b->path);
    int same = da != NULL && db != NULL && strcmp(da, db) == 0;
    sl_free(&w->mem, da);
    sl_free(&w->mem, db);
    return same;
}

/* Close the file; remove the temporary file unless keep. */
void sl_out_discard(selaras_writer *w, sl_out *o)
{
    if (o->fd >= 0)
        close(o->fd);
    o->fd = -1;
    if (o->tmp != NULL)
        unlink(o->tmp);
    sl_out_unlock(w, o);
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
