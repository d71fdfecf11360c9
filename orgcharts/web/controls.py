"""The controls bar (view, decision, amount, levels, search, segment, dotted lines) and the
one place that reads what the browser sends of them into a typed ``Controls``, by name.

A callback asks for controls by their ``Controls`` field names (``given``) and receives them
as one dict, which ``read`` checks against the org. Adding a control: its widget in
``layout``, its field in ``session.Controls``, its entry in ``BROWSER`` and its check in
``read`` (and its name in ``MEASURED`` when the metrics depend on it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import Input, Output, State, dcc, html

from orgcharts.figures import VIEWS, legend_entries
from orgcharts.model import Organization
from orgcharts.web import ids
from orgcharts.web.components import Choices
from orgcharts.web.served import Served
from orgcharts.web.session import Controls, find
from orgcharts.web.wiring import Callbacks

callbacks = Callbacks()

VIEW_LABELS = {"conventional": "Conventional", "inverted": "Customers on top"}
VIA_DOTTED_ON = "dotted"
"""The dotted-lines checkbox's value when ticked."""
EXPAND_ALL = 999
"""The levels value of "all": deeper than any org."""

BROWSER: dict[str, tuple[str, str]] = {
    "view": (ids.VIEW, "value"),
    "decision": (ids.DECISION, "value"),
    "amount": (ids.AMOUNT, "value"),
    "segment": (ids.SEGMENT, "value"),
    "via_dotted": (ids.VIA_DOTTED, "value"),
    "selected": (ids.SELECTION, "data"),
    "present": (ids.PRESENT, "data"),
    "levels": (ids.LEVELS, "value"),
    "expanded": (ids.EXPANDED, "data"),
    "area": (ids.CHART_AREA, "data"),
}
"""Where the browser holds each field of ``Controls``: component id and property."""
MEASURED = ("decision", "amount", "segment", "via_dotted")
"""The controls every metric depends on; the chart and the panels are drawn from them."""

ORG = {"source": Input(ids.ORG_SOURCE, "data"), "refilled": Input(ids.ORG_REFILLED, "data")}
"""The session's org, and the news that a process that lacked its text now holds it."""


def given(names: tuple[str, ...] = MEASURED, kind: type = Input) -> dict[str, Any]:
    """The dependencies of the controls ``names``, by name, as ``kind`` (Input or State)."""
    return {name: kind(*BROWSER[name]) for name in names}


def read(org: Organization, raw: Mapping[str, Any]) -> Controls:
    """The controls as the browser sent them (by name; any left out keep their default),
    each checked against the org: anything unknown or malformed falls back to its default
    rather than being trusted."""
    view, decision, amount = raw.get("view"), raw.get("decision"), raw.get("amount")
    segment, selected, levels = raw.get("segment"), raw.get("selected"), raw.get("levels")
    expanded, dotted = raw.get("expanded"), raw.get("via_dotted")
    return Controls(
        view=view if view in VIEWS else "inverted",
        decision=decision if decision in org.decision_index else None,
        amount=float(amount) if isinstance(amount, int | float) and amount >= 0 else None,
        segment=segment if segment in org.segment_index else None,
        selected=selected if isinstance(selected, str) and org.has_role(selected) else None,
        present=bool(raw.get("present", False)),
        levels=levels if isinstance(levels, int) and not isinstance(levels, bool) and levels > 0 else None,
        expanded=tuple(
            role
            for role in (expanded if isinstance(expanded, list) else ())
            if isinstance(role, str) and org.has_role(role)
        ),
        via_dotted=isinstance(dotted, list) and VIA_DOTTED_ON in dotted,
        area=_area(raw.get("area")),
    )


def _area(raw: Any) -> tuple[int, int] | None:
    """The chart's size as the browser measured it, if it is a plausible one."""
    if not isinstance(raw, dict):
        return None
    width, height = raw.get("width"), raw.get("height")
    sizes = (width, height)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and 200 <= v <= 20_000 for v in sizes):
        return None
    return round(width), round(height)


def layout() -> html.Div:
    return html.Div(
        className="controls",
        children=[
            dcc.RadioItems(
                id=ids.VIEW,
                className="view-switch",
                options=[{"label": VIEW_LABELS[name], "value": name} for name in VIEWS],
                value="inverted",
                inline=True,
                persistence=True,
                persistence_type="session",
            ),
            _control(
                "Decision",
                ids.DECISION,
                html.Button("◀", id=ids.PREV_DECISION, className="button small", title="Previous (←)"),
                dcc.Dropdown(id=ids.DECISION, className="decision", clearable=False, searchable=False),
                html.Button("▶", id=ids.NEXT_DECISION, className="button small", title="Next (→)"),
                extra="decision-control",
            ),
            _control(
                "Amount",
                ids.AMOUNT,
                dcc.Input(id=ids.AMOUNT, type="number", min=0, debounce=True, placeholder="any", className="amount"),
                html.Span(id=ids.AMOUNT_UNIT, className="unit"),
                dcc.RadioItems(id=ids.AMOUNT_PRESETS, className="presets", inline=True),
            ),
            _control(
                "Levels",
                ids.LEVELS,
                dcc.Dropdown(id=ids.LEVELS, className="levels", placeholder="auto", searchable=False),
            ),
            html.Div(
                className="control search",
                children=[
                    dcc.Input(
                        id=ids.SEARCH,
                        type="search",
                        placeholder="Find role, person, id",
                        debounce=False,
                        className="search-box",
                        autoComplete="off",
                    ),
                    Choices(id=ids.SEARCH_RESULTS, className="search-results"),
                ],
            ),
            _control(
                "Segment",
                ids.SEGMENT,
                dcc.Dropdown(id=ids.SEGMENT, className="segment", placeholder="All segments", searchable=False),
            ),
            html.Div(
                id=ids.DOTTED_CONTROL,
                className="control dotted",
                hidden=True,
                title="Let requests climb dotted lines (secondary managers) too: the shortest route",
                children=dcc.Checklist(
                    id=ids.VIA_DOTTED, options=[{"label": "Count dotted lines", "value": VIA_DOTTED_ON}], value=[]
                ),
            ),
        ],
    )


def _control(label: str, for_id: str, *children: Any, extra: str = "") -> html.Div:
    """A labelled control in the controls bar."""
    return html.Div(className=f"control {extra}".strip(), children=[html.Label(label, htmlFor=for_id), *children])


@callbacks.callback(
    output=[
        Output(ids.DECISION, "options"),
        Output(ids.DECISION, "value"),
        Output(ids.SEGMENT, "options"),
        Output(ids.SEGMENT, "value"),
        Output(ids.ORG_NAME, "children"),
        Output(ids.LEVELS, "options"),
        Output(ids.LEVELS, "value"),
        Output(ids.DOTTED_CONTROL, "hidden"),
        Output(ids.CHART_LEGEND, "children"),
    ],
    inputs={**ORG, "decision": State(ids.DECISION, "value"), "segment": State(ids.SEGMENT, "value")},
)
def controls_for_org(served: Served, source: Any, refilled: Any, decision: Any, segment: Any) -> tuple[Any, ...]:
    """The controls' choices for the session's org, keeping the decision and segment chosen
    when the new org has them."""
    shape = served.shape(source)
    org = shape.org
    deepest = max(shape.depths.values()) + 1
    levels = [{"label": str(level), "value": level} for level in range(1, deepest + 1)]
    levels.append({"label": "all", "value": EXPAND_ALL})
    decisions = [{"label": d.name, "value": d.id} for d in org.decisions]
    choices = [d.id for d in org.decisions]
    segments = [{"label": s.name, "value": s.id} for s in org.customers]
    keep_segment = segment if segment in org.segment_index else None
    chosen = decision if decision in choices else (choices[0] if choices else None)
    matrix = any(role.dotted_to for role in org.roles)
    key = legend(bool(org.decisions))
    return decisions, chosen, segments, keep_segment, org.name, levels, None, not matrix, key


def legend(with_decision: bool) -> list[html.Li]:
    """The chart's key (``figures.legend_entries``): each symbol in its colour, then its meaning."""
    return [
        html.Li([html.Span(className=f"symbol {symbol}", style={"--colour": colour}), label])
        for label, colour, symbol in legend_entries(with_decision)
    ]


def presets(limits: list[float]) -> list[dict[str, Any]]:
    """The amount presets: any amount, and the limits roles hold."""
    if not limits:
        return []
    return [{"label": "any", "value": "any"}, *({"label": f"{limit:,g}", "value": limit} for limit in limits)]


@callbacks.callback(
    output=[Output(ids.SEARCH_RESULTS, "options"), Output(ids.SEARCH_RESULTS, "note")],
    inputs={
        "query": Input(ids.SEARCH, "value"),
        "refilled": Input(ids.ORG_REFILLED, "data"),
        "source": State(ids.ORG_SOURCE, "data"),
    },
    prevent_initial_call=True,
)
def search(served: Served, query: Any, refilled: Any, source: Any) -> tuple[list[dict[str, str]], str]:
    """The roles found; choosing one is ``chart.render_chart``'s."""
    org = served.org(source)
    if not isinstance(query, str) or not query.strip():
        return [], ""
    hits = find(org, query[:200])
    options = [{"key": role_id, "label": text, "title": role_id} for role_id, text in hits]
    return options, "" if hits else "No role matches."


callbacks.client("amountPreset", [Output(ids.AMOUNT, "value")], [Input(ids.AMOUNT_PRESETS, "value")], initial=False)
callbacks.client(
    "stepDecision",
    [Output(ids.DECISION, "value", allow_duplicate=True)],
    [
        Input(ids.PREV_DECISION, "n_clicks"),
        Input(ids.NEXT_DECISION, "n_clicks"),
        State(ids.DECISION, "options"),
        State(ids.DECISION, "value"),
    ],
    initial=False,
)
