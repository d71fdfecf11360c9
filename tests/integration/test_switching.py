"""Opening another org never loses what-if changes without asking: an upload asks first, as
picking an example does; Cancel keeps the org and its changes, OK opens the file."""

from orgcharts.loader import example_text
from tests.integration.dashboard import open_dashboard, settle


def key(page, name):
    page.keyboard.press(name)
    settle(page, 900)


def test_uploading_a_file_over_what_if_changes_asks_first(context, server, tmp_path):
    page = context.new_page()  # not the page fixture's: that one dismisses every dialog
    open_dashboard(page, server)
    key(page, "n")
    key(page, "g")
    assert page.locator("#changes li").count() == 1, "one what-if change made"
    asked, answers = [], [False, True]  # Cancel the first question, OK the second

    def answer(dialog):
        asked.append(dialog.message)
        dialog.accept() if answers.pop(0) else dialog.dismiss()

    page.on("dialog", answer)

    first, second = tmp_path / "retail.yaml", tmp_path / "b2b.yaml"
    first.write_text(example_text("retailer"))
    second.write_text(example_text("b2b"))
    page.set_input_files("#upload input[type=file]", str(first))
    settle(page, 900)
    assert asked and asked[0].startswith("Opening another org discards your 1 what-if change")
    assert page.locator("#org-name").inner_text() == "Northwind Mobile", "Cancel keeps the org"
    assert page.locator("#changes li").count() == 1, "and its change"
    page.set_input_files("#upload input[type=file]", str(second))
    settle(page, 900)
    assert len(asked) == 2, "asked again"
    page.wait_for_function("() => document.querySelector('#org-name').innerText === 'Keystone Industrial Supply'")
    settle(page, 900)
    assert page.locator("#changes li").count() == 0, "OK opens the file, its changes gone"
