"""gunicorn's settings for the dashboard, read by `gunicorn app:server` started in this folder.

Command-line options override these (docs/deploy.md). Whatever the bind, a server that other
machines can reach must require the access token: gunicorn refuses to start on an address
other than loopback unless ORGCHARTS_TOKEN is set, or ORGCHARTS_TRUSTED_NETWORK=1 says that
everyone who can reach it may see the org.
"""

import os

from orgcharts.access import TOKEN_ENV, TRUSTED_NETWORK_ENV, unguarded_binds

bind = ["127.0.0.1:8050"]
workers = 3
threads = 8
"""Twice the callbacks a worker computes at once (ORGCHARTS_BUSY_LIMIT, 4): a callback over
that bound finds a thread free to answer "busy, retry" at once instead of waiting in a queue."""
timeout = 120
worker_class = "orgcharts.queuedworker.QueueTimedWorker"
"""gthread, telling the app how long each request waited for a thread (orgcharts/queuedworker.py)."""


def on_starting(server) -> None:  # noqa: ANN001 (gunicorn's Arbiter)
    unguarded = unguarded_binds(server.cfg.address, os.environ)
    if unguarded:
        server.log.error(
            "orgcharts: refusing to serve %s without an access token: the org would be open to every "
            "machine that can reach it. Set %s (docs/deploy.md), bind to 127.0.0.1, or set %s=1 on a "
            "network where everyone may see the org.",
            ", ".join(unguarded),
            TOKEN_ENV,
            TRUSTED_NETWORK_ENV,
        )
        raise SystemExit(3)
    if os.environ.get(TRUSTED_NETWORK_ENV) == "1" and not os.environ.get(TOKEN_ENV):
        server.log.warning("orgcharts: %s=1: serving without an access token", TRUSTED_NETWORK_ENV)
