"""Commands about org files themselves: check one, list and print the shipped examples,
and print the schema (``importing`` turns HR exports into one)."""

from __future__ import annotations

import click

from orgcharts import catalog
from orgcharts.cli.common import check_ids, org_source, print_diagnostics
from orgcharts.cli.group import main
from orgcharts.loader import LoadedOrg, example_names, example_text, load_example, schema_text
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
