"""Exceptions carry the C error's message and position."""
import pytest

import selaras


def test_bad_utf8_has_offset_line_column():
    with pytest.raises(selaras.InputError) as e:
        selaras.segment(b"Satu.\nDua \xff tiga.", "id")
    assert e.value.offset == 10
    assert (e.value.line, e.value.column) == (2, 5)
    assert "UTF-8" in str(e.value)
    assert isinstance(e.value, selaras.Error)


def test_bad_tmx_has_line_and_column(tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(b'<?xml version="1.0"?>\n<tmx version="1.4">\n<header srclang="id"/>\n'
                    b"<body>\n<tu><tuv xml:lang=\"id\"><seg>x</seg></tuv>\n")
    with pytest.raises(selaras.InputError) as e:
        list(selaras.read_tmx(bad))
    assert e.value.line is not None and e.value.line >= 5
    assert e.value.column is not None
    with pytest.raises(selaras.InputError):
        list(selaras.read_tmx(tmp_path / "missing.tmx"))


def test_other_errors():
    with pytest.raises(selaras.LanguageError):
        selaras.Segmenter("x!")
    with pytest.raises(ValueError):
        selaras.Aligner("id", "en", lexicon=False, max_bead=(9, 1))
    with pytest.raises(TypeError):
        selaras.segment(42)  # type: ignore[arg-type]
    lex = selaras.Lexicon("id", "en")
    with pytest.raises(selaras.InputError) as e:
        lex.load_text("rumah\thouse\nno separator\n", "tsv")
    assert e.value.line == 2
    with pytest.raises(selaras.InputError) as e:
        selaras.Segmenter("id", abbreviations="[bogus]\n")
    assert e.value.line == 1


def test_output_error_keeps_the_old_file(tmp_path):
    with pytest.raises(selaras.OutputError):
        selaras.TmxWriter(tmp_path / "no" / "such" / "m.tmx")
    target = tmp_path / "m.tmx"
    target.write_text("old")

    class Boom(Exception):
        pass
    with pytest.raises(Boom):
        with selaras.TmxWriter(target, "id", "en") as w:
            w.add_unit({"id": "Satu.", "en": "One."})
            raise Boom()
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.tmx"]


def test_failing_file_object_raises_its_error():
    class Full:
        def write(self, data):
            raise OSError("disk full")
    w = selaras.TmxWriter(Full(), "id", "en")
    w.add_unit({"id": "Satu.", "en": "One."})
    with pytest.raises(OSError, match="disk full"):
        w.close()
