"""Plotly figures of an org, conventional or customer-on-top. Knows nothing of Dash.

The figure is put together here from ``style`` (colours, sizes, the key), ``labels`` (the
text) and ``connectors`` (the lines); the names the dashboard reads from here stay here.

Every figure has the same traces in the same order, whatever the view, decision or
selection, so that the browser can animate one into the other (nodes travel on a flip).
All text from the org file is HTML-escaped: Plotly renders a subset of HTML in labels.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from orgcharts.collapse import Rollup
from orgcharts.connectors import customer_links_trace, dotted_trace, edges_trace, path_trace
from orgcharts.connectors import reporting_lines as reporting_lines
from orgcharts.labels import NARROWEST_LABEL_CHARS, label_room, node_label, role_hover, rollup_label
from orgcharts.labels import role_label as role_label
from orgcharts.labels import wrap as wrap
from orgcharts.layout import TreeLayout
from orgcharts.metrics import Escalation
from orgcharts.model import Organization, Role
from orgcharts.style import (
    CHANGED_COLOUR,
    CUSTOMER_COLOUR,
    DIM,
    NEUTRAL_COLOUR,
    SCREEN,
    Scale,
    View,
    hop_colour,
    legend_entries,
)
from orgcharts.style import HALF_SCREEN as HALF_SCREEN
from orgcharts.style import HOP_COLOURS as HOP_COLOURS
from orgcharts.style import PROJECTOR as PROJECTOR
from orgcharts.style import UNREACHABLE_COLOUR as UNREACHABLE_COLOUR
from orgcharts.style import VIEWS as VIEWS
from orgcharts.style import text_colour_on as text_colour_on

EXPAND_PREFIX = "expand:"
"""Marks a collapsed role's id in the chart: a click on it shows its reports."""
SEGMENT_PREFIX = "segment:"
"""Marks a customer segment's id in the chart."""
LABELS_ON_ZOOM_FROM = 300
"""Above this many roles on screen, labels appear only once zoomed in far enough to read."""
READABLE_PX_PER_UNIT = 70
"""Zoomed in to this many pixels between neighbouring roles, every label can be read: the
browser then shows each role's label wrapped for that width (``assets/orgcharts.js``)."""
PER_ROLE: dict[str, Any] = {"_validate": False}
"""Plotly checks every element of every array it is given, in Python: most of the time a
large figure takes to build (docs/performance.md). Our traces and layout are built here
from a validated org and fixed styles, so the figure skips the check (Plotly's ``_validate`` switch) and they are
plain dicts; ``tests/unit/test_figures.py`` re-validates whole figures to keep
that true."""
WEBGL_FROM = 2_000
"""Above this many roles on screen, the roles are drawn with WebGL."""

# Trace order; fixed so that figures animate into each other.
TRACE_EDGES, TRACE_CUSTOMER_LINKS, TRACE_PATH, TRACE_ROLES, TRACE_CUSTOMERS, TRACE_FRAME, TRACE_DOTTED = range(7)


def role_positions(layout: TreeLayout, view: View) -> dict[str, tuple[float, float]]:
    """Where each role is drawn: the top role highest in the conventional view, lowest
    in the customer-on-top view. Orientation is the only difference."""
    deepest = layout.levels - 1
    if view == "conventional":
        return {role: (x, float(deepest - layout.row[role])) for role, x in layout.x.items()}
    return {role: (x, float(layout.row[role])) for role, x in layout.x.items()}


def customer_positions(org: Organization, layout: TreeLayout) -> dict[str, tuple[float, float]]:
    """The customer band of the inverted view: spread across the chart, above every role."""
    count = len(org.customers)
    band = layout.levels - 1 + 1.4
    width = layout.width
    return {
        segment.id: ((width * (index + 0.5) / count) if count else 0.0, band)
        for index, segment in enumerate(org.customers)
    }


def org_figure(
    org: Organization,
    layout: TreeLayout,
    found: Sequence[Escalation] | Mapping[str, Escalation],
    *,
    decision: str | None,
    view: View = "conventional",
    amount: float | None = None,
    segment: str | None = None,
    selected: str | None = None,
    scale: Scale = SCREEN,
    revision: str = "",
    rollups: Mapping[str, Rollup] | None = None,
    marked: Collection[str] = (),
    legend: bool = True,
) -> go.Figure:
    """The org chart for one decision: the roles ``layout`` places (all, or the visible
    part of a collapsed chart, whose collapsed roles carry their ``rollups``).

    ``found`` are the escalations of that decision (``metrics.escalations``), as a list or
    already keyed by role. Customer-facing roles are coloured by hops; roles with authority
    covering ``amount`` are drawn as diamonds; with ``segment`` only roles serving it are
    coloured. With ``selected`` (a customer-facing role), its path from the customer to the
    authority is lit and the rest dims. Roles in ``marked`` get a thick ring in
    ``CHANGED_COLOUR`` (what differs, in a comparison). ``revision`` keeps the user's zoom while it stays the
    same (Plotly's uirevision). Without ``legend``, the figure leaves the key to its colours
    and shapes (``legend_entries``) to the page around it.

    The figure also carries the other view's geometry, so that a browser can flip it
    without asking the server: each trace's ``meta.other`` holds the coordinates it has in
    the other view, ``layout.meta.view`` the view drawn and ``layout.meta.other_title`` the
    other view's title (``orient`` in ``assets/clientside.js`` swaps them).
    """
    shown = [org.role(role_id) for role_id in layout.x]
    by_role = found if isinstance(found, Mapping) else {escalation.role: escalation for escalation in found}
    chosen = by_role.get(selected) if selected in layout.x else None
    on_path = set(chosen.path) if chosen else set()
    lit_segments = set(org.role(selected).serves) if chosen else set()
    # Thousands of SVG elements take seconds to draw; WebGL draws them at once, but is not animated.
    kind = "scattergl" if scale.webgl and len(shown) > WEBGL_FROM else "scatter"

    def geometry(oriented: View) -> list[dict[str, Any]]:
        """The traces whose coordinates depend on the view (the roles' own trace apart)."""
        where = role_positions(layout, oriented)
        customers = customer_positions(org, layout) if oriented == "inverted" else {}
        return [
            edges_trace(shown, where, on_path, kind),
            customer_links_trace(shown, where, customers, segment, lit_segments, kind),
            path_trace(chosen, where, customers, lit_segments),
            {"x": [where[role.id][0] for role in shown], "y": [where[role.id][1] for role in shown]},
            _customers_trace(org, customers, segment, lit_segments, bool(chosen), scale),
            _frame_trace(layout, oriented),
            dotted_trace(shown, where, kind),
            *(_legend_traces(decision is not None, where[org.top.id]) if legend else []),
        ]

    traces = geometry(view)
    traces[TRACE_ROLES] = _roles_trace(
        org, shown, layout, role_positions(layout, view), by_role, rollups or {}, decision, amount, segment, on_path,
        scale, kind, set(marked),
    )  # fmt: skip
    other = "conventional" if view == "inverted" else "inverted"
    for trace, elsewhere in zip(traces, geometry(other), strict=True):
        meta = trace.get("meta") or {}
        trace["meta"] = {**meta, "other": {"x": numbers(elsewhere["x"]), "y": numbers(elsewhere["y"])}}
        trace["x"], trace["y"] = numbers(trace["x"]), numbers(trace["y"])
    layout = _layout(_title(org, view, decision, amount), scale, revision, legend)
    layout["meta"] = {"view": view, "other_title": _title(org, other, decision, amount)}
    return go.Figure(data=traces, layout=layout, **PER_ROLE)


def numbers(values: Sequence[float | None] | np.ndarray) -> np.ndarray:
    """``values`` as a 32-bit float array, None (a break between lines) as NaN, which
    plotly.js also draws as a break. Plotly copies such arrays as one block where it copies
    lists value by value, and sends them as base64 typed arrays, which the browser reads
    without parsing: the per-role coordinates and sizes are most of a large chart's values.
    32 bits keep a hundredth of a sibling gap across 100,000 gaps."""
    return np.array(values, dtype=np.float32)


def _frame_trace(layout: TreeLayout, view: View) -> dict[str, Any]:
    """Two invisible corners the axes must include, so labels under the lowest row and
    customer names above the band are not cut off. Points rather than axis ranges: a
    range in the figure would undo the user's zoom on every update."""
    top = layout.levels - 1 + (2.4 if view == "inverted" else 0.5)
    return dict(
        type="scatter",
        x=[-1.2, layout.width + 1.2],
        y=[-0.75, top],
        mode="markers",
        marker={"color": "rgba(0,0,0,0)", "size": 1, "line": {"width": 0}},
        hoverinfo="skip",
        showlegend=False,
        name="frame",
        uid="frame",
    )


def _roles_trace(
    org: Organization,
    shown: Sequence[Role],
    layout: TreeLayout,
    where: dict[str, tuple[float, float]],
    by_role: dict[str, Escalation],
    rollups: Mapping[str, Rollup],
    decision: str | None,
    amount: float | None,
    segment: str | None,
    on_path: set[str],
    scale: Scale,
    kind: str,
    marked: set[str],
) -> dict[str, Any]:
    room = label_room(layout)
    char_px = scale.font * 0.55
    char_units = char_px * (layout.width + 2.4) / scale.plot_width_px
    crowded = scale.labels_on_zoom and len(shown) > LABELS_ON_ZOOM_FROM
    unit = org.decision_index[decision].unit if decision else None
    zoomed_labels: list[str] = []
    # A collapsed role with another right above or below it (a stacked column; a manager over
    # its first report) has no room for its totals under its title in one view or the other
    # (labels are the same in both): the totals are in its hover text and its zoomed-in label.
    drawn_at = {(layout.x[role_id], layout.row[role_id]) for role_id in layout.x}
    xs, ys, colours, symbols, sizes, opacities, labels, hovers, ids, lines = ([] for _ in range(10))
    rings = [CHANGED_COLOUR if role.id in marked else "#1d2433" for role in shown] if marked else "#1d2433"
    for role in shown:
        x, y = where[role.id]
        escalation = by_role.get(role.id)
        counted = escalation is not None and (segment is None or segment in role.serves)
        authority = role.authority_for(decision) if decision else None
        decides = authority is not None and authority.covers(amount if unit else None)
        rollup = rollups.get(role.id)
        xs.append(x)
        ys.append(y)
        if rollup is not None:
            colours.append(hop_colour(rollup.median_hops) if rollup.facing_people else NEUTRAL_COLOUR)
            symbols.append("square")
            sizes.append(scale.marker * 1.5)
        else:
            colours.append(hop_colour(escalation.hops) if counted else NEUTRAL_COLOUR)
            symbols.append("diamond" if decides else ("x" if counted and escalation.hops is None else "square"))
            sizes.append(scale.marker)
        opacities.append(1.0 if not on_path or role.id in on_path else DIM)
        lines.append(4 if role.id in marked else 3 if role.id in on_path or rollup is not None else 1)
        labelled = scale.every_label or bool(
            role.customer_facing or decides or role.id in on_path or role.reports_to is None or rollup
        )
        chars = min(int(room[role.id] * 0.92 / char_units), 24)
        fits = chars >= NARROWEST_LABEL_CHARS or not scale.labels_on_zoom
        hemmed_in = any((layout.x[role.id], layout.row[role.id] + step) in drawn_at for step in (-1, 1))
        fitted = ""
        if labelled and fits and not crowded:
            title_lines = max(scale.label_lines - bool(role.name or role.headcount != 1), 1)
            exact = scale.labels_on_zoom
            fitted = node_label(role, None if hemmed_in else rollup, chars, title_lines=title_lines, exact=exact)
        labels.append(fitted)
        if scale.labels_on_zoom:  # a label that fits as the chart opens fits zoomed in, unless it was cut short
            zoomed_chars = min(int(room[role.id] * 0.92 * READABLE_PX_PER_UNIT / char_px), 24)
            zoomed = fitted if fitted and not hemmed_in else ""
            if labelled and not zoomed:
                most = 2 if hemmed_in else 3
                zoomed = node_label(role, rollup, zoomed_chars, totals_lines=most + 1, title_lines=most, exact=True)
            zoomed_labels.append(zoomed)
        hover = role_hover(org, role, escalation if counted else None, authority, unit)
        if rollup is not None:
            hover += "<br><b>Collapsed</b>: " + rollup_label(rollup) + "<br>Click to show its reports"
        hovers.append(hover)
        ids.append(f"{EXPAND_PREFIX}{role.id}" if rollup is not None else role.id)
    zoom = {"zoomed_text": zoomed_labels, "readable_px_per_unit": READABLE_PX_PER_UNIT} if scale.labels_on_zoom else {}
    return dict(
        type=kind,
        x=xs,
        y=ys,
        mode="markers" if crowded else "markers+text",
        meta={"labels": "zoom" if crowded else "fit" if scale.labels_on_zoom else "always", **zoom},
        marker={
            "color": colours,
            "symbol": symbols,
            "size": numbers(sizes),
            "opacity": numbers(opacities),
            "line": {"color": rings, "width": numbers(lines)},
        },
        text=labels,
        textposition="bottom center",
        textfont={"size": scale.font, "color": "#1d2433"},
        customdata=ids,
        hovertext=hovers,
        hoverinfo="text",
        showlegend=False,
        name="roles",
        uid="roles",
    )


def _customers_trace(
    org: Organization,
    customers: dict[str, tuple[float, float]],
    segment: str | None,
    lit_segments: set[str],
    dimming: bool,
    scale: Scale,
) -> dict[str, Any]:
    chosen = org.customers  # every segment's text and style, in both views, so that a flip only moves them
    opacities = [
        1.0 if (not dimming or s.id in lit_segments) and (segment is None or s.id == segment) else DIM for s in chosen
    ]
    return dict(
        type="scatter",
        x=[customers[s.id][0] for s in chosen if s.id in customers],
        y=[customers[s.id][1] for s in chosen if s.id in customers],
        mode="markers+text",
        marker={"color": CUSTOMER_COLOUR, "symbol": "circle", "size": scale.customer_marker, "opacity": opacities},
        text=[f"<b>{html.escape(s.name)}</b>" for s in chosen],
        textposition="top center",
        textfont={"size": scale.font + 4, "color": CUSTOMER_COLOUR},
        customdata=[f"{SEGMENT_PREFIX}{s.id}" for s in chosen],
        hovertext=[f"Customers: {html.escape(s.name)}" for s in chosen],
        hoverinfo="text",
        showlegend=False,
        name="customers",
        uid="customers",
    )


def _legend_traces(with_decision: bool, hidden_at: tuple[float, float]) -> list[dict[str, Any]]:
    """The legend's entries (``legend_entries``) as traces.

    Each needs a point to be listed: a one-pixel point hidden inside the top role's node
    (a point at None is drawn in the corner after an animated update); the legend draws
    its symbols at full size whatever the point's size (``itemsizing``)."""
    entries = legend_entries(with_decision)
    return [
        dict(
            type="scatter",
            x=[hidden_at[0]],
            y=[hidden_at[1]],
            mode="markers",
            marker={"color": colour, "symbol": symbol, "size": 1, "line": {"color": "#1d2433", "width": 1}},
            name=name,
            showlegend=True,
            hoverinfo="skip",
            uid=f"legend-{index}",
        )
        for index, (name, colour, symbol) in enumerate(entries)
    ]


def _title(org: Organization, view: View, decision: str | None, amount: float | None) -> str:
    title = html.escape(org.name)
    if decision is not None:
        subject = org.decision_index[decision]
        asked = f" of {amount:,g} {html.escape(subject.unit)}" if amount is not None and subject.unit else ""
        title += f" · {html.escape(subject.name)}{asked}"
    return title + (" · customers on top" if view == "inverted" else " · conventional")


def _layout(title: str, scale: Scale, revision: str, legend: bool) -> dict[str, Any]:
    """The figure's layout, as a dict: checked by Plotly it was a large share of the time a
    big org's opening figure took to build (``PER_ROLE``)."""
    return dict(
        title={"text": title, "font": {"size": scale.title_font}, "x": 0.01, "xanchor": "left"},
        showlegend=legend,
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.02,
            "xanchor": "left",
            "x": 0,
            "font": {"size": scale.font + 2},
            "itemclick": False,
            "itemsizing": "constant",
            "itemdoubleclick": False,
        },
        xaxis={"visible": False},
        yaxis={"visible": False},
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        margin={"l": 10, "r": 10, "t": 40 + scale.title_font, "b": 10},
        hovermode="closest",
        hoverlabel={"font": {"size": scale.font + 2}},
        clickmode="event",
        dragmode="pan",
        uirevision=revision,
    )
