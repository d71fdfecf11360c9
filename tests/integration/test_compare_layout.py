"""The compare tab's charts measure their own plot, as the main chart does, and no two of their
labels overlap (segment names included), read from what Chromium drew, at 1280x720 and 1920x1080;
opened on a changed role, they show the customers it serves with it."""

import pytest

from tests.integration.boxes import overlaps
from tests.integration.dashboard import dashboard_at, settle

DRAWN = """(id) => {
  const graph = document.querySelector('#' + id + ' .js-plotly-plot');
  const plot = graph.querySelector('.nsewdrag').getBoundingClientRect();
  const range = graph._fullLayout.xaxis.range;
  const texts = [...graph.querySelectorAll('.textpoint text, text.textpoint')].map((el) => {
    const box = el.getBoundingClientRect();
    return {text: el.textContent, left: box.left, right: box.right, top: box.top, bottom: box.bottom,
            customer: Boolean(el.closest('.tracecustomers'))};
  }).filter((b) => b.text && b.right > plot.left && b.left < plot.right && b.bottom > plot.top && b.top < plot.bottom);
  return {texts: texts, unitsPerPixel: (range[1] - range[0]) / graph._fullLayout._size.w};
}"""


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_compare_charts_open_at_one_unit_per_pixel_of_their_plot_with_no_label_overlapping(browser, server, size):
    with dashboard_at(browser, server, size) as page:
        page.get_by_text("Compare", exact=True).click()
        page.wait_for_selector("#compare-after .scatterlayer .textpoint", timeout=20_000)
        settle(page, 1500)
        for side in ("compare-before", "compare-after"):
            drawn = page.evaluate(DRAWN, side)
            assert drawn["unitsPerPixel"] == pytest.approx(1.0, abs=0.002), (
                "opened for its own plot's size, as measured"
            )
            assert [t for t in drawn["texts"] if t["customer"]], "segment names in view"
            assert not overlaps(drawn["texts"]), overlaps(drawn["texts"])[:5]


def test_compare_opens_on_the_changed_role_with_the_customers_it_serves_in_view(browser, server):
    """A what-if grant to the Denver care agent: both charts open on it (far right of the
    consumers' card at 1920x1080) and take in the consumers' card too, whole."""
    with dashboard_at(browser, server, (1920, 1080)) as page:
        page.fill("#search", "Care Agent, Denver")
        page.wait_for_selector(".search-results .choice")
        page.locator(".search-results .choice").first.click()
        settle(page)
        page.fill("#grant-limit", "250")
        page.click("#grant")
        settle(page)
        page.get_by_text("Compare", exact=True).click()
        page.wait_for_selector("#compare-after .scatterlayer .textpoint", timeout=20_000)
        settle(page, 1500)
        for side in ("compare-before", "compare-after"):
            texts = page.evaluate(DRAWN, side)["texts"]
            assert "Consumer subscribers" in [t["text"] for t in texts if t["customer"]], side
            assert "Care Agent, Denver" in " ".join(t["text"] for t in texts if not t["customer"]), side
