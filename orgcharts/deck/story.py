"""The board pack's story, slide by slide: a title, the headline findings, the
customer-on-top chart (whole org, then each function), the longest climbs to a decision,
where the distance is and the diagnostics (charts), and with a proposal every metric before and after and the
roles it changes. Pure: an org in, a ``plan.Deck`` out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from orgcharts import catalog
from orgcharts.amounts import request_words
from orgcharts.collapse import subtree_totals
from orgcharts.compare import Comparison, compare
from orgcharts.deck.charts import comparison_slides, distance_slide
from orgcharts.deck.diagnosis import diagnosis_slides
from orgcharts.deck.orgslides import Drawing, function_slides, whole_org_slide
from orgcharts.deck.paths import path_slides
from orgcharts.deck.plan import BODY_PT, SLIDE_WIDTH, TITLE_PT, Box, Deck, Run, Slide, text_box, with_footnote
from orgcharts.graph import reporting_tree
from orgcharts.metrics.diagnostics import Diagnosis, diagnose
from orgcharts.model import Organization
from orgcharts.report import hop_report
from orgcharts.words import counted

FINDINGS_PER_SLIDE = 6
WHERE_THE_REST_IS = "Every role is in the dashboard: orgcharts serve {source}."

Findings = Callable[[Diagnosis], list[str]]
"""The headline findings of a diagnosis, in sentences (``findings.findings_of``)."""


@dataclass(frozen=True)
class Asked:
    """What the deck measures: ``decisions`` (all of the org's when empty), at ``amount``
    (None: each decision's typical amount), and ``source`` the org file's name."""

    source: str
    decisions: Sequence[str] = ()
    amount: float | None = None


def board_deck(
    org: Organization,
    asked: Asked,
    findings: Findings,
    proposal: Organization | None = None,
    proposal_name: str = "the proposal",
) -> Deck:
    """The deck for ``org`` (see the module's docstring); ``findings`` gives the headline
    findings of a diagnosis (of one decision, or of all); ``proposal``, when
    given, is compared with ``org`` and its changed roles marked on its chart."""
    tree = reporting_tree(org)
    report = hop_report(org, asked.decisions, asked.amount)
    diagnosis = diagnose(org, asked.decisions, asked.amount)
    decisions = list(report.paths)
    first = decisions[0] if decisions else None
    found = report.paths[first] if first else []
    where_rest = WHERE_THE_REST_IS.format(source=asked.source)
    drawing = Drawing(org, tree, found, first, subtree_totals(org, tree, found))
    measured = [request_words(report.asked[d]) for d in decisions]
    colour_note = f"Chips: hops from each customer-facing role to a decision on {measured[0]}." if measured else ""
    chart, _ = whole_org_slide(drawing, f"{org.name}: customers on top", where_rest)
    slides = [
        _title_slide(org, asked.source, measured),
        *_findings_slides(diagnosis, asked, findings),
        with_footnote(chart, colour_note, first=True),
        *function_slides(drawing, where_rest),
        *path_slides(report, where_rest),
        *([distance_slide(report)] if decisions else []),
        *diagnosis_slides(diagnosis),
    ]
    if proposal is not None:
        comparison = compare(org, proposal, asked.amount)
        slides += comparison_slides(comparison, proposal_name)
        slides.append(_proposal_chart(comparison, first, proposal_name, where_rest))
    return Deck(org.name, tuple(slides))


def _title_slide(org: Organization, source: str, measured: list[str]) -> Slide:
    values = catalog.counts(org)
    lines = [
        catalog.said(("roles", "people", "customer_facing_roles"), values)
        + f", {counted(len(org.customers), 'customer segment')}",
        *(["Measured: " + "; ".join(measured)] if measured else []),
        f"From {source}, drawn by orgcharts",
    ]
    heading = Box(
        60,
        220,
        SLIDE_WIDTH - 120,
        140,
        ((Run(org.name, 40.0, bold=True),), (Run("The distance from our customers to a decision", TITLE_PT),)),
        align="left",
    )
    return Slide("Board pack: " + org.name, (heading, text_box(60, 400, SLIDE_WIDTH - 120, 200, lines)))


def _findings_slides(diagnosis: Diagnosis, asked: Asked, findings: Findings) -> list[Slide]:
    """The findings for each decision asked about, or (none asked) for the one that matters most."""
    said: list[str] = []
    each = [dataclasses.replace(diagnosis, decisions={d: diagnosis.decisions[d]}) for d in asked.decisions]
    for one in each or [diagnosis]:
        said += [line for line in findings(one) if line not in said]
    if not said:
        said = ["The file lists no customer-facing role or decision, so there is no distance to a decision to report."]
    pages = [said[i : i + FINDINGS_PER_SLIDE] for i in range(0, len(said), FINDINGS_PER_SLIDE)]
    slides = []
    for number, page in enumerate(pages):
        title = "What we found" if len(pages) == 1 else f"What we found ({number + 1} of {len(pages)})"
        bullets = Box(
            60,
            110,
            SLIDE_WIDTH - 120,
            560,
            tuple((Run("• " + line, BODY_PT + 2),) for line in page),
            align="left",
        )
        slides.append(Slide(title, (bullets,)))
    return slides


def _proposal_chart(comparison: Comparison, decision: str | None, name: str, where_rest: str) -> Slide:
    org = comparison.after
    tree = reporting_tree(org)
    report = hop_report(org, [decision] if decision and decision in org.decision_index else [])
    found = report.paths.get(decision, []) if decision else []
    changed = comparison.changed_roles
    drawing = Drawing(org, tree, found, decision if found else None, subtree_totals(org, tree, found), changed)
    slide, _ = whole_org_slide(drawing, f"After {name}: the changed roles", where_rest)
    shown = {box.key for box in slide.boxes}
    inside = len({role for role in changed if org.has_role(role)} - shown)
    note = f"Pink outline: a role {name} changes, or a team holding one ({counted(len(changed), 'role')} changed"
    note += f", {inside} of them inside a team drawn as one card)." if inside else ")."
    return with_footnote(slide, note, first=True)
