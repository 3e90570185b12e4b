# Memory formats: translation units, the TMX reader, and the TMX/TSV/JSONL/plain writer.
libselaras_la_SOURCES += lib/memory/memory.h lib/memory/unit.c lib/memory/number.c \
	lib/memory/reader.c lib/memory/emit.c lib/memory/outfile.c lib/memory/store.c \
	lib/memory/writer.c
if HAVE_CHECK
tests_check_selaras_SOURCES += tests/check_unit.c tests/check_tmx_write.c \
	tests/check_tmx_read.c tests/check_alloc_memory.c
endif
selaras_SOURCES += examples/cmd_tmx.c

# make eval-tmx: outside tools (xmllint with the TMX DTD, OmegaT, translate-toolkit,
# tmexchange) read what the writer produces. make bench-tmx: speed and memory.
noinst_PROGRAMS += eval/tmx_export eval/tmx_bench
eval_tmx_export_SOURCES = eval/tmx_export.c
eval_tmx_export_LDADD = eval/libevaljson.la libselaras.la
eval_tmx_bench_SOURCES = eval/tmx_bench.c
eval_tmx_bench_CFLAGS = $(AM_CFLAGS) $(LIBXML2_CFLAGS)
eval_tmx_bench_LDADD = libselaras.la $(LIBXML2_LIBS)
EXTRA_DIST += eval/tmx-eval.sh eval/tmx_check.py eval/tmx_check.cjs
EVAL_TARGETS += eval-tmx
BENCH_TARGETS += bench-tmx
eval-tmx: eval/tmx_export selaras
	$(SHELL) $(srcdir)/eval/tmx-eval.sh $(abs_builddir) $(abs_srcdir) $(DATA_DIR)
bench-tmx: eval/tmx_bench
	$(builddir)/eval/tmx_bench
.PHONY: eval-tmx bench-tmx fuzz-smoke-tmx

# make fuzz-smoke (configure --enable-fuzzers CC=clang): a short libFuzzer run of the TMX
# reader from the test files.
if ENABLE_FUZZERS
noinst_PROGRAMS += fuzz/tmx_reader_fuzzer
fuzz_tmx_reader_fuzzer_SOURCES = fuzz/tmx_reader_fuzzer.c
fuzz_tmx_reader_fuzzer_LDADD = libselaras.la
fuzz_tmx_reader_fuzzer_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
FUZZ_SMOKE_TARGETS += fuzz-smoke-tmx
fuzz-smoke-tmx: fuzz/tmx_reader_fuzzer
	rm -rf fuzz/tmx-corpus && mkdir -p fuzz/tmx-corpus && \
	cp $(srcdir)/tests/data/tmx/*.tmx fuzz/tmx-corpus/ && \
	$(builddir)/fuzz/tmx_reader_fuzzer -max_total_time=60 -max_len=65536 \
	  -rss_limit_mb=1024 -timeout=10 fuzz/tmx-corpus
endif
EXTRA_DIST += fuzz/tmx_reader_fuzzer.c
