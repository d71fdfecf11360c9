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
    Safe to share between threads; a value is built once however many threads ask for it at
    the same time: the others wait for that build (a page's first callbacks all ask for the
    same big org's measure at once, and building it in each would share the CPU among them)."""

    def __init__(self, max_bytes: int, share: float = 0.25) -> None:
        self.max_bytes = max_bytes
        self.largest = int(max_bytes * share)
        self._entries: OrderedDict[Hashable, tuple[Value, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._building: dict[Hashable, threading.Lock] = {}

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
            found = self._found(key)
            if found is not None:
                return found[0]
            building = self._building.setdefault(key, threading.Lock())
        with building:
            with self._lock:
                found = self._found(key)
                if found is not None:
                    return found[0]
            try:
                value = build()
            finally:
                with self._lock:
                    if self._building.get(key) is building:
                        del self._building[key]
            if size <= self.largest:
                self._keep(key, value, size)
            return value

    def _found(self, key: Hashable) -> tuple[Value, int] | None:
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def _keep(self, key: Hashable, value: Value, size: int) -> None:
        with self._lock:
            if key not in self._entries:
                self._entries[key] = (value, size)
                self._bytes += size
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped
