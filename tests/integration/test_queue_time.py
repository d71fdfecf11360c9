"""The time a request waits for a thread (orgcharts/queuedworker.py) is the time it was ready
and no thread took it, never the time the browser held an open connection before sending:
browsers open connections ahead of need, and a callback sent on one of those must not be
told the server is busy when no one else is using it. A request that did wait for a thread
is told so at once."""

import socket
import time

from orgcharts.budget import busy_wait
from tests.integration.conftest import free_port, running
from tests.integration.servers import gunicorn

BODY = b'{"output": "nothing.children", "outputs": {"id": "nothing", "property": "children"}, "inputs": []}'


REQUEST = (
    b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    + f"Content-Length: {len(BODY)}\r\nConnection: close\r\n\r\n".encode()
    + BODY
)


def status(connection):
    return int(connection.recv(4096).split(b" ", 2)[1])


def status_after_idle(port, idle_seconds):
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        time.sleep(idle_seconds)
        connection.sendall(REQUEST)
        return status(connection)


def test_a_callback_sent_on_a_connection_opened_early_is_not_told_busy():
    port = free_port()
    with running(gunicorn(port, 1), port):
        assert status_after_idle(port, 0) != 503
        idle = busy_wait() + 1.5
        assert status_after_idle(port, idle) != 503, f"an idle server said busy after a {idle} s open connection"


def test_a_callback_that_waited_for_the_only_thread_is_told_busy_at_once():
    port = free_port()
    with (
        running([*gunicorn(port, 1), "--threads", "1"], port),
        socket.create_connection(("127.0.0.1", port), timeout=30) as slow,
    ):
        slow.sendall(REQUEST[:20])  # the only thread now reads this request, slowly
        time.sleep(0.5)
        with socket.create_connection(("127.0.0.1", port), timeout=30) as waiting:
            waiting.sendall(REQUEST)
            time.sleep(busy_wait() + 1)
            slow.sendall(REQUEST[20:])
            assert status(slow) != 503
            assert status(waiting) == 503
