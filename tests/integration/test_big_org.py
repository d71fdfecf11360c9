"""A large org in the browser: opens on its top levels, expands on click, finds anyone."""

import sys

import pytest

from orgcharts import load_text
from orgcharts.collapse import OPENING_NODES
from orgcharts.examples.generate import generate
from tests.integration.conftest import free_port, running
from tests.integration.dashboard import ROLES_TRACE, figure, open_dashboard, role_screen_point, settle
from tests.integration.test_culled import every_card_in_view_drawn, open_all_levels

SIZE = 20_000


MID_SIZE = 3_000


def served_org(tmp_path_factory, size):
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    path.write_text(generate(size))
    port = free_port()
    with running([sys.executable, "app.py", str(path)], port, env={"PORT": str(port)}) as url:
        yield url, load_text(path.read_text()).org


@pytest.fixture(scope="module")
def big_server(tmp_path_factory):
    yield from served_org(tmp_path_factory, SIZE)


@pytest.fixture(scope="module")
def mid_server(tmp_path_factory):
    yield from served_org(tmp_path_factory, MID_SIZE)


def shown_ids(page):
    return [hit[0] for hit in figure(page)["data"][ROLES_TRACE]["customdata"]]


def collapsed_ids(page):
    return [hit[0] for hit in figure(page)["data"][ROLES_TRACE]["customdata"] if hit[1] == "collapsed"]


def test_opens_on_its_top_levels_with_rollups(page, big_server):
    url, _ = big_server
    open_dashboard(page, url)
    shown = shown_ids(page)
    assert 1 < len(shown) <= OPENING_NODES
    collapsed = collapsed_ids(page)
    assert collapsed
    texts, hovers = page.evaluate(
        "() => { const t = document.querySelector('#chart .js-plotly-plot').data.find(t => t.uid === 'roles');"
        " return [t.text, t.hovertext]; }"
    )
    totals = [index for index, role in enumerate(shown) if role in collapsed]
    assert all("roles" in texts[i] and "people" in texts[i] for i in totals), "each card says what it stands for"
    assert all("Collapsed" in hovers[i] for i in totals)


def test_clicking_a_collapsed_node_shows_its_reports(page, big_server):
    url, org = big_server
    open_dashboard(page, url)
    # the chart opens panned to the front line's side: click a rollup that is in view
    plot = page.locator("#chart .nsewdrag").bounding_box()

    def inside(point):
        return plot["x"] < point[0] < plot["x"] + plot["width"] and plot["y"] < point[1] < plot["y"] + plot["height"]

    target, (x, y) = next(
        (role, point) for role in collapsed_ids(page) if inside(point := role_screen_point(page, role))
    )
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    settle(page, 900)
    after = shown_ids(page)
    reports = [role.id for role in org.roles if role.reports_to == target]
    assert target not in collapsed_ids(page), "the expanded role is drawn as itself now"
    assert all(report in after for report in reports)


def test_search_jumps_to_a_deep_role_brings_it_into_view_and_marks_it(page, big_server):
    url, org = big_server
    open_dashboard(page, url)
    deep = org.roles[-1]
    page.fill("#search", deep.id)
    page.wait_for_selector(".search-results .choice")
    page.locator(".search-results .choice").first.click()
    settle(page, 900)
    assert deep.id in shown_ids(page)
    assert page.locator(".path-panel h2").inner_text() == deep.title
    drawn = figure(page)
    at = shown_ids(page).index(deep.id)
    x, y = drawn["data"][ROLES_TRACE]["x"][at], drawn["data"][ROLES_TRACE]["y"][at]
    (x0, x1), (y0, y1) = drawn["layout"]["xrange"], drawn["layout"]["yrange"]
    assert x0 < x < x1 and y0 < y < y1, "the chart pans to the role found"
    lit = page.evaluate("() => document.querySelector('#chart .js-plotly-plot').data.find(t => t.uid === 'lit').meta")
    assert deep.id in lit["roles"], "and marks it"


def test_levels_control_and_expand_all_choice(page, big_server):
    url, _ = big_server
    open_dashboard(page, url)
    page.click("#levels")
    page.get_by_role("option", name="1", exact=True).click()
    settle(page, 900)
    assert len(shown_ids(page)) == 1


def test_text_hides_when_zoomed_out_below_legible_and_comes_back(page, big_server):
    url, _ = big_server
    open_dashboard(page, url)

    def wait_for_mode(wanted):
        page.wait_for_function(
            "(wanted) => document.querySelector('#chart .js-plotly-plot').data.find(t => t.uid === 'roles').mode"
            " === wanted",
            arg=wanted,
            timeout=5_000,
        )

    wait_for_mode("text")
    zoom = "(f) => { const g = document.querySelector('#chart .js-plotly-plot'); const r = g._fullLayout.xaxis.range;"
    zoom += " const m = (r[0] + r[1]) / 2, w = (r[1] - r[0]) * f / 2; return Plotly.relayout(g, {'xaxis.range': [m - w, m + w]}); }"
    page.evaluate(zoom, 3)
    wait_for_mode("markers")
    page.evaluate(zoom, 1 / 3)
    wait_for_mode("text")


def all_levels_draw_cards(page, url, size):
    """Levels "all": one kind of trace whatever the size (a drawn SVG chart switched to WebGL
    says "WebGL is not supported"), and every card in view drawn with its text."""
    open_all_levels(page, url, size)
    types = page.evaluate("() => [...new Set(document.querySelector('#chart .js-plotly-plot').data.map(t => t.type))]")
    assert types == ["scatter"]
    assert "WebGL is not supported" not in page.locator("#chart").inner_text()
    every_card_in_view_drawn(page, size)


def test_all_levels_draw_cards_and_never_say_webgl_is_missing(page, big_server):
    all_levels_draw_cards(page, big_server[0], SIZE)


def test_all_levels_of_3000_roles_draw_cards_and_never_say_webgl_is_missing(page, mid_server):
    all_levels_draw_cards(page, mid_server[0], MID_SIZE)
