"""The diagnose command: hops turned into requests, load, wait, pay and attention."""

from __future__ import annotations

import json

import click

from orgcharts.cli.common import check_ids, org_source
from orgcharts.cli.group import main
from orgcharts.diagnosisreport import diagnosis_document, diagnosis_markdown, diagnosis_table
from orgcharts.findings import findings_of
from orgcharts.loader import LoadedOrg
from orgcharts.metrics.diagnostics import diagnose as diagnosed


@main.command()
@org_source
@click.option("--decision", metavar="ID", help="The decision to diagnose (default: every decision).")
@click.option(
    "--amount",
    type=click.FloatRange(min=0),
    help="The size of the request, replacing each decision's request mix (default: its mix, else its typical_amount).",
)
@click.option("--format", "output", type=click.Choice(["table", "json", "md"]), default="table", show_default=True)
def diagnose(loaded: LoadedOrg, decision: str | None, amount: float | None, output: str) -> None:
    """Requests a week, load on the roles that decide, hours of customer wait, front-line pay,
    tenure and training, and attention per segment (docs/diagnostics.md).

    The table and Markdown open with the findings that matter most; JSON is a stable
    interface (docs/cli.md)."""
    org = loaded.org
    check_ids("decision", "--decision", [decision] if decision else [], [d.id for d in org.decisions])
    diagnosis = diagnosed(org, [decision] if decision else (), amount)
    if output == "json":
        click.echo(json.dumps(diagnosis_document(diagnosis), indent=2, ensure_ascii=False))
        return
    writer = diagnosis_markdown if output == "md" else diagnosis_table
    click.echo(writer(diagnosis, findings_of(diagnosis)), nl=False)
