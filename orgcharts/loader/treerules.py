"""The rules that make reporting lines one tree, in one place for every way an org comes in:
the org file (``validate``) and the HR import (``hrcsv``) both ask ``tree_problems`` and
say what it finds in the same words, naming the manager field as their input calls it
(``reports_to`` in an org file, ``manager`` in an export).

The rules: every manager is a known role; exactly one role has no manager (the top); no
role reports to itself or, through others, back to itself. Linear in the number of roles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

NOT_TEXT: Any = object()
"""A manager that is given but is not an id (a number, a list): the role is not the top, and
its reporting line goes nowhere; the schema reports its type."""
NAMED_IN_A_CYCLE = 8
"""A longer cycle is named by its first roles and its length."""
NAMED_TOPS = 10


@dataclass(frozen=True, slots=True)
class TreeProblem:
    """A broken rule, about the entry at ``index`` (None: the list as a whole); ``on_manager``
    when the problem is that entry's manager rather than the entry itself."""

    message: str
    index: int | None
    on_manager: bool = False


def tree_problems(
    entries: Sequence[tuple[str | None, Any]],
    field: str,
    hint: Callable[[str], str] = lambda manager: "",
) -> Iterator[TreeProblem]:
    """Every broken tree rule among ``entries``, each a role's id (None when it has none)
    and its manager's id (None: no manager; ``NOT_TEXT``: one that is not an id), in file
    order. ``field`` names the manager in messages; ``hint`` adds to an unknown manager's
    message (" (did you mean 'x'?)")."""
    position: dict[str, int] = {}
    for index, (role_id, _) in enumerate(entries):
        if role_id is not None:
            position.setdefault(role_id, index)
    for index, (_, manager) in enumerate(entries):
        if isinstance(manager, str) and manager not in position:
            yield TreeProblem(f"{field} '{manager}' is not a role id{hint(manager)}", index, on_manager=True)
    yield from _top(entries, field)
    yield from _cycles(entries, position)


def _top(entries: Sequence[tuple[str | None, Any]], field: str) -> Iterator[TreeProblem]:
    tops = [index for index, (_, manager) in enumerate(entries) if manager is None]
    if entries and not tops:
        message = f"no top role: every role has a {field}; the top role (the chief executive) must have none"
        yield TreeProblem(message, None)
    if len(tops) > 1:
        names = ", ".join(f"'{entries[index][0]}'" for index in tops[:NAMED_TOPS])
        names += ", ..." if len(tops) > NAMED_TOPS else ""
        for index in tops[1:]:
            message = (
                f"several roles have no {field} ({names}); exactly one may be the top: "
                f"give '{entries[index][0]}' a manager"
            )
            yield TreeProblem(message, index)


def _cycles(entries: Sequence[tuple[str | None, Any]], position: dict[str, int]) -> Iterator[TreeProblem]:
    """Each cycle once, named from its role first in the file, found by walking up from
    every role and never walking the same role twice."""
    manager_of = {
        role_id: manager
        for role_id, manager in entries
        if role_id is not None and isinstance(manager, str) and manager in position
    }
    walk_of: dict[str, int] = {}
    for walk, start in enumerate(manager_of):
        chain = []
        node: str | None = start
        while node is not None and node not in walk_of:
            walk_of[node] = walk
            chain.append(node)
            node = manager_of.get(node)
        if node is None or walk_of[node] != walk:
            continue
        cycle = chain[chain.index(node) :]
        first = min(cycle, key=position.__getitem__)
        at = cycle.index(first)
        ordered = cycle[at:] + cycle[:at]
        yield TreeProblem(cycle_message(ordered), position[first], on_manager=True)


def cycle_message(ordered: Sequence[str]) -> str:
    """The words for a reporting cycle that runs through ``ordered`` back to its first role."""
    first = ordered[0]
    if len(ordered) == 1:
        return f"role '{first}' reports to itself; give it its real manager"
    named = [f"'{role}'" for role in ordered[:NAMED_IN_A_CYCLE]]
    if len(ordered) > NAMED_IN_A_CYCLE:
        loop = " -> ".join([*named, "..."]) + f" -> '{first}' ({len(ordered):,} roles)"
    else:
        loop = " -> ".join([*named, f"'{first}'"])
    return f"reporting cycle {loop}; one of these roles must report outside the cycle"
