"""Which column of an export holds what: the fields an import reads, the header names each is
known by (compared without case, spaces or punctuation), and the columns a user names."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from orgcharts.errors import MissingColumnError, UnknownColumnError

FIELDS = ("id", "manager", "title", "name", "first_name", "last_name", "headcount", "manager_name")
"""What an export's columns may say, in the order a form or ``--help`` lists them: the one list
of fields (``Columns`` has one attribute each; the command line an option each)."""
FIELD_LABELS = {
    "id": "Id (unique per row)",
    "manager": "Manager's id",
    "title": "Job title",
    "name": "Full name",
    "first_name": "First name",
    "last_name": "Last name",
    "headcount": "Headcount or FTE",
    "manager_name": "Manager's name (instead of an id)",
}
"""Each field as a column-matching form names it."""
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "id": (
        "id",
        "employeeid",
        "empid",
        "empno",
        "employeenumber",
        "personid",
        "positionid",
        "postuniquereference",
        "staffid",
        "workerid",
    ),
    "manager": (
        "parentid",
        "pid",
        "managerid",
        "reportsto",
        "reportstoid",
        "reportstoseniorpost",
        "reportingseniorpost",
        "supervisorid",
        "manageremployeeid",
        "managerempid",
        "mgr",
        "parent",
        "manager",
        "supervisor",
    ),
    "title": (
        "title",
        "positionname",
        "position",
        "jobtitle",
        "genericjobtitle",
        "positiontitle",
        "job",
        "jobname",
        "role",
    ),
    "name": ("name", "fullname", "employeename", "ename", "displayname", "personname"),
    "first_name": ("firstname", "givenname", "forename"),
    "last_name": ("lastname", "surname", "familyname"),
    "headcount": ("headcount", "numberofpostsinfte", "fte", "ftes", "numberofposts", "posts", "count"),
    "manager_name": ("managername", "supervisorname", "reportstoname"),
}
"""Header names recognised for each field; ``manager_name`` only where no manager id column is."""


@dataclass(frozen=True)
class Columns:
    """Which header holds each field; all but the manager (by id or by name) may be missing
    (rows without ids are grouped by manager and title)."""

    id: str | None
    manager: str | None
    title: str | None = None
    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    headcount: str | None = None
    manager_name: str | None = None


def key(name: str) -> str:
    """A header as compared: no case, spaces or punctuation."""
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def check_given(headers: Sequence[Sequence[str]], source: str, given: dict[str, str | None]) -> None:
    """``UnknownColumnError`` for a column named in ``given`` that no header has."""
    keys = {key(name) for header in headers for name in header}
    every = list(dict.fromkeys(name for header in headers for name in header))
    for asked in filter(None, given.values()):
        if key(asked) not in keys:
            close = difflib.get_close_matches(asked, every, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; the columns are: {', '.join(every)}"
            if every and all(name.isdigit() for name in every):
                hint += " (without a header, columns are named by number: --id 1 --manager 4)"
            raise UnknownColumnError(f"{source} has no column '{asked}'{hint}")


def find_columns(
    header: Sequence[str], source: str, *, only_given: bool = False, ids_optional: bool = False, **given: str | None
) -> Columns:
    """Each field's column: the one named in ``given`` (any case), else the first header in
    the field's family of common names. Raises ``UnknownColumnError`` for a named column the
    header lacks, ``MissingColumnError`` when no manager column (by id or name) or, unless
    ``ids_optional``, no id column can be found."""
    check_given([header], source, given)
    chosen = guess_columns(header, **given)
    if only_given:
        chosen = {name: column if given.get(name) else None for name, column in chosen.items()}
    missing = [
        name
        for name, found in (
            ("id", chosen["id"] or ids_optional),
            ("manager", chosen["manager"] or chosen["manager_name"]),
        )
        if not found
    ]
    if missing:
        flags = " and ".join(f"--{name} COLUMN" for name in missing)
        message = f"{source}: no {' or '.join(missing)} column found among: {', '.join(header)}; name it with {flags}"
        if "id" in missing:
            message += ", or --group-by-title to group rows without ids by manager and title"
        raise MissingColumnError(message)
    return Columns(**chosen)


def guess_columns(header: Sequence[str], **given: str | None) -> dict[str, str | None]:
    """Each field's column: the header named in ``given`` (any case), else the first header
    in the field's family of common names, else None."""
    by_key = {key(name): name for name in reversed(header)}
    chosen: dict[str, str | None] = {}
    for name in FIELDS:
        asked = given.get(name)
        if asked:
            chosen[name] = by_key.get(key(asked))
        elif name == "manager_name" and chosen["manager"] is not None:
            chosen[name] = None
        else:
            chosen[name] = next((by_key[common] for common in COMMON_NAMES[name] if common in by_key), None)
    return chosen


def is_uk_junior(header: Sequence[str]) -> bool:
    """The UK government organogram's junior-staff file: staff grouped by grade and title
    under a senior post, with no ids of their own."""
    keys = {key(name) for name in header}
    return "reportingseniorpost" in keys and not keys & set(COMMON_NAMES["id"])
