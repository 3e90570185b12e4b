/* Status strings and filling the caller's error struct. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core.h"

const char *selaras_strerror(selaras_status status)
{
    switch (status) {
    case SELARAS_OK: return "success";
    case SELARAS_ERR_NOMEM: return "out of memory";
    case SELARAS_ERR_ARGUMENT: return "invalid argument";
    case SELARAS_ERR_ENCODING: return "invalid UTF-8 input";
    case SELARAS_ERR_LANGUAGE: return "unsupported or malformed language tag";
    case SELARAS_ERR_LIMIT: return "input exceeds a size limit";
    case SELARAS_ERR_IO: return "input/output error";
    case SELARAS_ERR_SYNTAX: return "malformed data";
    case SELARAS_ERR_UNICODE: return "Unicode library failure";
    case SELARAS_ERR_STATE: return "call out of order";
    case SELARAS_ERR_INTERNAL: return "internal error";
    case SELARAS_ERR_NOT_PARALLEL: return "documents do not look like translations";
    case SELARAS_ERR_LOCKED: return "memory locked by another writer";
    }
    return "unknown status";
}

static void fill(selaras_error *err, selaras_status status, size_t offset, size_t line,
                 size_t column, const char *fmt, va_list ap) SL_PRINTF(6, 0);

static void fill(selaras_error *err, selaras_status status, size_t offset, size_t line,
                 size_t column, const char *fmt, va_list ap)
{
    err->status = status;
    err->offset = offset;
    err->line = line;
    err->column = column;
    int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
    if (n < 0)
        snprintf(err->message, sizeof err->message, "%s", selaras_strerror(status));
}

selaras_status sl_error(selaras_error *err, selaras_status status, const char *fmt, ...)
{
    if (err != NULL) {
        va_list ap;
        va_start(ap, fmt);
        fill(err, status, SELARAS_NO_OFFSET, 0, 0, fmt, ap);
        va_end(ap);
    }
    return status;
}

selaras_status sl_error_line(selaras_error *err, selaras_status status, size_t offset,
                             size_t line, size_t column, const char *fmt, ...)
{
    if (err != NULL) {
        va_list ap;
        va_start(ap, fmt);
        fill(err, status, offset, line, column, fmt, ap);
        va_end(ap);
    }
    return status;
}

selaras_status sl_error_at(selaras_error *err, selaras_status status, const char *text,
                           size_t len, size_t offset, const char *fmt, ...)
{
    if (err != NULL) {
        size_t line, column;
        sl_locate(text, len, offset, &line, &column);
        va_list ap;
        va_start(ap, fmt);
        fill(err, status, offset, line, column, fmt, ap);
        va_end(ap);
    }
    return status;
}

void sl_locate(const char *text, size_t len, size_t offset, size_t *line, size_t *column)
{
    size_t ln = 1, col = 1;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n' || (c == '\r' && !(i + 1 < len && text[i + 1] == '\n'))) {
            ln++;
            col = 1;
        } else if (c != '\r' && (c & 0xC0) != 0x80) {
            col++; /* count code points: skip continuation bytes */
        }
    }
    *line = ln;
    *column = col;
}

selaras_status sl_nomem(selaras_error *err)
{
    return sl_error(err, SELARAS_ERR_NOMEM, "out of memory");
}

const char *sl_errno_text(int errnum)
{
    switch (errnum) {
    case ENOENT: return "no such file";
    case EACCES: return "permission denied";
    case EPERM: return "operation not permitted";
    case EISDIR: return "is a directory";
    case ENOTDIR: return "a path component is not a directory";
    case ENAMETOOLONG: return "file name too long";
    case ELOOP: return "too many symbolic links";
    case EEXIST: return "file exists";
    case ENOSPC: return "no space left on device";
    case EDQUOT: return "disk quota exceeded";
    case EFBIG: return "file too large";
    case EROFS: return "read-only file system";
    case EMFILE: return "too many open files";
    case ENFILE: return "too many open files in the system";
    case EXDEV: return "cannot rename across file systems";
    case EPIPE: return "broken pipe";
    case EIO: return "input/output error";
    case ENOMEM: return "out of memory";
    case EBADF: return "bad file descriptor";
    case EINVAL: return "invalid argument";
    case ETXTBSY: return "text file busy";
    case EBUSY: return "device or resource busy";
    }
    return "system error";
}
