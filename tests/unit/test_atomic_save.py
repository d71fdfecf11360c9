"""Files the command line writes (import -o, render -o) are whole or absent: a process killed
in the middle of a save leaves the previous file as it was."""

import os
import signal
import subprocess
import sys
import time

from orgcharts.cli.common import write_atomically

WRITER = """
import sys
from orgcharts.cli.common import write_atomically
write_atomically(sys.argv[1], b"new " * (150 * 1024 * 1024))
"""


def test_a_save_killed_midway_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "org.yaml"
    target.write_text("old: whole\n")
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(target)])
    try:
        deadline = time.monotonic() + 60
        partial = None
        while partial is None and time.monotonic() < deadline:
            partial = next(
                (path for path in tmp_path.iterdir() if path.name.endswith(".tmp") and path.stat().st_size), None
            )
            time.sleep(0.001)
        assert partial is not None, "the writer never started writing"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    assert target.read_text() == "old: whole\n"  # never half-written


def test_a_finished_save_replaces_the_file_and_leaves_nothing_behind(tmp_path):
    target = tmp_path / "org.yaml"
    target.write_text("old\n")
    write_atomically(str(target), "new\n")
    assert target.read_text() == "new\n"
    assert [path.name for path in tmp_path.iterdir()] == ["org.yaml"]


def test_a_save_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "org.yaml"
    target.write_text("people and pay\n")
    target.chmod(0o600)
    write_atomically(str(target), "new\n")
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_new_file_gets_the_usual_mode(tmp_path):
    old_mask = os.umask(0o022)
    try:
        write_atomically(str(tmp_path / "new.yaml"), "new\n")
    finally:
        os.umask(old_mask)
    assert (tmp_path / "new.yaml").stat().st_mode & 0o777 == 0o644


def test_a_save_through_a_symlink_replaces_the_file_it_points_to(tmp_path):
    real = tmp_path / "shared" / "org.yaml"
    real.parent.mkdir()
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "org.yaml"
    link.symlink_to(real)
    write_atomically(str(link), "new\n")
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text() == "new\n"
    assert real.stat().st_mode & 0o777 == 0o640
    assert sorted(path.name for path in real.parent.iterdir()) == ["org.yaml"]
