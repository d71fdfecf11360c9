"""A plain export is built a column at a time (hrfast), every other one row by row (hrbuild):
both ways must write the same file, and the column way must be the one plain exports take."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgcharts.loader import load_text
from orgcharts.loader.hrcolumns import find_columns
from orgcharts.loader.hrcsv import Rules, build_parts, to_yaml
from orgcharts.loader.hrfast import plain_document
from orgcharts.loader.hrread import read_table
from orgcharts.loader.hrwrite import scalar
from tests.fixtures.hrexports import written

RULES = Rules(serves=[("*associate*", "retail")], decides=[("*manager", "refund", 500.0)], units={"refund": "USD"})


def parts_of(text: str) -> list:
    table = read_table(text.encode(), "hr.csv")
    return [(table, find_columns(table.header, "hr.csv"))]


def both_ways(text: str, rules: Rules = RULES) -> tuple[str | None, str]:
    """The YAML of the export built a column at a time (None when it is not plain) and row by row."""
    plain = plain_document(parts_of(text), rules)
    by_row = build_parts(parts_of(text), rules, row_by_row=True).document
    return (to_yaml(plain[0]) if plain else None), to_yaml(by_row)


PLAIN = written(
    [
        ["id", "manager", "title", "name", "FTE"],
        ["1", "NULL", "Chief Executive", "Ann  Lee ", "1"],
        ["2", "1", "Store Manager", "Monroe, Peter", "2.5"],
        ["0100", "1", "No", "Yes", "0"],
        ["4", "2", "Sales Associate", "#1 seller", "0.5"],
        ["5", "2", "Sales\tAssociate", "", "1"],
    ]
)


def test_a_plain_export_is_built_a_column_at_a_time_into_the_same_file():
    plain, by_row = both_ways(PLAIN)
    assert plain is not None
    assert plain == by_row
    assert '  - id: "0100"\n    title: "No"\n    name: "Yes"\n    reports_to: "1"\n    headcount: 0' in plain
    assert "    name: Ann Lee\n" in plain and '    name: "Monroe, Peter"\n' in plain
    assert "headcount: 3\n    decides:\n      - {decision: refund, limit: 500}\n" in plain
    assert load_text(plain, "org.yaml").org.roles[0].name == "Ann Lee"


def test_exports_that_are_not_plain_are_left_to_the_rows_one_by_one():
    header = ["id", "manager", "title", "name"]
    for rows in (
        [["1", "", "CEO", "A"], ["2", "1", "VP", "B"], ["2", "1", "VP", "C"]],  # a job share
        [["1", "", "CEO", "A"], ["2", "1", "VP", "Vacant"]],  # a vacant post
        [["1", "", "CEO", "A"], ["2", "9", "VP", "B"]],  # an unknown manager
        [["1", "", "CEO", "A"], ["2", "", "VP", "B"]],  # two tops
        [["1", "", "CEO", "A"], ["2", "1", "", "B"]],  # no title
        [["2", "1", "VP", "B"], ["1", "", "CEO", "A"]],  # a report before its manager
    ):
        assert plain_document(parts_of(written([header, *rows])), RULES) is None


def test_a_plain_export_out_of_order_with_a_cycle_is_refused_row_by_row():
    text = written([["id", "manager", "title"], ["1", "", "CEO"], ["2", "3", "VP"], ["3", "2", "VP"]])
    assert plain_document(parts_of(text), Rules()) is None


texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(texts, texts, st.sampled_from(["", "1", "0.5", "0.4", "2.5", "3"])), min_size=1, max_size=8))
def test_any_plain_export_is_written_the_same_both_ways(people):
    rows = [["id", "manager", "title", "name", "headcount"], ["top", "", "Chief", "Boss", "1"]]
    for number, (title, name, count) in enumerate(people):
        rows.append([f"r{number}", "top" if number == 0 else f"r{number - 1}", title or "T", name, count])
    plain, by_row = both_ways(written(rows))
    if plain is not None:
        assert plain == by_row


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=6))
def test_texts_checked_all_at_once_are_written_as_scalar_writes_each(values):
    roles = [{"id": f"r{n}", "title": value, "name": value, "reports_to": "r0"} for n, value in enumerate(values)]
    text = to_yaml({"roles": roles})
    for value in values:
        assert f"    title: {scalar(value)}\n" in text


def test_roles_with_a_value_that_is_not_text_are_written_value_by_value():
    text = to_yaml({"roles": [{"id": 1, "title": True, "name": "x", "reports_to": "No"}, {"id": "a", "title": "No"}]})
    assert text == 'roles:\n  - id: 1\n    title: true\n    name: x\n    reports_to: "No"\n  - id: a\n    title: "No"\n'


def test_an_empty_text_never_hides_the_careful_one_after_it():
    """Hypothesis found it: "" then "0" wrote ``title: 0``, which YAML reads back as a number."""
    text = to_yaml({"roles": [{"id": "r0", "title": "", "name": "", "reports_to": "r0"},
                              {"id": "r1", "title": "0", "name": "0", "reports_to": "r0"}]})  # fmt: skip
    assert '    title: "0"\n    name: "0"\n' in text


def test_a_quote_doubled_inside_a_quoted_cell_is_read_as_one_quote():
    """Hypothesis found it: Python's sniffer took ``\"\"\"0,\"`` for a quote, then a new cell."""
    table = read_table(b'id,manager,title,name,FTE\r\ntop,,Chief,Boss,1\r\nr0,top,T,"""0,",\r\n', "hr.csv")
    assert table.records[1] == (3, ["r0", "top", "T", '"0,', ""])


def test_an_apostrophe_is_never_taken_for_a_quote():
    """Hypothesis found it: names written 'Pat' (or a bare ') made Python's sniffer take the
    apostrophe for the quote character, which HR exports never use: names lost their marks,
    and a lone one swallowed the rows after it."""
    table = read_table(b"id,manager,title,name\n1,,CEO,'Pat'\n2,1,Agent,'\n3,1,Agent,'\n4,1,Agent,Ann\n", "hr.csv")
    assert [record[1][3] for record in table.records] == ["'Pat'", "'", "'", "Ann"]
