"""Pictures to take away: the chart as shown, as PNG, SVG, PDF or offline HTML, drawn as
``orgcharts render`` draws it."""

from __future__ import annotations

import logging
from typing import Any

import dash
from dash import Input, Output, State, dcc, html

from orgcharts.export import FORMATS, ExportError, picture_bytes
from orgcharts.web import controls, ids
from orgcharts.web.drawing import picture_of
from orgcharts.web.served import Served
from orgcharts.web.wiring import Callbacks

log = logging.getLogger(__name__)
callbacks = Callbacks()

PICTURE_LABELS = {
    "png": "PNG image (slides)",
    "svg": "SVG (vector)",
    "pdf": "PDF (print)",
    "html": "HTML (interactive, offline)",
}


def layout() -> list[Any]:
    return [
        dcc.Dropdown(
            id=ids.PICTURE,
            className="picture-picker",
            options=[{"label": PICTURE_LABELS[fmt], "value": fmt} for fmt in FORMATS],
            placeholder="Download picture…",
            searchable=False,
        ),
        html.Span(id=ids.PICTURE_STATUS, className="picture-status", role="status"),
    ]


@callbacks.callback(
    output=[
        Output(ids.DOWNLOAD, "data", allow_duplicate=True),
        Output(ids.PICTURE, "value"),
        Output(ids.PICTURE_STATUS, "children"),
    ],
    inputs={
        "fmt": Input(ids.PICTURE, "value"),
        **controls.SESSION_HELD,
        "shown": controls.given((*controls.MEASURED, "selected", "levels", "expanded", "view"), kind=State),
    },
    running=[(Output(ids.PICTURE_STATUS, "children"), "Drawing the picture…", "")],
    prevent_initial_call=True,
)
def download_picture(served: Served, fmt: Any, source: Any, raw_edits: Any, shown: dict[str, Any]) -> tuple[Any, ...]:
    """The chart as shown (view, decision, selection, levels, what-if changes) as a
    picture file, drawn as ``orgcharts render`` draws it."""
    if fmt not in FORMATS:
        return dash.no_update, None, ""
    shape = served.shape(source)
    chosen = controls.read(shape.org, shown)
    measured = served.analysis(shape, raw_edits, chosen)
    drawn = picture_of(measured.org, shape, measured.now.found, chosen, fmt)
    try:
        data = picture_bytes(drawn)
    except ExportError as error:
        log.error("picture export failed: %s", error)
        return dash.no_update, None, "Pictures need Chromium on the server: see the README"
    stem = served.text(source)[1].rsplit(".", 1)[0]
    name = "-".join(part for part in (stem, chosen.decision, chosen.view) if part)
    return dcc.send_bytes(data, f"{name}.{fmt}"), None, ""
