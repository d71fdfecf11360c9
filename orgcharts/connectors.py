"""The lines of a chart, each kind one trace, drawn under the cards: reporting lines, dotted
lines, links from the customers to the roles serving them, and the lit escalation path.

Each takes the cards' places in one view (``cardlayout.CardLayout``, pixels, y downwards)
and returns chart coordinates: x as laid out, y negated so the chart's first band is on top.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from orgcharts.cardlayout import Box, CardLayout
from orgcharts.metrics import Escalation
from orgcharts.model import Role
from orgcharts.style import CUSTOMER_COLOUR, DOTTED_COLOUR, EDGE_COLOUR, PATH_COLOUR, UNREACHABLE_COLOUR

Points = list[float | None]


def _faces(layout: CardLayout, manager: str, report: str) -> tuple[float, float, float]:
    """The manager's edge facing a report, the report's edge facing the manager (chart y),
    and the height of the bar between them: half a gap off the manager's edge."""
    below = layout.top[report] > layout.top[manager]  # the report is drawn under its manager
    if below:
        edge = -(layout.top[manager] + layout.height[manager])
        reach = -layout.top[report]
    else:
        edge = -layout.top[manager]
        reach = -(layout.top[report] + layout.height[report])
    gap = min(abs(reach - edge) / 2, 18.0)
    return edge, reach, edge - gap if below else edge + gap


def reporting_lines(shown: Sequence[Role], layout: CardLayout) -> tuple[Points, Points]:
    """Org-chart elbows from each manager's card edge to its reports' card edges, as one
    trace's x and y lists (None between lines): a drop from the manager to a bar half a gap
    away, the bar across its reports, a drop into each report. A stacked team (reports in
    one column under each other) reads as one team: one drop into the column's first card
    and a bracket around the column, not a line through every card."""
    xs: Points = []
    ys: Points = []
    columns: dict[tuple[str, float], list[str]] = {}
    for role in shown:
        if role.reports_to is not None and role.reports_to in layout.x:
            columns.setdefault((role.reports_to, round(layout.x[role.id], 1)), []).append(role.id)
    bars: dict[str, list[float]] = {}
    first_report: dict[str, str] = {}
    for (manager, x), members in columns.items():
        first = min(members, key=lambda member: abs(layout.top[member] - layout.top[manager]))
        edge, reach, bar = _faces(layout, manager, first)
        bars.setdefault(manager, [layout.x[manager]]).append(x)
        first_report.setdefault(manager, members[0])
        xs.extend((x, x, None))
        ys.extend((bar, reach, None))
        if len(members) > 1:
            _bracket(xs, ys, [layout.box(member) for member in members])
    for manager, across in bars.items():
        edge, _, bar = _faces(layout, manager, first_report[manager])
        xs.extend((layout.x[manager], layout.x[manager], None, min(across), max(across), None))
        ys.extend((edge, bar, None, bar, bar, None))
    return xs, ys


def _bracket(xs: Points, ys: Points, boxes: Sequence[Box]) -> None:
    """A thin box around a stacked column of cards."""
    pad = 5.0
    left, right = min(b.left for b in boxes) - pad, max(b.right for b in boxes) + pad
    top, bottom = -min(b.top for b in boxes) + pad, -max(b.bottom for b in boxes) - pad
    xs.extend((left, right, right, left, left, None))
    ys.extend((top, top, bottom, bottom, top, None))


def _lines_trace(xs: Points, ys: Points, uid: str, name: str, line: dict[str, Any], **more: Any) -> dict[str, Any]:
    """A trace of lines between points (None between lines) that hovering ignores."""
    # unsimplified: every line keeps its points in both views, so the flip moves each one
    # whole to its place (assets/travel.js) rather than morphing one into another
    return dict(
        type="scatter",
        x=xs,
        y=ys,
        line={**line, "simplify": False},
        hoverinfo="skip",
        name=name,
        uid=uid,
        **{"mode": "lines", **more},
    )


def edges_trace(shown: Sequence[Role], layout: CardLayout, dimmed: bool) -> dict[str, Any]:
    xs, ys = reporting_lines(shown, layout)
    line = {"color": EDGE_COLOUR, "width": 1.5}
    return _lines_trace(xs, ys, "edges", "reporting lines", line, opacity=0.35 if dimmed else 1.0, showlegend=False)


def _middle(layout: CardLayout, role_id: str) -> tuple[float, float]:
    return layout.x[role_id], -(layout.top[role_id] + layout.height[role_id] / 2)


def dotted_trace(shown: Sequence[Role], layout: CardLayout) -> dict[str, Any]:
    """Dashed lines from each role to its secondary managers (``dotted_to``) on the chart;
    they never move a role: the layout follows the reporting lines alone."""
    xs: Points = []
    ys: Points = []
    for role in shown:
        for upper in role.dotted_to:
            if upper in layout.x:
                (x0, y0), (x1, y1) = _middle(layout, role.id), _middle(layout, upper)
                xs.extend((x0, x1, None))
                ys.extend((y0, y1, None))
    line = {"color": DOTTED_COLOUR, "width": 2, "dash": "dash"}
    return _lines_trace(xs, ys, "dotted", "dotted line (secondary manager)", line, showlegend=False)


def rails(layout: CardLayout) -> dict[str, float]:
    """Each segment's rail (chart y): its own height in the gap between the customers' cards and
    the front line, spaced evenly, the leftmost segment's highest, so that a segment reaches the
    roles serving it by upright and level lines as reporting lines do, never by diagonals."""
    if not layout.customers or not layout.front_line:
        return {}
    above = max(box.bottom for box in layout.customers.values())
    below = min(layout.top[r] for r in layout.front_line)
    ordered = sorted(layout.customers, key=lambda segment: layout.customers[segment].x)
    step = (below - above) / (len(ordered) + 1)
    return {segment: -(above + step * (number + 1)) for number, segment in enumerate(ordered)}


def _link(layout: CardLayout, segment: Box, rail: float, role_id: str) -> tuple[Points, Points]:
    """From a segment's card's lower edge down to its rail, along it, and down to the top edge
    of a role's card under it."""
    x = layout.x[role_id]
    return [segment.x, segment.x, x, x, None], [-segment.bottom, rail, rail, -layout.top[role_id], None]


def customer_links_trace(
    shown: Sequence[Role],
    layout: CardLayout,
    serving: Mapping[str, Sequence[str]],
    segment: str | None,
    dimmed: bool,
) -> dict[str, Any]:
    """Each segment's stem, rail and drops to the front-line roles (or the rollups holding them)
    that serve it, in the customer-on-top view (none in the conventional view), with a dot
    where a drop or the stem meets its rail: a rail crossing a drop without a dot is no link."""
    heights = rails(layout)
    reached: dict[str, list[str]] = {}
    for role in shown:
        if role.id in layout.front_line:
            for served in serving.get(role.id, ()):
                if served in heights and (segment is None or served == segment):
                    reached.setdefault(served, []).append(role.id)
    xs: Points = []
    ys: Points = []
    for served, roles in reached.items():
        box, rail = layout.customers[served], heights[served]
        across = [layout.x[r] for r in roles]
        xs.extend((box.x, box.x, None, min(*across, box.x), max(*across, box.x), None))
        ys.extend((-box.bottom, rail, None, rail, rail, None))
        for role_id in roles:
            xs.extend((layout.x[role_id], layout.x[role_id], None))
            ys.extend((rail, -layout.top[role_id], None))
    line = {"color": CUSTOMER_COLOUR, "width": 1.5}
    return _lines_trace(
        xs, ys, "customer-links", "serves", line, opacity=0.25 if dimmed else 0.6, showlegend=False,
        mode="lines+markers", marker={"size": 5, "color": CUSTOMER_COLOUR},
    )  # fmt: skip


def path_trace(chosen: Escalation | None, layout: CardLayout, lit_segments: Sequence[str]) -> dict[str, Any]:
    """The escalation path of the role chosen: from the customers it serves to it, then up
    its chain to the authority, as elbows between card edges (drawn under the cards)."""
    xs: Points = []
    ys: Points = []
    if chosen is not None and all(step in layout.x for step in chosen.path):
        heights = rails(layout)
        for served in lit_segments:
            if served in heights:
                link_xs, link_ys = _link(layout, layout.customers[served], heights[served], chosen.role)
                xs.extend(link_xs)
                ys.extend(link_ys)
        for lower, upper in itertools.pairwise(chosen.path):
            edge, reach, bar = _faces(layout, upper, lower)
            x0, x1 = layout.x[upper], layout.x[lower]
            xs.extend((x0, x0, x1, x1, None))
            ys.extend((edge, bar, bar, reach, None))
    colour = PATH_COLOUR if chosen is None or chosen.authority is not None else UNREACHABLE_COLOUR
    return _lines_trace(xs, ys, "path", "escalation path", {"color": colour, "width": 6}, showlegend=False)
