# The selaras command and the API example.
selaras_SOURCES += examples/selaras.c examples/cli.h examples/cli.c examples/cmd_normalize.c \
	examples/cmd_segment.c examples/cmd_align.c
dist_man_MANS += doc/selaras.1

# A small program that uses the public API only; `make installcheck` builds it against
# the installed library through pkg-config.
noinst_PROGRAMS += examples/api_example
examples_api_example_SOURCES = examples/api_example.c
examples_api_example_LDADD = libselaras.la
EXTRA_DIST += examples/Makefile.example
