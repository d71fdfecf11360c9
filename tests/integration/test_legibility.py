"""Every label whole and legible, read from what Chromium drew: the boxes of the chart's SVG
text (``getBoundingClientRect``) at 1280x720 and 1920x1080, for each shipped example, in both
views, on screen and in projector mode, and for the real d3 sample as it opens."""

import pytest

from orgcharts import load_text
from orgcharts.figures import TRACE_ROLES
from orgcharts.loader import example_names, example_text
from tests.integration.boxes import overlaps
from tests.integration.dashboard import choose, figure, open_dashboard, press, settle

SIZES = [(1280, 720), (1920, 1080)]
EXAMPLE_LABELS = {"telecom": "Example: telecom", "retailer": "Example: retailer", "b2b": "Example: b2b"}

DRAWN_TEXT = """() => {
  const plot = document.querySelector('#chart .nsewdrag').getBoundingClientRect();
  const chart = document.getElementById('chart').getBoundingClientRect();
  const texts = [...document.querySelectorAll('#chart .textpoint text, #chart .textpoint')]
    .filter((el) => el.tagName === 'text');
  const boxes = texts.map((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {text: el.textContent, left: box.left, right: box.right, top: box.top, bottom: box.bottom,
            px: parseFloat(style.fontSize), hidden: style.opacity === '0' || style.visibility === 'hidden'};
  });
  const visible = boxes.filter((b) => !b.hidden && b.text && b.right > plot.left && b.left < plot.right
                                      && b.bottom > plot.top && b.top < plot.bottom);
  // the lines drawn (a card's lines, or a one-line text) that an edge of the plot cuts
  const cut = texts.filter((el) => getComputedStyle(el).opacity !== '0' && !el.closest('.tracebands'))
    .flatMap((el) => {
      const lines = [...el.querySelectorAll(':scope > tspan.line')];
      return lines.length ? lines : [el];
    })
    .filter((line) => getComputedStyle(line).fill !== 'rgba(0, 0, 0, 0)' && line.textContent)  // fill: transparent
    .filter((line) => {
      const box = line.getBoundingClientRect();
      const inSight = box.right > plot.left && box.left < plot.right && box.bottom > plot.top && box.top < plot.bottom;
      return inSight && (box.left < plot.left - 0.5 || box.right > plot.right + 0.5
                         || box.top < plot.top - 0.5 || box.bottom > plot.bottom + 0.5);
    })
    .map((line) => line.textContent);
  return {visible: visible, chartTop: chart.top, cut: cut};
}"""


def facing_and_front(org, data):
    """The roles drawn that face customers (a collapsed role stands for its team), and the
    front line among them: those with no role facing customers drawn below them."""
    roles = data[TRACE_ROLES]
    ids = [hit[0] for hit in roles["customdata"]]
    shown = set(ids)
    facing = {
        role_id
        for role_id, (_, kind) in zip(ids, roles["customdata"], strict=True)
        if org.role(role_id).customer_facing or kind == "collapsed"
    }
    below = {role_id: set() for role_id in ids}
    for role_id in ids:
        manager = org.role(role_id).reports_to
        while manager is not None and manager in shown:
            below[manager].add(role_id)
            manager = org.role(manager).reports_to
    front = {r for r in ids if org.role(r).customer_facing and not (below[r] & {f for f in facing if f != r})}
    return ids, facing, front


def front_line_is_on_top(org, data):
    """In the customer-on-top view, no card stands above a front-line card unless it faces
    customers itself (chart y grows upwards): the front line is the top band of roles."""
    ids, facing, front = facing_and_front(org, data)
    y = dict(zip(ids, data[TRACE_ROLES]["y"], strict=True))
    lowest_front = min((y[r] for r in front), default=None)
    return [r for r in ids if r not in facing and lowest_front is not None and y[r] > lowest_front]


def front_line_in_view(org, drawn):
    """The cards of the front line whose text point lies inside the axes' ranges as drawn:
    front-line roles, and collapsed teams holding customer-facing people (their card says
    their hops) with none drawn below them."""
    ids, facing, front = facing_and_front(org, drawn["data"])
    roles = drawn["data"][TRACE_ROLES]
    (x0, x1), (y0, y1) = drawn["layout"]["xrange"], drawn["layout"]["yrange"]
    drawn_facing = [r for r in facing if r in front or org.role(r).customer_facing]
    teams = {
        role_id
        for (role_id, kind), text in zip(roles["customdata"], roles["text"], strict=True)
        if kind == "collapsed"
        and ("hop" in text or "no one can decide" in text)
        and not any(org.role(f).reports_to == role_id for f in drawn_facing)
    }
    return [
        role_id
        for role_id, x, y in zip(ids, roles["x"], roles["y"], strict=True)
        if (role_id in front or role_id in teams) and x0 <= x <= x1 and y0 <= y <= y1
    ]


def check(page, org, smallest, view, size, opening=False):
    drawn = page.evaluate(DRAWN_TEXT)
    visible = drawn["visible"]
    assert visible, "the chart shows text"
    assert not overlaps(visible), (view, size, overlaps(visible)[:5])
    assert not [b["text"] for b in visible if b["text"].endswith("…")], "no label is cut"
    assert not drawn["cut"], f"no line in sight is cut by an edge of the plot: {drawn['cut'][:5]}"
    assert min(b["px"] for b in visible) >= smallest, "no text smaller than legible"
    if size == (1280, 720):
        assert drawn["chartTop"] <= 200, "the chart starts within 200 px of the top"
    if view == "inverted" and org is not None:
        drawn = figure(page)
        assert not front_line_is_on_top(org, drawn["data"]), "the front line is right under the customers"
        if opening:
            assert len(front_line_in_view(org, drawn)) >= 2, "the chart opens on the front line, not the top role alone"


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
@pytest.mark.parametrize("present", [False, True], ids=["screen", "projector"])
@pytest.mark.parametrize("example", example_names())
def test_every_example_reads_whole_in_both_views(browser, server, example, present, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        open_dashboard(page, server, "?present=1" if present else "")
        if example != "telecom":
            if present:
                press(page, "p")
            choose(page, "example-picker", EXAMPLE_LABELS[example])
            if present:
                press(page, "p")
        org = load_text(example_text(example)).org
        smallest = 18 if present else 13
        for view in ("inverted", "conventional"):
            settle(page, 900)
            check(page, org, smallest, view, size, opening=view == "inverted")
            press(page, "f")
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
def test_the_d3_sample_opens_readable(browser, server, d3_export, size):
    """The real 1,461-role export, imported through the column form, on the levels it opens on."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        open_dashboard(page, server)
        page.set_input_files("#upload input[type=file]", str(d3_export))
        page.wait_for_selector("#csv-panel:not([hidden])")
        page.fill("#csv-serves", "*Sales*=customers")
        page.fill("#csv-decides", "*Sales Manager*=refund:500 USD")
        page.click("#csv-import")
        page.wait_for_function("() => document.querySelector('#org-name').innerText !== 'Northwind Mobile'")
        for view in ("inverted", "conventional"):
            settle(page, 1500)
            check(page, None, 13, view, size)
            press(page, "f")
    finally:
        context.close()
