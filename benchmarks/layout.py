"""The card layout against Graphviz, in one run.

Run from the repository's root after `bash scripts/setup --test` (and `apt-get install graphviz`
for the dot column):

    .venv/bin/python -m benchmarks.layout [--sizes 1000,10000,100000] [--dot-sizes 1000,10000] [--repeat 3]

For each generated org (fixed seed), fully expanded, best of ``--repeat`` runs in this process:
the cards of every role at screen size (`cards.cards_for`, text measured and wrapped);
the card layout in each view (`cardlayout.card_layout`); and `dot -Tplain` laying out the same
tree with boxes of the same sizes in inches, as a user would otherwise lay it out (once, a
10-minute cap).
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from orgcharts.cardlayout import card_layout
from orgcharts.cards import cards_for, sizes_of
from orgcharts.examples.generate import generate
from orgcharts.graph import reporting_tree
from orgcharts.loader import load_text
from orgcharts.metrics import escalations

DOT_CAP_S = 600
DOT_DPI = 72


def best(repeat, action, *args, **kwargs):
    """The fastest of ``repeat`` runs, in seconds, and the last result."""
    fastest, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        began = time.perf_counter()
        result = action(*args, **kwargs)
        fastest = min(fastest, time.perf_counter() - began)
    return fastest, result


def dot_seconds(org, sizes, folder: Path) -> str:
    dot = shutil.which("dot")
    if dot is None:
        return "(no dot: apt-get install graphviz)"
    nodes = "\n".join(
        f'"{r.id}" [width={sizes[r.id][0] / DOT_DPI:.3f}, height={sizes[r.id][1] / DOT_DPI:.3f}];' for r in org.roles
    )
    edges = "\n".join(f'"{r.reports_to}" -> "{r.id}";' for r in org.roles if r.reports_to)
    source = folder / "tree.dot"
    source.write_text(f'digraph org {{\nnode [shape=box, fixedsize=true, label=""];\n{nodes}\n{edges}\n}}\n')
    began = time.perf_counter()
    try:
        subprocess.run([dot, "-Tplain", str(source)], capture_output=True, check=True, timeout=DOT_CAP_S)
    except subprocess.TimeoutExpired:
        return f"over {DOT_CAP_S}"
    return f"{time.perf_counter() - began:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--dot-sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    dot_sizes = [int(size) for size in options.dot_sizes.split(",")]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, best of {options.repeat}\n")
    print("| roles | cards s | card layout, conventional s | card layout, customer on top s | dot -Tplain s |")
    print("| ---: " * 5 + "|")
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            org = load_text(generate(size)).org
            tree = reporting_tree(org)
            found = escalations(org, tree, "refund", 200)
            roles = [role.id for role in org.roles]
            cards_s, cards = best(options.repeat, _fresh_cards, org, roles, found)
            card_sizes = sizes_of(cards)
            conventional_s, _ = best(options.repeat, card_layout, org, tree, card_sizes, "conventional")
            inverted_s, _ = best(options.repeat, card_layout, org, tree, card_sizes, "inverted")
            dot_cell = dot_seconds(org, card_sizes, Path(scratch)) if size in dot_sizes else ""
            print(
                f"| {size:,} | {cards_s:.3f} | {conventional_s:.3f} | {inverted_s:.3f} | {dot_cell} |",
                flush=True,
            )


def _fresh_cards(org, roles, found):
    """Cards measured afresh: the remembered cards and wrapped lines are forgotten first."""
    from orgcharts import cards, textsize

    cards._card.cache_clear()
    textsize._wrapped.cache_clear()
    textsize.em_width.cache_clear()
    return cards_for(org, roles, found, None, "refund")


if __name__ == "__main__":
    main()
