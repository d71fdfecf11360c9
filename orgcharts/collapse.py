"""Which roles a large chart shows, and what the hidden ones add up to.

A chart of 100,000 roles opens on its top levels; a role whose reports are hidden is drawn
as one node carrying its subtree's totals ("1,400 people, median 2 hops"). Everything here
is one pass over the tree: linear in the number of roles.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import networkx as nx

from orgcharts.graph import depths, top_down
from orgcharts.metrics import Escalation
from orgcharts.model import Organization

EXPAND_ALL_UP_TO = 1_500
"""Orgs up to this many roles open fully expanded."""
OPENING_NODES = 400
"""Larger orgs open on as many top levels as fit in this many nodes."""
HOPS_COUNTED = 4
"""A subtree counts its customer-facing people at 0, 1, 2, 3 and "4 or more" hops, the
chart's colour scale: a median is exact up to 3 and "4 or more" beyond, and each subtree's
counts stay five numbers however deep the org, so the totals stay linear in its size (a
chain of roles all facing customers would otherwise count every depth in every subtree)."""


@dataclass(frozen=True, slots=True)
class Rollup:
    """What a collapsed role stands for: itself and every role below it."""

    roles: int
    people: int
    facing_people: int
    median_hops: int | None
    """The hops of the middle customer-facing person below who can reach authority;
    ``HOPS_COUNTED`` stands for that many or more."""
    unreachable_people: int


@dataclass(frozen=True)
class Visible:
    """The roles drawn, each after its manager, and the totals of the collapsed ones."""

    roles: list[str]
    rollups: dict[str, Rollup]


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


@dataclass(frozen=True)
class Subtrees:
    """Each role's totals over itself and every role below it, for one decision: what a
    collapsed node shows, wherever the user collapses the chart."""

    roles: dict[str, int]
    people: dict[str, int]
    facing_hops: dict[str, dict[int | None, int]]
    """Customer-facing people below each role by their hops, ``HOPS_COUNTED`` standing for
    that many or more (None: no one can decide); roles with no customer-facing people below
    them are absent."""

    def rollup(self, role_id: str) -> Rollup:
        histogram = self.facing_hops.get(role_id, {})
        unreachable = histogram.get(None, 0)
        reachable = {hops: people for hops, people in histogram.items() if hops is not None}
        return Rollup(
            roles=self.roles[role_id],
            people=self.people[role_id],
            facing_people=sum(reachable.values()) + unreachable,
            median_hops=_weighted_median(reachable),
            unreachable_people=unreachable,
        )


def subtree_totals(org: Organization, tree: nx.DiGraph, found: Sequence[Escalation] = ()) -> Subtrees:
    """Totals for every subtree in one bottom-up pass. ``found`` are the escalations of the
    decision shown. Linear in the number of roles: hops are counted up to ``HOPS_COUNTED``."""
    roles = dict.fromkeys(top_down(org, tree), 1)
    people = {role.id: role.headcount for role in org.roles}
    manager_of = {role.id: role.reports_to for role in org.roles}
    facing: dict[str, dict[int | None, int]] = {
        e.role: {None if e.hops is None else min(e.hops, HOPS_COUNTED): people[e.role]} for e in found
    }
    owned = set(facing)  # a subtree's histogram is shared with its only counted report until a second one adds in
    for role_id in reversed(list(roles)):
        manager = manager_of[role_id]
        if manager is None:
            continue
        roles[manager] += roles[role_id]
        people[manager] += people[role_id]
        below = facing.get(role_id)
        if below is None:
            continue
        mine = facing.get(manager)
        if mine is None:
            facing[manager] = below
            continue
        if manager not in owned:
            mine = facing[manager] = dict(mine)
            owned.add(manager)
        for hops, number in below.items():
            mine[hops] = mine.get(hops, 0) + number
    return Subtrees(roles, people, facing)


def visible(
    org: Organization,
    tree: nx.DiGraph,
    levels: int,
    expanded: Collection[str] = (),
    totals: Subtrees | None = None,
) -> Visible:
    """The roles in the top ``levels`` levels, plus the reports of every role in ``expanded``
    (whose own ancestors must be visible for it to count), and a ``Rollup`` for every
    visible role whose reports are hidden, from ``totals`` (by default, with no hops).

    Visits only the visible roles and their reports: expanding one node of a
    100,000-role chart costs what is drawn, not the whole org."""
    shown, collapsed = walk_levels(tree, [org.top.id], levels - 1, set(expanded))
    if collapsed and totals is None:
        totals = subtree_totals(org, tree)
    return Visible(shown, {role_id: totals.rollup(role_id) for role_id in collapsed} if totals else {})


def walk_levels(
    tree: nx.DiGraph, level: list[str], deeper: int, opened: Collection[str] = ()
) -> tuple[list[str], list[str]]:
    """The roles of ``level``, ``deeper`` levels under them and the reports of every role in
    ``opened`` reached on the way, each after its manager; and those of them whose reports
    stay hidden. Visits only what it returns and their reports."""
    shown: list[str] = []
    collapsed: list[str] = []
    depth = 0
    while level:
        shown += level
        below = []
        for role_id in level:
            reports = list(tree.successors(role_id))
            if not reports:
                continue
            if depth < deeper or role_id in opened:
                below += reports
            else:
                collapsed.append(role_id)
        level, depth = below, depth + 1
    return shown, collapsed


def _weighted_median(histogram: dict[int, int]) -> int | None:
    """The hops of the middle person among those who can reach authority."""
    total = sum(histogram.values())
    if total == 0:
        return None
    passed = 0
    for hops in sorted(histogram):
        passed += histogram[hops]
        if passed * 2 >= total:
            return hops
    return None
