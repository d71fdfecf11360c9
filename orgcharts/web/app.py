"""The Dash dashboard. All of a session's state lives in its browser (dcc.Store); the
server keeps nothing between requests, so two people never see each other's org."""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dash
import plotly.io as pio
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate
from plotly.offline import get_plotlyjs_version

from orgcharts.compare import Comparison, shown_value
from orgcharts.errors import Diagnostic, MissingOrgTextError, OrgFileError, UnknownIdError
from orgcharts.export import FORMATS, ExportError, picture_bytes
from orgcharts.figures import EXPAND_PREFIX, VIEWS, hop_colour, legend_entries, text_colour_on
from orgcharts.loader import example_names, example_text, load_bytes, max_bytes_default
from orgcharts.loader.hrcsv import Rules, header_of, import_bytes, parse_authority, parse_rule, to_yaml
from orgcharts.loader.roundtrip import with_authority
from orgcharts.model import Organization
from orgcharts.report import hop_report, hops_csv, hops_document
from orgcharts.web import view
from orgcharts.web.components import Choices, TableRows
from orgcharts.web.security import protect
from orgcharts.whatif import Edit

log = logging.getLogger(__name__)

DEFAULT_EXAMPLE = "telecom"
STARTUP = "__startup__"
EDITOR_TAB = "yaml"
COMPARE_TAB = "compare"
METRIC_LABELS = {
    "roles": "roles",
    "people": "people",
    "customer_facing_roles": "customer-facing roles",
    "layers": "layers",
    "median_span": "median span",
    "weighted_mean_hops": "weighted mean hops",
    "max_hops": "max hops",
    "unreachable": "no one can decide",
    "empowered_share": "empowered share",
}
VIA_DOTTED = "dotted"
MEASURED_BY = (
    Input("org-source", "data"),
    Input("org-refilled", "data"),
    Input("edits", "data"),
    Input("decision", "value"),
    Input("amount", "value"),
    Input("segment", "value"),
    Input("selection", "data"),
)
"""The inputs both the chart and the panels around it are drawn from, first and in this order."""
PICTURE_LABELS = {
    "png": "PNG image (slides)",
    "svg": "SVG (vector)",
    "pdf": "PDF (print)",
    "html": "HTML (interactive, offline)",
}
EDITOR_LINE_PX = 20
EDITOR_PAD_PX = 8
EXPAND_ALL = 999
"""The levels value of "all": deeper than any org."""
VIEW_LABELS = {"conventional": "Conventional", "inverted": "Customers on top"}


def assets_folder() -> str:
    """The Dash assets: inside the package when installed from a wheel, else at the repository's root."""
    here = Path(__file__).resolve().parent
    packaged = here / "assets"
    return str(packaged if packaged.is_dir() else here.parents[1] / "assets")


PLOTLY_BUNDLE = "plotly-gl2d.min.js"
"""plotly.js's 2D bundle (scatter and WebGL scatter, all the charts draw, with splom and
parcoords and none of the other chart types), fetched into the assets by scripts/setup.
Loaded before Dash's renderer, it is the ``window.Plotly`` that ``dcc.Graph`` then uses, so
the full 4.8 MB bundle (every chart type Plotly has) is never fetched: a first visit opens
in half the time (docs/performance.md)."""


def plotly_bundle_ignored(folder: str, version: str) -> str:
    """Dash's ``assets_ignore`` pattern for ``folder``: nothing when its ``PLOTLY_BUNDLE`` is
    plotly.js ``version`` (the one plotly.py writes figures for) or absent, else the bundle, so
    that a stale bundle left by an older setup never draws figures meant for another version
    and Dash loads its own full bundle instead."""
    try:
        with open(Path(folder) / PLOTLY_BUNDLE, "rb") as bundle:
            head = bundle.read(256)
    except FileNotFoundError:
        return ""
    stamp = rb"^\* plotly\.js \(gl2d - minified\) v" + re.escape(version.encode()) + rb"$"
    if re.search(stamp, head, re.MULTILINE):
        return ""
    log.warning("%s is not plotly.js %s: run 'bash scripts/setup' to fetch it", PLOTLY_BUNDLE, version)
    return re.escape(PLOTLY_BUNDLE)


def create_app(
    text: str | None = None, source: str | None = None, *, max_bytes: int | None = None, token: str | None = None
) -> Dash:
    """The dashboard, opening on ``text`` (an org file's content named ``source``) or on the
    embedded example; with ``token``, every request must carry it (``security.protect``).
    Raises ``OrgFileError`` if the given text is not a valid org."""
    cap = max_bytes_default() if max_bytes is None else max_bytes
    if text is None:
        text, source = example_text(DEFAULT_EXAMPLE), f"{DEFAULT_EXAMPLE}.yaml"
    source = source or "org.yaml"
    view.prepare(text, source)
    texts = view.TextCache()
    for name in example_names():
        texts.put(example_text(name))
    startup = Startup(source=_source(texts.put(text), source), text=text)
    assets = assets_folder()
    app = Dash(
        __name__,
        title="orgcharts",
        assets_folder=assets,
        assets_ignore=plotly_bundle_ignored(assets, get_plotlyjs_version()),
        update_title=None,
        suppress_callback_exceptions=False,
        on_error=ask_for_missing_text,
    )
    # Plotly's "auto" JSON engine picks orjson when installed, and then walks every value of a
    # figure in Python first: 2.4 times slower than the json engine for our figures (measured
    # in docs/performance.md). The setting is process-wide configuration, not session state.
    pio.json.config.default_engine = "json"
    # Refuse oversized uploads before reading them: base64 grows by a third, JSON adds a little.
    app.server.config["MAX_CONTENT_LENGTH"] = cap * 4 // 3 + 64 * 1024
    app.layout = lambda: _layout(startup, cap)
    _register(app, startup, texts, cap)
    protect(app, token)
    return app


@dataclass(frozen=True)
class Startup:
    """The org the server was started with: what a new session shows."""

    source: dict[str, str]
    text: str

    @property
    def name(self) -> str:
        return self.source["name"]

    @property
    def text_store(self) -> dict[str, str | None]:
        return _text_store(self.source["digest"], None)


def _source(key: str, name: str) -> dict[str, str]:
    """The session's org as callbacks receive it: its name and the digest of its text."""
    return {"name": name, "digest": key}


def _text_store(key: str, text: str | None) -> dict[str, str | None]:
    """The browser's copy of its org text, sent back only when a server process lacks it.
    None for the startup org and the examples, which every process holds: a page never
    carries a big org's text unless the user brought it or opens the editor."""
    return {"digest": key, "text": text}


def ask_for_missing_text(error: Exception) -> None:
    """Dash's error hook: a callback that met an unknown digest asks the browser for the text.

    The callback's outputs stay as they were; once the text is back, ``org-refilled``
    changes and the callbacks that draw the org run again.
    """
    if not isinstance(error, MissingOrgTextError):
        raise error
    dash.set_props("org-wanted", {"data": {"digest": error.digest, "at": time.time_ns()}})


# ---------------------------------------------------------------- layout


def _layout(startup: Startup, cap: int) -> html.Div:
    picker_options = [{"label": f"Example: {name}", "value": name} for name in example_names()]
    if startup.name not in {f"{name}.yaml" for name in example_names()}:
        picker_options.insert(0, {"label": startup.name, "value": STARTUP})
    return html.Div(
        id="root",
        className="app",
        children=[
            dcc.Location(id="url", refresh=False),
            dcc.Store(id="org-source", storage_type="session", data=startup.source),
            dcc.Store(id="org-text", storage_type="session", data=startup.text_store),
            dcc.Store(id="org-wanted", storage_type="memory"),
            dcc.Store(id="org-refilled", storage_type="memory"),
            dcc.Store(id="editor-draft", storage_type="local"),
            dcc.Store(id="rejected-text", storage_type="memory"),
            dcc.Store(id="edits", storage_type="session", data=[]),
            dcc.Store(id="selection", storage_type="memory"),
            dcc.Store(id="expanded", storage_type="session", data=[]),
            dcc.Store(id="table-order", storage_type="memory", data={"by": "hops", "descending": True}),
            dcc.Store(id="present", storage_type="memory", data=False),
            dcc.Store(id="proposal", storage_type="session"),
            dcc.Download(id="download"),
            html.Header(
                className="topbar",
                children=[
                    html.Div(className="brand", children=[html.Span("orgcharts", className="logo")]),
                    html.H1(id="org-name", className="org-name"),
                    dcc.Dropdown(
                        id="example-picker",
                        className="picker",
                        options=picker_options,
                        placeholder="Open an example…",
                        clearable=False,
                        searchable=False,
                    ),
                    _upload("upload", "Upload YAML or CSV", cap, ".yaml,.yml,.csv,.txt,text/yaml,text/csv,text/plain"),
                    dcc.Dropdown(
                        id="picture",
                        className="picture-picker",
                        options=[{"label": PICTURE_LABELS[fmt], "value": fmt} for fmt in FORMATS],
                        placeholder="Download picture…",
                        searchable=False,
                    ),
                    html.Span(id="picture-status", className="picture-status", role="status"),
                    html.Button("Flip (f)", id="flip-button", className="button primary"),
                    html.Button("Projector (p)", id="present-button", className="button"),
                    html.Button("?", id="help-button", className="button round", title="Keyboard shortcuts"),
                ],
            ),
            html.Div(
                className="controls",
                children=[
                    dcc.RadioItems(
                        id="view",
                        className="view-switch",
                        options=[{"label": VIEW_LABELS[name], "value": name} for name in VIEWS],
                        value="inverted",
                        inline=True,
                        persistence=True,
                        persistence_type="session",
                    ),
                    _control(
                        "Decision",
                        "decision",
                        html.Button("◀", id="prev-decision", className="button small", title="Previous (←)"),
                        dcc.Dropdown(id="decision", className="decision", clearable=False, searchable=False),
                        html.Button("▶", id="next-decision", className="button small", title="Next (→)"),
                        extra="decision-control",
                    ),
                    _control(
                        "Amount",
                        "amount",
                        dcc.Input(
                            id="amount", type="number", min=0, debounce=True, placeholder="any", className="amount"
                        ),
                        html.Span(id="amount-unit", className="unit"),
                        dcc.RadioItems(id="amount-presets", className="presets", inline=True),
                    ),
                    _control(
                        "Levels",
                        "levels",
                        dcc.Dropdown(id="levels", className="levels", placeholder="auto", searchable=False),
                    ),
                    html.Div(
                        className="control search",
                        children=[
                            dcc.Input(
                                id="search",
                                type="search",
                                placeholder="Find a role, person or id",
                                debounce=False,
                                className="search-box",
                                autoComplete="off",
                            ),
                            Choices(id="search-results", className="search-results"),
                        ],
                    ),
                    _control(
                        "Segment",
                        "segment",
                        dcc.Dropdown(id="segment", className="segment", placeholder="All segments", searchable=False),
                    ),
                    html.Div(
                        id="dotted-control",
                        className="control dotted",
                        hidden=True,
                        title="Let requests climb dotted lines (secondary managers) too: the shortest route",
                        children=dcc.Checklist(
                            id="via-dotted", options=[{"label": "Count dotted lines", "value": VIA_DOTTED}], value=[]
                        ),
                    ),
                ],
            ),
            _csv_panel(),
            html.Div(id="metrics", className="metrics"),
            html.Div(
                className="main",
                children=[
                    html.Div(
                        className="chart-panel",
                        children=[
                            html.Div(id="hop-badge", className="hop-badge", hidden=True),
                            dcc.Graph(
                                id="chart",
                                className="chart",
                                animate=True,
                                animation_options={
                                    "frame": {"redraw": True},
                                    "transition": {"duration": 650, "easing": "cubic-in-out"},
                                },
                                config={
                                    "displaylogo": False,
                                    "scrollZoom": True,
                                    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
                                    "toImageButtonOptions": {"format": "png", "scale": 2},
                                },
                                responsive=True,
                                style={"height": "max(450px, calc(100vh - 320px))", "width": "100%"},
                            ),
                            # The key to colours and shapes, outside the figure: Plotly would
                            # draw it again on every redraw, 40% of an expand's (docs/performance.md).
                            html.Ul(id="chart-legend", className="chart-legend"),
                        ],
                    ),
                    html.Aside(
                        className="side",
                        children=[
                            html.Div(id="path-panel", className="panel path-panel"),
                            html.Div(
                                className="panel whatif",
                                children=[
                                    html.H2("What if…"),
                                    html.Div(id="whatif-target", className="whatif-target"),
                                    _row(
                                        dcc.Input(
                                            id="grant-limit",
                                            type="number",
                                            min=0,
                                            placeholder="limit (blank: none)",
                                            className="limit",
                                        ),
                                        html.Span(id="grant-unit", className="unit"),
                                    ),
                                    _row(
                                        html.Button("Grant authority", id="grant", className="button primary"),
                                        html.Button("Remove authority", id="remove", className="button"),
                                    ),
                                    html.H3("Changes"),
                                    html.Ol(id="changes", className="changes"),
                                    _row(
                                        html.Button("Reset (r)", id="reset", className="button"),
                                        html.Button("Download changed org", id="download-org", className="button"),
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
            dcc.Tabs(
                id="tabs",
                value="paths",
                className="tabs",
                parent_className="tabs-parent",
                children=[
                    dcc.Tab(
                        label="Escalation paths",
                        value="paths",
                        children=[
                            _row(
                                html.Button("Download CSV", id="download-hops-csv", className="button small"),
                                html.Button("Download JSON", id="download-hops-json", className="button small"),
                            ),
                            html.Div(
                                id="hop-table",
                                className="hop-table",
                                children=[
                                    html.Table(
                                        [
                                            html.Thead(id="hop-table-head"),
                                            TableRows(id="hop-rows", columns=[key for key, _ in TABLE_COLUMNS]),
                                        ]
                                    ),
                                    html.Button(id="table-more", className="button", hidden=True),
                                ],
                            ),
                        ],
                    ),
                    dcc.Tab(label="Compare", value=COMPARE_TAB, children=_compare_panel(cap)),
                    dcc.Tab(
                        label="Edit YAML",
                        value=EDITOR_TAB,
                        children=html.Div(
                            className="editor-panel",
                            children=[
                                html.Div(
                                    className="editor-wrap",
                                    children=dcc.Textarea(id="editor", className="editor", spellCheck=False),
                                ),
                                html.Div(
                                    className="editor-side",
                                    children=[
                                        _row(
                                            html.Button("Apply (Ctrl+Enter)", id="apply", className="button primary"),
                                            html.Button("Download YAML", id="download-yaml", className="button"),
                                        ),
                                        html.Div(id="load-messages", className="messages", role="status"),
                                    ],
                                ),
                            ],
                        ),
                    ),
                ],
            ),
            html.Div(
                id="shortcuts",
                className="shortcuts",
                hidden=True,
                children=[
                    html.H2("Keyboard"),
                    html.Dl(
                        [
                            item
                            for key, meaning in (
                                ("f", "flip between conventional and customers on top"),
                                ("← →", "previous / next decision"),
                                ("p", "projector mode on / off"),
                                ("r", "reset the what-if changes"),
                                ("Esc", "clear the selection"),
                                ("?", "show / hide this help"),
                            )
                            for item in (html.Dt(key), html.Dd(meaning))
                        ]
                    ),
                    html.P("Click a customer-facing role to light its escalation path; click empty space to clear."),
                ],
            ),
            html.Button(id="clear-selection", hidden=True),
        ],
    )


def _control(label: str, for_id: str, *children: Any, extra: str = "") -> html.Div:
    """A labelled control in the controls bar."""
    return html.Div(className=f"control {extra}".strip(), children=[html.Label(label, htmlFor=for_id), *children])


CSV_FIELDS = (
    ("id", "Id (unique per row)"),
    ("manager", "Manager's id"),
    ("title", "Job title"),
    ("name", "Full name"),
    ("first_name", "First name"),
    ("last_name", "Last name"),
)


def _csv_panel() -> html.Div:
    """The column-matching form an uploaded HR export opens: the same choices as ``orgcharts import``."""
    return html.Div(
        id="csv-panel",
        className="panel csv-panel",
        hidden=True,
        children=[
            html.H2(id="csv-heading"),
            html.P(
                "Match the export's columns, say which titles face customers and which may decide, then import. "
                "Anything left out can be added in the editor afterwards.",
                className="hint",
            ),
            html.Div(
                className="csv-columns",
                children=[
                    html.Label(
                        [html.Span(label), dcc.Dropdown(id=f"csv-{field}", className="csv-column", clearable=True)],
                        className="csv-field",
                    )
                    for field, label in CSV_FIELDS
                ],
            ),
            html.Div(
                className="csv-rules",
                children=[
                    html.Label(
                        [
                            html.Span("Customer-facing titles, one per line: TITLE=SEGMENT"),
                            dcc.Textarea(id="csv-serves", placeholder="Sales*=retail", className="csv-rule"),
                        ],
                        className="csv-field",
                    ),
                    html.Label(
                        [
                            html.Span("Authority, one per line: TITLE=DECISION[:LIMIT]"),
                            dcc.Textarea(id="csv-decides", placeholder="*Manager*=refund:500", className="csv-rule"),
                        ],
                        className="csv-field",
                    ),
                    dcc.Checklist(
                        id="csv-group",
                        options=[
                            {"label": "Merge people with no reports who share a title and a manager", "value": "group"}
                        ],
                        value=["group"],
                    ),
                ],
            ),
            _row(
                html.Button("Import", id="csv-import", className="button primary"),
                html.Button("Cancel", id="csv-cancel", className="button"),
            ),
            html.Div(id="csv-messages", className="messages", role="status"),
        ],
    )


def _compare_panel(cap: int) -> html.Div:
    def side(name: str) -> html.Div:
        return html.Div(
            className="compare-side",
            children=[
                html.H3(id=f"compare-{name}-title"),
                dcc.Graph(
                    id=f"compare-{name}",
                    className="compare-chart",
                    config={"displaylogo": False, "scrollZoom": True},
                    style={"height": "560px"},
                ),
            ],
        )

    return html.Div(
        className="compare-panel",
        children=[
            _row(
                dcc.RadioItems(
                    id="compare-with",
                    className="compare-with",
                    options=[
                        {"label": "Today and the what-if changes", "value": "whatif"},
                        {"label": "Today and a proposal", "value": "proposal"},
                    ],
                    value="whatif",
                    inline=True,
                ),
                _upload("proposal-upload", "Upload proposal YAML", cap, ".yaml,.yml,text/yaml,text/plain"),
            ),
            html.Div(id="compare-messages", className="messages", role="status"),
            html.Div(className="compare-charts", children=[side("before"), side("after")]),
            html.Div(
                className="compare-tables",
                children=[html.Div(id="compare-metrics"), html.Div(id="compare-roles")],
            ),
        ],
    )


def _metrics_table(comparison: Comparison) -> html.Table:
    """Every metric before and after; green where the change helps customers, red where it hurts."""
    decisions = {**comparison.before.decision_index, **comparison.after.decision_index}
    rows = [
        html.Tr(
            [
                html.Td(decisions[m.decision].name if m.decision else "the org"),
                html.Td(METRIC_LABELS.get(m.metric, m.metric)),
                html.Td(shown_value(m.metric, m.before), className="number"),
                html.Td(shown_value(m.metric, m.after), className="number"),
                html.Td({True: "better", False: "worse", None: ""}[m.better]),
            ],
            className={True: "better", False: "worse", None: ""}[m.better],
        )
        for m in comparison.metrics
    ]
    header = html.Tr([html.Th(text) for text in ("decision", "metric", "before", "after", "")])
    return html.Table([html.Thead(header), html.Tbody(rows)], className="compare-table")


def _roles_table(comparison: Comparison) -> html.Div:
    if not comparison.roles:
        return html.P("No role changed.")
    header = html.Tr([html.Th(text) for text in ("change", "role", "before", "after")])
    rows = [
        html.Tr([html.Td(r.change), html.Td(r.title), html.Td(r.before or ""), html.Td(r.after or "")])
        for r in comparison.roles
    ]
    count = len(comparison.changed_roles)
    return html.Div(
        [
            html.H3(f"{count:,} role{'s' if count != 1 else ''} changed, ringed in the charts"),
            html.Table([html.Thead(header), html.Tbody(rows)], className="compare-table"),
        ]
    )


def _upload(upload_id: str, label: str, cap: int, accept: str) -> html.Div:
    """A file button. The browser refuses files over ``cap`` without sending them and says so
    (``assets/orgcharts.js`` reads ``data-max-bytes``); the server checks again."""
    return html.Div(
        className="upload-wrap",
        **{"data-max-bytes": str(cap)},
        children=[
            dcc.Upload(
                id=upload_id,
                className="upload",
                children=html.Button(label, className="button"),
                max_size=cap,
                accept=accept,
            ),
            html.Span(className="upload-refused", role="alert"),
        ],
    )


def _row(*children: Any) -> html.Div:
    """Controls side by side, wrapping on narrow screens."""
    return html.Div(className="whatif-row", children=list(children))


TABLE_COLUMNS = (
    ("hops", "Hops"),
    ("title", "Role"),
    ("people", "People"),
    ("serves", "Serves"),
    ("authority", "Decided by"),
    ("path", "Path"),
)
TABLE_PAGE = 25


def _hop_table(measured: view.Analysis, order: dict[str, Any]) -> tuple[html.Tr, list[dict[str, Any]], str, bool]:
    """The escalation paths, sorted and paged on the server: a 100,000-role org never
    sends more than the rows on screen. The table's header, its rows (``TableRows``), and
    the "show more" button's label and whether it hides."""
    by = order.get("by") if order.get("by") in dict(TABLE_COLUMNS) else "hops"
    descending = bool(order.get("descending", True))
    shown = max(TABLE_PAGE, int(order.get("shown", TABLE_PAGE)))
    ordered = measured.ordered_rows(by, descending)
    header = html.Tr(
        [
            html.Th(
                html.Button(
                    label + (" ▼" if by == key and descending else " ▲" if by == key else ""),
                    id={"type": "sort", "column": key},
                    className="sort",
                    title=f"Sort by {label.lower()}",
                )
            )
            for key, label in TABLE_COLUMNS
        ]
    )
    rows = [_table_row(row) for row in ordered[:shown]]
    more = len(ordered) > shown
    return header, rows, f"Show {TABLE_PAGE} more of {len(ordered):,}" if more else "", not more


def _table_row(row: dict[str, Any]) -> dict[str, Any]:
    hops = row["sort_hops"] if row["sort_hops"] != view.UNREACHABLE_SORT else None
    colour = hop_colour(hops)
    cells = [f"{row[key]:,}" if key == "people" else str(row[key]) for key, _ in TABLE_COLUMNS]
    return {"key": row["id"], "cells": cells, "style": {"backgroundColor": colour, "color": text_colour_on(colour)}}


# ---------------------------------------------------------------- callbacks


def _register(app: Dash, startup: Startup, texts: view.TextCache, cap: int) -> None:
    @app.callback(
        Output("org-source", "data"),
        Output("org-text", "data"),
        Output("edits", "data", allow_duplicate=True),
        Output("load-messages", "children"),
        Output("rejected-text", "data"),
        Input("example-picker", "value"),
        Input("upload", "contents"),
        Input("apply", "n_clicks"),
        State("upload", "filename"),
        State("editor", "value"),
        State("org-source", "data"),
        prevent_initial_call=True,
    )
    def load_org(picked, uploaded, _apply, upload_name, editor_text, current):
        trigger = ctx.triggered_id
        name = str((current if isinstance(current, dict) else startup.source).get("name", "org.yaml"))
        try:
            if trigger == "example-picker":
                if picked == STARTUP:
                    text, name = startup.text, startup.name
                else:
                    text, name = example_text(picked), f"{picked}.yaml"
                view.parse(text, name)
                key = texts.put(text)
                return _source(key, name), _text_store(key, None), [], _ok(name), dash.no_update
            if trigger == "upload":
                name = os.path.basename(upload_name or "upload.yaml")
                if _is_csv(name):
                    raise PreventUpdate  # an HR export: the column-matching form takes it (below)
                data = _decode_upload(uploaded, name, cap)
                loaded = load_bytes(data, name, max_bytes=cap)
                key = texts.put(loaded.text)
                return _source(key, name), _text_store(key, loaded.text), [], _ok(name, loaded.warnings), loaded.text
            text = editor_text or ""
            loaded = view.parse(text, name)
            key = texts.put(text)
            return (
                _source(key, name),
                _text_store(key, text),
                dash.no_update,
                _ok(name, loaded.warnings),
                dash.no_update,
            )
        except OrgFileError as error:
            shown = _readable_upload(uploaded) if trigger == "upload" else dash.no_update
            return dash.no_update, dash.no_update, dash.no_update, _errors(error.diagnostics), shown

    @app.callback(
        Output("org-refilled", "data"),
        Output("org-source", "data", allow_duplicate=True),
        Output("org-text", "data", allow_duplicate=True),
        Output("load-messages", "children", allow_duplicate=True),
        Input("org-wanted", "data"),
        State("org-text", "data"),
        State("org-source", "data"),
        prevent_initial_call=True,
    )
    def refill(wanted, kept, source):
        """The browser sends its org text back to a process that lacked it."""
        key = wanted.get("digest") if isinstance(wanted, dict) else None
        text = kept.get("text") if isinstance(kept, dict) else None
        name = str(source.get("name", "org.yaml")) if isinstance(source, dict) else "org.yaml"
        if isinstance(key, str) and isinstance(text, str) and view.digest(text) == key:
            try:
                view.structure(text, name)
            except OrgFileError:
                log.warning("a session sent back an org text that does not load; showing the startup org")
            else:
                texts.put(text)
                return wanted, dash.no_update, dash.no_update, dash.no_update
        lost = html.P(
            f"This browser no longer holds the org it showed; back to {startup.name}.", className="error-line"
        )
        return wanted, startup.source, startup.text_store, [lost]

    @app.callback(
        Output("editor", "value"),
        Input("tabs", "value"),
        Input("org-text", "data"),
        Input("rejected-text", "data"),
        State("editor-draft", "data"),
        State("org-source", "data"),
        prevent_initial_call=True,
    )
    def fill_editor(tab, kept, rejected, draft, source):
        """The editor's text, sent only while its tab is open: the user's draft for this org if
        there is one, else the org's text. A refused upload lands in it whatever the tab."""
        if ctx.triggered_id == "rejected-text":
            return rejected if isinstance(rejected, str) else dash.no_update
        if tab != EDITOR_TAB:
            return dash.no_update
        key = source.get("digest") if isinstance(source, dict) else startup.source["digest"]
        if isinstance(draft, dict) and draft.get("base") == key and isinstance(draft.get("text"), str):
            return draft["text"]
        if isinstance(kept, dict) and kept.get("digest") == key and isinstance(kept.get("text"), str):
            return kept["text"]
        text = texts.get(key) if isinstance(key, str) else None
        if text is None:
            raise MissingOrgTextError(str(key))
        return text

    app.clientside_callback(
        """
        function(text, source) {
            if (typeof text !== "string" || !source) { return dash_clientside.no_update; }
            return {text: text, base: source.digest};
        }
        """,
        Output("editor-draft", "data"),
        Input("editor", "value"),
        State("org-source", "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output("editor", "style"),
        Input("load-messages", "children"),
    )
    def mark_error_lines(messages):
        lines = sorted({int(line) for line in _error_lines(messages)})[:100]
        if not lines:
            return {}
        stops = []
        for line in lines:
            top = EDITOR_PAD_PX + (line - 1) * EDITOR_LINE_PX
            stops += [f"transparent {top}px", f"#ffd6d6 {top}px", f"#ffd6d6 {top + EDITOR_LINE_PX}px"]
            stops.append(f"transparent {top + EDITOR_LINE_PX}px")
        return {"backgroundImage": f"linear-gradient(to bottom, {', '.join(stops)})"}

    @app.callback(
        Output("decision", "options"),
        Output("decision", "value"),
        Output("segment", "options"),
        Output("segment", "value"),
        Output("org-name", "children"),
        Output("levels", "options"),
        Output("levels", "value"),
        Output("dotted-control", "hidden"),
        Output("chart-legend", "children"),
        Input("org-source", "data"),
        Input("org-refilled", "data"),
        State("decision", "value"),
        State("segment", "value"),
    )
    def controls_for_org(source, _refilled, decision, segment):
        shape = _shape(source, texts, startup)
        org = shape.org
        deepest = max(shape.depths.values()) + 1
        levels = [{"label": str(level), "value": level} for level in range(1, deepest + 1)]
        levels.append({"label": "all", "value": EXPAND_ALL})
        decisions = [{"label": d.name, "value": d.id} for d in org.decisions]
        ids = [d.id for d in org.decisions]
        segments = [{"label": s.name, "value": s.id} for s in org.customers]
        keep_segment = segment if segment in org.segment_index else None
        chosen = decision if decision in ids else (ids[0] if ids else None)
        matrix = any(role.dotted_to for role in org.roles)
        key = _legend(bool(org.decisions))
        return decisions, chosen, segments, keep_segment, org.name, levels, None, not matrix, key

    @app.callback(
        Output("chart", "figure"),
        Output("chart", "animate", allow_duplicate=True),
        Output("hop-badge", "children"),
        Output("hop-badge", "hidden"),
        Output("hop-badge", "style"),
        Output("selection", "data", allow_duplicate=True),
        Output("expanded", "data", allow_duplicate=True),
        Output("search-results", "options", allow_duplicate=True),
        *MEASURED_BY,
        Input("present", "data"),
        Input("levels", "value"),
        Input("expanded", "data"),
        Input("via-dotted", "value"),
        Input("search-results", "picked"),
        State("view", "value"),
        prevent_initial_call="initial_duplicate",
    )
    def render_chart(
        source,
        _refilled,
        raw_edits,
        decision,
        amount,
        segment,
        selected,
        present,
        levels,
        expanded,
        dotted,
        picked,
        chosen_view,
    ):
        """The chart, built for the view chosen, unanimated: a flip itself happens in the browser (below).

        A role picked from the search results is selected and its chain opened here, in the
        round trip that draws it; the selection, the opened chain and the closed list go
        back to the browser with the chart."""
        shape = _shape(source, texts, startup)
        jumped = ctx.triggered_id == "search-results"
        if jumped:
            role = picked.get("key") if isinstance(picked, dict) else None
            if not isinstance(role, str) or not shape.org.has_role(role):
                raise PreventUpdate
            selected = role
            opened = [
                role_id for role_id in (expanded if isinstance(expanded, list) else []) if isinstance(role_id, str)
            ]
            expanded = opened + [role_id for role_id in view.ancestors(shape.org, role) if role_id not in opened]
        controls = _controls(
            shape.org, chosen_view, decision, amount, segment, selected, present, levels, expanded, dotted
        )
        measured = _analysis(shape, raw_edits, controls)
        figure = view.chart(
            measured.org, shape, measured.by_role, controls, revision=shape.digest, totals=measured.totals, legend=False
        )
        return (
            figure,
            False,
            *_hop_badge(view.selection(measured.org, measured.by_role, controls)),
            *((selected, expanded, []) if jumped else (dash.no_update,) * 3),
        )

    @app.callback(
        Output("metrics", "children"),
        Output("hop-table-head", "children"),
        Output("hop-rows", "rows"),
        Output("table-more", "children"),
        Output("table-more", "hidden"),
        Output("changes", "children"),
        Output("amount-unit", "children"),
        Output("grant-unit", "children"),
        Output("amount-presets", "options"),
        *MEASURED_BY[:-1],
        Input("table-order", "data"),
        Input("via-dotted", "value"),
    )
    def render_panels(source, _refilled, raw_edits, decision, amount, segment, order, dotted):
        """Everything around the chart that a selection leaves as it is: a click on a role
        redraws none of it (only ``render_selection`` and the table's highlight, below)."""
        shape = _shape(source, texts, startup)
        controls = _controls(shape.org, None, decision, amount, segment, None, dotted=dotted)
        edits = _edits(raw_edits)
        measured = _analysis(shape, raw_edits, controls)
        org = measured.org
        unit = org.decision_index[controls.decision].unit if controls.decision else None
        return (
            [_card(card) for card in view.cards(measured.now, measured.before)],
            *_hop_table(measured, order if isinstance(order, dict) else {}),
            [
                html.Li([line, html.Button("undo", id={"type": "undo", "index": index}, className="button tiny")])
                for index, line in enumerate(view.change_lines(org, edits))
            ],
            unit or "",
            unit or "",
            _presets(measured.limits),
        )

    @app.callback(
        Output("path-panel", "children"),
        Output("whatif-target", "children"),
        *MEASURED_BY,
        Input("via-dotted", "value"),
    )
    def render_selection(source, _refilled, raw_edits, decision, amount, segment, selected, dotted):
        """The selected role's escalation path and what-if target."""
        shape = _shape(source, texts, startup)
        controls = _controls(shape.org, None, decision, amount, segment, selected, dotted=dotted)
        measured = _analysis(shape, raw_edits, controls)
        return _path_panel(view.selection(measured.org, measured.by_role, controls)), _whatif_target(
            measured.org, controls
        )

    # The table's rows are one component (TableRows): a selection moves its highlight, and
    # a row picked selects its role, both in the browser.
    app.clientside_callback(
        """function(selected) { return typeof selected === "string" ? selected : null; }""",
        Output("hop-rows", "selected"),
        Input("selection", "data"),
    )
    app.clientside_callback(
        """
        function(picked) {
            return picked && typeof picked.key === "string" ? picked.key : dash_clientside.no_update;
        }
        """,
        Output("selection", "data", allow_duplicate=True),
        Input("hop-rows", "picked"),
        prevent_initial_call=True,
    )

    # Plotly draws WebGL charts on a canvas of twice the page's size (its plotGlPixelRatio),
    # four times the pixels a screen of ordinary density shows: at 10,000 roles, a second
    # of drawing on a machine without a GPU (docs/performance.md). Draw at the screen's density.
    app.clientside_callback(
        """
        function(_source, config) {
            const ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 4);
            if (config && config.plotGlPixelRatio === ratio) { return dash_clientside.no_update; }
            return Object.assign({}, config, {plotGlPixelRatio: ratio});
        }
        """,
        Output("chart", "config"),
        Input("org-source", "data"),
        State("chart", "config"),
    )

    # The flip: the figure carries the other view's geometry (figures.org_figure), so the
    # browser swaps it in without a round trip to the server (dash_clientside.orgcharts.orient,
    # assets/orgcharts.js), at once, even while the server is answering a change. The figure
    # that answer brings, built for the view the user has since flipped away from, is turned
    # too as it arrives, unanimated. The server's figure goes straight to the graph: a store
    # in between cost a Dash cycle on every redraw.
    app.clientside_callback(
        "function(view, figure) { return dash_clientside.orgcharts.orient(view, figure, true); }",
        Output("chart", "figure", allow_duplicate=True),
        Output("chart", "animate"),
        Input("view", "value"),
        State("chart", "figure"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        "function(figure, view) { return dash_clientside.orgcharts.orient(view, figure, false)[0]; }",
        Output("chart", "figure", allow_duplicate=True),
        Input("chart", "figure"),
        State("view", "value"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        """
        function(click, clear, source, levels, expanded) {
            const keep = dash_clientside.no_update;
            const trigger = (dash_clientside.callback_context.triggered[0] || {}).prop_id || "";
            if (trigger.startsWith("chart.clickData") && click && click.points && click.points.length) {
                const id = click.points[0].customdata;
                if (typeof id !== "string" || id.startsWith("segment:")) { return [keep, keep]; }
                if (id.startsWith("__EXPAND__")) {
                    return [keep, (expanded || []).concat([id.slice("__EXPAND__".length)])];
                }
                return [id, keep];
            }
            if (trigger.startsWith("levels")) { return [keep, []]; }
            if (trigger.startsWith("org-source")) { return [null, []]; }
            return [null, keep];
        }
        """.replace("__EXPAND__", EXPAND_PREFIX),
        Output("selection", "data"),
        Output("expanded", "data"),
        Input("chart", "clickData"),
        Input("clear-selection", "n_clicks"),
        Input("org-source", "data"),
        Input("levels", "value"),
        State("expanded", "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output("table-order", "data"),
        Input({"type": "sort", "column": ALL}, "n_clicks"),
        Input("table-more", "n_clicks"),
        State("table-order", "data"),
        prevent_initial_call=True,
    )
    def order_table(sort_clicks, more_clicks, order):
        order = dict(order) if isinstance(order, dict) else {}
        if ctx.triggered_id == "table-more":
            if not more_clicks:
                return dash.no_update
            order["shown"] = int(order.get("shown", TABLE_PAGE)) + TABLE_PAGE
            return order
        if not isinstance(ctx.triggered_id, dict) or not any(sort_clicks or []):
            return dash.no_update
        column = ctx.triggered_id.get("column")
        same = order.get("by") == column
        return {"by": column, "descending": not order.get("descending", True) if same else column in ("hops", "people")}

    @app.callback(
        Output("search-results", "options"),
        Output("search-results", "note"),
        Input("search", "value"),
        Input("org-refilled", "data"),
        State("org-source", "data"),
        prevent_initial_call=True,
    )
    def search(query, _refilled, source):
        """The roles found; choosing one is ``render_chart``'s."""
        org = _org(source, texts, startup)
        if not isinstance(query, str) or not query.strip():
            return [], ""
        hits = view.find(org, query[:200])
        options = [{"key": role_id, "label": text, "title": role_id} for role_id, text in hits]
        return options, "" if hits else "No role matches."

    @app.callback(
        Output("edits", "data"),
        Input("grant", "n_clicks"),
        Input("remove", "n_clicks"),
        Input({"type": "undo", "index": ALL}, "n_clicks"),
        Input("reset", "n_clicks"),
        State("edits", "data"),
        State("selection", "data"),
        State("decision", "value"),
        State("grant-limit", "value"),
        prevent_initial_call=True,
    )
    def what_if(_grant, _remove, undo_clicks, _reset, raw_edits, selected, decision, limit):
        edits = view.parse_edits(raw_edits)
        trigger = ctx.triggered_id
        if trigger == "reset":
            return []
        if isinstance(trigger, dict) and trigger.get("type") == "undo":
            if not any(undo_clicks):
                return dash.no_update
            index = trigger.get("index")
            return [e.to_dict() for i, e in enumerate(edits) if i != index]
        if not isinstance(selected, str) or not isinstance(decision, str):
            return dash.no_update
        action = "grant" if trigger == "grant" else "remove"
        bound = float(limit) if isinstance(limit, int | float) and limit > 0 else None
        return [*(e.to_dict() for e in edits), Edit(action, selected, decision, bound).to_dict()]

    @app.callback(
        Output("download", "data"),
        Input("download-org", "n_clicks"),
        Input("download-yaml", "n_clicks"),
        State("org-source", "data"),
        State("edits", "data"),
        State("editor", "value"),
        prevent_initial_call=True,
    )
    def download(_org_clicks, _yaml_clicks, source, raw_edits, editor_text):
        """The editor's text, or the org file with the what-if changes written into it (its
        comments and layout kept)."""
        text, name = _text(source, texts, startup)
        if ctx.triggered_id == "download-yaml":
            return {"content": editor_text or "", "filename": name, "type": "text/yaml"}
        org = view.edited(view.structure(text, name).org, view.parse_edits(raw_edits))
        content = with_authority(text, name, org)
        return {"content": content, "filename": f"{name.rsplit('.', 1)[0]}-what-if.yaml", "type": "text/yaml"}

    @app.callback(
        Output("download", "data", allow_duplicate=True),
        Input("download-hops-csv", "n_clicks"),
        Input("download-hops-json", "n_clicks"),
        State("org-source", "data"),
        State("edits", "data"),
        State("decision", "value"),
        State("amount", "value"),
        State("segment", "value"),
        State("via-dotted", "value"),
        prevent_initial_call=True,
    )
    def download_hops(_csv_clicks, _json_clicks, source, raw_edits, decision, amount, segment, dotted):
        """The escalation paths as shown (decision, amount, segment, what-if changes): the
        same CSV and JSON as ``orgcharts hops`` (docs/cli.md)."""
        shape = _shape(source, texts, startup)
        controls = _controls(shape.org, None, decision, amount, segment, None, dotted=dotted)
        org = view.edited(shape.org, _edits(raw_edits))
        report = hop_report(
            org,
            [controls.decision] if controls.decision else [],
            controls.amount,
            controls.segment,
            via_dotted=controls.via_dotted,
        )
        stem = str((source if isinstance(source, dict) else startup.source).get("name", "org.yaml")).rsplit(".", 1)[0]
        name = f"{stem}-hops" + (f"-{controls.decision}" if controls.decision else "")
        if ctx.triggered_id == "download-hops-json":
            content = json.dumps(hops_document(report), indent=2, ensure_ascii=False)
            return {"content": content, "filename": f"{name}.json", "type": "application/json"}
        return {"content": hops_csv(report), "filename": f"{name}.csv", "type": "text/csv"}

    @app.callback(
        Output("csv-panel", "hidden"),
        Output("csv-heading", "children"),
        *(Output(f"csv-{field}", "options") for field, _ in CSV_FIELDS),
        *(Output(f"csv-{field}", "value") for field, _ in CSV_FIELDS),
        Output("csv-messages", "children"),
        Input("upload", "contents"),
        Input("csv-cancel", "n_clicks"),
        State("upload", "filename"),
        prevent_initial_call=True,
    )
    def match_columns(contents, _cancel, filename):
        """An uploaded HR export opens the form, its columns matched the way the import would."""
        name = os.path.basename(filename or "export.csv")
        if ctx.triggered_id == "csv-cancel":
            return True, *(dash.no_update,) * (2 * len(CSV_FIELDS) + 2)
        if not _is_csv(name):
            raise PreventUpdate
        try:
            header, guessed = header_of(_decode_upload(contents, name, cap), name)
        except OrgFileError as error:
            return (
                False,
                f"Import {name}",
                *([],) * len(CSV_FIELDS),
                *(None,) * len(CSV_FIELDS),
                _errors(error.diagnostics, "nothing was imported"),
            )
        options = [{"label": column, "value": column} for column in header if column]
        return (
            False,
            f"Import {name}: {len(header)} columns",
            *(options,) * len(CSV_FIELDS),
            *(guessed[field] for field, _ in CSV_FIELDS),
            [],
        )

    @app.callback(
        Output("org-source", "data", allow_duplicate=True),
        Output("org-text", "data", allow_duplicate=True),
        Output("edits", "data", allow_duplicate=True),
        Output("load-messages", "children", allow_duplicate=True),
        Output("csv-panel", "hidden", allow_duplicate=True),
        Output("csv-messages", "children", allow_duplicate=True),
        Input("csv-import", "n_clicks"),
        State("upload", "contents"),
        State("upload", "filename"),
        *(State(f"csv-{field}", "value") for field, _ in CSV_FIELDS),
        State("csv-serves", "value"),
        State("csv-decides", "value"),
        State("csv-group", "value"),
        prevent_initial_call=True,
    )
    def import_csv(_clicks, contents, filename, *chosen):
        """The export imported with the user's matching and rules, and shown as the session's org."""
        *columns, serves, decides, group = chosen
        name = os.path.basename(filename or "export.csv")
        keep = (dash.no_update,) * 5
        try:
            rules = Rules(
                [parse_rule(line, "customer-facing titles") for line in _lines(serves)],
                [
                    (pattern, *parse_authority(value))
                    for pattern, value in (parse_rule(line, "authority") for line in _lines(decides))
                ],
                group_by_title=bool(group),
            )
            given = {field: column for (field, _), column in zip(CSV_FIELDS, columns, strict=True) if column}
            imported = import_bytes(_decode_upload(contents, name, cap), name, rules, only_given=True, **given)
        except (ValueError, UnknownIdError) as error:  # a malformed rule, or a column the export lacks
            return *keep, [html.P(str(error), className="bad")]
        except OrgFileError as error:
            return *keep, _csv_errors(error.diagnostics)
        yaml_name = f"{name.rsplit('.', 1)[0]}.yaml"
        text = to_yaml(imported.document)
        loaded = view.parse(text, yaml_name)
        key = texts.put(text)
        summary = f"{imported.rows:,} rows became {imported.roles:,} roles."
        return (
            _source(key, yaml_name),
            _text_store(key, text),
            [],
            [*_ok(yaml_name, loaded.warnings), html.P(summary)],
            True,
            [],
        )

    @app.callback(
        Output("proposal", "data"),
        Output("compare-with", "value"),
        Output("compare-messages", "children"),
        Input("proposal-upload", "contents"),
        State("proposal-upload", "filename"),
        prevent_initial_call=True,
    )
    def upload_proposal(contents, filename):
        """A proposal to compare with: kept in this browser session only, like the org."""
        name = os.path.basename(filename or "proposal.yaml")
        try:
            loaded = load_bytes(_decode_upload(contents, name, cap), name, max_bytes=cap)
        except OrgFileError as error:
            return dash.no_update, dash.no_update, _errors(error.diagnostics, f"{name} was not loaded as the proposal")
        return {"name": name, "text": loaded.text}, "proposal", _ok(name, loaded.warnings)

    @app.callback(
        Output("compare-before", "figure"),
        Output("compare-after", "figure"),
        Output("compare-before-title", "children"),
        Output("compare-after-title", "children"),
        Output("compare-metrics", "children"),
        Output("compare-roles", "children"),
        Output("compare-messages", "children", allow_duplicate=True),
        Input("tabs", "value"),
        Input("compare-with", "value"),
        Input("proposal", "data"),
        *MEASURED_BY[:-1],
        Input("via-dotted", "value"),
        prevent_initial_call=True,
    )
    def render_comparison(tab, against, proposal, source, _refilled, raw_edits, decision, amount, segment, dotted):
        """Today beside the what-if changes or a proposal, drawn only while the tab is open."""
        if tab != COMPARE_TAB:
            raise PreventUpdate
        shape = _shape(source, texts, startup)
        controls = _controls(shape.org, None, decision, amount, segment, None, dotted=dotted)
        if against == "proposal":
            if not (isinstance(proposal, dict) and isinstance(proposal.get("text"), str)):
                message = html.P("Upload a proposal (an org YAML file) to compare with today's org.")
                return *(dash.no_update,) * 6, [message]
            name = str(proposal.get("name", "proposal.yaml"))
            try:
                other = view.structure(proposal["text"], name)
            except OrgFileError as error:
                return *(dash.no_update,) * 6, _errors(error.diagnostics)
            after_org, after_shape, after_title = other.org, other, f"Proposal: {name}"
        else:
            after_org, after_shape = view.edited(shape.org, _edits(raw_edits)), shape
            after_title = "With the what-if changes"
        shown = view.side_by_side(shape, after_org, after_shape, controls)
        before_title = f"Today: {_text(source, texts, startup)[1]}"
        return (
            shown.before,
            shown.after,
            before_title,
            after_title,
            _metrics_table(shown.comparison),
            _roles_table(shown.comparison),
            [],
        )

    @app.callback(
        Output("download", "data", allow_duplicate=True),
        Output("picture", "value"),
        Output("picture-status", "children"),
        Input("picture", "value"),
        State("org-source", "data"),
        State("edits", "data"),
        State("decision", "value"),
        State("amount", "value"),
        State("segment", "value"),
        State("selection", "data"),
        State("levels", "value"),
        State("expanded", "data"),
        State("via-dotted", "value"),
        State("view", "value"),
        running=[(Output("picture-status", "children"), "Drawing the picture…", "")],
        prevent_initial_call=True,
    )
    def download_picture(fmt, source, raw_edits, decision, amount, segment, selected, levels, expanded, dotted, chosen):
        """The chart as shown (view, decision, selection, levels, what-if changes) as a
        picture file, drawn as ``orgcharts render`` draws it."""
        if fmt not in FORMATS:
            return dash.no_update, None, ""
        shape = _shape(source, texts, startup)
        controls = _controls(shape.org, chosen, decision, amount, segment, selected, False, levels, expanded, dotted)
        measured = _analysis(shape, raw_edits, controls)
        drawn = view.picture_of(measured.org, shape, measured.now.found, controls, fmt)
        try:
            data = picture_bytes(drawn)
        except ExportError as error:
            log.error("picture export failed: %s", error)
            return dash.no_update, None, "Pictures need Chromium on the server: see the README"
        stem = _text(source, texts, startup)[1].rsplit(".", 1)[0]
        name = "-".join(part for part in (stem, controls.decision, controls.view) if part)
        return dcc.send_bytes(data, f"{name}.{fmt}"), None, ""

    app.clientside_callback(
        """
        function(search, clicks, present) {
            const trigger = (dash_clientside.callback_context.triggered[0] || {}).prop_id || "";
            if (trigger.startsWith("present-button")) { return !present; }
            return new URLSearchParams(search || "").get("present") === "1";
        }
        """,
        Output("present", "data"),
        Input("url", "search"),
        Input("present-button", "n_clicks"),
        State("present", "data"),
    )

    app.clientside_callback(
        "function(present) { return present ? 'app present' : 'app'; }",
        Output("root", "className"),
        Input("present", "data"),
    )

    app.clientside_callback(
        """
        function(preset) {
            if (preset === null || preset === undefined) { return dash_clientside.no_update; }
            return preset === "any" ? null : preset;
        }
        """,
        Output("amount", "value"),
        Input("amount-presets", "value"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        """
        function(clicks, current) { return current === "inverted" ? "conventional" : "inverted"; }
        """,
        Output("view", "value"),
        Input("flip-button", "n_clicks"),
        State("view", "value"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        """
        function(prev, next, options, current) {
            if (!options || !options.length) { return dash_clientside.no_update; }
            const ids = options.map(o => o.value);
            const step = (dash_clientside.callback_context.triggered[0] || {}).prop_id.startsWith("prev") ? -1 : 1;
            const at = Math.max(ids.indexOf(current), 0);
            return ids[(at + step + ids.length) % ids.length];
        }
        """,
        Output("decision", "value", allow_duplicate=True),
        Input("prev-decision", "n_clicks"),
        Input("next-decision", "n_clicks"),
        State("decision", "options"),
        State("decision", "value"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        "function(clicks, hidden) { return !hidden; }",
        Output("shortcuts", "hidden"),
        Input("help-button", "n_clicks"),
        State("shortcuts", "hidden"),
        prevent_initial_call=True,
    )


def _controls(
    org: Organization,
    chosen_view: Any,
    decision: Any,
    amount: Any,
    segment: Any,
    selected: Any,
    present: Any = False,
    levels: Any = None,
    expanded: Any = None,
    dotted: Any = None,
) -> view.Controls:
    """The controls as the browser sent them, each checked against the org: anything unknown
    or malformed falls back to its default rather than being trusted."""
    return view.Controls(
        view=chosen_view if chosen_view in VIEWS else "inverted",
        decision=decision if decision in org.decision_index else None,
        amount=float(amount) if isinstance(amount, int | float) and amount >= 0 else None,
        segment=segment if segment in org.segment_index else None,
        selected=selected if isinstance(selected, str) and org.has_role(selected) else None,
        present=bool(present),
        levels=levels if isinstance(levels, int) and not isinstance(levels, bool) and levels > 0 else None,
        expanded=tuple(
            role
            for role in (expanded if isinstance(expanded, list) else ())
            if isinstance(role, str) and org.has_role(role)
        ),
        via_dotted=isinstance(dotted, list) and VIA_DOTTED in dotted,
    )


def _edits(raw: Any) -> tuple[Edit, ...]:
    return tuple(view.parse_edits(raw))


def _analysis(shape: view.Structure, raw_edits: Any, controls: view.Controls) -> view.Analysis:
    return view.analysis(
        shape, _edits(raw_edits), controls.decision, controls.amount, controls.segment, controls.via_dotted
    )


def _shape(source: Any, texts: view.TextCache, startup: Startup) -> view.Structure:
    """The session's org and its shape; a store the server cannot read falls back to the startup org.

    Raises ``MissingOrgTextError`` for a digest this process does not hold.
    """
    return view.structure(*_text(source, texts, startup))


def _text(source: Any, texts: view.TextCache, startup: Startup) -> tuple[str, str]:
    """The session's org file: its text and name (see ``_shape``)."""
    if isinstance(source, dict) and isinstance(source.get("digest"), str):
        text = texts.get(source["digest"])
        if text is None:
            raise MissingOrgTextError(source["digest"])
        return text, str(source.get("name", "org.yaml"))
    return startup.text, startup.name


def _org(source: Any, texts: view.TextCache, startup: Startup) -> Organization:
    return _shape(source, texts, startup).org


def _decode_upload(contents: Any, name: str, cap: int) -> bytes:
    if not isinstance(contents, str) or "," not in contents:
        raise OrgFileError([Diagnostic("error", "the upload arrived empty; try again", name)])
    encoded = contents.split(",", 1)[1]
    if len(encoded) * 3 // 4 > cap:
        message = f"the file is over the {cap:,}-byte limit"
        raise OrgFileError([Diagnostic("error", message, name)])
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise OrgFileError([Diagnostic("error", "the upload could not be read; try again", name)]) from None


def _is_csv(name: str) -> bool:
    return name.lower().endswith((".csv", ".txt"))


def _lines(text: Any) -> list[str]:
    return [line.strip() for line in (text if isinstance(text, str) else "").splitlines() if line.strip()]


def _csv_errors(diagnostics: tuple[Diagnostic, ...]) -> list[Any]:
    """Every bad row of an export, as the command line prints them (FILE:LINE: error: ...)."""
    errors = [d for d in diagnostics if d.severity == "error"]
    return [
        html.P(f"{len(errors)} error{'s' if len(errors) != 1 else ''}: nothing was imported.", className="bad"),
        html.Ul([html.Li(str(d), className=d.severity) for d in diagnostics[:100]], className="errors"),
    ]


def _readable_upload(contents: Any) -> Any:
    """The text of a refused upload, for the editor, when it is text at all."""
    try:
        data = base64.b64decode(contents.split(",", 1)[1], validate=True)
        text = data.decode("utf-8")
    except (AttributeError, IndexError, ValueError):
        return dash.no_update
    return text if "\x00" not in text else dash.no_update


def _ok(name: str, warnings: tuple[Diagnostic, ...] = ()) -> list[Any]:
    items: list[Any] = [html.P(f"{name}: loaded.", className="ok")]
    if warnings:
        items.append(html.Ul([_diagnostic_item(d) for d in warnings[:50]], className="warnings"))
    return items


def _errors(diagnostics: tuple[Diagnostic, ...], kept: str = "the chart shows the last valid org") -> list[Any]:
    errors = [d for d in diagnostics if d.severity == "error"]
    return [
        html.P(f"{len(errors)} error{'s' if len(errors) != 1 else ''}: {kept}.", className="bad"),
        html.Ul([_diagnostic_item(d) for d in diagnostics[:100]], className="errors"),
    ]


def _diagnostic_item(diagnostic: Diagnostic) -> html.Li:
    where = f"line {diagnostic.line}, column {diagnostic.column}" if diagnostic.line else diagnostic.source
    return html.Li(
        [html.Span(where, className="where"), " ", diagnostic.message],
        className=diagnostic.severity,
        **{"data-line": str(diagnostic.line or "")},
    )


def _error_lines(messages: Any) -> list[str]:
    """The line numbers of the errors shown in the messages panel (as rendered props)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            props = node.get("props", {})
            if props.get("className") == "error" and str(props.get("data-line", "")).isdigit():
                found.append(props["data-line"])
            walk(props.get("children"))

    walk(messages)
    return found


def _presets(limits: list[float]) -> list[dict[str, Any]]:
    if not limits:
        return []
    return [{"label": "any", "value": "any"}, *({"label": f"{limit:,g}", "value": limit} for limit in limits)]


def _card(card: view.Card) -> html.Div:
    children = [html.Div(card.value, className="value"), html.Div(card.label, className="label")]
    if card.before is not None:
        trend = "better" if card.better else "worse"
        children.append(html.Div(f"{card.before} → {card.value}", className=f"change {trend}"))
    return html.Div(children, className="card", id=f"card-{card.key}")


def _path_panel(chosen: view.Selection | None) -> list[Any]:
    if chosen is None:
        return [
            html.H2("Escalation path"),
            html.P(
                "Click a customer-facing role on the chart or in the table to see how far its customers' requests climb."
            ),
        ]
    header = [html.H2(chosen.title)]
    if chosen.person:
        header.append(html.P(chosen.person, className="person"))
    header.append(
        html.P(f"{chosen.headcount:,} {'person' if chosen.headcount == 1 else 'people'} · {chosen.authority_text}")
    )
    escalation = chosen.escalation
    if escalation is None:
        note = "Not customer-facing." if not chosen.customer_facing else "Choose a decision to see its path."
        return [*header, html.P(note, className="muted")]
    headline = "no one" if escalation.hops is None else str(escalation.hops)
    caption = "can decide in this chain" if escalation.hops is None else ("hop" if escalation.hops == 1 else "hops")
    return [
        *header,
        html.Div(
            [html.Span(headline, className="hops-number"), html.Span(caption, className="hops-caption")],
            className="hops-big",
            style={
                "backgroundColor": hop_colour(escalation.hops),
                "color": text_colour_on(hop_colour(escalation.hops)),
            },
            id="hops-big",
        ),
        html.Ol([html.Li(title) for title in chosen.path_titles], className="path-list"),
    ]


def _legend(with_decision: bool) -> list[html.Li]:
    """The chart's key (``figures.legend_entries``): each symbol in its colour, then its meaning."""
    return [
        html.Li([html.Span(className=f"symbol {symbol}", style={"--colour": colour}), label])
        for label, colour, symbol in legend_entries(with_decision)
    ]


def _hop_badge(chosen: view.Selection | None) -> tuple[Any, bool, dict[str, str]]:
    """The big hop count over the chart, for the room: children, hidden, style."""
    if chosen is None or chosen.escalation is None:
        return [], True, {}
    escalation = chosen.escalation
    background = hop_colour(escalation.hops)
    if escalation.hops is None:
        headline, route = "no one can decide", f"{chosen.title}: the request climbs to the top in vain"
    else:
        headline = f"{escalation.hops} hop{'s' if escalation.hops != 1 else ''}"
        route = f"{chosen.path_titles[0]} → {chosen.path_titles[-1]}" if escalation.hops else f"{chosen.title} decides"
    children = [html.Div(headline, className="headline"), html.Div(route, className="route")]
    return children, False, {"backgroundColor": background, "color": text_colour_on(background)}


def _whatif_target(org: Organization, controls: view.Controls) -> Any:
    if controls.selected is None:
        return html.P("Select a role, then grant or remove its authority for the chosen decision.", className="muted")
    role = org.role(controls.selected)
    decision = org.decision_index.get(controls.decision) if controls.decision else None
    return html.P([html.B(role.title), f" · {decision.name}" if decision else ""])
