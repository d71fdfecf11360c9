"""Amounts that are always stated: a decision's typical amount, which amount the figures use,
and the words every surface says it in (the command line, JSON, reports and the dashboard)."""

import json

import pytest
from click.testing import CliRunner

from orgcharts import load_text
from orgcharts.amounts import ANY_AMOUNT, amount_document, amount_words, ignored_note, request_words, resolve
from orgcharts.cli import main
from orgcharts.loader import example_names, load_example
from orgcharts.model import Decision
from tests.conftest import NORTHWIND, diagnostics_of
from tests.fixtures.orgs import HAND_CHECKED

REFUND = Decision("refund", "Refund or bill credit", "USD", 200.0)
BARE = Decision("refund", "Refund or bill credit", "USD")
EXCEPTION = Decision("exception", "Exception")


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.mark.parametrize(
    ("decision", "given", "amount", "basis", "words"),
    [
        (REFUND, None, 200, "typical", "200 USD (typical amount)"),
        (REFUND, 400, 400, "given", "400 USD"),
        (REFUND, 0, 0, "given", "0 USD"),
        (BARE, 1500, 1500, "given", "1,500 USD"),
        (BARE, None, None, "none", "any amount, however small (limits ignored)"),
        (EXCEPTION, 400, None, "no unit", ""),
    ],
)
def test_the_amount_used_and_its_words(decision, given, amount, basis, words):
    asked = resolve(decision, given)
    assert (asked.amount, asked.basis, amount_words(asked)) == (amount, basis, words)
    assert amount_document(asked) == {"amount": amount, "amount_basis": basis, "amount_said": words}


def test_a_request_in_words_and_the_note_when_limits_are_ignored():
    assert request_words(resolve(REFUND)) == "Refund or bill credit of 200 USD (typical amount)"
    assert request_words(resolve(REFUND, 400), "refund") == "refund of 400 USD"
    assert request_words(resolve(BARE)) == f"Refund or bill credit of {ANY_AMOUNT}"
    assert request_words(resolve(EXCEPTION)) == "Exception"
    assert ignored_note(resolve(BARE)) == (
        "note: refund has no typical amount and no --amount was given: limits ignored, any authority counts"
    )
    assert ignored_note(resolve(REFUND)) is ignored_note(resolve(EXCEPTION)) is None


def test_a_typical_amount_is_read_and_needs_a_unit():
    text = NORTHWIND.replace("    unit: USD\n", "    unit: USD\n    typical_amount: 150\n")
    assert load_text(text).org.decision_index["refund"].typical_amount == 150
    no_unit = NORTHWIND.replace(
        "    name: Early upgrade outside policy\n", "    name: Early upgrade outside policy\n    typical_amount: 3\n"
    )
    assert (
        "org.yaml:13:5: error: decision 'early_upgrade' has no unit, so typical_amount 3 cannot be an amount of it; "
        "give the decision a unit or remove typical_amount"
    ) in diagnostics_of(no_unit)
    for bad, shown in (("0", "0"), ("-5", "-5"), ("lots", "'lots'")):
        wrong = NORTHWIND.replace("    unit: USD\n", f"    unit: USD\n    typical_amount: {bad}\n")
        said = diagnostics_of(wrong)
        assert any(line.startswith("org.yaml:11:21: error: typical_amount of decision 'refund'") for line in said), said
        assert any(shown in line for line in said), said


@pytest.mark.parametrize("name", example_names())
def test_every_shipped_example_states_a_typical_amount_for_each_decision_with_a_unit(name):
    org = load_example(name).org
    with_unit = [d for d in org.decisions if d.unit]
    assert with_unit, name
    for decision in with_unit:
        assert decision.typical_amount and decision.typical_amount > 0, (name, decision.id)


def test_telecom_refund_is_measured_at_its_typical_200_usd():
    result = run("hops", "--example", "telecom", "--decision", "refund")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith(
        "Refund or bill credit (refund) of 200 USD (typical amount): weighted mean 1.88 hops, max 2, empowered 1%"
    )
    assert "limits ignored" not in result.stderr
    document = json.loads(run("hops", "--example", "telecom", "--decision", "refund", "--format", "json").stdout)
    summary = document["summary"]["refund"]
    assert (summary["amount"], summary["amount_basis"], summary["amount_said"]) == (
        200,
        "typical",
        "200 USD (typical amount)",
    )
    assert summary["max_hops"] == 2 and summary["empowered_share"] < 0.05
    given = json.loads(
        run("hops", "--example", "telecom", "--decision", "refund", "--amount", "400", "--format", "json").stdout
    )
    assert (given["amount"], given["summary"]["refund"]["amount"], given["summary"]["refund"]["amount_basis"]) == (
        400,
        400,
        "given",
    )


def test_without_amount_or_typical_amount_limits_are_ignored_and_said_so(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(HAND_CHECKED)
    result = run("hops", path, "--decision", "refund")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith(f"Refund (refund) of {ANY_AMOUNT}: ")
    assert result.stderr == (
        "note: refund has no typical amount and no --amount was given: limits ignored, any authority counts\n"
    )
    document = json.loads(run("hops", path, "--format", "json").stdout)
    assert document["summary"]["refund"]["amount"] is None
    assert document["summary"]["refund"]["amount_basis"] == "none"
    assert document["summary"]["exception"]["amount_basis"] == "no unit"
    assert run("hops", path, "--amount", "50").stderr == "", "an amount was given: nothing ignored"
    rows = run("hops", path, "--format", "csv", "--decision", "refund", "--amount", "50").stdout.splitlines()
    assert rows[0].endswith(",amount") and rows[1].endswith(",50")


def test_diff_uses_the_typical_amount_and_says_which(tmp_path):
    before, after = tmp_path / "today.yaml", tmp_path / "proposal.yaml"
    typical = HAND_CHECKED.replace("unit: EUR}", "unit: EUR, typical_amount: 60}")
    before.write_text(typical)
    after.write_text(typical.replace("{id: desk, title: Desk,", "{id: desk, title: Desk, decides: [refund],"))
    table = run("diff", before, after)
    assert table.exit_code == 0, table.output
    assert "refund of 60 EUR (typical amount)" in table.stdout
    line = next(line for line in table.stdout.splitlines() if line.startswith("refund") and "weighted mean" in line)
    # at 60 EUR: clerk (up to 20) climbs 1, desk 1, rep 2 -> 23/19; after, desk decides: 18/19
    assert line.split()[4:6] == ["1.21", "0.95"]
    document = json.loads(run("diff", before, after, "--format", "json").stdout)
    assert document["amount"] is None
    assert document["decisions"]["refund"] == {
        "amount": 60,
        "amount_basis": "typical",
        "amount_said": "60 EUR (typical amount)",
        "requests_said": None,  # no requests.per_person_per_week: no requests counted
    }
    bare = tmp_path / "bare.yaml"
    bare.write_text(HAND_CHECKED)
    assert "note: refund has no typical amount" in run("diff", bare, bare).stderr


def test_render_measures_at_the_typical_amount_and_says_so(tmp_path):
    out = tmp_path / "chart.html"
    result = run("render", "--example", "telecom", "--decision", "refund", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].endswith(", refund of 200 USD (typical amount)")
    path = tmp_path / "org.yaml"
    path.write_text(HAND_CHECKED)
    bare = run("render", path, "-o", tmp_path / "bare.html")
    assert bare.stderr.splitlines() == [
        f"{tmp_path / 'bare.html'}: HTML, fills the window, 9 roles drawn, refund of {ANY_AMOUNT}",
        "note: refund has no typical amount and no --amount was given: limits ignored, any authority counts",
    ]
