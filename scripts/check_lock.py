"""Checks that the locks in requirements/ still match pyproject.toml.

A dependency added to pyproject.toml and not locked, one locked at a version that
pyproject.toml no longer allows, one removed from pyproject.toml and still locked as ours,
the two locks disagreeing on a version, or a plotly.js pin for another plotly: each is one
line on stderr, and the exit code is 1. scripts/setup runs it after installing; the unit
tests run it on doctored copies. Usage: python scripts/check_lock.py [ROOT]
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

FIX = "run `bash scripts/lock` and commit requirements/"
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)(?: ; (.+?))? \\$")
_OURS = "orgcharts (pyproject.toml)"


@dataclass
class Pin:
    version: str
    marker: str | None
    via: list[str] = field(default_factory=list)


def read_lock(path: Path) -> dict[str, list[Pin]]:
    """The pins of a lock written by uv pip compile, by canonical name (a universal lock
    can pin one name twice, under exclusive markers)."""
    pins: dict[str, list[Pin]] = {}
    current: Pin | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        pin = _PIN.match(line)
        if pin:
            current = Pin(pin[2], pin[3])
            pins.setdefault(canonicalize_name(pin[1]), []).append(current)
        elif current is not None and line.lstrip().startswith("#"):
            words = line.lstrip("# ").removeprefix("via").strip()
            if words:
                current.via.append(words)
    return pins


def problems(root: Path) -> list[str]:
    """Every way the locks under ``root`` fail to match its pyproject.toml, one sentence each."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [Requirement(text) for text in project["dependencies"]]
    tests = [Requirement(text) for text in project["optional-dependencies"]["test"]]
    found: list[str] = []
    locks = {"run": (runtime, read_lock(root / "requirements/run.lock"))}
    locks["test"] = ([*runtime, *tests], read_lock(root / "requirements/test.lock"))
    for lock_name, (wanted, pins) in locks.items():
        lock = f"requirements/{lock_name}.lock"
        for requirement in wanted:
            name = canonicalize_name(requirement.name)
            chosen = [pin for pin in pins.get(name, []) if _applies(pin)]
            if not chosen:
                found.append(f"{lock} does not lock {requirement.name}, which pyproject.toml requires; {FIX}")
            for pin in chosen:
                if not requirement.specifier.contains(pin.version, prereleases=True):
                    found.append(
                        f"{lock} locks {requirement.name} {pin.version}, which pyproject.toml's "
                        f"'{requirement}' does not allow; {FIX}"
                    )
        declared = {canonicalize_name(requirement.name) for requirement in wanted}
        for name, entries in sorted(pins.items()):
            if name not in declared and any(_OURS in pin.via for pin in entries):
                found.append(
                    f"{lock} locks {name} as a dependency of ours, but pyproject.toml no longer lists it; {FIX}"
                )
    run_pins, test_pins = locks["run"][1], locks["test"][1]
    for name, entries in sorted(run_pins.items()):
        run_versions = {(pin.version, pin.marker) for pin in entries}
        test_versions = {(pin.version, pin.marker) for pin in test_pins.get(name, [])}
        if run_versions != test_versions:
            found.append(f"requirements/run.lock and test.lock lock {name} at different versions; {FIX}")
    plotly = [pin.version for pin in run_pins.get("plotly", [])]
    pinned_for = re.search(r"bundle for plotly (\S+) ", (root / "requirements/plotly.lock").read_text(encoding="utf-8"))
    if not pinned_for or [pinned_for[1]] != plotly:
        found.append(f"requirements/plotly.lock pins plotly.js for another plotly than requirements/run.lock; {FIX}")
    return found


def _applies(pin: Pin) -> bool:
    if pin.marker is None:
        return True
    return Requirement(f"x ; {pin.marker}").marker.evaluate()  # type: ignore[union-attr]


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]
    found = problems(root)
    for sentence in found:
        print(f"lock: error: {sentence}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
