/* A growable byte buffer on a handle's allocator. */
#include "config.h"

#include <string.h>

#include "core.h"

void sl_buf_init(sl_buf *buf, const selaras_allocator *mem)
{
    buf->mem = mem;
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
}

void sl_buf_release(sl_buf *buf)
{
    sl_free(buf->mem, buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}

int sl_buf_reserve(sl_buf *buf, size_t extra)
{
    if (extra > SIZE_MAX - buf->len - 1)
        return -1;
    void *data = buf->data;
    if (sl_grow(buf->mem, &data, &buf->cap, buf->len + extra + 1, 1) != 0)
        return -1;
    buf->data = data;
    buf->data[buf->len] = '\0';
    return 0;
}

int sl_buf_append(sl_buf *buf, const char *bytes, size_t len)
{
    if (sl_buf_reserve(buf, len) != 0)
        return -1;
    if (len > 0)
        memcpy(buf->data + buf->len, bytes, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
    return 0;
}

int sl_buf_append_byte(sl_buf *buf, char byte)
{
    return sl_buf_append(buf, &byte, 1);
}

int sl_buf_append_str(sl_buf *buf, const char *s)
{
    return sl_buf_append(buf, s, strlen(s));
}

int sl_buf_append_size(sl_buf *buf, size_t value)
{
    char digits[24];
    size_t n = 0;
    do {
        digits[sizeof digits - 1 - n] = (char)('0' + value % 10);
        value /= 10;
        n++;
    } while (value > 0);
    return sl_buf_append(buf, digits + sizeof digits - n, n);
}
