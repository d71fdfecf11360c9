"""The metric catalog: one row per metric, the one vocabulary every surface reads.

A metric is named, judged and written for people here and nowhere else: the compare table,
the text reports, the JSON documents, the command line and the dashboard's cards all take
their labels, their "better or worse" and their shown values from this module. Adding a
metric is one row in ``METRICS`` plus its computation in the ``*_values`` function of its scope.

The API:

- ``Metric``: ``key`` (the id in JSON and code), ``label`` (as people read it: "no one can
  decide"), ``lower_is_better`` (True, False, or None where neither is better), ``scope``
  (what the metric is of: ``"org"``, the org as a whole; ``"decision"``, one decision's hops
  at one amount; and the diagnostics of docs/diagnostics.md: ``"requests"``, one decision's
  requests a week, ``REQUEST_METRICS`` and the heaviest desk; ``"front line"``, the org's
  front line, a ratio per figure and its layers; ``"segment"``, one customer segment's
  attention; ``"role"``, one role's load), ``phrase`` (how a sentence says it: "weighted
  mean {} hops", "median {}" after "Spans:") and ``show(value) -> str``, the only way a
  value reaches a person.
- ``METRICS``: every metric, in the order the compare table lists them within a scope;
  ``ORG_METRICS``, ``DECISION_METRICS``, ``REQUESTS_SCOPE``, ``FRONT_LINE_METRICS`` and
  ``SEGMENT_METRICS`` are the scopes ``diff`` and the Compare tab compare (every scope but
  ``"role"``: a role's load reaches the cards, the diagnosis and, as the heaviest, the
  comparison); ``DIAGNOSIS_METRICS`` is every diagnosis metric.
- ``metric(key) -> Metric`` (raises ``errors.UsageError``), ``show(key, value) -> str``,
  ``better(key, before, after) -> bool | None`` and ``said(keys, values) -> str`` (the
  phrases joined: "9 roles, 25 people, 4 layers").
- ``org_values(org, tree)`` (``counts(org)``: only those that need no tree),
  ``decision_values(summary)``, ``request_values(found)``, ``front_line_values(diagnosis)``
  and ``segment_values(diagnosis, segment)``: each metric's value, keyed by ``key`` (None
  given for a decision: every metric None, unmeasured).
- ``MISSING``: what ``show`` writes for a value that is not there ("–").

Hops are shown to two decimals ("1.88", "2.00") wherever a person reads them: one decimal
hides what-if changes (2.00 to 1.96 would read 2.0 to 2.0).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from orgcharts.errors import UsageError
from orgcharts.metrics import DecisionSummary, layers, median_span, spans
from orgcharts.metrics.conditions import FIGURES
from orgcharts.metrics.diagnostics import DecisionDiagnosis, Diagnosis, climbed_load
from orgcharts.model import Organization

Scope = Literal["org", "decision", "requests", "role", "front line", "segment"]
MISSING = "–"
"""Shown for a value that is not there: unmeasured, or nobody to measure."""


def _count(value: float) -> str:
    return f"{value:,.0f}"


def _hops(value: float) -> str:
    return f"{value:.2f}"


def _share(value: float) -> str:
    return f"{value:.0%}"


def _tenths(value: float) -> str:
    return f"{value:,.1f}"


def _times(value: float) -> str:
    return f"{value:.2f}x"


def _median(value: float) -> str:
    # a median of whole numbers is whole or a half: "2" or "2.5", never "2.50"
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Metric:
    """One metric: its id, its label for people, which way is better, and how it is shown."""

    key: str
    label: str
    lower_is_better: bool | None
    scope: Scope
    phrase: str
    """How a sentence says it, ``{}`` standing for the shown value: "max {}"."""
    _format: Callable[[float], str]
    phrase_one: str | None = None
    """The phrase for a value of exactly 1, where it differs: "{} role", "{} person"."""

    def show(self, value: float | None) -> str:
        """The value as people read it; ``MISSING`` for None."""
        return MISSING if value is None else self._format(value)

    def say(self, value: float | None) -> str:
        """The phrase with the shown value, in the singular for 1: "1 role", "14 roles"."""
        phrase = self.phrase_one if value == 1 and self.phrase_one else self.phrase
        return phrase.format(self.show(value))

    def better(self, before: float | None, after: float | None) -> bool | None:
        """True if going from ``before`` to ``after`` helps customers, False if it hurts,
        None if neither (no direction, a value missing, or no change)."""
        if self.lower_is_better is None or before is None or after is None or before == after:
            return None
        return (after < before) == self.lower_is_better


METRICS: tuple[Metric, ...] = (
    Metric("roles", "roles", None, "org", "{} roles", _count, "{} role"),
    Metric("people", "people", None, "org", "{} people", _count, "{} person"),
    Metric(
        "customer_facing_roles",
        "customer-facing roles",
        None,
        "org",
        "{} customer-facing roles",
        _count,
        "{} customer-facing role",
    ),
    Metric("layers", "layers", None, "org", "{} layers", _count, "{} layer"),
    Metric("median_span", "median span, direct reports", None, "org", "median {}", _median),
    Metric("weighted_mean_hops", "weighted mean hops", True, "decision", "weighted mean {} hops", _hops),
    Metric("max_hops", "max hops", True, "decision", "max {}", _count),
    Metric("unreachable", "no one can decide", True, "decision", "{} where no one can decide", _count),
    Metric("empowered_share", "empowered share", False, "decision", "empowered {}", _share),
    Metric("requests_per_week", "requests a week", None, "requests", "{} requests a week", _count, "{} request a week"),
    Metric("escalated_per_week", "escalated a week", True, "requests", "{} escalated a week", _count),
    Metric(
        "unreachable_per_week", "no one can decide, a week", True, "requests", "{} a week no one can decide", _count
    ),
    Metric("expected_hops", "expected hops", True, "requests", "expected {} hops", _hops),
    Metric("mean_wait_hours", "mean wait, hours", True, "requests", "{} hours' mean wait", _tenths),
    Metric(
        "heaviest_desk",
        "heaviest desk, requests climbed to it a week",
        True,
        "requests",
        "the heaviest desk deciding {} a week climbed up from others",
        _count,
    ),
    Metric("load", "requests decided a week", None, "role", "{} requests a week", _count, "{} request a week"),
    Metric("front_line_ratio", "front line against the rest", False, "front line", "{} the rest", _times),
    Metric(
        "front_line_median_layer",
        "front line's median layer",
        True,
        "front line",
        "front line at a median layer {}",
        _count,
    ),
    Metric("front_line_deepest_layer", "front line's deepest layer", True, "front line", "deepest {}", _count),
    Metric(
        "attention_share", "share of customer-facing people", None, "segment", "{} of customer-facing people", _share
    ),
    Metric("attention_ratio", "attention against weight", None, "segment", "{} its weight", _times),
)
ORG_METRICS = tuple(m for m in METRICS if m.scope == "org")
DECISION_METRICS = tuple(m for m in METRICS if m.scope == "decision")
DIAGNOSIS_METRICS = tuple(m for m in METRICS if m.scope in ("requests", "role", "front line", "segment"))
REQUESTS_SCOPE = tuple(m for m in METRICS if m.scope == "requests")
"""The diagnosis metrics of one decision, compared per decision by ``diff`` and the Compare tab."""
FRONT_LINE_METRICS = tuple(m for m in METRICS if m.scope == "front line")
SEGMENT_METRICS = tuple(m for m in METRICS if m.scope == "segment")
REQUEST_METRICS = (
    "requests_per_week",
    "escalated_per_week",
    "unreachable_per_week",
    "expected_hops",
    "mean_wait_hours",
)
"""The diagnosis metrics of one decision's requests (``metrics.diagnostics.RequestFigures``)."""
_BY_KEY = {m.key: m for m in METRICS}


def metric(key: str) -> Metric:
    """The metric called ``key``; ``UsageError`` if there is none."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise UsageError(f"'{key}' is not a metric; the metrics are {', '.join(_BY_KEY)}") from None


def show(key: str, value: float | None) -> str:
    """``metric(key).show(value)``."""
    return metric(key).show(value)


def better(key: str, before: float | None, after: float | None) -> bool | None:
    """``metric(key).better(before, after)``."""
    return metric(key).better(before, after)


def said(keys: Iterable[str], values: Mapping[str, Any]) -> str:
    """The phrases of the metrics ``keys`` with their shown ``values``, joined by commas:
    "9 roles, 25 people, 4 layers" ("1 role": ``Metric.say``)."""
    return ", ".join(metric(key).say(values[key]) for key in keys)


def org_values(org: Organization, tree: nx.DiGraph) -> dict[str, float | None]:
    """Every org metric of ``org`` (``tree``: its ``graph.reporting_tree``), keyed by metric."""
    return {
        **counts(org),
        "layers": len(layers(org, tree)),
        "median_span": median_span(spans(org, tree)),
    }


def counts(org: Organization) -> dict[str, float | None]:
    """The org metrics that need no walk of the tree: roles, people, customer-facing roles."""
    return {
        "roles": len(org.roles),
        "people": sum(role.headcount for role in org.roles),
        "customer_facing_roles": sum(1 for role in org.roles if role.customer_facing),
    }


def decision_values(summary: DecisionSummary | None) -> dict[str, float | None]:
    """Every decision metric of ``summary`` keyed by metric; all None for no summary."""
    if summary is None:
        return dict.fromkeys((m.key for m in DECISION_METRICS), None)
    return {
        "weighted_mean_hops": summary.weighted_mean_hops,
        "max_hops": summary.max_hops,
        "unreachable": len(summary.unreachable),
        "empowered_share": summary.empowered_share,
    }


def request_values(found: DecisionDiagnosis | None) -> dict[str, float | None]:
    """Every ``"requests"`` metric of one decision's diagnosis keyed by metric; all None for
    none. The heaviest desk is the most requests climbed up to one role from others
    (``diagnostics.climbed_load``), 0 when requests are counted but none climbs to anyone."""
    if found is None:
        return dict.fromkeys((m.key for m in REQUESTS_SCOPE), None)
    desk = None if found.load is None else max(climbed_load(found).values(), default=0.0)
    return {**{key: getattr(found.overall, key) for key in REQUEST_METRICS}, "heaviest_desk": desk}


FrontLineKey = tuple[str, str | None]
"""A front-line metric and the figure it is of ("pay", "tenure_years", "training_hours";
None for the layers)."""


def front_line_values(diagnosis: Diagnosis) -> dict[FrontLineKey, float | None]:
    """Every ``"front line"`` metric: the ratio for each figure, then the layers."""
    return {
        **{("front_line_ratio", figure): diagnosis.front_line[figure].front_line_ratio for figure in FIGURES},
        ("front_line_median_layer", None): diagnosis.layers.median,
        ("front_line_deepest_layer", None): diagnosis.layers.max,
    }


def segment_values(diagnosis: Diagnosis, segment: str) -> dict[str, float | None]:
    """Every ``"segment"`` metric of ``segment``; all None for a segment the org lacks."""
    attention = diagnosis.segments.get(segment)
    if attention is None:
        return dict.fromkeys((m.key for m in SEGMENT_METRICS), None)
    return {"attention_share": attention.share, "attention_ratio": attention.ratio}
