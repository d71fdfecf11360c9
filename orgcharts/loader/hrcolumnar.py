"""The plainest CSV export written straight to YAML by polars, a column at a time: one file,
cells with no quotes (or quotes the csv module reads alike), every row its own id, a manager
id (or one top marker), a title, perhaps a name (or given and family names) and a count,
every manager on a line before its reports; title rules (``--serves``, ``--decides``) may
apply. Cells are tidied and checked by column expressions, and the roles' lines are built as
strings in polars; only the texts a regular expression finds worth a look go through
``hrwrite.scalar``, and the title rules are worked out once per title. Anything else returns
None, and the import goes the usual way (``hrfast``, then ``hrbuild`` row by row, which says
what is wrong where). Both ways write the same bytes; a test holds them to it."""

from __future__ import annotations

import csv
import math

import polars as pl

from orgcharts.errors import OrgFileError, UsageError
from orgcharts.loader.hrbuild import Found, Rules
from orgcharts.loader.hrcolumns import Columns, find_columns, is_uk_junior
from orgcharts.loader.hrconventions import UNDISCLOSED_NAMES, VACANT_NAMES, markers
from orgcharts.loader.hrdocument import TitleRules, assemble
from orgcharts.loader.hrread import Reading, dialect_of
from orgcharts.loader.hrwrite import RESOLVED_FIRST, Written, fields_text, scalar, to_yaml

_SPACES = "".join(chr(code) for code in range(0x3001) if chr(code).isspace() and code != 0x20)
"""Whitespace other than a space, as ``str.split`` knows it (none lies above U+3000)."""
_OTHER_SPACE = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in _SPACES) + "]"
_UNTIDY = "^ | $|  |" + _OTHER_SPACE
"""A cell that ``" ".join(cell.split())`` would change..."""
_INSIDE = "  |" + _OTHER_SPACE
"""... once a cell's spaces at either end are gone, ..."""
_WHITESPACE = f"(?: |{_OTHER_SPACE})+"
"""... at each run of whitespace, as ``str.split`` splits there."""
_PLAIN_FIRST = sorted(set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") - RESOLVED_FIRST)
_SAFE = "^[" + "".join(_PLAIN_FIRST) + r"](?:[A-Za-z0-9 _.()&/+'\-]*[A-Za-z0-9_.()&/+'\-])?$"
"""A text ``scalar`` writes as it is without asking YAML's resolver: ``hrwrite._PLAIN``
with a first character no resolver looks at and no space at the end."""
_WHOLE_NUMBER = r"^(?:0|[1-9][0-9]*)$"
"""Texts YAML 1.1 reads as whole numbers, which ``scalar`` writes double-quoted as they are."""
_PLAIN = r"^[A-Za-z0-9_][A-Za-z0-9 _.()&/+'\-]*$"
"""``hrwrite._PLAIN``, anchored: a text not like it is always double-quoted by ``scalar``..."""
_QUOTED_AS_IS = r"^[\x20\x21\x23-\x5b\x5d-\x7e]*$"
"""... and, when it is printable ASCII with no quote or backslash, quoted as it is."""
_COUNT = r"^[0-9]+(\.[0-9]+)?$"
"""A count or FTE that Python's ``float`` and polars read alike."""
_NAME_WORDS = frozenset(VACANT_NAMES) | frozenset(UNDISCLOSED_NAMES)
_NAME_WORD_OR_NOT_ASCII = "(?i)^(?:" + "|".join(sorted(_NAME_WORDS)) + r")$|[^\x00-\x7f]"
"""A name that may be one of ``_NAME_WORDS`` (their letters are plain ASCII), in any case."""


def plain_yaml(text: str, source: str, rules: Rules, reading: Reading, **given: str | None) -> Written | None:
    """The YAML text of the CSV ``text`` when it is the plainest kind of export, else None."""
    if reading.no_header or rules.group_by_title or rules.root or rules.where:
        return None
    dialect = dialect_of(text)
    others = {dialect.quotechar, dialect.escapechar} - {None, '"'}
    if dialect.skipinitialspace or any(mark in text for mark in (*others, "\x00")):  # type: ignore[arg-type]
        return None
    if ("\r" in text and text.count("\r") != text.count("\r\n")) or ('"' in text and dialect.quotechar != '"'):
        return None
    delimiter = dialect.delimiter
    lines = text.count("\n") + (not text.endswith("\n"))
    quoted = _quoted_lines(text) if '"' in text else {}
    try:
        table = pl.read_csv(
            text.encode("utf-8"),
            has_header=False,
            separator=delimiter,
            quote_char='"' if quoted else None,
            infer_schema=False,
            empty_string_is_null=False,
            truncate_ragged_lines=False,
        )
    except pl.exceptions.PolarsError:
        return None
    outside = text.count(delimiter) - sum(line.count(delimiter) for line in quoted.values())
    if lines < 2 or table.height != lines or outside != (lines - len(quoted)) * (table.width - 1):
        return None  # a blank line, a line break in a cell, or a line of fewer cells than the header
    if quoted and list(map(tuple, csv.reader(quoted.values(), dialect))) != table[list(quoted)].rows():
        return None  # quotes that polars and the csv module read apart (a quote inside a cell...)
    header = [cell.strip() for cell in table.row(0)]
    try:
        columns = find_columns(header, source, **given)
    except (OrgFileError, UsageError):
        return None  # said again, with where, by the usual way
    if is_uk_junior(header) or columns.manager_name:
        return None
    if columns.id is None or columns.manager is None or columns.title is None:
        return None
    position = {name: at for at, name in reversed(list(enumerate(header)))}
    picked = {
        name: pl.col(table.columns[position[column]])
        for name, column in (
            ("id", columns.id),
            ("manager", columns.manager),
            ("title", columns.title),
            ("name", columns.name),
            ("first", columns.first_name),
            ("last", columns.last_name),
            ("count", columns.headcount),
        )
        if column
    }
    cells = _with_people(_tidied(table.slice(1).select(**picked)))
    return _written(cells, rules, columns, source)


def _tidied(cells: pl.DataFrame) -> pl.DataFrame:
    """The cells as ``" ".join(cell.split())`` has them, looking only at the columns that need
    it. The counts are left as they are: ``_people`` takes only plain digits."""
    texts = [name for name in cells.columns if name != "count"]
    untidy = cells.select(pl.col(texts).str.contains(_UNTIDY).any()).row(0, named=True)
    looked_at = [name for name, said in untidy.items() if said]
    if not looked_at:
        return cells
    cells = cells.with_columns(pl.col(looked_at).str.strip_chars(" "))
    inside = cells.select(pl.col(looked_at).str.contains(_INSIDE).any()).row(0, named=True)
    spaced = [
        pl.col(name).str.replace_all(_WHITESPACE, " ").str.strip_chars(" ") for name, said in inside.items() if said
    ]
    return cells.with_columns(*spaced) if spaced else cells


def _with_people(cells: pl.DataFrame) -> pl.DataFrame:
    """The cells with one "name" column, as ``hrconventions.person_name`` makes it from a name
    and given and family names ("" for none)."""
    if "first" not in cells.columns and "last" not in cells.columns:
        return cells
    name, first, last = (pl.col(c) if c in cells.columns else pl.lit("") for c in ("name", "first", "last"))
    given_in_name = (name != "") & (last != "") & (first == "") & ~name.str.contains(last, literal=True)
    given = pl.when(given_in_name).then(name).otherwise(first)
    joined = pl.concat_str([given, last], separator=" ").str.strip_chars(" ")
    person = pl.when((name != "") & ~given_in_name).then(name).otherwise(joined)
    return cells.with_columns(name=person).drop("first", "last", strict=False)


def _written(cells: pl.DataFrame, rules: Rules, columns: Columns, source: str) -> Written | None:
    ids = cells["id"]
    if ids.n_unique() != len(ids) or (ids == "").any() or (cells["title"] == "").any():
        return None
    if (ids == cells["manager"]).any() or ("name" in cells.columns and _says_vacant_or_undisclosed(cells["name"])):
        return None
    numbered = cells.with_row_index("row")
    above = numbered.join(
        numbered.select(manager="id", manager_row="row"), on="manager", how="left", maintain_order="left"
    )["manager_row"]
    outside = cells["manager"].filter(above.is_null())
    if len(outside) != 1 or not (outside[0] == "" or outside[0].casefold() in markers(rules.top_markers)):
        return None
    if not (above.fill_null(-1) < numbered["row"]).all():
        return None  # a manager after its report: the usual way tells whether that is a cycle
    people, total = _people(cells["count"]) if "count" in cells.columns else (None, float(len(ids)))
    if "count" in cells.columns and people is None:
        return None
    told = TitleRules(rules)
    lines = _role_lines(cells, above.is_null().arg_true()[0], people, told)
    found = Found([], len(ids))
    headcount = int(people.sum()) if people is not None else len(ids)
    head = assemble(found, rules, [columns], [source], [], told, (total, headcount), roles=len(ids))
    return Written(to_yaml(head) + lines + "\n", len(ids), len(ids), headcount)


def _quoted_lines(text: str) -> dict[int, str]:
    """The lines holding a quote, by their index (without their line end)."""
    return {at: line.removesuffix("\r") for at, line in enumerate(text.split("\n")) if '"' in line}


def _says_vacant_or_undisclosed(names: pl.Series) -> bool:
    """Whether a name is one of ``VACANT_NAMES`` or ``UNDISCLOSED_NAMES`` (any case, as
    ``casefold`` has it: names outside ASCII are looked at one by one)."""
    looked_at = names.filter(names.str.contains(_NAME_WORD_OR_NOT_ASCII)).unique().to_list()
    return any(name.casefold() in _NAME_WORDS for name in looked_at)


def _people(cells: pl.Series) -> tuple[pl.Series | None, float]:
    """Each row's whole people (nearest whole number, halves up) and the column's exact total,
    when every count is plain digits and none is a part of a post below one half."""
    if not cells.str.contains(_COUNT).all():
        return None, 0.0
    counts = cells.cast(pl.Float64)
    if (counts.filter(counts != 0) < 0.5).any():
        return None, 0.0
    total = math.fsum(counts.to_list())
    if not math.isfinite(total):
        return None, 0.0
    return (counts + 0.5).floor().cast(pl.Int64), total


def _role_lines(cells: pl.DataFrame, top: int, people: pl.Series | None, told: TitleRules) -> str:
    """The roles' lines, as ``hrwrite`` writes them, joined. A part that a role leaves out
    (no name, no manager, a headcount of 1, no title rule) is null, which ``concat_str``
    skips. Title rules are worked out once a title, in the order titles first appear, so
    that ``told`` meets segments and decisions in the rows' order."""
    omitted = [cells["manager"].clone().scatter(top, None)]
    if told.rules.serves or told.rules.decides:
        titles = cells["title"].unique(maintain_order=True).to_list()
        texts = {title: fields_text(told.of(title), "    ") for title in titles}
        ruled = {title: text for title, text in texts.items() if text}
        omitted.append(pl.col("title").replace_strict(ruled, default=None, return_dtype=pl.String).alias("ruled"))
    if "name" in cells.columns:
        omitted.append(pl.col("name").replace("", None))
    said = cells.with_columns(*omitted)
    said = said.with_columns(
        *(_quoted(said[name]) for name in ("id", "title", "name", "manager") if name in said.columns)
    )
    parts = [pl.lit("  - id: "), pl.col("id"), pl.lit("\n    title: "), pl.col("title")]
    if "name" in cells.columns:
        parts.append(pl.lit("\n    name: ") + pl.col("name"))
    parts.append(pl.lit("\n    reports_to: ") + pl.col("manager"))
    if people is not None:
        said = said.with_columns(headcount=people.cast(pl.String).replace("1", None))
        parts.append(pl.lit("\n    headcount: ") + pl.col("headcount"))
    if "ruled" in said.columns:
        parts.append(pl.lit("\n") + pl.col("ruled"))
    return said.select(pl.concat_str(parts, ignore_nulls=True).str.join("\n")).item()


def _quoted(texts: pl.Series) -> pl.Series:
    """The texts as ``scalar`` writes them: those it double-quotes as they are (whole numbers;
    printable ASCII that is not plain text) by one expression, the other texts worth a look
    through ``scalar`` once each."""
    unsafe = ~texts.str.contains(_SAFE)
    if not unsafe.any():
        return texts
    looked_at = texts.filter(unsafe)
    if not _quoted_as_is(looked_at).any():
        as_is = None
    else:
        as_is = unsafe & _quoted_as_is(texts)
        looked_at = texts.filter(unsafe & ~as_is)
    changed = {text: quoted for text in looked_at.unique().to_list() if (quoted := scalar(text)) != text}
    said = texts.replace(changed) if changed else texts
    if as_is is not None:
        said = pl.select(pl.when(as_is).then(pl.lit('"') + texts + pl.lit('"')).otherwise(said)).to_series()
    return said.alias(texts.name)


def _quoted_as_is(texts: pl.Series) -> pl.Series:
    return texts.str.contains(_WHOLE_NUMBER) | (~texts.str.contains(_PLAIN) & texts.str.contains(_QUOTED_AS_IS))
