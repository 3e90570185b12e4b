# The selaras command: a thin layer over the library, one file per command group.
selaras_SOURCES += cli/selaras.c cli/cli.h cli/cli.c cli/cmd_normalize.c \
	cli/cmd_segment.c cli/cmd_align.c cli/cmd_tmx.c cli/progress.h cli/progress.c \
	cli/presegmented.c cli/summary.c cli/tmx_stats.c \
	cli/memout.h cli/memout.c \
	cli/input.h cli/input.c cli/cmd_extract.c \
	cli/outbuf.h cli/outbuf.c
dist_man_MANS += doc/selaras.1
selaras_LDADD += $(PTHREAD_LIBS)
# selaras eval (issue 12): alignment scores from the library's evaluation stage.
selaras_SOURCES += cli/cmd_eval.c
# Collections: pairing the files of two folders (the folder walk is shared with batch).
selaras_SOURCES += cli/collect.h cli/collect.c cli/cmd_pair.c

# Collections: refusing non-translations, batch alignment (issue 10).
selaras_SOURCES += cli/refuse.h cli/refuse.c cli/cmd_batch.c cli/batch_pairs.h \
	cli/batch_pairs.c cli/batch_report.h cli/batch_report.c
