"""The rows and bands cards are laid out in, and the wide teams stacked in columns inside them.

``customer_bands`` gives the customer-on-top view's bands (the rule is in
``orgcharts.cardlayout``'s docstring); ``stacked_in_rows`` chains a wide team of roles without
reports into columns that stay inside their row or band, so every role keeps its level (in the
conventional view) or band (in the customer-on-top view). Trees are child lists, nodes
numbered parents first; everything is linear.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Mapping, Sequence

from orgcharts.collapse import Rollup
from orgcharts.model import Organization

ORDINALS = ("first", "second", "third")
STACK_FROM = 6
"""A manager with at least this many reports, none of whom has reports, gets them stacked
in columns, so a team of forty does not stretch the chart over forty places."""


def depths_of(children: Sequence[Sequence[int]]) -> list[int]:
    """Each node's depth, node 0 the root."""
    depth = [0] * len(children)
    for node, kids in enumerate(children):
        for kid in kids:
            depth[kid] = depth[node] + 1
    return depth


def facing_of(
    org: Organization, order: Sequence[str], rollups: Mapping[str, Rollup] | None, facing: Collection[str] | None
) -> list[bool]:
    """Whether each role of ``order`` faces customers: ``facing`` if given, else it serves a
    segment or is collapsed over customer-facing people."""
    if facing is not None:
        chosen = set(facing)
        return [role_id in chosen for role_id in order]
    rollups = rollups or {}
    return [
        org.role(role_id).customer_facing or (role_id in rollups and rollups[role_id].facing_people > 0)
        for role_id in order
    ]


def customer_bands(
    children: Sequence[Sequence[int]], facing: Sequence[bool], collapsed: Sequence[bool] | None = None
) -> tuple[list[list[int]], list[int], list[bool], list[str]]:
    """The customer-on-top view's layout tree (a front-line role's reports moved beside it,
    among its siblings; a virtual root, numbered last, when the top role is front line and
    has reports), each node's row in it (0: the bottom band, the top role's; -1 for the virtual
    root), whether each node is front line, and the bands' names by row. With no front line
    at all there is no band for it: the bands start at the first-line managers'.

    Nodes ``collapsed`` (rollups) in the front-line band are teams, not the front line
    itself: the band is named for them (``band_name``)."""
    count = len(children)
    facing_below = [False] * count
    for node in reversed(range(count)):
        facing_below[node] = any(facing[kid] or facing_below[kid] for kid in children[node])
    front = [facing[node] and not facing_below[node] for node in range(count)]
    layout: list[list[int]] = [[] for _ in range(count + 1)]
    virtual = count
    for node, kids in enumerate(children):
        if front[node]:
            continue
        for kid in kids:
            layout[node].append(kid)
            if front[kid]:
                layout[node].extend(children[kid])  # facing no one, beside their front-line manager
    if front[0] and children[0]:
        layout[virtual] = [0, *children[0]]
    band = [0] * (count + 1)
    order = [virtual if layout[virtual] else 0]
    for node in order:
        order.extend(layout[node])
    for node in reversed(order):
        if node != virtual and not front[node]:
            band[node] = 1 + max((band[kid] for kid in layout[node]), default=0)
    empty = 0 if any(front) else 1  # no front line: no empty band for it
    deepest = max(band[:count]) - empty
    rows = [deepest - band[node] + empty for node in range(count)]
    if layout[virtual]:
        rows.append(-1)
    else:
        layout.pop()
    front_teams = [collapsed[node] for node in range(count) if front[node]] if collapsed else []
    held = ("teams" if all(front_teams) else "some") if any(front_teams) else ""
    names = [band_name(number + empty, deepest + empty, held) for number in reversed(range(deepest + 1))]
    return layout, rows, front, names


def band_name(band: int, deepest: int, held: str = "") -> str:
    """ "front line", "first-line managers", "second-line managers", "third-line managers",
    "management level 4"..., and "top" for the top role's band.

    ``held`` says what the front-line band holds when some of it is collapsed: "teams" (all
    of it: "teams holding the front line") or "some" ("front line and teams holding it"). The
    bands above such teams are named by their number ("management level 1"...): their roles
    may manage managers, so "first-line managers" would mislead."""
    if band == 0:
        return {"teams": "teams holding the front line", "some": "front line and teams holding it"}.get(
            held, "front line"
        )
    if band == deepest:
        return "top"
    if band <= len(ORDINALS) and not held:
        return f"{ORDINALS[band - 1]}-line managers"
    return f"management level {band}"


def stacked_in_rows(
    children: Sequence[Sequence[int]],
    heights: Sequence[float],
    stack_from: int,
    stackable: Sequence[bool] | None,
    gap: float,
) -> tuple[list[list[int]], list[float], list[bool]]:
    """Wide teams chained in columns, each column inside its row.

    Where a node has ``stack_from`` or more children, none with children of its own (and
    all ``stackable``, if given), they are split into columns as ``layout.stacked`` does
    (filled top to bottom in file order, then left to right): the node's children become
    the columns' first cards, and each next card the child of the one before. Returned: the
    child lists to lay out, each node's offset below its row's top (0 but for the second
    card of a column on, each ``gap`` below the one before), and whether a node has a
    card after it in its column."""
    drawn = [list(kids) for kids in children]
    offset = [0.0] * len(children)
    continued = [False] * len(children)
    for node, kids in enumerate(children):
        if len(kids) < stack_from or any(children[kid] for kid in kids):
            continue
        if stackable is not None and not all(stackable[kid] for kid in kids):
            continue
        columns = max(2, math.ceil(math.sqrt(len(kids) / 2)))
        per_column = math.ceil(len(kids) / columns)
        heads = []
        for start in range(0, len(kids), per_column):
            column = kids[start : start + per_column]
            heads.append(column[0])
            for upper, lower in itertools.pairwise(column):
                drawn[upper] = [lower]
                offset[lower] = offset[upper] + heights[upper] + gap
                continued[upper] = True
        drawn[node] = heads
    return drawn, offset, continued
