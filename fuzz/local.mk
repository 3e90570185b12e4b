# libFuzzer harnesses (fuzz_TARGET, built with CC=clang --enable-fuzzers, run by make
# fuzz-smoke), and their replay in make check: every harness also builds as
# replay_TARGET, which runs the seed corpus fuzz/corpus/TARGET and the inputs that once
# failed, fuzz/regress/TARGET, through the same invariant checks on any compiler.
FUZZ_TARGETS = doc segments segment_id segment_en segment_fr abbrev dict_tsv dict_hunalign \
	dict_freedict lexicon tmx align html
# Seconds per harness (CI: the same; two harnesses run at a time, FUZZ_JOBS).
FUZZ_SECONDS = 180
EXTRA_DIST += fuzz/smoke.sh fuzz/corpus fuzz/regress fuzz/fuzz_lexicon.c
FUZZ_SMOKE_TARGETS += fuzz-smoke-run

if ENABLE_FUZZERS
noinst_PROGRAMS += fuzz/fuzz_doc fuzz/fuzz_segments fuzz/fuzz_dict_tsv fuzz/fuzz_dict_hunalign \
	fuzz/fuzz_dict_freedict fuzz/fuzz_lexicon fuzz/fuzz_segment_id fuzz/fuzz_segment_en \
	fuzz/fuzz_segment_fr fuzz/fuzz_abbrev fuzz/fuzz_tmx fuzz/fuzz_align fuzz/fuzz_html
FUZZ_LINK = $(AM_LDFLAGS) -fsanitize=fuzzer

fuzz_fuzz_doc_SOURCES = fuzz/doc.c fuzz/fuzz.h
fuzz_fuzz_doc_CFLAGS = $(AM_CFLAGS) $(ICU_CFLAGS)
fuzz_fuzz_doc_LDADD = libselaras.la $(ICU_LIBS)
fuzz_fuzz_doc_LDFLAGS = $(FUZZ_LINK)

fuzz_fuzz_segments_SOURCES = fuzz/segments.c fuzz/fuzz.h
fuzz_fuzz_segments_LDADD = libselaras.la
fuzz_fuzz_segments_LDFLAGS = $(FUZZ_LINK)

fuzz_fuzz_dict_tsv_SOURCES = fuzz/dict.c fuzz/fuzz.h
fuzz_fuzz_dict_tsv_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_DICT=1
fuzz_fuzz_dict_tsv_LDADD = libselaras.la
fuzz_fuzz_dict_tsv_LDFLAGS = $(FUZZ_LINK)

fuzz_fuzz_dict_hunalign_SOURCES = fuzz/dict.c fuzz/fuzz.h
fuzz_fuzz_dict_hunalign_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_DICT=2
fuzz_fuzz_dict_hunalign_LDADD = libselaras.la
fuzz_fuzz_dict_hunalign_LDFLAGS = $(FUZZ_LINK)

fuzz_fuzz_dict_freedict_SOURCES = fuzz/dict.c fuzz/fuzz.h
fuzz_fuzz_dict_freedict_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_DICT=3
fuzz_fuzz_dict_freedict_LDADD = libselaras.la
fuzz_fuzz_dict_freedict_LDFLAGS = $(FUZZ_LINK)

fuzz_fuzz_segment_id_SOURCES = fuzz/segment.c fuzz/fuzz.h
fuzz_fuzz_segment_id_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_LANG='"id"'
fuzz_fuzz_segment_id_LDADD = libselaras.la
fuzz_fuzz_segment_id_LDFLAGS = $(FUZZ_LINK)

fuzz_fuzz_segment_en_SOURCES = fuzz/segment.c fuzz/fuzz.h
fuzz_fuzz_segment_en_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_LANG='"en"'
fuzz_fuzz_segment_en_LDADD = libselaras.la
fuzz_fuzz_segment_en_LDFLAGS = $(FUZZ_LINK)

fuzz_fuzz_segment_fr_SOURCES = fuzz/segment.c fuzz/fuzz.h
fuzz_fuzz_segment_fr_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_LANG='"fr"'
fuzz_fuzz_segment_fr_LDADD = libselaras.la
fuzz_fuzz_segment_fr_LDFLAGS = $(FUZZ_LINK)

fuzz_fuzz_abbrev_SOURCES = fuzz/abbrev.c fuzz/fuzz.h
fuzz_fuzz_abbrev_LDADD = libselaras.la
fuzz_fuzz_abbrev_LDFLAGS = $(FUZZ_LINK)

fuzz_fuzz_tmx_SOURCES = fuzz/tmx.c fuzz/fuzz.h
fuzz_fuzz_tmx_LDADD = libselaras.la
fuzz_fuzz_tmx_LDFLAGS = $(FUZZ_LINK)

fuzz_fuzz_align_SOURCES = fuzz/align.c fuzz/fuzz.h
fuzz_fuzz_align_LDADD = libselaras.la -lm
fuzz_fuzz_align_LDFLAGS = $(FUZZ_LINK)

fuzz_fuzz_html_SOURCES = fuzz/html.c fuzz/fuzz.h
fuzz_fuzz_html_LDADD = libselaras.la
fuzz_fuzz_html_LDFLAGS = $(FUZZ_LINK)

# The lexicon stage's own harness: the tokenizer and the in-memory dictionary parsers,
# through private functions (hence linked with the static library).
fuzz_fuzz_lexicon_SOURCES = fuzz/fuzz_lexicon.c
fuzz_fuzz_lexicon_LDADD = libselaras.la
fuzz_fuzz_lexicon_LDFLAGS = $(FUZZ_LINK) -static

fuzz-smoke-run: $(FUZZ_TARGETS:%=fuzz/fuzz_%)
	$(SHELL) $(srcdir)/fuzz/smoke.sh $(FUZZ_SECONDS) $(srcdir)/fuzz $(FUZZ_TARGETS)
else
fuzz-smoke-run:
	@echo "fuzz-smoke: the harnesses are not built; configure with CC=clang --enable-fuzzers" >&2
	@exit 1
endif
.PHONY: fuzz-smoke-run

clean-local: clean-fuzz
clean-fuzz:
	rm -rf fuzz-work fuzz-artifacts
.PHONY: clean-fuzz

if HAVE_CHECK
FUZZ_REPLAYS = fuzz/replay_doc fuzz/replay_segments fuzz/replay_dict_tsv \
	fuzz/replay_dict_hunalign fuzz/replay_dict_freedict fuzz/replay_lexicon \
	fuzz/replay_segment_id fuzz/replay_segment_en fuzz/replay_segment_fr fuzz/replay_abbrev \
	fuzz/replay_tmx fuzz/replay_align fuzz/replay_html
check_PROGRAMS += $(FUZZ_REPLAYS)
TESTS += $(FUZZ_REPLAYS)
VALGRIND_CHECKS += $(FUZZ_REPLAYS)
AM_TESTS_ENVIRONMENT += SELARAS_FUZZ_DIR=$(abs_top_srcdir)/fuzz; export SELARAS_FUZZ_DIR;

fuzz_replay_doc_SOURCES = fuzz/doc.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_doc_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"doc"'
fuzz_replay_doc_CFLAGS = $(AM_CFLAGS) $(ICU_CFLAGS)
fuzz_replay_doc_LDADD = libselaras.la $(ICU_LIBS)

fuzz_replay_segments_SOURCES = fuzz/segments.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_segments_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"segments"'
fuzz_replay_segments_LDADD = libselaras.la

fuzz_replay_dict_tsv_SOURCES = fuzz/dict.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_dict_tsv_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"dict_tsv"' \
	-DFUZZ_DICT=1
fuzz_replay_dict_tsv_LDADD = libselaras.la

fuzz_replay_dict_hunalign_SOURCES = fuzz/dict.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_dict_hunalign_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"dict_hunalign"' \
	-DFUZZ_DICT=2
fuzz_replay_dict_hunalign_LDADD = libselaras.la

fuzz_replay_dict_freedict_SOURCES = fuzz/dict.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_dict_freedict_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"dict_freedict"' \
	-DFUZZ_DICT=3
fuzz_replay_dict_freedict_LDADD = libselaras.la

fuzz_replay_segment_id_SOURCES = fuzz/segment.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_segment_id_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"segment_id"' -DFUZZ_LANG='"id"'
fuzz_replay_segment_id_LDADD = libselaras.la

fuzz_replay_segment_en_SOURCES = fuzz/segment.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_segment_en_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"segment_en"' -DFUZZ_LANG='"en"'
fuzz_replay_segment_en_LDADD = libselaras.la

fuzz_replay_segment_fr_SOURCES = fuzz/segment.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_segment_fr_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"segment_fr"' -DFUZZ_LANG='"fr"'
fuzz_replay_segment_fr_LDADD = libselaras.la

fuzz_replay_abbrev_SOURCES = fuzz/abbrev.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_abbrev_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"abbrev"'
fuzz_replay_abbrev_LDADD = libselaras.la

fuzz_replay_tmx_SOURCES = fuzz/tmx.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_tmx_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"tmx"'
fuzz_replay_tmx_LDADD = libselaras.la

fuzz_replay_align_SOURCES = fuzz/align.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_align_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"align"'
fuzz_replay_align_LDADD = libselaras.la -lm

fuzz_replay_html_SOURCES = fuzz/html.c fuzz/fuzz.h fuzz/replay.c
fuzz_replay_html_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"html"'
fuzz_replay_html_LDADD = libselaras.la

fuzz_replay_lexicon_SOURCES = fuzz/fuzz_lexicon.c fuzz/replay.c
fuzz_replay_lexicon_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"lexicon"'
fuzz_replay_lexicon_LDADD = libselaras.la
fuzz_replay_lexicon_LDFLAGS = $(AM_LDFLAGS) -static
endif
