"""Many warnings of one kind said once: "90 roles serve no segment, support no role and
manage no one, so have no line of sight to a customer: a, b, c, d, e and 85 more".

``grouped(diagnostics)`` is pure: ``orgcharts check`` prints what it returns, and the
dashboard's message list can show the same. Errors are never grouped (each must be fixed
where it is); warnings of a kind in ``GROUPS`` are, when there are more than ``shown`` of
them. A grouped warning stands at the place of the first it replaces, so a click on it still
jumps somewhere useful.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from orgcharts.errors import Diagnostic
from orgcharts.words import counted

SHOWN = 5
"""Names a grouped warning gives before "and N more"; more warnings than this of one kind are grouped."""

GROUPS: dict[str, tuple[str, str]] = {
    "no_line_of_sight": (
        "role",
        "serve no segment, support no role and manage no one, so have no line of sight to a customer",
    ),
    "unmade_decision": ("decision", "can be made by no role, so every request for them goes unanswered"),
    "limit_without_unit": (
        "role",
        "hold a limit on a decision without a unit, which is ignored; give the decision a unit",
    ),
    "no_title": ("row", "of the export have no title, so are called '(no title)'"),
    "job_share": ("post", "are on several rows with the same manager and title, so each is one shared post"),
}
"""Each groupable kind: the thing its subjects are, and what is said of them."""


def names(subjects: Sequence[str], shown: int = SHOWN) -> str:
    """The first ``shown`` subjects, then how many more: "a, b, c, d, e and 85 more"."""
    first = ", ".join(subjects[:shown])
    rest = len(subjects) - shown
    return f"{first} and {rest:,} more" if rest > 0 else first


def grouped(diagnostics: Sequence[Diagnostic], shown: int = SHOWN) -> list[Diagnostic]:
    """``diagnostics`` in their order, each groupable kind with more than ``shown`` warnings
    replaced by one warning, at the first one's place, that counts them and names ``shown``."""
    by_kind: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.severity == "warning" and diagnostic.kind in GROUPS and diagnostic.subject is not None:
            by_kind.setdefault(diagnostic.kind, []).append(diagnostic)
    crowded = {kind: found for kind, found in by_kind.items() if len(found) > shown}
    result = []
    for diagnostic in diagnostics:
        found = crowded.get(diagnostic.kind or "")
        if found is None or diagnostic not in found:
            result.append(diagnostic)
        elif diagnostic is found[0]:
            thing, said = GROUPS[found[0].kind or ""]
            subjects = list(dict.fromkeys(d.subject or "" for d in found))
            message = f"{counted(len(subjects), thing)} {said}: {names(subjects, shown)}"
            result.append(dataclasses.replace(diagnostic, message=message, subject=None))
    return result
