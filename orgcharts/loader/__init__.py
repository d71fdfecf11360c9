"""The only door into orgcharts: org files and YAML text in, a validated model out.

>>> loaded = load_text(example_text("telecom"), "telecom.yaml")
>>> loaded.org.top.title
'Chief Executive Officer'
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from orgcharts.errors import Diagnostic, OrgFileError
from orgcharts.gcpause import collector_paused
from orgcharts.loader import cache
from orgcharts.loader.positions import Locator
from orgcharts.loader.problems import ReadFailure, decode
from orgcharts.loader.schema import schema
from orgcharts.loader.validate import Finding, check
from orgcharts.loader.yamltext import read_document
from orgcharts.model import Organization, from_document
from orgcharts.words import counted

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LoadedOrg",
    "content_key",
    "example_names",
    "example_text",
    "load_bytes",
    "load_example",
    "load_file",
    "load_text",
    "schema",
    "schema_text",
]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Largest org file accepted: a 200,000-role org with long titles is about 30 MB."""
MAX_BYTES_ENV = "ORGCHARTS_MAX_BYTES"


@dataclass(frozen=True)
class LoadedOrg:
    """A valid org, the warnings found on the way, and the text it came from."""

    org: Organization
    warnings: tuple[Diagnostic, ...]
    source: str
    text: str


def max_bytes_default() -> int:
    """The size cap: ``ORGCHARTS_MAX_BYTES`` if set, else ``DEFAULT_MAX_BYTES``."""
    value = os.environ.get(MAX_BYTES_ENV, "")
    return int(value) if value.isdigit() else DEFAULT_MAX_BYTES


def load_file(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> LoadedOrg:
    """Load an org file. ``max_bytes`` caps its size (see ``max_bytes_default``).

    Raises ``OrgFileError`` with every problem found; never anything else.
    """
    source = os.fspath(path)
    cap = max_bytes_default() if max_bytes is None else max_bytes
    try:
        with open(source, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > cap:
                raise _too_big(source, size, cap)
            data = handle.read(cap + 1)
    except FileNotFoundError:
        raise OrgFileError([Diagnostic("error", "no such file", source)]) from None
    except IsADirectoryError:
        raise OrgFileError([Diagnostic("error", "this is a folder, not an org file", source)]) from None
    except OSError as exc:
        raise OrgFileError([Diagnostic("error", f"cannot read the file: {exc.strerror}", source)]) from None
    return load_bytes(data, source, max_bytes=cap, use_cache=True)


def content_key(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> str | None:
    """The cache key of the file at ``path`` (``cache.key_for``), without loading it: None
    when the cache is off or the file cannot be read or is over ``max_bytes`` (loading it
    then says why)."""
    cap = max_bytes_default() if max_bytes is None else max_bytes
    if cache.cache_folder() is None:
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read(cap + 1)
    except OSError:
        return None
    return cache.key_for(data) if len(data) <= cap else None


def load_bytes(
    data: bytes, source: str = "<upload>", *, max_bytes: int | None = None, use_cache: bool = False
) -> LoadedOrg:
    """Load an org from the bytes of a file (an upload, say), named ``source`` in messages.

    With ``use_cache``, a file seen before is answered from the content-hash cache
    (``orgcharts.loader.cache``); uploads leave it off so that nothing is written to disk.
    """
    cap = max_bytes_default() if max_bytes is None else max_bytes
    if len(data) > cap:
        raise _too_big(source, len(data), cap)
    try:
        text = decode(data)
    except ReadFailure as failure:
        raise OrgFileError([problem.diagnostic(source) for problem in failure.problems]) from None
    if not use_cache:
        return load_text(text, source, max_bytes=cap)
    key = cache.key_for(data)
    with collector_paused():
        hit = cache.fetch(key)
        if hit is not None:
            document, warnings = hit
            named = tuple(dataclasses.replace(warning, source=source) for warning in warnings)
            return LoadedOrg(from_document(document), named, source, text)
        document, diagnostics = _validated(text, source)
        cache.store(key, document, diagnostics)
        return LoadedOrg(from_document(document), tuple(diagnostics), source, text)


def load_text(text: str, source: str = "<text>", *, max_bytes: int | None = None) -> LoadedOrg:
    """Load an org from YAML text, named ``source`` in messages."""
    cap = max_bytes_default() if max_bytes is None else max_bytes
    if len(text) > cap:
        raise _too_big(source, len(text), cap)
    with collector_paused():
        document, warnings = _validated(text, source)
        return LoadedOrg(from_document(document), tuple(warnings), source, text)


def _validated(text: str, source: str) -> tuple[Any, list[Diagnostic]]:
    """The document of a valid org text and its warnings; raises ``OrgFileError`` otherwise."""
    try:
        document = read_document(text)
    except ReadFailure as failure:
        raise OrgFileError([problem.diagnostic(source) for problem in failure.problems]) from None
    diagnostics = [problem.diagnostic(source) for problem in document.problems]
    if document.problems_not_kept:
        more = counted(document.problems_not_kept, "more problem", "more problems")
        diagnostics.append(Diagnostic("error", f"{more} found while reading not shown; fix these first", source))
    findings = check(document.value)
    diagnostics.extend(_place(findings, Locator(text, document), source))
    diagnostics.sort(key=_reading_order)
    if any(diagnostic.severity == "error" for diagnostic in diagnostics):
        raise OrgFileError(diagnostics)
    return document.value, diagnostics


def _place(findings: list[Finding], locator: Locator, source: str) -> Iterator[Diagnostic]:
    for finding in findings:
        if finding.path is None:
            yield Diagnostic(finding.severity, finding.message, source, kind=finding.kind, subject=finding.subject)
            continue
        line, column = locator.position(finding.path, key=finding.at_key)
        message = finding.message
        if finding.related is not None:
            related_line, _ = locator.position(finding.related)
            message += f" (first used at line {related_line + 1})" if related_line is not None else ""
        yield Diagnostic(
            finding.severity,
            message,
            source,
            None if line is None else line + 1,
            None if column is None else column + 1,
            finding.kind,
            finding.subject,
        )


def _reading_order(diagnostic: Diagnostic) -> tuple[bool, float, float]:
    """Errors before warnings, each in file order; unplaced ones last."""
    line = math.inf if diagnostic.line is None else diagnostic.line
    column = math.inf if diagnostic.column is None else diagnostic.column
    return diagnostic.severity != "error", line, column


def _too_big(source: str, size: int, cap: int) -> OrgFileError:
    message = (
        f"the file is {size:,} bytes, over the {cap:,}-byte limit; "
        f"raise it with --max-bytes or {MAX_BYTES_ENV} if the file is really an org"
    )
    return OrgFileError([Diagnostic("error", message, source)])


def example_names() -> list[str]:
    """Names of the example orgs shipped in the package."""
    folder = resources.files("orgcharts").joinpath("examples")
    return sorted(entry.name.removesuffix(".yaml") for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def example_text(name: str) -> str:
    """The YAML text of a shipped example."""
    if name not in example_names():
        message = f"no example named '{name}'; the examples are {', '.join(example_names())}"
        raise OrgFileError([Diagnostic("error", message, name)])
    return resources.files("orgcharts").joinpath("examples", f"{name}.yaml").read_text(encoding="utf-8")


def load_example(name: str) -> LoadedOrg:
    """Load a shipped example org, named ``NAME.yaml`` in messages."""
    return load_text(example_text(name), f"{name}.yaml")


def schema_text() -> str:
    """The JSON Schema as shipped, for editors (``orgcharts schema > org.schema.json``)."""
    return resources.files("orgcharts").joinpath("org.schema.json").read_text(encoding="utf-8")
