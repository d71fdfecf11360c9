"""What a read of an org file can find wrong before there is a document: the problems, at
their line and column, and the bytes that are not UTF-8 text."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from orgcharts.errors import Diagnostic


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem found while reading, at a 0-based line and column (libyaml's marks)."""

    message: str
    line: int | None = None
    column: int | None = None

    def diagnostic(self, source: str, severity: str = "error") -> Diagnostic:
        line = None if self.line is None else self.line + 1
        column = None if self.column is None else self.column + 1
        return Diagnostic(severity, self.message, source, line, column)  # type: ignore[arg-type]


KEPT_PROBLEMS = 200
"""Problems a read keeps; past that it only counts them (500,000 duplicate keys are one message's worth)."""


class Kept(list[Problem]):
    """The first ``KEPT_PROBLEMS`` problems, and how many more there were (``more``)."""

    def __init__(self) -> None:
        super().__init__()
        self.more = 0

    def append(self, problem: Problem) -> None:
        if len(self) < KEPT_PROBLEMS:
            super().append(problem)
        else:
            self.more += 1


class ReadFailure(Exception):
    """The text cannot become a document at all; ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].message)
        self.problems = problems


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without a byte-order mark), refusing anything that is not text."""
    # UTF-32's little-endian mark begins with UTF-16's: look for it first.
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ReadFailure([Problem("the file is UTF-32 text; save it as UTF-8", 0, 0)])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ReadFailure([Problem("the file is UTF-16 text; save it as UTF-8", 0, 0)])
    if data.startswith(b"PK\x03\x04"):
        raise ReadFailure([Problem("this is a zip archive, not a YAML org file", 0, 0)])
    if b"\x00" in data[:4096]:
        raise ReadFailure([Problem("this is binary data, not a YAML org file", 0, 0)])
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start)
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace"))
        byte = data[exc.start]
        message = f"the file is not UTF-8 text (byte 0x{byte:02x} cannot be read); save it as UTF-8"
        raise ReadFailure([Problem(message, line, column)]) from None
