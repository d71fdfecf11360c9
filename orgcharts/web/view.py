"""What the dashboard shows, computed from the session's org text, edits and controls.

Pure functions returning plain data and Plotly figures; the Dash wiring in
``orgcharts.web.app`` only moves these values between the browser and here.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import networkx as nx
import plotly.graph_objects as go

from orgcharts.collapse import Subtrees, depths, opening_levels, subtree_totals, visible
from orgcharts.compare import Comparison, compare
from orgcharts.export import Format, Picture, picture
from orgcharts.figures import HALF_SCREEN, PROJECTOR, SCREEN, Scale, View, org_figure
from orgcharts.graph import reporting_tree
from orgcharts.layout import TreeLayout, tidy_tree
from orgcharts.loader import LoadedOrg, load_text
from orgcharts.metrics import DecisionSummary, Escalation, escalations, layers, median_span, spans, summarize
from orgcharts.model import Organization
from orgcharts.report import format_hops, worst_first
from orgcharts.whatif import Edit, apply_edits, describe


def digest(text: str) -> str:
    """The SHA-256 of ``text``: its identity in the browser's stores and the server's caches.

    Whole, so that a digest cannot be guessed: only someone who holds a text knows its digest.
    """
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


class TextCache:
    """Org texts by digest, so that a session's callbacks send a 64-character digest
    instead of the whole org text (11 MB at 100,000 roles) with every click.

    A cache, not a store: the session's browser keeps the text and sends it again when
    this process lacks it (another worker, a restart, an eviction). The least recently
    used texts go first once ``max_chars`` is exceeded. Safe to share between threads.
    """

    def __init__(self, max_chars: int = 256 * 1024 * 1024) -> None:
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._chars = 0
        self._max_chars = max_chars
        self._lock = threading.Lock()

    def put(self, text: str) -> str:
        """Keep ``text``; return its digest."""
        key = digest(text)
        with self._lock:
            if key in self._texts:
                self._texts.move_to_end(key)
                return key
            self._texts[key] = text
            self._chars += len(text)
            while self._chars > self._max_chars and len(self._texts) > 1:
                _, dropped = self._texts.popitem(last=False)
                self._chars -= len(dropped)
        return key

    def get(self, key: str) -> str | None:
        """The text whose digest is ``key``, or None if this process does not hold it."""
        with self._lock:
            text = self._texts.get(key)
            if text is not None:
                self._texts.move_to_end(key)
            return text


@lru_cache(maxsize=32)
def parse(text: str, source: str) -> LoadedOrg:
    """``load_text``, remembered by content: each callback of a session reads the same text.

    The cache holds results of a pure function keyed by the whole text, never anything
    one session could see of another's.
    """
    return load_text(text, source)


@dataclass(frozen=True, eq=False)
class Structure:
    """The shape of an org, which what-if edits never change (they move authority, not
    people): computed once per org text, shared by every callback and every edit."""

    org: Organization
    digest: str
    tree: nx.DiGraph
    depths: dict[str, int]
    opening_levels: int
    layers: int
    median_span: float | None


@lru_cache(maxsize=16)
def structure(text: str, source: str) -> Structure:
    """The org of ``text`` and its shape, remembered by content like ``parse``."""
    org = parse(text, source).org
    tree = reporting_tree(org)
    return Structure(
        org=org,
        digest=digest(text),
        tree=tree,
        depths=depths(org, tree),
        opening_levels=opening_levels(org, tree),
        layers=len(layers(org, tree)),
        median_span=median_span(spans(org, tree)),
    )


@lru_cache(maxsize=32)
def _layout(shape: Structure, shown: tuple[str, ...] | None) -> TreeLayout:
    return tidy_tree(shape.org, shape.tree, shown)


def find(org: Organization, query: str, most: int = 8) -> list[tuple[str, str]]:
    """Roles whose title, person or id contains ``query`` (any case): (id, description),
    exact id matches first. Linear: 100,000 roles take a few tens of milliseconds."""
    needle = query.strip().casefold()
    if not needle:
        return []
    hits = []
    for role in org.roles:
        if needle == role.id.casefold():
            hits.insert(0, role)
        elif (
            needle in role.title.casefold()
            or needle in role.id.casefold()
            or (role.name and needle in role.name.casefold())
        ):
            hits.append(role)
        if len(hits) >= most and hits[0].id.casefold() == needle:
            break
    return [(role.id, role.title + (f" ({role.name})" if role.name else "")) for role in hits[:most]]


def ancestors(org: Organization, role_id: str) -> list[str]:
    """The chain above a role, nearest first: what must be expanded to show it."""
    chain = []
    current = org.role(role_id)
    while current.reports_to is not None:
        chain.append(current.reports_to)
        current = org.role(current.reports_to)
    return chain


@dataclass(frozen=True)
class Controls:
    """The dashboard's controls, as the browser holds them."""

    view: View = "conventional"
    decision: str | None = None
    amount: float | None = None
    segment: str | None = None
    selected: str | None = None
    present: bool = False
    levels: int | None = None
    expanded: tuple[str, ...] = ()
    via_dotted: bool = False


@dataclass(frozen=True)
class Snapshot:
    """The metrics of one org under the current controls."""

    found: list[Escalation]
    summary: DecisionSummary | None
    layers: int
    median_span: float | None


def snapshot(org: Organization, shape: Structure, controls: Controls) -> Snapshot:
    """Metrics of ``org`` (the loaded org or an edit of it; ``shape`` is the loaded org's)."""
    layer_count, median = shape.layers, shape.median_span
    if controls.decision is None or controls.decision not in org.decision_index:
        return Snapshot([], None, layer_count, median)
    found = escalations(org, shape.tree, controls.decision, controls.amount, via_dotted=controls.via_dotted)
    counted = [e for e in found if controls.segment is None or controls.segment in org.role(e.role).serves]
    return Snapshot(found, summarize(org, counted, by_segment=False), layer_count, median)


@dataclass(frozen=True)
class Card:
    """One metric card: its label, its value now, and its value in the loaded org if edits changed it."""

    key: str
    label: str
    value: str
    before: str | None = None
    better: bool | None = None


def cards(now: Snapshot, loaded: Snapshot) -> list[Card]:
    """The six metric cards, each with the change against the loaded org."""
    result = []
    for key, label, lower_is_better in (
        ("weighted_mean_hops", "weighted mean hops", True),
        ("max_hops", "max hops", True),
        ("empowered_share", "empowered share", False),
        ("unreachable", "no one can decide", True),
    ):
        value, before = _summary_value(now.summary, key), _summary_value(loaded.summary, key)
        changed = value != before and value is not None and before is not None
        result.append(
            Card(
                key,
                label,
                _show(key, value),
                _show(key, before) if changed else None,
                ((value < before) == lower_is_better) if changed else None,  # type: ignore[operator]
            )
        )
    result.append(Card("layers", "layers", str(now.layers)))
    result.append(Card("median_span", "median span", format_hops(now.median_span)))
    return result


def _summary_value(summary: DecisionSummary | None, key: str) -> float | None:
    if summary is None:
        return None
    if key == "unreachable":
        return len(summary.unreachable)
    return getattr(summary, key)


def _show(key: str, value: float | None) -> str:
    if value is None:
        return "–"
    if key == "empowered_share":
        return f"{value:.0%}"
    if key == "weighted_mean_hops":
        return f"{value:.1f}"
    return str(int(value))


def table_rows(org: Organization, found: Sequence[Escalation], segment: str | None) -> list[dict[str, object]]:
    """The hop table, worst first; ``id`` lets a clicked row select its role."""
    rows = []
    for e in worst_first(org, found):
        role = org.role(e.role)
        if segment is not None and segment not in role.serves:
            continue
        rows.append(
            {
                "id": e.role,
                "hops": e.hops if e.hops is not None else "none",
                "sort_hops": e.hops if e.hops is not None else UNREACHABLE_SORT,
                "title": role.title,
                "people": role.headcount,
                "serves": ", ".join(org.segment_index[s].name for s in role.serves),
                "authority": org.role(e.authority).title if e.authority else "no one",
                "path": " → ".join(org.role(step).title for step in e.path),
            }
        )
    return rows


UNREACHABLE_SORT = 1_000_000
"""Where a role no one can decide for sorts among hop counts: after every number."""


def sort_rows(rows: list[dict[str, object]], by: str, descending: bool) -> list[dict[str, object]]:
    """Table rows sorted by a column; hops sort as numbers with "none" the worst, and ties
    keep the worst-first order the rows came in."""
    key = "sort_hops" if by == "hops" else by
    if key not in ("sort_hops", "people"):
        return sorted(rows, key=lambda row: str(row[key]).casefold(), reverse=descending)
    return sorted(rows, key=lambda row: row[key], reverse=descending)  # type: ignore[arg-type, return-value]


def shown_levels(shape: Structure, controls: Controls) -> int:
    """Levels drawn: the user's choice, else as many as the org opens on."""
    return controls.levels if controls.levels else shape.opening_levels


def chart(
    org: Organization,
    shape: Structure,
    found: Sequence[Escalation] | Mapping[str, Escalation],
    controls: Controls,
    revision: str,
    totals: Subtrees | None = None,
    marked: Collection[str] = (),
    scale: Scale | None = None,
    legend: bool = True,
) -> go.Figure:
    """The figure for the controls: ``org`` may carry edits; ``shape`` is the loaded org's.
    ``found`` are the escalations shown (as a list or by role); ``totals`` their subtree
    totals, computed here when not given; ``marked`` roles are ringed. ``scale`` defaults
    to the screen's, or the projector's when presenting; without ``legend``, the page shows
    the key (``figures.org_figure``)."""
    if totals is None:
        totals = subtree_totals(org, shape.tree, list(found.values()) if isinstance(found, Mapping) else found)
    shown = visible(org, shape.tree, shown_levels(shape, controls), controls.expanded, totals)
    layout = _layout(shape, tuple(shown.roles) if shown.rollups else None)
    return org_figure(
        org,
        layout,
        found,
        rollups=shown.rollups,
        decision=controls.decision if controls.decision in org.decision_index else None,
        view=controls.view,
        amount=controls.amount,
        segment=controls.segment,
        selected=controls.selected,
        scale=scale or (PROJECTOR if controls.present else SCREEN),
        revision=revision,
        marked=marked,
        legend=legend,
    )


def picture_of(
    org: Organization, shape: Structure, found: Sequence[Escalation], controls: Controls, fmt: Format
) -> Picture:
    """The chart as the session sees it (view, decision, selection, levels opened, what-if
    edits in ``org``) as a picture to download: ``export.picture``'s page, not the screen's."""
    return picture(
        org,
        shape.tree,
        found,
        fmt,
        decision=controls.decision if controls.decision in org.decision_index else None,
        view=controls.view,
        amount=controls.amount,
        segment=controls.segment,
        selected=controls.selected,
        levels=shown_levels(shape, controls),
        expanded=controls.expanded,
    )


@dataclass(frozen=True)
class SideBySide:
    """Two orgs compared: the metrics and role changes, and both customer-on-top charts
    with the changed roles ringed."""

    comparison: Comparison
    before: go.Figure
    after: go.Figure


def side_by_side(before: Structure, after_org: Organization, after: Structure, controls: Controls) -> SideBySide:
    """``before`` (the loaded org) next to ``after_org`` (the same org with what-if edits,
    whose shape is ``before``'s, or a proposal of shape ``after``), each drawn as it opens,
    customers on top, for the decision, amount and segment of ``controls``."""
    comparison = compare(before.org, after_org, controls.amount)
    drawn = replace(controls, view="inverted", selected=None, present=False, levels=None, expanded=())
    figures = []
    for org, shape in ((before.org, before), (after_org, after)):
        decision = drawn.decision if drawn.decision in org.decision_index else None
        found = escalations(org, shape.tree, decision, drawn.amount, via_dotted=drawn.via_dotted) if decision else []
        shown = replace(drawn, decision=decision)
        figures.append(chart(org, shape, found, shown, "", marked=comparison.changed_roles, scale=HALF_SCREEN))
    return SideBySide(comparison, *figures)


def limits(org: Organization, decision: str | None, most: int = 6) -> list[float]:
    """Amounts worth trying for ``decision``: the limits roles hold, where decision distance
    jumps; at most ``most`` of them, spread from the smallest to the largest."""
    if decision is None or decision not in org.decision_index or org.decision_index[decision].unit is None:
        return []
    found = sorted(
        {a.limit for role in org.roles for a in role.decides if a.decision == decision and a.limit is not None}
    )
    if len(found) <= most:
        return found
    return sorted({found[round(index * (len(found) - 1) / (most - 1))] for index in range(most)})


def parse_edits(raw: object) -> list[Edit]:
    """Edits from the browser's store; anything malformed is dropped, not trusted."""
    if not isinstance(raw, list):
        return []
    edits = []
    for item in raw:
        try:
            edits.append(Edit.from_dict(item))
        except ValueError:
            continue
    return edits


def edited(org: Organization, edits: Sequence[Edit]) -> Organization:
    return apply_edits(org, edits) if edits else org


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything the controls decide that a click on the chart does not change: the edited
    org, its metrics now and as loaded, and the table rows, worst first. What only some
    redraws need is computed on first use and kept with the rest."""

    org: Organization
    shape: Structure
    decision: str | None
    now: Snapshot
    before: Snapshot
    rows: list[dict[str, object]]

    @cached_property
    def by_role(self) -> dict[str, Escalation]:
        return {escalation.role: escalation for escalation in self.now.found}

    @cached_property
    def totals(self) -> Subtrees:
        return subtree_totals(self.org, self.shape.tree, self.now.found)

    @cached_property
    def limits(self) -> list[float]:
        return limits(self.org, self.decision)

    def ordered_rows(self, by: str, descending: bool) -> list[dict[str, object]]:
        """``sort_rows`` of the rows, remembered per order (a dozen at most)."""
        if (by, descending) not in self._orders:
            self._orders[by, descending] = sort_rows(self.rows, by, descending)
        return self._orders[by, descending]

    @cached_property
    def _orders(self) -> dict[tuple[str, bool], list[dict[str, object]]]:
        return {}


def analysis(
    shape: Structure,
    edits: tuple[Edit, ...],
    decision: str | None,
    amount: float | None,
    segment: str | None,
    via_dotted: bool = False,
) -> Analysis:
    """Remembered per org text, edits and control values, so that expanding, flipping or
    selecting redraws the chart without measuring the org again."""
    # lru_cache keys on how arguments are passed: a default left out and the same value passed
    # are two entries. Every call reaches the cache with all six, in order.
    return _analysis(shape, edits, decision, amount, segment, via_dotted)


@lru_cache(maxsize=32)
def _analysis(
    shape: Structure,
    edits: tuple[Edit, ...],
    decision: str | None,
    amount: float | None,
    segment: str | None,
    via_dotted: bool,
) -> Analysis:
    org = edited(shape.org, edits)
    controls = Controls(decision=decision, amount=amount, segment=segment, via_dotted=via_dotted)
    now = snapshot(org, shape, controls)
    before = snapshot(shape.org, shape, controls) if edits else now
    return Analysis(org, shape, decision, now, before, table_rows(org, now.found, segment))


def prepare(text: str, source: str) -> Structure:
    """Shape ``text`` and measure its first decision now, so that the first visitor of a
    100,000-role org does not wait seconds for what every new session opens on."""
    shape = structure(text, source)
    first = shape.org.decisions[0].id if shape.org.decisions else None
    analysis(shape, (), first, None, None).totals  # noqa: B018 - computed for its cache
    return shape


def change_lines(org: Organization, edits: Sequence[Edit]) -> list[str]:
    return [describe(org, edit) for edit in edits]


@dataclass(frozen=True)
class Selection:
    """What the side panel says about the selected role."""

    role: str
    title: str
    person: str | None
    headcount: int
    customer_facing: bool
    escalation: Escalation | None
    authority_text: str
    path_titles: list[str]


def selection(
    org: Organization, found: Sequence[Escalation] | Mapping[str, Escalation], controls: Controls
) -> Selection | None:
    """What the side panel says of the selected role; ``found`` as a list, or by role
    (``Analysis.by_role``: no walk through 100,000 escalations per click)."""
    if controls.selected is None or not org.has_role(controls.selected):
        return None
    role = org.role(controls.selected)
    if isinstance(found, Mapping):
        escalation = found.get(role.id)
    else:
        escalation = next((e for e in found if e.role == role.id), None)
    authority_text = "no decision chosen"
    if controls.decision in org.decision_index:
        decision = org.decision_index[controls.decision]
        held = role.authority_for(decision.id)
        if held is None:
            authority_text = f"cannot decide {decision.name}"
        elif held.limit is not None and decision.unit:
            authority_text = f"can decide {decision.name} up to {held.limit:,g} {decision.unit}"
        else:
            authority_text = f"can decide {decision.name}"
    path_titles = [org.role(step).title for step in escalation.path] if escalation else []
    return Selection(
        role.id, role.title, role.name, role.headcount, role.customer_facing, escalation, authority_text, path_titles
    )
