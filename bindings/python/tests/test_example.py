"""examples/api_example.py runs end to end, and reports bad input with its position."""
import os
import subprocess
import sys

from conftest import SAMPLE, SRCDIR

EXAMPLE = os.path.join(SRCDIR, "examples", "api_example.py")


def run(*args):
    return subprocess.run([sys.executable, EXAMPLE, *args], capture_output=True, text=True,
                          check=False)


def test_example_on_the_sample(tmp_path):
    out = tmp_path / "m.tmx"
    r = run(os.path.join(SAMPLE, "rilis-id.txt"), os.path.join(SAMPLE, "release-en.txt"),
            str(out))
    assert r.returncode == 0, r.stderr
    assert "1-1  0." in r.stdout and "translation units written" in r.stdout
    assert "<tu " in out.read_text()


def test_example_on_bad_utf8(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Satu \xff dua.\n")
    r = run(str(bad), os.path.join(SAMPLE, "release-en.txt"), str(tmp_path / "x.tmx"))
    assert r.returncode == 1
    assert "invalid UTF-8" in r.stderr and ":1:6" in r.stderr
    assert not (tmp_path / "x.tmx").exists()
