"""HR imports beside the bare read a user could script instead, in one run.

Run from the repository's root after `bash scripts/setup --test`:

    .venv/bin/python -m benchmarks.imports [--rows 100000] [--repeat 3] [--ruamel]

It writes a generated export of ``--rows`` people (ids, manager ids, titles, names, an FTE;
fixed seed) as CSV and as an Excel workbook in a temporary folder, then times, each the best
of ``--repeat`` runs, side by side: a bare ``csv.reader`` pass over the CSV; what
``orgcharts import hr.csv -o org.yaml`` does with it (the plainest export read, checked and
written from its columns by polars); the same import through the document the dashboard uses
(read the file, find the columns, check every row and the tree, build the document, write the
YAML file), and that work in its three steps; the same export built row by row (the way an export that is not plain, with job
shares or managers by name, is built); ``orgcharts check`` on the file written (which the
import no longer does itself); openpyxl's own read-only pass over the workbook and the
workbook's import. With ``--ruamel`` also the YAML writing through ruamel.yaml's emitter,
which imports used before. It does the same for the export as real systems write it (``as_exported``: titles with a
space after them, given and family names apart) with title rules (``REAL_RULES``). It prints
a table with each import's ratio to its bare read.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
from ruamel.yaml import YAML

from orgcharts.cli.common import write_atomically
from orgcharts.gcpause import collector_paused
from orgcharts.loader import load_text
from orgcharts.loader.hrcolumns import find_columns
from orgcharts.loader.hrcsv import Rules, build_parts, import_as_yaml, import_files, to_yaml
from orgcharts.loader.hrread import read_table

TITLES = ("Sales Associate", "Care Agent", "Team Lead", "Store Manager", "Analyst", "Engineer")


def rows(count: int, seed: int = 19) -> list[list[object]]:
    """A header and ``count`` people, each reporting to someone before them (a wide, deep tree)."""
    pick = random.Random(seed)
    people: list[list[object]] = [["Employee ID", "Manager ID", "Job Title", "Name", "FTE"]]
    for number in range(1, count + 1):
        manager = (
            ""
            if number == 1
            else f"E{pick.randrange(1, number) if number < 50 else pick.randrange(number // 2, number)}"
        )
        people.append([f"E{number}", manager, pick.choice(TITLES), f"Person {number}", pick.choice((1, 1, 0.5, 0.8))])
    return people


REAL_RULES = Rules(
    serves=[("Sales*", "retail"), ("*Agent", "care")],
    decides=[("*Manager", "refund", 500.0), ("Team Lead", "refund", 50.0)],
    units={"refund": "USD"},
)
"""What ``--serves 'Sales*=retail' --serves '*Agent=care' --decides '*Manager=refund:500 USD'
--decides 'Team Lead=refund:50 USD'`` says."""


def as_exported(people: list[list[object]]) -> list[list[object]]:
    """The export as real systems write it: a space after each title (as the d3-org-chart
    sample has), given and family names in two columns (as Oracle's HR sample has)."""
    header = ["Employee ID", "Manager ID", "Job Title", "First Name", "Last Name", "FTE"]
    return [header] + [[i, m, f"{t} ", *str(n).split(" ", 1), c] for i, m, t, n, c in people[1:]]


def timed(work: Callable[[], object], repeat: int) -> tuple[float, object]:
    """The least processor time of ``repeat`` runs of ``work``, and its result: on a machine
    shared with other work, the wall clock also counts the time other processes had."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = work()
        best = min(best, time.process_time() - start)
    return best, result


def steps(work: Callable[[], object]) -> Callable[[], object]:
    """One step of the import as the import runs it: without cyclic garbage collection."""

    def paused() -> object:
        with collector_paused():
            return work()

    return paused


def ruamel_text(document: dict) -> str:
    writer = YAML()
    writer.version = (1, 1)
    writer.width = 120
    writer.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    writer.dump(dict(document), out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ruamel", action="store_true", help="also time ruamel.yaml's writing (slow)")
    arguments = parser.parse_args()
    count, repeat = arguments.rows, arguments.repeat
    people = rows(count)
    with tempfile.TemporaryDirectory() as folder:
        csv_path, xlsx_path, out_path, real_path = (
            Path(folder) / name for name in ("hr.csv", "hr.xlsx", "org.yaml", "exported.csv")
        )
        for path, written in ((csv_path, people), (real_path, as_exported(people))):
            with open(path, "w", newline="", encoding="utf-8") as stream:
                csv.writer(stream).writerows(written)
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet("Staff")
        for person in people:
            sheet.append(person)
        workbook.save(xlsx_path)
        csv_bytes = csv_path.read_bytes()

        def bare_csv(path: Path = csv_path) -> int:
            with open(path, newline="", encoding="utf-8") as stream:
                return sum(1 for _ in csv.reader(stream))

        def kept_csv() -> list[list[str]]:
            with open(csv_path, newline="", encoding="utf-8") as stream:
                return list(csv.reader(stream))

        def bare_lines(rows: list[list[str]]) -> str:  # the roles' lines, nothing checked or quoted
            return "\n".join(
                [f"  - id: {i}\n    title: {t}\n    name: {n}\n    reports_to: {m}" for i, m, t, n, _ in rows[1:]]
            )

        def bare_xlsx() -> int:
            book = openpyxl.load_workbook(xlsx_path, read_only=True, data_only=True)
            try:
                return sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
            finally:
                book.close()

        def import_of(path: Path) -> Callable[[], str]:
            def work() -> str:  # what `orgcharts import PATH -o org.yaml` does between parsing options and exiting
                text = to_yaml(import_files([str(path)], Rules(), 1 << 30).document)
                write_atomically(str(out_path), text)
                return text

            return work

        def columnar_import(path: Path = csv_path, rules: Rules = Rules()) -> str:  # noqa: B008 - frozen
            text = import_as_yaml([str(path)], rules, 1 << 30).text  # what `orgcharts import PATH -o org.yaml` does
            write_atomically(str(out_path), text)
            return text

        def real_by_row() -> str:
            table = read_table(real_path.read_bytes(), "exported.csv")
            exported = [(table, find_columns(table.header, "exported.csv"))]
            return to_yaml(build_parts(exported, REAL_RULES, row_by_row=True).document)

        polars_loaded, _ = timed(lambda: __import__("polars"), 1)
        table = read_table(csv_bytes, "hr.csv")
        parts = [(table, find_columns(table.header, "hr.csv"))]
        document = build_parts(parts, Rules()).document
        csv_bare, _ = timed(bare_csv, repeat)
        csv_kept, kept = timed(steps(kept_csv), repeat)
        lines_bare, _ = timed(steps(lambda: bare_lines(kept)), repeat)
        csv_import, text = timed(import_of(csv_path), repeat)
        columnar, columnar_text = timed(columnar_import, repeat)
        reading, _ = timed(steps(lambda: read_table(csv_bytes, "hr.csv")), repeat)
        building, _ = timed(steps(lambda: build_parts(parts, Rules())), repeat)
        writing, _ = timed(lambda: to_yaml(document), repeat)
        by_row, slow = timed(steps(lambda: to_yaml(build_parts(parts, Rules(), row_by_row=True).document)), repeat)
        checking, _ = timed(lambda: load_text(text, "org.yaml"), 1)
        xlsx_bare, _ = timed(bare_xlsx, 1)
        xlsx_import, _ = timed(import_of(xlsx_path), 1)
        real_bare, _ = timed(lambda: bare_csv(real_path), repeat)
        real_columnar, real_text = timed(lambda: columnar_import(real_path, REAL_RULES), repeat)
        real_rows, real_slow = timed(steps(real_by_row), repeat)
        theirs = timed(lambda: ruamel_text(document), 1)[0] if arguments.ruamel else None
    assert isinstance(text, str) and text.count("\n  - id: E") == count and slow == text == columnar_text
    assert real_slow == real_text and real_text.count("\n    serves: [") > count / 4
    print(
        f"{count:,} rows; CSV {len(csv_bytes) / 1e6:.1f} MB; processor seconds, the least of {repeat} runs"
        " (XLSX and check: one run);"
        f" load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}"
    )
    print("| what | seconds | µs a row | x the bare read |")
    print("| --- | --- | --- | --- |")
    lines = [
        ("bare csv.reader pass", csv_bare, csv_bare),
        ("csv.reader keeping every row (list(reader))", csv_kept, csv_bare),
        ("one f-string a row writing the roles' lines, nothing checked", lines_bare, csv_bare),
        ("orgcharts import, CSV: the plainest export from its columns (polars)", columnar, csv_bare),
        ("  polars' own import, once per command (not in the line above)", polars_loaded, csv_bare),
        ("the same import through the document (read, check, build, write the file)", csv_import, csv_bare),
        ("  of which: read the CSV into a table", reading, csv_bare),
        ("  of which: find the managers, check, build the document", building, csv_bare),
        ("  of which: write the YAML text", writing, csv_bare),
        ("the same CSV built row by row (an export that is not plain)", by_row + reading, csv_bare),
        ("orgcharts check on the file written (not part of the import)", checking, csv_bare),
        ("bare csv.reader pass, the export as real systems write it", real_bare, real_bare),
        ("orgcharts import of it with title rules, from its columns (polars)", real_columnar, real_bare),
        ("the same built row by row (read, check, build, write the YAML text)", real_rows, real_bare),
        ("bare openpyxl read-only pass", xlsx_bare, xlsx_bare),
        ("orgcharts import, XLSX", xlsx_import, xlsx_bare),
    ]
    if theirs is not None:
        lines.append(("YAML writing through ruamel.yaml (imports before)", theirs, None))
    for name, seconds, bare in lines:
        ratio = f"{seconds / bare:.2f}" if bare else "–"
        print(f"| {name} | {seconds:.3f} | {seconds / count * 1e6:.2f} | {ratio} |")


if __name__ == "__main__":
    main()
