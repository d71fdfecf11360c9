"""The diagnostics on slides, as native charts: requests escalated and hours of wait per
decision, attention against weight and purpose per segment, and the front line's pay,
tenure and training beside the span bands (``metrics.diagnostics``, the Diagnosis view's
numbers). A chart whose numbers the file does not give is left out, and the footnote says so."""

from __future__ import annotations

from orgcharts.deck.plan import SLIDE_WIDTH, Chart, Series, Slide
from orgcharts.diagnosisreport import FIGURE_WORDS, GROUP_WORDS
from orgcharts.metrics.conditions import FIGURES, SIGHT_GROUPS
from orgcharts.metrics.diagnostics import Diagnosis
from orgcharts.model import PURPOSES

HALF = (SLIDE_WIDTH - 120) / 2
THIRD = (SLIDE_WIDTH - 120) / 3


def diagnosis_slides(diagnosis: Diagnosis) -> list[Slide]:
    """Up to three slides, each only when the file gives its numbers."""
    return [slide for slide in (_requests(diagnosis), _attention(diagnosis), _conditions(diagnosis)) if slide]


def _requests(diagnosis: Diagnosis) -> Slide | None:
    org = diagnosis.org
    rated = {d: found for d, found in diagnosis.decisions.items() if found.rated}
    if not rated:
        return None
    names = tuple(org.decision_index[d].name for d in rated)
    escalated = Series("escalated", tuple(found.overall.escalated_per_week for found in rated.values()))
    nowhere = Series("no one can decide", tuple(found.overall.unreachable_per_week for found in rated.values()))
    wait = Series("mean wait", tuple(found.overall.mean_wait_hours for found in rated.values()))
    left_out = len(diagnosis.decisions) - len(rated)
    return Slide(
        "Requests that climb, and the hours customers wait",
        charts=(
            Chart(
                60, 110, HALF, 540, "Requests a week that climb", names, (escalated, nowhere), "requests a week", True
            ),
            Chart(60 + HALF, 110, HALF, 540, "Mean wait per request", names, (wait,), "hours", True, "0.0"),
        ),
        footnote="From requests per person a week and hours per hop in the file (docs/diagnostics.md)."
        + (f" {left_out} decisions give no request rate and are left out." if left_out else ""),
    )


def _attention(diagnosis: Diagnosis) -> Slide | None:
    org = diagnosis.org
    segments = list(diagnosis.segments.values())
    if not segments:
        return None
    names = tuple(org.segment_index[a.segment].name for a in segments)
    share = Series("share of customer-facing people", tuple(a.share for a in segments))
    weight = Series("weight (how much it matters)", tuple(a.weight for a in segments))
    purposes = tuple(Series(purpose, tuple(a.by_purpose[purpose] for a in segments)) for purpose in PURPOSES)
    return Slide(
        "Where attention goes",
        charts=(
            Chart(60, 110, HALF, 540, "Attention against weight", names, (share, weight), "share", False, "0%"),
            Chart(60 + HALF, 110, HALF, 540, "Winning, keeping or serving", names, purposes, "people", False, "#,##0"),
        ),
        footnote="A role serving k segments counts 1/k for each; a segment without a weight shows none.",
    )


def _conditions(diagnosis: Diagnosis) -> Slide | None:
    charts = []
    for number, key in enumerate(FIGURES):
        by_group = diagnosis.front_line[key].by_group
        shown = [group for group in SIGHT_GROUPS if by_group[group] is not None]
        if not shown:
            continue
        words = FIGURE_WORDS[key]  # "pay (yearly)"
        title = f"{words[0].upper()}{words[1:]}, median"
        values = Series(title, tuple(by_group[group] for group in shown))
        labels = tuple(GROUP_WORDS[group] for group in shown)
        unit = words.split(" (")[1].rstrip(")")
        fmt = "0.0" if key == "tenure_years" else "#,##0"
        charts.append(Chart(60 + number * THIRD, 110, THIRD, 540, title, labels, (values,), unit, False, fmt))
    if not charts:
        return None
    return Slide(
        "The front door is staffed with the least supported",
        charts=tuple(charts),
        footnote="Medians by distance from the customer (steps of line of sight); roles without the figure left out.",
    )
