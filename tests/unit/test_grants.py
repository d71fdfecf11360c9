"""Grants that only grant: a what-if grant never lowers a limit a role holds, nor records a
reduction as a grant in the change list or the downloaded YAML."""

import pytest

from orgcharts.errors import EditError, GrantError
from orgcharts.graph import reporting_tree
from orgcharts.loader import example_text, load_example, load_text
from orgcharts.loader.roundtrip import with_authority
from orgcharts.metrics import escalations, summarize
from orgcharts.whatif import Edit, add_edit, apply_edits, describe_edits
from tests.fixtures.orgs import HAND_CHECKED

TELECOM = load_example("telecom").org
ORG = load_text(HAND_CHECKED).org


def refund_at_400(org):
    summary = summarize(org, escalations(org, reporting_tree(org), "refund", 400), by_segment=False)
    return round(summary.weighted_mean_hops, 2), summary.max_hops


def test_the_issues_scenario_a_grant_of_300_to_a_manager_holding_500_is_refused():
    assert TELECOM.role("ccm_denver").authority_for("refund").limit == 500
    lowering = Edit("grant", "ccm_denver", "refund", 300)
    with pytest.raises(GrantError) as refused:
        add_edit(TELECOM, [], lowering)
    assert str(refused.value) == (
        "Care Centre Manager, Denver already decides Refund or bill credit up to 500 USD; "
        "a grant of 300 USD would lower it: use Remove to take authority away"
    )
    assert isinstance(refused.value, EditError)
    # an edit list that holds one anyway (kept by a browser, made before an undo) changes nothing
    assert apply_edits(TELECOM, [lowering]) == TELECOM
    assert (
        refund_at_400(apply_edits(TELECOM, [lowering])) == refund_at_400(TELECOM) == (1.95, 2)
    )  # 2.30 and 3 before the fix
    assert describe_edits(TELECOM, [lowering]) == [
        "No change: Care Centre Manager, Denver already decides Refund or bill credit up to 500 USD"
    ]
    text = example_text("telecom")
    assert with_authority(text, "telecom.yaml", apply_edits(TELECOM, [lowering])) == text


def test_a_grant_that_raises_a_limit_is_kept():
    raising = Edit("grant", "ccm_denver", "refund", 900)
    assert add_edit(TELECOM, [], raising) == (raising,)
    assert apply_edits(TELECOM, [raising]).role("ccm_denver").authority_for("refund").limit == 900
    assert describe_edits(TELECOM, [raising]) == [
        "Care Centre Manager, Denver may decide Refund or bill credit up to 900 USD"
    ]
    unlimited = Edit("grant", "ccm_denver", "refund")
    assert add_edit(TELECOM, [raising], unlimited) == (raising, unlimited)


@pytest.mark.parametrize(
    ("edits", "edit", "message"),
    [
        (
            [],
            Edit("grant", "ops", "refund", 1000),
            "Operations already decides Refund up to 1,000 EUR: nothing to grant",
        ),
        ([], Edit("grant", "ops", "exception"), "Operations already decides Exception: nothing to grant"),
        (
            [],
            Edit("grant", "top", "refund", 5000),
            "Top already decides Refund with no limit; a grant of 5,000 EUR would lower it: use Remove to take authority away",
        ),
        (
            [Edit("grant", "desk", "refund", 80)],
            Edit("grant", "desk", "refund", 50),
            "Desk already decides Refund up to 80 EUR; a grant of 50 EUR would lower it: use Remove to take authority away",
        ),
        ([], Edit("remove", "desk", "refund"), "Desk does not decide Refund: nothing to remove"),
    ],
)
def test_a_grant_that_gives_nothing_or_takes_away_is_refused(edits, edit, message):
    with pytest.raises(GrantError) as refused:
        add_edit(ORG, edits, edit)
    assert str(refused.value) == message


def test_a_grant_after_a_removal_may_set_any_limit():
    edits = add_edit(ORG, [Edit("remove", "ops", "refund")], Edit("grant", "ops", "refund", 300))
    assert apply_edits(ORG, edits).role("ops").authority_for("refund").limit == 300
    assert describe_edits(ORG, edits) == [
        "Operations may no longer decide Refund",
        "Operations may decide Refund up to 300 EUR",
    ]


def test_edits_for_roles_or_decisions_the_org_lacks_are_refused_by_name():
    with pytest.raises(EditError, match="no role 'ghost'"):
        add_edit(ORG, [], Edit("grant", "ghost", "refund"))
    with pytest.raises(EditError, match="no decision 'swap'"):
        add_edit(ORG, [], Edit("grant", "clerk", "swap"))
