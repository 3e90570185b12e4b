/* Reading a dictionary file whole (with its size limit, through the one reader of core), and the file-name test the
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
    selaras_file *f;
    selaras_status st = sl_file_read(mem, NULL, path, SELARAS_DICT_MAX_BYTES, SL_FILE_NO_MAP,
                                     &f, err);
    if (st != SELARAS_OK)
        return st;
    size_t len = 0;
    out->data = sl_file_take(f, &len); /* read, never mapped, and not shared: never NULL */
    out->len = len;
    out->cap = len + 1;
    return SELARAS_OK;
}

int sl_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}
