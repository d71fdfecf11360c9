"""Dashboard speed for generated orgs of 100, 1,000 and 10,000 roles.

Run from the repository's root after `bash scripts/setup --test`:

    .venv/bin/python -m benchmarks.dashboard [--sizes 100,1000,10000] [--repeat 3]

Prints, per size: server seconds to load the YAML, lay out the tree, and build each view's
figure; the figure's JSON size; and the time from navigation to the chart drawn in
headless Chromium (the page served by `python app.py ORG.yaml`). Best of --repeat runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from orgcharts import load_text
from orgcharts.cardlayout import card_layout
from orgcharts.cards import cards_for, sizes_of
from orgcharts.examples.generate import generate
from orgcharts.figures import org_figure
from orgcharts.graph import reporting_tree
from orgcharts.metrics import escalations


def best(repeat: int, action):
    times = []
    result = None
    for _ in range(repeat):
        began = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - began)
    return min(times), result


def server_row(size: int, repeat: int) -> dict[str, float]:
    text = generate(size)
    load_s, loaded = best(repeat, lambda: load_text(text))
    org = loaded.org
    tree = reporting_tree(org)
    found = escalations(org, tree, "refund", 200)
    roles = [role.id for role in org.roles]
    layout_s, _ = best(
        repeat, lambda: card_layout(org, tree, sizes_of(cards_for(org, roles, found, None, "refund")), "inverted")
    )
    row = {"roles": size, "load_s": load_s, "layout_s": layout_s}
    for view in ("conventional", "inverted"):
        seconds, figure = best(
            repeat, lambda view=view: org_figure(org, tree, found, decision="refund", amount=200, view=view)
        )
        row[f"{view}_s"] = seconds
        json_s, payload = best(repeat, figure.to_json)
        row[f"{view}_json_s"] = json_s
        row[f"{view}_kb"] = len(payload) / 1024
    return row


def browser_seconds(size: int, repeat: int) -> float:
    from playwright.sync_api import sync_playwright

    from benchmarks.driver import CHROMIUM, CHROMIUM_FLAGS, free_port, running

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"generated-{size}.yaml"
        path.write_text(generate(size))
        port = free_port()
        with (
            running([sys.executable, "app.py", str(path)], port, env={"PORT": str(port)}) as url,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            times = []
            for _ in range(repeat):
                page = browser.new_page(viewport={"width": 1920, "height": 1080})
                began = time.perf_counter()
                page.goto(url + "/")
                page.wait_for_function(
                    f"() => document.querySelectorAll('#chart .traceroles .point').length === {size}",
                    timeout=120_000,
                )
                times.append(time.perf_counter() - began)
                page.close()
            browser.close()
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="server timings only")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    header = (
        "| roles | load YAML s | cards and card layout, every role s | conventional figure s | inverted figure s | to JSON s "
        "| JSON KB | browser: page to chart drawn s |"
    )
    print(header)
    print("| ---: " * 8 + "|")
    for size in sizes:
        row = server_row(size, options.repeat)
        drawn = "" if options.no_browser else f"{browser_seconds(size, options.repeat):.2f}"
        print(
            f"| {size:,} | {row['load_s']:.3f} | {row['layout_s']:.3f} | {row['conventional_s']:.3f} "
            f"| {row['inverted_s']:.3f} | {row['inverted_json_s']:.3f} | {row['inverted_kb']:,.0f} | {drawn} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
