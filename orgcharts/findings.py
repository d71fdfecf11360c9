"""The three to five findings that matter most, in sentences a consultant would say, each
with its number: what the table output, the dashboard and the board pack open with.

Each rule is one function returning a sentence or None; ``RULES`` lists them most
important first, and the first five that have something to say are the findings. The
rules, and why they are in this order, are documented in docs/diagnostics.md ("Findings").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from orgcharts import catalog
from orgcharts.amounts import mix_words, number, request_words
from orgcharts.metrics.conditions import FIGURES
from orgcharts.metrics.diagnostics import DecisionDiagnosis, Diagnosis, climbed_load, diagnose
from orgcharts.model import Organization
from orgcharts.words import counted

MOST_FINDINGS = 5
SEGMENT_GAP_HOPS = 0.5
"""Segments whose expected hops differ by less than this are not worth a sentence."""
LOW_CONDITION = 0.8
"""The front line's pay, tenure or training below this ratio to the rest's is worth a sentence."""
CONDITION_WORDS = {"tenure_years": "tenure", "training_hours": "training"}


@dataclass(frozen=True)
class _Facts:
    """What the rules read: the diagnosis and the decision the findings are about (None: the org has none)."""

    diagnosis: Diagnosis
    decision: DecisionDiagnosis | None

    @property
    def org(self) -> Organization:
        return self.diagnosis.org

    @property
    def request(self) -> str:
        """The decision and its amount as a sentence says it mid-way: "refund or bill credit of 200 USD"."""
        assert self.decision is not None
        decision = self.org.decision_index[self.decision.decision]
        if self.decision.asked is None:
            return f"{_lower_first(decision.name)} ({mix_words(decision, self.decision.mix)})"
        return _lower_first(request_words(self.decision.asked))

    @property
    def named(self) -> str:
        """The decision alone, as the sentences after the first say it: "refund or bill credit"."""
        assert self.decision is not None
        return _lower_first(self.org.decision_index[self.decision.decision].name)

    @property
    def facing_people(self) -> int:
        return sum(role.headcount for role in self.org.roles if role.customer_facing)


def headline_findings(org: Organization, decision_id: str | None = None, amount: float | None = None) -> list[str]:
    """Three to five sentences, most important first, about ``decision_id`` at ``amount``
    (None: its request mix, else as ``amounts.resolve`` chooses). Without ``decision_id``,
    the decision that makes most requests climb: most escalated requests a week among
    decisions with a request rate, else the highest expected hops (file order among equals).

    Fewer than three only when the org has too little to say (no customer-facing role)."""
    return findings_of(diagnose(org, [decision_id] if decision_id is not None else (), amount))


def findings_of(diagnosis: Diagnosis) -> list[str]:
    """``headline_findings`` of a diagnosis already made, about the decision in it that makes
    most requests climb (the only one, when it was made for one)."""
    facts = _Facts(diagnosis, _worst_decision(diagnosis))
    found = [sentence for rule in RULES if (sentence := rule(facts)) is not None][:MOST_FINDINGS]
    return _said_once(found, facts)


def _said_once(found: list[str], facts: _Facts) -> list[str]:
    """The decision with its amount in the first sentence that names it, by name alone after."""
    if facts.decision is None:
        return found
    first = next((index for index, sentence in enumerate(found) if facts.request in sentence), len(found))
    return [
        sentence if index <= first else sentence.replace(facts.request, facts.named)
        for index, sentence in enumerate(found)
    ]


def _worst_decision(diagnosis: Diagnosis) -> DecisionDiagnosis | None:
    def climbing(decision: DecisionDiagnosis) -> tuple[float, float]:
        escalated = decision.overall.escalated_per_week
        hops = decision.overall.expected_hops
        return (-1.0 if escalated is None else escalated, -1.0 if hops is None else hops)

    return max(diagnosis.decisions.values(), key=climbing, default=None)


def _lower_first(text: str) -> str:
    """A name mid-sentence: "Refund or bill credit" reads "refund or bill credit", "USD refund" stays."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _percent(part: float, whole: float) -> str:
    """A share as a sentence says it; a small one above 0 is "under 1%", never "0%"."""
    if not whole:
        return "0%"
    return "under 1%" if 0 < part / whole < 0.005 else f"{part / whole:.0%}"


def _hours(value: float) -> str:
    """Hours of wait as people say them: "8 hours", "124.8 hours (5.2 days)"."""
    said = f"{number(round(value, 1))} {'hour' if round(value, 1) == 1 else 'hours'}"
    return f"{said} ({number(round(value / 24, 1))} days)" if value >= 48 else said


def _about_the_decision(rule: Callable[[_Facts, DecisionDiagnosis], str | None]) -> Callable[[_Facts], str | None]:
    """A rule about the decision that makes most requests climb: it says nothing without one."""

    @wraps(rule)
    def said(facts: _Facts) -> str | None:
        return None if facts.decision is None else rule(facts, facts.decision)

    return said


def _requests(value: float) -> str:
    return catalog.metric("requests_per_week").say(round(value))


@_about_the_decision
def _farthest_role(facts: _Facts, decision: DecisionDiagnosis) -> str | None:
    """The customer-facing role whose customers' requests climb most: most escalated
    requests a week (without a rate: headcount x mean hops), the first in file order among equals."""
    climbing = {role: flow for role, flow in decision.roles.items() if flow.escalated and flow.mean_hops}
    if not climbing:
        return None
    worst = max(
        climbing,
        key=lambda role: climbing[role].escalated * (1 if decision.rated else climbing[role].mean_hops or 0),
    )
    flow = climbing[worst]
    role = facts.org.role(worst)
    hops = flow.mean_hops or 0.0
    said_hops = counted(round(hops), "hop") if hops == round(hops) else f"{hops:.1f} hops on average"
    sentence = (
        f"Requests to {role.title} ({counted(role.headcount, 'person')}, {_percent(role.headcount, facts.facing_people)} "
        f"of your customer-facing people) climb {said_hops} for {facts.request}"
    )
    if decision.rated:
        wait = f" wait {_hours(hops * facts.org.hours_per_hop)}" if facts.org.hours_per_hop is not None else " climb"
        sentence += f": {_requests(flow.escalated)}{wait}"
    return sentence + "."


@_about_the_decision
def _heaviest_desk(facts: _Facts, decision: DecisionDiagnosis) -> str | None:
    """The role that decides most of other roles' requests: the manager's desk it all lands on."""
    if not decision.load:
        return None
    landed = climbed_load(decision)
    heaviest = max(landed, key=lambda role: landed[role])
    if landed[heaviest] <= 0:
        return None
    total = decision.overall.escalated_per_week or 0.0
    return (
        f"{facts.org.role(heaviest).title} decides {_requests(landed[heaviest])} climbed up from others for "
        f"{facts.request}, {_percent(landed[heaviest], total)} of all escalations: the heaviest desk."
    )


@_about_the_decision
def _unreachable(facts: _Facts, decision: DecisionDiagnosis) -> str | None:
    """Requests that no one in the chain can decide at all."""
    lost = {role: flow.unreachable for role, flow in decision.roles.items() if flow.unreachable}
    if not lost:
        return None
    people = sum(facts.org.role(role).headcount for role in lost)
    who = f"{counted(people, 'customer-facing person', 'customer-facing people')} ({_percent(people, facts.facing_people)})"
    if decision.rated:
        said = _requests(sum(lost.values()))
        return f"{said[0].upper()}{said[1:]} for {facts.request} reach no one who can decide them, from {who}."
    return f"No one above {who} can decide {facts.request}: their requests climb to the top in vain."


def _front_line_conditions(facts: _Facts) -> str | None:
    """The front line's pay, tenure and training against the rest of the org, when any is low."""
    low = [
        (figure, condition)
        for figure, condition in facts.diagnosis.front_line.items()
        if condition.front_line_ratio is not None and condition.front_line_ratio < LOW_CONDITION
    ]
    if not low:
        return None
    ratios = dict(low)
    parts = [
        f"{ratios[figure].front_line_ratio:.2f}x its {CONDITION_WORDS[figure]}"
        for figure in FIGURES[1:]
        if figure in ratios
    ]
    if "pay" in ratios:
        lead = f"are paid {ratios['pay'].front_line_ratio:.2f}x what the rest of the org is"
        said = lead + (", with " + " and ".join(parts) if parts else "")
    else:
        said = (
            "have "
            + " and ".join(parts).replace(" its ", " the ", 1).replace(" and ", " and the ", 1)
            + " of the rest of the org"
        )
    return f"The people who face your customers {said} (medians by headcount): the front door is staffed with the least supported."


def _attention(facts: _Facts) -> str | None:
    """The segment whose share of customer-facing people is furthest below (or above) its weight."""
    flagged = [attention for attention in facts.diagnosis.segments.values() if attention.flag is not None]
    if not flagged:
        return None
    under = [attention for attention in flagged if attention.flag == "under-served"]
    chosen = min(under, key=lambda a: a.ratio or 0.0) if under else max(flagged, key=lambda a: a.ratio or 0.0)
    name = facts.org.segment_index[chosen.segment].name
    return (
        f"{name} weigh {chosen.weight:.0%} of what your customers are worth but get {chosen.share:.0%} of your "
        f"customer-facing people ({chosen.ratio:.2f}x): {chosen.flag}."
    )


@_about_the_decision
def _segment_gap(facts: _Facts, decision: DecisionDiagnosis) -> str | None:
    """The segments farthest from and nearest to a decision, when they differ enough."""
    measured = [
        (figures.expected_hops, figures.mean_wait_hours, facts.org.segment_index[segment].name)
        for segment, figures in decision.by_segment.items()
        if figures.expected_hops is not None
    ]
    if len(measured) < 2:
        return None
    far = max(measured, key=lambda entry: entry[0])
    near = min(measured, key=lambda entry: entry[0])
    if far[0] - near[0] < SEGMENT_GAP_HOPS:  # type: ignore[operator]
        return None
    if far[1] is not None and near[1] is not None:
        gap = f"{_hours(far[1])} of wait on average for {facts.request}, against {_hours(near[1])} for {near[2]}"
    else:
        gap = f"{far[0]:.1f} hops on average for {facts.request}, against {near[0]:.1f} for {near[2]}"
    return f"{far[2]} are the farthest from a decision: {gap}."


@_about_the_decision
def _on_the_spot(facts: _Facts, decision: DecisionDiagnosis) -> str | None:
    """The share of requests (without a rate: of customer-facing people) decided where the customer asks."""
    if not decision.roles:
        return None
    flows = decision.roles.values()
    weight = sum(flow.weight for flow in flows)
    if not weight:
        return None
    share = sum(flow.reachable - flow.escalated for flow in flows) / weight
    whose = "of requests for" if decision.rated else "of your customer-facing people can decide"
    ending = "are decided by the person the customer asked" if decision.rated else "on the spot"
    if share == 0:
        return f"None {whose} {facts.request} {ending}."
    return f"{'Only ' if share < 0.5 else ''}{share:.0%} {whose} {facts.request} {ending}."


def _layers(facts: _Facts) -> str | None:
    """How deep the front line sits below the top: the distance its voice must climb."""
    layers = facts.diagnosis.layers
    if layers.max is None:
        return None
    if layers.median == layers.max:
        where = f"at layer {layers.max}"
    else:
        where = (
            "" if layers.median is None else f"at a median layer {layers.median} and "
        ) + f"as deep as layer {layers.max}"
    return (
        f"Your customer-facing people sit {where} below the top "
        f"({facts.org.top.title}): the distance their voice climbs to reach strategy."
    )


def _narrow_spans(facts: _Facts) -> str | None:
    """How many managers have narrow spans (the bands 1 and 2-3)."""
    bands = facts.diagnosis.span_bands
    managers = sum(bands.values())
    if not managers:
        return None
    narrow = bands["1"] + bands["2-3"]
    return (
        f"{narrow} of your {counted(managers, 'manager')} ({_percent(narrow, managers)}) have 3 direct reports "
        "or fewer: each such layer is one more a request may climb."
    )


RULES: tuple[Callable[[_Facts], str | None], ...] = (
    _farthest_role,
    _heaviest_desk,
    _unreachable,
    _front_line_conditions,
    _attention,
    _segment_gap,
    _on_the_spot,
    _layers,
    _narrow_spans,
)
