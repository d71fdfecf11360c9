"""A workshop run from the keyboard alone, in projector mode, on the telecom example; and the
keys still answer after a click on a radio or an amount typed and applied with Enter."""

import math
import re
import time

from orgcharts.figures import TRACE_LIT
from tests.integration.conftest import ROOT
from tests.integration.dashboard import card, figure, open_dashboard, settle, wait_for_chart

SCREENSHOTS = ROOT / "docs" / "screenshots"


def key(page, name):
    """A key pressed wherever the focus is: no mouse event, no click to focus first."""
    page.keyboard.press(name)
    settle(page, 900)


def strip(page):
    return {
        "said": page.locator("#workshop-said").inner_text(),
        "headline": page.locator("#workshop-headline").inner_text(),
        "changes": page.locator("#workshop-changes li").all_inner_texts(),
    }


def chip_words(page):
    """Every hop chip's words on the chart ("2 hops"...), in the figure's order."""
    texts = [t["text"] for t in figure(page)["data"] if isinstance(t["text"], list)]
    words = [re.sub("<[^>]+>", "", word) for text in texts for word in text if isinstance(word, str)]
    return [word for word in words if word.endswith(("hop", "hops"))]


def view(page):
    return page.locator("#view input:checked").get_attribute("value")


def selected_card_in_view(page):
    """Whether the selected role's card (the lit card nearest the customers) is inside the
    chart's x range as drawn."""
    drawn = figure(page)
    lit = drawn["data"][TRACE_LIT]
    cards, card = [], []
    for x, y in zip(lit["x"], lit["y"], strict=True):
        if x is None or y is None or math.isnan(x) or math.isnan(y):
            cards, card = [*cards, card] if card else cards, []
        else:
            card.append((x, y))
    cards += [card] if card else []
    selected = max(cards, key=lambda points: max(y for _, y in points))
    x0, x1 = drawn["layout"]["xrange"]
    return all(x0 <= x <= x1 for x, _ in selected)


def test_a_ten_step_workshop_with_the_keyboard_alone_in_projector_mode(page, server):
    # 1. Open in projector mode: big type, the strip says what the figures are measured at.
    open_dashboard(page, server, "?present=1")
    assert "present" in page.locator("#root").get_attribute("class")
    assert page.locator("#workshop").is_visible() and not page.locator(".side").is_visible()
    assert strip(page)["said"] == "Early upgrade outside policy"

    # 2. Right arrow: the next decision, Refund, at its typical amount; the chart, which has
    # no title there (the strip says it), is drawn for it.
    early_upgrade = chip_words(page)
    key(page, "ArrowRight")
    assert strip(page)["said"] == "Refund or bill credit of 200 USD (typical amount)"
    assert figure(page)["layout"]["title"] == ""
    assert chip_words(page) != early_upgrade and "1 hop" in chip_words(page)
    first = strip(page)["headline"]
    assert first.startswith("weighted mean hops ") and "→" not in first

    # 3. n: the worst customer-facing role is selected and its path lit; its hops are read out.
    key(page, "n")
    badge = page.locator("#hop-badge .headline")
    assert badge.is_visible()
    hops = badge.inner_text()
    assert hops.endswith("hops") or hops.endswith("hop") or hops == "no one can decide"
    assert hops != "0 hops", "the worst role first"
    assert selected_card_in_view(page), "the role n picks is brought into view, wherever it sits"

    # 4. ]: the amount steps up to the next preset, said as asked (not typical).
    key(page, "]")
    said = strip(page)["said"]
    assert said.startswith("Refund or bill credit of ") and "typical" not in said
    asked = float(said.removeprefix("Refund or bill credit of ").removesuffix(" USD").replace(",", ""))
    assert asked > 200
    before = float(strip(page)["headline"].removeprefix("weighted mean hops "))

    # 5. g: the selected role may decide at that amount; the headline falls, before → after.
    key(page, "g")
    shown = strip(page)
    assert len(shown["changes"]) == 1 and "may decide Refund or bill credit up to" in shown["changes"][0]
    was, now = (float(x) for x in shown["headline"].removeprefix("weighted mean hops ").split(" → "))
    assert was == before and now < was
    assert page.locator("#hop-badge .headline").inner_text() == "0 hops", "the selected role now decides"
    badge_box, window = page.locator("#hop-badge").bounding_box(), page.viewport_size
    assert badge_box["y"] + badge_box["height"] <= window["height"], "the result the room waits for, whole"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "projector-grant.png"))

    # 6. f: the chart flips to the conventional view.
    assert view(page) == "inverted"
    key(page, "f")
    time.sleep(0.6)
    assert view(page) == "conventional"

    # 7. Esc, n, g: the selection cleared, the worst role now, granted too: two changes.
    key(page, "Escape")
    assert not page.locator("#hop-badge").is_visible()
    key(page, "n")
    assert page.locator("#hop-badge .headline").inner_text() != "0 hops"
    key(page, "g")
    assert len(strip(page)["changes"]) == 2, page.locator("#workshop-error").inner_text()

    # 8. u: the last change is undone; the first stays.
    key(page, "u")
    assert strip(page)["changes"] == shown["changes"]

    # 9. r: every change reset; the headline is back where it was, with no arrow.
    key(page, "r")
    assert strip(page)["changes"] == [] and strip(page)["headline"] == f"weighted mean hops {before:.2f}"

    # 10. ?: every key listed; Esc hides the help; p leaves projector mode.
    key(page, "?")
    help_text = page.locator("#shortcuts").inner_text()
    for listed in ("n / ⇧N", "g", "x", "u", "[ ]", "s", "f", "p", "Esc"):
        assert listed in help_text
    key(page, "Escape")
    assert not page.locator("#shortcuts").is_visible()
    # Tab reaches the buttons the keys press (role, amount, grant...), shown while focused.
    reached = []
    for _ in range(20):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.id"))
        if reached[-1] == "key-grant":
            break
    assert {"next-role", "amount-up", "key-grant"} <= set(reached)
    assert page.locator(".workshop-keys").evaluate("k => getComputedStyle(k).opacity") == "1"
    page.keyboard.press("Enter")
    settle(page, 900)
    assert len(strip(page)["changes"]) == 1, "Enter on the Grant button grants, as g does"
    page.evaluate("() => document.activeElement.blur()")
    key(page, "p")
    assert "present" not in page.locator("#root").get_attribute("class")


def test_keys_answer_after_a_click_on_a_radio_and_after_an_amount_applied_with_enter(page, server):
    open_dashboard(page, server)
    page.locator("#view").get_by_text("Conventional", exact=True).click()
    settle(page)
    assert view(page) == "conventional"
    page.keyboard.press("f")
    settle(page, 900)
    assert view(page) == "inverted", "a radio with focus does not swallow the key"

    page.keyboard.press("ArrowRight")
    settle(page, 900)
    page.fill("#amount", "400")
    page.press("#amount", "Enter")
    settle(page, 900)
    assert "of 400 USD" in page.locator("#amount-said").inner_text()
    page.keyboard.press("f")
    settle(page, 900)
    assert view(page) == "conventional", "Enter applied the amount and gave the keys back"

    page.fill("#amount", "-5")
    page.press("#amount", "Enter")
    settle(page, 900)
    assert "is not an amount" in page.locator("#amount-error").inner_text()
    assert "200 USD (typical amount)" in page.locator("#amount-said").inner_text()


def test_state_reload_restores_everything_another_org_resets_and_switching_asks_first(page, server):
    open_dashboard(page, server)
    key(page, "ArrowRight")
    page.fill("#amount", "400")
    page.press("#amount", "Enter")
    settle(page, 900)
    key(page, "s")
    key(page, "f")
    key(page, "n")
    key(page, "g")
    said = page.locator("#amount-said").inner_text()
    assert said == "Measured for Refund or bill credit of 400 USD"
    changes = page.locator("#changes li").all_inner_texts()
    assert len(changes) == 1
    cards = page.locator("#metrics").inner_text()

    page.reload()
    open_dashboard(page, server)
    settle(page, 900)
    assert page.locator("#amount").input_value() == "400"
    assert page.locator("#amount-said").inner_text() == said
    assert view(page) == "conventional"
    assert page.locator("#segment").inner_text().strip() == "Consumer subscribers"
    assert page.locator("#changes li").all_inner_texts() == changes
    assert page.locator("#metrics").inner_text() == cards, "the cards show the change after a reload too"
    assert not page.locator("#dotted-control").is_visible(), "telecom has no dotted lines"

    # Switching away from unsaved changes asks first; Cancel (the fixture dismisses every
    # dialog) keeps the org, the changes and the controls.
    page.click("#example-picker")
    page.get_by_role("option", name="Example: b2b", exact=True).click()
    settle(page, 900)
    asked = [problem for problem in page.problems if problem.startswith("dialog: ")]
    assert len(asked) == 1 and "discards your 1 what-if change" in asked[0]
    page.problems[:] = [problem for problem in page.problems if not problem.startswith("dialog: ")]
    assert page.locator("#org-name").inner_text() == "Northwind Mobile"
    assert page.locator("#changes li").all_inner_texts() == changes

    # With no changes, another org opens on its own decision, typical amount and all segments.
    key(page, "r")
    page.click("#example-picker")
    page.get_by_role("option", name="Example: b2b", exact=True).click()
    settle(page, 900)
    assert page.locator("#org-name").inner_text() != "Northwind Mobile"
    assert page.locator("#amount").input_value() == "6"
    assert "of 6 percent (typical amount)" in page.locator("#amount-said").inner_text()
    assert "400" not in figure(page)["layout"]["title"]


def test_after_an_import_the_rules_panel_asks_who_serves_and_decides_and_applies_live(
    page, server, d3_export, tmp_path
):
    open_dashboard(page, server)
    page.set_input_files("#upload input[type=file]", str(d3_export))
    page.wait_for_selector("#csv-panel:not([hidden])", timeout=20_000)
    page.click("#csv-import")
    page.wait_for_selector("#rules-panel:not([hidden])", timeout=30_000)
    wait_for_chart(page)
    assert card(page, "weighted_mean_hops") == "–", "no rules yet: no one faces customers"
    panel, serves, decides = (
        page.locator(f"#{name}").bounding_box() for name in ("rules-panel", "rules-serves", "rules-decides")
    )
    assert serves["y"] + serves["height"] <= decides["y"], "the rule boxes are stacked, each the panel's width"
    assert min(serves["width"], decides["width"]) >= 0.85 * panel["width"], (serves, decides, panel)
    asked = []
    page.on("request", lambda request: asked.append(request.post_data or "") if "_dash-update" in request.url else None)
    page.locator("#rules-serves").press_sequentially("junior sales*=customers")
    settle(page, 600)
    assert not [body for body in asked if "rules-counts" in body], "no import while typing"
    page.fill("#rules-decides", "Senior sales manager=refund:500 USD")
    page.keyboard.press("Tab")
    settle(page, 1500)
    imports = [body for body in asked if "rules-counts" in body]
    assert 1 <= len(imports) <= 2, "an import as a box is left, not one a key"
    counts = page.locator("#rules-counts li").all_inner_texts()
    assert counts[0].startswith("junior sales*=customers: ") and "role" in counts[0]
    assert counts[1].startswith("Senior sales manager=refund:500 USD: ") and "role" in counts[1]
    wait_for_chart(page)
    assert card(page, "weighted_mean_hops") not in ("", "–"), "the rules applied as each box is left"

    # The next export starts with no rules: neither in the form nor in the panel.
    other = tmp_path / "next-export.csv"
    other.write_bytes(d3_export.read_bytes() + b"\n")
    page.set_input_files("#upload input[type=file]", str(other))
    page.wait_for_selector("#csv-panel:not([hidden])", timeout=20_000)
    assert page.locator("#csv-serves").input_value() == "" and page.locator("#csv-decides").input_value() == ""
    assert page.locator("#rules-panel").is_hidden()


def test_the_editor_numbers_its_lines_and_an_error_clicked_shows_its_line(page, server):
    open_dashboard(page, server)
    page.get_by_text("Edit YAML", exact=True).click()
    editor = page.locator("#editor")
    editor.wait_for()
    # the org's text arrives from the server after the tab opens; the numbers follow it
    page.wait_for_function(
        "() => { const e = document.querySelector('#editor'), g = document.querySelector('#editor-gutter');"
        " return e.value.length > 0 && Number(g.dataset.lines) === e.value.split('\\n').length; }"
    )
    text = editor.input_value()
    assert page.locator("#editor-gutter").inner_text().split("\n")[:3] == ["1", "2", "3"]
    assert int(page.locator("#editor-gutter").get_attribute("data-lines")) == text.count("\n") + 1
    broken = text.replace("    reports_to: coo\n", "    reports_to: cooo\n", 1)
    line = broken[: broken.index("cooo")].count("\n") + 1
    editor.fill(broken)
    page.click("#apply")
    error = page.locator(f"#load-messages li.error[data-line='{line}']")
    error.wait_for(timeout=20_000)  # the server's answer, however long a busy machine takes
    assert error.count() == 1
    editor.evaluate("e => { e.setSelectionRange(0, 0); e.scrollTop = 0; }")
    error.click()
    start = editor.evaluate("e => e.selectionStart")
    assert broken[:start].count("\n") + 1 == line, "the click selected the error's line"
    assert editor.evaluate("e => e.scrollTop") > 0 and page.evaluate("() => document.activeElement.id") == "editor"
    gutter_top = page.locator("#editor-gutter").evaluate("g => g.scrollTop")
    assert abs(gutter_top - editor.evaluate("e => e.scrollTop")) <= 1, "the numbers scroll with the text"
