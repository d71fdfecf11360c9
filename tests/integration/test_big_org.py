"""A large org in the browser: opens on its top levels, expands on click, finds anyone."""

import sys

import pytest

from orgcharts import load_text
from orgcharts.collapse import OPENING_NODES
from orgcharts.examples.generate import generate
from tests.integration.conftest import free_port, running
from tests.integration.dashboard import PLAIN_JS, ROLES_TRACE, figure, open_dashboard, role_screen_point, settle

SIZE = 20_000


@pytest.fixture(scope="module")
def big_server(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    path.write_text(generate(SIZE))
    port = free_port()
    with running([sys.executable, "app.py", str(path)], port, env={"PORT": str(port)}) as url:
        yield url, load_text(path.read_text()).org


def shown_ids(page):
    return figure(page)["data"][ROLES_TRACE]["customdata"]


def test_opens_on_its_top_levels_with_rollups(page, big_server):
    url, _ = big_server
    open_dashboard(page, url)
    shown = shown_ids(page)
    assert 1 < len(shown) <= OPENING_NODES
    collapsed = [role for role in shown if role.startswith("expand:")]
    assert collapsed
    zoomed, hovers = page.evaluate(
        "() => { const t = document.querySelector('#chart .js-plotly-plot').data.find(t => t.uid === 'roles');"
        " return [t.meta.zoomed_text, t.hovertext]; }"
    )
    totals = [index for index, role in enumerate(shown) if role.startswith("expand:")]
    assert all("roles" in zoomed[i] for i in totals), "zoomed in: what each node stands for"
    assert all("Collapsed" in hovers[i] and "people" in hovers[i] for i in totals)


def test_clicking_a_collapsed_node_shows_its_reports(page, big_server):
    url, org = big_server
    open_dashboard(page, url)
    before = shown_ids(page)
    target = next(role for role in before if role.startswith("expand:"))
    x, y = role_screen_point(page, target)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    settle(page, 900)
    after = shown_ids(page)
    role_id = target.removeprefix("expand:")
    reports = [role.id for role in org.roles if role.reports_to == role_id]
    assert role_id in after, "the expanded role is drawn as itself now"
    assert all(report in after or f"expand:{report}" in after for report in reports)


def test_search_jumps_to_a_deep_role(page, big_server):
    url, org = big_server
    open_dashboard(page, url)
    deep = org.roles[-1]
    page.fill("#search", deep.id)
    page.wait_for_selector(".search-results .choice")
    page.locator(".search-results .choice").first.click()
    settle(page, 900)
    assert deep.id in shown_ids(page)
    assert page.locator(".path-panel h2").inner_text() == deep.title


def test_levels_control_and_expand_all_choice(page, big_server):
    url, _ = big_server
    open_dashboard(page, url)
    page.click("#levels")
    page.get_by_role("option", name="1", exact=True).click()
    settle(page, 900)
    assert len(shown_ids(page)) == 1


def test_labels_appear_when_zoomed_in_far_enough(page, big_server):
    from orgcharts.collapse import visible
    from orgcharts.graph import reporting_tree

    url, org = big_server
    tree = reporting_tree(org)
    level = next(level for level in range(1, 12) if 300 < len(visible(org, tree, level).roles) <= 2_000)
    open_dashboard(page, url)
    page.click("#levels")
    page.get_by_role("option", name=str(level), exact=True).click()
    settle(page, 900)

    def wait_for_mode(wanted):
        page.wait_for_function(
            "(wanted) => document.querySelector('#chart .js-plotly-plot').data.find(t => t.uid === 'roles').mode"
            " === wanted",
            arg=wanted,
            timeout=5_000,
        )

    wait_for_mode("markers")
    page.evaluate(
        "() => { const g = document.querySelector('#chart .js-plotly-plot');"
        + PLAIN_JS
        + """const x = plain(g.data.find(t => t.uid === 'roles').x)[0];
        return Plotly.relayout(g, {'xaxis.range': [x - 4, x + 4]}); }"""
    )
    wait_for_mode("markers+text")
    zoomed = page.evaluate(
        "() => { const t = document.querySelector('#chart .js-plotly-plot').data.find(t => t.uid === 'roles');"
        " return [t.text === t.meta.zoomed_text, t.text.filter(Boolean).length, t.text.length]; }"
    )
    assert zoomed[0] and zoomed[1] == zoomed[2], "zoomed in, every role shows its label"
    page.evaluate("() => Plotly.relayout(document.querySelector('#chart .js-plotly-plot'), {'xaxis.autorange': true})")
    wait_for_mode("markers")


def test_flip_works_when_the_chart_is_drawn_with_webgl(page, big_server):
    from orgcharts.collapse import visible
    from orgcharts.figures import WEBGL_FROM
    from orgcharts.graph import reporting_tree

    url, org = big_server
    tree = reporting_tree(org)
    level = next(level for level in range(1, 20) if len(visible(org, tree, level).roles) > WEBGL_FROM)
    open_dashboard(page, url)
    page.click("#levels")
    page.get_by_role("option", name=str(level), exact=True).click()
    page.wait_for_function(
        f"() => document.querySelector('#chart .js-plotly-plot').data[3].customdata.length > {WEBGL_FROM}",
        timeout=60_000,
    )
    settle(page, 900)
    types = page.evaluate("() => document.querySelector('#chart .js-plotly-plot').data.slice(0, 4).map(t => t.type)")
    assert types == ["scattergl", "scattergl", "scatter", "scattergl"], "lines in WebGL too; the path stays on top"
    canvas, drawn_width, ratio = page.evaluate(
        "() => { const g = document.querySelector('#chart .js-plotly-plot');"
        " return [g.querySelector('canvas.gl-canvas-context').width, g._fullLayout.width, window.devicePixelRatio]; }"
    )
    assert canvas == round(drawn_width * ratio), "WebGL drawn at the screen's density, not Plotly's double"
    top_before = role_y(page, org.top.id)
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("f")
    page.wait_for_function(
        "([id, y]) => { const t = document.querySelector('#chart .js-plotly-plot').data[3];"
        + PLAIN_JS
        + " return plain(t.y)[t.customdata.indexOf(id)] !== y; }",
        arg=[org.top.id, top_before],
        timeout=60_000,
    )
    assert role_y(page, org.top.id) > top_before, "conventional: the top role is on top"


def role_y(page, role_id):
    return page.evaluate(
        "(id) => { const t = document.querySelector('#chart .js-plotly-plot').data[3];"
        + PLAIN_JS
        + " const i = t.customdata.findIndex(c => c === id || c === 'expand:' + id); return plain(t.y)[i]; }",
        role_id,
    )
