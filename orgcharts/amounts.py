"""Which amount a decision's figures are measured at, and how every surface says it.

A decision with a unit (a refund in USD) is measured at the amount the user asked about;
without one, at the decision's ``typical_amount``; without that, at no amount, where any
authority counts whatever its limit ("any amount, however small (limits ignored)"). A
decision without a unit has no amount: limits never apply to it.

The API, pure and the same for the command line, the JSON documents, the reports and the
dashboard:

- ``resolve(decision, given) -> Asked``: the amount used and why (``basis``).
- ``amount_words(asked) -> str``: "200 USD (typical amount)", "400 USD", "any amount,
  however small (limits ignored)", or "" for a decision without a unit.
- ``request_words(asked) -> str``: the decision and its amount, as a chart title says it:
  "Refund or bill credit of 200 USD (typical amount)".
- ``ignored_note(asked) -> str | None``: the command line's note when limits were ignored.
- ``amount_document(asked) -> dict``: ``amount``, ``amount_basis`` and ``amount_said`` for JSON.
- ``mix_words(decision, mix) -> str``: a request mix (``requests.amounts``), "60% at 25, 30% at
  200 and 10% at 2,000 USD".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from orgcharts.model import Decision, Share

Basis = Literal["given", "typical", "none", "no unit"]

TYPICAL = "typical amount"
ANY_AMOUNT = "any amount, however small (limits ignored)"
"""What the figures mean when no amount applies to a decision with a unit: every
authority counts, a 25 USD limit as much as none."""


@dataclass(frozen=True, slots=True)
class Asked:
    """The amount ``decision``'s figures are measured at (None: none) and where it came from."""

    decision: Decision
    amount: float | None
    basis: Basis


def resolve(decision: Decision, given: float | None = None) -> Asked:
    """The amount used for ``decision``: ``given`` (the user's), else the decision's typical
    amount, else none. A decision without a unit has no amount, whatever was given."""
    if not decision.unit:
        return Asked(decision, None, "no unit")
    if given is not None:
        return Asked(decision, float(given), "given")
    if decision.typical_amount is not None:
        return Asked(decision, decision.typical_amount, "typical")
    return Asked(decision, None, "none")


def number(value: float) -> str:
    """An amount as people read it: "200", "1,500", "2.5"."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def amount_words(asked: Asked) -> str:
    """What the figures' amount is, in words ("" when the decision has no unit)."""
    if asked.basis == "no unit":
        return ""
    if asked.amount is None:
        return ANY_AMOUNT
    said = f"{number(asked.amount)} {asked.decision.unit}"
    return f"{said} ({TYPICAL})" if asked.basis == "typical" else said


def request_words(asked: Asked, name: str | None = None) -> str:
    """The decision (``name``, default its name) with its amount: "Refund or bill credit of
    400 USD", "Refund or bill credit of any amount, however small (limits ignored)"."""
    said = amount_words(asked)
    name = asked.decision.name if name is None else name
    return f"{name} of {said}" if said else name


def ignored_note(asked: Asked) -> str | None:
    """The note the command line prints on standard error when limits were ignored."""
    if asked.basis != "none":
        return None
    return (
        f"note: {asked.decision.id} has no typical amount and no --amount was given: "
        "limits ignored, any authority counts"
    )


def amount_document(asked: Asked) -> dict[str, Any]:
    """The amount in JSON: the number used (null: none), why, and the words."""
    return {"amount": asked.amount, "amount_basis": asked.basis, "amount_said": amount_words(asked)}


def mix_words(decision: Decision, mix: Sequence[Share]) -> str:
    """A request mix as people read it: "60% at 25, 30% at 200 and 10% at 2,000 USD"."""
    parts = [f"{share.share:.0%} at {number(share.amount)}" for share in mix]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{listed} {decision.unit}"
