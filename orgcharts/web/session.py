"""A session's org measured: its text parsed, its shape, and its metrics under the
controls and what-if edits (parse, structure, analysis). No Dash here: the callbacks
only move these values between the browser and here.

``Computations`` remembers the results, per app: each callback of a session reads the same
text, and an expand, a flip or a selection redraws without measuring the org again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

import networkx as nx

from orgcharts.amounts import Asked, Basis, resolve
from orgcharts.budget import admit, analyse_max_bytes, at_low_priority, checkpoint
from orgcharts.bytecache import ByteBoundedCache, cache_max_bytes
from orgcharts.cards import TextSize
from orgcharts.chartviews import ChartViews, chart_views
from orgcharts.collapse import Subtrees, Visible, opening_levels, subtree_totals
from orgcharts.figures import View
from orgcharts.graph import depths, reporting_tree
from orgcharts.loader import LoadedOrg, load_text
from orgcharts.metrics import DecisionSummary, Escalation, escalations, layers, median_span, spans, summarize
from orgcharts.metrics.diagnostics import Diagnosis, diagnose
from orgcharts.model import Organization
from orgcharts.report import worst_first
from orgcharts.whatif import Edit, apply_edits, describe


def digest(text: str) -> str:
    """The SHA-256 of ``text``: its identity in the browser's stores and the server's caches.

    Whole, so that a digest cannot be guessed: only someone who holds a text knows its digest.
    """
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


@dataclass(frozen=True, eq=False)
class Structure:
    """The shape of an org, which what-if edits never change (they move authority, not
    people): computed once per org text, shared by every callback and every edit."""

    org: Organization
    digest: str
    source: str
    text_bytes: int
    tree: nx.DiGraph
    depths: dict[str, int]
    opening_levels: int
    layers: int
    median_span: float | None


Kept = TypeVar("Kept")

COST_PER_TEXT_BYTE = {"parse": 8, "structure": 10, "analysis": 15, "diagnosis": 15, "views": 50, "upload": 8}
"""What an entry costs in memory per byte of its org's text: tracemalloc's figures on the
largest shapes (a chain, a wide generated org), rounded up (docs/performance.md)."""


class Computations:
    """The org texts parsed, shaped, laid out and measured, remembered for one app in one
    cache bounded in bytes (``bytecache``), the least recently used dropped first.

    Each entry holds a result of a pure function keyed by the whole text (or a shape of it),
    never anything one session could see of another's; two apps in one process share none.
    """

    def __init__(self, max_bytes: int | None = None, max_analysed_bytes: int | None = None) -> None:
        self.max_analysed_bytes = analyse_max_bytes() if max_analysed_bytes is None else max_analysed_bytes
        self.cache: ByteBoundedCache[Any] = ByteBoundedCache(
            cache_max_bytes() if max_bytes is None else max_bytes, share=1 / 3
        )

    def _kept(self, kind: str, key: tuple[object, ...], text_bytes: int, build: Callable[[], Kept]) -> Kept:
        return self.cache.get(
            (kind, *key), lambda: at_low_priority(build, text_bytes), COST_PER_TEXT_BYTE[kind] * text_bytes
        )

    def parse(self, text: str, source: str) -> LoadedOrg:
        """``load_text``, remembered by content; an org over the server's budget is refused
        before any work (``budget.admit``)."""
        admit(len(text.encode("utf-8", errors="surrogatepass")), source, self.max_analysed_bytes)
        loaded = self._kept("parse", (text, source), len(text), lambda: self._parse(text, source))
        checkpoint("reading it", source)
        return loaded

    def upload(self, data: bytes, name: str, read: Callable[[], LoadedOrg]) -> LoadedOrg:
        """``read()``, the loader's reading of an uploaded file's ``data`` named ``name``,
        remembered by content like ``parse``: the same file uploaded again (another tab,
        another session) is not read again. A file that does not load is never kept."""
        return self._kept("upload", (data, name), len(data), read)

    def structure(self, text: str, source: str) -> Structure:
        """The org of ``text`` and its shape, remembered by content like ``parse``."""
        return self._kept("structure", (text, source), len(text), lambda: self._structure(text, source))

    def diagnosis(
        self, shape: Structure, edits: tuple[Edit, ...], decision: str | None, amount: float | None
    ) -> Diagnosis:
        """``_diagnose``, remembered like ``analysis``."""
        key = (shape, edits, decision, amount)
        return self._kept("diagnosis", key, shape.text_bytes, lambda: self._diagnose(*key))

    @staticmethod
    def _parse(text: str, source: str) -> LoadedOrg:
        """``load_text``, remembered by content."""
        return load_text(text, source)

    def _structure(self, text: str, source: str) -> Structure:
        """Each step linear in the org, with the request's time budget checked after each."""
        org = self.parse(text, source).org
        tree = reporting_tree(org)
        checkpoint("shaping it", source)
        role_depths = depths(org, tree)
        checkpoint("shaping it", source)
        opening = opening_levels(org, tree)
        checkpoint("shaping it", source)
        layer_count = len(layers(org, tree))
        checkpoint("shaping it", source)
        median = median_span(spans(org, tree))
        checkpoint("shaping it", source)
        return Structure(org, digest(text), source, len(text), tree, role_depths, opening, layer_count, median)

    def analysis(
        self,
        shape: Structure,
        edits: tuple[Edit, ...],
        decision: str | None,
        amount: float | None,
        segment: str | None,
        via_dotted: bool = False,
    ) -> Analysis:
        """Remembered per org text, edits and control values, so that expanding, flipping or
        selecting redraws the chart without measuring the org again. Only the edits of
        ``decision`` count: everything an analysis shows is of that one decision, so a session
        that changed others shares the analysis (and the chart's cards) of the org as loaded.
        Its ``org`` has those edits alone: a caller wanting every edit applies them itself."""
        own = tuple(edit for edit in edits if edit.decision == decision)
        key = (shape, own, decision, amount, segment, via_dotted)
        return self._kept("analysis", key, shape.text_bytes, lambda: self._measure(*key))

    def views(self, measured: Analysis, shown: Visible | None, decision: str | None, size: TextSize) -> ChartViews:
        """``chartviews.chart_views`` of ``measured``'s org and escalations, remembered per roles
        shown: a click, a flip or a team opened that leaves them as they were redraws the
        chart without measuring and laying out its cards again."""
        drawn = (tuple(shown.roles), tuple(shown.rollups)) if shown is not None else None
        key = (measured.measured_as, drawn, decision, size)
        org = measured.org
        return self._kept(
            "views", key, measured.shape.text_bytes,
            lambda: chart_views(org, measured.shape.tree, measured.by_role, decision, size, shown),
        )  # fmt: skip

    @staticmethod
    def _measure(
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
        checkpoint("measuring it", shape.source)
        before = snapshot(shape.org, shape, controls) if edits else now
        checkpoint("measuring it", shape.source)
        rows = table_rows(org, now.found, segment)
        checkpoint("measuring it", shape.source)
        return Analysis(org, shape, decision, now, before, rows, (shape, edits, decision, amount, segment, via_dotted))

    @staticmethod
    def _diagnose(shape: Structure, edits: tuple[Edit, ...], decision: str | None, amount: float | None) -> Diagnosis:
        """``metrics.diagnostics.diagnose`` of the edited org for ``decision`` (None: every
        decision) at ``amount`` (None: each decision's request mix), remembered like ``analysis``."""
        diagnosis = diagnose(edited(shape.org, edits), [decision] if decision else (), amount)
        checkpoint("diagnosing it", shape.source)
        return diagnosis

    def prepare(self, text: str, source: str) -> Structure:
        """Shape ``text`` and measure its first decision now, so that the first visitor of a
        100,000-role org does not wait seconds for what every new session opens on."""
        shape = self.structure(text, source)
        first = shape.org.decisions[0] if shape.org.decisions else None
        amount = resolve(first).amount if first else None
        self.analysis(shape, (), first.id if first else None, amount, None).totals  # noqa: B018 - for its cache
        return shape


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
    area: tuple[int, int] | None = None
    """The chart's size in the browser, in pixels, once the browser has told it."""
    amount_basis: Basis = "none"
    """Why ``amount`` is what it is (``amounts.resolve``): given, typical, none or no unit."""


def asked(org: Organization, controls: Controls) -> Asked | None:
    """The amount the figures are measured at, as ``amounts`` says it (``amount_words``,
    ``request_words``); None without a decision."""
    decision = org.decision_index.get(controls.decision) if controls.decision else None
    return None if decision is None else Asked(decision, controls.amount, controls.amount_basis)


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
                "path": PathText(org, e.path),
            }
        )
    return rows


class PathText:
    """A row's path as people read it ("Clerk → Store manager → Operations"), written out
    only when the row is shown: a table of 10,000 paths each 10,000 roles long costs the rows
    on screen, not 50 million titles. Equal to the string it writes."""

    __slots__ = ("_org", "_path")

    def __init__(self, org: Organization, path: Sequence[str]) -> None:
        self._org = org
        self._path = path

    def __str__(self) -> str:
        return " → ".join(self._org.role(step).title for step in self._path)

    def __eq__(self, other: object) -> bool:
        return str(self) == other if isinstance(other, str) else NotImplemented

    __hash__ = None  # type: ignore[assignment]


UNREACHABLE_SORT = 1_000_000
"""Where a role no one can decide for sorts among hop counts: after every number."""


def sort_rows(rows: list[dict[str, object]], by: str, descending: bool) -> list[dict[str, object]]:
    """Table rows sorted by a column; hops sort as numbers with "none" the worst, paths by
    the role they end at, then their length, and ties keep the worst-first order the rows
    came in."""
    key = "sort_hops" if by == "hops" else by
    if key == "path":  # where a path ends, then how long it is: without writing every path out
        return sorted(
            rows,
            key=lambda row: (str(row["authority"]).casefold(), row["sort_hops"], str(row["title"]).casefold()),
            reverse=descending,
        )
    if key not in ("sort_hops", "people"):
        return sorted(rows, key=lambda row: str(row[key]).casefold(), reverse=descending)
    return sorted(rows, key=lambda row: row[key], reverse=descending)  # type: ignore[arg-type, return-value]


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
    """Everything the controls decide that a click on the chart does not change: the org with
    the decision's edits, its metrics now and as loaded, and the table rows, worst first. What only some
    redraws need is computed on first use and kept with the rest."""

    org: Organization
    shape: Structure
    decision: str | None
    now: Snapshot
    before: Snapshot
    rows: list[dict[str, object]]
    measured_as: tuple[object, ...] = ()
    """What ``Computations.analysis`` measured it for: the key of what is kept beside it."""

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


def change_lines(org: Organization, edits: Sequence[Edit]) -> list[str]:
    return [describe(org, edit) for edit in edits]
