"""The dashboard page in a real headless Chromium: the editor and uploads, projector mode and its
keys, no sideways scrolling, sessions kept apart, hostile names shown as text, and what it loads."""

import pytest

from orgcharts.loader import example_text
from tests.integration.dashboard import (
    CUSTOMERS_TRACE,
    ROLES_TRACE,
    card,
    choose,
    click_role,
    figure,
    no_horizontal_scroll,
    open_dashboard,
    open_editor,
    press,
    settle,
    upload,
    wait_for_chart,
)


def test_invalid_edit_shows_its_line_keeps_the_chart_and_survives_reload(page, server):
    open_dashboard(page, server)
    editor = open_editor(page)
    text = editor.input_value()
    assert text == example_text("telecom")
    broken = text.replace("    reports_to: coo\n", "    reports_to: cooo\n", 1)
    line = broken[: broken.index("cooo")].count("\n") + 1
    editor.fill(broken)
    page.click("#apply")
    settle(page)
    errors = page.locator("#load-messages li.error").all_inner_texts()
    assert errors[0].startswith(f"line {line}, column 17 reports_to 'cooo' is not a role id (did you mean 'coo'?)")
    assert "linear-gradient" in editor.get_attribute("style")
    assert page.locator("#org-name").inner_text() == "Northwind Mobile"
    assert ["ceo", "role"] in figure(page)["data"][ROLES_TRACE]["customdata"], "the chart of the org is kept"
    page.reload()
    wait_for_chart(page)
    assert open_editor(page).input_value() == broken, "the typed text survives a reload"


def test_valid_edit_applies_and_downloads(page, server, tmp_path):
    open_dashboard(page, server)
    editor = open_editor(page)
    edited = editor.input_value().replace("organization: Northwind Mobile", "organization: Northwind Mobile 2027")
    editor.fill(edited)
    editor.press("Control+Enter")
    # applied once the page names the edited org (a busy machine takes longer than a settle)
    page.wait_for_function("() => document.getElementById('org-name').innerText === 'Northwind Mobile 2027'")
    settle(page)
    with page.expect_download() as download:
        page.click("#download-yaml")
    saved = tmp_path / "edited.yaml"
    download.value.save_as(saved)
    assert saved.read_text() == edited


def test_upload_replaces_the_org_and_a_bad_upload_keeps_it(page, server, tmp_path):
    open_dashboard(page, server)
    upload(page, tmp_path / "retail.yaml", example_text("retailer"))
    assert page.locator("#org-name").inner_text() == "Meridian Outfitters"
    broken = "organization: Broken\ncustomers: [{id: c, name: C}]\nroles:\n  - {id: a, title: A, headcount: -1}\n"
    upload(page, tmp_path / "bad.yaml", broken)
    assert page.locator("#org-name").inner_text() == "Meridian Outfitters"
    assert open_editor(page).input_value().startswith("organization: Broken")
    errors = page.locator("#load-messages li.error").all_inner_texts()
    assert errors == ["line 4, column 34 headcount of role 'a' must be 0 or more, not -1"]


def test_an_hr_export_uploads_through_the_column_form(page, server, d3_export):
    open_dashboard(page, server)
    page.set_input_files("#upload input[type=file]", str(d3_export))
    page.wait_for_selector("#csv-panel:not([hidden])", timeout=20_000)
    assert page.locator("#csv-heading").inner_text() == "Import d3-org-chart-sample.csv: 11 columns"
    assert page.locator("#csv-title").inner_text() == "positionName"
    page.fill("#csv-serves", "*Sales*=customers")
    page.fill("#csv-decides", "*Sales Manager*=refund:500 USD")
    page.click("#csv-import")
    page.wait_for_function(
        "() => document.querySelector('#org-name').innerText === 'd3-org-chart-sample'", timeout=30_000
    )
    wait_for_chart(page)
    assert page.locator("#csv-panel").is_hidden()
    assert card(page, "weighted_mean_hops") not in ("", "–")  # the rules gave it customers and authority


def test_example_picker_switches_org(page, server):
    open_dashboard(page, server)
    choose(page, "example-picker", "Example: b2b")
    assert page.locator("#org-name").inner_text() == "Keystone Industrial Supply"
    assert len(figure(page)["data"][CUSTOMERS_TRACE]["x"]) == 3


def node_font_sizes(page):
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('#chart .traceroles text'))
        .filter(t => t.textContent.trim()).map(t => parseFloat(getComputedStyle(t).fontSize))"""
    )


def test_projector_mode_by_key_is_large_and_fills_the_screen(page, server):
    open_dashboard(page, server)
    press(page, "p")
    assert "present" in page.locator("#root").get_attribute("class")
    assert not page.locator(".side").is_visible() and not page.locator(".controls").is_visible()
    sizes = node_font_sizes(page)
    assert sizes and min(sizes) >= 18
    value_size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.card .value')).fontSize)")
    assert value_size >= 48
    assert page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight")
    press(page, "f")
    assert page.locator("#view input[value=conventional]").is_checked()
    press(page, "p")
    assert "present" not in page.locator("#root").get_attribute("class")


def test_projector_mode_by_url(page, server):
    open_dashboard(page, server, "?present=1")
    assert "present" in page.locator("#root").get_attribute("class")
    assert min(node_font_sizes(page)) >= 18


def test_question_mark_shows_the_shortcuts(page, server):
    open_dashboard(page, server)
    assert not page.locator("#shortcuts").is_visible()
    press(page, "?")
    assert page.locator("#shortcuts").is_visible()
    assert "flip between conventional and customers on top" in page.locator("#shortcuts").inner_text()
    press(page, "Escape")
    assert not page.locator("#shortcuts").is_visible()


SMALLEST_TEXT = """(selector) => Math.min(...[...document.querySelectorAll(`${selector} *`)]
  .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
  .map((el) => parseFloat(getComputedStyle(el).fontSize)))"""


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_in_projector_mode_the_keys_are_said_in_the_rooms_type(browser, server, width, height):
    """The shortcuts' list and the workshop's key buttons, read from the back of the room: no
    text under 18 px (16 on the key buttons), and the list whole in the window."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    open_dashboard(page, server, "?present=1")
    press(page, "?")
    assert page.locator("#shortcuts").is_visible()
    assert page.evaluate(SMALLEST_TEXT, "#shortcuts") >= 18
    assert page.evaluate(SMALLEST_TEXT, ".workshop-keys") >= 16
    box = page.locator("#shortcuts").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= height and box["x"] >= 0, box
    assert page.evaluate(
        "() => { const s = document.getElementById('shortcuts'); return s.scrollHeight <= s.clientHeight; }"
    )
    context.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_no_horizontal_scrolling(browser, server, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    open_dashboard(page, server)
    assert no_horizontal_scroll(page)
    press(page, "p")
    assert no_horizontal_scroll(page)
    context.close()


def test_two_sessions_never_see_each_others_edits(browser, server, tmp_path):
    first_context = browser.new_context(viewport={"width": 1600, "height": 1000})
    second_context = browser.new_context(viewport={"width": 1600, "height": 1000})
    first, second = first_context.new_page(), second_context.new_page()
    open_dashboard(first, server)
    open_dashboard(second, server)
    baseline = card(second, "weighted_mean_hops")
    click_role(first, "agent_denver")
    first.click("#grant")
    settle(first)
    assert card(first, "weighted_mean_hops") != baseline
    upload(second, tmp_path / "retail.yaml", example_text("retailer"))
    second.reload()
    settle(second)
    first.reload()
    settle(first)
    assert second.locator("#org-name").inner_text() == "Meridian Outfitters"
    assert second.locator("#changes li").count() == 0
    assert first.locator("#org-name").inner_text() == "Northwind Mobile"
    assert first.locator("#changes li").count() == 1
    first_context.close()
    second_context.close()


HOSTILE_ORG = """\
organization: "<script>alert('org')</script> Corp"
customers:
  - {id: c, name: "<img src=x onerror=alert('segment')>"}
decisions:
  - {id: d, name: "<b>Refund</b>"}
roles:
  - {id: top, title: "<i>Boss</i> & Co", name: "<a href='javascript:alert(1)'>Eve</a>", decides: [d]}
  - {id: agent, title: "<img src=x onerror=alert('title')>", reports_to: top, serves: [c]}
  - {id: rtl, title: "\u202eevil\u202c مدير المبيعات 🚀 <svg onload=alert('rtl')>", reports_to: top, serves: [c]}
  - {id: long, title: "javascript:alert('long') WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", reports_to: top}
"""


def test_html_in_names_and_titles_is_shown_as_text(page, server, tmp_path):
    open_dashboard(page, server)
    upload(page, tmp_path / "hostile.yaml", HOSTILE_ORG)
    assert page.locator("#org-name").inner_text() == "<script>alert('org')</script> Corp"
    labels = page.evaluate(
        "() => Array.from(document.querySelectorAll('#chart .traceroles text')).map(t => t.textContent)"
    )
    assert any("<img src=x" in label for label in labels)
    assert any("<i>Boss</i> & Co" in label for label in labels)
    assert page.locator("#chart img").count() == 0 and page.locator("#chart a").count() == 0
    click_role(page, "agent")
    assert page.locator(".path-panel h2").inner_text() == "<img src=x onerror=alert('title')>"
    assert page.locator("#hop-table td.serves").first.inner_text() == "<img src=x onerror=alert('segment')>"
    hovers = page.evaluate(
        "() => document.querySelector('#chart .js-plotly-plot').data.find(t => t.uid === 'roles').hovertext"
    )
    assert any("&lt;svg onload" in text and "🚀" in text for text in hovers)  # escaped for Plotly's hover
    assert not any("<svg" in text or "<img" in text for text in hovers)
    assert page.locator("#chart svg image, #chart foreignObject").count() == 0
    upload(
        page,
        tmp_path / "broken.yaml",
        HOSTILE_ORG.replace("reports_to: top}", "reports_to: \"<img src=x onerror=alert('err')>\"}", 1),
    )
    open_editor(page)
    errors = page.locator("#load-messages li.error").all_inner_texts()
    assert any("<img src=x onerror=alert('err')>" in error for error in errors), errors
    # the page fixture fails the test if any alert() ran or any script error happened


def test_the_page_has_the_browsers_own_trim_and_parse_int_not_dashs_slow_polyfill(page, server):
    """core-js 2, which Dash loads, replaces them with versions many times slower that
    still take U+180E for a space; the browser's own do not (assets/orgcharts.js)."""
    open_dashboard(page, server)
    assert page.evaluate(
        "() => ['\\u180e'.trim() === '\\u180e', Number.isNaN(parseInt('\\u180e7')), ' a '.trim()]"
    ) == [
        True,
        True,
        "a",
    ]


def test_the_dashboard_draws_with_plotly_s_2d_bundle_and_never_fetches_the_full_one(page, server):
    """scripts/setup fetches the bundle of scatter and WebGL scatter; Dash's own full one
    would make a first visit wait longer (docs/performance.md)."""
    scripts = []
    page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    open_dashboard(page, server)
    click_role(page, "agent_denver")
    assert page.evaluate("() => Object.keys(Plotly.PlotSchema.get().traces).sort()") == [
        "parcoords",
        "scatter",
        "scattergl",
        "splom",
    ]
    plotly = [url.split("?")[0] for url in scripts if "plotly" in url]
    assert plotly == [f"{server}/assets/plotly-gl2d.min.js"]
