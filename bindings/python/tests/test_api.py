"""The Pythonic API: segmenters, aligners, writers read back by the CLI, TMX reading and
merging, evaluation, collections."""
import io

import pytest

import selaras
from conftest import run_cli


def test_segment_fields(sample):
    segs = selaras.segment(sample[0], "id", name="rilis.txt")
    assert segs.lang == "id" and segs.name == "rilis.txt"
    kinds = {s.kind for s in segs}
    assert kinds <= {"sentence", "title", "boilerplate"} and "sentence" in kinds
    for s in segs:
        assert sample[0][s.start:s.end].decode("utf-8").split() == s.text.split() or \
            s.text in sample[0].decode("utf-8").replace("\n", " ")
    assert all(a.start < b.start for a, b in zip(segs, segs[1:]))


def test_segmenter_abbreviations(tmp_path):
    text = "Ia bertemu Kpt. Budi kemarin. Lalu pulang."
    plain = selaras.Segmenter("id")
    custom = selaras.Segmenter("id", abbreviations="[prefix]\nKpt.\n")
    assert len(custom.segment(text)) == len(plain.segment(text)) - 1
    f = tmp_path / "abbr.txt"
    f.write_text("[prefix]\nKpt.\n")
    assert len(selaras.Segmenter("id", abbreviations=f).segment(text)) == 2


def test_aligner_options_and_learn(sample):
    src, tgt = selaras.segment(sample[0], "id"), selaras.segment(sample[1], "en")
    al = selaras.Aligner("id", "en", lexicon=False)
    assert al.learned_pairs == 0
    al.learn(src, tgt)
    assert al.learned_pairs > 0
    beads = al.align(src, tgt)
    covered = sorted(i for b in beads for i in b.source)
    assert covered == list(range(len(src)))
    assert all(0 <= b.score <= 1 for b in beads)
    gc = selaras.Aligner("id", "en", lexicon=False, evidence=[], max_bead=(1, 1))
    assert all(len(b.source) <= 1 and len(b.target) <= 1 for b in gc.align(src, tgt))
    # plain strings are sentences
    b = selaras.Aligner("id", "en", lexicon=False).align(["Satu dua 2024.", "Tiga."],
                                                          ["One two 2024.", "Three."])
    assert [x.source for x in b] == [(0,), (1,)]


def test_lexicon_sources(tmp_path):
    lex = selaras.Lexicon("id", "en")
    lex.load_text("rumah\thouse\n")
    lex.add("kota", "city")
    f = tmp_path / "d.tsv"
    f.write_text("air\twater\n")
    lex.load(f)
    assert len(lex) == 3
    assert selaras.Lexicon.default("id", "en") is selaras.Lexicon.default("id", "en")
    selaras.Aligner("id", "en", lexicon=str(f))


def test_tmx_written_from_python_is_read_by_the_cli(tmp_path, sample):
    src, tgt = selaras.segment(sample[0], "id"), selaras.segment(sample[1], "en")
    beads = selaras.Aligner("id", "en").align(src, tgt)
    path = tmp_path / "m.tmx"
    with selaras.TmxWriter(path, "id", "en", time=0) as w:
        w.add(src, tgt, beads, source_doc="rilis.txt", target_doc="release.txt",
              date="2026-01-20")
    assert w.counts["written"] > 5
    r = run_cli("tmx", "stats", str(path))
    assert r.returncode == 0, r.stderr
    assert str(w.counts["written"]) in r.stdout.decode()
    units = list(selaras.read_tmx(path))
    assert len(units) == w.counts["written"]
    assert units[0].props["x-source-doc"] == "rilis.txt"
    assert units[0].props["x-doc-date"] == "2026-01-20"
    assert set(units[0].texts) == {"id", "en"} and units[0].score is not None
    # the same from bytes, and a merge collapses the duplicates
    assert len(list(selaras.read_tmx(path.read_bytes()))) == len(units)
    merged = tmp_path / "merged.tmx"
    counts = selaras.merge_tmx([path, path], merged)
    assert counts["written"] == len(units) and counts["duplicates"] == len(units)
    r = run_cli("tmx", "convert", "--format", "jsonl", str(merged))
    assert r.returncode == 0 and len(r.stdout.splitlines()) == len(units)


def test_writers_to_file_objects(sample):
    src, tgt = selaras.segment(sample[0], "id"), selaras.segment(sample[1], "en")
    beads = selaras.Aligner("id", "en").align(src, tgt)
    text, binary = io.StringIO(), io.BytesIO()
    with selaras.TsvWriter(text, "id", "en") as w:
        w.add(src, tgt, beads)
    with selaras.TmxWriter(binary, "id", "en") as w2:
        w2.add(src, tgt, beads)
    assert len(text.getvalue().splitlines()) == w.counts["written"]
    assert binary.getvalue().startswith(b"<?xml") and binary.getvalue().endswith(b"</tmx>\n")
    with pytest.raises(selaras.ArgumentError):
        with selaras.JsonlWriter(io.StringIO()) as w3:
            w3.add(src, tgt, [selaras.Bead((0, 2), (0,), 0.5)])


def test_evaluate():
    gold = [((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), (3,))]
    system = [selaras.Bead((0,), (0,)), selaras.Bead((1,), (1,)), selaras.Bead((2,), ()),
              selaras.Bead((), (2,)), selaras.Bead((3,), (3,))]
    s = selaras.evaluate.alignment(gold, system)
    assert s.strict.precision == pytest.approx(0.6)
    assert s.strict.recall == pytest.approx(2 / 3)
    assert s.lax.precision == pytest.approx(0.8) and s.lax.recall == pytest.approx(1.0)
    both = selaras.evaluate.alignment_documents([(gold, system), (gold, gold)])
    assert both.counts["strict_right"] == 3 + 4
    assert selaras.evaluate.read_beads("[1, 2]:[3]\n{\"src\": [], \"tgt\": [4]}\n") == \
        [((1, 2), (3,)), ((), (4,))]
    with pytest.raises(selaras.InputError) as e:
        selaras.evaluate.read_beads("[1]:[1]\n[2]:[x]\n")
    assert (e.value.line, e.value.column) == (2, 6)
    text = "Satu dua. Tiga empat.\nLima.\n"
    sents, lns = selaras.segment(text, "id"), selaras.lines(text, "id")
    f = selaras.evaluate.segmentation(sents, lns)
    assert (f.precision, f.recall) == (1.0, 0.5)


def test_collections(sample):
    src, tgt = selaras.segment(sample[0], "id"), selaras.segment(sample[1], "en")
    p = selaras.parallel_score(src, tgt)
    assert p.parallel and 0 <= p.score <= 1
    other = selaras.segment("Sebuah teks lain tentang cuaca hari ini di Bandung.", "id")
    assert selaras.parallel_score(other, tgt).score < p.score
    pairs = selaras.pair([other, src], [tgt])
    assert pairs[1][1] == 0 and pairs[0][1] is None


def test_writer_takes_changed_bead_lists_bead_by_bead(sample):
    src, tgt = selaras.segment(sample[0], "id"), selaras.segment(sample[1], "en")
    beads = selaras.Aligner("id", "en").align(src, tgt)
    whole, kept = io.StringIO(), io.StringIO()
    with selaras.JsonlWriter(whole) as w:
        w.add(src, tgt, beads)
    two_sided = [b for b in beads if b.source and b.target]
    beads[:] = two_sided[:3]  # the list no longer is its alignment
    with selaras.JsonlWriter(kept) as w:
        w.add(src, tgt, beads)
    assert len(kept.getvalue().splitlines()) == 3
    assert whole.getvalue().startswith(kept.getvalue().splitlines()[0])


def test_batch(tmp_path):
    import os
    from conftest import SAMPLE
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Satu \xff dua.\n")
    sample = (os.path.join(SAMPLE, "rilis-id.txt"), os.path.join(SAMPLE, "release-en.txt"))
    pairs = [sample, (str(bad), sample[1]), sample]
    one, two = tmp_path / "one.tmx", tmp_path / "two.tmx"
    r1 = selaras.batch(pairs, one, time=0)
    r2 = selaras.batch(pairs, two, jobs=2, time=0)
    assert [p.outcome for p in r1] == ["aligned", "skipped", "aligned"]
    assert r1[1].reason and r1[1].source == str(bad)
    assert r1 == r2 and one.read_bytes() == two.read_bytes()
    assert len(list(selaras.read_tmx(one))) > 5
    out = io.StringIO()
    selaras.batch([sample], out, format="jsonl")
    assert '"src": [' in out.getvalue()


def test_beads_read_in_one_call_match_the_accessors(sample):
    """beads_of reads every bead in one C call: the same runs and scores as the
    library's per-bead accessors."""
    from selaras._selaras import lib
    src, tgt = selaras.segment(sample[0], "id"), selaras.segment(sample[1], "en")
    beads = selaras.Aligner("id", "en").align(src, tgt)
    a = beads._alignment
    assert len(beads) == lib.selaras_alignment_count(a) > 0
    for i, b in enumerate(beads):
        sf, tf = lib.selaras_alignment_src_first(a, i), lib.selaras_alignment_tgt_first(a, i)
        assert b.source == tuple(range(sf, sf + lib.selaras_alignment_src_count(a, i)))
        assert b.target == tuple(range(tf, tf + lib.selaras_alignment_tgt_count(a, i)))
        assert b.score == lib.selaras_alignment_score(a, i)
