"""Nothing lost in the editor: a draft is kept per org, so that drafting org A, opening
org B and drafting it, then going back to A finds A's draft; and two sessions never see
each other's drafts or orgs."""

from orgcharts.loader import example_text
from tests.integration.dashboard import choose, open_dashboard, open_editor, settle


def draft_in(page, mark):
    editor = open_editor(page)
    settle(page)
    typed = f"# {mark}, never applied\n" + editor.input_value()
    editor.fill(typed)
    settle(page)
    return typed


def test_each_org_keeps_its_own_draft_and_another_session_sees_none(page, server, browser):
    open_dashboard(page, server)
    telecom_draft = draft_in(page, "telecom draft")
    choose(page, "example-picker", "Example: retailer")
    assert open_editor(page).input_value().startswith(example_text("retailer")[:40]), "B opens on its own text"
    retailer_draft = draft_in(page, "retailer draft")
    choose(page, "example-picker", "Example: telecom")
    settle(page)
    assert open_editor(page).input_value() == telecom_draft, "A's draft survived B's"
    choose(page, "example-picker", "Example: retailer")
    settle(page)
    assert open_editor(page).input_value() == retailer_draft

    stranger = browser.new_context(viewport={"width": 1600, "height": 1000})
    try:
        other = open_dashboard(stranger.new_page(), server)
        assert open_editor(other).input_value() == example_text("telecom"), "no draft of another session"
        assert "never applied" not in other.locator("#editor").input_value()
    finally:
        stranger.close()


def test_a_draft_the_browser_lost_gives_the_org_its_own_text_again(page, server):
    """The drafts' texts are in IndexedDB and their index in localStorage: should the texts go
    (the user cleared the site's data in part), the editor asks the server for the org's text
    rather than stay empty."""
    open_dashboard(page, server)
    drafted = draft_in(page, "a draft to lose")
    page.reload()
    assert open_editor(page).input_value() == drafted
    # the editor's restored text is saved again as it arrives (keepDraft): clear the texts from a
    # page that has not opened the editor, so that no save can land after the clearing
    page.reload()
    settle(page)
    page.evaluate(
        """() => new Promise((resolve, reject) => {
            const opened = indexedDB.open("orgcharts");
            opened.onsuccess = () => {
                const clearing = opened.result.transaction("drafts", "readwrite");
                clearing.objectStore("drafts").clear();
                clearing.oncomplete = () => { opened.result.close(); resolve(); };
                clearing.onerror = () => reject(clearing.error);
            };
        })"""
    )
    page.reload()
    editor = open_editor(page)
    page.wait_for_function("() => !document.querySelector('#editor').value.includes('a draft to lose')")
    assert editor.input_value() == example_text("telecom")
