"""A chart of thousands of cards, every level open: what a reader sees where they look. The browser
draws only the cards near the view (assets/viewport.js); every card in view must still be drawn,
whole and legible, and so must those of a part of the chart panned to."""

import sys

import pytest

from orgcharts.examples.generate import generate
from orgcharts.figures import CULLED_ABOVE, TRACE_ROLES
from tests.integration.conftest import free_port, running
from tests.integration.dashboard import open_dashboard, settle
from tests.integration.test_legibility import check

SIZE = 3_000

IN_VIEW = """() => {
  const graph = document.querySelector('#chart .js-plotly-plot');
  const plot = graph.querySelector('.nsewdrag').getBoundingClientRect();
  const xa = graph._fullLayout.xaxis, ya = graph._fullLayout.yaxis;
  const roles = graph._fullData[ROLES];
  const inside = (x, y, inset) => x > plot.left + inset && x < plot.right - inset
                                  && y > plot.top + inset && y < plot.bottom - inset;
  const points = [];
  for (let i = 0; i < roles.x.length; i += 1) {
    const x = plot.left + xa.c2p(roles.x[i]), y = plot.top + ya.c2p(roles.y[i]);
    if (inside(x, y, 40)) { points.push(roles.customdata[i][0]); }
  }
  const texts = [...graph.querySelectorAll('[class*="traceroles"] .textpoint text')].filter((el) => {
    const box = el.getBoundingClientRect();
    return el.textContent && inside(box.left + box.width / 2, box.top + box.height / 2, 0);
  });
  const outlines = (graph.querySelector('.tracecards path.js-fill') || {getAttribute: () => ''}).getAttribute('d');
  const groups = graph.querySelectorAll('.textpoint').length;
  return {roles: roles.x.length, inView: points.length, texts: texts.length, groups: groups,
          cards: (outlines || '').split('M').length - 1};
}""".replace("ROLES", str(TRACE_ROLES))

PAN = """(screens) => { const g = document.querySelector('#chart .js-plotly-plot'); const r = g._fullLayout.xaxis.range;
  const w = (r[1] - r[0]) * screens; return Plotly.relayout(g, {'xaxis.range': [r[0] + w, r[1] + w]}); }"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("culled") / "org.yaml"
    path.write_text(generate(SIZE))
    port = free_port()
    with running([sys.executable, "app.py", str(path)], port, env={"PORT": str(port)}) as url:
        yield url


def every_card_in_view_drawn(page, size=SIZE, at_least=5):
    """Every role on the chart, and each card whose point is in view (``at_least`` of them)
    drawn, with its text."""
    seen = page.evaluate(IN_VIEW)
    assert seen["roles"] == size, "every role is on the chart, to hover, click and find"
    assert seen["inView"] >= at_least, seen
    assert seen["texts"] >= seen["inView"], f"each card in view shows its text: {seen}"
    assert seen["cards"] >= seen["inView"], f"and its card: {seen}"
    assert seen["groups"] < size / 2, (
        f"the text of cards far from the view is not drawn, not even as empty SVG groups: {seen}"
    )
    return seen


def open_all_levels(page, url, size):
    """The dashboard on levels "all", once every role is on the chart."""
    open_dashboard(page, url)
    page.click("#levels")
    page.get_by_role("option", name="all", exact=True).click()
    page.wait_for_function(
        f"() => document.querySelector('#chart .js-plotly-plot').data[{TRACE_ROLES}].customdata.length === {size}",
        timeout=120_000,
    )
    settle(page, 900)


def test_all_levels_of_thousands_of_roles_draw_every_card_in_view_whole_and_legible(page, server):
    assert SIZE > CULLED_ABOVE
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_all_levels(page, server, SIZE)
    seen = every_card_in_view_drawn(page)
    assert seen["cards"] < SIZE / 2, "cards far from the view are not drawn"
    check(page, None, 13, "inverted", (1920, 1080))
    assert "WebGL is not supported" not in page.locator("#chart").inner_text()

    # a pan beyond what was drawn around the view draws the cards there
    page.evaluate(PAN, 2.5)
    settle(page, 900)
    every_card_in_view_drawn(page)
    check(page, None, 13, "inverted", (1920, 1080))

    # a role clicked there: the server's figure opens where it did, Plotly keeps the user's view
    # (uirevision), and that view's cards are drawn
    box = page.locator("#chart [class*='traceroles'] .textpoint text").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function(
        "() => !document.querySelector('#hop-badge').hidden || document.querySelector('.path-panel h2')"
    )
    settle(page, 900)
    every_card_in_view_drawn(page)


def test_a_flip_with_every_level_open_draws_the_cards_in_view_of_the_other_view(page, server):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_all_levels(page, server, SIZE)
    title = page.locator("#chart .gtitle").text_content()
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("f")
    page.wait_for_function("(before) => document.querySelector('#chart .gtitle').textContent !== before", arg=title)
    settle(page, 900)
    assert "conventional" in page.locator("#chart .gtitle").text_content()
    every_card_in_view_drawn(page, at_least=3)  # it opens on the top of the tree
    check(page, None, 13, "conventional", (1920, 1080))
    # and a click on a card there selects it
    top = page.locator("#chart [class*='traceroles'] .textpoint text", has_text="Chief Executive").first.bounding_box()
    page.mouse.click(top["x"] + top["width"] / 2, top["y"] + top["height"] / 2)
    page.wait_for_function(
        "() => document.querySelector('#chart .js-plotly-plot').data.find((t) => t.uid === 'lit').meta.roles.length > 0"
    )
