"""How wide chart text is, in pixels, and how it wraps to a width without cutting a word.

Chart text is drawn in "DejaVu Sans" first (Debian's Chromium, which also draws the PNG and
PDF pictures, has it) and falls back on Arial or Helvetica, which are narrower: text measured
with DejaVu Sans's advance widths therefore fits whichever of them draws it. The widths come
from ``fontwidths.json`` (written by ``scripts/font_widths.py`` from the font files): Latin,
Latin-1, Latin Extended-A and -B, Greek, Cyrillic, general punctuation, currency, arrows and
geometric shapes. A character outside the table (CJK, emoji...) may be drawn by another font
and counts as a full em, which no such font exceeds for one character. The kerning pairs that
widen text (a hyphen before "J", "f" before a closing quote...) are added; those that narrow it
are not, so a measure is never short of what the browser draws.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources
from itertools import repeat
from operator import add
from typing import Literal

Style = Literal["regular", "bold", "oblique"]
STYLES: tuple[Style, ...] = ("regular", "bold", "oblique")
FONT_FAMILY = "DejaVu Sans, Arial, Helvetica, sans-serif"
"""The CSS font family the widths hold for: the figures must draw chart text in it."""
UNKNOWN_EM = 1.0
"""Width, in em, of a character the table lacks."""


@cache
def _table() -> dict[str, tuple[dict[str, float], dict[str, float]]]:
    """Per style, each character's advance in em, and each widening pair's extra em."""
    data = json.loads(resources.files("orgcharts").joinpath("fontwidths.json").read_text())
    per_em = data["units_per_em"]
    table: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
    for style, runs in data["styles"].items():
        advances: dict[str, float] = {}
        for first, widths in runs:
            advances.update((chr(first + offset), width / per_em) for offset, width in enumerate(widths))
        pairs = {chr(first) + chr(second): units / per_em for first, second, units in data["kerning"][style]}
        table[style] = (advances, pairs)
    return table


@lru_cache(maxsize=65_536)
def em_width(text: str, style: Style = "regular") -> float:
    """The advance width of ``text`` in em (multiply by the font size in pixels for pixels):
    each character's advance (``UNKNOWN_EM`` for one the table lacks) plus the widening
    kerning pairs it holds. Remembered, as big orgs repeat their titles thousands of times."""
    advances, pairs = _table()[style]
    width = sum(map(advances.get, text, repeat(UNKNOWN_EM)))
    if len(text) > 1:
        width += sum(map(pairs.get, map(add, text, text[1:]), repeat(0.0)))
    return width


def text_width(text: str, px: float, style: Style = "regular") -> float:
    """The width in pixels of ``text`` drawn at ``px`` pixels (the CSS font size) in ``style``."""
    return em_width(text, style) * px


def wrap_to_width(text: str, max_px: float, px: float, style: Style = "regular") -> list[str]:
    """``text`` in lines no wider than ``max_px`` when drawn at ``px`` pixels in ``style``.

    Words (runs of non-space characters) are kept whole and joined by one space; a word is
    broken only when it alone is wider than ``max_px``, then at the last character that
    fits (at least one character a line), with no "…": nothing is ever left out, so joining
    the lines (with spaces between whole words) gives the text back. An empty or blank
    ``text`` gives ``[]``."""
    return [line for line, _ in measured_lines(text, max_px, px, style)]


def measured_lines(text: str, max_px: float, px: float, style: Style = "regular") -> tuple[tuple[str, float], ...]:
    """``wrap_to_width``'s lines, each with its width in pixels (``text_width`` of the line)."""
    return tuple((line, em * px) for line, em in _wrapped(text, max_px / px if px > 0 else 0.0, style))


@lru_cache(maxsize=65_536)
def _wrapped(text: str, max_em: float, style: Style) -> tuple[tuple[str, float], ...]:
    """The lines of ``wrap_to_width`` with their widths in em, remembered."""
    pairs = _table()[style][1]
    space = em_width(" ", style)
    lines: list[tuple[str, float]] = []
    current, current_em = "", 0.0
    for word in text.split():
        word_em = em_width(word, style)
        if current:
            joined_em = current_em + space + word_em
            joined_em += pairs.get(current[-1] + " ", 0.0) + pairs.get(" " + word[0], 0.0)
            if joined_em <= max_em:
                current, current_em = f"{current} {word}", joined_em
                continue
            lines.append((current, current_em))
        if word_em <= max_em:
            current, current_em = word, word_em
            continue
        pieces = _broken(word, max_em, style)
        lines.extend((piece, em_width(piece, style)) for piece in pieces[:-1])
        current, current_em = pieces[-1], em_width(pieces[-1], style)
    if current:
        lines.append((current, current_em))
    return tuple(lines)


def _broken(word: str, max_em: float, style: Style) -> list[str]:
    """A word too wide for a line, in pieces that each fit (one character at least)."""
    advances, pairs = _table()[style]
    pieces: list[str] = []
    start, used = 0, 0.0
    for index, char in enumerate(word):
        advance = advances.get(char, UNKNOWN_EM)
        if index > start:
            advance += pairs.get(word[index - 1] + char, 0.0)
        if index > start and used + advance > max_em:
            pieces.append(word[start:index])
            start, used = index, 0.0
        used += advance
    pieces.append(word[start:])
    return pieces
