"""make bench-python (2/2): the binding against C on the same 1,000 document pairs.

The pairs are made of the PUD documents of DATA_DIR (id and en): pair k joins documents
k .. k+4 (cyclically) into one text of about a press release's length (10-15 sentences),
written as files. Each side does the CLI's work per pair: read both files, make
documents, segment, align, and add the beads to one JSONL memory with the library writer;
the lexicon is loaded once.
C: bench_pairs (the library in one process); Python: the same through selaras. The CLI
itself (one process per pair, each loading the lexicon) is timed on the first 100 pairs
for reference. usage: bench_overhead.py SELARAS_CLI BENCH_PAIRS DATA_DIR"""
import json
import os
import subprocess
import sys
import tempfile
import time

import selaras

N = 1000


def make_pairs(data: str, folder: str):
    docs = {}
    for lang in ("id", "en"):
        with open(os.path.join(data, "pud", lang + ".docs.jsonl"), encoding="utf-8") as f:
            docs[lang] = [json.loads(line)["text"] for line in f]
    pairs = []
    for k in range(N):
        paths = []
        for lang in ("id", "en"):
            p = os.path.join(folder, "%04d.%s" % (k, lang))
            with open(p, "w", encoding="utf-8") as f:
                for i in range(k, k + 5):
                    f.write(docs[lang][i % len(docs[lang])] + "\n\n")
            paths.append(p)
        pairs.append(tuple(paths))
    return pairs


def python_run(pairs, out: str) -> float:
    t0 = time.perf_counter()
    sid, sen = selaras.Segmenter("id"), selaras.Segmenter("en")
    al = selaras.Aligner("id", "en")
    with selaras.JsonlWriter(out, "id", "en", keep_boilerplate=True, keep_identical=True,
                             keep_unpaired=True) as w:
        for s, t in pairs:
            with open(s, "rb") as f:
                src = sid.segment(f.read(), name=s)
            with open(t, "rb") as f:
                tgt = sen.segment(f.read(), name=t)
            w.add(src, tgt, al.align(src, tgt))
    return time.perf_counter() - t0


def main() -> None:
    cli, bench_c, data = sys.argv[1:4]
    with tempfile.TemporaryDirectory() as tmp:
        pairs = make_pairs(data, tmp)
        listing = os.path.join(tmp, "pairs.tsv")
        with open(listing, "w") as f:
            f.writelines("%s\t%s\n" % p for p in pairs)
        out_c, out_py = os.path.join(tmp, "c.jsonl"), os.path.join(tmp, "py.jsonl")
        c_times, py_times = [], []
        for _ in range(3):  # alternate, keep the best of each
            r = subprocess.run([bench_c, listing, out_c], check=True, capture_output=True,
                               text=True)
            c_times.append(float(r.stdout))
            py_times.append(python_run(pairs, out_py))
        with open(out_c, "rb") as a, open(out_py, "rb") as b:
            same = a.read() == b.read()
        t0 = time.perf_counter()
        for s, t in pairs[:100]:
            subprocess.run([cli, "align", "-q", "--format", "jsonl", "-o", os.devnull, s, t],
                           check=True)
        cli_100 = time.perf_counter() - t0
    c, py = min(c_times), min(py_times)
    print("Python binding against C on the same %d PUD document pairs (best of 3)" % N)
    print("  C (libselaras, one process)   %7.3f s  %7.1f pairs/s" % (c, N / c))
    print("  Python (selaras binding)      %7.3f s  %7.1f pairs/s" % (py, N / py))
    print("  Python overhead: %+.1f%% (goal < 10%%); outputs identical: %s"
          % (100 * (py / c - 1), "yes" if same else "NO"))
    print("  CLI, one process per pair (100 pairs): %.3f s, %.1f pairs/s (process start and "
          "lexicon load each time)" % (cli_100, 100 / cli_100))


if __name__ == "__main__":
    main()
