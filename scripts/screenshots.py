"""Regenerates the README's screenshots: `.venv/bin/python scripts/screenshots.py` (after `bash scripts/setup --test`)."""

import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import SHARED_DATA  # noqa: E402
from tests.integration.conftest import CHROMIUM, CHROMIUM_FLAGS, free_port, running  # noqa: E402
from tests.integration.dashboard import (  # noqa: E402
    ROLES_TRACE,
    choose,
    figure,
    open_dashboard,
    press,
    role_screen_point,
    set_amount,
    settle,
)

OUT = ROOT / "docs" / "screenshots"
D3 = SHARED_DATA / "d3-org-chart-sample.csv"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with (
        running([sys.executable, "app.py"], port, env={"PORT": str(port)}) as url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        open_dashboard(page, url)
        page.screenshot(path=OUT / "customers-on-top.png")
        press(page, "f")
        page.screenshot(path=OUT / "conventional.png")
        press(page, "f")
        choose(page, "decision", "Refund or bill credit")
        set_amount(page, 200)
        page.fill("#search", "Care Agent, Denver")  # found as a user would: the chart brings it into view
        page.wait_for_selector(".search-results .choice")
        page.locator(".search-results .choice").first.click()
        page.mouse.move(5, 5)
        settle(page)
        page.screenshot(path=OUT / "escalation-path.png")
        page.click("#grant-limit")
        page.fill("#grant-limit", "250")
        page.click("#grant")
        settle(page)
        page.screenshot(path=OUT / "what-if.png")
        page.get_by_text("Compare", exact=True).click()
        page.wait_for_selector(".compare-table tr.better", timeout=20_000)
        settle(page)
        page.locator(".compare-panel").screenshot(path=OUT / "compare.png")
        importing = browser.new_page(viewport={"width": 1920, "height": 1080})
        open_dashboard(importing, url)
        importing.set_input_files("#upload input[type=file]", str(D3))
        importing.wait_for_selector("#csv-panel:not([hidden])")
        importing.fill("#csv-serves", "*sales manager*=customers")
        importing.fill("#csv-decides", "Head of*=refund:500 USD\nChief Executive*=refund")
        importing.locator("#csv-panel").screenshot(path=OUT / "hr-import.png")
        importing.click("#csv-import")
        settle(importing, 1500)
        importing.screenshot(path=OUT / "big-org.png")
        laptop = browser.new_page(viewport={"width": 1280, "height": 720})
        open_dashboard(laptop, url)
        laptop.screenshot(path=OUT / "laptop-1280x720.png")
        projector = browser.new_page(viewport={"width": 1920, "height": 1080})
        open_dashboard(projector, url, "?present=1")
        choose_in_projector(projector)
        projector.screenshot(path=OUT / "projector.png")
        browser.close()
    print("\n".join(str(path.relative_to(ROOT)) for path in sorted(OUT.glob("*.png"))))


def choose_in_projector(page: Page) -> None:
    """As a facilitator would with the controls hidden: open the first collapsed team on the
    chart, then light the path of the first customer-facing role it shows."""
    for wanted in ("collapsed", "role"):
        hits = figure(page)["data"][ROLES_TRACE]["customdata"]
        chipped = [hit[0] for hit in hits if hit[1] == wanted and (wanted == "collapsed" or "_" in hit[0])]
        if chipped:
            x, y = role_screen_point(page, chipped[-1])
            page.mouse.click(x, y)
            settle(page, 900)
    page.mouse.move(5, 5)
    settle(page)


if __name__ == "__main__":
    main()
