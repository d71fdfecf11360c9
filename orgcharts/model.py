"""The validated organisation: plain immutable values, built from a checked document by
``from_document`` (the loader calls it after its checks; nothing else builds an org from a file)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True, slots=True)
class Segment:
    """A group of external customers."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Decision:
    """A kind of matter customers bring that needs authority; ``unit`` if it has an amount,
    and then perhaps ``typical_amount``, the size of a usual request (``amounts.resolve``)."""

    id: str
    name: str
    unit: str | None = None
    typical_amount: float | None = None


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
        customers=tuple(Segment(c["id"], c["name"]) for c in data["customers"]),
        decisions=decisions,
        roles=tuple(_role(role) for role in data["roles"]),
    )


def _decision(decision: dict[str, Any]) -> Decision:
    typical = decision.get("typical_amount")
    return Decision(decision["id"], decision["name"], decision.get("unit"), None if typical is None else float(typical))


def _role(role: dict[str, Any]) -> Role:
    return Role(
        id=role["id"],
        title=role["title"],
        reports_to=role.get("reports_to"),
        name=role.get("name"),
        headcount=int(role.get("headcount", 1)),
        serves=tuple(role.get("serves", ())),
        supports=tuple(role.get("supports", ())),
        decides=tuple(_authority(entry) for entry in role.get("decides", ())),
        dotted_to=tuple(role.get("dotted_to", ())),
    )


def _authority(entry: str | dict[str, Any]) -> Authority:
    if isinstance(entry, str):
        return Authority(entry)
    return Authority(entry["decision"], entry.get("limit"))
