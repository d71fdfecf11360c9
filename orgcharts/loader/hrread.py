"""Reading an HR export into a table of text cells, whatever it came as: CSV (Python's csv
module, dialect sniffed; UTF-8 with or without a byte-order mark, UTF-16/32, Windows-1252 or
Latin-1), an Excel workbook (openpyxl in read-only mode, streaming row by row), or a JSON
array of people as d3-org-chart and OrgChart JS keep them. Every record keeps the line it
starts on (the spreadsheet row; for JSON, the line its object opens on), for errors to name.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, islice
from operator import itemgetter
from typing import Any

from orgcharts.errors import Diagnostic, OrgFileError, UsageError

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
"""An old binary Excel workbook (and other OLE files): openpyxl cannot read it."""


UNPACKED_PER_BYTE = 8
"""A workbook may unpack to this many times the size limit (``--max-bytes``): its XML is
several times its zip, and a zip bomb is thousands of times."""
DEFAULT_UNPACKED = UNPACKED_PER_BYTE * 64 * 1024 * 1024
EXCEL_ROWS = 1_048_576
"""Excel's own limit of rows in a sheet: a sheet with more was not written by Excel."""


@dataclass(frozen=True)
class Reading:
    """How to read an export: ``no_header`` (columns are then named by number, from 1),
    which ``sheet`` of a workbook (default: the first), and how much a workbook may unpack to
    (``UNPACKED_PER_BYTE`` times the size limit)."""

    no_header: bool = False
    sheet: str | None = None
    max_unpacked: int = DEFAULT_UNPACKED


PLAIN = Reading()
"""A header row, the first sheet."""


@dataclass(frozen=True)
class Table:
    """An export as text: its column names and each record with the line it starts on."""

    source: str
    header: list[str]
    records: list[tuple[int, list[str]]]


def read_table(data: bytes, source: str, reading: Reading = PLAIN) -> Table:
    """The export's table, its format told by its bytes (a zip archive is a workbook; text that
    opens with ``[`` is JSON) or by its name (``.json``)."""
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data, source, reading)
    if data.startswith(XLS_MAGIC):
        message = "this is an old binary Excel workbook (.xls): save it as .xlsx or CSV and import that"
        raise OrgFileError([Diagnostic("error", message, source)])
    if reading.sheet is not None:
        raise UsageError(f"--sheet is for Excel workbooks (.xlsx), and {source} is not one")
    text = decode(data, source)
    if is_json(text, source):
        return read_json(text, source)
    return read_csv(text, source, reading)


def is_json(text: str, source: str) -> bool:
    """Whether the export's text is read as JSON: by its name, or an array's opening."""
    return source.casefold().endswith(".json") or text.lstrip()[:1] == "["


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


def _dialect_fields(dialect: type[csv.Dialect] | csv.Dialect) -> dict[str, object]:
    names = ("delimiter", "quotechar", "escapechar", "skipinitialspace", "lineterminator", "quoting")
    return {name: getattr(dialect, name) for name in names}


def dialect_of(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The CSV dialect of ``text``, sniffed from its start (Excel's when that tells nothing)."""
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|")
    except csv.Error:
        return csv.excel
    if dialect.quotechar != '"' or (dialect.escapechar is None and not dialect.doublequote):
        # The sniffer can take an apostrophe for the quote ('Pat', O'Brien), which exports
        # never quote with, and often misses doubled quotes ("say ""hi"""): with no escape
        # character there is no other way to write a quote inside a quoted cell.
        doubled = dialect.escapechar is None or dialect.doublequote
        dialect = type(
            "Sniffed", (csv.Dialect,), {**_dialect_fields(dialect), "quotechar": '"', "doublequote": doubled}
        )
    return dialect


def read_csv(text: str, source: str, reading: Reading = PLAIN) -> Table:
    """The CSV's table; with ``no_header`` the first row is a record too."""
    dialect = dialect_of(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise OrgFileError([Diagnostic("error", f"unreadable CSV: {error}", source, reader.line_num)]) from None
    return _table(source, list(zip(_csv_lines(text, rows, dialect), rows, strict=True)), reading.no_header)


def _csv_lines(text: str, rows: list[list[str]], dialect: type[csv.Dialect] | csv.Dialect) -> Iterable[int]:
    """The line each CSV row starts on: its number when every row is one line (the usual
    file, told by counting line ends), else counted again row by row."""
    newlines = text.count("\n")
    if text.count("\r") == text.count("\r\n") and newlines == len(rows) - (not text.endswith("\n")):
        return range(1, len(rows) + 1)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    lines, start = [], 1
    for _ in reader:
        lines.append(start)
        start = reader.line_num + 1
    return lines


def read_xlsx(data: bytes, source: str, reading: Reading = PLAIN) -> Table:
    """The workbook sheet's table, streamed (openpyxl's read-only mode); cells as a person
    reads them (``12`` not ``12.0``, dates as ISO). A workbook that unpacks to more than
    ``reading.max_unpacked`` bytes, or a sheet of more rows than Excel allows, is refused."""
    workbook = _open_workbook(data, source, reading.max_unpacked)
    names = workbook.sheetnames
    if reading.sheet is not None and reading.sheet not in names:
        workbook.close()
        raise UsageError(f"{source} has no sheet '{reading.sheet}'; its sheets are: {', '.join(names)}")
    try:
        sheet = workbook[reading.sheet] if reading.sheet is not None else workbook.worksheets[0]
        sheet.reset_dimensions()  # a wrong stored size would cut rows off; read what is there
        values = islice(sheet.iter_rows(min_row=1, values_only=True), EXCEL_ROWS + 1)
        rows = [(line, [_cell_text(value) for value in cells]) for line, cells in enumerate(values, start=1)]
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as error:
        message = f"a sheet of this workbook cannot be read ({error}); save it again as .xlsx or CSV"
        raise OrgFileError([Diagnostic("error", message, source)]) from None
    finally:
        workbook.close()
    if len(rows) > EXCEL_ROWS:
        message = f"the sheet has more than {EXCEL_ROWS:,} rows, Excel's own limit: this is not a workbook Excel wrote"
        raise OrgFileError([Diagnostic("error", message, source)])
    return _table(source, rows, reading.no_header)


def sheet_names(data: bytes, max_unpacked: int = DEFAULT_UNPACKED) -> list[str]:
    """The sheets of a workbook, in order; none for any other file (or a workbook that
    cannot be opened: reading it says why)."""
    if not data.startswith(XLSX_MAGIC):
        return []
    try:
        workbook = _open_workbook(data, "workbook", max_unpacked)
    except OrgFileError:
        return []
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _open_workbook(data: bytes, source: str, max_unpacked: int) -> Any:
    """openpyxl's read-only workbook, once its zip's listing says it unpacks to at most
    ``max_unpacked`` bytes (zipfile never unpacks a member beyond its listed size)."""
    import openpyxl  # a second of import time that CSV users need not pay
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked <= max_unpacked:
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        message = f"this is not an Excel workbook openpyxl can read ({error}); save it again as .xlsx or CSV"
        raise OrgFileError([Diagnostic("error", message, source)]) from None
    message = (
        f"this workbook unpacks to {unpacked:,} bytes, over the limit of {max_unpacked:,}"
        f" ({UNPACKED_PER_BYTE} times the size limit): it may be a zip bomb; if the file is right,"
        " raise the size limit with --max-bytes (for the dashboard's server: ORGCHARTS_MAX_BYTES)"
    )
    raise OrgFileError([Diagnostic("error", message, source)])


def read_json(text: str, source: str) -> Table:
    """A JSON array of objects, one per person (``{id, parentId, name, title}``): the keys
    in the order they first appear are the columns."""
    opening = len(text) - len(text.lstrip())
    decoder = json.JSONDecoder()
    try:
        people = json.loads(text)
    except json.JSONDecodeError as error:
        raise OrgFileError(
            [Diagnostic("error", f"unreadable JSON: {error.msg}", source, error.lineno, error.colno)]
        ) from None
    except RecursionError:
        raise OrgFileError([Diagnostic("error", "unreadable JSON: nested too deeply", source)]) from None
    expected = "expected a JSON array of people, one object each ({id, parentId, name, title})"
    if not isinstance(people, list) or not all(isinstance(person, dict) for person in people):
        raise OrgFileError([Diagnostic("error", expected, source, 1)])
    header = list(dict.fromkeys(key for person in people for key in person))
    lines = _object_lines(text, opening, decoder, len(people))
    records = [
        (line, [_json_text(person.get(key)) for key in header]) for line, person in zip(lines, people, strict=True)
    ]
    return Table(source, [key.strip() for key in header], records)


def _object_lines(text: str, at: int, decoder: json.JSONDecoder, count: int) -> list[int]:
    """The line each object of the array at ``text[at]`` opens on: each is decoded once
    more where it stands (cheap beside the parse), its position counted in newlines."""
    lines = []
    line, counted_to = 1, 0
    position = at + 1
    for _ in range(count):
        while text[position] in " \t\r\n,":
            position += 1
        line += text.count("\n", counted_to, position)
        counted_to = position
        lines.append(line)
        _, position = decoder.raw_decode(text, position)
    return lines


def _table(source: str, rows: Sequence[tuple[int, list[str]]], no_header: bool) -> Table:
    if no_header:
        width = max((len(cells) for _, cells in rows), default=0)
        header = [str(number) for number in range(1, width + 1)]
        records = list(rows)
    else:
        header = [cell.strip() for cell in rows[0][1]] if rows else []
        records = list(rows[1:])
    if not header or not any(header):
        raise OrgFileError([Diagnostic("error", "the file is empty: expected a header row, then one row each", source)])
    filled = list(map(bool, map(str.strip, map("".join, map(itemgetter(1), records)))))
    return Table(source, header, records if all(filled) else list(compress(records, filled)))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _json_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return _cell_text(value)
    return json.dumps(value, ensure_ascii=False)
