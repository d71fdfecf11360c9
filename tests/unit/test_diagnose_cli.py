"""``orgcharts diagnose``: the stable JSON on the hand-checked org of test_diagnostics, the
table and Markdown opening with the findings, and bad usage."""

import json

from click.testing import CliRunner

from orgcharts.cli import main
from tests.fixtures.orgs import TINY


def run(tmp_path, *args, text=TINY):
    path = tmp_path / "tiny.yaml"
    path.write_text(text)
    return CliRunner().invoke(main, ["diagnose", str(path), *args])


def one_hop_each(requests, escalated, unreachable):
    """A decision's figures in TINY, where every escalated request climbs exactly one hop and a
    hop waits 4 hours: expected hops are the escalated share of the reachable requests."""
    reachable = requests - unreachable
    return {
        "amount": None,
        "requests_per_week": requests,
        "escalated_per_week": escalated,
        "unreachable_per_week": unreachable,
        "expected_hops": round(escalated / reachable, 6),
        "mean_wait_hours": round(4 * escalated / reachable, 6),
    }


def test_the_json_is_the_documented_interface(tmp_path):
    result = run(tmp_path, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert list(document) == [
        "organization",
        "decisions",
        "front_line",
        "segments",
        "span_bands",
        "layers_to_front_line",
    ]
    refund = document["decisions"]["refund"]
    assert refund == {
        **one_hop_each(32.0, 14.0, 8.0),
        "load": {"agent": 10.0, "manager": 5.0, "ceo": 9.0},
        "by_segment": {"consumers": one_hop_each(22.0, 11.5, 5.5), "business": one_hop_each(10.0, 2.5, 2.5)},
    }
    exception = document["decisions"]["exception"]
    assert (exception["requests_per_week"], exception["load"], exception["expected_hops"]) == (None, None, 1.25)
    assert document["front_line"]["pay"] == {
        "0": 30000.0,
        "1": 80000.0,
        "2": 60000.0,
        "3+": None,
        "none": None,
        "front_line_ratio": 0.5,
    }
    assert document["segments"]["business"] == {
        "headcount": 5.0,
        "share": 0.3125,
        "weight": 0.25,
        "ratio": 1.25,
        "flag": None,
        "by_purpose": {"acquisition": 5.0, "retention": 0.0, "service": 0.0},
    }
    assert document["span_bands"] == {"1": 1, "2-3": 1, "4-7": 0, "8-12": 0, "13-16": 0, "17+": 0}
    assert document["layers_to_front_line"] == {"median": 3, "max": 3}


def test_an_amount_replaces_the_mix_and_a_decision_narrows(tmp_path):
    document = json.loads(run(tmp_path, "--decision", "refund", "--amount", "100", "--format", "json").output)
    assert list(document["decisions"]) == ["refund"]
    assert document["decisions"]["refund"]["amount"] == 100.0
    assert document["decisions"]["refund"]["load"] == {"manager": 20.0, "ceo": 12.0}


def test_the_table_opens_with_the_findings(tmp_path):
    result = run(tmp_path)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[:3] == ["Tiny: diagnosis", "", "Findings"]
    assert lines[3] == (
        "  1. Requests to Store rep (6 people, 38% of your customer-facing people) climb 1 hop for refund "
        "(50% at 20, 25% at 100 and 25% at 1,000 USD): 9 requests a week wait 4 hours."
    )
    assert "Requests: Refund (refund) at its request mix: 50% at 20, 25% at 100 and 25% at 1,000 USD" in lines
    assert any(line.split()[:3] == ["refund", "(all)", "32"] for line in lines)
    assert (
        "Requests: Exception (exception) (no requests.per_person_per_week: counts left out, hops weighted by headcount)"
        in lines
    )


def test_markdown_opens_with_the_findings(tmp_path):
    result = run(tmp_path, "--format", "md")
    assert result.output.startswith("# Tiny: diagnosis\n\n## Findings\n\n1. Requests to Store rep (6 people")
    assert "| refund (all) | 32 | 14 | 8 | 0.58 | 2.3 |" in result.output


def test_an_unknown_decision_is_refused_with_a_suggestion(tmp_path):
    result = run(tmp_path, "--decision", "refnd")
    assert result.exit_code == 2
    assert "'refnd' is not a decision id (did you mean 'refund'?)" in result.output


def test_an_invalid_file_prints_its_errors_not_a_traceback(tmp_path):
    result = run(tmp_path, text=TINY.replace("share: 0.5}", "share: 0.4}"))
    assert result.exit_code == 1
    assert (
        "tiny.yaml:11:7: error: the shares of the request amounts of decision 'refund' sum to 0.9, not 1"
        in result.output
    )
    assert "Traceback" not in result.output


def test_an_org_without_decisions_still_gets_its_structure(tmp_path):
    text = "organization: X\ncustomers: [{id: c, name: C}]\nroles:\n  - {id: a, title: A, serves: [c], pay: 10}\n"
    result = run(tmp_path, "--format", "json", text=text)
    document = json.loads(result.stdout)
    assert document["decisions"] == {}
    assert document["layers_to_front_line"] == {"median": 1, "max": 1}
    assert document["front_line"]["pay"]["0"] == 10.0
