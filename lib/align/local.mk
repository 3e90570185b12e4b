# Alignment: tokens and anchors, the banded DP, the learned table and the aligner.
libselaras_la_SOURCES += lib/align/align.h lib/align/learn.h lib/align/vocab.c \
	lib/align/tokens.c lib/align/side.c lib/align/dp.c lib/align/learn.c lib/align/aligner.c
