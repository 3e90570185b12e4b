/* Reading a dictionary file whole (with its size limit), and the file-name test the
 * loaders share. Apart from load.c and dict_freedict.c, which both use them, so that
 * neither file calls the other's functions both ways. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lexicon.h"

selaras_status sl_read_file(const selaras_allocator *mem, const char *path, sl_buf *out,
                            selaras_error *err)
{
    sl_buf_init(out, mem);
    errno = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return sl_error(err, SELARAS_ERR_IO, "cannot open '%s': %s", path,
                        sl_errno_text(errno));
    selaras_status st = SELARAS_OK;
    for (;;) {
        if (sl_buf_reserve(out, 65536) != 0) {
            st = sl_nomem(err);
            break;
        }
        size_t n = fread(out->data + out->len, 1, 65536, f);
        out->len += n;
        out->data[out->len] = '\0';
        if (out->len > SELARAS_DICT_MAX_BYTES) {
            st = sl_error(err, SELARAS_ERR_LIMIT, "'%s' is larger than %zu bytes", path,
                          (size_t)SELARAS_DICT_MAX_BYTES);
            break;
        }
        if (n < 65536) {
            if (ferror(f))
                st = sl_error(err, SELARAS_ERR_IO, "cannot read '%s'", path);
            break;
        }
    }
    fclose(f);
    if (st != SELARAS_OK)
        sl_buf_release(out);
    return st;
}

int sl_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}
