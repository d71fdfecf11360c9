"""The deck's numbers as native charts and tables: where customer-facing people stand in
hops, the distance per customer segment, and a proposal's every metric before and after."""

from __future__ import annotations

import math
from collections.abc import Iterable

from orgcharts import catalog
from orgcharts.amounts import Asked, request_words
from orgcharts.cards import HOP_BUCKETS, NO_ONE, hop_text
from orgcharts.compare import Comparison, metric_label
from orgcharts.deck.plan import SLIDE_WIDTH, Chart, Series, Slide, Table, with_footnote
from orgcharts.report import HopReport

METRIC_ROWS_PER_SLIDE = 14
CHANGE_ROWS_PER_SLIDE = 13
MOST_CHANGE_SLIDES = 3
HALF = (SLIDE_WIDTH - 120) / 2


def distance_slide(report: HopReport) -> Slide:
    """Customer-facing people by hops, per decision; the weighted mean hops per segment."""
    org = report.org
    names = {decision: org.decision_index[decision].name for decision in report.paths}
    buckets = [hop_text(hops) for hops in range(HOP_BUCKETS)] + [NO_ONE]
    by_hops = []
    for decision, found in report.paths.items():
        people = [0.0] * len(buckets)
        for escalation in found:
            bucket = len(buckets) - 1 if escalation.hops is None else min(escalation.hops, HOP_BUCKETS - 1)
            people[bucket] += org.role(escalation.role).headcount
        by_hops.append(Series(names[decision], tuple(people)))
    segments = [segment for segment in org.customers]
    by_segment = [
        Series(
            names[decision],
            tuple(
                summary.by_segment[s.id].weighted_mean_hops if s.id in summary.by_segment else None for s in segments
            ),
        )
        for decision, summary in report.summaries.items()
    ]
    charts = [
        Chart(
            60,
            110,
            HALF,
            540,
            "Customer-facing people by hops to a decision",
            tuple(buckets),
            tuple(by_hops),
            "people (headcount)",
        )
    ]
    if segments:
        charts.append(
            Chart(
                60 + HALF,
                110,
                HALF,
                540,
                "Weighted mean hops, by customer segment",
                tuple(s.name for s in segments),
                tuple(by_segment),
                "hops (weighted by people)",
                horizontal=True,
                number_format="0.00",
            )
        )
    return Slide(
        "Where the distance is",
        charts=tuple(charts),
        footnote="Means leave out roles where no one can decide (counted in the left chart). "
        + _measured(report.asked.values()),
    )


def comparison_slides(comparison: Comparison, name: str) -> list[Slide]:
    """Every metric before and after (tables), weighted mean hops and empowered share per
    decision before and after (charts), and the roles that change (tables)."""
    names = {d.id: d.name for d in (*comparison.before.decisions, *comparison.after.decisions)}
    rows = []
    for change in comparison.metrics:
        shown = catalog.metric(change.metric)
        verdict = {True: "better", False: "worse", None: ""}[change.better]
        scope = names.get(change.decision, change.decision) if change.decision else "whole org"
        label = metric_label(comparison, change, names=True)
        rows.append((scope, label, shown.show(change.before), shown.show(change.after), verdict))
    marks = {number: "#e6f2ea" if row[4] == "better" else "#fbe4e4" for number, row in enumerate(rows) if row[4]}
    per_slide = math.ceil(len(rows) / math.ceil(len(rows) / METRIC_ROWS_PER_SLIDE))  # pages evenly filled
    slides = _table_slides(
        f"Before → after {name}: every metric",
        ("decision", "metric", "before", "after", ""),
        (0.3, 0.28, 0.14, 0.14, 0.14),
        rows,
        per_slide,
        marks,
        " ".join(
            said
            for said in (
                _measured(comparison.asked.values()),
                ("Requests at: " + "; ".join(comparison.requests_at.values()) + ".") if comparison.requests_at else "",
            )
            if said
        ),
    )
    decisions = [change.decision for change in comparison.metrics if change.metric == "weighted_mean_hops"]
    if decisions:
        slides.append(_decision_charts(comparison, decisions, names, name))
    slides += _role_change_slides(comparison, name)
    return slides


def _decision_charts(comparison: Comparison, decisions: list[str | None], names: dict[str, str], name: str) -> Slide:
    values = {(c.decision, c.metric): (c.before, c.after) for c in comparison.metrics}
    categories = tuple(names[d] for d in decisions)
    charts = []
    for number, (metric, axis, fmt) in enumerate(
        (("weighted_mean_hops", "hops (weighted by people)", "0.00"), ("empowered_share", "share of people", "0%"))
    ):
        series = tuple(
            Series(side, tuple(values[(d, metric)][index] for d in decisions))
            for index, side in enumerate(("before", "after"))
        )
        label = catalog.metric(metric).label
        charts.append(
            Chart(60 + number * HALF, 110, HALF, 540, label.capitalize(), categories, series, axis, True, fmt)
        )
    return Slide(
        f"Before → after {name}: per decision",
        charts=tuple(charts),
        footnote=_measured(comparison.asked.values()),
    )


def _role_change_slides(comparison: Comparison, name: str) -> list[Slide]:
    rows = [(change.change, change.title, change.said) for change in comparison.roles]
    shown = rows[: CHANGE_ROWS_PER_SLIDE * MOST_CHANGE_SLIDES]
    slides = _table_slides(
        f"What {name} changes", ("change", "role", "what changed"), (0.14, 0.36, 0.5), shown, CHANGE_ROWS_PER_SLIDE
    )
    if len(rows) > len(shown):
        note = f"{len(rows) - len(shown)} more changes are not on a slide: orgcharts diff lists them all."
        slides[-1] = with_footnote(slides[-1], note)
    return slides


def _table_slides(
    title: str,
    header: tuple[str, ...],
    widths: tuple[float, ...],
    rows: list[tuple[str, ...]],
    per_slide: int,
    marks: dict[int, str] | None = None,
    footnote: str = "",
) -> list[Slide]:
    """``rows`` in tables of ``per_slide`` rows a slide, numbered "(1 of 2)" when more than
    one; ``marks`` fills rows (by index in ``rows``)."""
    pages = range(0, len(rows), per_slide)
    slides = []
    for page, start in enumerate(pages):
        chunk = tuple(rows[start : start + per_slide])
        filled = {i - start + 1: fill for i, fill in (marks or {}).items() if start <= i < start + len(chunk)}
        table = Table(
            60, 105, SLIDE_WIDTH - 120, 34 * (len(chunk) + 1), header, chunk, column_widths=widths, marks=filled
        )
        numbered = title if len(pages) == 1 else f"{title} ({page + 1} of {len(pages)})"
        slides.append(Slide(numbered, tables=(table,), footnote=footnote))
    return slides


def _measured(asked: Iterable[Asked]) -> str:
    said = [request_words(one) for one in asked if one.decision.unit]
    return ("Measured at: " + "; ".join(said) + ".") if said else ""
