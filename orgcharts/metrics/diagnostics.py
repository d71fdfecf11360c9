"""The customer-centricity diagnostics: hops turned into requests a week, load on the roles
that decide, and hours of customer wait, per decision and per customer segment.

Every function is pure and linear in the number of roles (times the number of amounts in a
request mix). The definitions, with their formulas, are in docs/diagnostics.md; the
front line's conditions, segment attention, span bands and layers are in
``metrics.conditions``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import networkx as nx

from orgcharts.amounts import Asked, resolve
from orgcharts.errors import UnknownIdError
from orgcharts.graph import reporting_tree, sight_graph
from orgcharts.metrics.conditions import (
    Attention,
    Condition,
    FrontLineLayers,
    front_line_conditions,
    layers_to_front_line,
    segment_attention,
    span_bands,
)
from orgcharts.metrics.escalation import Escalation, nearest_authorities
from orgcharts.model import Organization, Share


@dataclass(frozen=True)
class RequestFigures:
    """What customers' requests for one decision do, over a set of customer-facing roles.

    ``requests_per_week``, ``escalated_per_week`` and ``unreachable_per_week`` are None
    when the decision gives no ``requests.per_person_per_week``; ``expected_hops`` is
    None when no request (or, without a rate, no person) reaches an authority;
    ``mean_wait_hours`` is None also without ``escalation.hours_per_hop``.
    """

    requests_per_week: float | None
    escalated_per_week: float | None
    unreachable_per_week: float | None
    expected_hops: float | None
    mean_wait_hours: float | None
    wait_hours_per_week: float | None = None
    """The customers' wait summed over every reachable request of a week (needs a rate and
    ``hours_per_hop``): what a what-if change saves, in hours."""


@dataclass(frozen=True, slots=True)
class RoleRequests:
    """One customer-facing role's requests for one decision: ``weight`` is its requests a
    week (without a rate: headcount x share), ``escalated`` and ``unreachable`` the parts of
    it that climb at least one hop or reach no one, ``hop_weight`` the sum of weight x hops
    over the reachable part, ``reachable`` that part's weight."""

    weight: float = 0.0
    escalated: float = 0.0
    unreachable: float = 0.0
    hop_weight: float = 0.0
    reachable: float = 0.0

    @property
    def mean_hops(self) -> float | None:
        return self.hop_weight / self.reachable if self.reachable else None


@dataclass(frozen=True)
class DecisionDiagnosis:
    """One decision's requests: ``mix`` is what was measured (each amount with its share;
    one entry at share 1 when an amount, the typical amount, or no amount was used),
    ``amount`` the single amount used (None for a mix, or when none applies), ``asked``
    as ``amounts.resolve`` chose it when no mix was used (None for a mix).

    ``load`` holds each role's requests decided a week, only those above 0, and is None
    without a rate; ``roles`` each customer-facing role's ``RoleRequests``."""

    decision: str
    amount: float | None
    asked: Asked | None
    mix: tuple[Share, ...]
    rated: bool
    overall: RequestFigures
    load: dict[str, float] | None
    by_segment: dict[str, RequestFigures]
    roles: dict[str, RoleRequests] = field(repr=False)


def request_mix(
    org: Organization, decision_id: str, amount: float | None = None
) -> tuple[Asked | None, tuple[Share, ...]]:
    """The amounts a decision's requests are measured at, each with its share.

    An ``amount`` given replaces the decision's mix with that amount at share 1; without
    one, the decision's ``requests.amounts`` if it gives them; without those, the amount
    ``amounts.resolve`` chooses (the typical amount, or none) at share 1. A decision
    without a unit has one request kind, at no amount, share 1. ``Asked`` is None for a mix.
    """
    decision = org.decision_index[decision_id]
    if decision.unit and amount is None and decision.mix:
        return None, decision.mix
    asked = resolve(decision, amount)
    return asked, (Share(asked.amount, 1.0),)  # type: ignore[arg-type]  # None: no amount applies


def diagnose_decision(
    org: Organization, tree: nx.DiGraph, decision_id: str, amount: float | None = None
) -> DecisionDiagnosis:
    """Requests, load, escalations, expected hops and wait for ``decision_id``.

    For a customer-facing role R with headcount h serving k segments, and each amount a
    of the mix with share s: R sends ``h x per_person_per_week x s`` requests a week for a
    (without a rate, weight ``h x s``), which climb to the nearest authority A(R, a)
    (``escalation.nearest_authorities``, as ``escalations`` finds it) or reach no one. A's load counts them (its own at 0 hops
    included); those at 1 hop or more are escalated. ``expected_hops`` is the weighted mean
    of hops over the reachable ones, and ``mean_wait_hours`` it times ``hours_per_hop``.
    Each of R's segments gets 1/k of R's requests. So ``sum(load) + unreachable`` equals
    the total requests.
    """
    if decision_id not in org.decision_index:
        raise UnknownIdError(f"'{decision_id}' is not a decision of {org.name}")
    asked, mix = request_mix(org, decision_id, amount)
    rate = org.decision_index[decision_id].requests_per_person_per_week
    rated = rate is not None
    per_person = rate if rate is not None else 1.0
    totals: dict[str, list[float]] = {}
    load: dict[str, float] = {}
    decision = org.decision_index[decision_id]
    facing = [role for role in org.roles if role.customer_facing]
    for share in mix:
        # a decision without a unit has no amount: its limits never apply (``escalations``)
        nearest = nearest_authorities(org, tree, decision_id, share.amount if decision.unit else None)
        for role in facing:
            holder, hops = nearest[role.id]
            weight = role.headcount * per_person * share.share
            kept = totals.setdefault(role.id, [0.0, 0.0, 0.0, 0.0, 0.0])
            kept[0] += weight
            if holder is None:
                kept[2] += weight
                continue
            kept[1] += weight if hops else 0.0
            kept[3] += weight * hops
            kept[4] += weight
            load[holder] = load.get(holder, 0.0) + weight
    overall = [0.0] * 5
    by_segment = {segment.id: [0.0] * 5 for segment in org.customers}
    for role_id, kept in totals.items():
        served = org.role(role_id).serves
        for position, value in enumerate(kept):
            overall[position] += value
            for segment in served:
                by_segment[segment][position] += value / len(served)
    return DecisionDiagnosis(
        decision=decision_id,
        amount=None if asked is None else asked.amount,
        asked=asked,
        mix=mix,
        rated=rated,
        overall=_figures(org, overall, rated),
        load={role: value for role, value in load.items() if value > 0} if rated else None,
        by_segment={segment: _figures(org, sums, rated) for segment, sums in by_segment.items()},
        roles={role_id: RoleRequests(*kept) for role_id, kept in totals.items()},
    )


def escalated_load(org: Organization, found: Iterable[Escalation], decision_id: str) -> dict[str, float] | None:
    """Each role's load for ``decision_id`` at the one amount its escalations ``found`` were
    measured at (``escalations``): the requests a week whose nearest authority it is, as
    ``diagnose_decision`` counts them for a mix of one amount; only loads above 0, and None
    without a rate. What the main chart's authority cards carry, without a second walk."""
    rate = org.decision_index[decision_id].requests_per_person_per_week
    if rate is None:
        return None
    load: dict[str, float] = {}
    for escalation in found:
        if escalation.authority is not None:
            load[escalation.authority] = (
                load.get(escalation.authority, 0.0) + org.role(escalation.role).headcount * rate
            )
    return {role: value for role, value in load.items() if value > 0}


def climbed_load(found: DecisionDiagnosis) -> dict[str, float]:
    """Each deciding role's load less the requests of its own customers it decides at 0 hops:
    the requests that climbed to its desk from other roles (None load: none)."""
    roles = found.roles
    return {
        role: load - ((roles[role].reachable - roles[role].escalated) if role in roles else 0.0)
        for role, load in (found.load or {}).items()
    }


def heaviest(load: Mapping[str, float]) -> frozenset[str]:
    """The roles carrying the most load (all of them on a tie; none for no load)."""
    top = max(load.values(), default=None)
    return frozenset(role for role, value in load.items() if value == top)


def _figures(org: Organization, sums: list[float], rated: bool) -> RequestFigures:
    """The figures of summed requests: weight, escalated, unreachable, hop weight and reachable,
    in ``RoleRequests``'s order."""
    weight, escalated, unreachable, hop_weight, reachable = sums
    expected = hop_weight / reachable if reachable else None
    wait = None if expected is None or org.hours_per_hop is None else expected * org.hours_per_hop
    return RequestFigures(
        requests_per_week=weight if rated else None,
        escalated_per_week=escalated if rated else None,
        unreachable_per_week=unreachable if rated else None,
        expected_hops=expected,
        mean_wait_hours=wait,
        wait_hours_per_week=hop_weight * org.hours_per_hop if rated and org.hours_per_hop is not None else None,
    )


@dataclass(frozen=True)
class Diagnosis:
    """Every diagnostic of an org: each decision asked about (``DecisionDiagnosis``), the
    front line's conditions, attention per segment, span bands and layers to the front line."""

    org: Organization
    decisions: dict[str, DecisionDiagnosis]
    front_line: dict[str, Condition]
    segments: dict[str, Attention]
    span_bands: dict[str, int]
    layers: FrontLineLayers


def diagnose(
    org: Organization, decisions: Sequence[str] = (), amount: float | None = None, tree: nx.DiGraph | None = None
) -> Diagnosis:
    """The whole diagnosis of ``org`` for ``decisions`` (all when empty), each at ``amount``
    or its own request mix (``request_mix``); raises ``UnknownIdError`` for an unknown decision.
    ``tree``: the org's ``reporting_tree``, when the caller has one (its walks are kept in it)."""
    tree = reporting_tree(org) if tree is None else tree
    chosen = list(decisions) or [decision.id for decision in org.decisions]
    return Diagnosis(
        org=org,
        decisions={decision: diagnose_decision(org, tree, decision, amount) for decision in chosen},
        front_line=front_line_conditions(org, sight_graph(org, tree)),
        segments=segment_attention(org),
        span_bands=span_bands(org, tree),
        layers=layers_to_front_line(org, tree),
    )
