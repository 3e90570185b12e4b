"""selaras.dask on a LocalCluster of two worker processes: the same memory as
`selaras batch --pairs` on one machine (duplicates collapsed), whatever the partitions; a worker killed mid-run changes nothing; a bad file is skipped and reported;
no part file is left behind."""
import os
import shutil
import subprocess
import threading
import time

import pytest

import selaras
from conftest import CLI, DATA, SAMPLE

distributed = pytest.importorskip("distributed")
selaras_dask = pytest.importorskip("selaras.dask")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                                       dashboard_address=None, silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def pairs(tmp_path_factory):
    d = tmp_path_factory.mktemp("pairs")
    out = []
    with open(os.path.join(SAMPLE, "rilis-id.txt"), "rb") as f:
        sid = f.read()
    with open(os.path.join(SAMPLE, "release-en.txt"), "rb") as f:
        sen = f.read()
    for k in range(12):  # the sample repeated k+1 times: documents of different sizes
        s, t = d / ("%02d.id.txt" % k), d / ("%02d.en.txt" % k)
        s.write_bytes(b"\n\n".join([sid] * (k + 1)))
        t.write_bytes(b"\n\n".join([sen] * (k + 1)))
        out.append((str(s), str(t)))
    for name in ("numbers", "dates", "types"):
        out.append((os.path.join(DATA, "align", name + ".id"),
                    os.path.join(DATA, "align", name + ".en")))
    return out


def units(path):
    return sorted((u.texts.get("id"), u.texts.get("en"), u.props.get("x-score"))
                  for u in selaras.read_tmx(path))


def reference(pairs, tmp):
    """The memory of `selaras batch --pairs` on one machine, duplicates collapsed."""
    listing, ref = os.path.join(tmp, "pairs.tsv"), os.path.join(tmp, "ref.tmx")
    with open(listing, "w") as f:
        f.writelines("%s\t%s\n" % p for p in pairs)
    subprocess.run([CLI, "batch", "-q", "--pairs", listing, "-o", os.path.join(tmp, "b.tmx")],
                   check=True, capture_output=True)
    subprocess.run([CLI, "tmx", "merge", "-o", ref, os.path.join(tmp, "b.tmx")], check=True,
                   capture_output=True)
    return units(ref)


@pytest.mark.parametrize("partitions", [1, 4, 15])
def test_same_memory_as_one_machine(client, pairs, tmp_path, partitions):
    out = tmp_path / "m.tmx"
    s = selaras_dask.build_memory(pairs, str(out), client, partitions=partitions)
    assert s.pairs == len(pairs) and s.partitions == min(partitions, len(pairs))
    assert not s.skipped
    os.makedirs(tmp_path / "ref")
    assert units(out) == reference(pairs, str(tmp_path / "ref"))
    assert s.units == len(units(out)) and s.counts["duplicates"] > 0
    assert set(os.listdir(tmp_path)) == {"m.tmx", "ref"}  # no part files left


def test_worker_killed_mid_run(client, pairs, tmp_path):
    out = tmp_path / "m.tmx"
    result = {}

    def run():
        try:
            result["s"] = selaras_dask.build_memory(pairs * 3, str(out), client, partitions=45)
        except BaseException as e:  # shown by the assertion below
            result["error"] = e
    th = threading.Thread(target=run)
    th.start()
    time.sleep(0.5)
    victim = sorted(client.scheduler_info()["workers"])[0]
    try:  # the nanny starts another worker process
        client.run(os._exit, 1, workers=[victim])
    except (distributed.comm.CommClosedError, OSError):
        pass  # the answer cannot come back from a process that exited
    th.join(timeout=300)
    assert "s" in result, result.get("error")
    os.makedirs(tmp_path / "ref")
    assert units(out) == reference(pairs, str(tmp_path / "ref"))
    assert result["s"].pairs == 3 * len(pairs)
    assert sorted(os.listdir(tmp_path)) == ["m.tmx", "ref"]


def test_bad_file_is_skipped_and_reported(client, pairs, tmp_path):
    bad = tmp_path / "bad.id.txt"
    bad.write_bytes(b"Satu \xff dua.\n")
    out = tmp_path / "m.tmx"
    s = selaras_dask.build_memory(pairs[:3] + [(str(bad), pairs[0][1])], str(out), client)
    assert s.pairs == 3
    assert len(s.skipped) == 1 and s.skipped[0][0] == str(bad)
    assert "skipped" in s.skipped[0][1] and "UTF-8" in s.skipped[0][1]
    assert sorted(os.listdir(tmp_path)) == ["bad.id.txt", "m.tmx"]


def test_failure_leaves_no_part_files(client, tmp_path):
    out = tmp_path / "no" / "such" / "dir" / "m.tmx"
    os.makedirs(tmp_path / "no" / "such")
    with pytest.raises(Exception):
        selaras_dask.build_memory([("a", "b")], str(out), client)
    assert os.listdir(tmp_path / "no" / "such") == []


def test_command_line(tmp_path):
    src, tgt = tmp_path / "id", tmp_path / "en"
    src.mkdir()
    tgt.mkdir()
    shutil.copy(os.path.join(SAMPLE, "rilis-id.txt"), src / "rilis.txt")
    shutil.copy(os.path.join(SAMPLE, "release-en.txt"), tgt / "release.txt")
    out = tmp_path / "m.tmx"
    import sys
    r = subprocess.run([sys.executable, "-m", "selaras.dask", "--scheduler", "local:1",
                        str(src), str(tgt), "-o", str(out)], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    assert "1 pairs" in r.stderr and len(units(out)) > 5


def test_worker_malloc_thresholds(client):
    """Each worker sets glibc's malloc thresholds back once (the nanny's
    MALLOC_TRIM_THRESHOLD_ slows the batch); calling it again is harmless."""
    def probe():
        from selaras import dask as sd
        sd._malloc_for_batch()
        sd._malloc_for_batch()
        return sd._malloc_set
    assert all(client.run(probe).values())
