"""Browser tests: a real server process and Debian's Chromium driven by Playwright.

A missing browser fails these tests; it never skips them (``bash scripts/setup`` installs it).
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("ORGCHARTS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_log(port) -> Path:
    """Where ``running`` writes what the server prints."""
    return Path(os.environ.get("TMPDIR", "/tmp")) / f"orgcharts-server-{port}.log"


@contextlib.contextmanager
def running(command, port, env=None, cwd=ROOT):
    """Run a server command until the block ends; yield its base URL once it answers."""
    log = open(server_log(port), "w+")  # noqa: SIM115
    process = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                log.seek(0)
                pytest.fail(f"server exited early: {log.read()[-2000:]}")
            try:
                urllib.request.urlopen(url + "/", timeout=1)
                break
            except urllib.error.HTTPError:
                break  # it answers, if only to refuse (a server that wants a token)
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("server did not answer within 30 s")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def server():
    port = free_port()
    with running([sys.executable, "app.py"], port, env={"PORT": str(port)}) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run 'bash scripts/setup' (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def context(browser):
    made = browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True)
    yield made
    made.close()


@pytest.fixture
def page(context, server):
    opened = context.new_page()
    problems = []
    opened.on("pageerror", lambda error: problems.append(str(error)))
    # Every response carries a Content-Security-Policy: anything it blocks fails the test.
    opened.on(
        "console",
        lambda message: problems.append(message.text) if "Content Security Policy" in message.text else None,
    )
    opened.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    opened.problems = problems
    yield opened
    assert not problems, problems
