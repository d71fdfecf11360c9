"""The org document for an export's posts: one role per post (look-alike positions merged
with ``--group-by-title``), the user's title rules for who serves customers and who may
decide what, and comments at the top saying what the import did and what is left to add."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence

from orgcharts.errors import UsageError
from orgcharts.loader.hrbuild import Found, Post, Rules
from orgcharts.loader.hrcolumns import FIELDS, Columns
from orgcharts.loader.hrconventions import whole_people
from orgcharts.loader.hrwrite import Document
from orgcharts.loader.roundtrip import written_number
from orgcharts.words import counted


def document(found: Found, rules: Rules, columns: Sequence[Columns], sources: Sequence[str]) -> tuple[Document, int]:
    """The document and how many roles it has."""
    roles = merged(found.posts) if rules.group_by_title else found.posts
    told = TitleRules(rules)
    written = []
    for post in roles:
        role: dict[str, object] = {"id": post.id, "title": post.title}
        if len(post.names) == post.rows and post.names:
            role["name"] = " / ".join(post.names)  # a job share names both people
        if post.reports_to:
            role["reports_to"] = post.reports_to
        people = whole_people(post.count)
        if people != 1:
            role["headcount"] = people
        role.update(told.of(post.title))
        written.append(role)
    total = sum(post.count for post in found.posts)
    people = sum(whole_people(post.count) for post in roles)
    return assemble(found, rules, columns, sources, written, told, (total, people)), len(roles)


class TitleRules:
    """What the user's title rules add to a role (``serves``, ``decides``), worked out once
    per title, and the segments and decisions met, in the order first met."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.segments: list[str] = []
        self.decisions: list[str] = []
        self._said: dict[str, dict[str, object]] = {}

    def of(self, title: str) -> dict[str, object]:
        said = self._said.get(title)
        if said is None:
            said = self._said[title] = self._work_out(title)
        return said

    def _work_out(self, title: str) -> dict[str, object]:
        said: dict[str, object] = {}
        serves = list(dict.fromkeys(value for pattern, value in self.rules.serves if _matches(title, pattern)))
        if serves:
            said["serves"] = serves
            self.segments += [s for s in serves if s not in self.segments]
        limits = granted(title, self.rules.decides)
        if limits:
            said["decides"] = [
                decision if limit is None else {"decision": decision, "limit": written_number(limit)}
                for decision, limit in limits.items()
            ]
            self.decisions += [d for d in limits if d not in self.decisions]
        return said


def assemble(
    found: Found,
    rules: Rules,
    columns: Sequence[Columns],
    sources: Sequence[str],
    written: list[dict[str, object]],
    told: TitleRules,
    headcounts: tuple[float, int],
    roles: int | None = None,
) -> Document:
    """The document of the ``written`` roles, with its opening comment; ``headcounts`` is the
    total of the count or FTE column and the whole people it came to. ``roles`` counts the roles
    written apart from the document (``hrcolumnar``), when there are."""
    content: dict[str, object] = {
        "organization": rules.organization or sources[0].rsplit("/", 1)[-1].rsplit(".", 1)[0],
        "customers": [{"id": s, "name": s.replace("_", " ").capitalize()} for s in told.segments]
        or [{"id": "customers", "name": "Customers"}],
    }
    if told.decisions:
        content["decisions"] = [_decision(d, rules.units.get(d)) for d in told.decisions]
    content["roles"] = written
    comment = _comment(found, columns, sources, len(written) if roles is None else roles, told, headcounts)
    return Document(comment, **content)


def merged(posts: Sequence[Post]) -> list[Post]:
    """Posts with no reports that share a title and a manager become one, their counts added
    (managers always stay one each)."""
    managers = {post.reports_to for post in posts}
    groups: dict[tuple[object, str], Post] = {}
    members: dict[str, int] = {}
    kept: list[Post] = []
    for post in posts:
        if post.id in managers:
            kept.append(post)
            continue
        group = groups.get((post.reports_to, post.title))
        if group is None:
            groups[(post.reports_to, post.title)] = group = Post(
                post.id, post.source, post.line, post.title, post.manager, 0.0, [], rows=0, reports_to=post.reports_to
            )
            kept.append(group)
        group.count += post.count
        group.rows += post.rows
        group.names += post.names
        members[group.id] = members.get(group.id, 0) + 1
    for group in groups.values():
        if members[group.id] > 1:
            group.names = []  # a role for many people names none of them
    return kept


def granted(title: str, decides: Sequence[tuple[str, str, float | None]]) -> dict[str, float | None]:
    """Each decision the ``decides`` patterns matching ``title`` give it, once, with the
    largest limit among them (no limit beats any)."""
    limits: dict[str, float | None] = {}
    for pattern, decision, limit in decides:
        if not _matches(title, pattern):
            continue
        if decision not in limits:
            limits[decision] = limit
        elif limits[decision] is not None:
            limits[decision] = None if limit is None else max(limit, limits[decision])  # type: ignore[type-var]
    return limits


def check_units(rules: Rules) -> None:
    """``UsageError`` for a limit on a decision without a unit: the limit would be ignored."""
    for pattern, decision, limit in rules.decides:
        if limit is not None and not rules.units.get(decision):
            raise UsageError(
                f"'{pattern}={decision}:{written_number(limit)}' gives a limit, but '{decision}' has no unit,"
                f" so the limit would be ignored: give it one with --unit {decision}=UNIT (USD, EUR, days...)"
                f" or after the limit ('{pattern}={decision}:{written_number(limit)} USD')"
            )


def _decision(decision: str, unit: str | None) -> dict[str, str]:
    entry = {"id": decision, "name": decision.replace("_", " ").capitalize()}
    if unit:
        entry["unit"] = unit
    return entry


def _comment(
    found: Found,
    columns: Sequence[Columns],
    sources: Sequence[str],
    roles: int,
    told: TitleRules,
    headcounts: tuple[float, int],
) -> list[str]:
    names = " and ".join(source.rsplit("/", 1)[-1] for source in sources)
    lines = [f"Imported by orgcharts from {names}: {counted(found.rows, 'row')}, {counted(roles, 'role')}."]
    for source, used in zip(sources, columns, strict=True):
        said = ", ".join(f"{name}={getattr(used, name)}" for name in FIELDS if getattr(used, name))
        where = f" in {source.rsplit('/', 1)[-1]}" if len(columns) > 1 else ""
        lines.append(f"Columns used{where}: {said}.")
    if any(used.headcount for used in columns):
        total, people = headcounts
        lines.append(
            f"Headcounts from the count or FTE column: {total:,.2f} in all, {counted(people, 'person')} once each role's"
            " total is rounded to the nearest whole person (any part of a post counts as one)."
        )
    if found.vacant or found.undisclosed:
        lines.append(
            f"{counted(found.vacant, 'vacant post')} (headcount 0, no name); {counted(found.undisclosed, 'name')}"
            " not disclosed, left out."
        )
    if found.shares:
        lines.append(
            f"{counted(found.shares, 'row')} repeated a post id with the same manager and title: shared posts."
        )
    if found.root is not None:
        lines.append(f"'{found.root.id}' ({found.root.title}) was added above every row without a manager (--root).")
    left = []
    if not told.segments:
        left.append("- customers: name your customer segments, then add serves: [segment] to the roles facing them;")
    if not told.decisions:
        left.append("- decisions: list what customers ask for, then add decides: to the roles allowed to decide it;")
    if left:
        lines += ["An HR export cannot say who faces customers or who may decide what they ask for. To add:", *left]
    lines.append("The format: docs/format.md. 'orgcharts check' lists what is still missing.")
    return lines


def _matches(title: str, pattern: str) -> bool:
    return fnmatch.fnmatchcase(title.casefold(), pattern.casefold())
