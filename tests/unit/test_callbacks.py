"""The dashboard's server callbacks, called directly with a faked triggering input
(Dash's documented way to unit-test callbacks), no browser involved."""

import base64
import contextvars
import json

import dash
import plotly
import pytest
import yaml
from dash._callback_context import context_value
from dash._utils import AttributeDict
from dash.exceptions import PreventUpdate

from orgcharts.errors import MissingOrgTextError
from orgcharts.figures import HOP_COLOURS, TRACE_DOTTED, legend_entries
from orgcharts.loader import example_text
from orgcharts.web import create_app, view
from orgcharts.web.app import ask_for_missing_text

APP = create_app()
STARTUP = {"name": "telecom.yaml", "digest": view.digest(example_text("telecom"))}


def callback_named(name):
    """The plain function of the callback defined as ``name`` in ``create_app``."""
    (found,) = [
        entry["callback"].__wrapped__
        for entry in APP.callback_map.values()
        if "callback" in entry and entry["callback"].__wrapped__.__name__ == name
    ]
    return found


def run(function, trigger, *args):
    def call():
        context_value.set(AttributeDict(triggered_inputs=[{"prop_id": trigger, "value": 1}]))
        return function(*args)

    return contextvars.copy_context().run(call)


def plain(components):
    return json.loads(json.dumps(components, cls=plotly.utils.PlotlyJSONEncoder))


def text_of(node):
    if isinstance(node, list):
        return "".join(text_of(child) for child in node)
    if isinstance(node, dict):
        return text_of(node.get("props", {}).get("children"))
    return "" if node is None else str(node)


LOAD = callback_named("load_org")
WHAT_IF = callback_named("what_if")
DOWNLOAD = callback_named("download")
RENDER = callback_named("render_chart")
CONTROLS = callback_named("controls_for_org")


PANELS = callback_named("render_panels")
SELECTION = callback_named("render_selection")


def render(trigger, source, *, refilled=None, edits=None, view="inverted", decision=None, amount=None, **more):
    """The chart callback with the controls named: the chart's figure, and the hop badge."""
    outputs = run(
        RENDER,
        trigger,
        source,
        refilled,
        [] if edits is None else edits,
        decision,
        amount,
        more.get("segment"),
        more.get("selected"),
        more.get("present", False),
        more.get("levels"),
        more.get("expanded", []),
        more.get("dotted", []),
        None,
        view,
    )
    figure, animate, *badge, selection, expanded, results = outputs
    assert animate is False, "a figure from the server is never animated in: only a flip is"
    assert (selection, expanded, results) == (dash.no_update,) * 3, "only a search result picked changes these"
    return figure, tuple(badge)


def panels(trigger, source, *, edits=None, decision=None, selected=None, order=None):
    """The callbacks of everything around the chart, with the controls named: the metric
    cards, the hop table's rows and the list of changes; then the selection's path panel."""
    edits = [] if edits is None else edits
    cards, _, table, _, _, changes, *_ = run(
        PANELS, trigger, source, None, edits, decision, None, None, order or {}, []
    )
    path_panel, _ = run(SELECTION, trigger, source, None, edits, decision, None, None, selected, [])
    return cards, table, changes, path_panel


def test_picking_an_example_loads_it_and_clears_edits():
    source, kept, edits, messages, rejected = run(LOAD, "example-picker.value", "b2b", None, None, None, "", STARTUP)
    assert source == {"name": "b2b.yaml", "digest": view.digest(example_text("b2b"))}
    assert kept == {"digest": source["digest"], "text": None}, "every server process holds the examples"
    assert edits == [] and rejected is dash.no_update
    assert "b2b.yaml: loaded." in text_of(plain(messages))


def test_a_bad_upload_keeps_the_org_and_shows_its_text_for_fixing():
    bad = b"organization: X\ncustomers: []\nroles: [{id: a, title: A}]\n"
    contents = "data:application/x-yaml;base64," + base64.b64encode(bad).decode()
    source, kept, edits, messages, rejected = run(
        LOAD, "upload.contents", None, contents, None, "bad.yaml", "", STARTUP
    )
    assert source is dash.no_update and kept is dash.no_update and edits is dash.no_update
    assert rejected == bad.decode()
    assert "line 2, column 12 customers must list at least one customer segment" in text_of(plain(messages))


def test_a_binary_upload_is_refused_and_never_reaches_the_editor():
    contents = "data:application/zip;base64," + base64.b64encode(b"PK\x03\x04" + bytes(200)).decode()
    source, _, _, messages, rejected = run(LOAD, "upload.contents", None, contents, None, "org.yaml", "", STARTUP)
    assert source is dash.no_update and rejected is dash.no_update
    assert "this is a zip archive, not a YAML org file" in text_of(plain(messages))


def test_applying_the_editor_keeps_edits():
    edited = example_text("telecom").replace("Northwind Mobile", "Northwind 2027")
    source, kept, edits, _, _ = run(LOAD, "apply.n_clicks", None, None, 1, None, edited, STARTUP)
    assert source == {"name": "telecom.yaml", "digest": view.digest(edited)} and edits is dash.no_update
    assert kept["text"] == edited
    built, _ = render("org-source.data", source)
    assert "Northwind 2027" in built.layout.title.text, "the applied text is what the next callbacks draw"


def test_what_if_grant_undo_and_reset():
    grant = run(WHAT_IF, "grant.n_clicks", 1, None, [], None, [], "agent_denver", "refund", 250)
    assert grant == [{"action": "grant", "role": "agent_denver", "decision": "refund", "limit": 250.0}]
    both = run(WHAT_IF, "remove.n_clicks", 1, 1, [None], None, grant, "ccm_denver", "refund", None)
    assert [edit["action"] for edit in both] == ["grant", "remove"]
    undone = run(WHAT_IF, '{"index":0,"type":"undo"}.n_clicks', 1, 1, [1, None], None, both, None, None, None)
    assert undone == both[1:]
    assert run(WHAT_IF, "reset.n_clicks", 1, 1, [], 1, both, None, None, None) == []
    nothing_selected = run(WHAT_IF, "grant.n_clicks", 2, None, [], None, [], None, "refund", None)
    assert nothing_selected is dash.no_update


def test_download_of_the_changed_org_and_of_the_editor():
    edits = [{"action": "grant", "role": "rep_airport", "decision": "refund", "limit": 200}]
    changed = run(DOWNLOAD, "download-org.n_clicks", 1, None, STARTUP, edits, "")
    assert changed["filename"] == "telecom-what-if.yaml"
    rep = next(role for role in yaml.safe_load(changed["content"])["roles"] if role["id"] == "rep_airport")
    assert rep["decides"] == [{"decision": "refund", "limit": 200}]
    typed = run(DOWNLOAD, "download-yaml.n_clicks", None, 1, STARTUP, edits, "organization: typed\n")
    assert (typed["filename"], typed["content"]) == ("telecom.yaml", "organization: typed\n")


def test_controls_follow_the_org():
    options, value, segments, segment, name, levels, level, _, key = run(
        CONTROLS,
        "org-source.data",
        {"name": "r.yaml", "digest": view.digest(example_text("retailer"))},
        None,
        "refund",
        "consumers",
    )
    assert [option["value"] for option in options] == [
        "return_no_receipt",
        "price_adjustment",
        "goodwill_credit",
        "special_order",
    ]
    assert value == "return_no_receipt" and segment is None and name == "Meridian Outfitters"
    assert [option["label"] for option in levels] == ["1", "2", "3", "4", "5", "all"] and level is None
    assert [option["value"] for option in segments] == ["store_shoppers", "online_shoppers", "personal_styling"]
    assert [item.children[1] for item in key] == [label for label, _, _ in legend_entries(True)]
    assert key[0].children[0].style == {"--colour": HOP_COLOURS[0]}


@pytest.mark.parametrize("tampered", [None, {"digest": 42}, "not a store"])
def test_render_falls_back_to_the_startup_org_when_the_store_is_unreadable(tampered):
    outputs = run(
        RENDER,
        "org-source.data",
        tampered,
        None,
        "garbage",
        "nope",
        -5,
        "ghost",
        7,
        "x",
        5,
        "?",
        {"no": 1},
        "picked?",
        "sideways",
    )
    assert run(PANELS, "org-source.data", tampered, None, "garbage", "nope", -5, "ghost", "sorted?", "dotted")
    assert run(SELECTION, "org-source.data", tampered, None, "garbage", "nope", -5, "ghost", 7, "dotted")
    figure = outputs[0]
    assert figure.layout.meta["view"] == "inverted"
    assert "Northwind Mobile" in figure.layout.title.text
    assert "customers on top" in figure.layout.title.text, "an unknown view falls back to customers on top"


def test_render_with_a_selection_and_an_edit():
    edits = [{"action": "grant", "role": "agent_denver", "decision": "early_upgrade", "limit": None}]
    _, (badge, badge_hidden, _) = render(
        "selection.data", STARTUP, edits=edits, decision="early_upgrade", selected="agent_denver"
    )
    cards, table, changes, panel = panels(
        "selection.data",
        STARTUP,
        edits=edits,
        decision="early_upgrade",
        selected="agent_denver",
        order={"by": "title", "descending": False},
    )
    assert "0hops" in text_of(plain(panel)).replace(" ", "")
    assert text_of(plain(badge)).startswith("0 hops") and badge_hidden is False
    assert "→" in text_of(plain(cards))
    assert len(changes) == 1
    titles = [row["cells"][1] for row in table]
    assert titles == sorted(titles, key=str.casefold), "sorted by role, as asked"
    denver = next(row for row in table if row["key"] == "agent_denver")
    assert denver["cells"][0] == "0" and denver["style"] == {"backgroundColor": HOP_COLOURS[0], "color": "#ffffff"}


def test_render_draws_only_the_levels_asked_with_rollups():
    figure = render("levels.value", STARTUP, decision="early_upgrade", levels=2)[0]
    roles = figure.data[3]
    assert len(roles.x) == 7, "the chief executive and six direct reports"
    assert sum(1 for role in roles.customdata if role.startswith("expand:")) == 6, "each of them leads a team"
    expanded = render("expanded.data", STARTUP, decision="early_upgrade", levels=2, expanded=["coo"])[0]
    assert len(expanded.data[3].x) == 9


def test_search_lists_the_roles_found_or_says_none_matches():
    search = callback_named("search")
    results, note = run(search, "search.value", "denver", None, STARTUP)
    assert [result["key"] for result in results] == ["ccm_denver", "tl_denver", "agent_denver"] and note == ""
    assert results[2] == {"key": "agent_denver", "label": "Care Agent, Denver", "title": "agent_denver"}
    assert run(search, "search.value", "  ", None, STARTUP) == ([], "")
    assert run(search, "search.value", "nobody by that name", None, STARTUP) == ([], "No role matches.")


def test_a_role_found_is_selected_and_drawn_with_its_chain_opened_in_the_same_round_trip():
    controls = (STARTUP, None, [], "early_upgrade", None, None, "ceo", False, 2, ["coo", 7])
    picked = {"key": "agent_denver", "at": 1}
    figure, _, _, hidden, _, selection, expanded, results = run(
        RENDER, "search-results.picked", *controls, [], picked, "inverted"
    )
    assert selection == "agent_denver" and results == [], "selected, and the list of results closed"
    assert expanded == ["coo", "tl_denver", "ccm_denver", "dir_care_consumer", "vp_care", "ceo"]
    assert "agent_denver" in list(figure.data[3].customdata) and hidden is False
    for stale in ({"key": "ghost", "at": 2}, None, "agent_denver"):
        with pytest.raises(PreventUpdate):
            run(RENDER, "search-results.picked", *controls, [], stale, "inverted")


def test_table_sorting_toggles_and_shows_more():
    order = callback_named("order_table")
    by_people = run(order, '{"column":"people","type":"sort"}.n_clicks', [None, 1, None, None, None, None], None, {})
    assert by_people == {"by": "people", "descending": True}
    again = run(order, '{"column":"people","type":"sort"}.n_clicks', [None, 2, None, None, None, None], None, by_people)
    assert again == {"by": "people", "descending": False}
    more = run(order, "table-more.n_clicks", [None] * 6, 1, again)
    assert more["shown"] == 50


def test_an_org_this_process_lacks_is_asked_from_the_browser_and_then_drawn():
    """Another worker or a restarted server gets a digest it does not hold: the callback
    asks for the text (Dash's error hook sets org-wanted), the refill callback checks and
    keeps it, and the callbacks run again."""
    text = example_text("retailer").replace("Meridian Outfitters", "Meridian Elsewhere")
    source = {"name": "elsewhere.yaml", "digest": view.digest(text)}
    with pytest.raises(MissingOrgTextError) as missing:
        render("org-source.data", source)
    assert missing.value.digest == source["digest"]

    def hook():
        context_value.set(AttributeDict(updated_props={}))
        assert ask_for_missing_text(missing.value) is None
        return dict(context_value.get().updated_props)

    asked = contextvars.copy_context().run(hook)
    wanted = asked["org-wanted"]["data"]
    assert wanted["digest"] == source["digest"]

    refill = callback_named("refill")
    forged = run(refill, "org-wanted.data", wanted, {"digest": source["digest"], "text": text + " "}, source)
    assert forged[1]["digest"] == STARTUP["digest"], "a text that does not match its digest is never kept"
    refilled = run(refill, "org-wanted.data", wanted, {"digest": source["digest"], "text": text}, source)
    assert refilled[0] == wanted and refilled[1:] == (dash.no_update,) * 3
    built, _ = render("org-refilled.data", source, refilled=wanted)
    assert "Meridian Elsewhere" in built.layout.title.text


@pytest.mark.parametrize("view", ["conventional", "inverted"])
def test_the_chart_is_built_for_the_view_chosen_with_the_other_one_inside(view):
    built, _ = render("decision.value", STARTUP, view=view, decision="refund")
    figure = built
    assert figure.layout.meta["view"] == view
    assert figure.layout.title.text.endswith("conventional" if view == "conventional" else "customers on top")
    assert figure.layout.meta["other_title"].endswith("customers on top" if view == "conventional" else "conventional")


def test_the_editor_gets_its_text_only_once_its_tab_is_open():
    fill = callback_named("fill_editor")
    telecom = example_text("telecom")
    kept = {"digest": STARTUP["digest"], "text": None}
    assert run(fill, "org-text.data", "paths", kept, None, None, STARTUP) is dash.no_update
    assert run(fill, "tabs.value", "yaml", kept, None, None, STARTUP) == telecom, "from the server's copy"
    draft = {"base": STARTUP["digest"], "text": "organization: typed\n"}
    assert run(fill, "tabs.value", "yaml", kept, None, draft, STARTUP) == draft["text"], "the draft for this org wins"
    stale = {"base": "0" * 64, "text": "organization: other\n"}
    assert run(fill, "tabs.value", "yaml", kept, None, stale, STARTUP) == telecom, "a draft of another org does not"
    assert run(fill, "rejected-text.data", "paths", kept, "bad: [", draft, STARTUP) == "bad: [", "a refused upload"
    uploaded = {"digest": view.digest("organization: up\n"), "text": "organization: up\n"}
    source = {"name": "up.yaml", "digest": uploaded["digest"]}
    assert run(fill, "org-text.data", "yaml", uploaded, None, None, source) == uploaded["text"]


def test_dotted_lines_are_drawn_and_counted_when_switched_on(tmp_path):
    from tests.unit.test_dotted_lines import MATRIX

    key = view.digest(MATRIX)
    loaded = run(LOAD, "apply.n_clicks", None, None, 1, None, MATRIX, {"name": "matrix.yaml", "digest": key})
    source = loaded[0]
    shown = run(CONTROLS, "org-source.data", source, None, None, None)
    assert shown[-2] is False, "the switch shows for an org with dotted lines"
    assert run(CONTROLS, "org-source.data", STARTUP, None, None, None)[-2] is True
    built, _ = render("org-source.data", source, decision="exception")
    assert list(built.data[TRACE_DOTTED].x)[:2] == [
        built.data[3].x[list(built.data[3].customdata).index(role)] for role in ("rep", "ops")
    ]
    table_without = panels("org-source.data", source, decision="exception")[1]  # the rows
    table_with = run(PANELS, "via-dotted.value", source, None, [], "exception", None, None, {}, ["dotted"])[2]
    without, with_dotted = (" | ".join(row["cells"][4] for row in table) for table in (table_without, table_with))
    assert "no one" in without and "no one" not in with_dotted


def test_the_hop_table_downloads_as_the_command_lines_csv_and_json():
    from orgcharts.report import hop_report, hops_csv

    download = callback_named("download_hops")
    edits = [{"action": "grant", "role": "agent_denver", "decision": "refund", "limit": 250}]
    as_csv = run(download, "download-hops-csv.n_clicks", 1, None, STARTUP, edits, "refund", 200, None, [])
    org = view.edited(load_example_org(), view.parse_edits(edits))
    assert as_csv["filename"] == "telecom-hops-refund.csv"
    assert as_csv["content"] == hops_csv(hop_report(org, ["refund"], 200)), "what-if changes included"
    assert 'refund,agent_denver,"Care Agent, Denver",140,consumers,0,agent_denver,agent_denver' in as_csv["content"]
    as_json = run(download, "download-hops-json.n_clicks", None, 1, STARTUP, [], "refund", None, "business", [])
    document = json.loads(as_json["content"])
    assert as_json["filename"] == "telecom-hops-refund.json" and document["organization"] == "Northwind Mobile"
    assert {path["decision"] for path in document["paths"]} == {"refund"}


def load_example_org():
    from orgcharts.loader import load_example

    return load_example("telecom").org


def compare_tab(against, proposal=None, edits=(), decision="refund", amount=200):
    function = callback_named("render_comparison")
    args = ["compare", against, proposal, STARTUP, None, list(edits), decision, amount, None, []]
    return run(function, "tabs.value", *args)


def ringed(figure):
    roles = figure.data[3]
    colours = roles.marker.line.color
    return (
        {role for role, colour in zip(roles.customdata, colours, strict=True) if colour == "#e7298a"}
        if isinstance(colours, tuple)
        else set()
    )


def test_compare_tab_sets_today_beside_the_what_if_changes_with_changed_roles_ringed():
    edits = [{"action": "grant", "role": "agent_denver", "decision": "refund", "limit": 250}]
    before, after, before_title, after_title, metrics, roles, messages = compare_tab("whatif", edits=edits)
    assert messages == []
    assert before_title == "Today: telecom.yaml" and after_title == "With the what-if changes"
    assert ringed(before) == ringed(after) == {"agent_denver"}
    assert before.layout.title.text.endswith("customers on top") and after.layout.title.text.endswith("on top")
    rows = [text_of(row["props"]["children"]) for row in plain(metrics)["props"]["children"][1]["props"]["children"]]
    assert "Refund or bill creditweighted mean hops1.881.19better" in rows
    assert "Refund or bill creditempowered share1%36%better" in rows
    assert "agent_denver" not in text_of(plain(roles)) and "Care Agent, Denver" in text_of(plain(roles))
    assert "1 role changed" in text_of(plain(roles))


def test_compare_tab_draws_nothing_while_closed_and_asks_for_a_missing_proposal():
    with pytest.raises(dash.exceptions.PreventUpdate):
        run(
            callback_named("render_comparison"),
            "tabs.value",
            "paths",
            "whatif",
            None,
            STARTUP,
            None,
            [],
            "refund",
            1,
            None,
            [],
        )
    *drawn, messages = compare_tab("proposal")
    assert drawn == [dash.no_update] * 6
    assert "Upload a proposal" in text_of(plain(messages))


def test_a_proposal_upload_is_compared_role_by_role():
    proposal = example_text("telecom").replace("title: VP Customer Care", "title: Chief Customer Officer")
    upload = "data:text/yaml;base64," + base64.b64encode(proposal.encode()).decode()
    stored, against, _ = run(callback_named("upload_proposal"), "proposal-upload.contents", upload, "next-year.yaml")
    assert stored == {"name": "next-year.yaml", "text": proposal} and against == "proposal"
    _, after, _, after_title, _, roles, _ = compare_tab("proposal", stored)
    assert after_title == "Proposal: next-year.yaml"
    assert ringed(after) == {"vp_care"}
    assert "retitled" in text_of(plain(roles))
    bad = "data:text/yaml;base64," + base64.b64encode(b"roles: [").decode()
    kept, _, messages = run(callback_named("upload_proposal"), "proposal-upload.contents", bad, "bad.yaml")
    assert kept is dash.no_update
    assert text_of(plain(messages)).startswith(
        "1 error: bad.yaml was not loaded as the proposal.line 2, column 1 YAML syntax"
    )


def csv_upload(data):
    return "data:text/csv;base64," + base64.b64encode(data).decode()


def test_an_hr_export_upload_opens_the_column_form_with_the_import_s_guesses(oracle_export):
    upload = csv_upload(oracle_export.read_bytes())
    hidden, heading, *rest = run(callback_named("match_columns"), "upload.contents", upload, None, "oracle.csv")
    options, values, messages = rest[:6], rest[6:12], rest[12]
    assert hidden is False and heading == "Import oracle.csv: 24 columns"
    assert {"label": "department_name", "value": "department_name"} in options[0]
    assert values == ["id", "parentId", "position", "name", None, "lastName"]
    assert messages == []
    with pytest.raises(dash.exceptions.PreventUpdate):
        run(callback_named("match_columns"), "upload.contents", upload, None, "org.yaml")
    with pytest.raises(dash.exceptions.PreventUpdate):  # the YAML loader leaves exports to the form
        run(callback_named("load_org"), "upload.contents", None, upload, None, "oracle.csv", None, STARTUP)


def test_importing_an_export_makes_it_the_session_s_org(oracle_export):
    upload = csv_upload(oracle_export.read_bytes())
    columns = ["id", "parentId", "position", None, "name", "lastName"]
    source, kept, edits, messages, hidden, errors = run(
        callback_named("import_csv"),
        "csv-import.n_clicks",
        1,
        upload,
        "oracle.csv",
        *columns,
        "*Sales Representative=retail",
        "*Manager=refund:500",
        ["group"],
    )
    assert source["name"] == "oracle.yaml" and hidden is True and errors == [] and edits == []
    org = view.parse(kept["text"], "oracle.yaml").org
    assert kept["digest"] == source["digest"] == view.digest(kept["text"])
    assert any(role.serves == ("retail",) for role in org.roles)
    assert any(a.decision == "refund" and a.limit == 500 for role in org.roles for a in role.decides)
    assert org.top.name == "Steven King"
    assert "rows became" in text_of(plain(messages))


def test_a_bad_export_lists_every_bad_row_and_changes_nothing():
    data = b"id,manager,title\n1,,Boss\n2,9,Clerk\n2,1,Clerk\n"
    result = run(
        callback_named("import_csv"), "csv-import.n_clicks", 1, csv_upload(data), "hr.csv",
        "id", "manager", "title", None, None, None, "", "", [],
    )  # fmt: skip
    assert result[:5] == (dash.no_update,) * 5
    shown = text_of(plain(result[5]))
    assert "2 errors: nothing was imported." in shown
    assert "hr.csv:3: error:" in shown and "hr.csv:4: error:" in shown
    bad_rule = run(
        callback_named("import_csv"), "csv-import.n_clicks", 1, csv_upload(data), "hr.csv",
        "id", "manager", "title", None, None, None, "Sales", "", [],
    )  # fmt: skip
    assert "Sales" in text_of(plain(bad_rule[5]))
