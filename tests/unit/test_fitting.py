"""A chart's cards laid out in one call, segments over the rollups holding their front line,
and the levels that fit a chart area."""

import pytest

from orgcharts.cardlayout import fits, front_line_bottom
from orgcharts.cards import PROJECTOR_TEXT, SCREEN_TEXT
from orgcharts.collapse import subtree_totals, visible
from orgcharts.fitting import chart_cards, levels_that_fit, segments_below
from orgcharts.graph import depths, reporting_tree
from orgcharts.loader import load_example
from orgcharts.metrics import escalations


@pytest.fixture(scope="module")
def telecom():
    org = load_example("telecom").org
    tree = reporting_tree(org)
    return org, tree, escalations(org, tree, "refund", 200)


def test_segments_below_gathers_what_each_subtree_serves(telecom):
    org, tree, _ = telecom
    below = segments_below(org, tree)
    assert below["agent_denver"] == {"consumers"}
    assert below["ceo"] == {segment.id for segment in org.customers}
    for role in org.roles:
        assert set(role.serves) <= below[role.id]
        if role.reports_to:
            assert below[role.id] <= below[role.reports_to]
    assert segments_below(org, tree) is below, "kept with the tree"


def test_chart_cards_in_both_views(telecom):
    org, tree, found = telecom
    conventional = chart_cards(org, tree, "conventional", found, "refund")
    assert set(conventional.cards) == set(conventional.layout.x) == {role.id for role in org.roles}
    assert conventional.segments == {} and conventional.layout.customers == {}
    inverted = chart_cards(org, tree, "inverted", found, "refund", PROJECTOR_TEXT)
    assert set(inverted.segments) == set(inverted.layout.customers) == {s.id for s in org.customers}
    assert inverted.cards["agent_denver"].chip.text == "2 hops"
    assert inverted.layout.width["ceo"] == inverted.cards["ceo"].width
    assert "agent_denver" in inverted.layout.front_line


def test_segments_sit_over_the_rollups_that_hold_their_front_line(telecom):
    org, tree, found = telecom
    shown = visible(org, tree, 3, totals=subtree_totals(org, tree, found))
    chart = chart_cards(org, tree, "inverted", found, "refund", SCREEN_TEXT, shown)
    layout, below = chart.layout, segments_below(org, tree)
    assert layout.front_line and layout.front_line <= set(shown.rollups)
    assert all(layout.band[r] == 1 for r in layout.front_line), "the band under the customers"
    # enterprise accounts are served below one rollup only, and no other segment is near it
    servers = [r for r in shown.roles if "enterprise" in (below[r] if r in shown.rollups else org.role(r).serves)]
    assert servers == ["enterprise_director"]
    assert layout.customers["enterprise"].x == pytest.approx(layout.x["enterprise_director"])
    # consumers and small business (served under both VPs) are spread apart around their wanted middles
    consumers, business = layout.customers["consumers"], layout.customers["small_business"]
    assert business.left - consumers.right == pytest.approx(SCREEN_TEXT.sibling_gap)


def test_levels_that_fit(telecom):
    org, tree, found = telecom
    every_level = max(depths(org, tree).values()) + 1
    assert levels_that_fit(org, tree, 10**6, 10**6, found, "refund") == every_level
    assert levels_that_fit(org, tree, 10, 10, found, "refund") == 1
    totals = subtree_totals(org, tree, found)
    for width, height in ((1880, 850), (1240, 520), (4000, 900)):
        levels = levels_that_fit(org, tree, width, height, found, "refund", totals=totals)
        for view in ("conventional", "inverted"):
            shown = visible(org, tree, levels, totals=totals)
            assert levels == 1 or fits(chart_cards(org, tree, view, found, "refund", shown=shown).layout, width, height)
        if levels < every_level:
            more = visible(org, tree, levels + 1, totals=totals)
            assert not all(
                fits(chart_cards(org, tree, view, found, "refund", shown=more).layout, width, height)
                for view in ("conventional", "inverted")
            )
    assert levels_that_fit(org, tree, 4000, 900, found, "refund", PROJECTOR_TEXT) <= levels_that_fit(
        org, tree, 4000, 900, found, "refund", SCREEN_TEXT
    )


def test_a_rollup_over_customer_facing_roles_is_front_line_without_a_decision(telecom):
    org, tree, _ = telecom
    shown = visible(org, tree, 3, totals=subtree_totals(org, tree))  # no escalations: no facing people counted
    chart = chart_cards(org, tree, "inverted", shown=shown)
    below = segments_below(org, tree)
    assert chart.layout.front_line == {
        r for r in shown.roles if below[r] and not any(below[k] for k in tree.successors(r) if k in chart.layout.x)
    }
    assert "enterprise_director" in chart.layout.front_line


def test_a_chart_the_user_can_pan_opens_on_more_levels_with_its_front_line_in_view(telecom):
    org, tree, found = telecom
    totals = subtree_totals(org, tree, found)
    width, height = 1134, 390  # a 1280x720 window's plot, less the band names
    one = levels_that_fit(org, tree, width, height, found, "refund", totals=totals)
    panned = levels_that_fit(org, tree, width, height, found, "refund", totals=totals, screens=4)
    assert one == 1 and panned == max(depths(org, tree).values()) + 1
    shown = visible(org, tree, panned, totals=totals)
    for view in ("conventional", "inverted"):
        assert fits(chart_cards(org, tree, view, found, "refund", shown=shown).layout, 4 * width, 4 * height)
    inverted = chart_cards(org, tree, "inverted", found, "refund", shown=shown).layout
    assert 0 < front_line_bottom(inverted) <= height, "customers and front line in the first screen"
    # too short for the customers and front line: fewer levels, whose front line is lower
    short = front_line_bottom(inverted) - 1
    fewer = levels_that_fit(org, tree, width, short, found, "refund", totals=totals, screens=40)
    assert fewer < panned
    fewer_shown = visible(org, tree, fewer, totals=totals)
    assert (
        fewer == 1
        or front_line_bottom(chart_cards(org, tree, "inverted", found, "refund", shown=fewer_shown).layout) <= short
    )
