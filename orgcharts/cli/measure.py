"""Commands that measure and draw an org: hops, stats, diff and render."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import click

from orgcharts.amounts import Asked, ignored_note, request_words, resolve
from orgcharts.cli.common import (
    OrgFile,
    amount_option,
    check_ids,
    load,
    org_file,
    org_source,
    output_format,
    write_atomically,
)
from orgcharts.cli.group import main
from orgcharts.compare import compare, comparison_document, comparison_table
from orgcharts.export import (
    READABLE_TEXT_PX,
    ExportError,
    format_of,
    picture,
    picture_bytes,
    readable_pdf_levels,
    readable_png_levels,
)
from orgcharts.figures import TRACE_ROLES
from orgcharts.graph import reporting_tree
from orgcharts.loader import MAX_BYTES_ENV, LoadedOrg
from orgcharts.metrics import escalations
from orgcharts.model import Organization
from orgcharts.report import (
    HopReport,
    hop_report,
    hops_csv_chunks,
    hops_json_chunks,
    hops_table_chunks,
    stats_document,
    stats_table,
)
from orgcharts.words import counted


@main.command()
@org_file
@click.option(
    "--decision", "decisions", multiple=True, metavar="ID", help="A decision to measure (repeatable; default all)."
)
@amount_option
@click.option("--segment", metavar="ID", help="Only roles that serve this customer segment.")
@click.option("--format", "output", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--via-dotted", is_flag=True, help="Let requests climb dotted lines (dotted_to) too: the shortest route.")
def hops(
    named: OrgFile,
    decisions: tuple[str, ...],
    amount: float | None,
    segment: str | None,
    output: str,
    via_dotted: bool,
) -> None:
    """Decision distance: hops from each customer-facing role to the nearest authority.

    The table lists the worst first; JSON is a stable interface (docs/cli.md). Asked again
    about the same file, the answer is read back from the cache without loading the org.
    """
    reports: dict[str, HopReport] = {}

    def report_of(loaded: LoadedOrg) -> HopReport:
        if "report" not in reports:
            reports["report"] = _hop_report(loaded, decisions, amount, segment, via_dotted)
        return reports["report"]

    def notes(loaded: LoadedOrg) -> Iterator[str]:
        yield "".join(f"{note}\n" for note in map(ignored_note, report_of(loaded).asked.values()) if note)

    def written(loaded: LoadedOrg) -> Iterator[str]:
        return {"json": hops_json_chunks, "csv": hops_csv_chunks}.get(output, hops_table_chunks)(report_of(loaded))

    question = json.dumps(["hops", decisions, amount, segment, via_dotted])
    for chunk in named.answered(question + " notes", notes):
        click.echo(chunk, nl=False, err=True)
    for chunk in named.answered(f"{question} {output}", written):
        click.echo(chunk, nl=False)


def _hop_report(
    loaded: LoadedOrg, decisions: tuple[str, ...], amount: float | None, segment: str | None, via_dotted: bool
) -> HopReport:
    org = loaded.org
    check_ids("decision", "--decision", decisions, [decision.id for decision in org.decisions])
    if segment is not None:
        check_ids("customer segment", "--segment", [segment], [s.id for s in org.customers])
    if not org.decisions:
        raise click.UsageError(f"{loaded.source} lists no decisions, so there is no decision distance to measure")
    return hop_report(org, decisions, amount, segment, via_dotted=via_dotted)


@main.command()
@org_source
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(loaded: LoadedOrg, output: str) -> None:
    """Spans, layers and line of sight to the customer."""
    org: Organization = loaded.org
    if output == "json":
        click.echo(json.dumps(stats_document(org), indent=2, ensure_ascii=False))
    else:
        click.echo(stats_table(org), nl=False)


@main.command()
@org_source
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="OUT.html, .png, .svg or .pdf.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option("--view", type=click.Choice(["inverted", "conventional"]), default="inverted", show_default=True)
@click.option("--decision", metavar="ID", help="The decision to colour by (default: the first).")
@amount_option
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
    fmt = output_format(output, force, format_of)
    check_ids("decision", "--decision", [decision] if decision else [], [d.id for d in org.decisions])
    check_ids("customer segment", "--segment", [segment] if segment else [], [c.id for c in org.customers])
    check_ids("role", "--select", [selected] if selected else [], [role.id for role in org.roles])
    decision = decision or (org.decisions[0].id if org.decisions else None)
    asked = resolve(org.decision_index[decision], amount) if decision else None
    amount = asked.amount if asked else None
    tree = reporting_tree(org)
    found = escalations(org, tree, decision, amount, via_dotted=via_dotted) if decision else []
    chosen_levels = levels
    if fmt in ("png", "pdf") and levels is None:
        readable = readable_png_levels if fmt == "png" else readable_pdf_levels
        levels = readable(org, tree, found, view)  # type: ignore[arg-type]
    options = {"decision": decision, "amount": amount, "segment": segment, "selected": selected, "levels": levels}
    drawn = picture(org, tree, found, fmt, view=view, **options)  # type: ignore[arg-type]
    try:
        content = picture_bytes(drawn)
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    write_atomically(output, content)
    page = drawn.page
    size = {"html": "fills the window", "png": "{} x {} px".format(*page.png_size)}.get(
        fmt, f"{page.width:,} x {page.height:,} px page"
    )
    measured = f", {request_words(asked, decision)}" if asked else ""
    click.echo(
        f"{output}: {fmt.upper()}, {size}, {counted(len(drawn.figure.data[TRACE_ROLES].x), 'role')} drawn{measured}",
        err=True,
    )
    _notes([asked] if asked else [])
    if levels is not None and chosen_levels is None:
        click.echo(
            f"{output}: note: drew the top {counted(levels, 'level')}, deeper teams as one node each, so that every label "
            f"can be read; the whole org is too wide for a {fmt.upper()} "
            f"(write {'.pdf or ' if fmt == 'png' else ''}.svg for every role, or choose --levels)",
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
@amount_option
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--max-bytes", type=click.IntRange(min=1), envvar=MAX_BYTES_ENV, help="Refuse larger org files.")
def diff(before: str, after: str, amount: float | None, output: str, max_bytes: int | None) -> None:
    """Compare two orgs (today and a proposal): every metric before and after, and the roles
    added, removed, moved, retitled, or given other customers or authority.

    Exits 0 when both files load (whether or not they differ), 1 when one is invalid.
    """
    first = load(before, None, max_bytes)
    second = load(after, None, max_bytes)
    comparison = compare(first.org, second.org, amount)
    _notes(comparison.asked.values())
    if output == "json":
        click.echo(json.dumps(comparison_document(comparison, before, after), indent=2, ensure_ascii=False))
    else:
        click.echo(comparison_table(comparison, before, after), nl=False)


def _notes(asked: Iterable[Asked]) -> None:
    """Say on standard error which decisions were measured with their limits ignored."""
    for one in asked:
        note = ignored_note(one)
        if note:
            click.echo(note, err=True)
