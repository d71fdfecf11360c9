"""A board pack as plain data: its slides, and on each what is written and drawn where.

Every writer (PowerPoint, HTML; the PDF is the PowerPoint converted) draws exactly this, so
the three carry the same slides. Lengths are pixels at 96 to the inch on a 16:9 slide
``SLIDE_WIDTH`` by ``SLIDE_HEIGHT`` (13.33 by 7.5 inches, PowerPoint's widescreen), y
downwards; type is in points, never under ``SMALLEST_PT``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SLIDE_WIDTH = 1280
SLIDE_HEIGHT = 720
PX_PER_INCH = 96
PT_PER_PX = 0.75
SMALLEST_PT = 12.0
"""The smallest type on any slide: what a room can read from the back of a board table."""
TITLE_PT = 28.0
BODY_PT = 18.0
FONT = "Arial"
"""A font every Office, LibreOffice (as the metric-equal Liberation Sans) and browser has."""

TITLE_PLACE = (40.0, 12.0, SLIDE_WIDTH - 80.0, 68.0)
"""The title's left, top, width and height."""
FOOTNOTE_PT = SMALLEST_PT
FOOTNOTE_COLOUR = "#4a5262"

Align = Literal["left", "centre"]


@dataclass(frozen=True)
class Run:
    """One piece of text in one style: ``pt`` points, bold or not, colour as ``#rrggbb``."""

    text: str
    pt: float
    bold: bool = False
    colour: str = "#1d2433"


@dataclass(frozen=True)
class Box:
    """A shape: a rounded card, a plain rectangle or text alone (``fill`` None and no
    ``border``), its ``paragraphs`` (each a tuple of runs) centred or left-aligned in it.
    ``key`` names what it stands for (a role id, a segment id) so lines can join it."""

    left: float
    top: float
    width: float
    height: float
    paragraphs: tuple[tuple[Run, ...], ...]
    fill: str | None = None
    border: str | None = None
    border_px: float = 1.0
    rounded: bool = False
    align: Align = "centre"
    key: str | None = None


@dataclass(frozen=True)
class Link:
    """A line from the box keyed ``start`` to the box keyed ``end``: drawn through
    ``points`` (a reporting line's elbow), or, without them, straight from ``start``'s
    right side to ``end``'s left, glued to both (a step of an escalation, an ``arrow`` at
    ``end``)."""

    start: str
    end: str
    colour: str = "#8a94a6"
    px: float = 1.5
    arrow: bool = False
    points: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    """A bar chart (``horizontal``) or column chart at its place: categories along one axis,
    one bar per series in each; ``axis_title`` says the amount and unit of the values."""

    left: float
    top: float
    width: float
    height: float
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    axis_title: str
    horizontal: bool = False
    number_format: str = "#,##0"


@dataclass(frozen=True)
class Table:
    """A table at its place: a header row and rows of text, each cell one run at ``pt``;
    ``marks`` colours whole rows (row index, counting the header as 0, to a fill)."""

    left: float
    top: float
    width: float
    height: float
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    pt: float = 14.0
    column_widths: tuple[float, ...] = ()
    marks: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Slide:
    """One slide: its ``title`` (the slide's title placeholder, so PowerPoint's outline and
    a screen reader find it), then what is drawn on it, and a ``footnote`` along the bottom
    (what was left out, and where it is)."""

    title: str
    boxes: tuple[Box, ...] = ()
    links: tuple[Link, ...] = ()
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    footnote: str = ""


@dataclass(frozen=True)
class Deck:
    """The board pack: its name (the org's) and its slides in order."""

    name: str
    slides: tuple[Slide, ...]

    @property
    def titles(self) -> list[str]:
        return [slide.title for slide in self.slides]


def text_box(left: float, top: float, width: float, height: float, lines: list[str], pt: float = BODY_PT) -> Box:
    """Plain left-aligned text, a paragraph per line."""
    return Box(left, top, width, height, tuple((Run(line, pt),) for line in lines), align="left")


def pt_of(px: float) -> float:
    return round(px * PT_PER_PX, 1)


def with_footnote(slide: Slide, note: str, first: bool = False) -> Slide:
    """``slide`` with ``note`` added to its footnote (before what it said, when ``first``)."""
    parts = (note, slide.footnote) if first else (slide.footnote, note)
    footnote = " ".join(part for part in parts if part)
    return Slide(slide.title, slide.boxes, slide.links, slide.charts, slide.tables, footnote)


def footnote_box(text: str) -> Box:
    """The footnote along the bottom of a slide, under the chart's room (two lines at most)."""
    return Box(
        40, SLIDE_HEIGHT - 40, SLIDE_WIDTH - 80, 38, ((Run(text, FOOTNOTE_PT, colour=FOOTNOTE_COLOUR),),), align="left"
    )
