"""The figure's chips and words: a chip trace per hop colour, each card's words as one label
(the roles' trace, which a click reads), each chip's words and the segments' names. The text
traces leave their points to the caller (``figures``), which places them in each view."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from orgcharts.cardlayout import Box, CardLayout
from orgcharts.cards import Card
from orgcharts.cardtraces import chip_box, shapes_trace, text_trace
from orgcharts.labels import card_text, chip_text, role_hover
from orgcharts.metrics import Escalation
from orgcharts.model import Organization
from orgcharts.style import (
    CUSTOMER_COLOUR,
    DIM_TEXT_COLOUR,
    HOP_COLOURS,
    NEUTRAL_COLOUR,
    TEXT_COLOUR,
    UNREACHABLE_COLOUR,
    text_colour_on,
)
from orgcharts.textsize import FONT_FAMILY

CHIP_TRACES = len(HOP_COLOURS) + 2
"""One trace per chip colour: the hop buckets, no one can decide, and greyed out."""


def chip_bucket(
    role_id: str,
    by_role: Mapping[str, Escalation],
    serves: Sequence[str],
    segment: str | None,
) -> int:
    """The chip trace of a role: its hop bucket, ``len(HOP_COLOURS)`` for no one can decide,
    one more for a greyed-out chip (not serving the segment chosen). A role dimmed by a lit
    path keeps its colour: the room still sees which others are far from a decision."""
    escalation = by_role.get(role_id)
    if escalation is None or (segment is not None and segment not in serves):
        return len(HOP_COLOURS) + 1
    if escalation.hops is None:
        return len(HOP_COLOURS)
    return min(escalation.hops, len(HOP_COLOURS) - 1)


def chip_colour(bucket: int) -> str:
    if bucket < len(HOP_COLOURS):
        return HOP_COLOURS[bucket]
    return UNREACHABLE_COLOUR if bucket == len(HOP_COLOURS) else NEUTRAL_COLOUR


def chip_traces(
    placed: CardLayout,
    cards: Mapping[str, Card],
    by_role: Mapping[str, Escalation],
    segment: str | None,
    px: float,
    org: Organization,
) -> list[dict]:
    buckets: list[list[Box]] = [[] for _ in range(CHIP_TRACES)]
    for role_id, card in cards.items():
        box = chip_box(placed.x[role_id], placed.top[role_id], card)
        if box is not None:
            buckets[chip_bucket(role_id, by_role, org.role(role_id).serves, segment)].append(box)
    return [
        shapes_trace(boxes, px * 0.4, f"chips-{bucket}", chip_colour(bucket), chip_colour(bucket), 1.0)
        for bucket, boxes in enumerate(buckets)
    ]


def roles_text(
    org: Organization,
    roles: Sequence[Any],
    cards: Mapping[str, Card],
    by_role: Mapping[str, Escalation],
    rollups: Mapping[str, Any],
    decision: str | None,
    unit: str | None,
    segment: str | None,
    dims: Mapping[str, bool],
    hiding: dict[str, float],
) -> dict[str, Any]:
    hovers = []
    for role in roles:
        escalation = by_role.get(role.id)
        counted = escalation if escalation is not None and (segment is None or segment in role.serves) else None
        hover = role_hover(org, role, counted, role.authority_for(decision) if decision else None, unit)
        if role.id in rollups:
            hover += "<br><b>Collapsed</b>: click to show its reports"
        hovers.append(hover)
    return text_trace(
        "roles",
        [],
        [],
        [card_text(cards[r.id]) for r in roles],
        [cards[r.id].lines[0].px for r in roles],
        [DIM_TEXT_COLOUR if dims.get(r.id) else TEXT_COLOUR for r in roles],
        FONT_FAMILY,
        customdata=[[r.id, "collapsed" if r.id in rollups else "role"] for r in roles],
        hovertext=hovers,
        hoverinfo="text",
        marker={"opacity": 0.01, "size": 2},
        meta=hiding,
    )


def chips_text(
    cards: Mapping[str, Card],
    by_role: Mapping[str, Escalation],
    segment: str | None,
    org: Organization,
    hiding: dict[str, float],
) -> dict[str, Any]:
    chipped = [(r, card) for r, card in cards.items() if card.chip]
    colours = []
    for role_id, _card in chipped:
        bucket = chip_bucket(role_id, by_role, org.role(role_id).serves, segment)
        colours.append(text_colour_on(chip_colour(bucket)))
    return text_trace(
        "chip-text",
        [],
        [],
        [chip_text(card) for _, card in chipped],
        [card.chip.px for _, card in chipped],
        colours,
        FONT_FAMILY,
        hoverinfo="skip",
        meta=hiding,
    )


def segments_text(
    org: Organization,
    segments: Mapping[str, Card],
    lit: Sequence[str],
    segment: str | None,
    dimming: bool,
    px: float,
    hiding: dict[str, float],
) -> dict[str, Any]:
    chosen = [s for s in org.customers if s.id in segments]
    colours = [
        CUSTOMER_COLOUR if (not dimming or s.id in lit) and segment in (None, s.id) else DIM_TEXT_COLOUR for s in chosen
    ]
    return text_trace(
        "customers",
        [],
        [],
        [card_text(segments[s.id]) for s in chosen],
        [px] * len(chosen),
        colours,
        FONT_FAMILY,
        customdata=[[s.id, "segment"] for s in chosen],
        marker={"opacity": 0.01, "size": 2},
        hovertext=[f"Customers: {html.escape(s.name, quote=False)}" for s in chosen],
        hoverinfo="text",
        meta=hiding,
    )
