"""The dashboard's server callbacks, called directly as the plain functions they are, with
a faked triggering input (Dash's documented way to unit-test callbacks), no browser involved."""

import base64
import contextvars
import json

import dash
import pytest
import yaml
from dash._callback_context import context_value
from dash._utils import AttributeDict
from dash.exceptions import PreventUpdate

from orgcharts.errors import MissingOrgTextError
from orgcharts.figures import HOP_COLOURS, TRACE_DOTTED, TRACE_ROLES, legend_entries
from orgcharts.loader import example_text, load_example
from orgcharts.web import chart, controls, hoptable, panels, source
from orgcharts.web.served import ask_for_missing_text
from orgcharts.web.session import digest, edited, parse_edits
from tests.fixtures.callbacks import (
    STARTUP,
    as_plotly,
    controls_for,
    load,
    panels_of,
    plain,
    render,
    render_panels,
    run,
    shown,
    text_of,
    what_if,
)


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
    figure = as_plotly(outputs[0])
    assert figure.layout.meta["view"] == "inverted"
    assert "Northwind Mobile" in figure.layout.title.text, (
        "the startup org, on screen (a malformed projector flag is off)"
    )
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
    assert text_of(plain(path)).startswith("What matters most"), "no role selected: the findings"
    assert text_of(plain(target)) == "Select a role, then grant or remove its authority for the chosen decision."
    path, target = run(
        panels.render_selection, "org-source.data", source=tampered, refilled=None, raw_edits="garbage",
        shown={**garbage, "selected": "agent_denver"},
    )  # fmt: skip
    assert text_of(plain(path)) == "Care Agent, Denver140 people · no decision chosenChoose a decision to see its path."
    assert text_of(plain(target)) == "Care Agent, Denver", "a role of the startup org, and no decision"


def test_render_with_a_selection_and_an_edit():
    edits = [{"action": "grant", "role": "agent_denver", "decision": "early_upgrade", "limit": None}]
    _, (headline, route, badge_hidden, _) = render(
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
    assert (headline, route, badge_hidden) == ("0 hops", "Care Agent, Denver decides", False)
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

    sent, _, _, _, hidden, _, selection, expanded, results = jump({"key": "agent_denver", "at": 1})
    figure = as_plotly(sent)
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
        return run(
            source.fill_editor, trigger, tab=tab, kept=kept, rejected=rejected, wanted=None, draft=draft, source=current
        )

    telecom = example_text("telecom")
    kept = {"digest": STARTUP["digest"], "text": None}
    assert fill("org-text.data", "paths", kept, None, None, STARTUP) is dash.no_update
    assert fill("tabs.value", "yaml", kept, None, None, STARTUP) == telecom, "from the server's copy"
    typed = {"text": "organization: typed\n", "name": "telecom.yaml", "saved": 1}
    other = {"text": "organization: other\n", "name": "other.yaml", "saved": 2}
    draft = {"drafts": {STARTUP["digest"]: typed, "0" * 64: other}}
    assert fill("tabs.value", "yaml", kept, None, draft, STARTUP) == typed["text"], "the draft for this org wins"
    indexed = {"drafts": {STARTUP["digest"]: {"name": "telecom.yaml", "saved": 3, "chars": 20}}}
    assert fill("tabs.value", "yaml", kept, None, indexed, STARTUP) is dash.no_update, "the browser restores it"
    assert fill("editor-wants-org.data", "yaml", kept, None, indexed, STARTUP) == telecom, "unless it lost it"
    both = ("tabs.value", "editor-wants-org.data")  # a reload: the tab and the browser's ask in one request
    assert fill(both, "yaml", kept, None, indexed, STARTUP) == telecom
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
    org = edited(load_example("telecom").org, parse_edits(edits))
    assert as_csv["filename"] == "telecom-hops-refund.csv"
    assert as_csv["content"] == hops_csv(hop_report(org, ["refund"], 200)), "what-if changes included"
    assert 'refund,agent_denver,"Care Agent, Denver",140,consumers,0,agent_denver,agent_denver' in as_csv["content"]
    as_json = download("download-hops-json.n_clicks", [], "refund", None, "business")
    document = json.loads(as_json["content"])
    assert as_json["filename"] == "telecom-hops-refund.json" and document["organization"] == "Northwind Mobile"
    assert {path["decision"] for path in document["paths"]} == {"refund"}
