"""The customer-on-top chart on slides: the whole org at the levels a slide can hold with
every card at 12 pt, then a slide per top-level function: more than one when a function's
teams are too many for one, each as deep as stays legible.

Cards are the dashboard's (``cards``, at ``cards.SLIDE_TEXT``) laid out by ``cardlayout``;
a slide never shrinks them: what does not fit is rolled up into one card per team, and the
footnote says where the rest is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import networkx as nx

from orgcharts.cardlayout import CardLayout, fits
from orgcharts.cards import EXPAND_MARK, SLIDE_TEXT, Card
from orgcharts.collapse import Subtrees, Visible, walk_levels
from orgcharts.deck.plan import SLIDE_WIDTH, Box, Link, Run, Slide, pt_of, with_footnote
from orgcharts.fitting import ChartCards, chart_cards, segments_below
from orgcharts.graph import climb, depths, reporting_tree
from orgcharts.metrics import Escalation
from orgcharts.model import Organization
from orgcharts.style import (
    BAND_COLOUR,
    CARD_BORDER,
    CARD_FILL,
    CHANGED_COLOUR,
    CUSTOMER_COLOUR,
    EDGE_COLOUR,
    ROLLUP_FILL,
    SEGMENT_FILL,
    TEXT_COLOUR,
    hop_colour,
)
from orgcharts.textsize import text_width, wrap_to_width

MARGIN = 40
AREA_TOP = 84
AREA_HEIGHT = 596
"""The chart's room on a slide, under the title and over the footnote."""
MAX_PAGES_PER_FUNCTION = 4
"""A function with more teams than that many slides hold shows its first teams; the footnote
sends the reader to the dashboard for the others."""
MAX_FUNCTION_SLIDES = 40
CHIP_TEXT = {0: "#2166ac", 1: "#2f6f99", 2: "#a4512a", 3: "#b03a2e", 4: "#b2182b", None: "#111111"}
"""Hops written in the hue of their colour on the chart, each dark enough to read on white."""


@dataclass(frozen=True)
class Drawing:
    """What a chart slide draws: which roles, which decision colours the chips, which roles
    are marked as changed (a proposal)."""

    org: Organization
    tree: nx.DiGraph
    found: Sequence[Escalation]
    decision: str | None
    totals: Subtrees
    marked: Collection[str] = frozenset()


def whole_org_slide(drawing: Drawing, title: str, where_rest: str) -> tuple[Slide, int]:
    """The whole org, as many top levels as fit; and how many levels that is."""
    shown, levels = _deepest_that_fits(drawing)
    deepest = max(depths(drawing.org, drawing.tree).values()) + 1
    footnote = ""
    if levels < deepest:
        footnote = (
            f"The top {levels} of {deepest} levels; each deeper team is one card (its roles and people). {where_rest}"
        )
    return _slide(drawing, shown, title, footnote), levels


def function_slides(drawing: Drawing, where_rest: str) -> list[Slide]:
    """A slide per top-level function: a role reporting to the top that has a team, drawn
    as an org of its own with its head at the bottom, its teams split over more slides when
    one cannot hold them: at most ``MAX_PAGES_PER_FUNCTION`` per function and
    ``MAX_FUNCTION_SLIDES`` in all."""
    org, tree = drawing.org, drawing.tree
    heads = [head for head in tree.successors(org.top.id) if tree.out_degree(head)]
    slides: list[Slide] = []
    for number, head in enumerate(heads):
        if len(slides) >= MAX_FUNCTION_SLIDES:
            left = ", ".join(org.role(h).title for h in heads[number:])
            slides[-1] = with_footnote(slides[-1], f"Not on a slide: {left}. {where_rest}")
            break
        slides += _pages(_one_function_drawing(drawing, head), where_rest)
    return slides


def _one_function_drawing(drawing: Drawing, head: str) -> Drawing:
    """The function under ``head`` as an org of its own, ``head`` its top: every role keeps
    its card, hops and totals from the whole org."""
    org, tree = drawing.org, drawing.tree
    members = {head, *(report for _, report in nx.bfs_edges(tree, head))}
    roles = tuple(
        dataclasses.replace(role, reports_to=None) if role.id == head else role
        for role in org.roles
        if role.id in members
    )
    function = dataclasses.replace(org, roles=roles)
    found = [escalation for escalation in drawing.found if escalation.role in members]
    return Drawing(function, reporting_tree(function), found, drawing.decision, drawing.totals, drawing.marked)


def _pages(drawing: Drawing, where_rest: str) -> list[Slide]:
    org, tree = drawing.org, drawing.tree
    head = org.top.id
    teams = list(tree.successors(head))
    chunks: list[list[str]] = []
    start = 0
    while start < len(teams) and len(chunks) < MAX_PAGES_PER_FUNCTION:
        count = _most_that_fit(drawing, teams[start:])
        chunks.append(teams[start : start + count])
        start += count
    deepest = max(depths(org, tree).values()) + 1
    slides = []
    for number, chunk in enumerate(chunks):
        shown, levels = _deepest_that_fits(drawing, chunk if len(chunk) < len(teams) else None)
        title = org.role(head).title
        notes = []
        if len(chunks) > 1 or start < len(teams):
            title += f" ({number + 1} of {len(chunks)})"
            notes.append(f"Teams {teams.index(chunk[0]) + 1} to {teams.index(chunk[-1]) + 1} of {len(teams)}.")
        if levels < deepest:
            notes.append(f"The top {levels} of the function's {deepest} levels; deeper teams are one card each.")
        if number == len(chunks) - 1 and start < len(teams):
            notes.append(f"{len(teams) - start} more teams are not on a slide.")
        if levels < deepest or start < len(teams):
            notes.append(where_rest)
        slides.append(_slide(drawing, shown, title, " ".join(notes)))
    return slides


def _deepest_that_fits(drawing: Drawing, teams: list[str] | None = None) -> tuple[Visible, int]:
    """The most levels of the org (its top's ``teams`` only, when given) that fit on a
    slide, and how many levels that is (1: the top alone, its team one card)."""
    top = drawing.org.top.id
    deepest = max(depths(drawing.org, drawing.tree).values()) + 1
    chosen, levels = _shown(drawing, top, 0 if teams is None else 1, teams), 1 if teams is None else 2
    for below in range(levels, deepest):
        shown = _shown(drawing, top, below, teams)
        if not _fits(drawing, shown):
            break
        chosen, levels = shown, below + 1
    return chosen, levels


def _most_that_fit(drawing: Drawing, teams: list[str]) -> int:
    """How many of ``teams`` (at least one), in order, fit on a slide under their head."""
    top = drawing.org.top.id
    if _fits(drawing, _shown(drawing, top, 1, teams)):
        return len(teams)
    low, high = 1, len(teams)  # low fits (or is the least we show), high does not
    while high - low > 1:
        middle = (low + high) // 2
        if _fits(drawing, _shown(drawing, top, 1, teams[:middle])):
            low = middle
        else:
            high = middle
    return low


def _shown(drawing: Drawing, top: str, below: int, teams: list[str] | None = None) -> Visible:
    """The ``top`` and, under it, ``teams`` (by default all its reports) with ``below - 1``
    levels under them (``below`` 0: the top's team is one card); roles whose reports are
    hidden carry their team's totals."""
    teams = teams if teams is not None else list(drawing.tree.successors(top))
    if below == 0:
        shown, collapsed = [top], ([top] if teams else [])
    else:
        under, collapsed = walk_levels(drawing.tree, teams, below - 1)
        shown = [top, *under]
    return Visible(shown, {role_id: drawing.totals.rollup(role_id) for role_id in collapsed})


def _chart(drawing: Drawing, shown: Visible) -> ChartCards:
    below = segments_below(drawing.org, drawing.tree)
    return chart_cards(drawing.org, drawing.tree, "inverted", drawing.found, drawing.decision, SLIDE_TEXT, shown, below)


def _band_room(layout: CardLayout) -> float:
    """The room left of the chart for the band names, each wrapped at its words."""
    words = [word for band in layout.bands for word in band.name.split()]
    return max((text_width(word, SLIDE_TEXT.px, "bold") for word in words), default=0.0) + SLIDE_TEXT.px


def _fits(drawing: Drawing, shown: Visible) -> bool:
    layout = _chart(drawing, shown).layout
    return fits(layout, SLIDE_WIDTH - 2 * MARGIN - _band_room(layout), AREA_HEIGHT)


def _slide(drawing: Drawing, shown: Visible, title: str, footnote: str) -> Slide:
    chart = _chart(drawing, shown)
    layout = chart.layout
    room = _band_room(layout)
    width, _ = layout.extent
    left = MARGIN + room + max(0.0, (SLIDE_WIDTH - 2 * MARGIN - room - width) / 2)
    boxes = [
        Box(
            MARGIN,
            AREA_TOP + band.top,
            room - SLIDE_TEXT.px / 2,
            max(band.height, SLIDE_TEXT.px * SLIDE_TEXT.line_height),
            tuple(
                (Run(line, pt_of(SLIDE_TEXT.px), bold=True, colour=BAND_COLOUR),)
                for line in wrap_to_width(band.name, room - SLIDE_TEXT.px, SLIDE_TEXT.px, "bold")
            ),
            align="left",
        )
        for band in layout.bands
    ]
    for segment, card in chart.segments.items():
        place = layout.customers[segment]
        boxes.append(
            _card_box(
                card, left + place.left, AREA_TOP + place.top, f"segment:{segment}", SEGMENT_FILL, CUSTOMER_COLOUR
            )
        )
    marked = _marked(drawing, layout.x)
    for role_id, card in chart.cards.items():
        box = layout.box(role_id)
        fill = ROLLUP_FILL if role_id in shown.rollups else CARD_FILL
        border, border_px = (CARD_BORDER, 1.0) if card.chip is None else (hop_colour(card.chip.bucket), 3.0)
        if role_id in marked:
            border, border_px = CHANGED_COLOUR, 4.0
        boxes.append(_card_box(card, left + box.left, AREA_TOP + box.top, role_id, fill, border, border_px))
    links = _reporting_links(drawing.org, layout, left, AREA_TOP)
    return Slide(title, tuple(boxes), tuple(links), footnote=footnote)


def _marked(drawing: Drawing, shown: Collection[str]) -> set[str]:
    """The shown roles that are marked, or hold a marked role in the team they stand for."""
    org = drawing.org
    return {
        next(role for role in climb(org, changed) if role in shown)
        for changed in drawing.marked
        if org.has_role(changed)
    }


def _card_box(card: Card, left: float, top: float, key: str, fill: str, border: str, border_px: float = 1.0) -> Box:
    """One shape per card, its hops the last lines (in a text colour of the hop's hue dark
    enough to read on white, the border in the chart's colour), so a card moves as one."""
    paragraphs = tuple(
        (Run(line.text.removeprefix(EXPAND_MARK).strip(), pt_of(line.px), line.style == "bold", TEXT_COLOUR),)
        for line in card.lines
    )
    if card.chip is not None:
        colour = CHIP_TEXT[card.chip.bucket]
        paragraphs += tuple((Run(line, pt_of(card.chip.px), True, colour),) for line in card.chip.lines)
    return Box(left, top, card.width, card.height, paragraphs, fill, border, border_px, rounded=True, key=key)


def _reporting_links(org: Organization, layout: CardLayout, left: float, top: float) -> list[Link]:
    """An org-chart elbow from each manager to each column of its team (a stacked column
    reads as one team: the line joins the card nearest the manager): off the manager's
    edge facing the team to a bar half a gap away, across, and into the report's facing
    edge, as the dashboard draws them. The layout keeps that way clear of other cards."""
    nearest: dict[tuple[str, float], str] = {}
    for role_id in layout.x:
        manager = org.role(role_id).reports_to
        if manager is None or manager not in layout.x:
            continue
        column = (manager, round(layout.x[role_id], 1))
        held = nearest.get(column)
        if held is None or abs(layout.top[role_id] - layout.top[manager]) < abs(layout.top[held] - layout.top[manager]):
            nearest[column] = role_id
    links = []
    for (manager, _), report in nearest.items():
        below = layout.top[report] > layout.top[manager]
        edge = layout.top[manager] + (layout.height[manager] if below else 0.0)
        reach = layout.top[report] + (0.0 if below else layout.height[report])
        bar = edge + (1 if below else -1) * min(abs(reach - edge) / 2, SLIDE_TEXT.row_gap / 2)
        start, end = left + layout.x[manager], left + layout.x[report]
        points = ((start, top + edge), (start, top + bar), (end, top + bar), (end, top + reach))
        links.append(Link(manager, report, EDGE_COLOUR, points=points))
    return links
