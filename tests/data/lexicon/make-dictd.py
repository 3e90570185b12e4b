#!/usr/bin/env python3
"""Write the dictd fixtures of this folder (run here; then gzip -n -9 dictd/*.dict)."""
B = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(v):
    s = ""
    while True:
        s = B[v % 64] + s
        v //= 64
        if v == 0:
            return s


def build(path, entries):
    data, idx = b"", []
    for hw, body in entries:
        b = body.encode()
        idx.append((hw, len(data), len(b)))
        data += b
    idx.sort(key=lambda e: e[0].lower())
    open(path + ".dict", "wb").write(data)
    with open(path + ".index", "w", encoding="utf-8") as f:
        for hw, o, n in idx:
            f.write(f"{hw}\t{b64(o)}\t{b64(n)}\n")


build("dictd/freedict-eng-ind", [
    ("00databaseinfo", "A tiny English-Indonesian test dictionary written for selaras.\n"),
    ("00databaseutf8", "\n"),
    ("abandon", "abandon /əˈbændən/ <v>\nmeninggalkan, menelantarkan\nto give up control of\n"),
    ("hospital", "hospital /ˈhɒspɪtl/ <n>\nrumah sakit (umum)\na place where the sick are treated\n"),
    ("train", "train //treɪn// <v>\n1. melatih, berlatih\nto teach a skill\n"
              "2. kereta api; kereta\na line of railway cars\n 3.\n"),
    ("ness", "ness /nəs/ <suffix>\nke- -an\nforms nouns from adjectives\n"),
    ("year", "year /jɪə/ <n>\ntahun 2.\na unit of time\n 3.\nage\n"),
    ("a man is known by the company he keeps",
     "a man is known by the company he keeps /ə mæn/ <phrase>\n"
     "satu dua tiga empat lima enam tujuh delapan sembilan\na proverb\n"),
    ("to go", "to go /ɡəʊ/ <v>\npergi\nto move\n"),
    ("Jakarta", "Jakarta /dʒəˈkɑːtə/ <pn>\nJakarta\ncapital of Indonesia\n"),
])
build("plain/mydict", [("rumah", "rumah <n>\nhouse, home\na building to live in\n")])
