"""The dashboard's half of issue 17, callback by callback: amounts that are always stated
and resolved in one place, grants that only grant, the keys' buttons, state that behaves."""

import dataclasses

import dash
import pytest
from dash.exceptions import PreventUpdate

from orgcharts.amounts import ANY_AMOUNT
from orgcharts.loader import example_text
from orgcharts.web import controls, hrimport, importrules, panels, source, workshop
from orgcharts.web.session import digest
from tests.fixtures.callbacks import (
    SERVED,
    STARTUP,
    csv_upload,
    import_csv,
    plain,
    run,
    text_of,
    what_if,
    what_if_said,
)

TELECOM = SERVED.org(STARTUP)
B2B = {"name": "b2b.yaml", "digest": digest(example_text("b2b"))}
RETAILER = {"name": "retailer.yaml", "digest": digest(example_text("retailer"))}


def panels_for(source=STARTUP, edits=(), **shown):
    return run(
        panels.render_panels, "decision.value", source=source, refilled=None, raw_edits=list(edits),
        shown={"decision": None, "amount": None, "segment": None, "via_dotted": [], **shown}, order={},
    )  # fmt: skip


def card_values(outputs):
    return {card["props"]["id"]: text_of(card["props"]["children"][0]) for card in plain(outputs[0])}


# Numbers that never mislead


@pytest.mark.parametrize(
    ("typed", "amount", "basis"),
    [(None, 200.0, "typical"), ("", 200.0, "typical"), (200, 200.0, "typical"), ("400", 400.0, "given"),
     ("1,500", 1500.0, "given"), (0, 0.0, "given"), (-5, 200.0, "typical"), ("abc", 200.0, "typical")],
)  # fmt: skip
def test_every_surface_reads_one_resolved_amount(typed, amount, basis):
    chosen = controls.read(TELECOM, {"decision": "refund", "amount": typed})
    assert (chosen.amount, chosen.amount_basis) == (amount, basis)


def test_a_decision_without_a_unit_has_no_amount_and_without_a_typical_one_limits_are_said_ignored():
    assert controls.read(TELECOM, {"decision": "early_upgrade", "amount": 300}).amount is None
    name = TELECOM.decision_index["early_upgrade"].name
    assert controls.said(TELECOM, controls.read(TELECOM, {"decision": "early_upgrade"})) == name
    untyped = dataclasses.replace(TELECOM.decision_index["refund"], typical_amount=None)
    org = dataclasses.replace(TELECOM, decisions=(untyped,))
    chosen = controls.read(org, {"decision": "refund"})
    assert chosen.amount is None and chosen.amount_basis == "none"
    assert controls.said(org, chosen) == f"{untyped.name} of {ANY_AMOUNT}"
    assert controls.typical(org, "refund") is None, "the field stays blank"


def test_an_amount_that_is_not_a_non_negative_number_gets_an_error_beside_the_field():
    for bad in (-5, "-5", "abc", "1e999", True):
        said = run(controls.amount_error, "amount.value", amount=bad)
        assert "is not an amount: type a number of 0 or more" in said, bad
    for fine in (None, "", 0, "250", 12.5):
        assert run(controls.amount_error, "amount.value", amount=fine) == ""


def test_a_blank_amount_measures_at_the_typical_amount_and_says_so_under_the_cards():
    blank, typed = panels_for(decision="refund"), panels_for(decision="refund", amount=200)
    assert card_values(blank) == card_values(typed), "blank is the typical 200 USD, as in Compare and the downloads"
    assert card_values(blank)["card-empowered_share"] != "100%", "the 25 USD limits no longer count"
    assert blank[-1] == "Measured for Refund or bill credit of 200 USD (typical amount)"
    assert panels_for(decision="refund", amount=400)[-1] == "Measured for Refund or bill credit of 400 USD"


def test_presets_hold_the_typical_amount_and_any_only_where_blank_means_any():
    options = panels_for(decision="refund")[8]
    labels = [option["label"] for option in options]
    assert "200 (typical)" in labels and "any" not in labels
    assert [o["value"] for o in options] == sorted(o["value"] for o in options)
    assert controls.presets([25.0, 100.0])[0] == {"label": "any", "value": "any"}


def test_switching_decision_sets_its_typical_amount_or_blank():
    saved = {"digest": STARTUP["digest"], "decision": "refund", "amount": 400}
    held = {"source": STARTUP, "saved": saved, "amount": 400}
    amount = run(controls.amount_for_decision, "decision.value", decision="fee_waiver", **held)
    assert amount == 75
    blank = run(controls.amount_for_decision, "decision.value", decision="early_upgrade", **held)
    assert blank is None
    kept = run(controls.amount_for_decision, "decision.value", decision="refund", **held)
    assert kept is dash.no_update, "the decision the session had (a reload) keeps its restored amount"


def test_an_org_opening_on_its_decision_sets_the_amount_once():
    """controls_for_org already put the typical amount in the field: setting it again would
    draw the chart and every panel a second time."""
    held = run(
        controls.amount_for_decision, "decision.value", decision="fee_waiver", source=STARTUP, saved=None, amount=75
    )
    assert held is dash.no_update
    other = run(
        controls.amount_for_decision, "decision.value", decision="fee_waiver", source=STARTUP, saved=None, amount=400
    )
    assert other == 75


def test_square_brackets_step_the_amount_through_the_presets():
    options = panels_for(decision="refund")[8]
    values = [o["value"] for o in options]

    def step(trigger, amount):
        return run(
            controls.step_amount, trigger, down=1, up=1, options=options, source=STARTUP,
            shown={"decision": "refund", "amount": amount},
        )  # fmt: skip

    above = [v for v in values if v > 200]
    below = [v for v in values if v < 200]
    assert step("amount-up.n_clicks", None) == above[0], "from the typical amount a blank field means"
    assert step("amount-down.n_clicks", 200) == below[-1]
    assert step("amount-up.n_clicks", max(values)) is dash.no_update


# Grants that only grant


def test_a_grant_below_the_limit_held_is_refused_and_the_list_stays():
    edits, said, echoed = what_if_said(
        "grant.n_clicks", grant=1, selected="ccm_denver", decision="refund", limit=300, amount=400
    )
    assert edits is dash.no_update
    assert said == echoed
    assert "already decides" in said and "up to 500 USD" in said and "Remove" in said
    again = what_if_said("grant.n_clicks", grant=1, selected="agent_denver", decision="refund", limit=20)
    assert again[0] is dash.no_update and "nothing to grant" in again[1]
    nothing = what_if_said("remove.n_clicks", remove=1, selected="agent_denver", decision="early_upgrade")
    assert nothing[0] is dash.no_update and "nothing to remove" in nothing[1]


def test_the_g_key_grants_at_the_amount_asked_and_u_undoes_the_last():
    granted = what_if("key-grant.n_clicks", key_grant=1, selected="agent_denver", decision="refund", amount="400")
    assert granted == [{"action": "grant", "role": "agent_denver", "decision": "refund", "limit": 400.0}]
    typical = what_if("key-grant.n_clicks", key_grant=1, selected="agent_denver", decision="refund")
    assert typical[0]["limit"] == 200.0, "a blank field grants at the typical amount"
    unbounded = what_if("key-grant.n_clicks", key_grant=1, selected="agent_denver", decision="early_upgrade")
    assert unbounded[0]["limit"] is None, "no limit for a decision without a unit"
    more = what_if("key-grant.n_clicks", key_grant=1, selected="rep_airport", decision="refund", edits=granted)
    assert what_if("undo-last.n_clicks", undo_last=1, edits=more) == granted
    assert what_if("undo-last.n_clicks", undo_last=1, edits=[]) is dash.no_update
    unselected = what_if_said("key-grant.n_clicks", key_grant=1, decision="refund")
    assert unselected[0] is dash.no_update and "Select a role first" in unselected[1]


def test_the_change_list_describes_against_the_org_as_loaded():
    granted = [{"action": "grant", "role": "agent_denver", "decision": "refund", "limit": 400.0}]
    changes = panels_for(decision="refund", edits=granted)[5]
    assert text_of(plain(changes)) == "Care Agent, Denver may decide Refund or bill credit up to 400 USDundo"


def test_projector_strip_states_the_amount_the_headline_before_and_after_and_the_changes():
    granted = [{"action": "grant", "role": "agent_denver", "decision": "refund", "limit": None}]
    shown = {"decision": "refund", "amount": None, "segment": None, "via_dotted": []}
    said, headline, changes = run(
        workshop.render_workshop, "edits.data", source=STARTUP, refilled=None, raw_edits=granted, shown=shown
    )
    assert said == "Refund or bill credit of 200 USD (typical amount)"
    assert headline.startswith("weighted mean hops ") and " → " in headline
    before, after = (float(x) for x in headline.removeprefix("weighted mean hops ").split(" → "))
    assert after < before
    assert text_of(plain(changes)) == "Care Agent, Denver may decide Refund or bill credit"
    _, unchanged, none = run(
        workshop.render_workshop, "edits.data", source=STARTUP, refilled=None, raw_edits=[], shown=shown
    )
    assert " → " not in unchanged and none == []


# The keys' buttons


def test_n_steps_through_the_customer_facing_roles_worst_first():
    shown = {"decision": "refund", "amount": None, "segment": None, "via_dotted": [], "selected": None}
    rows = [row["key"] for row in panels_for(decision="refund")[2]]

    def step(trigger, selected):
        return run(
            workshop.step_role, trigger, next_clicks=1, prev_clicks=1, source=STARTUP, raw_edits=[],
            shown={**shown, "selected": selected},
        )  # fmt: skip

    first = step("next-role.n_clicks", None)
    assert first == rows[0]
    assert step("next-role.n_clicks", first) == rows[1]
    assert step("prev-role.n_clicks", rows[1]) == first
    assert step("prev-role.n_clicks", None) == rows[-1]
    assert step("next-role.n_clicks", "ceo") == rows[0], "from a role that is not customer-facing: the worst"


def test_s_cycles_the_segments_then_all_again():
    options = [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}]
    cycle = [
        run(workshop.next_segment, "next-segment.n_clicks", clicks=1, options=options, segment=s)
        for s in (None, "a", "b")
    ]
    assert cycle == ["a", "b", None]
    assert run(workshop.next_segment, "next-segment.n_clicks", clicks=1, options=[], segment=None) is dash.no_update


# State that behaves


def test_another_org_opens_on_its_own_decision_amount_and_segment():
    saved = {
        "digest": STARTUP["digest"],
        "decision": "refund",
        "amount": 400,
        "segment": "consumers",
        "view": "conventional",
    }
    outputs = run(controls.controls_for_org, "org-source.data", source=B2B, refilled=None, saved=saved, view="inverted")
    decision, segment, amount, view = outputs[1], outputs[3], outputs[9], outputs[10]
    assert (decision, segment, amount, view) == ("discount", None, 6, dash.no_update), "not a discount of 400 percent"


def test_a_reload_restores_view_decision_amount_and_segment():
    saved = {
        "digest": STARTUP["digest"],
        "decision": "fee_waiver",
        "amount": "120",
        "segment": "consumers",
        "view": "conventional",
    }
    outputs = run(
        controls.controls_for_org, "org-refilled.data", source=STARTUP, refilled=1, saved=saved, view="inverted"
    )
    assert (outputs[1], outputs[3], outputs[9], outputs[10]) == ("fee_waiver", "consumers", "120", "conventional")
    tampered = {**saved, "decision": "nope", "segment": 7, "view": "sideways", "amount": {"x": 1}}
    outputs = run(
        controls.controls_for_org, "org-refilled.data", source=STARTUP, refilled=1, saved=tampered, view="inverted"
    )
    assert (outputs[1], outputs[3], outputs[9], outputs[10]) == ("early_upgrade", None, None, dash.no_update)


def test_the_dotted_lines_switch_is_hidden_for_an_org_without_dotted_lines():
    outputs = run(controls.controls_for_org, "org-source.data", source=RETAILER, refilled=None, saved=None, view=None)
    assert outputs[7] is True


def test_switching_away_from_what_if_changes_asks_first_and_cancel_keeps_everything():
    edits = [{"action": "grant", "role": "agent_denver", "decision": "refund", "limit": None}]

    def ask(trigger, picked=None, uploaded=None, raw_edits=edits):
        return run(
            source.ask_before_switching, trigger, picked=picked, uploaded=uploaded, raw_edits=raw_edits, uploads=3
        )

    chosen, uploads, pending, asked, message = ask("example-picker.value", picked="b2b")
    assert (chosen, uploads, pending, asked) == (dash.no_update, dash.no_update, "example", True)
    assert message.startswith("Opening another org discards your 1 what-if change (")
    free = ask("example-picker.value", picked="b2b", raw_edits=[])
    assert free == ({"name": "b2b"}, dash.no_update, None, False, dash.no_update), "nothing to lose: no question"
    assert ask("example-picker.value", picked=None)[3] is False
    # an upload asks the same, and opens once chosen
    assert ask("upload.contents", uploaded="data:text/yaml;base64,eDogMQ==")[2:4] == ("upload", True)
    assert ask("upload.contents", uploaded="data:text/yaml;base64,eDogMQ==", raw_edits=[])[1:3] == (4, None)
    confirmed = run(
        source.switch_confirmed, "confirm-switch.submit_n_clicks", ok=1, picked="b2b", pending="upload", uploads=3
    )
    assert confirmed == (dash.no_update, 4), "OK opens the file uploaded"
    confirmed = run(
        source.switch_confirmed, "confirm-switch.submit_n_clicks", ok=1, picked="b2b", pending="example", uploads=3
    )
    assert confirmed == ({"name": "b2b"}, dash.no_update)
    assert run(source.switch_cancelled, "confirm-switch.cancel_n_clicks", cancelled=1) is None
    opened = run(
        source.load_org, "example-chosen.data", picked={"name": "b2b"}, chosen=0, uploaded=None, applied=None,
        upload_name=None,
        editor_text="", current=STARTUP,
    )  # fmt: skip
    assert opened[0] == B2B and opened[2] == [], "OK opens it and its changes go"
    with pytest.raises(PreventUpdate):
        run(
            source.load_org, "example-chosen.data", picked={"name": "../../etc"}, chosen=0, uploaded=None, applied=None,
            upload_name=None, editor_text="", current=STARTUP,
        )  # fmt: skip


# From import to insight

EXPORT = (
    b"id,manager,title\n1,,Chief Executive\n2,1,Store Manager\n3,2,Sales Associate\n4,2,Sales Associate\n5,1,Clerk\n"
)


def test_after_an_import_the_rules_panel_counts_each_rule_and_applies_it_live():
    upload = csv_upload(EXPORT)
    outputs = import_csv(
        upload, "hr.csv", ["id", "manager", "title", None, None, None, None, None], "Sales*=retail", "", []
    )
    kept, serves, decides, hidden = outputs[7:]
    assert (serves, decides, hidden) == ("Sales*=retail", "", False), "the panel opens on the rules of the form"
    assert kept["file"] == importrules.fingerprint(upload) and kept["name"] == "hr.csv"

    source_, text, edits, shown, messages = run(
        importrules.apply_rules, "rules-decides.n_blur", serves_left=None, decides_left=1, serves="sales*=retail\nnot a rule",
        decides="*Manager=refund:200 USD\nClerk*=refund", kept=kept, contents=upload, filename="hr.csv",
    )  # fmt: skip
    assert [text_of(item) for item in plain(shown)] == [
        "sales*=retail: 2 roles, 2 people",
        "*Manager=refund:200 USD: 1 role, 1 person",
        "Clerk*=refund: 1 role, 1 person",
    ]
    assert text == {"digest": source_["digest"], "text": None}, "the server keeps the text (orgcharts.store)"
    yaml_text, _ = SERVED.text(source_)
    org = SERVED.computations.parse(yaml_text, "hr.yaml").org
    assert source_["digest"] == digest(yaml_text) and edits == []
    assert [role.id for role in org.roles if role.serves == ("retail",)] == ["3", "4"]
    assert org.role("2").authority_for("refund").limit == 200
    assert "not a rule" in text_of(plain(messages)), "a line that is not a rule yet is said, and left out"
    none = run(
        importrules.apply_rules, "rules-serves.n_blur", serves_left=1, decides_left=None, serves="Nobody*=retail", decides="", kept=kept,
        contents=upload, filename="hr.csv",
    )  # fmt: skip
    assert text_of(plain(none[3])) == "Nobody*=retail: matches no role"


def test_rules_belong_to_the_file_they_were_typed_for():
    upload = csv_upload(EXPORT)
    kept = import_csv(upload, "hr.csv", ["id", "manager", "title", None, None, None, None, None], "", "", [])[7]
    other = csv_upload(EXPORT.replace(b"Clerk", b"Cashier"))
    with pytest.raises(PreventUpdate):
        run(
            importrules.apply_rules, "rules-serves.n_blur", serves_left=1, decides_left=None, serves="Sales*=retail", decides="", kept=kept,
            contents=other, filename="other.csv",
        )  # fmt: skip
    fresh = run(
        hrimport.match_columns, "upload-chosen.data", chosen=2, contents=other, cancel=None, filename="other.csv",
        no_header=["no_header"], sheet=None,
    )  # fmt: skip
    assert fresh[5:8] == ("", "", True), "a new export starts with no rules and the panel closed"
    assert fresh[8:11] == ([], "", ""), "and with the options of the last one cleared"
    assert run(importrules.close_rules, "rules-done.n_clicks", done=1, chosen=None) is True


def test_message_lists_group_repeated_warnings_and_count_in_the_right_plural():
    from orgcharts.errors import Diagnostic
    from orgcharts.web.parts import errors, ok

    alone = [Diagnostic("warning", f"role r{i} serves, supports and manages no one", "x.yaml") for i in range(1)]
    assert text_of(plain(ok("x.yaml", tuple(alone)))).startswith("x.yaml: loaded.1 warning:")
    one = errors((Diagnostic("error", "broken", "x.yaml", line=3),))
    assert text_of(plain(one)).startswith("1 error: the chart shows the last valid org.")


# Small things


def test_compare_names_roles_by_title_and_counts_in_the_right_plural():
    from orgcharts.compare import compare
    from orgcharts.web import comparison

    roles = tuple(
        dataclasses.replace(role, reports_to="sm_old_town") if role.id == "rep_airport" else role
        for role in TELECOM.roles
    )
    table = text_of(plain(comparison.roles_table(compare(TELECOM, dataclasses.replace(TELECOM, roles=roles)))))
    assert table.startswith("1 role changed, ringed in the charts")
    assert "reports to Store Manager, Airport → reports to Store Manager, Old Town" in table
    assert "sm_old_town" not in table and "sm_airport" not in table


def test_the_path_panel_counts_one_person_in_the_singular():
    path, _ = run(
        panels.render_selection, "selection.data", source=STARTUP, refilled=None, raw_edits=[],
        shown={"decision": "refund", "amount": None, "segment": None, "via_dotted": [], "selected": "ceo"},
    )  # fmt: skip
    assert "1 person · can decide Refund or bill credit" in text_of(plain(path))


def test_the_placeholders_of_the_workshop_fields_are_short_enough_to_read_whole():
    from orgcharts.web import whatif

    def placeholders(node):
        found = [node.placeholder] if getattr(node, "placeholder", None) else []
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list) else [children] if children is not None else []:
            found += placeholders(child)
        return found

    assert placeholders(whatif.layout()) == ["no limit"]
    assert placeholders(importrules.layout()) == ["*Sales*=retail", "*Manager*=refund:500 USD"]


def test_every_key_presses_a_button_of_the_page_and_the_help_lists_it():
    import re
    from pathlib import Path

    from orgcharts.web import ids, presenter

    script = (Path(__file__).resolve().parents[2] / "assets" / "orgcharts.js").read_text()
    block = script[script.index("var keys = {") : script.index("};", script.index("var keys = {"))]
    pressed = dict(re.findall(r'^\s*"?([^":\s]+)"?: "([a-z-]+)"', block, re.MULTILINE))
    assert set(pressed) == {
        "f",
        "p",
        "r",
        "g",
        "x",
        "u",
        "n",
        "N",
        "s",
        "[",
        "]",
        "?",
        "ArrowLeft",
        "ArrowRight",
        "Escape",
    }
    every_id = {value for name, value in vars(ids).items() if name.isupper() and isinstance(value, str)}
    assert set(pressed.values()) <= every_id, "each key presses a button whose id is in ids.py"
    listed = " ".join(presenter.KEYS)
    for key in ("f", "p", "r", "g", "x", "u", "n", "⇧N", "s", "[", "]", "?", "←", "→", "Esc"):
        assert key in listed
