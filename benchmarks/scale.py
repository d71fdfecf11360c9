"""Big organisations: loading, and layout against Graphviz, side by side in one run.

Run from the repository's root after `bash scripts/setup --test` (and `apt-get install graphviz`
for the dot column):

    .venv/bin/python -m benchmarks.scale [--sizes 1000,10000,100000] [--dot-sizes 1000,10000]

Load table, per generated org (fixed seed): a bare `yaml.load(..., Loader=yaml.CSafeLoader)`
of the file as a user would call it; the same with the garbage collector off; `json.load` of
the same data; `orgcharts hops FILE --format json` end to end in a fresh process, first with
an empty cache and then again (answered from the content-hash cache), with its peak memory;
loading the file alone again in a fresh process (`orgcharts.load_file`, from the cache); and
each orgcharts time as a ratio of the bare parse.

Layout table: our tidy-tree layout plus both views' Plotly figures, against `dot -Tplain`
laying out the same tree (a 10-minute cap per dot run).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from plotly.io.json import to_json_plotly

from orgcharts.cardlayout import card_layout
from orgcharts.cards import cards_for, sizes_of
from orgcharts.examples.generate import generate
from orgcharts.figures import org_figure
from orgcharts.graph import reporting_tree
from orgcharts.metrics import escalations
from orgcharts.web import drawing
from orgcharts.web.session import Computations, Controls

DOT_CAP_S = 600
COMPUTATIONS = Computations()
"""The dashboard's caches, as one server process holds them."""


def timed(action, *args, **kwargs):
    began = time.perf_counter()
    result = action(*args, **kwargs)
    return time.perf_counter() - began, result


PEAK_REPORTER = """
import atexit, os, runpy, sys

def report():
    with open('/proc/self/status') as status:
        peak = next(line.split()[1] for line in status if line.startswith('VmHWM:'))
    with open(os.environ['ORGCHARTS_PEAK_FILE'], 'w') as out:
        out.write(peak)

atexit.register(report)
kind, target, *sys.argv[1:] = sys.argv[1:]
sys.argv[0] = target
if kind == '-m':
    runpy.run_module(target, run_name='__main__', alter_sys=True)
else:
    exec(compile(target, '<string>', 'exec'), {'__name__': '__main__'})
"""
"""Runs ``-m MODULE ARGS`` or ``-c CODE ARGS`` and writes its own peak resident memory
(VmHWM, kB) at exit: the peak of the process after ``exec``, which ``wait4``'s
``ru_maxrss`` is not on Linux (it keeps the forking parent's high-water mark)."""


def run_fresh(arguments: list[str], cache_dir: Path) -> tuple[float, float]:
    """Seconds and peak resident MB of ``python ARGUMENTS`` in a fresh process."""
    peak_file = cache_dir.with_name(cache_dir.name + ".peak")
    env = {**os.environ, "ORGCHARTS_CACHE_DIR": str(cache_dir), "ORGCHARTS_PEAK_FILE": str(peak_file)}
    command = [sys.executable, "-c", PEAK_REPORTER, *arguments]
    began = time.perf_counter()
    status = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=False).returncode
    seconds = time.perf_counter() - began
    if status != 0:
        raise SystemExit(f"{' '.join(arguments)} failed")
    return seconds, int(peak_file.read_text()) / 1024


def load_rows(sizes: list[int], folder: Path) -> None:
    print(
        "| roles | file MB | CSafeLoader s | CSafeLoader, GC off s | json.load s | orgcharts hops s | ratio | "
        "hops again (cached) s | ratio | load again (cached) s | ratio | peak MB |"
    )
    print("| ---: " * 12 + "|")
    for size in sizes:
        path = folder / f"org-{size}.yaml"
        path.write_text(generate(size))
        text = path.read_text()
        bare, data = timed(yaml.load, text, Loader=yaml.CSafeLoader)
        gc.disable()
        bare_off, _ = timed(yaml.load, text, Loader=yaml.CSafeLoader)
        gc.enable()
        as_json = folder / f"org-{size}.json"
        as_json.write_text(json.dumps(data))
        json_s, _ = timed(json.loads, as_json.read_text())
        cache_dir = folder / f"cache-{size}"
        hops = ["-m", "orgcharts", "hops", str(path), "--format", "json"]
        cold, peak = run_fresh(hops, cache_dir)
        warm, _ = run_fresh(hops, cache_dir)
        reload, _ = run_fresh(["-c", "import sys, orgcharts; orgcharts.load_file(sys.argv[1])", str(path)], cache_dir)
        print(
            f"| {size:,} | {path.stat().st_size / 1e6:.1f} | {bare:.2f} | {bare_off:.2f} | {json_s:.3f} | "
            f"{cold:.2f} | {cold / bare:.2f}x | {warm:.2f} | {warm / bare:.2f}x | {reload:.2f} | {reload / bare:.2f}x | "
            f"{peak:,.0f} |",
            flush=True,
        )


def both_views(org, tree, found) -> None:
    """Both views' figures, each with its cards laid out (the card layout is inside the figure)."""
    for orientation in ("conventional", "inverted"):
        org_figure(org, tree, found, decision="refund", amount=200, view=orientation).to_json()


def opening_figure(structure, found) -> str:
    """What the dashboard sends when it opens on an org: top levels and rollups for a big org,
    the rollups' subtree totals included. The org's structure (``Computations.structure``, once per file)
    and the decision's escalations (the metrics, timed by ``orgcharts hops`` above) are not."""
    controls = Controls(view="inverted", decision="refund", amount=200)
    return to_json_plotly(
        drawing.chart(COMPUTATIONS, structure.org, structure, found, controls, "benchmark").for_browser()
    )


def layout_rows(sizes: list[int], dot_sizes: list[int], folder: Path) -> None:
    dot = shutil.which("dot")
    print(
        "\n| roles | card layout, every role s | both full figures (cards and layout included) s | opening figure the browser receives s "
        "| its JSON KB | dot -Tplain s | dot / full layout + figures | dot / opening figure |"
    )
    print("| ---: " * 8 + "|")
    for size in sizes:
        structure = COMPUTATIONS.structure(generate(size), f"org-{size}.yaml")
        org = structure.org
        tree = reporting_tree(org)
        found = escalations(org, tree, "refund", 200)
        sizes = sizes_of(cards_for(org, [role.id for role in org.roles], found, None, "refund"))
        layout_s, _ = timed(card_layout, org, tree, sizes, "inverted")

        ours, _ = timed(both_views, org, tree, found)
        opening_s, payload = timed(opening_figure, structure, found)
        dot_cell, ratio, opening_ratio = "", "", ""
        if dot and size in dot_sizes:
            source = folder / f"tree-{size}.dot"
            edges = "\n".join(f'"{r.reports_to}" -> "{r.id}";' for r in org.roles if r.reports_to)
            source.write_text(f"digraph org {{\nnode [shape=box];\n{edges}\n}}\n")
            try:
                dot_s, _ = timed(
                    subprocess.run, [dot, "-Tplain", str(source)], capture_output=True, check=True, timeout=DOT_CAP_S
                )
                dot_cell, ratio, opening_ratio = f"{dot_s:.2f}", f"{dot_s / ours:,.0f}x", f"{dot_s / opening_s:,.0f}x"
            except subprocess.TimeoutExpired:
                dot_cell = f"over {DOT_CAP_S}"
                ratio, opening_ratio = f"over {DOT_CAP_S / ours:,.0f}x", f"over {DOT_CAP_S / opening_s:,.0f}x"
        elif size in dot_sizes:
            dot_cell = "(no dot: apt-get install graphviz)"
        print(
            f"| {size:,} | {layout_s:.3f} | {ours:.2f} | {opening_s:.3f} | {len(payload) / 1024:,.0f} "
            f"| {dot_cell} | {ratio} | {opening_ratio} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--dot-sizes", default="1000,10000")
    parser.add_argument("--skip-load", action="store_true")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    dot_sizes = [int(size) for size in options.dot_sizes.split(",")]
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"max resident of this process so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB\n"
    )
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if not options.skip_load:
            load_rows(sizes, folder)
        layout_rows(sizes, dot_sizes, folder)


if __name__ == "__main__":
    main()
