"""The cards of a chart as Plotly traces: rounded rectangles as filled paths (one trace per
look: plain, collapsed, dimmed, lit, ringed, customer segment), the hop chips (one trace per
colour), and the cards' text (one trace, each card's lines as one label at its middle).

A trace's points are the same in both views, only where they go differs, so the browser
can animate one view into the other. Coordinates are chart pixels: x as laid out, y negated.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from orgcharts.cardlayout import Box, CardLayout
from orgcharts.cards import Card
from orgcharts.style import BAND_COLOUR
from orgcharts.textsize import FONT_FAMILY

CORNER_STEPS = 3
"""Points along each rounded corner: enough to read as round at the sizes cards open at."""
_ARC = [
    (math.cos(step * math.pi / 2 / CORNER_STEPS), math.sin(step * math.pi / 2 / CORNER_STEPS))
    for step in range(CORNER_STEPS + 1)
]
_TURNS = [[((cos, sin), (-sin, cos), (-cos, -sin), (sin, -cos))[quarter] for cos, sin in _ARC] for quarter in range(4)]
"""Each corner's points as offsets from its centre, per unit of radius: quarter turns from
the top right corner anticlockwise."""
_QUARTER = np.repeat(np.arange(4), CORNER_STEPS + 1)
_DX = np.array([dx for turn in _TURNS for dx, _ in turn])
_DY = np.array([dy for turn in _TURNS for _, dy in turn])
OUTLINE_POINTS = 4 * (CORNER_STEPS + 1) + 2
"""Points an outline takes in its path: its corners', its first again, the NaN that ends it."""


def outlines(boxes: Sequence[Box], radius: float) -> tuple[np.ndarray, np.ndarray]:
    """Rounded rectangles around ``boxes`` (pixels, y downwards) as one path: each box's
    corners (top right, top left, bottom left, bottom right, ``CORNER_STEPS`` + 1 points
    each), its first point again, then NaN to break the path. All boxes at once: a chart
    draws thousands on every redraw, and Python's loop over each point cost most of it."""
    xs, ys = outline_rows(boxes, radius)
    return xs.ravel(), ys.ravel()


def outline_rows(boxes: Sequence[Box], radius: float) -> tuple[np.ndarray, np.ndarray]:
    """``outlines``' path as one row per box, so that a subset of the boxes is a subset of
    the rows (``outlines_of``)."""
    if not boxes:
        return np.empty((0, OUTLINE_POINTS)), np.empty((0, OUTLINE_POINTS))
    x, top, width, height = np.array([(box.x, box.top, box.width, box.height) for box in boxes], dtype=np.float64).T
    r = np.minimum(np.minimum(radius, width / 2), height / 2)
    left, right, bottom = x - width / 2, x + width / 2, top + height
    corner_x = np.stack((right - r, left + r, left + r, right - r), axis=1)
    corner_y = np.stack((-(top + r), -(top + r), -(bottom - r), -(bottom - r)), axis=1)
    xs = corner_x[:, _QUARTER] + r[:, None] * _DX
    ys = corner_y[:, _QUARTER] + r[:, None] * _DY
    gap = np.full((len(boxes), 1), np.nan)
    return np.concatenate((xs, xs[:, :1], gap), axis=1), np.concatenate((ys, ys[:, :1], gap), axis=1)


def outlines_of(rows: tuple[np.ndarray, np.ndarray], picked: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The path of the boxes ``picked`` (a mask over ``outline_rows``' rows), in their order."""
    xs, ys = rows
    return xs[picked].ravel(), ys[picked].ravel()


def shapes_trace(
    boxes: Iterable[Box], radius: float, uid: str, fill: str, border: str, width: float, opacity: float = 1.0
) -> dict[str, Any]:
    """Filled rounded rectangles in one trace: one SVG path, whatever their number."""
    return filled_trace(outlines(list(boxes), radius), uid, fill, border, width, opacity)


def filled_trace(
    path: tuple[np.ndarray, np.ndarray], uid: str, fill: str, border: str, width: float, opacity: float = 1.0
) -> dict[str, Any]:
    """``path`` (``outlines``') filled, in one trace."""
    # unsimplified, as the connectors are: each outline travels whole in the flip
    xs, ys = path
    return dict(
        type="scatter",
        x=xs,
        y=ys,
        mode="lines",
        fill="toself",
        fillcolor=fill,
        line={"color": border, "width": width, "simplify": False},
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


def bands_trace(
    placed: CardLayout, band_room: float, px: float, gap: float, hiding: dict[str, float]
) -> dict[str, Any]:
    """The bands' names down the chart's left side: customers, front line, the managers.
    ``meta.captions``: the height each name moves to once the chart is panned away from that
    side (assets/bands.js keeps it at the view's left edge): the middle of the ``gap`` under
    its band, which no card crosses; ``meta.gaps``: each gap's height, which a name may move
    within to keep clear of the reporting lines' bars."""
    bands = placed.bands
    under = [band.top + band.height for band in bands]
    gaps = [bands[i + 1].top - bottom if i + 1 < len(bands) else gap for i, bottom in enumerate(under)]
    captions = [-(bottom + room / 2) for bottom, room in zip(under, gaps, strict=True)]
    return text_trace(
        "bands",
        [-band_room] * len(placed.bands),
        [-(band.top + band.height / 2) for band in placed.bands],
        [f"<b>{html.escape(band.name)}</b>" for band in placed.bands],
        px,
        BAND_COLOUR,
        FONT_FAMILY,
        hoverinfo="skip",
        textposition="middle right",
        meta={**hiding, "captions": captions, "gaps": gaps},
    )
