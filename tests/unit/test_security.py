"""Security headers on every response, the access token on every route, and errors that
never show a stack trace or a server path (Flask's test client: no browser, no network)."""

import json
import logging
import re
from urllib.parse import urljoin, urlsplit

import pytest

from orgcharts.access import needs_token, new_token
from orgcharts.web import create_app
from orgcharts.web.security import TOKEN_COOKIE

TOKEN = "s3cret-token-for-tests"
OPEN = create_app().server.test_client()
GUARDED_APP = create_app(token=TOKEN)


def routes(client):
    """One request of each kind a browser makes: the page, Dash's layout and dependencies,
    a callback, an asset and a component script."""
    page = OPEN.get("/").get_data(as_text=True)
    component = re.search(r'src="(/_dash-component-suites/[^"?]+)', page).group(1)
    return [
        client.get("/"),
        client.get("/_dash-layout"),
        client.get("/_dash-dependencies"),
        client.post("/_dash-update-component", json={"output": "x.children", "inputs": [], "changedPropIds": []}),
        client.get("/assets/orgcharts.css"),
        client.get(component),
    ]


@pytest.mark.parametrize("index", range(6))
def test_every_response_carries_the_security_headers(index):
    response = routes(OPEN)[index]
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_policy_allows_each_of_dashs_inline_scripts_by_hash():
    page = OPEN.get("/")
    policy = page.headers["Content-Security-Policy"]
    for digest in create_app().csp_hashes():
        assert digest in policy


def test_no_script_of_ours_is_inline_so_the_policy_does_not_depend_on_when_it_is_made():
    """Clientside callbacks are functions in assets/: the only inline script the policy
    allows is the one every Dash page has, whatever was registered before or after."""
    from dash import Dash

    from orgcharts.web.security import content_security_policy

    bare = Dash(__name__)
    assert create_app().csp_hashes() == bare.csp_hashes()
    assert content_security_policy(create_app()) == content_security_policy(bare)


def test_without_the_token_every_route_is_refused():
    client = GUARDED_APP.server.test_client()
    for response in routes(client):
        assert response.status_code == 403, response.request.path
        assert "link its server printed" in response.get_data(as_text=True)
    assert client.get("/?token=wrong").status_code == 403


def test_the_token_in_the_link_becomes_a_cookie_and_leaves_the_address():
    client = GUARDED_APP.server.test_client()
    arrived = client.get(f"/?present=1&token={TOKEN}")
    assert arrived.status_code == 303 and arrived.headers["Location"] == "/?present=1"
    cookie = client.get_cookie(TOKEN_COOKIE)
    assert cookie.value == TOKEN and cookie.http_only and cookie.same_site == "Strict"
    assert all(response.status_code == 200 for response in routes(client)[:3])
    assert routes(client)[4].status_code == 200


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/\t/evil.example/", "/%09/evil.example/"),
        ("//evil.example/", "/evil.example/"),
        ("///evil.example/x", "/evil.example/x"),
        ("/\\evil.example/", "/%5Cevil.example/"),
        ("/\\\\evil.example/", "/%5C%5Cevil.example/"),
        ("/caf\u00c3\u00a9/50%", "/caf%C3%A9/50%25"),  # WSGI paths are UTF-8 bytes read as Latin-1
        ("/assets/orgcharts.css", "/assets/orgcharts.css"),
    ],
)
def test_the_token_redirect_stays_on_this_server(path, location):
    """A browser reads a Location of ``//host``, ``/\\host`` or ``/<tab>/host`` as another
    server: the path it is sent back to is always one of this server's. (``path`` is the
    decoded path the server sees, as a request for ``/%09/evil.example/`` arrives.)"""
    client = GUARDED_APP.server.test_client()
    arrived = client.get("/", query_string={"token": TOKEN, "present": "1"}, environ_overrides={"PATH_INFO": path})
    assert arrived.status_code == 303
    assert arrived.headers["Location"] == f"{location}?present=1"
    assert urlsplit(urljoin("http://dashboard.test/", arrived.headers["Location"])).netloc == "dashboard.test"


def test_a_bearer_token_works_for_scripts_and_tools():
    client = GUARDED_APP.server.test_client()
    assert client.get("/_dash-layout", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.get("/_dash-layout", headers={"Authorization": "Bearer nope"}).status_code == 403


@pytest.mark.parametrize(
    ("host", "needed"),
    [("127.0.0.1", False), ("localhost", False), ("::1", False), ("127.0.0.2", False), ("0.0.0.0", True),
     ("192.168.1.20", True), ("::", True), ("workshop.local", True)],
)  # fmt: skip
def test_a_token_is_needed_beyond_loopback(host, needed):
    assert needs_token(host) is needed


def test_generated_tokens_are_long_and_different():
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50 and min(len(token) for token in tokens) >= 32


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        json.dumps({"output": "chart.figure", "inputs": [{"id": "org-source", "property": "data", "value": 1}]}),
        json.dumps({"output": "..nope.children...x.y..", "outputs": [], "inputs": [], "state": []}),
    ],
)
def test_a_broken_callback_request_shows_no_stack_trace_or_server_path(body, caplog):
    with caplog.at_level(logging.ERROR):
        response = OPEN.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code >= 400
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and ".py" not in text and "/work" not in text and "site-packages" not in text


def test_an_oversized_request_is_refused_before_it_is_read():
    small = create_app(max_bytes=1000).server.test_client()
    response = small.post("/_dash-update-component", data=b"x" * 200_000, content_type="application/json")
    assert response.status_code == 413
