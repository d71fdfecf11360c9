"""Two orgs side by side (today and a proposal): every metric before and after, and the
roles added, removed, moved, retitled, or given other customers or other authority.

Pure functions; ``orgcharts diff`` prints them and the dashboard will draw them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import networkx as nx

from orgcharts import catalog
from orgcharts.amounts import Asked, amount_document, number, request_words, resolve
from orgcharts.diagnosisreport import FIGURE_WORDS, measured_words
from orgcharts.graph import reporting_tree
from orgcharts.metrics import escalations, summarize
from orgcharts.metrics.diagnostics import Diagnosis, diagnose
from orgcharts.model import Authority, Decision, Organization, Role
from orgcharts.report import text_table
from orgcharts.words import counted

Change = Literal["added", "removed", "moved", "retitled", "serves", "authority", "limit"]


@dataclass(frozen=True)
class MetricChange:
    """One metric in both orgs; ``decision`` is None for a metric of the org as a whole
    (its front line, or one of its segments)."""

    decision: str | None
    metric: str
    before: float | None
    after: float | None
    figure: str | None = None
    """The figure a front-line ratio is of: "pay", "tenure_years" or "training_hours"."""
    segment: str | None = None
    """The segment a segment metric is of."""

    @property
    def better(self) -> bool | None:
        """True if the change helps customers, False if it hurts, None if neither (or unmeasured)."""
        return catalog.better(self.metric, self.before, self.after)


@dataclass(frozen=True)
class RoleChange:
    """One way a role differs. ``before`` and ``after`` are as people read them (roles by
    title, segments and decisions by name); ``ids_before`` and ``ids_after`` the same with ids,
    for JSON. A ``limit`` change names its ``decision`` (an id) and ``decision_name``."""

    role: str
    title: str
    change: Change
    before: str | None
    after: str | None
    decision: str | None = None
    ids_before: str | None = None
    ids_after: str | None = None
    decision_name: str | None = None

    @property
    def said(self) -> str:
        """What changed, in words: "reports to Sales → reports to Operations", "Refund limit 25 → 300 USD"."""
        if self.change == "limit":
            return f"{self.decision_name} limit {_limits(self.before, self.after)}"
        if self.change == "added":
            return self.after or ""
        if self.change == "removed":
            return self.before or ""
        return f"{self.before} → {self.after}"

    @property
    def sentence(self) -> str:
        """The change for a list people read: "moved: reports to Sales → reports to Operations"."""
        return f"{self.change}: {self.said}"


@dataclass(frozen=True)
class Comparison:
    """Both orgs at ``amount`` (the one asked; None: none); ``asked`` is the amount each
    decision was measured at (``amounts.resolve``: the one asked, else a typical amount)."""

    before: Organization
    after: Organization
    amount: float | None
    metrics: list[MetricChange]
    roles: list[RoleChange]
    asked: dict[str, Asked] = field(default_factory=dict)
    requests_at: dict[str, str] = field(default_factory=dict)
    """Per decision with requests counted on either side, what its requests were measured at,
    in words (``diagnosisreport.measured_words``: the amount given, else the request mix)."""

    @property
    def changed_roles(self) -> set[str]:
        return {change.role for change in self.roles}


AS_HOPS = "as hops"
"""``compare``'s default ``request_amount``: requests at the amount the hops are measured at."""


def compare(
    before: Organization,
    after: Organization,
    amount: float | None = None,
    *,
    request_amount: float | Literal["as hops"] | None = AS_HOPS,
) -> Comparison:
    """Every metric of ``before`` and ``after`` (decisions and segments of either; one an org
    lacks is unmeasured there) and every role that differs, in the order of ``after`` with
    removed roles last. Hops are measured at ``amount`` or, without one, each decision's
    typical amount in ``before`` (else in ``after``); requests at ``request_amount`` (by default
    ``amount``) or, without one, each side's own request mix (``diagnostics.request_mix``), as
    ``orgcharts diagnose`` measures them. The dashboard, whose amount field shows the typical
    amount untyped, asks for requests at the amount only when one is typed, as its Diagnosis tab."""
    asked = _asked(before, after, amount)
    requested = amount if request_amount == AS_HOPS else request_amount
    trees = (reporting_tree(before), reporting_tree(after))
    diagnosed = (diagnose(before, amount=requested, tree=trees[0]), diagnose(after, amount=requested, tree=trees[1]))
    return Comparison(
        before,
        after,
        amount,
        _metrics(before, after, asked, diagnosed, trees),
        _roles(before, after),
        asked,
        _requests_at(diagnosed),
    )


def _requests_at(diagnosed: tuple[Diagnosis, Diagnosis]) -> dict[str, str]:
    said: dict[str, str] = {}
    for diagnosis in diagnosed:
        for decision, found in diagnosis.decisions.items():
            if found.rated:
                said.setdefault(decision, measured_words(diagnosis, found))
    return said


def _asked(before: Organization, after: Organization, amount: float | None) -> dict[str, Asked]:
    """Per decision, the amount both sides are measured at: the one asked, else before's
    typical amount, else after's; none (limits ignored) only when neither side has one."""
    asked = {}
    for decision in _decision_ids(before, after):
        sides = [
            resolve(org.decision_index[decision], amount) for org in (before, after) if decision in org.decision_index
        ]
        stated = [one for one in sides if one.amount is not None]
        unbounded = [one for one in sides if one.basis == "none"]
        asked[decision] = (stated or unbounded or sides)[0]
    return asked


def _decision_ids(before: Organization, after: Organization) -> list[str]:
    return list(dict.fromkeys([d.id for d in before.decisions] + [d.id for d in after.decisions]))


def _metrics(
    before: Organization,
    after: Organization,
    asked: dict[str, Asked],
    diagnosed: tuple[Diagnosis, Diagnosis],
    trees: tuple[nx.DiGraph, nx.DiGraph],
) -> list[MetricChange]:
    """The org's metrics, its front line's, each decision's hops and requests, each segment's."""
    sides = (before, after)
    whole = [catalog.org_values(org, tree) for org, tree in zip(sides, trees, strict=True)]
    changes = [MetricChange(None, m.key, whole[0][m.key], whole[1][m.key]) for m in catalog.ORG_METRICS]
    lines = [catalog.front_line_values(diagnosis) for diagnosis in diagnosed]
    changes += [
        MetricChange(None, key, lines[0][key, figure], lines[1][key, figure], figure) for key, figure in lines[0]
    ]
    for decision in _decision_ids(before, after):
        hops = [_decision(org, tree, decision, asked[decision].amount) for org, tree in zip(sides, trees, strict=True)]
        changes += [MetricChange(decision, m.key, hops[0][m.key], hops[1][m.key]) for m in catalog.DECISION_METRICS]
        requests = [catalog.request_values(diagnosis.decisions.get(decision)) for diagnosis in diagnosed]
        changes += [
            MetricChange(decision, m.key, requests[0][m.key], requests[1][m.key]) for m in catalog.REQUESTS_SCOPE
        ]
    for segment in dict.fromkeys([s.id for s in before.customers] + [s.id for s in after.customers]):
        attention = [catalog.segment_values(diagnosis, segment) for diagnosis in diagnosed]
        changes += [
            MetricChange(None, m.key, attention[0][m.key], attention[1][m.key], segment=segment)
            for m in catalog.SEGMENT_METRICS
        ]
    return changes


def metric_label(comparison: Comparison, change: MetricChange, *, names: bool) -> str:
    """The metric as a comparison table names it, with what it is of: "front line against the
    rest: pay (yearly)", "attention against weight: Walk-in" (``names``: segments by name, else
    by id, as the command line names decisions)."""
    label = catalog.metric(change.metric).label
    if change.figure is not None:
        return f"{label}: {FIGURE_WORDS[change.figure]}"
    if change.segment is not None:
        segments = {**comparison.before.segment_index, **comparison.after.segment_index}
        return f"{label}: {segments[change.segment].name if names else change.segment}"
    return label


def _decision(org: Organization, tree: nx.DiGraph, decision: str, amount: float | None) -> dict[str, float | None]:
    if decision not in org.decision_index:
        return catalog.decision_values(None)
    summary = summarize(org, escalations(org, tree, decision, amount), by_segment=False)
    return catalog.decision_values(summary)


def _roles(before: Organization, after: Organization) -> list[RoleChange]:
    changes: list[RoleChange] = []
    for role in after.roles:
        if not before.has_role(role.id):
            changes.append(_change(role, "added", None, _manager(after, role)))
            continue
        old = before.role(role.id)
        if old.reports_to != role.reports_to:
            changes.append(_change(role, "moved", _manager(before, old), _manager(after, role)))
        if old.title != role.title:
            changes.append(_change(role, "retitled", (old.title,) * 2, (role.title,) * 2))
        if set(old.serves) != set(role.serves):
            changes.append(_change(role, "serves", _segments(before, old.serves), _segments(after, role.serves)))
        if {a.decision for a in old.decides} != {a.decision for a in role.decides}:
            changes.append(_change(role, "authority", _authority(before, old.decides), _authority(after, role.decides)))
        changes += _limit_changes(before, old, after, role)
    changes += [
        _change(role, "removed", _manager(before, role), None) for role in before.roles if not after.has_role(role.id)
    ]
    return changes


Said = tuple[str, str]
"""A value as people read it, and with ids."""


def _change(
    role: Role, change: Change, before: Said | None, after: Said | None, decision: Decision | None = None
) -> RoleChange:
    return RoleChange(
        role.id,
        role.title,
        change,
        before[0] if before else None,
        after[0] if after else None,
        decision.id if decision else None,
        before[1] if before else None,
        after[1] if after else None,
        decision.name if decision else None,
    )


def _limit_changes(before: Organization, old: Role, after: Organization, role: Role) -> list[RoleChange]:
    changes = []
    for authority in sorted(role.decides, key=lambda a: a.decision):
        was = old.authority_for(authority.decision)
        if was is None:
            continue
        units = [_unit(org, authority.decision) for org in (before, after)]
        if not all(units):
            continue  # a decision without a unit has no limits that count
        limits = [_limit(was.limit, units[0]), _limit(authority.limit, units[1])]
        if limits[0] != limits[1]:
            decision = after.decision_index[authority.decision]
            changes.append(_change(role, "limit", (limits[0],) * 2, (limits[1],) * 2, decision))
    return changes


def _unit(org: Organization, decision: str) -> str | None:
    return org.decision_index[decision].unit if decision in org.decision_index else None


def _limit(limit: float | None, unit: str | None) -> str:
    return NO_LIMIT if limit is None else f"{number(limit)} {unit}"


NO_LIMIT = "none"


def _limits(before: str | None, after: str | None) -> str:
    """ "25 USD", "300 USD" as "25 → 300 USD"; "500 USD", "none" as "500 USD → none"."""
    was, now = before or NO_LIMIT, after or NO_LIMIT
    if was != NO_LIMIT and now != NO_LIMIT:
        (amount, _, unit), (amount_now, _, unit_now) = was.partition(" "), now.partition(" ")
        if unit == unit_now:
            return f"{amount} → {amount_now} {unit}"
    return f"{was} → {now}"


def _manager(org: Organization, role: Role) -> Said:
    if not role.reports_to:
        return ("the top", "the top")
    manager = org.role(role.reports_to).title if org.has_role(role.reports_to) else role.reports_to
    return (f"reports to {manager}", f"reports to {role.reports_to}")


def _segments(org: Organization, ids: Sequence[str]) -> Said:
    names = [org.segment_index[i].name if i in org.segment_index else i for i in ids]
    return (", ".join(sorted(names)) or "none", ", ".join(sorted(ids)) or "none")


def _authority(org: Organization, decides: Sequence[Authority]) -> Said:
    """ "Refund up to 50 EUR, Exception" (by name), and the same by id."""
    named, ids = [], []
    for authority in sorted(decides, key=lambda a: a.decision):
        unit = _unit(org, authority.decision)
        limit = f" up to {number(authority.limit)}{' ' + unit if unit else ''}" if authority.limit is not None else ""
        decision = org.decision_index.get(authority.decision)
        named.append((decision.name if decision else authority.decision) + limit)
        ids.append(authority.decision + limit)
    return (", ".join(named) or "none", ", ".join(ids) or "none")


def comparison_document(comparison: Comparison, before_source: str, after_source: str) -> dict[str, Any]:
    """The JSON form of ``orgcharts diff`` (docs/cli.md)."""
    return {
        "before": {"source": before_source, "organization": comparison.before.name},
        "after": {"source": after_source, "organization": comparison.after.name},
        "amount": comparison.amount,
        "decisions": {
            decision: {**amount_document(asked), "requests_said": comparison.requests_at.get(decision)}
            for decision, asked in comparison.asked.items()
        },
        "metrics": [
            {
                "decision": m.decision,
                "metric": m.metric,
                **({"figure": m.figure} if m.figure else {}),
                **({"segment": m.segment} if m.segment else {}),
                "before": m.before,
                "after": m.after,
                "better": m.better,
            }
            for m in comparison.metrics
        ],
        "roles": [
            {
                "role": r.role,
                "title": r.title,
                "change": r.change,
                "before": r.ids_before,
                "after": r.ids_after,
                **({"decision": r.decision} if r.decision else {}),
            }
            for r in comparison.roles
        ],
    }


def comparison_table(comparison: Comparison, before_source: str, after_source: str) -> str:
    """The terminal form: every metric before and after, changes marked better or worse,
    then the changed roles."""
    rows = []
    for m in comparison.metrics:
        shown = catalog.metric(m.metric)
        verdict = {True: "better", False: "worse", None: ""}[m.better]
        label = metric_label(comparison, m, names=False)
        rows.append([m.decision or "(org)", label, shown.show(m.before), shown.show(m.after), verdict])
    amounts = [request_words(asked, decision) for decision, asked in comparison.asked.items() if asked.decision.unit]
    blocks = [
        f"{before_source} ({comparison.before.name}) → {after_source} ({comparison.after.name})",
        *(["Measured at: " + "; ".join(amounts)] if amounts else []),
        *(["Requests measured at: " + "; ".join(comparison.requests_at.values())] if comparison.requests_at else []),
        text_table(["decision", "metric", "before", "after", ""], rows, right=(2, 3)),
    ]
    if comparison.roles:
        role_rows = [[r.change, r.role, r.title, r.said] for r in comparison.roles]
        blocks.append(f"{counted(len(comparison.changed_roles), 'role')} changed")
        blocks.append(text_table(["change", "role", "title", "what changed"], role_rows))
    else:
        blocks.append("No role changed.")
    return "\n\n".join(blocks) + "\n"
