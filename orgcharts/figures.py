"""Plotly figures of an org, conventional or customer-on-top, drawn as cards. Knows nothing of Dash.

Each role is a card (``orgcharts.cards``) placed by the card layout (``orgcharts.fitting``) in
pixels at the medium's text size; the figure's axes open at one chart unit per screen pixel,
so every card's text is drawn at the size it was measured for. Put together here from
``style`` (colours, media), ``cardtraces`` (the cards' shapes and text traces), ``figuretext``
(the chips and the words on the chart), ``labels`` (the text) and ``connectors`` (the lines,
drawn under the cards).

Every figure has the same traces in the same order, whatever the view, decision or
selection, so that the browser can animate one into the other (cards travel on a flip).

A click tells what was clicked in neutral terms: each text point's ``customdata`` is
``[id, kind]``, kind one of ``KINDS``; the dashboard decides what a click does.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, ParamSpec

import networkx as nx
import numpy as np
import plotly.graph_objects as go

from orgcharts.cardlayout import CardLayout
from orgcharts.cards import Card
from orgcharts.cardtraces import (
    bands_trace,
    card_box,
    filled_trace,
    outline_rows,
    outlines_of,
    shapes_trace,
)
from orgcharts.chartviews import ChartViews, Kept, chart_views
from orgcharts.collapse import Visible
from orgcharts.connectors import customer_links_trace, dotted_trace, edges_trace, path_trace
from orgcharts.figureframe import PAD as PAD
from orgcharts.figureframe import frame, ranges, title, title_lines, title_margin
from orgcharts.figureparts import FigureParts
from orgcharts.figuretext import CHIP_TRACES as CHIP_TRACES
from orgcharts.figuretext import chip_traces, chips_text, roles_text, segments_text
from orgcharts.fitting import segments_below
from orgcharts.labels import text_middle
from orgcharts.metrics import Escalation
from orgcharts.model import Organization
from orgcharts.style import (
    CARD_BORDER,
    CARD_FILL,
    CHANGED_COLOUR,
    CUSTOMER_COLOUR,
    DIM_TEXT_COLOUR,
    NEUTRAL_COLOUR,
    PATH_COLOUR,
    ROLLUP_FILL,
    SCREEN,
    SEGMENT_FILL,
    TEXT_COLOUR,
    Scale,
    View,
)
from orgcharts.style import HALF_SCREEN as HALF_SCREEN
from orgcharts.style import HOP_COLOURS as HOP_COLOURS
from orgcharts.style import PROJECTOR as PROJECTOR
from orgcharts.style import UNREACHABLE_COLOUR as UNREACHABLE_COLOUR
from orgcharts.style import VIEWS as VIEWS
from orgcharts.style import hop_colour as hop_colour
from orgcharts.style import legend_entries as legend_entries
from orgcharts.style import text_colour_on as text_colour_on
from orgcharts.textsize import text_width

KINDS = ("role", "collapsed", "segment")
"""What a click on the chart can hit: a role, a collapsed role (its reports hidden), a segment."""

(
    TRACE_BANDS,
    TRACE_EDGES,
    TRACE_CUSTOMER_LINKS,
    TRACE_DOTTED,
    TRACE_PATH,
    TRACE_CARDS,
    TRACE_ROLLUPS,
    TRACE_DIMMED,
    TRACE_LIT,
    TRACE_MARKED,
    TRACE_SEGMENT_CARDS,
) = range(11)
TRACE_CHIPS = 11
TRACE_ROLES = TRACE_CHIPS + CHIP_TRACES
TRACE_CHIP_TEXT, TRACE_CUSTOMERS = TRACE_ROLES + 1, TRACE_ROLES + 2
Built = ParamSpec("Built")
"""The arguments a figure is built from (``org_figure_parts``')."""
CARD_LOOKS = ("cards", "rollups", "dimmed", "lit", "marked")
CULLED_ABOVE = 2_000
"""Cards beyond which the browser draws only those near the view (``assets/viewport.js``):
Plotly draws every point in SVG, seen or not, and thousands of cards with their text take
seconds to draw and to pan (docs/performance.md)."""
CULLED = (
    "edges",
    "customer-links",
    "dotted",
    *CARD_LOOKS,
    *(f"chips-{n}" for n in range(CHIP_TRACES)),
    "roles",
    "chip-text",
)
"""The traces it cuts to the view: lines and outlines to those crossing it, text to the cards in it."""


def org_figure_parts(
    org: Organization,
    tree: nx.DiGraph,
    found: Sequence[Escalation] | Mapping[str, Escalation],
    *,
    decision: str | None,
    view: View = "conventional",
    amount: float | None = None,
    segment: str | None = None,
    selected: str | None = None,
    scale: Scale = SCREEN,
    revision: str = "",
    shown: Visible | None = None,
    marked: Collection[str] = (),
    area: tuple[float, float] | None = None,
    focus: str | None = None,
    views: ChartViews | None = None,
) -> FigureParts:
    """The org chart for one decision: the roles ``shown`` (all, or the visible part of a
    collapsed chart, ``collapse.visible``), each a card at ``scale``'s text size.

    ``found`` are the escalations of that decision (``metrics.escalations``), as a list or
    keyed by role: each customer-facing role's chip shows its hops; with ``segment`` only
    roles serving it keep their chip's colour. With ``selected``, that role's card is
    emphasised and, if it faces customers, its path from the customers to the authority is
    lit and the rest dims, text included. Roles in ``marked`` get a ring in ``CHANGED_COLOUR``.

    ``area`` is the figure's size in pixels (the browser's graph; ``scale``'s default area
    until it is known): the axes open at one unit per pixel, the chart centred when it fits,
    else on the top role or on ``focus`` (a role found by search). ``revision`` keeps the
    user's zoom while it stays the same (Plotly's uirevision). ``views``: ``chart_views`` of
    the same arguments, when the caller keeps them: what no selection, view or area changes
    is then built once for all the figures drawn from them.

    The figure carries the other view's geometry so a browser can flip it without asking
    the server: each trace's ``meta.other`` holds its coordinates in the other view,
    ``layout.meta`` the view drawn, the other view's title and axis ranges (``orient`` in
    ``assets/clientside.js`` swaps them), and each view's width and height of cards
    (``extents``, from the chart's first card edge and band top: ``assets/edges.js`` says
    where the chart goes on past the plot's edges).
    """
    by_role = found if isinstance(found, Mapping) else {escalation.role: escalation for escalation in found}
    size = scale.text
    rollups = shown.rollups if shown is not None else {}
    below = segments_below(org, tree) if rollups else None
    prepared = views or chart_views(org, tree, by_role, decision, size, shown)
    charts = prepared.charts
    cards = charts[view].cards
    chosen = by_role.get(selected) if selected in cards else None
    on_path = set(chosen.path) if chosen else set()
    lit = on_path | ({selected} if selected in cards else set())
    lit_segments = sorted(org.role(selected).serves) if chosen else []
    roles = [org.role(role_id) for role_id in cards]
    serving = {r.id: (sorted(below[r.id]) if below and r.id in rollups else r.serves) for r in roles}
    looks = {}
    for role in roles:
        if role.id in lit:
            looks[role.id] = "lit"
        elif role.id in marked:
            looks[role.id] = "marked"
        elif chosen is not None:
            looks[role.id] = "dimmed"
        else:
            looks[role.id] = "rollups" if role.id in rollups else "cards"
    band_room = (
        max((text_width(band.name, size.px, "bold") for c in charts.values() for band in c.layout.bands), default=0.0)
        + size.px
    )
    unit = org.decision_index[decision].unit if decision else None
    hiding = {"hides_below": 1.0} if scale.hides_small_text else {}
    dimming = bool(chosen)

    def steady(build: Callable[[], Kept], *key: object) -> Kept:
        """What no selection changes, built once per ``prepared``: its traces are not changed
        below, only copied."""
        return prepared.steady((view, segment, scale.hides_small_text, *key), build)

    def geometry(oriented: View) -> list[dict[str, Any]]:
        placed = charts[oriented].layout

        def unselected() -> list[dict[str, Any]]:
            return [
                bands_trace(placed, band_room, size.px, size.row_gap, hiding),
                dotted_trace(roles, placed),
                shapes_trace(
                    placed.customers.values(), size.px * 0.5, "segment-cards", SEGMENT_FILL, CUSTOMER_COLOUR, 1.5
                ),
                *chip_traces(placed, cards, by_role, segment, size.px, org),
                _point_positions(placed, cards, text_middle),
                _point_positions(placed, {r: c for r, c in cards.items() if c.chip}, _chip_middle),
                {
                    "x": [b.x for b in placed.customers.values()],
                    "y": [-(b.top + b.height / 2) for b in placed.customers.values()],
                },
            ]

        bands, dotted, segment_cards, *chips_and_points = steady(unselected, oriented)
        outlined = steady(
            lambda: outline_rows(
                [card_box(placed.x[r], placed.top[r], card) for r, card in cards.items()], size.px / 2
            ),
            oriented,
            "outlines",
        )
        lines = steady(
            lambda: (
                edges_trace(roles, placed, dimming),
                customer_links_trace(roles, placed, serving, segment, dimming),
            ),
            oriented,
            dimming,
        )
        return [
            bands,
            *lines,
            dotted,
            path_trace(chosen, placed, lit_segments),
            *_card_traces(outlined, list(cards), looks),
            segment_cards,
            *chips_and_points,
        ]

    traces = [dict(trace) for trace in geometry(view)]
    undimmed = steady(
        lambda: roles_text(org, roles, cards, by_role, rollups, decision, unit, segment, {}, hiding), "roles"
    )
    colours = [DIM_TEXT_COLOUR if looks[r.id] == "dimmed" else TEXT_COLOUR for r in roles]
    described = {
        TRACE_ROLES: {**undimmed, "textfont": {**undimmed["textfont"], "color": colours}},
        TRACE_CHIP_TEXT: steady(lambda: chips_text(cards, by_role, segment, org, hiding), "chips"),
        TRACE_CUSTOMERS: segments_text(
            org, charts["inverted"].segments, lit_segments, segment, bool(chosen), size.px, hiding
        ),
    }
    for index, text in described.items():
        traces[index] = {**text, "x": traces[index]["x"], "y": traces[index]["y"]}
    other = "conventional" if view == "inverted" else "inverted"
    for trace, elsewhere in zip(traces, geometry(other), strict=True):
        moved = {"x": numbers(elsewhere["x"]), "y": numbers(elsewhere["y"])}
        if trace.get("uid") == "bands":
            moved["text"] = elsewhere["text"]
            moved["captions"] = elsewhere["meta"]["captions"]
            moved["gaps"] = elsewhere["meta"]["gaps"]
        trace["meta"] = {**(trace.get("meta") or {}), "other": moved}
        trace["x"], trace["y"] = numbers(trace["x"]), numbers(trace["y"])
    width, height = area or (scale.plot_width_px + 2 * 8, scale.plot_height_px + scale.title_font + 32)
    said = {v: title(org, v, decision, amount) for v in VIEWS}
    titles = {v: [] if scale.page_says_title else title_lines(said[v], width - 16, scale.title_font) for v in VIEWS}
    rows = max(len(lines) for lines in titles.values())
    plot = (max(width - 16, 100), max(height - title_margin(scale, rows) - 8, 100))
    widest = max(charts[v].layout.extent[0] for v in VIEWS)
    serves = serving.get(focus, ()) if focus is not None else ()
    opening = {v: ranges(charts[v].layout, widest, band_room, plot, focus, serves) for v in VIEWS}
    layout = frame("<br>".join(titles[view]), scale, revision, opening[view], size.max_width / 2, rows)
    layout["meta"] = {
        "view": view,
        "other_title": "<br>".join(titles[other]),
        "ranges": opening[view],
        "other_ranges": opening[other],
        "extents": {v: list(charts[v].layout.extent) for v in VIEWS},
    }
    if len(cards) > CULLED_ABOVE:
        layout["meta"]["culls"] = list(CULLED)
    return FigureParts(traces, layout)


def _as_plotly(build: Callable[Built, FigureParts]) -> Callable[Built, go.Figure]:
    def built(*args: Built.args, **kwargs: Built.kwargs) -> go.Figure:
        return build(*args, **kwargs).figure()

    return built


org_figure = _as_plotly(org_figure_parts)
"""``org_figure_parts``' chart as a Plotly figure: the same arguments, checked as such."""


def numbers(values: Sequence[float | None] | np.ndarray) -> np.ndarray:
    """``values`` as a 32-bit float array, None (a break between lines) as NaN, which
    plotly.js also draws as a break. Such arrays go out as base64 typed arrays
    (``figureparts.typed_array``), which the browser reads without parsing."""
    return np.array(values, dtype=np.float32)


def _chip_middle(card: Card) -> float:
    return card.chip.top + card.chip.height / 2 if card.chip else card.height / 2


def _point_positions(placed: CardLayout, cards: Mapping[str, Card], middle: Any) -> dict[str, Any]:
    return {"x": [placed.x[r] for r in cards], "y": [-(placed.top[r] + middle(card)) for r, card in cards.items()]}


def _card_traces(outlined: tuple[np.ndarray, np.ndarray], order: Sequence[str], looks: Mapping[str, str]) -> list[dict]:
    """The cards, one trace per look (``CARD_LOOKS``), in that order: ``outlined`` holds
    every card's outline (``cardtraces.outline_rows``), in ``order``."""
    styles = {
        "cards": (CARD_FILL, CARD_BORDER, 1.2, 1.0),
        "rollups": (ROLLUP_FILL, CARD_BORDER, 1.6, 1.0),
        "dimmed": (CARD_FILL, NEUTRAL_COLOUR, 1.0, 0.55),
        "lit": (CARD_FILL, PATH_COLOUR, 4.0, 1.0),
        "marked": (CARD_FILL, CHANGED_COLOUR, 4.0, 1.0),
    }
    worn = np.array([looks[r] for r in order], dtype=object)
    traces = []
    for look in CARD_LOOKS:
        picked = worn == look
        members = [r for r, wears in zip(order, picked, strict=True) if wears]
        traces.append({**filled_trace(outlines_of(outlined, picked), look, *styles[look]), "meta": {"roles": members}})
    return traces
