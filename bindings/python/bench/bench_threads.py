"""make bench-python (1/2): two threads aligning at once against one thread.

The 397 PUD documents of DATA_DIR are joined in groups of 20 into document pairs of
about 50 sentences a side, segmented once; then one thread aligns them all four times, and two
threads (each its own Aligner) align them all twice each: the same work. The C calls release the GIL, so on two cores the two threads should reach about
twice the throughput (goal >= 1.6x). usage: bench_threads.py DATA_DIR"""
import json
import os
import sys
import threading
import time

import selaras


def load(data: str):
    sides = []
    for lang in ("id", "en"):
        with open(os.path.join(data, "pud", lang + ".docs.jsonl"), encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f]
        sg = selaras.Segmenter(lang)
        sides.append([sg.segment("\n\n".join(texts[i:i + 20]))
                      for i in range(0, len(texts), 20)])
    return list(zip(*sides))


def work(pairs, rounds: int) -> None:
    al = selaras.Aligner("id", "en")
    for _ in range(rounds):
        for s, t in pairs:
            al.align(s, t)


def timed(nthreads: int, pairs, rounds: int) -> float:
    threads = [threading.Thread(target=work, args=(pairs, rounds)) for _ in range(nthreads)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


def main() -> None:
    pairs = load(sys.argv[1])
    selaras.Lexicon.default("id", "en")  # loaded once, before timing
    work(pairs[:2], 1)
    best1 = min(timed(1, pairs, 4) for _ in range(3))
    best2 = min(timed(2, pairs, 2) for _ in range(3))
    n = 4 * len(pairs)
    print("Threads: %d alignments of PUD document pairs (best of 3), %d cores" %
          (n, os.cpu_count() or 1))
    print("  one thread    %6.3f s  %7.1f pairs/s" % (best1, n / best1))
    print("  two threads   %6.3f s  %7.1f pairs/s" % (best2, n / best2))
    print("  ratio two / one: %.2fx (goal >= 1.6x); load average %.1f: other processes share "
          "the cores" % (best1 / best2, os.getloadavg()[0]))


if __name__ == "__main__":
    main()
