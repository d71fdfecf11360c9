"""Pictures to take away: the chart as shown, as PNG, SVG, PDF or offline HTML, drawn as
``orgcharts render`` draws it; and the board pack, the editable PowerPoint deck that
``orgcharts report`` writes, with the session's what-if changes as its proposal."""

from __future__ import annotations

import logging
from typing import Any

import dash
from dash import Input, Output, State, dcc, html

from orgcharts.deck import Asked, board_deck, deck_bytes
from orgcharts.export import FORMATS, ExportError, picture_bytes
from orgcharts.findings import findings_of
from orgcharts.web import controls, ids
from orgcharts.web.drawing import picture_of
from orgcharts.web.parts import menu
from orgcharts.web.served import Served, edits
from orgcharts.web.session import edited
from orgcharts.web.wiring import Callbacks, clicks

log = logging.getLogger(__name__)
callbacks = Callbacks()

PICTURE_OPTIONS = [
    {"label": "HTML (interactive, offline)", "value": "html"},
    {"label": "PNG image (slides)", "value": "png"},
    {"label": "SVG (vector)", "value": "svg"},
    {"label": "PDF (print)", "value": "pdf"},
]
"""The picture menu: every format ``export.FORMATS`` writes, in its order, said for a user."""


def layout() -> list[Any]:
    return [
        menu(ids.PICTURE, "picture-picker", options=PICTURE_OPTIONS, placeholder="Download picture"),
        html.Button(
            "Board pack (PPTX)",
            id=ids.BOARD_PACK,
            className="button board-pack",
            title="Download the board pack: an editable PowerPoint deck of this org and its what-if changes",
            n_clicks=0,
        ),
        html.Span(id=ids.PICTURE_STATUS, className="picture-status", role="status"),
    ]


@callbacks.action(
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
        data = picture_bytes(drawn, warm=True)
    except ExportError as error:
        log.error("picture export failed: %s", error)
        return dash.no_update, None, "Pictures need Chromium on the server: see the README"
    stem = served.text(source)[1].rsplit(".", 1)[0]
    name = "-".join(part for part in (stem, chosen.decision, chosen.view) if part)
    return dcc.send_bytes(data, f"{name}.{fmt}"), None, ""


WHAT_IF = "the what-if"


@callbacks.action(
    output=[
        Output(ids.DOWNLOAD, "data", allow_duplicate=True),
        Output(ids.PICTURE_STATUS, "children", allow_duplicate=True),
    ],
    inputs={
        **clicks(pressed=ids.BOARD_PACK),
        **controls.SESSION_HELD,
        "shown": controls.given(controls.MEASURED, kind=State),
    },
    running=[(Output(ids.PICTURE_STATUS, "children"), "Building the board pack…", "")],
)
def download_board_pack(
    served: Served, pressed: Any, source: Any, raw_edits: Any, shown: dict[str, Any]
) -> tuple[Any, ...]:
    """The board pack of the session's org as loaded, its what-if changes (if any) as the
    proposal; every decision at its typical amount, or only the one shown when the user
    typed an amount."""
    if not pressed:
        return dash.no_update, ""
    shape = served.shape(source)
    chosen = controls.read(shape.org, shown)
    name = served.text(source)[1]
    typed = chosen.amount_basis == "given" and chosen.decision is not None
    asked = Asked(name, (chosen.decision,) if typed else (), chosen.amount if typed else None)  # type: ignore[arg-type]
    changes = edits(raw_edits)
    proposal = edited(shape.org, changes) if changes else None
    deck = board_deck(shape.org, asked, findings_of, proposal, WHAT_IF)
    stem = name.rsplit(".", 1)[0]
    return dcc.send_bytes(deck_bytes(deck, "pptx"), f"{stem}-board-pack.pptx"), ""
