"""Writes orgcharts/fontwidths.json: the advance widths of DejaVu Sans (Book, Bold, Oblique)
that orgcharts.textsize measures chart text with.

A maintainer's script, run again only when the character ranges below change:

    python3 scripts/font_widths.py

It reads the TTFs of Debian's fonts-dejavu-core (/usr/share/fonts/truetype/dejavu/) with
fontTools, installed for the run into a temporary virtual environment (fontTools is not a
dependency of orgcharts). The file holds, per style, runs of consecutive code points:
``[first code point, [advance, advance, ...]]`` in font units (``units_per_em`` to an em).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

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


def widths() -> dict:
    from fontTools.ttLib import TTFont

    result: dict = {"font": "DejaVu Sans", "styles": {}}
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
    return result


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
