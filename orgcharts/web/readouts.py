"""What the panels around the chart say: the metric cards and the selected role. No Dash here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from orgcharts import catalog
from orgcharts.metrics import Escalation
from orgcharts.model import Organization
from orgcharts.web.session import Controls, Snapshot


@dataclass(frozen=True)
class Card:
    """One metric card: its label, its value now, and its value in the loaded org if edits changed it."""

    key: str
    label: str
    value: str
    """As ``catalog.show`` writes it, unit included."""
    before: str | None = None
    better: bool | None = None
    """Whether the change from ``before`` is for the better (None: no change, or no better way)."""


CARDS = ("weighted_mean_hops", "max_hops", "empowered_share", "unreachable", "layers", "median_span")
"""The metric cards, in the order they stand over the chart (``catalog`` keys)."""


def cards(now: Snapshot, loaded: Snapshot) -> list[Card]:
    """The metric cards (``CARDS``), each labelled and shown as the catalog says, with the
    change against the loaded org where edits made one."""
    values, before = _values(now), _values(loaded)
    result = []
    for key in CARDS:
        metric = catalog.metric(key)
        value, was = values[key], before[key]
        changed = value != was and value is not None and was is not None
        result.append(
            Card(
                key,
                metric.label,
                metric.show(value),
                metric.show(was) if changed else None,
                metric.better(was, value) if changed else None,
            )
        )
    return result


def _values(snapshot: Snapshot) -> dict[str, float | None]:
    return {
        **catalog.decision_values(snapshot.summary),
        "layers": snapshot.layers,
        "median_span": snapshot.median_span,
    }


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
