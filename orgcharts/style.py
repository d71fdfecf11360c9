"""How every chart looks, on a screen, a projector or a page: the two views, the colours
(hops on a blue-to-red scale), the media drawn for, and the key to the colours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from orgcharts.cards import PROJECTOR_TEXT, SCREEN_TEXT, TextSize

View = Literal["conventional", "inverted"]
VIEWS: tuple[View, ...] = ("conventional", "inverted")

# Hops 0..4+ on a blue-to-red diverging scale (ColorBrewer RdBu): safe for the common
# colour-vision deficiencies, and it reads "cool = good, hot = bad" in a room.
HOP_COLOURS = ("#2166ac", "#67a9cf", "#f4a582", "#d6604d", "#b2182b")
UNREACHABLE_COLOUR = "#111111"
NEUTRAL_COLOUR = "#c9ced6"
CUSTOMER_COLOUR = "#1a7f5a"
PATH_COLOUR = "#ff9f1c"
EDGE_COLOUR = "#8a94a6"
DOTTED_COLOUR = "#7b3294"
PURPOSE_COLOURS = {"acquisition": "#a6761d", "retention": "#7570b3", "service": "#4d5b70"}
"""Why a role serves a segment (Diagnosis): none a hop colour, the customer's green or grey."""
COUNT_COLOUR = "#4d5b70"
"""Bars that count something neutral, such as managers by span."""
CHANGED_COLOUR = "#e7298a"
"""The ring around roles that differ between two orgs compared side by side."""
DIM = 0.18
"""Opacity of what is not on a selected escalation path."""
CARD_FILL = "#ffffff"
CARD_BORDER = "#5b6678"
ROLLUP_FILL = "#e8edf5"
SEGMENT_FILL = "#e3f3ec"
TEXT_COLOUR = "#1d2433"
DIM_TEXT_COLOUR = "#6a7384"
"""Text of roles off a lit path: lighter than the path's, still 4.5:1 on white for the back row."""
BAND_COLOUR = "#3d4656"
"""The bands' names: 9.5:1 on white, read from the back of a projected room."""


@dataclass(frozen=True)
class Scale:
    """A medium the chart is drawn for: the type of its cards (``cards.TextSize``), the
    title's size, the plot area assumed until the browser tells its real size, whether
    text hides when zoomed out below its legible size (a screen) or is always drawn (a picture),
    and whether the page around the chart already says what its title would (projector mode's
    heading names the org, and the line under the tiles the decision and the amount), so that
    the chart has no title and keeps that room for its cards."""

    text: TextSize
    title_font: int
    plot_width_px: int
    plot_height_px: int
    hides_small_text: bool = True
    page_says_title: bool = False


SCREEN = Scale(SCREEN_TEXT, title_font=18, plot_width_px=1500, plot_height_px=700)
PROJECTOR = Scale(PROJECTOR_TEXT, title_font=30, plot_width_px=1880, plot_height_px=860, page_says_title=True)
HALF_SCREEN = Scale(SCREEN_TEXT, title_font=15, plot_width_px=600, plot_height_px=500)
"""Two charts side by side (the compare tab, 560 px high): the screen's type at one unit per pixel
of the narrowest plot they get, the rest reached by panning."""


def hop_colour(hops: int | None) -> str:
    if hops is None:
        return UNREACHABLE_COLOUR
    return HOP_COLOURS[min(hops, len(HOP_COLOURS) - 1)]


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (a #rrggbb colour)."""
    red, green, blue = (int(background[index : index + 2], 16) / 255 for index in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#111111" if luminance > 0.45 else "#ffffff"


def hop_label(hops: int | None) -> str:
    if hops is None:
        return "no one can decide"
    if hops == 0:
        return "0 hops: decides itself"
    if hops >= len(HOP_COLOURS) - 1:
        return f"{len(HOP_COLOURS) - 1}+ hops"
    return f"{hops} hop{'s' if hops != 1 else ''}"


def legend_entries(with_decision: bool) -> list[tuple[str, str, str]]:
    """What the colours of a chart's hop chips mean: (label, colour, symbol) each. Authority
    is said in words on the cards, so the key is only the chips' scale."""
    entries: list[tuple[str, str, str]] = []
    if with_decision:
        entries += [(hop_label(hops), hop_colour(hops), "square") for hops in range(len(HOP_COLOURS))]
        entries.append((hop_label(None), UNREACHABLE_COLOUR, "square"))
    entries.append(("collapsed team: click to open", ROLLUP_FILL, "square"))
    return entries
