"""The text on a chart: each card's lines as one label (the title bold, the person in italics,
then the people, the authority and what a collapsed role stands for), and what hovering over
a role tells. All text from the org file is HTML-escaped: Plotly renders a subset of HTML in
labels, so a title with ``<b>`` or ``"`` in it shows as written."""

from __future__ import annotations

import html

from orgcharts.cards import Card, Line
from orgcharts.metrics import Escalation
from orgcharts.model import Organization, Role

LINE_SPACING = 1.3
"""Plotly sets lines of a label this many font sizes apart."""


def _escaped(text: str) -> str:
    # quote=False: Plotly shows "&quot;" as written, and only <, > and & start markup
    return html.escape(text, quote=False)


def _line(line: Line) -> str:
    text = _escaped(line.text)
    if line.style == "bold":
        return f"<b>{text}</b>"
    if line.style == "oblique":
        return f"<i>{text}</i>"
    return text


def card_text(card: Card) -> str:
    """A card's lines as one label, a ``<br>`` between lines."""
    return "<br>".join(_line(line) for line in card.lines)


def text_middle(card: Card) -> float:
    """How far below the card's top the middle of its lines is, in pixels."""
    if not card.lines:
        return card.height / 2
    first, last = card.lines[0], card.lines[-1]
    return (first.top + last.top + last.height) / 2


def chip_text(card: Card) -> str:
    return "<br>".join(f"<b>{_escaped(line)}</b>" for line in card.chip.lines) if card.chip else ""


def role_hover(
    org: Organization, role: Role, escalation: Escalation | None, authority: object, unit: str | None
) -> str:
    lines = [f"<b>{_escaped(role.title)}</b>"]
    if role.name:
        lines.append(_escaped(role.name))
    lines.append(f"{role.headcount:,} {'person' if role.headcount == 1 else 'people'} · id {_escaped(role.id)}")
    if role.serves:
        names = ", ".join(_escaped(org.segment_index[s].name) for s in role.serves)
        lines.append(f"Serves: {names}")
    if escalation is not None:
        if escalation.authority is None:
            lines.append("No one in the chain can decide")
        elif escalation.hops == 0:
            lines.append("Decides itself (0 hops)")
        else:
            holder = _escaped(org.role(escalation.authority).title)
            lines.append(f"{escalation.hops} hop{'s' if escalation.hops != 1 else ''} to {holder}")
    limit = getattr(authority, "limit", None)
    if authority is not None:
        lines.append("Can decide" + (f" up to {limit:,g} {_escaped(unit or '')}" if limit is not None else ""))
    return "<br>".join(lines)
