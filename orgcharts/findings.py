"""The three to five findings that matter most, in sentences a consultant would say, each
with its number: what the table output, the dashboard and the board pack open with.

The rules that choose them are documented in docs/diagnostics.md ("Findings"); each rule
below is one function that returns a sentence or None, tried in order of importance.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import networkx as nx

from orgcharts import catalog
from orgcharts.amounts import Asked, request_words, resolve
from orgcharts.graph import depths, reporting_tree
from orgcharts.metrics import DecisionSummary, Escalation, escalations, median_span, spans, summarize
from orgcharts.model import Organization
from orgcharts.words import counted

MOST_FINDINGS = 5
FEWEST_FINDINGS = 3
SEGMENT_GAP_HOPS = 0.5
"""Segments whose weighted mean hops differ by less than this are not worth a sentence."""


@dataclass(frozen=True)
class _Facts:
    """What the rules read: the org, the decision measured, its escalations and summary."""

    org: Organization
    tree: nx.DiGraph
    asked: Asked | None
    found: Sequence[Escalation]
    summary: DecisionSummary | None

    @property
    def facing_people(self) -> int:
        return sum(self.org.role(e.role).headcount for e in self.found)

    @property
    def request(self) -> str:
        """The decision and amount as a sentence says it mid-way: "a refund or bill credit of 200 USD"."""
        assert self.asked is not None
        return _lower_first(request_words(self.asked))


def headline_findings(org: Organization, decision_id: str | None = None, amount: float | None = None) -> list[str]:
    """Three to five sentences, most important first, about ``decision_id`` (None: the
    decision customer-facing people climb farthest for, by weighted mean hops, the first in
    file order among equals) at ``amount`` (None: as ``amounts.resolve`` chooses).

    Fewer than three only when the org has too little to say (no customer-facing role).
    """
    tree = reporting_tree(org)
    facts = _facts(org, tree, decision_id, amount)
    rules: tuple[Callable[[_Facts], str | None], ...] = (
        _farthest_role,
        _unreachable,
        _empowered,
        _segment_gap,
        _layers,
        _narrow_spans,
    )
    found = [sentence for rule in rules if (sentence := rule(facts)) is not None]
    return found[:MOST_FINDINGS]


def _facts(org: Organization, tree: nx.DiGraph, decision_id: str | None, amount: float | None) -> _Facts:
    if not org.decisions:
        return _Facts(org, tree, None, (), None)
    chosen = [decision_id] if decision_id is not None else [d.id for d in org.decisions]
    measured = []
    for decision in chosen:
        asked = resolve(org.decision_index[decision], amount)
        found = escalations(org, tree, decision, asked.amount)
        measured.append(_Facts(org, tree, asked, found, summarize(org, found)))
    return max(measured, key=lambda facts: _mean_hops(facts.summary))


def _mean_hops(summary: DecisionSummary | None) -> float:
    return -1.0 if summary is None or summary.weighted_mean_hops is None else summary.weighted_mean_hops


def _lower_first(text: str) -> str:
    """A name mid-sentence: "Refund or bill credit" reads "refund or bill credit", "USD refund" stays."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _percent(part: float, whole: float) -> str:
    return f"{part / whole:.0%}" if whole else "0%"


def _farthest_role(facts: _Facts) -> str | None:
    """The customer-facing role whose people climb most in all (headcount x hops), ties to
    the first in file order: who waits most for this decision."""
    climbing = [e for e in facts.found if e.hops]
    if not climbing:
        return None
    worst = max(climbing, key=lambda e: facts.org.role(e.role).headcount * (e.hops or 0))
    role = facts.org.role(worst.role)
    share = _percent(role.headcount, facts.facing_people)
    return (
        f"{role.title} ({counted(role.headcount, 'person')}, {share} of your customer-facing people) "
        f"climb {counted(worst.hops or 0, 'hop')} before anyone can decide {facts.request}."
    )


def _unreachable(facts: _Facts) -> str | None:
    """Customer-facing people for whom no one in the chain can decide at all."""
    if facts.summary is None or not facts.summary.unreachable:
        return None
    people = sum(facts.org.role(role).headcount for role in facts.summary.unreachable)
    return (
        f"No one above {counted(people, 'customer-facing person')} "
        f"({_percent(people, facts.facing_people)}, {counted(len(facts.summary.unreachable), 'role')}) "
        f"can decide {facts.request}: their requests climb to the top in vain."
    )


def _empowered(facts: _Facts) -> str | None:
    """The share of customer-facing people who decide on the spot."""
    if facts.summary is None or not facts.found:
        return None
    share = facts.summary.empowered_share
    if share == 0:
        return f"None of your customer-facing people can decide {facts.request} on the spot."
    lead = "Only " if share < 0.5 else ""
    return f"{lead}{share:.0%} of your customer-facing people can decide {facts.request} on the spot."


def _segment_gap(facts: _Facts) -> str | None:
    """The segments farthest from and nearest to a decision, when they differ enough."""
    if facts.summary is None:
        return None
    measured = [
        (summary.weighted_mean_hops, segment)
        for segment in facts.org.customers
        if (summary := facts.summary.by_segment.get(segment.id)) is not None and summary.weighted_mean_hops is not None
    ]
    if len(measured) < 2:
        return None
    far_hops, far = max(measured, key=lambda pair: pair[0])
    near_hops, near = min(measured, key=lambda pair: pair[0])
    if far_hops - near_hops < SEGMENT_GAP_HOPS:
        return None
    return (
        f"{far.name} are the farthest from a decision: {far_hops:.1f} hops on average for {facts.request}, "
        f"against {near_hops:.1f} for {near.name}."
    )


def _layers(facts: _Facts) -> str | None:
    """How deep the front line sits below the top: the distance its voice must climb."""
    org = facts.org
    depth = depths(org, facts.tree)
    facing = [role for role in org.roles if role.customer_facing]
    if not facing:
        return None
    deepest = max(depth[role.id] + 1 for role in facing)
    return (
        f"Your customer-facing people sit as deep as layer {deepest} below the top ({org.top.title}): "
        f"the distance their voice climbs to reach strategy."
    )


NARROW_SPAN = 3
"""A manager with this many direct reports or fewer adds a layer without adding much reach."""


def _narrow_spans(facts: _Facts) -> str | None:
    """How many managers have narrow spans, beside the median span."""
    found = spans(facts.org, facts.tree)
    if not found:
        return None
    narrow = sum(1 for span in found if span.positions <= NARROW_SPAN)
    return (
        f"Your {counted(len(found), 'manager')} have a median span of {catalog.show('median_span', median_span(found))} "
        f"(direct reports per manager); {narrow} ({_percent(narrow, len(found))}) have {NARROW_SPAN} or fewer, "
        "each a layer a request may climb."
    )
