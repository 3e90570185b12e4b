# Lexicons: tokenizer, Snowball stemmer, bilingual dictionaries (TSV, hunalign, FreeDict).
libselaras_la_SOURCES += lib/lexicon/lexicon.h lib/lexicon/tokenize.c lib/lexicon/stem.c \
	lib/lexicon/lexicon.c lib/lexicon/load.c lib/lexicon/dict_text.c lib/lexicon/dict_freedict.c
if HAVE_CHECK
tests_check_selaras_SOURCES += tests/check_tokenize.c tests/check_lexicon.c
endif

# make eval-lexicon: loading cost of the FreeDict lexicons and their coverage and hit rates
# on PUD id-en and Text+Berg de-fr, stemmed against fold-only (see eval/eval_lexicon.c).
# Linked with the static archive: it measures private lookups (sl_lexicon_*).
noinst_PROGRAMS += eval/eval_lexicon
eval_eval_lexicon_SOURCES = eval/eval_lexicon.c
eval_eval_lexicon_LDADD = libselaras.la
eval_eval_lexicon_LDFLAGS = $(AM_LDFLAGS) -static
DICTD_DIR = /usr/share/dictd
EVAL_TARGETS += eval-lexicon
eval-lexicon: eval/eval_lexicon
	$(builddir)/eval/eval_lexicon $(DATA_DIR) $(DICTD_DIR)
BENCH_TARGETS += bench-lexicon
bench-lexicon: eval/eval_lexicon
	$(builddir)/eval/eval_lexicon --bench $(DATA_DIR) $(DICTD_DIR)
.PHONY: eval-lexicon bench-lexicon

# Fuzzing (configure --enable-fuzzers CC=clang): the tokenizer and the dictionary parsers.
# make fuzz-smoke runs it briefly over the fixtures of tests/data/lexicon.
if ENABLE_FUZZERS
noinst_PROGRAMS += fuzz/fuzz_lexicon
fuzz_fuzz_lexicon_SOURCES = fuzz/fuzz_lexicon.c
fuzz_fuzz_lexicon_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer
fuzz_fuzz_lexicon_LDADD = libselaras.la
fuzz_fuzz_lexicon_LDFLAGS = $(AM_LDFLAGS) -static -fsanitize=fuzzer
FUZZ_SMOKE_TARGETS += fuzz-smoke-lexicon
endif
fuzz-smoke-lexicon: fuzz/fuzz_lexicon
	rm -rf fuzz-lexicon-corpus && mkdir fuzz-lexicon-corpus
	$(builddir)/fuzz/fuzz_lexicon -runs=20000 -max_len=4096 fuzz-lexicon-corpus \
	  $(srcdir)/tests/data/lexicon $(srcdir)/tests/data/lexicon/broken
	rm -rf fuzz-lexicon-corpus
.PHONY: fuzz-smoke-lexicon
EXTRA_DIST += fuzz/fuzz_lexicon.c
