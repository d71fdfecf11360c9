"""Writes orgcharts/fontwidths.json: the advance widths of DejaVu Sans (Book, Bold, Oblique)
that orgcharts.textsize measures chart text with.

A maintainer's script, run again only when the character ranges below change:

    python3 scripts/font_widths.py

It reads the TTFs of Debian's fonts-dejavu-core (/usr/share/fonts/truetype/dejavu/) with
fontTools, installed for the run into a temporary virtual environment (fontTools is not a
dependency of orgcharts). The file holds, per style, runs of consecutive code points:
``[first code point, [advance, advance, ...]]`` in font units (``units_per_em`` to an em),
and the kerning pairs among those characters that widen text (GPOS pair adjustments with a
positive advance: ``[first, second, units]``); pairs that narrow it are left out, so a
measure from the table is never short of what a browser draws.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

FONTS = Path("/usr/share/fonts/truetype/dejavu")
STYLES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf", "oblique": "DejaVuSans-Oblique.ttf"}
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x024F),  # Latin Extended-A and -B
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x2190, 0x21FF),  # Arrows
    (0x2212, 0x2212),  # minus sign
    (0x25A0, 0x25FF),  # Geometric Shapes (the expand mark)
]
OUT = Path(__file__).resolve().parent.parent / "orgcharts" / "fontwidths.json"
FONTTOOLS = "fonttools==4.60.1"


def widths() -> dict[str, Any]:
    from fontTools.ttLib import TTFont

    result: dict[str, Any] = {"font": "DejaVu Sans", "styles": {}}
    for style, file in STYLES.items():
        font = TTFont(FONTS / file)
        result["units_per_em"] = font["head"].unitsPerEm
        cmap = font.getBestCmap()
        metrics = font["hmtx"].metrics
        runs: list[list] = []
        for first, last in RANGES:
            for code in range(first, last + 1):
                if code not in cmap:
                    continue
                advance = metrics[cmap[code]][0]
                if runs and runs[-1][0] + len(runs[-1][1]) == code:
                    runs[-1][1].append(advance)
                else:
                    runs.append([code, [advance]])
        result["styles"][style] = runs
        result.setdefault("kerning", {})[style] = _widening_pairs(font, cmap)
    return result


def _widening_pairs(font: Any, cmap: dict[int, str]) -> list[list[int]]:
    """Kerning pairs among the table's characters with a positive advance adjustment, largest kept."""
    wanted = {code for first, last in RANGES for code in range(first, last + 1)}
    chars_of: dict[str, list[int]] = {}
    for code, glyph in cmap.items():
        if code in wanted:
            chars_of.setdefault(glyph, []).append(code)
    pairs: dict[tuple[int, int], int] = {}

    def add(first_glyph: str, second_glyph: str, value: Any) -> None:
        advance = getattr(value, "XAdvance", 0) if value is not None else 0
        if advance and advance > 0:
            for first in chars_of.get(first_glyph, ()):
                for second in chars_of.get(second_glyph, ()):
                    pairs[first, second] = max(advance, pairs.get((first, second), 0))

    glyphs = font.getGlyphOrder()
    for lookup in font["GPOS"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            if lookup.LookupType == 9:  # an extension: the real subtable inside
                table = table.ExtSubTable
            if not hasattr(table, "PairSet") and not hasattr(table, "Class1Record"):
                continue
            covered = table.Coverage.glyphs
            if table.Format == 1:
                for first_glyph, pair_set in zip(covered, table.PairSet, strict=True):
                    for record in pair_set.PairValueRecord:
                        add(first_glyph, record.SecondGlyph, record.Value1)
                continue
            first_classes, second_classes = table.ClassDef1.classDefs, table.ClassDef2.classDefs
            by_class: dict[int, list[str]] = {}
            for glyph in glyphs:
                by_class.setdefault(second_classes.get(glyph, 0), []).append(glyph)
            for first_glyph in covered:
                records = table.Class1Record[first_classes.get(first_glyph, 0)].Class2Record
                for second_class, record in enumerate(records):
                    if getattr(record.Value1, "XAdvance", 0) and record.Value1.XAdvance > 0:
                        for second_glyph in by_class.get(second_class, ()):
                            add(first_glyph, second_glyph, record.Value1)
    return [[first, second, units] for (first, second), units in sorted(pairs.items())]


def main() -> None:
    if "--inside" in sys.argv:
        OUT.write_text(json.dumps(widths(), separators=(",", ":")) + "\n")
        print(f"font_widths: wrote {OUT} ({OUT.stat().st_size:,} bytes)")
        return
    with tempfile.TemporaryDirectory() as scratch:
        venv = Path(scratch) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", FONTTOOLS]
        subprocess.run(pip, check=True)
        subprocess.run([str(venv / "bin" / "python"), __file__, "--inside"], check=True, env=dict(os.environ))


if __name__ == "__main__":
    main()
