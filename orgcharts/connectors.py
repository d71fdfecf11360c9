"""The lines of a chart, each kind one trace: reporting lines, dotted lines, links to the
customers served, and the lit escalation path. Each takes the roles' positions in one view."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from orgcharts.metrics import Escalation
from orgcharts.model import Role
from orgcharts.style import CUSTOMER_COLOUR, DOTTED_COLOUR, EDGE_COLOUR, PATH_COLOUR, UNREACHABLE_COLOUR


def _elbow(x0: float, y0: float, x1: float, y1: float) -> list[float | None]:
    """An org-chart connector from manager to report: down, across, down (as x then y lists)."""
    middle = (y0 + y1) / 2
    return [x0, x0, x1, x1, None], [y0, middle, middle, y1, None]  # type: ignore[return-value]


def reporting_lines(
    shown: Sequence[Role], where: Mapping[str, tuple[float, float]]
) -> tuple[list[float | None], list[float | None]]:
    """The connectors from each manager to its reports as one trace's x and y lists (None
    between lines): a drop from the manager halfway to its farthest row of reports, a bar
    across each row of reports at its halfway height, and a drop into each report.

    The same lines as an elbow (``_elbow``) per report, drawn once: about 1.4 segments per
    role instead of 3, which is what a browser without a GPU spends its time drawing."""
    bars: dict[tuple[str, float], list[float]] = {}
    farthest: dict[str, float] = {}
    xs: list[float | None] = []
    ys: list[float | None] = []
    for role in shown:
        manager = role.reports_to
        if manager is None:
            continue
        (x0, y0), (x1, y1) = where[manager], where[role.id]
        middle = (y0 + y1) / 2
        bars.setdefault((manager, y1), [x0]).append(x1)
        if abs(middle - y0) > abs(farthest.get(manager, y0) - y0):
            farthest[manager] = middle
        xs.extend((x1, x1, None))
        ys.extend((middle, y1, None))
    for manager, middle in farthest.items():
        x0, y0 = where[manager]
        xs.extend((x0, x0, None))
        ys.extend((y0, middle, None))
    for (manager, row_y), across in bars.items():
        if min(across) < max(across):
            middle = (where[manager][1] + row_y) / 2
            xs.extend((min(across), max(across), None))
            ys.extend((middle, middle, None))
    return xs, ys


def edges_trace(
    shown: Sequence[Role], where: dict[str, tuple[float, float]], on_path: set[str], kind: str
) -> dict[str, Any]:
    xs, ys = reporting_lines(shown, where)
    return _lines_trace(
        kind,
        xs,
        ys,
        "edges",
        "reporting lines",
        {"color": EDGE_COLOUR, "width": 1.5},
        opacity=0.35 if on_path else 1.0,
        showlegend=False,
    )


def _lines_trace(
    kind: str, xs: list[float | None], ys: list[float | None], uid: str, name: str, line: dict[str, Any], **more: Any
) -> dict[str, Any]:
    """A trace of lines between points (None between lines) that hovering ignores."""
    return dict(type=kind, x=xs, y=ys, mode="lines", line=line, hoverinfo="skip", name=name, uid=uid, **more)


def _segments(
    pairs: Iterable[tuple[tuple[float, float], tuple[float, float]]],
) -> tuple[list[float | None], list[float | None]]:
    """Straight lines between point pairs, as one trace's x and y lists (None between lines)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for (x0, y0), (x1, y1) in pairs:
        xs.extend([x0, x1, None])
        ys.extend([y0, y1, None])
    return xs, ys


def dotted_trace(shown: Sequence[Role], where: dict[str, tuple[float, float]], kind: str) -> dict[str, Any]:
    """Dashed lines from each role to its secondary managers (``dotted_to``) on the chart;
    they never move a role: the layout follows the reporting lines alone."""
    xs, ys = _segments((where[role.id], where[upper]) for role in shown for upper in role.dotted_to if upper in where)
    line = {"color": DOTTED_COLOUR, "width": 2, "dash": "dash"}
    return _lines_trace(
        kind, xs, ys, "dotted", "dotted line (secondary manager)", line, showlegend=bool(xs), legendrank=2000
    )


def customer_links_trace(
    shown: Sequence[Role],
    where: dict[str, tuple[float, float]],
    customers: dict[str, tuple[float, float]],
    segment: str | None,
    lit_segments: set[str],
    kind: str,
) -> dict[str, Any]:
    xs, ys = _segments(
        (where[role.id], customers[served])
        for role in shown
        for served in role.serves
        if customers and (segment is None or served == segment)
    )
    line = {"color": CUSTOMER_COLOUR, "width": 1}
    return _lines_trace(
        kind, xs, ys, "customer-links", "serves", line, opacity=0.15 if lit_segments else 0.35, showlegend=False
    )


def path_trace(
    chosen: Escalation | None,
    where: dict[str, tuple[float, float]],
    customers: dict[str, tuple[float, float]],
    lit_segments: set[str],
) -> dict[str, Any]:
    xs: list[float | None] = []
    ys: list[float | None] = []
    if chosen is not None:
        start = where[chosen.role]
        for served in sorted(lit_segments):
            if served in customers:
                xs.extend([customers[served][0], start[0], None])
                ys.extend([customers[served][1], start[1], None])
        for lower, upper in itertools.pairwise(chosen.path):
            (x0, y0), (x1, y1) = where[upper], where[lower]
            ex, ey = _elbow(x0, y0, x1, y1)
            xs.extend(ex)
            ys.extend(ey)
    colour = PATH_COLOUR if chosen is None or chosen.authority is not None else UNREACHABLE_COLOUR
    return dict(
        type="scatter",
        x=xs,
        y=ys,
        mode="lines",
        line={"color": colour, "width": 7},
        hoverinfo="skip",
        showlegend=False,
        name="escalation path",
        uid="path",
    )
