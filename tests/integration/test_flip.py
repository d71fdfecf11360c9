"""The flip users run: ``orient`` in assets/clientside.js, in the browser, turns a figure into
exactly the figure the server builds for the other view."""

import base64
import itertools
import json

import numpy as np
import pytest

from orgcharts.figures import org_figure
from orgcharts.graph import reporting_tree
from orgcharts.loader import load_example
from orgcharts.metrics import escalations
from tests.integration.dashboard import open_dashboard, settle

ORG = load_example("telecom").org
TREE = reporting_tree(ORG)
ORIENT = """([view, figure, animated]) => {
  const plain = (key, value) => ArrayBuffer.isView(value)
    ? Array.from(value, (n) => (Number.isNaN(n) ? null : n)) : value;
  return JSON.parse(JSON.stringify(window.dash_clientside.orgcharts.orient(view, figure, animated), plain));
}"""
NO_UPDATE = "() => window.dash_clientside.no_update"


def built(view, decision="refund", amount=None, **options):
    """The figure the server sends, as the browser receives it (JSON)."""
    found = escalations(ORG, TREE, decision, amount)
    figure = org_figure(ORG, TREE, found, decision=decision, amount=amount, view=view, **options)
    return json.loads(figure.to_json())


def decoded(value):
    """A figure as JSON with its base64 arrays as lists (NaN, a break between lines, as None)."""
    if isinstance(value, dict) and isinstance(value.get("bdata"), str):
        numbers = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        return [None if np.isnan(n) else float(n) for n in numbers]
    if isinstance(value, dict):
        return {key: decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decoded(item) for item in value]
    return value


@pytest.mark.parametrize("view", ["inverted", "conventional"])
@pytest.mark.parametrize("options", [{}, {"selected": "agent_denver"}, {"segment": "business", "amount": 150}])
def test_a_figure_flipped_in_the_browser_is_the_figure_built_for_the_other_view(page, server, view, options):
    open_dashboard(page, server)
    other = "conventional" if view == "inverted" else "inverted"
    turned, animate = page.evaluate(ORIENT, [other, built(view, **options), True])
    turned, expected = decoded(turned), decoded(built(other, **options))
    assert turned["layout"] == expected["layout"], "the other view's title, and the view it is now in"
    assert [trace["name"] for trace in turned["data"]] == [trace["name"] for trace in expected["data"]]
    for mine, theirs in zip(turned["data"], expected["data"], strict=True):
        assert mine == theirs, mine["name"]
    assert animate is True, "an SVG chart flips animated"


def test_a_figure_already_in_the_view_asked_or_an_unknown_view_is_left_as_it_is(page, server):
    open_dashboard(page, server)
    figure = built("inverted")
    left = page.evaluate(f"(figure) => {{ const no = ({NO_UPDATE})(); return [no, figure]; }}", figure)[0]
    assert page.evaluate(ORIENT, ["inverted", figure, True]) == [left, left]
    assert page.evaluate(ORIENT, ["sideways", figure, True]) == [left, left]
    _, animate = page.evaluate(ORIENT, ["conventional", figure, False])
    assert animate == left, "not animated unless asked"


SAMPLE_FLIP = """(ms) => { window.flipSamples = new Promise((resolve) => {
  const samples = [], start = performance.now();
  const fades = (uid) => {
    const group = document.querySelector('#chart .scatterlayer .trace' + uid);
    return group ? group.getAnimations().map((a) => a.animationName) : [];
  };
  const topRole = () => document.querySelector('#chart .traceroles .textpoint').getBoundingClientRect().y;
  const step = () => {
    samples.push({t: performance.now() - start, cards: fades('segment-cards'), names: fades('customers'),
                  y: topRole()});
    if (performance.now() - start < ms) { requestAnimationFrame(step); } else { resolve(samples); }
  };
  requestAnimationFrame(step);
}); }"""
TOP_ROLE_Y = "() => document.querySelector('#chart .traceroles .textpoint').getBoundingClientRect().y"


def flip_sampled(page):
    """Press f and sample, frame by frame for two seconds, the fades running on the customers
    and the place on screen of the first role's card."""
    page.evaluate(SAMPLE_FLIP, 2000)
    page.keyboard.press("f")
    return page.evaluate("() => window.flipSamples")


def test_the_flip_moves_the_cards_to_their_places_and_fades_the_customers(page, server):
    """Each card travels, over frames, from its place to its place in the other view, and does
    not jump at the end (Plotly does not move points while it changes the axes' ranges, and the
    two views open on different ranges); the customers fade out and back in. The animations'
    lengths are not timed here: a busy machine draws fewer frames, not a different flip."""
    open_dashboard(page, server)
    for fade in ("orgcharts-fade-out", "orgcharts-fade-in"):  # customers on top -> conventional, and back
        samples = flip_sampled(page)
        settle(page, 300)
        for trace in ("cards", "names"):
            assert any(fade in s[trace] for s in samples), f"{trace}: {fade} runs on the customers"
        places = [s["y"] for s in samples]
        first, last = places[0], page.evaluate(TOP_ROLE_Y)
        assert abs(last - first) > 100, "the chief executive's card changes ends of the chart"
        assert places[-1] == last, "the card is where the flip left it"
        between = [y for y in places if min(first, last) < y < max(first, last)]
        assert len(set(between)) >= 3, f"travels through places between {first} and {last}: {between}"
        steps = [b - a for a, b in itertools.pairwise(places) if b != a]
        assert all((step > 0) == (last > first) for step in steps), f"in one direction: {steps}"
        assert abs(steps[-1]) < 0.25 * abs(last - first), f"arrives without a jump: {steps}"
    assert page.locator("#view input[value=inverted]").is_checked()
