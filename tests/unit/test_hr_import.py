"""HR exports in: the two real exports in ../shared/data, each column-name family, every
bad-row error at its line, encodings, the user's rules, and the command line."""

import csv
import dataclasses
import re

import pytest
from click.testing import CliRunner

from orgcharts import load_text
from orgcharts.cli import main
from orgcharts.errors import MissingColumnError, OrgChartsError, OrgFileError, UnknownColumnError, UsageError
from orgcharts.figures import TRACE_ROLES
from orgcharts.loader.hrcsv import (
    FIELD_LABELS,
    FIELDS,
    Columns,
    Rules,
    find_columns,
    import_tables,
    parse_authority,
    parse_rule,
    to_yaml,
)
from orgcharts.loader.hrread import PLAIN, read_table
from orgcharts.web import drawing
from orgcharts.web.session import Computations, Controls


def imported(data: bytes, rules=None, source="hr.csv", reading=PLAIN, **given):
    return import_tables([read_table(data, source, reading)], rules or Rules(), **given)


def org_of(result):
    return load_text(to_yaml(result.document), "imported.yaml")


def messages(data: bytes, **given):
    with pytest.raises(OrgFileError) as error:
        imported(data, **given)
    return [str(d) for d in error.value.diagnostics]


def data_rows(path):
    with open(path, newline="", encoding="utf-8") as stream:
        return len(list(csv.reader(stream))) - 1


def test_the_d3_org_chart_sample_imports_loads_and_renders(d3_export):
    result = imported(d3_export.read_bytes(), source=str(d3_export))
    assert result.columns == Columns(id="id", manager="parentId", title="positionName", name="name")
    loaded = org_of(result)
    org = loaded.org
    assert len(org.roles) == data_rows(d3_export) == 1516
    assert org.top.title == "Chief Executive Officer" and org.top.name == "Ian Devling"
    computations = Computations()
    structure = computations.structure(to_yaml(result.document), "d3.yaml")
    figure = drawing.chart(computations, structure.org, structure, [], Controls(view="inverted"), "r").figure()
    assert [org.top.id, "role"] in figure.data[TRACE_ROLES].customdata


def test_grouping_by_title_merges_look_alike_positions_and_keeps_every_person(d3_export):
    result = imported(d3_export.read_bytes(), Rules(group_by_title=True))
    org = org_of(result).org
    assert len(org.roles) < 1516
    assert sum(role.headcount for role in org.roles) == 1516
    managers = {role.reports_to for role in org.roles}
    assert all(role.headcount == 1 for role in org.roles if role.id in managers), "managers are never merged"


def test_the_oracle_hr_sample_joins_given_and_family_names(oracle_export):
    result = imported(oracle_export.read_bytes())
    assert result.columns == Columns(id="id", manager="parentId", title="position", name="name", last_name="lastName")
    org = org_of(result).org
    assert len(org.roles) == data_rows(oracle_export)
    assert (org.top.id, org.top.name, org.top.title) == ("100", "Steven King", "Chief Operating Officer")
    assert org.role("101").reports_to == "100", "numeric ids stay text"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("id,parentId,positionName,name", Columns("id", "parentId", "positionName", "name")),
        ("Employee ID,Manager ID,Job Title,Full Name", Columns("Employee ID", "Manager ID", "Job Title", "Full Name")),
        ("EmployeeID,ManagerID,Position,Name", Columns("EmployeeID", "ManagerID", "Position", "Name")),
        (
            "employee_id,reports_to,title,first_name,last_name",
            Columns("employee_id", "reports_to", "title", None, "first_name", "last_name"),
        ),
        (
            "emp_id,supervisor_id,role,given_name,surname",
            Columns("emp_id", "supervisor_id", "role", None, "given_name", "surname"),
        ),
    ],
)
def test_common_column_names_are_recognised(header, expected):
    assert find_columns(header.split(","), "hr.csv") == expected


def test_first_and_last_names_are_joined():
    data = b"employee_id,reports_to,title,first_name,last_name\n1,,Boss,Ada,Lovelace\n2,1,Clerk,Alan,Turing\n"
    assert org_of(imported(data)).org.role("2").name == "Alan Turing"


def test_explicit_columns_win_and_an_unknown_one_is_named_with_a_suggestion():
    data = b"key,boss,job,who\na,,Boss,Ann\nb,a,Clerk,Bob\n"
    org = org_of(imported(data, id="key", manager="BOSS", title="job", name="who")).org
    assert (org.role("b").title, org.role("b").name, org.role("b").reports_to) == ("Clerk", "Bob", "a")
    with pytest.raises(UnknownColumnError, match=re.escape("hr.csv has no column 'jobs' (did you mean 'job'?)")):
        imported(data, id="key", manager="boss", title="jobs")


def test_a_header_without_id_or_manager_says_which_flags_to_use():
    with pytest.raises(MissingColumnError) as raised:
        imported(b"person,job\nAnn,Boss\n")
    assert str(raised.value) == (
        "hr.csv: no id or manager column found among: person, job; name it with --id COLUMN and --manager COLUMN,"
        " or --group-by-title to group rows without ids by manager and title"
    )


def test_every_bad_row_is_reported_at_its_line_at_once():
    data = (
        b"id,manager,title\n"  # line 1
        b"ceo,,Chief Executive\n"  # 2
        b"vp_sales,ceo,VP Sales\n"  # 3
        b"rep,vp_sale,Sales Rep\n"  # 4: unknown manager
        b"vp_sales,ceo,VP Again\n"  # 5: duplicate id
        b",vp_sales,No Id\n"  # 6: no id
        b"self,none,Narcissus\n"  # 7: 'none' marks a top
        b"loop_a,loop_b,A\n"  # 8: cycle
        b"loop_b,loop_a,B\n"  # 9
        b"owner,,Second Top\n"  # 10: another top
    )
    assert messages(data) == [
        "hr.csv:4: error: manager 'vp_sale' is not a role id (did you mean 'vp_sales'?)",
        "hr.csv:5: error: id 'vp_sales' is used again (first on line 3) with another title ('VP Sales');"
        " a shared post keeps one title",
        "hr.csv:6: error: row has no id (column 'id')",
        "hr.csv:7: error: 3 rows have no manager, so each would be the top: 'ceo' (Chief Executive), 'self' (Narcissus),"
        " 'owner' (Second Top); give them a common top with --root 'TITLE' (the organisation above them), or give all"
        " but one of them a manager",
        "hr.csv:8: error: reporting cycle 'loop_a' -> 'loop_b' -> 'loop_a'; one of these roles must report outside the cycle",
    ]


def test_a_file_where_everyone_has_a_manager_has_no_top():
    assert (
        "hr.csv:1: error: no top role: every role has a manager; the top role (the chief executive) must have none"
        in messages(b"id,manager,title\na,b,A\nb,a,B\n")
    )


def test_lines_count_cells_that_hold_line_breaks():
    data = b'id,manager,title\nceo,,"Chief\nExecutive"\nrep,nobody,Rep\n'
    assert messages(data) == ["hr.csv:4: error: manager 'nobody' is not a role id"]


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffid,manager,title,name\nceo,,Chef,José Núñez\n".encode(),
        "id,manager,title,name\nceo,,Chef,José Núñez\n".encode("latin-1"),
        "id,manager,title,name\nceo,,Chef,José Núñez\n".encode("cp1252"),
        "id,manager,title,name\nceo,,Chef,José Núñez\n".encode("utf-16"),
        "id,manager,title,name\nceo,,Chef,José Núñez\n".encode("utf-32"),
        "id;manager;title;name\nceo;;Chef;José Núñez\n".encode(),
        "id\tmanager\ttitle\tname\r\nceo\t\tChef\tJosé Núñez\r\n".encode(),
    ],
    ids=["utf-8 with BOM", "latin-1", "windows-1252", "utf-16", "utf-32", "semicolons", "tabs and CRLF"],
)
def test_encodings_and_dialects(data):
    org = org_of(imported(data)).org
    assert (org.top.id, org.top.name) == ("ceo", "José Núñez")


def test_binary_and_empty_files_are_refused():
    assert messages(b"\x00\x01binary") == ["hr.csv: error: this is not a CSV text file (it holds NUL bytes)"]
    assert messages(b"PK\x03\x04\x00\x00binary") == [
        "hr.csv: error: this is not an Excel workbook openpyxl can read (File is not a zip file); save it again as"
        " .xlsx or CSV"
    ]
    assert messages(b"") == ["hr.csv: error: the file is empty: expected a header row, then one row each"]
    assert messages(b"id,manager\n") == ["hr.csv:1: error: no rows after the header"]


def test_rules_mark_customer_facing_roles_and_authority_and_the_rest_is_left_in_comments():
    data = b"id,manager,title\nceo,,Chief Executive\nmgr,ceo,Store Manager\nrep,mgr,Sales Associate\n"
    rules = Rules(
        serves=[("sales*", "walk_in")],
        decides=[("*manager", "refund", 500), ("chief*", "refund", None)],
        units={"refund": "USD"},
    )
    result = imported(data, rules)
    text = to_yaml(result.document)
    org = load_text(text, "imported.yaml").org
    assert org.role("rep").serves == ("walk_in",) and org.customers[0].name == "Walk in"
    assert [(a.decision, a.limit) for a in org.role("mgr").decides] == [("refund", 500)]
    assert [(a.decision, a.limit) for a in org.role("ceo").decides] == [("refund", None)]
    assert "# Imported by orgcharts from hr.csv: 3 rows, 3 roles." in text
    bare = to_yaml(imported(data).document)
    assert "# - customers: name your customer segments, then add serves: [segment] to the roles facing them;" in bare
    assert "# - decisions: list what customers ask for" in bare


def test_titles_that_yaml_would_read_as_other_things_stay_text():
    data = b"id,manager,title,name\n0100,,No,Yes\n2,0100,1.5e3,null\n"
    org = org_of(imported(data)).org
    assert (org.top.id, org.top.title, org.top.name) == ("0100", "No", "Yes")
    assert (org.role("2").title, org.role("2").name) == ("1.5e3", "null")


def test_the_command_writes_a_file_that_checks_and_never_overwrites_by_accident(tmp_path, oracle_export):
    runner = CliRunner()
    out = tmp_path / "org.yaml"
    result = runner.invoke(
        main, ["import", str(oracle_export), "-o", str(out), "--group-by-title", "--serves", "*Clerk=walk_in"]
    )
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["check", str(out)]).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"], "no temporary file left behind"
    again = runner.invoke(main, ["import", str(oracle_export), "-o", str(out)])
    assert again.exit_code == 2 and "exists: choose another name, or --force to overwrite it" in again.output
    assert runner.invoke(main, ["import", str(oracle_export), "-o", str(out), "--force"]).exit_code == 0


def test_the_command_lists_bad_rows_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,manager,title\nceo,,Boss\nrep,cco,Rep\n")
    out = tmp_path / "org.yaml"
    result = CliRunner().invoke(main, ["import", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{bad}:3: error: manager 'cco' is not a role id (did you mean 'ceo'?)" in result.output
    assert "1 error: nothing was written" in result.output and not out.exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--serves", "Sales"], "--serves takes 'TITLE PATTERN=VALUE', not 'Sales'"),
        (["--decides", "Manager*=refund:lots"], "the limit in 'refund:lots' is not a number"),
        (["--title", "jobtitle"], "has no column 'jobtitle'"),
    ],
)
def test_the_command_refuses_bad_options(option, message, tmp_path):
    export = tmp_path / "hr.csv"
    export.write_text("id,manager,title\nceo,,Chief Executive\nrep,ceo,Sales Manager\n")
    result = CliRunner().invoke(main, ["import", str(export), *option])
    assert result.exit_code == 2 and message in result.output


def test_a_giant_cell_is_refused_with_its_line():
    data = b"id,manager,title\nceo,,Boss\nrep,ceo," + b"x" * 200_000 + b"\n"
    assert messages(data) == ["hr.csv:3: error: unreadable CSV: field larger than field limit (131072)"]


def test_malformed_rules_raise_our_usage_error():
    with pytest.raises(UsageError, match="--serves takes 'TITLE PATTERN=VALUE', not 'Sales'"):
        parse_rule("Sales", "--serves")
    with pytest.raises(UsageError, match="the limit in 'refund:lots' is not a number"):
        parse_authority("refund:lots")
    assert issubclass(UsageError, OrgChartsError) and issubclass(UnknownColumnError, UsageError)
    assert parse_rule("Sales*=retail", "--serves") == ("Sales*", "retail")


def test_the_fields_are_listed_once_and_the_command_line_follows_them():
    assert tuple(FIELD_LABELS) == FIELDS == tuple(field.name for field in dataclasses.fields(Columns))
    usage = CliRunner().invoke(main, ["import", "--help"]).output
    assert all(f"--{field.replace('_', '-')} COLUMN" in usage for field in FIELDS)


def test_overlapping_decides_patterns_give_one_authority_with_the_larger_limit(tmp_path):
    export = tmp_path / "hr.csv"
    export.write_text("id,manager,title\nceo,,Chief\nsm,ceo,Sales Manager\nsl,ceo,Sales Lead\n")
    out = tmp_path / "org.yaml"
    result = CliRunner().invoke(
        main,
        [
            *("import", str(export), "-o", str(out), "--unit", "discount=USD"),
            *("--decides", "Sales*=discount:10", "--decides", "*Manager=discount:50"),
            *("--decides", "*Lead=discount", "--decides", "Sales*=discount:20"),
        ],
    )
    assert result.exit_code == 0, result.output
    org = load_text(out.read_text(), "org.yaml").org
    assert [(a.decision, a.limit) for a in org.role("sm").decides] == [("discount", 50)]
    assert [(a.decision, a.limit) for a in org.role("sl").decides] == [("discount", None)], "no limit beats any"
    assert org.decision_index["discount"].unit == "USD"


def test_a_limit_without_a_unit_is_refused_with_the_option_to_give_one(tmp_path):
    export = tmp_path / "hr.csv"
    export.write_text("id,manager,title\nceo,,Chief\nsm,ceo,Sales Manager\n")
    result = CliRunner().invoke(main, ["import", str(export), "--decides", "Sales Manager=discount:10"])
    assert result.exit_code == 2
    assert (
        "'Sales Manager=discount:10' gives a limit, but 'discount' has no unit, so the limit would be ignored: "
        "give it one with --unit discount=UNIT (USD, EUR, days...) or after the limit ('Sales Manager=discount:10 USD')"
    ) in " ".join(result.output.split())
    assert CliRunner().invoke(main, ["import", str(export), "--unit", "discount"]).exit_code == 2


def test_a_limit_with_its_unit_is_kept_so_hops_finds_who_may_decide_an_amount(tmp_path):
    """Issue 19 case 2: `hops --amount 20` used to leave a 10-limit Sales Manager deciding 20."""
    export, out = tmp_path / "hr.csv", tmp_path / "org.yaml"
    export.write_text("id,manager,title\nceo,,Chief\nsm,ceo,Sales Manager\nrep,sm,Sales Rep\n")
    rules = [
        "--serves",
        "Sales Rep=retail",
        "--decides",
        "Sales Manager=discount:10 USD",
        "--decides",
        "Chief=discount",
    ]
    assert CliRunner().invoke(main, ["import", str(export), "-o", str(out), *rules]).exit_code == 0
    over = CliRunner().invoke(main, ["hops", str(out), "--amount", "20"])
    assert "   2  rep   Sales Rep       1  retail  ceo         rep > sm > ceo" in over.output
    under = CliRunner().invoke(main, ["hops", str(out), "--amount", "5"])
    assert "   1  rep   Sales Rep       1  retail  sm          rep > sm" in under.output
