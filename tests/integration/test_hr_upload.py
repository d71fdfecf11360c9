"""HR exports uploaded in a real browser: a d3-org-chart / OrgChart JS JSON array goes
through the column form to the chart; bad JSON says its line and column; a dump without a
header imports with its columns picked by number."""

from orgcharts.web import ids
from tests.fixtures import hrexports
from tests.integration.dashboard import ROLES_TRACE, choose, figure, open_dashboard, settle, upload, wait_for_chart


def shown_roles(page):
    return sorted(hit[0] for hit in figure(page)["data"][ROLES_TRACE]["customdata"])


def test_a_d3_org_chart_json_upload_becomes_the_chart(page, server, tmp_path):
    open_dashboard(page, server)
    upload(page, tmp_path / "d3-team.json", hrexports.D3_JSON)
    page.wait_for_selector("#csv-panel:not([hidden])", timeout=20_000)
    assert page.locator("#csv-heading").inner_text() == "Import d3-team.json: 6 columns"
    assert page.locator("#csv-manager").inner_text() == "parentId"
    assert page.locator("#csv-title").inner_text() == "positionName"
    page.click("#csv-import")
    page.wait_for_function("() => document.querySelector('#org-name').innerText === 'd3-team'", timeout=30_000)
    wait_for_chart(page)
    assert page.locator("#csv-panel").is_hidden()
    assert shown_roles(page) == ["1", "2", "3"]


def test_bad_json_is_an_error_line_with_its_line_and_column(page, server, tmp_path):
    open_dashboard(page, server)
    upload(page, tmp_path / "broken.json", '[\n  {"id": 1, "pid": null},\n  {"id": 2,, "pid": 1}\n]\n')
    page.wait_for_selector("#csv-panel:not([hidden])", timeout=20_000)
    page.wait_for_selector("#csv-messages .bad", timeout=20_000)
    assert "line 3, column 12" in page.locator("#csv-messages").inner_text()
    assert "unreadable JSON" in page.locator("#csv-messages").inner_text()


def test_a_dump_without_a_header_imports_with_columns_by_number(page, server, tmp_path):
    open_dashboard(page, server)
    upload(page, tmp_path / "emp.tsv", hrexports.DUMP_WITHOUT_HEADER)
    page.wait_for_selector("#csv-panel:not([hidden])", timeout=20_000)
    page.get_by_text("The first row is a person, not a header (columns by number)").click()
    settle(page, 900)
    for field, number in (("id", "1"), ("manager", "4"), ("title", "3"), ("name", "2")):
        choose(page, ids.csv_column(field), number)
    page.click("#csv-import")
    page.wait_for_function("() => document.querySelector('#org-name').innerText === 'emp'", timeout=30_000)
    wait_for_chart(page)
    assert shown_roles(page) == ["7369", "7566", "7902"]
