"""Collapsed subtrees and their rollups, on the hand-checked org (see test_metrics)."""

import pytest

from orgcharts import load_text
from orgcharts.collapse import Rollup, opening_levels, visible
from orgcharts.graph import reporting_tree
from orgcharts.metrics import escalations
from tests.unit.test_metrics import HAND_CHECKED

ORG = load_text(HAND_CHECKED).org
TREE = reporting_tree(ORG)
REFUND = escalations(ORG, TREE, "refund")


def test_top_two_levels_roll_up_the_rest():
    shown = visible(ORG, TREE, levels=2, found=REFUND)
    assert shown.roles == ["top", "ops", "sales", "hr", "it"]
    assert shown.rollups == {
        # ops, store_mgr, clerk (10 people, 0 hops), desk (5 people, 1 hop): the middle person decides at 0 hops
        "ops": Rollup(roles=4, people=17, facing_people=15, median_hops=0, unreachable_people=0),
        "sales": Rollup(roles=2, people=5, facing_people=4, median_hops=2, unreachable_people=0),
    }


def test_expanding_a_role_shows_its_reports():
    shown = visible(ORG, TREE, levels=2, expanded={"ops"}, found=REFUND)
    assert shown.roles == ["top", "ops", "sales", "hr", "it", "store_mgr", "desk"]
    assert shown.rollups["store_mgr"] == Rollup(2, 11, 10, 0, 0)
    assert "ops" not in shown.rollups


def test_expanding_a_hidden_role_has_no_effect_until_its_manager_shows():
    assert visible(ORG, TREE, levels=2, expanded={"store_mgr"}).roles == ["top", "ops", "sales", "hr", "it"]


def test_one_level_is_the_whole_org_in_one_node():
    shown = visible(ORG, TREE, levels=1, found=escalations(ORG, TREE, "exception"))
    assert shown.roles == ["top"]
    # clerk 2 hops (10), desk 1 hop (5), rep unreachable (4)
    assert shown.rollups == {"top": Rollup(9, 25, 19, 2, 4)}


def test_all_levels_show_everything_with_no_rollups():
    shown = visible(ORG, TREE, levels=opening_levels(ORG, TREE))
    assert sorted(shown.roles) == sorted(role.id for role in ORG.roles)
    assert shown.rollups == {}


def test_a_big_org_opens_on_the_levels_that_fit():
    from benchmarks.orggen import generate
    from orgcharts.collapse import OPENING_NODES

    big = load_text(generate(5_000)).org
    tree = reporting_tree(big)
    levels = opening_levels(big, tree)
    shown = visible(big, tree, levels)
    assert 1 <= len(shown.roles) <= OPENING_NODES
    assert len(visible(big, tree, levels + 1).roles) > OPENING_NODES
    assert sum(r.roles for r in shown.rollups.values()) + len(shown.roles) - len(shown.rollups) == len(big.roles)
    assert sum(r.people for r in shown.rollups.values()) <= sum(role.headcount for role in big.roles)


@pytest.mark.parametrize("levels", [1, 2, 3])
def test_rollups_account_for_every_role_and_person(levels):
    shown = visible(ORG, TREE, levels=levels, found=REFUND)
    counted = {role for role in shown.roles if role not in shown.rollups}
    assert len(counted) + sum(r.roles for r in shown.rollups.values()) == len(ORG.roles)
    people = sum(ORG.role(role).headcount for role in counted) + sum(r.people for r in shown.rollups.values())
    assert people == sum(role.headcount for role in ORG.roles)
