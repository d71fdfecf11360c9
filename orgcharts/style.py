"""How every chart looks, on a screen, a projector or a page: the two views, the colours
(hops on a blue-to-red scale), the type and marker sizes, and the key to them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
CHANGED_COLOUR = "#e7298a"
"""The ring around roles that differ between two orgs compared side by side."""
DIM = 0.18
"""Opacity of what is not on a selected escalation path."""


@dataclass(frozen=True)
class Scale:
    """Type and marker sizes for a screen: the dashboard, or a projector at the back of a room."""

    font: int
    marker: int
    customer_marker: int
    plot_width_px: int
    title_font: int
    every_label: bool = True
    """Label every role; else only those that tell the story (front line, authority, path)."""
    labels_on_zoom: bool = True
    """Crowded charts show labels only once zoomed in (a screen); a printed page shows them all."""
    webgl: bool = True
    """Draw big charts with WebGL (a screen); a printed page stays vector, every label text."""
    label_lines: int = 3
    """Lines of label (title and person) that fit between two rows of roles on a screen 1,080
    pixels high: a row's height less a marker's. Collapsed roles' totals come on top of these
    when no role stands right above or below."""


SCREEN = Scale(font=12, marker=20, customer_marker=34, plot_width_px=1500, title_font=18)
PROJECTOR = Scale(
    font=18, marker=30, customer_marker=48, plot_width_px=1880, title_font=30, every_label=False, label_lines=2
)


HALF_SCREEN = Scale(
    font=11, marker=15, customer_marker=26, plot_width_px=880, title_font=15, every_label=False, label_lines=2
)
"""Two charts side by side: only the roles that tell the story are labelled."""


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
    """What the colours and shapes of a chart mean: (label, colour, marker symbol) each."""
    entries: list[tuple[str, str, str]] = []
    if with_decision:
        entries += [(hop_label(hops), hop_colour(hops), "square") for hops in range(len(HOP_COLOURS))]
        entries.append((hop_label(None), UNREACHABLE_COLOUR, "x"))
        entries.append(("can decide", "#ffffff", "diamond"))
    entries.append(("not customer-facing", NEUTRAL_COLOUR, "square"))
    return entries
