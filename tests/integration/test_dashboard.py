"""The dashboard in a real headless Chromium: what an executive and a facilitator do."""

import csv
import json
import time

import pytest
import yaml

from orgcharts.figures import TRACE_CUSTOMERS, legend_entries
from orgcharts.graph import reporting_tree
from orgcharts.loader import example_text, load_example
from orgcharts.metrics import escalations, summarize
from orgcharts.style import DIM_TEXT_COLOUR, TEXT_COLOUR
from orgcharts.whatif import Edit, apply_edits
from tests.integration.dashboard import (
    CUSTOMERS_TRACE,
    ROLES_TRACE,
    card,
    card_change,
    choose,
    click_empty_space,
    click_role,
    figure,
    no_horizontal_scroll,
    open_dashboard,
    open_editor,
    press,
    role_position,
    set_amount,
    settle,
    upload,
    wait_for_chart,
)

TELECOM = load_example("telecom").org


def expected_mean(org, decision, amount=None):
    summary = summarize(org, escalations(org, reporting_tree(org), decision, amount))
    return f"{summary.weighted_mean_hops:.2f}"


def test_opens_on_the_example_with_customers_on_top(page, server):
    open_dashboard(page, server)
    assert page.locator("#org-name").inner_text() == "Northwind Mobile"
    shown = figure(page)
    opened = [hit for hit in shown["data"][ROLES_TRACE]["customdata"]]
    # 62 roles fit the six chart areas a chart the user pans may open on, front line in the
    # first: every role is drawn (a bigger org opens on rollups, test_big_org)
    assert len(opened) == len(TELECOM.roles) and all(kind == "role" for _, kind in opened)
    assert len(shown["data"][CUSTOMERS_TRACE]["x"]) == 3
    lowest_customer = min(shown["data"][CUSTOMERS_TRACE]["y"])
    assert lowest_customer > max(shown["data"][ROLES_TRACE]["y"])
    ceo_y = role_position(page, "ceo")[1]
    assert ceo_y == min(shown["data"][ROLES_TRACE]["y"])
    assert card(page, "weighted_mean_hops") == expected_mean(TELECOM, "early_upgrade")
    assert card(page, "layers") == "7"
    key = [label for label, _, _ in legend_entries(True)]
    assert [text.strip() for text in page.locator("#chart-legend li").all_inner_texts()] == key
    drawn = "() => { const g = document.querySelector('#chart .js-plotly-plot'); return [g.layout.showlegend, g.data.length]; }"
    assert page.evaluate(drawn) == [False, TRACE_CUSTOMERS + 1], "the page draws the key, not Plotly"


def test_flip_animates_and_keeps_zoom_and_selection(page, server):
    open_dashboard(page, server)
    click_role(page, "agent_denver")
    start = role_position(page, "ceo")
    zoom = [start[0] - 1600, start[0] + 1600]  # chart units are pixels at opening: zoomed out to see both places
    page.evaluate(
        "(zoom) => Plotly.relayout(document.querySelector('#chart .js-plotly-plot'), {'xaxis.range': zoom})", zoom
    )
    settle(page)
    # zoomed out the text hides and its invisible points stay; flipped, the text shows again
    first = "() => document.querySelector('#chart .traceroles .point, #chart .traceroles .textpoint')"
    first += ".getBoundingClientRect().y"

    class Point:
        def bounding_box(self):
            return {"y": page.evaluate(first)}

    point = Point()
    before = point.bounding_box()["y"]
    page.keyboard.press("f")
    samples = []
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        samples.append(point.bounding_box()["y"])
        time.sleep(0.025)
    settle(page, 900)
    after = point.bounding_box()["y"]
    assert before > after, "the top role rises to the top in the conventional view"
    assert any(after < y < before for y in samples), "the node travels: mid-flip it is between its two places"
    end = role_position(page, "ceo")
    assert end[1] > start[1], "the top role rises (each view lays its cards out on its own, so x moves too)"
    assert figure(page)["layout"]["xrange"] == zoom, "zoom survives the flip"
    assert page.locator("#hops-big .hops-number").inner_text() == "2", "selection survives the flip"
    assert page.locator("#view input[value=conventional]").is_checked()
    assert len(figure(page)["data"][CUSTOMERS_TRACE]["x"]) == 0, "no customers in the conventional view"


def test_flip_is_drawn_in_the_browser_even_while_the_server_answers_a_change(page, server):
    open_dashboard(page, server)
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "_dash-update-component" in request.url else None)
    press(page, "f")
    settle(page, 900)
    assert asked == [], "a flip asks nothing of the server"
    assert figure(page)["layout"]["title"].endswith("conventional")
    before = page.locator("#decision").inner_text()
    held = []  # the server's answers wait until the flip is drawn, so the race always happens
    page.route(
        "**/_dash-update-component*", lambda route: held.append(route) if held is not None else route.continue_()
    )
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('[data-dash-is-loading=\"true\"]')")
    page.keyboard.press("f")
    page.wait_for_function("() => document.querySelector('#chart .js-plotly-plot').layout.title.text.endsWith('top')")
    assert before in figure(page)["layout"]["title"], "flipped at once, before the server's answer"
    waiting, held = held, None
    for route in waiting:
        route.continue_()
    # The server's answers arrive in their own time on a busy machine: wait for the chart
    # of the new decision (bounded), then for the page to settle.
    page.wait_for_function(
        """before => {
            const label = document.querySelector('#decision').innerText;
            const graph = document.querySelector('#chart .js-plotly-plot');
            return label !== before && graph.layout.title.text.includes(label);
        }""",
        arg=before,
        timeout=20_000,
    )
    settle(page, 900)
    assert asked, "the decision changed on the server"
    after = page.locator("#decision").inner_text()
    drawn = figure(page)
    assert after != before and after in drawn["layout"]["title"]
    assert drawn["layout"]["title"].endswith("customers on top"), "drawn in the view chosen while it was on its way"
    assert len(drawn["data"][CUSTOMERS_TRACE]["x"]) == len(TELECOM.customers)


def test_decision_and_amount_change_the_metrics(page, server):
    open_dashboard(page, server)
    choose(page, "decision", "Refund or bill credit")
    assert page.locator("#amount").input_value() == "200", "a decision opens at its typical amount"
    assert card(page, "weighted_mean_hops") == expected_mean(TELECOM, "refund", 200)
    assert "200 USD (typical amount)" in page.locator("#amount-said").inner_text()
    set_amount(page, 200)
    assert card(page, "weighted_mean_hops") == expected_mean(TELECOM, "refund", 200)
    assert card(page, "empowered_share") == "1%"
    assert page.locator("#amount-unit").inner_text() == "USD"
    page.locator("#amount-presets").get_by_text("750", exact=True).click()
    settle(page)
    assert page.locator("#amount").input_value() == "750"
    assert card(page, "weighted_mean_hops") == expected_mean(TELECOM, "refund", 750)
    press(page, "ArrowRight")
    assert "Late or roaming fee waiver" in figure(page)["layout"]["title"]


def test_clicking_a_role_lights_its_path_and_empty_space_clears_it(page, server):
    open_dashboard(page, server)
    click_role(page, "agent_denver")
    assert page.locator("#hops-big .hops-number").inner_text() == "2"
    assert page.locator(".path-list li").all_inner_texts() == [
        "Care Agent, Denver",
        "Care Team Leader, Denver",
        "Care Centre Manager, Denver",
    ]
    roles = figure(page)["data"][ROLES_TRACE]
    colour = dict(zip([hit[0] for hit in roles["customdata"]], roles["textfont"]["color"], strict=True))
    assert colour["agent_denver"] == colour["ccm_denver"] == TEXT_COLOUR and colour["ceo"] == DIM_TEXT_COLOUR
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('#chart .scatterlayer .trace')].map((t) => t.classList.value)"
    )
    order = [next((c for c in classes.split() if c.startswith("trace") and c != "trace"), "") for classes in drawn]
    assert order.index("tracepath") < order.index("tracelit") < order.index("traceroles"), "the path under the cards"
    assert page.locator("#hop-badge .headline").inner_text() == "2 hops"
    assert page.locator("#hop-badge .route").inner_text() == "Care Agent, Denver → Care Centre Manager, Denver"
    click_empty_space(page)
    assert page.locator("#hops-big").count() == 0
    assert not page.locator("#hop-badge").is_visible()
    press(page, "Escape")


def test_table_row_selects_the_role_and_the_highlight_follows_the_selection(page, server):
    open_dashboard(page, server)
    page.locator("#hop-table td.title").filter(has_text="Retention Specialist").click()
    settle(page)
    assert page.locator(".path-panel h2").inner_text() == "Retention Specialist"
    assert page.locator("#hops-big .hops-number").inner_text() == "0"
    assert page.locator("#hop-table tr.selected").all_inner_texts() == [
        page.locator("#hop-table tr").filter(has_text="Retention Specialist").inner_text()
    ]
    click_role(page, "agent_denver")
    assert page.locator("#hop-table tr.selected td.title").all_inner_texts() == ["Care Agent, Denver"]
    press(page, "Escape")
    assert page.locator("#hop-table tr.selected").count() == 0
    page.locator("#hop-table tr").filter(has_text="Retention Specialist").focus()
    page.keyboard.press("Enter")
    settle(page)
    assert page.locator(".path-panel h2").inner_text() == "Retention Specialist", "a row is chosen by keyboard too"


def test_what_if_grant_lowers_the_metric_and_undo_restores_it(page, server):
    open_dashboard(page, server)
    before = card(page, "weighted_mean_hops")
    click_role(page, "agent_denver")
    page.click("#grant")
    settle(page)
    granted = apply_edits(TELECOM, [Edit("grant", "agent_denver", "early_upgrade")])
    after = expected_mean(granted, "early_upgrade")
    assert after < before
    assert card(page, "weighted_mean_hops") == after
    assert card_change(page, "weighted_mean_hops") == f"{before} → {after}"
    assert page.locator("#changes li").count() == 1
    assert "Care Agent, Denver may decide Early upgrade outside policy" in page.locator("#changes li").inner_text()
    assert page.locator("#hops-big .hops-number").inner_text() == "0"
    assert page.locator("#hop-badge .headline").inner_text() == "0 hops", "the badge follows the what-if"
    page.locator("#changes li button").click()
    settle(page)
    assert card(page, "weighted_mean_hops") == before
    assert page.locator("#changes li").count() == 0


def test_reset_key_and_download_of_the_changed_org(page, server, tmp_path):
    open_dashboard(page, server)
    choose(page, "decision", "Refund or bill credit")
    click_role(page, "rep_airport")
    page.fill("#grant-limit", "200")
    page.click("#grant")
    settle(page)
    with page.expect_download() as download:
        page.click("#download-org")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "telecom-what-if.yaml"
    assert saved.read_text().startswith("# Northwind Mobile: a telecom operator")  # its own comments kept
    document = yaml.safe_load(saved.read_text())
    rep = next(role for role in document["roles"] if role["id"] == "rep_airport")
    assert {"decision": "refund", "limit": 200} in rep["decides"]
    press(page, "r")
    assert page.locator("#changes li").count() == 0


def download_picture(page, label, folder):
    with page.expect_download(timeout=60_000) as download:
        choose(page, "picture", label)
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    assert page.locator("#picture-status").inner_text() == ""
    return saved


def test_pictures_download_as_shown_with_selection_and_what_if(page, server, tmp_path):
    open_dashboard(page, server)
    choose(page, "decision", "Refund or bill credit")
    set_amount(page, 150)
    zero_hops = "0 hops</tspan>"
    before = download_picture(page, "SVG (vector)", tmp_path / "before").read_text()
    click_role(page, "rep_airport")
    page.fill("#grant-limit", "200")
    page.click("#grant")
    settle(page)
    click_role(page, "rep_old_town")
    saved = download_picture(page, "SVG (vector)", tmp_path)
    assert saved.name == "telecom-refund-inverted.svg"
    svg = saved.read_text()
    assert "Refund or bill credit of 150 USD · customers on top" in svg
    assert "rgb(255, 159, 28)" in svg and "rgb(255, 159, 28)" not in before  # the selected role's path
    assert svg.count(zero_hops) == before.count(zero_hops) + 1  # the airport reps now decide

    data = download_picture(page, "PNG image (slides)", tmp_path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width >= 3840 and height >= 2160


def test_compare_tab_shows_today_beside_the_what_if_and_a_proposal(page, server, tmp_path):
    open_dashboard(page, server)
    choose(page, "decision", "Refund or bill credit")
    set_amount(page, 200)
    click_role(page, "agent_denver")
    page.fill("#grant-limit", "250")
    page.click("#grant")
    settle(page)
    page.get_by_text("Compare", exact=True).click()
    page.wait_for_selector("#compare-after .scatterlayer .textpoint", timeout=20_000)
    page.wait_for_selector(".compare-table tr.better", timeout=20_000)
    assert page.locator("#compare-before-title").inner_text() == "Today: telecom.yaml"
    assert page.locator("#compare-after-title").inner_text() == "With the what-if changes"
    better = page.locator(".compare-table tr.better").all_inner_texts()
    assert any(row.startswith("Refund or bill credit\tweighted mean hops") for row in better), better
    assert "1 role changed" in page.locator("#compare-roles").inner_text()
    ringed = page.evaluate(
        "() => document.querySelector('#compare-after .js-plotly-plot').data.find((t) => t.uid === 'marked').meta.roles"
    )
    assert ringed == ["agent_denver"]
    page.screenshot(path=str(tmp_path / "compare.png"))
    mode = "() => document.querySelector('#compare-after .js-plotly-plot').data.find((t) => t.uid === 'roles').mode"
    assert page.evaluate(mode) == "text"
    zoom = "(f) => { const g = document.querySelector('#compare-after .js-plotly-plot'); const r = g._fullLayout.xaxis.range;"
    zoom += " const m = (r[0] + r[1]) / 2, w = (r[1] - r[0]) * f / 2; return Plotly.relayout(g, {'xaxis.range': [m - w, m + w]}); }"
    page.evaluate(zoom, 4)
    page.wait_for_function(f"() => ({mode})() === 'markers'", timeout=5_000)  # zoomed out: text hidden, not shrunk
    page.evaluate(zoom, 0.25)
    page.wait_for_function(f"() => ({mode})() === 'text'", timeout=5_000)  # zoomed back in: shown again

    proposal = tmp_path / "next-year.yaml"
    proposal.write_text(example_text("telecom").replace("title: VP Customer Care", "title: Chief Customer Officer"))
    page.set_input_files("#proposal-upload input[type=file]", str(proposal))
    page.wait_for_function(
        "() => document.querySelector('#compare-after-title').innerText === 'Proposal: next-year.yaml'",
        timeout=20_000,
    )
    settle(page)
    assert "retitled" in page.locator("#compare-roles").inner_text()
    assert page.locator("#org-name").inner_text() == "Northwind Mobile"  # the org itself stays


def test_the_hop_table_downloads_as_csv_and_json(page, server, tmp_path):
    open_dashboard(page, server)
    choose(page, "decision", "Refund or bill credit")
    set_amount(page, 200)
    saved = {}
    for button, suffix in (("#download-hops-csv", "csv"), ("#download-hops-json", "json")):
        with page.expect_download() as download:
            page.click(button)
        saved[suffix] = tmp_path / download.value.suggested_filename
        download.value.save_as(saved[suffix])
    assert [path.name for path in saved.values()] == ["telecom-hops-refund.csv", "telecom-hops-refund.json"]
    rows = list(csv.DictReader(saved["csv"].open()))
    assert {row["decision"] for row in rows} == {"refund"}
    assert len(rows) == sum(1 for role in TELECOM.roles if role.customer_facing)
    document = json.loads(saved["json"].read_text())
    assert document["amount"] == 200 and len(document["paths"]) == len(rows)


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
    settle(page)
    assert page.locator("#org-name").inner_text() == "Northwind Mobile 2027"
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
