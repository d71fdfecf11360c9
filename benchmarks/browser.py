"""Big orgs in headless Chromium: what a user waits for.

Run from the repository's root after `bash scripts/setup --test`:

    .venv/bin/python -m benchmarks.browser [--sizes 10000,100000] [--repeat 3] [--gpu off|swiftshader]

This machine has no GPU. ``--gpu off`` (the tests' flags) composites the page in software;
``--gpu swiftshader`` emulates a GPU (SwiftShader through ANGLE), which draws large WebGL
charts without the multi-second stall software compositing adds after them, but paints
SVG charts more slowly. A machine with a real GPU is faster than both.

For each generated org (fixed seed), served by `python app.py ORG.yaml`, best of --repeat:
- open: navigation to the chart drawn (the opening view: everything up to 1,500 roles,
  else the top levels with collapsed rollups), in a new browser profile: Dash's and
  Plotly's JavaScript fetched and compiled first;
- reopen: the same in the same profile again, as a returning user or a reload: the
  JavaScript comes from the browser's caches;
- server: the opening figure built on the server (seconds) and its JSON size;
- expand all (up to 20,000 roles): choosing "all" levels to every node drawn;
- flip data: the key f to the first role's new place in the chart's data (an animated flip
  starts then; going to the conventional view, after the customers' 150 ms fade-out);
- expand: a click on a collapsed node to its reports drawn;
- search: typing an id to the result listed, and choosing it to the role selected on the chart
  (drawn, with its hop badge; the escalation path panel beside the chart follows).

First, the floor: the same open and reopen for a bare Dash page with one two-point graph, with
Dash's full plotly.js and with the 2D bundle the dashboard loads.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright
from plotly.io.json import to_json_plotly

from benchmarks.driver import CHROMIUM, CHROMIUM_FLAGS, PLAIN_JS, free_port, role_screen_point, running
from orgcharts.examples.generate import generate
from orgcharts.figures import TRACE_ROLES
from orgcharts.web.drawing import chart
from orgcharts.web.session import Computations, Controls, snapshot

EXPAND_ALL_UP_TO = 20_000
POINTS = (
    "() => { const g = document.querySelector('#chart .js-plotly-plot'); "
    f"return g && g.data && g.data[{TRACE_ROLES}] ? g.data[{TRACE_ROLES}].customdata.length : 0; }}"
)
BUSY = "() => !document.querySelector('[data-dash-is-loading=\"true\"]')"


def server_figure(text: str) -> tuple[float, int, str]:
    """Seconds to build the opening figure, its JSON size, and a deep role to search for:
    the last customer-facing one, whose hop badge a jump to it shows."""
    computations = Computations()
    shape = computations.structure(text, "benchmark.yaml")
    began = time.perf_counter()
    controls = Controls(view="inverted", decision="refund")
    found = snapshot(shape.org, shape, controls).found
    payload = to_json_plotly(chart(computations, shape.org, shape, found, controls, "x").for_browser())
    deep = next(role.id for role in reversed(shape.org.roles) if role.customer_facing)
    return time.perf_counter() - began, len(payload), deep


def wait_points(page, predicate: str) -> None:
    page.wait_for_function(f"() => {{ const n = ({POINTS})(); return {predicate}; }}", timeout=180_000)


def quiet(page) -> None:
    """Until no callback is in flight and a flip's animation is over, so that
    each measurement starts on an idle page, as a user's next click would."""
    page.wait_for_function(BUSY, timeout=120_000)
    time.sleep(0.8)


def flip_seconds(page) -> float:
    """The key f to the first role standing in its new place in the chart's data."""
    first_y = f"() => {{ {PLAIN_JS} return plain(document.querySelector('#chart .js-plotly-plot').data[{TRACE_ROLES}].y)[0]; }}"
    before = page.evaluate(first_y)
    page.locator("body").click(position={"x": 5, "y": 5})
    began = time.perf_counter()
    page.keyboard.press("f")
    page.wait_for_function(f"() => ({first_y})() !== {json.dumps(before)}", timeout=120_000)
    return time.perf_counter() - began


GPU_FLAGS = {
    "off": CHROMIUM_FLAGS,
    "swiftshader": [flag for flag in CHROMIUM_FLAGS if flag != "--disable-gpu"]
    + ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
}


def measure(url: str, size: int, repeat: int, deep: str, flags: list[str]) -> dict[str, float]:
    best: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(seconds, best.get(name, seconds))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=flags)
        for _ in range(repeat):
            profile = browser.new_context(viewport={"width": 1920, "height": 1080})
            page = profile.new_page()
            open_twice(page, url, lambda shown: (wait_points(shown, "n > 0"), shown.wait_for_function(BUSY)), keep)
            quiet(page)
            opening = page.evaluate(POINTS)

            point = collapsed_in_view(page)
            if point:
                page.mouse.move(*point)
                began = time.perf_counter()
                page.mouse.click(*point)
                wait_points(page, f"n > {opening}")
                keep("expand", time.perf_counter() - began)
                quiet(page)

            keep("flip data", flip_seconds(page))
            quiet(page)

            began = time.perf_counter()
            page.fill("#search", deep)
            page.wait_for_selector(".search-results .choice")
            keep("search results", time.perf_counter() - began)
            point = centre(page.locator(".search-results .choice").first)
            page.mouse.move(*point)
            began = time.perf_counter()
            page.mouse.click(*point)
            page.wait_for_function(
                f"(id) => document.querySelector('#chart .js-plotly-plot').data[{TRACE_ROLES}].customdata"
                ".some((hit) => hit[0] === id) && !document.querySelector('#hop-badge').hidden",
                arg=deep,
            )
            keep("search to role", time.perf_counter() - began)
            quiet(page)

            if size <= EXPAND_ALL_UP_TO:
                page.click("#levels")
                began = time.perf_counter()
                page.get_by_role("option", name="all", exact=True).click()
                wait_points(page, f"n === {size}")
                page.wait_for_function(BUSY)
                keep("expand all", time.perf_counter() - began)
                quiet(page)
                keep("flip expanded", flip_seconds(page))
            profile.close()
        browser.close()
    return best


def collapsed_in_view(page) -> tuple[float, float] | None:
    """Where a user clicks to open a collapsed team: the first one inside the plot (the chart
    opens panned to the front line, so the first one drawn may be off-screen)."""
    ids = page.evaluate(f"() => document.querySelector('#chart .js-plotly-plot').data[{TRACE_ROLES}].customdata")
    plot = page.locator("#chart .nsewdrag").bounding_box()
    for role, kind in ids:
        if kind == "collapsed":
            x, y = role_screen_point(page, role)
            if plot["x"] < x < plot["x"] + plot["width"] and plot["y"] < y < plot["y"] + plot["height"]:
                return x, y
    return None


def centre(locator) -> tuple[float, float]:
    """Where a user clicks on an element. Clicks are timed from the mouse button, as a user
    waits: Playwright's own ``click`` first waits two frames for the element to keep still."""
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def open_twice(page, url: str, drawn: Callable[[object], object], keep: Callable[[str, float], None]) -> None:
    """Navigation until ``drawn(page)`` returns, in a fresh profile ("open"), then again in it ("reopen")."""
    for name in ("open", "reopen"):
        began = time.perf_counter()
        page.goto(url + "/")
        drawn(page)
        keep(name, time.perf_counter() - began)


def floor(flags: list[str], repeat: int, bundle: str) -> dict[str, float]:
    """Open and reopen of a bare Dash page with one two-point graph (benchmarks/bare_dash.py),
    with Dash's full plotly.js (``bundle`` "full") or the dashboard's 2D bundle ("2d")."""
    best: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(seconds, best.get(name, seconds))

    port = free_port()
    with (
        running([sys.executable, "-m", "benchmarks.bare_dash"], port, env={"PORT": str(port), "BUNDLE": bundle}) as url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=flags)
        for _ in range(repeat):
            profile = browser.new_context(viewport={"width": 1920, "height": 1080})
            page = profile.new_page()
            open_twice(
                page, url, lambda shown: shown.wait_for_selector("#bare .scatterlayer .trace", timeout=60_000), keep
            )
            profile.close()
        browser.close()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--gpu", choices=sorted(GPU_FLAGS), default="off")
    options = parser.parse_args()
    for bundle, called in (("full", "Dash's full plotly.js"), ("2d", "plotly.js's 2D bundle, as the dashboard")):
        bare = floor(GPU_FLAGS[options.gpu], options.repeat, bundle)
        print(
            f"A bare Dash page, one two-point graph, {called}: open {bare['open']:.2f} s, reopen {bare['reopen']:.2f} s"
        )
    print()
    columns = [
        "open",
        "reopen",
        "expand",
        "flip data",
        "search results",
        "search to role",
        "expand all",
        "flip expanded",
    ]
    print("| roles | server: opening figure s | JSON KB | " + " | ".join(f"{c} s" for c in columns) + " |")
    print("| ---: " * (len(columns) + 3) + "|")
    for size in (int(s) for s in options.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"org-{size}.yaml"
            text = generate(size)
            path.write_text(text)
            seconds, payload, deep = server_figure(text)
            port = free_port()
            with running([sys.executable, "app.py", str(path)], port, env={"PORT": str(port)}) as url:
                best = measure(url, size, options.repeat, deep, GPU_FLAGS[options.gpu])
        cells = [f"{best[c]:.2f}" if c in best else "" for c in columns]
        print(f"| {size:,} | {seconds:.2f} | {payload / 1024:,.0f} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
