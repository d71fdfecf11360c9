"""The locks in requirements/ match pyproject.toml, and scripts/check_lock.py says so when they do not."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "scripts" / "check_lock.py"
FIX = "run `bash scripts/lock` and commit requirements/"


@pytest.fixture
def project(tmp_path):
    """A copy of the files the check reads, to doctor."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "requirements", tmp_path / "requirements")
    return tmp_path


def check(root):
    done = subprocess.run([sys.executable, str(CHECK), str(root)], capture_output=True, text=True, check=False)
    return done.returncode, done.stderr.splitlines()


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_committed_locks_match_pyproject():
    assert check(ROOT) == (0, [])


def test_a_dependency_added_to_pyproject_and_not_locked_fails_and_says_what_to_run(project):
    edit(project / "pyproject.toml", '    "click>=8.1",\n', '    "click>=8.1",\n    "rich>=13",\n')
    assert check(project) == (
        1,
        [
            f"lock: error: requirements/run.lock does not lock rich, which pyproject.toml requires; {FIX}",
            f"lock: error: requirements/test.lock does not lock rich, which pyproject.toml requires; {FIX}",
        ],
    )


def test_a_test_tool_added_and_not_locked_fails_for_the_test_lock_only(project):
    edit(project / "pyproject.toml", '    "pytest>=8",\n', '    "pytest>=8",\n    "pytest-xdist>=3",\n')
    code, lines = check(project)
    assert (code, lines) == (
        1,
        [f"lock: error: requirements/test.lock does not lock pytest-xdist, which pyproject.toml requires; {FIX}"],
    )


def test_a_dependency_removed_from_pyproject_but_still_locked_as_ours_fails(project):
    edit(project / "pyproject.toml", '    "click>=8.1",\n', "")
    code, lines = check(project)
    assert code == 1
    assert (
        f"lock: error: requirements/run.lock locks click as a dependency of ours, but pyproject.toml no longer lists it; {FIX}"
        in lines
    )


def test_a_range_the_locked_version_falls_outside_fails(project):
    edit(project / "pyproject.toml", '"plotly>=5.20"', '"plotly>=99"')
    code, lines = check(project)
    version = next(
        line.split("==")[1].split()[0]
        for line in (ROOT / "requirements/run.lock").read_text().splitlines()
        if line.startswith("plotly==")
    )
    assert code == 1
    assert (
        f"lock: error: requirements/run.lock locks plotly {version}, which pyproject.toml's 'plotly>=99' does not allow; {FIX}"
    ) in lines


def test_locks_that_disagree_on_a_version_fail(project):
    lock = project / "requirements/test.lock"
    edit(lock, "\nclick==", "\nclick==0.")
    code, lines = check(project)
    assert code == 1
    assert f"lock: error: requirements/run.lock and test.lock lock click at different versions; {FIX}" in lines


def test_a_plotly_js_pin_for_another_plotly_fails(project):
    pin = project / "requirements/plotly.lock"
    pin.write_text(pin.read_text().replace("bundle for plotly ", "bundle for plotly 0.", 1))
    assert check(project) == (
        1,
        [f"lock: error: requirements/plotly.lock pins plotly.js for another plotly than requirements/run.lock; {FIX}"],
    )


def test_every_locked_package_is_pinned_exactly_with_hashes():
    for name in ("run.lock", "test.lock"):
        blocks = (ROOT / "requirements" / name).read_text().split("\n")
        pins = [line for line in blocks if line and not line.startswith((" ", "#"))]
        assert pins, name
        for line in pins:
            assert "==" in line and line.endswith("\\"), f"{name}: {line} is not an exact pin followed by hashes"
