"""HR imports beside the bare read a user could script instead, in one run.

Run from the repository's root after `bash scripts/setup --test`:

    .venv/bin/python -m benchmarks.imports [--rows 100000]

It writes a generated export of ``--rows`` people (ids, manager ids, titles, names, an FTE;
fixed seed) as CSV and as an Excel workbook in a temporary folder, then times, once each:
a bare ``csv.reader`` pass over the CSV, ``orgcharts import``'s work on it (read, check,
build, write YAML), openpyxl's own read-only pass over the workbook, and the import of the
workbook; and the YAML writing alone, our writer beside ruamel.yaml's (what imports used
before). It prints a table with each import's ratio to its bare read.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
from ruamel.yaml import YAML

from orgcharts.loader.hrcsv import Rules, import_bytes, to_yaml

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


def timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


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
    count = parser.parse_args().rows
    people = rows(count)
    with tempfile.TemporaryDirectory() as folder:
        csv_path, xlsx_path = Path(folder) / "hr.csv", Path(folder) / "hr.xlsx"
        with open(csv_path, "w", newline="", encoding="utf-8") as stream:
            csv.writer(stream).writerows(people)
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet("Staff")
        for person in people:
            sheet.append(person)
        workbook.save(xlsx_path)
        csv_bytes, xlsx_bytes = csv_path.read_bytes(), xlsx_path.read_bytes()

        def bare_csv() -> int:
            with open(csv_path, newline="", encoding="utf-8") as stream:
                return sum(1 for _ in csv.reader(stream))

        def bare_xlsx() -> int:
            book = openpyxl.load_workbook(xlsx_path, read_only=True, data_only=True)
            try:
                return sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
            finally:
                book.close()

        def import_of(data: bytes, name: str) -> Callable[[], str]:
            return lambda: to_yaml(import_bytes(data, name, Rules()).document)

        csv_bare, _ = timed(bare_csv)
        csv_import, text = timed(import_of(csv_bytes, "hr.csv"))
        xlsx_bare, _ = timed(bare_xlsx)
        xlsx_import, _ = timed(import_of(xlsx_bytes, "hr.xlsx"))
        document = import_bytes(csv_bytes, "hr.csv", Rules()).document
        ours, _ = timed(lambda: to_yaml(document))
        theirs, _ = timed(lambda: ruamel_text(document))
    assert isinstance(text, str) and text.count("\n  - id: E") == count
    print(f"{count:,} rows; CSV {len(csv_bytes) / 1e6:.1f} MB, XLSX {len(xlsx_bytes) / 1e6:.1f} MB; one run each")
    print("| what | seconds | ms a row | x the bare read |")
    print("| --- | --- | --- | --- |")
    table = [
        ("bare csv.reader pass", csv_bare, csv_bare),
        ("orgcharts import, CSV", csv_import, csv_bare),
        ("bare openpyxl read-only pass", xlsx_bare, xlsx_bare),
        ("orgcharts import, XLSX", xlsx_import, xlsx_bare),
        ("YAML writing: ours", ours, None),
        ("YAML writing: ruamel.yaml (before)", theirs, None),
    ]
    for name, seconds, bare in table:
        ratio = f"{seconds / bare:.2f}" if bare else "–"
        print(f"| {name} | {seconds:.2f} | {seconds / count * 1000:.4f} | {ratio} |")


if __name__ == "__main__":
    main()
