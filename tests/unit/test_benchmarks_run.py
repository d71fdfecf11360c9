"""The benchmark scripts still run against the current code (at tiny sizes, timings unread)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    result = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_scale_benchmark_runs():
    out = run("benchmarks.scale", "--sizes", "300", "--dot-sizes", "300")
    assert "| 300 |" in out and "load again (cached) s" in out and "opening figure the browser receives" in out


def test_dashboard_benchmark_runs_without_a_browser():
    out = run("benchmarks.dashboard", "--sizes", "100", "--repeat", "1", "--no-browser")
    assert "| 100 |" in out


def test_org_generator_is_deterministic():
    from orgcharts.examples.generate import generate

    assert generate(500) == generate(500) != generate(500, seed=8)


def test_render_benchmark_runs():
    out = run(
        "benchmarks.render",
        "--sizes",
        "100",
        "--formats",
        "html",
        "--deck-sizes",
        "100",
        "--deck-formats",
        "pptx,html",
        "--warm-repeat",
        "0",
    )
    assert "| 100 | html |" in out and "| 100 | pptx |" in out and "orgcharts report s" in out


def test_import_benchmark_runs():
    out = run("benchmarks.imports", "--rows", "300", "--repeat", "1")
    assert "| orgcharts import, CSV: the plainest export from its columns (polars) |" in out
    assert "| the same import through the document (read, check, build, write the file) |" in out
    assert "| bare openpyxl" in out


def test_callbacks_benchmark_runs_every_action_of_the_load_test():
    out = run("benchmarks.callbacks", "--roles", "200", "--rounds", "1")
    for action in ("open the page", "switch decision", "select a role", "expand a team", "what-if grant", "upload"):
        assert f"| {action}" in out
