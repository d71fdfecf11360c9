"""A figure's frame: its title, and axes that open at one chart unit per pixel of the plot area."""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any, NamedTuple

from orgcharts.amounts import Asked, Basis, request_words
from orgcharts.cardlayout import CardLayout
from orgcharts.model import Organization
from orgcharts.style import Scale, View
from orgcharts.textsize import FONT_FAMILY, text_width, wrap_to_width

PAD = 12.0
"""Pixels of white around the chart's cards at opening."""


def ranges(
    placed: CardLayout,
    width: float,
    band_room: float,
    plot: tuple[float, float],
    focus: str | None,
    serves: Sequence[str] = (),
) -> dict[str, list]:
    """Axis ranges of one unit per pixel of the plot area, from the top of the chart: the
    chart (``width`` wide: the wider view's, so that both views open on the same ranges and
    a flip keeps the user's zoom) centred when it fits, else the customer-on-top view's
    leftmost segments, as many as fit (over the front line serving them), with the top role
    at the bottom when it fits beside them, the conventional view's top role in the middle. The role ``focus`` (the one selected, or found by search)
    is brought into view: the opening moves, to put it in the middle, only when its card
    would be outside, so clicking a role in view never moves the chart; with it, where both
    fit, the nearest of the customer segments it ``serves``, whole. A chart wider than its
    plot opens with the fewest cards cut at its edges, the uppermost row's first."""
    plot_w, plot_h = plot
    y_top = _over_a_sliver(placed, plot_h)
    if focus in placed.x and placed.top[focus] + placed.height[focus] > plot_h - 2 * PAD:
        y_top = -(placed.top[focus] + placed.height[focus] / 2) + plot_h / 2
    left = -band_room - PAD
    content = width + PAD - left
    if content <= plot_w:
        x0 = left - (plot_w - content) / 2
    else:
        view = _View(plot_w, (-y_top, plot_h - y_top), (left, width + PAD - plot_w))
        centre, kept = _opening(placed, plot_w, left)
        x0 = _least_cut_left_edge(placed, _centred(centre, plot_w, left, width), view, keep=kept)
        if focus in placed.x:
            half = placed.width[focus] / 2 + PAD
            if not x0 <= placed.x[focus] - half <= placed.x[focus] + half <= x0 + plot_w:
                centre, kept = _beside(placed, focus, serves, plot_w)
                x0 = _least_cut_left_edge(placed, _centred(centre, plot_w, left, width), view, focus, kept)
    return {"x": [x0, x0 + plot_w], "y": [y_top - plot_h, y_top]}


def _beside(
    placed: CardLayout, focus: str, serves: Sequence[str], plot_w: float
) -> tuple[float, list[tuple[float, float]]]:
    """The centre of a view on ``focus`` and the spans it keeps whole: the focus with the
    nearest of the segments it ``serves`` when both fit in ``plot_w``, else the focus alone."""
    x, half = placed.x[focus], placed.width[focus] / 2
    boxes = [placed.customers[segment] for segment in serves if segment in placed.customers]
    if boxes:
        nearest = min(boxes, key=lambda box: abs(box.x - x))
        left, right = min(x - half, nearest.left), max(x + half, nearest.right)
        if right - left <= plot_w - 2 * PAD:
            return (left + right) / 2, [(nearest.left, nearest.right)]
    return x, []


SLIVER = 3 * PAD
"""The most of a row of cards, in pixels, the opening leaves out at the bottom (showing a
little more white at the top) rather than show a sliver of them, their titles cut."""


def _over_a_sliver(placed: CardLayout, plot_h: float) -> float:
    """The top of a view ``plot_h`` tall (chart units above the chart's top): ``PAD``, or
    lower by at most ``SLIVER`` when that puts the bottom edge just above a row of cards it
    would cut, cutting no other."""
    bottom = plot_h - PAD

    def cut(at: float) -> list[float]:
        return [placed.top[r] for r in placed.x if placed.top[r] < at < placed.top[r] + placed.height[r]]

    tops = cut(bottom)
    if not tops:
        return PAD
    shift = bottom - min(tops) + PAD / 2
    return PAD + shift if shift <= SLIVER and not cut(bottom - shift) else PAD


def _centred(centre: float, plot_w: float, left: float, width: float) -> float:
    """The left edge of a view ``plot_w`` wide around ``centre``, kept on the chart."""
    return min(max(centre - plot_w / 2, left), width + PAD - plot_w)


class _View(NamedTuple):
    width: float
    rows: tuple[float, float]
    """The tops, in the layout's pixels, of the view's first and last rows of pixels."""
    bounds: tuple[float, float]
    """The least and greatest left edge that keep the view on the chart."""


def _least_cut_left_edge(
    placed: CardLayout, x0: float, view: _View, focus: str | None = None, keep: Sequence[tuple[float, float]] = ()
) -> float:
    """The view's left edge nearest ``x0`` (by at most half its width, within its bounds)
    that cuts the fewest cards in sight: first those of the uppermost row in sight (the front
    line, or the top role's row) and the customers' segments over it, at the left edge and
    then at the right, then those of every row, left then right; ``focus`` kept whole, and
    then, among edges that cut as few, a sixth of the width from either edge where it can;
    the spans in ``keep`` (left and right edges) kept whole too. ``x0`` when no such edge
    keeps them whole."""
    reach = view.width / 2
    near = [
        r
        for r in placed.x
        if placed.x[r] + placed.width[r] / 2 > x0 - reach - PAD
        and placed.x[r] - placed.width[r] / 2 < x0 + view.width + reach + PAD
        and placed.top[r] < view.rows[1]
        and placed.top[r] + placed.height[r] > view.rows[0]
    ]
    uppermost = min((placed.band[r] for r in near), default=0)
    segments = [(box.left, box.right) for box in placed.customers.values() if box.top < view.rows[1]]
    spans = {r: (placed.x[r] - placed.width[r] / 2, placed.x[r] + placed.width[r] / 2) for r in near}
    rows = ([spans[r] for r in near if placed.band[r] == uppermost] + segments, [*spans.values(), *segments])
    cuts = []
    for row in rows:
        # a left edge needs room before the first card it shows, a right edge after the last
        cuts.append(_Cuts([(a - PAD / 2, b) for a, b in row]))
        cuts.append(_Cuts([(a - view.width, b + PAD / 2 - view.width) for a, b in row]))
    candidates = {x0} | {at for a, b in rows[1] for at in (a - PAD / 2, b, a - view.width, b + PAD / 2 - view.width)}
    candidates = {at for at in candidates if abs(at - x0) <= reach and view.bounds[0] <= at <= view.bounds[1]}
    if focus in placed.x:
        candidates = {at for at in candidates if _room(placed, focus, at, view.width) >= 0}
    candidates = {at for at in candidates if all(at <= a and b <= at + view.width for a, b in keep)}
    if not candidates:
        return x0
    return min(
        candidates,
        key=lambda at: (
            *(count(at) for count in cuts),
            focus in placed.x and _room(placed, focus, at, view.width) < view.width / 6,
            abs(at - x0),
        ),
    )


def _room(placed: CardLayout, role: str, left: float, width: float) -> float:
    """Pixels between ``role``'s card and the nearer side of a view from ``left``, ``width``
    wide; negative when the view cuts it."""
    half = placed.width[role] / 2
    return min(placed.x[role] - half - left, left + width - placed.x[role] - half)


class _Cuts:
    """How many of some open spans hold a point: ``_Cuts(spans)(at)``, in log time."""

    def __init__(self, spans: list[tuple[float, float]]) -> None:
        self.starts = sorted(a for a, _ in spans)
        self.ends = sorted(b for _, b in spans)

    def __call__(self, at: float) -> int:
        return bisect_left(self.starts, at) - bisect_right(self.ends, at)


def _opening(placed: CardLayout, plot_w: float, left: float) -> tuple[float, list[tuple[float, float]]]:
    """Where a chart wider than its plot opens: the centre of its view, and the spans (left
    and right edges) it keeps whole. The conventional view centres on the top role. The
    customer-on-top view centres on its leftmost segments, as many as fit, and takes in the
    top role at the bottom too when it fits beside them (both then kept whole), so that the
    opening shows the chain from the customers down to the top."""
    top = _top_role(placed)
    if placed.view == "conventional" and top is not None:
        return placed.x[top], []
    if not placed.customers:
        return left + plot_w / 2, []
    boxes = sorted(placed.customers.values(), key=lambda box: box.left)
    within = [box for box in boxes if box.right - boxes[0].left <= plot_w - 2 * PAD]
    start, end = (boxes[0].left, within[-1].right) if within else (boxes[0].x, boxes[0].x)
    if top is not None:
        half = placed.width[top] / 2
        first, last = min(start, placed.x[top] - half), max(end, placed.x[top] + half)
        if last - first <= plot_w - 2 * PAD:
            return (first + last) / 2, [(first - PAD / 2, last + PAD / 2)]
    return (start + end) / 2, []


def _top_role(placed: CardLayout) -> str | None:
    """The first role in the top role's row (the first row, or the customer-on-top view's last)."""
    if not placed.band:
        return None
    row = 0 if placed.view == "conventional" else max(placed.band.values())
    return next(role_id for role_id, band in placed.band.items() if band == row)


SEPARATOR = " · "
"""Between a title's parts: the org, what was measured, the view."""


def title(org: Organization, view: View, decision: str | None, amount: float | None) -> str:
    """ "Northwind Mobile · Refund or bill credit of 200 USD (typical amount) · customers on
    top": the amount the figures were measured at is always said (``amounts``), and with no
    amount for a decision that has a unit, that limits were ignored."""
    parts = [html.escape(org.name, quote=False)]
    if decision is not None:
        subject = org.decision_index[decision]
        if not subject.unit:
            basis: Basis = "no unit"
        elif amount is None:
            basis = "none"
        else:
            basis = "typical" if amount == subject.typical_amount else "given"
        parts.append(html.escape(request_words(Asked(subject, amount, basis)), quote=False))
    return SEPARATOR.join([*parts, "customers on top" if view == "inverted" else "conventional"])


TOOLS_ROOM = 48.0
"""Pixels at the plot's right kept clear of the title for Plotly's tools, shown on hover."""
TITLE_LINE_HEIGHT = 1.3
"""A title's line spacing, in its font size (Plotly's own for multi-line text)."""


def title_lines(title: str, width: float, px: float) -> list[str]:
    """``title`` in lines that fit ``width`` pixels less ``TOOLS_ROOM`` at ``px`` pixels:
    broken between its parts (org · what was measured · view) where it can, within a part
    between words only when the part alone is too wide. Nothing is left out."""
    room = max(width - TOOLS_ROOM, px)
    lines: list[str] = []
    for part in title.split(SEPARATOR):
        joined = f"{lines[-1]}{SEPARATOR}{part}" if lines else part
        if lines and text_width(joined, px) <= room:
            lines[-1] = joined
        else:
            lines.extend(wrap_to_width(part, room, px) or [part])
    return lines


def title_margin(scale: Scale, rows: int) -> int:
    """The top margin, in pixels, that holds ``rows`` lines of the title (none: the bottom's)."""
    if rows == 0:
        return 8
    return 24 + scale.title_font + round((rows - 1) * scale.title_font * TITLE_LINE_HEIGHT)


def frame(
    title: str, scale: Scale, revision: str, ranges: dict[str, list], reach: float, title_rows: int = 1
) -> dict[str, Any]:
    """The figure's layout, as a dict (``figureparts.FigureParts``). The y axis is anchored
    to the x axis one to one, so zooming keeps cards' shapes and the text's size against
    them. The top margin holds ``title_rows`` lines of title (the most either view's title
    takes, so that a flip in the browser keeps the chart where it is)."""
    axis = {"visible": False, "showgrid": False, "zeroline": False}
    return dict(
        title={
            "text": title,
            "font": {"size": scale.title_font, "family": FONT_FAMILY},
            "x": 0.01,
            "xanchor": "left",
        },
        showlegend=False,
        xaxis={**axis, "range": ranges["x"]},
        yaxis={**axis, "range": ranges["y"], "scaleanchor": "x", "scaleratio": 1},
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        margin={"l": 8, "r": 8, "t": title_margin(scale, title_rows), "b": 8},
        modebar={"orientation": "v"},
        font={"family": FONT_FAMILY},
        hovermode="closest",
        hoverdistance=round(reach),
        hoverlabel={"font": {"size": scale.text.px, "family": FONT_FAMILY}},
        clickmode="event",
        dragmode="pan",
        uirevision=revision,
    )
