"""make eval-python: the binding gives the CLI's segments on the shared seeds and press
releases, and the CLI's beads on the press pairs. usage: eval_identical.py CLI DATA_DIR"""
import glob
import json
import os
import subprocess
import sys

import selaras


def cli_jsonl(cli: str, *args: str):
    r = subprocess.run([cli, *args], check=True, capture_output=True)
    return [json.loads(line) for line in r.stdout.decode().splitlines()]


def main() -> int:
    cli, data = sys.argv[1:3]
    docs = sorted(glob.glob(os.path.join(data, "seeds", "*.txt")))
    docs += sorted(glob.glob(os.path.join(data, "press", "pairs", "*.txt")))
    bad = 0
    nseg = 0
    for path in docs:
        lang = "en" if path.endswith(".en.txt") else "id"
        with open(path, "rb") as f:
            ours = selaras.segment(f.read(), lang)
        theirs = cli_jsonl(cli, "segment", "--lang", lang, "--format", "jsonl", path)
        nseg += len(theirs)
        if [(s.text, s.kind, s.start, s.end, s.paragraph) for s in ours] != \
                [(c["text"], c["kind"], c["start"], c["end"], c["para"]) for c in theirs]:
            print("  segments differ: %s" % path)
            bad += 1
    nbead = 0
    al = selaras.Aligner("id", "en")
    pairs = sorted(glob.glob(os.path.join(data, "press", "pairs", "*.id.txt")))
    for src in pairs:
        tgt = src[:-len(".id.txt")] + ".en.txt"
        with open(src, "rb") as f:
            s = selaras.segment(f.read(), "id")
        with open(tgt, "rb") as f:
            t = selaras.segment(f.read(), "en")
        ours = [(list(b.source), list(b.target), round(b.score, 4)) for b in al.align(s, t)]
        theirs = cli_jsonl(cli, "align", "-q", "--format", "jsonl", src, tgt)
        nbead += len(theirs)
        if ours != [(c["src"], c["tgt"], c["score"]) for c in theirs]:
            print("  beads differ: %s" % src)
            bad += 1
    print("eval-python: %d documents (%d segments), %d pairs (%d beads): %s"
          % (len(docs), nseg, len(pairs), nbead,
             "identical to the CLI" if bad == 0 else "%d DIFFER" % bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
