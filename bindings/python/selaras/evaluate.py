"""Scoring experiments: alignments against gold beads (strict and lax precision, recall
and F1 in the Text+Berg convention) and segmentations by boundary F1. The scoring is the
C library's, the same as ``selaras eval`` and ``make eval-align``."""
import os
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Sequence, Tuple, Union

from ._align import Bead
from ._errors import check, new_error
from ._selaras import ffi, lib
from ._text import Segment, _utf8

BeadLike = Union[Bead, Tuple[Sequence[int], Sequence[int]]]
_COUNT_FIELDS = ("strict_right", "strict_wrong", "lax_right", "lax_wrong", "strict_found",
                 "strict_missed", "lax_found", "lax_missed")


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1."""
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class AlignmentScores:
    """Strict and lax scores, and the counts they come from (which add up over
    documents: see :func:`alignment_documents`)."""
    strict: PRF
    lax: PRF
    counts: Dict[str, int]


def _beads_handle(beads: Iterable[BeadLike]) -> Any:
    out = ffi.new("selaras_beads **")
    err = new_error()
    check(lib.selaras_beads_new(out, ffi.NULL, err), err)
    h = ffi.gc(out[0], lib.selaras_beads_free)
    for b in beads:
        s, t = (b.source, b.target) if isinstance(b, Bead) else b
        cs, ct = ffi.new("size_t[]", list(s)), ffi.new("size_t[]", list(t))
        check(lib.selaras_beads_add(h, cs, len(s), ct, len(t), err), err)
    return h


def read_beads(source: Union[str, bytes, "os.PathLike[str]"]) -> List[Tuple[Tuple[int, ...],
                                                                             Tuple[int, ...]]]:
    """Read beads in either format of ``selaras align``: ``[8, 9]:[10]`` lines or JSON
    lines with "src" and "tgt". ``source`` is a path (``os.PathLike`` or a ``str`` naming
    an existing file) or the text itself (``bytes``, or a ``str`` holding newlines or
    brackets). A malformed line raises :class:`InputError` with line and column."""
    if isinstance(source, os.PathLike) or (isinstance(source, str) and os.path.isfile(source)):
        with open(source, "rb") as f:
            data = f.read()
    else:
        data = _utf8(source)
    out = ffi.new("selaras_beads **")
    err = new_error()
    check(lib.selaras_beads_new(out, ffi.NULL, err), err)
    h = ffi.gc(out[0], lib.selaras_beads_free)
    check(lib.selaras_beads_parse(h, data, len(data), err), err)
    n = ffi.new("size_t *")
    result = []
    for i in range(lib.selaras_beads_count(h)):
        s = lib.selaras_beads_src(h, i, n)
        src = tuple(int(s[k]) for k in range(n[0]))
        t = lib.selaras_beads_tgt(h, i, n)
        result.append((src, tuple(int(t[k]) for k in range(n[0]))))
    return result


def _scores(counts: Any) -> AlignmentScores:
    s, lx = ffi.new("selaras_prf *"), ffi.new("selaras_prf *")
    lib.selaras_eval_align_scores(counts, s, lx)
    return AlignmentScores(PRF(s.precision, s.recall, s.f1), PRF(lx.precision, lx.recall, lx.f1),
                           {f: int(getattr(counts, f)) for f in _COUNT_FIELDS})


def alignment_documents(documents: Iterable[Tuple[Iterable[BeadLike], Iterable[BeadLike]]]
                        ) -> AlignmentScores:
    """Score (gold, system) bead lists of several documents, counts summed before
    dividing (as Text+Berg is reported)."""
    counts = ffi.new("selaras_align_counts *")
    err = new_error()
    for gold, system in documents:
        g, s = _beads_handle(gold), _beads_handle(system)
        check(lib.selaras_eval_align(g, s, counts, err), err)
    return _scores(counts)


def alignment(gold: Iterable[BeadLike], system: Iterable[BeadLike]) -> AlignmentScores:
    """Score one document's system beads against its gold beads. Beads are
    :class:`Bead` objects or (source indices, target indices) pairs."""
    return alignment_documents([(gold, system)])


def segmentation(gold: Sequence[Union[Segment, int]],
                 system: Sequence[Union[Segment, int]]) -> PRF:
    """Boundary precision, recall and F1 of a segmentation against gold: segments (their
    ``end`` offsets; empty ones skipped) or end offsets into the same text. The end of
    the text is not a boundary."""
    def ends(xs: Sequence[Union[Segment, int]]) -> List[int]:
        return [x.end if isinstance(x, Segment) else int(x) for x in xs
                if not isinstance(x, Segment) or x.text]
    g, s = ends(gold), ends(system)
    counts = ffi.new("selaras_boundary_counts *")
    err = new_error()
    check(lib.selaras_eval_boundaries(ffi.new("size_t[]", g), len(g), ffi.new("size_t[]", s),
                                      len(s), counts, ffi.NULL, err), err)
    r = lib.selaras_eval_boundary_scores(counts)
    return PRF(r.precision, r.recall, r.f1)
