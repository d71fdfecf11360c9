"""The dashboard's Download board pack: the session's org as a PowerPoint deck, its what-if
changes as the proposal, called as Dash calls the callback (no browser)."""

import base64
import contextvars
import io

from dash._callback_context import context_value
from dash._utils import AttributeDict
from pptx import Presentation

from orgcharts.loader import example_text
from orgcharts.web import pictures
from orgcharts.web.app import serve
from orgcharts.web.session import digest

SERVED = serve()
STARTUP = {"name": "telecom.yaml", "digest": digest(example_text("telecom"))}


def board_pack(raw_edits, **shown):
    def call():
        context_value.set(AttributeDict(triggered_inputs=[{"prop_id": "board-pack.n_clicks", "value": 1}]))
        return pictures.download_board_pack(SERVED, pressed=1, source=STARTUP, raw_edits=raw_edits, shown=shown)

    download, status = contextvars.copy_context().run(call)
    assert status == ""
    return download["filename"], Presentation(io.BytesIO(base64.b64decode(download["content"])))


def titles(deck):
    return [slide.shapes.title.text for slide in deck.slides]


def test_without_what_if_changes_the_deck_has_no_before_and_after():
    name, deck = board_pack([])
    assert name == "telecom-board-pack.pptx"
    assert len(deck.slides) == 16 and not any("Before →" in title for title in titles(deck))


def test_the_what_if_changes_are_the_proposal_at_the_amount_typed():
    edits = [{"action": "grant", "role": "agent_denver", "decision": "refund", "limit": 250}]
    _, deck = board_pack(edits, decision="refund", amount=300)
    said = titles(deck)
    assert said[-7:] == [
        *(f"Before → after the what-if: every metric ({page} of 4)" for page in range(1, 5)),
        "Before → after the what-if: per decision",
        "What the what-if changes",
        "After the what-if: the changed roles",
    ]
    assert "Longest climbs to a decision: Refund or bill credit" in said
    assert not any("Early upgrade" in title for title in said)  # only the decision measured at the amount typed


def test_the_proposal_carries_every_what_if_change_whichever_decision_is_shown():
    edits = [{"action": "grant", "role": "agent_denver", "decision": "early_upgrade", "limit": None}]
    _, deck = board_pack(edits, decision="refund")
    changes = next(slide for slide in deck.slides if slide.shapes.title.text == "What the what-if changes")
    rows = [
        [cell.text for cell in row.cells] for shape in changes.shapes if shape.has_table for row in shape.table.rows
    ]
    assert rows[1] == [
        "authority",
        "Care Agent, Denver",
        "Refund or bill credit up to 20 USD → Early upgrade outside policy, Refund or bill credit up to 20 USD",
    ]
