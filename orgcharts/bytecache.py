"""A least-recently-used cache bounded in bytes, not in entries: eight 200,000-role orgs
must not fill a worker's memory the way eight small ones would not.

An entry's size is what the caller says it costs (an estimate from its source text,
measured once in docs/performance.md). One bound is shared by every kind of entry, and
no entry may take more than a ``share`` of it: a single huge org is computed and answered
but not kept, so it cannot push everyone else's orgs out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from orgcharts.settings import bytes_setting

Value = TypeVar("Value")

CACHE_MAX_BYTES_ENV = "ORGCHARTS_CACHE_MAX_BYTES"
CACHE_MAX_BYTES_DEFAULT = 512 * 1024**2


def cache_max_bytes() -> int:
    """A worker's bound for its computation caches (``CACHE_MAX_BYTES_ENV``)."""
    return bytes_setting(CACHE_MAX_BYTES_ENV, CACHE_MAX_BYTES_DEFAULT)


class ByteBoundedCache(Generic[Value]):
    """Values by key, at most ``max_bytes`` in all, the least recently used dropped first.
    Safe to share between threads; two threads may build the same value at once (both
    answers are equal, one is kept)."""

    def __init__(self, max_bytes: int, share: float = 0.25) -> None:
        self.max_bytes = max_bytes
        self.largest = int(max_bytes * share)
        self._entries: OrderedDict[Hashable, tuple[Value, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def bytes(self) -> int:
        """The bytes the kept entries are said to cost."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._entries

    def get(self, key: Hashable, build: Callable[[], Value], size: int) -> Value:
        """The value under ``key``, built (and kept, if it fits its share) when missing."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found[0]
        value = build()
        if size > self.largest:
            return value
        with self._lock:
            if key not in self._entries:
                self._entries[key] = (value, size)
                self._bytes += size
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped
        return value
