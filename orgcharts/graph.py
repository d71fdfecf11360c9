"""The org as networkx graphs: the reporting tree, and the wider graph of who serves whom."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, overload

import networkx as nx

from orgcharts.model import Organization


def reporting_tree(org: Organization) -> nx.DiGraph:
    """Edges run manager -> direct report; each role's reports keep their file order."""
    tree = nx.DiGraph()
    tree.add_nodes_from(role.id for role in org.roles)
    tree.add_edges_from((role.reports_to, role.id) for role in org.roles if role.reports_to is not None)
    return tree


def sight_graph(org: Organization, tree: nx.DiGraph | None = None) -> nx.DiGraph:
    """Edges run from a role to the roles through which it serves the customer: its direct
    reports and the roles it ``supports``; built on a copy of ``tree`` (the org's
    ``reporting_tree``) when the caller has one."""
    graph = reporting_tree(org) if tree is None else nx.DiGraph(tree)
    graph.add_edges_from((role.id, supported) for role in org.roles for supported in role.supports)
    return graph


def top_down(org: Organization, tree: nx.DiGraph) -> list[str]:
    """Every role, each after its manager, breadth first from the top.

    Computed once per tree and kept in the graph's own attributes (``tree.graph``):
    every metric walks the tree in this order."""
    order = tree.graph.get("top_down")
    if order is None:
        top = org.top.id
        order = [top, *(report for _, report in nx.bfs_edges(tree, top))]
        tree.graph["top_down"] = order
    return order


def depths(org: Organization, tree: nx.DiGraph) -> dict[str, int]:
    """Each role's depth in the reporting tree: 0 for the top, 1 for its direct reports...

    The one depth every module uses (layers, collapsing, pictures); computed once per tree
    and kept beside ``top_down`` in ``tree.graph``, so callers must not change it."""
    depth = tree.graph.get("depths")
    if depth is None:
        depth = {org.top.id: 0}
        for role_id in top_down(org, tree):
            for report in tree.successors(role_id):
                depth[report] = depth[role_id] + 1
        tree.graph["depths"] = depth
    return depth


def climb(org: Organization, role_id: str, steps: int | None = None) -> tuple[str, ...]:
    """The chain of command from ``role_id`` upwards: the role itself, its manager, that
    manager's manager..., ending after ``steps`` reporting lines or at the top, whichever
    comes first (``steps`` None: at the top). ``climb(org, r)[1:]`` is everyone above ``r``,
    nearest first. Follows ``reports_to`` only, never dotted lines; linear in the length."""
    path = [role_id]
    current = org.role(role_id)
    while current.reports_to is not None and (steps is None or len(path) <= steps):
        current = org.role(current.reports_to)
        path.append(current.id)
    return tuple(path)


class Chain(Sequence[str]):
    """A chain of command read only when it is read: ``length`` roles from ``start`` upwards,
    each step to its manager, or to ``up[role]`` where ``up`` names a role's next step (a
    dotted line). ``end`` is the last role, known without climbing.

    Escalations keep their paths this way, so that measuring every customer-facing role
    costs the number of roles, not the sum of their paths (a chain of 10,000 roles that all
    face customers has 50 million path entries); a path is climbed only for what is shown
    or written. Equal to any sequence of the same roles, tuples included."""

    __slots__ = ("_climbed", "_end", "_length", "_org", "_start", "_up")

    def __init__(
        self, org: Organization, start: str, length: int, end: str, up: Mapping[str, str] | None = None
    ) -> None:
        self._org = org
        self._start = start
        self._length = length
        self._end = end
        self._up = up
        self._climbed: tuple[str, ...] | None = None

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[str]:
        if self._climbed is not None:
            yield from self._climbed
            return
        current = self._start
        for step in range(self._length):
            yield current
            if step + 1 < self._length:
                current = self._up[current] if self._up is not None else self._org.role(current).reports_to  # type: ignore[assignment]

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        if isinstance(index, int) and index in (0, -self._length):
            return self._start
        if isinstance(index, int) and index in (-1, self._length - 1):
            return self._end
        if self._climbed is None:
            self._climbed = tuple(self)
        return self._climbed[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Chain | tuple | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Chain({tuple(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))
