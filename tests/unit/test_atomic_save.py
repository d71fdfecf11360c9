"""Files the command line writes (import -o, render -o) are whole or absent: a process killed
in the middle of a save leaves the previous file as it was."""

import os
import signal
import subprocess
import sys
import time

WRITER = """
import sys
from orgcharts.cli import _write_atomically
_write_atomically(sys.argv[1], b"new " * (150 * 1024 * 1024))
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
    from orgcharts.cli import _write_atomically

    target = tmp_path / "org.yaml"
    target.write_text("old\n")
    _write_atomically(str(target), "new\n")
    assert target.read_text() == "new\n"
    assert [path.name for path in tmp_path.iterdir()] == ["org.yaml"]
