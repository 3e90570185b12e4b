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
BENCH_TARGETS += bench-segment
bench-segment: eval/bench_segment
	$(builddir)/eval/bench_segment $(DATA_DIR)
.PHONY: bench-segment
