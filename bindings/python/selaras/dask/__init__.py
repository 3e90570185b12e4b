"""Build a translation memory from an archive of document pairs on a Dask cluster.

:func:`build_memory` aligns the pairs in partitions on the cluster's workers with the
library's batch (each worker process loads the lexicon once), each partition writing a
part memory; the parts are then merged on the client with the library's merge (exact
duplicates collapsed) into the output, written atomically. The part files live in a
folder beside the output, which the workers must see (one machine, or a shared file
system); it is removed at the end, also on failure.

A partition's part file is written atomically under a name fixed by its index, so a task
that Dask retries after its worker died writes the same file again: no unit is lost or
doubled. Pairing two folders (:func:`pair_folders`) runs on the client.
"""
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import selaras
from selaras._collections import _batch

__all__ = ["Summary", "build_memory", "pair_folders", "align_partition"]

Pair = Tuple[str, str]


@dataclass
class Summary:
    """What :func:`build_memory` did: pairs aligned, units written, files skipped (path,
    reason), seconds per stage ("align": the cluster's wall time, "merge"), and the
    writer's counts of the merge."""
    pairs: int = 0
    units: int = 0
    partitions: int = 0
    skipped: List[Tuple[str, str]] = field(default_factory=list)
    seconds: Dict[str, float] = field(default_factory=dict)
    counts: Dict[str, int] = field(default_factory=dict)


_worker_state: Dict[Tuple[str, str], Any] = {}
_malloc_set = False


def _malloc_for_batch() -> None:
    """Undo, in this process, Dask's ``MALLOC_TRIM_THRESHOLD_=65536`` (the nanny puts it
    in every worker's environment): with it glibc hands freed memory back at once and
    stops raising its mmap threshold, so the batch's allocations become page faults and
    system calls (a third slower on PUD pairs). Sets glibc's thresholds to its own
    dynamic maxima (mmap 32 MiB, trim 64 MiB) once per process; nothing elsewhere."""
    global _malloc_set
    if _malloc_set:
        return
    _malloc_set = True
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return
    try:
        import ctypes
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc
        return
    mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD
    mallopt(-1, 64 << 20)  # M_TRIM_THRESHOLD


def _tools(src_lang: str, tgt_lang: str) -> Any:
    """This process's lexicon, segmenters and aligner for the pair (made once per
    process; a warm-up before timing)."""
    _malloc_for_batch()
    key = (src_lang, tgt_lang)
    if key not in _worker_state:
        _worker_state[key] = (selaras.Segmenter(src_lang), selaras.Segmenter(tgt_lang),
                              selaras.Aligner(src_lang, tgt_lang))
    return _worker_state[key]


def align_partition(index: int, pairs: Sequence[Pair], folder: str, src_lang: str,
                    tgt_lang: str, writer_options: Dict[str, Any]) -> Dict[str, Any]:
    """Align ``pairs`` with the library's batch (as ``selaras batch`` does: confidences
    weighed by the pair's parallelness, non-translations refused unless ``force`` is in
    ``writer_options``) into the part memory ``folder/part-INDEX.tmx``, written
    atomically. Returns the part's path, its pair and unit counts and the pairs skipped
    or refused (path, reason)."""
    options = dict(writer_options)
    force = bool(options.pop("force", False))
    path = os.path.join(folder, "part-%06d.tmx" % index)
    t0 = time.perf_counter()
    _malloc_for_batch()
    lexicon = selaras.Lexicon.default(src_lang, tgt_lang)  # once per worker process
    # the writer's count of units, not a second parse of the part file
    result, counts = _batch(pairs, path, src_lang, tgt_lang, 1, force, lexicon, options)
    units = counts["written"]
    skipped = [(p.source if p.outcome == "refused" or not p.reason or p.source in p.reason
                else p.target, "%s: %s" % (p.outcome, p.reason))
               for p in result if p.outcome != "aligned"]
    return {"path": path, "pairs": sum(p.outcome == "aligned" for p in result),
            "units": units, "skipped": skipped, "seconds": time.perf_counter() - t0}


def _chunks(pairs: Sequence[Pair], n: int) -> List[List[Pair]]:
    size = max(1, -(-len(pairs) // n))
    return [list(pairs[i:i + size]) for i in range(0, len(pairs), size)]


def build_memory(pairs: Sequence[Pair], output: str, client: Any = None, *,
                 src_lang: str = "id", tgt_lang: str = "en",
                 partitions: Optional[int] = None, progress: bool = False,
                 **writer_options: Any) -> Summary:
    """Align ``pairs`` (a sequence of (source path, target path), for example from
    :func:`pair_folders`) on the Dask cluster of ``client`` (default: the current
    client, or a new ``LocalCluster`` of processes) and write one memory to ``output``.

    ``partitions``: how many part memories (default: twice the workers, at most one a
    pair). ``progress``: show Dask's progress bar. Other keywords go to each part's
    :class:`selaras.TmxWriter` (``min_score``, ``keep_identical``, ``time``...); ``time``
    is also the merged memory's creation time."""
    from distributed import Client, LocalCluster, get_client, progress as dask_progress

    own = None
    if client is None:
        try:
            client = get_client()
        except ValueError:
            # one single-threaded worker process a core: the batch is CPU-bound, and
            # threads in one worker would only compete with the other processes
            own = Client(LocalCluster(processes=True, n_workers=os.cpu_count() or 1,
                                      threads_per_worker=1))
            client = own
    summary = Summary()
    pairs = [(os.fspath(s), os.fspath(t)) for s, t in pairs]
    out_dir = os.path.dirname(os.path.abspath(output))
    folder = tempfile.mkdtemp(prefix=".selaras-parts-", dir=out_dir)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        n = partitions or 2 * workers
        chunks = _chunks(pairs, max(1, min(n, len(pairs))))
        summary.partitions = len(chunks)
        t0 = time.perf_counter()
        futures = [client.submit(align_partition, i, c, folder, src_lang, tgt_lang,
                                 writer_options, key="selaras-part-%d-%s" % (i, os.path.basename(folder)),
                                 pure=False, retries=3)
                   for i, c in enumerate(chunks)]
        if progress:
            dask_progress(futures)
        parts = client.gather(futures)
        summary.seconds["align"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        merge_options = {"time": writer_options["time"]} if "time" in writer_options else {}
        with selaras.TmxWriter(output, src_lang, tgt_lang, dedupe=True, **merge_options) as w:
            for part in parts:
                w.add_tmx(part["path"])
        summary.seconds["merge"] = time.perf_counter() - t0
        summary.counts = w.counts
        summary.units = w.counts["written"]
        summary.pairs = sum(p["pairs"] for p in parts)
        summary.skipped = [tuple(s) for p in parts for s in p["skipped"]]  # type: ignore[misc]
        return summary
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if own is not None:
            cluster = own.cluster
            own.close()
            cluster.close()


def pair_folders(src_dir: str, tgt_dir: str, src_lang: str = "id", tgt_lang: str = "en",
                 min_score: Optional[float] = None) -> Tuple[List[Pair], List[str]]:
    """Pair the files of two folders (on the client, with :func:`selaras.pair`): the
    pairs, and the files left without a partner."""
    def files(d: str) -> List[str]:
        return sorted(os.path.join(d, f) for f in os.listdir(d)
                      if os.path.isfile(os.path.join(d, f)) and not f.startswith("."))
    srcs, tgts = files(src_dir), files(tgt_dir)
    sg_s, sg_t = selaras.Segmenter(src_lang), selaras.Segmenter(tgt_lang)
    unpaired: List[str] = []
    docs_s, docs_t, ok_s, ok_t = [], [], [], []
    for paths, sg, docs, ok in ((srcs, sg_s, docs_s, ok_s), (tgts, sg_t, docs_t, ok_t)):
        for p in paths:
            try:
                with open(p, "rb") as f:
                    docs.append(sg.segment(f.read()))
                ok.append(p)
            except (OSError, selaras.Error):
                unpaired.append(p)
    found = selaras.pair(docs_s, docs_t, src_lang, tgt_lang, min_score=min_score)
    pairs = [(ok_s[i], ok_t[j]) for i, j, _ in found if j is not None]
    used = {j for _, j, _ in found if j is not None}
    unpaired += [ok_s[i] for i, j, _ in found if j is None]
    unpaired += [p for k, p in enumerate(ok_t) if k not in used]
    return pairs, unpaired
