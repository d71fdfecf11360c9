"""The one exception hierarchy of orgcharts, and the diagnostics it carries.

The library raises; only the command line prints and exits (the sqlite-utils split).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in an org file, placed at a 1-based line and column."""

    severity: Severity
    message: str
    """What is wrong and what to do about it, as the user reads it after ``source:line:column:``."""
    source: str
    line: int | None = None
    column: int | None = None
    kind: str | None = None
    """What sort of problem, for warnings many roles may share ("no_line_of_sight"): see
    ``orgcharts.messages.grouped``."""
    subject: str | None = None
    """The id the problem is about (a role, a decision), for a grouped message to name."""

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.severity}: {self.message}"


class OrgChartsError(Exception):
    """Base of every error orgcharts raises on purpose."""


class OrgFileError(OrgChartsError):
    """An org file could not be loaded; ``diagnostics`` holds every problem found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.errors) or "invalid org file")

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "warning")


class UnknownIdError(OrgChartsError, KeyError):
    """A caller asked about a decision, segment or role the org does not have (and only
    those: a column an export lacks is an ``UnknownColumnError``)."""

    def __str__(self) -> str:
        return str(self.args[0])


class UsageError(OrgChartsError, ValueError):
    """The caller gave a value orgcharts cannot use: a malformed rule (``'Sales*=retail'``),
    a limit that is not a number, a metric that does not exist. The command line exits 2.

    A ``ValueError`` too, so that code written before it existed still catches it."""

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownColumnError(UsageError):
    """The caller named a column an HR export does not have."""


class MissingColumnError(UsageError):
    """An HR export has no column the import needs (ids, managers) under a name it knows,
    and the caller named none: the message says which options name them."""


class EditError(UsageError):
    """A what-if edit is malformed (edits arrive from the browser and are not trusted)."""


class GrantError(EditError):
    """A what-if change that would not do what its button says: a grant below (or equal to)
    the authority the role already holds, or a removal of authority it does not hold. The
    message says so and what to do instead (Remove takes authority away)."""


class ServingError(OrgChartsError):
    """The dashboard's server cannot listen where it was asked (a port in use, an address
    this machine does not have); the message says what to choose instead."""


class MissingOrgTextError(OrgChartsError):
    """A dashboard session named its org by a digest this server process does not hold
    (another worker, a restart); the session's browser is asked to send the text again."""

    def __init__(self, digest: str) -> None:
        self.digest = digest
        super().__init__(f"no org text with digest {digest[:12]}… in this process")
