"""HR exports in: one or several files (CSV, Excel workbooks, JSON arrays), each a row per
person or position with an id and a manager, turned into an org document in our format.

The steps, one module each: ``hrread`` reads a file into a table of text, ``hrcolumns``
finds which column holds what, ``hrconventions`` knows what real exports write for "no
manager", "vacant" or a count, ``hrbuild`` makes posts with their managers and reports every
bad row at once (``FILE:LINE: error: ...``), ``hrdocument`` builds the document and
``hrwrite`` writes it as YAML, with comments saying what an HR export cannot tell: who faces
customers and who may decide what.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from orgcharts.errors import Diagnostic, OrgFileError, UsageError
from orgcharts.gcpause import collector_paused
from orgcharts.loader.hrbuild import Rules, posts_of
from orgcharts.loader.hrcolumns import (
    FIELD_LABELS,
    FIELDS,
    Columns,
    check_given,
    find_columns,
    guess_columns,
    is_uk_junior,
    key,
)
from orgcharts.loader.hrdocument import check_units, document
from orgcharts.loader.hrfast import plain_document
from orgcharts.loader.hrread import (
    PLAIN,
    UNPACKED_PER_BYTE,
    XLS_MAGIC,
    XLSX_MAGIC,
    Reading,
    Table,
    decode,
    is_json,
    read_table,
    sheet_names,
)
from orgcharts.loader.hrwrite import Document, Written, to_yaml

__all__ = [
    "FIELDS",
    "FIELD_LABELS",
    "UNPACKED_PER_BYTE",
    "Columns",
    "Imported",
    "Reading",
    "Rules",
    "Written",
    "sheet_names",
    "to_yaml",
]
"""What callers import from here beside the functions below: the import's one public face."""


@dataclass
class Imported:
    """The org document built from an export, with what was found along the way."""

    document: Document
    columns: Columns
    rows: int
    roles: int
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def people(self) -> int:
        """The org's headcount: each role's, 1 unless it says otherwise."""
        return sum(role.get("headcount", 1) for role in self.document["roles"])


def import_files(
    paths: Sequence[str], rules: Rules, max_bytes: int, reading: Reading = PLAIN, **given: str | None
) -> Imported:
    """Read the exports at ``paths`` (each refused above ``max_bytes``) into one org: a later
    file's rows may report to an earlier file's ids. ``given`` names columns the headers do not
    name the usual way (each applies to the files that have it)."""
    check_units(rules)
    with collector_paused():
        tables = [read_table(_read(path, max_bytes), path, reading) for path in paths]
        return import_tables(tables, rules, **given)


def import_as_yaml(
    paths: Sequence[str], rules: Rules, max_bytes: int, reading: Reading = PLAIN, **given: str | None
) -> Written:
    """``import_files`` written as ``to_yaml`` writes it: the plainest CSV export straight from
    its columns (``hrcolumnar``), anything else through the document."""
    check_units(rules)
    if len(paths) != 1:
        return _written(import_files(paths, rules, max_bytes, reading, **given))
    from orgcharts.loader.hrcolumnar import plain_yaml  # polars' import time is for the command line's CSV only

    data = _read(paths[0], max_bytes)
    with collector_paused():
        if reading.sheet is None and not data.startswith((XLSX_MAGIC, XLS_MAGIC)):
            text = decode(data, paths[0])
            written = None if is_json(text, paths[0]) else plain_yaml(text, paths[0], rules, reading, **given)
            if written is not None:
                return written
        return _written(import_tables([read_table(data, paths[0], reading)], rules, **given))


def _written(imported: Imported) -> Written:
    return Written(to_yaml(imported.document), imported.rows, imported.roles, imported.people, imported.warnings)


def import_file(path: str, rules: Rules, max_bytes: int, **given: str | None) -> Imported:
    """``import_files`` for one file."""
    return import_files([path], rules, max_bytes, **given)


def import_bytes(
    data: bytes,
    source: str,
    rules: Rules,
    *,
    only_given: bool = False,
    reading: Reading = PLAIN,
    **given: str | None,
) -> Imported:
    """``import_file`` for an export already in memory (a dashboard upload) named ``source``.
    With ``only_given``, fields not in ``given`` are left out rather than guessed (a form
    where the user cleared them)."""
    check_units(rules)
    with collector_paused():
        return import_tables([read_table(data, source, reading)], rules, only_given=only_given, **given)


def import_tables(tables: Sequence[Table], rules: Rules, *, only_given: bool = False, **given: str | None) -> Imported:
    """The org of the tables read; ``UnknownColumnError`` (a ``UsageError``) for a column
    named that no table has, ``OrgFileError`` listing every bad row."""
    check_given([table.header for table in tables], tables[0].source if len(tables) == 1 else "the files", given)
    for column, _ in rules.where:
        if not any(key(column) in {key(name) for name in table.header} for table in tables):
            raise UsageError(f"--where names column '{column}', which no file has")
    parts = []
    for table in tables:
        keys = {key(name) for name in table.header}
        here = {name: column for name, column in given.items() if column and key(column) in keys}
        ids_optional = rules.group_by_title or is_uk_junior(table.header)
        parts.append(
            (table, find_columns(table.header, table.source, only_given=only_given, ids_optional=ids_optional, **here))
        )
    return build_parts(parts, rules)


def build_parts(parts: Sequence[tuple[Table, Columns]], rules: Rules, *, row_by_row: bool = False) -> Imported:
    """The org of tables whose columns are found; ``OrgFileError`` listing every bad row.
    A plain export is built a column at a time (``hrfast``) unless ``row_by_row``."""
    plain = None if row_by_row else plain_document(parts, rules)
    if plain is not None:
        built, roles = plain
        return Imported(built, parts[0][1], len(parts[0][0].records), roles)
    found = posts_of(parts, rules)
    columns = [used for _, used in parts]
    built, roles = document(found, rules, columns, [table.source for table, _ in parts])
    return Imported(built, columns[0], found.rows, roles, found.warnings)


def header_of(data: bytes, source: str, reading: Reading = PLAIN) -> tuple[list[str], dict[str, str | None]]:
    """The export's column names, and the column each field would be read from unless the
    user says otherwise (``guess_columns``): what a column-matching form starts from."""
    header = read_table(data, source, reading).header
    return header, guess_columns(header)


def parse_rule(text: str, source_flag: str) -> tuple[str, str]:
    """``PATTERN=VALUE`` as given on the command line; ``UsageError`` if it is not that."""
    pattern, equals, value = text.rpartition("=")
    if not equals or not pattern.strip() or not value.strip():
        raise UsageError(f"{source_flag} takes 'TITLE PATTERN=VALUE', not '{text}'")
    return pattern.strip(), value.strip()


def parse_authority(value: str) -> tuple[str, float | None]:
    """``DECISION`` or ``DECISION:LIMIT``; ``UsageError`` if the limit is not a number."""
    decision, colon, limit = value.partition(":")
    if not colon:
        return decision, None
    try:
        number = float(limit)
    except ValueError:
        raise UsageError(f"the limit in '{value}' is not a number") from None
    if not number > 0 or number == float("inf"):
        raise UsageError(f"the limit in '{value}' must be a number above 0")
    return decision, number


def parse_decides(text: str, source_flag: str) -> tuple[str, str, float | None, str | None]:
    """``PATTERN=DECISION[:LIMIT [UNIT]]``: the pattern, decision, limit and the unit written
    after the limit ('refund:500 USD'), each None when not given."""
    pattern, value = parse_rule(text, source_flag)
    decision, colon, rest = value.partition(":")
    amount, _, unit = rest.strip().partition(" ")
    _, limit = parse_authority(f"{decision}:{amount}" if colon else decision)
    return pattern, decision.strip(), limit, unit.strip() or None


def authority_rules(
    texts: Sequence[str], source_flag: str
) -> tuple[list[tuple[str, str, float | None]], dict[str, str]]:
    """The ``decides`` rules of ``texts`` (``parse_decides``) and the units written in them."""
    decides, units = [], {}
    for text in texts:
        pattern, decision, limit, unit = parse_decides(text, source_flag)
        decides.append((pattern, decision, limit))
        if unit:
            units[decision] = unit
    return decides, units


def parse_unit(text: str) -> tuple[str, str]:
    """``DECISION=UNIT`` as given to ``--unit``; ``UsageError`` if it is not that."""
    decision, equals, unit = text.partition("=")
    if not equals or not decision.strip() or not unit.strip():
        raise UsageError(f"--unit takes 'DECISION=UNIT' (refund=USD), not '{text}'")
    return decision.strip(), unit.strip()


def parse_where(text: str) -> tuple[str, str]:
    """``COLUMN=VALUE`` as given to ``--where``; ``UsageError`` if it is not that."""
    column, equals, value = text.partition("=")
    if not equals or not column.strip():
        raise UsageError(f"--where takes 'COLUMN=VALUE' (--where 'Date=2024-03-31'), not '{text}'")
    return column.strip(), value.strip()


def _read(path: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise OrgFileError([Diagnostic("error", f"cannot read the file: {error.strerror}", path)]) from None
    if len(data) > max_bytes:
        message = f"the file is larger than {max_bytes:,} bytes; raise the limit with --max-bytes if it is right"
        raise OrgFileError([Diagnostic("error", message, path)])
    return data
