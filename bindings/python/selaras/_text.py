"""Text intake and segmentation: documents, segments, segmenters."""
import os
import threading
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, List, Optional, Sequence, Union, overload

from ._errors import ArgumentError, check, new_error
from ._selaras import ffi, lib

Text = Union[str, bytes]
KINDS = ("sentence", "title", "boilerplate")
_KIND_CODE = {name: i for i, name in enumerate(KINDS)}


def _utf8(text: Text) -> bytes:
    if isinstance(text, str):
        return text.encode("utf-8", "surrogatepass")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError("text must be str or bytes, not %s" % type(text).__name__)


def _cstr(s: Optional[str]) -> Any:
    return ffi.NULL if s is None else s.encode("utf-8")


def _pystr(p: Any) -> Optional[str]:
    return None if p == ffi.NULL else ffi.string(p).decode("utf-8")


@dataclass(frozen=True)
class Segment:
    """One segment: its text (trimmed), its kind ("sentence", "title" or
    "boilerplate"), the byte offsets ``start`` and ``end`` of its text in the UTF-8
    input, and the 0-based number of its paragraph."""
    text: str
    kind: str = "sentence"
    start: int = 0
    end: int = 0
    paragraph: int = 0


class SegmentList(Sequence[Segment]):
    """The segments of one document, as :func:`segment` and :func:`lines` return them: a
    read-only sequence of :class:`Segment` that keeps the library's own list, so that
    aligning it gives exactly what the CLI gives."""

    def __init__(self, handle: Any, segments: Optional[List[Segment]] = None) -> None:
        self._handle = handle
        self._segments = segments

    @classmethod
    def _from_handle(cls, ptr: Any) -> "SegmentList":
        return cls(ffi.gc(ptr, lib.selaras_segments_free))

    def _items(self) -> List[Segment]:
        """The segments, read from the library list when first asked for."""
        if self._segments is None:
            handle = self._handle
            length = ffi.new("size_t *")
            segs = []
            for i in range(lib.selaras_segments_count(handle)):
                t = lib.selaras_segments_text(handle, i, length)
                segs.append(Segment(ffi.unpack(t, length[0]).decode("utf-8", "surrogatepass"),
                                    KINDS[lib.selaras_segments_kind(handle, i)],
                                    lib.selaras_segments_start(handle, i),
                                    lib.selaras_segments_end(handle, i),
                                    lib.selaras_segments_paragraph(handle, i)))
            self._segments = segs
        return self._segments

    @property
    def lang(self) -> str:
        """The canonical language tag of the list."""
        return _pystr(lib.selaras_segments_lang(self._handle)) or ""

    @property
    def name(self) -> Optional[str]:
        """The name of the document the list came from, or None."""
        return _pystr(lib.selaras_segments_name(self._handle))

    @overload
    def __getitem__(self, i: int) -> Segment: ...
    @overload
    def __getitem__(self, i: slice) -> List[Segment]: ...

    def __getitem__(self, i: Union[int, slice]) -> Union[Segment, List[Segment]]:
        return self._items()[i]

    def __len__(self) -> int:
        return int(lib.selaras_segments_count(self._handle))

    def __iter__(self) -> Iterator[Segment]:
        return iter(self._items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SegmentList):
            return self._items() == other._items()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "SegmentList(%r, lang=%r)" % (self._items(), self.lang)


SegmentsLike = Union[SegmentList, Iterable[Union[Segment, str]]]


def to_c_segments(segs: SegmentsLike, lang: str) -> Any:
    """The library list of ``segs``: its own for a :class:`SegmentList`, else a new one
    made of the texts (and kinds) in order."""
    if isinstance(segs, SegmentList):
        return segs._handle
    out = ffi.new("selaras_segments **")
    err = new_error()
    check(lib.selaras_segments_new(out, lang.encode(), ffi.NULL, err), err)
    handle = ffi.gc(out[0], lib.selaras_segments_free)
    for s in segs:
        text, kind = (s, "sentence") if isinstance(s, str) else (s.text, s.kind)
        if kind not in _KIND_CODE:
            raise ArgumentError("unknown segment kind %r" % kind)
        b = _utf8(text)
        check(lib.selaras_segments_append(handle, b, len(b), _KIND_CODE[kind], err), err)
    return handle


def make_doc(text: Text, lang: str, name: Optional[str] = None,
             replace_invalid: bool = False) -> Any:
    """A library document of ``text``; bad UTF-8 raises :class:`InputError` with the
    offset of the first bad byte."""
    data = _utf8(text)
    out = ffi.new("selaras_doc **")
    err = new_error()
    flags = lib.SELARAS_DOC_REPLACE_INVALID if replace_invalid else 0
    check(lib.selaras_doc_new(out, data, len(data), lang.encode(), flags, ffi.NULL, err), err)
    doc = ffi.gc(out[0], lib.selaras_doc_free)
    if name is not None:
        check(lib.selaras_doc_set_name(doc, name.encode("utf-8")))
    return doc


def normalize(text: Text, lang: str = "id", replace_invalid: bool = False) -> str:
    """The text as intake makes it: BOM dropped, line ends made LF, Unicode NFC."""
    doc = make_doc(text, lang, replace_invalid=replace_invalid)
    n = ffi.new("size_t *")
    p = lib.selaras_doc_text(doc, n)
    return ffi.unpack(p, n[0]).decode("utf-8")


class Segmenter:
    """A sentence segmenter for one language, reusable for any number of texts.

    ``abbreviations`` adds abbreviations in the data-file format (see the C API): a
    path (``os.PathLike``) to such a file, or the text itself (``str``/``bytes``). With
    ``builtin_abbreviations=False`` the built-in lists are dropped first. One segmenter
    is used by one thread at a time (calls from several threads wait for each other);
    use one per thread to segment in parallel. The GIL is released while it works."""

    def __init__(self, lang: str = "id",
                 abbreviations: Union[None, Text, "os.PathLike[str]"] = None,
                 builtin_abbreviations: bool = True) -> None:
        out = ffi.new("selaras_segmenter **")
        err = new_error()
        check(lib.selaras_segmenter_new(out, lang.encode(), ffi.NULL, err), err)
        self._handle = ffi.gc(out[0], lib.selaras_segmenter_free)
        self._lock = threading.Lock()
        self.lang = _pystr(lib.selaras_segmenter_lang(self._handle)) or lang
        if not builtin_abbreviations:
            lib.selaras_segmenter_clear_abbreviations(self._handle)
        if isinstance(abbreviations, os.PathLike):
            check(lib.selaras_segmenter_load_abbreviations(
                self._handle, os.fsencode(abbreviations), err), err)
        elif abbreviations is not None:
            data = _utf8(abbreviations)
            check(lib.selaras_segmenter_add_abbreviations(self._handle, data, len(data), err),
                  err)

    def segment(self, text: Text, name: Optional[str] = None,
                replace_invalid: bool = False) -> SegmentList:
        """Split ``text`` (``str`` or UTF-8 ``bytes``) into sentences, titles and
        boilerplate. Offsets are byte offsets into the UTF-8 input. ``name`` names the
        document in memories written from it."""
        doc = make_doc(text, self.lang, name, replace_invalid)
        out = ffi.new("selaras_segments **")
        err = new_error()
        with self._lock:
            st = lib.selaras_segment(self._handle, doc, out, err)
        check(st, err)
        return SegmentList._from_handle(out[0])


_local = threading.local()


def segment(text: Text, lang: str = "id", name: Optional[str] = None,
            replace_invalid: bool = False) -> SegmentList:
    """Segment ``text`` with a segmenter for ``lang`` (one per thread, made once)."""
    cache = getattr(_local, "segmenters", None)
    if cache is None:
        cache = _local.segmenters = {}
    seg = cache.get(lang)
    if seg is None:
        seg = cache[lang] = Segmenter(lang)
    return seg.segment(text, name, replace_invalid)


def lines(text: Text, lang: str = "id", name: Optional[str] = None) -> SegmentList:
    """One segment per line of ``text``, empty lines counted (the CLI's
    ``--presegmented``)."""
    doc = make_doc(text, lang, name)
    out = ffi.new("selaras_segments **")
    err = new_error()
    check(lib.selaras_segments_from_lines(out, doc, err), err)
    return SegmentList._from_handle(out[0])
