"""The HR import: an uploaded export (CSV) opens a column-matching form with the import's
guesses, the same choices as ``orgcharts import``; importing makes it the session's org."""

from __future__ import annotations

import os
from typing import Any

import dash
from dash import Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from orgcharts.errors import Diagnostic, OrgFileError, UsageError
from orgcharts.loader.hrcsv import (
    FIELD_LABELS,
    FIELDS,
    Rules,
    authority_rules,
    header_of,
    import_bytes,
    parse_rule,
    to_yaml,
)
from orgcharts.messages import grouped
from orgcharts.web import ids, importrules
from orgcharts.web.parts import OPENS_ORG, UPLOADED, decode_upload, errors, is_export, ok, row
from orgcharts.web.served import Served, source_of, text_store
from orgcharts.web.wiring import Callbacks, each, named
from orgcharts.words import counted

callbacks = Callbacks()


def layout() -> html.Div:
    """The column-matching form an uploaded HR export opens."""
    return html.Div(
        id=ids.CSV_PANEL,
        className="panel csv-panel",
        hidden=True,
        children=[
            html.H2(id=ids.CSV_HEADING),
            html.P(
                "Match the export's columns, say which titles face customers and which may decide, then import. "
                "Anything left out can be added in the editor afterwards.",
                className="hint",
            ),
            html.Div(
                className="csv-columns",
                children=[
                    html.Label(
                        [
                            html.Span(FIELD_LABELS[field]),
                            dcc.Dropdown(id=ids.csv_column(field), className="csv-column", clearable=True),
                        ],
                        className="csv-field",
                    )
                    for field in FIELDS
                ],
            ),
            html.Div(
                className="csv-rules",
                children=[
                    *importrules.rule_fields(ids.CSV_SERVES, ids.CSV_DECIDES),
                    dcc.Checklist(
                        id=ids.CSV_GROUP,
                        options=[
                            {"label": "Merge people with no reports who share a title and a manager", "value": "group"}
                        ],
                        value=["group"],
                    ),
                ],
            ),
            row(
                html.Button("Import", id=ids.CSV_IMPORT, className="button primary"),
                html.Button("Cancel", id=ids.CSV_CANCEL, className="button"),
            ),
            html.Div(id=ids.CSV_MESSAGES, className="messages", role="status"),
        ],
    )


@callbacks.callback(
    output=[
        Output(ids.CSV_PANEL, "hidden"),
        Output(ids.CSV_HEADING, "children"),
        {field: Output(ids.csv_column(field), "options") for field in FIELDS},
        {field: Output(ids.csv_column(field), "value") for field in FIELDS},
        Output(ids.CSV_MESSAGES, "children"),
        *each("value", ids.CSV_SERVES, ids.CSV_DECIDES),
        Output(ids.RULES_PANEL, "hidden"),
    ],
    inputs={
        "chosen": Input(ids.UPLOAD_CHOSEN, "data"),
        "cancel": Input(ids.CSV_CANCEL, "n_clicks"),
        **UPLOADED,
    },
    prevent_initial_call=True,
)
def match_columns(served: Served, chosen: Any, cancel: Any, contents: Any, filename: Any) -> tuple[Any, ...]:
    """An uploaded HR export, once chosen (``source.ask_before_switching``), opens the form,
    its columns matched the way the import would:
    hidden, heading, each field's column choices and its column, messages; and no rules,
    neither in the form nor after the import: rules belong to the file they were typed for."""
    name = os.path.basename(filename or "export.csv")
    if ctx.triggered_id == ids.CSV_CANCEL:
        unchanged = dict.fromkeys(FIELDS, dash.no_update)
        return (
            True,
            dash.no_update,
            unchanged,
            unchanged,
            dash.no_update,
            dash.no_update,
            dash.no_update,
            dash.no_update,
        )
    if not is_export(name):
        raise PreventUpdate
    return (*_matched(served, contents, name), "", "", True)


def _matched(served: Served, contents: Any, name: str) -> tuple[Any, ...]:
    try:
        header, guessed = header_of(decode_upload(contents, name, served.cap), name)
    except OrgFileError as error:
        none = dict.fromkeys(FIELDS)
        return (
            False,
            f"Import {name}",
            {field: [] for field in none},
            none,
            errors(error.diagnostics, "nothing was imported"),
        )
    options = [{"label": column, "value": column} for column in header if column]
    return (
        False,
        f"Import {name}: {counted(len(header), 'column')}",
        {field: options for field in FIELDS},
        {field: guessed[field] for field in FIELDS},
        [],
    )


@callbacks.callback(
    output=[
        *OPENS_ORG,
        Output(ids.LOAD_MESSAGES, "children", allow_duplicate=True),
        Output(ids.CSV_PANEL, "hidden", allow_duplicate=True),
        Output(ids.CSV_MESSAGES, "children", allow_duplicate=True),
        Output(ids.EDITOR_ERRORS, "data", allow_duplicate=True),
        Output(ids.IMPORTED, "data"),
        *each("value", ids.RULES_SERVES, ids.RULES_DECIDES),
        Output(ids.RULES_PANEL, "hidden", allow_duplicate=True),
    ],
    inputs={
        "clicks": Input(ids.CSV_IMPORT, "n_clicks"),
        **UPLOADED,
        "columns": {field: State(ids.csv_column(field), "value") for field in FIELDS},
        **named("value", State, serves=ids.CSV_SERVES, decides=ids.CSV_DECIDES, group=ids.CSV_GROUP),
    },
    prevent_initial_call=True,
)
def import_csv(
    served: Served,
    clicks: Any,
    contents: Any,
    filename: Any,
    columns: dict[str, Any],
    serves: Any,
    decides: Any,
    group: Any,
) -> tuple[Any, ...]:
    """The export imported with the user's matching and rules, and shown as the session's org."""
    name = os.path.basename(filename or "export.csv")
    keep = (dash.no_update,) * 5
    left = (dash.no_update,) * 5  # the editor's marks and the rules panel stay until an import
    try:
        deciding, units = authority_rules(_lines(decides), "authority")
        rules = Rules(
            [parse_rule(line, "customer-facing titles") for line in _lines(serves)],
            deciding,
            units,
            group_by_title=bool(group),
        )
        given = {field: columns.get(field) for field in FIELDS if columns.get(field)}
        imported = import_bytes(decode_upload(contents, name, served.cap), name, rules, only_given=True, **given)
    except UsageError as error:  # a malformed rule or limit, or a column the export lacks
        return *keep, [html.P(str(error), className="bad")], *left
    except OrgFileError as error:
        return *keep, _csv_errors(error.diagnostics), *left
    yaml_name = f"{name.rsplit('.', 1)[0]}.yaml"
    text = to_yaml(imported.document)
    loaded = served.computations.parse(text, yaml_name)
    key = served.texts.put(text)
    summary = f"{imported.rows:,} rows became {imported.roles:,} roles."
    return (
        source_of(key, yaml_name),
        text_store(key, text),
        [],
        [*ok(yaml_name, loaded.warnings), html.P(summary)],
        True,
        [],
        [],
        importrules.imported(name, contents, given, bool(group)),
        serves or "",
        decides or "",
        False,
    )


def _lines(text: Any) -> list[str]:
    return [line.strip() for line in (text if isinstance(text, str) else "").splitlines() if line.strip()]


def _csv_errors(diagnostics: tuple[Diagnostic, ...]) -> list[Any]:
    """Every bad row of an export, as the command line prints them (FILE:LINE: error: ...),
    repeated warnings said once (``messages.grouped``)."""
    found = [d for d in diagnostics if d.severity == "error"]
    return [
        html.P(f"{counted(len(found), 'error')}: nothing was imported.", className="bad"),
        html.Ul([html.Li(str(d), className=d.severity) for d in grouped(diagnostics)[:100]], className="errors"),
    ]
