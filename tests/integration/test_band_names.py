"""The bands' names stay readable wherever the chart is panned: read from what Chromium drew
(``getBoundingClientRect`` of each name, of its background and of every card), at 1280x720,
where the chart opens panned away from the side the names are drawn on."""

import itertools

import pytest

from orgcharts.figures import CARD_LOOKS
from tests.integration.dashboard import dashboard_at, press, settle

DRAWN = """(looks) => {
  const graph = document.querySelector('#chart .js-plotly-plot');
  const plot = graph.querySelector('.nsewdrag').getBoundingClientRect();
  const xa = graph._fullLayout.xaxis, ya = graph._fullLayout.yaxis;
  const box = (r) => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
  const captions = [...graph.querySelectorAll('g.band-captions g.band-caption')].map((g) => {
    const back = g.querySelector('rect.band-caption-back');
    return {text: g.textContent, ...box(g.querySelector('text').getBoundingClientRect()),
            back: back && box(back.getBoundingClientRect())};
  });
  const own = [...graph.querySelectorAll('.tracebands g.textpoint')]
    .filter((g) => getComputedStyle(g).opacity !== '0')
    .map((g) => ({text: g.textContent, ...box(g.querySelector('text').getBoundingClientRect()), back: null}));
  const names = captions.concat(own);
  const texts = [...graph.querySelectorAll('.textpoint text')].filter((t) => !t.closest('.tracebands'))
    .map((t) => ({text: t.textContent, ...box(t.getBoundingClientRect())}));
  const layer = graph.querySelector('g.band-captions');
  const last = layer && layer.parentNode.lastElementChild === layer;
  const cards = [];
  graph._fullData.filter((t) => looks.includes(t.uid)).forEach((t) => {
    let xs = [], ys = [];
    const close = () => {
      if (!xs.length) { return; }
      cards.push({left: plot.left + xa.c2p(Math.min(...xs)), right: plot.left + xa.c2p(Math.max(...xs)),
                  top: plot.top + ya.c2p(Math.max(...ys)), bottom: plot.top + ya.c2p(Math.min(...ys))});
      xs = []; ys = [];
    };
    for (let i = 0; i < t.x.length; i++) {
      const x = t.x[i], y = t.y[i];
      if (x === null || y === null || Number.isNaN(x) || Number.isNaN(y)) { close(); } else { xs.push(x); ys.push(y); }
    }
    close();
  });
  const verticals = [], horizontals = [];
  const broken = (v) => v === null || Number.isNaN(v);
  graph._fullData.filter((t) => ['edges', 'path', 'dotted', 'customer-links'].includes(t.uid)).forEach((t) => {
    for (let i = 0; i + 1 < t.x.length; i++) {
      if ([t.x[i], t.x[i + 1], t.y[i], t.y[i + 1]].some(broken)) { continue; }
      const a = plot.top + ya.c2p(t.y[i]), b = plot.top + ya.c2p(t.y[i + 1]);
      const l = plot.left + xa.c2p(t.x[i]), r = plot.left + xa.c2p(t.x[i + 1]);
      const line = {left: Math.min(l, r), right: Math.max(l, r), top: Math.min(a, b), bottom: Math.max(a, b)};
      if (t.x[i] === t.x[i + 1]) { verticals.push(line); } else if (t.y[i] === t.y[i + 1]) { horizontals.push(line); }
    }
  });
  return {plot: box(plot), names: names, texts: texts, cards: cards, captions: captions.length, last: last,
          verticals: verticals, horizontals: horizontals};
}"""


def crossing(a, b, slack=0.5):
    return (
        a["left"] < b["right"] - slack
        and b["left"] < a["right"] - slack
        and a["top"] < b["bottom"] - slack
        and b["top"] < a["bottom"] - slack
    )


def names_in_view(drawn):
    plot = drawn["plot"]
    return [n for n in drawn["names"] if n["text"] and n["bottom"] > plot["top"] and n["top"] < plot["bottom"]]


def pan(page, by_units):
    page.evaluate(
        """(by) => { const g = document.querySelector('#chart .js-plotly-plot');
        const [x0, x1] = g._fullLayout.xaxis.range; return Plotly.relayout(g, {'xaxis.range': [x0 + by, x1 + by]}); }""",
        by_units,
    )
    settle(page, 300)


FADE_PX = 16
"""The fade at the plot's top and bottom edges (assets/orgcharts.css, ``.chart-more-fade``)."""


def assert_whole_in_the_plot(drawn):
    """A name the plot's top or bottom edge, or the fade there, would cut is not drawn."""
    top, bottom = drawn["plot"]["top"] + FADE_PX, drawn["plot"]["bottom"] - FADE_PX
    cut = [n["text"] for n in names_in_view(drawn) if n["top"] < top or n["bottom"] > bottom]
    assert not cut, f"band names cut by the plot's edge: {cut}"


def assert_names_at_the_left_edge_over_no_card(drawn, bars=True):
    """``bars``: and over no bar of a reporting line, which the customer-on-top view's gaps
    leave room for; the conventional view's gaps (31 px at 1280x720) have the bar across
    their middle, where the name sits."""
    plot, shown = drawn["plot"], names_in_view(drawn)
    assert shown, "band names in view"
    assert drawn["last"], "drawn over every trace, the lines through the gaps too"
    assert all(name["text"].startswith("\u2191 ") for name in shown), "each points up to its band"
    assert_whole_in_the_plot(drawn)
    for name in shown:
        assert plot["left"] <= name["left"] <= plot["left"] + (plot["right"] - plot["left"]) / 3, (
            name["text"],
            "at the view's left, past the lines there",
        )
        assert name["right"] <= plot["right"]
        back = name["back"]
        assert back is not None, (name["text"], "on a background")
        assert back["left"] <= name["left"] and back["right"] >= name["right"], "the background holds the name"
        assert back["top"] <= name["top"] and back["bottom"] >= name["bottom"]
        covered = [card for card in drawn["cards"] if crossing(back, card)]
        assert not covered, (name["text"], "covers no card", covered[:2])
        under = [t["text"] for t in drawn["texts"] if crossing(back, t)]
        assert not under, (name["text"], "covers no text", under[:2])
        hidden = [line for line in drawn["verticals"] if crossing(back, line, slack=0)]
        assert not hidden, (name["text"], "hides no line running through its gap", hidden[:2])
        barred = [line for line in drawn["horizontals"] if crossing(back, line, slack=0)]
        assert not (bars and barred), (name["text"], "hides no bar across its gap", barred[:2])
    downwards = sorted(shown, key=lambda n: n["top"])
    assert all(a["bottom"] <= b["top"] for a, b in itertools.pairwise(downwards)), "names apart"


@pytest.mark.parametrize("view", ["conventional", "inverted"])
def test_band_names_follow_the_view_left_edge_when_panned_and_go_home_when_not(browser, server, view):
    with dashboard_at(browser, server, (1280, 720)) as page:
        if view == "conventional":
            press(page, "f")
            settle(page, 900)
        assert_whole_in_the_plot(page.evaluate(DRAWN, list(CARD_LOOKS)))  # as it opens
        pan(page, 240)  # away from the names' own side, whatever the opening
        drawn = page.evaluate(DRAWN, list(CARD_LOOKS))
        assert_names_at_the_left_edge_over_no_card(drawn, bars=view == "inverted")

        pan(page, 400)
        assert_names_at_the_left_edge_over_no_card(page.evaluate(DRAWN, list(CARD_LOOKS)), bars=view == "inverted")

        page.evaluate(
            """() => { const g = document.querySelector('#chart .js-plotly-plot');
            const bands = g._fullData.find((t) => t.uid === 'bands'); const [x0, x1] = g._fullLayout.xaxis.range;
            return Plotly.relayout(g, {'xaxis.range': [bands.x[0] - 20, bands.x[0] - 20 + (x1 - x0)]}); }"""
        )
        settle(page, 300)
        home = page.evaluate(DRAWN, list(CARD_LOOKS))
        assert names_in_view(home)
        assert all(n["back"] is None for n in home["names"]), "on their own side, names need no background"
        assert_whole_in_the_plot(home)
        plot = home["plot"]
        assert all(n["left"] >= plot["left"] for n in names_in_view(home))
