"""Decision distance: how many reporting lines a customer's request climbs before it meets
a role with the authority to settle it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import networkx as nx

from orgcharts.errors import UnknownIdError
from orgcharts.graph import Chain, depths, top_down
from orgcharts.model import Organization


@dataclass(frozen=True, slots=True)
class Escalation:
    """Where one customer-facing role's request for one decision ends.

    ``hops`` counts reporting lines climbed (0: the role decides itself). ``path`` runs
    from the role to ``authority``; when no role in the chain can decide (``hops`` and
    ``authority`` are None) it runs to the top, the whole climb made in vain. It is a
    ``graph.Chain``, climbed only when read: its length and ends cost nothing.
    """

    role: str
    decision: str
    hops: int | None
    authority: str | None
    path: Chain

    @property
    def reachable(self) -> bool:
        return self.hops is not None


def escalations(
    org: Organization,
    tree: nx.DiGraph,
    decision: str,
    amount: float | None = None,
    *,
    via_dotted: bool = False,
) -> list[Escalation]:
    """The escalation of every customer-facing role, in file order, for ``decision``.

    A role has authority when it ``decides`` the decision with no limit or, when
    ``amount`` is given and the decision has a unit, a limit of at least ``amount``.
    Decisions without a unit ignore ``amount``. With ``via_dotted`` a request may also
    climb a dotted line (``dotted_to``), and takes the shortest route, preferring the
    reporting line among equals. Runs in time linear in the number of roles and dotted
    lines, plus the length of the paths returned.
    """
    if decision not in org.decision_index:
        raise UnknownIdError(f"'{decision}' is not a decision of {org.name}")
    if org.decision_index[decision].unit is None:
        amount = None
    if via_dotted and any(role.dotted_to for role in org.roles):
        return _via_dotted(org, tree, decision, amount)
    nearest = nearest_authorities(org, tree, decision, amount)
    depth = depths(org, tree)
    result = []
    for role in org.roles:
        if not role.customer_facing:
            continue
        holder, distance = nearest[role.id]
        if holder is None:
            result.append(_in_vain(org, role.id, decision, depth))
        else:
            result.append(Escalation(role.id, decision, distance, holder, Chain(org, role.id, distance + 1, holder)))
    return result


def nearest_authorities(
    org: Organization, tree: nx.DiGraph, decision: str, amount: float | None
) -> dict[str, tuple[str | None, int]]:
    """For every role, the nearest role up its reporting line (itself included) with authority
    for ``decision`` covering ``amount``, and the reporting lines climbed to it; (None, 0)
    where no one in the chain has it. One walk from the top down, linear in the roles, and
    no paths: what ``escalations`` and the diagnostics' request counts are built on."""
    nearest: dict[str, tuple[str | None, int]] = {}
    for role_id in top_down(org, tree):
        role = org.role(role_id)
        authority = role.authority_for(decision)
        if authority is not None and authority.covers(amount):
            nearest[role_id] = (role_id, 0)
        elif role.reports_to is None:
            nearest[role_id] = (None, 0)
        else:
            holder, distance = nearest[role.reports_to]
            nearest[role_id] = (holder, distance + 1)
    return nearest


def _in_vain(org: Organization, role_id: str, decision: str, depth: dict[str, int]) -> Escalation:
    """A request no one can decide: its path climbs the whole reporting line to the top."""
    return Escalation(role_id, decision, None, None, Chain(org, role_id, depth[role_id] + 1, org.top.id))


def _via_dotted(org: Organization, tree: nx.DiGraph, decision: str, amount: float | None) -> list[Escalation]:
    """Breadth first from every role with authority, down reporting and dotted lines: each
    role's distance to its nearest authority, then each path chosen upwards."""
    below: dict[str, list[str]] = {role.id: [] for role in org.roles}
    for role in org.roles:
        for upper in (role.reports_to, *role.dotted_to) if role.reports_to else role.dotted_to:
            below[upper].append(role.id)
    distance: dict[str, int] = {}
    reaches: dict[str, str] = {}
    frontier = []
    for role_id in top_down(org, tree):
        authority = org.role(role_id).authority_for(decision)
        if authority is not None and authority.covers(amount):
            distance[role_id] = 0
            reaches[role_id] = role_id
            frontier.append(role_id)
    while frontier:
        reached = []
        for upper in frontier:
            for lower in below[upper]:
                if lower not in distance:
                    distance[lower] = distance[upper] + 1
                    reached.append(lower)
        frontier = reached
    # distance's keys are in the order found, nearest first: each role after its next step.
    # Each role's next step, chosen once (its reporting line first among equals), and the
    # authority that step leads to: every path is then a walk along these, climbed when read.
    up: dict[str, str] = {}
    for role_id in distance:
        if distance[role_id] == 0:
            continue
        here = org.role(role_id)
        steps = (here.reports_to, *here.dotted_to) if here.reports_to else here.dotted_to
        up[role_id] = next(step for step in steps if distance.get(step) == distance[role_id] - 1)
        reaches[role_id] = reaches[up[role_id]]
    depth = depths(org, tree)
    result = []
    for role in org.roles:
        if not role.customer_facing:
            continue
        if role.id not in distance:
            result.append(_in_vain(org, role.id, decision, depth))
            continue
        hops = distance[role.id]
        end = reaches[role.id]
        result.append(Escalation(role.id, decision, hops, end, Chain(org, role.id, hops + 1, end, up)))
    return result


@dataclass(frozen=True)
class DecisionSummary:
    """Decision distance over a set of customer-facing roles, weighted by headcount."""

    customer_facing_roles: int
    weighted_mean_hops: float | None
    max_hops: int | None
    empowered_share: float
    unreachable: tuple[str, ...]
    by_segment: dict[str, DecisionSummary] = field(default_factory=dict)


def summarize(org: Organization, found: Sequence[Escalation], *, by_segment: bool = True) -> DecisionSummary:
    """Summarise escalations for one decision, overall and (``by_segment``) per segment served.

    ``weighted_mean_hops`` averages hops over reachable roles weighted by headcount (None if
    none is reachable or they hold no one); ``empowered_share`` is the customer-facing
    headcount at 0 hops over all customer-facing headcount (0 when there is none).
    """
    overall = _summary(org, found)
    if not by_segment:
        return overall
    segments = {
        segment.id: _summary(org, [e for e in found if segment.id in org.role(e.role).serves])
        for segment in org.customers
    }
    return DecisionSummary(**{**overall.__dict__, "by_segment": segments})


def _summary(org: Organization, found: Iterable[Escalation]) -> DecisionSummary:
    count = 0
    people = 0
    empowered = 0
    reachable_people = 0
    weighted_hops = 0
    max_hops: int | None = None
    unreachable = []
    for escalation in found:
        headcount = org.role(escalation.role).headcount
        count += 1
        people += headcount
        if escalation.hops is None:
            unreachable.append(escalation.role)
            continue
        reachable_people += headcount
        weighted_hops += escalation.hops * headcount
        max_hops = escalation.hops if max_hops is None else max(max_hops, escalation.hops)
        if escalation.hops == 0:
            empowered += headcount
    return DecisionSummary(
        customer_facing_roles=count,
        weighted_mean_hops=weighted_hops / reachable_people if reachable_people else None,
        max_hops=max_hops,
        empowered_share=empowered / people if people else 0.0,
        unreachable=tuple(unreachable),
    )
