"""selaras: Indonesian and English press releases into a translation memory.

A binding of libselaras (cffi, API mode). The C calls release the GIL, so segmenters
and aligners on distinct threads run in parallel::

    import selaras
    src = selaras.segment(open("rilis.txt").read(), "id")
    tgt = selaras.segment(open("release.txt").read(), "en")
    beads = selaras.Aligner("id", "en").align(src, tgt)
    with selaras.TmxWriter("memory.tmx", "id", "en") as w:
        w.add(src, tgt, beads)
"""
from . import evaluate
from ._align import Aligner, Bead, Lexicon, align
from ._collections import (BatchPair, Parallelness, batch, pair, parallel_score,
                           parallel_threshold)
from ._errors import (ArgumentError, Error, InputError, InternalError, LanguageError,
                      LockedError, NoMemoryError, NotParallelError, OutputError, StateError)
from ._memory import (JsonlWriter, MemoryWriter, TmxWriter, TsvWriter, Unit, merge_tmx,
                      read_tmx)
from ._selaras import ffi as _ffi
from ._selaras import lib as _lib
from ._text import Segment, Segmenter, SegmentList, lines, normalize, segment

__version__ = _ffi.string(_lib.selaras_version()).decode()

__all__ = [
    "Aligner", "ArgumentError", "BatchPair", "Bead", "Error", "InputError", "InternalError", "JsonlWriter",
    "LanguageError", "Lexicon", "LockedError", "MemoryWriter", "NoMemoryError",
    "NotParallelError", "OutputError", "Parallelness", "Segment", "SegmentList", "Segmenter",
    "StateError", "TmxWriter", "TsvWriter", "Unit", "align", "batch", "evaluate", "lines", "merge_tmx",
    "normalize", "pair", "parallel_score", "parallel_threshold", "read_tmx", "segment",
]
