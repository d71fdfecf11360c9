"""The command line: the only place that prints or exits.

Exit codes: 0 success, 1 the org file is invalid, 2 the command was used wrongly.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from orgcharts import __version__, catalog
from orgcharts.access import TOKEN_ENV, needs_token, new_token
from orgcharts.compare import compare, comparison_document, comparison_table
from orgcharts.errors import (
    Diagnostic,
    OrgChartsError,
    OrgFileError,
    UnknownColumnError,
    UnknownIdError,
    UsageError,
)
from orgcharts.export import READABLE_TEXT_PX, ExportError, format_of, picture, picture_bytes, readable_png_levels
from orgcharts.figures import TRACE_ROLES
from orgcharts.graph import reporting_tree
from orgcharts.loader import (
    MAX_BYTES_ENV,
    LoadedOrg,
    example_names,
    example_text,
    load_example,
    load_file,
    load_text,
    max_bytes_default,
    schema_text,
)
from orgcharts.loader.hrcsv import FIELDS, Rules, import_file, parse_authority, parse_rule, to_yaml
from orgcharts.metrics import escalations
from orgcharts.model import Organization
from orgcharts.report import hop_report, hops_csv, hops_document, hops_table, stats_document, stats_table

INVALID = 1


def _org_source(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds FILE, --example and --max-bytes, and hands the command a loaded org."""

    @click.argument("file", required=False, type=click.Path(dir_okay=False))
    @click.option(
        "--example", metavar="NAME", help="Use a shipped example org instead of FILE (see 'orgcharts examples')."
    )
    @click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        envvar=MAX_BYTES_ENV,
        help="Refuse org files larger than this (default 64 MiB).",
    )
    @wraps(command)
    def wrapper(file: str | None, example: str | None, max_bytes: int | None, **options: Any) -> Any:
        return command(_load(file, example, max_bytes), **options)

    return wrapper


def _load(file: str | None, example: str | None, max_bytes: int | None) -> LoadedOrg:
    if (file is None) == (example is None):
        raise click.UsageError("give an org FILE or --example NAME (one of them)")
    try:
        return load_example(example) if example is not None else load_file(file, max_bytes=max_bytes)  # type: ignore[arg-type]
    except OrgFileError as error:
        _print_diagnostics(error.diagnostics)
        errors = len(error.errors)
        click.echo(f"{errors} error{'s' if errors != 1 else ''}: the org was not loaded", err=True)
        sys.exit(INVALID)


def _print_diagnostics(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        click.echo(str(diagnostic), err=True)


def _check_ids(kind: str, option: str, asked: tuple[str, ...] | list[str], known: list[str]) -> None:
    for value in asked:
        if value not in known:
            close = difflib.get_close_matches(value, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; choose from {', '.join(known) or 'none'}"
            raise click.BadParameter(f"'{value}' is not a {kind} id{hint}", param_hint=option)


class _Commands(click.Group):
    """Every error of ours that a command lets through still ends in one line and an exit
    code, never a traceback: wrong usage (``UsageError``, an unknown id) exits 2, an invalid
    file 1 with its diagnostics, anything else of ours 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (UsageError, UnknownIdError) as error:
            raise click.UsageError(str(error), ctx=ctx) from None
        except OrgFileError as error:
            _print_diagnostics(error.diagnostics)
            sys.exit(INVALID)
        except OrgChartsError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orgcharts")
def main() -> None:
    """Draw an org with the customer on top, and measure how many reporting hops stand
    between the people who face customers and the people allowed to decide."""


@main.command()
@_org_source
def check(loaded: LoadedOrg) -> None:
    """Validate an org file: print its errors and warnings, or a one-line summary.

    Exits 0 when the file is valid (warnings allowed), 1 when it is not.
    """
    _print_diagnostics(loaded.warnings)
    org = loaded.org
    values = catalog.counts(org)
    warnings = len(loaded.warnings)
    click.echo(
        f"{loaded.source}: ok: {org.name}, {catalog.said(('roles', 'people'), values)}, "
        f"{len(org.customers)} customer segments, {len(org.decisions)} decisions, "
        f"{catalog.said(('customer_facing_roles',), values)}"
        + (f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else "")
    )


@main.command()
@_org_source
@click.option(
    "--decision", "decisions", multiple=True, metavar="ID", help="A decision to measure (repeatable; default all)."
)
@click.option("--amount", type=click.FloatRange(min=0), help="The size of the request, for decisions with a unit.")
@click.option("--segment", metavar="ID", help="Only roles that serve this customer segment.")
@click.option("--format", "output", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--via-dotted", is_flag=True, help="Let requests climb dotted lines (dotted_to) too: the shortest route.")
def hops(
    loaded: LoadedOrg,
    decisions: tuple[str, ...],
    amount: float | None,
    segment: str | None,
    output: str,
    via_dotted: bool,
) -> None:
    """Decision distance: hops from each customer-facing role to the nearest authority.

    The table lists the worst first; JSON is a stable interface (docs/cli.md).
    """
    org = loaded.org
    _check_ids("decision", "--decision", decisions, [decision.id for decision in org.decisions])
    if segment is not None:
        _check_ids("customer segment", "--segment", [segment], [s.id for s in org.customers])
    if not org.decisions:
        raise click.UsageError(f"{loaded.source} lists no decisions, so there is no decision distance to measure")
    report = hop_report(org, decisions, amount, segment, via_dotted=via_dotted)
    if output == "json":
        click.echo(json.dumps(hops_document(report), indent=2, ensure_ascii=False))
    elif output == "csv":
        click.echo(hops_csv(report), nl=False)
    else:
        click.echo(hops_table(report), nl=False)


@main.command()
@_org_source
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(loaded: LoadedOrg, output: str) -> None:
    """Spans, layers and line of sight to the customer."""
    org: Organization = loaded.org
    if output == "json":
        click.echo(json.dumps(stats_document(org), indent=2, ensure_ascii=False))
    else:
        click.echo(stats_table(org), nl=False)


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--example", metavar="NAME", help="Open a shipped example instead of FILE.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8050, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--max-bytes", type=click.IntRange(min=1), envvar=MAX_BYTES_ENV, help="Refuse larger org files and uploads."
)
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    help="Require this access token on every request (default: one is generated when HOST is not loopback).",
)
def serve(
    file: str | None, example: str | None, host: str, port: int, max_bytes: int | None, token: str | None
) -> None:
    """Open the dashboard in a browser at http://HOST:PORT/ on FILE (default: an example).

    Listening beyond this machine (a --host other than 127.0.0.1) requires an access token:
    the link printed at start carries it, like Jupyter's.
    """
    from orgcharts.web import create_app  # Dash loads only for this command

    loaded = _load(file, example, max_bytes) if (file or example) else None
    name = os.path.basename(loaded.source) if loaded else None
    token = token or (new_token() if needs_token(host) else None)
    dashboard = create_app(loaded.text if loaded else None, name, max_bytes=max_bytes, token=token)
    link = f"http://{host}:{port}/" + (f"?token={token}" if token else "")
    click.echo(f"orgcharts dashboard on {link}  (Ctrl+C to stop)")
    dashboard.run(host=host, port=port, debug=False)


@main.command()
@click.argument("name", required=False)
def examples(name: str | None) -> None:
    """List the shipped example orgs, or print one as YAML (orgcharts examples telecom > org.yaml)."""
    if name is None:
        for example in example_names():
            org = load_example(example).org
            click.echo(f"{example:10}  {org.name}: {len(org.roles)} roles")
        return
    _check_ids("example", "NAME", [name], example_names())
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
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    if output and os.path.exists(output) and not force:
        raise click.UsageError(f"{output} exists: choose another name, or --force to overwrite it")
    rules = Rules(serves, decides, options.pop("group_by_title"), options.pop("organization"))
    limit = options.pop("max_bytes") or max_bytes_default()
    columns = {field: options.pop("column_" + field) for field in FIELDS}
    try:
        imported = import_file(file, rules, limit, **columns)
    except UnknownColumnError as error:
        raise click.UsageError(str(error)) from None
    except OrgFileError as error:
        _print_diagnostics(error.diagnostics)
        errors = len(error.errors)
        click.echo(f"{errors} error{'s' if errors != 1 else ''}: nothing was written", err=True)
        sys.exit(INVALID)
    text = to_yaml(imported.document)
    loaded = load_text(text, output or "import.yaml")  # what we write must load: a bug here is ours, not the user's
    _print_diagnostics(imported.warnings)
    if output is None:
        click.echo(text, nl=False)
    else:
        _write_atomically(output, text)
    click.echo(
        f"{output or 'stdout'}: {imported.rows:,} rows, {imported.roles:,} roles, "
        f"{sum(role.headcount for role in loaded.org.roles):,} people; "
        f"{len(loaded.warnings)} warnings from 'orgcharts check' (see the comments at the top)",
        err=True,
    )


def _write_atomically(path: str, content: str | bytes) -> None:
    """Write next to ``path`` then rename over it: a crash never leaves half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    temporary = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with open(temporary, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise click.ClickException(f"cannot write {path}: {error.strerror}") from None


@main.command()
@_org_source
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="OUT.html, .png, .svg or .pdf.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option("--view", type=click.Choice(["inverted", "conventional"]), default="inverted", show_default=True)
@click.option("--decision", metavar="ID", help="The decision to colour by (default: the first).")
@click.option("--amount", type=click.FloatRange(min=0), help="The size of the request, for decisions with a unit.")
@click.option("--segment", metavar="ID", help="Colour only roles that serve this customer segment.")
@click.option("--select", "selected", metavar="ROLE", help="Light this customer-facing role's escalation path.")
@click.option("--levels", type=click.IntRange(min=1), help="Draw the top N levels; deeper teams become one node each.")
@click.option("--via-dotted", is_flag=True, help="Let requests climb dotted lines (dotted_to) too.")
def render(
    loaded: LoadedOrg,
    output: str,
    force: bool,
    view: str,
    decision: str | None,
    selected: str | None,
    levels: int | None,
    via_dotted: bool,
    amount: float | None,
    segment: str | None,
) -> None:
    """Draw the chart to a file: interactive HTML that works offline, or a PNG, SVG or PDF
    sized so every label can be read (PNG, SVG and PDF need Chromium; see docs/cli.md)."""
    org = loaded.org
    try:
        fmt = format_of(output)
    except ExportError as error:
        raise click.BadParameter(str(error), param_hint="--output") from None
    if os.path.exists(output) and not force:
        raise click.UsageError(f"{output} exists: choose another name, or --force to overwrite it")
    _check_ids("decision", "--decision", [decision] if decision else [], [d.id for d in org.decisions])
    _check_ids("customer segment", "--segment", [segment] if segment else [], [c.id for c in org.customers])
    _check_ids("role", "--select", [selected] if selected else [], [role.id for role in org.roles])
    decision = decision or (org.decisions[0].id if org.decisions else None)
    tree = reporting_tree(org)
    found = escalations(org, tree, decision, amount, via_dotted=via_dotted) if decision else []
    chosen_levels = levels
    if fmt == "png" and levels is None:
        levels = readable_png_levels(org, tree, found, view)  # type: ignore[arg-type]
    options = {"decision": decision, "amount": amount, "segment": segment, "selected": selected, "levels": levels}
    drawn = picture(org, tree, found, fmt, view=view, **options)  # type: ignore[arg-type]
    try:
        content = picture_bytes(drawn)
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    _write_atomically(output, content)
    page = drawn.page
    size = {"html": "fills the window", "png": "{} x {} px".format(*page.png_size)}.get(
        fmt, f"{page.width:,} x {page.height:,} px page"
    )
    click.echo(f"{output}: {fmt.upper()}, {size}, {len(drawn.figure.data[TRACE_ROLES].x):,} roles drawn", err=True)
    if levels is not None and chosen_levels is None:
        click.echo(
            f"{output}: note: drew the top {levels} levels, deeper teams as one node each, so that every label "
            f"can be read; the whole org is too wide for a PNG (write .pdf or .svg for every role, or choose --levels)",
            err=True,
        )
    elif fmt == "png" and page.png_text_px < READABLE_TEXT_PX:
        click.echo(
            f"{output}: warning: the chart is too wide for a readable PNG (labels {page.png_text_px:.0f} px high); "
            "write .pdf or .svg, which stay sharp at any zoom, or draw fewer levels with --levels",
            err=True,
        )


@main.command()
@click.argument("before", type=click.Path(dir_okay=False))
@click.argument("after", type=click.Path(dir_okay=False))
@click.option("--amount", type=click.FloatRange(min=0), help="The size of the request, for decisions with a unit.")
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--max-bytes", type=click.IntRange(min=1), envvar=MAX_BYTES_ENV, help="Refuse larger org files.")
def diff(before: str, after: str, amount: float | None, output: str, max_bytes: int | None) -> None:
    """Compare two orgs (today and a proposal): every metric before and after, and the roles
    added, removed, moved, retitled, or given other customers or authority.

    Exits 0 when both files load (whether or not they differ), 1 when one is invalid.
    """
    first = _load(before, None, max_bytes)
    second = _load(after, None, max_bytes)
    comparison = compare(first.org, second.org, amount)
    if output == "json":
        click.echo(json.dumps(comparison_document(comparison, before, after), indent=2, ensure_ascii=False))
    else:
        click.echo(comparison_table(comparison, before, after), nl=False)
