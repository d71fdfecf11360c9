"""The controls bar (view, decision, amount, levels, search, segment, dotted lines) and the
one place that reads what the browser sends of them into a typed ``Controls``, by name.

A callback asks for controls by their ``Controls`` field names (``given``) and receives them
as one dict, which ``read`` checks against the org. Adding a control: its widget in
``layout``, its field in ``session.Controls``, its entry in ``BROWSER`` and its check in
``read`` (and its name in ``MEASURED`` when the metrics depend on it).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import dash
from dash import Input, Output, State, ctx, dcc, html

from orgcharts.amounts import Asked, number, request_words, resolve
from orgcharts.figures import VIEWS, legend_entries
from orgcharts.model import Organization
from orgcharts.web import ids
from orgcharts.web.components import Choices
from orgcharts.web.parts import menu, typed
from orgcharts.web.served import Served
from orgcharts.web.session import Controls, find
from orgcharts.web.session import asked as session_asked
from orgcharts.web.wiring import Callbacks, clicks, each, named, props

callbacks = Callbacks()

VIEW_LABELS = {"conventional": "Conventional", "inverted": "Customers on top"}
VIEW_OPTIONS = [{"label": VIEW_LABELS[name], "value": name} for name in VIEWS]
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
SESSION = {**ORG, "raw_edits": Input(ids.EDITS, "data")}
"""The session's org and its what-if changes: what every measured surface is drawn from."""
SESSION_HELD = {"source": State(ids.ORG_SOURCE, "data"), "raw_edits": State(ids.EDITS, "data")}
"""The same org and changes, read (not listened to) when a button asks for something made of them."""


def given(names: tuple[str, ...] = MEASURED, kind: type = Input) -> dict[str, Any]:
    """The dependencies of the controls ``names``, by name, as ``kind`` (Input or State)."""
    return {name: kind(*BROWSER[name]) for name in names}


def read(org: Organization, raw: Mapping[str, Any]) -> Controls:
    """The controls as the browser sent them (by name; any left out keep their default),
    each checked against the org: anything unknown or malformed falls back to its default
    rather than being trusted. The amount is the one every surface measures at
    (``amounts.resolve``: the one typed, else the decision's typical amount, else none)."""
    view, decision, segment = raw.get("view"), raw.get("decision"), raw.get("segment")
    selected, levels = raw.get("selected"), raw.get("levels")
    expanded, dotted = raw.get("expanded"), raw.get("via_dotted")
    chosen = decision if decision in org.decision_index else None
    asked = resolved(org, chosen, amount_typed(raw.get("amount"))[0])
    return Controls(
        view=view if view in VIEWS else "inverted",
        decision=chosen,
        amount=asked.amount if asked else None,
        amount_basis=asked.basis if asked else "none",
        segment=segment if segment in org.segment_index else None,
        selected=selected if isinstance(selected, str) and org.has_role(selected) else None,
        present=raw.get("present") is True,
        levels=levels if isinstance(levels, int) and not isinstance(levels, bool) and levels > 0 else None,
        expanded=tuple(
            role
            for role in (expanded if isinstance(expanded, list) else ())
            if isinstance(role, str) and org.has_role(role)
        ),
        via_dotted=isinstance(dotted, list) and VIA_DOTTED_ON in dotted,
        area=_area(raw.get("area")),
    )


def amount_typed(value: Any) -> tuple[float | None, str | None]:
    """The amount field's value as a number (None: blank) and, for anything that is not a
    non-negative number, the error to show beside the field (the amount is then blank)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", ""))
        except ValueError:
            number = None
    if number is None or not math.isfinite(number) or number < 0:
        shown = str(value)[:20]
        return None, f"“{shown}” is not an amount: type a number of 0 or more, or leave it blank."
    return number, None


def resolved(org: Organization, decision: str | None, given: float | None) -> Asked | None:
    """``amounts.resolve`` for the decision chosen; an amount typed that is the decision's
    typical amount is said as typical ("200 USD (typical amount)")."""
    if decision is None or decision not in org.decision_index:
        return None
    asked = resolve(org.decision_index[decision], given)
    if asked.basis == "given" and asked.amount == asked.decision.typical_amount:
        return Asked(asked.decision, asked.amount, "typical")
    return asked


def typical(org: Organization, decision: Any) -> float | int | None:
    """What the amount field shows when ``decision`` is chosen: its typical amount, else blank."""
    found = org.decision_index.get(decision) if isinstance(decision, str) else None
    amount = found.typical_amount if found is not None and found.unit else None
    return None if amount is None else (int(amount) if float(amount).is_integer() else amount)


def said(org: Organization, chosen: Controls) -> str:
    """The decision and the amount its figures are measured at, in words: "Refund or bill
    credit of 200 USD (typical amount)"; "" without a decision."""
    asked = session_asked(org, chosen)
    return request_words(asked) if asked else ""


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
            dcc.RadioItems(id=ids.VIEW, className="view-switch", options=VIEW_OPTIONS, value="inverted", inline=True),
            _control(
                "Decision",
                ids.DECISION,
                html.Button("◀", id=ids.PREV_DECISION, className="button small", title="Previous (←)"),
                menu(ids.DECISION, "decision", clearable=False),
                html.Button("▶", id=ids.NEXT_DECISION, className="button small", title="Next (→)"),
                extra="decision-control",
            ),
            _control(
                "Amount",
                ids.AMOUNT,
                typed(ids.AMOUNT, "amount", "any", inputMode="decimal", debounce=True),
                html.Span(id=ids.AMOUNT_UNIT, className="unit"),
                html.Span(id=ids.AMOUNT_ERROR, className="field-error", role="alert"),
                dcc.RadioItems(id=ids.AMOUNT_PRESETS, className="presets", inline=True),
            ),
            _control(
                "Levels",
                ids.LEVELS,
                menu(ids.LEVELS, "levels", placeholder="auto"),
            ),
            html.Div(
                className="control search",
                children=[
                    typed(ids.SEARCH, "search-box", "Find role, person, id", type="search", debounce=False),
                    Choices(id=ids.SEARCH_RESULTS, className="search-results"),
                ],
            ),
            _control(
                "Segment",
                ids.SEGMENT,
                menu(ids.SEGMENT, "segment", placeholder="All segments"),
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
        *props(ids.DECISION, "options", "value"),
        *props(ids.SEGMENT, "options", "value"),
        Output(ids.ORG_NAME, "children"),
        *props(ids.LEVELS, "options", "value"),
        Output(ids.DOTTED_CONTROL, "hidden"),
        Output(ids.CHART_LEGEND, "children"),
        *each("value", ids.AMOUNT, ids.VIEW, allow_duplicate=True),
    ],
    inputs={**ORG, "saved": State(ids.VIEW_STATE, "data"), "view": State(ids.VIEW, "value")},
    prevent_initial_call="initial_duplicate",
)
def controls_for_org(served: Served, source: Any, refilled: Any, saved: Any, view: Any) -> tuple[Any, ...]:
    """The controls' choices for the session's org. Another org opens on its own first
    decision at its typical amount, all segments; the same org (a reload, a text refilled)
    on the view, decision, amount and segment this session last had (``remember``, assets/workshop.js)."""
    shape = served.shape(source)
    org = shape.org
    deepest = max(shape.depths.values()) + 1
    levels = [{"label": str(level), "value": level} for level in range(1, deepest + 1)]
    levels.append({"label": "all", "value": EXPAND_ALL})
    decisions = [{"label": d.name, "value": d.id} for d in org.decisions]
    segments = [{"label": s.name, "value": s.id} for s in org.customers]
    decision, amount, segment, shown = opening(org, shape.digest, saved)
    matrix = any(role.dotted_to for role in org.roles)
    key = legend(bool(org.decisions))
    view_out = shown if shown in VIEWS and shown != view else dash.no_update
    return decisions, decision, segments, segment, org.name, levels, None, not matrix, key, amount, view_out


def opening(org: Organization, key: str, saved: Any) -> tuple[str | None, Any, str | None, str | None]:
    """Decision, amount field, segment and view an org opens on: what ``saved`` (this
    session's last, ``remember``) holds when it is of this org text, else the org's own."""
    first = org.decisions[0].id if org.decisions else None
    if not isinstance(saved, dict) or saved.get("digest") != key:
        return first, typical(org, first), None, None
    decision = saved.get("decision") if saved.get("decision") in org.decision_index else first
    amount = saved.get("amount") if decision == saved.get("decision") else typical(org, decision)
    if not isinstance(amount, int | float | str) or isinstance(amount, bool):
        amount = None
    segment = saved.get("segment") if saved.get("segment") in org.segment_index else None
    view = saved.get("view") if saved.get("view") in VIEWS else None
    return decision, amount, segment, view


# What a reload restores (``opening``): kept in the browser (assets/workshop.js), so that a
# flip asks nothing of the server.
callbacks.client(
    "remember",
    [Output(ids.VIEW_STATE, "data")],
    [*each("value", ids.DECISION, ids.AMOUNT, ids.SEGMENT, ids.VIEW, kind=Input), State(ids.ORG_SOURCE, "data")],
    initial=False,
)


@callbacks.action(
    output=Output(ids.AMOUNT, "value", allow_duplicate=True),
    inputs={
        "decision": Input(ids.DECISION, "value"),
        **named("data", State, source=ids.ORG_SOURCE, saved=ids.VIEW_STATE),
        "amount": State(ids.AMOUNT, "value"),
    },
)
def amount_for_decision(served: Served, decision: Any, source: Any, saved: Any, amount: Any) -> Any:
    """Another decision chosen opens at its typical amount (blank without one); the
    decision the session had (a reload) keeps the amount ``controls_for_org`` restored.
    The field already holding it (an org opening, which set both) is left alone: setting it
    again would draw every surface twice."""
    shape = served.shape(source)
    if isinstance(saved, dict) and saved.get("digest") == shape.digest and saved.get("decision") == decision:
        return dash.no_update
    opening = typical(shape.org, decision)
    return dash.no_update if opening == amount else opening


@callbacks.callback(output=Output(ids.AMOUNT_ERROR, "children"), inputs={"amount": Input(ids.AMOUNT, "value")})
def amount_error(served: Served, amount: Any) -> str:
    """Beside the field: why an amount typed is not used (not silently ignored)."""
    return amount_typed(amount)[1] or ""


@callbacks.action(
    output=Output(ids.AMOUNT, "value", allow_duplicate=True),
    inputs={
        **clicks(down=ids.AMOUNT_DOWN, up=ids.AMOUNT_UP),
        "options": State(ids.AMOUNT_PRESETS, "options"),
        "source": State(ids.ORG_SOURCE, "data"),
        "shown": given(("decision", "amount"), State),
    },
)
def step_amount(served: Served, down: Any, up: Any, options: Any, source: Any, shown: dict[str, Any]) -> Any:
    """[ and ]: the amount one preset down or up from the amount the figures are measured at."""
    chosen = read(served.org(source), shown)
    values = sorted(
        o["value"] for o in options or () if isinstance(o, dict) and isinstance(o.get("value"), int | float)
    )
    if not values:
        return dash.no_update
    now = chosen.amount
    if ctx.triggered_id == ids.AMOUNT_UP:
        above = [v for v in values if now is None or v > now]
        return above[0] if above else dash.no_update
    below = [v for v in values if now is not None and v < now]
    return below[-1] if below else dash.no_update


def legend(with_decision: bool) -> list[html.Li]:
    """The chart's key (``figures.legend_entries``): each symbol in its colour, then its meaning."""
    return [
        html.Li([html.Span(className=f"symbol {symbol}", style={"--colour": colour}), label])
        for label, colour, symbol in legend_entries(with_decision)
    ]


def presets(limits: list[float], typical_amount: float | None = None) -> list[dict[str, Any]]:
    """The amount presets: the limits roles hold and the decision's typical amount, smallest
    first; "any" (blank) only for a decision without a typical amount, where blank means
    any amount (with one, blank means the typical amount)."""
    values = sorted({*limits, *([typical_amount] if typical_amount is not None else [])})
    if not values:
        return []
    shown = [
        {"label": f"{number(value)} (typical)" if value == typical_amount else number(value), "value": value}
        for value in values
    ]
    return shown if typical_amount is not None else [{"label": "any", "value": "any"}, *shown]


@callbacks.action(
    output=props(ids.SEARCH_RESULTS, "options", "note"),
    inputs={
        "query": Input(ids.SEARCH, "value"),
        "refilled": Input(ids.ORG_REFILLED, "data"),
        "source": State(ids.ORG_SOURCE, "data"),
    },
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
