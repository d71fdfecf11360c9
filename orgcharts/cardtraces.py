"""The cards of a chart as Plotly traces: rounded rectangles as filled paths (one trace per
look: plain, collapsed, dimmed, lit, ringed, customer segment), the hop chips (one trace per
colour), and the cards' text (one trace, each card's lines as one label at its middle).

A trace's points are the same in both views, only where they go differs, so the browser
can animate one view into the other. Coordinates are chart pixels: x as laid out, y negated.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from orgcharts.cardlayout import Box
from orgcharts.cards import Card

CORNER_STEPS = 3
"""Points along each rounded corner: enough to read as round at the sizes cards open at."""
_ARC = [
    (math.cos(step * math.pi / 2 / CORNER_STEPS), math.sin(step * math.pi / 2 / CORNER_STEPS))
    for step in range(CORNER_STEPS + 1)
]


def outline(box: Box, radius: float, xs: list[float | None], ys: list[float | None]) -> None:
    """A rounded rectangle around ``box`` (pixels, y downwards) appended to ``xs``/``ys``,
    then a None to break the path."""
    r = min(radius, box.width / 2, box.height / 2)
    corners = (
        (box.right - r, -(box.top + r), 0),
        (box.left + r, -(box.top + r), 1),
        (box.left + r, -(box.bottom - r), 2),
        (box.right - r, -(box.bottom - r), 3),
    )
    for cx, cy, quarter in corners:
        for cos, sin in _ARC:
            # quarter turns: top right, top left, bottom left, bottom right
            dx, dy = ((cos, sin), (-sin, cos), (-cos, -sin), (sin, -cos))[quarter]
            xs.append(cx + r * dx)
            ys.append(cy + r * dy)
    xs.extend((xs[-4 * (CORNER_STEPS + 1)], None))
    ys.extend((ys[-4 * (CORNER_STEPS + 1)], None))


def shapes_trace(
    boxes: Iterable[Box], radius: float, uid: str, fill: str, border: str, width: float, opacity: float = 1.0
) -> dict[str, Any]:
    """Filled rounded rectangles in one trace: one SVG path, whatever their number."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for box in boxes:
        outline(box, radius, xs, ys)
    return dict(
        type="scatter",
        x=xs,
        y=ys,
        mode="lines",
        fill="toself",
        fillcolor=fill,
        line={"color": border, "width": width},
        opacity=opacity,
        hoverinfo="skip",
        showlegend=False,
        name=uid,
        uid=uid,
    )


def card_box(x: float, top: float, card: Card) -> Box:
    return Box(x, top, card.width, card.height)


def chip_box(x: float, top: float, card: Card) -> Box | None:
    chip = card.chip
    if chip is None:
        return None
    return Box(x, top + chip.top, chip.width, chip.height)


def text_trace(
    uid: str,
    xs: Sequence[float],
    ys: Sequence[float],
    texts: Sequence[str],
    sizes: Sequence[float] | float,
    colours: Sequence[str] | str,
    family: str,
    **more: Any,
) -> dict[str, Any]:
    """Labels centred on their points, each at its own size and colour."""
    more.setdefault("textposition", "middle center")
    return dict(
        type="scatter",
        x=list(xs),
        y=list(ys),
        mode="text",
        text=list(texts),
        textfont={
            "family": family,
            "size": sizes if isinstance(sizes, int | float) else list(sizes),
            "color": colours if isinstance(colours, str) else list(colours),
        },
        showlegend=False,
        name=uid,
        uid=uid,
        **more,
    )
