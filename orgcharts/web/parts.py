"""Pieces several features share: a row of controls, a typed box, a menu, a file button, upload decoding, and
the messages that say what loaded and what did not."""

from __future__ import annotations

import base64
import binascii
from typing import Any

import dash
from dash import State, dcc, html

from orgcharts.errors import Diagnostic, OrgFileError
from orgcharts.messages import grouped
from orgcharts.web import ids
from orgcharts.web.wiring import each
from orgcharts.words import counted

OPENS_ORG = tuple(each("data", ids.ORG_SOURCE, ids.ORG_TEXT, ids.EDITS, allow_duplicate=True))
"""What a callback that opens another org writes: its source, its text and no what-if changes."""
UPLOADED = {"contents": State(ids.UPLOAD, "contents"), "filename": State(ids.UPLOAD, "filename")}
"""The org file last uploaded, read when the import form or its rules ask for it again."""


def row(*children: Any) -> html.Div:
    """Controls side by side, wrapping on narrow screens."""
    return html.Div(className="whatif-row", children=list(children))


def panel(panel_id: str, class_name: str, heading: html.H2, hint: str, children: list[Any]) -> html.Div:
    """A panel that opens in the side column when asked (hidden until then): its heading, a
    hint saying what to do, then its fields."""
    return html.Div(
        id=panel_id,
        className=f"panel {class_name}",
        hidden=True,
        children=[heading, html.P(hint, className="hint"), *children],
    )


def typed(component_id: str, class_name: str, placeholder: str, **more: Any) -> dcc.Input:
    """A box the user types an amount or a search into (``more``: Dash's ``type``, ``inputMode``,
    ``debounce``), never filled from what the browser remembers of other forms."""
    return dcc.Input(
        id=component_id, className=class_name, placeholder=placeholder, autoComplete="off", **{"type": "text", **more}
    )


def menu(component_id: str, class_name: str, **more: Any) -> dcc.Dropdown:
    """A short list the user picks from, never types into (``more``: Dash's ``options``,
    ``placeholder``, ``clearable``)."""
    return dcc.Dropdown(id=component_id, className=class_name, searchable=False, **more)


def upload_button(upload_id: str, label: str, cap: int, accept: str, says: str | None = None) -> html.Div:
    """A file button (``says``: its tooltip, what it takes). The browser refuses files over
    ``cap`` without sending them and says so (``assets/orgcharts.js`` reads
    ``data-max-bytes``); the server checks again."""
    return html.Div(
        className="upload-wrap",
        **{"data-max-bytes": str(cap)},
        children=[
            dcc.Upload(
                id=upload_id,
                className="upload",
                children=html.Button(label, className="button", title=says),
                max_size=cap,
                accept=accept,
            ),
            html.Span(className="upload-refused", role="alert"),
        ],
    )


def decode_upload(contents: Any, name: str, cap: int) -> bytes:
    if not isinstance(contents, str) or "," not in contents:
        raise OrgFileError([Diagnostic("error", "the upload arrived empty; try again", name)])
    encoded = contents.split(",", 1)[1]
    if len(encoded) * 3 // 4 > cap:
        message = f"the file is over the {cap:,}-byte limit"
        raise OrgFileError([Diagnostic("error", message, name)])
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise OrgFileError([Diagnostic("error", "the upload could not be read; try again", name)]) from None


def readable_upload(contents: Any) -> Any:
    """The text of a refused upload, for the editor, when it is text at all."""
    try:
        data = base64.b64decode(contents.split(",", 1)[1], validate=True)
        text = data.decode("utf-8")
    except (AttributeError, IndexError, ValueError):
        return dash.no_update
    return text if "\x00" not in text else dash.no_update


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_ENDINGS = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
"""Uploads that are HR exports (the column-matching form), not org files."""


def is_export(name: str, contents: Any = None) -> bool:
    """Whether an upload goes to the column-matching form. A ``.json`` upload does when it
    holds an array (of people, as d3-org-chart and OrgChart JS keep them); a JSON object is
    an org file, which the YAML loader reads."""
    lowered = name.lower()
    return lowered.endswith(EXPORT_ENDINGS) or (lowered.endswith(".json") and _opens_an_array(contents))


def _opens_an_array(contents: Any) -> bool:
    comma = contents.find(",") if isinstance(contents, str) else -1
    if comma < 0:
        return False
    start = contents[comma + 1 : comma + 1 + 4096]
    try:
        opening = base64.b64decode(start[: len(start) // 4 * 4]).decode("utf-8", errors="ignore")
    except (binascii.Error, ValueError):
        return False
    return opening.lstrip("\ufeff \t\r\n")[:1] == "["


def ok(name: str, warnings: tuple[Diagnostic, ...] = ()) -> list[Any]:
    items: list[Any] = [html.P(f"{name}: loaded.", className="ok")]
    if warnings:
        shown = grouped(warnings)
        items.append(html.P(f"{counted(len(warnings), 'warning')}:", className="muted"))
        items.append(html.Ul([diagnostic_item(d) for d in shown[:50]], className="warnings"))
    return items


def errors(diagnostics: tuple[Diagnostic, ...], kept: str = "the chart shows the last valid org") -> list[Any]:
    """The errors that stopped a load, and its warnings, repeated ones said once (``messages.grouped``)."""
    found = [d for d in diagnostics if d.severity == "error"]
    return [
        html.P(f"{counted(len(found), 'error')}: {kept}.", className="bad"),
        html.Ul([diagnostic_item(d) for d in grouped(diagnostics)[:100]], className="errors"),
    ]


def diagnostic_item(diagnostic: Diagnostic) -> html.Li:
    """One message; one that names a line shows that line in the editor when clicked or
    when Enter is pressed on it (``data-line``, read by assets/editor.js)."""
    where = f"line {diagnostic.line}, column {diagnostic.column}" if diagnostic.line else diagnostic.source
    said = [html.Span(where, className="where"), " ", diagnostic.message]
    if not diagnostic.line:
        return html.Li(said, className=diagnostic.severity)
    return html.Li(
        said,
        className=f"{diagnostic.severity} jump",
        tabIndex=0,
        title=f"Show line {diagnostic.line} in the editor",
        **{"data-line": str(diagnostic.line)},
    )


def error_lines(diagnostics: tuple[Diagnostic, ...]) -> list[int]:
    """The lines of the errors ``errors`` lists, in order, each once."""
    return sorted({d.line for d in diagnostics[:100] if d.severity == "error" and d.line})
