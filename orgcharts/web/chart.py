"""The chart: its panel (the hop badge over it, the graph, the key beside it), drawing it
for the controls, jumping to a role found, and what a click on it does.

The flip happens in the browser: the figure carries the other view's geometry
(``figures.org_figure_parts``), and ``orient`` (assets/clientside.js) swaps it in without a round
trip, at once, even while the server is answering a change. The figure that answer brings,
built for the view the user has since flipped away from, is turned too as it arrives,
unanimated. The server's figure goes straight to the graph: a store in between would cost a
Dash cycle on every redraw. It goes as a plain dict (``FigureParts.for_browser``), the JSON a
Plotly figure would give without the copies building one costs.
"""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from orgcharts.figures import hop_colour, text_colour_on
from orgcharts.graph import climb
from orgcharts.web import controls, ids
from orgcharts.web.drawing import chart
from orgcharts.web.readouts import Selection, selection
from orgcharts.web.served import Served
from orgcharts.web.wiring import Callbacks, each, props

callbacks = Callbacks()


def stores() -> list[Any]:
    return [
        dcc.Store(id=ids.SELECTION, storage_type="memory"),
        dcc.Store(id=ids.EXPANDED, storage_type="session", data=[]),
        dcc.Store(id=ids.CHART_AREA, storage_type="memory"),
    ]


def layout() -> html.Div:
    return html.Div(
        className="chart-panel",
        **ids.CLICK_KINDS,
        children=[
            dcc.Graph(
                id=ids.CHART,
                className="chart",
                animate=True,
                animation_options={
                    "frame": {"redraw": True},
                    "transition": {"duration": 600, "easing": "cubic-in-out"},
                },
                config={
                    "displaylogo": False,
                    "scrollZoom": True,
                    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
                    "toImageButtonOptions": {"format": "png", "scale": 2},
                },
                responsive=True,
                style={"height": "max(440px, calc(100vh - 310px))", "width": "100%"},
            ),
            # Under the plot, never over it: the key to the chips' colours (outside the
            # figure: Plotly would draw it again on every redraw), and the hop badge, which
            # must not cover the lit path or the top role.
            html.Div(
                className="chart-footer",
                children=[
                    html.Ul(id=ids.CHART_LEGEND, className="chart-legend"),
                    html.Div(
                        id=ids.HOP_BADGE,
                        className="hop-badge",
                        hidden=True,
                        children=[
                            html.Div(id=ids.HOP_HEADLINE, className="headline"),
                            html.Div(id=ids.HOP_ROUTE, className="route"),
                        ],
                    ),
                ],
            ),
        ],
    )


@callbacks.callback(
    output=[
        Output(ids.CHART, "figure"),
        Output(ids.CHART, "animate", allow_duplicate=True),
        Output(ids.HOP_HEADLINE, "children"),
        Output(ids.HOP_ROUTE, "children"),
        *props(ids.HOP_BADGE, "hidden", "style"),
        *each("data", ids.SELECTION, ids.EXPANDED, allow_duplicate=True),
        Output(ids.SEARCH_RESULTS, "options", allow_duplicate=True),
    ],
    inputs={
        **controls.ORG,
        "edits": Input(ids.EDITS, "data"),
        "shown": {
            **controls.given((*controls.MEASURED, "selected", "present", "levels", "expanded", "area")),
            "view": State(*controls.BROWSER["view"]),
        },
        "picked": Input(ids.SEARCH_RESULTS, "picked"),
    },
    prevent_initial_call="initial_duplicate",
)
def render_chart(
    served: Served, source: Any, refilled: Any, edits: Any, shown: dict[str, Any], picked: Any
) -> tuple[Any, ...]:
    """The chart, built for the view chosen, unanimated: a flip itself happens in the browser.

    A role picked from the search results is selected and its chain opened here, in the
    round trip that draws it; the selection, the opened chain and the closed list go
    back to the browser with the chart."""
    shape = served.shape(source)
    jumped = ctx.triggered_id == ids.SEARCH_RESULTS
    if jumped:
        role = picked.get("key") if isinstance(picked, dict) else None
        if not isinstance(role, str) or not shape.org.has_role(role):
            raise PreventUpdate
        expanded = shown.get("expanded")
        opened = [role_id for role_id in (expanded if isinstance(expanded, list) else []) if isinstance(role_id, str)]
        shown = {
            **shown,
            "selected": role,
            "expanded": opened + [role_id for role_id in climb(shape.org, role)[1:] if role_id not in opened],
        }
    chosen = controls.read(shape.org, shown)
    measured = served.analysis(shape, edits, chosen)
    figure = chart(
        served.computations,
        measured.org,
        shape,
        measured.by_role,
        chosen,
        revision=shape.digest,
        totals=measured.totals,
        focus=chosen.selected,
        measured=measured,
    ).for_browser()
    return (
        figure,
        False,
        *hop_badge(selection(measured.org, measured.by_role, chosen)),
        *((shown["selected"], shown["expanded"], []) if jumped else (dash.no_update,) * 3),
    )


def hop_badge(chosen: Selection | None) -> tuple[str, str, bool, dict[str, str]]:
    """The big hop count over the chart, for the room: its headline and route, hidden, style.
    Text only, never components: the chart's answer is then plain JSON, which the fast encoder
    (orjson) writes without a walk over the whole figure first."""
    if chosen is None or chosen.escalation is None:
        return "", "", True, {}
    escalation = chosen.escalation
    background = hop_colour(escalation.hops)
    if escalation.hops is None:
        headline, route = "no one can decide", f"{chosen.title}: the request climbs to the top in vain"
    else:
        headline = f"{escalation.hops} hop{'s' if escalation.hops != 1 else ''}"
        route = f"{chosen.path_titles[0]} → {chosen.path_titles[-1]}" if escalation.hops else f"{chosen.title} decides"
    return headline, route, False, {"backgroundColor": background, "color": text_colour_on(background)}


# The chart's real size, measured in the browser for each org and again whenever it changes
# (debounced), so the server opens as many levels as fit it at one chart unit per pixel.
callbacks.client("measureChart", [Output(ids.CHART_AREA, "data")], [Input(ids.ORG_SOURCE, "data")])
# Plotly draws WebGL charts on a canvas of twice the page's size (its plotGlPixelRatio):
# draw at the screen's density instead (docs/performance.md).
callbacks.client(
    "screenDensity", [Output(ids.CHART, "config")], [Input(ids.ORG_SOURCE, "data"), State(ids.CHART, "config")]
)
callbacks.client(
    "flipChart",
    [Output(ids.CHART, "figure", allow_duplicate=True), Output(ids.CHART, "animate")],
    [Input(ids.VIEW, "value"), State(ids.CHART, "figure")],
    initial=False,
)
callbacks.client(
    "turnArrivingChart",
    [Output(ids.CHART, "figure", allow_duplicate=True)],
    [Input(ids.CHART, "figure"), State(ids.VIEW, "value")],
    initial=False,
)
# A click on a role selects it, on a collapsed role opens it, on empty space clears the
# selection; new levels close what was opened, a new org both.
callbacks.client(
    "chartClicked",
    [Output(ids.SELECTION, "data"), Output(ids.EXPANDED, "data")],
    [
        Input(ids.CHART, "clickData"),
        Input(ids.CLEAR_SELECTION, "n_clicks"),
        Input(ids.ORG_SOURCE, "data"),
        Input(ids.LEVELS, "value"),
        State(ids.EXPANDED, "data"),
    ],
    initial=False,
)
