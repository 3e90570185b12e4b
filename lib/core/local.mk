# Core: allocation, errors, version, language tags.
libselaras_la_SOURCES += lib/core/core.h lib/core/alloc.c lib/core/buf.c lib/core/error.c \
	lib/core/lang.c lib/core/version.c lib/core/chars.c lib/core/words.c lib/core/file.c \
	lib/core/strtab.c lib/core/counts.c
