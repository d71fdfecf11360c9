"""scripts/setup installs only what the locks pin: a plotly.js bundle that does not match
requirements/plotly.lock is refused (an error under --test, a warning otherwise), and a second
run installs nothing. Each test runs the real script in a copy of the project whose .venv is
this one's, so nothing of this checkout changes."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.prefix)


@pytest.fixture
def project(tmp_path):
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tmp_path)
    for folder in ("scripts", "requirements"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "assets").mkdir()
    # This run's packages, behind a .venv of the copy's own, whose stamps setup may rewrite.
    venv = tmp_path / ".venv"
    venv.mkdir()
    for entry in VENV.iterdir():
        if entry.name == "pyvenv.cfg":
            shutil.copy(entry, venv)
        elif not entry.name.startswith("orgcharts-"):
            (venv / entry.name).symlink_to(entry)
    for mode in ("run", "test"):
        stamp(tmp_path, mode)
    return tmp_path


def stamp(project, mode):
    """Says that .venv holds ``mode``'s lock, as setup's own stamp does after installing it."""
    digest = hashlib.sha256(
        (project / f"requirements/{mode}.lock").read_bytes() + (project / "pyproject.toml").read_bytes()
    )
    (project / ".venv" / f"orgcharts-{mode}.lock.sha256").write_text(digest.hexdigest() + "\n")


def setup(project, *arguments):
    return subprocess.run(
        ["bash", "scripts/setup", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "PATH": f"{VENV / 'bin'}:{os.environ['PATH']}"},
    )


def doctor_bundle_pin(project, field):
    pin = project / "requirements" / "plotly.lock"
    lines = pin.read_text().splitlines()
    for index, line in enumerate(lines):
        if line.startswith(f"{field} "):
            lines[index] = line[:-4] + ("AAAA" if not line.endswith("AAAA") else "BBBB")
    pin.write_text("\n".join(lines) + "\n")


def test_a_second_run_installs_nothing_and_keeps_a_checked_bundle(project):
    shutil.copy(ROOT / "assets" / "plotly-gl2d.min.js", project / "assets")
    done = setup(project, "--test")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("setup: .venv already holds requirements/test.lock (")
    assert lines[0].endswith(" packages): nothing to install")
    assert (
        "setup: plotly.js " in done.stdout
        and "'s 2D bundle already in assets/plotly-gl2d.min.js (sha256 checked)" in done.stdout
    )
    assert lines[-1] == "setup: done"


def test_a_bundle_whose_file_does_not_match_its_sha256_is_an_error_under_test(project):
    doctor_bundle_pin(project, "bundle")
    done = setup(project, "--test")
    assert done.returncode == 1
    assert "does not match requirements/plotly.lock's sha256: not used" in done.stderr
    assert not (project / "assets" / "plotly-gl2d.min.js").exists()


def test_a_tarball_that_does_not_match_its_sha512_is_a_warning_for_the_dashboard(project):
    doctor_bundle_pin(project, "tarball")
    done = setup(project)
    assert done.returncode == 0, done.stderr
    assert "setup: warning: the plotly.js " in done.stderr
    assert "tarball does not match requirements/plotly.lock's sha512: not used" in done.stderr
    assert not (project / "assets" / "plotly-gl2d.min.js").exists()
    assert done.stdout.splitlines()[-1] == "setup: done"


def test_a_lock_that_no_longer_matches_pyproject_stops_the_test_command(project):
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('    "click>=8.1",\n', '    "click>=8.1",\n    "rich>=13",\n'))
    stamp(project, "test")  # installed as it stands: the check itself must catch it
    done = setup(project, "--test")
    assert done.returncode == 1
    assert "lock: error: requirements/run.lock does not lock rich, which pyproject.toml requires" in done.stderr
    assert "setup: error: the locks in requirements/ no longer match pyproject.toml (above)" in done.stderr
