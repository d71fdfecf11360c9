"""The dashboard's pure logic: what-if edits, metric cards, the hop table, upload decoding."""

import base64

import pytest

from orgcharts import OrgFileError, load_text
from orgcharts.figures import TRACE_ROLES
from orgcharts.loader import example_text, load_example
from orgcharts.web import controls as browser
from orgcharts.web import drawing, parts, readouts, session, source
from orgcharts.web.app import serve
from orgcharts.whatif import Edit, EditError, apply_edits, describe
from tests.fixtures.orgs import HAND_CHECKED

ORG = load_text(HAND_CHECKED).org
COMPUTATIONS = session.Computations()
SHAPE = COMPUTATIONS.structure(HAND_CHECKED, "org.yaml")


def test_grant_and_remove_authority():
    granted = apply_edits(ORG, [Edit("grant", "desk", "refund", 300)])
    assert granted.role("desk").authority_for("refund").limit == 300
    assert ORG.role("desk").authority_for("refund") is None, "the loaded org is untouched"
    removed = apply_edits(granted, [Edit("remove", "ops", "exception")])
    assert removed.role("ops").authority_for("exception") is None


def test_a_later_grant_replaces_an_earlier_limit_and_unitless_decisions_drop_limits():
    edits = [
        Edit("grant", "clerk", "refund", 50),
        Edit("grant", "clerk", "refund", 80),
        Edit("grant", "rep", "exception", 5),
    ]
    changed = apply_edits(ORG, edits)
    assert [a.limit for a in changed.role("clerk").decides] == [80]
    assert changed.role("rep").authority_for("exception").limit is None


def test_edits_for_unknown_roles_are_skipped():
    assert apply_edits(ORG, [Edit("grant", "ghost", "refund")]) == ORG


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "grant",
        {"action": "promote", "role": "a", "decision": "d"},
        {"action": "grant", "role": 3, "decision": "d"},
        {"action": "grant", "role": "a", "decision": "d", "limit": -1},
        {"action": "grant", "role": "a", "decision": "d", "limit": float("inf")},
        {"action": "grant", "role": "a", "decision": "d", "limit": True},
    ],
)
def test_malformed_edits_from_the_browser_are_refused(raw):
    with pytest.raises(EditError):
        Edit.from_dict(raw)
    assert session.parse_edits([raw]) == []


def test_edit_round_trips_through_its_dict():
    edit = Edit("grant", "clerk", "refund", 120.0)
    assert Edit.from_dict(edit.to_dict()) == edit
    assert describe(ORG, edit) == "Clerk may decide Refund up to 120 EUR"
    assert describe(ORG, Edit("remove", "ops", "exception")) == "Operations may no longer decide Exception"


def test_cards_show_the_change_against_the_loaded_org():
    controls = session.Controls(decision="refund")
    loaded = session.snapshot(ORG, SHAPE, controls)
    edited = apply_edits(ORG, [Edit("grant", "rep", "refund"), Edit("grant", "desk", "refund")])
    now = session.snapshot(edited, SHAPE, controls)
    cards = {card.key: card for card in readouts.cards(now, loaded)}
    assert (cards["weighted_mean_hops"].before, cards["weighted_mean_hops"].value) == ("0.68", "0.00")
    assert cards["weighted_mean_hops"].better is True
    assert (cards["empowered_share"].before, cards["empowered_share"].value) == ("53%", "100%")
    assert cards["empowered_share"].better is True
    assert (cards["layers"].value, cards["median_span"].value) == ("4", "1.5")
    assert cards["median_span"].label == "median span, direct reports"  # "1.5 median span" alone says no unit
    unchanged = {card.key: card for card in readouts.cards(loaded, loaded)}
    assert unchanged["weighted_mean_hops"].before is None


def test_table_rows_worst_first_and_narrowed_by_segment():
    found = session.snapshot(ORG, SHAPE, session.Controls(decision="exception")).found
    rows = session.table_rows(ORG, found, None)
    assert [(row["id"], row["hops"], row["authority"]) for row in rows] == [
        ("rep", "none", "no one"),
        ("clerk", 2, "Operations"),
        ("desk", 1, "Operations"),
    ]
    assert rows[1]["path"] == "Clerk → Store manager → Operations"
    assert [row["id"] for row in session.table_rows(ORG, found, "phone")] == ["desk"]


def test_limits_are_the_preset_amounts():
    assert session.limits(ORG, "refund") == [20, 100, 1000]
    assert session.limits(load_example("telecom").org, "refund") == [20, 50, 150, 250, 750, 2000]
    assert session.limits(ORG, "exception") == []


def test_selection_summary():
    controls = session.Controls(decision="refund", amount=50, selected="clerk")
    chosen = readouts.selection(ORG, session.snapshot(ORG, SHAPE, controls).found, controls)
    assert chosen.path_titles == ["Clerk", "Store manager"]
    assert chosen.authority_text == "can decide Refund up to 20 EUR"
    assert readouts.selection(ORG, [], session.Controls(selected="nobody")) is None


def test_parse_cache_is_keyed_by_content():
    text = example_text("retailer")
    assert COMPUTATIONS.parse(text, "a.yaml") is COMPUTATIONS.parse(text, "a.yaml")
    assert session.Computations().parse(text, "a.yaml") is not COMPUTATIONS.parse(text, "a.yaml"), "per app"
    assert session.digest(text) == session.digest(str(text)) != session.digest(text + " ")


def test_upload_decoding_refuses_oversize_and_garbage():
    data = b"organization: X\n"
    assert parts.decode_upload("data:text/yaml;base64," + base64.b64encode(data).decode(), "x.yaml", 1000) == data
    with pytest.raises(OrgFileError, match="over the 4-byte limit"):
        parts.decode_upload("data:text/yaml;base64," + base64.b64encode(data).decode(), "x.yaml", 4)
    with pytest.raises(OrgFileError, match="could not be read"):
        parts.decode_upload("data:text/yaml;base64,@@@", "x.yaml", 1000)
    with pytest.raises(OrgFileError, match="arrived empty"):
        parts.decode_upload(None, "x.yaml", 1000)


def test_the_editor_marks_the_lines_of_errors_from_the_diagnostics_themselves():
    try:
        load_text("organization: X\ncustomers: []\nroles: [{id: a, title: A, headcount: -1}]\n")
    except OrgFileError as error:
        lines = parts.error_lines(error.diagnostics)
    assert lines == [2, 3]
    style = source.mark_error_lines(None, lines)["backgroundImage"]
    assert style.startswith("linear-gradient(to bottom, transparent 28px, #ffd6d6 28px, #ffd6d6 48px")
    assert "#ffd6d6 68px" in style, "line 3 too"
    assert source.mark_error_lines(None, []) == source.mark_error_lines(None, "tampered") == {}


def test_structure_is_computed_once_per_text_and_shared_by_edits():
    shape = COMPUTATIONS.structure(HAND_CHECKED, "org.yaml")
    assert shape is SHAPE
    assert (shape.layers, shape.median_span, shape.opening_levels) == (4, 1.5, 4)
    edited = apply_edits(ORG, [Edit("grant", "clerk", "refund")])
    figure = drawing.chart(
        COMPUTATIONS,
        edited,
        shape,
        session.snapshot(edited, shape, session.Controls(decision="refund")).found,
        session.Controls(decision="refund"),
        "r",
    ).figure()
    assert len(figure.data[TRACE_ROLES].x) == len(ORG.roles)


def test_edits_of_other_decisions_share_the_analysis_of_the_org_as_loaded():
    """A decision's analysis depends on its own edits alone: a session that granted another
    decision draws this one from what every session shares, not from a fresh measure."""
    computations = session.Computations()
    shape = computations.structure(HAND_CHECKED, "org.yaml")
    elsewhere, here = Edit("grant", "clerk", "exception"), Edit("grant", "clerk", "refund", 200)
    loaded = computations.analysis(shape, (), "refund", 150, None)
    assert computations.analysis(shape, (elsewhere,), "refund", 150, None) is loaded
    granted = computations.analysis(shape, (elsewhere, here), "refund", 150, None)
    assert granted is computations.analysis(shape, (here,), "refund", 150, None)
    assert (loaded.by_role["clerk"].hops, granted.by_role["clerk"].hops) == (2, 0)
    excepted = computations.analysis(shape, (elsewhere, here), "exception", None, None)
    assert excepted.by_role["clerk"].hops == 0 and excepted is not computations.analysis(
        shape, (), "exception", None, None
    )


def test_what_the_server_prepares_at_startup_is_what_the_first_visitor_is_served():
    """The startup org's first decision is measured, subtree totals included, before anyone
    opens the page; the dashboard's first chart must find exactly that in the cache."""
    text = example_text("b2b")
    served = serve(text, "prepared.yaml")
    shape = served.computations.structure(text, "prepared.yaml")
    first = shape.org.decisions[0].id
    controls = browser.read(shape.org, {"view": "inverted", "decision": first, "via_dotted": []})
    measured = served.analysis(shape, [], controls)
    assert controls.amount == 6 and controls.amount_basis == "typical", "a blank amount is the typical one"
    assert measured is served.computations.analysis(shape, (), first, 6.0, None)
    assert "totals" in vars(measured), "the subtree totals were computed at startup"


@pytest.mark.parametrize("role", ["agent_denver", "rep_airport"])
def test_compare_opens_both_charts_on_the_first_changed_role(role):
    telecom = COMPUTATIONS.structure(example_text("telecom"), "telecom.yaml")
    changed = apply_edits(telecom.org, [Edit("grant", role, "refund", 250)])
    wanted = session.Controls(view="inverted", decision="refund", amount=200, area=(690, 420))
    both = drawing.side_by_side(COMPUTATIONS, telecom, changed, telecom, wanted)
    for figure in (both.before.figure(), both.after.figure()):
        trace = figure.data[TRACE_ROLES]
        at = {hit[0]: (x, y) for hit, x, y in zip(trace.customdata, trace.x, trace.y, strict=True)}
        (x0, x1), (y0, y1) = figure.layout.xaxis.range, figure.layout.yaxis.range
        x, y = at[role]
        assert x0 < x < x1 and y0 < y < y1, f"{role} at {(x, y)} is outside {(x0, x1)}, {(y0, y1)}"


def test_the_picture_menu_offers_every_format_the_export_writes_in_its_order():
    from orgcharts.export import FORMATS
    from orgcharts.web.pictures import PICTURE_OPTIONS

    assert [option["value"] for option in PICTURE_OPTIONS] == list(FORMATS)
