"""Counts in the right plural, and one phrase for "no one can decide", everywhere the core writes them."""

from click.testing import CliRunner

from orgcharts import catalog
from orgcharts.cli import main
from orgcharts.loader import load_text
from orgcharts.loader.validate import check
from orgcharts.report import hop_report, hops_table, stats_table
from orgcharts.words import counted, plural
from tests.fixtures.orgs import HAND_CHECKED

SMALLEST = (
    "organization: One\ncustomers: [{id: c, name: C}]\ndecisions: [{id: d, name: D}]\n"
    "roles:\n  - {id: boss, title: Boss, decides: [d]}\n  - {id: rep, title: Rep, reports_to: boss, serves: [c]}\n"
)
NO_ONE = catalog.metric("unreachable").label


def test_plural_and_counted():
    assert [counted(n, "role") for n in (0, 1, 2, 1400)] == ["0 roles", "1 role", "2 roles", "1,400 roles"]
    assert (plural(1, "person"), plural(3, "person"), plural(2, "entry")) == ("person", "people", "entries")


def test_the_catalog_says_one_in_the_singular():
    values = {"roles": 1, "people": 1, "customer_facing_roles": 1, "layers": 1, "unreachable": 1}
    assert catalog.said(values, values) == (
        "1 role, 1 person, 1 customer-facing role, 1 layer, 1 where no one can decide"
    )
    assert catalog.said(["roles", "people"], {"roles": 2, "people": 0}) == "2 roles, 0 people"


def test_check_stats_and_examples_say_one_in_the_singular(tmp_path):
    path = tmp_path / "one.yaml"
    path.write_text(SMALLEST)
    said = CliRunner().invoke(main, ["check", str(path)]).stdout
    assert said == f"{path}: ok: One, 2 roles, 2 people, 1 customer segment, 1 decision, 1 customer-facing role\n"
    stats = stats_table(load_text(SMALLEST).org)
    assert "Spans: 1 manager, median 1, widest 1, 1 with a single direct report" in stats
    assert stats.startswith("One: 2 roles, 2 people, 2 layers\n")


def test_one_more_problem_is_one_problem(monkeypatch):
    from orgcharts.loader import validate

    document = {
        "organization": "X",
        "customers": [{"id": "c", "name": "C"}],
        "roles": [{"id": f"r{n}"} for n in range(9)],
    }
    monkeypatch.setattr(validate, "MAX_FINDINGS", 10**6)
    every = len(check(document))
    monkeypatch.setattr(validate, "MAX_FINDINGS", every - 1)
    assert check(document)[-1].message == "1 more problem not shown; fix these first"
    monkeypatch.setattr(validate, "MAX_FINDINGS", every - 2)
    assert check(document)[-1].message == "2 more problems not shown; fix these first"


def test_no_one_can_decide_is_said_one_way():
    org = load_text(HAND_CHECKED).org
    table = hops_table(hop_report(org, ["exception"]))
    lines = table.splitlines()
    assert lines[1].endswith(f", 1 where {NO_ONE}")
    assert "  Business: weighted mean – hops, max –, empowered 0%, 1 where no one can decide" in lines
    rep = next(line for line in lines if " rep " in f" {line} ")
    assert rep.split()[:2] == ["–", "rep"] and NO_ONE in rep
    assert "unreachable" not in table and "none" not in rep.split()[:1]
