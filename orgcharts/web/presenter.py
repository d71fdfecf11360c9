"""For the room: the flip button, projector mode (big type, from the button, the p key or ``?present=1``),
the keyboard's help panel, and the hidden button that Escape and a click on empty space
press to clear the selection (the keys themselves are ``assets/orgcharts.js``'s)."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, dcc, html

from orgcharts.web import ids
from orgcharts.web.wiring import Callbacks

callbacks = Callbacks()

KEYS = {
    "n / ⇧N": "next / previous customer-facing role, worst first (lights its path)",
    "g": "grant the selected role the decision, up to the amount asked",
    "x": "remove the selected role's authority for the decision",
    "u": "undo the last what-if change",
    "r": "reset the what-if changes",
    "[ ]": "amount down / up through the presets",
    "← →": "previous / next decision",
    "s": "next customer segment (then all again)",
    "f": "flip between conventional and customers on top",
    "p": "projector mode on / off",
    "Esc": "clear the selection",
    "?": "show / hide this help",
}
"""The keys ``assets/orgcharts.js`` answers, as the help panel lists them."""


def stores() -> list[Any]:
    return [dcc.Store(id=ids.PRESENT, storage_type="memory", data=False)]


def buttons() -> list[html.Button]:
    return [
        html.Button("Flip (f)", id=ids.FLIP_BUTTON, className="button primary"),
        html.Button("Projector (p)", id=ids.PRESENT_BUTTON, className="button"),
        html.Button("?", id=ids.HELP_BUTTON, className="button round", title="Keyboard shortcuts"),
    ]


def help_panel() -> list[Any]:
    return [
        html.Div(
            id=ids.SHORTCUTS,
            className="shortcuts",
            hidden=True,
            children=[
                html.H2("Keyboard"),
                html.Dl([item for key, meaning in KEYS.items() for item in (html.Dt(key), html.Dd(meaning))]),
                html.P(
                    "Keys work wherever the focus is except while typing in a text field; Enter there applies"
                    " what was typed and gives the keys back. Click a customer-facing role to light its path."
                ),
            ],
        ),
        html.Button(id=ids.CLEAR_SELECTION, hidden=True),
    ]


callbacks.client(
    "present",
    [Output(ids.PRESENT, "data")],
    [Input(ids.URL, "search"), Input(ids.PRESENT_BUTTON, "n_clicks"), State(ids.PRESENT, "data")],
)
callbacks.client(
    "flip", [Output(ids.VIEW, "value")], [Input(ids.FLIP_BUTTON, "n_clicks"), State(ids.VIEW, "value")], initial=False
)
callbacks.client("rootClass", [Output(ids.ROOT, "className")], [Input(ids.PRESENT, "data")])
callbacks.client(
    "toggleHelp",
    [Output(ids.SHORTCUTS, "hidden")],
    [Input(ids.HELP_BUTTON, "n_clicks"), State(ids.SHORTCUTS, "hidden")],
    initial=False,
)
