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
  const opacity = (uid) => {
    const group = document.querySelector('#chart .scatterlayer .trace' + uid);
    return group ? parseFloat(getComputedStyle(group).opacity) : null;
  };
  const topRole = () => document.querySelector('#chart .traceroles .textpoint').getBoundingClientRect().y;
  const step = () => {
    samples.push({t: performance.now() - start, cards: opacity('segment-cards'), names: opacity('customers'),
                  y: topRole()});
    if (performance.now() - start < ms) { requestAnimationFrame(step); } else { resolve(samples); }
  };
  requestAnimationFrame(step);
}); }"""


def flip_sampled(page):
    """Press f and sample, frame by frame for two seconds, the customers' opacity and the first card's place."""
    page.evaluate(SAMPLE_FLIP, 2000)
    page.keyboard.press("f")
    return page.evaluate("() => window.flipSamples")


def test_the_flip_is_eased_and_the_customers_fade_rather_than_pop(page, server):
    open_dashboard(page, server)
    for leaving in (True, False):  # customers on top -> conventional, then back
        samples = flip_sampled(page)
        settle(page, 300)
        for trace in ("cards", "names"):
            values = [s[trace] for s in samples if s[trace] is not None]
            between = [v for v in values if 0.05 < v < 0.95]
            assert len(between) >= 3, (
                f"{leaving} {trace}: fades through intermediate opacities {[round(v, 2) for v in values]}"
            )
        moving = [s["t"] for before, s in itertools.pairwise(samples) if s["y"] != before["y"]]
        assert moving, "the cards travel"
        assert 0.5 <= (moving[-1] - samples[0]["t"]) / 1000 <= 1.3, "the flip takes about 0.6 to 1 s"
    assert page.locator("#view input[value=inverted]").is_checked()
