"""The compare tab: today beside the what-if changes or an uploaded proposal, both charts
with the changed roles ringed, every metric before and after, and the roles that changed."""

from __future__ import annotations

import os
from typing import Any

import dash
from dash import Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from orgcharts import catalog
from orgcharts.budget import admit
from orgcharts.compare import Comparison, metric_label
from orgcharts.errors import MissingOrgTextError, OrgFileError
from orgcharts.loader import load_bytes
from orgcharts.web import controls, ids
from orgcharts.web.drawing import side_by_side
from orgcharts.web.parts import decode_upload, errors, ok, row, upload_button
from orgcharts.web.served import Served, edits, source_of
from orgcharts.web.session import edited
from orgcharts.web.wiring import Callbacks, each
from orgcharts.words import counted

callbacks = Callbacks()


def stores() -> list[Any]:
    return [dcc.Store(id=ids.PROPOSAL, storage_type="session"), dcc.Store(id=ids.COMPARE_AREA, storage_type="memory")]


def layout(cap: int) -> dcc.Tab:
    def side(chart_id: str, title_id: str) -> html.Div:
        return html.Div(
            className="compare-side",
            children=[
                html.H3(id=title_id),
                dcc.Graph(
                    id=chart_id,
                    className="compare-chart",
                    config={"displaylogo": False, "scrollZoom": True},
                    style={"height": "560px"},
                ),
            ],
        )

    panel = html.Div(
        className="compare-panel",
        children=[
            row(
                dcc.RadioItems(
                    id=ids.COMPARE_WITH,
                    className="compare-with",
                    options=[
                        {"label": "Today and the what-if changes", "value": "whatif"},
                        {"label": "Today and a proposal", "value": "proposal"},
                    ],
                    value="whatif",
                    inline=True,
                ),
                upload_button(ids.PROPOSAL_UPLOAD, "Upload proposal YAML", cap, ".yaml,.yml,text/yaml,text/plain"),
            ),
            html.Div(id=ids.COMPARE_MESSAGES, className="messages", role="status"),
            html.Div(
                className="compare-charts",
                children=[
                    side(ids.COMPARE_BEFORE, ids.COMPARE_BEFORE_TITLE),
                    side(ids.COMPARE_AFTER, ids.COMPARE_AFTER_TITLE),
                ],
            ),
            html.Div(
                className="compare-tables",
                children=[html.Div(id=ids.COMPARE_METRICS), html.Div(id=ids.COMPARE_ROLES)],
            ),
        ],
    )
    return dcc.Tab(label="Compare", value=ids.COMPARE_TAB, children=panel)


@callbacks.action(
    output=[
        Output(ids.PROPOSAL, "data"),
        Output(ids.COMPARE_WITH, "value"),
        Output(ids.COMPARE_MESSAGES, "children"),
    ],
    inputs={"contents": Input(ids.PROPOSAL_UPLOAD, "contents"), "filename": State(ids.PROPOSAL_UPLOAD, "filename")},
)
def upload_proposal(served: Served, contents: Any, filename: Any) -> tuple[Any, ...]:
    """A proposal to compare with, kept like the org: its text in the server's store, its
    name and digest in this browser session."""
    name = os.path.basename(filename or "proposal.yaml")
    try:
        data = decode_upload(contents, name, served.cap)
        admit(len(data), name, served.computations.max_analysed_bytes)
        loaded = load_bytes(data, name, max_bytes=served.cap)
    except OrgFileError as error:
        return dash.no_update, dash.no_update, errors(error.diagnostics, f"{name} was not loaded as the proposal")
    return source_of(served.texts.put(loaded.text), name), "proposal", ok(name, loaded.warnings)


@callbacks.action(
    output=[
        *each("figure", ids.COMPARE_BEFORE, ids.COMPARE_AFTER),
        *each("children", ids.COMPARE_BEFORE_TITLE, ids.COMPARE_AFTER_TITLE, ids.COMPARE_METRICS, ids.COMPARE_ROLES),
        Output(ids.COMPARE_MESSAGES, "children", allow_duplicate=True),
    ],
    inputs={
        "tab": Input(ids.TABS, "value"),
        "against": Input(ids.COMPARE_WITH, "value"),
        "proposal": Input(ids.PROPOSAL, "data"),
        **controls.SESSION,
        "shown": controls.given(),
        "area": Input(ids.COMPARE_AREA, "data"),
    },
)
def render_comparison(
    served: Served,
    tab: Any,
    against: Any,
    proposal: Any,
    source: Any,
    refilled: Any,
    raw_edits: Any,
    shown: dict[str, Any],
    area: Any,
) -> tuple[Any, ...]:
    """Today beside the what-if changes or a proposal, drawn only while the tab is open, for
    the charts' real size once the browser has measured them (``measureCompare``)."""
    if tab != ids.COMPARE_TAB:
        raise PreventUpdate
    shape = served.shape(source)
    chosen = controls.read(shape.org, {**shown, "area": area})
    if against == "proposal":
        if not (isinstance(proposal, dict) and isinstance(proposal.get("digest"), str)):
            message = html.P("Upload a proposal (an org YAML file) to compare with today's org.")
            return *(dash.no_update,) * 6, [message]
        name = served.name(proposal)
        try:
            other = served.computations.structure(served.text(proposal)[0], name)
        except MissingOrgTextError:
            message = html.P(f"The server no longer holds the proposal {name}: upload it again.")
            return *(dash.no_update,) * 6, [message]
        except OrgFileError as error:
            return *(dash.no_update,) * 6, errors(error.diagnostics)
        after_org, after_shape, after_title = other.org, other, f"Proposal: {other.org.name} ({name})"
    else:
        after_org, after_shape = edited(shape.org, edits(raw_edits)), shape
        after_title = "With the what-if changes"
    both = side_by_side(served.computations, shape, after_org, after_shape, chosen)
    before_title = f"Today: {shape.org.name} ({served.text(source)[1]})"
    return (
        both.before.for_browser(),
        both.after.for_browser(),
        before_title,
        after_title,
        metrics_table(both.comparison),
        roles_table(both.comparison),
        [],
    )


def metrics_table(comparison: Comparison) -> html.Table:
    """Every metric before and after; green where the change helps customers, red where it hurts;
    what the requests were measured at under the table."""
    decisions = {**comparison.before.decision_index, **comparison.after.decision_index}
    rows = []
    for m in comparison.metrics:
        metric = catalog.metric(m.metric)
        verdict = {True: "better", False: "worse", None: ""}[m.better]
        cells = [
            html.Td(decisions[m.decision].name if m.decision else "the org"),
            html.Td(metric_label(comparison, m, names=True)),
            html.Td(metric.show(m.before), className="number"),
            html.Td(metric.show(m.after), className="number"),
            html.Td(verdict),
        ]
        rows.append(html.Tr(cells, className=verdict))
    header = html.Tr([html.Th(text) for text in ("decision", "metric", "before", "after", "")])
    parts = [html.Thead(header), html.Tbody(rows)]
    if comparison.requests_at:
        said = "Requests measured at: " + "; ".join(comparison.requests_at.values())
        parts.append(html.Tfoot(html.Tr(html.Td(said, colSpan=5))))
    return html.Table(parts, className="compare-table")


def roles_table(comparison: Comparison) -> html.Div:
    if not comparison.roles:
        return html.P("No role changed.")
    header = html.Tr([html.Th(text) for text in ("change", "role", "what changed")])
    rows = [html.Tr([html.Td(r.change), html.Td(r.title), html.Td(r.said)]) for r in comparison.roles]
    count = len(comparison.changed_roles)
    return html.Div(
        [
            html.H3(f"{counted(count, 'role')} changed, ringed in the charts"),
            html.Table([html.Thead(header), html.Tbody(rows)], className="compare-table"),
        ]
    )


# The compare charts' real size, measured once the tab shows them (both sides get the same
# width), so they open at one chart unit per pixel of their own plot, as the main chart does.
callbacks.client("measureCompare", [Output(ids.COMPARE_AREA, "data")], [Input(ids.TABS, "value")])
