"""Several threads on separate handles, and no growth of memory over many calls."""
import resource
import threading

import selaras


def test_threads_on_separate_handles(sample):
    want_src = list(selaras.segment(sample[0], "id"))
    want = selaras.Aligner("id", "en").align(selaras.segment(sample[0], "id"),
                                             selaras.segment(sample[1], "en"))
    results, errors = [], []

    def work():
        try:
            sg_id, sg_en = selaras.Segmenter("id"), selaras.Segmenter("en")
            al = selaras.Aligner("id", "en")
            for _ in range(20):
                s, t = sg_id.segment(sample[0]), sg_en.segment(sample[1])
                results.append((list(s) == want_src, al.align(s, t) == want))
        except Exception as e:  # reported below
            errors.append(e)
    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 80 and all(a and b for a, b in results)


def test_one_handle_shared_by_threads_is_serialised(sample):
    al = selaras.Aligner("id", "en", lexicon=False)
    s, t = selaras.segment(sample[0], "id"), selaras.segment(sample[1], "en")
    want = al.align(s, t)
    out = []
    threads = [threading.Thread(target=lambda: out.append(al.align(s, t) == want))
               for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert out == [True] * 4


def rss_kib() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def test_no_leak_over_10000_calls(sample):
    al = selaras.Aligner("id", "en", lexicon=False)
    short_id = b"Gubernur membuka 12 bursa kerja pada 2024. Acara itu gratis."
    short_en = b"The governor opened 12 job fairs in 2024. The event is free."

    def calls(n):
        for _ in range(n):
            s, t = selaras.segment(short_id, "id"), selaras.segment(short_en, "en")
            al.align(s, t)
            try:
                selaras.segment(b"bad \xff", "id")
            except selaras.InputError:
                pass
    calls(1000)  # warm up: caches, allocator pools
    before = rss_kib()
    calls(3000)  # 3000 rounds of 3 segment calls and 1 align: over 10,000 calls
    after = rss_kib()
    assert after - before < 4096, "RSS grew by %d KiB" % (after - before)
