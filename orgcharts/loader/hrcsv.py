"""HR exports in: a flat CSV (one row per person or position, with an id and a manager id)
turned into an org document in our format.

Reading is Python's csv module (dialect sniffed; UTF-8 with or without a byte-order mark,
UTF-16, and Windows-1252/Latin-1 exports); writing is ruamel.yaml, so the file can say in
comments what an HR export cannot tell: who faces customers and who may decide what.
Every bad row is reported at once, as ``FILE:LINE: error: ...`` (the line in the file,
which is the spreadsheet row unless a cell holds a line break).
"""

from __future__ import annotations

import codecs
import csv
import difflib
import fnmatch
import io
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from orgcharts.errors import Diagnostic, OrgFileError, UnknownColumnError, UsageError
from orgcharts.loader.roundtrip import written_number
from orgcharts.loader.suggest import Suggester
from orgcharts.loader.treerules import tree_problems
from orgcharts.words import counted

FIELDS = ("id", "manager", "title", "name", "first_name", "last_name")
"""What an export's columns may say, in the order a form or ``--help`` lists them: the one list
of fields (``Columns`` has one attribute each; the command line an option each)."""
FIELD_LABELS = {
    "id": "Id (unique per row)",
    "manager": "Manager's id",
    "title": "Job title",
    "name": "Full name",
    "first_name": "First name",
    "last_name": "Last name",
}
"""Each field as a column-matching form names it."""
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "employeeid", "empid", "employeenumber", "personid", "positionid", "staffid", "workerid"),
    "manager": (
        "parentid",
        "managerid",
        "reportsto",
        "reportstoid",
        "supervisorid",
        "manageremployeeid",
        "managerempid",
        "parent",
        "manager",
        "supervisor",
    ),
    "title": ("title", "positionname", "position", "jobtitle", "positiontitle", "job", "jobname", "role"),
    "name": ("name", "fullname", "employeename", "displayname", "personname"),
    "first_name": ("firstname", "givenname", "forename"),
    "last_name": ("lastname", "surname", "familyname"),
}
"""Header names recognised for each field, compared without case, spaces or punctuation."""
NO_TITLE = "(no title)"
MAX_SUGGESTIONS = 50
"""Unknown managers that get a did-you-mean; an export where every manager is unknown says
so once per row, and looking for each would cost more than the import."""


@dataclass(frozen=True)
class Columns:
    """Which header holds each field; ``title`` and ``name`` parts may be missing."""

    id: str
    manager: str
    title: str | None = None
    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None


@dataclass(frozen=True)
class Rules:
    """What the user adds to the export: title patterns (shell-style, any case) that mark
    customer-facing roles and authority, and whether to merge look-alike positions."""

    serves: Sequence[tuple[str, str]] = ()
    """(title pattern, segment id)"""
    decides: Sequence[tuple[str, str, float | None]] = ()
    """(title pattern, decision id, limit or None)"""
    units: Mapping[str, str] = field(default_factory=dict)
    """decision id to its unit (USD, days...): a limit needs one"""
    group_by_title: bool = False
    organization: str | None = None


@dataclass
class Imported:
    """The org document built from an export, with what was found along the way."""

    document: CommentedMap
    columns: Columns
    rows: int
    roles: int
    warnings: list[Diagnostic] = field(default_factory=list)


def import_file(path: str, rules: Rules, max_bytes: int, **given: str | None) -> Imported:
    """Read the CSV export at ``path`` (refused above ``max_bytes``) and build its org
    document; ``given`` names columns the header does not name the usual way."""
    check_units(rules)
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise OrgFileError([Diagnostic("error", f"cannot read the file: {error.strerror}", path)]) from None
    if len(data) > max_bytes:
        message = f"the file is larger than {max_bytes:,} bytes; raise the limit with --max-bytes if it is right"
        raise OrgFileError([Diagnostic("error", message, path)])
    return import_bytes(data, path, rules, **given)


def import_bytes(data: bytes, source: str, rules: Rules, *, only_given: bool = False, **given: str | None) -> Imported:
    """``import_file`` for an export already in memory (a dashboard upload) named ``source``.
    With ``only_given``, fields not in ``given`` are left out rather than guessed (a form
    where the user cleared them)."""
    header, records = read_rows(decode(data, source), source)
    return build(header, records, find_columns(header, source, only_given=only_given, **given), rules, source)


def header_of(data: bytes, source: str) -> tuple[list[str], dict[str, str | None]]:
    """The export's column names, and the column each field would be read from unless the
    user says otherwise (``guess_columns``): what a column-matching form starts from."""
    header, _ = read_rows(decode(data, source), source)
    return header, guess_columns(header)


def decode(data: bytes, source: str) -> str:
    """The export's text: UTF-8 (a byte-order mark is dropped), UTF-32 or UTF-16 with its
    mark, else Windows-1252 (which Excel writes) falling back to Latin-1 byte by byte."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE begins both
        return data.decode("utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise OrgFileError([Diagnostic("error", "this is not a CSV text file (it holds NUL bytes)", source)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def read_rows(text: str, source: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and each record with the file line it starts on (the header is line 1)."""
    sample = text[:65536]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    records: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    start = 1
    try:
        for cells in reader:
            if header is None:
                header = [cell.strip() for cell in cells]
            elif any(cell.strip() for cell in cells):
                records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise OrgFileError([Diagnostic("error", f"unreadable CSV: {error}", source, reader.line_num)]) from None
    if not header or not any(header):
        raise OrgFileError([Diagnostic("error", "the file is empty: expected a header row, then one row each", source)])
    return header, records


def find_columns(header: Sequence[str], source: str, *, only_given: bool = False, **given: str | None) -> Columns:
    """Each field's column: the one named in ``given`` (any case), else the first header in
    the field's family of common names. Raises ``UnknownColumnError`` for a named column the
    header lacks, and ``OrgFileError`` when no id or manager column can be found."""
    by_key = {_key(name): name for name in reversed(header)}
    for asked in filter(None, given.values()):
        if _key(asked) not in by_key:
            close = difflib.get_close_matches(asked, header, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; the columns are: {', '.join(header)}"
            raise UnknownColumnError(f"{source} has no column '{asked}'{hint}")
    chosen = guess_columns(header, **given)
    if only_given:
        chosen = {name: column if given.get(name) else None for name, column in chosen.items()}
    missing = [name for name in ("id", "manager") if chosen[name] is None]
    if missing:
        flags = " and ".join(f"--{name} COLUMN" for name in missing)
        message = f"no {' or '.join(missing)} column found among: {', '.join(header)}; name it with {flags}"
        raise OrgFileError([Diagnostic("error", message, source, 1)])
    return Columns(**chosen)  # type: ignore[arg-type]


def guess_columns(header: Sequence[str], **given: str | None) -> dict[str, str | None]:
    """Each field's column: the header named in ``given`` (any case), else the first header
    in the field's family of common names, else None."""
    by_key = {_key(name): name for name in reversed(header)}
    return {
        name: by_key.get(_key(given[name])) if given.get(name) else next(
            (by_key[key] for key in COMMON_NAMES[name] if key in by_key), None
        )
        for name in FIELDS
    }  # fmt: skip


def build(
    header: Sequence[str], records: Sequence[tuple[int, list[str]]], columns: Columns, rules: Rules, source: str
) -> Imported:
    """The org document for the records; raises ``OrgFileError`` listing every bad row."""
    index = {name: position for position, name in enumerate(header)}

    def cell(cells: list[str], column: str | None) -> str:
        if column is None or index[column] >= len(cells):
            return ""
        return " ".join(cells[index[column]].split())

    errors: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    rows: dict[str, dict[str, str | int | None]] = {}
    line_of: dict[str, int] = {}
    for line, cells in records:
        role_id = cell(cells, columns.id)
        if not role_id:
            errors.append(Diagnostic("error", f"row has no id (column '{columns.id}')", source, line))
            continue
        if role_id in rows:
            errors.append(
                Diagnostic("error", f"id '{role_id}' is used again (first on line {line_of[role_id]})", source, line)
            )
            continue
        title = cell(cells, columns.title)
        if not title:
            message = f"'{role_id}' has no title: called '{NO_TITLE}'"
            warnings.append(Diagnostic("warning", message, source, line, kind="no_title", subject=role_id))
        rows[role_id] = {
            "title": title or NO_TITLE,
            "name": _person(cells, cell, columns),
            "manager": cell(cells, columns.manager),
        }
        line_of[role_id] = line

    ids = list(rows)
    entries = [(role_id, rows[role_id]["manager"] or None) for role_id in ids]
    suggester = Suggester(ids)
    asked = itertools.count()

    def hint(manager: str) -> str:
        return suggester.hint(manager) if next(asked) < MAX_SUGGESTIONS else ""

    for problem in tree_problems(entries, "manager", hint):
        line = 1 if problem.index is None else line_of[ids[problem.index]]
        errors.append(Diagnostic("error", problem.message, source, line))
    if not rows and not errors:
        errors.append(Diagnostic("error", "no rows after the header", source, 1))
    if errors:
        raise OrgFileError(sorted(errors, key=lambda d: d.line or 0) + warnings)

    merged = _merged(rows) if rules.group_by_title else {role_id: [role_id] for role_id in rows}
    document = _document(rows, merged, rules, columns, source, len(records))
    return Imported(document, columns, len(records), len(merged), warnings)


def to_yaml(document: CommentedMap) -> str:
    """The document as YAML our loader reads back as written (YAML 1.1 quoting, so that a
    title such as ``No`` or an id such as ``0100`` stays text)."""
    writer = YAML()
    writer.version = (1, 1)
    writer.width = 120
    writer.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    writer.dump(document, out)
    return out.getvalue()


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
        return decision, float(limit)
    except ValueError:
        raise UsageError(f"the limit in '{value}' is not a number") from None


def _key(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def _person(cells: list[str], cell, columns: Columns) -> str | None:  # noqa: ANN001 - the local cell reader
    name = cell(cells, columns.name)
    first, last = cell(cells, columns.first_name), cell(cells, columns.last_name)
    if name and last and not first and last not in name:
        first = name  # exports such as Oracle's put the given name in "name" beside a last-name column
        name = ""
    return name or " ".join(part for part in (first, last) if part) or None


def _merged(rows: dict[str, dict[str, str | int | None]]) -> dict[str, list[str]]:
    """Roles to write, each with the rows it stands for: people with no reports who share a
    title and a manager become one role with a headcount (managers always stay one each)."""
    managers = {row["manager"] for row in rows.values()}
    groups: dict[tuple[object, object], str] = {}
    merged: dict[str, list[str]] = {}
    for role_id, row in rows.items():
        if role_id in managers:
            merged[role_id] = [role_id]
            continue
        key = (row["manager"], row["title"])
        if key in groups:
            merged[groups[key]].append(role_id)
        else:
            groups[key] = role_id
            merged[role_id] = [role_id]
    return merged


def _document(
    rows: dict[str, dict[str, str | int | None]],
    merged: dict[str, list[str]],
    rules: Rules,
    columns: Columns,
    source: str,
    row_count: int,
) -> CommentedMap:
    segments: list[str] = []
    decisions: list[str] = []
    roles = CommentedSeq()
    for role_id, members in merged.items():
        row = rows[role_id]
        title = str(row["title"])
        role = CommentedMap(id=role_id, title=title)
        if len(members) == 1 and row["name"]:
            role["name"] = row["name"]
        if row["manager"]:
            role["reports_to"] = row["manager"]
        if len(members) > 1:
            role["headcount"] = len(members)
        serves = _matching(title, rules.serves)
        if serves:
            role["serves"] = serves
            segments += [s for s in serves if s not in segments]
        decides = [
            decision if limit is None else CommentedMap(decision=decision, limit=written_number(limit))
            for decision, limit in granted(title, rules.decides).items()
        ]
        if decides:
            role["decides"] = decides
            decisions += [d if isinstance(d, str) else d["decision"] for d in decides]
        roles.append(role)
    document = CommentedMap()
    document["organization"] = rules.organization or source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    customers = CommentedSeq(CommentedMap(id=s, name=s.replace("_", " ").capitalize()) for s in segments)
    if not customers:
        customers.append(CommentedMap(id="customers", name="Customers"))
    document["customers"] = customers
    unique_decisions = list(dict.fromkeys(decisions))
    if unique_decisions:
        document["decisions"] = CommentedSeq(_decision(d, rules.units.get(d)) for d in unique_decisions)
    document["roles"] = roles
    used = ", ".join(f"{name}={getattr(columns, name)}" for name in FIELDS if getattr(columns, name))
    lines = [
        f"Imported by orgcharts from {source.rsplit('/', 1)[-1]}: {counted(row_count, 'row')}, {counted(len(merged), 'role')}.",
        f"Columns used: {used}.",
    ]
    left = []
    if not segments:
        left.append("- customers: name your customer segments, then add serves: [segment] to the roles facing them;")
    if not unique_decisions:
        left.append("- decisions: list what customers ask for, then add decides: to the roles allowed to decide it;")
    if left:
        lines += ["An HR export cannot say who faces customers or who may decide what they ask for. To add:", *left]
    lines.append("The format: docs/format.md. 'orgcharts check' lists what is still missing.")
    document.yaml_set_start_comment("\n".join(lines))
    return document


def _decision(decision: str, unit: str | None) -> CommentedMap:
    entry = CommentedMap(id=decision, name=decision.replace("_", " ").capitalize())
    if unit:
        entry["unit"] = unit
    return entry


def granted(title: str, decides: Sequence[tuple[str, str, float | None]]) -> dict[str, float | None]:
    """Each decision the ``decides`` patterns matching ``title`` give it, once, with the
    largest limit among them (no limit beats any)."""
    limits: dict[str, float | None] = {}
    for pattern, decision, limit in decides:
        if not _matches(title, pattern):
            continue
        if decision not in limits:
            limits[decision] = limit
        elif limits[decision] is not None:
            limits[decision] = None if limit is None else max(limit, limits[decision])  # type: ignore[type-var]
    return limits


def check_units(rules: Rules) -> None:
    """``UsageError`` for a limit on a decision without a unit: the limit would be ignored."""
    for pattern, decision, limit in rules.decides:
        if limit is not None and not rules.units.get(decision):
            raise UsageError(
                f"'{pattern}={decision}:{written_number(limit)}' gives a limit, but '{decision}' has no unit,"
                f" so the limit would be ignored: give it one with --unit {decision}=UNIT (USD, EUR, days...)"
            )


def parse_unit(text: str) -> tuple[str, str]:
    """``DECISION=UNIT`` as given to ``--unit``; ``UsageError`` if it is not that."""
    decision, equals, unit = text.partition("=")
    if not equals or not decision.strip() or not unit.strip():
        raise UsageError(f"--unit takes 'DECISION=UNIT' (refund=USD), not '{text}'")
    return decision.strip(), unit.strip()


def _matching(title: str, rules: Sequence[tuple[str, str]]) -> list[str]:
    return list(dict.fromkeys(value for pattern, value in rules if _matches(title, pattern)))


def _matches(title: str, pattern: str) -> bool:
    return fnmatch.fnmatchcase(title.casefold(), pattern.casefold())
