"""make bench-python (1/2): two threads aligning at once against one thread.

The 397 PUD documents of DATA_DIR are joined in groups of 20 into document pairs of
about 50 sentences a side, segmented once per thread (each thread its own lists, as each
job of the C batch has its own documents). Each thread makes its own Aligner and aligns
the pairs once before the clock starts (stemmers and caches warm); then one thread aligns
them all ROUNDS times, and two threads ROUNDS / 2 times each: the same work. ROUNDS is
chosen so that one thread works at least MIN_SECONDS (2 s), so that the ratio is not
made of thread starts and noise. The C calls release the GIL, so on two free cores the
two threads should reach about twice the throughput (goal >= 1.6x).

The same work is then done by one and by two forked processes (no GIL at all): their
ratio is what the cores give at the time of the run, the ceiling for the threads' ratio
on a machine that other jobs share. The configurations alternate, best of 3 each.
usage: bench_threads.py DATA_DIR"""
import json
import math
import multiprocessing
import os
import sys
import threading
import time

import selaras

MIN_SECONDS = 2.0


def load(data: str):
    """The texts of the document pairs: (Indonesian, English) strings."""
    sides = []
    for lang in ("id", "en"):
        with open(os.path.join(data, "pud", lang + ".docs.jsonl"), encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f]
        sides.append(["\n\n".join(texts[i:i + 20]) for i in range(0, len(texts), 20)])
    return list(zip(*sides))


class Worker:
    """One thread's (or process's) segment lists and warm aligner."""

    def __init__(self, texts) -> None:
        sg_id, sg_en = selaras.Segmenter("id"), selaras.Segmenter("en")
        self.pairs = [(sg_id.segment(s), sg_en.segment(t)) for s, t in texts]
        self.aligner = selaras.Aligner("id", "en")
        self.run(1)

    def run(self, rounds: int) -> None:
        al = self.aligner
        for _ in range(rounds):
            for s, t in self.pairs:
                al.align(s, t)


def timed_threads(workers, rounds: int) -> float:
    start = threading.Barrier(len(workers) + 1)

    def go(w: Worker) -> None:
        start.wait()
        w.run(rounds)
    threads = [threading.Thread(target=go, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


def _process(texts, rounds: int, start, done) -> None:
    w = Worker(texts)
    start.wait()
    w.run(rounds)
    done.put(time.perf_counter())


def timed_processes(texts, n: int, rounds: int) -> float:
    ctx = multiprocessing.get_context("fork")
    start, done = ctx.Barrier(n + 1), ctx.Queue()
    procs = [ctx.Process(target=_process, args=(texts, rounds, start, done)) for _ in range(n)]
    for p in procs:
        p.start()
    start.wait()
    t0 = time.perf_counter()
    end = max(done.get() for _ in procs)
    for p in procs:
        p.join()
    return end - t0


def main() -> None:
    texts = load(sys.argv[1])
    selaras.Lexicon.default("id", "en")  # loaded once, before timing
    workers = [Worker(texts), Worker(texts)]
    t0 = time.perf_counter()
    workers[0].run(1)
    one_round = time.perf_counter() - t0
    rounds = max(2, 2 * math.ceil(MIN_SECONDS / one_round / 2))
    t1, t2, p1, p2 = [], [], [], []
    for _ in range(3):
        t1.append(timed_threads(workers[:1], rounds))
        t2.append(timed_threads(workers, rounds // 2))
        p1.append(timed_processes(texts, 1, rounds))
        p2.append(timed_processes(texts, 2, rounds // 2))
    n = rounds * len(texts)
    b1, b2, c1, c2 = min(t1), min(t2), min(p1), min(p2)
    print("Threads: %d alignments (%d rounds of %d PUD document pairs, best of 3), %d cores" %
          (n, rounds, len(texts), os.cpu_count() or 1))
    print("  one thread    %6.3f s  %7.1f pairs/s" % (b1, n / b1))
    print("  two threads   %6.3f s  %7.1f pairs/s" % (b2, n / b2))
    print("  one process   %6.3f s  %7.1f pairs/s" % (c1, n / c1))
    print("  two processes %6.3f s  %7.1f pairs/s" % (c2, n / c2))
    print("  ratio two / one: %.2fx (goal >= 1.6x); two processes / one: %.2fx (what the "
          "cores gave); threads / processes at two: %.0f%%; load average %.1f" %
          (b1 / b2, c1 / c2, 100 * c2 / b2, os.getloadavg()[0]))


if __name__ == "__main__":
    main()
