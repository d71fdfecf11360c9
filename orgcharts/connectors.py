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
    for (manager, x), members in columns.items():
        first = min(members, key=lambda member: abs(layout.top[member] - layout.top[manager]))
        edge, reach, bar = _faces(layout, manager, first)
        bars.setdefault(manager, [layout.x[manager]]).append(x)
        xs.extend((x, x, None))
        ys.extend((bar, reach, None))
        if len(members) > 1:
            _bracket(xs, ys, [layout.box(member) for member in members])
    for manager, across in bars.items():
        some_report = next(key[1] for key in columns if key[0] == manager)
        report = columns[(manager, some_report)][0]
        edge, _, bar = _faces(layout, manager, report)
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
    return dict(type="scatter", x=xs, y=ys, mode="lines", line=line, hoverinfo="skip", name=name, uid=uid, **more)


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


def _link(layout: CardLayout, segment: Box, role_id: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """From a segment's card's lower edge to the top edge of a role's card under it."""
    return (segment.x, -segment.bottom), (layout.x[role_id], -layout.top[role_id])


def customer_links_trace(
    shown: Sequence[Role],
    layout: CardLayout,
    serving: Mapping[str, Sequence[str]],
    segment: str | None,
    dimmed: bool,
) -> dict[str, Any]:
    """Lines from each segment to the front-line roles (or the rollups holding them) that
    serve it, in the customer-on-top view; none in the conventional view."""
    xs: Points = []
    ys: Points = []
    for role in shown:
        for served in serving.get(role.id, ()):
            box = layout.customers.get(served)
            if box is not None and (segment is None or served == segment) and role.id in layout.front_line:
                (x0, y0), (x1, y1) = _link(layout, box, role.id)
                xs.extend((x0, x1, None))
                ys.extend((y0, y1, None))
    line = {"color": CUSTOMER_COLOUR, "width": 1.5}
    return _lines_trace(xs, ys, "customer-links", "serves", line, opacity=0.2 if dimmed else 0.5, showlegend=False)


def path_trace(chosen: Escalation | None, layout: CardLayout, lit_segments: Sequence[str]) -> dict[str, Any]:
    """The escalation path of the role chosen: from the customers it serves to it, then up
    its chain to the authority, as elbows between card edges (drawn under the cards)."""
    xs: Points = []
    ys: Points = []
    if chosen is not None and all(step in layout.x for step in chosen.path):
        for served in lit_segments:
            box = layout.customers.get(served)
            if box is not None:
                (x0, y0), (x1, y1) = _link(layout, box, chosen.role)
                xs.extend((x0, x1, None))
                ys.extend((y0, y1, None))
        for lower, upper in itertools.pairwise(chosen.path):
            edge, reach, bar = _faces(layout, upper, lower)
            x0, x1 = layout.x[upper], layout.x[lower]
            xs.extend((x0, x0, x1, x1, None))
            ys.extend((edge, bar, bar, reach, None))
    colour = PATH_COLOUR if chosen is None or chosen.authority is not None else UNREACHABLE_COLOUR
    return _lines_trace(xs, ys, "path", "escalation path", {"color": colour, "width": 6}, showlegend=False)
