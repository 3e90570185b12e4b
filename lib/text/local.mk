# Text intake: documents, UTF-8 validation, normalisation and the offset map.
libselaras_la_SOURCES += lib/text/text.h lib/text/utf8.c lib/text/normalize.c \
	lib/text/document.c
