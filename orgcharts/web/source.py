"""The session's org: picking an example, uploading a YAML file, the editor (a draft per
org kept in the browser, its errors marked at their lines), the round trip that gives a server
process the text it lacks, and downloading the org as edited."""

from __future__ import annotations

import logging
import os
from typing import Any

import dash
from dash import Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from orgcharts.budget import admit, checkpoint
from orgcharts.errors import MissingOrgTextError, OrgFileError
from orgcharts.loader import example_names, example_text, load_bytes
from orgcharts.loader.roundtrip import with_authority
from orgcharts.web import controls, ids
from orgcharts.web.parts import (
    OPENS_ORG,
    XLSX_TYPE,
    decode_upload,
    error_lines,
    errors,
    is_export,
    menu,
    ok,
    readable_upload,
    row,
    upload_button,
)
from orgcharts.web.served import STARTUP, Served, Startup, source_of, text_store
from orgcharts.web.session import digest, edited, parse_edits
from orgcharts.web.wiring import Callbacks, clicks, each, named, props
from orgcharts.words import counted

log = logging.getLogger(__name__)
callbacks = Callbacks()

EDITOR_LINE_PX = 20
EDITOR_PAD_PX = 8


def stores(startup: Startup) -> list[Any]:
    return [
        dcc.Store(id=ids.ORG_SOURCE, storage_type="session", data=startup.source),
        dcc.Store(id=ids.ORG_TEXT, storage_type="session", data=startup.text_store),
        dcc.Store(id=ids.ORG_WANTED, storage_type="memory"),
        dcc.Store(id=ids.ORG_REFILLED, storage_type="memory"),
        # The index of the editor's drafts; their texts are in the browser's IndexedDB
        # (``assets/drafts.js``), which holds more than localStorage.
        dcc.Store(id=ids.EDITOR_DRAFT, storage_type="local"),
        dcc.Store(id=ids.EDITOR_WANTS_ORG, storage_type="memory"),
        dcc.Store(id=ids.EDITOR_ERRORS, storage_type="memory"),
        dcc.Store(id=ids.REJECTED_TEXT, storage_type="memory"),
        dcc.Store(id=ids.EXAMPLE_CHOSEN, storage_type="memory"),
        # How many uploads the user chose to open: one more as a file comes, or once they
        # agree to lose their what-if changes (``ask_before_switching``); the import form
        # and ``load_org`` read the file itself.
        dcc.Store(id=ids.UPLOAD_CHOSEN, storage_type="memory", data=0),
        dcc.Store(id=ids.SWITCH_PENDING, storage_type="memory"),
        dcc.ConfirmDialog(id=ids.CONFIRM_SWITCH),
    ]


def picker(startup: Startup) -> dcc.Dropdown:
    """The examples, and the org the server was started with when it is none of them."""
    options = [{"label": f"Example: {name}", "value": name} for name in example_names()]
    if startup.name not in {f"{name}.yaml" for name in example_names()}:
        options.insert(0, {"label": startup.name, "value": STARTUP})
    return menu(ids.EXAMPLE_PICKER, "picker", options=options, placeholder="Open an example", clearable=False)


def upload(cap: int) -> html.Div:
    accept = ".yaml,.yml,.csv,.txt,.tsv,.xlsx,.xlsm,.json,text/yaml,text/csv,text/plain,application/json," + XLSX_TYPE
    takes = "An org file (YAML), or an HR export: CSV, TSV, Excel (.xlsx) or a JSON array"
    return upload_button(ids.UPLOAD, "Upload org file", cap, accept, takes)


def editor_tab() -> dcc.Tab:
    return dcc.Tab(
        label="Edit YAML",
        value=ids.EDITOR_TAB,
        children=html.Div(
            className="editor-panel",
            children=[
                html.Div(
                    className="editor-wrap",
                    children=[
                        # Line numbers, written by assets/editor.js.
                        html.Pre(id=ids.EDITOR_GUTTER, className="editor-gutter", **{"aria-hidden": "true"}),
                        dcc.Textarea(id=ids.EDITOR, className="editor", spellCheck=False),
                    ],
                ),
                html.Div(
                    className="editor-side",
                    children=[
                        row(
                            html.Button("Apply (Ctrl+Enter)", id=ids.APPLY, className="button primary"),
                            html.Button("Download YAML", id=ids.DOWNLOAD_YAML, className="button"),
                        ),
                        html.Div(id=ids.LOAD_MESSAGES, className="messages", role="status"),
                        html.P(id=ids.DRAFT_NOTE, className="messages", role="status"),
                    ],
                ),
            ],
        ),
    )


@callbacks.action(
    output=[*OPENS_ORG, Output(ids.LOAD_MESSAGES, "children"), *each("data", ids.REJECTED_TEXT, ids.EDITOR_ERRORS)],
    inputs={
        "picked": Input(ids.EXAMPLE_CHOSEN, "data"),
        "chosen": Input(ids.UPLOAD_CHOSEN, "data"),
        "applied": Input(ids.APPLY, "n_clicks"),
        "uploaded": State(ids.UPLOAD, "contents"),
        "upload_name": State(ids.UPLOAD, "filename"),
        "editor_text": State(ids.EDITOR, "value"),
        "current": State(ids.ORG_SOURCE, "data"),
    },
)
def load_org(
    served: Served,
    picked: Any,
    chosen: Any,
    applied: Any,
    uploaded: Any,
    upload_name: Any,
    editor_text: Any,
    current: Any,
) -> tuple[Any, ...]:
    """An example picked, a YAML file uploaded or the editor applied becomes the session's
    org; one that does not load leaves it as it was, and says why."""
    trigger = ctx.triggered_id
    name = served.name(current)
    texts, cap = served.texts, served.cap
    try:
        if trigger == ids.EXAMPLE_CHOSEN:
            picked = picked.get("name") if isinstance(picked, dict) else None
            if picked not in (STARTUP, *example_names()):
                raise PreventUpdate
            if picked == STARTUP:
                text, name = served.startup.text, served.startup.name
            else:
                text, name = example_text(picked), f"{picked}.yaml"
            served.computations.parse(text, name)
            key = texts.put(text)
            return source_of(key, name), text_store(key, None), [], ok(name), dash.no_update, []
        if trigger == ids.UPLOAD_CHOSEN:
            name = os.path.basename(upload_name or "upload.yaml")
            if is_export(name, uploaded):
                raise PreventUpdate  # an HR export: the column-matching form takes it (hrimport)
            data = decode_upload(uploaded, name, cap)
            admit(len(data), name, served.computations.max_analysed_bytes)
            loaded = served.computations.upload(data, name, lambda: load_bytes(data, name, max_bytes=cap))
            checkpoint("reading it", name)
            key = texts.put(loaded.text)
            return source_of(key, name), text_store(key, loaded.text), [], ok(name, loaded.warnings), loaded.text, []
        text = editor_text or ""
        loaded = served.computations.parse(text, name)
        key = texts.put(text)
        return (
            source_of(key, name),
            text_store(key, text),
            dash.no_update,
            ok(name, loaded.warnings),
            dash.no_update,
            [],
        )
    except OrgFileError as error:
        shown = readable_upload(uploaded) if trigger == ids.UPLOAD_CHOSEN else dash.no_update
        messages, lines = errors(error.diagnostics), error_lines(error.diagnostics)
        return dash.no_update, dash.no_update, dash.no_update, messages, shown, lines


@callbacks.action(
    output=[
        *each("data", ids.EXAMPLE_CHOSEN, ids.UPLOAD_CHOSEN, ids.SWITCH_PENDING),
        *props(ids.CONFIRM_SWITCH, "displayed", "message"),
    ],
    inputs={
        "picked": Input(ids.EXAMPLE_PICKER, "value"),
        "uploaded": Input(ids.UPLOAD, "contents"),
        "raw_edits": State(ids.EDITS, "data"),
        "uploads": State(ids.UPLOAD_CHOSEN, "data"),
    },
)
def ask_before_switching(served: Served, picked: Any, uploaded: Any, raw_edits: Any, uploads: Any) -> tuple[Any, ...]:
    """An example picked or a file uploaded opens at once, unless what-if changes would be
    lost: then the browser asks first (OK opens it, ``switch_confirmed``; Cancel keeps
    everything). Returned: the example chosen, the uploads chosen, which one waits for the
    answer, and the question."""
    wait = dash.no_update
    kind = "upload" if ctx.triggered_id == ids.UPLOAD else "example"
    if (kind == "example" and not isinstance(picked, str)) or (kind == "upload" and not isinstance(uploaded, str)):
        return wait, wait, wait, False, wait
    made = len(parse_edits(raw_edits))
    if not made:
        if kind == "upload":
            return wait, _next(uploads), None, False, wait
        return {"name": picked}, wait, None, False, wait
    message = (
        f"Opening another org discards your {counted(made, 'what-if change')} (download the changed org to keep"
        " them). Open it anyway?"
    )
    return wait, wait, kind, True, message


def _next(uploads: Any) -> int:
    return uploads + 1 if isinstance(uploads, int) else 1


@callbacks.action(
    output=each("data", ids.EXAMPLE_CHOSEN, ids.UPLOAD_CHOSEN, allow_duplicate=True),
    inputs={
        "ok": Input(ids.CONFIRM_SWITCH, "submit_n_clicks"),
        "picked": State(ids.EXAMPLE_PICKER, "value"),
        "pending": State(ids.SWITCH_PENDING, "data"),
        "uploads": State(ids.UPLOAD_CHOSEN, "data"),
    },
)
def switch_confirmed(served: Served, ok: Any, picked: Any, pending: Any, uploads: Any) -> tuple[Any, Any]:
    """OK: the example picked, or the file uploaded, opens (whichever asked)."""
    if not ok:
        return dash.no_update, dash.no_update
    if pending == "upload":
        return dash.no_update, _next(uploads)
    return ({"name": picked} if isinstance(picked, str) else dash.no_update), dash.no_update


@callbacks.action(
    output=Output(ids.EXAMPLE_PICKER, "value"),
    inputs={"cancelled": Input(ids.CONFIRM_SWITCH, "cancel_n_clicks")},
)
def switch_cancelled(served: Served, cancelled: Any) -> Any:
    """Cancel: the org, its what-if changes and the controls stay; the picker is cleared."""
    return None if cancelled else dash.no_update


@callbacks.action(
    output=[
        Output(ids.ORG_REFILLED, "data"),
        *each("data", ids.ORG_SOURCE, ids.ORG_TEXT, allow_duplicate=True),
        Output(ids.LOAD_MESSAGES, "children", allow_duplicate=True),
        Output(ids.EDITOR_ERRORS, "data", allow_duplicate=True),
    ],
    inputs={"wanted": Input(ids.ORG_WANTED, "data"), **named("data", State, kept=ids.ORG_TEXT, source=ids.ORG_SOURCE)},
)
def refill(served: Served, wanted: Any, kept: Any, source: Any) -> tuple[Any, ...]:
    """The browser sends its org text back to a process that lacked it."""
    key = wanted.get("digest") if isinstance(wanted, dict) else None
    text = kept.get("text") if isinstance(kept, dict) else None
    name = str(source.get("name", "org.yaml")) if isinstance(source, dict) else "org.yaml"
    if isinstance(key, str) and isinstance(text, str) and digest(text) == key:
        try:
            served.computations.structure(text, name)
        except OrgFileError:
            log.warning("a session sent back an org text that does not load; showing the startup org")
        else:
            served.texts.put(text)
            return wanted, dash.no_update, dash.no_update, dash.no_update, dash.no_update
    startup = served.startup
    lost = html.P(f"This browser no longer holds the org it showed; back to {startup.name}.", className="error-line")
    return wanted, startup.source, startup.text_store, [lost], []


@callbacks.action(
    output=Output(ids.EDITOR, "value"),
    inputs={
        "tab": Input(ids.TABS, "value"),
        "kept": Input(ids.ORG_TEXT, "data"),
        "rejected": Input(ids.REJECTED_TEXT, "data"),
        "wanted": Input(ids.EDITOR_WANTS_ORG, "data"),
        "draft": State(ids.EDITOR_DRAFT, "data"),
        "source": State(ids.ORG_SOURCE, "data"),
    },
)
def fill_editor(served: Served, tab: Any, kept: Any, rejected: Any, wanted: Any, draft: Any, source: Any) -> Any:
    """The editor's text, sent only while its tab is open: the org's text, unless the user
    has a draft for this org, which the browser restores itself (``restoreDraft``; drafts
    kept before in the index itself come from there), or asks for the org's text when it
    lost it (``wanted``). A refused upload lands in it whatever the tab."""
    if ctx.triggered_id == ids.REJECTED_TEXT:
        return rejected if isinstance(rejected, str) else dash.no_update
    if tab != ids.EDITOR_TAB:
        return dash.no_update
    key = source.get("digest") if isinstance(source, dict) else served.startup.source["digest"]
    drafts = draft.get("drafts") if isinstance(draft, dict) else None
    mine = drafts.get(key) if isinstance(drafts, dict) and isinstance(key, str) else None
    if isinstance(mine, dict) and isinstance(mine.get("text"), str):
        return mine["text"]
    if isinstance(mine, dict) and f"{ids.EDITOR_WANTS_ORG}.data" not in ctx.triggered_prop_ids:
        return dash.no_update
    if isinstance(kept, dict) and kept.get("digest") == key and isinstance(kept.get("text"), str):
        return kept["text"]
    text = served.texts.get(key) if isinstance(key, str) else None
    if text is None:
        raise MissingOrgTextError(str(key))
    return text


callbacks.client(
    "keepDraft",
    [Output(ids.EDITOR_DRAFT, "data"), Output(ids.DRAFT_NOTE, "children")],
    [Input(ids.EDITOR, "value"), State(ids.ORG_SOURCE, "data"), State(ids.EDITOR_DRAFT, "data")],
    initial=False,
)
callbacks.client(
    "restoreDraft",
    [Output(ids.EDITOR, "value", allow_duplicate=True), Output(ids.EDITOR_WANTS_ORG, "data")],
    [
        Input(ids.TABS, "value"),
        Input(ids.ORG_TEXT, "data"),
        State(ids.ORG_SOURCE, "data"),
        State(ids.EDITOR_DRAFT, "data"),
    ],
    initial=False,
)


@callbacks.callback(output=Output(ids.EDITOR, "style"), inputs={"lines": Input(ids.EDITOR_ERRORS, "data")})
def mark_error_lines(served: Served, lines: Any) -> dict[str, str]:
    """The editor's lines with errors (as ``load_org`` found them), shaded behind its text."""
    marked = (
        sorted({line for line in lines if isinstance(line, int) and line > 0})[:100] if isinstance(lines, list) else []
    )
    if not marked:
        return {}
    stops = []
    for line in marked:
        top = EDITOR_PAD_PX + (line - 1) * EDITOR_LINE_PX
        stops += [f"transparent {top}px", f"#ffd6d6 {top}px", f"#ffd6d6 {top + EDITOR_LINE_PX}px"]
        stops.append(f"transparent {top + EDITOR_LINE_PX}px")
    return {"backgroundImage": f"linear-gradient(to bottom, {', '.join(stops)})"}


@callbacks.action(
    output=Output(ids.DOWNLOAD, "data"),
    inputs={
        **clicks(org_clicks=ids.DOWNLOAD_ORG, yaml_clicks=ids.DOWNLOAD_YAML),
        **controls.SESSION_HELD,
        "editor_text": State(ids.EDITOR, "value"),
    },
)
def download(
    served: Served, org_clicks: Any, yaml_clicks: Any, source: Any, raw_edits: Any, editor_text: Any
) -> dict[str, str]:
    """The editor's text, or the org file with the what-if changes written into it (its
    comments and layout kept)."""
    text, name = served.text(source)
    if ctx.triggered_id == ids.DOWNLOAD_YAML:
        return {"content": editor_text or "", "filename": name, "type": "text/yaml"}
    org = edited(served.computations.structure(text, name).org, parse_edits(raw_edits))
    content = with_authority(text, name, org)
    return {"content": content, "filename": f"{name.rsplit('.', 1)[0]}-what-if.yaml", "type": "text/yaml"}
