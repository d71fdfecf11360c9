"""The workshop strip: what the room must read in projector mode (the amount measured at,
the headline metric before → after, the what-if changes, a refused grant's message) and the
buttons the keys press (``assets/orgcharts.js``): next / previous customer-facing role,
grant, undo, amount down / up, next segment. Shown in projector mode, where Tab reaches every
button (they show while one has focus); out of it the strip is hidden and the keys press its
buttons all the same."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, ctx, dcc, html

from orgcharts import catalog
from orgcharts.web import controls, ids
from orgcharts.web.served import Served, edits
from orgcharts.web.session import Analysis
from orgcharts.web.wiring import Callbacks, clicks, each
from orgcharts.whatif import describe_edits

callbacks = Callbacks()

HEADLINE = "weighted_mean_hops"
"""The metric the strip shows before → after (a ``catalog`` key)."""


def stores() -> list[Any]:
    return [dcc.Store(id=ids.VIEW_STATE, storage_type="session")]


def _button(label: str, key: str, id_: str, primary: bool = False) -> html.Button:
    return html.Button(
        [label, html.Kbd(key)], id=id_, className="button" + (" primary" if primary else ""), title=f"{label} ({key})"
    )


def layout() -> html.Div:
    return html.Div(
        id=ids.WORKSHOP,
        className="workshop",
        children=[
            html.Div(
                className="workshop-read",
                children=[
                    html.P(id=ids.WORKSHOP_SAID, className="workshop-said"),
                    html.P(id=ids.WORKSHOP_HEADLINE, className="workshop-headline"),
                    html.Ol(id=ids.WORKSHOP_CHANGES, className="workshop-changes"),
                    html.P(id=ids.WORKSHOP_ERROR, className="field-error", role="alert"),
                ],
            ),
            html.Div(
                className="workshop-keys",
                children=[
                    _button("Previous role", "⇧N", ids.PREV_ROLE),
                    _button("Next role", "n", ids.NEXT_ROLE),
                    _button("Amount down", "[", ids.AMOUNT_DOWN),
                    _button("Amount up", "]", ids.AMOUNT_UP),
                    _button("Grant", "g", ids.KEY_GRANT, primary=True),
                    _button("Undo", "u", ids.UNDO_LAST),
                    _button("Next segment", "s", ids.NEXT_SEGMENT),
                ],
            ),
        ],
    )


def headline(measured: Analysis) -> str:
    """The headline metric in words, before → after when the what-if changes moved it:
    "weighted mean hops 1.95 → 1.40"."""
    metric = catalog.metric(HEADLINE)
    now = catalog.decision_values(measured.now.summary).get(HEADLINE)
    was = catalog.decision_values(measured.before.summary).get(HEADLINE)
    label = metric.label.lower()
    if now is None:
        return ""
    if was is not None and was != now:
        return f"{label} {metric.show(was)} → {metric.show(now)}"
    return f"{label} {metric.show(now)}"


@callbacks.callback(
    output=each("children", ids.WORKSHOP_SAID, ids.WORKSHOP_HEADLINE, ids.WORKSHOP_CHANGES),
    inputs={**controls.SESSION, "shown": controls.given()},
)
def render_workshop(served: Served, source: Any, refilled: Any, raw_edits: Any, shown: dict[str, Any]) -> Any:
    """What the room reads in projector mode: the amount, the headline, the changes."""
    shape = served.shape(source)
    chosen = controls.read(shape.org, shown)
    measured = served.analysis(shape, raw_edits, chosen)
    changes = [html.Li(line) for line in describe_edits(shape.org, edits(raw_edits))]
    return controls.said(shape.org, chosen), headline(measured), changes


@callbacks.action(
    output=Output(ids.SELECTION, "data", allow_duplicate=True),
    inputs={
        **clicks(next_clicks=ids.NEXT_ROLE, prev_clicks=ids.PREV_ROLE),
        **controls.SESSION_HELD,
        "shown": controls.given((*controls.MEASURED, "selected"), State),
    },
)
def step_role(
    served: Served, next_clicks: Any, prev_clicks: Any, source: Any, raw_edits: Any, shown: dict[str, Any]
) -> Any:
    """n / Shift+N: the next / previous customer-facing role in the hop table's order
    (worst first), from the one selected; the first (or last) when none is."""
    shape = served.shape(source)
    chosen = controls.read(shape.org, shown)
    order = [str(row["id"]) for row in served.analysis(shape, raw_edits, chosen).rows]
    if not order:
        return dash.no_update
    step = -1 if ctx.triggered_id == ids.PREV_ROLE else 1
    if chosen.selected not in order:
        return order[0] if step == 1 else order[-1]
    return order[(order.index(chosen.selected) + step) % len(order)]


@callbacks.action(
    output=Output(ids.SEGMENT, "value", allow_duplicate=True),
    inputs={
        "clicks": Input(ids.NEXT_SEGMENT, "n_clicks"),
        "options": State(ids.SEGMENT, "options"),
        "segment": State(ids.SEGMENT, "value"),
    },
)
def next_segment(served: Served, clicks: Any, options: Any, segment: Any) -> Any:
    """s: all segments, then each segment in turn, then all again."""
    values = [None, *(o["value"] for o in options or () if isinstance(o, dict))]
    if len(values) == 1:
        return dash.no_update
    at = values.index(segment) if segment in values else 0
    return values[(at + 1) % len(values)]
