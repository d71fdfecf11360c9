"""What a redraw computes again: a click that leaves the roles shown as they were (a role
selected, a team opened that was already open, the other view) draws from the cards and the
layout kept for that org, decision and edits, and the figure is the one a server that
kept nothing draws; a change that moves a card or its text lays them out again."""

import base64

import dash
import plotly.io as pio
import pytest

from orgcharts.web import session, source
from orgcharts.web.app import serve
from orgcharts.web.session import digest
from tests.fixtures.callbacks import load, render

ORG = """\
organization: Shop
customers: [{id: walk_in, name: Walk-in}, {id: online, name: Online}]
decisions: [{id: refund, name: Refund, unit: EUR}, {id: discount, name: Discount}]
roles:
  - {id: ceo, title: Chief executive, decides: [{decision: refund}, {decision: discount}]}
  - {id: ops, title: Operations, reports_to: ceo, decides: [{decision: refund, limit: 500}]}
  - {id: web, title: Web desk, reports_to: ceo, serves: [online]}
  - {id: store, title: Store manager, reports_to: ops, decides: [{decision: refund, limit: 50}]}
  - {id: clerk, title: Clerk, reports_to: store, serves: [walk_in]}
  - {id: till, title: Till, reports_to: store, serves: [walk_in]}
"""
SOURCE = {"name": "shop.yaml", "digest": digest(ORG)}


def calls_of(monkeypatch, module, name):
    """The calls made from now on to ``module.name``, one entry each."""
    calls = []
    real = getattr(module, name)

    def counted(*given, **named):
        calls.append(1)
        return real(*given, **named)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.fixture
def laid_out(monkeypatch):
    """How many times the cards were measured and laid out from now on."""
    return calls_of(monkeypatch, session, "chart_views")


def served_with_org():
    served = serve()
    served.texts.put(ORG)
    return served


def figure_json(figure):
    return pio.to_json(figure, validate=False)


def test_a_selection_or_the_other_view_redraws_from_the_cards_kept_and_draws_what_a_fresh_server_draws(laid_out):
    served = served_with_org()
    laid_out.clear()  # the startup org's opening chart
    asked = [
        {"decision": "refund", "amount": 100},
        {"decision": "refund", "amount": 100, "selected": "clerk"},
        {"decision": "refund", "amount": 100, "selected": "web", "view": "conventional"},
        {"decision": "refund", "amount": 100, "selected": "till", "expanded": ["store"]},
        {"decision": "refund", "amount": 100, "view": "conventional"},
        {"decision": "refund", "amount": 100, "present": True},
    ]
    drawn = [render("selection.data", SOURCE, served=served, **controls)[0] for controls in asked]
    assert len(laid_out) == 2, "one org, decision and set of roles shown: laid out once per medium"
    for controls, figure in zip(asked, drawn, strict=True):
        fresh = render("selection.data", SOURCE, served=served_with_org(), **controls)[0]
        assert figure_json(figure) == figure_json(fresh)


def test_another_decision_an_edit_or_fewer_levels_lays_the_cards_out_again(laid_out):
    served = served_with_org()
    laid_out.clear()
    render("decision.value", SOURCE, served=served, decision="refund", amount=100)
    render("decision.value", SOURCE, served=served, decision="discount")
    grant = [{"action": "grant", "role": "clerk", "decision": "refund", "limit": 200}]
    granted = render("edits.data", SOURCE, served=served, decision="refund", amount=100, edits=grant)[0]
    fewer = render("levels.value", SOURCE, served=served, decision="refund", amount=100, levels=2)[0]
    assert len(laid_out) == 4
    fresh = render("edits.data", SOURCE, served=served_with_org(), decision="refund", amount=100, edits=grant)[0]
    assert figure_json(granted) == figure_json(fresh)
    fresh = render("levels.value", SOURCE, served=served_with_org(), decision="refund", amount=100, levels=2)[0]
    assert figure_json(fewer) == figure_json(fresh)


def test_the_views_kept_are_counted_in_the_cache_s_bytes():
    served = served_with_org()
    render("decision.value", SOURCE, served=served, decision="refund", amount=100)
    before = served.computations.cache.bytes
    render("decision.value", SOURCE, served=served, decision="discount")
    analysed = session.COST_PER_TEXT_BYTE["analysis"] * len(ORG)
    views = session.COST_PER_TEXT_BYTE["views"] * len(ORG)
    assert served.computations.cache.bytes - before == analysed + views


def test_the_same_file_uploaded_again_is_not_read_again_and_a_bad_one_is_never_kept(monkeypatch):
    served = served_with_org()
    reads = calls_of(monkeypatch, source, "load_bytes")
    contents = "data:application/x-yaml;base64," + base64.b64encode(ORG.encode()).decode()
    first = load("upload.contents", uploaded=contents, upload_name="shop.yaml", served=served)
    again = load("upload.contents", uploaded=contents, upload_name="shop.yaml", served=served)
    assert first[0] == again[0] == SOURCE and first[4] == again[4] == ORG
    assert len(reads) == 1
    broken = (
        "data:application/x-yaml;base64,"
        + base64.b64encode(ORG.replace("reports_to: ceo, decides", "reports_to: cfo, decides").encode()).decode()
    )
    for _ in range(2):
        refused = load("upload.contents", uploaded=broken, upload_name="shop.yaml", served=served)
        assert refused[0] is dash.no_update and "reports_to 'cfo' is not a role id" in str(refused[3])
    assert len(reads) == 3
