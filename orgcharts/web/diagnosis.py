"""The Diagnosis tab: the findings that matter most, what the what-if changes moved in an
executive's words, the authority cards with their load, and the plots of who faces the
customers, attention against weight, why each segment is served and the span bands."""

from __future__ import annotations

from typing import Any

from dash import Input, dcc, html
from dash.exceptions import PreventUpdate

from orgcharts.cards import HEAVIEST
from orgcharts.diagnosisfigures import (
    attention_figure,
    authority_cards,
    change_words,
    conditions_figure,
    purpose_figure,
    span_bands_figure,
)
from orgcharts.diagnosisreport import measured_words
from orgcharts.findings import findings_of
from orgcharts.web import controls, ids
from orgcharts.web.served import Served, edits
from orgcharts.web.wiring import Callbacks, each

callbacks = Callbacks()
GRAPH_CONFIG = {"displaylogo": False, "displayModeBar": False}


def layout() -> dcc.Tab:
    def graph(graph_id: str) -> dcc.Graph:
        return dcc.Graph(id=graph_id, className="diagnosis-graph", config=GRAPH_CONFIG)

    panel = html.Div(
        className="diagnosis-panel",
        children=[
            html.Section(
                className="diagnosis-findings", children=[html.H2("Findings"), html.Ol(id=ids.DIAGNOSIS_FINDINGS)]
            ),
            html.Div(id=ids.DIAGNOSIS_CHANGES, className="diagnosis-changes", role="status"),
            html.Div(id=ids.DIAGNOSIS_CARDS, className="authority-cards"),
            html.Div(
                className="diagnosis-graphs",
                children=[
                    graph(ids.DIAGNOSIS_CONDITIONS),
                    graph(ids.DIAGNOSIS_ATTENTION),
                    graph(ids.DIAGNOSIS_PURPOSE),
                    graph(ids.DIAGNOSIS_SPANS),
                ],
            ),
        ],
    )
    return dcc.Tab(label="Diagnosis", value=ids.DIAGNOSIS_TAB, children=panel)


@callbacks.action(
    output=[
        *each("children", ids.DIAGNOSIS_FINDINGS, ids.DIAGNOSIS_CHANGES, ids.DIAGNOSIS_CARDS),
        *each("figure", ids.DIAGNOSIS_CONDITIONS, ids.DIAGNOSIS_ATTENTION, ids.DIAGNOSIS_PURPOSE, ids.DIAGNOSIS_SPANS),
    ],
    inputs={"tab": Input(ids.TABS, "value"), **controls.SESSION, "shown": controls.given()},
)
def render_diagnosis(
    served: Served, tab: Any, source: Any, refilled: Any, raw_edits: Any, shown: dict[str, Any]
) -> tuple[Any, ...]:
    """The diagnosis of the session's org with its what-if changes, drawn only while the tab is
    open, for the decision chosen at the amount typed (else the decision's request mix)."""
    if tab != ids.DIAGNOSIS_TAB:
        raise PreventUpdate
    shape = served.shape(source)
    chosen = controls.read(shape.org, shown)
    amount = chosen.amount if chosen.amount_basis == "given" else None
    changes = edits(raw_edits)
    now = served.computations.diagnosis(shape, changes, chosen.decision, amount)
    findings = [html.Li(sentence) for sentence in findings_of(now)]
    decision = now.decisions.get(chosen.decision) if chosen.decision else None
    moved: list[Any] = []
    cards: list[Any] = []
    if decision is not None:
        if changes:
            before = served.computations.diagnosis(shape, (), chosen.decision, amount).decisions[chosen.decision]
            said = change_words(before, decision) or ["no change to requests or wait"]
            moved = [html.H3("The what-if changes, before → after"), html.Ul([html.Li(line) for line in said])]
        found = authority_cards(now, decision)
        heading = f"Who decides: {measured_words(now, decision)}"
        cards = [html.H3(heading)] + [
            html.Div(
                className="authority-card heaviest" if card.heaviest else "authority-card",
                children=[
                    html.Div(card.title, className="authority-title"),
                    html.Div(card.said, className="authority-load"),
                    *([html.Div(HEAVIEST, className="authority-mark")] if card.heaviest else []),
                ],
            )
            for card in found
        ]
        if not found:
            cards.append(html.P("The file gives no requests.per_person_per_week for this decision: no load to show."))
    return (
        findings,
        moved,
        cards,
        conditions_figure(now),
        attention_figure(now),
        purpose_figure(now),
        span_bands_figure(now),
    )
