"""The documented deployment, started the way docs/deploy.md says, for tests that need it."""

import shutil
import sys
from pathlib import Path

import pytest


def gunicorn(port, workers):
    """The command that serves ``app:server`` with gunicorn on the loopback ``port``."""
    if shutil.which("gunicorn", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("gunicorn is part of the test extras: run 'bash scripts/setup'")
    return [
        str(Path(sys.executable).parent / "gunicorn"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "app:server",
    ]
