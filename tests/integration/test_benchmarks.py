"""The browser benchmark still drives the current dashboard (a small org, timings unread)."""

import subprocess
import sys

from tests.integration.conftest import ROOT


def test_browser_benchmark_runs():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.browser", "--sizes", "2000", "--repeat", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    (row,) = [line for line in result.stdout.splitlines() if line.startswith("| 2,000 |")]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert len(cells) == 11 and all(cells), "every step measured, expand all included"
    floors = [line for line in result.stdout.splitlines() if line.startswith("A bare Dash page")]
    assert [line.split(":")[0] for line in floors] == [
        "A bare Dash page, one two-point graph, Dash's full plotly.js",
        "A bare Dash page, one two-point graph, plotly.js's 2D bundle, as the dashboard",
    ]
