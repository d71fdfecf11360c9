"""The chart says where it goes on past the plot's edges (``assets/edges.js``): read from what
Chromium drew at 1280x720, where the example org opens wider and taller than its plot. Each
button says how many roles lie past its edge, covers no card's text drawn whole, and pans the
chart that way, with the keyboard and with the mouse, until the cards end."""

import re

import pytest

from tests.integration.dashboard import (
    ROLES_TRACE,
    dashboard_at,
    figure,
    press,
    role_screen_point,
    settle,
    shown_roles,
)

BUTTONS = """() => {
  const plot = document.querySelector('#chart .nsewdrag').getBoundingClientRect();
  const box = (b) => ({left: b.left, right: b.right, top: b.top, bottom: b.bottom});
  const buttons = [...document.querySelectorAll('#chart .chart-more-go')]
    .filter((b) => !b.hidden && b.offsetParent !== null && !b.closest('[hidden]'))
    .map((b) => ({side: b.dataset.side, text: b.textContent, px: parseFloat(getComputedStyle(b).fontSize),
                  ...box(b.getBoundingClientRect())}));
  const whole = [...document.querySelectorAll('#chart .textpoint text')]
    .filter((t) => t.textContent && getComputedStyle(t).opacity !== '0')
    .map((t) => ({text: t.textContent, ...box(t.getBoundingClientRect())}))
    .filter((t) => t.left >= plot.left && t.right <= plot.right && t.top >= plot.top && t.bottom <= plot.bottom);
  return {buttons: buttons, whole: whole};
}"""


def drawn(page):
    return page.evaluate(BUTTONS)


def beyond(page):
    """How many roles' cards have their centre past each edge of the view drawn."""
    shown = figure(page)
    roles = shown["data"][ROLES_TRACE]
    (x0, x1), (y0, y1) = shown["layout"]["xrange"], shown["layout"]["yrange"]
    return {
        "left": sum(x < x0 for x in roles["x"]),
        "right": sum(x > x1 for x in roles["x"]),
        "top": sum(y > y1 for y in roles["y"]),
        "bottom": sum(y < y0 for y in roles["y"]),
    }


def assert_buttons_say_what_lies_beyond(page):
    seen = drawn(page)
    counts = beyond(page)
    said = {}
    for button in seen["buttons"]:
        arrow = {"left": "←", "right": "→", "top": "↑", "bottom": "↓"}[button["side"]]
        match = re.fullmatch(rf"(?:{arrow} )?(\d+) more roles?(?: {arrow})?", button["text"])
        assert match, button["text"]
        said[button["side"]] = int(match.group(1))
        assert button["px"] >= 13
        covered = [
            t["text"]
            for t in seen["whole"]
            if t["left"] < button["right"]
            and button["left"] < t["right"]
            and t["top"] < button["bottom"]
            and button["top"] < t["bottom"]
        ]
        assert not covered, f"the {button['side']} button covers {covered}"
    assert said == {side: n for side, n in counts.items() if n}
    return said


def test_each_edge_the_chart_goes_on_past_says_how_many_roles_and_pans_there(browser, server):
    with dashboard_at(browser, server, (1280, 720)) as page:
        said = assert_buttons_say_what_lies_beyond(page)
        assert said.get("right", 0) > 0 and said.get("bottom", 0) > 0, said

        page.focus("#chart .chart-more-go.right")
        pressed = 0
        while page.locator("#chart .chart-more-go.right:visible").count() and pressed < 12:
            assert page.evaluate("() => document.activeElement.dataset.side") == "right"
            before = figure(page)["layout"]["xrange"][1]
            page.keyboard.press("Enter")
            settle(page, 500)
            assert figure(page)["layout"]["xrange"][1] > before
            assert_buttons_say_what_lies_beyond(page)
            pressed += 1
        assert pressed >= 2 and beyond(page)["right"] == 0
        assert page.locator("#chart .chart-more-go.left:visible").count() == 1
        assert page.evaluate("() => document.activeElement.dataset.side") == "left"

        panned = figure(page)["layout"]["xrange"]
        in_view = [
            role_id
            for role_id, x in zip(shown_roles(page), figure(page)["data"][ROLES_TRACE]["x"], strict=True)
            if panned[0] + 150 < x < panned[1] - 150
        ]
        x, y = role_screen_point(page, in_view[0])
        page.mouse.click(x, y)
        settle(page)
        assert figure(page)["layout"]["xrange"] == pytest.approx(panned, abs=1)  # the server's figure keeps the pan

        before = figure(page)["layout"]["yrange"]
        page.click("#chart .chart-more-go.bottom")
        settle(page, 500)
        after = figure(page)["layout"]["yrange"]
        assert after[0] < before[0] and after[1] < before[1]
        assert_buttons_say_what_lies_beyond(page)


CUT = """() => {
  const plot = document.querySelector('#chart .nsewdrag').getBoundingClientRect();
  const button = document.querySelector('#chart .chart-more-go.bottom');
  if (!button || button.hidden) { return null; }
  const b = button.getBoundingClientRect();
  // the lines drawn: a card's lines the bottom edge cuts are not (fill: transparent)
  return [...document.querySelectorAll('#chart .textpoint text')]
    .filter((t) => t.textContent && getComputedStyle(t).opacity !== '0')
    .flatMap((t) => { const lines = [...t.querySelectorAll(':scope > tspan.line')]; return lines.length ? lines : [t]; })
    .filter((line) => getComputedStyle(line).fill !== 'rgba(0, 0, 0, 0)')
    .map((t) => ({text: t.textContent, box: t.getBoundingClientRect()}))
    .filter(({box}) => box.width && box.bottom > plot.top && box.top < plot.bottom)
    .filter(({box}) => box.left < b.right && b.left < box.right && box.top < b.bottom && b.top < box.bottom)
    .map(({text}) => text);
}"""


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)], ids=["1920x1080", "1280x720"])
def test_the_bottom_button_covers_no_text_even_of_a_card_the_bottom_edge_cuts(browser, server, size):
    """In projector mode the example opens taller than its plot and a card the bottom edge cuts
    still shows its first lines (those wholly in sight) at the bottom right: the button moves
    left of them."""
    with dashboard_at(browser, server, size) as page:
        press(page, "p")
        settle(page)
        covered = page.evaluate(CUT)
        assert covered is not None, "the chart goes on past its bottom edge"
        assert covered == []
