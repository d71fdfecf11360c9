"""gunicorn's threaded worker, telling the app how long each request waited for a thread.

gunicorn hands a worker's requests to its threads through a queue the app cannot see: under
more load than the machine answers, a request can wait there for many seconds before any of
the app's code runs, and the app's own bound (``orgcharts.web.busy``) would only ever see the
requests that already waited. This worker stamps the time a request became ready to be read
and passes the seconds it then waited for a thread as the ``X-Orgcharts-Queued-Seconds``
header (any such header the client sent is dropped first), so that a callback that already waited its share
is answered "busy, retry" at once and the queue drains. gunicorn.conf.py selects it.

The wait ends when a thread takes the connection, not when the request has been read: a new
connection is handed to a thread as soon as it is accepted, and browsers open connections
before they have anything to send on them; that idle time is the client's, not the queue's.
"""

from __future__ import annotations

import time
from typing import Any

from gunicorn.workers.gthread import ThreadWorker

QUEUED_HEADER = "X-ORGCHARTS-QUEUED-SECONDS"
"""Read back as ``orgcharts.web.busy.QUEUED_ENVIRON``."""


class QueueTimedWorker(ThreadWorker):
    """``gthread``, plus the queued seconds of each request (``QUEUED_HEADER``)."""

    def enqueue_req(self, conn: Any) -> None:
        conn.orgcharts_ready_at = time.monotonic()
        super().enqueue_req(conn)

    def handle(self, conn: Any) -> Any:
        taken_at = time.monotonic()
        conn.orgcharts_queued = taken_at - getattr(conn, "orgcharts_ready_at", taken_at)
        return super().handle(conn)

    def handle_request(self, req: Any, conn: Any) -> Any:
        waited = getattr(conn, "orgcharts_queued", 0.0)
        kept = [(name, value) for name, value in req.headers if name.upper() != QUEUED_HEADER]
        req.headers = [*kept, (QUEUED_HEADER, f"{waited:.3f}")]
        return super().handle_request(req, conn)
