# Text intake: documents, UTF-8 validation, normalisation and the offset map; encodings,
# HTML pages and their main text.
libselaras_la_SOURCES += lib/text/text.h lib/text/utf8.c lib/text/normalize.c \
	lib/text/document.c lib/text/intake.h lib/text/intake.c lib/text/offsets.c \
	lib/text/encoding.c lib/text/html.h lib/text/html.c lib/text/extract.c \
	lib/text/stopwords.c
