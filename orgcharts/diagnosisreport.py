"""The diagnosis as a document (the stable JSON of ``orgcharts diagnose --format json``,
docs/cli.md), a terminal table and Markdown: pure text, no IO. Both texts open with the
findings (``findings.headline_findings``) and then give the same sections.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from orgcharts import catalog
from orgcharts.amounts import amount_words, mix_words, number
from orgcharts.metrics.conditions import SIGHT_GROUPS
from orgcharts.metrics.diagnostics import DecisionDiagnosis, Diagnosis, RequestFigures
from orgcharts.model import PURPOSES
from orgcharts.report import text_table

DIGITS = 6
"""Numbers in the JSON are rounded to this many decimals (sums of shares leave 1e-13 tails)."""
HEAVIEST = 5
"""Roles listed per decision in the texts' load section (the JSON lists every role with a load)."""
FIGURE_WORDS = {"pay": "pay (yearly)", "tenure_years": "tenure (years)", "training_hours": "training (hours a year)"}
GROUP_WORDS = dict(
    zip(
        SIGHT_GROUPS,
        ("facing customers", "1 step away", "2 steps away", "3+ steps away", "no line of sight"),
        strict=True,
    )
)
"""How a reader says each line-of-sight group (``SIGHT_GROUPS``, in order)."""


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, DIGITS)


def _figures_document(figures: RequestFigures, amount: float | None) -> dict[str, Any]:
    return {"amount": amount, **{key: _rounded(getattr(figures, key)) for key in catalog.REQUEST_METRICS}}


def _decision_document(found: DecisionDiagnosis) -> dict[str, Any]:
    load = None if found.load is None else {role: _rounded(value) for role, value in found.load.items()}
    return {
        **_figures_document(found.overall, found.amount),
        "load": load,
        "by_segment": {segment: _figures_document(f, found.amount) for segment, f in found.by_segment.items()},
    }


def diagnosis_document(diagnosis: Diagnosis) -> dict[str, Any]:
    """The stable JSON interface of ``orgcharts diagnose --format json`` (docs/cli.md)."""
    return {
        "organization": diagnosis.org.name,
        "decisions": {decision: _decision_document(found) for decision, found in diagnosis.decisions.items()},
        "front_line": {
            figure: {
                **{group: _rounded(value) for group, value in condition.by_group.items()},
                "front_line_ratio": _rounded(condition.front_line_ratio),
            }
            for figure, condition in diagnosis.front_line.items()
        },
        "segments": {
            segment: {
                "headcount": _rounded(attention.headcount),
                "share": _rounded(attention.share),
                "weight": _rounded(attention.weight),
                "ratio": _rounded(attention.ratio),
                "flag": attention.flag,
                "by_purpose": {purpose: _rounded(value) for purpose, value in attention.by_purpose.items()},
            }
            for segment, attention in diagnosis.segments.items()
        },
        "span_bands": dict(diagnosis.span_bands),
        "layers_to_front_line": {"median": diagnosis.layers.median, "max": diagnosis.layers.max},
    }


@dataclass(frozen=True)
class Section:
    """One part of the texts: a title, a note saying what was measured or left out, a table."""

    title: str
    note: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    right: Sequence[int] = ()


def measured_words(diagnosis: Diagnosis, found: DecisionDiagnosis) -> str:
    """What one decision's figures were measured at: "Refund (refund) at 200 USD (typical amount)",
    "Refund (refund) at its mix: 60% at 25, ... USD"."""
    decision = diagnosis.org.decision_index[found.decision]
    if found.asked is None:
        return f"{decision.name} ({decision.id}) at its request mix: {mix_words(decision, found.mix)}"
    said = amount_words(found.asked)
    return f"{decision.name} ({decision.id})" + (f" at {said}" if said else "")


def sections(diagnosis: Diagnosis) -> list[Section]:
    """The sections both texts give, in order."""
    org = diagnosis.org
    shown = catalog.show
    request_headers = ["decision", *(catalog.metric(key).label for key in catalog.REQUEST_METRICS)]
    result = []
    for found in diagnosis.decisions.values():
        rows = [
            [f"{found.decision} (all)", *(shown(key, getattr(found.overall, key)) for key in catalog.REQUEST_METRICS)]
        ]
        rows += [
            [
                f"  {org.segment_index[segment].name}",
                *(shown(key, getattr(figures, key)) for key in catalog.REQUEST_METRICS),
            ]
            for segment, figures in found.by_segment.items()
        ]
        notes = []
        if not found.rated:
            notes.append("no requests.per_person_per_week: counts left out, hops weighted by headcount")
        if org.hours_per_hop is None:
            notes.append("no escalation.hours_per_hop: no wait")
        title = f"Requests: {measured_words(diagnosis, found)}"
        result.append(Section(title, "; ".join(notes), request_headers, rows, range(1, 6)))
        if found.load:
            heaviest = sorted(found.load.items(), key=lambda item: -item[1])[:HEAVIEST]
            load_rows = [[role, org.role(role).title, shown("load", value)] for role, value in heaviest]
            note = (
                f"{catalog.metric('heaviest_desk').label}: "
                f"{shown('heaviest_desk', catalog.request_values(found)['heaviest_desk'])}; "
                f"the {len(heaviest)} heaviest of {len(found.load)} roles deciding, "
                "their own customers' requests included"
            )
            result.append(
                Section(f"Load: {found.decision}", note, ["role", "title", "requests decided a week"], load_rows, (2,))
            )
    result.append(
        Section(
            "Front line conditions",
            "headcount-weighted medians by distance from the customer, over the roles that give each figure",
            ["figure", *(GROUP_WORDS[group] for group in SIGHT_GROUPS), catalog.metric("front_line_ratio").label],
            [
                [
                    FIGURE_WORDS[figure],
                    *(
                        catalog.MISSING if value is None else number(round(value, 1))
                        for value in condition.by_group.values()
                    ),
                    shown("front_line_ratio", condition.front_line_ratio),
                ]
                for figure, condition in diagnosis.front_line.items()
            ],
            range(1, 7),
        )
    )
    result.append(
        Section(
            "Attention per segment",
            "customer-facing people, a role serving k segments counting 1/k for each; weight normalised to sum 1",
            [
                "segment",
                "people",
                catalog.metric("attention_share").label,
                "weight",
                catalog.metric("attention_ratio").label,
                "flag",
                *PURPOSES,
            ],
            [
                [
                    org.segment_index[segment].name,
                    f"{attention.headcount:,.1f}",
                    shown("attention_share", attention.share),
                    shown("attention_share", attention.weight),
                    shown("attention_ratio", attention.ratio),
                    attention.flag or "",
                    *(f"{attention.by_purpose[purpose]:,.1f}" for purpose in PURPOSES),
                ]
                for segment, attention in diagnosis.segments.items()
            ],
            (1, 2, 3, 4, 6, 7, 8),
        )
    )
    bands = diagnosis.span_bands
    layers = diagnosis.layers
    result.append(
        Section(
            "Spans and layers",
            f"managers counted by direct reports, roles not people; "
            f"{catalog.metric('front_line_median_layer').label} {shown('front_line_median_layer', layers.median)} "
            f"(customer-facing roles by headcount), "
            f"{catalog.metric('front_line_deepest_layer').label} {shown('front_line_deepest_layer', layers.max)}, "
            "the top being layer 1",
            ["direct reports", *bands],
            [["managers", *(str(count) for count in bands.values())]],
            range(1, 7),
        )
    )
    return result


def diagnosis_table(diagnosis: Diagnosis, findings: Sequence[str]) -> str:
    """``orgcharts diagnose``'s table: the findings, then each section as an aligned table."""
    lines = [f"{diagnosis.org.name}: diagnosis", "", "Findings"]
    lines += [f"  {number}. {finding}" for number, finding in enumerate(findings, start=1)]
    for section in sections(diagnosis):
        note = f" ({section.note})" if section.note else ""
        lines += ["", section.title + note, text_table(section.headers, section.rows, section.right)]
    return "\n".join(lines) + "\n"


def diagnosis_markdown(diagnosis: Diagnosis, findings: Sequence[str]) -> str:
    """``orgcharts diagnose --format md``: the findings as a list, each section a Markdown table."""
    lines = [f"# {_md(diagnosis.org.name)}: diagnosis", "", "## Findings", ""]
    lines += [f"{number}. {_md(finding)}" for number, finding in enumerate(findings, start=1)]
    for section in sections(diagnosis):
        lines += ["", f"## {_md(section.title)}", ""]
        lines += [f"_{_md(section.note)}_", ""] if section.note else []
        lines.append("| " + " | ".join(_md(header) for header in section.headers) + " |")
        lines.append(
            "| " + " | ".join("---:" if i in section.right else "---" for i in range(len(section.headers))) + " |"
        )
        lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in section.rows]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text safe in a Markdown table cell: pipes escaped, and markup characters too."""
    for character in "\\|*_`[]<>#":
        text = text.replace(character, "\\" + character)
    return text.strip()
