"""Caches bounded in bytes: eight different big orgs measured one after the other keep a
worker's memory within the bound, however many entries that leaves, and one org too big
for its share is answered without pushing the others out."""

import gc
import threading
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor

import pytest

from orgcharts.bytecache import ByteBoundedCache
from orgcharts.examples.generate import generate
from orgcharts.web.session import Computations

ROLES = 2_000
BOUND = 16 * 1024**2


def measure_all(computations, text):
    shape = computations.prepare(text, "big.yaml")
    computations.analysis(shape, (), "refund", 200.0, None)


def test_eight_big_orgs_stay_within_the_bound_in_bytes_really_held():
    texts = [generate(ROLES, seed=seed) for seed in range(8)]
    computations = Computations(max_bytes=BOUND)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for text in texts:
            measure_all(computations, text)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    one_org = len(texts[0])
    assert computations.cache.bytes <= BOUND
    assert held <= BOUND + 2 * one_org, f"{held:,} bytes held for a bound of {BOUND:,}"
    assert held >= BOUND // 4, "the bound is used, not an empty cache"


def test_the_least_recently_used_goes_first_by_bytes():
    cache = ByteBoundedCache(max_bytes=100, share=0.5)
    built = []

    def build(value):
        built.append(value)
        return value

    for key in "abc":
        cache.get(key, lambda key=key: build(key), size=40)
    assert "a" not in cache and "b" in cache and "c" in cache and cache.bytes == 80
    cache.get("b", lambda: build("again"), size=40)
    assert built == ["a", "b", "c"], "a hit is not built again"
    cache.get("d", lambda: build("d"), size=40)
    assert "c" not in cache and "b" in cache, "b was used more recently than c"


def test_an_entry_over_its_fair_share_is_answered_but_not_kept():
    cache = ByteBoundedCache(max_bytes=100, share=0.25)
    cache.get("small", lambda: "small", size=20)
    assert cache.get("huge", lambda: "huge", size=30) == "huge"
    assert "huge" not in cache and "small" in cache


def test_the_cache_folder_keeps_within_its_bound_in_bytes(tmp_path, monkeypatch):
    import os

    from orgcharts.loader import cache, load_bytes

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    monkeypatch.setenv(cache.FOLDER_MAX_BYTES_ENV, "150000")
    texts = [generate(200, seed=seed) for seed in range(6)]
    for text in texts:
        load_bytes(text.encode(), "org.yaml", use_cache=True)
    sizes = [entry.stat().st_size for entry in tmp_path.glob("*.json")]
    assert sum(sizes) <= 150_000 and 1 <= len(sizes) < 6
    newest = cache.key_for(texts[-1].encode())
    assert os.path.exists(tmp_path / f"{newest}.json"), "the most recent entry stays"


def test_threads_asking_for_the_same_value_at_once_build_it_once_and_all_get_it():
    cache: ByteBoundedCache[object] = ByteBoundedCache(1024)
    builds = []
    started = threading.Barrier(4)

    def build():
        builds.append(threading.get_ident())
        time.sleep(0.2)  # long enough for every thread to ask while it builds
        return object()

    def ask():
        started.wait()
        return cache.get("org", build, 10)

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: ask(), range(4)))
    assert len(builds) == 1
    assert all(answer is answers[0] for answer in answers)


def test_a_build_that_fails_lets_the_next_caller_build_again():
    cache: ByteBoundedCache[int] = ByteBoundedCache(1024)

    def broken():
        raise ValueError("bad org")

    with pytest.raises(ValueError):
        cache.get("org", broken, 10)
    assert cache.get("org", lambda: 7, 10) == 7
