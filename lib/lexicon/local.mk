# Lexicons: tokenizer, Snowball stemmer, bilingual dictionaries (TSV, hunalign, FreeDict).
libselaras_la_SOURCES += lib/lexicon/lexicon.h lib/lexicon/tokenize.c lib/lexicon/stem.c \
	lib/lexicon/lexicon.c lib/lexicon/load.c lib/lexicon/dict_text.c lib/lexicon/dict_freedict.c \
	lib/lexicon/dict_file.c
