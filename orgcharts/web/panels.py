"""The panels around the chart: the metric cards over it, and the selected role's
escalation path beside it. ``render_panels`` draws everything a selection leaves as it
is (the cards, the hop table, the what-if changes, the units and amount presets), so a
click on a role redraws none of it; ``render_selection`` draws what it changes."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, html

from orgcharts.figures import hop_colour, text_colour_on
from orgcharts.findings import findings_of
from orgcharts.web import controls, hoptable, ids, whatif
from orgcharts.web.readouts import Card, Selection, cards, selection
from orgcharts.web.served import Served, edits
from orgcharts.web.wiring import Callbacks, each, props
from orgcharts.words import counted

callbacks = Callbacks()

FINDINGS_UP_TO = 20_000
"""Roles up to which the side panel opens with the findings: a bigger org is diagnosed only
when the Diagnosis tab is opened, so that opening it stays fast."""
FINDINGS_BESIDE = 3
"""The findings the side panel lists, most important first (the Diagnosis tab lists them all)."""


def metrics_layout() -> list[html.Div]:
    return [html.Div(id=ids.METRICS, className="metrics"), html.P(id=ids.AMOUNT_SAID, className="amount-said")]


def path_layout() -> html.Div:
    return html.Div(id=ids.PATH_PANEL, className="panel path-panel")


@callbacks.callback(
    output=[
        Output(ids.METRICS, "children"),
        Output(ids.HOP_TABLE_HEAD, "children"),
        Output(ids.HOP_ROWS, "rows"),
        *props(ids.TABLE_MORE, "children", "hidden"),
        *each("children", ids.CHANGES, ids.AMOUNT_UNIT, ids.GRANT_UNIT),
        Output(ids.AMOUNT_PRESETS, "options"),
        Output(ids.AMOUNT_SAID, "children"),
    ],
    inputs={**controls.SESSION, "shown": controls.given(), "order": Input(ids.TABLE_ORDER, "data")},
)
def render_panels(
    served: Served, source: Any, refilled: Any, raw_edits: Any, shown: dict[str, Any], order: Any
) -> tuple[Any, ...]:
    """Everything around the chart that a selection leaves as it is."""
    shape = served.shape(source)
    chosen = controls.read(shape.org, shown)
    measured = served.analysis(shape, raw_edits, chosen)
    org = measured.org
    decision = org.decision_index[chosen.decision] if chosen.decision else None
    unit = decision.unit if decision else None
    return (
        [card(each) for each in cards(measured.now, measured.before)],
        *hoptable.hop_table(measured, order if isinstance(order, dict) else {}),
        whatif.change_list(shape.org, edits(raw_edits)),
        unit or "",
        unit or "",
        controls.presets(measured.limits, decision.typical_amount if decision and unit else None),
        amount_said(controls.said(org, chosen)),
    )


def amount_said(said: str) -> str:
    """Under the cards: what every figure on the screen is measured at."""
    return f"Measured for {said}" if said else ""


@callbacks.callback(
    output=[Output(ids.PATH_PANEL, "children"), Output(ids.WHATIF_TARGET, "children")],
    inputs={**controls.SESSION, "shown": controls.given((*controls.MEASURED, "selected"))},
)
def render_selection(
    served: Served, source: Any, refilled: Any, raw_edits: Any, shown: dict[str, Any]
) -> tuple[Any, Any]:
    """The selected role's escalation path and what-if target; with no role selected, the
    findings that matter most (``findings``), as the Diagnosis tab has them."""
    shape = served.shape(source)
    chosen = controls.read(shape.org, shown)
    measured = served.analysis(shape, raw_edits, chosen)
    picked = selection(measured.org, measured.by_role, chosen)
    said = None
    if picked is None and len(shape.org.roles) <= FINDINGS_UP_TO:
        amount = chosen.amount if chosen.amount_basis == "given" else None
        said = findings_of(served.computations.diagnosis(shape, edits(raw_edits), chosen.decision, amount))
    return path_panel(picked, said), whatif.target(measured.org, chosen)


def card(shown: Card) -> html.Div:
    """A metric's tile. Its change line is there, empty, when nothing changed: projector mode
    keeps its room, so a what-if change never makes the tiles taller and the chart shorter."""
    children = [html.Div(shown.value, className="value"), html.Div(shown.label, className="label")]
    if shown.before is not None:
        trend = "better" if shown.better else "worse"
        children.append(html.Div(f"{shown.before} → {shown.value}", className=f"change {trend}"))
    else:
        children.append(html.Div(className="change"))
    return html.Div(children, className="card", id=ids.card(shown.key))


def path_panel(chosen: Selection | None, said: list[str] | None = None) -> list[Any]:
    """The selected role's path; with none, the findings ``said`` (None: the org is too big
    to diagnose on every opening) and how to see a path."""
    if chosen is None:
        hint = html.P(
            "Click a customer-facing role on the chart or in the table to see how far its customers' requests climb."
        )
        if said is None:
            where = f"Over {FINDINGS_UP_TO:,} roles, the findings are in the Diagnosis tab."
            return [html.H2("Escalation path"), hint, html.P(where, className="muted")]
        shown = [html.Li(sentence) for sentence in said[:FINDINGS_BESIDE]]
        more = [html.P("More in the Diagnosis tab.", className="muted")] if len(said) > FINDINGS_BESIDE else []
        return [html.H2("What matters most"), html.Ol(shown, className="findings"), *more, hint]
    header = [html.H2(chosen.title)]
    if chosen.person:
        header.append(html.P(chosen.person, className="person"))
    header.append(html.P(f"{counted(chosen.headcount, 'person')} · {chosen.authority_text}"))
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
            id=ids.HOPS_BIG,
        ),
        html.Ol([html.Li(title) for title in chosen.path_titles], className="path-list"),
    ]
