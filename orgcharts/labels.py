"""The text on a chart: each role's label wrapped to the room it has, what a collapsed role
stands for, and what hovering over a role tells. All text from the org file is HTML-escaped."""

from __future__ import annotations

import html
import textwrap
from functools import lru_cache

from orgcharts.collapse import HOPS_COUNTED, Rollup
from orgcharts.layout import TreeLayout
from orgcharts.metrics import Escalation
from orgcharts.model import Organization, Role

NARROWEST_LABEL_CHARS = 6
"""On a screen, a label that cannot have this many characters a line without running into
its neighbours' is left off the chart until zoomed in: overlapping labels read as noise, and
five characters ("Dire…") say nothing. A printed page, sized for its labels, never wraps them
narrower."""


def role_label(role: Role, chars_per_line: int, title_lines: int = 3, exact: bool = False) -> str:
    """The node's label: its title wrapped to fit, then one line with the person and headcount.
    ``exact``: no line is longer than ``chars_per_line`` (a screen, where neighbours' labels
    must not meet); else lines are at least ``NARROWEST_LABEL_CHARS`` wide and a long word
    may run three characters over (a printed page, sized for its labels)."""
    width = chars_per_line if exact else max(chars_per_line, NARROWEST_LABEL_CHARS)
    parts = list(_wrapped_title(role.title, width, title_lines, 0 if exact else 3))
    details = []
    if role.name:
        details.append(f"<i>{html.escape(_shorten(role.name, width))}</i>")
    if role.headcount != 1:
        details.append(f"×{role.headcount:,}")
    if details:
        parts.append(" ".join(details))
    return "<br>".join(parts)


@lru_cache(maxsize=16_384)
def _wrapped_title(title: str, width: int, lines: int, overhang: int) -> tuple[str, ...]:
    """Escaped title lines (``wrap``); remembered, as big orgs repeat their titles thousands of times."""
    return tuple(html.escape(line) for line in wrap(title, width, lines, overhang))


def wrap(text: str, width: int, lines: int, overhang: int = 0) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` characters, words kept whole where
    they fit; a longer word may run ``overhang`` characters over, then ends in "…", as does
    the last line when words are left over."""
    wrapped = textwrap.wrap(text, width, break_long_words=False)
    kept = [_shorten(line, width + overhang) for line in wrapped[:lines]]
    if len(wrapped) > lines and not kept[-1].endswith("…"):
        kept[-1] = _shorten(kept[-1] + "…", width + overhang)
    return kept


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def label_room(layout: TreeLayout) -> dict[str, float]:
    """How wide each role's label may be, in layout units: the gap to its nearest
    neighbour on the same level (a lone role gets a generous share)."""
    rows: dict[int, list[tuple[float, str]]] = {}
    for role, x in layout.x.items():
        rows.setdefault(layout.row[role], []).append((x, role))
    room = {}
    for row in rows.values():
        row.sort()
        for index, (x, role) in enumerate(row):
            left = x - row[index - 1][0] if index > 0 else 4.0
            right = row[index + 1][0] - x if index + 1 < len(row) else 4.0
            room[role] = min(left, right, 4.0)
    return room


def node_label(
    role: Role,
    rollup: Rollup | None,
    chars_per_line: int,
    totals_lines: int = 2,
    title_lines: int = 3,
    exact: bool = False,
) -> str:
    """A node's label (``role_label``), and under a collapsed node what it stands for,
    wrapped to the same width in at most ``totals_lines`` lines."""
    label = role_label(role, chars_per_line, title_lines, exact)
    if rollup is None:
        return label
    width = chars_per_line if exact else max(chars_per_line, NARROWEST_LABEL_CHARS)
    return "<br>".join([label, *wrap(rollup_label(rollup), width, totals_lines)])


def rollup_label(rollup: Rollup) -> str:
    """What a collapsed node stands for: "+1,399 roles, 14,000 people, median 2 hops"."""
    parts = [f"+{rollup.roles - 1:,} roles", f"{rollup.people:,} people"]
    if rollup.median_hops is not None:
        hops = f"{rollup.median_hops}+" if rollup.median_hops >= HOPS_COUNTED else str(rollup.median_hops)
        parts.append(f"median {hops} hop{'s' if rollup.median_hops != 1 else ''}")
    if rollup.unreachable_people:
        parts.append(f"{rollup.unreachable_people:,} with no one able to decide")
    return ", ".join(parts)


def role_hover(
    org: Organization, role: Role, escalation: Escalation | None, authority: object, unit: str | None
) -> str:
    lines = [f"<b>{html.escape(role.title)}</b>"]
    if role.name:
        lines.append(html.escape(role.name))
    lines.append(f"{role.headcount:,} {'person' if role.headcount == 1 else 'people'} · id {html.escape(role.id)}")
    if role.serves:
        names = ", ".join(html.escape(org.segment_index[s].name) for s in role.serves)
        lines.append(f"Serves: {names}")
    if escalation is not None:
        if escalation.authority is None:
            lines.append("No one in the chain can decide")
        elif escalation.hops == 0:
            lines.append("Decides itself (0 hops)")
        else:
            holder = html.escape(org.role(escalation.authority).title)
            lines.append(f"{escalation.hops} hop{'s' if escalation.hops != 1 else ''} to {holder}")
    limit = getattr(authority, "limit", None)
    if authority is not None:
        lines.append("Can decide" + (f" up to {limit:,g} {html.escape(unit or '')}" if limit is not None else ""))
    return "<br>".join(lines)
