"""The page: each feature's part of the layout, in the order the page shows them."""

from __future__ import annotations

from dash import dcc, html

from orgcharts.web import (
    chart,
    comparison,
    controls,
    diagnosis,
    hoptable,
    hrimport,
    ids,
    importrules,
    panels,
    pictures,
    presenter,
    source,
    whatif,
    workshop,
)
from orgcharts.web.served import Startup


def layout(startup: Startup, cap: int) -> html.Div:
    return html.Div(
        id=ids.ROOT,
        className="app",
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            *source.stores(startup),
            *whatif.stores(),
            *chart.stores(),
            *hoptable.stores(),
            *presenter.stores(),
            *workshop.stores(),
            *importrules.stores(),
            *comparison.stores(),
            dcc.Download(id=ids.DOWNLOAD),
            html.Header(
                className="topbar",
                children=[
                    html.Div(className="brand", children=[html.Span("orgcharts", className="logo")]),
                    html.H1(id=ids.ORG_NAME, className="org-name"),
                    source.picker(startup),
                    source.upload(cap),
                    *pictures.layout(),
                    *presenter.buttons(),
                ],
            ),
            controls.layout(),
            hrimport.layout(),
            *panels.metrics_layout(),
            workshop.layout(),
            html.Div(
                className="main",
                children=[
                    chart.layout(),
                    # After an HR import, who faces customers and who decides is asked beside
                    # the chart, which keeps its place on the page.
                    html.Aside(
                        className="side", children=[importrules.layout(), panels.path_layout(), whatif.layout()]
                    ),
                ],
            ),
            dcc.Tabs(
                id=ids.TABS,
                value=ids.PATHS_TAB,
                className="tabs",
                parent_className="tabs-parent",
                children=[hoptable.layout(), diagnosis.layout(), comparison.layout(cap), source.editor_tab()],
            ),
            *presenter.help_panel(),
        ],
    )


FEATURES = (
    source,
    hrimport,
    importrules,
    controls,
    chart,
    panels,
    hoptable,
    whatif,
    diagnosis,
    comparison,
    pictures,
    presenter,
    workshop,
)
"""Every feature module: each brings its ``callbacks``."""
