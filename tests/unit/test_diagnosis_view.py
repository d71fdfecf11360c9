"""The Diagnosis tab's callback, called directly: the findings, the authority cards with their
load, the four plots, and a what-if change moving them, in an executive's words."""

import pytest
from dash.exceptions import PreventUpdate

from orgcharts.diagnosisfigures import MINUS
from orgcharts.web import diagnosis
from tests.fixtures.callbacks import STARTUP, plain, run, shown, text_of

GRANT = {"action": "grant", "role": "agent_denver", "decision": "refund", "limit": 2000}


def diagnosis_tab(edits=(), amount=None, tab="diagnosis"):
    return plain_html(run(
        diagnosis.render_diagnosis, "tabs.value", tab=tab, source=STARTUP, refilled=None, raw_edits=list(edits),
        shown=shown("refund", amount),
    ))  # fmt: skip


def plain_html(outputs):
    """The components as the browser receives them; the figures kept as figures."""
    return (*plain(list(outputs[:3])), *outputs[3:])


def test_the_view_opens_with_the_findings_and_the_loads():
    findings, moved, cards, conditions, attention, purpose, spans = diagnosis_tab()
    assert text_of(findings[0]).startswith(
        "Requests to Care Agent, Denver (140 people, 35% of your customer-facing people) climb"
    )
    assert 3 <= len(findings) <= 5
    assert moved == []
    assert text_of(cards[0]) == (
        "Who decides: Refund or bill credit (refund) at its request mix: 60% at 25, 30% at 200 and 10% at 2,000 USD"
    )
    heaviest = cards[1]
    assert heaviest["props"]["className"] == "authority-card heaviest"
    assert text_of(heaviest) == "Care Team Leader, Denver252 requests a weekheaviest"
    assert cards[2]["props"]["className"] == "authority-card"
    assert ends(conditions, "x") == [38000, 72000, 108000, 88000, 88000]  # pay, by distance from the customer
    assert next(trace.text for trace in attention.data if trace.mode == "text")[2] == "1% (under-served)"
    assert [trace.name for trace in purpose.data if trace.showlegend] == ["acquisition", "retention", "service"]
    assert tops(spans, "x") == [20, 16, 1, 0, 0, 0]


def ends(figure, xaxis):
    """How far each bar drawn across on ``xaxis`` reaches (bars drawn left to right)."""
    return [trace.x[1] for trace in figure.data if trace.mode == "lines" and (trace.xaxis or "x") == xaxis]


def tops(figure, xaxis):
    """The height of each bar drawn on ``xaxis`` (bars are thick vertical segments)."""
    return [trace.y[1] for trace in figure.data if trace.mode == "lines" and (trace.xaxis or "x") == xaxis]


def test_a_what_if_grant_moves_everything_with_before_and_after():
    findings, moved, *_ = diagnosis_tab([GRANT])
    said = [text_of(item) for item in moved[1]["props"]["children"]]
    assert said[0] == f"{MINUS}420 escalations a week (1,012 → 592)"
    assert said[1].startswith(MINUS) and "days of customer wait a week" in said[1]
    assert said[-1].startswith("expected hops 1.37 → ")
    assert not text_of(findings[0]).startswith("Care Agent, Denver")  # Denver's agents now decide themselves


def test_an_amount_typed_replaces_the_mix_and_the_typical_one_keeps_it():
    _, _, cards, *_ = diagnosis_tab(amount=400)
    assert text_of(cards[0]) == "Who decides: Refund or bill credit (refund) at 400 USD"
    _, _, cards, *_ = diagnosis_tab(amount=200)  # what the field shows by itself: the typical amount
    assert "at its request mix" in text_of(cards[0])


def test_nothing_is_drawn_while_another_tab_is_open():
    with pytest.raises(PreventUpdate):
        diagnosis_tab(tab="paths")
