"""A user's hands on the dashboard: helpers that act through the page as a person would."""

import time
from contextlib import contextmanager

from benchmarks.driver import PLAIN_JS, ROLES_TRACE, role_screen_point
from orgcharts.figures import TRACE_CUSTOMERS

CUSTOMERS_TRACE = TRACE_CUSTOMERS
__all__ = ["PLAIN_JS", "ROLES_TRACE", "role_screen_point"]


def open_dashboard(page, url, query="", timeout=20_000):
    page.goto(url + "/" + query)
    wait_for_chart(page, timeout)
    return page


@contextmanager
def dashboard_at(browser, url, size, query=""):
    """The dashboard open in a browser context of its own, ``size`` (width, height) CSS pixels;
    the context is closed after."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        yield open_dashboard(context.new_page(), url, query)
    finally:
        context.close()


def wait_for_chart(page, timeout=20_000):
    page.wait_for_selector("#chart .main-svg", timeout=timeout)
    page.wait_for_function(
        "() => { const g = document.querySelector('#chart .js-plotly-plot'); return g && g.data && g.data.length > 4; }"
    )
    settle(page)


def settle(page, quiet_ms=400):
    """Wait until Dash has no callback in flight and the chart has finished animating."""
    page.wait_for_function(
        "() => !document.querySelector('[data-dash-is-loading=\"true\"]') && !document.querySelector('._dash-loading')"
    )
    time.sleep(quiet_ms / 1000)
    page.wait_for_function(
        "() => !document.querySelector('[data-dash-is-loading=\"true\"]') && !document.querySelector('._dash-loading')"
    )


def figure(page):
    return page.evaluate(
        """() => { const g = document.querySelector('#chart .js-plotly-plot'); """
        + PLAIN_JS
        + """
        const marker = (m) => m && Object.assign({}, m, {size: plain(m.size), opacity: plain(m.opacity),
                                                         line: m.line && Object.assign({}, m.line, {width: plain(m.line.width)})});
        return {data: g.data.map(t => ({x: plain(t.x), y: plain(t.y), customdata: t.customdata, text: t.text,
                 marker: marker(t.marker) || null, textfont: t.textfont || null})),
                layout: {title: g.layout.title && g.layout.title.text,
                         xrange: g.layout.xaxis.range, yrange: g.layout.yaxis.range,
                         annotations: (g.layout.annotations || []).map(a => a.text)}}; }"""
    )


def role_position(page, role_id):
    """The role's (x, y) in chart coordinates."""
    data = figure(page)["data"][ROLES_TRACE]
    index = [hit[0] for hit in data["customdata"]].index(role_id)
    return data["x"][index], data["y"][index]


def shown_roles(page):
    return [hit[0] for hit in figure(page)["data"][ROLES_TRACE]["customdata"]]


def bring_into_view(page, role_id):
    """As a user would: open every level if the role is not drawn (the chart opens on the
    levels that fit), then pan the chart so that the role's card is in the middle."""
    if role_id not in shown_roles(page):
        choose(page, "levels", "all")
    page.evaluate(
        """(id) => { const g = document.querySelector('#chart .js-plotly-plot'); """
        + PLAIN_JS
        + f"""
        const t = g.data[{ROLES_TRACE}]; const i = t.customdata.findIndex((c) => c[0] === id);
        const x = plain(t.x)[i], y = plain(t.y)[i];
        const xr = g._fullLayout.xaxis.range, yr = g._fullLayout.yaxis.range;
        const w = (xr[1] - xr[0]) / 2, h = (yr[1] - yr[0]) / 2;
        return Plotly.relayout(g, {{'xaxis.range': [x - w, x + w], 'yaxis.range': [y - h, y + h]}}); }}""",
        role_id,
    )
    settle(page)


def click_role(page, role_id):
    page.locator("#chart").scroll_into_view_if_needed()
    bring_into_view(page, role_id)
    x, y = role_screen_point(page, role_id)
    page.mouse.move(x, y)
    time.sleep(0.15)
    page.mouse.click(x, y)
    settle(page)


def click_empty_space(page):
    box = page.locator("#chart .nsewdrag").bounding_box()
    # 3 px in from the plot's edge: right of the edge buttons (assets/edges.js), 6 px in
    page.mouse.click(box["x"] + box["width"] - 3, box["y"] + box["height"] / 2)
    settle(page)


def card(page, key):
    return page.locator(f"#card-{key} .value").inner_text()


def card_change(page, key):
    change = page.locator(f"#card-{key} .change")
    return change.inner_text() if change.count() else None


def choose(page, dropdown_id, label):
    page.click(f"#{dropdown_id}")
    page.get_by_role("option", name=label, exact=True).click()
    settle(page)


def grant(page, role_id, limit):
    """Give the role the chosen decision up to ``limit`` through the what-if panel."""
    click_role(page, role_id)
    page.fill("#grant-limit", str(limit))
    page.click("#grant")
    settle(page)


def set_amount(page, value):
    page.fill("#amount", str(value))
    page.press("#amount", "Enter")
    settle(page)


def press(page, key):
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press(key)
    settle(page, 900)


def upload(page, path, text):
    """Write ``text`` to ``path`` and upload it through the top bar's file button."""
    path.write_text(text)
    page.set_input_files("#upload input[type=file]", str(path))
    settle(page, 900)


def open_editor(page):
    page.get_by_text("Edit YAML", exact=True).click()
    page.wait_for_selector("#editor")
    return page.locator("#editor")


def no_horizontal_scroll(page):
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
