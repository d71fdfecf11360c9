"""The Diagnosis tab in a real browser: the findings, the authority cards with their load, the
four plots, and a what-if grant moving them with before → after in executive words."""

import pytest

from orgcharts.diagnosisfigures import MINUS
from tests.integration.boxes import overlaps
from tests.integration.conftest import ROOT
from tests.integration.dashboard import (
    ROLES_TRACE,
    choose,
    click_role,
    dashboard_at,
    figure,
    open_dashboard,
    settle,
    wait_for_chart,
)

SCREENSHOTS = ROOT / "docs" / "screenshots"
GRAPHS = ("diagnosis-conditions", "diagnosis-attention", "diagnosis-purpose", "diagnosis-spans")


def test_the_diagnosis_view_and_a_what_if_moving_it(page, server):
    open_dashboard(page, server)
    choose(page, "decision", "Refund or bill credit")
    page.get_by_text("Diagnosis", exact=True).click()
    page.wait_for_selector("#diagnosis-findings li", timeout=20_000)
    for graph in GRAPHS:
        page.wait_for_selector(f"#{graph} .main-svg .scatterlayer .trace", state="attached", timeout=20_000)
    findings = page.locator("#diagnosis-findings li").all_inner_texts()
    assert 3 <= len(findings) <= 5
    assert findings[0].startswith(
        "Requests to Care Agent, Denver (140 people, 35% of your customer-facing people) climb 1.6 hops"
    )
    heaviest = page.locator(".authority-card.heaviest")
    assert heaviest.count() == 1
    assert heaviest.inner_text().split("\n") == ["Care Team Leader, Denver", "252 requests a week", "HEAVIEST"]
    assert page.locator(".authority-card").count() == 8
    bars = "() => document.querySelector('#diagnosis-spans .js-plotly-plot').data.filter((t) => t.mode === 'lines')"
    assert page.evaluate(bars + ".map((t) => t.y[1])") == [20, 16, 1, 0, 0, 0]
    assert page.locator("#diagnosis-changes").inner_text() == ""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".diagnosis-panel").screenshot(path=str(SCREENSHOTS / "diagnosis.png"))

    click_role(page, "agent_denver")
    page.fill("#grant-limit", "2000")
    page.click("#grant")
    settle(page, 900)
    page.wait_for_selector("#diagnosis-changes li", timeout=20_000)
    moved = page.locator("#diagnosis-changes li").all_inner_texts()
    assert moved[0] == f"{MINUS}420 escalations a week (1,012 → 592)"
    assert moved[1] == f"{MINUS}112 days of customer wait a week (276.7 → 164.7)", moved
    assert moved[-1].startswith("expected hops 1.37 → ")
    assert not page.locator("#diagnosis-findings li").first.inner_text().startswith("Care Agent, Denver")
    page.locator(".diagnosis-panel").scroll_into_view_if_needed()
    page.locator(".diagnosis-panel").screenshot(path=str(SCREENSHOTS / "diagnosis-what-if.png"))


def card_texts(page):
    roles = figure(page)["data"][ROLES_TRACE]
    return {hit[0]: text for hit, text in zip(roles["customdata"], roles["text"], strict=True)}


def test_the_charts_authority_cards_carry_their_load_and_a_grant_moves_it(page, server):
    """At 200 USD (the chart's amount) Denver's 140 care agents' 420 refund requests a week all
    climb to the care centre manager (the team leader decides up to 150): the heaviest."""
    open_dashboard(page, server)
    choose(page, "decision", "Refund or bill credit")
    wait_for_chart(page)
    settle(page)
    said = card_texts(page)
    assert "<b>420 requests a week</b><br><b>(heaviest)</b>" in said["ccm_denver"]
    assert "330 requests a week" in said["ccm_tucson"] and "heaviest" not in said["ccm_tucson"]
    assert "requests a week" not in said["agent_denver"], "the agents decide none at 200 USD"
    click_role(page, "agent_denver")
    page.fill("#grant-limit", "2000")
    page.click("#grant")
    settle(page, 900)
    said = card_texts(page)
    for _ in range(40):  # the chart redrawn with the grant
        if "requests a week" in said["agent_denver"]:
            break
        page.wait_for_timeout(500)
        said = card_texts(page)
    assert "420 requests a week" in said["agent_denver"], "they decide their own now"
    assert "heaviest" not in said["agent_denver"], "deciding its own customers' requests is no burden"
    assert "requests a week" not in said["ccm_denver"]
    assert "<b>330 requests a week</b><br><b>(heaviest)</b>" in said["ccm_tucson"], "now the heaviest desk"


PLOT_TEXTS = """(graph) => {
  const svg = document.querySelector(`#${graph} .main-svg`).getBoundingClientRect();
  return [...document.querySelectorAll(`#${graph} text`)]
    .filter((t) => t.textContent.trim() && getComputedStyle(t).opacity !== '0')
    .map((t) => {
      const box = t.getBoundingClientRect();
      return {text: t.textContent, left: box.left, right: box.right, top: box.top, bottom: box.bottom,
              inside: box.left >= svg.left - 0.5 && box.right <= svg.right + 0.5};
    });
}"""


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_the_diagnosis_plots_say_every_word_whole_and_apart(browser, server, size):
    """Half a 1280 px screen is narrow for a plot: its note wraps, its columns' titles take two
    lines, a bar's figure is never clipped, and the key sits under the categories' names."""
    with dashboard_at(browser, server, size) as page:
        page.get_by_text("Diagnosis", exact=True).click()
        page.wait_for_selector("#diagnosis-findings li", timeout=20_000)
        for graph in GRAPHS:
            page.wait_for_selector(f"#{graph} .main-svg .scatterlayer .trace", state="attached", timeout=20_000)
        settle(page, 900)
        for graph in GRAPHS:
            texts = page.evaluate(PLOT_TEXTS, graph)
            assert texts, graph
            assert not [t["text"] for t in texts if not t["inside"]], (graph, "cut by the plot's edge")
            assert not overlaps(texts), (graph, overlaps(texts)[:3])
