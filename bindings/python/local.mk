# The Python binding (issue 12): package selaras (cffi, API mode) built against the build
# tree's libselaras into bindings/python/build, installed into pythondir, and its pytest
# suite run by make check. pip install --no-build-isolation ./bindings/python builds it
# against an installed libselaras through pkg-config instead.
PYBINDING_SRC = bindings/python/selaras/__init__.py bindings/python/selaras/_errors.py \
	bindings/python/selaras/_text.py bindings/python/selaras/_align.py \
	bindings/python/selaras/_memory.py bindings/python/selaras/_collections.py \
	bindings/python/selaras/evaluate.py bindings/python/selaras/py.typed
PYBINDING_DASK = bindings/python/selaras/dask/__init__.py bindings/python/selaras/dask/__main__.py
EXTRA_DIST += $(PYBINDING_SRC) $(PYBINDING_DASK) bindings/python/selaras/_build.py bindings/python/setup.py \
	bindings/python/pyproject.toml bindings/python/README.md bindings/python/tests \
	bindings/python/binding.pytest bindings/python/bench/bench_threads.py \
	bindings/python/bench/bench_overhead.py bindings/python/bench/eval_identical.py bindings/python/bench/bench_dask.py

if PYTHON_BINDING
PYBUILD = $(abs_top_builddir)/bindings/python/build
all-local: bindings/python/build/.stamp
bindings/python/build/.stamp: $(PYBINDING_SRC) $(PYBINDING_DASK) bindings/python/selaras/_build.py \
		include/selaras.h libselaras.la
	@mkdir -p $(PYBUILD)/selaras/dask
	cd $(srcdir) && cp $(PYBINDING_SRC) $(PYBUILD)/selaras/ && \
	  cp $(PYBINDING_DASK) $(PYBUILD)/selaras/dask/
	$(AM_V_GEN)SELARAS_INCLUDE_DIR=$(abs_top_srcdir)/include \
	  SELARAS_LIBRARY_DIR=$(abs_top_builddir)/.libs SELARAS_RPATH=$(libdir) CC="$(CC)" \
	  $(PYTHON) $(srcdir)/bindings/python/selaras/_build.py $(PYBUILD) >/dev/null
	@touch $@

install-exec-local: bindings/python/build/.stamp
	$(MKDIR_P) $(DESTDIR)$(pythondir)/selaras
	$(MKDIR_P) $(DESTDIR)$(pythondir)/selaras/dask
	cd $(PYBUILD)/selaras && $(INSTALL_DATA) *.py py.typed $(DESTDIR)$(pythondir)/selaras/ && \
	  $(INSTALL_DATA) dask/*.py $(DESTDIR)$(pythondir)/selaras/dask/ && \
	  $(INSTALL_PROGRAM) _selaras*.so $(DESTDIR)$(pythondir)/selaras/
uninstall-local:
	rm -rf $(DESTDIR)$(pythondir)/selaras


if HAVE_PYTEST
PYTEST_LOG_COMPILER = env PYTHON='$(PYTHON)' PYBUILD='$(PYBUILD)' \
	SELARAS_LIBDIR='$(abs_top_builddir)/.libs' SELARAS_CLI='$(abs_top_builddir)/selaras' \
	SELARAS_TEST_DATA='$(abs_top_srcdir)/tests/data' SELARAS_SRCDIR='$(abs_top_srcdir)' \
	$(SHELL)
TESTS += bindings/python/binding.pytest
endif

# make bench-python: two threads against one, and the binding against C (bench_pairs: the
# CLI's path through the library in one process) on the same 1,000 pairs.
noinst_PROGRAMS += bindings/python/bench/bench_pairs
bindings_python_bench_bench_pairs_SOURCES = bindings/python/bench/bench_pairs.c
bindings_python_bench_bench_pairs_LDADD = libselaras.la
BENCH_TARGETS += bench-python
bench-python: all bindings/python/build/.stamp bindings/python/bench/bench_pairs$(EXEEXT)
	LD_LIBRARY_PATH=$(abs_top_builddir)/.libs PYTHONPATH=$(PYBUILD) $(PYTHON) \
	  $(srcdir)/bindings/python/bench/bench_threads.py $(DATA_DIR)
	LD_LIBRARY_PATH=$(abs_top_builddir)/.libs PYTHONPATH=$(PYBUILD) $(PYTHON) \
	  $(srcdir)/bindings/python/bench/bench_overhead.py $(abs_top_builddir)/selaras \
	  $(abs_top_builddir)/bindings/python/bench/bench_pairs $(DATA_DIR)

# make bench-dask: selaras.dask with 1 and 2 worker processes on 3,200 pairs (issue 13).
BENCH_TARGETS += bench-dask
bench-dask: all bindings/python/build/.stamp
	LD_LIBRARY_PATH=$(abs_top_builddir)/.libs PYTHONPATH=$(PYBUILD) $(PYTHON) \
	  $(srcdir)/bindings/python/bench/bench_dask.py $(abs_top_builddir)/selaras $(DATA_DIR)

# make eval-python: the binding's segments and beads are the CLI's on the shared data.
EVAL_TARGETS += eval-python
eval-python: all bindings/python/build/.stamp
	LD_LIBRARY_PATH=$(abs_top_builddir)/.libs PYTHONPATH=$(PYBUILD) $(PYTHON) \
	  $(srcdir)/bindings/python/bench/eval_identical.py $(abs_top_builddir)/selaras $(DATA_DIR)
endif
.PHONY: eval-python
.PHONY: bench-python bench-dask
TEST_EXTENSIONS = .test .pytest
CLEANFILES += bindings/python/build/.stamp bindings/python/build/selaras/*.* \
	bindings/python/build/selaras/dask/* \
	bindings/python/build/selaras/_selaras.*
