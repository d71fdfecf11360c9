"""The common export, imported a column at a time: one file whose every row has its own id,
a manager id (or a top marker), a title, and perhaps a name and a count. Whole columns are
tested at once by C-speed built-ins (sets, ``map``, one regular expression over a joined
column), so a 100,000-row export costs little more than reading it. Anything less plain (a
repeated or missing id, a vacant post, an unknown manager, names to match, snapshots...)
returns None, and ``hrbuild`` then reads the rows one by one, saying what is wrong where.
Both ways write the same document; a test holds them to it."""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter

from orgcharts.loader.hrbuild import Found, Rules
from orgcharts.loader.hrcolumns import Columns
from orgcharts.loader.hrconventions import UNDISCLOSED_NAMES, VACANT_NAMES, markers, person_name
from orgcharts.loader.hrdocument import TitleRules, assemble
from orgcharts.loader.hrread import Table
from orgcharts.loader.hrwrite import Document

_NOT_A_SPACE = re.compile(r"[^\S ]")
"""Whitespace other than a space, which ``" ".join(cell.split())`` turns into one."""
_NAME_WORDS = frozenset(VACANT_NAMES) | frozenset(UNDISCLOSED_NAMES)


def plain_document(parts: Sequence[tuple[Table, Columns]], rules: Rules) -> tuple[Document, int] | None:
    """The document and its number of roles when the export is the plain kind, else None."""
    if len(parts) != 1 or rules.group_by_title or rules.root or rules.where:
        return None
    table, columns = parts[0]
    if columns.id is None or columns.title is None or columns.manager is None:
        return None
    if columns.manager_name:
        return None
    rows = list(map(itemgetter(1), table.records))
    index = {name: position for position, name in reversed(list(enumerate(table.header)))}
    used = [
        index[name]
        for name in (columns.id, columns.manager, columns.title, *_name_columns(columns), columns.headcount)
        if name
    ]
    if not rows or min(map(len, rows)) <= max(used):
        return None
    ids, managers, titles = (_column(rows, index[name]) for name in (columns.id, columns.manager, columns.title))
    known = set(ids)
    if "" in known or len(known) != len(ids) or "" in titles:
        return None
    names = _names(rows, index, columns)
    if names is not None and _says_vacant_or_undisclosed(names):
        return None
    counts = _counts(_column(rows, index[columns.headcount])) if columns.headcount else None
    if columns.headcount and counts is None:
        return None
    reports_to = _reports_to(ids, managers, known, rules)
    if reports_to is None:
        return None
    people = _whole_people(counts) if counts is not None else None
    if counts is not None and people is None:
        return None
    told = TitleRules(rules)
    written = [
        _role(*cells, told if rules.serves or rules.decides else None)
        for cells in zip(ids, titles, names or repeat(""), reports_to, people or repeat(1), strict=False)
    ]
    found = Found([], len(rows))
    total = math.fsum(counts) if counts is not None else float(len(rows))
    headcount = sum(people) if people is not None else len(rows)
    return assemble(found, rules, [columns], [table.source], written, told, (total, headcount)), len(written)


def _role(
    role_id: str, title: str, name: str, boss: str | None, people: int, told: TitleRules | None
) -> dict[str, object]:
    role: dict[str, object] = {"id": role_id, "title": title}
    if name:
        role["name"] = name
    if boss:
        role["reports_to"] = boss
    if people != 1:
        role["headcount"] = people
    if told is not None:
        role.update(told.of(title))
    return role


def _column(rows: list[list[str]], position: int) -> list[str]:
    """A column's cells, each with its whitespace tidied as ``hrbuild`` tidies one cell."""
    cells = list(map(itemgetter(position), rows))
    joined = "\x00" + "\x00".join(cells) + "\x00"
    if "  " in joined or "\x00 " in joined or " \x00" in joined or _NOT_A_SPACE.search(joined):
        return [" ".join(cell.split()) for cell in cells]
    return cells


def _name_columns(columns: Columns) -> tuple[str | None, str | None, str | None]:
    return columns.name, columns.first_name, columns.last_name


def _names(rows: list[list[str]], index: dict[str, int], columns: Columns) -> list[str] | None:
    """Each row's person ("" for none), from a name column or from given and family names."""
    name, first, last = _name_columns(columns)
    if not (first or last):
        return _column(rows, index[name]) if name else None
    blank = list(repeat("", len(rows)))
    cells = (_column(rows, index[column]) if column else blank for column in (name, first, last))
    return [said or "" for said in map(person_name, *cells)]


def _says_vacant_or_undisclosed(names: list[str]) -> bool:
    """Whether some name is a word of ``VACANT_NAMES`` or ``UNDISCLOSED_NAMES`` (any case)."""
    joined = "\x00" + "\x00".join(names).casefold() + "\x00"
    return any(f"\x00{word}\x00" in joined for word in _NAME_WORDS)


def _counts(cells: list[str]) -> list[float] | None:
    """The count or FTE column as numbers, when every cell is one that ``parse_count`` reads
    the same way (no empty cells, thousands separators or underscores), else None."""
    joined = "\x00".join(cells)
    if "_" in joined or "," in joined or "" in cells:
        return None
    try:
        values = list(map(float, cells))
    except ValueError:
        return None
    if not values or min(values) < 0 or not math.isfinite(math.fsum(values)):
        return None
    return values


def _whole_people(counts: list[float]) -> list[int] | None:
    """``whole_people`` of each count (the nearest whole number, halves up), when no count
    is a part of a post below one half (those count as one: left to the rows one by one)."""
    if min(filter(None, counts), default=1.0) < 0.5:
        return None
    return list(map(math.floor, map((0.5).__add__, counts)))


def _reports_to(ids: list[str], managers: list[str], known: set[str], rules: Rules) -> list[str | None] | None:
    """Each row's manager id (None for the top) when every manager is an id in the file or a
    top marker, there is one top, and reporting lines run from the file's earlier rows to its
    later ones (so they hold no cycle); else None."""
    if any(map(operator.eq, ids, managers)):
        return None
    marks = markers(rules.top_markers)
    outside = set(managers) - known
    tops = [manager for manager in outside if manager == "" or manager.casefold() in marks]
    if len(tops) != 1 or len(outside) != 1 or managers.count(tops[0]) != 1:
        return None
    reports_to: list[str | None] = list(managers)
    reports_to[managers.index(tops[0])] = None
    position = dict(zip(ids, range(len(ids)), strict=True))
    above = map(position.get, reports_to, repeat(-1))
    if not all(map(operator.lt, above, range(len(ids)))):
        return None
    return reports_to
