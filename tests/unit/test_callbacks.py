"""The dashboard's server callbacks, called directly as the plain functions they are, with
a faked triggering input (Dash's documented way to unit-test callbacks), no browser involved."""

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
from orgcharts.figures import HOP_COLOURS, TRACE_DOTTED, TRACE_MARKED, TRACE_ROLES, legend_entries
from orgcharts.loader import example_text
from orgcharts.loader.hrcsv import FIELDS
from orgcharts.web import chart, comparison, controls, hoptable, hrimport, panels, source, whatif
from orgcharts.web.app import serve
from orgcharts.web.served import ask_for_missing_text
from orgcharts.web.session import digest, edited, parse_edits

SERVED = serve()
STARTUP = {"name": "telecom.yaml", "digest": digest(example_text("telecom"))}


def run(function, trigger, **inputs):
    """``function`` as Dash calls it when ``trigger`` fired, with the app's ``SERVED``."""

    def call():
        context_value.set(AttributeDict(triggered_inputs=[{"prop_id": trigger, "value": 1}]))
        return function(SERVED, **inputs)

    return contextvars.copy_context().run(call)


def plain(components):
    return json.loads(json.dumps(components, cls=plotly.utils.PlotlyJSONEncoder))


def text_of(node):
    if isinstance(node, list):
        return "".join(text_of(child) for child in node)
    if isinstance(node, dict):
        return text_of(node.get("props", {}).get("children"))
    return "" if node is None else str(node)


def load(trigger, picked=None, uploaded=None, applied=None, upload_name=None, editor_text=None, current=None):
    return run(
        source.load_org,
        "upload-chosen.data" if trigger == "upload.contents" else trigger,
        picked=picked,
        chosen=1,
        uploaded=uploaded,
        applied=applied,
        upload_name=upload_name,
        editor_text=editor_text,
        current=STARTUP if current is None else current,
    )


def what_if_said(trigger, *, grant=None, remove=None, undo_clicks=(), reset=None, edits=(), selected=None, **more):
    """The what-if callback's edits and the message beside its buttons (and in the projector's strip)."""
    return run(
        whatif.what_if,
        trigger,
        grant=grant,
        remove=remove,
        key_grant=more.get("key_grant"),
        undo_last=more.get("undo_last"),
        undo_clicks=list(undo_clicks),
        reset=reset,
        raw_edits=list(edits),
        source=more.get("source", STARTUP),
        limit=more.get("limit"),
        shown={"decision": more.get("decision"), "amount": more.get("amount"), "selected": selected},
    )


def what_if(trigger, **given):
    """The edits after a what-if button (``dash.no_update``: left as they were)."""
    return what_if_said(trigger, **given)[0]


def shown(decision=None, amount=None, segment=None, dotted=(), **more):
    """The controls as the browser sends them, by name."""
    return {"decision": decision, "amount": amount, "segment": segment, "via_dotted": list(dotted), **more}


def render(trigger, source, *, refilled=None, edits=None, view="inverted", decision=None, amount=None, **more):
    """The chart callback with the controls named: the chart's figure, and the hop badge."""
    controls_shown = shown(
        decision,
        amount,
        more.get("segment"),
        more.get("dotted", ()),
        selected=more.get("selected"),
        present=more.get("present", False),
        levels=more.get("levels"),
        expanded=more.get("expanded", []),
        view=view,
        area=more.get("area"),
    )
    outputs = run(
        chart.render_chart,
        trigger,
        source=source,
        refilled=refilled,
        edits=[] if edits is None else edits,
        shown=controls_shown,
        picked=None,
    )
    figure, animate, *badge, selection, expanded, results = outputs
    assert animate is False, "a figure from the server is never animated in: only a flip is"
    assert (selection, expanded, results) == (dash.no_update,) * 3, "only a search result picked changes these"
    return figure, tuple(badge)


def around(callback, trigger, source, *, edits=(), more=None, **controls_shown):
    """``callback`` (one of ``panels``') for the org ``source`` with the controls named."""
    inputs = {"source": source, "refilled": None, "raw_edits": list(edits), "shown": shown(**controls_shown)}
    return run(callback, trigger, **inputs, **(more or {}))


def render_panels(trigger, source, *, edits=(), order=None, **controls_shown):
    return around(panels.render_panels, trigger, source, edits=edits, more={"order": order or {}}, **controls_shown)


def render_selection(trigger, source, *, edits=(), selected=None, **controls_shown):
    return around(panels.render_selection, trigger, source, edits=edits, selected=selected, **controls_shown)


def panels_of(trigger, source, *, edits=None, decision=None, selected=None, order=None):
    """The callbacks of everything around the chart, with the controls named: the metric
    cards, the hop table's rows and the list of changes; then the selection's path panel."""
    edits = [] if edits is None else edits
    cards, _, table, _, _, changes, *_ = render_panels(trigger, source, edits=edits, order=order, decision=decision)
    path_panel, _ = render_selection(trigger, source, edits=edits, selected=selected, decision=decision)
    return cards, table, changes, path_panel


def controls_for(source):
    return run(controls.controls_for_org, "org-source.data", source=source, refilled=None, saved=None, view=None)


def test_picking_an_example_loads_it_and_clears_edits():
    source, kept, edits, messages, rejected, lines = load("example-chosen.data", picked={"name": "b2b"}, editor_text="")
    assert source == {"name": "b2b.yaml", "digest": digest(example_text("b2b"))}
    assert kept == {"digest": source["digest"], "text": None}, "every server process holds the examples"
    assert edits == [] and rejected is dash.no_update and lines == [], "no error lines to mark"
    assert "b2b.yaml: loaded." in text_of(plain(messages))


def test_a_bad_upload_keeps_the_org_and_shows_its_text_for_fixing():
    bad = b"organization: X\ncustomers: []\nroles: [{id: a, title: A}]\n"
    contents = "data:application/x-yaml;base64," + base64.b64encode(bad).decode()
    source, kept, edits, messages, rejected, lines = load(
        "upload.contents", uploaded=contents, upload_name="bad.yaml", editor_text=""
    )
    assert source is dash.no_update and kept is dash.no_update and edits is dash.no_update
    assert rejected == bad.decode()
    assert lines == [2], "the editor marks the line of the error"
    assert "line 2, column 12 customers must list at least one customer segment" in text_of(plain(messages))


def test_a_binary_upload_is_refused_and_never_reaches_the_editor():
    contents = "data:application/zip;base64," + base64.b64encode(b"PK\x03\x04" + bytes(200)).decode()
    source, _, _, messages, rejected, _ = load("upload.contents", uploaded=contents, upload_name="org.yaml")
    assert source is dash.no_update and rejected is dash.no_update
    assert "this is a zip archive, not a YAML org file" in text_of(plain(messages))


def test_applying_the_editor_keeps_edits():
    edited = example_text("telecom").replace("Northwind Mobile", "Northwind 2027")
    source, kept, edits, _, _, _ = load("apply.n_clicks", applied=1, editor_text=edited)
    assert source == {"name": "telecom.yaml", "digest": digest(edited)} and edits is dash.no_update
    assert kept == {"digest": digest(edited), "text": None}, "the server keeps the text (orgcharts.store)"
    built, _ = render("org-source.data", source)
    assert "Northwind 2027" in built.layout.title.text, "the applied text is what the next callbacks draw"


def test_what_if_grant_undo_and_reset():
    grant = what_if("grant.n_clicks", grant=1, selected="agent_denver", decision="refund", limit=250)
    assert grant == [{"action": "grant", "role": "agent_denver", "decision": "refund", "limit": 250.0}]
    both = what_if(
        "remove.n_clicks", grant=1, remove=1, undo_clicks=[None], edits=grant, selected="ccm_denver", decision="refund"
    )
    assert [edit["action"] for edit in both] == ["grant", "remove"]
    undone = what_if('{"index":0,"type":"undo"}.n_clicks', grant=1, remove=1, undo_clicks=[1, None], edits=both)
    assert undone == both[1:]
    assert what_if("reset.n_clicks", grant=1, remove=1, reset=1, edits=both) == []
    nothing_selected = what_if("grant.n_clicks", grant=2, decision="refund")
    assert nothing_selected is dash.no_update


def test_download_of_the_changed_org_and_of_the_editor():
    edits = [{"action": "grant", "role": "rep_airport", "decision": "refund", "limit": 200}]
    changed = run(
        source.download, "download-org.n_clicks", org_clicks=1, yaml_clicks=None, source=STARTUP, raw_edits=edits,
        editor_text="",
    )  # fmt: skip
    assert changed["filename"] == "telecom-what-if.yaml"
    rep = next(role for role in yaml.safe_load(changed["content"])["roles"] if role["id"] == "rep_airport")
    assert rep["decides"] == [{"decision": "refund", "limit": 200}]
    typed = run(
        source.download, "download-yaml.n_clicks", org_clicks=None, yaml_clicks=1, source=STARTUP, raw_edits=edits,
        editor_text="organization: typed\n",
    )  # fmt: skip
    assert (typed["filename"], typed["content"]) == ("telecom.yaml", "organization: typed\n")


def test_controls_follow_the_org():
    options, value, segments, segment, name, levels, level, _, key, amount, view = run(
        controls.controls_for_org,
        "org-source.data",
        source={"name": "r.yaml", "digest": digest(example_text("retailer"))},
        refilled=None,
        saved={"digest": STARTUP["digest"], "decision": "refund", "amount": 400, "segment": "consumers"},
        view="inverted",
    )
    assert [option["value"] for option in options] == [
        "return_no_receipt",
        "price_adjustment",
        "goodwill_credit",
        "special_order",
    ]
    assert value == "return_no_receipt" and segment is None and name == "Meridian Outfitters"
    assert amount is None and view is dash.no_update, "another org opens on its own first decision (no unit)"
    assert [option["label"] for option in levels] == ["1", "2", "3", "4", "5", "all"] and level is None
    assert [option["value"] for option in segments] == ["store_shoppers", "online_shoppers", "personal_styling"]
    assert [item.children[1] for item in key] == [label for label, _, _ in legend_entries(True)]
    assert key[0].children[0].style == {"--colour": HOP_COLOURS[0]}


@pytest.mark.parametrize("tampered", [None, {"digest": 42}, "not a store"])
def test_render_falls_back_to_the_startup_org_when_the_store_is_unreadable(tampered):
    garbage = {"decision": "nope", "amount": -5, "segment": "ghost", "via_dotted": "dotted"}
    drawn = {**garbage, "selected": 7, "present": "x", "levels": 5, "expanded": "?", "view": "sideways"}
    outputs = run(
        chart.render_chart, "org-source.data", source=tampered, refilled=None, edits="garbage", shown=drawn,
        picked="picked?",
    )  # fmt: skip
    figure = outputs[0]
    assert figure.layout.meta["view"] == "inverted"
    assert "Northwind Mobile" in figure.layout.title.text
    assert "customers on top" in figure.layout.title.text, "an unknown view falls back to customers on top"

    cards, _, rows, _, more_hidden, changes, unit, grant_unit, presets, _said = run(
        panels.render_panels, "org-source.data", source=tampered, refilled=None, raw_edits="garbage", shown=garbage,
        order="sorted?",
    )  # fmt: skip
    values = {card["props"]["id"]: text_of(card["props"]["children"][0]) for card in plain(cards)}
    assert values["card-layers"] == "7", "the startup org's seven layers"
    assert values["card-weighted_mean_hops"] == values["card-max_hops"] == "–", "an unknown decision: none chosen"
    assert rows == [] and more_hidden is True and changes == [] and (unit, grant_unit, presets) == ("", "", [])

    path, target = run(
        panels.render_selection, "org-source.data", source=tampered, refilled=None, raw_edits="garbage",
        shown={**garbage, "selected": 7},
    )  # fmt: skip
    assert text_of(plain(path)).startswith("Escalation pathClick a customer-facing role")
    assert text_of(plain(target)) == "Select a role, then grant or remove its authority for the chosen decision."
    path, target = run(
        panels.render_selection, "org-source.data", source=tampered, refilled=None, raw_edits="garbage",
        shown={**garbage, "selected": "agent_denver"},
    )  # fmt: skip
    assert text_of(plain(path)) == "Care Agent, Denver140 people · no decision chosenChoose a decision to see its path."
    assert text_of(plain(target)) == "Care Agent, Denver", "a role of the startup org, and no decision"


def test_render_with_a_selection_and_an_edit():
    edits = [{"action": "grant", "role": "agent_denver", "decision": "early_upgrade", "limit": None}]
    _, (badge, badge_hidden, _) = render(
        "selection.data", STARTUP, edits=edits, decision="early_upgrade", selected="agent_denver"
    )
    cards, table, changes, panel = panels_of(
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
    roles = figure.data[TRACE_ROLES]
    assert len(roles.x) == 7, "the chief executive and six direct reports"
    assert sum(1 for _, kind in roles.customdata if kind == "collapsed") == 6, "each of them leads a team"
    expanded = render("expanded.data", STARTUP, decision="early_upgrade", levels=2, expanded=["coo"])[0]
    assert len(expanded.data[TRACE_ROLES].x) == 9


def search(query):
    return run(controls.search, "search.value", query=query, refilled=None, source=STARTUP)


def test_search_lists_the_roles_found_or_says_none_matches():
    results, note = search("denver")
    assert [result["key"] for result in results] == ["ccm_denver", "tl_denver", "agent_denver"] and note == ""
    assert results[2] == {"key": "agent_denver", "label": "Care Agent, Denver", "title": "agent_denver"}
    assert search("  ") == ([], "")
    assert search("nobody by that name") == ([], "No role matches.")


def test_a_role_found_is_selected_and_drawn_with_its_chain_opened_in_the_same_round_trip():
    drawn = shown("early_upgrade", selected="ceo", present=False, levels=2, expanded=["coo", 7], view="inverted")

    def jump(picked):
        return run(
            chart.render_chart, "search-results.picked", source=STARTUP, refilled=None, edits=[], shown=drawn,
            picked=picked,
        )  # fmt: skip

    figure, _, _, hidden, _, selection, expanded, results = jump({"key": "agent_denver", "at": 1})
    assert selection == "agent_denver" and results == [], "selected, and the list of results closed"
    assert expanded == ["coo", "tl_denver", "ccm_denver", "dir_care_consumer", "vp_care", "ceo"]
    assert ["agent_denver", "role"] in list(figure.data[TRACE_ROLES].customdata) and hidden is False
    (x0, x1), (y0, y1) = figure.layout.xaxis.range, figure.layout.yaxis.range
    at = [hit[0] for hit in figure.data[TRACE_ROLES].customdata].index("agent_denver")
    assert x0 < figure.data[TRACE_ROLES].x[at] < x1 and y0 < figure.data[TRACE_ROLES].y[at] < y1, "brought into view"
    for stale in ({"key": "ghost", "at": 2}, None, "agent_denver"):
        with pytest.raises(PreventUpdate):
            jump(stale)


def test_table_sorting_toggles_and_shows_more():
    def order(trigger, sort_clicks, more_clicks, current):
        return run(hoptable.order_table, trigger, sort_clicks=sort_clicks, more_clicks=more_clicks, order=current)

    by_people = order('{"column":"people","type":"sort"}.n_clicks', [None, 1, None, None, None, None], None, {})
    assert by_people == {"by": "people", "descending": True}
    again = order('{"column":"people","type":"sort"}.n_clicks', [None, 2, None, None, None, None], None, by_people)
    assert again == {"by": "people", "descending": False}
    more = order("table-more.n_clicks", [None] * 6, 1, again)
    assert more["shown"] == 50


def test_an_org_this_process_lacks_is_asked_from_the_browser_and_then_drawn():
    """Another worker or a restarted server gets a digest it does not hold: the callback
    asks for the text (Dash's error hook sets org-wanted), the refill callback checks and
    keeps it, and the callbacks run again."""
    text = example_text("retailer").replace("Meridian Outfitters", "Meridian Elsewhere")
    elsewhere = {"name": "elsewhere.yaml", "digest": digest(text)}
    with pytest.raises(MissingOrgTextError) as missing:
        render("org-source.data", elsewhere)
    assert missing.value.digest == elsewhere["digest"]

    def hook():
        context_value.set(AttributeDict(updated_props={}))
        assert ask_for_missing_text(missing.value) is None
        return dict(context_value.get().updated_props)

    asked = contextvars.copy_context().run(hook)
    wanted = asked["org-wanted"]["data"]
    assert wanted["digest"] == elsewhere["digest"]

    def refill(kept):
        return run(source.refill, "org-wanted.data", wanted=wanted, kept=kept, source=elsewhere)

    forged = refill({"digest": elsewhere["digest"], "text": text + " "})
    assert forged[1]["digest"] == STARTUP["digest"], "a text that does not match its digest is never kept"
    refilled = refill({"digest": elsewhere["digest"], "text": text})
    assert refilled[0] == wanted and refilled[1:] == (dash.no_update,) * 4
    built, _ = render("org-refilled.data", elsewhere, refilled=wanted)
    assert "Meridian Elsewhere" in built.layout.title.text


@pytest.mark.parametrize("view", ["conventional", "inverted"])
def test_the_chart_is_built_for_the_view_chosen_with_the_other_one_inside(view):
    built, _ = render("decision.value", STARTUP, view=view, decision="refund")
    figure = built
    assert figure.layout.meta["view"] == view
    assert figure.layout.title.text.endswith("conventional" if view == "conventional" else "customers on top")
    assert figure.layout.meta["other_title"].endswith("customers on top" if view == "conventional" else "conventional")


def test_the_editor_gets_its_text_only_once_its_tab_is_open():
    def fill(trigger, tab, kept, rejected, draft, current):
        return run(source.fill_editor, trigger, tab=tab, kept=kept, rejected=rejected, draft=draft, source=current)

    telecom = example_text("telecom")
    kept = {"digest": STARTUP["digest"], "text": None}
    assert fill("org-text.data", "paths", kept, None, None, STARTUP) is dash.no_update
    assert fill("tabs.value", "yaml", kept, None, None, STARTUP) == telecom, "from the server's copy"
    typed = {"text": "organization: typed\n", "name": "telecom.yaml", "saved": 1}
    other = {"text": "organization: other\n", "name": "other.yaml", "saved": 2}
    draft = {"drafts": {STARTUP["digest"]: typed, "0" * 64: other}}
    assert fill("tabs.value", "yaml", kept, None, draft, STARTUP) == typed["text"], "the draft for this org wins"
    stale = {"drafts": {"0" * 64: other}}
    assert fill("tabs.value", "yaml", kept, None, stale, STARTUP) == telecom, "a draft of another org does not"
    assert fill("tabs.value", "yaml", kept, None, {"drafts": "garbage"}, STARTUP) == telecom
    assert fill("rejected-text.data", "paths", kept, "bad: [", draft, STARTUP) == "bad: [", "a refused upload"
    uploaded = {"digest": digest("organization: up\n"), "text": "organization: up\n"}
    up = {"name": "up.yaml", "digest": uploaded["digest"]}
    assert fill("org-text.data", "yaml", uploaded, None, None, up) == uploaded["text"]


def test_dotted_lines_are_drawn_and_counted_when_switched_on(tmp_path):
    from tests.fixtures.orgs import MATRIX

    key = digest(MATRIX)
    loaded = load("apply.n_clicks", applied=1, editor_text=MATRIX, current={"name": "matrix.yaml", "digest": key})
    matrix = loaded[0]
    assert controls_for(matrix)[7] is False, "the switch shows for an org with dotted lines"
    assert controls_for(STARTUP)[7] is True
    built, _ = render("org-source.data", matrix, decision="exception")
    roles = built.data[TRACE_ROLES]
    ids = [hit[0] for hit in roles.customdata]
    assert list(built.data[TRACE_DOTTED].x)[:2] == [roles.x[ids.index(role)] for role in ("rep", "ops")]
    table_without = panels_of("org-source.data", matrix, decision="exception")[1]  # the rows
    table_with = render_panels("via-dotted.value", matrix, decision="exception", dotted=["dotted"])[2]
    without, with_dotted = (" | ".join(row["cells"][4] for row in table) for table in (table_without, table_with))
    assert "no one" in without and "no one" not in with_dotted


def test_the_hop_table_downloads_as_the_command_lines_csv_and_json():
    from orgcharts.report import hop_report, hops_csv

    def download(trigger, raw_edits, decision, amount, segment):
        csv_clicks, json_clicks = (1, None) if trigger.endswith("csv.n_clicks") else (None, 1)
        return run(
            hoptable.download_hops, trigger, csv_clicks=csv_clicks, json_clicks=json_clicks, source=STARTUP,
            raw_edits=raw_edits, shown=shown(decision, amount, segment),
        )  # fmt: skip

    edits = [{"action": "grant", "role": "agent_denver", "decision": "refund", "limit": 250}]
    as_csv = download("download-hops-csv.n_clicks", edits, "refund", 200, None)
    org = edited(load_example_org(), parse_edits(edits))
    assert as_csv["filename"] == "telecom-hops-refund.csv"
    assert as_csv["content"] == hops_csv(hop_report(org, ["refund"], 200)), "what-if changes included"
    assert 'refund,agent_denver,"Care Agent, Denver",140,consumers,0,agent_denver,agent_denver' in as_csv["content"]
    as_json = download("download-hops-json.n_clicks", [], "refund", None, "business")
    document = json.loads(as_json["content"])
    assert as_json["filename"] == "telecom-hops-refund.json" and document["organization"] == "Northwind Mobile"
    assert {path["decision"] for path in document["paths"]} == {"refund"}


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
    assert stored == {"name": "next-year.yaml", "text": proposal} and against == "proposal"
    _, after, _, after_title, _, roles, _ = compare_tab("proposal", stored)
    assert after_title == "Proposal: next-year.yaml"
    assert ringed(after) == {"vp_care"}
    assert "retitled" in text_of(plain(roles))
    bad = "data:text/yaml;base64," + base64.b64encode(b"roles: [").decode()
    kept, _, messages = upload_proposal(bad, "bad.yaml")
    assert kept is dash.no_update
    assert text_of(plain(messages)).startswith(
        "1 error: bad.yaml was not loaded as the proposal.line 2, column 1 YAML syntax"
    )


def csv_upload(data):
    return "data:text/csv;base64," + base64.b64encode(data).decode()


def match_columns(upload, filename):
    return run(hrimport.match_columns, "upload-chosen.data", chosen=1, contents=upload, cancel=None, filename=filename)


def import_csv(upload, filename, columns, serves, decides, group):
    fields = list(FIELDS)
    return run(
        hrimport.import_csv, "csv-import.n_clicks", clicks=1, contents=upload, filename=filename,
        columns=dict(zip(fields, columns, strict=True)), serves=serves, decides=decides, group=group,
    )  # fmt: skip


def test_an_hr_export_upload_opens_the_column_form_with_the_import_s_guesses(oracle_export):
    upload = csv_upload(oracle_export.read_bytes())
    hidden, heading, options, values, messages, serves, decides, rules_hidden = match_columns(upload, "oracle.csv")
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
    """Every catalog metric of the org and of a decision reaches the compare table, for the org
    and for each decision (the diagnosis metrics reach the Diagnosis tab: test_diagnosis_view);
    the cards take their labels and their shown values from it."""
    from orgcharts import catalog
    from orgcharts.web.readouts import CARDS

    *_, metrics, _, _ = compare_tab("whatif")
    rows = [row["props"]["children"] for row in plain(metrics)["props"]["children"][1]["props"]["children"]]
    shown = {(text_of(cells[0]), text_of(cells[1])) for cells in rows}
    decisions = ["the org"] + [d.name for d in load_example_org().decisions]
    for metric in (*catalog.ORG_METRICS, *catalog.DECISION_METRICS):
        scopes = decisions[:1] if metric.scope == "org" else decisions[1:]
        assert all((scope, metric.label) in shown for scope in scopes), metric.key
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
    expected = compare_rows(changes)
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
