"""The board pack command: orgcharts report FILE -o board.pptx|board.pdf|board.html."""

from __future__ import annotations

import os

import click

from orgcharts.cli.common import amount_option, check_ids, load, org_source, output_format, write_atomically
from orgcharts.cli.group import main
from orgcharts.deck import Asked, DeckError, board_deck, deck_bytes, deck_format
from orgcharts.findings import findings_of
from orgcharts.loader import LoadedOrg
from orgcharts.words import counted


@main.command()
@org_source
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="OUT.pptx, .pdf or .html.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option(
    "--decision", "decisions", multiple=True, metavar="ID", help="A decision to report on (repeatable; default all)."
)
@amount_option
@click.option(
    "--proposal",
    type=click.Path(dir_okay=False),
    help="A proposed org file: adds every metric before and after, and its changed roles marked on the chart.",
)
def report(
    loaded: LoadedOrg,
    output: str,
    force: bool,
    decisions: tuple[str, ...],
    amount: float | None,
    proposal: str | None,
) -> None:
    """Write the board pack: an editable PowerPoint deck (.pptx), the same as a PDF (.pdf,
    converted by LibreOffice, which must be installed) or as one offline HTML page (.html).

    Slides: title, headline findings, the customer-on-top chart (whole org, then each
    function, no text under 12 pt), the longest climbs to a decision, where the distance
    is, and with --proposal every metric before and after (docs/cli.md).
    """
    org = loaded.org
    fmt = output_format(output, force, deck_format)
    check_ids("decision", "--decision", decisions, [decision.id for decision in org.decisions])
    other = load(proposal, None, None).org if proposal else None
    deck = board_deck(
        org,
        Asked(loaded.source, decisions, amount),
        findings_of,
        other,
        f"the proposal ({os.path.basename(proposal)})" if proposal else "the proposal",
    )
    try:
        content = deck_bytes(deck, fmt)
    except DeckError as error:
        raise click.ClickException(str(error)) from None
    write_atomically(output, content)
    click.echo(f"{output}: {fmt.upper()}, {counted(len(deck.slides), 'slide')}, {len(content):,} bytes", err=True)
