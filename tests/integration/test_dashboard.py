"""The dashboard in a real headless Chromium: what an executive and a facilitator do."""

import csv
import json
import time

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
    grant,
    open_dashboard,
    press,
    role_position,
    set_amount,
    settle,
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
    grant(page, "rep_airport", 200)
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
    grant(page, "rep_airport", 200)
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
    grant(page, "agent_denver", 250)
    page.get_by_text("Compare", exact=True).click()
    page.wait_for_selector("#compare-after .scatterlayer .textpoint", timeout=20_000)
    page.wait_for_selector(".compare-table tr.better", timeout=20_000)
    assert page.locator("#compare-before-title").inner_text() == "Today: Northwind Mobile (telecom.yaml)"
    assert page.locator("#compare-after-title").inner_text() == "With the what-if changes"
    better = page.locator(".compare-table tr.better").all_inner_texts()
    assert any(row.startswith("Refund or bill credit\tweighted mean hops") for row in better), better
    # the diagnostics too, the requests at the mix (200 USD is the typical amount, not typed)
    assert any(row.startswith("Refund or bill credit\tescalated a week") for row in better), better
    assert any(row.startswith("Refund or bill credit\tmean wait, hours") for row in better), better
    footer = page.locator(".compare-table tfoot").inner_text()
    assert footer.startswith("Requests measured at: Early upgrade outside policy (early_upgrade)"), footer
    assert "Refund or bill credit (refund) at its request mix: 60% at 25, 30% at 200 and 10% at 2,000 USD" in footer
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
        "() => document.querySelector('#compare-after-title').innerText === 'Proposal: Northwind Mobile (next-year.yaml)'",
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
