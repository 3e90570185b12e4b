"""Lexicons and the sentence aligner."""
import os
import threading
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple, Union

from ._errors import InputError, check, new_error
from ._selaras import ffi, lib
from ._text import SegmentsLike, Text, _utf8, to_c_segments

_FORMATS = {"auto": lib.SELARAS_DICT_AUTO, "tsv": lib.SELARAS_DICT_TSV,
            "hunalign": lib.SELARAS_DICT_HUNALIGN, "freedict": lib.SELARAS_DICT_FREEDICT}


def _format(name: str) -> int:
    try:
        return _FORMATS[name]
    except KeyError:
        raise ValueError("unknown dictionary format %r (auto, tsv, hunalign, freedict)"
                         % name) from None


class Lexicon:
    """A bilingual lexicon ``src_lang`` -> ``tgt_lang`` for the aligner. Fill it with
    :meth:`load` (files), :meth:`load_text` (a dictionary in memory), :meth:`add`.
    Once filled it is only read, and may be shared by aligners on many threads."""

    def __init__(self, src_lang: str = "id", tgt_lang: str = "en") -> None:
        out = ffi.new("selaras_lexicon **")
        err = new_error()
        check(lib.selaras_lexicon_new(out, src_lang.encode(), tgt_lang.encode(), ffi.NULL,
                                      err), err)
        self._handle = ffi.gc(out[0], lib.selaras_lexicon_free)
        self.src_lang, self.tgt_lang = src_lang, tgt_lang

    def load(self, path: Union[str, "os.PathLike[str]"], format: str = "auto") -> None:
        """Add the pairs of a dictionary file (TSV, hunalign or FreeDict)."""
        err = new_error()
        check(lib.selaras_lexicon_load(self._handle, os.fsencode(path), _format(format), err),
              err)

    def load_text(self, text: Text, format: str = "auto") -> None:
        """Add the pairs of a TSV or hunalign dictionary given as text."""
        data = _utf8(text)
        err = new_error()
        check(lib.selaras_lexicon_load_memory(self._handle, data, len(data), _format(format),
                                              err), err)

    def load_freedict(self, directory: Union[str, "os.PathLike[str]", None] = None) -> None:
        """Add the FreeDict dictionary of the pair from ``directory`` (default: Debian's
        /usr/share/dictd)."""
        err = new_error()
        if directory is None:
            st = lib.selaras_lexicon_load_default(self._handle, err)
        else:
            st = lib.selaras_lexicon_load_freedict(self._handle, os.fsencode(directory), err)
        check(st, err)

    def add(self, source: str, target: str) -> None:
        """Add one pair: a source word or phrase and its translation."""
        s, t = _utf8(source), _utf8(target)
        err = new_error()
        check(lib.selaras_lexicon_add(self._handle, s, len(s), t, len(t), err), err)

    def __len__(self) -> int:
        return int(lib.selaras_lexicon_size(self._handle))

    _defaults: Dict[Tuple[str, str], "Lexicon"] = {}
    _defaults_lock = threading.Lock()

    @classmethod
    def default(cls, src_lang: str = "id", tgt_lang: str = "en") -> "Lexicon":
        """The installed FreeDict lexicon of the pair (empty when none is installed), as
        the CLI uses it: loaded once per process and shared."""
        key = (src_lang, tgt_lang)
        with cls._defaults_lock:
            lex = cls._defaults.get(key)
            if lex is None:
                lex = cls(src_lang, tgt_lang)
                try:
                    lex.load_freedict()
                except InputError as e:
                    if e.status != lib.SELARAS_ERR_IO:
                        raise
                cls._defaults[key] = lex
            return lex


@dataclass(frozen=True)
class Bead:
    """One bead: the indices of its source and target segments (either may be empty)
    and the aligner's confidence in [0, 1]."""
    source: Tuple[int, ...]
    target: Tuple[int, ...]
    score: float = 1.0


_EVIDENCE = {"anchors": lib.SELARAS_EVIDENCE_ANCHORS, "lexicon": lib.SELARAS_EVIDENCE_LEXICON,
             "learned": lib.SELARAS_EVIDENCE_LEARNED}


class Aligner:
    """A sentence aligner for ``src_lang`` -> ``tgt_lang``.

    ``lexicon``: None for the shared default lexicon (:meth:`Lexicon.default`), False
    for none, a :class:`Lexicon`, or the path of a dictionary file. ``max_bead``:
    largest bead (source, target), each 1 to 3. ``evidence``: a subset of "anchors",
    "lexicon", "learned" (None: all; empty: length-only Gale-Church). An aligner is used
    by one thread at a time (calls from several threads wait); make one per thread to
    align in parallel: the GIL is released while it aligns."""

    def __init__(self, src_lang: str = "id", tgt_lang: str = "en",
                 lexicon: Union[None, bool, Lexicon, str, "os.PathLike[str]"] = None,
                 max_bead: Tuple[int, int] = (3, 3), evidence: Optional[List[str]] = None,
                 realign: bool = True) -> None:
        if lexicon is None:
            lexicon = Lexicon.default(src_lang, tgt_lang)
        elif lexicon is False:
            lexicon = None
        elif isinstance(lexicon, (str, os.PathLike)):
            path = lexicon
            lexicon = Lexicon(src_lang, tgt_lang)
            lexicon.load(path)
        elif not isinstance(lexicon, Lexicon):
            raise TypeError("lexicon must be None, False, a Lexicon or a path")
        self.lexicon: Optional[Lexicon] = lexicon
        out = ffi.new("selaras_aligner **")
        err = new_error()
        check(lib.selaras_aligner_new(out, src_lang.encode(), tgt_lang.encode(),
                                      lexicon._handle if lexicon else ffi.NULL, ffi.NULL, err),
              err)
        self._handle = ffi.gc(out[0], lib.selaras_aligner_free)
        self._lock = threading.Lock()
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        check(lib.selaras_aligner_set_max_bead(self._handle, max_bead[0], max_bead[1], err), err)
        if evidence is not None:
            bits = 0
            for e in evidence:
                if e not in _EVIDENCE:
                    raise ValueError("unknown evidence %r (anchors, lexicon, learned)" % e)
                bits |= _EVIDENCE[e]
            check(lib.selaras_aligner_set_evidence(self._handle, bits, err), err)
        lib.selaras_aligner_set_realign(self._handle, 1 if realign else 0)

    def align(self, source: SegmentsLike, target: SegmentsLike) -> List[Bead]:
        """Align two segment lists (from :func:`segment` or :func:`lines`, or sequences of
        :class:`Segment` or strings) into beads covering every segment once, in order."""
        s = to_c_segments(source, self.src_lang)
        t = to_c_segments(target, self.tgt_lang)
        out = ffi.new("selaras_alignment **")
        err = new_error()
        with self._lock:
            st = lib.selaras_align(self._handle, s, t, out, err)
        check(st, err)
        a = ffi.gc(out[0], lib.selaras_alignment_free)
        return beads_of(a, (s, t))

    def learn(self, source: SegmentsLike, target: SegmentsLike) -> None:
        """Learn word pairs from one document pair (call it over a corpus, then align)."""
        s = to_c_segments(source, self.src_lang)
        t = to_c_segments(target, self.tgt_lang)
        err = new_error()
        with self._lock:
            st = lib.selaras_aligner_learn(self._handle, s, t, err)
        check(st, err)

    @property
    def learned_pairs(self) -> int:
        """The number of word pairs learned so far."""
        return int(lib.selaras_aligner_learned_pairs(self._handle))


class BeadList(List[Bead]):
    """The beads of an alignment (a list of :class:`Bead`) that also keeps the library's
    alignment and the lists it aligned, so that writers add it in one call."""
    _alignment: Any = None
    _lists: Any = None
    _beads: Tuple[Bead, ...] = ()

    def _unchanged(self) -> bool:
        """True while the list still holds exactly the beads of its alignment."""
        return len(self) == len(self._beads) and all(a is b for a, b in zip(self, self._beads))


# a bead's run of indices (0 to 3 segments) from its first index and count
_RUNS = (lambda f: (), lambda f: (f,), lambda f: (f, f + 1), lambda f: (f, f + 1, f + 2))


def beads_of(a: Any, lists: Any = None) -> List[Bead]:
    """The beads of a library alignment (read in one C call)."""
    out = BeadList()
    out._alignment, out._lists = a, lists
    n = lib.selaras_alignment_count(a)
    if n:
        idx, scores = ffi.new("size_t[]", 4 * n), ffi.new("double[]", n)
        lib._selaras_py_beads(a, idx, scores)
        v = ffi.unpack(idx, 4 * n)
        runs = _RUNS
        for b, score in enumerate(ffi.unpack(scores, n)):
            sf, sc, tf, tc = v[4 * b:4 * b + 4]
            out.append(Bead(runs[sc](sf) if sc < 4 else tuple(range(sf, sf + sc)),
                            runs[tc](tf) if tc < 4 else tuple(range(tf, tf + tc)), score))
    out._beads = tuple(out)
    return out


def align(source: SegmentsLike, target: SegmentsLike, src_lang: str = "id",
          tgt_lang: str = "en") -> List[Bead]:
    """Align with a new :class:`Aligner` on the default lexicon."""
    return Aligner(src_lang, tgt_lang).align(source, target)
