"""The Diagnosis tab in a real browser: the findings, the authority cards with their load, the
four plots, and a what-if grant moving them with before → after in executive words."""

from orgcharts.diagnosisfigures import MINUS
from tests.integration.conftest import ROOT
from tests.integration.dashboard import choose, click_role, open_dashboard, settle

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
    assert findings[0].startswith("Care Agent, Denver (140 people, 35% of your customer-facing people) climb 1.6 hops")
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
    assert moved[1].startswith(MINUS) and moved[1].endswith("days of customer wait a week (276.7 → 164.7)"), moved
    assert moved[-1].startswith("expected hops 1.37 → ")
    assert not page.locator("#diagnosis-findings li").first.inner_text().startswith("Care Agent, Denver")
    page.locator(".diagnosis-panel").scroll_into_view_if_needed()
    page.locator(".diagnosis-panel").screenshot(path=str(SCREENSHOTS / "diagnosis-what-if.png"))
