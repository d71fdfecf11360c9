"""Real HR exports' shapes import without editing (issue 19): top markers, several tops, job
shares, vacant and undisclosed posts, counts and FTE, no header, managers by name, the UK
organogram pair, snapshots, Excel workbooks and JSON arrays; and errors a person can act on."""

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from orgcharts import load_text
from orgcharts.cli import main
from orgcharts.loader.hrwrite import scalar
from tests.fixtures import hrexports


def run(tmp_path, files, *options, out="org.yaml"):
    """``orgcharts import`` on ``files`` ({name: text}) written into ``tmp_path``; the result
    and the org written (None when nothing was)."""
    paths = []
    for name, content in files.items():
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        paths.append(str(path))
    target = tmp_path / out
    result = CliRunner().invoke(main, ["import", *paths, "-o", str(target), "--force", *options])
    org = load_text(target.read_text(), out).org if result.exit_code == 0 else None
    return result, org


def error_lines(result):
    return [line for line in result.output.splitlines() if ": error: " in line]


@pytest.mark.parametrize("marker", ["NULL", "XX", "xx", "0", "-", "none", "N/A", "a"])
def test_the_tops_manager_may_be_any_usual_marker_or_its_own_id(tmp_path, marker):
    result, org = run(tmp_path, {"hr.csv": f"id,manager,title\na,{marker},Chief\nb,a,Clerk\n"})
    assert result.exit_code == 0, result.output
    assert org.top.id == "a" and org.role("b").reports_to == "a"


def test_a_marker_that_is_an_id_in_the_file_is_a_manager_and_others_are_named_with_top_marker(tmp_path):
    _, org = run(tmp_path, {"hr.csv": "id,manager,title\n0,,Chief\n1,0,Clerk\n"})
    assert org.role("1").reports_to == "0"
    data = {"hr.csv": "id,manager,title\na,TOP,Chief\nb,a,Clerk\n"}
    result, _ = run(tmp_path, data)
    assert error_lines(result) == [
        f"{tmp_path / 'hr.csv'}:2: error: manager 'TOP' is not a role id",
        f"{tmp_path / 'hr.csv'}:2: error: no top role: every row has a manager; if 'TOP' means the top has none,"
        " say so with --top-marker 'TOP'",
    ]
    result, org = run(tmp_path, data, "--top-marker", "top")
    assert result.exit_code == 0 and org.top.id == "a"


def test_several_tops_are_one_error_naming_root_and_root_gives_them_a_common_top(tmp_path):
    data = {"agencies.csv": "id,manager,title\nm,XX,Minister\na1,XX,Agency One\na2,XX,Agency Two\nc,a1,Clerk\n"}
    result, _ = run(tmp_path, data)
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"{tmp_path / 'agencies.csv'}:3: error: 3 rows have no manager, so each would be the top: 'm' (Minister),"
        " 'a1' (Agency One), 'a2' (Agency Two); give them a common top with --root 'TITLE' (the organisation above"
        " them), or give all but one of them a manager"
    ]
    result, org = run(tmp_path, data, "--root", "Ministry of Examples")
    assert result.exit_code == 0, result.output
    assert (org.top.id, org.top.title) == ("root", "Ministry of Examples")
    assert [role.id for role in org.roles if role.reports_to == "root"] == ["m", "a1", "a2"]


def test_the_uk_organogram_pair_imports_with_no_options(tmp_path):
    result, org = run(tmp_path, {"senior.csv": hrexports.UK_SENIOR, "junior.csv": hrexports.UK_JUNIOR})
    assert result.exit_code == 0, result.output
    roles = {role.id: (role.title, role.name, role.reports_to, role.headcount) for role in org.roles}
    assert roles == {
        "DEPT001": ("Permanent Secretary", "Jane Doe", None, 1),
        "DEPT002": ("Director of Policy", None, "DEPT001", 1),  # N/D: not disclosed, left out
        "DEPT003": ("Deputy Director", None, "DEPT002", 0),  # Vacant: a vacant post
        "DEPT004": ("Head of Operations", "Ann Lee / Bob Roe", "DEPT001", 1),  # a job share of 0.5 + 0.5 FTE
        "DEPT002_policy_adviser": ("Policy Adviser", None, "DEPT002", 12),  # 9.81 + 2 FTE, two grades
        "DEPT004_caseworker": ("Caseworker", None, "DEPT004", 1),  # 0.4 FTE is still someone
        "DEPT004_receptionist": ("Receptionist", None, "DEPT004", 0),
    }
    assert f"{tmp_path / 'senior.csv'}:6: warning: post 'DEPT004' is on 2 rows with the same manager and title:" \
        " one shared post" in result.output  # fmt: skip
    text = (tmp_path / "org.yaml").read_text()
    assert "# Imported by orgcharts from senior.csv and junior.csv: 9 rows, 7 roles." in text
    assert "# 1 vacant post (headcount 0, no name); 1 name not disclosed, left out." in text
    assert "# Headcounts from the count or FTE column: 15.21 in all, 16 people once each role's total is" in text


def test_a_count_that_is_not_a_number_is_an_error_at_its_line_and_headcount_names_the_column(tmp_path):
    result, _ = run(tmp_path, {"hr.csv": "id,manager,title,FTE\na,,Chief,1\nb,a,Clerk,lots\n"})
    assert error_lines(result) == [
        f"{tmp_path / 'hr.csv'}:3: error: 'lots' in column 'FTE' is not a count or FTE (a number, 0 or more)"
    ]
    data = {"hr.csv": 'id,manager,title,Staff\na,,Chief,1\nb,a,Clerks,"1,250"\n'}
    _, org = run(tmp_path, data)
    assert org.role("b").headcount == 1, "without --headcount, Staff is not a count"
    _, org = run(tmp_path, data, "--headcount", "staff")
    assert org.role("b").headcount == 1250


def test_a_dump_without_a_header_names_columns_by_number(tmp_path):
    files = {"emp.tsv": hrexports.DUMP_WITHOUT_HEADER}
    result, org = run(tmp_path, files, "--no-header", "--id", "1", "--manager", "4", "--title", "3", "--name", "2")
    assert result.exit_code == 0, result.output
    assert (org.top.id, org.top.name) == ("7566", "JONES")
    assert [(role.id, role.reports_to) for role in org.roles] == [("7369", "7902"), ("7566", None), ("7902", "7566")]
    result, _ = run(tmp_path, files, "--no-header", "--id", "EMPNO", "--manager", "4")
    assert result.exit_code == 2
    assert "(without a header, columns are named by number: --id 1 --manager 4)" in result.output


def test_managers_by_name_match_whatever_the_order_of_first_and_last_name(tmp_path):
    files = {"hr.csv": hrexports.MANAGERS_BY_NAME}
    result, _ = run(tmp_path, files)
    assert result.exit_code == 1
    assert error_lines(result)[0] == (
        f"{tmp_path / 'hr.csv'}: error: the manager column 'ManagerID' holds ids that are not in the id column"
        " 'EmpID' (4 of 5 rows): try --manager-name ManagerName"
    )
    result, org = run(tmp_path, files, "--manager-name", "ManagerName")
    assert result.exit_code == 0, result.output
    assert [(role.id, role.reports_to) for role in org.roles] == [
        ("10", None), ("11", "10"), ("12", "11"), ("13", "11"), ("14", "10")
    ]  # fmt: skip


def test_an_ambiguous_or_unknown_manager_name_is_reported_with_a_suggestion_by_name(tmp_path):
    data = (
        'EmpID,Employee_Name,ManagerName\n1,"Monroe, Peter",\n2,"Smith, John",Peter Monroe\n'
        "3,John Smith,Peter Monroe\n4,Peterson Ebonee,John Smith\n5,Zed,Peter Monro\n"
    )
    result, _ = run(tmp_path, {"hr.csv": data}, "--manager-name", "ManagerName")
    where = tmp_path / "hr.csv"
    assert error_lines(result) == [
        f"{where}:5: error: manager name 'John Smith' (column 'ManagerName') is the name of 2 people: '2' (line 3),"
        " '3' (line 4); give these rows manager ids with --manager COLUMN",
        f"{where}:6: error: manager name 'Peter Monro' (column 'ManagerName') is no one's name in the file"
        " (did you mean 'Monroe, Peter'?)",
    ]


def test_many_rows_failing_the_same_way_are_one_line_then_at_most_200_and_a_count(tmp_path):
    rows = "".join(f"{n},Clerk,{n + 5000}\n" for n in range(2, 401))
    result, _ = run(tmp_path, {"hr.csv": f"EmpID,Job Title,ManagerID\n1,Chief,\n{rows}"})
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith(
        "error: the manager column 'ManagerID' holds ids that are not in the id column 'EmpID' (399 of 400 rows):"
        " name the right columns with --id COLUMN and --manager COLUMN"
    )
    assert len(error_lines(result)) == 200
    assert lines[-2:] == ["... and 200 more errors like these", "400 errors: nothing was written"]


def test_a_missing_column_is_bad_usage_and_exits_2(tmp_path):
    result, _ = run(tmp_path, {"hr.csv": "person,job\nAnn,Boss\n"})
    assert result.exit_code == 2 and "no id or manager column found among: person, job" in result.output


def test_where_picks_one_snapshot_of_a_consolidated_file(tmp_path):
    result, org = run(tmp_path, {"all.csv": hrexports.SNAPSHOTS}, "--where", "Snapshot Date=2024-09-30")
    assert result.exit_code == 0, result.output
    assert [role.id for role in org.roles] == ["1", "2", "3"]
    result, _ = run(tmp_path, {"all.csv": hrexports.SNAPSHOTS}, "--where", "Date")
    assert result.exit_code == 2 and "--where takes 'COLUMN=VALUE'" in result.output
    result, _ = run(tmp_path, {"all.csv": hrexports.SNAPSHOTS}, "--where", "Month=3")
    assert result.exit_code == 2 and "--where names column 'Month', which no file has" in result.output


def test_an_excel_workbook_imports_as_its_csv_would(tmp_path):
    hrexports.write_xlsx(tmp_path / "hr.xlsx", hrexports.XLSX_ROWS, before="Cover")
    result, _ = run(tmp_path, {"hr.xlsx": None})
    assert result.exit_code == 1 and "the file is empty: expected a header row" in result.output, "the first sheet"
    result, org = run(tmp_path, {"hr.xlsx": None}, "--sheet", "Staff")
    assert result.exit_code == 0, result.output
    assert [(r.id, r.reports_to, r.name, r.headcount) for r in org.roles] == [
        ("100", None, "Ann Ames", 1), ("101", "100", "Bob Bell", 1), ("102", "100", "Cy Cole", 1)
    ]  # fmt: skip
    csv_text = (
        "Employee ID,Manager ID,Job Title,Name,Start date,FTE\n100,,Chief,Ann Ames,2020-01-02,1\n"
        "101,100,Clerk,Bob Bell,,0.6\n\n102,100,Clerk,Cy Cole,2021-05-06T09:30:00,1\n"
    )
    run(tmp_path, {"hr.csv": csv_text}, out="from_csv.yaml")
    body = [line for line in (tmp_path / "org.yaml").read_text().splitlines() if not line.startswith("#")]
    assert body == [line for line in (tmp_path / "from_csv.yaml").read_text().splitlines() if not line.startswith("#")]
    result, _ = run(tmp_path, {"hr.xlsx": None}, "--sheet", "Nope")
    assert result.exit_code == 2 and "has no sheet 'Nope'; its sheets are: Cover, Staff" in result.output


def test_a_broken_or_old_workbook_is_refused_with_what_to_do(tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    result, _ = run(tmp_path, {"old.xls": None})
    assert error_lines(result) == [
        f"{tmp_path / 'old.xls'}: error: this is an old binary Excel workbook (.xls): save it as .xlsx or CSV"
        " and import that"
    ]
    (tmp_path / "cut.xlsx").write_bytes((tmp_path / "old.xls").read_bytes().replace(b"\xd0\xcf", b"PK\x03\x04", 1))
    result, _ = run(tmp_path, {"cut.xlsx": None})
    assert result.exit_code == 1 and "is not an Excel workbook openpyxl can read" in result.output


def test_json_arrays_of_d3_org_chart_and_orgchart_js_import_with_lines_in_errors(tmp_path):
    result, org = run(tmp_path, {"d3.json": hrexports.D3_JSON})
    assert result.exit_code == 0, result.output
    assert [(r.id, r.title, r.reports_to) for r in org.roles] == [
        ("1", "Chief Executive Officer", None), ("2", "CTO", "1"), ("3", "Linear Manager", "2")
    ]  # fmt: skip
    result, _ = run(tmp_path, {"chart.json": hrexports.ORGCHART_JS_JSON})
    assert error_lines(result) == [f"{tmp_path / 'chart.json'}:4: error: manager '9' is not a role id"]
    result, _ = run(tmp_path, {"bad.json": '{"nodes": 3}'})
    assert error_lines(result) == [
        f"{tmp_path / 'bad.json'}:1: error: expected a JSON array of people, one object each ({{id, parentId, name,"
        " title})"
    ]


@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=40))
def test_the_fast_writer_s_text_reads_back_as_the_same_text(text):
    assert yaml.safe_load(f"key: {scalar(text)}\n")["key"] == text
    assert yaml.safe_load(f"key: [{scalar(text)}, x]\n")["key"] == [text, "x"]


@pytest.mark.parametrize("number", [50, 12.5, 1e-05, 1e16, 0.1])
def test_the_fast_writer_s_numbers_read_back_as_numbers(number):
    assert yaml.safe_load(f"limit: {scalar(number)}")["limit"] == number


def test_every_import_option_is_documented_and_a_unit_may_follow_the_limit(tmp_path):
    from orgcharts.cli.importing import import_

    documented = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text()
    options = [name for param in import_.params for name in param.opts if name.startswith("--")]
    assert len(options) > 20 and [name for name in options if f"`{name}" not in documented] == []
    result, org = run(
        tmp_path, {"hr.csv": "id,manager,title\na,,Store Manager\n"}, "--decides", "Store*=refund:500 USD"
    )
    assert result.exit_code == 0, result.output
    assert org.decision_index["refund"].unit == "USD" and org.top.decides[0].limit == 500
