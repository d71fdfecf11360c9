"""The diagnostics on a small org checked by hand (docs/diagnostics.md has the definitions).

Every figure is worked out by hand from ``tests.fixtures.orgs.TINY`` (its docstring says how)."""

import textwrap

import pytest

from orgcharts import load_text
from orgcharts.metrics.conditions import weighted_median
from orgcharts.metrics.diagnostics import diagnose
from orgcharts.whatif import Edit, apply_edits
from tests.fixtures.orgs import TINY


def tiny(text: str = TINY):
    return load_text(text, "tiny.yaml").org


def test_a_mix_sends_each_share_to_its_own_authority():
    refund = diagnose(tiny()).decisions["refund"]
    assert refund.amount is None
    assert refund.overall.requests_per_week == 32
    assert refund.load == {"agent": 10, "manager": 5, "ceo": 9}
    assert refund.overall.unreachable_per_week == 8
    assert refund.overall.escalated_per_week == 14
    assert refund.overall.expected_hops == pytest.approx(14 / 24)
    assert refund.overall.mean_wait_hours == pytest.approx(4 * 14 / 24)


def test_a_role_serving_two_segments_sends_half_its_requests_to_each():
    segments = diagnose(tiny()).decisions["refund"].by_segment
    consumers, business = segments["consumers"], segments["business"]
    # consumers: half the agent's 20 (5 at 0 hops, 2.5 at 1, 2.5 unreachable) and all the rep's 12
    assert (consumers.requests_per_week, consumers.escalated_per_week, consumers.unreachable_per_week) == (
        22,
        11.5,
        5.5,
    )
    assert consumers.expected_hops == pytest.approx(11.5 / 16.5)
    assert consumers.mean_wait_hours == pytest.approx(4 * 11.5 / 16.5)
    assert (business.requests_per_week, business.escalated_per_week, business.unreachable_per_week) == (10, 2.5, 2.5)
    assert business.expected_hops == pytest.approx(1 / 3)


def test_an_amount_given_replaces_the_mix():
    refund = diagnose(tiny(), ["refund"], 100).decisions["refund"]
    assert refund.amount == 100
    assert refund.load == {"manager": 20, "ceo": 12}
    assert (refund.overall.escalated_per_week, refund.overall.unreachable_per_week) == (32, 0)
    assert refund.overall.expected_hops == 1


def test_without_a_rate_hops_are_weighted_by_headcount_and_counts_are_null():
    exception = diagnose(tiny()).decisions["exception"]
    assert exception.amount is None
    assert exception.load is None
    assert exception.overall.requests_per_week is None
    assert exception.overall.escalated_per_week is None
    assert exception.overall.unreachable_per_week is None
    assert exception.overall.expected_hops == (10 * 2 + 6 * 0) / 16
    assert exception.overall.mean_wait_hours == 4 * 1.25


def test_without_hours_per_hop_there_is_no_wait():
    refund = diagnose(tiny(TINY.replace("escalation: {hours_per_hop: 4}\n", ""))).decisions["refund"]
    assert refund.overall.expected_hops == pytest.approx(14 / 24)
    assert refund.overall.mean_wait_hours is None


def test_the_typical_amount_is_used_without_a_mix():
    text = TINY.replace(
        "amounts: [{amount: 20, share: 0.5}, {amount: 100, share: 0.25}, {amount: 1000, share: 0.25}]", "x: 1"
    ).replace("    requests:\n      per_person_per_week: 2\n      x: 1\n", "    typical_amount: 100\n")
    refund = diagnose(tiny(text)).decisions["refund"]
    assert refund.amount == 100
    assert refund.asked.basis == "typical"
    assert refund.overall.expected_hops == 1


def test_front_line_conditions_by_line_of_sight():
    found = diagnose(tiny()).front_line
    # line of sight: agent and rep 0; manager 1 (manages the agent), CEO 1 (manages the rep); HR 2 (supports the manager)
    assert found["pay"].by_group == {"0": 30000, "1": 80000, "2": 60000, "3+": None, "none": None}
    assert found["pay"].front_line_ratio == 30000 / 60000  # the rest: 60,000 x4, 80,000 x2, 300,000 x1
    # HR gives no tenure: group 2 has no figure
    assert found["tenure_years"].by_group == {"0": 1, "1": 6, "2": None, "3+": None, "none": None}
    assert found["tenure_years"].front_line_ratio == 1 / 6
    # the rep gives no training; group 1: 20 x1, 30 x2 -> half of 3 is reached at 30
    assert found["training_hours"].by_group == {"0": 10, "1": 30, "2": 30, "3+": None, "none": None}
    assert found["training_hours"].front_line_ratio == 10 / 30


def test_the_weighted_median_is_the_first_value_reaching_half_the_headcount():
    assert weighted_median([(20, 2), (10, 2)]) == 10  # a tie at exactly half: the first value, not 15
    assert weighted_median([(10, 1), (20, 2)]) == 20
    assert weighted_median([(5, 0), (7, 3)]) == 7
    assert weighted_median([(5, 0)]) is None
    assert weighted_median([]) is None
    assert weighted_median([(3, 1)] * 50 + [(1, 1)] * 49 + [(9, 1)] * 2) == 3


def test_a_tie_in_the_front_lines_median():
    org = tiny(TINY.replace("headcount: 10\n", "headcount: 6\n"))  # agent 6 at 30,000, rep 6 at 40,000
    assert diagnose(org).front_line["pay"].by_group["0"] == 30000


def test_segment_attention_against_weight():
    segments = diagnose(tiny()).segments
    consumers, business = segments["consumers"], segments["business"]
    assert (consumers.headcount, consumers.share, consumers.weight) == (11, 11 / 16, 0.75)
    assert consumers.ratio == pytest.approx((11 / 16) / 0.75)
    assert (business.headcount, business.share, business.weight) == (5, 5 / 16, 0.25)
    assert consumers.flag is None and business.flag is None
    assert consumers.by_purpose == {"acquisition": 0, "retention": 0, "service": 11}
    assert business.by_purpose == {"acquisition": 5, "retention": 0, "service": 0}


def test_segments_flagged_under_served_and_dominant():
    text = TINY.replace("weight: 3}", "weight: 1}").replace("weight: 1}\ndecisions", "weight: 9}\ndecisions")
    segments = diagnose(tiny(text)).segments
    assert segments["consumers"].flag == "dominant"  # 0.6875 of the people, 0.1 of the weight
    assert segments["business"].flag == "under-served"  # 0.3125 against 0.9


def test_without_weights_attention_has_no_ratio():
    segments = diagnose(tiny(TINY.replace(", weight: 3", "").replace(", weight: 1", ""))).segments
    assert segments["consumers"].share == 11 / 16
    assert (segments["consumers"].weight, segments["consumers"].ratio, segments["consumers"].flag) == (None, None, None)


def test_span_bands_and_layers_to_the_front_line():
    found = diagnose(tiny())
    assert found.span_bands == {"1": 1, "2-3": 1, "4-7": 0, "8-12": 0, "13-16": 0, "17+": 0}
    assert found.layers.layer == {"agent": 3, "rep": 2}
    assert (found.layers.median, found.layers.max) == (3, 3)  # 6 people at layer 2, 10 at layer 3


def test_an_org_without_a_customer_facing_role():
    text = "organization: X\ncustomers: [{id: c, name: C}]\ndecisions: [{id: d, name: D}]\nroles:\n  - {id: a, title: A, decides: [d]}\n"
    found = diagnose(load_text(text, "x.yaml").org)
    assert found.decisions["d"].overall.expected_hops is None
    assert found.segments["c"].share == 0
    assert (found.layers.median, found.layers.max) == (None, None)
    assert found.front_line["pay"].front_line_ratio is None


NO_ONE_DECIDES = textwrap.dedent(
    """\
    organization: No one decides
    decisions:
      - {id: refund, name: Refund, unit: USD, typical_amount: 50, requests: {per_person_per_week: 3}}
    roles:
      - {id: top, title: Top}
      - {id: manager, title: Manager, reports_to: top}
      - {id: agent, title: Agent, reports_to: manager, headcount: 10, serves: [walkin]}
    customers:
      - {id: walkin, name: Walk-in}
    """
)


def test_a_grant_above_a_chain_no_one_could_decide_raises_escalated_requests():
    """The counterexample in docs/diagnostics.md: "a grant never raises escalated requests" is
    false; escalated plus unreachable never rises (test_diagnostics_properties)."""
    org = tiny(NO_ONE_DECIDES)
    before = diagnose(org).decisions["refund"].overall
    after = diagnose(apply_edits(org, [Edit("grant", "top", "refund", None)])).decisions["refund"].overall
    assert (before.escalated_per_week, before.unreachable_per_week) == (0.0, 30.0)
    assert (after.escalated_per_week, after.unreachable_per_week) == (30.0, 0.0)  # decided by the top, 2 hops up
    assert after.expected_hops == 2.0
