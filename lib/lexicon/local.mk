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
