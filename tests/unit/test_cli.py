"""The command line: output, formats and exit codes (0 valid, 1 invalid, 2 bad usage)."""

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from orgcharts.cli import main
from orgcharts.errors import Diagnostic, OrgChartsError, OrgFileError, UnknownIdError, UsageError
from tests.fixtures.orgs import HAND_CHECKED


@pytest.fixture
def org_file(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(HAND_CHECKED)
    return path


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_check_valid_file_prints_one_line_summary(org_file):
    result = run("check", org_file)
    assert result.exit_code == 0
    assert result.stdout == (
        f"{org_file}: ok: Hand-checked, 9 roles, 25 people, 3 customer segments, 2 decisions, 3 customer-facing roles, 1 warning\n"
    )
    assert f"{org_file}:19:10: warning: role 'it' serves no segment" in result.stderr


def test_check_invalid_file_exits_1_with_errors(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("organization: X\ncustomers: [{id: c, name: C}]\nroles:\n  - {id: a, title: A, reports_to: b}\n")
    result = run("check", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}:3:1: error: no top role: every role has a reports_to; the top role (the chief executive) must have none",
        f"{path}:4:35: error: reports_to 'b' is not a role id",
        f"{path}:1:1: warning: no decisions listed: add the decisions customers bring to measure decision distance",
        f"{path}:4:10: warning: role 'a' serves no segment, supports no role and manages no one: "
        "it has no line of sight to a customer",
        "2 errors: the org was not loaded",
    ]


def test_bad_usage_exits_2(org_file):
    assert run("check").exit_code == 2
    assert run("check", org_file, "--example", "telecom").exit_code == 2
    result = run("hops", org_file, "--decision", "refnd")
    assert result.exit_code == 2
    assert "'refnd' is not a decision id (did you mean 'refund'?)" in result.stderr
    assert run("hops", org_file, "--segment", "nobody").exit_code == 2
    assert run("hops", org_file, "--amount", "-5").exit_code == 2
    assert run("hops", org_file, "--format", "xml").exit_code == 2


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (UsageError("a rule is malformed"), 2),
        (UnknownIdError("'x' is not a decision of Y"), 2),
        (OrgChartsError("something of ours went wrong"), 1),
    ],
)
def test_an_error_a_command_lets_through_is_one_line_and_an_exit_code(org_file, monkeypatch, error, code):
    def fails(*args, **options):
        raise error

    monkeypatch.setattr("orgcharts.cli.measure.hop_report", fails)
    result = run("hops", org_file)
    assert result.exit_code == code
    assert result.stderr.splitlines()[-1] == f"Error: {error}"
    assert "Traceback" not in result.output and not isinstance(result.exception, OrgChartsError)


def test_an_invalid_file_a_command_lets_through_prints_its_diagnostics(org_file, monkeypatch):
    def fails(*args, **options):
        raise OrgFileError([Diagnostic("error", "broken", "other.yaml", 3)])

    monkeypatch.setattr("orgcharts.cli.measure.hop_report", fails)
    result = run("hops", org_file)
    assert (result.exit_code, result.stderr) == (1, "other.yaml:3: error: broken\n")


def test_hops_json_is_the_stable_interface(org_file):
    result = run("hops", org_file, "--format", "json", "--decision", "exception")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document == {
        "organization": "Hand-checked",
        "amount": None,
        "paths": [
            {"role": "rep", "decision": "exception", "hops": None, "authority": None, "path": ["rep", "sales", "top"]},
            {
                "role": "clerk",
                "decision": "exception",
                "hops": 2,
                "authority": "ops",
                "path": ["clerk", "store_mgr", "ops"],
            },
            {"role": "desk", "decision": "exception", "hops": 1, "authority": "ops", "path": ["desk", "ops"]},
        ],
        "summary": {
            "exception": {
                "amount": None,
                "amount_basis": "no unit",
                "amount_said": "",
                "customer_facing_roles": 3,
                "weighted_mean_hops": pytest.approx(25 / 15),
                "max_hops": 2,
                "empowered_share": 0.0,
                "unreachable": ["rep"],
                "by_segment": {
                    "walkin": {
                        "customer_facing_roles": 2,
                        "weighted_mean_hops": pytest.approx(25 / 15),
                        "max_hops": 2,
                        "empowered_share": 0.0,
                        "unreachable": [],
                    },
                    "phone": {
                        "customer_facing_roles": 1,
                        "weighted_mean_hops": 1.0,
                        "max_hops": 1,
                        "empowered_share": 0.0,
                        "unreachable": [],
                    },
                    "business": {
                        "customer_facing_roles": 1,
                        "weighted_mean_hops": None,
                        "max_hops": None,
                        "empowered_share": 0.0,
                        "unreachable": ["rep"],
                    },
                },
            }
        },
    }


def test_hops_amount_and_segment(org_file):
    result = run("hops", org_file, "--format", "json", "--decision", "refund", "--amount", "50", "--segment", "walkin")
    document = json.loads(result.stdout)
    assert document["amount"] == 50
    assert [(p["role"], p["hops"]) for p in document["paths"]] == [("clerk", 1), ("desk", 1)]
    assert document["summary"]["refund"]["weighted_mean_hops"] == 1.0


def test_hops_csv_reads_back(org_file):
    result = run("hops", org_file, "--format", "csv", "--decision", "refund")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["role"], r["hops"], r["authority"], r["path"]) for r in rows] == [
        ("rep", "2", "top", "rep > sales > top"),
        ("desk", "1", "ops", "desk > ops"),
        ("clerk", "0", "clerk", "clerk"),
    ]


def test_hops_table_lists_worst_first(org_file):
    result = run("hops", org_file, "--decision", "exception")
    lines = result.stdout.splitlines()
    assert lines[0] == "Hand-checked"
    assert lines[1] == (
        "Exception (exception): weighted mean 1.67 hops, max 2, empowered 0%, 3 customer-facing roles, "
        "1 where no one can decide"
    )
    rows = [line.split()[:2] for line in lines if line.strip()[:1].isdigit() or line.strip().startswith("–")]
    assert rows == [["–", "rep"], ["2", "clerk"], ["1", "desk"]]


def test_stats_json(org_file):
    document = json.loads(run("stats", org_file, "--format", "json").stdout)
    assert document["layers"] == [
        {"layer": 1, "roles": 1, "headcount": 1},
        {"layer": 2, "roles": 4, "headcount": 4},
        {"layer": 3, "roles": 3, "headcount": 10},
        {"layer": 4, "roles": 1, "headcount": 10},
    ]
    assert document["median_span"] == 1.5
    assert document["no_line_of_sight"] == ["it"]


def test_stats_table(org_file):
    out = run("stats", org_file).stdout
    assert out.startswith("Hand-checked: 9 roles, 25 people, 4 layers\n")
    assert "Spans: 4 managers, median 1.5, widest 4, 2 with a single direct report" in out
    assert "No line of sight: it" in out


def test_examples_and_schema_commands(tmp_path):
    listing = run("examples").stdout
    assert "telecom" in listing and "retailer" in listing and "b2b" in listing
    text = run("examples", "telecom").stdout
    path = tmp_path / "telecom.yaml"
    path.write_text(text)
    assert run("check", path).exit_code == 0
    assert json.loads(run("schema").stdout)["title"] == "orgcharts organisation file"
    assert run("examples", "telcom").exit_code == 2


def test_python_dash_m_works_like_the_console_script(org_file):
    module = subprocess.run([sys.executable, "-m", "orgcharts", "check", str(org_file)], capture_output=True, text=True)
    assert module.returncode == 0
    assert module.stdout.startswith(f"{org_file}: ok: Hand-checked")
    missing = subprocess.run([sys.executable, "-m", "orgcharts", "check", "nope.yaml"], capture_output=True, text=True)
    assert (missing.returncode, missing.stderr.splitlines()[0]) == (1, "nope.yaml: error: no such file")


def test_csv_cells_a_spreadsheet_would_run_are_written_as_text(tmp_path):
    path = tmp_path / "inject.yaml"
    path.write_text(
        "organization: X\ncustomers: [{id: c, name: C}]\ndecisions: [{id: d, name: D}]\nroles:\n"
        '  - {id: boss, title: \'=HYPERLINK("http://evil","x")\', decides: [d]}\n'
        "  - {id: '@rep', title: '+1 rep', reports_to: boss, serves: [c]}\n"
        "  - {id: plain, title: 'Clerk - east', reports_to: boss, serves: [c]}\n"
    )
    result = CliRunner().invoke(main, ["hops", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = {row["role"]: row for row in csv.DictReader(io.StringIO(result.output))}
    assert rows["'@rep"]["title"] == "'+1 rep"
    assert rows["'@rep"]["authority"] == "boss" and rows["'@rep"]["path"] == "'@rep > boss"
    assert rows["plain"]["title"] == "Clerk - east" and rows["plain"]["hops"] == "1"
