"""Caches bounded in bytes: eight different big orgs measured one after the other keep a
worker's memory within the bound, however many entries that leaves, and one org too big
for its share is answered without pushing the others out."""

import gc
import tracemalloc

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
