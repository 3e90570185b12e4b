# Segmentation: the segment list and the sentence segmenter.
libselaras_la_SOURCES += lib/segment/segment.h lib/segment/segments.c lib/segment/date.c \
	lib/segment/abbrev.h lib/segment/abbrev.c lib/segment/segmenter.h \
	lib/segment/segmenter.c lib/segment/rules.c lib/segment/layout.c lib/segment/chars.c
nodist_libselaras_la_SOURCES = lib/segment/abbrev_data.c
BUILT_SOURCES += lib/segment/abbrev_data.c
CLEANFILES += lib/segment/abbrev_data.c

# The abbreviation lists: data files compiled into the library and installed too.
ABBREV_FILES = data/abbrev/id.txt data/abbrev/en.txt
abbrevdir = $(pkgdatadir)/abbrev
dist_abbrev_DATA = $(ABBREV_FILES)
EXTRA_DIST += scripts/gen-abbrev.sh
lib/segment/abbrev_data.c: $(srcdir)/data/abbrev/id.txt $(srcdir)/data/abbrev/en.txt $(srcdir)/scripts/gen-abbrev.sh
	$(AM_V_GEN)$(MKDIR_P) lib/segment && \
	$(SHELL) $(srcdir)/scripts/gen-abbrev.sh $(srcdir)/data/abbrev/id.txt $(srcdir)/data/abbrev/en.txt >$@.tmp && mv $@.tmp $@
