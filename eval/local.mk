# Evaluation and benchmark tools (make eval, make bench). They read the shared data sets
# from $(DATA_DIR); make check only runs the JSON reader's self-test.
noinst_LTLIBRARIES = eval/libevaljson.la
eval_libevaljson_la_SOURCES = eval/json.h eval/json.c
if HAVE_CHECK
check_PROGRAMS += eval/test_json
eval_test_json_SOURCES = eval/test_json.c
eval_test_json_LDADD = eval/libevaljson.la
TESTS += eval/test_json
VALGRIND_CHECKS += eval/test_json
endif

# Sentence segmentation: scores against the shared gold sets, ICU as the baseline.
noinst_PROGRAMS += eval/eval_segment
eval_eval_segment_SOURCES = eval/eval_segment.c
eval_eval_segment_CFLAGS = $(AM_CFLAGS) $(ICU_CFLAGS)
eval_eval_segment_LDADD = eval/libevaljson.la libselaras.la $(ICU_LIBS)
EVAL_TARGETS += eval-segment
eval-segment: eval/eval_segment
	$(builddir)/eval/eval_segment $(DATA_DIR)
.PHONY: eval-segment

# Sentence segmentation speed against ICU's plain sentence iterator (>= 30 MB input).
noinst_PROGRAMS += eval/bench_segment
eval_bench_segment_SOURCES = eval/bench_segment.c
eval_bench_segment_CFLAGS = $(AM_CFLAGS) $(ICU_CFLAGS)
eval_bench_segment_LDADD = eval/libevaljson.la libselaras.la $(ICU_LIBS)
# eval/icu_segment: the ICU program the whole-process runs compare `selaras segment` with.
noinst_PROGRAMS += eval/icu_segment
eval_icu_segment_SOURCES = eval/icu_segment.c
eval_icu_segment_CFLAGS = $(AM_CFLAGS) $(ICU_CFLAGS)
eval_icu_segment_LDADD = $(ICU_LIBS)
BENCH_TARGETS += bench-segment
bench-segment: eval/bench_segment eval/icu_segment selaras
	@sel=$(abs_builddir)/selaras; \
	if test -x $(abs_builddir)/.libs/selaras; then sel=$(abs_builddir)/.libs/selaras; fi; \
	echo "LD_LIBRARY_PATH=$(abs_builddir)/.libs $(builddir)/eval/bench_segment $(DATA_DIR) $$sel $(abs_builddir)/eval/icu_segment"; \
	LD_LIBRARY_PATH=$(abs_builddir)/.libs$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH} \
	$(builddir)/eval/bench_segment $(DATA_DIR) $$sel $(abs_builddir)/eval/icu_segment
.PHONY: bench-segment

# make eval-align: accuracy on the shared data against a Gale-Church baseline.
noinst_PROGRAMS += eval/eval_align
eval_eval_align_SOURCES = eval/eval_align.c
eval_eval_align_LDADD = eval/libevaljson.la libselaras.la
EVAL_TARGETS += eval-align
eval-align: eval/eval_align$(EXEEXT) eval/eval_align_press$(EXEEXT) eval/eval_align_long$(EXEEXT)
	$(builddir)/eval/eval_align $(DATA_DIR)
	$(builddir)/eval/eval_align_press $(DATA_DIR)
	$(builddir)/eval/eval_align_long $(DATA_DIR)
.PHONY: eval-align
# The development set press/pairs/ end to end, and long pairs at 20k, 65k, 100k and 300k.
noinst_PROGRAMS += eval/eval_align_press eval/eval_align_long
eval_eval_align_press_SOURCES = eval/eval_align_press.c
eval_eval_align_press_LDADD = eval/libevaljson.la libselaras.la
eval_eval_align_long_SOURCES = eval/eval_align_long.c
eval_eval_align_long_LDADD = eval/libevaljson.la libselaras.la

# make bench-align: time and memory at 1k, 10k and 100k sentences a side.
noinst_PROGRAMS += eval/bench_align
eval_bench_align_SOURCES = eval/bench_align.c
eval_bench_align_LDADD = eval/libevaljson.la libselaras.la
BENCH_TARGETS += bench-align
bench-align: eval/bench_align$(EXEEXT)
	$(builddir)/eval/bench_align $(DATA_DIR)
.PHONY: bench-align

# make eval-lexicon: loading cost of the FreeDict lexicons and their coverage and hit rates
# on PUD id-en and Text+Berg de-fr, stemmed against fold-only (see eval/eval_lexicon.c).
# Linked with the static archive: it measures private lookups (sl_lexicon_*).
noinst_PROGRAMS += eval/eval_lexicon
eval_eval_lexicon_SOURCES = eval/eval_lexicon.c eval/count_alloc.h
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
.PHONY: eval-tmx bench-tmx

# make bench-pathological: hostile inputs through every stage, time and peak memory against
# stated linear bounds (fails when one is exceeded). Generates its inputs; reads no data.
noinst_PROGRAMS += eval/bench_pathological
eval_bench_pathological_SOURCES = eval/bench_pathological.c
eval_bench_pathological_LDADD = libselaras.la
BENCH_TARGETS += bench-pathological
bench-pathological: eval/bench_pathological$(EXEEXT)
	./eval/bench_pathological
.PHONY: bench-pathological

# make eval-pair: document pairing (precision, recall, against a translated bag-of-words
# baseline), the parallelness score's decisions on true and mismatched pairs, and its
# calibration table. Linked with the static archive: the baseline reads profiles (sl_).
noinst_PROGRAMS += eval/eval_pair
eval_eval_pair_SOURCES = eval/eval_pair.c eval/pair_data.h eval/pair_data.c eval/pair_baseline.c
eval_eval_pair_LDADD = eval/libevaljson.la libselaras.la -lm
eval_eval_pair_LDFLAGS = $(AM_LDFLAGS) -static
EVAL_TARGETS += eval-pair
eval-pair: eval/eval_pair$(EXEEXT)
	$(builddir)/eval/eval_pair $(DATA_DIR)
.PHONY: eval-pair

# make bench-pair: pairing time and peak memory at 500, 2,000 and 10,000 documents a side
# (library and whole CLI process), with the quadratic baseline in the same run.
noinst_PROGRAMS += eval/bench_pair
eval_bench_pair_SOURCES = eval/bench_pair.c eval/count_alloc.h eval/pair_data.h eval/pair_data.c eval/pair_baseline.c
eval_bench_pair_LDADD = eval/libevaljson.la libselaras.la -lm
eval_bench_pair_LDFLAGS = $(AM_LDFLAGS) -static
BENCH_TARGETS += bench-pair
bench-pair: eval/bench_pair$(EXEEXT) selaras$(EXEEXT)
	$(builddir)/eval/bench_pair $(DATA_DIR) $(abs_top_builddir)/selaras
.PHONY: bench-pair
# make eval-html: HTML pages (press/html with gold, Debian's LibreOffice help and Debian
# Reference in id and en) against Mozilla Readability, and the LibreOffice help pages
# aligned end to end (issue 11). make bench-html: intake speed against libxml2 alone.
EXTRA_DIST += eval/html-eval.sh eval/html_eval.py eval/readability.cjs
EVAL_TARGETS += eval-html
eval-html: selaras$(EXEEXT)
	$(SHELL) $(srcdir)/eval/html-eval.sh $(abs_builddir) $(abs_srcdir) $(DATA_DIR)
.PHONY: eval-html

# make bench-memory: the memory commands as whole processes on a 200,000-unit memory
# (issue 15): wall and CPU time and peak memory; BASELINE=/path/to/an/older/selaras runs
# every command with both binaries, alternating, in the same run.
noinst_PROGRAMS += eval/bench_memory
eval_bench_memory_SOURCES = eval/bench_memory.c
eval_bench_memory_LDADD = libselaras.la
BENCH_TARGETS += bench-memory
BASELINE =
bench-memory: eval/bench_memory$(EXEEXT) selaras$(EXEEXT)
	$(builddir)/eval/bench_memory $(abs_builddir)/selaras $(BASELINE)
.PHONY: bench-memory

noinst_PROGRAMS += eval/bench_html
eval_bench_html_SOURCES = eval/bench_html.c
eval_bench_html_CFLAGS = $(AM_CFLAGS) $(LIBXML2_CFLAGS)
eval_bench_html_LDADD = libselaras.la $(LIBXML2_LIBS)
EXTRA_DIST += eval/bench-html.sh
BENCH_TARGETS += bench-html
bench-html: eval/bench_html$(EXEEXT) selaras$(EXEEXT)
	$(SHELL) $(srcdir)/eval/bench-html.sh $(abs_builddir) $(abs_srcdir) $(DATA_DIR)
.PHONY: bench-html

# align --presegmented: kinds kept from selaras segment's JSON Lines (press/ precision
# against raw texts and plain lines) and the cost of reading them (issue 16).
EVAL_TARGETS += eval-presegmented
EXTRA_DIST += eval/eval_presegmented.py
eval-presegmented: selaras
	python3 $(srcdir)/eval/eval_presegmented.py $(abs_builddir)/selaras $(DATA_DIR)

# make eval-refuse: true and mismatched pairs, their parallelness scores, how many align
# refuses, and bead confidences before and after weighing by the score (issue 10).
noinst_PROGRAMS += eval/eval_refuse
eval_eval_refuse_SOURCES = eval/eval_refuse.c
eval_eval_refuse_LDADD = eval/libevaljson.la libselaras.la
EVAL_TARGETS += eval-refuse
eval-refuse: eval/eval_refuse$(EXEEXT)
	$(builddir)/eval/eval_refuse $(DATA_DIR)
.PHONY: eval-refuse

# make bench-batch (part of bench-pair): selaras_batch and `selaras batch` on 1 and 2 jobs
# against one `selaras align` process a pair, and peak memory at 100 and 2,000 pairs.
noinst_PROGRAMS += eval/bench_batch
eval_bench_batch_SOURCES = eval/bench_batch.c
eval_bench_batch_LDADD = eval/libevaljson.la libselaras.la
BENCH_TARGETS += bench-batch
bench-batch: eval/bench_batch$(EXEEXT) selaras$(EXEEXT)
	$(builddir)/eval/bench_batch $(DATA_DIR) $(abs_top_builddir)/selaras
.PHONY: bench-batch
# bench-pair runs it too (the pairing part is bench-pair's own recipe).
bench-pair: bench-batch
# make eval-cli-align: `selaras eval` reproduces the Text+Berg figures of eval-align.
EXTRA_DIST += eval/eval-cli-align.sh
EVAL_TARGETS += eval-cli-align
eval-cli-align: selaras$(EXEEXT) eval/eval_align$(EXEEXT)
	$(SHELL) $(srcdir)/eval/eval-cli-align.sh $(abs_builddir) $(DATA_DIR)
.PHONY: eval-cli-align
