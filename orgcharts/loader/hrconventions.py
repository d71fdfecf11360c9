"""What real exports write where a person would leave a cell empty or say "nobody": the
top's manager (``NULL``, ``XX``...), a vacant post, a name that is not disclosed; a count or
FTE per row; and managers given by name, whatever the order of first and last name."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable

TOP_MARKERS = ("null", "xx", "0", "-", "none", "n/a", "na", "nil", "#n/a")
"""A manager cell saying "no manager" (compared without case), unless it is itself an id in
the file: database dumps write NULL, the UK organogram standard XX, others 0, -, none, N/A."""
VACANT_NAMES = ("vacant", "vacancy", "vacant post", "unfilled", "open position", "tbh", "to be hired")
"""A name cell saying the post is vacant: the role is kept with headcount 0 and no name."""
UNDISCLOSED_NAMES = ("n/d", "nd", "not disclosed", "undisclosed", "withheld", "redacted", "name withheld")
"""A name cell saying the name is not published: the post is kept, its name left out."""
NAME_CANDIDATES = 64
"""Names compared with an unknown manager's name: bounds the work of one question."""


def is_top_marker(manager: str, markers: frozenset[str]) -> bool:
    return manager.casefold() in markers


def person_name(name: str, first: str, last: str) -> str | None:
    """A person's name from an export's name cells (each tidied, "" when missing): ``name``,
    else the given and family names joined. Exports such as Oracle's put the given name in
    "name" beside a last-name column: then that is the given name."""
    if name and last and not first and last not in name:
        first, name = name, ""
    return name or " ".join(part for part in (first, last) if part) or None


def markers(extra: Iterable[str] = ()) -> frozenset[str]:
    """The top markers, with the user's own (``--top-marker``)."""
    return frozenset([*TOP_MARKERS, *(marker.strip().casefold() for marker in extra)])


def name_kind(name: str) -> str | None:
    """``"vacant"``, ``"undisclosed"``, or None for a person's name."""
    said = " ".join(name.casefold().split())
    if said in VACANT_NAMES:
        return "vacant"
    if said in UNDISCLOSED_NAMES:
        return "undisclosed"
    return None


def parse_count(text: str) -> float | None:
    """A count or FTE cell as a number (``9.81``, ``1,234``); None if it is not one."""
    if "_" in text:  # float() reads 1_000, a person does not
        return None
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def whole_people(count: float) -> int:
    """A role's count or FTE as people: the nearest whole number (halves up), and at least 1
    for any part of a post (a 0.4 FTE post is still someone)."""
    if count <= 0:
        return 0
    return max(1, math.floor(count + 0.5))


def name_key(name: str) -> str:
    """A name as compared: its words, any case, in any order ("Monroe, Peter" = "Peter Monroe")."""
    return " ".join(sorted(re.findall(r"\w+", name.casefold())))


class NameIndex:
    """People by name, for managers given by name: each name's ids (two people may share a
    name: then the manager is ambiguous), and the closest names to one that is not known,
    compared among the names sharing a word with it (at most ``NAME_CANDIDATES``)."""

    def __init__(self) -> None:
        self.ids: dict[str, list[str]] = {}
        self.written: dict[str, str] = {}
        self._by_word: dict[str, list[str]] = {}

    def add(self, name: str, role_id: str) -> None:
        found = name_key(name)
        if not found:
            return
        if found not in self.ids:
            self.ids[found] = []
            self.written[found] = name
            for word in found.split():
                self._by_word.setdefault(word, []).append(found)
        self.ids[found].append(role_id)

    def find(self, name: str) -> list[str]:
        """The ids of everyone called ``name`` (none, one, or several)."""
        return self.ids.get(name_key(name), [])

    def closest(self, name: str) -> str | None:
        """The name in the file most like ``name``, as written there."""
        wanted = name_key(name)
        candidates: list[str] = []
        for word in wanted.split():
            candidates += self._by_word.get(word, [])[:NAME_CANDIDATES]
        matches = difflib.get_close_matches(wanted, list(dict.fromkeys(candidates)), n=1, cutoff=0.5)
        return self.written[matches[0]] if matches else None
