"""Pieces several features share: a row of controls, a file button, upload decoding, and
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


def upload_button(upload_id: str, label: str, cap: int, accept: str) -> html.Div:
    """A file button. The browser refuses files over ``cap`` without sending them and says so
    (``assets/orgcharts.js`` reads ``data-max-bytes``); the server checks again."""
    return html.Div(
        className="upload-wrap",
        **{"data-max-bytes": str(cap)},
        children=[
            dcc.Upload(
                id=upload_id,
                className="upload",
                children=html.Button(label, className="button"),
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


def is_csv(name: str) -> bool:
    return name.lower().endswith((".csv", ".txt"))


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
