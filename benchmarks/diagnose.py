"""`orgcharts diagnose` beside `orgcharts hops` on the same generated org, in one run.

Run from the repository's root after `bash scripts/setup --test`:

    .venv/bin/python -m benchmarks.diagnose [--sizes 10000,100000] [--repeat 3]

Per size, a generated org with every diagnostic figure (`generate(size, figures=True)`: three
segments with weights, a refund with a rate and a three-amount mix, an exception with a rate,
hours per hop, pay, tenure and training on every role). Both commands run end to end in fresh
processes with `--format json`, after one warm-up run each so that both read the file from the
content-hash cache (the load is then the same for both); the best of `--repeat` runs is shown
with its peak memory. Then, in this process, the metrics alone: `escalations` for each decision
(what `hops` computes) against `diagnose` (every diagnostic, each amount of the mix walked once).
The ratio column is diagnose over hops; the issue's target is within 2x.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.scale import run_fresh, timed
from orgcharts.examples.generate import generate
from orgcharts.graph import reporting_tree
from orgcharts.loader import load_file
from orgcharts.metrics import escalations
from orgcharts.metrics.diagnostics import diagnose


def best_fresh(arguments: list[str], cache: Path, repeat: int) -> tuple[float, float]:
    run_fresh(arguments, cache)
    runs = [run_fresh(arguments, cache) for _ in range(repeat)]
    return min(runs)


def hop_metrics(org) -> None:
    tree = reporting_tree(org)
    for decision in org.decisions:
        escalations(org, tree, decision.id, decision.typical_amount)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    print(
        "| roles | hops s | hops peak MB | diagnose s | diagnose peak MB | ratio | "
        "hop metrics alone s | diagnose metrics alone s | ratio |"
    )
    print("| ---: " * 9 + "|")
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / "cache"
        for size in (int(part) for part in options.sizes.split(",")):
            path = Path(folder) / f"org-{size}.yaml"
            path.write_text(generate(size, figures=True))
            command = ["-m", "orgcharts", "{}", str(path), "--format", "json"]
            hops_s, hops_mb = best_fresh([part.format("hops") for part in command], cache, options.repeat)
            diag_s, diag_mb = best_fresh([part.format("diagnose") for part in command], cache, options.repeat)
            org = load_file(path).org
            hop_alone = min(timed(hop_metrics, org)[0] for _ in range(options.repeat))
            diag_alone = min(timed(diagnose, org)[0] for _ in range(options.repeat))
            print(
                f"| {size:,} | {hops_s:.2f} | {hops_mb:.0f} | {diag_s:.2f} | {diag_mb:.0f} | {diag_s / hops_s:.2f}x | "
                f"{hop_alone:.2f} | {diag_alone:.2f} | {diag_alone / hop_alone:.2f}x |"
            )


if __name__ == "__main__":
    main()
