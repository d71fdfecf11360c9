"""The production WSGI server the dashboard runs on: waitress (pure Python, no development
server warning), for ``orgcharts serve`` and ``python app.py`` alike.

``serve_wsgi(app.server, host, port)`` (``listen`` then ``run``) serves a Dash app's Flask server, so every request
passes through what ``orgcharts.web.security.protect`` added to it (the headers and the
access token) exactly as under gunicorn. It returns when Ctrl+C stops it, and raises
``ServingError`` when it cannot listen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from waitress.server import create_server

from orgcharts.errors import ServingError

THREADS = 8
"""Requests answered at once: a slow callback (a big org's first measure) leaves threads to
answer the page, its assets and other sessions."""

WSGIApp = Callable[..., Any]


def listen(app: WSGIApp, host: str, port: int, *, threads: int = THREADS) -> Any:
    """A waitress server for ``app`` bound to ``host``:``port``, not yet answering (``run`` it)."""
    try:
        return create_server(app, host=host, port=port, threads=threads, ident="orgcharts")
    except OSError as error:
        reason = error.strerror or str(error)
        raise ServingError(f"cannot listen on {host}:{port}: {reason}; choose another port with --port") from None


def run(server: Any) -> None:
    """Answer requests until Ctrl+C (or SIGTERM), then close quietly."""
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def serve_wsgi(app: WSGIApp, host: str, port: int, *, threads: int = THREADS) -> None:
    """Serve ``app`` on ``host``:``port`` until Ctrl+C: ``listen`` then ``run``."""
    run(listen(app, host, port, threads=threads))
