"""python3 -m selaras.dask --scheduler ADDRESS|local[:N] SRC_DIR TGT_DIR -o memory.tmx

Pair the files of SRC_DIR and TGT_DIR (on this machine), align the pairs on a Dask
cluster (an existing scheduler at ADDRESS, or a LocalCluster of N worker processes), and
write one TMX memory. Exit status 0, or 5 when files were skipped."""
import argparse
import sys

from distributed import Client, LocalCluster

from . import build_memory, pair_folders


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m selaras.dask", description=__doc__.split("\n\n")[1])
    ap.add_argument("--scheduler", default="local", help="ADDRESS of a scheduler, or local[:N]")
    ap.add_argument("--from", dest="src_lang", default="id")
    ap.add_argument("--to", dest="tgt_lang", default="en")
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--progress", action="store_true")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("src_dir")
    ap.add_argument("tgt_dir")
    a = ap.parse_args(argv)
    if a.scheduler.startswith("local"):
        n = int(a.scheduler.split(":")[1]) if ":" in a.scheduler else None
        cluster = LocalCluster(processes=True, n_workers=n, threads_per_worker=1)
        client = Client(cluster)
    else:
        cluster, client = None, Client(a.scheduler)
    try:
        pairs, unpaired = pair_folders(a.src_dir, a.tgt_dir, a.src_lang, a.tgt_lang)
        s = build_memory(pairs, a.output, client, src_lang=a.src_lang, tgt_lang=a.tgt_lang,
                         partitions=a.partitions, progress=a.progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for path in unpaired:
        print("selaras.dask: %s: no partner found" % path, file=sys.stderr)
    for path, why in s.skipped:
        print("selaras.dask: %s: skipped: %s" % (path, why), file=sys.stderr)
    print("selaras.dask: %d pairs, %d units written to %s (align %.1f s, merge %.1f s)"
          % (s.pairs, s.units, a.output, s.seconds.get("align", 0), s.seconds.get("merge", 0)),
          file=sys.stderr)
    return 5 if s.skipped or unpaired else 0


if __name__ == "__main__":
    sys.exit(main())
