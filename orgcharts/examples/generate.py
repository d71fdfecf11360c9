"""Generated orgs shaped like real ones, for tests and benchmarks alike: a fixed seed, spans
of 2 to 25, six to nine layers, a front line that serves customers and authority that thins
out towards it. ``python -m orgcharts.examples.generate 10000 > org.yaml`` writes one."""

from __future__ import annotations

import random
import sys

SEGMENTS = ("consumers", "business", "partners")


def generate(roles: int, seed: int = 7) -> str:
    """YAML text of an org with ``roles`` roles (at least 2)."""
    rng = random.Random(seed)
    depth_goal = 6 + min(3, max(0, len(str(roles)) - 3))
    lines = [
        f"organization: Generated {roles:,}",
        "customers:",
        *(f"  - {{id: {segment}, name: {segment.title()}}}" for segment in SEGMENTS),
        "decisions:",
        "  - {id: refund, name: Refund, unit: USD}",
        "  - {id: exception, name: Policy exception}",
        "roles:",
        "  - {id: r0, title: Chief Executive Officer, decides: [refund, exception]}",
    ]
    frontier = [(0, 0)]
    made = 1
    while made < roles:
        next_frontier = []
        for manager, depth in frontier:
            if made >= roles:
                break
            low, high = (2, 8) if depth < depth_goal - 3 else (4, 25)
            for _ in range(rng.randint(low, high)):
                if made >= roles:
                    break
                next_frontier.append((made, depth + 1))
                lines.append(_role(made, manager, depth + 1, depth_goal, rng))
                made += 1
        frontier = next_frontier or frontier
    return "\n".join(lines) + "\n"


def _role(number: int, manager: int, depth: int, depth_goal: int, rng: random.Random) -> str:
    parts = [f"id: r{number}", f"title: Role {number} level {depth}", f"reports_to: r{manager}"]
    front_line = depth >= depth_goal - 2
    if front_line:
        parts.append(f"headcount: {rng.randint(1, 40)}")
        if rng.random() < 0.7:
            served = rng.sample(SEGMENTS, rng.randint(1, 2))
            parts.append(f"serves: [{', '.join(served)}]")
    authority = []
    if depth <= 2:
        authority = ["refund", "exception"]
    elif rng.random() < 0.5:
        limit = {3: 5000, 4: 1000}.get(depth, 200 if not front_line else 25)
        authority = [f"{{decision: refund, limit: {limit}}}"]
    if authority:
        parts.append(f"decides: [{', '.join(authority)}]")
    return "  - {" + ", ".join(parts) + "}"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
