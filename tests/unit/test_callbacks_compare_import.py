"""The Compare tab's and the HR import form's server callbacks, and the side panel's findings,
called directly as the plain functions they are, with a faked triggering input, no browser."""

import base64

import dash
import pytest

from orgcharts.diagnosisreport import FIGURE_WORDS
from orgcharts.figures import TRACE_MARKED
from orgcharts.findings import headline_findings
from orgcharts.loader import example_text, load_example
from orgcharts.loader.hrcsv import FIELDS
from orgcharts.web import comparison, panels
from orgcharts.web.app import serve
from orgcharts.web.session import digest
from tests.fixtures.callbacks import (
    SERVED,
    STARTUP,
    as_plotly,
    csv_upload,
    import_csv,
    load,
    match_columns,
    plain,
    render_panels,
    run,
    shown,
    text_of,
)


def load_example_org():
    from orgcharts.loader import load_example

    return load_example("telecom").org


def compare_tab(against, proposal=None, edits=(), decision="refund", amount=200, tab="compare"):
    return run(
        comparison.render_comparison, "tabs.value", tab=tab, against=against, proposal=proposal, source=STARTUP,
        refilled=None, raw_edits=list(edits), shown=shown(decision, amount), area=None,
    )  # fmt: skip


def ringed(figure):
    return set(figure.data[TRACE_MARKED].meta["roles"])


def test_compare_tab_sets_today_beside_the_what_if_changes_with_changed_roles_ringed():
    edits = [{"action": "grant", "role": "agent_denver", "decision": "refund", "limit": 250}]
    before, after, before_title, after_title, metrics, roles, messages = compare_tab("whatif", edits=edits)
    before, after = as_plotly(before), as_plotly(after)
    assert messages == []
    assert before_title == "Today: Northwind Mobile (telecom.yaml)" and after_title == "With the what-if changes"
    assert ringed(before) == ringed(after) == {"agent_denver"}
    assert before.layout.title.text.endswith("customers on top") and after.layout.title.text.endswith("on top")
    rows = [text_of(row["props"]["children"]) for row in plain(metrics)["props"]["children"][1]["props"]["children"]]
    assert "Refund or bill creditweighted mean hops1.881.19better" in rows
    assert "Refund or bill creditempowered share1%36%better" in rows
    assert "agent_denver" not in text_of(plain(roles)) and "Care Agent, Denver" in text_of(plain(roles))
    assert "1 role changed" in text_of(plain(roles))


def test_compare_tab_draws_nothing_while_closed_and_asks_for_a_missing_proposal():
    with pytest.raises(dash.exceptions.PreventUpdate):
        compare_tab("whatif", amount=1, tab="paths")
    *drawn, messages = compare_tab("proposal")
    assert drawn == [dash.no_update] * 6
    assert "Upload a proposal" in text_of(plain(messages))


def upload_proposal(contents, filename):
    return run(comparison.upload_proposal, "proposal-upload.contents", contents=contents, filename=filename)


def test_a_proposal_upload_is_compared_role_by_role():
    proposal = example_text("telecom").replace("title: VP Customer Care", "title: Chief Customer Officer")
    upload = "data:text/yaml;base64," + base64.b64encode(proposal.encode()).decode()
    stored, against, _ = upload_proposal(upload, "next-year.yaml")
    assert stored == {"name": "next-year.yaml", "digest": digest(proposal)} and against == "proposal"
    assert serve().texts.get(stored["digest"]) == proposal  # the server's store, not the browser, holds it
    _, after, _, after_title, _, roles, _ = compare_tab("proposal", stored)
    assert after_title == "Proposal: Northwind Mobile (next-year.yaml)"
    assert ringed(as_plotly(after)) == {"vp_care"}
    assert "retitled" in text_of(plain(roles))
    *drawn, gone = compare_tab("proposal", {"name": "lost.yaml", "digest": "0" * 64})
    assert drawn == [dash.no_update] * 6
    assert text_of(plain(gone)) == "The server no longer holds the proposal lost.yaml: upload it again."
    bad = "data:text/yaml;base64," + base64.b64encode(b"roles: [").decode()
    kept, _, messages = upload_proposal(bad, "bad.yaml")
    assert kept is dash.no_update
    assert text_of(plain(messages)).startswith(
        "1 error: bad.yaml was not loaded as the proposal.line 2, column 1 YAML syntax"
    )


def test_an_hr_export_upload_opens_the_column_form_with_the_import_s_guesses(oracle_export):
    upload = csv_upload(oracle_export.read_bytes())
    hidden, heading, options, values, messages, serves, decides, rules_hidden, *reset = match_columns(
        upload, "oracle.csv"
    )
    assert reset == [[], "", "", [], None, True], "no header, root, where cleared; no sheets: the sheet field hidden"
    assert (serves, decides, rules_hidden) == ("", "", True), "rules belong to the file they were typed for"
    fields = list(FIELDS)
    assert list(options) == list(values) == fields
    assert hidden is False and heading == "Import oracle.csv: 24 columns"
    assert {"label": "department_name", "value": "department_name"} in options["id"]
    assert [values[field] for field in fields] == ["id", "parentId", "position", "name", None, "lastName", None, None]
    assert messages == []
    with pytest.raises(dash.exceptions.PreventUpdate):
        match_columns(upload, "org.yaml")
    with pytest.raises(dash.exceptions.PreventUpdate):  # the YAML loader leaves exports to the form
        load("upload.contents", uploaded=upload, upload_name="oracle.csv")


def test_importing_an_export_makes_it_the_session_s_org(oracle_export):
    upload = csv_upload(oracle_export.read_bytes())
    columns = ["id", "parentId", "position", None, "name", "lastName", None, None]
    imported, kept, edits, messages, hidden, errors, lines, *_ = import_csv(
        upload, "oracle.csv", columns, "*Sales Representative=retail", "*Manager=refund:500 USD", ["group"]
    )
    assert imported["name"] == "oracle.yaml" and hidden is True and errors == [] and edits == [] and lines == []
    assert kept == {"digest": imported["digest"], "text": None}, "the server keeps the text (orgcharts.store)"
    text, _ = SERVED.text(imported)
    org = SERVED.computations.parse(text, "oracle.yaml").org
    assert imported["digest"] == digest(text)
    assert any(role.serves == ("retail",) for role in org.roles)
    assert any(a.decision == "refund" and a.limit == 500 for role in org.roles for a in role.decides)
    assert org.top.name == "Steven King"
    assert "rows became" in text_of(plain(messages))


def test_a_bad_export_lists_every_bad_row_and_changes_nothing():
    data = b"id,manager,title\n1,,Boss\n2,9,Clerk\n2,1,Clerk\n"
    columns = ["id", "manager", "title", None, None, None, None, None]
    result = import_csv(csv_upload(data), "hr.csv", columns, "", "", [])
    assert result[:5] == (dash.no_update,) * 5
    shown_text = text_of(plain(result[5]))
    assert result[6:] == (dash.no_update,) * 5, "the editor's marks and the rules panel stay"
    assert "2 errors: nothing was imported." in shown_text
    assert "hr.csv:3: error:" in shown_text and "hr.csv:4: error:" in shown_text
    bad_rule = import_csv(csv_upload(data), "hr.csv", columns, "Sales", "", [])
    assert "Sales" in text_of(plain(bad_rule[5]))


def test_the_compare_table_and_the_cards_speak_the_catalog():
    """Every catalog metric but a role's own load reaches the compare table: the org's, its
    front line's (each figure) and its segments' (each segment) for the org, the hops and the
    requests for each decision (test_catalog: the same for ``diff`` and ``diagnose``); the
    cards take their labels and their shown values from it."""
    from orgcharts import catalog
    from orgcharts.web.readouts import CARDS

    *_, metrics, _, _ = compare_tab("whatif")
    rows = [row["props"]["children"] for row in plain(metrics)["props"]["children"][1]["props"]["children"]]
    shown = {(text_of(cells[0]), text_of(cells[1])) for cells in rows}
    org = load_example_org()
    decisions = [d.name for d in org.decisions]
    expected = {("the org", m.label) for m in catalog.ORG_METRICS}
    expected |= {(d, m.label) for d in decisions for m in (*catalog.DECISION_METRICS, *catalog.REQUESTS_SCOPE)}
    expected |= {("the org", f"{catalog.metric('front_line_ratio').label}: {f}") for f in FIGURE_WORDS.values()}
    expected |= {("the org", m.label) for m in catalog.FRONT_LINE_METRICS if m.key != "front_line_ratio"}
    expected |= {("the org", f"{m.label}: {s.name}") for s in org.customers for m in catalog.SEGMENT_METRICS}
    assert expected == shown
    cards = plain(render_panels("decision.value", STARTUP, decision="refund", amount=200)[0])
    labels = [text_of(card["props"]["children"][1]) for card in cards]
    assert labels == [catalog.metric(key).label for key in CARDS]
    assert text_of(cards[0]["props"]["children"][0]) == "1.88", "hops to two decimals, as everywhere"


def test_the_compare_table_shows_what_every_comparison_surface_must():
    """The dashboard's compare table against the expectations the command line's tests use."""
    from orgcharts.compare import compare
    from tests.fixtures.surfaces import TODAY, TOMORROW, compare_rows

    changes = compare(TODAY, TOMORROW)
    rendered = plain(comparison.metrics_table(changes))
    rows = [row["props"] for row in rendered["props"]["children"][1]["props"]["children"]]
    decisions = {d.id: d.name for d in (*TODAY.decisions, *TOMORROW.decisions)}
    expected = compare_rows(changes, names=True)
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected, strict=True):
        scope = decisions[want.decision] if want.decision else "the org"
        cells = [text_of(cell) for cell in row["children"]]
        assert cells == [scope, want.label, want.before, want.after, want.verdict]
        assert row["className"] == want.verdict


def test_an_excel_upload_opens_the_same_form_and_imports(tmp_path):
    from tests.fixtures.hrexports import XLSX_ROWS, write_xlsx

    data = write_xlsx(tmp_path / "hr.xlsx", XLSX_ROWS).read_bytes()
    upload = (
        "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,"
        + base64.b64encode(data).decode()
    )
    hidden, heading, _, values, messages, *_ = match_columns(upload, "hr.xlsx")
    assert (hidden, heading, messages) == (False, "Import hr.xlsx: 6 columns", [])
    assert [values[field] for field in ("id", "manager", "title", "name", "headcount")] == [
        "Employee ID", "Manager ID", "Job Title", "Name", "FTE"
    ]  # fmt: skip
    columns = [values[field] for field in FIELDS]
    imported, *_ = import_csv(upload, "hr.xlsx", columns, "Clerk=walk_in", "Chief=refund:100 EUR", [])
    org = SERVED.computations.parse(SERVED.text(imported)[0], "hr.yaml").org
    assert [(role.id, role.reports_to, role.serves) for role in org.roles] == [
        ("100", None, ()), ("101", "100", ("walk_in",)), ("102", "100", ("walk_in",))
    ]  # fmt: skip
    assert org.decision_index["refund"].unit == "EUR" and org.top.decides[0].limit == 100


def test_with_no_role_selected_the_side_panel_opens_with_the_findings_and_says_where_they_are_for_big_orgs(
    monkeypatch,
):
    def panel():
        path, _ = run(
            panels.render_selection, "org-source.data", source=STARTUP, refilled=None, raw_edits=[],
            shown=shown(decision="refund"),
        )  # fmt: skip
        return plain(path)

    opened = panel()
    assert text_of(opened[0]) == "What matters most"
    listed = [text_of(item) for item in opened[1]["props"]["children"]]
    every = headline_findings(load_example("telecom").org, "refund")
    assert listed == every[:3] and len(every) > 3 and text_of(opened[2]) == "More in the Diagnosis tab."
    monkeypatch.setattr(panels, "FINDINGS_UP_TO", 61)  # telecom has 62 roles
    assert text_of(panel()).endswith("Over 61 roles, the findings are in the Diagnosis tab.")
