"""The validated organisation: plain immutable values, built from a checked document by
``from_document`` (the loader calls it after its checks; nothing else builds an org from a file)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Segment:
    """A group of external customers."""

    id: str
    name: str
    weight: float | None = None
    """How much the segment matters, in any unit consistent across segments (None: not given)."""


Purpose = Literal["acquisition", "retention", "service"]
PURPOSES: tuple[Purpose, ...] = ("acquisition", "retention", "service")


@dataclass(frozen=True, slots=True)
class Share:
    """One amount customers ask for under a decision, and the share of requests asking it."""

    amount: float
    share: float


@dataclass(frozen=True, slots=True)
class Decision:
    """A kind of matter customers bring that needs authority; ``unit`` if it has an amount,
    and then perhaps ``typical_amount``, the size of a usual request (``amounts.resolve``).

    ``requests_per_person_per_week``: how often customers ask, per customer-facing person
    (None: not given); ``mix``: the amounts they ask for, shares summing to 1 (empty: none given)."""

    id: str
    name: str
    unit: str | None = None
    typical_amount: float | None = None
    requests_per_person_per_week: float | None = None
    mix: tuple[Share, ...] = ()


@dataclass(frozen=True, slots=True)
class Authority:
    """A role's right to make one decision, up to ``limit`` (``None``: any amount)."""

    decision: str
    limit: float | None = None

    def covers(self, amount: float | None) -> bool:
        """True if this authority settles a request of ``amount`` (``None``: any size)."""
        return self.limit is None or amount is None or amount <= self.limit


@dataclass(frozen=True, slots=True)
class Role:
    """A position in the org; it may stand for many people (``headcount``)."""

    id: str
    title: str
    reports_to: str | None = None
    name: str | None = None
    headcount: int = 1
    serves: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    decides: tuple[Authority, ...] = ()
    dotted_to: tuple[str, ...] = ()
    """Secondary (dotted-line) managers: drawn, never laid out; an escalation route on request."""
    purposes: tuple[Purpose, ...] = ()
    """Why the role serves each segment of ``serves``, position by position (empty: service for all)."""
    pay: float | None = None
    """Average yearly pay of the people in the role."""
    tenure_years: float | None = None
    training_hours: float | None = None
    """Training hours per person per year."""

    def purpose_for(self, position: int) -> Purpose:
        """Why the role serves its ``position``-th segment."""
        return self.purposes[position] if self.purposes else "service"

    @property
    def customer_facing(self) -> bool:
        return bool(self.serves)

    def authority_for(self, decision: str) -> Authority | None:
        for authority in self.decides:
            if authority.decision == decision:
                return authority
        return None


@dataclass(frozen=True)
class Organization:
    """A whole org: customer segments, decisions and roles, in file order.

    The loader guarantees: ids are unique, every reference names an existing id, the
    reporting lines form one tree, and exactly one role (``top``) has no manager.
    """

    name: str
    customers: tuple[Segment, ...]
    decisions: tuple[Decision, ...]
    roles: tuple[Role, ...]
    hours_per_hop: float | None = None
    """Average hours a request waits at each reporting line it climbs (None: not given)."""
    _index: dict[str, Role] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._index.update((role.id, role) for role in self.roles)

    def role(self, role_id: str) -> Role:
        return self._index[role_id]

    def has_role(self, role_id: str) -> bool:
        return role_id in self._index

    @cached_property
    def top(self) -> Role:
        return next(role for role in self.roles if role.reports_to is None)

    @cached_property
    def decision_index(self) -> dict[str, Decision]:
        return {decision.id: decision for decision in self.decisions}

    @cached_property
    def segment_index(self) -> dict[str, Segment]:
        return {segment.id: segment for segment in self.customers}


def from_document(data: dict[str, Any]) -> Organization:
    """The model of an org document (the file format, docs/format.md) that the loader's
    checks (``loader.validate.check``) found free of errors; it checks nothing itself."""
    decisions = tuple(_decision(d) for d in data.get("decisions", ()))
    return Organization(
        name=data["organization"],
        customers=tuple(Segment(c["id"], c["name"], _number(c.get("weight"))) for c in data["customers"]),
        decisions=decisions,
        roles=tuple(_role(role) for role in data["roles"]),
        hours_per_hop=_number(data.get("escalation", {}).get("hours_per_hop")),
    )


def _number(value: float | None) -> float | None:
    return None if value is None else float(value)


def _decision(decision: dict[str, Any]) -> Decision:
    requests = decision.get("requests", {})
    return Decision(
        decision["id"],
        decision["name"],
        decision.get("unit"),
        _number(decision.get("typical_amount")),
        _number(requests.get("per_person_per_week")),
        tuple(Share(float(entry["amount"]), float(entry["share"])) for entry in requests.get("amounts", ())),
    )


def _role(role: dict[str, Any]) -> Role:
    served = role.get("serves", ())
    return Role(
        id=role["id"],
        title=role["title"],
        reports_to=role.get("reports_to"),
        name=role.get("name"),
        headcount=int(role.get("headcount", 1)),
        serves=tuple(entry["segment"] if isinstance(entry, dict) else entry for entry in served),
        purposes=tuple(entry.get("for", "service") if isinstance(entry, dict) else "service" for entry in served)
        if any(isinstance(entry, dict) for entry in served)
        else (),
        supports=tuple(role.get("supports", ())),
        decides=tuple(_authority(entry) for entry in role.get("decides", ())),
        dotted_to=tuple(role.get("dotted_to", ())),
        pay=_number(role.get("pay")),
        tenure_years=_number(role.get("tenure_years")),
        training_hours=_number(role.get("training_hours")),
    )


def _authority(entry: str | dict[str, Any]) -> Authority:
    if isinstance(entry, str):
        return Authority(entry)
    return Authority(entry["decision"], entry.get("limit"))
