"""Collections: how parallel two documents look, and pairing the documents of two
collections."""
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ._align import Lexicon
from ._errors import check, new_error
from ._selaras import ffi, lib
from ._text import SegmentsLike, to_c_segments


@dataclass(frozen=True)
class Parallelness:
    """How much two documents look like translations: ``score`` in [0, 1] (at or above
    :func:`parallel_threshold`: parallel) and the evidence it was made of."""
    score: float
    evidence: Dict[str, float]

    @property
    def parallel(self) -> bool:
        return self.score >= parallel_threshold()


def parallel_threshold() -> float:
    """The score from which two documents count as translations."""
    return float(lib.selaras_parallel_threshold())


def parallel_score(source: SegmentsLike, target: SegmentsLike, src_lang: str = "id",
                   tgt_lang: str = "en", lexicon: Optional[Lexicon] = None) -> Parallelness:
    """Score two documents (default lexicon: :meth:`Lexicon.default`)."""
    lex = lexicon if lexicon is not None else Lexicon.default(src_lang, tgt_lang)
    s, t = to_c_segments(source, src_lang), to_c_segments(target, tgt_lang)
    score = ffi.new("double *")
    ev = ffi.new("selaras_parallel_evidence *")
    err = new_error()
    check(lib.selaras_parallel_score(s, t, lex._handle, ffi.NULL, score, ev, err), err)
    fields = ("anchors", "names", "lexicon", "length_ratio", "beads", "src_anchors",
              "tgt_anchors", "shared_anchors")
    return Parallelness(float(score[0]), {f: float(getattr(ev, f)) for f in fields})


def pair(sources: Sequence[SegmentsLike], targets: Sequence[SegmentsLike],
         src_lang: str = "id", tgt_lang: str = "en", lexicon: Optional[Lexicon] = None,
         min_score: Optional[float] = None) -> List[Tuple[int, Optional[int], float]]:
    """Find which target document translates each source document: for each source
    index, (index, target index or None, score)."""
    lex = lexicon if lexicon is not None else Lexicon.default(src_lang, tgt_lang)
    out = ffi.new("selaras_pairer **")
    err = new_error()
    check(lib.selaras_pairer_new(out, src_lang.encode(), tgt_lang.encode(), lex._handle,
                                 ffi.NULL, err), err)
    p = ffi.gc(out[0], lib.selaras_pairer_free)
    if min_score is not None:
        check(lib.selaras_pairer_set_min_score(p, min_score, err), err)
    keep = []
    index = ffi.new("size_t *")
    for side, docs, lang in ((lib.SELARAS_SIDE_SOURCE, sources, src_lang),
                             (lib.SELARAS_SIDE_TARGET, targets, tgt_lang)):
        for d in docs:
            h = to_c_segments(d, lang)
            keep.append(h)
            check(lib.selaras_pairer_add(p, side, h, index, err), err)
    check(lib.selaras_pairer_run(p, err), err)
    unpaired = int(ffi.cast("size_t", -1))
    result = []
    score = ffi.new("double *")
    for i in range(len(sources)):
        j = int(lib.selaras_pairer_partner(p, lib.SELARAS_SIDE_SOURCE, i, score))
        result.append((i, None if j == unpaired else j, float(score[0])))
    return result


_OUTCOMES = {0: "pending", 1: "aligned", 2: "refused", 3: "skipped"}


@dataclass(frozen=True)
class BatchPair:
    """One pair of a batch: its files, what became of it ("aligned", "refused": the
    documents do not look like translations, "skipped": a file could not be read), its
    parallelness score and the reason when it was not aligned."""
    source: str
    target: str
    outcome: str
    score: float
    reason: Optional[str]


def batch(pairs: Sequence[Tuple[str, str]], output: Any, src_lang: str = "id",
          tgt_lang: str = "en", *, jobs: int = 1, force: bool = False,
          lexicon: Optional[Lexicon] = None, **writer_options: Any) -> List[BatchPair]:
    """Read, segment, align and write the files of ``pairs`` ((source path, target path))
    as one memory at ``output`` (a path or a file object; ``writer_options`` as for
    :class:`selaras.TmxWriter`, with ``format``), on ``jobs`` threads sharing one model:
    the output is the same whatever the number of jobs. Pairs that do not look like
    translations are refused unless ``force``; unreadable files are skipped. Returns what
    became of each pair."""
    return _batch(pairs, output, src_lang, tgt_lang, jobs, force, lexicon, writer_options)[0]


def _batch(pairs: Sequence[Tuple[str, str]], output: Any, src_lang: str, tgt_lang: str,
           jobs: int, force: bool, lexicon: Optional[Lexicon],
           writer_options: Dict[str, Any]) -> Tuple[List[BatchPair], Dict[str, int]]:
    """:func:`batch`, and the writer's counts (units written, beads left out)."""
    import os

    from ._memory import MemoryWriter
    lex = lexicon if lexicon is not None else Lexicon.default(src_lang, tgt_lang)
    err = new_error()
    mout = ffi.new("selaras_model **")
    check(lib.selaras_model_new(mout, src_lang.encode(), tgt_lang.encode(), lex._handle,
                                ffi.NULL, err), err)
    model = ffi.gc(mout[0], lib.selaras_model_free)
    bout = ffi.new("selaras_batch **")
    check(lib.selaras_batch_new(bout, model, ffi.NULL, err), err)
    b = ffi.gc(bout[0], lib.selaras_batch_free)
    for s, t in pairs:
        check(lib.selaras_batch_add(b, os.fsencode(s), os.fsencode(t), err), err)
    check(lib.selaras_batch_set_jobs(b, jobs, err), err)
    lib.selaras_batch_set_force(b, 1 if force else 0)
    with MemoryWriter(output, src_lang, tgt_lang, **writer_options) as w:
        st = lib.selaras_batch_run(b, w._handle, err)
        if st != 0:
            w._call(st, err)
    result = []
    for i in range(lib.selaras_batch_count(b)):
        reason = lib.selaras_batch_reason(b, i)
        result.append(BatchPair(os.fsdecode(ffi.string(lib.selaras_batch_source(b, i))),
                                os.fsdecode(ffi.string(lib.selaras_batch_target(b, i))),
                                _OUTCOMES.get(int(lib.selaras_batch_outcome_of(b, i)), "?"),
                                float(lib.selaras_batch_score(b, i)),
                                None if reason == ffi.NULL else
                                ffi.string(reason).decode("utf-8", "replace")))
    ffi.release(b)  # the batch borrows the model: free it first
    ffi.release(model)
    return result, w.counts
