"""Commands about org files themselves: check one, list and print the shipped examples,
print the schema, and import an HR export."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import click

from orgcharts import catalog
from orgcharts.cli.common import INVALID, check_ids, org_source, print_diagnostics, write_atomically
from orgcharts.cli.group import main
from orgcharts.errors import OrgFileError, UnknownColumnError, UsageError
from orgcharts.loader import (
    MAX_BYTES_ENV,
    LoadedOrg,
    example_names,
    example_text,
    load_example,
    load_text,
    max_bytes_default,
    schema_text,
)
from orgcharts.loader.hrcsv import FIELDS, Rules, import_file, parse_authority, parse_rule, parse_unit, to_yaml
from orgcharts.messages import grouped
from orgcharts.words import counted


@main.command()
@org_source
@click.option("--all", "every", is_flag=True, help="Print every warning on its own line, none grouped.")
def check(loaded: LoadedOrg, every: bool) -> None:
    """Validate an org file: print its errors and warnings, or a one-line summary.

    More than five warnings of one kind (roles with no line of sight...) are said once, with
    how many and the first five; --all prints each. Exits 0 when the file is valid (warnings
    allowed), 1 when it is not.
    """
    print_diagnostics(loaded.warnings if every else grouped(loaded.warnings))
    org = loaded.org
    values = catalog.counts(org)
    warnings = len(loaded.warnings)
    click.echo(
        f"{loaded.source}: ok: {org.name}, {catalog.said(('roles', 'people'), values)}, "
        f"{counted(len(org.customers), 'customer segment')}, {counted(len(org.decisions), 'decision')}, "
        f"{catalog.said(('customer_facing_roles',), values)}"
        + (f", {counted(warnings, 'warning')}" if warnings else "")
    )


@main.command()
@click.argument("name", required=False)
def examples(name: str | None) -> None:
    """List the shipped example orgs, or print one as YAML (orgcharts examples telecom > org.yaml)."""
    if name is None:
        for example in example_names():
            org = load_example(example).org
            click.echo(f"{example:10}  {org.name}: {counted(len(org.roles), 'role')}")
        return
    check_ids("example", "NAME", [name], example_names())
    click.echo(example_text(name), nl=False)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the org file format, for editors (see docs/format.md)."""
    click.echo(schema_text(), nl=False)


_COLUMN_HELP = {
    "id": "The column of unique ids (default: id, employee_id, ...).",
    "manager": "The column of manager ids (default: parentId, manager_id, ...).",
    "title": "The column of job titles (default: title, position, ...).",
    "name": "The column of full names (default: name, full_name, ...).",
    "first_name": "The column of given names, joined with --last-name.",
    "last_name": "The column of family names.",
}


def _column_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """An option per field of ``hrcsv.FIELDS`` (``--first-name COLUMN``), handed to the
    command as ``column_first_name``."""
    for field in reversed(FIELDS):
        option = click.option(
            "--" + field.replace("_", "-"), "column_" + field, metavar="COLUMN", help=_COLUMN_HELP[field]
        )
        command = option(command)
    return command


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the org YAML here (default: print it).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@_column_options
@click.option("--group-by-title", is_flag=True, help="Merge people with no reports who share a title and a manager.")
@click.option("--serves", multiple=True, metavar="'TITLE=SEGMENT'", help="Titles matching serve a customer segment.")
@click.option(
    "--decides", multiple=True, metavar="'TITLE=DECISION[:LIMIT]'", help="Titles matching may decide (up to LIMIT)."
)
@click.option(
    "--unit", "units", multiple=True, metavar="'DECISION=UNIT'", help="A decision's unit (refund=USD): limits need one."
)
@click.option("--organization", metavar="NAME", help="The org's name (default: the file's name).")
@click.option("--max-bytes", type=click.IntRange(min=1), envvar=MAX_BYTES_ENV, help="Refuse larger files.")
def import_(file: str, output: str | None, force: bool, **options: Any) -> None:
    """Turn an HR export (CSV: one row per person or position, with an id and a manager id)
    into an org file. Titles take shell patterns, any case: --serves 'Sales*=retail'.

    Exits 0 when written, 1 when rows are wrong (each listed as FILE:LINE), 2 on bad usage.
    """
    try:
        serves = [parse_rule(text, "--serves") for text in options.pop("serves")]
        decides = [
            (pattern, *parse_authority(value))
            for pattern, value in (parse_rule(text, "--decides") for text in options.pop("decides"))
        ]
        units = dict(parse_unit(text) for text in options.pop("units"))
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    if output and os.path.exists(output) and not force:
        raise click.UsageError(f"{output} exists: choose another name, or --force to overwrite it")
    rules = Rules(serves, decides, units, options.pop("group_by_title"), options.pop("organization"))
    limit = options.pop("max_bytes") or max_bytes_default()
    columns = {field: options.pop("column_" + field) for field in FIELDS}
    try:
        imported = import_file(file, rules, limit, **columns)
    except UnknownColumnError as error:
        raise click.UsageError(str(error)) from None
    except OrgFileError as error:
        print_diagnostics(error.diagnostics)
        click.echo(f"{counted(len(error.errors), 'error')}: nothing was written", err=True)
        sys.exit(INVALID)
    text = to_yaml(imported.document)
    loaded = load_text(text, output or "import.yaml")  # what we write must load: a bug here is ours, not the user's
    print_diagnostics(grouped(imported.warnings))
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)
    click.echo(
        f"{output or 'stdout'}: {counted(imported.rows, 'row')}, {counted(imported.roles, 'role')}, "
        f"{counted(sum(role.headcount for role in loaded.org.roles), 'person')}; "
        f"{counted(len(loaded.warnings), 'warning')} from 'orgcharts check' (see the comments at the top)",
        err=True,
    )
