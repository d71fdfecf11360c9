"""The first screen holds the whole answer: with a role selected, the hop badge (the result a
room waits for) and the colour key sit inside the window, on a laptop and a projector alike,
without scrolling."""

import pytest

from orgcharts import load_text
from orgcharts.loader import example_names, example_text
from tests.integration.boxes import overlaps
from tests.integration.dashboard import choose, dashboard_at, no_horizontal_scroll, settle, wait_for_chart


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
@pytest.mark.parametrize("query", ["", "?present=1"], ids=["screen", "projector"])
def test_the_hop_badge_and_the_key_are_in_the_window_once_a_role_is_selected(browser, server, size, query):
    height = size[1]
    with dashboard_at(browser, server, size, query) as page:
        wait_for_chart(page)
        page.locator("body").click(position={"x": 5, "y": 5})
        page.keyboard.press("ArrowRight")  # Refund or bill credit: its amount presets join the controls
        settle(page, 900)
        page.keyboard.press("n")
        page.locator("#hop-badge .headline").wait_for(state="visible", timeout=20_000)
        settle(page)
        for selector in ("#hop-badge", "#chart-legend"):
            box = page.locator(selector).bounding_box()
            assert box is not None and box["y"] >= 0, selector
            assert box["y"] + box["height"] <= height, (
                f"{selector} ends at {box['y'] + box['height']:.0f} px of {height}"
            )


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_the_dashboard_opens_with_the_three_findings_that_matter_most_in_the_window(browser, server, size):
    height = size[1]
    with dashboard_at(browser, server, size) as page:
        findings = page.locator("#path-panel .findings li")
        findings.first.wait_for(state="visible", timeout=30_000)
        assert findings.count() == 3
        assert "hops" in findings.first.inner_text()
        last = findings.last.bounding_box()
        assert last["y"] + last["height"] <= height, "all three are read without scrolling"
        if size == (1280, 720):  # the laptop's promise: the findings never push the chart down
            chart = page.locator("#chart").bounding_box()
            assert chart["y"] <= 200, f"the chart starts {chart['y']:.0f} px down"


def edges(locator, text):
    box = locator.bounding_box()
    return {
        "left": box["x"],
        "right": box["x"] + box["width"],
        "top": box["y"],
        "bottom": box["y"] + box["height"],
        "text": text,
    }


def test_the_chart_tools_shown_on_hover_never_cover_its_title(browser, server):
    with dashboard_at(browser, server, (1280, 720)) as page:
        page.locator("body").click(position={"x": 5, "y": 5})
        page.keyboard.press("ArrowRight")  # Refund or bill credit of 200 USD (typical amount): a long title
        settle(page, 900)
        chart = page.locator("#chart").bounding_box()
        page.mouse.move(chart["x"] + chart["width"] / 2, chart["y"] + chart["height"] / 2)
        tools = page.locator("#chart .modebar")
        tools.wait_for(state="visible")
        assert "Refund or bill credit" in page.locator("#chart .gtitle").text_content()
        boxes = [edges(page.locator("#chart .gtitle"), "title"), edges(tools, "tools")]
        assert not overlaps(boxes), boxes


MENU_VALUE = """(id) => { const value = document.querySelector('#' + id + ' .dash-dropdown-value');
  return {text: value.textContent, cut: value.scrollWidth > value.clientWidth + 1,
          top: document.getElementById('chart').getBoundingClientRect().top}; }"""


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_every_decision_of_every_example_is_named_whole_in_its_menu_within_the_window(browser, server, size):
    with dashboard_at(browser, server, size) as page:
        for example in example_names():
            choose(page, "example-picker", f"Example: {example}")
            for decision in load_text(example_text(example)).org.decisions:
                shown = page.evaluate(MENU_VALUE, "decision")
                assert shown["text"] == decision.name and not shown["cut"], (example, size, shown)
                if size == (1280, 720):
                    assert shown["top"] <= 200, ("the controls keep to two rows", example, shown)
                assert no_horizontal_scroll(page), ("the controls keep within the window", example, decision.name)
                page.click("#next-decision")
                settle(page)


TOP_BAR_TEXTS = """() => {
  const bar = document.querySelector('.topbar');
  const shown = [...bar.querySelectorAll('h1, button, .dash-dropdown-value, .dash-dropdown-placeholder, [class*="placeholder"]')]
    .filter((element) => element.offsetParent !== null && element.textContent.trim());
  const boxes = [...bar.children].map((child) => child.getBoundingClientRect()).filter((box) => box.height > 0);
  return {oneRow: Math.max(...boxes.map((box) => box.top)) < Math.min(...boxes.map((box) => box.bottom)),
          texts: shown.map((element) => ({text: element.textContent.trim(),
                                           cut: element.scrollWidth > element.clientWidth + 1}))}; }"""


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
@pytest.mark.parametrize("projector", [False, True], ids=["screen", "projector"])
def test_the_top_bar_says_the_org_and_its_menus_whole_in_one_row(browser, server, size, projector):
    with dashboard_at(browser, server, size) as page:
        for example in example_names():
            choose(page, "example-picker", f"Example: {example}")
            if projector:  # the examples' menu is hidden there: the example is chosen before
                page.click("#present-button")
                page.wait_for_selector(".app.present")
            bar = page.evaluate(TOP_BAR_TEXTS)
            if projector:
                page.click("#present-button")
                page.wait_for_selector(".app:not(.present)")
            texts = {shown["text"]: shown["cut"] for shown in bar["texts"]}
            assert texts.get(load_text(example_text(example)).org.name) is False, (example, size, texts)
            assert not any(cut for cut in texts.values()), (example, size, texts)
            assert not any(text.endswith("…") for text in texts), (example, size, texts)
            assert bar["oneRow"], (example, size, bar)


def test_in_projector_mode_the_line_under_the_tiles_says_what_the_chart_is_measured_for(browser, server):
    """The chart has no title there (the page says it): the decision and its amount are said
    once, in the room's type, and the chart's first cards start right under that line."""
    with dashboard_at(browser, server, (1280, 720), "?present=1") as page:
        page.locator("body").click(position={"x": 5, "y": 5})
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "() => document.querySelector('#workshop-said').textContent.startsWith('Refund or bill credit of 200 USD')"
        )
        settle(page, 900)
        assert page.locator("#chart .gtitle").count() == 0 or page.locator("#chart .gtitle").text_content() == ""
        said = page.locator("#workshop-said").bounding_box()
        chart = page.locator("#chart").bounding_box()
        assert 0 <= chart["y"] - (said["y"] + said["height"]) <= 16, (said, chart)


WHOLE_TEXTS = """() => {
  const plot = document.querySelector('#chart .nsewdrag').getBoundingClientRect();
  const inside = (el) => {
    const box = el.getBoundingClientRect();
    return box.left >= plot.left && box.right <= plot.right && box.top >= plot.top && box.bottom <= plot.bottom;
  };
  // each text's lines drawn wholly in sight, joined without spaces (a card's lines have none
  // between them)
  return [...document.querySelectorAll('#chart .textpoint text')]
    .filter((el) => getComputedStyle(el).opacity !== '0')
    .map((el) => {
      const lines = [...el.querySelectorAll(':scope > tspan.line')];
      return (lines.length ? lines : [el])
        .filter((line) => getComputedStyle(line).fill !== 'rgba(0, 0, 0, 0)' && inside(line))  // fill: transparent
        .map((line) => line.textContent).join('').replaceAll(' ', '');
    });
}"""


@pytest.mark.parametrize(
    ("size", "deepest"),
    [((1280, 720), "Store Manager"), ((1920, 1080), "Regional Director")],
    ids=["1280x720", "1920x1080"],
)
def test_in_projector_mode_the_chart_opens_on_the_front_line_and_the_managers_under_it(browser, server, size, deepest):
    """The room sees who the front line turns to: Northwind's retail consultants and, under
    them, their store managers' names (at 1280x720) and down to the regional directors (1920)."""
    with dashboard_at(browser, server, size, "?present=1") as page:
        wait_for_chart(page)
        settle(page, 900)
        whole = page.evaluate(WHOLE_TEXTS)
        assert any(text.startswith("RetailSalesConsultant") for text in whole), whole
        assert any(text.startswith(deepest.replace(" ", "")) for text in whole), whole


SCALE = """() => {
  const graph = document.querySelector('#chart .js-plotly-plot');
  const size = graph._fullLayout._size, range = graph._fullLayout.xaxis.range;
  const texts = [...document.querySelectorAll('#chart .textpoint text')]
    .filter((t) => t.textContent && getComputedStyle(t).opacity !== '0').length;
  return {height: size.h, perUnit: size.w / (range[1] - range[0]), texts: texts};
}"""


def test_a_grant_that_wraps_the_projector_strip_keeps_the_charts_scale_and_its_words(browser, server):
    """At 1280x720 the strip's change line ("Care Agent, Denver may decide...") wraps and the
    plot loses height under a figure drawn for the taller one: the view keeps one chart unit per
    pixel (and so every card's words) and shows a little less, rather than shrinking the cards
    under text that then hides."""
    with dashboard_at(browser, server, (1280, 720), "?present=1") as page:
        wait_for_chart(page)
        page.locator("body").click(position={"x": 5, "y": 5})
        page.keyboard.press("ArrowRight")
        settle(page, 900)
        page.keyboard.press("n")
        page.locator("#hop-badge .headline").wait_for(state="visible", timeout=20_000)
        settle(page, 900)
        before = page.evaluate(SCALE)
        page.keyboard.press("g")
        page.locator("#workshop-changes li").first.wait_for(timeout=20_000)
        settle(page, 1200)
        after = page.evaluate(SCALE)
        assert after["height"] < before["height"], "the strip's second line takes the plot's height"
        assert after["perUnit"] == pytest.approx(before["perUnit"], abs=0.005)
        assert after["texts"] >= before["texts"] / 2 > 0, (before, after)
