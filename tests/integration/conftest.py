"""Browser tests: a real server process and Debian's Chromium driven by Playwright.

A missing browser fails these tests; it never skips them (``bash scripts/setup`` installs it).
"""

import shutil
import sys
from pathlib import Path

import pytest

from benchmarks.driver import CHROMIUM, CHROMIUM_FLAGS, free_port, running, server_log

ROOT = Path(__file__).resolve().parents[2]
__all__ = ["CHROMIUM", "CHROMIUM_FLAGS", "ROOT", "free_port", "running", "server_log"]


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
