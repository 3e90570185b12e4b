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
