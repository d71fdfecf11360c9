"""Two orgs compared: metrics before and after on a hand-checked pair, and every kind of role change."""

import dataclasses
import json

import pytest
from click.testing import CliRunner

from orgcharts import catalog, load_text
from orgcharts.cli import main
from orgcharts.compare import MetricChange, compare, comparison_table, metric_label
from orgcharts.whatif import Edit, apply_edits
from tests.fixtures.orgs import DIAGNOSED, DIAGNOSED_PROPOSAL, HAND_CHECKED, PROPOSAL

TODAY = load_text(HAND_CHECKED).org
TOMORROW = load_text(PROPOSAL).org


def metric(comparison, decision, name):
    (found,) = [m for m in comparison.metrics if m.decision == decision and m.metric == name]
    return found


def test_the_hand_checked_pair():
    comparison = compare(TODAY, TOMORROW)
    # refund today: clerk 0 hops (10 people), desk 1 (5), rep 2 (4) -> 13/19; tomorrow: 0, 0, rep 1, kiosk 1 -> 5/20
    assert metric(comparison, "refund", "weighted_mean_hops") == MetricChange(
        "refund", "weighted_mean_hops", 13 / 19, 0.25
    )
    assert metric(comparison, "refund", "max_hops").after == 1
    assert metric(comparison, "refund", "empowered_share") == MetricChange("refund", "empowered_share", 10 / 19, 0.75)
    # exception (only Operations decides): rep could reach no one, now one hop
    assert metric(comparison, "exception", "unreachable") == MetricChange("exception", "unreachable", 1, 0)
    assert metric(comparison, "exception", "weighted_mean_hops") == MetricChange(
        "exception", "weighted_mean_hops", 25 / 15, 30 / 20
    )
    assert metric(comparison, None, "customer_facing_roles") == MetricChange(None, "customer_facing_roles", 3, 4)
    assert metric(comparison, None, "people") == MetricChange(None, "people", 25, 25)
    assert [(r.change, r.role, r.before, r.after) for r in comparison.roles] == [
        ("authority", "desk", "none", "Refund up to 50 EUR"),
        ("moved", "rep", "reports to Sales", "reports to Operations"),
        ("retitled", "it", "IT", "Technology"),
        ("added", "kiosk", None, "reports to Operations"),
        ("removed", "hr", "reports to Top", None),
    ]
    assert [(r.ids_before, r.ids_after) for r in comparison.roles][1:2] == [("reports to sales", "reports to ops")]
    assert [r.sentence for r in comparison.roles] == [
        "authority: none → Refund up to 50 EUR",
        "moved: reports to Sales → reports to Operations",
        "retitled: IT → Technology",
        "added: reports to Operations",
        "removed: reports to Top",
    ]
    assert comparison.changed_roles == {"desk", "rep", "it", "kiosk", "hr"}


def test_better_and_worse_follow_the_customer():
    comparison = compare(TODAY, TOMORROW)
    assert metric(comparison, "refund", "weighted_mean_hops").better is True
    assert metric(comparison, "refund", "empowered_share").better is True
    assert compare(TOMORROW, TODAY).metrics == [
        dataclasses.replace(m, before=m.after, after=m.before) for m in comparison.metrics
    ]
    assert metric(compare(TOMORROW, TODAY), "refund", "max_hops").better is False
    assert metric(comparison, None, "roles").better is None, "more roles is neither better nor worse"


def test_an_amount_and_a_decision_only_one_side_has():
    richer = load_text(
        PROPOSAL.replace(
            "  - {id: exception, name: Exception}\n",
            "  - {id: exception, name: Exception}\n  - {id: swap, name: Swap}\n",
        )
    ).org
    comparison = compare(TODAY, richer, amount=60)
    assert metric(comparison, "swap", "max_hops") == MetricChange("swap", "max_hops", None, None)
    # at 60 EUR the clerk (up to 20) climbs to the store manager, desk (up to 50) to ops
    assert metric(comparison, "refund", "weighted_mean_hops").before == (10 * 1 + 5 * 1 + 4 * 2) / 19


def test_identical_orgs_differ_in_nothing():
    comparison = compare(TODAY, load_text(HAND_CHECKED).org)
    assert comparison.roles == [] and all(m.before == m.after for m in comparison.metrics)
    assert comparison_table(comparison, "a.yaml", "b.yaml").endswith("No role changed.\n")


def test_the_command_table_and_json(tmp_path):
    before, after = tmp_path / "today.yaml", tmp_path / "proposal.yaml"
    before.write_text(HAND_CHECKED)
    after.write_text(PROPOSAL)
    table = CliRunner().invoke(main, ["diff", str(before), str(after)])
    assert table.exit_code == 0, table.output
    assert "5 roles changed" in table.output
    line = next(line for line in table.output.splitlines() if line.startswith("refund") and "weighted mean" in line)
    assert line.split() == ["refund", "weighted", "mean", "hops", "0.68", "0.25", "better"]
    document = json.loads(CliRunner().invoke(main, ["diff", str(before), str(after), "--format", "json"]).stdout)
    assert document["before"] == {"source": str(before), "organization": "Hand-checked"}
    assert {
        "role": "kiosk",
        "title": "Kiosk",
        "change": "added",
        "before": None,
        "after": "reports to ops",
    } in document["roles"]


def test_the_command_refuses_an_invalid_side(tmp_path):
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(HAND_CHECKED)
    bad.write_text(HAND_CHECKED.replace("reports_to: sales", "reports_to: salse"))
    result = CliRunner().invoke(main, ["diff", str(good), str(bad)])
    assert result.exit_code == 1
    assert "reports_to 'salse' is not a role id (did you mean 'sales'?)" in result.output


@pytest.mark.parametrize("side", [0, 1])
def test_a_missing_file_is_named(tmp_path, side):
    files = [str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]
    (tmp_path / ("b.yaml" if side == 0 else "a.yaml")).write_text(HAND_CHECKED)
    result = CliRunner().invoke(main, ["diff", *files])
    assert result.exit_code == 1 and files[side] in result.output


def test_a_changed_limit_is_a_change_even_when_no_hop_count_moves(tmp_path):
    raised = HAND_CHECKED.replace(
        "decides: [{decision: refund, limit: 20}]", "decides: [{decision: refund, limit: 30}]"
    )
    raised = raised.replace(
        "{id: top, title: Top, decides: [refund]}", "{id: top, title: Top, decides: [{decision: refund, limit: 5000}]}"
    )
    comparison = compare(TODAY, load_text(raised).org)
    assert all(m.before == m.after for m in comparison.metrics), "any limit counts: no figure moves"
    assert [(r.change, r.role, r.decision, r.before, r.after, r.sentence) for r in comparison.roles] == [
        ("limit", "top", "refund", "none", "5,000 EUR", "limit: Refund limit none → 5,000 EUR"),
        ("limit", "clerk", "refund", "20 EUR", "30 EUR", "limit: Refund limit 20 → 30 EUR"),
    ]
    before, after = tmp_path / "today.yaml", tmp_path / "raised.yaml"
    before.write_text(HAND_CHECKED)
    after.write_text(raised)
    table = CliRunner().invoke(main, ["diff", str(before), str(after)]).stdout
    assert "2 roles changed" in table
    assert next(line for line in table.splitlines() if line.startswith("limit") and "clerk" in line).split() == [
        "limit",
        "clerk",
        "Clerk",
        "Refund",
        "limit",
        "20",
        "→",
        "30",
        "EUR",
    ]
    document = json.loads(CliRunner().invoke(main, ["diff", str(before), str(after), "--format", "json"]).stdout)
    assert document["roles"][1] == {
        "role": "clerk",
        "title": "Clerk",
        "change": "limit",
        "decision": "refund",
        "before": "20 EUR",
        "after": "30 EUR",
    }


def test_one_role_changed_is_said_in_the_singular():
    retitled = load_text(HAND_CHECKED.replace("{id: it, title: IT,", "{id: it, title: Technology,")).org
    assert "\n1 role changed\n" in comparison_table(compare(TODAY, retitled), "a.yaml", "b.yaml")


def test_the_diagnostics_compared_on_the_hand_checked_pair():
    """tests/fixtures/orgs.py works out the requests by hand: at 50 EUR, 38 a week all escalated
    today; 40 a week, 30 escalated, in the proposal."""
    today, tomorrow = load_text(DIAGNOSED).org, load_text(DIAGNOSED_PROPOSAL).org
    comparison = compare(today, tomorrow)
    requests = {
        m.metric: (m.before, m.after, m.better)
        for m in comparison.metrics
        if m.decision == "refund" and m.metric in (*catalog.REQUEST_METRICS, "heaviest_desk")
    }
    assert requests == {
        "requests_per_week": (38.0, 40.0, None),
        "escalated_per_week": (38.0, 30.0, True),
        "unreachable_per_week": (0.0, 0.0, None),
        "expected_hops": (46 / 38, 0.75, True),
        "mean_wait_hours": (4 * 46 / 38, 3.0, True),
        "heaviest_desk": (20.0, 20.0, None),  # the store manager's, the clerks' requests, both times
    }
    front = [m for m in comparison.metrics if m.decision is None and m.figure]
    assert [(m.figure, m.before, m.after) for m in front] == [
        ("pay", 30000 / 90000, 30000 / 90000),  # the clerks' 30,000 against the managers' median
        ("tenure_years", None, None),
        ("training_hours", None, None),
    ]
    layer = {m.metric: (m.before, m.after) for m in comparison.metrics if m.metric.startswith("front_line_")}
    assert layer["front_line_median_layer"] == (4, 3), "the clerks' 10 of 19 at layer 4; the kiosk tips it to 3"
    walkin = {m.metric: (m.before, m.after) for m in comparison.metrics if m.segment == "walkin"}
    assert walkin == {
        "attention_share": (12.5 / 19, 13.5 / 20),  # the clerks, half the desk, and the kiosk
        "attention_ratio": ((12.5 / 19) / 0.5, (13.5 / 20) / 0.5),
    }
    labels = [metric_label(comparison, m, names=True) for m in comparison.metrics if m.figure or m.segment]
    assert labels[0] == "front line against the rest: pay (yearly)"
    assert "attention against weight: Walk-in" in labels
    assert comparison.requests_at == {"refund": "Refund (refund) at 50 EUR (typical amount)"}


def test_requests_are_measured_at_each_sides_mix_without_an_amount():
    mixed = DIAGNOSED.replace(
        "requests: {per_person_per_week: 2}",
        "requests: {per_person_per_week: 2, amounts: [{amount: 10, share: 0.5}, {amount: 500, share: 0.5}]}",
    )
    comparison = compare(load_text(mixed).org, load_text(DIAGNOSED).org)
    escalated = [m for m in comparison.metrics if m.decision == "refund" and m.metric == "escalated_per_week"]
    # at 10 EUR the clerks decide their own 10 a week; at 500 every request climbs
    assert [(m.before, m.after) for m in escalated] == [(28.0, 38.0)]
    assert comparison.requests_at["refund"] == "Refund (refund) at its request mix: 50% at 10 and 50% at 500 EUR"
    at_amount = compare(load_text(mixed).org, load_text(DIAGNOSED).org, amount=500)
    escalated = [m for m in at_amount.metrics if m.decision == "refund" and m.metric == "escalated_per_week"]
    assert [(m.before, m.after) for m in escalated] == [(38.0, 38.0)], "an amount given replaces both sides' mix"
    dashboard = compare(load_text(mixed).org, load_text(DIAGNOSED).org, amount=500, request_amount=None)
    escalated = [m for m in dashboard.metrics if m.decision == "refund" and m.metric == "escalated_per_week"]
    assert [(m.before, m.after) for m in escalated] == [(28.0, 38.0)], "the dashboard's untyped amount: the mix"
    assert metric(dashboard, "refund", "max_hops").before == 2, "while the hops are at 500 EUR"


def test_a_grant_to_the_front_line_lightens_the_heaviest_desk():
    """The clerks given refunds up to 100 EUR decide their own 20 a week (their load rises from 0
    to 20) and the store manager's desk empties: the heaviest desk is Operations' 10, better."""
    today = load_text(DIAGNOSED).org
    granted = apply_edits(today, [Edit("grant", "clerk", "refund", 100)])
    (desk,) = [m for m in compare(today, granted).metrics if m.decision == "refund" and m.metric == "heaviest_desk"]
    assert (desk.before, desk.after, desk.better) == (20.0, 10.0, True)
