# Tests: the Check suites (one runner, one file per area), the CLI tests, the exported
# symbols, allocation-failure coverage and the threaded pipeline.
if HAVE_CHECK
check_PROGRAMS += tests/check_selaras
tests_check_selaras_SOURCES = tests/check_selaras.c tests/check_selaras.h tests/testutil.c
tests_check_selaras_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(ICU_CFLAGS) $(LIBXML2_CFLAGS)
tests_check_selaras_LDADD = libselaras.la $(CHECK_LIBS) $(ICU_LIBS) $(LIBXML2_LIBS) $(PTHREAD_LIBS)
# Linked with libselaras' static archive so that suites can test private (sl_) stage
# interfaces too; the shared library's exports are checked by tests/symbols.test.
tests_check_selaras_LDFLAGS = $(AM_LDFLAGS) -static
# The suite finds the CLI and its own data through these.
AM_TESTS_ENVIRONMENT = SELARAS_CLI=$(abs_top_builddir)/selaras; \
	SELARAS_TEST_DATA=$(abs_top_srcdir)/tests/data; \
	export SELARAS_CLI SELARAS_TEST_DATA;
TESTS += tests/check_selaras tests/cli.test tests/symbols.test
endif
EXTRA_DIST += tests/cli.test tests/symbols.test tests/exported-symbols.txt tests/data \
	tests/valgrind.supp

if HAVE_CHECK
tests_check_selaras_SOURCES += tests/check_core.c tests/check_doc.c tests/check_alloc_doc.c \
	tests/check_segments.c tests/check_segmenter.c tests/check_abbrev.c \
	tests/check_alloc_segmenter.c \
	tests/check_tokenize.c tests/check_lexicon.c \
	tests/check_align.c \
	tests/check_unit.c tests/check_tmx_write.c tests/check_tmx_read.c tests/check_alloc_memory.c \
	tests/check_alloc_segments.c tests/check_alloc_none.c tests/check_limits.c \
	tests/check_regress.c
TESTS += tests/segment-cli.test tests/alloc-coverage.test
endif
EXTRA_DIST += tests/segment-cli.test tests/alloc-coverage.test tests/alloc-coverage-exempt.txt

# HTML pages and legacy encodings (issue 11).
if HAVE_CHECK
tests_check_selaras_SOURCES += tests/check_html.c tests/check_alloc_html.c
TESTS += tests/html-cli.test
endif
EXTRA_DIST += tests/html-cli.test

# The whole-file reader and documents made from files (issue 14).
if HAVE_CHECK
tests_check_selaras_SOURCES += tests/check_file.c tests/check_spans.c
endif

# The CLI as a user meets it (issue 16).
if HAVE_CHECK
TESTS += tests/cli-user.test
endif
EXTRA_DIST += tests/cli-user.test

# Threads: the pipeline on 8 threads at once (CI also runs it under ThreadSanitizer).
check_PROGRAMS += tests/thread_test
TESTS += tests/thread_test
VALGRIND_CHECKS += tests/thread_test
tests_thread_test_SOURCES = tests/thread_test.c
tests_thread_test_LDADD = libselaras.la $(PTHREAD_LIBS)

# How the library links: pkg-config flags and the libraries it needs (issue 16); the
# README's library snippet against examples/api_example.c.
TESTS += tests/link.test tests/readme.test
EXTRA_DIST += tests/link.test tests/readme.test

# The tree's rules anyone can run (scripts/check-tree). Expected to fail while lib/ has
# files calling each other both ways (today align/moves.c <-> align/search.c): once they
# are gone it passes, XPASS fails the run,
# and this XFAIL_TESTS line is to be removed.
TESTS += tests/check-tree.test
XFAIL_TESTS = tests/check-tree.test
EXTRA_DIST += tests/check-tree.test scripts/check-tree

# The C API of the bindings (issue 12): callback writer, whole alignments, lexicon from memory.
if HAVE_CHECK
tests_check_selaras_SOURCES += tests/check_writer_api.c tests/check_evaluate.c
endif
if HAVE_CHECK
TESTS += tests/eval-cli.test
endif
EXTRA_DIST += tests/eval-cli.test
# Collections: the parallelness score and pairing (issue 10).
if HAVE_CHECK
tests_check_selaras_SOURCES += tests/check_parallel.c tests/check_pair.c
TESTS += tests/pair-cli.test
endif
EXTRA_DIST += tests/pair-cli.test

# Collections: the model shared by aligners, align refusing non-translations, batch
# (issue 10).
if HAVE_CHECK
tests_check_selaras_SOURCES += tests/check_model.c tests/check_batch.c
endif

# Memories under concurrent writers, crashes and hostile files, through the CLI (issue 15).
TESTS += tests/memory-concurrency.test tests/memory-cli.test
EXTRA_DIST += tests/memory-concurrency.test tests/memory-cli.test
TESTS += tests/collections.test
EXTRA_DIST += tests/collections.test
# The example programs end to end (examples/api_example.c and .py).
TESTS += tests/examples.test
EXTRA_DIST += tests/examples.test examples/api_example.py
