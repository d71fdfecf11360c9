"""Who faces the customer and how the org attends to them: the front line's pay, tenure and
training by distance from the customer, attention per segment against its weight, span
bands, and the layers between the top and the front line.

Pure functions of the model, linear in the number of roles (the weighted median is found
by selection, not by sorting). The definitions are in docs/diagnostics.md.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from orgcharts.graph import depths
from orgcharts.metrics.structure import line_of_sight, spans
from orgcharts.model import PURPOSES, Organization, Purpose

FIGURES = ("pay", "tenure_years", "training_hours")
"""The role figures whose front-line conditions are measured."""
SIGHT_GROUPS = ("0", "1", "2", "3+", "none")
"""Line-of-sight groups: customer-facing, 1, 2, 3 or more steps from a customer-facing
role, and no line of sight at all."""
SPAN_BANDS = (("1", 1, 1), ("2-3", 2, 3), ("4-7", 4, 7), ("8-12", 8, 12), ("13-16", 13, 16), ("17+", 17, None))
UNDER_SERVED = 0.5
"""A segment whose share of the customer-facing headcount is under half its weight is under-served."""
DOMINANT = 2.0
"""One whose share is over twice its weight is dominant."""


def weighted_median(values: Sequence[tuple[float, int]]) -> float | None:
    """The first value, in ascending order, at which the cumulative weight reaches half the
    total weight; None when the total weight is 0. Each item is (value, weight), weights
    whole numbers (headcounts), so the comparison is exact.

    Expected linear time: a quickselect on weight, its pivots drawn from a generator seeded
    by the input's length so that the same input always takes the same path."""
    total = sum(weight for _, weight in values)
    if total <= 0:
        return None
    half = total / 2
    below = 0
    items = list(values)
    chooser = random.Random(len(items))
    while True:
        pivot = items[chooser.randrange(len(items))][0]
        less = [item for item in items if item[0] < pivot]
        less_weight = sum(weight for _, weight in less)
        if below + less_weight >= half:
            items = less
            continue
        at_pivot = sum(weight for value, weight in items if value == pivot)
        if below + less_weight + at_pivot >= half:
            return pivot
        below += less_weight + at_pivot
        items = [item for item in items if item[0] > pivot]


def sight_group(distance: int | None) -> str:
    """The line-of-sight group of a role ``distance`` steps from a customer-facing role."""
    if distance is None:
        return "none"
    return str(distance) if distance < 3 else "3+"


@dataclass(frozen=True)
class Condition:
    """One figure (pay, tenure or training) across the org: the headcount-weighted median
    of each line-of-sight group over the roles that give it (None: none does, or they hold
    no one), and the front line's (group "0") median over that of everyone else."""

    figure: str
    by_group: dict[str, float | None]
    front_line_ratio: float | None


def front_line_conditions(org: Organization, sight: nx.DiGraph) -> dict[str, Condition]:
    """Pay, tenure and training by distance from the customer (``sight``:
    ``graph.sight_graph``), each a ``Condition``; keyed by figure, in ``FIGURES`` order."""
    groups = {role_id: sight_group(distance) for role_id, distance in line_of_sight(org, sight).items()}
    result = {}
    for figure in FIGURES:
        grouped: dict[str, list[tuple[float, int]]] = {group: [] for group in SIGHT_GROUPS}
        for role in org.roles:
            value = getattr(role, figure)
            if value is not None:
                grouped[groups[role.id]].append((value, role.headcount))
        by_group = {group: weighted_median(values) for group, values in grouped.items()}
        rest = weighted_median([item for group in SIGHT_GROUPS[1:] for item in grouped[group]])
        front = by_group["0"]
        ratio = front / rest if front is not None and rest else None
        result[figure] = Condition(figure, by_group, ratio)
    return result


@dataclass(frozen=True)
class Attention:
    """One segment's share of the customer-facing headcount against its weight.

    ``headcount``: the people serving it, a role serving k segments counting h/k for each;
    ``share``: that over all customer-facing people; ``weight``: the segment's weight over
    all weights given (None: it has none, or they sum to 0); ``ratio``: share / weight (None
    without a weight above 0); ``flag``: "under-served" below ``UNDER_SERVED``, "dominant"
    above ``DOMINANT``; ``by_purpose``: its headcount by why it is served."""

    segment: str
    headcount: float
    share: float
    weight: float | None
    ratio: float | None
    flag: str | None
    by_purpose: dict[Purpose, float]


def segment_attention(org: Organization) -> dict[str, Attention]:
    """Every segment's ``Attention``, in file order."""
    people = dict.fromkeys((segment.id for segment in org.customers), 0.0)
    purposes: dict[str, dict[Purpose, float]] = {segment.id: dict.fromkeys(PURPOSES, 0.0) for segment in org.customers}
    facing = 0
    for role in org.roles:
        if not role.serves:
            continue
        facing += role.headcount
        part = role.headcount / len(role.serves)
        for position, segment in enumerate(role.serves):
            people[segment] += part
            purposes[segment][role.purpose_for(position)] += part
    weights = sum(segment.weight for segment in org.customers if segment.weight is not None)
    result = {}
    for segment in org.customers:
        share = people[segment.id] / facing if facing else 0.0
        weight = segment.weight / weights if segment.weight is not None and weights > 0 else None
        ratio = share / weight if weight else None
        flag = (
            None
            if ratio is None
            else "under-served"
            if ratio < UNDER_SERVED
            else "dominant"
            if ratio > DOMINANT
            else None
        )
        result[segment.id] = Attention(segment.id, people[segment.id], share, weight, ratio, flag, purposes[segment.id])
    return result


def span_bands(org: Organization, tree: nx.DiGraph) -> dict[str, int]:
    """Managers counted by their direct reports (roles, not people), in ``SPAN_BANDS``."""
    counts = {band: 0 for band, _, _ in SPAN_BANDS}
    for span in spans(org, tree):
        band = next(
            name for name, low, high in SPAN_BANDS if span.positions >= low and (high is None or span.positions <= high)
        )
        counts[band] += 1
    return counts


@dataclass(frozen=True)
class FrontLineLayers:
    """Each customer-facing role's layer (the top is layer 1), and their headcount-weighted
    median and maximum (None without a customer-facing role; the median None also when they
    hold no one)."""

    layer: dict[str, int]
    median: int | None
    max: int | None


def layers_to_front_line(org: Organization, tree: nx.DiGraph) -> FrontLineLayers:
    """How deep below the top each customer-facing role sits."""
    depth = depths(org, tree)
    layer = {role.id: depth[role.id] + 1 for role in org.roles if role.customer_facing}
    median = weighted_median([(layer[role_id], org.role(role_id).headcount) for role_id in layer])
    return FrontLineLayers(layer, None if median is None else int(median), max(layer.values(), default=None))
