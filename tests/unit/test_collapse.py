"""Collapsed subtrees and their rollups, on the hand-checked org (see test_metrics)."""

import networkx as nx
import pytest

from orgcharts import load_text
from orgcharts.collapse import Rollup, opening_levels, subtree_totals, visible
from orgcharts.graph import reporting_tree
from orgcharts.metrics import escalations
from tests.fixtures.orgs import HAND_CHECKED

ORG = load_text(HAND_CHECKED).org
TREE = reporting_tree(ORG)
REFUND = subtree_totals(ORG, TREE, escalations(ORG, TREE, "refund"))


def test_top_two_levels_roll_up_the_rest():
    shown = visible(ORG, TREE, levels=2, totals=REFUND)
    assert shown.roles == ["top", "ops", "sales", "hr", "it"]
    assert shown.rollups == {
        # ops, store_mgr, clerk (10 people, 0 hops), desk (5 people, 1 hop): the middle person decides at 0 hops
        "ops": Rollup(roles=4, people=17, facing_people=15, median_hops=0, unreachable_people=0),
        "sales": Rollup(roles=2, people=5, facing_people=4, median_hops=2, unreachable_people=0),
    }


def test_expanding_a_role_shows_its_reports():
    shown = visible(ORG, TREE, levels=2, expanded={"ops"}, totals=REFUND)
    assert shown.roles == ["top", "ops", "sales", "hr", "it", "store_mgr", "desk"]
    assert shown.rollups["store_mgr"] == Rollup(2, 11, 10, 0, 0)
    assert "ops" not in shown.rollups


def test_expanding_a_hidden_role_has_no_effect_until_its_manager_shows():
    assert visible(ORG, TREE, levels=2, expanded={"store_mgr"}).roles == ["top", "ops", "sales", "hr", "it"]


def test_one_level_is_the_whole_org_in_one_node():
    shown = visible(ORG, TREE, levels=1, totals=subtree_totals(ORG, TREE, escalations(ORG, TREE, "exception")))
    assert shown.roles == ["top"]
    # clerk 2 hops (10), desk 1 hop (5), rep unreachable (4)
    assert shown.rollups == {"top": Rollup(9, 25, 19, 2, 4)}


def test_all_levels_show_everything_with_no_rollups():
    shown = visible(ORG, TREE, levels=opening_levels(ORG, TREE))
    assert sorted(shown.roles) == sorted(role.id for role in ORG.roles)
    assert shown.rollups == {}


def test_a_big_org_opens_on_the_levels_that_fit():
    from orgcharts.collapse import OPENING_NODES
    from orgcharts.examples.generate import generate

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
    shown = visible(ORG, TREE, levels=levels, totals=REFUND)
    counted = {role for role in shown.roles if role not in shown.rollups}
    assert len(counted) + sum(r.roles for r in shown.rollups.values()) == len(ORG.roles)
    people = sum(ORG.role(role).headcount for role in counted) + sum(r.people for r in shown.rollups.values())
    assert people == sum(role.headcount for role in ORG.roles)


def brute_rollup(org, tree, found, role_id):
    """The rollup of one role from first principles: every role below it, one by one."""
    hops = {e.role: e.hops for e in found}
    below = [org.role(r) for r in (role_id, *nx.descendants(tree, role_id))]
    facing = [(hops[r.id], r.headcount) for r in below if r.id in hops]
    reachable = sorted(h for h, people in facing if h is not None for _ in range(people))
    median = reachable[(len(reachable) - 1) // 2] if reachable else None
    unreachable = sum(people for h, people in facing if h is None)
    return Rollup(len(below), sum(r.headcount for r in below), sum(p for _, p in facing), median, unreachable)


@pytest.mark.parametrize("decision", ["refund", "exception"])
def test_subtree_totals_agree_with_counting_every_subtree_by_hand(decision):
    found = escalations(ORG, TREE, decision)
    totals = subtree_totals(ORG, TREE, found)
    for role in ORG.roles:
        assert totals.rollup(role.id) == brute_rollup(ORG, TREE, found, role.id), role.id


def test_subtree_totals_agree_on_a_generated_org():
    from orgcharts.examples.generate import generate

    big = load_text(generate(1_500, seed=3)).org
    tree = reporting_tree(big)
    found = escalations(big, tree, big.decisions[0].id)
    totals = subtree_totals(big, tree, found)
    for role in big.roles[::37]:
        assert totals.rollup(role.id) == brute_rollup(big, tree, found, role.id), role.id
