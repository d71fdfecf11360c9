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


def test_load_benchmark_drives_gunicorn_through_every_action_without_errors():
    """benchmarks.load starts gunicorn workers and drives sessions at them: a real server, so
    it is an integration test (a tiny org, a few seconds, timings unread)."""
    command = [sys.executable, "-m", "benchmarks.load", "--sessions", "4", "--seconds", "6", "--roles", "300"]
    result = subprocess.run(
        [*command, "--workers", "2", "--think", "0.05,0.2"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert ", 0 errors" in result.stdout
    actions = ("open the page", "switch decision", "select a role", "expand a team", "what-if grant")
    missing = [action for action in actions if f"| {action} |" not in result.stdout]
    assert not missing, result.stdout
