/* The lock of a memory file: an advisory write lock (fcntl) on TARGET.lock beside it,
 * taken before the writer reads or checks the target and held until the new file is
 * renamed over it, so that writers of one memory take turns and none loses another's
 * units. Under the lock the writer also checks the target (read-only, already there) and
 * removes the temporary files of writers that died. */
#define _GNU_SOURCE /* F_OFD_SETLK */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "memory.h"

#ifdef F_OFD_SETLK
#define SL_SETLK F_OFD_SETLK /* owned by the open file: two writers of one process exclude */
#else
#define SL_SETLK F_SETLK
#endif

/* 1 when the lock was taken on fd, 0 when another holds it, -1 on another error. */
static int try_lock(int fd)
{
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    if (fcntl(fd, SL_SETLK, &fl) == 0)
        return 1;
    return errno == EAGAIN || errno == EACCES || errno == EINTR ? 0 : -1;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void pause_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* Take the lock of o (o->path + ".lock"), waiting up to timeout seconds. The lock file is
 * removed by its holder when done: a lock taken on a file that was removed meanwhile (its
 * inode is no longer at the path) is given up and taken again on the new one. */
static selaras_status lock_out(selaras_writer *w, sl_out *o, selaras_error *err)
{
    size_t n = strlen(o->path);
    o->lock_path = sl_malloc(&w->mem, n + 6);
    if (o->lock_path == NULL)
        return sl_nomem(err);
    memcpy(o->lock_path, o->path, n);
    memcpy(o->lock_path + n, ".lock", 6);
    double start = now_seconds();
    long wait_ms = 2;
    for (;;) {
        int fd = open(o->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return sl_error(err, SELARAS_ERR_IO, "%s: cannot create the lock file %s: %s",
                            o->path, o->lock_path, sl_errno_text(errno));
        int got;
        while ((got = try_lock(fd)) == 0) {
            if (now_seconds() - start >= w->lock_timeout) {
                close(fd);
                return sl_error(err, SELARAS_ERR_LOCKED,
                                "%s: another writer has held its lock (%s) for %g s; "
                                "try again when it is done",
                                o->path, o->lock_path, w->lock_timeout);
            }
            pause_ms(wait_ms);
            if (wait_ms < 50)
                wait_ms *= 2;
        }
        if (got < 0) {
            int e = errno;
            close(fd);
            return sl_error(err, SELARAS_ERR_IO, "%s: cannot lock %s: %s", o->path,
                            o->lock_path, sl_errno_text(e));
        }
        struct stat held, now;
        if (fstat(fd, &held) == 0 && stat(o->lock_path, &now) == 0 &&
            held.st_dev == now.st_dev && held.st_ino == now.st_ino) {
            o->lock_fd = fd;
            return SELARAS_OK;
        }
        close(fd); /* removed by the writer before us: lock the new one */
    }
}

void sl_out_unlock(selaras_writer *w, sl_out *o)
{
    if (o->lock_fd >= 0) {
        unlink(o->lock_path); /* while still held: see lock_out() */
        close(o->lock_fd);
        o->lock_fd = -1;
    }
    sl_free(&w->mem, o->lock_path);
    o->lock_path = NULL;
}

/* Remove the temporary files that writers which are no longer running left beside
 * o->path: NAME.tmp-PID-XXXXXX whose PID is not a live process (this process's own are
 * left alone: they may be another writer's of this process). */
static void remove_stale(selaras_writer *w, const sl_out *o)
{
    const char *slash = strrchr(o->path, '/');
    const char *base = slash == NULL ? o->path : slash + 1;
    size_t dlen = slash == NULL ? 1 : slash == o->path ? 1 : (size_t)(slash - o->path);
    char *dir = sl_strndup(&w->mem, slash == NULL ? "." : o->path, dlen);
    if (dir == NULL)
        return; /* out of memory: they stay for the next writer */
    DIR *d = opendir(dir);
    size_t blen = strlen(base);
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        if (strncmp(name, base, blen) != 0 || strncmp(name + blen, ".tmp-", 5) != 0)
            continue;
        const char *p = name + blen + 5, *digits = p;
        long long pid = 0;
        while (*p >= '0' && *p <= '9' && pid < 100000000)
            pid = pid * 10 + (*p++ - '0');
        if (p == digits || *p != '-' || strlen(p + 1) != 6 || pid <= 0 ||
            (pid_t)pid == getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        size_t len = dlen + 1 + strlen(name);
        char *full = sl_malloc(&w->mem, len + 1);
        if (full == NULL)
            break;
        memcpy(full, dir, dlen);
        full[dlen] = '/';
        memcpy(full + dlen + 1, name, strlen(name) + 1);
        unlink(full);
        sl_free(&w->mem, full);
    }
    if (d != NULL)
        closedir(d);
    sl_free(&w->mem, dir);
}

/* Lock o and check its target: refused when it is there and read-only (unless
 * SELARAS_WRITER_REPLACE_READONLY) or there at all with SELARAS_WRITER_NO_REPLACE (unless
 * SELARAS_WRITER_MERGE). *exists tells whether there is a memory to merge. */
static selaras_status prepare_out(selaras_writer *w, sl_out *o, int *exists,
                                  selaras_error *err)
{
    *exists = 0;
    if (o->tmp == NULL) /* a device or pipe: written directly, not replaced */
        return SELARAS_OK;
    selaras_status st = lock_out(w, o, err);
    if (st != SELARAS_OK)
        return st;
    remove_stale(w, o);
    struct stat sb;
    if (stat(o->path, &sb) != 0)
        return SELARAS_OK;
    *exists = 1;
    if ((w->flags & SELARAS_WRITER_NO_REPLACE) && !(w->flags & SELARAS_WRITER_MERGE))
        return sl_error(err, SELARAS_ERR_IO, "%s: a file is already there; it is not replaced",
                        o->path);
    int readonly = (sb.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
                   (access(o->path, W_OK) != 0 && (errno == EACCES || errno == EROFS));
    if (readonly && !(w->flags & SELARAS_WRITER_REPLACE_READONLY))
        return sl_error(err, SELARAS_ERR_IO, "%s: the file is read-only; it is not replaced",
                        o->path);
    (void)fchmod(o->fd, sb.st_mode & 07777); /* the mode it has now, not at writer_new */
    return SELARAS_OK;
}

selaras_status sl_writer_lock_targets(selaras_writer *w, int *exists, selaras_error *err)
{
    int there[2] = {0, 0};
    selaras_status st = SELARAS_OK;
    for (size_t i = 0; st == SELARAS_OK && i < w->nout; i++)
        st = prepare_out(w, &w->out[i], &there[i], err);
    *exists = there[0];
    return st;
}
