"""Did-you-mean for ids: the known id closest to one that is not known, with work bounded
per question however many ids a file holds.

A misspelling of one character (a letter dropped, added, changed, or two swapped) leaves
either its first (L - 1) // 2 characters or its last (L - 1) // 2 as they were (L its
length). So the candidates for a word are the known ids that begin or end as it does for
that many characters: two ranges of
two sorted lists, found by bisection, of which at most ``CANDIDATES`` around the word
itself are compared. difflib ranks those few as it ranked the whole list before, when a
file of 200,000 ids with many unknown managers took minutes.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections.abc import Iterable

CANDIDATES = 64
"""Ids compared with a word from each of its two ranges: bounds the work of one question."""
CUTOFF = 0.6
"""difflib's similarity an id needs to be suggested at all."""


class Suggester:
    """Closest known ids to unknown words. Sorting the known ids is done at the first
    question, once; each question then costs two bisections and at most twice
    ``CANDIDATES`` comparisons."""

    def __init__(self, known: Iterable[str]) -> None:
        self._known = known
        self._forward: list[str] | None = None
        self._backward: list[str] = []

    def closest(self, word: str) -> str | None:
        """The known id most like ``word`` (None if none is like it enough)."""
        if self._forward is None:
            self._forward = sorted(set(self._known))
            self._backward = sorted(known[::-1] for known in self._forward)
        half = max(1, (len(word) - 1) // 2)
        candidates = set(_around(self._forward, word, word[:half]))
        drow = word[::-1]
        candidates.update(known[::-1] for known in _around(self._backward, drow, drow[:half]))
        candidates.discard(word)
        matches = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=CUTOFF)
        return matches[0] if matches else None

    def hint(self, word: str) -> str:
        """`` (did you mean 'x'?)`` for the closest id, or ``""``."""
        close = self.closest(word)
        return f" (did you mean '{close}'?)" if close else ""


def _around(ordered: list[str], word: str, prefix: str) -> list[str]:
    """The entries of ``ordered`` that begin with ``prefix``, at most ``CANDIDATES`` of them,
    those nearest to where ``word`` would stand."""
    low = bisect_left(ordered, prefix)
    high = bisect_left(ordered, prefix + "\U0010ffff", low)
    if high - low > CANDIDATES:
        middle = bisect_left(ordered, word, low, high)
        low = max(low, middle - CANDIDATES // 2)
        high = min(high, low + CANDIDATES)
    return ordered[low:high]
