"""Tidy tree layout: where each role sits, in units of the gap between two siblings.

The algorithm is Walker's, in the linear-time form of Buchheim, Jünger and Leipert
(2002), as d3-hierarchy's ``tree`` also implements it: parents are centred over their
children, subtrees never overlap, identical subtrees are drawn identically, siblings
keep their file order, and deeper levels of one subtree may tuck under a shallow
neighbour, which keeps the chart narrow. Everything runs on integer-indexed lists with
explicit traversals, so a 20,000-deep chain lays out without recursion.

Orientation (which way is up) and the customer band are applied by the figure builders
afterwards; the layout knows only depth and horizontal position.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from orgcharts.graph import top_down
from orgcharts.model import Organization

SIBLING_GAP = 1.0
COUSIN_GAP = 1.5
"""Subtrees under different managers keep a little more air between them, so teams read as groups."""


@dataclass(frozen=True)
class TreeLayout:
    """Horizontal position (0 at the leftmost role) and depth (0 at the top) of every role."""

    x: dict[str, float]
    depth: dict[str, int]

    @property
    def width(self) -> float:
        return max(self.x.values()) if self.x else 0.0

    @property
    def levels(self) -> int:
        return max(self.depth.values()) + 1 if self.depth else 0


def tidy_tree(org: Organization, tree: nx.DiGraph) -> TreeLayout:
    """Lay out the reporting tree of ``org`` (``tree`` from ``graph.reporting_tree``)."""
    order = top_down(org, tree)
    position = {role_id: index for index, role_id in enumerate(order)}
    children = [[position[report] for report in tree.successors(role_id)] for role_id in order]
    x = tidy_positions(children)
    depth = [0] * len(order)
    for node, kids in enumerate(children):
        for kid in kids:
            depth[kid] = depth[node] + 1
    return TreeLayout(
        x={role_id: x[index] for role_id, index in position.items()},
        depth={role_id: depth[index] for role_id, index in position.items()},
    )


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
