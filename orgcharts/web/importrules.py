"""After an HR import: who faces customers, and who decides? A panel of title-pattern rules
(TITLE=SEGMENT, TITLE=DECISION[:LIMIT UNIT], as ``orgcharts import --serves/--decides``), each
with how many roles it matches, applied live: every change imports the same export again
with the rules as they stand. Rules belong to the file they were typed for: a new export
uploaded starts with none (``hrimport.match_columns``)."""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections.abc import Sequence
from typing import Any

import dash
from dash import Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from orgcharts.errors import OrgFileError, UsageError
from orgcharts.loader.hrcsv import (
    UNPACKED_PER_BYTE,
    Reading,
    Rules,
    import_bytes,
    parse_decides,
    parse_rule,
    parse_where,
    to_yaml,
)
from orgcharts.model import Organization
from orgcharts.web import ids
from orgcharts.web.parts import OPENS_ORG, UPLOADED, decode_upload, errors, ok, panel, row
from orgcharts.web.served import Served, source_of, text_store
from orgcharts.web.wiring import Callbacks, each, named
from orgcharts.words import counted

callbacks = Callbacks()


def stores() -> list[Any]:
    return [dcc.Store(id=ids.IMPORTED, storage_type="memory")]


def layout() -> html.Div:
    return panel(
        ids.RULES_PANEL,
        "rules-panel",
        html.H2("Who faces customers, and who decides?"),
        "An HR export says who reports to whom, not who serves customers or may decide what they ask."
        " Add rules by title (* matches anything, any case); each applies as you type.",
        [
            html.Div(className="csv-rules", children=rule_fields(ids.RULES_SERVES, ids.RULES_DECIDES)),
            html.Ul(id=ids.RULES_COUNTS, className="rule-counts"),
            html.Div(id=ids.RULES_MESSAGES, className="messages", role="status"),
            row(html.Button("Done", id=ids.RULES_DONE, className="button")),
        ],
    )


def rule_fields(serves_id: str, decides_id: str) -> list[html.Label]:
    """The two rule boxes, as the import form and this panel both show them."""
    boxes = (
        ("Customer-facing titles, one per line: TITLE=SEGMENT", serves_id, "*Sales*=retail"),
        ("Authority, one per line: TITLE=DECISION[:LIMIT UNIT]", decides_id, "*Manager*=refund:500 USD"),
    )
    return [
        html.Label(
            [html.Span(label), dcc.Textarea(id=box_id, placeholder=placeholder, className="csv-rule")],
            className="csv-field",
        )
        for label, box_id, placeholder in boxes
    ]


def fingerprint(contents: Any) -> str:
    """Which uploaded file the rules were typed for."""
    return hashlib.sha256(str(contents).encode("utf-8", errors="surrogatepass")).hexdigest()


FORM_CHOICES = ("group", "root", "where", "no_header", "sheet")
"""The import form's choices beyond columns and rules, in ``export_choices``' order."""


def imported(name: str, contents: Any, columns: dict[str, Any], form: dict[str, Any]) -> dict[str, Any]:
    """What ``hrimport.import_csv`` keeps so that the rules can import the same file again:
    the form's ``FORM_CHOICES`` as given (checked again by ``export_choices`` when used)."""
    return {"name": name, "file": fingerprint(contents), "columns": columns, "form": form}


def export_choices(group: Any, root: Any, where: Any, no_header: Any, sheet: Any) -> dict[str, Any]:
    """The form's choices, whatever the browser sent: merging by title, a common top
    (``--root``), the rows kept (``--where``, one per line), no header row, the sheet."""
    return {
        "group": bool(group),
        "root": root.strip() if isinstance(root, str) and root.strip() else None,
        "where": lines(where),
        "no_header": bool(no_header),
        "sheet": sheet if isinstance(sheet, str) and sheet else None,
    }


def rules_and_reading(
    choices: dict[str, Any],
    serving: list[tuple[str, str]],
    deciding: list[tuple[str, str, float | None]],
    units: dict[str, str],
    cap: int,
) -> tuple[Rules, Reading]:
    """The import's rules and reading of an export for the form's ``choices`` (``export_choices``);
    ``UsageError`` for a --where line that is not COLUMN=VALUE."""
    rules = Rules(
        serving,
        deciding,
        units,
        group_by_title=choices["group"],
        root=choices["root"],
        where=[parse_where(line) for line in choices["where"]],
    )
    return rules, Reading(choices["no_header"], choices["sheet"], UNPACKED_PER_BYTE * cap)


def lines(text: Any) -> list[str]:
    """The lines of a rules box that say something, trimmed."""
    return [line.strip() for line in (text if isinstance(text, str) else "").splitlines() if line.strip()]


def parsed(
    serves: Any, decides: Any
) -> tuple[list[tuple[str, str]], list[tuple[str, str, float | None]], dict[str, str], list[str]]:
    """The rules typed, the units written after limits, and a message for each line that is
    not one yet (it is left out)."""
    serving, deciding, units, problems = [], [], {}, []
    for line in lines(serves):
        try:
            serving.append(parse_rule(line, "customer-facing titles"))
        except UsageError as error:
            problems.append(str(error))
    for line in lines(decides):
        try:
            pattern, decision, limit, unit = parse_decides(line, "authority")
            deciding.append((pattern, decision, limit))
            units.update({decision: unit} if unit else {})
        except UsageError as error:
            problems.append(str(error))
    return serving, deciding, units, problems


def matched(org: Organization, pattern: str) -> tuple[int, int]:
    """Roles of ``org`` whose title ``pattern`` matches (as the import matches), and their people."""
    hits = [role for role in org.roles if fnmatch.fnmatchcase(role.title.casefold(), pattern.casefold())]
    return len(hits), sum(role.headcount for role in hits)


def counts(org: Organization, rules: Sequence[tuple[str, str]]) -> list[html.Li]:
    """Each rule with the roles it matches: "*Sales*=retail: 12 roles, 340 people"."""
    items = []
    for pattern, said in rules:
        roles, people = matched(org, pattern)
        text = f"{pattern}={said}: " + (
            f"{counted(roles, 'role')}, {counted(people, 'person')}" if roles else "matches no role"
        )
        items.append(html.Li(text, className="ok" if roles else "bad"))
    return items


@callbacks.action(
    output=[*OPENS_ORG, *each("children", ids.RULES_COUNTS, ids.RULES_MESSAGES)],
    inputs={
        **named("n_blur", serves_left=ids.RULES_SERVES, decides_left=ids.RULES_DECIDES),
        **named("value", kind=State, serves=ids.RULES_SERVES, decides=ids.RULES_DECIDES),
        "kept": State(ids.IMPORTED, "data"),
        **UPLOADED,
    },
)
def apply_rules(
    served: Served,
    serves_left: Any,
    decides_left: Any,
    serves: Any,
    decides: Any,
    kept: Any,
    contents: Any,
    filename: Any,
) -> tuple[Any, ...]:
    """The export imported again with the rules as typed, shown as the session's org, and
    how many roles each rule matches; only for the file the rules were typed for. Applied as
    the user leaves a box, not on every key: each import reads the whole file again."""
    if not isinstance(kept, dict) or kept.get("file") != fingerprint(contents):
        raise PreventUpdate
    name = os.path.basename(filename or "export.csv")
    serving, deciding, units, problems = parsed(serves, decides)
    columns = kept.get("columns") if isinstance(kept.get("columns"), dict) else {}
    given = {field: column for field, column in columns.items() if isinstance(column, str) and column}
    form = kept.get("form") if isinstance(kept.get("form"), dict) else {}
    choices = export_choices(*(form.get(key) for key in FORM_CHOICES))
    try:
        rules, reading = rules_and_reading(choices, serving, deciding, units, served.cap)
        data = decode_upload(contents, name, served.cap)
        result = import_bytes(data, name, rules, only_given=True, reading=reading, **given)
    except (UsageError, OrgFileError) as error:
        said = errors(error.diagnostics, "the chart is unchanged") if isinstance(error, OrgFileError) else str(error)
        return dash.no_update, dash.no_update, dash.no_update, dash.no_update, said
    yaml_name = f"{name.rsplit('.', 1)[0]}.yaml"
    text = to_yaml(result.document)
    loaded = served.computations.parse(text, yaml_name)
    key = served.texts.put(text)
    said = [(p, d + (f":{limit:g} {units[d]}" if limit else "")) for p, d, limit in deciding]
    shown = counts(loaded.org, [*serving, *said])
    messages = [*ok(yaml_name, loaded.warnings), *(html.P(problem, className="bad") for problem in problems)]
    return source_of(key, yaml_name), text_store(key, text), [], shown, messages


@callbacks.action(
    output=Output(ids.RULES_PANEL, "hidden", allow_duplicate=True),
    inputs={"done": Input(ids.RULES_DONE, "n_clicks"), "chosen": Input(ids.EXAMPLE_CHOSEN, "data")},
)
def close_rules(served: Served, done: Any, chosen: Any) -> bool:
    """Done, or another org opened: the panel goes."""
    return True
