"""What a worker agrees to compute at once: at most ``budget.busy_limit()`` callbacks, each
within ``budget.analyse_seconds()``.

A callback that finds no place within ``budget.busy_wait()``, counting the time it already
waited in gunicorn's queue (``orgcharts.queuedworker``), is answered with 503 and
``Retry-After`` ("the server is busy, retry in a few seconds") instead of waiting behind the
others for as long as they take: the browser keeps the stores it has (its org, edits and
drafts are untouched) and the same action works once the worker is free. Pages, layouts and
assets are cheap and never refused.
"""

from __future__ import annotations

from dash import Dash
from flask import Response, g, request

from orgcharts.budget import BUSY_MESSAGE, InFlight, analyse_seconds, end_time_limit, start_time_limit

RETRY_AFTER_SECONDS = 2
QUEUED_ENVIRON = "HTTP_X_ORGCHARTS_QUEUED_SECONDS"
"""How long the request waited for a thread before reaching the app, as
``orgcharts.queuedworker`` (gunicorn.conf.py's worker) says; absent elsewhere."""


def queued_seconds(environ: dict[str, object]) -> float:
    """The seconds a request waited in the server's queue, 0 when the server does not say."""
    try:
        return max(0.0, float(str(environ.get(QUEUED_ENVIRON, 0))))
    except ValueError:
        return 0.0


def limit_callbacks(app: Dash, in_flight: InFlight, seconds: float | None = None) -> None:
    """Bound ``app``'s callbacks by ``in_flight`` and give each a time budget of ``seconds``
    (default ``analyse_seconds()``). Register it after the access check, so a stranger is
    refused (403) before being told anything."""
    server = app.server
    callback_path = app.config.routes_pathname_prefix + "_dash-update-component"
    budget = analyse_seconds() if seconds is None else seconds

    @server.before_request
    def admit_callback() -> Response | None:
        if request.path != callback_path:
            return None
        if not in_flight.enter(already_waited=queued_seconds(request.environ)):
            busy = Response(BUSY_MESSAGE + "\n", status=503, mimetype="text/plain")
            busy.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return busy
        g.orgcharts_admitted = start_time_limit(budget)
        return None

    @server.teardown_request
    def release_callback(_error: BaseException | None) -> None:
        token = g.pop("orgcharts_admitted", None)
        if token is not None:
            end_time_limit(token)
            in_flight.leave()
