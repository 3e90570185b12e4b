#!/usr/bin/python3
"""eval-tmx: read a memory with translate-toolkit and compare every unit with the
expected source and target (NAME.expected.tsv). Prints: units-read matched expected."""
import sys

from translate.storage import tmx


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding="utf-8") as f:
        expected = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    with open(path, "rb") as f:
        store = tmx.tmxfile(f)
    units = [u for u in store.units if not u.isheader()]
    matched = sum(1 for u, (src, tgt) in zip(units, expected)
                  if u.source == src and u.target == tgt)
    print(len(units), matched, len(expected))
    return 0 if matched == len(expected) == len(units) else 1


if __name__ == "__main__":
    sys.exit(main())
