"""make bench-dask: selaras.dask.build_memory on 3,200 document pairs made of the shared
PUD documents (pair k joins documents k .. k+4, cyclically), with LocalClusters of 1 and
2 worker processes, against `selaras batch --jobs 1 --pairs` in the same run (and --jobs 2: what the cores
give at the time, the ceiling for the ratio on a shared machine): pairs per
second, the 2-worker / 1-worker ratio (goal >= 1.7x on two free cores) and the Dask
path's overhead at one worker against the batch (goal < 15%), the units compared.
usage: bench_dask.py SELARAS_CLI DATA_DIR"""
import json
import os
import subprocess
import sys
import tempfile
import time

from distributed import Client, LocalCluster

import selaras
from selaras import dask as sd

N = 3200


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
                f.write("\n\n".join(docs[lang][i % len(docs[lang])] for i in range(k, k + 5)))
            paths.append(p)
        pairs.append(tuple(paths))
    return pairs


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cli = sys.argv[1]
        pairs = make_pairs(sys.argv[2], tmp)
        listing = os.path.join(tmp, "pairs.tsv")
        with open(listing, "w") as f:
            f.writelines("%s\t%s\n" % p for p in pairs)
        batch = {}
        for jobs in (1, 2):
            t0 = time.perf_counter()
            subprocess.run([cli, "batch", "-q", "--jobs", str(jobs), "--pairs", listing, "-o",
                            os.path.join(tmp, "batch%d.tmx" % jobs)], check=True)
            batch[jobs] = time.perf_counter() - t0
        base = batch[1]
        ref = sorted(set((u.texts["id"], u.texts["en"])
                         for u in selaras.read_tmx(os.path.join(tmp, "batch1.tmx"))))
        rates = {}
        for n in (1, 2):
            cluster = LocalCluster(processes=True, n_workers=n, threads_per_worker=1,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
            client.run(lambda: sd._tools("id", "en") and None)  # loaded before timing
            out = os.path.join(tmp, "m%d.tmx" % n)
            t0 = time.perf_counter()
            s = sd.build_memory(pairs, out, client)
            rates[n] = time.perf_counter() - t0
            same = sorted((u.texts["id"], u.texts["en"]) for u in selaras.read_tmx(out)) == ref
            print("  %d worker%s  %7.2f s  %7.1f pairs/s  (align %.2f s, merge %.2f s; "
                  "same units as the batch: %s)" % (n, "" if n == 1 else "s", rates[n],
                                                     N / rates[n], s.seconds["align"],
                                                     s.seconds["merge"], "yes" if same else "NO"))
            client.close()
            cluster.close()
    print("  selaras batch --jobs 1: %7.2f s  %7.1f pairs/s" % (base, N / base))
    print("  selaras batch --jobs 2: %7.2f s  %7.1f pairs/s (%.2fx: what the cores gave the "
          "C library's threads in this run)" % (batch[2], N / batch[2], base / batch[2]))
    print("  2 workers / 1 worker: %.2fx (goal >= 1.7x); Dask overhead at 1 worker: %+.1f%% "
          "against the batch (goal < 15%%); load average %.1f" % (rates[1] / rates[2], 100 * (rates[1] / base - 1),
                                               os.getloadavg()[0]))


if __name__ == "__main__":
    print("selaras.dask on %d document pairs from PUD" % N)
    main()
