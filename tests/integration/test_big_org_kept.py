"""Nothing lost above localStorage's quota: a 60,000-role org (6.9 MB of YAML, more than
Chromium's localStorage holds) uploaded to gunicorn is drawn again after a reload and after
a server restart, by whichever worker answers, and a draft of it (kept in IndexedDB) is in
the editor again after a reload."""

from orgcharts.examples.generate import generate
from tests.integration.conftest import free_port, running
from tests.integration.dashboard import open_editor, settle, wait_for_chart
from tests.integration.servers import gunicorn

ROLES = 60_000


def org_name(page):
    return page.locator("#org-name").inner_text()


def test_a_60000_role_org_survives_a_reload_and_a_restart(browser, tmp_path):
    text = generate(ROLES).replace(f"organization: Generated {ROLES:,}", "organization: Kept Sixty", 1)
    org = tmp_path / "sixty.yaml"
    org.write_text(text)
    assert len(text.encode()) > 5 * 1024**2
    port = free_port()
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)  # a 6.9 MB org, two fresh gunicorn workers, on a busy machine
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        with running(gunicorn(port, 2), port) as url:
            page.goto(url + "/")
            wait_for_chart(page, timeout=120_000)
            page.set_input_files("#upload input[type=file]", str(org))
            page.wait_for_function("() => document.querySelector('#org-name').innerText === 'Kept Sixty'")
            page.reload()
            wait_for_chart(page, timeout=120_000)
            page.wait_for_function("() => document.querySelector('#org-name').innerText === 'Kept Sixty'")
            editor = open_editor(page)
            page.wait_for_function("() => document.querySelector('#editor').value.length > 5000000")
            editor.press("Control+Home")
            editor.type("# a draft\n")
            settle(page)
            assert page.locator("#draft-note").inner_text() == ""
        with running(gunicorn(port, 2), port):
            page.reload()
            wait_for_chart(page, timeout=120_000)
            page.wait_for_function("() => document.querySelector('#org-name').innerText === 'Kept Sixty'")
            open_editor(page)
            page.wait_for_function("() => document.querySelector('#editor').value.length > 5000000")
            kept = page.locator("#editor").input_value()
            assert kept.startswith("# a draft\n") and kept.endswith(text[-200:]), kept[:80]
        assert not problems, problems
    finally:
        context.close()
