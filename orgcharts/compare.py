"""Two orgs side by side (today and a proposal): every metric before and after, and the
roles added, removed, moved, retitled, or given other customers or other authority.

Pure functions; ``orgcharts diff`` prints them and the dashboard will draw them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from orgcharts.graph import reporting_tree
from orgcharts.metrics import escalations, layers, median_span, spans, summarize
from orgcharts.model import Authority, Organization, Role
from orgcharts.report import format_hops, text_table

Change = Literal["added", "removed", "moved", "retitled", "serves", "authority"]
BETTER_WHEN_LOWER = {"weighted_mean_hops": True, "max_hops": True, "unreachable": True, "empowered_share": False}


@dataclass(frozen=True)
class MetricChange:
    """One metric in both orgs; ``decision`` is None for the shape of the org."""

    decision: str | None
    metric: str
    before: float | None
    after: float | None

    @property
    def better(self) -> bool | None:
        """True if the change helps customers, False if it hurts, None if neither (or unmeasured)."""
        lower = BETTER_WHEN_LOWER.get(self.metric)
        if lower is None or self.before is None or self.after is None or self.before == self.after:
            return None
        return (self.after < self.before) == lower


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
    shape = [_shape(before), _shape(after)]
    changes = [MetricChange(None, key, shape[0][key], shape[1][key]) for key in shape[0]]
    decisions = list(dict.fromkeys([d.id for d in before.decisions] + [d.id for d in after.decisions]))
    for decision in decisions:
        sides = [_decision(org, decision, amount) for org in (before, after)]
        changes += [MetricChange(decision, key, sides[0].get(key), sides[1].get(key)) for key in BETTER_WHEN_LOWER]
    return changes


def _shape(org: Organization) -> dict[str, float | None]:
    tree = reporting_tree(org)
    return {
        "roles": len(org.roles),
        "people": sum(role.headcount for role in org.roles),
        "customer_facing_roles": sum(1 for role in org.roles if role.customer_facing),
        "layers": len(layers(org, tree)),
        "median_span": median_span(spans(org, tree)),
    }


def _decision(org: Organization, decision: str, amount: float | None) -> dict[str, float | None]:
    if decision not in org.decision_index:
        return {}
    summary = summarize(org, escalations(org, reporting_tree(org), decision, amount), by_segment=False)
    return {
        "weighted_mean_hops": summary.weighted_mean_hops,
        "max_hops": summary.max_hops,
        "unreachable": len(summary.unreachable),
        "empowered_share": summary.empowered_share,
    }


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
    """The terminal form: metrics that changed (all of them, marked), then changed roles."""
    rows = []
    for m in comparison.metrics:
        name = m.metric.replace("_", " ")
        verdict = {True: "better", False: "worse", None: ""}[m.better]
        rows.append(
            [m.decision or "(org)", name, shown_value(m.metric, m.before), shown_value(m.metric, m.after), verdict]
        )
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


def shown_value(metric: str, value: float | None) -> str:
    """A metric as people read it: a share in percent, counts whole, hops to one decimal."""
    if value is None:
        return "-"
    if metric == "empowered_share":
        return f"{value:.0%}"
    if metric in ("roles", "people", "customer_facing_roles", "layers", "unreachable", "max_hops"):
        return f"{value:,.0f}"
    return format_hops(value)
