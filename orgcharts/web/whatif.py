"""What if…: grant or remove the selected role's authority for the chosen decision, list
the changes with an undo each, reset them; every metric and the chart follow."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash
from dash import ALL, Input, Output, State, ctx, dcc, html

from orgcharts.model import Organization
from orgcharts.web import controls, ids
from orgcharts.web.parts import row, typed
from orgcharts.web.served import Served
from orgcharts.web.session import Controls, parse_edits
from orgcharts.web.wiring import Callbacks, clicks, each
from orgcharts.whatif import Edit, EditError, GrantError, add_edit, describe_edits

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
                typed(ids.GRANT_LIMIT, "limit", "no limit", inputMode="decimal"),
                html.Span(id=ids.GRANT_UNIT, className="unit"),
            ),
            row(
                html.Button(
                    "Grant authority",
                    id=ids.GRANT,
                    className="button primary",
                    title="Grant up to the limit typed (the g key grants at the amount asked)",
                ),
                html.Button("Remove authority (x)", id=ids.REMOVE, className="button", title="Remove (x)"),
            ),
            html.P(id=ids.WHATIF_ERROR, className="field-error", role="alert"),
            html.H3("Changes"),
            html.Ol(id=ids.CHANGES, className="changes"),
            row(
                html.Button("Reset (r)", id=ids.RESET, className="button"),
                html.Button("Download changed org", id=ids.DOWNLOAD_ORG, className="button"),
            ),
        ],
    )


@callbacks.action(
    output=[Output(ids.EDITS, "data"), *each("children", ids.WHATIF_ERROR, ids.WORKSHOP_ERROR)],
    inputs={
        **clicks(grant=ids.GRANT, remove=ids.REMOVE, key_grant=ids.KEY_GRANT, undo_last=ids.UNDO_LAST),
        "undo_clicks": Input(ids.undo_button(ALL), "n_clicks"),
        "reset": Input(ids.RESET, "n_clicks"),
        **controls.SESSION_HELD,
        "limit": State(ids.GRANT_LIMIT, "value"),
        "shown": controls.given(("decision", "amount", "selected"), State),
    },
)
def what_if(
    served: Served,
    grant: Any,
    remove: Any,
    key_grant: Any,
    undo_last: Any,
    undo_clicks: Any,
    reset: Any,
    raw_edits: Any,
    source: Any,
    limit: Any,
    shown: dict[str, Any],
) -> Any:
    """The edits after a grant, a removal, an undo or a reset, and the message beside the
    buttons. A grant or removal that would change nothing or take authority away is
    refused (``whatif.add_edit``): the list stays as it was and the message says why.
    The g key grants at the amount the figures are measured at (no limit without one)."""
    edits = parse_edits(raw_edits)
    trigger = ctx.triggered_id
    if trigger == ids.RESET:
        return [], "", ""
    if trigger == ids.UNDO_LAST:
        return ([e.to_dict() for e in edits[:-1]], "", "") if edits else (dash.no_update, "", "")
    if isinstance(trigger, dict) and trigger.get("type") == ids.UNDO:
        if not any(undo_clicks):
            return dash.no_update, dash.no_update, dash.no_update
        index = trigger.get("index")
        return [e.to_dict() for i, e in enumerate(edits) if i != index], "", ""
    org = served.org(source)
    chosen = controls.read(org, shown)
    if chosen.selected is None or chosen.decision is None:
        said = "Select a role first (n steps through the customer-facing roles), then grant or remove."
        return dash.no_update, said, said
    action = "remove" if trigger == ids.REMOVE else "grant"
    if trigger == ids.KEY_GRANT:
        bound = chosen.amount if chosen.amount else None
    else:
        typed, _ = controls.amount_typed(limit)
        bound = typed if typed else None
    try:
        made = add_edit(org, edits, Edit(action, chosen.selected, chosen.decision, bound))
    except (GrantError, EditError) as refused:
        said = str(refused)
        said = said[0].upper() + said[1:]
        return dash.no_update, said, said
    return [e.to_dict() for e in made], "", ""


def change_list(original: Organization, edits: Sequence[Edit]) -> list[html.Li]:
    """The changes made (``describe_edits`` of the org as loaded), each with its undo button."""
    return [
        html.Li([line, html.Button("undo", id=ids.undo_button(index), className="button tiny")])
        for index, line in enumerate(describe_edits(original, edits))
    ]


def target(org: Organization, controls: Controls) -> Any:
    """What a grant or a removal would change: the selected role, for the chosen decision."""
    if controls.selected is None:
        return html.P("Select a role, then grant or remove its authority for the chosen decision.", className="muted")
    role = org.role(controls.selected)
    decision = org.decision_index.get(controls.decision) if controls.decision else None
    return html.P([html.B(role.title), f" · {decision.name}" if decision else ""])
