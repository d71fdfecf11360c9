"""A chart's cards and their layout in one call, and how many levels fit a chart area.

What the figures draw from: ``chart_cards`` measures the cards of the roles shown (and of the
segments, for the customer-on-top view) and lays them out; ``levels_that_fit`` tells how many
top levels a chart can open on so that every card is drawn at its legible size in an area of
the real chart's size, in both views (the flip happens in the browser, so both must fit), or,
on a screen the user can pan, in a few such areas with the customers and the front line in
the first one's height.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from orgcharts.cardlayout import CardLayout, View, card_layout, fits, front_line_bottom
from orgcharts.cards import SCREEN_TEXT, Card, TextSize, by_role_of, cards_for, segment_card, sizes_of
from orgcharts.collapse import Subtrees, Visible, subtree_totals, visible
from orgcharts.graph import depths, top_down
from orgcharts.metrics import Escalation
from orgcharts.model import Organization

PANNED_SCREENS = 6.0
"""How many chart areas wide and tall a chart the user can pan may open on: enough for the
shipped examples' every level on a laptop screen, few enough that a room can follow the pan."""


@dataclass(frozen=True)
class ChartCards:
    """The cards of one chart and where they go: ``cards`` per role shown, ``segments`` per
    customer segment (customer-on-top view; empty otherwise), and ``layout``."""

    cards: dict[str, Card]
    segments: dict[str, Card]
    layout: CardLayout


def segments_below(org: Organization, tree: nx.DiGraph) -> dict[str, frozenset[str]]:
    """The segments each role serves itself or through any role below it: what a collapsed
    role stands for in the customer band. One bottom-up pass (each report folded into its
    manager, every role seen after all below it), linear in roles times segments. Computed once per tree and kept in
    ``tree.graph`` beside ``top_down``, so callers must not change it."""
    cached = tree.graph.get("segments_below")
    if cached is not None:
        return cached
    manager_of = {role.id: role.reports_to for role in org.roles}
    below = {role.id: frozenset(role.serves) for role in org.roles}
    for role_id in reversed(top_down(org, tree)):
        manager = manager_of[role_id]
        if manager is not None and not below[role_id] <= below[manager]:
            below[manager] |= below[role_id]
    tree.graph["segments_below"] = below
    return below


def chart_cards(
    org: Organization,
    tree: nx.DiGraph,
    view: View,
    found: Sequence[Escalation] | Mapping[str, Escalation] = (),
    decision: str | None = None,
    size: TextSize = SCREEN_TEXT,
    shown: Visible | None = None,
    below: Mapping[str, frozenset[str]] | None = None,
    cards: Mapping[str, Card] | None = None,
) -> ChartCards:
    """The cards of the roles ``shown`` (every role by default; ``collapse.visible`` gives the
    roles and rollups of a partly collapsed chart) at ``size``, with chips and authority for
    ``decision`` from its escalations ``found``, laid out in ``view``.

    In the customer-on-top view every segment gets a card; a collapsed role stands for the
    segments served below it (``below``, from ``segments_below``; computed here if missing
    and a role is collapsed), so each segment sits over the rollups that hold its front line,
    and it faces customers when any role below it does, whatever decision ``shown``'s
    rollups were totalled for. ``cards``: the roles' cards when already measured (they are
    the same in both views)."""
    roles = shown.roles if shown is not None else [role.id for role in org.roles]
    rollups = shown.rollups if shown is not None else {}
    if cards is None:
        cards = cards_for(org, roles, found, rollups, decision, size)
    segments: dict[str, Card] = {}
    serving: dict[str, Iterable[str]] | None = None
    facing: list[str] | None = None
    if view == "inverted":
        segments = {segment.id: segment_card(segment, size) for segment in org.customers}
        if rollups:
            below = below if below is not None else segments_below(org, tree)
            serving = {r: below[r] if r in rollups else org.role(r).serves for r in roles}
            facing = [r for r in roles if serving[r]]
    layout = card_layout(
        org,
        tree,
        sizes_of(cards),
        view,
        size,
        shown=roles if shown is not None else None,
        rollups=rollups,
        segments=sizes_of(segments) or None,
        serving=serving,
        facing=facing,
    )
    return ChartCards(dict(cards), segments, layout)


def levels_that_fit(
    org: Organization,
    tree: nx.DiGraph,
    width_px: float,
    height_px: float,
    found: Sequence[Escalation] | Mapping[str, Escalation] = (),
    decision: str | None = None,
    size: TextSize = SCREEN_TEXT,
    views: Iterable[View] = ("conventional", "inverted"),
    totals: Subtrees | None = None,
    screens: float = 1.0,
) -> int:
    """The most top levels (1 at least) a chart can open on with every one of ``views`` fitting
    at ``size`` in ``screens`` times ``width_px`` by ``screens`` times ``height_px`` pixels
    (``cardlayout.fits``; more than one screen only where the user can pan to the rest), and,
    in the customer-on-top view, its customers and front line within ``height_px`` of its top,
    so the chart opens on them. Levels are opened one at a time, collapsed roles drawn as rollup
    cards (``totals``, by default from ``found``), until one more level would not fit.

    Each try costs what it shows (a card is measured once, for the first try that shows it,
    and serves both views), and a level with more cards than the area could hold at the
    smallest card's size is not laid out: the last one tried shows at most the roles of the
    levels that fit and one level more."""
    views = tuple(views)
    deepest = max(depths(org, tree).values())
    by_role = by_role_of(found)
    totals = totals if totals is not None else subtree_totals(org, tree, list(by_role.values()))
    below = segments_below(org, tree) if "inverted" in views else None
    wide, tall = width_px * screens, height_px * screens
    most_cards = wide * tall / (size.min_width * size.px * size.line_height)
    measured: dict[tuple[str, bool], Card] = {}  # by role and whether it is collapsed: a try measures only what is new
    fitting = 1
    for levels in range(2, deepest + 2):
        shown = visible(org, tree, levels, totals=totals)
        if len(shown.roles) > most_cards:
            return fitting
        new = [r for r in shown.roles if (r, r in shown.rollups) not in measured]
        for role_id, card in cards_for(org, new, by_role, shown.rollups, decision, size).items():
            measured[role_id, role_id in shown.rollups] = card
        cards = {r: measured[r, r in shown.rollups] for r in shown.roles}
        for view in views:
            placed = chart_cards(org, tree, view, by_role, decision, size, shown, below, cards).layout
            if not fits(placed, wide, tall) or front_line_bottom(placed) > height_px:
                return fitting
        fitting = levels
    return fitting
