"""``orgcharts import``: HR exports (CSV, Excel, JSON; one file or several) into an org file."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from orgcharts.cli.common import INVALID, print_diagnostics, refuse_overwrite, write_atomically
from orgcharts.cli.group import main
from orgcharts.errors import Diagnostic, OrgFileError, UsageError
from orgcharts.loader import MAX_BYTES_ENV, max_bytes_default
from orgcharts.loader.hrcsv import (
    FIELDS,
    UNPACKED_PER_BYTE,
    Reading,
    Rules,
    authority_rules,
    import_as_yaml,
    parse_rule,
    parse_unit,
    parse_where,
)
from orgcharts.loader.problems import KEPT_PROBLEMS
from orgcharts.messages import grouped
from orgcharts.words import counted

_COLUMN_HELP = {
    "id": "The column of unique ids (default: id, employee_id, Post Unique Reference, ...).",
    "manager": "The column of manager ids (default: parentId, pid, manager_id, Reports to Senior Post, ...).",
    "title": "The column of job titles (default: title, position, positionName, Generic Job Title, ...).",
    "name": "The column of full names (default: name, full_name, ...).",
    "first_name": "The column of given names, joined with --last-name.",
    "last_name": "The column of family names.",
    "headcount": "The column of a count or FTE per row (default: headcount, FTE, Number of Posts in FTE, ...).",
    "manager_name": "Find managers by name in this column (any order of first and last name) instead of by id.",
}


def _column_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """An option per field of ``hrcolumns.FIELDS`` (``--first-name COLUMN``), handed to the
    command as ``column_first_name``."""
    for field in reversed(FIELDS):
        option = click.option(
            "--" + field.replace("_", "-"), "column_" + field, metavar="COLUMN", help=_COLUMN_HELP[field]
        )
        command = option(command)
    return command


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the org YAML here (default: print it).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@_column_options
@click.option(
    "--no-header", is_flag=True, help="The first row is a person: name columns by number (--id 1 --manager 4)."
)
@click.option("--sheet", metavar="NAME", help="The sheet of an Excel workbook to read (default: the first).")
@click.option("--where", multiple=True, metavar="'COLUMN=VALUE'", help="Only rows with this value (one snapshot).")
@click.option("--root", metavar="TITLE", help="Add a top role with this title above every row without a manager.")
@click.option(
    "--top-marker", multiple=True, metavar="TEXT", help="A manager cell meaning 'no manager' (NULL, XX... known)."
)
@click.option("--group-by-title", is_flag=True, help="Merge people with no reports who share a title and a manager.")
@click.option("--serves", multiple=True, metavar="'TITLE=SEGMENT'", help="Titles matching serve a customer segment.")
@click.option(
    "--decides", multiple=True, metavar="'TITLE=DECISION[:LIMIT]'", help="Titles matching may decide (up to LIMIT)."
)
@click.option(
    "--unit", "units", multiple=True, metavar="'DECISION=UNIT'", help="A decision's unit (refund=USD): limits need one."
)
@click.option("--organization", metavar="NAME", help="The org's name (default: the first file's name).")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    envvar=MAX_BYTES_ENV,
    help=f"Refuse larger files (and workbooks that unpack to {UNPACKED_PER_BYTE} times more).",
)
def import_(files: tuple[str, ...], output: str | None, force: bool, **options: Any) -> None:
    """Turn HR exports into an org file: CSV, Excel (.xlsx) or JSON (d3-org-chart, OrgChart
    JS), one row per person or post with an id and a manager. Several FILES make one org (the
    UK organogram's senior and junior files: later files may report to earlier files' ids).
    Titles take shell patterns, any case: --serves 'Sales*=retail'.

    Exits 0 when written, 1 when rows are wrong (each listed as FILE:LINE), 2 on bad usage.
    """
    try:
        rules = _rules(options)
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    if output:
        refuse_overwrite(output, force)
    limit = options.pop("max_bytes") or max_bytes_default()
    reading = Reading(options.pop("no_header"), options.pop("sheet"), UNPACKED_PER_BYTE * limit)
    columns = {field: options.pop("column_" + field) for field in FIELDS}
    try:
        imported = import_as_yaml(files, rules, limit, reading, **columns)
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    except OrgFileError as error:
        print_capped(error.diagnostics)
        click.echo(f"{counted(len(error.errors), 'error')}: nothing was written", err=True)
        sys.exit(INVALID)
    print_diagnostics(grouped(imported.warnings))
    if output is None:
        click.echo(imported.text, nl=False)
    else:
        write_atomically(output, imported.text)
    click.echo(
        f"{output or 'stdout'}: {counted(imported.rows, 'row')}, {counted(imported.roles, 'role')}, "
        f"{counted(imported.people, 'person')}; 'orgcharts check {output or 'FILE'}' lists what is still"
        " missing (see the comments at the top)",
        err=True,
    )


def _rules(options: dict[str, Any]) -> Rules:
    serves = [parse_rule(text, "--serves") for text in options.pop("serves")]
    decides, written_units = authority_rules(options.pop("decides"), "--decides")
    return Rules(
        serves,
        decides,
        {**written_units, **dict(parse_unit(text) for text in options.pop("units"))},
        options.pop("group_by_title"),
        options.pop("organization"),
        options.pop("root"),
        options.pop("top_marker"),
        [parse_where(text) for text in options.pop("where")],
    )


def print_capped(diagnostics: Sequence[Diagnostic], cap: int = KEPT_PROBLEMS) -> None:
    """Errors (a summary first, when there is one) up to ``cap``, then how many more; the
    warnings, grouped."""
    errors = [d for d in diagnostics if d.severity == "error"]
    print_diagnostics(errors[:cap])
    if len(errors) > cap:
        click.echo(f"... and {counted(len(errors) - cap, 'more error')} like these", err=True)
    print_diagnostics(grouped([d for d in diagnostics if d.severity == "warning"])[:cap])
