"""Tidy tree layout: where each role sits, in units of the gap between two siblings.

The algorithm is Walker's, in the linear-time form of Buchheim, Jünger and Leipert
(2002), as d3-hierarchy's ``tree`` also implements it: parents are centred over their
children, subtrees never overlap, identical subtrees are drawn identically, siblings
keep their file order, and deeper levels of one subtree may tuck under a shallow
neighbour, which keeps the chart narrow. Everything runs on integer-indexed lists with
explicit traversals, so a 20,000-deep chain lays out without recursion.

Orientation (which way is up) and the customer band are applied by the figure builders
afterwards; the layout knows only depth and horizontal position.

Cards of measured sizes in pixels, the customer-on-top view's bands and the segments' places
are ``orgcharts.cardlayout`` (on ``orgcharts.flextree``); ``tidy_tree`` and ``TreeLayout``
stay for the figures that still draw in sibling-gap units, and ``stacked`` and
``STACK_FROM`` serve both.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection
from dataclasses import dataclass

import networkx as nx

from orgcharts.graph import top_down
from orgcharts.model import Organization

SIBLING_GAP = 1.0
COUSIN_GAP = 1.5
"""Subtrees under different managers keep a little more air between them, so teams read as groups."""


STACK_FROM = 6
"""A manager with at least this many reports, none of whom has reports, gets them stacked
in columns, so a team of forty does not stretch the chart over forty places."""


@dataclass(frozen=True)
class TreeLayout:
    """Where each role is drawn: ``x`` (0 at the leftmost role, one unit between siblings)
    and ``row`` (0 at the top). ``row`` is the role's depth in the reporting tree
    (``graph.depths``) except for stacked reports, which take one row each below their manager."""

    x: dict[str, float]
    row: dict[str, int]

    @property
    def width(self) -> float:
        return max(self.x.values()) if self.x else 0.0

    @property
    def levels(self) -> int:
        """Rows drawn."""
        return max(self.row.values()) + 1 if self.row else 0


def tidy_tree(
    org: Organization, tree: nx.DiGraph, shown: Collection[str] | None = None, stack_from: int = STACK_FROM
) -> TreeLayout:
    """Lay out the reporting tree of ``org`` (``tree`` from ``graph.reporting_tree``), or only
    the roles in ``shown`` (which must hold the manager of each of its roles but the top)."""
    if shown is None:
        order = top_down(org, tree)
    else:
        keep = set(shown)
        order = [org.top.id]  # breadth first through the shown roles only: no cost for hidden ones
        for role_id in order:
            order.extend(report for report in tree.successors(role_id) if report in keep)
    position = {role_id: index for index, role_id in enumerate(order)}
    children = [[position[r] for r in tree.successors(role_id) if r in position] for role_id in order]
    drawn = stacked(children, stack_from)
    x = tidy_positions(drawn)
    row = _rows(drawn)
    return TreeLayout(
        x={role_id: x[index] for role_id, index in position.items()},
        row={role_id: row[index] for role_id, index in position.items()},
    )


def stacked(children: list[list[int]], stack_from: int = STACK_FROM) -> list[list[int]]:
    """The child lists to draw: where a node has ``stack_from`` or more children and none of
    them has children, they are chained into columns (filled top to bottom, then left to
    right), each column's first child under the node and each next one under the last."""
    drawn = [list(kids) for kids in children]
    for node, kids in enumerate(children):
        if len(kids) < stack_from or any(children[kid] for kid in kids):
            continue
        columns = max(2, math.ceil(math.sqrt(len(kids) / 2)))
        per_column = math.ceil(len(kids) / columns)
        heads = []
        for start in range(0, len(kids), per_column):
            column = kids[start : start + per_column]
            heads.append(column[0])
            for upper, lower in itertools.pairwise(column):
                drawn[upper] = [lower]
        drawn[node] = heads
    return drawn


def _rows(drawn: list[list[int]]) -> list[int]:
    """Each node's row in the drawn tree (stacked reports included), nodes in top-down order."""
    level = [0] * len(drawn)
    for node, kids in enumerate(drawn):
        for kid in kids:
            level[kid] = level[node] + 1
    return level


def tidy_positions(children: list[list[int]]) -> list[float]:
    """Horizontal positions for a tree given as child lists, node 0 the root.

    Nodes must be numbered so that every parent comes before its children (breadth- or
    depth-first order). The leftmost node ends at 0. Linear in the number of nodes.
    """
    count = len(children)
    if count == 0:
        return []
    parent = [-1] * count
    rank = [0] * count
    for node, kids in enumerate(children):
        for index, kid in enumerate(kids):
            parent[kid] = node
            rank[kid] = index
    prelim = [0.0] * count
    modifier = [0.0] * count
    change = [0.0] * count
    shift = [0.0] * count
    thread = [-1] * count
    ancestor = list(range(count))
    default_ancestor = [-1] * count

    def gap(left: int, right: int) -> float:
        return SIBLING_GAP if parent[left] == parent[right] else COUSIN_GAP

    def next_left(node: int) -> int:
        return children[node][0] if children[node] else thread[node]

    def next_right(node: int) -> int:
        return children[node][-1] if children[node] else thread[node]

    def apportion(node: int, left_sibling: int, fallback: int) -> int:
        inner_right = outer_right = node
        inner_left = left_sibling
        outer_left = children[parent[node]][0]
        sum_inner_right = modifier[inner_right]
        sum_outer_right = modifier[outer_right]
        sum_inner_left = modifier[inner_left]
        sum_outer_left = modifier[outer_left]
        inner_left = next_right(inner_left)
        inner_right = next_left(inner_right)
        while inner_left >= 0 and inner_right >= 0:
            outer_left = next_left(outer_left)
            outer_right = next_right(outer_right)
            ancestor[outer_right] = node
            overlap = (
                prelim[inner_left]
                + sum_inner_left
                - prelim[inner_right]
                - sum_inner_right
                + gap(inner_left, inner_right)
            )
            if overlap > 0:
                candidate = ancestor[inner_left]
                moved_from = candidate if parent[candidate] == parent[node] else fallback
                share = overlap / (rank[node] - rank[moved_from])
                change[node] -= share
                shift[node] += overlap
                change[moved_from] += share
                prelim[node] += overlap
                modifier[node] += overlap
                sum_inner_right += overlap
                sum_outer_right += overlap
            sum_inner_left += modifier[inner_left]
            sum_inner_right += modifier[inner_right]
            sum_outer_left += modifier[outer_left]
            sum_outer_right += modifier[outer_right]
            inner_left = next_right(inner_left)
            inner_right = next_left(inner_right)
        if inner_left >= 0 and next_right(outer_right) < 0:
            thread[outer_right] = inner_left
            modifier[outer_right] += sum_inner_left - sum_outer_right
        if inner_right >= 0 and next_left(outer_left) < 0:
            thread[outer_left] = inner_right
            modifier[outer_left] += sum_inner_right - sum_outer_left
            fallback = node
        return fallback

    for node in _post_order(children):
        kids = children[node]
        up = parent[node]
        left_sibling = children[up][rank[node] - 1] if up >= 0 and rank[node] > 0 else -1
        if kids:
            moved = 0.0
            accumulated = 0.0
            for kid in reversed(kids):
                prelim[kid] += moved
                modifier[kid] += moved
                accumulated += change[kid]
                moved += shift[kid] + accumulated
            midpoint = (prelim[kids[0]] + prelim[kids[-1]]) / 2
            if left_sibling >= 0:
                prelim[node] = prelim[left_sibling] + gap(node, left_sibling)
                modifier[node] = prelim[node] - midpoint
            else:
                prelim[node] = midpoint
        elif left_sibling >= 0:
            prelim[node] = prelim[left_sibling] + gap(node, left_sibling)
        if up >= 0 and left_sibling >= 0:
            current = default_ancestor[up] if default_ancestor[up] >= 0 else children[up][0]
            default_ancestor[up] = apportion(node, left_sibling, current)

    x = [0.0] * count
    modifier[0] -= prelim[0]
    x[0] = 0.0
    for node in range(count):
        for kid in children[node]:
            x[kid] = prelim[kid] + modifier[node]
            modifier[kid] += modifier[node]
    leftmost = min(x)
    return [value - leftmost for value in x]


def _post_order(children: list[list[int]]) -> list[int]:
    """Nodes with every child before its parent and siblings left to right."""
    order: list[int] = []
    stack = [(0, 0)]
    while stack:
        node, next_child = stack.pop()
        if next_child < len(children[node]):
            stack.append((node, next_child + 1))
            stack.append((children[node][next_child], 0))
        else:
            order.append(node)
    return order
