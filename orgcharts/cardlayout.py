"""Where each role's card goes, in pixels, in both views: no two cards overlap.

**Conventional view**: rows by depth in the reporting tree, the top role alone in the first
row (there is no band above it). A manager's wide team (``stack_from`` reports or more, none
with reports) is stacked in columns inside its row (``bands.stacked_in_rows``: filled top to
bottom in file order, then left to right, each card ``sibling_gap`` below the one before), so
every role stays in its level's row. Each row is as tall as its tallest card or column,
cards are aligned on the row's top, and rows are ``row_gap`` apart.

**Customer-on-top view**: the customers' band on top (when segments are given), then bands
numbered from 0 downwards by this rule, on the roles shown:

- a role *faces customers* if it serves a segment, or if it is collapsed and the rollup
  holds customer-facing people (``Rollup.facing_people``), or as the caller's ``facing`` says;
- the **front line** is every role that faces customers and has no role facing customers
  anywhere below it among the roles shown: band 0, whatever its depth;
- every other role is one band below the lowest of its reports: ``band = 1 + max(band of
  its reports)``, so a role with no reports that faces no customer is in band 1, beside the
  first-line managers, and never above the front line; the top role is alone in the
  bottom band.

A role facing no customer that reports to a front-line role (a stock clerk under a store
manager who serves customers) is in band 1 under that rule too; it is laid out among the
front-line role's siblings, just right of it, so its card sits beside its manager's, one
band below. A wide team is stacked as in the conventional view only when none of it is front
line (stacking the front line would lift it out of band 0); its columns rise from the bottom
of their band, each column's first card nearest the manager below.

Horizontal positions come from ``flextree.flex_positions`` (van der Ploeg's non-layered
tidy tree, linear time) on the boxes of the cards, each box spanning its whole row or band
and the gap below it: in the customer-on-top view a manager may be several bands below a
report, and cards of different depths share a band, which the non-layered algorithm keeps
apart. Parents are centred over their first and last reports' centres, siblings keep file
order, cousins are ``cousin_gap`` apart and siblings ``sibling_gap`` (edge to edge).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from orgcharts.bands import STACK_FROM, customer_bands, depths_of, facing_of, stacked_in_rows
from orgcharts.cards import SCREEN_TEXT, TextSize
from orgcharts.collapse import Rollup
from orgcharts.flextree import flex_positions
from orgcharts.gcpause import collector_paused
from orgcharts.graph import top_down
from orgcharts.model import Organization

View = Literal["conventional", "inverted"]
Size = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Box:
    """A card's place: centre ``x``, ``top``, ``width`` and ``height``, in pixels (y downwards)."""

    x: float
    top: float
    width: float
    height: float

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True, slots=True)
class Band:
    """A row of the conventional view or a band of the customer-on-top view: its name for
    the chart ("customers", "front line", "first-line managers", "level 2"...), and the
    pixels from ``top`` to ``top + height`` it spans (its tallest card; the gap below is not in it)."""

    name: str
    top: float
    height: float


@dataclass(frozen=True)
class CardLayout:
    """Cards placed in one view. For each role shown: ``x`` its card's centre, ``top`` its top,
    ``width`` and ``height`` its size and ``band`` the index in ``bands`` of its row or band,
    all in pixels, y downwards, the chart's leftmost card edge at 0 and its first band's top
    at 0. ``customers``: each segment's card (customer-on-top view, when segments were given).
    ``front_line``: the roles in the front-line band (customer-on-top view; empty otherwise)."""

    view: View
    x: dict[str, float]
    top: dict[str, float]
    width: dict[str, float]
    height: dict[str, float]
    band: dict[str, int]
    bands: tuple[Band, ...]
    customers: dict[str, Box]
    front_line: frozenset[str]

    def box(self, role_id: str) -> Box:
        return Box(self.x[role_id], self.top[role_id], self.width[role_id], self.height[role_id])

    @property
    def extent(self) -> Size:
        """The drawn width and height in pixels: every card's and segment's right and bottom edges."""
        right = max((self.x[r] + self.width[r] / 2 for r in self.x), default=0.0)
        right = max([right, *(box.right for box in self.customers.values())])
        bottom = self.bands[-1].top + self.bands[-1].height if self.bands else 0.0
        return right, bottom


def card_layout(
    org: Organization,
    tree: nx.DiGraph,
    sizes: Mapping[str, Size],
    view: View = "conventional",
    spacing: TextSize = SCREEN_TEXT,
    shown: Collection[str] | None = None,
    rollups: Mapping[str, Rollup] | None = None,
    segments: Mapping[str, Size] | None = None,
    serving: Mapping[str, Collection[str]] | None = None,
    facing: Collection[str] | None = None,
    stack_from: int = STACK_FROM,
) -> CardLayout:
    """Place the cards of the roles ``shown`` (all by default; it must hold the manager of
    each of its roles but the top) in ``view``, as the module's docstring says.

    ``sizes`` gives each shown role's card (width, height) in pixels (``Card.width``,
    ``Card.height``); ``spacing`` the gaps (``sibling_gap``, ``cousin_gap``, ``row_gap``).
    ``rollups``: the collapsed roles' totals (they face customers when they hold
    customer-facing people). ``facing``, if given, replaces that rule: the shown roles that
    face customers. ``stack_from``: the smallest team stacked in columns (``bands.stacked_in_rows``;
    in the customer-on-top view only teams with no front-line role in them).

    Customer-on-top view only: ``segments`` gives each segment's card size to place, on top;
    each is centred over the mean centre of the shown roles that serve it (``serving``: role
    id -> segment ids, by default each role's ``serves``; pass it to have a collapsed role
    stand for the segments its hidden roles serve), then segments are spread apart as little
    as possible (least squares, in the order of those centres) to keep ``sibling_gap``
    between them; a segment no shown role serves goes to the middle.

    Linear in the number of roles shown (and segments, once sorted).
    """
    with collector_paused():
        return _card_layout(org, tree, sizes, view, spacing, shown, rollups, segments, serving, facing, stack_from)


def _card_layout(
    org: Organization,
    tree: nx.DiGraph,
    sizes: Mapping[str, Size],
    view: View,
    spacing: TextSize,
    shown: Collection[str] | None,
    rollups: Mapping[str, Rollup] | None,
    segments: Mapping[str, Size] | None,
    serving: Mapping[str, Collection[str]] | None,
    facing: Collection[str] | None,
    stack_from: int,
) -> CardLayout:
    if shown is None:
        order = top_down(org, tree)
    else:
        keep = set(shown)
        order = [org.top.id]
        for role_id in order:
            order.extend(report for report in tree.successors(role_id) if report in keep)
    index = {role_id: number for number, role_id in enumerate(order)}
    children = [[index[r] for r in tree.successors(role_id) if r in index] for role_id in order]
    widths = [float(sizes[role_id][0]) for role_id in order]
    heights = [float(sizes[role_id][1]) for role_id in order]
    if view == "conventional":
        team_tree, rows, front, names, root = children, depths_of(children), [], [], 0
        names = [f"level {row + 1}" for row in range(max(rows) + 1)]
    else:
        collapsed = [role_id in rollups for role_id in order] if rollups else None
        team_tree, rows, front, names = customer_bands(children, facing_of(org, order, rollups, facing), collapsed)
        root = len(order) if len(team_tree) > len(order) else 0
        widths.append(0.0)
        heights.append(0.0)
    stackable = None if view == "conventional" else [not is_front for is_front in front] + [False]
    drawn, offset, continued = stacked_in_rows(team_tree, heights, stack_from, stackable, spacing.sibling_gap)
    row_count = len(names)
    row_height = [0.0] * row_count
    for node, row in enumerate(rows[: len(order)]):
        row_height[row] = max(row_height[row], offset[node] + heights[node])
    # the flextree's y runs from the top role down; in the customer-on-top view that is bottom up
    tree_top = [0.0] * row_count
    for row in range(1, row_count):
        tree_top[row] = tree_top[row - 1] + row_height[row - 1] + spacing.row_gap
    tops, bottoms = [], []
    for node, row in enumerate(rows):
        if row < 0:  # the virtual root
            tops.append(-1.0)
            bottoms.append(0.0)
            continue
        tops.append(tree_top[row] + offset[node])
        row_bottom = tree_top[row] + row_height[row] + spacing.row_gap
        bottoms.append(tops[-1] + heights[node] + spacing.sibling_gap if continued[node] else row_bottom)
    centres = flex_positions(drawn, widths, tops, bottoms, spacing.sibling_gap, spacing.cousin_gap, root)

    band_of = list(range(row_count)) if view == "conventional" else list(reversed(range(row_count)))
    customers: dict[str, Box] = {}
    below = 0.0
    drawn_bands: list[Band] = []
    if view == "inverted" and segments:
        tallest = max(height for _, height in segments.values())
        drawn_bands.append(Band("customers", 0.0, tallest))
        below = tallest + spacing.row_gap * (len(segments) + 1) / 2  # room for each segment's rail
    band_top = [0.0] * row_count
    for band in range(row_count):  # top to bottom as drawn
        row = band_of[band]  # band_of is its own inverse
        band_top[row] = below
        drawn_bands.append(Band(names[row], below, row_height[row]))
        below += row_height[row] + spacing.row_gap
    first_role_band = 1 if view == "inverted" and segments else 0
    band_index = [first_role_band + band_of[row] for row in range(row_count)]
    x = {role_id: centres[node] for role_id, node in index.items()}
    if view == "inverted" and segments:
        customers = _segments(org, order, x, segments, serving, spacing.sibling_gap)
        leftmost = min(0.0, *(box.left for box in customers.values()))
        if leftmost < 0:
            x = {role_id: value - leftmost for role_id, value in x.items()}
            customers = {s: Box(b.x - leftmost, b.top, b.width, b.height) for s, b in customers.items()}
    return CardLayout(
        view=view,
        x=x,
        top={
            role_id: _drawn_top(node, rows, band_top, row_height, offset, continued, heights, view)
            for role_id, node in index.items()
        },
        width={role_id: widths[node] for role_id, node in index.items()},
        height={role_id: heights[node] for role_id, node in index.items()},
        band={role_id: band_index[rows[node]] for role_id, node in index.items()},
        bands=tuple(drawn_bands),
        customers=customers,
        front_line=frozenset(order[node] for node, is_front in enumerate(front) if is_front),
    )


def _drawn_top(
    node: int,
    rows: list[int],
    band_top: list[float],
    row_height: list[float],
    offset: list[float],
    continued: list[bool],
    heights: list[float],
    view: View,
) -> float:
    """A card's top as drawn: on its row's top, a stacked card ``offset`` below it; in the
    customer-on-top view a stacked column rises from the bottom of its band, its first card
    nearest its manager below (the mirror of the flextree's y)."""
    row = rows[node]
    if view == "conventional" or (offset[node] == 0 and not continued[node]):
        return band_top[row] + offset[node]
    return band_top[row] + row_height[row] - offset[node] - heights[node]


def _segments(
    org: Organization,
    order: list[str],
    x: dict[str, float],
    segments: Mapping[str, Size],
    serving: Mapping[str, Collection[str]] | None,
    gap: float,
) -> dict[str, Box]:
    """Each segment's card, centred over the roles serving it and spread apart (see ``card_layout``)."""
    totals: dict[str, list[float]] = {segment: [0.0, 0.0] for segment in segments}
    for role_id in order:
        served = serving.get(role_id, ()) if serving is not None else org.role(role_id).serves
        for segment in served:
            if segment in totals:
                totals[segment][0] += x[role_id]
                totals[segment][1] += 1
    middle = (min(x.values()) + max(x.values())) / 2 if x else 0.0
    wanted = {s: (total / number if number else middle) for s, (total, number) in totals.items()}
    file_order = {segment.id: number for number, segment in enumerate(org.customers)}
    ranked = sorted(segments, key=lambda s: (wanted[s], file_order.get(s, len(file_order))))
    # x_i = y_i + offset_i with y non-decreasing keeps every gap; pool adjacent violators fits y
    offsets, running = [], 0.0
    for number, segment in enumerate(ranked):
        if number:
            running += (segments[ranked[number - 1]][0] + segments[segment][0]) / 2 + gap
        offsets.append(running)
    pools: list[list[float]] = []  # [sum of targets, count]
    for number, segment in enumerate(ranked):
        pools.append([wanted[segment] - offsets[number], 1.0])
        while len(pools) > 1 and pools[-2][0] / pools[-2][1] > pools[-1][0] / pools[-1][1]:
            total, count = pools.pop()
            pools[-1][0] += total
            pools[-1][1] += count
    fitted: list[float] = []
    for total, count in pools:
        fitted += [total / count] * int(count)
    return {
        segment: Box(fitted[number] + offsets[number], 0.0, *segments[segment]) for number, segment in enumerate(ranked)
    }


def zoom_to_fit(layout: CardLayout, width_px: float, height_px: float) -> float:
    """The largest zoom at which ``layout`` fits in ``width_px`` by ``height_px`` pixels: 1 or
    more if it fits at the size its cards were measured for (text at its ``TextSize.px``),
    less if it must shrink (text then drawn at ``px`` times the zoom). ``inf`` for an empty layout."""
    width, height = layout.extent
    return min(width_px / width if width > 0 else float("inf"), height_px / height if height > 0 else float("inf"))


def front_line_bottom(layout: CardLayout) -> float:
    """The bottom of the customer-on-top view's front-line band, in pixels from the chart's top
    (0 in the conventional view, or with no front line)."""
    return max((layout.top[r] + layout.height[r] for r in layout.front_line), default=0.0)


def fits(layout: CardLayout, width_px: float, height_px: float) -> bool:
    """Whether ``layout`` fits in ``width_px`` by ``height_px`` pixels with no text smaller
    than its cards were measured for."""
    return zoom_to_fit(layout, width_px, height_px) >= 1.0
