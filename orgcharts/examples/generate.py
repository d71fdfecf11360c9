"""Generated orgs shaped like real ones, for tests and benchmarks alike: a fixed seed, spans
of 2 to 25, six to nine layers, a front line that serves customers and authority that thins
out towards it. ``python -m orgcharts.examples.generate 10000 > org.yaml`` writes one;
``--figures`` adds the diagnostic figures (docs/format.md) to it."""

from __future__ import annotations

import random
import sys

SEGMENTS = ("consumers", "business", "partners")


WEIGHTS = {"consumers": 0.5, "business": 0.35, "partners": 0.15}
FIGURED_DECISIONS = (
    "  - {id: refund, name: Refund, unit: USD, requests: {per_person_per_week: 3, "
    "amounts: [{amount: 25, share: 0.6}, {amount: 200, share: 0.3}, {amount: 2000, share: 0.1}]}}",
    "  - {id: exception, name: Policy exception, requests: {per_person_per_week: 0.5}}",
)


def generate(roles: int, seed: int = 7, *, figures: bool = False) -> str:
    """YAML text of an org with ``roles`` roles (at least 2); with ``figures``, with segment
    weights, hours per hop, request rates and mixes, pay, tenure, training and purposes too
    (the same org otherwise: the figures are drawn from a generator of their own)."""
    rng = random.Random(seed)
    drawn = random.Random(seed + 1) if figures else None
    depth_goal = 6 + min(3, max(0, len(str(roles)) - 3))
    weight = (lambda segment: f", weight: {WEIGHTS[segment]}") if figures else (lambda segment: "")
    decisions = (
        FIGURED_DECISIONS
        if figures
        else ("  - {id: refund, name: Refund, unit: USD}", "  - {id: exception, name: Policy exception}")
    )
    lines = [
        f"organization: Generated {roles:,}",
        "customers:",
        *(f"  - {{id: {segment}, name: {segment.title()}{weight(segment)}}}" for segment in SEGMENTS),
        "decisions:",
        *decisions,
        *(["escalation: {hours_per_hop: 4}"] if figures else []),
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
                lines.append(_role(made, manager, depth + 1, depth_goal, rng, drawn))
                made += 1
        frontier = next_frontier or frontier
    return "\n".join(lines) + "\n"


def _role(
    number: int, manager: int, depth: int, depth_goal: int, rng: random.Random, drawn: random.Random | None
) -> str:
    parts = [f"id: r{number}", f"title: Role {number} level {depth}", f"reports_to: r{manager}"]
    front_line = depth >= depth_goal - 2
    if drawn is not None:
        pay = 30000 + 12000 * max(0, depth_goal - depth) + drawn.randint(0, 8000)
        parts.append(f"pay: {pay}, tenure_years: {drawn.randint(5, 120) / 10}, training_hours: {drawn.randint(8, 60)}")
    if front_line:
        parts.append(f"headcount: {rng.randint(1, 40)}")
        if rng.random() < 0.7:
            served = rng.sample(SEGMENTS, rng.randint(1, 2))
            if drawn is not None:
                purposes = ("acquisition", "retention", "service")
                served = [f"{{segment: {segment}, for: {drawn.choice(purposes)}}}" for segment in served]
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
    arguments = [argument for argument in sys.argv[1:] if argument != "--figures"]
    sys.stdout.write(generate(int(arguments[0]) if arguments else 1000, figures="--figures" in sys.argv))
