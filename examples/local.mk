# Example programs that use the public API only; `make installcheck` builds api_example
# against the installed library through pkg-config.
noinst_PROGRAMS += examples/api_example
examples_api_example_SOURCES = examples/api_example.c
examples_api_example_LDADD = libselaras.la
EXTRA_DIST += examples/Makefile.example
