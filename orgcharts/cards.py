"""The card each role is drawn as: its lines of text, its hop chip, and its size in pixels.

A card carries the title whole (wrapped to the card, never cut), the person when given, its
people ("140 people", "1 person", "vacant"), the role's authority for the chosen decision in
words ("decides up to 500 USD"), what a collapsed role stands for ("▸ +38 roles · 45 people ·
median 2 hops", "▸" marking that it expands), and for a customer-facing role a chip with its
hops to authority ("0 hops" ... "4+ hops", or "no one can decide"). Sizes come from the
measured text (``orgcharts.textsize``); nothing here knows how the card is drawn, nor its
colours: a line says what it is (``kind``), a chip its hop bucket, and the figure picks colours.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from orgcharts import catalog
from orgcharts.collapse import Rollup
from orgcharts.gcpause import collector_paused
from orgcharts.metrics import Escalation
from orgcharts.metrics.diagnostics import escalated_load, heaviest
from orgcharts.model import Decision, Organization, Role, Segment
from orgcharts.textsize import Style, measured_lines, text_width, wrap_to_width

LineKind = Literal["title", "person", "people", "authority", "load", "rollup", "segment"]
EXPAND_MARK = "▸"
"""Starts a collapsed role's totals: the card opens on click."""
HOP_BUCKETS = 5
"""Chips read 0, 1, 2, 3 and 4+ hops: the buckets of ``style.HOP_COLOURS``."""
NO_ONE = "no one can decide"
HEAVIEST = "heaviest"
"""Marks the heaviest desks, on the chart's cards and the Diagnosis tab's: the authorities most
requests climb to from other roles (a front line deciding its own customers' requests is never
marked for it)."""


@dataclass(frozen=True, slots=True, eq=False)
class TextSize:
    """Type and spacing of cards for one medium, every length in pixels at that medium.

    Every line of a card is at least ``px`` pixels (the CSS font size); titles are bold at
    ``title_px``. A line takes ``line_height`` times its font size. Cards are between
    ``min_width`` and ``max_width`` wide (titles wrap to the maximum less the padding).
    The gaps are what ``cardlayout`` keeps between cards: between siblings, between cousins
    (cards under different managers) and between rows or bands. Compared by identity
    (cards are remembered per size, and a big org asks for thousands)."""

    name: str
    px: float
    title_px: float
    line_height: float
    padding_x: float
    padding_y: float
    min_width: float
    max_width: float
    chip_padding_x: float
    sibling_gap: float
    cousin_gap: float
    row_gap: float


def _size(name: str, px: float) -> TextSize:
    return TextSize(
        name=name,
        px=px,
        title_px=px,
        line_height=1.25,
        padding_x=0.6 * px,
        padding_y=0.45 * px,
        min_width=8 * px,
        max_width=14 * px,
        chip_padding_x=0.5 * px,
        sibling_gap=0.8 * px,
        cousin_gap=1.6 * px,
        row_gap=2.4 * px,
    )


SCREEN_TEXT = _size("screen", 13)
"""The dashboard at 1920x1080 or 1280x720: no line under 13 px."""
PROJECTOR_TEXT = _size("projector", 18)
"""Projector mode: no line under 18 px."""
PICTURE_TEXT = _size("picture", 24)
"""PNG, SVG and PDF pictures laid out on a 3840x2160 slide: no line under 24 px at that size."""
SLIDE_TEXT = dataclasses.replace(
    _size("slide", 16), line_height=1.2, min_width=6 * 16, max_width=11 * 16, row_gap=1.6 * 16
)
"""Board-pack slides (``orgcharts.deck``): 16 px at 96 to the inch is 12 pt, the smallest
type on a slide; cards at most 11 ems wide and lines and bands closer than on a screen, so
that a top role's seven functions, rolled up, fit on one 1,280 by 720 px slide."""
TEXT_SIZES = {size.name: size for size in (SCREEN_TEXT, PROJECTOR_TEXT, PICTURE_TEXT)}


class Line(NamedTuple):
    """One line of a card's text: what it says, drawn in ``style`` at ``px`` pixels, centred
    horizontally on the card, its box ``top`` to ``top + height`` pixels below the card's top
    (text vertically centred in it), ``width`` its measured width."""

    text: str
    kind: LineKind
    style: Style
    px: float
    top: float
    height: float
    width: float


class Chip(NamedTuple):
    """A customer-facing role's hops to authority: ``text`` ("2 hops", "4+ hops", "no one
    can decide"), ``bucket`` the colour bucket (0 to 4, 4 for four or more; None: no one
    can decide), a rounded box ``width`` by ``height`` centred horizontally on the card,
    ``top`` pixels below the card's top, its text bold at ``px`` in ``lines`` (one unless
    the words are wider than the card), each ``px * TextSize.line_height`` high, centred in
    the box."""

    text: str
    lines: tuple[str, ...]
    bucket: int | None
    px: float
    top: float
    width: float
    height: float


class Card(NamedTuple):
    """A role's card: its lines top to bottom, its chip (below the lines) if it faces
    customers and a decision is shown, and its size in pixels."""

    lines: tuple[Line, ...]
    chip: Chip | None
    width: float
    height: float


def people_text(headcount: int) -> str:
    """ "140 people", "1 person", and "vacant" for a role with no one in it."""
    if headcount == 0:
        return "vacant"
    return "1 person" if headcount == 1 else f"{headcount:,} people"


def hop_text(hops: int | None) -> str:
    """A chip's words: "0 hops", "1 hop", "2 hops", "3 hops", "4+ hops", "no one can decide"."""
    if hops is None:
        return NO_ONE
    if hops >= HOP_BUCKETS - 1:
        return f"{HOP_BUCKETS - 1}+ hops"
    return f"{hops} hop{'' if hops == 1 else 's'}"


def hop_bucket(hops: int | None) -> int | None:
    """The colour bucket of a hop count: 0 to 4 (four or more), None for no one can decide."""
    return None if hops is None else min(hops, HOP_BUCKETS - 1)


def authority_text(role: Role, decision: Decision) -> str | None:
    """The role's own authority for ``decision`` in words: "decides up to 500 USD", "decides
    any amount" (no limit), "can decide" (a decision without amounts); None if it has none."""
    authority = role.authority_for(decision.id)
    if authority is None:
        return None
    if decision.unit is None:
        return "can decide"
    if authority.limit is None:
        return "decides any amount"
    return f"decides up to {authority.limit:,g} {decision.unit}"


def load_text(load: float) -> str:
    """An authority's load in words, the catalog's: "84 requests a week"."""
    return catalog.metric("load").say(load)


def rollup_parts(rollup: Rollup) -> tuple[str, ...]:
    """What a collapsed role stands for, in parts joined by " · " on the card: "+38 roles",
    "45 people", "median 2 hops", "3 people: no one can decide"."""
    hidden = rollup.roles - 1
    parts = [f"+{hidden:,} role{'' if hidden == 1 else 's'}", people_text(rollup.people)]
    if rollup.median_hops is not None:
        parts.append(f"median {hop_text(rollup.median_hops)}")  # rollups count hops up to "4 or more"
    if rollup.unreachable_people:
        parts.append(f"{people_text(rollup.unreachable_people)}: {NO_ONE}")
    return tuple(parts)


def card_for(
    role: Role,
    escalation: Escalation | None,
    rollup: Rollup | None,
    decision: Decision | None,
    size: TextSize = SCREEN_TEXT,
    load: float | None = None,
    heaviest: bool = False,
) -> Card:
    """The card of ``role`` at ``size``.

    ``escalation`` is the role's escalation for ``decision`` (customer-facing roles only;
    None for others or when no decision is shown): it gives the chip, and when no one in
    the chain can decide the chip says so and no authority line repeats it. ``rollup``:
    the role is collapsed and stands for these totals, its own people among them (so the
    card says one count of people, the team's). ``decision`` None: no chip and no
    authority line. ``load``: the requests a week it decides for ``decision``, said under its
    authority ("84 requests a week"), in bold and marked when it is among the ``heaviest``.
    Cards with the same text are the same object (remembered)."""
    authority = authority_text(role, decision) if decision is not None else None
    carried = None if load is None else (load_text(load) + (f" ({HEAVIEST})" if heaviest else ""), heaviest)
    hops: tuple[str, int | None] | None = None
    if escalation is not None and decision is not None and role.customer_facing:
        hops = (hop_text(escalation.hops), hop_bucket(escalation.hops))
    totals = rollup_parts(rollup) if rollup is not None else ()
    people = people_text(role.headcount) if rollup is None else None  # a rollup's people include its own
    return _card(role.title, role.name or "", people, authority, totals, hops, size, carried)


def segment_card(segment: Segment, size: TextSize = SCREEN_TEXT) -> Card:
    """The card of a customer segment: its name, bold and whole."""
    return _card(segment.name, "", None, None, (), None, size, title_kind="segment")


@lru_cache(maxsize=65_536)
def _card(
    title: str,
    person: str,
    people: str | None,
    authority: str | None,
    totals: tuple[str, ...],
    hops: tuple[str, int | None] | None,
    size: TextSize,
    load: tuple[str, bool] | None = None,
    title_kind: LineKind = "title",
) -> Card:
    room = size.max_width - 2 * size.padding_x
    rows: list[tuple[str, float, LineKind, Style, float]] = []
    rows += [
        (text, width, title_kind, "bold", size.title_px)
        for text, width in measured_lines(title, room, size.title_px, "bold")
    ]
    rows += [
        (text, width, "person", "oblique", size.px) for text, width in measured_lines(person, room, size.px, "oblique")
    ]
    for words, kind in ((people, "people"), (authority, "authority")):
        if words:
            rows += [(text, width, kind, "regular", size.px) for text, width in measured_lines(words, room, size.px)]
    if load is not None:
        style: Style = "bold" if load[1] else "regular"
        rows += [(text, width, "load", style, size.px) for text, width in measured_lines(load[0], room, size.px, style)]
    rows += [
        (text, width, "rollup", "regular", size.px) for text, width in _joined((EXPAND_MARK, *totals), room, size.px)
    ]
    lines: list[Line] = []
    top = size.padding_y
    widest = 0.0
    for text, width, kind, style, px in rows:
        height = px * size.line_height
        lines.append(Line(text, kind, style, px, top, height, width))
        widest = max(widest, width)
        top += height
    chip = None
    if hops is not None:
        text, bucket = hops
        chip_lines = wrap_to_width(text, room - 2 * size.chip_padding_x, size.px, "bold")
        chip_width = max(text_width(line, size.px, "bold") for line in chip_lines) + 2 * size.chip_padding_x
        chip_height = len(chip_lines) * size.px * size.line_height + 0.3 * size.px
        top += 0.25 * size.px
        chip = Chip(text, tuple(chip_lines), bucket, size.px, top, chip_width, chip_height)
        widest = max(widest, chip_width)
        top += chip_height
    width = min(max(widest + 2 * size.padding_x, size.min_width), size.max_width)
    return Card(tuple(lines), chip, width, top + size.padding_y)


def _joined(parts: tuple[str, ...], room: float, px: float) -> list[tuple[str, float]]:
    """The expand mark and a collapsed role's totals in lines of whole parts joined by " · "
    (the mark and the first part always share a line), each with its width; a part wider
    than a line wraps on its own."""
    if len(parts) <= 1:
        return []
    lines: list[tuple[str, float]] = []
    current = f"{parts[0]} {parts[1]}"
    for part in parts[2:]:
        candidate = f"{current} · {part}"
        if text_width(candidate, px) <= room:
            current = candidate
            continue
        lines += measured_lines(current, room, px)
        current = part
    lines += measured_lines(current, room, px)
    return lines


def cards_for(
    org: Organization,
    roles: Iterable[str],
    found: Iterable[Escalation] | Mapping[str, Escalation] = (),
    rollups: Mapping[str, Rollup] | None = None,
    decision: str | None = None,
    size: TextSize = SCREEN_TEXT,
) -> dict[str, Card]:
    """The card of each of ``roles`` (``card_for``), from the escalations ``found`` for
    ``decision`` (a decision id; None: no chips, no authority), as a list or keyed by role,
    and the collapsed roles' ``rollups``; with a request rate, each authority's load from
    them (``escalated_load``)."""
    chosen = org.decision_index[decision] if decision is not None else None
    by_role = by_role_of(found) if chosen is not None else {}
    load = (escalated_load(org, by_role.values(), chosen.id) if chosen is not None else None) or {}
    climbed = [escalation for escalation in by_role.values() if escalation.hops]
    most = heaviest((escalated_load(org, climbed, chosen.id) if chosen is not None else None) or {})
    rollups = rollups or {}
    with collector_paused():
        return {
            role_id: card_for(
                org.role(role_id), by_role.get(role_id), rollups.get(role_id), chosen, size,
                load.get(role_id), role_id in most,
            )
            for role_id in roles
        }  # fmt: skip


def by_role_of(found: Iterable[Escalation] | Mapping[str, Escalation]) -> Mapping[str, Escalation]:
    """Escalations keyed by role, as given when they already are."""
    return found if isinstance(found, Mapping) else {escalation.role: escalation for escalation in found}


def sizes_of(cards: Mapping[str, Card]) -> dict[str, tuple[float, float]]:
    """Each card's (width, height): what ``cardlayout.card_layout`` places."""
    return {key: (card.width, card.height) for key, card in cards.items()}
