"""Pictures of a chart to take away: PNG, SVG and PDF for slides and print, through Plotly's
own export (Kaleido driving a Chromium), and HTML as one self-contained interactive file.

A picture has no zoom to fall back on: it is a 16:9 slide (``SLIDE``) with every card's text
at ``cards.PICTURE_TEXT``, and a bigger page only when the cards shown need it.
"""

from __future__ import annotations

import math
import os
import re
import threading
import warnings
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import kaleido
import networkx as nx
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs_version

from orgcharts.cardlayout import CardLayout
from orgcharts.cards import PICTURE_TEXT, TextSize
from orgcharts.collapse import subtree_totals, visible
from orgcharts.errors import OrgChartsError
from orgcharts.figures import PAD, SCREEN, Scale, View, org_figure
from orgcharts.fitting import chart_cards, levels_that_fit
from orgcharts.graph import depths
from orgcharts.metrics import Escalation
from orgcharts.model import Organization
from orgcharts.textsize import text_width

Format = Literal["html", "png", "svg", "pdf"]
FORMATS: tuple[Format, ...] = ("html", "png", "svg", "pdf")

SLIDE = (3840, 2160)
"""A 16:9 slide at four times full HD: a PNG this size keeps its text sharp on any projector."""
PNG_LONGEST_SIDE = 32_000
"""Chromium cannot paint a canvas much larger; wider charts are drawn smaller."""
PDF_LONGEST_SIDE_PT = 14_400
"""200 inches, the largest page Acrobat opens; larger charts shrink, their text still vector."""
PT_PER_PX = 0.75
PDF_EVERY_ROLE_UP_TO = 2_000
"""A PDF draws every role up to this many (a real 1,500-row HR export prints whole); a bigger
org gets the slide's readable levels, as a PNG does: its every card would shrink to a speck on
the largest page, and Chromium does not print such a page in time (docs/performance.md)."""
PICTURE = Scale(
    PICTURE_TEXT, title_font=40, plot_width_px=SLIDE[0] - 16, plot_height_px=SLIDE[1] - 72, hides_small_text=False
)
"""A picture's medium: cards at ``cards.PICTURE_TEXT`` (24 px), every text always drawn."""
READABLE_TEXT_PX = PICTURE_TEXT.px
"""The smallest text a PNG for a slide may have."""


class ExportError(OrgChartsError):
    """A picture could not be made (an unknown format, or no browser to draw it)."""


@dataclass(frozen=True)
class Page:
    """The picture's size in page pixels (CSS pixels, 96 to the inch)."""

    width: int
    height: int

    @property
    def png_scale(self) -> float:
        """Device pixels per page pixel in the PNG: one, unless the page is too big to paint."""
        return min(1.0, PNG_LONGEST_SIDE / max(self.width, self.height))

    @property
    def pdf_scale(self) -> float:
        return min(1.0, PDF_LONGEST_SIDE_PT / (max(self.width, self.height) * PT_PER_PX))

    @property
    def png_size(self) -> tuple[int, int]:
        return round(self.width * self.png_scale), round(self.height * self.png_scale)

    @property
    def png_text_px(self) -> float:
        """The height of the smallest text in the PNG (see ``READABLE_TEXT_PX``)."""
        return PICTURE_TEXT.px * self.png_scale


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


def page_for(layout: CardLayout, size: TextSize = PICTURE_TEXT) -> Page:
    """The page a card layout needs at its text size: a slide (``SLIDE``), or more when the
    cards need more room (the band names down the left side, margins and title included)."""
    width, height = layout.extent
    room = max((text_width(band.name, size.px, "bold") for band in layout.bands), default=0.0) + size.px
    needed_width = math.ceil(width + room + 2 * PAD + 16)
    needed_height = math.ceil(height + 2 * PAD + PICTURE.title_font + 32)
    return Page(max(SLIDE[0], needed_width), max(SLIDE[1], needed_height))


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
    ``expanded`` opened (collapsed roles carry their rollups, as on screen), drawn with the
    dashboard's cards. A selection lights its path only when ``selected`` is given.

    HTML is the dashboard's figure, filling the window, its text hidden when zoomed out
    below legible; the other formats get a slide-sized page (``page_for``) with every
    card's text at ``cards.PICTURE_TEXT``.
    """
    totals = subtree_totals(org, tree, found)
    shown = visible(org, tree, levels, expanded, totals) if levels is not None else None
    if shown is not None and not shown.rollups:
        shown = None
    scale = SCREEN if fmt == "html" else PICTURE
    placed = chart_cards(org, tree, view, found, decision, scale.text, shown).layout
    page = page_for(placed, scale.text)
    figure = org_figure(
        org,
        tree,
        found,
        decision=decision,
        view=view,
        amount=amount,
        segment=segment,
        selected=selected,
        scale=scale,
        shown=shown,
        area=None if fmt == "html" else (page.width, page.height),
    )
    for trace in figure.data:  # the other view's geometry is for the dashboard's flip only
        trace.meta = {key: value for key, value in (trace.meta or {}).items() if key != "other"} or None
    figure.layout.meta = None
    figure.update_layout(dragmode="pan" if fmt == "html" else False, clickmode="none")
    if fmt == "html":
        figure.update_layout(xaxis_autorange=True, yaxis_autorange=True)
    else:
        figure.update_layout(width=page.width, height=page.height, hovermode=False)
    return Picture(figure, page, fmt)


def readable_png_levels(org: Organization, tree: nx.DiGraph, found: Sequence[Escalation], view: View) -> int | None:
    """The most top levels a slide-sized PNG can draw with every text at ``PICTURE_TEXT``,
    deeper teams collapsed into one card each; None when the whole org fits."""
    totals = subtree_totals(org, tree, found)
    deepest = max(depths(org, tree).values()) + 1
    decision = None
    area = (PICTURE.plot_width_px - 12 * PICTURE_TEXT.px, PICTURE.plot_height_px)
    levels = levels_that_fit(org, tree, *area, found, decision, PICTURE_TEXT, views=(view,), totals=totals)
    return None if levels >= deepest else levels


def readable_pdf_levels(org: Organization, tree: nx.DiGraph, found: Sequence[Escalation], view: View) -> int | None:
    """None (every role) up to ``PDF_EVERY_ROLE_UP_TO`` roles, else ``readable_png_levels``."""
    if len(org.roles) <= PDF_EVERY_ROLE_UP_TO:
        return None
    return readable_png_levels(org, tree, found, view)


def assets_folder() -> str:
    """The browser's scripts and styles (the dashboard's Dash assets): inside the package
    when installed from a wheel (``orgcharts.web.assets``), else at the repository's root."""
    here = Path(__file__).resolve().parent
    packaged = here / "web" / "assets"
    return str(packaged if packaged.is_dir() else here.parent / "assets")


OFFLINE_SCRIPTS = ("charts.js", "labels.js")
"""Text hidden while zoomed out below legible, shown again zoomed in: the dashboard's own
scripts (assets: labels.js, and charts.js that hands it the chart), written into the offline HTML."""


PLOTLY_BUNDLE = "plotly-gl2d.min.js"
"""plotly.js's 2D bundle (scatter, scattergl, splom, parcoords: every chart of ours but the
board pack's bars), fetched into the assets by scripts/setup."""


def plotly_bundle(folder: str, version: str) -> bytes | None:
    """The 2D bundle in ``folder`` when it is plotly.js ``version`` (the one plotly.py writes
    figures for), else None: a stale bundle left by an older setup must not draw figures
    meant for another version."""
    try:
        with open(Path(folder) / PLOTLY_BUNDLE, "rb") as bundle:
            head = bundle.read(256)
            stamp = rb"^\* plotly\.js \(gl2d - minified\) v" + re.escape(version.encode()) + rb"$"
            return head + bundle.read() if re.search(stamp, head, re.MULTILINE) else None
    except FileNotFoundError:
        return None


def picture_bytes(drawn: Picture, *, warm: bool = False) -> bytes:
    """The file's bytes. PNG, SVG and PDF need a Chrome or Chromium (found on the usual
    paths, or named by ``BROWSER_PATH``): started for this picture, or with ``warm`` kept
    running for the pictures after it (``kaleido.start_sync_server``: one per process).

    HTML carries the dashboard's 2D bundle when setup fetched it, else Plotly's full one."""
    figure = drawn.figure
    if drawn.format == "html":
        bundle = plotly_bundle(assets_folder(), get_plotlyjs_version())
        page = figure.to_html(
            include_plotlyjs=bundle is None,
            full_html=True,
            default_width="100%",
            default_height="100vh",
            config={"displaylogo": False, "scrollZoom": True, "responsive": True},
            post_script=[(Path(assets_folder()) / name).read_text(encoding="utf-8") for name in OFFLINE_SCRIPTS],
        )
        if bundle is not None:
            # the bundle's own bytes, as plotly.py writes its full one (a script ending "</script" cannot occur in it)
            page = page.replace("<head>", '<head><script type="text/javascript">' + bundle.decode() + "</script>", 1)
        return page.encode("utf-8")
    options: dict[str, Any] = {"format": drawn.format, "width": drawn.page.width, "height": drawn.page.height}
    if drawn.format in ("png", "pdf"):
        options["scale"] = drawn.page.png_scale if drawn.format == "png" else drawn.page.pdf_scale
    try:
        if not warm:
            return figure.to_image(**options)
        with _ONE_PICTURE_AT_A_TIME:
            return _drawn_warm(figure, options)
    except (RuntimeError, ValueError, OSError) as error:
        raise ExportError(
            f"cannot draw the {drawn.format.upper()}: {_first_line(error)}; PNG, SVG and PDF need Chromium "
            "(on Debian: apt-get install chromium) or BROWSER_PATH set to a Chrome or Chromium, and a chart "
            "too big to draw in time can be drawn with fewer levels, or as HTML"
        ) from error


_ONE_PICTURE_AT_A_TIME = threading.Lock()
"""Kaleido's kept Chromium answers its callers from one queue, in turn: two threads asking
at once could each get the other's picture."""


def _drawn_warm(figure: go.Figure, options: dict[str, Any]) -> bytes:
    """The picture from the process's kept Chromium, started on the first call (no MathJax:
    our charts have no formulas, and it would be fetched from a CDN). A failure stops it,
    so that the next picture starts a fresh one."""
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)  # no-op once started
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # plotly.py hands it options that a kept Chromium ignores
            return figure.to_image(**options)
    except Exception:
        kaleido.stop_sync_server(silence_warnings=True)
        raise


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
