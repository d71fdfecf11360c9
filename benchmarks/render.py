"""Pictures out: `orgcharts render` against Graphviz `dot` drawing the same labelled tree,
side by side in one run, each a fresh process as a user would run it.

Run from the repository's root after `bash scripts/setup --test` (and `apt-get install graphviz`
for the dot columns):

    .venv/bin/python -m benchmarks.render [--sizes 1000,10000] [--formats svg,pdf,png,html]

For each generated org (fixed seed) and format: seconds for `orgcharts render FILE -o OUT`
(load, metrics, layout, figure, and Kaleido starting Chromium to draw it), the file's size,
and `dot -T<format>` on a DOT file of the same tree with the same titles as labels (HTML has
no dot counterpart). A 10-minute cap per dot run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from orgcharts.examples.generate import generate
from orgcharts.loader import load_text

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
    options = parser.parse_args()
    dot = shutil.which("dot")
    print("| roles | format | orgcharts render s | its file KB | dot s | dot / orgcharts |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(size) for size in options.sizes.split(",")):
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


if __name__ == "__main__":
    main()
