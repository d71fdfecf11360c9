"""Pictures of a chart to take away: PNG, SVG and PDF for slides and print, through Plotly's
own export (Kaleido driving a Chromium), and HTML as one self-contained interactive file.

A printed chart has no zoom to fall back on, so the page grows with the org: every role
gets room for its label at a readable size, and the picture is as large as that needs.
"""

from __future__ import annotations

import math
import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import networkx as nx
import plotly.graph_objects as go

from orgcharts.collapse import subtree_totals, visible
from orgcharts.errors import OrgChartsError
from orgcharts.figures import SCREEN, Scale, View, org_figure
from orgcharts.graph import depths
from orgcharts.layout import TreeLayout, tidy_tree
from orgcharts.metrics import Escalation
from orgcharts.model import Organization

Format = Literal["html", "png", "svg", "pdf"]
FORMATS: tuple[Format, ...] = ("html", "png", "svg", "pdf")

UNIT_PX = 84
"""Page pixels per layout unit (the gap between siblings): an 11-character label line at 12 px."""
ROW_PX = 150
"""Page pixels per row: a marker, three lines of title and one of name and headcount."""
CHROME_PX = 170
"""Title, legend and margins."""
SMALLEST_PAGE = (1920, 1080)
"""Slides: nothing smaller than full HD, so text stays crisp on a projector."""
PNG_DENSITY = 2
"""Device pixels per page pixel in a PNG, as on a high-density screen."""
PNG_LONGEST_SIDE = 32_000
"""Chromium cannot paint a canvas much larger; wider charts are drawn smaller."""
PDF_LONGEST_SIDE_PT = 14_400
"""200 inches, the largest page Acrobat opens; larger charts shrink, their text still vector."""
PT_PER_PX = 0.75
PRINT_FONT = 12
READABLE_TEXT_PX = 9
"""Label text smaller than this in a PNG is hard to read, however far one zooms in."""


class ExportError(OrgChartsError):
    """A picture could not be made (an unknown format, or no browser to draw it)."""


@dataclass(frozen=True)
class Page:
    """The picture's size in page pixels (CSS pixels, 96 to the inch)."""

    width: int
    height: int

    @property
    def png_scale(self) -> float:
        """Device pixels per page pixel in the PNG."""
        return min(PNG_DENSITY, PNG_LONGEST_SIDE / max(self.width, self.height))

    @property
    def pdf_scale(self) -> float:
        return min(1.0, PDF_LONGEST_SIDE_PT / (max(self.width, self.height) * PT_PER_PX))

    @property
    def png_size(self) -> tuple[int, int]:
        return round(self.width * self.png_scale), round(self.height * self.png_scale)

    @property
    def png_text_px(self) -> float:
        """The height of label text in the PNG (see ``READABLE_TEXT_PX``)."""
        return PRINT_FONT * self.png_scale


@dataclass(frozen=True)
class Picture:
    figure: go.Figure
    page: Page
    format: Format


def format_of(path: str) -> Format:
    """The format a file name asks for, by its extension."""
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    if extension not in FORMATS:
        choices = ", ".join(f".{name}" for name in FORMATS)
        raise ExportError(f"{path}: cannot tell the picture format from the name; end it in {choices}")
    return extension  # type: ignore[return-value]


def page_for(layout: TreeLayout, inverted: bool) -> Page:
    """The page a layout needs for every label to be readable; at least ``SMALLEST_PAGE``."""
    rows = layout.levels + (1.4 if inverted else 0.0)
    width = max(SMALLEST_PAGE[0], math.ceil((layout.width + 2.4) * UNIT_PX))
    height = max(SMALLEST_PAGE[1], math.ceil(rows * ROW_PX) + CHROME_PX)
    return Page(width, height)


def picture(
    org: Organization,
    tree: nx.DiGraph,
    found: Sequence[Escalation],
    fmt: Format,
    *,
    decision: str | None,
    view: View = "inverted",
    amount: float | None = None,
    segment: str | None = None,
    selected: str | None = None,
    levels: int | None = None,
    expanded: Collection[str] = (),
) -> Picture:
    """The chart of ``org`` as a picture: all of it, or its top ``levels`` with the roles in
    ``expanded`` opened (collapsed roles carry their rollups, as on screen).

    HTML is the dashboard's figure, filling the window, with labels appearing on zoom;
    the other formats get a page sized so that every label can be read (``page_for``).
    """
    if levels is None:
        shown, rollups = None, None
    else:
        collapsed = visible(org, tree, levels, expanded, subtree_totals(org, tree, found))
        shown, rollups = (collapsed.roles, collapsed.rollups) if collapsed.rollups else (None, None)
    layout = tidy_tree(org, tree, shown)
    page = page_for(layout, view == "inverted")
    if fmt == "html":
        scale = SCREEN
    else:
        plot_width = page.width - 20  # the figure's side margins
        scale = Scale(
            PRINT_FONT, 20, 34, plot_width, 26, every_label=True, labels_on_zoom=False, webgl=False, label_lines=4
        )
    figure = org_figure(
        org,
        layout,
        found,
        decision=decision,
        view=view,
        amount=amount,
        segment=segment,
        selected=selected,
        scale=scale,
        rollups=rollups,
    )
    for trace in figure.data:  # the other view's geometry is for the dashboard's flip only
        trace.meta = {key: value for key, value in (trace.meta or {}).items() if key != "other"} or None
    figure.layout.meta = None
    figure.update_layout(dragmode="pan" if fmt == "html" else False, clickmode="none")
    if fmt != "html":
        figure.update_layout(width=page.width, height=page.height, hovermode=False)
    return Picture(figure, page, fmt)


def readable_png_levels(org: Organization, tree: nx.DiGraph, found: Sequence[Escalation], view: View) -> int | None:
    """The most top levels a PNG can draw with readable labels, deeper teams collapsed into
    one node each; None when the whole org fits. A PNG is at most ``PNG_LONGEST_SIDE`` pixels
    wide, so a very wide org cannot show every role legibly; a PDF or SVG can."""
    totals = subtree_totals(org, tree, found)
    for levels in range(max(depths(org, tree).values()) + 1, 0, -1):
        shown = visible(org, tree, levels, (), totals)
        layout = tidy_tree(org, tree, shown.roles if shown.rollups else None)
        if page_for(layout, view == "inverted").png_text_px >= READABLE_TEXT_PX:
            return levels if shown.rollups else None
    return 1


def assets_folder() -> str:
    """The browser's scripts and styles (the dashboard's Dash assets): inside the package
    when installed from a wheel (``orgcharts.web.assets``), else at the repository's root."""
    here = Path(__file__).resolve().parent
    packaged = here / "web" / "assets"
    return str(packaged if packaged.is_dir() else here.parent / "assets")


LABELS_SCRIPT = "labels.js"
"""Labels left off because they would overlap appear once zoomed in far enough to read: the
dashboard's own script (an asset), written into the offline HTML."""


def picture_bytes(drawn: Picture) -> bytes:
    """The file's bytes. PNG, SVG and PDF need a Chrome or Chromium (found on the usual
    paths, or named by ``BROWSER_PATH``)."""
    figure = drawn.figure
    if drawn.format == "html":
        page = figure.to_html(
            include_plotlyjs=True,
            full_html=True,
            default_width="100%",
            default_height="100vh",
            config={"displaylogo": False, "scrollZoom": True, "responsive": True},
            post_script=(Path(assets_folder()) / LABELS_SCRIPT).read_text(encoding="utf-8"),
        )
        return page.encode("utf-8")
    options: dict[str, Any] = {"format": drawn.format, "width": drawn.page.width, "height": drawn.page.height}
    if drawn.format in ("png", "pdf"):
        options["scale"] = drawn.page.png_scale if drawn.format == "png" else drawn.page.pdf_scale
    try:
        return figure.to_image(**options)
    except (RuntimeError, ValueError, OSError) as error:
        raise ExportError(
            f"cannot draw the {drawn.format.upper()}: {_first_line(error)}; PNG, SVG and PDF need Chromium "
            "(on Debian: apt-get install chromium) or BROWSER_PATH set to a Chrome or Chromium, and a chart "
            "too big to draw in time can be drawn with fewer levels, or as HTML"
        ) from error


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
