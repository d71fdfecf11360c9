"""The HR import: an uploaded export (CSV) opens a column-matching form with the import's
guesses, the same choices as ``orgcharts import``; importing makes it the session's org."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

import dash
from dash import Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from orgcharts.errors import Diagnostic, OrgFileError, UsageError
from orgcharts.loader.hrcsv import (
    FIELD_LABELS,
    FIELDS,
    UNPACKED_PER_BYTE,
    Reading,
    authority_rules,
    header_of,
    import_bytes,
    parse_rule,
    sheet_names,
    to_yaml,
)
from orgcharts.loader.hrread import PLAIN
from orgcharts.messages import grouped
from orgcharts.web import ids, importrules
from orgcharts.web.parts import OPENS_ORG, UPLOADED, decode_upload, errors, is_export, ok, panel, row
from orgcharts.web.served import Served, source_of, text_store
from orgcharts.web.wiring import Callbacks, each, named, props
from orgcharts.words import counted

callbacks = Callbacks()


def layout() -> html.Div:
    """The column-matching form an uploaded HR export opens."""
    return panel(
        ids.CSV_PANEL,
        "csv-panel",
        html.H2(id=ids.CSV_HEADING),
        "Match the export's columns, say which titles face customers and which may decide, then import. "
        "Anything left out can be added in the editor afterwards.",
        [
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
            html.Div(className="csv-options", children=_option_fields()),
            row(
                html.Button("Import", id=ids.CSV_IMPORT, className="button primary"),
                html.Button("Cancel", id=ids.CSV_CANCEL, className="button"),
            ),
            html.Div(id=ids.CSV_MESSAGES, className="messages", role="status"),
        ],
    )


def _option_fields() -> list[Any]:
    """What ``orgcharts import`` takes beyond columns and rules: --no-header, --sheet,
    --root and --where."""
    return [
        dcc.Checklist(
            id=ids.CSV_NO_HEADER,
            options=[{"label": "The first row is a person, not a header (columns by number)", "value": "no_header"}],
            value=[],
        ),
        html.Label(
            [html.Span("Sheet of the workbook"), dcc.Dropdown(id=ids.CSV_SHEET, clearable=False)],
            id=ids.CSV_SHEET_FIELD,
            className="csv-field",
            hidden=True,
        ),
        html.Label(
            [
                html.Span("Several tops? The title of a common top above them"),
                dcc.Input(id=ids.CSV_ROOT, type="text", placeholder="Department of Example", debounce=True),
            ],
            className="csv-field",
        ),
        html.Label(
            [
                html.Span("Only rows where COLUMN=VALUE, one per line (one snapshot)"),
                dcc.Textarea(id=ids.CSV_WHERE, placeholder="Snapshot Date=2024-03-31", className="csv-rule"),
            ],
            className="csv-field",
        ),
    ]


@callbacks.action(
    output=[
        Output(ids.CSV_PANEL, "hidden"),
        Output(ids.CSV_HEADING, "children"),
        {field: Output(ids.csv_column(field), "options") for field in FIELDS},
        {field: Output(ids.csv_column(field), "value") for field in FIELDS},
        Output(ids.CSV_MESSAGES, "children"),
        *each("value", ids.CSV_SERVES, ids.CSV_DECIDES),
        Output(ids.RULES_PANEL, "hidden"),
        *each("value", ids.CSV_NO_HEADER, ids.CSV_ROOT, ids.CSV_WHERE),
        *props(ids.CSV_SHEET, "options", "value"),
        Output(ids.CSV_SHEET_FIELD, "hidden"),
    ],
    inputs={
        "chosen": Input(ids.UPLOAD_CHOSEN, "data"),
        "cancel": Input(ids.CSV_CANCEL, "n_clicks"),
        **named("value", no_header=ids.CSV_NO_HEADER, sheet=ids.CSV_SHEET),
        **UPLOADED,
    },
)
def match_columns(
    served: Served, chosen: Any, cancel: Any, no_header: Any, sheet: Any, contents: Any, filename: Any
) -> tuple[Any, ...]:
    """An uploaded HR export, once chosen (``source.ask_before_switching``), opens the form,
    its columns matched the way the import would:
    hidden, heading, each field's column choices and its column, messages; no rules,
    neither in the form nor after the import (rules belong to the file they were typed for);
    the options reset, and the workbook's sheets. Ticking "no header" or picking another
    sheet matches the columns again."""
    name = os.path.basename(filename or "export.csv")
    trigger = ctx.triggered_id
    if trigger == ids.CSV_CANCEL:
        unchanged = dict.fromkeys(FIELDS, dash.no_update)
        return (True, dash.no_update, unchanged, unchanged, *(dash.no_update,) * 10)
    if not is_export(name, contents):
        raise PreventUpdate
    if trigger in (ids.CSV_NO_HEADER, ids.CSV_SHEET):
        reading = Reading(bool(no_header), sheet if isinstance(sheet, str) and sheet else None)
        return (*_matched(served, contents, name, reading), *(dash.no_update,) * 9)
    try:
        sheets = sheet_names(decode_upload(contents, name, served.cap), UNPACKED_PER_BYTE * served.cap)
    except OrgFileError:
        sheets = []  # the columns' matching says what is wrong with the upload
    first = sheets[0] if sheets else None
    options = [{"label": sheet_name, "value": sheet_name} for sheet_name in sheets]
    return (*_matched(served, contents, name, PLAIN), "", "", True, [], "", "", options, first, not sheets)


def _matched(served: Served, contents: Any, name: str, reading: Reading) -> tuple[Any, ...]:
    try:
        data = decode_upload(contents, name, served.cap)
        header, guessed = header_of(data, name, replace(reading, max_unpacked=UNPACKED_PER_BYTE * served.cap))
    except (OrgFileError, UsageError) as error:
        said = errors(error.diagnostics, "nothing was imported") if isinstance(error, OrgFileError) else str(error)
        none = dict.fromkeys(FIELDS)
        return (
            False,
            f"Import {name}",
            {field: [] for field in none},
            none,
            said,
        )
    options = [{"label": column, "value": column} for column in header if column]
    return (
        False,
        f"Import {name}: {counted(len(header), 'column')}",
        {field: options for field in FIELDS},
        {field: guessed[field] for field in FIELDS},
        [],
    )


@callbacks.action(
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
        **named("value", State, root=ids.CSV_ROOT, where=ids.CSV_WHERE, no_header=ids.CSV_NO_HEADER),
        **named("value", State, sheet=ids.CSV_SHEET),
    },
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
    root: Any,
    where: Any,
    no_header: Any,
    sheet: Any,
) -> tuple[Any, ...]:
    """The export imported with the user's matching and rules, and shown as the session's org."""
    name = os.path.basename(filename or "export.csv")
    keep = (dash.no_update,) * 5
    left = (dash.no_update,) * 5  # the editor's marks and the rules panel stay until an import
    try:
        deciding, units = authority_rules(importrules.lines(decides), "authority")
        serving = [parse_rule(line, "customer-facing titles") for line in importrules.lines(serves)]
        form = {"group": group, "root": root, "where": where, "no_header": no_header, "sheet": sheet}
        choices = importrules.export_choices(**form)
        rules, reading = importrules.rules_and_reading(choices, serving, deciding, units, served.cap)
        given = {field: columns.get(field) for field in FIELDS if columns.get(field)}
        data = decode_upload(contents, name, served.cap)
        imported = import_bytes(data, name, rules, only_given=True, reading=reading, **given)
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
        importrules.imported(name, contents, given, form),
        serves or "",
        decides or "",
        False,
    )


def _csv_errors(diagnostics: tuple[Diagnostic, ...]) -> list[Any]:
    """Every bad row of an export, as the command line prints them (FILE:LINE: error: ...),
    repeated warnings said once (``messages.grouped``)."""
    found = [d for d in diagnostics if d.severity == "error"]
    return [
        html.P(f"{counted(len(found), 'error')}: nothing was imported.", className="bad"),
        html.Ul([html.Li(str(d), className=d.severity) for d in grouped(diagnostics)[:100]], className="errors"),
    ]
