"""Which roles a large chart shows, and what the hidden ones add up to.

A chart of 100,000 roles opens on its top levels; a role whose reports are hidden is drawn
as one node carrying its subtree's totals ("1,400 people, median 2 hops"). Everything here
is one pass over the tree: linear in the number of roles.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import networkx as nx

from orgcharts.graph import top_down
from orgcharts.metrics import Escalation
from orgcharts.model import Organization

EXPAND_ALL_UP_TO = 1_500
"""Orgs up to this many roles open fully expanded."""
OPENING_NODES = 400
"""Larger orgs open on as many top levels as fit in this many nodes."""


@dataclass(frozen=True, slots=True)
class Rollup:
    """What a collapsed role stands for: itself and every role below it."""

    roles: int
    people: int
    facing_people: int
    median_hops: int | None
    unreachable_people: int


@dataclass(frozen=True)
class Visible:
    """The roles drawn, each after its manager, and the totals of the collapsed ones."""

    roles: list[str]
    rollups: dict[str, Rollup]


def depths(org: Organization, tree: nx.DiGraph) -> dict[str, int]:
    depth = {org.top.id: 0}
    for role_id in top_down(org, tree):
        for report in tree.successors(role_id):
            depth[report] = depth[role_id] + 1
    return depth


def opening_levels(org: Organization, tree: nx.DiGraph) -> int:
    """How many levels a chart opens on: all of them for a small org, else as many top
    levels as fit in ``OPENING_NODES`` nodes (at least one)."""
    if len(org.roles) <= EXPAND_ALL_UP_TO:
        return max(depths(org, tree).values()) + 1
    per_level: dict[int, int] = {}
    for depth in depths(org, tree).values():
        per_level[depth] = per_level.get(depth, 0) + 1
    shown, levels = 0, 0
    for depth in sorted(per_level):
        if shown + per_level[depth] > OPENING_NODES and levels > 0:
            break
        shown += per_level[depth]
        levels += 1
    return levels


def visible(
    org: Organization,
    tree: nx.DiGraph,
    levels: int,
    expanded: Collection[str] = (),
    found: Sequence[Escalation] = (),
) -> Visible:
    """The roles in the top ``levels`` levels, plus the reports of every role in ``expanded``
    (whose own ancestors must be visible for it to count), and a ``Rollup`` for every
    visible role whose reports are hidden. ``found`` are the escalations of the decision
    shown, for the hop statistics."""
    hops = {e.role: e.hops for e in found}
    order = top_down(org, tree)
    depth = {org.top.id: 0}
    owner: dict[str, str] = {org.top.id: org.top.id}
    shown = [org.top.id]
    opened = set(expanded)
    for role_id in order:
        here = owner[role_id]
        reports_shown = here == role_id and (depth[role_id] < levels - 1 or role_id in opened)
        for report in tree.successors(role_id):
            depth[report] = depth[role_id] + 1
            if reports_shown:
                owner[report] = report
                shown.append(report)
            else:
                owner[report] = here
    totals: dict[str, list[int]] = {}
    histograms: dict[str, dict[int | None, int]] = {}
    for role in org.roles:
        home = owner[role.id]
        if home == role.id and not _hides_reports(role.id, tree, owner):
            continue
        total = totals.setdefault(home, [0, 0])
        total[0] += 1
        total[1] += role.headcount
        if role.id in hops:
            histogram = histograms.setdefault(home, {})
            histogram[hops[role.id]] = histogram.get(hops[role.id], 0) + role.headcount
    rollups = {home: _rollup(count, people, histograms.get(home, {})) for home, (count, people) in totals.items()}
    return Visible(shown, rollups)


def _hides_reports(role_id: str, tree: nx.DiGraph, owner: dict[str, str]) -> bool:
    return any(owner[report] != report for report in tree.successors(role_id))


def _rollup(roles: int, people: int, histogram: dict[int | None, int]) -> Rollup:
    unreachable = histogram.pop(None, 0)
    facing = sum(histogram.values()) + unreachable
    return Rollup(roles, people, facing, _weighted_median(histogram), unreachable)


def _weighted_median(histogram: dict[int | None, int]) -> int | None:
    """The hops of the middle person among those who can reach authority."""
    total = sum(histogram.values())
    if total == 0:
        return None
    passed = 0
    for hops in sorted(histogram):  # type: ignore[type-var]
        passed += histogram[hops]
        if passed * 2 >= total:
            return hops
    return None
