"""The dashboard's import form does what ``orgcharts import`` does for the exports people
have: JSON arrays (d3-org-chart, OrgChart JS), --no-header, --sheet, --root and --where;
and a hostile workbook is refused before it is unpacked."""

from __future__ import annotations

import base64
import io
import struct
import zipfile

import dash
import pytest

from orgcharts.loader.hrcsv import FIELDS
from orgcharts.web import hrimport, importrules, source
from orgcharts.web.parts import is_export
from tests.fixtures import hrexports
from tests.fixtures.callbacks import SERVED, csv_upload, import_csv, load, match_columns, plain, run, text_of

JSON_TYPE = "data:application/json;base64,"
XLSX_TYPE = "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,"


def json_upload(text: str) -> str:
    return JSON_TYPE + base64.b64encode(text.encode()).decode()


def org_of(imported):
    return SERVED.computations.parse(SERVED.text(imported)[0], imported["name"]).org


def columns(**chosen):
    return [chosen.get(field) for field in FIELDS]


def test_a_json_array_upload_goes_to_the_form_and_a_json_org_to_the_loader():
    array, org = json_upload(hrexports.ORGCHART_JS_JSON), json_upload('{"organization": "x"}')
    assert is_export("chart.json", array) and not is_export("chart.json", org)
    assert is_export("chart.JSON", json_upload("\ufeff\n  [")) and not is_export("chart.json", "not a data url")
    with pytest.raises(dash.exceptions.PreventUpdate):  # the YAML loader leaves it to the form
        load("upload.contents", uploaded=array, upload_name="chart.json")
    hidden, heading, _, values, messages, *_ = match_columns(array, "chart.json")
    assert (hidden, heading, messages) == (False, "Import chart.json: 4 columns", [])
    assert [values[field] for field in ("id", "manager", "title", "name")] == ["id", "pid", "title", "name"]
    with pytest.raises(dash.exceptions.PreventUpdate):
        match_columns(org, "chart.json")


def test_a_d3_org_chart_json_upload_imports_like_the_command_line():
    upload = json_upload(hrexports.D3_JSON)
    _, _, _, values, *_ = match_columns(upload, "d3.json")
    imported, *_ = import_csv(upload, "d3.json", [values[field] for field in FIELDS], "", "", [])
    org = org_of(imported)
    assert [(role.id, role.title, role.reports_to) for role in org.roles] == [
        ("1", "Chief Executive Officer", None), ("2", "CTO", "1"), ("3", "Linear Manager", "2")
    ]  # fmt: skip


def test_bad_json_says_its_line_and_column():
    upload = json_upload('[\n  {"id": 1, "pid": null},\n  {"id": 2,, "pid": 1}\n]\n')
    *_, messages = match_columns(upload, "chart.json")[:5]
    assert text_of(plain(messages)) == (
        "1 error: nothing was imported.line 3, column 12 unreadable JSON: Expecting property name enclosed"
        " in double quotes"
    )


def test_no_header_matches_columns_by_number_and_imports_the_dump():
    upload = csv_upload(hrexports.DUMP_WITHOUT_HEADER.encode())
    _, heading, options, _, messages, *_ = match_columns(
        upload, "dump.tsv", trigger="csv-no-header.value", no_header=["no_header"]
    )
    assert (heading, messages) == ("Import dump.tsv: 4 columns", [])
    assert [option["value"] for option in options["id"]] == ["1", "2", "3", "4"]
    chosen = columns(id="1", manager="4", title="3", name="2")
    imported, *_ = import_csv(upload, "dump.tsv", chosen, "", "", [], no_header=["no_header"])
    org = org_of(imported)
    assert [(role.id, role.name, role.reports_to) for role in org.roles] == [
        ("7369", "SMITH", "7902"), ("7566", "JONES", None), ("7902", "FORD", "7566")
    ]  # fmt: skip
    messages = import_csv(upload, "dump.tsv", chosen, "", "", [])[5]
    assert "has no column '1'" in text_of(plain(messages)), "with a header row, there is no column 1"


def test_root_gives_several_tops_a_common_top_and_the_rules_keep_it():
    upload = csv_upload(b"id,manager,title\nA,XX,Agency A\nB,XX,Agency B\nC,A,Clerk\n")
    chosen = columns(id="id", manager="manager", title="title")
    refused = import_csv(upload, "bodies.csv", chosen, "", "", [])
    assert "give them a common top with --root 'TITLE'" in text_of(plain(refused[5]))
    imported, *_, kept, serves, decides, hidden = import_csv(
        upload, "bodies.csv", chosen, "Clerk=public", "", [], root="  Ministry  "
    )
    assert (serves, decides, hidden) == ("Clerk=public", "", False)
    org = org_of(imported)
    assert (org.top.id, org.top.title) == ("root", "Ministry")
    assert [role.reports_to for role in org.roles] == [None, "root", "root", "A"]
    again = run(
        importrules.apply_rules, "rules-serves.n_blur", serves_left=1, decides_left=None, serves="Agency*=public",
        decides="", kept=kept, contents=upload, filename="bodies.csv",
    )  # fmt: skip
    assert org_of(again[0]).top.title == "Ministry", "the rules import the file again with the same choices"


def test_where_keeps_one_snapshot_and_a_bad_line_says_the_form():
    upload = csv_upload(hrexports.SNAPSHOTS.encode())
    chosen = columns(id="id", manager="manager", title="title")
    imported, *_ = import_csv(upload, "all.csv", chosen, "", "", [], where="Snapshot Date=2024-09-30\n")
    assert [role.id for role in org_of(imported).roles] == ["1", "2", "3"]
    bad = import_csv(upload, "all.csv", chosen, "", "", [], where="2024-09-30")
    assert text_of(plain(bad[5])) == "--where takes 'COLUMN=VALUE' (--where 'Date=2024-03-31'), not '2024-09-30'"
    unknown = import_csv(upload, "all.csv", chosen, "", "", [], where="Date=2024-09-30")
    assert text_of(plain(unknown[5])) == "--where names column 'Date', which no file has"


def test_a_workbook_offers_its_sheets_and_reads_the_one_picked(tmp_path):
    data = hrexports.write_xlsx(tmp_path / "hr.xlsx", hrexports.XLSX_ROWS, before="Notes").read_bytes()
    upload = XLSX_TYPE + base64.b64encode(data).decode()
    outputs = match_columns(upload, "hr.xlsx")
    assert (outputs[1], text_of(plain(outputs[4]))) == (
        "Import hr.xlsx",
        "1 error: nothing was imported.hr.xlsx the file is empty: expected a header row, then one row each",
    ), "the first sheet, as the command line reads it; here an empty one"
    assert outputs[11:] == (
        [{"label": "Notes", "value": "Notes"}, {"label": "Staff", "value": "Staff"}],
        "Notes",
        False,
    )
    _, heading, _, values, messages, *rest = match_columns(upload, "hr.xlsx", trigger="csv-sheet.value", sheet="Staff")
    assert (heading, messages) == ("Import hr.xlsx: 6 columns", [])
    assert all(value is dash.no_update for value in rest)
    chosen = [values[field] for field in FIELDS]
    imported, *_ = import_csv(upload, "hr.xlsx", chosen, "", "", [], sheet="Staff")
    assert [role.id for role in org_of(imported).roles] == ["100", "101", "102"]
    csv_sheets = match_columns(csv_upload(b"id,manager\n1,\n"), "hr.csv")[11:]
    assert csv_sheets == ([], None, True), "a CSV has no sheets: the field stays hidden"


def workbook_claiming(unpacked: int, tmp_path) -> bytes:
    """A small real workbook whose zip listing says each member unpacks to ``unpacked`` bytes."""
    data = bytearray(hrexports.write_xlsx(tmp_path / "hr.xlsx", hrexports.XLSX_ROWS).read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into("<I", data, at + 24, unpacked)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def test_a_zip_bomb_workbook_is_refused_before_it_is_unpacked(tmp_path):
    from orgcharts.loader.hrread import read_table

    bomb = workbook_claiming(4_000_000_000, tmp_path)
    with pytest.raises(Exception) as refused:
        read_table(bomb, "bomb.xlsx")
    (said,) = [str(d) for d in refused.value.diagnostics]
    assert said.startswith("bomb.xlsx: error: this workbook unpacks to ")
    assert "over the limit of 536,870,912 (8 times the size limit): it may be a zip bomb" in said
    assert said.endswith("raise the size limit with --max-bytes (for the dashboard's server: ORGCHARTS_MAX_BYTES)")
    upload = XLSX_TYPE + base64.b64encode(bomb).decode()
    outputs = match_columns(upload, "bomb.xlsx")
    assert "it may be a zip bomb" in text_of(plain(outputs[4])) and outputs[11:] == ([], None, True)


def test_a_workbook_of_real_zeros_is_refused_under_a_small_limit(tmp_path):
    from click.testing import CliRunner

    from orgcharts.cli import main

    path = tmp_path / "zeros.xlsx"
    buffer = io.BytesIO(hrexports.write_xlsx(tmp_path / "hr.xlsx", hrexports.XLSX_ROWS).read_bytes())
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/zeros.bin", bytes(20_000_000))
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 100_000
    result = CliRunner().invoke(main, ["import", str(path), "--max-bytes", "1000000"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{path}: error: this workbook unpacks to 20,0" in result.output
    assert "over the limit of 8,000,000 (8 times the size limit)" in result.output
    assert CliRunner().invoke(main, ["import", str(path), "--max-bytes", "3000000"]).exit_code == 0


def test_a_sheet_of_more_rows_than_excel_allows_is_refused(tmp_path, monkeypatch):
    from orgcharts.errors import OrgFileError
    from orgcharts.loader import hrread

    data = hrexports.write_xlsx(tmp_path / "hr.xlsx", hrexports.XLSX_ROWS).read_bytes()
    monkeypatch.setattr(hrread, "EXCEL_ROWS", 3)
    with pytest.raises(OrgFileError) as refused:
        hrread.read_table(data, "hr.xlsx")
    assert str(refused.value.diagnostics[0]) == (
        "hr.xlsx: error: the sheet has more than 3 rows, Excel's own limit: this is not a workbook Excel wrote"
    )


def test_the_upload_button_takes_json_and_the_form_has_the_import_s_options():
    import json

    button = json.dumps(plain(source.upload(1000)))
    assert (
        ".json," in button
        and "application/json" in button
        and "Upload org file" in button
        and "CSV, TSV, Excel (.xlsx) or a JSON array" in button
    )
    form = json.dumps(plain(hrimport.layout()))
    for option in ("csv-no-header", "csv-sheet", "csv-root", "csv-where"):
        assert f'"id": "{option}"' in form
