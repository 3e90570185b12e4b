# Evaluation: bead lists, alignment scores against gold beads, segmentation boundary F1.
libselaras_la_SOURCES += lib/evaluate/evaluate.h lib/evaluate/beads.c lib/evaluate/parse.c \
	lib/evaluate/score.c
