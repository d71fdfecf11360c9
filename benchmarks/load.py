"""Many users at once: the dashboard under gunicorn, driven by simulated browser sessions.

Run from the repository's root after `bash scripts/setup --test`:

    .venv/bin/python -m benchmarks.load [--sessions 50] [--seconds 60] [--roles 1000]
                                        [--workers N] [--threads N] [--think 0.5,2.0]

It serves a generated org (fixed seed) with `gunicorn app:server` on 127.0.0.1 only (workers and
threads from gunicorn.conf.py, the documented deployment, unless given), then runs
`--sessions` sessions side by side, each with its own connections, for `--seconds`. A session
opens the page as a browser does (the page, Dash's layout and dependencies, the first
callbacks), then repeats, with a pause of `--think` seconds (uniform) between actions: switch
decision, select a role, expand a collapsed team, a what-if grant, and now and then an
upload of its own org. Each action sends the callbacks the browser would send for it, the
chart's and the panels' at the same time. Flipping the view sends nothing: the browser does it.

It prints requests per second, errors, the callbacks answered "busy, retry" (503, over a
worker's ORGCHARTS_BUSY_LIMIT), and the p50/p95/p99 latency of each action (from its first
request to its last answer), and stops by itself (bounded in time and requests).
"""

from __future__ import annotations

import argparse
import base64
import concurrent.futures
import http.client
import json
import os
import random
import re
import runpy
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from orgcharts.examples.generate import generate
from orgcharts.loader import load_text

ROOT = Path(__file__).resolve().parents[1]
MOST_REQUESTS = 200_000
BEFORE = {
    50: "before (issue 18, 60 s, 1,000 roles): 0 errors, p50 128 ms, p95 480 ms, p99 684 ms",
    200: "before (issue 18, 60 s, 1,000 roles): 0 errors, p95 5.8 s, p99 7.8 s",
}
"""The figures issue 18 measured before its changes, printed beside this run's."""
CALLBACKS = {
    "load": "..org-source.data...org-text.data...edits.data...load-messages.children...rejected-text",
    "controls": "..decision.options",
    "chart": "..chart.figure...chart.animate...hop-headline",
    "panels": "..metrics.children",
    "what_if": "..edits.data...whatif-error.children",
}


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def outputs_of(output: str) -> list[dict[str, str]] | dict[str, str]:
    """Dash's ``outputs`` field for a callback's output string (``..a.b...c.d..`` or ``a.b``)."""

    def one(text: str) -> dict[str, str]:
        name, prop = text.split("@")[0].rsplit(".", 1)
        return {"id": name, "property": prop}

    if output.startswith(".."):
        return [one(part) for part in output[2:-2].split("...")]
    return one(output)


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.actions: dict[str, list[float]] = {}
        self.requests = 0
        self.busy = 0
        self.errors: list[str] = []

    def action(self, name: str, seconds: float) -> None:
        with self.lock:
            self.actions.setdefault(name, []).append(seconds)

    def request(self, error: str | None, busy: bool = False) -> None:
        with self.lock:
            self.requests += 1
            self.busy += busy
            if error:
                self.errors.append(error)


class Session:
    """One browser: its stores and controls, and two connections (a browser sends the
    chart's and the panels' callbacks side by side)."""

    def __init__(self, port: int, dependencies: list[dict], recorder: Recorder, org_text: str, seed: int) -> None:
        self.port = port
        self.recorder = recorder
        self.random = random.Random(seed)
        self.callbacks = {
            name: next(d for d in dependencies if re.sub(r"@[0-9a-f]+", "", d["output"]).startswith(prefix))
            for name, prefix in CALLBACKS.items()
        }
        self.connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=60) for _ in range(2)]
        self.values: dict[tuple[str, str], object] = {}
        self.refused = False
        self.org_text = org_text
        org = load_text(org_text).org
        self.decisions = [decision.id for decision in org.decisions]
        self.facing = [role.id for role in org.roles if role.customer_facing]
        self.managers = sorted({role.reports_to for role in org.roles if role.reports_to})

    def send(self, lane: int, method: str, path: str, body: str | None = None) -> tuple[int, bytes]:
        """One request; a kept-alive connection the server has closed meanwhile is opened again
        once, as a browser does, and only a second failure counts as an error."""
        headers = {"Content-Type": "application/json"} if body is not None else {}
        for attempt in (1, 2):
            try:
                self.connections[lane].request(method, path, body, headers)
                response = self.connections[lane].getresponse()
                return response.status, response.read()
            except (OSError, http.client.HTTPException):
                self.connections[lane].close()
                self.connections[lane] = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def get(self, path: str) -> bytes:
        try:
            status, body = self.send(0, "GET", path)
        except (OSError, http.client.HTTPException) as error:
            self.recorder.request(f"GET {path}: {error}")
            return b""
        self.recorder.request(None if status == 200 else f"GET {path}: {status}")
        return body

    def call(self, name: str, changed: list[str], lane: int = 0) -> None:
        dependency = self.callbacks[name]

        def props(items: list[dict]) -> list[dict]:
            return [
                {
                    "id": item["id"],
                    "property": item["property"],
                    "value": self.values.get((item["id"], item["property"])),
                }
                if not item["id"].startswith("{")
                else []
                for item in items
            ]

        payload = {
            "output": dependency["output"],
            "outputs": outputs_of(dependency["output"]),
            "inputs": props(dependency["inputs"]),
            "changedPropIds": changed,
            "state": props(dependency.get("state", [])),
        }
        try:
            status, body = self.send(lane, "POST", "/_dash-update-component", json.dumps(payload))
        except (OSError, http.client.HTTPException) as error:
            self.recorder.request(f"{name}: {error}")
            return
        if status in (204, 503):  # nothing to update, or "the server is busy, retry" (orgcharts.web.busy)
            self.refused = self.refused or status == 503
            self.recorder.request(None, busy=status == 503)
            return
        if status != 200:
            self.recorder.request(f"{name}: HTTP {status}")
            return
        self.recorder.request(None)
        if name in ("chart", "panels"):
            return  # nothing later depends on what they drew; parsing them would load the client, not the server
        for component, properties in json.loads(body).get("response", {}).items():
            for prop, value in properties.items():
                self.values[(component, prop)] = value

    def both(self, changed: list[str]) -> None:
        """The chart's and the panels' callbacks at once, as the browser sends them."""
        side = threading.Thread(target=self.call, args=("panels", changed, 1))
        side.start()
        self.call("chart", changed, 0)
        side.join()

    def timed(self, name: str, action) -> None:
        """Time ``action``; one that any callback of was refused as busy is counted apart."""
        self.refused = False
        began = time.perf_counter()
        action()
        self.recorder.action(f"{name} (told busy)" if self.refused else name, time.perf_counter() - began)

    def open(self) -> None:
        def opening() -> None:
            self.get("/")
            layout = json.loads(self.get("/_dash-layout") or b"{}")
            for component in walk(layout):
                props = component.get("props", {})
                if "id" in props and isinstance(props["id"], str):
                    for key in ("data", "value"):
                        if key in props:
                            self.values[(props["id"], key)] = props[key]
            self.get("/_dash-dependencies")
            self.call("controls", ["org-source.data"])
            self.both(["org-source.data"])

        self.timed("open the page", opening)

    def act(self) -> None:
        choice = self.random.random()
        if choice < 0.35:
            self.values[("decision", "value")] = self.random.choice(self.decisions)
            self.timed("switch decision", lambda: self.both(["decision.value"]))
        elif choice < 0.6:
            self.values[("selection", "data")] = self.random.choice(self.facing)
            self.timed("select a role", lambda: self.both(["selection.data"]))
        elif choice < 0.8:
            self.values[("expanded", "data")] = [self.random.choice(self.managers)]
            self.timed("expand a team", lambda: self.call("chart", ["expanded.data"]))
        elif choice < 0.97:

            def grant() -> None:
                self.values[("selection", "data")] = self.random.choice(self.facing)
                self.values[("grant", "n_clicks")] = (self.values.get(("grant", "n_clicks")) or 0) + 1
                self.call("what_if", ["grant.n_clicks"])
                self.both(["edits.data"])

            self.timed("what-if grant", grant)
        else:
            self.timed("upload an org", lambda: self.upload(self.org_text, "mine.yaml"))

    def upload(self, text: str, name: str) -> None:
        """Upload ``text`` as a file called ``name``, as the browser does once the upload is
        confirmed (``upload-chosen``), then draw what it loaded."""
        self.values[("upload", "contents")] = "data:text/yaml;base64," + base64.b64encode(text.encode()).decode()
        self.values[("upload", "filename")] = name
        self.values[("upload-chosen", "data")] = int(self.values.get(("upload-chosen", "data")) or 0) + 1
        self.call("load", ["upload-chosen.data"])
        self.both(["org-source.data"])


def walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.get("props", {}).values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--workers", type=int, help="default: gunicorn.conf.py's")
    parser.add_argument("--threads", type=int, help="default: gunicorn.conf.py's")
    parser.add_argument("--think", default="0.5,2.0", help="seconds between a session's actions: LOW,HIGH")
    options = parser.parse_args()
    low, high = (float(part) for part in options.think.split(","))
    text = generate(options.roles)
    recorder = Recorder()
    with tempfile.TemporaryDirectory() as folder:
        org_file = Path(folder, "org.yaml")
        org_file.write_text(text, encoding="utf-8")
        port = free_port()
        documented = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
        workers, threads = options.workers or documented["workers"], options.threads or documented["threads"]
        command = [
            sys.executable, "-m", "gunicorn", "app:server", "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--threads", str(threads), "--log-level", "warning",
        ]  # fmt: skip
        served_env = {**os.environ, "ORGCHARTS_FILE": str(org_file), "ORGCHARTS_DATA_DIR": str(Path(folder, "data"))}
        server = subprocess.Popen(command, cwd=ROOT, env=served_env)
        try:
            wait_for(port)
            probe = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            probe.request("GET", "/_dash-dependencies")
            dependencies = json.loads(probe.getresponse().read())
            deadline = time.monotonic() + options.seconds

            def run_session(number: int) -> None:
                session = Session(port, dependencies, recorder, text, number)
                time.sleep(session.random.uniform(0, low + high))  # sessions arrive over a moment, not at once
                session.open()
                while time.monotonic() < deadline and recorder.requests < MOST_REQUESTS:
                    time.sleep(session.random.uniform(low, high))
                    session.act()

            began = time.monotonic()
            with concurrent.futures.ThreadPoolExecutor(max_workers=options.sessions) as pool:
                list(pool.map(run_session, range(options.sessions)))
            elapsed = time.monotonic() - began
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(
        f"{options.sessions} sessions, {options.roles:,} roles, gunicorn {workers} workers x "
        f"{threads} threads, think {low}-{high} s, {elapsed:.0f} s: {recorder.requests:,} requests, "
        f"{recorder.requests / elapsed:.1f} per second, {len(recorder.errors)} errors, "
        f"{recorder.busy:,} answered 'busy, retry' (503)"
    )
    print("\n| action | count | p50 ms | p95 ms | p99 ms | mean ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, times in sorted(recorder.actions.items()):
        cells = [percentile(times, share) * 1000 for share in (0.5, 0.95, 0.99)]
        print(
            f"| {name} | {len(times):,} | "
            + " | ".join(f"{cell:.0f}" for cell in cells)
            + f" | {statistics.mean(times) * 1000:.0f} |"
        )
    served = [seconds for name, times in recorder.actions.items() if "busy" not in name for seconds in times]
    if served:
        cells = [percentile(served, share) * 1000 for share in (0.5, 0.95, 0.99)]
        print(f"| every action served | {len(served):,} | " + " | ".join(f"{cell:.0f}" for cell in cells) + " | |")
    if options.sessions in BEFORE:
        print("\n" + BEFORE[options.sessions])
    print(f"load average at the end: {', '.join(f'{load:.2f}' for load in os.getloadavg())}")
    for error in recorder.errors[:10]:
        print("error:", error)


def wait_for(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the server did not answer within 60 s")


if __name__ == "__main__":
    main()
