"""Pictures out: `orgcharts render` against Graphviz `dot` drawing the same labelled tree,
side by side in one run, each a fresh process as a user would run it.

Run from the repository's root after `bash scripts/setup --test` (and `apt-get install graphviz`
for the dot columns):

    .venv/bin/python -m benchmarks.render [--sizes 1000,10000] [--formats svg,pdf,png,html]
        [--deck-sizes 1000,10000,100000] [--deck-formats pptx,html,pdf] [--warm-repeat 3]

For each generated org (fixed seed) and format: seconds for `orgcharts render FILE -o OUT`
(load, metrics, layout, figure, and Kaleido starting Chromium to draw it), the file's size,
and `dot -T<format>` on a DOT file of the same tree with the same titles as labels (HTML has
no dot counterpart). A 10-minute cap per dot run.

The board pack: seconds and size of `orgcharts report FILE -o OUT` per format (PDF: the
PPTX converted by LibreOffice Impress) beside `orgcharts render FILE -o OUT.png`, the one
picture a user would otherwise paste into slides.

Pictures in the dashboard's process: telecom's chart drawn by Kaleido starting a Chromium
for each picture (what the command line does) against one Chromium kept warm
(``picture_bytes(..., warm=True)``, what the dashboard does), the first warm picture
paying the start.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import kaleido

from orgcharts.examples.generate import generate
from orgcharts.export import Picture, picture, picture_bytes
from orgcharts.graph import reporting_tree
from orgcharts.loader import load_example, load_text
from orgcharts.metrics import escalations

DOT_CAP_S = 600


def run(command: list[str], cap: float | None = None) -> float | None:
    """Seconds the command took, or None past ``cap``."""
    began = time.perf_counter()
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=cap)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - began


def dot_source(text: str) -> str:
    org = load_text(text, "org.yaml").org
    nodes = "\n".join(f'"{role.id}" [label="{role.title.replace(chr(34), "")}"];' for role in org.roles)
    edges = "\n".join(f'"{role.reports_to}" -> "{role.id}";' for role in org.roles if role.reports_to)
    return f"digraph org {{\nnode [shape=box];\n{nodes}\n{edges}\n}}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--formats", default="svg,pdf,png,html")
    parser.add_argument("--deck-sizes", default="1000,10000,100000")
    parser.add_argument("--deck-formats", default="pptx,html,pdf")
    parser.add_argument("--warm-repeat", type=int, default=3, help="Warm pictures per format (0: none).")
    options = parser.parse_args()
    pictures(options)
    decks(options)
    warm_pictures(options.warm_repeat)


def pictures(options: argparse.Namespace) -> None:
    dot = shutil.which("dot")
    print("| roles | format | orgcharts render s | its file KB | dot s | dot / orgcharts |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(size) for size in options.sizes.split(",") if size):
            text = generate(size)
            org_file = Path(folder, f"org-{size}.yaml")
            org_file.write_text(text, encoding="utf-8")
            graph_file = Path(folder, f"org-{size}.dot")
            graph_file.write_text(dot_source(text), encoding="utf-8")
            for fmt in options.formats.split(","):
                out = Path(folder, f"org-{size}.{fmt}")
                ours = run([sys.executable, "-m", "orgcharts", "render", str(org_file), "-o", str(out), "--force"])
                kb = out.stat().st_size / 1024
                dot_cell, ratio = "", ""
                if fmt != "html" and dot:
                    theirs = run([dot, f"-T{fmt}", str(graph_file), "-o", str(out)], DOT_CAP_S)
                    dot_cell = f"over {DOT_CAP_S}" if theirs is None else f"{theirs:.2f}"
                    ratio = "" if theirs is None or ours is None else f"{theirs / ours:.2g}x"
                elif fmt != "html":
                    dot_cell = "(no dot: apt-get install graphviz)"
                print(f"| {size:,} | {fmt} | {ours:.2f} | {kb:,.0f} | {dot_cell} | {ratio} |", flush=True)


def decks(options: argparse.Namespace) -> None:
    print("\n| roles | deck | orgcharts report s | its file KB | slides | render PNG s (the alternative) |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(size) for size in options.deck_sizes.split(",") if size):
            org_file = Path(folder, f"org-{size}.yaml")
            org_file.write_text(generate(size), encoding="utf-8")
            png = Path(folder, f"org-{size}.png")
            picture_s = run([sys.executable, "-m", "orgcharts", "render", str(org_file), "-o", str(png), "--force"])
            for fmt in options.deck_formats.split(","):
                out = Path(folder, f"board-{size}.{fmt}")
                took = run([sys.executable, "-m", "orgcharts", "report", str(org_file), "-o", str(out), "--force"])
                slides = _slides(out) if fmt == "pptx" else ""
                print(
                    f"| {size:,} | {fmt} | {took:.2f} | {out.stat().st_size / 1024:,.0f} | {slides} | {picture_s:.2f} |"
                )


def _slides(pptx: Path) -> int:
    from pptx import Presentation

    return len(Presentation(str(pptx)).slides)


def warm_pictures(repeat: int) -> None:
    if repeat <= 0:
        return
    org = load_example("telecom").org
    tree = reporting_tree(org)
    decision = org.decisions[0].id
    found = escalations(org, tree, decision)
    print("\n| telecom picture | Chromium per picture s | kept warm: first s | kept warm: then s (each) |")
    print("| --- | ---: | ---: | --- |")
    for fmt in ("png", "svg", "pdf"):
        drawn = picture(org, tree, found, fmt, decision=decision)  # type: ignore[arg-type]
        cold = _timed(drawn, warm=False)
        warm = [_timed(drawn, warm=True) for _ in range(repeat + 1)]
        kaleido.stop_sync_server(silence_warnings=True)  # else the next cold picture is drawn by it
        print(f"| {fmt} | {cold:.2f} | {warm[0]:.2f} | {', '.join(f'{s:.2f}' for s in warm[1:])} |", flush=True)


def _timed(drawn: Picture, *, warm: bool) -> float:
    began = time.perf_counter()
    picture_bytes(drawn, warm=warm)
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
