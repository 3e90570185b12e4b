#!/usr/bin/env python3
"""make eval-presegmented: what align --presegmented keeps of selaras segment's output.

On the press/ pairs of DATA_DIR, the beads of three runs of the selaras command:
raw texts (the baseline), --presegmented on `selaras segment --format jsonl` output
(kinds kept) and --presegmented on the same segments as plain lines (kinds lost, the only
way before JSON Lines were read). For each: two-sided beads, how many hold a boilerplate
segment, how many are exactly a gold bead (connected gold links, texts compared), and
that share (precision). Then the cost of reading JSON Lines: the whole process, plain
lines against JSON Lines of the same PUD sentences (5 copies), wall and CPU time and
peak memory, best of 3 runs each, alternating.

usage: eval_presegmented.py SELARAS DATA_DIR
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time


def run(cmd, out=None):
    with open(out, "wb") if out else open(os.devnull, "wb") as o:
        subprocess.run(cmd, stdout=o, stderr=subprocess.DEVNULL, check=True)


def gold_beads(gold):
    ids = [s["text"] for s in gold["id_segments"]]
    ens = [s["text"] for s in gold["en_segments"]]
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in gold["links"]:
        parent[find(("i", a))] = find(("e", b))
    groups = {}
    for a, b in gold["links"]:
        g = groups.setdefault(find(("i", a)), (set(), set()))
        g[0].add(a)
        g[1].add(b)
    return {(" ".join(ids[i] for i in sorted(s)), " ".join(ens[j] for j in sorted(t)))
            for s, t in groups.values()}


def press(selaras, data, tmp):
    pairs = os.path.join(data, "press", "pairs")
    names = sorted(f[:-len(".gold.json")] for f in os.listdir(pairs) if f.endswith(".gold.json"))
    modes = {"raw texts (baseline)": [0, 0, 0], "presegmented JSON Lines": [0, 0, 0],
             "presegmented plain lines": [0, 0, 0]}
    for n in names:
        src, tgt = (os.path.join(pairs, f"{n}.{l}.txt") for l in ("id", "en"))
        seg = {}
        for lang, path in (("id", src), ("en", tgt)):
            j, p = os.path.join(tmp, f"{n}.{lang}.jsonl"), os.path.join(tmp, f"{n}.{lang}.txt")
            run([selaras, "segment", "--lang", lang, "--format", "jsonl", path], j)
            run([selaras, "segment", "--lang", lang, path], p)
            seg[lang] = ([json.loads(l)["kind"] for l in open(j, encoding="utf-8")], j, p)
        gold = gold_beads(json.load(open(os.path.join(pairs, f"{n}.gold.json"), encoding="utf-8")))
        inputs = {"raw texts (baseline)": [src, tgt],
                  "presegmented JSON Lines": ["--presegmented", seg["id"][1], seg["en"][1]],
                  "presegmented plain lines": ["--presegmented", seg["id"][2], seg["en"][2]]}
        for mode, args in inputs.items():
            out = os.path.join(tmp, "beads.jsonl")
            run([selaras, "align", "--format", "jsonl"] + args, out)
            for b in map(json.loads, open(out, encoding="utf-8")):
                if not b["src"] or not b["tgt"]:
                    continue
                m = modes[mode]
                m[0] += 1
                m[1] += any(seg["id"][0][i] == "boilerplate" for i in b["src"]) or \
                    any(seg["en"][0][j] == "boilerplate" for j in b["tgt"])
                m[2] += (b["source"], b["target"]) in gold
    print(f"press/ pairs ({len(names)}): two-sided beads, holding boilerplate, exactly gold, precision")
    for mode, (t, x, c) in modes.items():
        print(f"  {mode:26} {t:5} {x:5} {c:5}   {c / t if t else 0:.3f}")


def measure(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    run(cmd)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, after.ru_maxrss  # ru_maxrss: the largest child so far, in KiB


def cost(selaras, data, tmp):
    files = {}
    for lang in ("id", "en"):
        sents = []
        for line in open(os.path.join(data, "pud", f"{lang}.docs.jsonl"), encoding="utf-8"):
            sents += json.loads(line)["sentences"]
        sents *= 5
        files[lang] = (os.path.join(tmp, f"pud.{lang}.txt"), os.path.join(tmp, f"pud.{lang}.jsonl"))
        with open(files[lang][0], "w", encoding="utf-8") as o:
            o.write("\n".join(sents) + "\n")
        with open(files[lang][1], "w", encoding="utf-8") as o:
            for s in sents:
                o.write(json.dumps({"kind": "sentence", "text": s}, ensure_ascii=False) + "\n")
    best = {"plain lines (baseline)": None, "JSON Lines": None}
    for _ in range(3):
        for k, (mode, col) in enumerate(((m, i) for i, m in enumerate(best))):
            w, c, _ = measure([selaras, "align", "--presegmented", files["id"][col], files["en"][col]])
            best[mode] = (w, c) if best[mode] is None else (min(best[mode][0], w), min(best[mode][1], c))
    # peak memory: one run each in a process of its own
    peak = {}
    for col, mode in enumerate(best):
        r = subprocess.run([sys.executable, "-c", (
            "import resource,subprocess,sys;subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,"
            "stderr=subprocess.DEVNULL);print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"),
            selaras, "align", "--presegmented", files["id"][col], files["en"][col]],
            capture_output=True, text=True, check=True)
        peak[mode] = int(r.stdout)
    base = best["plain lines (baseline)"]
    print(f"align --presegmented, PUD x5 ({len(open(files['id'][0]).readlines())} segments a side): "
          "wall s, CPU s, peak MiB, CPU ratio")
    for mode, (w, c) in best.items():
        print(f"  {mode:24} {w:6.2f} {c:6.2f} {peak[mode] / 1024:7.1f}   {c / base[1]:.2f}")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    selaras, data = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        press(selaras, data, tmp)
        cost(selaras, data, tmp)


if __name__ == "__main__":
    main()
