# Memory formats: translation units, the TMX reader, and the TMX/TSV/JSONL/plain writer.
libselaras_la_SOURCES += lib/memory/memory.h lib/memory/unit.c lib/memory/number.c \
	lib/memory/reader.c lib/memory/emit.c lib/memory/writer.c
if HAVE_CHECK
tests_check_selaras_SOURCES += tests/check_unit.c tests/check_tmx_write.c \
	tests/check_tmx_read.c tests/check_alloc_memory.c
endif
selaras_SOURCES += examples/cmd_tmx.c
