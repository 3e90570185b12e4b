"""The Python binding end to end, as examples/api_example.c does it in C: read a release
and its translation, segment them, align them, print each bead's texts and confidence,
write a TMX memory. Errors are exceptions with the C library's message and position.

    python3 api_example.py SOURCE-ID.txt TARGET-EN.txt OUT.tmx
"""
import sys

import selaras


def main(src_path: str, tgt_path: str, out_path: str) -> int:
    try:
        with open(src_path, "rb") as f:
            src = selaras.segment(f.read(), "id", name=src_path)
        with open(tgt_path, "rb") as f:
            tgt = selaras.segment(f.read(), "en", name=tgt_path)
        beads = selaras.Aligner("id", "en").align(src, tgt)
        for b in beads:
            print("%d-%d  %.4f" % (len(b.source), len(b.target), b.score))
            for i in b.source:
                print("   id %d: %s" % (i, src[i].text))
            for i in b.target:
                print("   en %d: %s" % (i, tgt[i].text))
        with selaras.TmxWriter(out_path, "id", "en") as w:
            w.add(src, tgt, beads)
    except selaras.InputError as e:
        where = ":%s:%s" % (e.line, e.column) if e.line else ""
        print("api_example.py: %s%s" % (e, where), file=sys.stderr)
        return 1
    except (OSError, selaras.Error) as e:
        print("api_example.py: %s" % e, file=sys.stderr)
        return 1
    print("%d translation units written to %s" % (w.counts["written"], out_path))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: api_example.py SOURCE-ID.txt TARGET-EN.txt OUT.tmx")
    sys.exit(main(*sys.argv[1:]))
