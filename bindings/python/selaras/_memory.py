"""Translation memories: writing TMX, TSV and JSONL (to a path, atomically, or to a file
object), reading TMX, merging."""
import os
import sys
from dataclasses import dataclass, field
from types import TracebackType
from typing import IO, Any, Dict, Iterable, Iterator, List, Optional, Sequence, Type, Union

from ._align import Bead
from ._errors import ArgumentError, check, new_error, raise_for
from ._selaras import ffi, lib
from ._text import SegmentsLike, _pystr, _utf8, to_c_segments

PathLike = Union[str, "os.PathLike[str]"]
_FORMATS = {"tmx": lib.SELARAS_FORMAT_TMX, "tsv": lib.SELARAS_FORMAT_TSV,
            "jsonl": lib.SELARAS_FORMAT_JSONL}
_COUNTERS = ("written", "duplicates", "stripped", "skipped_unpaired", "skipped_boilerplate",
             "skipped_score", "skipped_ratio", "skipped_identical", "skipped_short")


@ffi.def_extern()
def _selaras_py_write(data: Any, length: int, user: Any) -> int:
    """The C writer's callback: hand the bytes to the Python file object."""
    writer = ffi.from_handle(user)
    try:
        chunk = ffi.unpack(data, length)
        if writer._text_file:
            writer._file.write(chunk.decode("utf-8"))
        else:
            writer._file.write(chunk)
        return 0
    except BaseException:  # re-raised by the call that flushed
        writer._callback_error = sys.exc_info()[1]
        return 1


class MemoryWriter:
    """A streaming writer of translation memories, used as a context manager::

        with selaras.TmxWriter("memory.tmx", "id", "en") as w:
            w.add(src, tgt, beads)

    ``target`` is a path (written to a temporary file renamed over it at close, so a
    failure never damages an existing memory) or a file object with ``write`` (text or
    binary). Options: ``min_score``, ``max_ratio``, ``min_length`` (filters),
    ``keep_boilerplate``, ``keep_identical``, ``keep_unpaired``, ``dedupe`` (collapse
    exact duplicates), ``merge`` (add to the memory already at the path), ``time``
    (creation time, seconds since 1970, for reproducible output), ``tool`` (name,
    version). Leaving the block by an exception discards the output."""

    format = "tmx"

    def __init__(self, target: Union[PathLike, IO[Any]], src_lang: str = "id",
                 tgt_lang: str = "en", *, format: Optional[str] = None,
                 min_score: Optional[float] = None, max_ratio: Optional[float] = None,
                 min_length: Optional[int] = None, keep_boilerplate: bool = False,
                 keep_identical: bool = False, keep_unpaired: bool = False,
                 dedupe: bool = False, merge: bool = False, time: Optional[int] = None,
                 tool: Optional[Sequence[str]] = None) -> None:
        fmt = format or self.format
        if fmt not in _FORMATS:
            raise ValueError("unknown format %r (tmx, tsv, jsonl)" % fmt)
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self._callback_error: Optional[BaseException] = None
        out = ffi.new("selaras_writer **")
        err = new_error()
        if hasattr(target, "write"):
            self._file = target
            self._text_file = _is_text(target)
            self._self_handle = ffi.new_handle(self)
            st = lib.selaras_writer_new_callback(out, _FORMATS[fmt], lib._selaras_py_write,
                                                 self._self_handle, src_lang.encode(),
                                                 tgt_lang.encode(), ffi.NULL, err)
        else:
            self._file = None
            st = lib.selaras_writer_new(out, _FORMATS[fmt], os.fsencode(target), ffi.NULL,
                                        src_lang.encode(), tgt_lang.encode(), ffi.NULL, err)
        check(st, err, writing=True)
        self._handle = ffi.gc(out[0], lib.selaras_writer_free)
        flags = ((lib.SELARAS_WRITER_KEEP_BOILERPLATE if keep_boilerplate else 0) |
                 (lib.SELARAS_WRITER_KEEP_IDENTICAL if keep_identical else 0) |
                 (lib.SELARAS_WRITER_KEEP_UNPAIRED if keep_unpaired else 0) |
                 (lib.SELARAS_WRITER_DEDUPE if dedupe else 0) |
                 (lib.SELARAS_WRITER_MERGE if merge else 0))
        check(lib.selaras_writer_set_flags(self._handle, flags, err), err)
        if min_score is not None:
            check(lib.selaras_writer_set_min_score(self._handle, min_score, err), err)
        if max_ratio is not None:
            check(lib.selaras_writer_set_max_ratio(self._handle, max_ratio, err), err)
        if min_length is not None:
            check(lib.selaras_writer_set_min_length(self._handle, min_length, err), err)
        if time is not None:
            check(lib.selaras_writer_set_time(self._handle, time, err), err)
        if tool is not None:
            check(lib.selaras_writer_set_tool(self._handle, tool[0].encode(), tool[1].encode(),
                                              err), err)
        self.closed = False

    def _call(self, status: int, err: Any) -> None:
        if self._callback_error is not None:
            e, self._callback_error = self._callback_error, None
            raise e
        raise_for(status, err, writing=True)

    def add(self, source: SegmentsLike, target: SegmentsLike, beads: Iterable[Bead], *,
            source_doc: Optional[str] = None, target_doc: Optional[str] = None,
            date: Optional[str] = None) -> None:
        """Add the beads of an alignment of ``source`` with ``target`` (filters apply).
        ``source_doc`` and ``target_doc`` name the documents (default: the names the
        segment lists carry); ``date`` is written as the units' x-doc-date."""
        s = _named(to_c_segments(source, self.src_lang), source, source_doc)
        t = _named(to_c_segments(target, self.tgt_lang), target, target_doc)
        err = new_error()
        if date is not None:
            check(lib.selaras_writer_set_doc_date(self._handle, date.encode("utf-8"), err), err)
        whole = getattr(beads, "_alignment", None)
        if whole is not None and beads._lists == (getattr(source, "_handle", None),
                                                  getattr(target, "_handle", None)) and \
                beads._unchanged() and source_doc is None and target_doc is None:
            st = lib.selaras_writer_add_alignment(self._handle, s, t, whole, err)
            if st != 0 or self._callback_error is not None:
                self._call(st, err)
            return
        for b in beads:
            sf, sc = _run(b.source)
            tf, tc = _run(b.target)
            st = lib.selaras_writer_add_bead(self._handle, s, sf, sc, t, tf, tc, b.score, err)
            if st != 0 or self._callback_error is not None:
                self._call(st, err)

    def add_unit(self, texts: Dict[str, str], props: Optional[Dict[str, str]] = None) -> None:
        """Add a unit as it is: ``texts`` maps language tags to segment texts, ``props``
        property types to values."""
        out = ffi.new("selaras_unit **")
        err = new_error()
        check(lib.selaras_unit_new(out, ffi.NULL, err), err)
        unit = ffi.gc(out[0], lib.selaras_unit_free)
        for lang, text in texts.items():
            b = _utf8(text)
            check(lib.selaras_unit_add_variant(unit, lang.encode(), b, len(b), err), err)
        for typ, value in (props or {}).items():
            b = _utf8(value)
            check(lib.selaras_unit_add_prop(unit, lib.SELARAS_UNIT_WHOLE, typ.encode(),
                                            ffi.NULL, b, len(b), err), err)
        st = lib.selaras_writer_add_unit(self._handle, unit, err)
        if st != 0 or self._callback_error is not None:
            self._call(st, err)

    def add_tmx(self, path: PathLike) -> None:
        """Add every unit of an existing TMX file and its header (a merge)."""
        err = new_error()
        st = lib.selaras_writer_add_tmx(self._handle, os.fsencode(path), err)
        if st != 0 or self._callback_error is not None:
            if st == lib.SELARAS_ERR_IO:
                raise_for(st, err)
            self._call(st, err)

    def close(self) -> None:
        """Finish the memory: write what is left, and replace the target file."""
        if self.closed:
            return
        err = new_error()
        st = lib.selaras_writer_close(self._handle, err)
        self.closed = True
        if st != 0 or self._callback_error is not None:
            self._call(st, err)

    @property
    def counts(self) -> Dict[str, int]:
        """Units written and beads left out, by reason."""
        if getattr(self, "_counts", None) is not None:
            return dict(self._counts)
        return {name: int(lib.selaras_writer_count(self._handle, i))
                for i, name in enumerate(_COUNTERS)}

    def __enter__(self) -> "MemoryWriter":
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException],
                 tb: Optional[TracebackType]) -> None:
        if exc_type is None:
            self.close()
        else:
            self.closed = True
            self._counts = self.counts
            ffi.release(self._handle)  # freed unclosed: the temporary file is removed


class TmxWriter(MemoryWriter):
    """A :class:`MemoryWriter` of TMX 1.4."""
    format = "tmx"


class TsvWriter(MemoryWriter):
    """A :class:`MemoryWriter` of TSV: source, target, score, bead, documents, date."""
    format = "tsv"


class JsonlWriter(MemoryWriter):
    """A :class:`MemoryWriter` of JSON lines (the schema of ``selaras align --format
    jsonl``)."""
    format = "jsonl"


def _is_text(f: Any) -> bool:
    import io
    return isinstance(f, io.TextIOBase) or "b" not in getattr(f, "mode", "b")


def _run(indices: Sequence[int]) -> "tuple[int, int]":
    idx = list(indices)
    if not idx:
        return 0, 0
    if idx != list(range(idx[0], idx[0] + len(idx))):
        raise ArgumentError("a bead's segments must be consecutive: %r" % (idx,))
    return idx[0], len(idx)


def _named(handle: Any, original: Any, name: Optional[str]) -> Any:
    """handle, carrying name when one is given (a copy for a list the caller holds)."""
    if name is None:
        return handle
    if handle is getattr(original, "_handle", None):
        # the caller's list keeps its own name: rename a copy
        handle = to_c_segments(list(original), _pystr(lib.selaras_segments_lang(handle)) or "")
    check(lib.selaras_segments_set_name(handle, name.encode("utf-8")))
    return handle


@dataclass
class Unit:
    """A translation unit read from TMX: ``texts`` maps each variant's language tag to
    its text, ``props`` each unit-level property type to its (first) value; ``notes``
    are the unit's notes, ``attrs`` its attributes (tuid, creationdate...)."""
    texts: Dict[str, str] = field(default_factory=dict)
    props: Dict[str, str] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)
    attrs: Dict[str, str] = field(default_factory=dict)

    @property
    def score(self) -> Optional[float]:
        """The x-score property as a number, or None."""
        v = self.props.get("x-score")
        return float(v) if v is not None else None


def _unit_of(u: Any) -> Unit:
    out = Unit()
    n = ffi.new("size_t *")
    for i in range(lib.selaras_unit_variant_count(u)):
        text = lib.selaras_unit_variant_text(u, i, n)
        out.texts.setdefault(ffi.string(lib.selaras_unit_variant_lang(u, i)).decode(),
                             ffi.unpack(text, n[0]).decode("utf-8"))
    for i in range(lib.selaras_unit_prop_count(u)):
        if lib.selaras_unit_prop_variant(u, i) != lib.SELARAS_UNIT_WHOLE:
            continue
        value = lib.selaras_unit_prop_value(u, i, n)
        v = ffi.unpack(value, n[0]).decode("utf-8")
        typ = _pystr(lib.selaras_unit_prop_type(u, i))
        if typ is None:
            out.notes.append(v)
        else:
            out.props.setdefault(typ, v)
    for i in range(lib.selaras_unit_attr_count(u)):
        if lib.selaras_unit_attr_variant(u, i) == lib.SELARAS_UNIT_WHOLE:
            out.attrs[ffi.string(lib.selaras_unit_attr_name(u, i)).decode()] = \
                ffi.string(lib.selaras_unit_attr_value(u, i)).decode("utf-8")
    return out


def read_tmx(source: Union[PathLike, bytes], keep_codes: bool = False) -> Iterator[Unit]:
    """Iterate over the units of a TMX file (a path, or the file's bytes). Malformed TMX
    raises :class:`InputError` with its line and column."""
    out = ffi.new("selaras_tmx_reader **")
    err = new_error()
    flags = lib.SELARAS_TMX_KEEP_CODES if keep_codes else 0
    if isinstance(source, (bytes, bytearray)):
        keep = ffi.from_buffer(bytes(source))
        st = lib.selaras_tmx_reader_new_memory(out, keep, len(keep), flags, ffi.NULL, err)
    else:
        keep = None
        st = lib.selaras_tmx_reader_new(out, os.fsencode(source), flags, ffi.NULL, err)
    check(st, err)
    reader = ffi.gc(out[0], lib.selaras_tmx_reader_free)
    unit = ffi.new("const selaras_unit **")
    while True:
        check(lib.selaras_tmx_reader_next(reader, unit, err), err)
        if unit[0] == ffi.NULL:
            break
        yield _unit_of(unit[0])
    del keep


def merge_tmx(inputs: Iterable[PathLike], output: PathLike, src_lang: str = "id",
              tgt_lang: str = "en", time: Optional[int] = None) -> Dict[str, int]:
    """Merge TMX files into ``output`` (written atomically), exact duplicates collapsed
    into the higher-scored unit. Returns the writer's counts."""
    with TmxWriter(output, src_lang, tgt_lang, dedupe=True, time=time) as w:
        for path in inputs:
            w.add_tmx(path)
    return w.counts
