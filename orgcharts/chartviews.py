"""The cards of a chart laid out in both views, and what a figure drawn from them keeps.

``figures.org_figure`` draws from a ``ChartViews``: the cards of the roles shown, measured once
and laid out in each view (``fitting.chart_cards``), and the traces no selection changes (the
lines, chips, bands and text, in either view), built by the first figure that needs them. A
caller that keeps a ``ChartViews`` for an org, decision and roles shown (the dashboard's
``Computations.views``) draws a click, a flip or an opened team without building those again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import networkx as nx

from orgcharts.cards import TextSize, cards_for
from orgcharts.collapse import Visible
from orgcharts.fitting import ChartCards, chart_cards, segments_below
from orgcharts.metrics import Escalation
from orgcharts.model import Organization
from orgcharts.style import VIEWS, View

Kept = TypeVar("Kept")


@dataclass(frozen=True, eq=False)
class ChartViews:
    """``charts``: the cards and their layout in each view; ``steady``: what the figures
    drawn from them share, by the key its builder gives."""

    charts: dict[View, ChartCards]
    _kept: dict[Hashable, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def steady(self, key: Hashable, build: Callable[[], Kept]) -> Kept:
        """The value under ``key``, built on first use. Two threads drawing at once may both
        build it; the first one kept is the one every later figure gets."""
        with self._lock:
            if key in self._kept:
                return self._kept[key]
        built = build()
        with self._lock:
            return self._kept.setdefault(key, built)


def chart_views(
    org: Organization,
    tree: nx.DiGraph,
    by_role: Mapping[str, Escalation],
    decision: str | None,
    size: TextSize,
    shown: Visible | None,
) -> ChartViews:
    """The cards of the roles ``shown`` (all when None) laid out in each view, each card
    measured once for both."""
    rollups = shown.rollups if shown is not None else {}
    below = segments_below(org, tree) if rollups else None
    drawn = shown.roles if shown is not None else [role.id for role in org.roles]
    measured = cards_for(org, drawn, by_role, rollups, decision, size)
    return ChartViews(
        {
            oriented: chart_cards(org, tree, oriented, by_role, decision, size, shown, below, measured)
            for oriented in VIEWS
        }
    )
