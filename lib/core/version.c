/* The library's version. */
#include "config.h"

#include "core.h"

const char *selaras_version(void)
{
    return SELARAS_VERSION_STRING;
}
