"""The rules of the diagnostic keys that no schema says: a request mix's shares sum to 1
and its amounts need a unit, a segment is served once per role, and weights are given for
every segment or none."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from orgcharts.amounts import number

SHARE_TOLERANCE = 1e-6
"""How far a request mix's shares may sum from 1 (rounding in a spreadsheet export)."""

Path = tuple[str | int, ...]
Problem = tuple[str, str, Path, bool]
"""severity, message, path and whether the message points at the key (``validate.Finding``'s fields)."""


def served_segment(entry: Any) -> Any:
    """The segment id a ``serves`` entry names: the entry itself, or its ``segment``."""
    return entry.get("segment") if isinstance(entry, dict) else entry


def diagnosis_problems(
    decisions: list[tuple[int, dict[str, Any]]],
    roles: list[tuple[int, dict[str, Any]]],
    segments: list[tuple[int, dict[str, Any]]],
) -> Iterator[Problem]:
    """Every problem of the request mixes, the ``serves`` entries and the segments' weights."""
    for index, decision in decisions:
        yield from _mix(index, decision)
    for index, role in roles:
        yield from _served_twice(index, role)
    yield from _weights(segments)


def _mix(index: int, decision: dict[str, Any]) -> Iterator[Problem]:
    requests = decision.get("requests")
    amounts = requests.get("amounts") if isinstance(requests, dict) else None
    if not isinstance(amounts, list) or not amounts:
        return
    path: Path = ("decisions", index, "requests", "amounts")
    name = decision.get("id")
    if "unit" not in decision:
        yield (
            "error",
            (
                f"decision '{name}' has no unit, so its requests cannot ask for amounts; "
                "give the decision a unit or remove amounts"
            ),
            path,
            True,
        )
        return
    entries = [entry for entry in amounts if isinstance(entry, dict)]
    shares = [entry.get("share") for entry in entries]
    if len(entries) < len(amounts) or not all(_is_number(share) for share in shares):
        return  # the schema has said what is wrong with the entries
    total = math.fsum(shares)
    if abs(total - 1) > SHARE_TOLERANCE:
        yield (
            "error",
            (
                f"the shares of the request amounts of decision '{name}' sum to {total:.6g}, not 1; "
                "make them add up to 1 (0.6, 0.3 and 0.1, say)"
            ),
            path,
            True,
        )
    seen: set[float] = set()
    for position, entry in enumerate(amounts):
        amount = entry.get("amount")
        if _is_number(amount) and amount in seen:
            yield (
                "error",
                (
                    f"the request amounts of decision '{name}' list {number(amount)} twice; "
                    "give each amount once with its whole share"
                ),
                (*path, position, "amount"),
                False,
            )
        seen.add(amount)


def _served_twice(index: int, role: dict[str, Any]) -> Iterator[Problem]:
    served = role.get("serves")
    if not isinstance(served, list):
        return
    first: dict[str, Any] = {}
    for position, entry in enumerate(served):
        segment = served_segment(entry)
        if not isinstance(segment, str):
            continue
        # the same entry twice is the schema's uniqueItems error; one segment in two forms is ours
        if segment in first and first[segment] != entry:
            yield (
                "error",
                (
                    f"role '{role.get('id')}' serves '{segment}' twice; list each segment once, "
                    "with the purpose it is served for"
                ),
                ("roles", index, "serves", position),
                False,
            )
        first.setdefault(segment, entry)


def _weights(segments: list[tuple[int, dict[str, Any]]]) -> Iterator[Problem]:
    weighted = [segment for _, segment in segments if _is_number(segment.get("weight"))]
    if not weighted:
        return
    for index, segment in segments:
        if "weight" not in segment:
            yield (
                "warning",
                (
                    f"customer segment '{segment.get('id')}' has no weight while others have one: "
                    "its attention cannot be set against how much it matters; give it a weight"
                ),
                ("customers", index, "id"),
                False,
            )
    if all(segment["weight"] == 0 for segment in weighted):
        yield (
            "warning",
            (
                "every customer segment's weight is 0, so attention cannot be set against them; "
                "give the segments that matter a weight above 0"
            ),
            ("customers",),
            True,
        )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
