"""Counts in words, with the right plural: "1 role", "2 roles", "1 person", "14 people"."""

from __future__ import annotations

_PLURALS = {"person": "people", "entry": "entries", "is": "are", "has": "have", "was": "were"}


def plural(count: float, word: str, words: str | None = None) -> str:
    """``word`` or its plural (``words``, else a known one, else ``word + 's'``) for ``count``."""
    if count == 1:
        return word
    return words or _PLURALS.get(word) or word + "s"


def counted(count: float, word: str, words: str | None = None) -> str:
    """The count, with thousands separated, and the word that fits it: "1 role", "1,400 roles"."""
    shown = f"{count:,}" if isinstance(count, int) else f"{count:,g}"
    return f"{shown} {plural(count, word, words)}"
