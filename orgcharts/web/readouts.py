"""What the panels around the chart say: the metric cards and the selected role. No Dash here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from orgcharts.metrics import DecisionSummary, Escalation
from orgcharts.model import Organization
from orgcharts.report import format_hops
from orgcharts.web.session import Controls, Snapshot


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
