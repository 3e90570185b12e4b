# Alignment: tokens and anchors, the banded DP and the search for its band, the learned
# table and the aligner.
libselaras_la_SOURCES += lib/align/align.h lib/align/learn.h lib/align/aligner.h lib/align/dp.h \
	lib/align/tokens.c lib/align/side.c lib/align/phrases.c lib/align/dp.c lib/align/search.c \
	lib/align/moves.c lib/align/learn.c lib/align/problem.c lib/align/model.c lib/align/aligner.c \
	lib/align/confidence.c
EXTRA_DIST += doc/alignment.md
