"""Two orgs side by side (today and a proposal): every metric before and after, and the
roles added, removed, moved, retitled, or given other customers or other authority.

Pure functions; ``orgcharts diff`` prints them and the dashboard will draw them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from orgcharts import catalog
from orgcharts.graph import reporting_tree
from orgcharts.metrics import escalations, summarize
from orgcharts.model import Authority, Organization, Role
from orgcharts.report import text_table

Change = Literal["added", "removed", "moved", "retitled", "serves", "authority"]


@dataclass(frozen=True)
class MetricChange:
    """One metric in both orgs; ``decision`` is None for a metric of the org as a whole."""

    decision: str | None
    metric: str
    before: float | None
    after: float | None

    @property
    def better(self) -> bool | None:
        """True if the change helps customers, False if it hurts, None if neither (or unmeasured)."""
        return catalog.better(self.metric, self.before, self.after)


@dataclass(frozen=True)
class RoleChange:
    role: str
    title: str
    change: Change
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Comparison:
    before: Organization
    after: Organization
    amount: float | None
    metrics: list[MetricChange]
    roles: list[RoleChange]

    @property
    def changed_roles(self) -> set[str]:
        return {change.role for change in self.roles}


def compare(before: Organization, after: Organization, amount: float | None = None) -> Comparison:
    """Every metric of ``before`` and ``after`` (decisions of either; a decision one org lacks
    is unmeasured there) at ``amount``, and every role that differs, in the order of
    ``after`` with removed roles last."""
    return Comparison(before, after, amount, _metrics(before, after, amount), _roles(before, after))


def _metrics(before: Organization, after: Organization, amount: float | None) -> list[MetricChange]:
    whole = [catalog.org_values(org, reporting_tree(org)) for org in (before, after)]
    changes = [MetricChange(None, m.key, whole[0][m.key], whole[1][m.key]) for m in catalog.ORG_METRICS]
    decisions = list(dict.fromkeys([d.id for d in before.decisions] + [d.id for d in after.decisions]))
    for decision in decisions:
        sides = [_decision(org, decision, amount) for org in (before, after)]
        changes += [MetricChange(decision, m.key, sides[0][m.key], sides[1][m.key]) for m in catalog.DECISION_METRICS]
    return changes


def _decision(org: Organization, decision: str, amount: float | None) -> dict[str, float | None]:
    if decision not in org.decision_index:
        return catalog.decision_values(None)
    summary = summarize(org, escalations(org, reporting_tree(org), decision, amount), by_segment=False)
    return catalog.decision_values(summary)


def _roles(before: Organization, after: Organization) -> list[RoleChange]:
    changes: list[RoleChange] = []
    for role in after.roles:
        if not before.has_role(role.id):
            changes.append(RoleChange(role.id, role.title, "added", None, _manager(after, role)))
            continue
        old = before.role(role.id)
        if old.reports_to != role.reports_to:
            changes.append(RoleChange(role.id, role.title, "moved", _manager(before, old), _manager(after, role)))
        if old.title != role.title:
            changes.append(RoleChange(role.id, role.title, "retitled", old.title, role.title))
        if set(old.serves) != set(role.serves):
            changes.append(RoleChange(role.id, role.title, "serves", _listed(old.serves), _listed(role.serves)))
        if _authority(before, old.decides) != _authority(after, role.decides):
            changes.append(
                RoleChange(
                    role.id, role.title, "authority", _authority(before, old.decides), _authority(after, role.decides)
                )
            )
    changes += [
        RoleChange(role.id, role.title, "removed", _manager(before, role), None)
        for role in before.roles
        if not after.has_role(role.id)
    ]
    return changes


def _manager(org: Organization, role: Role) -> str:
    return f"reports to {role.reports_to}" if role.reports_to else "the top"


def _listed(ids: Sequence[str]) -> str:
    return ", ".join(sorted(ids)) or "none"


def _authority(org: Organization, decides: Sequence[Authority]) -> str:
    parts = []
    for authority in sorted(decides, key=lambda a: a.decision):
        unit = org.decision_index[authority.decision].unit if authority.decision in org.decision_index else None
        limit = f" up to {authority.limit:,g}{' ' + unit if unit else ''}" if authority.limit is not None else ""
        parts.append(authority.decision + limit)
    return ", ".join(parts) or "none"


def comparison_document(comparison: Comparison, before_source: str, after_source: str) -> dict[str, Any]:
    """The JSON form of ``orgcharts diff`` (docs/cli.md)."""
    return {
        "before": {"source": before_source, "organization": comparison.before.name},
        "after": {"source": after_source, "organization": comparison.after.name},
        "amount": comparison.amount,
        "metrics": [
            {
                "decision": m.decision,
                "metric": m.metric,
                "before": m.before,
                "after": m.after,
                "better": m.better,
            }
            for m in comparison.metrics
        ],
        "roles": [
            {"role": r.role, "title": r.title, "change": r.change, "before": r.before, "after": r.after}
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
        rows.append([m.decision or "(org)", shown.label, shown.show(m.before), shown.show(m.after), verdict])
    blocks = [
        f"{before_source} ({comparison.before.name}) → {after_source} ({comparison.after.name})",
        text_table(["decision", "metric", "before", "after", ""], rows, right=(2, 3)),
    ]
    if comparison.roles:
        role_rows = [[r.change, r.role, r.title, r.before or "", r.after or ""] for r in comparison.roles]
        blocks.append(f"{len(comparison.changed_roles)} roles changed")
        blocks.append(text_table(["change", "role", "title", "before", "after"], role_rows))
    else:
        blocks.append("No role changed.")
    return "\n\n".join(blocks) + "\n"
