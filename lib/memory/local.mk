# Memory formats: translation units, the TMX reader, and the TMX/TSV/JSONL/plain writer.
libselaras_la_SOURCES += lib/memory/memory.h lib/memory/unit.c lib/memory/number.c \
	lib/memory/reader.h lib/memory/reader.c lib/memory/reader_xml.c \
	lib/memory/reader_scan.c lib/memory/reader_words.c lib/memory/emit.c \
	lib/memory/outfile.c lib/memory/lock.c lib/memory/store.c \
	lib/memory/writer.c
