# Segmentation: the segment list and the sentence segmenter.
libselaras_la_SOURCES += lib/segment/segment.h lib/segment/segments.c
if HAVE_CHECK
tests_check_selaras_SOURCES += tests/check_segments.c
endif
