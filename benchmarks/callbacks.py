"""What each action of `benchmarks.load` costs the server, in CPU time, with no one else's load.

Run from the repository's root after `bash scripts/setup --test`:

    .venv/bin/python -m benchmarks.callbacks [--roles 1000] [--rounds 30] [--profile ACTION]

It builds the app in this process on a generated org (fixed seed, as `benchmarks.load` serves),
opens one session per round with Flask's test client and sends, one after the other, exactly the
requests `benchmarks.load` sends for each action (its `Session`). Every round is a new session
with its own what-if grant, as 50 sessions are; the decision, role and team are drawn from the
same seeds. It prints, per action, the callbacks it fires and the median and mean CPU
milliseconds (`time.process_time`, this process only: another engineer's work on the shared
cores changes the wall clock, not this). `--profile ACTION` prints cProfile's top functions
for that action ("open the page", "switch decision", ...) instead.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import time

from benchmarks.load import Recorder, Session
from orgcharts.examples.generate import generate
from orgcharts.web import create_app


class InProcess(Session):
    """`benchmarks.load`'s session sent through Flask's test client, one request at a time."""

    def __init__(self, client, dependencies: list[dict], org_text: str, seed: int) -> None:
        super().__init__(0, dependencies, Recorder(), org_text, seed)
        self.client = client
        self.cpu: dict[str, list[float]] = {}
        self.posts = 0
        self.profiler: cProfile.Profile | None = None
        self.profiled = ""

    def send(self, lane: int, method: str, path: str, body: str | None = None) -> tuple[int, bytes]:
        self.posts += method == "POST"
        answer = self.client.open(path, method=method, data=body, content_type="application/json")
        return answer.status_code, answer.data

    def both(self, changed: list[str]) -> None:
        self.call("chart", changed)
        self.call("panels", changed)

    def timed(self, name: str, action) -> None:
        posts = self.posts
        profiling = self.profiler is not None and name == self.profiled
        began = time.process_time()
        if profiling:
            self.profiler.enable()
        action()
        if profiling:
            self.profiler.disable()
        self.cpu.setdefault(name, []).append((time.process_time() - began) * 1000)
        self.cpu.setdefault(f"{name} callbacks", []).append(self.posts - posts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--profile", help="an action's name: print its cProfile instead")
    options = parser.parse_args()
    text = generate(options.roles)
    app = create_app(text, "org.yaml")
    client = app.server.test_client()
    dependencies = json.loads(client.get("/_dash-dependencies").data)
    cpu: dict[str, list[float]] = {}
    profiler = cProfile.Profile() if options.profile else None
    actions = {
        "switch decision": 0.1,
        "select a role": 0.5,
        "expand a team": 0.7,
        "what-if grant": 0.9,
        "upload an org": 0.99,
    }
    for seed in range(options.rounds):
        session = InProcess(client, dependencies, text, seed)
        session.profiler, session.profiled = profiler, options.profile or ""
        session.open()
        for name, draw in actions.items():
            session.random.random = lambda draw=draw: draw  # pick this action; other draws stay seeded
            session.act()
            del session.random.random
            assert name in session.cpu, name
        for name, values in session.cpu.items():
            cpu.setdefault(name, []).extend(values)
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        return
    print(f"{options.roles:,} roles, {options.rounds} sessions, one action of each kind per session, in process")
    print("\n| action | callbacks | CPU ms median | CPU ms mean |")
    print("| --- | ---: | ---: | ---: |")
    for name in ("open the page", *actions):
        times = cpu[name]
        posts = statistics.median(cpu[f"{name} callbacks"])
        print(f"| {name} | {posts:.0f} | {statistics.median(times):.1f} | {statistics.mean(times):.1f} |")


if __name__ == "__main__":
    main()
