"""Segments and beads from Python are the CLI's, on the sample and on test documents."""
import json
import os

import pytest

import selaras
from conftest import DATA, SAMPLE, run_cli

PAIRS = [(os.path.join(SAMPLE, "rilis-id.txt"), os.path.join(SAMPLE, "release-en.txt"), False)]
PAIRS += [(os.path.join(DATA, "align", n + ".id"), os.path.join(DATA, "align", n + ".en"), True)
          for n in ("numbers", "dates", "pullquote", "types")]


def cli_segments(path: str, lang: str):
    r = run_cli("segment", "--lang", lang, "--format", "jsonl", path)
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.decode().splitlines()]


@pytest.mark.parametrize("path,lang", [(os.path.join(SAMPLE, "rilis-id.txt"), "id"),
                                       (os.path.join(SAMPLE, "release-en.txt"), "en")])
def test_segments_match_cli(path, lang):
    with open(path, "rb") as f:
        text = f.read()
    ours = selaras.segment(text, lang)
    theirs = cli_segments(path, lang)
    assert len(ours) == len(theirs) > 5
    for s, c in zip(ours, theirs):
        assert (s.text, s.kind, s.start, s.end, s.paragraph) == \
            (c["text"], c["kind"], c["start"], c["end"], c["para"])
    # str input gives the same segments, with byte offsets into the UTF-8
    assert list(selaras.segment(text.decode("utf-8"), lang)) == list(ours)


@pytest.mark.parametrize("src,tgt,preseg", PAIRS)
def test_beads_match_cli(src, tgt, preseg):
    args = ["align", "-q", "--format", "jsonl"] + (["--presegmented"] if preseg else [])
    r = run_cli(*args, src, tgt)
    assert r.returncode == 0, r.stderr
    theirs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    with open(src, "rb") as f:
        s_text = f.read()
    with open(tgt, "rb") as f:
        t_text = f.read()
    cut = selaras.lines if preseg else selaras.segment
    s, t = cut(s_text, "id"), cut(t_text, "en")
    beads = selaras.Aligner("id", "en").align(s, t)
    assert [(list(b.source), list(b.target), round(b.score, 4)) for b in beads] == \
        [(c["src"], c["tgt"], c["score"]) for c in theirs]
    # the JSONL written from Python is the CLI's, line for line, up to the doc names
    import io
    out = io.StringIO()
    with selaras.JsonlWriter(out, "id", "en", keep_boilerplate=True, keep_identical=True,
                             keep_unpaired=True) as w:
        w.add(s, t, beads, source_doc=src, target_doc=tgt)
    assert [json.loads(x) for x in out.getvalue().splitlines()] == theirs
