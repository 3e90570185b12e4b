# Collections: document profiles, the parallelness score and the pairer.
EXTRA_DIST += doc/collections.md
libselaras_la_SOURCES += lib/collection/collection.h lib/collection/profile.c \
	lib/collection/score.c lib/collection/pairer.h lib/collection/pairer.c \
	lib/collection/index.c

# Collections: alignment weighed by the parallelness score; batch alignment of many pairs.
libselaras_la_SOURCES += lib/collection/scored.c
libselaras_la_SOURCES += lib/collection/batch.h lib/collection/batch.c lib/collection/batch_run.c
