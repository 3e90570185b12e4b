"""Paths of the build tree for the binding's tests (set by binding.pytest)."""
import os
import subprocess

import pytest

SRCDIR = os.environ.get("SELARAS_SRCDIR",
                        os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CLI = os.environ.get("SELARAS_CLI", os.path.join(SRCDIR, "selaras"))
DATA = os.environ.get("SELARAS_TEST_DATA", os.path.join(SRCDIR, "tests", "data"))
SAMPLE = os.path.join(SRCDIR, "examples", "sample")


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, check=False,
                          env=dict(os.environ, LC_ALL="C"))


@pytest.fixture
def sample():
    with open(os.path.join(SAMPLE, "rilis-id.txt"), "rb") as f:
        src = f.read()
    with open(os.path.join(SAMPLE, "release-en.txt"), "rb") as f:
        tgt = f.read()
    return src, tgt
