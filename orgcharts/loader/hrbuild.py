"""From an export's tables to posts, each with its manager: job shares made one post, rows
without ids grouped under their manager by title, managers found by id or by name, several
tops given a common one, and every bad row reported at once, at its file and line; when most
rows fail the same way, one line first says what is wrong and what to try."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from orgcharts.errors import Diagnostic, OrgFileError
from orgcharts.loader.hrcolumns import Columns, key
from orgcharts.loader.hrconventions import NameIndex, is_top_marker, markers, name_kind, parse_count, person_name
from orgcharts.loader.hrread import Table
from orgcharts.loader.suggest import Suggester
from orgcharts.loader.treerules import NOT_TEXT, tree_problems

NO_TITLE = "(no title)"
MAX_SUGGESTIONS = 50
"""Unknown managers that get a did-you-mean; an export where every manager is unknown says
so once per row, and looking for each would cost more than the import."""
NAMED_TOPS = 10


@dataclass(frozen=True)
class Rules:
    """What the user adds to the export: title patterns (shell-style, any case) that mark
    customer-facing roles and authority, how to merge look-alike positions, and the
    conventions an export needs said (a common top, its own top marker, one snapshot)."""

    serves: Sequence[tuple[str, str]] = ()
    """(title pattern, segment id)"""
    decides: Sequence[tuple[str, str, float | None]] = ()
    """(title pattern, decision id, limit or None)"""
    units: Mapping[str, str] = field(default_factory=dict)
    """decision id to its unit (USD, days...): a limit needs one"""
    group_by_title: bool = False
    organization: str | None = None
    root: str | None = None
    """The title of a role added above every row without a manager (several tops)."""
    top_markers: Sequence[str] = ()
    """Manager cells that mean "no manager", beyond ``hrconventions.TOP_MARKERS``."""
    where: Sequence[tuple[str, str]] = ()
    """(column, value): only rows holding that value (any case) are imported."""


@dataclass
class Post:
    """One role to be: a row, or rows sharing a post id (a job share) or, without ids, a
    manager and a title."""

    id: str
    source: str
    line: int
    title: str
    manager: str
    count: float
    names: list[str]
    rows: int = 1
    reports_to: str | None = None


@dataclass
class Found:
    """What the rows came to: posts in file order, what is known of them, and the warnings."""

    posts: list[Post]
    rows: int
    root: Post | None = None
    vacant: int = 0
    undisclosed: int = 0
    shares: int = 0
    warnings: list[Diagnostic] = field(default_factory=list)


def posts_of(parts: Sequence[tuple[Table, Columns]], rules: Rules) -> Found:
    """Every post of the tables with its manager; ``OrgFileError`` listing every bad row."""
    errors: list[Diagnostic] = []
    found = Found([], 0)
    by_id: dict[str, Post] = {}
    loose: dict[tuple[str, str, str], Post] = {}
    for table, columns in parts:
        _read(table, columns, rules, found, by_id, loose, errors)
    for post in loose.values():
        base = f"{post.manager or 'top'}_{re.sub(r'[^0-9a-z]+', '_', post.title.casefold()).strip('_') or 'staff'}"
        post.id = unique_id(base, by_id)
        by_id[post.id] = post
        found.posts.append(post)
    _managers(parts, rules, found, by_id, errors)
    if not found.posts and not errors:
        source = parts[0][0].source if parts else "import"
        errors.append(Diagnostic("error", "no rows after the header", source, 1))
    if errors:
        order = {table.source: number for number, (table, _) in enumerate(parts)}
        errors.sort(key=lambda d: (d.kind != "summary", order.get(d.source, 0), d.line or 0))
        raise OrgFileError(errors + found.warnings)
    return found


def _read(
    table: Table,
    columns: Columns,
    rules: Rules,
    found: Found,
    by_id: dict[str, Post],
    loose: dict[tuple[str, str, str], Post],
    errors: list[Diagnostic],
) -> None:
    index = {name: position for position, name in reversed(list(enumerate(table.header)))}
    by_key = {key(name): position for name, position in index.items()}
    filters = [(by_key[key(column)], value.casefold()) for column, value in rules.where if key(column) in by_key]
    grouped = columns.id is None or rules.group_by_title
    manager_column = columns.manager_name or columns.manager
    source = table.source

    def cell(cells: list[str], column: str | None) -> str:
        if column is None or index[column] >= len(cells):
            return ""
        return " ".join(cells[index[column]].split())

    for line, cells in table.records:
        if any(position >= len(cells) or cells[position].strip().casefold() != value for position, value in filters):
            continue
        found.rows += 1
        count = 1.0
        if columns.headcount and cell(cells, columns.headcount):
            said = cell(cells, columns.headcount)
            parsed = parse_count(said)
            if parsed is None:
                message = f"'{said}' in column '{columns.headcount}' is not a count or FTE (a number, 0 or more)"
                errors.append(Diagnostic("error", message, source, line))
                continue
            count = parsed
        name = person_name(cell(cells, columns.name), cell(cells, columns.first_name), cell(cells, columns.last_name))
        said_of_name = name_kind(name) if name else None
        if said_of_name == "vacant":
            found.vacant += 1
            name, count = None, 0.0
        elif said_of_name == "undisclosed":
            found.undisclosed += 1
            name = None
        role_id = cell(cells, columns.id)
        title = cell(cells, columns.title)
        manager = cell(cells, manager_column)
        if not role_id:
            if not grouped:
                errors.append(Diagnostic("error", f"row has no id (column '{columns.id}')", source, line, kind="no_id"))
                continue
            group = loose.get((source, manager, title))
            if group is None:
                loose[(source, manager, title)] = Post("", source, line, title or NO_TITLE, manager, count, [])
            else:
                group.count += count
                group.rows += 1
            continue
        if not title:
            message = f"'{role_id}' has no title: called '{NO_TITLE}'"
            found.warnings.append(Diagnostic("warning", message, source, line, kind="no_title", subject=role_id))
        first = by_id.get(role_id)
        if first is None:
            by_id[role_id] = post = Post(role_id, source, line, title or NO_TITLE, manager, count, [])
            post.names += [name] if name else []
            found.posts.append(post)
        elif first.manager == manager and first.title == (title or NO_TITLE):
            first.count += count
            first.rows += 1
            first.names += [name] if name else []
            found.shares += 1
            message = f"post '{role_id}' is on {first.rows} rows with the same manager and title: one shared post"
            found.warnings.append(Diagnostic("warning", message, source, line, kind="job_share", subject=role_id))
        else:
            where = f"line {first.line}" + ("" if first.source == source else f" of {first.source}")
            message = f"id '{role_id}' is used again (first on {where})"
            if first.manager == manager:
                message += f" with another title ('{first.title}'); a shared post keeps one title"
            errors.append(Diagnostic("error", message, source, line, kind="duplicate_id"))


def _managers(
    parts: Sequence[tuple[Table, Columns]], rules: Rules, found: Found, by_id: dict[str, Post], errors: list[Diagnostic]
) -> None:
    """Each post's ``reports_to``: by id, or by name where ``--manager-name`` says so; the
    rules of one tree checked over all of them."""
    top_marks = markers(rules.top_markers)
    by_name = _names(found.posts) if any(columns.manager_name for _, columns in parts) else None
    name_column = {table.source: columns for table, columns in parts}
    for post in found.posts:
        raw = post.manager
        if not raw or raw == post.id or (raw not in by_id and is_top_marker(raw, top_marks)):
            continue
        if by_name is None or not name_column[post.source].manager_name:
            post.reports_to = raw
            continue
        ids = by_name.find(raw)
        column = name_column[post.source].manager_name
        if len(ids) == 1:
            post.reports_to = None if ids[0] == post.id else ids[0]
        elif ids:
            named = ", ".join(f"'{role_id}' (line {by_id[role_id].line})" for role_id in ids[:NAMED_TOPS])
            message = f"manager name '{raw}' (column '{column}') is the name of {len(ids)} people: {named}; give these rows manager ids with --manager COLUMN"
            errors.append(Diagnostic("error", message, post.source, post.line, kind="ambiguous_manager"))
            post.reports_to = ""
        else:
            close = by_name.closest(raw)
            hint = f" (did you mean '{close}'?)" if close else ""
            message = f"manager name '{raw}' (column '{column}') is no one's name in the file{hint}"
            errors.append(Diagnostic("error", message, post.source, post.line, kind="unknown_manager"))
            post.reports_to = ""
    tops = [post for post in found.posts if post.reports_to is None]
    if rules.root:
        root_id = unique_id("root", by_id)
        found.root = Post(root_id, found.posts[0].source if found.posts else "", 0, rules.root, "", 1.0, [], rows=0)
        for post in tops:
            post.reports_to = root_id
        by_id[root_id] = found.root
        found.posts.insert(0, found.root)
    elif len(tops) > 1:
        named = ", ".join(f"'{post.id}' ({post.title})" for post in tops[:NAMED_TOPS])
        named += ", ..." if len(tops) > NAMED_TOPS else ""
        message = (
            f"{len(tops):,} rows have no manager, so each would be the top: {named}; give them a common top with"
            " --root 'TITLE' (the organisation above them), or give all but one of them a manager"
        )
        errors.append(Diagnostic("error", message, tops[1].source, tops[1].line, kind="tops"))
        for post in tops[1:]:
            post.reports_to = tops[0].id  # one error says it: the tree rules are asked about the rest
    _tree(parts, found, by_id, errors)


def _tree(
    parts: Sequence[tuple[Table, Columns]], found: Found, by_id: dict[str, Post], errors: list[Diagnostic]
) -> None:
    posts = found.posts
    entries = [(post.id, post.reports_to if post.reports_to != "" else NOT_TEXT) for post in posts]
    suggester = Suggester(by_id)
    asked = itertools.count()
    names: list[NameIndex] = []

    def hint(manager: str) -> str:
        if next(asked) >= MAX_SUGGESTIONS:
            return ""
        if not names:
            names.append(_names(posts))
        people = names[0].find(manager)
        if people:
            return f" (it is the name of '{people[0]}': that column holds names; try --manager-name COLUMN)"
        return suggester.hint(manager)

    unknown = next((post for post in posts if post.reports_to and post.reports_to not in by_id), None)
    for problem in tree_problems(entries, "manager", hint):
        post = posts[problem.index] if problem.index is not None else None
        source = post.source if post is not None else (parts[0][0].source if parts else "import")
        line, message = (post.line if post is not None else 1), problem.message
        if post is None and unknown is not None:  # no top: the top's manager is likely a marker we do not know
            source, line = unknown.source, unknown.line
            message = (
                f"no top role: every row has a manager; if '{unknown.reports_to}' means the top has none,"
                f" say so with --top-marker '{unknown.reports_to}'"
            )
        is_unknown = problem.on_manager and "is not a role id" in problem.message
        errors.append(Diagnostic("error", message, source, line, kind="unknown_manager" if is_unknown else None))
    _summary(parts, found.rows, errors)


def _summary(
    parts: Sequence[tuple[Table, Columns]],
    rows: int,
    errors: list[Diagnostic],
) -> None:
    """One line first when most rows fail the same way: what the columns must be, and what to try."""
    if not parts or rows < 4:
        return
    table, first = parts[0]
    counts = {kind: sum(1 for d in errors if d.kind == kind) for kind in ("duplicate_id", "no_id", "unknown_manager")}
    said = None
    if counts["unknown_manager"] * 2 > rows:
        if first.manager_name:
            said = f"the column '{first.manager_name}' holds names that are not in the name column ({counts['unknown_manager']:,} of {rows:,} rows)"
        else:
            said = (
                f"the manager column '{first.manager}' holds ids that are not in the id column '{first.id}'"
                f" ({counts['unknown_manager']:,} of {rows:,} rows): "
            )
            by_name = [
                name
                for name in table.header
                if "name" in key(name) and any(w in key(name) for w in ("manager", "supervisor", "reportsto", "boss"))
            ]
            said += (
                f"try --manager-name {by_name[0]}"
                if by_name
                else "name the right columns with --id COLUMN and --manager COLUMN"
            )
    elif counts["duplicate_id"] * 2 > rows:
        said = f"the id column '{first.id}' repeats ids on {counts['duplicate_id']:,} of {rows:,} rows: it may not hold ids; name the right one with --id COLUMN"
    elif counts["no_id"] * 2 > rows:
        said = f"{counts['no_id']:,} of {rows:,} rows have no id in column '{first.id}': name the id column with --id COLUMN, or --group-by-title to group rows without ids"
    if said:
        errors.append(Diagnostic("error", said, table.source, kind="summary"))


def unique_id(base: str, taken: Mapping[str, object]) -> str:
    """``base``, or ``base_2``, ``base_3``... the first not ``taken``."""
    return next(
        name for name in itertools.chain([base], (f"{base}_{n}" for n in itertools.count(2))) if name not in taken
    )


def _names(posts: Sequence[Post]) -> NameIndex:
    index = NameIndex()
    for post in posts:
        for name in post.names:
            index.add(name, post.id)
    return index
