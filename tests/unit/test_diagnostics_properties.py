"""Properties of the diagnostics on any org: load is conserved, attention shares sum to 1,
a grant of authority never makes more requests wait, and the chart's loads (from its
escalations at one amount) are the diagnosis's at that amount."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from orgcharts.graph import reporting_tree
from orgcharts.metrics import escalations
from orgcharts.metrics.diagnostics import diagnose, escalated_load, heaviest
from orgcharts.model import Authority, Decision, Organization, Role, Segment, Share
from orgcharts.whatif import Edit, apply_edits

SEGMENTS = ("a", "b", "c")
LIMITS = st.one_of(st.none(), st.sampled_from([10.0, 50.0, 100.0, 500.0]))


@st.composite
def orgs(draw):
    count = draw(st.integers(1, 25))
    roles = []
    for index in range(count):
        serves = tuple(draw(st.lists(st.sampled_from(SEGMENTS), unique=True, max_size=3)))
        decides = tuple(Authority("refund", limit) for limit in draw(st.lists(LIMITS, max_size=1)))
        roles.append(
            Role(
                id=f"r{index}",
                title=f"Role {index}",
                reports_to=None if index == 0 else f"r{draw(st.integers(0, index - 1))}",
                headcount=draw(st.integers(0, 40)),
                serves=serves,
                decides=decides,
                purposes=tuple(draw(st.sampled_from(["acquisition", "retention", "service"])) for _ in serves),
            )
        )
    shares = draw(st.sampled_from([(1.0,), (0.5, 0.5), (0.6, 0.3, 0.1), (0.25, 0.25, 0.5)]))
    amounts = draw(st.lists(st.sampled_from([5.0, 20.0, 80.0, 200.0, 1000.0]), unique=True, min_size=3, max_size=3))
    mix = tuple(Share(amount, share) for amount, share in zip(amounts, shares, strict=False))
    rate = draw(st.sampled_from([0.5, 2.0, 3.0]))
    decision = Decision("refund", "Refund", "USD", None, rate, mix)
    weights = draw(st.lists(st.floats(0.01, 10), min_size=3, max_size=3))
    customers = tuple(
        Segment(segment, segment.upper(), weight) for segment, weight in zip(SEGMENTS, weights, strict=True)
    )
    return Organization("Drawn", customers, (decision,), tuple(roles), hours_per_hop=draw(st.sampled_from([None, 4.0])))


@settings(max_examples=150, deadline=None)
@given(orgs(), st.one_of(st.none(), st.sampled_from([20.0, 300.0])))
def test_load_and_unreachable_add_up_to_every_request(org, amount):
    refund = diagnose(org, amount=amount).decisions["refund"]
    total = refund.overall.requests_per_week
    assert math.isclose(sum(refund.load.values()) + refund.overall.unreachable_per_week, total, abs_tol=1e-9)
    people = sum(role.headcount for role in org.roles if role.serves)
    rate = org.decisions[0].requests_per_person_per_week
    assert math.isclose(total, people * rate, abs_tol=1e-9)
    # and every segment's share of it adds up to the whole
    assert math.isclose(sum(s.requests_per_week for s in refund.by_segment.values()), total, abs_tol=1e-9)


@settings(max_examples=150, deadline=None)
@given(orgs())
def test_attention_shares_sum_to_one(org):
    segments = diagnose(org).segments
    if any(role.serves and role.headcount for role in org.roles):
        assert math.isclose(sum(attention.share for attention in segments.values()), 1.0)
        assert math.isclose(sum(attention.weight for attention in segments.values()), 1.0)
        for attention in segments.values():
            assert math.isclose(sum(attention.by_purpose.values()), attention.headcount)
    else:
        assert all(attention.share == 0 for attention in segments.values())


@settings(max_examples=150, deadline=None)
@given(orgs(), st.data())
def test_a_grant_never_makes_more_requests_wait(org, data):
    role = data.draw(st.sampled_from([role.id for role in org.roles]))
    limit = data.draw(LIMITS)
    granted = apply_edits(org, [Edit("grant", role, "refund", limit)])
    before = diagnose(org).decisions["refund"].overall
    after = diagnose(granted).decisions["refund"].overall
    waiting_before = before.escalated_per_week + before.unreachable_per_week
    waiting_after = after.escalated_per_week + after.unreachable_per_week
    assert waiting_after <= waiting_before + 1e-9
    assert after.unreachable_per_week <= before.unreachable_per_week + 1e-9
    if before.unreachable_per_week == 0:  # every request reached someone: escalations alone never rise
        assert after.escalated_per_week <= before.escalated_per_week + 1e-9


@settings(max_examples=100, deadline=None)
@given(orgs())
def test_a_grant_of_any_amount_to_the_top_never_raises_escalated_requests(org):
    # the top already deciding everything, any further grant can only move requests nearer
    topped = apply_edits(org, [Edit("grant", "r0", "refund", None)])
    role = org.roles[-1].id
    before = diagnose(topped).decisions["refund"].overall
    after = diagnose(apply_edits(topped, [Edit("grant", role, "refund", None)])).decisions["refund"].overall
    assert before.unreachable_per_week == 0
    assert after.escalated_per_week <= before.escalated_per_week + 1e-9


@settings(max_examples=150, deadline=None)
@given(orgs(), st.sampled_from([5.0, 20.0, 80.0, 300.0, 1000.0]))
def test_the_charts_load_is_the_diagnosis_load_at_the_charts_amount(org, amount):
    found = escalations(org, reporting_tree(org), "refund", amount)
    on_chart = escalated_load(org, found, "refund")
    diagnosed = diagnose(org, amount=amount).decisions["refund"].load
    assert on_chart.keys() == diagnosed.keys()
    assert all(math.isclose(on_chart[role], diagnosed[role]) for role in on_chart)
    most = heaviest(on_chart)
    assert all(on_chart[role] == max(on_chart.values()) for role in most) and bool(most) == bool(on_chart)
