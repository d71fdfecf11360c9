"""A server process and Debian's Chromium, as the benchmarks (and the browser tests, which
import them from here) drive them: nothing here imports a test."""

import contextlib
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from orgcharts.figures import TRACE_ROLES

ROOT = Path(__file__).resolve().parents[1]
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
ROLES_TRACE = TRACE_ROLES
PLAIN_JS = """const plain = (v) => {
    if (v && ArrayBuffer.isView(v)) { return Array.from(v, (n) => (Number.isNaN(n) ? null : n)); }
    if (!v || typeof v.bdata !== 'string') { return v; }
    const types = {f8: Float64Array, f4: Float32Array, i1: Int8Array, u1: Uint8Array,
                   i2: Int16Array, u2: Uint16Array, i4: Int32Array, u4: Uint32Array};
    return Array.from(new types[v.dtype](Uint8Array.from(atob(v.bdata), (c) => c.charCodeAt(0)).buffer),
                      (n) => (Number.isNaN(n) ? null : n));
};"""
"""Defines ``plain(value)`` in page scripts: a trace's array as a list, whether the figure
sent it as a list or as a base64 typed array (how Plotly sends number arrays)."""


class ServerError(RuntimeError):
    """The server exited early or did not answer."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_log(port) -> Path:
    """Where ``running`` writes what the server prints."""
    return Path(os.environ.get("TMPDIR", "/tmp")) / f"orgcharts-server-{port}.log"


@contextlib.contextmanager
def running(command, port, env=None, cwd=ROOT):
    """Run a server command until the block ends; yield its base URL once it answers.
    Raises ``ServerError`` if it exits first or does not answer within 90 s (a 100,000-role
    org loads, is measured and drawn once before the server answers; slower on a busy machine)."""
    log = open(server_log(port), "w+")  # noqa: SIM115
    process = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                log.seek(0)
                raise ServerError(f"server exited early: {log.read()[-2000:]}")
            try:
                urllib.request.urlopen(url + "/", timeout=1)
                break
            except urllib.error.HTTPError:
                break  # it answers, if only to refuse (a server that wants a token)
            except OSError:
                if time.monotonic() > deadline:
                    raise ServerError("server did not answer in time") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def role_screen_point(page, role_id):
    """Where the middle of the role's card text is on screen, from Plotly's own axis transforms."""
    return page.evaluate(
        """(id) => { const g = document.querySelector('#chart .js-plotly-plot'); """
        + PLAIN_JS
        + f"""
        const t = g.data[{ROLES_TRACE}]; const i = t.customdata.findIndex((c) => c[0] === id);
        const xa = g._fullLayout.xaxis, ya = g._fullLayout.yaxis;
        const box = g.querySelector('.nsewdrag').getBoundingClientRect();
        return [box.left + xa.l2p(plain(t.x)[i]), box.top + ya.l2p(plain(t.y)[i])]; }}""",
        role_id,
    )
