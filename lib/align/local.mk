# Alignment: tokens and anchors, the banded DP and the search for its band, the learned
# table and the aligner.
libselaras_la_SOURCES += lib/align/align.h lib/align/learn.h lib/align/dp.h \
	lib/align/vocab.c lib/align/tokens.c lib/align/side.c lib/align/dp.c lib/align/search.c \
	lib/align/learn.c lib/align/aligner.c

# make eval-align: accuracy on the shared data against a Gale-Church baseline.
noinst_PROGRAMS += eval/eval_align
eval_eval_align_SOURCES = eval/eval_align.c
eval_eval_align_LDADD = eval/libevaljson.la libselaras.la
EVAL_TARGETS += eval-align
eval-align: eval/eval_align$(EXEEXT)
	$(builddir)/eval/eval_align $(DATA_DIR)
.PHONY: eval-align

# make bench-align: time and memory at 1k, 10k and 100k sentences a side.
noinst_PROGRAMS += eval/bench_align
eval_bench_align_SOURCES = eval/bench_align.c
eval_bench_align_LDADD = eval/libevaljson.la libselaras.la
BENCH_TARGETS += bench-align
bench-align: eval/bench_align$(EXEEXT)
	$(builddir)/eval/bench_align $(DATA_DIR)
.PHONY: bench-align
if HAVE_CHECK
tests_check_selaras_SOURCES += tests/check_align.c
endif
EXTRA_DIST += doc/alignment.md
