"""Spans, layers and line of sight: the shape of the org around its customers."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import networkx as nx

from orgcharts.graph import depths, top_down
from orgcharts.model import Organization


@dataclass(frozen=True, slots=True)
class Span:
    """A manager's direct reports, counted as positions (roles) and as people (headcount)."""

    manager: str
    positions: int
    people: int


@dataclass(frozen=True, slots=True)
class Layer:
    """One level of the reporting tree; the top role is layer 1."""

    number: int
    roles: tuple[str, ...]
    headcount: int


def spans(org: Organization, tree: nx.DiGraph) -> list[Span]:
    """The span of every role that manages anyone, in file order."""
    result = []
    for role in org.roles:
        reports = list(tree.successors(role.id))
        if reports:
            result.append(Span(role.id, len(reports), sum(org.role(report).headcount for report in reports)))
    return result


def median_span(found: list[Span]) -> float | None:
    """Median positions per manager, or None for an org of one role."""
    return statistics.median(span.positions for span in found) if found else None


def layers(org: Organization, tree: nx.DiGraph) -> list[Layer]:
    """The levels of the reporting tree from the top down, each in ``graph.top_down`` order."""
    depth = depths(org, tree)
    levels: list[list[str]] = []
    for role_id in top_down(org, tree):
        if depth[role_id] == len(levels):
            levels.append([])
        levels[depth[role_id]].append(role_id)
    return [
        Layer(number, tuple(level), sum(org.role(role_id).headcount for role_id in level))
        for number, level in enumerate(levels, start=1)
    ]


def line_of_sight(org: Organization, sight: nx.DiGraph) -> dict[str, int | None]:
    """How far each role stands from the external customer, in file order.

    0 for a customer-facing role; otherwise the fewest steps to a customer-facing role
    where a manager reaches its direct reports and a role the roles it ``supports``
    (``sight`` from ``graph.sight_graph``); None where no such route exists.
    """
    facing = [role.id for role in org.roles if role.customer_facing]
    distance: dict[str, int] = {}
    if facing:
        for steps, level in enumerate(nx.bfs_layers(sight.reverse(copy=False), facing)):
            distance.update(dict.fromkeys(level, steps))
    return {role.id: distance.get(role.id) for role in org.roles}
