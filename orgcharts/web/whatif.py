"""What if…: grant or remove the selected role's authority for the chosen decision, list
the changes with an undo each, reset them; every metric and the chart follow."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash
from dash import ALL, Input, Output, State, ctx, dcc, html

from orgcharts.model import Organization
from orgcharts.web import ids
from orgcharts.web.parts import row
from orgcharts.web.served import Served
from orgcharts.web.session import Controls, change_lines, parse_edits
from orgcharts.web.wiring import Callbacks
from orgcharts.whatif import Edit

callbacks = Callbacks()


def stores() -> list[Any]:
    return [dcc.Store(id=ids.EDITS, storage_type="session", data=[])]


def layout() -> html.Div:
    return html.Div(
        className="panel whatif",
        children=[
            html.H2("What if…"),
            html.Div(id=ids.WHATIF_TARGET, className="whatif-target"),
            row(
                dcc.Input(
                    id=ids.GRANT_LIMIT,
                    type="number",
                    min=0,
                    placeholder="no limit",
                    className="limit",
                ),
                html.Span(id=ids.GRANT_UNIT, className="unit"),
            ),
            row(
                html.Button("Grant authority", id=ids.GRANT, className="button primary"),
                html.Button("Remove authority", id=ids.REMOVE, className="button"),
            ),
            html.H3("Changes"),
            html.Ol(id=ids.CHANGES, className="changes"),
            row(
                html.Button("Reset (r)", id=ids.RESET, className="button"),
                html.Button("Download changed org", id=ids.DOWNLOAD_ORG, className="button"),
            ),
        ],
    )


@callbacks.callback(
    output=Output(ids.EDITS, "data"),
    inputs={
        "grant": Input(ids.GRANT, "n_clicks"),
        "remove": Input(ids.REMOVE, "n_clicks"),
        "undo_clicks": Input(ids.undo_button(ALL), "n_clicks"),
        "reset": Input(ids.RESET, "n_clicks"),
        "raw_edits": State(ids.EDITS, "data"),
        "selected": State(ids.SELECTION, "data"),
        "decision": State(ids.DECISION, "value"),
        "limit": State(ids.GRANT_LIMIT, "value"),
    },
    prevent_initial_call=True,
)
def what_if(
    served: Served,
    grant: Any,
    remove: Any,
    undo_clicks: Any,
    reset: Any,
    raw_edits: Any,
    selected: Any,
    decision: Any,
    limit: Any,
) -> Any:
    """The edits after a grant, a removal, an undo or a reset."""
    edits = parse_edits(raw_edits)
    trigger = ctx.triggered_id
    if trigger == ids.RESET:
        return []
    if isinstance(trigger, dict) and trigger.get("type") == ids.UNDO:
        if not any(undo_clicks):
            return dash.no_update
        index = trigger.get("index")
        return [e.to_dict() for i, e in enumerate(edits) if i != index]
    if not isinstance(selected, str) or not isinstance(decision, str):
        return dash.no_update
    action = "grant" if trigger == ids.GRANT else "remove"
    bound = float(limit) if isinstance(limit, int | float) and limit > 0 else None
    return [*(e.to_dict() for e in edits), Edit(action, selected, decision, bound).to_dict()]


def change_list(org: Organization, edits: Sequence[Edit]) -> list[html.Li]:
    """The changes made, each with its undo button."""
    return [
        html.Li([line, html.Button("undo", id=ids.undo_button(index), className="button tiny")])
        for index, line in enumerate(change_lines(org, edits))
    ]


def target(org: Organization, controls: Controls) -> Any:
    """What a grant or a removal would change: the selected role, for the chosen decision."""
    if controls.selected is None:
        return html.P("Select a role, then grant or remove its authority for the chosen decision.", className="muted")
    role = org.role(controls.selected)
    decision = org.decision_index.get(controls.decision) if controls.decision else None
    return html.P([html.B(role.title), f" · {decision.name}" if decision else ""])
