"""The metric catalog: how each metric is shown, and proof that every metric in it reaches every
surface of the core (the compare table and its JSON, the hop report as text and JSON, the command line).

A dashboard test can do the same with ``tests.fixtures.surfaces``: each of
``compare_rows(compare(TODAY, TOMORROW))`` must appear in what it renders.
"""

import json

import pytest
from click.testing import CliRunner

from orgcharts import catalog
from orgcharts.cli import main
from orgcharts.compare import compare
from orgcharts.errors import UsageError
from orgcharts.graph import reporting_tree
from orgcharts.metrics import escalations, summarize
from tests.fixtures.orgs import DIAGNOSED, DIAGNOSED_PROPOSAL, HAND_CHECKED
from tests.fixtures.surfaces import TODAY, TOMORROW, compare_rows

COMPARED = (
    *catalog.ORG_METRICS,
    *catalog.DECISION_METRICS,
    *catalog.REQUESTS_SCOPE,
    *catalog.FRONT_LINE_METRICS,
    *catalog.SEGMENT_METRICS,
)
"""Every metric ``diff`` and the Compare tab compare: the whole catalog but a role's own load
(its heaviest is compared, per decision)."""


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        ("weighted_mean_hops", 13 / 19, "0.68"),
        ("weighted_mean_hops", 1.875, "1.88"),
        ("weighted_mean_hops", 2, "2.00"),  # two decimals, so that 2.00 -> 1.96 reads as a change
        ("weighted_mean_hops", 1.96, "1.96"),
        ("weighted_mean_hops", None, "–"),
        ("max_hops", 2, "2"),
        ("max_hops", None, "–"),
        ("empowered_share", 10 / 19, "53%"),
        ("unreachable", 0, "0"),
        ("people", 14000, "14,000"),
        ("median_span", 1.5, "1.5"),
        ("median_span", 2.0, "2"),
        ("median_span", None, "–"),
    ],
)
def test_each_metric_is_shown_one_way(key, value, shown):
    assert catalog.show(key, value) == catalog.metric(key).show(value) == shown


def test_the_catalog_is_complete_and_consistent():
    assert [m.key for m in catalog.METRICS] == [
        "roles",
        "people",
        "customer_facing_roles",
        "layers",
        "median_span",
        "weighted_mean_hops",
        "max_hops",
        "unreachable",
        "empowered_share",
        "requests_per_week",
        "escalated_per_week",
        "unreachable_per_week",
        "expected_hops",
        "mean_wait_hours",
        "heaviest_desk",
        "load",
        "front_line_ratio",
        "front_line_median_layer",
        "front_line_deepest_layer",
        "attention_share",
        "attention_ratio",
    ]
    assert catalog.metric("unreachable").label == "no one can decide"
    assert set(catalog.ORG_METRICS) | set(catalog.DECISION_METRICS) | set(catalog.DIAGNOSIS_METRICS) == set(
        catalog.METRICS
    )
    assert set(COMPARED) | {catalog.metric("load")} == set(catalog.METRICS), "all but a role's load are compared"
    assert set(catalog.request_values(None)) == {m.key for m in catalog.REQUESTS_SCOPE}
    assert set(catalog.org_values(TODAY, reporting_tree(TODAY))) == {m.key for m in catalog.ORG_METRICS}
    assert set(catalog.decision_values(None)) == {m.key for m in catalog.DECISION_METRICS}
    assert all(m.lower_is_better is None for m in catalog.ORG_METRICS), (
        "the org's own metrics are neither better nor worse"
    )
    with pytest.raises(UsageError, match="'hops' is not a metric"):
        catalog.metric("hops")


def test_better_follows_the_customer():
    assert catalog.better("weighted_mean_hops", 2.0, 1.96) is True
    assert catalog.better("empowered_share", 0.5, 0.4) is False
    assert catalog.better("roles", 9, 10) is None
    assert catalog.better("max_hops", None, 1) is None
    assert catalog.better("max_hops", 1, 1) is None


def test_every_metric_reaches_the_compare_table_and_its_json(tmp_path):
    before, after = tmp_path / "today.yaml", tmp_path / "proposal.yaml"
    before.write_text(DIAGNOSED)
    after.write_text(DIAGNOSED_PROPOSAL)
    table = CliRunner().invoke(main, ["diff", str(before), str(after)])
    document = json.loads(CliRunner().invoke(main, ["diff", str(before), str(after), "--format", "json"]).stdout)
    comparison = compare(TODAY, TOMORROW)
    rows = compare_rows(comparison)
    printed = [line.split() for line in table.output.splitlines()]
    for row in rows:
        expected = [row.decision or "(org)", *row.label.split(), row.before, row.after, *row.verdict.split()]
        assert expected in printed, row
    figures = ("pay", "tenure_years", "training_hours")
    assert {(row.decision, row.key, row.figure, row.segment) for row in rows} == (
        {(None, m.key, None, None) for m in catalog.ORG_METRICS}
        | {(None, "front_line_ratio", figure, None) for figure in figures}
        | {(None, key, None, None) for key in ("front_line_median_layer", "front_line_deepest_layer")}
        | {(d, m.key, None, None) for d in ("refund", "exception") for m in catalog.DECISION_METRICS}
        | {(d, m.key, None, None) for d in ("refund", "exception") for m in catalog.REQUESTS_SCOPE}
        | {(None, m.key, None, s) for s in ("walkin", "phone", "business") for m in catalog.SEGMENT_METRICS}
    ), "every compared metric of the catalog, for the org, each figure, each decision and each segment"
    assert {row.key for row in rows} == {m.key for m in COMPARED}
    measured = {row.key for row in rows if row.before != catalog.MISSING and row.after != catalog.MISSING}
    assert measured == {m.key for m in COMPARED}, "the pair measures every one of them"
    assert [
        (e["decision"], e["metric"], e.get("figure"), e.get("segment"), e["before"], e["after"])
        for e in document["metrics"]
    ] == [(c.decision, c.metric, c.figure, c.segment, c.before, c.after) for c in comparison.metrics]
    assert document["decisions"]["refund"]["requests_said"] == "Refund (refund) at 50 EUR (typical amount)"
    assert document["decisions"]["exception"]["requests_said"] is None, "no rate: no requests counted"


def test_every_diagnosis_metric_reaches_the_diagnosis_texts_and_json(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(DIAGNOSED)
    said = {
        style: CliRunner().invoke(main, ["diagnose", str(path), "--format", style]).output for style in ("table", "md")
    }
    document = json.loads(CliRunner().invoke(main, ["diagnose", str(path), "--format", "json"]).stdout)
    for m in catalog.DIAGNOSIS_METRICS:
        for style, text in said.items():
            assert m.label in text.replace("\\", ""), (style, m.key)
    refund = document["decisions"]["refund"]
    assert {key: refund[key] for key in catalog.REQUEST_METRICS} == {
        "requests_per_week": 38.0,
        "escalated_per_week": 38.0,
        "unreachable_per_week": 0.0,
        "expected_hops": round(46 / 38, 6),
        "mean_wait_hours": round(4 * 46 / 38, 6),
    }
    assert refund["load"] == {"store_mgr": 20.0, "ops": 10.0, "top": 8.0}, "the clerks' 20 climb to the store manager"
    assert document["front_line"]["pay"]["front_line_ratio"] == round(30000 / 90000, 6)
    assert document["layers_to_front_line"] == {"median": 4, "max": 4}
    assert document["segments"]["walkin"]["share"] == round(12.5 / 19, 6)


def test_every_decision_metric_reaches_the_hop_report(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(HAND_CHECKED)
    text = CliRunner().invoke(main, ["hops", str(path), "--decision", "exception"]).output
    document = json.loads(CliRunner().invoke(main, ["hops", str(path), "--format", "json"]).stdout)
    summary = summarize(TODAY, escalations(TODAY, reporting_tree(TODAY), "exception"), by_segment=False)
    values = catalog.decision_values(summary)
    assert values["unreachable"] == 1, "the exception leaves the rep with no one, so every phrase is said"
    headline = text.splitlines()[1]
    for m in catalog.DECISION_METRICS:
        assert m.phrase.format(m.show(values[m.key])) in headline, m.key
        assert m.key in document["summary"]["exception"], m.key
    assert document["summary"]["exception"]["unreachable"] == ["rep"], "the JSON lists who, not how many"


def test_org_metrics_reach_the_command_line(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(HAND_CHECKED)
    said = CliRunner().invoke(main, ["check", str(path)]).output + CliRunner().invoke(main, ["stats", str(path)]).output
    values = catalog.org_values(TODAY, reporting_tree(TODAY))
    for m in catalog.ORG_METRICS:
        assert m.phrase.format(m.show(values[m.key])) in said, m.key
