"""What-if edits written back into the user's file: comments, order and layout kept."""

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgcharts.errors import OrgFileError
from orgcharts.loader import example_names, example_text, load_text
from orgcharts.loader.roundtrip import with_authority
from orgcharts.whatif import Edit, apply_edits

COMMENTED = """\
# Our org, as of March. Keep this comment.
organization: "Acme"   # the legal name
customers:
  - {id: shoppers, name: Shoppers}
decisions:
  - id: refund
    name: Refund
    unit: EUR
  - id: swap
    name: Swap
roles:
  - id: boss
    title: Boss        # aligned comment
    decides: [refund, swap]
  # the front line
  - id: clerk
    title: 'Clerk'
    reports_to: boss
    serves: [shoppers]
  - id: lead
    title: Lead
    reports_to: boss
    decides:
      - swap   # since 2024
      - decision: refund
        limit: 50
"""


def changed_lines(before, after):
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def edited(text, *edits):
    org = apply_edits(load_text(text, "org.yaml").org, edits)
    result = with_authority(text, "org.yaml", org)
    written = load_text(result, "org.yaml").org
    assert [set(role.decides) for role in written.roles] == [set(role.decides) for role in org.roles]
    return result


@pytest.mark.parametrize("name", example_names())
def test_no_edits_give_the_file_back_byte_for_byte(name):
    text = example_text(name)
    assert edited(text) == text


def test_a_grant_adds_one_line_and_keeps_every_comment():
    result = edited(COMMENTED, Edit("grant", "clerk", "refund", 30))
    assert changed_lines(COMMENTED, result) == ["+    decides: [{decision: refund, limit: 30}]"]
    assert result.startswith('# Our org, as of March. Keep this comment.\norganization: "Acme"   # the legal name\n')


def test_a_changed_limit_rewrites_only_its_entry():
    result = edited(COMMENTED, Edit("grant", "lead", "refund", 80))
    assert changed_lines(COMMENTED, result) == [
        "-        limit: 50",
        "+        limit: 80",
    ]
    assert "      - swap   # since 2024\n" in result


def test_removing_keeps_the_flow_list_and_removing_all_drops_the_key():
    one = edited(COMMENTED, Edit("remove", "boss", "refund"))
    assert changed_lines(COMMENTED, one) == ["-    decides: [refund, swap]", "+    decides: [swap]"]
    both = edited(COMMENTED, Edit("remove", "boss", "refund"), Edit("remove", "boss", "swap"))
    assert changed_lines(COMMENTED, both) == ["-    decides: [refund, swap]"]
    assert "title: Boss        # aligned comment\n" in both


def test_undone_edits_leave_the_file_as_it_was():
    assert edited(COMMENTED, Edit("grant", "clerk", "swap"), Edit("remove", "clerk", "swap")) == COMMENTED


def test_a_file_that_no_longer_matches_the_org_is_refused():
    org = load_text(COMMENTED, "org.yaml").org
    shorter = COMMENTED.split("  - id: lead")[0]
    with pytest.raises(OrgFileError, match="no longer matches"):
        with_authority(shorter, "org.yaml", org)


TELECOM_TEXT = example_text("telecom")
TELECOM = load_text(TELECOM_TEXT, "telecom.yaml").org


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.builds(
            Edit,
            st.sampled_from(["grant", "remove"]),
            st.sampled_from([role.id for role in TELECOM.roles]),
            st.sampled_from([decision.id for decision in TELECOM.decisions]),
            st.one_of(st.none(), st.integers(1, 5000).map(float)),
        ),
        max_size=8,
    )
)
def test_any_edits_change_only_authority_lines(edits):
    result = edited(TELECOM_TEXT, *edits)
    decision_ids = {decision.id for decision in TELECOM.decisions}
    for line in changed_lines(TELECOM_TEXT, result):
        words = set(line[1:].replace("[", " ").replace("]", " ").replace(",", " ").replace("-", " ").split())
        assert words & {"decides:", "decision:", "limit:"} or words <= decision_ids, line


HEADED = """\
organization: Acme
customers: [{id: shoppers, name: Shoppers}]
decisions: [{id: refund, name: Refund}, {id: swap, name: Swap}]
roles:
  - id: boss
    title: Boss
    decides:
      - swap
      - refund
  # the front line
  - id: clerk
    title: Clerk
    reports_to: boss
    serves: [shoppers]
"""


def test_the_next_roles_heading_stays_when_the_entry_above_it_goes():
    one = edited(HEADED, Edit("remove", "boss", "refund"))
    assert changed_lines(HEADED, one) == ["-      - refund"]
    both = edited(HEADED, Edit("remove", "boss", "refund"), Edit("remove", "boss", "swap"))
    assert changed_lines(HEADED, both) == ["-    decides:", "-      - swap", "-      - refund"]
