"""A figure's frame: its title, and axes that open at one chart unit per pixel of the plot area."""

from __future__ import annotations

import html
from typing import Any

from orgcharts.amounts import Asked, Basis, request_words
from orgcharts.cardlayout import CardLayout
from orgcharts.model import Organization
from orgcharts.style import Scale, View
from orgcharts.textsize import FONT_FAMILY

PAD = 12.0
"""Pixels of white around the chart's cards at opening."""


def ranges(
    placed: CardLayout, width: float, band_room: float, plot: tuple[float, float], focus: str | None
) -> dict[str, list]:
    """Axis ranges of one unit per pixel of the plot area, from the top of the chart: the
    chart (``width`` wide: the wider view's, so that both views open on the same ranges and
    a flip keeps the user's zoom) centred when it fits, else the role ``focus`` (one found by
    search) in the middle, or else the customer-on-top view's leftmost segments, as many as fit
    (over the front line serving them), the conventional view's top role in the middle."""
    plot_w, plot_h = plot
    left = -band_room - PAD
    content = width + PAD - left
    if content <= plot_w:
        x0 = left - (plot_w - content) / 2
    else:
        centred = focus
        if centred not in placed.x and placed.view == "conventional":
            centred = next((role_id for role_id, band in placed.band.items() if band == 0), None)
        if centred in placed.x:
            centre = placed.x[centred]
        elif placed.customers:
            boxes = sorted(placed.customers.values(), key=lambda box: box.left)
            within = [box for box in boxes if box.right - boxes[0].left <= plot_w - 2 * PAD]
            centre = (boxes[0].left + within[-1].right) / 2 if within else boxes[0].x
        else:
            centre = left + plot_w / 2
        x0 = min(max(centre - plot_w / 2, left), width + PAD - plot_w)
    y_top = PAD
    if focus in placed.x and placed.top[focus] + placed.height[focus] > plot_h - 2 * PAD:
        y_top = -(placed.top[focus] + placed.height[focus] / 2) + plot_h / 2
    return {"x": [x0, x0 + plot_w], "y": [y_top - plot_h, y_top]}


def title(org: Organization, view: View, decision: str | None, amount: float | None) -> str:
    """ "Northwind Mobile · Refund or bill credit of 200 USD (typical amount) · customers on
    top": the amount the figures were measured at is always said (``amounts``), and with no
    amount for a decision that has a unit, that limits were ignored."""
    said = html.escape(org.name, quote=False)
    if decision is not None:
        subject = org.decision_index[decision]
        if not subject.unit:
            basis: Basis = "no unit"
        elif amount is None:
            basis = "none"
        else:
            basis = "typical" if amount == subject.typical_amount else "given"
        said += f" · {html.escape(request_words(Asked(subject, amount, basis)), quote=False)}"
    return said + (" · customers on top" if view == "inverted" else " · conventional")


def frame(title: str, scale: Scale, revision: str, ranges: dict[str, list], reach: float) -> dict[str, Any]:
    """The figure's layout, as a dict (``PER_ROLE``). The y axis is anchored to the x axis
    one to one, so zooming keeps cards' shapes and the text's size against them."""
    axis = {"visible": False, "showgrid": False, "zeroline": False}
    return dict(
        title={"text": title, "font": {"size": scale.title_font, "family": FONT_FAMILY}, "x": 0.01, "xanchor": "left"},
        showlegend=False,
        xaxis={**axis, "range": ranges["x"]},
        yaxis={**axis, "range": ranges["y"], "scaleanchor": "x", "scaleratio": 1},
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        margin={"l": 8, "r": 8, "t": 24 + scale.title_font, "b": 8},
        font={"family": FONT_FAMILY},
        hovermode="closest",
        hoverdistance=round(reach),
        hoverlabel={"font": {"size": scale.text.px, "family": FONT_FAMILY}},
        clickmode="event",
        dragmode="pan",
        uirevision=revision,
    )
