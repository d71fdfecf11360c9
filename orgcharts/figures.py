"""Plotly figures of an org, conventional or customer-on-top. Knows nothing of Dash.

Every figure has the same traces in the same order, whatever the view, decision or
selection, so that the browser can animate one into the other (nodes travel on a flip).
All text from the org file is HTML-escaped: Plotly renders a subset of HTML in labels.
"""

from __future__ import annotations

import html
import itertools
import textwrap
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import plotly.graph_objects as go

from orgcharts.collapse import Rollup
from orgcharts.layout import TreeLayout
from orgcharts.metrics import Escalation
from orgcharts.model import Organization, Role

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
EXPAND_PREFIX = "expand:"
"""Marks a collapsed role's id in the chart: a click on it shows its reports."""
SEGMENT_PREFIX = "segment:"
"""Marks a customer segment's id in the chart."""
LABELS_ON_ZOOM_FROM = 300
"""Above this many roles on screen, labels appear only once zoomed in far enough to read."""
READABLE_PX_PER_UNIT = 70
"""Zoomed in to this many pixels between neighbouring roles, every label can be read: the
browser then shows each role's label wrapped for that width (``assets/orgcharts.js``)."""
NARROWEST_LABEL_CHARS = 6
"""On a screen, a label that cannot have this many characters a line without running into
its neighbours' is left off the chart until zoomed in: overlapping labels read as noise, and
five characters ("Dire…") say nothing. A printed page, sized for its labels, never wraps them
narrower."""
PER_ROLE: dict[str, Any] = {"_validate": False}
"""Plotly checks every element of every array it is given, in Python: most of the second a
10,000-role figure took to build. Our traces and layout are built here from a validated org
and fixed styles, so the figure skips the check (Plotly's ``_validate`` switch) and they are
plain dicts; ``tests/unit/test_figures.py`` re-validates whole figures to keep
that true."""
WEBGL_FROM = 2_000
"""Above this many roles on screen, the roles are drawn with WebGL."""

# Trace order; fixed so that figures animate into each other.
TRACE_EDGES, TRACE_CUSTOMER_LINKS, TRACE_PATH, TRACE_ROLES, TRACE_CUSTOMERS, TRACE_FRAME, TRACE_DOTTED = range(7)


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


def role_label(role: Role, chars_per_line: int, title_lines: int = 3, exact: bool = False) -> str:
    """The node's label: its title wrapped to fit, then one line with the person and headcount.
    ``exact``: no line is longer than ``chars_per_line`` (a screen, where neighbours' labels
    must not meet); else lines are at least ``NARROWEST_LABEL_CHARS`` wide and a long word
    may run three characters over (a printed page, sized for its labels)."""
    width = chars_per_line if exact else max(chars_per_line, NARROWEST_LABEL_CHARS)
    parts = list(_wrapped_title(role.title, width, title_lines, 0 if exact else 3))
    details = []
    if role.name:
        details.append(f"<i>{html.escape(_shorten(role.name, width))}</i>")
    if role.headcount != 1:
        details.append(f"×{role.headcount:,}")
    if details:
        parts.append(" ".join(details))
    return "<br>".join(parts)


@lru_cache(maxsize=16_384)
def _wrapped_title(title: str, width: int, lines: int, overhang: int) -> tuple[str, ...]:
    """Escaped title lines (``wrap``); remembered, as big orgs repeat their titles thousands of times."""
    return tuple(html.escape(line) for line in wrap(title, width, lines, overhang))


def wrap(text: str, width: int, lines: int, overhang: int = 0) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` characters, words kept whole where
    they fit; a longer word may run ``overhang`` characters over, then ends in "…", as does
    the last line when words are left over."""
    wrapped = textwrap.wrap(text, width, break_long_words=False)
    kept = [_shorten(line, width + overhang) for line in wrapped[:lines]]
    if len(wrapped) > lines and not kept[-1].endswith("…"):
        kept[-1] = _shorten(kept[-1] + "…", width + overhang)
    return kept


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def label_room(layout: TreeLayout) -> dict[str, float]:
    """How wide each role's label may be, in layout units: the gap to its nearest
    neighbour on the same level (a lone role gets a generous share)."""
    rows: dict[int, list[tuple[float, str]]] = {}
    for role, x in layout.x.items():
        rows.setdefault(layout.row[role], []).append((x, role))
    room = {}
    for row in rows.values():
        row.sort()
        for index, (x, role) in enumerate(row):
            left = x - row[index - 1][0] if index > 0 else 4.0
            right = row[index + 1][0] - x if index + 1 < len(row) else 4.0
            room[role] = min(left, right, 4.0)
    return room


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
    other view's title (see ``flipped``).
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
            _edges_trace(shown, where, on_path, kind),
            _customer_links_trace(shown, where, customers, segment, lit_segments, kind),
            _path_trace(chosen, where, customers, lit_segments),
            {"x": [where[role.id][0] for role in shown], "y": [where[role.id][1] for role in shown]},
            _customers_trace(org, customers, segment, lit_segments, bool(chosen), scale),
            _frame_trace(layout, oriented),
            _dotted_trace(shown, where, kind),
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
    without parsing: the per-role coordinates and sizes of a 10,000-role chart are 80% of
    its values. 32 bits keep a hundredth of a sibling gap across 100,000 gaps."""
    return np.array(values, dtype=np.float32)


def flipped(figure: go.Figure) -> go.Figure:
    """The figure in its other view, from the geometry it carries: what the browser's flip
    does (``orient`` in ``assets/orgcharts.js``), for tests to compare with the figure built for that view."""
    data = []
    for trace in figure.data:
        props = trace.to_plotly_json()
        other = props["meta"]["other"]
        props.update(x=other["x"], y=other["y"], meta={**props["meta"], "other": {"x": props["x"], "y": props["y"]}})
        data.append(props)
    swapped = go.Figure(data=data, layout=figure.layout, **PER_ROLE)
    other = "conventional" if figure.layout.meta["view"] == "inverted" else "inverted"
    swapped.layout.meta = {"view": other, "other_title": figure.layout.title.text}
    swapped.layout.title.text = figure.layout.meta["other_title"]
    return swapped


def _elbow(x0: float, y0: float, x1: float, y1: float) -> list[float | None]:
    """An org-chart connector from manager to report: down, across, down (as x then y lists)."""
    middle = (y0 + y1) / 2
    return [x0, x0, x1, x1, None], [y0, middle, middle, y1, None]  # type: ignore[return-value]


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


def reporting_lines(
    shown: Sequence[Role], where: Mapping[str, tuple[float, float]]
) -> tuple[list[float | None], list[float | None]]:
    """The connectors from each manager to its reports as one trace's x and y lists (None
    between lines): a drop from the manager halfway to its farthest row of reports, a bar
    across each row of reports at its halfway height, and a drop into each report.

    The same lines as an elbow (``_elbow``) per report, drawn once: about 1.4 segments per
    role instead of 3, which is what a browser without a GPU spends its time drawing."""
    bars: dict[tuple[str, float], list[float]] = {}
    farthest: dict[str, float] = {}
    xs: list[float | None] = []
    ys: list[float | None] = []
    for role in shown:
        manager = role.reports_to
        if manager is None:
            continue
        (x0, y0), (x1, y1) = where[manager], where[role.id]
        middle = (y0 + y1) / 2
        bars.setdefault((manager, y1), [x0]).append(x1)
        if abs(middle - y0) > abs(farthest.get(manager, y0) - y0):
            farthest[manager] = middle
        xs.extend((x1, x1, None))
        ys.extend((middle, y1, None))
    for manager, middle in farthest.items():
        x0, y0 = where[manager]
        xs.extend((x0, x0, None))
        ys.extend((y0, middle, None))
    for (manager, row_y), across in bars.items():
        if min(across) < max(across):
            middle = (where[manager][1] + row_y) / 2
            xs.extend((min(across), max(across), None))
            ys.extend((middle, middle, None))
    return xs, ys


def _edges_trace(
    shown: Sequence[Role], where: dict[str, tuple[float, float]], on_path: set[str], kind: str
) -> dict[str, Any]:
    xs, ys = reporting_lines(shown, where)
    return _lines_trace(
        kind,
        xs,
        ys,
        "edges",
        "reporting lines",
        {"color": EDGE_COLOUR, "width": 1.5},
        opacity=0.35 if on_path else 1.0,
        showlegend=False,
    )


def _lines_trace(
    kind: str, xs: list[float | None], ys: list[float | None], uid: str, name: str, line: dict[str, Any], **more: Any
) -> dict[str, Any]:
    """A trace of lines between points (None between lines) that hovering ignores."""
    return dict(type=kind, x=xs, y=ys, mode="lines", line=line, hoverinfo="skip", name=name, uid=uid, **more)


def _segments(
    pairs: Iterable[tuple[tuple[float, float], tuple[float, float]]],
) -> tuple[list[float | None], list[float | None]]:
    """Straight lines between point pairs, as one trace's x and y lists (None between lines)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for (x0, y0), (x1, y1) in pairs:
        xs.extend([x0, x1, None])
        ys.extend([y0, y1, None])
    return xs, ys


def _dotted_trace(shown: Sequence[Role], where: dict[str, tuple[float, float]], kind: str) -> dict[str, Any]:
    """Dashed lines from each role to its secondary managers (``dotted_to``) on the chart;
    they never move a role: the layout follows the reporting lines alone."""
    xs, ys = _segments((where[role.id], where[upper]) for role in shown for upper in role.dotted_to if upper in where)
    line = {"color": DOTTED_COLOUR, "width": 2, "dash": "dash"}
    return _lines_trace(
        kind, xs, ys, "dotted", "dotted line (secondary manager)", line, showlegend=bool(xs), legendrank=2000
    )


def _customer_links_trace(
    shown: Sequence[Role],
    where: dict[str, tuple[float, float]],
    customers: dict[str, tuple[float, float]],
    segment: str | None,
    lit_segments: set[str],
    kind: str,
) -> dict[str, Any]:
    xs, ys = _segments(
        (where[role.id], customers[served])
        for role in shown
        for served in role.serves
        if customers and (segment is None or served == segment)
    )
    line = {"color": CUSTOMER_COLOUR, "width": 1}
    return _lines_trace(
        kind, xs, ys, "customer-links", "serves", line, opacity=0.15 if lit_segments else 0.35, showlegend=False
    )


def _path_trace(
    chosen: Escalation | None,
    where: dict[str, tuple[float, float]],
    customers: dict[str, tuple[float, float]],
    lit_segments: set[str],
) -> dict[str, Any]:
    xs: list[float | None] = []
    ys: list[float | None] = []
    if chosen is not None:
        start = where[chosen.role]
        for served in sorted(lit_segments):
            if served in customers:
                xs.extend([customers[served][0], start[0], None])
                ys.extend([customers[served][1], start[1], None])
        for lower, upper in itertools.pairwise(chosen.path):
            (x0, y0), (x1, y1) = where[upper], where[lower]
            ex, ey = _elbow(x0, y0, x1, y1)
            xs.extend(ex)
            ys.extend(ey)
    colour = PATH_COLOUR if chosen is None or chosen.authority is not None else UNREACHABLE_COLOUR
    return dict(
        type="scatter",
        x=xs,
        y=ys,
        mode="lines",
        line={"color": colour, "width": 7},
        hoverinfo="skip",
        showlegend=False,
        name="escalation path",
        uid="path",
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
            fitted = _label(role, None if hemmed_in else rollup, chars, title_lines=title_lines, exact=exact)
        labels.append(fitted)
        if scale.labels_on_zoom:  # a label that fits as the chart opens fits zoomed in, unless it was cut short
            zoomed_chars = min(int(room[role.id] * 0.92 * READABLE_PX_PER_UNIT / char_px), 24)
            zoomed = fitted if fitted and not hemmed_in else ""
            if labelled and not zoomed:
                most = 2 if hemmed_in else 3
                zoomed = _label(role, rollup, zoomed_chars, totals_lines=most + 1, title_lines=most, exact=True)
            zoomed_labels.append(zoomed)
        hover = _role_hover(org, role, escalation if counted else None, authority, unit)
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


def _label(
    role: Role,
    rollup: Rollup | None,
    chars_per_line: int,
    totals_lines: int = 2,
    title_lines: int = 3,
    exact: bool = False,
) -> str:
    """A node's label (``role_label``), and under a collapsed node what it stands for,
    wrapped to the same width in at most ``totals_lines`` lines."""
    label = role_label(role, chars_per_line, title_lines, exact)
    if rollup is None:
        return label
    width = chars_per_line if exact else max(chars_per_line, NARROWEST_LABEL_CHARS)
    return "<br>".join([label, *wrap(rollup_label(rollup), width, totals_lines)])


def rollup_label(rollup: Rollup) -> str:
    """What a collapsed node stands for: "+1,399 roles, 14,000 people, median 2 hops"."""
    parts = [f"+{rollup.roles - 1:,} roles", f"{rollup.people:,} people"]
    if rollup.median_hops is not None:
        parts.append(f"median {rollup.median_hops} hop{'s' if rollup.median_hops != 1 else ''}")
    if rollup.unreachable_people:
        parts.append(f"{rollup.unreachable_people:,} with no one able to decide")
    return ", ".join(parts)


def _role_hover(
    org: Organization, role: Role, escalation: Escalation | None, authority: object, unit: str | None
) -> str:
    lines = [f"<b>{html.escape(role.title)}</b>"]
    if role.name:
        lines.append(html.escape(role.name))
    lines.append(f"{role.headcount:,} {'person' if role.headcount == 1 else 'people'} · id {html.escape(role.id)}")
    if role.serves:
        names = ", ".join(html.escape(org.segment_index[s].name) for s in role.serves)
        lines.append(f"Serves: {names}")
    if escalation is not None:
        if escalation.authority is None:
            lines.append("No one in the chain can decide")
        elif escalation.hops == 0:
            lines.append("Decides itself (0 hops)")
        else:
            holder = html.escape(org.role(escalation.authority).title)
            lines.append(f"{escalation.hops} hop{'s' if escalation.hops != 1 else ''} to {holder}")
    limit = getattr(authority, "limit", None)
    if authority is not None:
        lines.append("Can decide" + (f" up to {limit:,g} {html.escape(unit or '')}" if limit is not None else ""))
    return "<br>".join(lines)


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


def legend_entries(with_decision: bool) -> list[tuple[str, str, str]]:
    """What the colours and shapes of a chart mean: (label, colour, marker symbol) each."""
    entries: list[tuple[str, str, str]] = []
    if with_decision:
        entries += [(hop_label(hops), hop_colour(hops), "square") for hops in range(len(HOP_COLOURS))]
        entries.append((hop_label(None), UNREACHABLE_COLOUR, "x"))
        entries.append(("can decide", "#ffffff", "diamond"))
    entries.append(("not customer-facing", NEUTRAL_COLOUR, "square"))
    return entries


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
    """The figure's layout, as a dict: checked by Plotly it was half of the time a
    100,000-role org's opening figure took to build (``PER_ROLE``)."""
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
