/* libFuzzer harness for the TMX reader: any bytes must give units or a clean error,
 * never a crash, a leak or a hang. Build with ./configure --enable-fuzzers CC=clang. */
#include <stddef.h>
#include <stdint.h>

#include "selaras.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (unsigned flags = 0; flags <= SELARAS_TMX_KEEP_CODES; flags++) {
        selaras_tmx_reader *r;
        if (selaras_tmx_reader_new_memory(&r, (const char *)data, size, flags, NULL, NULL) !=
            SELARAS_OK)
            continue;
        const selaras_unit *u;
        while (selaras_tmx_reader_next(r, &u, NULL) == SELARAS_OK && u != NULL) {
            size_t n = selaras_unit_variant_count(u);
            for (size_t i = 0; i < n; i++)
                (void)selaras_unit_variant_text(u, i, NULL);
        }
        selaras_tmx_reader_free(r);
    }
    return 0;
}
