"""Matrix organisations: dotted lines in validation, in the metrics on request, and in files written back."""

import pytest
from click.testing import CliRunner

from orgcharts import load_text
from orgcharts.cli import main
from orgcharts.graph import reporting_tree
from orgcharts.loader.roundtrip import with_authority
from orgcharts.metrics import escalations
from orgcharts.whatif import Edit, apply_edits
from tests.conftest import errors_of
from tests.fixtures.orgs import HAND_CHECKED, MATRIX


def hops_of(text, decision, amount=None, **options):
    org = load_text(text).org
    return {e.role: (e.hops, e.path) for e in escalations(org, reporting_tree(org), decision, amount, **options)}


def test_dotted_lines_count_only_when_asked():
    assert hops_of(MATRIX, "refund")["rep"] == (2, ("rep", "sales", "top"))
    assert hops_of(MATRIX, "refund", via_dotted=True)["rep"] == (1, ("rep", "ops"))
    assert hops_of(MATRIX, "refund", 5000, via_dotted=True)["rep"] == (2, ("rep", "sales", "top")), (
        "above Operations' limit the reporting line is the shorter route"
    )


def test_the_reporting_line_wins_among_equal_routes():
    both = MATRIX.replace(
        "{id: sales, title: Sales, reports_to: top}", "{id: sales, title: Sales, reports_to: top, decides: [refund]}"
    )
    assert hops_of(both, "refund", via_dotted=True)["rep"] == (1, ("rep", "sales"))


def test_a_dotted_line_reaches_authority_the_chain_never_does():
    # exception: only Operations decides; Rep's chain (Sales, Top) cannot
    assert hops_of(MATRIX, "exception")["rep"] == (None, ("rep", "sales", "top"))
    assert hops_of(MATRIX, "exception", via_dotted=True)["rep"] == (1, ("rep", "ops"))
    # roles without dotted lines keep their answers
    plain = hops_of(MATRIX, "exception")
    assert {k: v for k, v in hops_of(MATRIX, "exception", via_dotted=True).items() if k != "rep"} == {
        k: v for k, v in plain.items() if k != "rep"
    }


def test_a_dotted_line_is_climbed_from_above_too():
    # Desk reports to Ops; Clerk's manager Store manager has a dotted line to Sales, which decides exceptions here
    text = HAND_CHECKED.replace(
        "{id: store_mgr, title: Store manager, reports_to: ops, decides: [{decision: refund, limit: 100}]}",
        "{id: store_mgr, title: Store manager, reports_to: ops, decides: [{decision: refund, limit: 100}],"
        " dotted_to: [sales]}",
    ).replace(
        "{id: sales, title: Sales, reports_to: top}", "{id: sales, title: Sales, reports_to: top, decides: [exception]}"
    )
    assert hops_of(text, "exception", via_dotted=True)["clerk"] == (2, ("clerk", "store_mgr", "ops"))


@pytest.mark.parametrize(
    ("dotted", "message"),
    [
        ("[opps]", "org.yaml:5:70: error: dotted_to 'opps' is not a role id (did you mean 'ops'?)"),
        ("[walkin]", "org.yaml:5:70: error: dotted_to 'walkin' is not a role id (it is the id of a customer segment)"),
        ("[a]", "org.yaml:5:70: error: role 'a' has a dotted line to itself; list its secondary managers"),
        ("[ops]", "org.yaml:5:70: error: dotted_to 'ops' is already the manager of role 'a'; remove it"),
    ],
)
def test_bad_dotted_lines_are_errors_at_their_place(dotted, message):
    text = (
        "organization: X\ncustomers: [{id: walkin, name: W}]\nroles:\n  - {id: ops, title: Ops}\n"
        f"  - {{id: a, title: A, reports_to: ops, serves: [walkin], dotted_to: {dotted}}}\n"
    )
    assert errors_of(text) == [message]


def test_dotted_lines_survive_writing_what_if_edits_back():
    org = load_text(MATRIX).org
    edited = apply_edits(org, [Edit("grant", "rep", org.decisions[0].id)])
    assert load_text(with_authority(MATRIX, "m.yaml", edited)).org.role("rep").dotted_to == ("ops",)


def test_hops_via_dotted_on_the_command_line(tmp_path):
    path = tmp_path / "matrix.yaml"
    path.write_text(MATRIX)
    plain = CliRunner().invoke(main, ["hops", str(path), "--decision", "exception", "--format", "csv"])
    dotted = CliRunner().invoke(main, ["hops", str(path), "--decision", "exception", "--format", "csv", "--via-dotted"])
    assert plain.exit_code == dotted.exit_code == 0
    assert "exception,rep,Rep,4,business,,,rep > sales > top" in plain.output
    assert "exception,rep,Rep,4,business,1,ops,rep > ops" in dotted.output
