"""The plainest CSV export is written straight from its columns by polars (hrcolumnar): the
bytes must be the ones the document's way writes, and anything less plain must be left to it."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgcharts.errors import OrgFileError, UsageError
from orgcharts.loader import load_text
from orgcharts.loader.hrcolumnar import _quoted, plain_yaml
from orgcharts.loader.hrcolumns import find_columns
from orgcharts.loader.hrcsv import Rules, build_parts, import_as_yaml, to_yaml
from orgcharts.loader.hrread import PLAIN, read_table
from orgcharts.loader.hrwrite import scalar
from tests.fixtures.hrexports import written


def through_the_document(text: str, rules: Rules, row_by_row: bool = False) -> str:
    table = read_table(text.encode(), "hr.csv")
    parts = [(table, find_columns(table.header, "hr.csv"))]
    return to_yaml(build_parts(parts, rules, row_by_row=row_by_row).document)


def written_alike_or_left(text: str, rules: Rules | None = None) -> None:
    """The columnar way gives the document's bytes (by default and row by row), or None: always
    None where the document's way refuses the export."""
    rules = rules or Rules()
    said = plain_yaml(text, "hr.csv", rules, PLAIN)
    try:
        expected = through_the_document(text, rules)
    except (OrgFileError, UsageError):
        assert said is None
        return
    if said is not None:
        assert said.text == expected == through_the_document(text, rules, row_by_row=True)


HOSTILE = ["-x", "- x", "#1", "a #b", "a: b", ":a", "'q'", "it's", "0", "0100", "1e3", "yes", "No", "null", "~", "",
           "Ünïcode", "東京", "trailing ", " leading", "a  b", "a\tb", "@x", "%x", "!x", "&x", "*x", "[x]", "{x}",
           "x|y", "=", "<<", "2024-03-31", "1_000", ".5", "+1", "true", "off", "NaN", ".inf", "é", "\u2028", "\x85"]  # fmt: skip

PLAIN_EXPORT = written(
    [
        ["Employee ID", "Manager ID", "Job Title", "Name", "FTE"],
        ["0100", "NULL", "Chief Executive", "yes", "1"],
        ["E2", "0100", "-Store #Manager", "Ünïcode: Lee", "2.5"],
        ["E3", "0100", "No", "", "0"],
        ["E4", "E2", "Sales Associate", "null", "0.5"],
    ]
)


def test_a_plain_export_is_written_from_its_columns_to_the_same_bytes():
    said = plain_yaml(PLAIN_EXPORT, "hr.csv", Rules(), PLAIN)
    assert said is not None
    assert said.text == through_the_document(PLAIN_EXPORT, Rules(), row_by_row=True)
    assert (said.rows, said.roles, said.people, said.warnings) == (4, 4, 5, [])
    assert '  - id: "0100"\n    title: Chief Executive\n    name: "yes"\n  - id: E2\n' in said.text
    assert (
        '    title: "-Store #Manager"\n    name: "Ünïcode: Lee"\n    reports_to: "0100"\n    headcount: 3\n'
        in said.text
    )
    assert '  - id: E3\n    title: "No"\n    reports_to: "0100"\n    headcount: 0\n' in said.text
    assert [role.name for role in load_text(said.text, "org.yaml").org.roles] == ["yes", "Ünïcode: Lee", None, "null"]


def test_the_command_line_import_writes_the_columnar_text(tmp_path):
    path = tmp_path / "hr.csv"
    path.write_text(PLAIN_EXPORT, encoding="utf-8-sig")  # a byte-order mark, as Excel writes
    said = import_as_yaml([str(path)], Rules(), 1 << 20)
    assert said.text == plain_yaml(PLAIN_EXPORT, str(path), Rules(), PLAIN).text  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "rows",
    [
        [["1", "", "CEO", "A"], ["2", "1", "VP", "B"], ["2", "1", "VP", "C"]],  # a job share
        [["1", "", "CEO", "A"], ["2", "1", "VP", "Vacant"]],  # a vacant post
        [["1", "", "CEO", "A"], ["2", "1", "VP", "NOT DISCLOSED"]],  # a name withheld
        [["1", "", "CEO", "A"], ["2", "1", "VP", "un\ufb01lled"]],  # vacant, as casefold reads a ligature
        [["1", "", "CEO", "A"], ["2", "9", "VP", "B"]],  # an unknown manager
        [["1", "", "CEO", "A"], ["2", "", "VP", "B"]],  # two tops
        [["1", "", "CEO", "A"], ["2", "1", "", "B"]],  # no title
        [["2", "1", "VP", "B"], ["1", "", "CEO", "A"]],  # a report before its manager
        [["1", "", "CEO", "A"], ["2", "1", "VP", "B", "extra"]],  # a cell more than the header
        [["1", "", "CEO", "A"], [], ["2", "1", "VP", "B"]],  # a blank line
    ],
)
def test_exports_that_are_not_the_plainest_are_left_to_the_document(rows):
    assert plain_yaml(written([["id", "manager", "title", "name"], *rows]), "hr.csv", Rules(), PLAIN) is None


def test_a_quoted_cell_is_read_as_the_csv_module_reads_it():
    text = written([["id", "manager", "title", "name"], ["1", "", "CEO", 'Lee, "Ann"'], ["2", "1", "V,P", "B"]])
    said = plain_yaml(text, "hr.csv", Rules(), PLAIN)
    assert said is not None and said.text == through_the_document(text, Rules(), row_by_row=True)
    assert '    name: "Lee, \\"Ann\\""\n' in said.text and '    title: "V,P"\n' in said.text


@pytest.mark.parametrize(
    "text",
    [
        'id,manager,title\n1,,CEO\n2,1,V"P\n',  # a quote inside a cell
        'id,manager,title\n1,,CEO\n2,1,"V"P\n',  # text after a closing quote
        'id,manager,title\n1,,CEO\n2,1,"VP\n3,1,VP\n',  # a quote never closed
        'id,manager,title\n1,,CEO\n2,1,"V\nP"\n',  # a line break in a cell
        'id,manager,title\n1,,CEO\n2,"1"\n',  # a quoted line of fewer cells
        'id,manager,title\n1,,CEO\n2,1, "VP"\n',  # a space before a quote
    ],
)
def test_quotes_read_otherwise_or_lines_broken_in_a_cell_are_left_to_the_document(text):
    assert plain_yaml(text, "hr.csv", Rules(), PLAIN) is None


def test_snapshots_are_left_to_the_document():
    text = written([["id", "manager", "title"], ["1", "", "CEO"], ["2", "1", "VP"]])
    assert plain_yaml(text, "hr.csv", Rules(), PLAIN) is not None
    assert plain_yaml(text, "hr.csv", Rules(where=[("title", "VP")]), PLAIN) is None


RULES = Rules(
    serves=[("*sales*", "retail"), ("*Associate", "retail"), ("*agent*", "care")],
    decides=[("*Manager", "refund", 500.0), ("Store*", "refund", None), ("*lead", "discount", 10.0)],
    units={"refund": "USD", "discount": "%"},
)


def test_untidy_cells_given_and_family_names_and_title_rules_are_written_from_their_columns():
    text = written(
        [
            ["Employee ID", "Manager", "Job Title", "First Name", "Last Name"],
            ["1", "", " Chief  Executive ", "Ann", "Lee "],
            ["2", "1\t", "Store Manager", "", "Roe"],
            ["3", " 2", "Sales Associate", "Bo", ""],
            ["4", "2", "Care\u3000Agent", "", ""],
        ]
    )
    said = plain_yaml(text, "hr.csv", RULES, PLAIN)
    assert said is not None
    assert said.text == through_the_document(text, RULES) == through_the_document(text, RULES, row_by_row=True)
    roles = {role.id: role for role in load_text(said.text, "org.yaml").org.roles}
    assert [(r.title, r.name, r.reports_to) for r in roles.values()] == [
        ("Chief Executive", "Ann Lee", None),
        ("Store Manager", "Roe", "1"),
        ("Sales Associate", "Bo", "2"),
        ("Care Agent", None, "2"),
    ]
    # "Store*" gives no limit, "*Manager" 500 USD: no limit beats any
    assert '    title: Store Manager\n    name: Roe\n    reports_to: "1"\n    decides: [refund]\n' in said.text
    assert '    reports_to: "2"\n    serves: [retail]\n' in said.text
    assert [role.serves for role in roles.values()] == [(), (), ("retail",), ("care",)]


def test_the_real_exports_are_written_from_their_columns(d3_export, oracle_export):
    for path in (d3_export, oracle_export):
        text = path.read_text(encoding="utf-8-sig")
        for rules in (Rules(), RULES):
            said = plain_yaml(text, "hr.csv", rules, PLAIN)
            assert said is not None, path.name
            assert said.text == through_the_document(text, rules, row_by_row=True)
    oracle = plain_yaml(oracle_export.read_text(encoding="utf-8-sig"), "hr.csv", Rules(), PLAIN)
    assert "    title: Chief Operating Officer\n    name: Steven King\n" in oracle.text  # type: ignore[union-attr]


cells = st.one_of(
    st.sampled_from(HOSTILE),
    st.integers(0, 10**6).map(str),
    st.from_regex(r"0[0-9]{1,3}", fullmatch=True),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\t\r\n"), max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(cells, cells, cells, st.integers(0, 1000), st.sampled_from(["1", "0", "0.5", "2", "x", " 2", "1\t"])),
        max_size=12,
    ),
    st.sampled_from(["", "NULL", "0", "-"]),
    st.sampled_from([",", ";", "\t", "|"]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
    st.sampled_from([["name"], ["first_name", "last_name"], ["name", "lastName"], ["firstname", "name"]]),
    st.sampled_from([Rules(), RULES]),
)
def test_any_export_is_written_from_its_columns_to_the_bytes_of_the_document(
    people, top, delimiter, ending, shuffled, names, rules
):
    ids = list(dict.fromkeys(person_id for person_id, *_ in people if person_id))
    rows = [["id", "manager", "title", *names, "FTE"], ["boss", top, "Chief", *(["Boss"] * len(names)), "1"]]
    for number, (person_id, (_, title, name, above, count)) in enumerate(zip(ids, people, strict=False)):
        named = [name, title[::-1]][: len(names)]
        rows.append([person_id, "boss" if number == 0 else ids[above % number], title, *named, count])
    if shuffled:
        rows[1:] = rows[:0:-1]
    written_alike_or_left(written(rows, delimiter, ending), rules)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.integers(0, 10**9).map(str),
            st.from_regex(r"[0-9]{1,6}", fullmatch=True),
            st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=6),
            st.sampled_from(HOSTILE),
        ),
        min_size=1,
    )
)
def test_texts_quoted_by_one_expression_are_quoted_as_scalar_quotes_them(texts):
    assert _quoted(pl.Series("id", texts)).to_list() == [scalar(text) for text in texts]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(cells, cells), min_size=1, max_size=6), st.lists(st.integers(0, 400), max_size=3))
def test_stray_quotes_are_read_alike_or_left_to_the_document(people, at):
    text = written(
        [["id", "manager", "title"], ["boss", "", "Chief"]] + [[f"r{n}", "boss", t] for n, (t, _) in enumerate(people)]
    )
    for place in at:
        text = text[: place % len(text)] + '"' + text[place % len(text) :]
    written_alike_or_left(text)
