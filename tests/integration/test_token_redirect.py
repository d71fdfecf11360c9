"""The token in a link becomes a cookie and the browser is sent back to a path on the same
server, never to another host, whatever the path holds (a real Chromium follows the redirect)."""

import sys
from urllib.parse import urlsplit

import pytest

from tests.integration.conftest import free_port, running

TOKEN = "redirect-test-token"


@pytest.fixture(scope="module")
def guarded():
    port = free_port()
    with running([sys.executable, "app.py"], port, env={"PORT": str(port), "ORGCHARTS_TOKEN": TOKEN}) as url:
        yield url


@pytest.mark.parametrize(
    "path", ["/%09/evil.example/", "//evil.example/", "/%5C%5Cevil.example/", "/%0A/evil.example/"]
)
def test_a_link_with_the_token_never_leads_to_another_host(context, guarded, path):
    page = context.new_page()
    requested_hosts = []
    page.on("request", lambda request: requested_hosts.append(urlsplit(request.url).hostname))
    page.goto(f"{guarded}{path}?token={TOKEN}", wait_until="commit")
    assert urlsplit(page.url).hostname == "127.0.0.1"
    assert set(requested_hosts) == {"127.0.0.1"}
    assert any(cookie["name"] == "orgcharts_token" for cookie in context.cookies())
