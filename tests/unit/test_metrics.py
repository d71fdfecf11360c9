"""Metrics on the hand-checked org (``tests/fixtures/orgs.py`` draws it). Every expected number
below was worked out on paper."""

import pytest

from orgcharts import load_text
from orgcharts.errors import UnknownIdError
from orgcharts.graph import climb, depths, reporting_tree, sight_graph, top_down
from orgcharts.metrics import escalations, layers, line_of_sight, median_span, spans, summarize
from tests.fixtures.orgs import HAND_CHECKED


@pytest.fixture(scope="module")
def org():
    return load_text(HAND_CHECKED).org


@pytest.fixture(scope="module")
def tree(org):
    return reporting_tree(org)


def table(found):
    return {e.role: (e.hops, e.authority, e.path) for e in found}


def test_hops_without_an_amount_any_authority_counts(org, tree):
    assert table(escalations(org, tree, "refund")) == {
        "clerk": (0, "clerk", ("clerk",)),
        "desk": (1, "ops", ("desk", "ops")),
        "rep": (2, "top", ("rep", "sales", "top")),
    }


@pytest.mark.parametrize(
    ("amount", "clerk"),
    [
        (20, (0, "clerk", ("clerk",))),
        (50, (1, "store_mgr", ("clerk", "store_mgr"))),
        (100, (1, "store_mgr", ("clerk", "store_mgr"))),
        (100.01, (2, "ops", ("clerk", "store_mgr", "ops"))),
        (5000, (3, "top", ("clerk", "store_mgr", "ops", "top"))),
    ],
)
def test_limits_decide_how_far_a_request_climbs(org, tree, amount, clerk):
    assert table(escalations(org, tree, "refund", amount))["clerk"] == clerk


def test_unreachable_roles_have_no_hops_and_climb_to_the_top(org, tree):
    assert table(escalations(org, tree, "exception")) == {
        "clerk": (2, "ops", ("clerk", "store_mgr", "ops")),
        "desk": (1, "ops", ("desk", "ops")),
        "rep": (None, None, ("rep", "sales", "top")),
    }


def test_amount_is_ignored_for_decisions_without_a_unit(org, tree):
    assert escalations(org, tree, "exception", 10**9) == escalations(org, tree, "exception")


def test_summary_weights_by_headcount(org, tree):
    summary = summarize(org, escalations(org, tree, "refund"))
    assert summary.customer_facing_roles == 3
    assert summary.weighted_mean_hops == pytest.approx(13 / 19)
    assert summary.max_hops == 2
    assert summary.empowered_share == pytest.approx(10 / 19)
    assert summary.unreachable == ()


def test_summary_with_unreachable_roles(org, tree):
    summary = summarize(org, escalations(org, tree, "exception"))
    assert summary.weighted_mean_hops == pytest.approx(25 / 15)
    assert summary.max_hops == 2
    assert summary.empowered_share == 0
    assert summary.unreachable == ("rep",)


def test_summary_per_segment(org, tree):
    segments = summarize(org, escalations(org, tree, "refund")).by_segment
    assert {
        key: (s.customer_facing_roles, s.weighted_mean_hops, s.max_hops, s.empowered_share)
        for key, s in segments.items()
    } == {
        "walkin": (2, pytest.approx(1 / 3), 1, pytest.approx(10 / 15)),
        "phone": (1, 1.0, 1, 0.0),
        "business": (1, 2.0, 2, 0.0),
    }


def test_unknown_decision_is_our_error(org, tree):
    with pytest.raises(UnknownIdError, match="'refnd' is not a decision of Hand-checked"):
        escalations(org, tree, "refnd")


def test_top_role_can_be_customer_facing():
    base = "organization: Solo\ncustomers: [{id: c, name: C}]\ndecisions: [{id: d, name: D}]\nroles:\n"
    alone = load_text(base + "  - {id: owner, title: Owner, serves: [c]}\n").org
    (escalation,) = escalations(alone, reporting_tree(alone), "d")
    assert (escalation.hops, escalation.authority, escalation.path) == (None, None, ("owner",))
    deciding = load_text(base + "  - {id: owner, title: Owner, serves: [c], decides: [d]}\n").org
    (escalation,) = escalations(deciding, reporting_tree(deciding), "d")
    assert (escalation.hops, escalation.authority, escalation.path) == (0, "owner", ("owner",))
    assert summarize(deciding, [escalation]).empowered_share == 1.0


def test_zero_headcount_gives_no_mean():
    text = (
        "organization: Vacant\ncustomers: [{id: c, name: C}]\ndecisions: [{id: d, name: D}]\nroles:\n"
        "  - {id: boss, title: Boss, decides: [d]}\n"
        "  - {id: seat, title: Empty seat, reports_to: boss, headcount: 0, serves: [c]}\n"
    )
    org = load_text(text).org
    summary = summarize(org, escalations(org, reporting_tree(org), "d"))
    assert (summary.weighted_mean_hops, summary.max_hops, summary.empowered_share) == (None, 1, 0.0)


def test_spans_count_positions_and_people(org, tree):
    assert [(s.manager, s.positions, s.people) for s in spans(org, tree)] == [
        ("top", 4, 4),
        ("ops", 2, 6),
        ("store_mgr", 1, 10),
        ("sales", 1, 4),
    ]
    assert median_span(spans(org, tree)) == 1.5


def test_layers_from_the_top(org, tree):
    assert [(layer.number, layer.roles, layer.headcount) for layer in layers(org, tree)] == [
        (1, ("top",), 1),
        (2, ("ops", "sales", "hr", "it"), 4),
        (3, ("store_mgr", "desk", "rep"), 10),
        (4, ("clerk",), 10),
    ]


def test_one_climb_and_one_depth(org, tree):
    assert climb(org, "clerk") == ("clerk", "store_mgr", "ops", "top")
    assert climb(org, "clerk", 2) == ("clerk", "store_mgr", "ops"), "two reporting lines climbed"
    assert climb(org, "clerk", 0) == ("clerk",)
    assert climb(org, "top") == ("top",)
    assert climb(org, "clerk")[1:] == ("store_mgr", "ops", "top"), "everyone above, nearest first"
    assert depths(org, tree) == {
        "top": 0, "ops": 1, "sales": 1, "hr": 1, "it": 1, "store_mgr": 2, "desk": 2, "rep": 2, "clerk": 3
    }  # fmt: skip
    assert [layer.roles for layer in layers(org, tree)] == [
        tuple(role for role in top_down(org, tree) if depths(org, tree)[role] == number) for number in range(4)
    ]


def test_line_of_sight_through_reports_and_supported_roles(org):
    assert line_of_sight(org, sight_graph(org)) == {
        "top": 2,
        "ops": 1,
        "store_mgr": 1,
        "clerk": 0,
        "desk": 0,
        "sales": 1,
        "rep": 0,
        "hr": 2,
        "it": None,
    }


def test_line_of_sight_without_any_customer_facing_role():
    org = load_text("organization: X\ncustomers: [{id: c, name: C}]\nroles: [{id: a, title: A}]\n").org
    assert line_of_sight(org, sight_graph(org)) == {"a": None}


def test_metrics_are_linear_on_a_deep_chain():
    """A 20,000-role chain: quadratic code would take minutes; the linear code a blink."""
    roles = ["  - {id: r0, title: Top, decides: [d]}"]
    roles += [f"  - {{id: r{i}, title: T, reports_to: r{i - 1}}}" for i in range(1, 20_000)]
    roles.append("  - {id: front, title: Front, reports_to: r19999, serves: [c]}")
    text = "organization: Chain\ncustomers: [{id: c, name: C}]\ndecisions: [{id: d, name: D}]\nroles:\n" + "\n".join(
        roles
    )
    org = load_text(text).org
    tree = reporting_tree(org)
    assert len(top_down(org, tree)) == 20_001
    (escalation,) = escalations(org, tree, "d")
    assert escalation.hops == 20_000
    assert len(layers(org, tree)) == 20_001
    assert line_of_sight(org, sight_graph(org))["r0"] == 20_000
