"""What every response of the dashboard's server carries, and who may ask for one.

- Security headers on every response: a Content-Security-Policy allowing only what the app
  needs (its own scripts, Dash's own inline script by its hash), no sniffing, no referrer
  (the token never leaks through one), and no framing.
- An access token, when the server listens beyond this machine: every request (pages, Dash's
  callbacks, assets, component scripts) must carry it, as ``?token=`` (then kept in an
  HttpOnly cookie and dropped from the address), the cookie, or ``Authorization: Bearer``.
"""

from __future__ import annotations

import hmac
from urllib.parse import quote, urlencode

from dash import Dash
from flask import Response, redirect, request

TOKEN_COOKIE = "orgcharts_token"


def content_security_policy(app: Dash) -> str:
    """The policy for the app's pages: scripts only from the server itself and Dash's own
    inline script by its hash, never inline or eval'd code otherwise (our clientside
    callbacks are functions in ``assets/``); styles inline too, which Plotly sets on every
    element it draws."""
    scripts = " ".join(["'self'", *app.csp_hashes()])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def protect(app: Dash, token: str | None) -> None:
    """Add the headers to every response of ``app``'s server and, with ``token``, refuse
    requests without it (403). Call it whenever: the app has no inline script of its own
    (clientside callbacks are ``ClientsideFunction``s), so callbacks registered later
    change nothing the policy allows."""
    server = app.server
    policy = content_security_policy(app)

    @server.before_request
    def check_token() -> Response | None:
        if token is None:
            return None
        from_query = request.args.get("token")
        given = from_query or request.cookies.get(TOKEN_COOKIE) or _bearer(request.headers.get("Authorization"))
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            message = "403 Forbidden: open the dashboard with the link its server printed (it carries the token).\n"
            return Response(message, status=403, mimetype="text/plain")
        if from_query is not None and request.method == "GET":
            others = [(key, value) for key, value in request.args.items(multi=True) if key != "token"]
            moved = redirect(same_server_location(request.path, urlencode(others)), code=303)
            moved.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict", secure=request.is_secure)
            return moved
        return None

    @server.after_request
    def add_headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response


def same_server_location(path: str, query: str = "") -> str:
    """A Location header for ``path`` (as the server decoded it) on this server, and no other.

    Browsers read a Location that starts with two slashes, or a slash and a backslash, as
    another host, and drop tabs and newlines first (so ``/<tab>/evil.example/`` is
    ``//evil.example/``): one leading slash is kept and every other character that is not
    plainly part of a path is percent-encoded."""
    location = "/" + quote(path.lstrip("/"), safe="/:@!$&'()*+,;=-._~")
    return f"{location}?{query}" if query else location


def _bearer(header: str | None) -> str | None:
    if header and header.lower().startswith("bearer "):
        return header[7:].strip()
    return None
