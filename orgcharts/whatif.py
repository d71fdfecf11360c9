"""What-if edits: grant or remove a role's authority for a decision, on a copy of the org.

Grants only grant: a grant below the authority a role holds (a lower limit, or a limit where
it has none) would take authority away, so ``add_edit`` refuses it (``GrantError``, pointing
to Remove), and so does a grant of what the role already holds, so that every change listed
changes something. ``apply_edits`` skips any such edit an edit list holds anyway (a browser's
list, an undo that made a later grant a reduction), and ``describe_edits`` says "No change"
for it: neither the metrics, the change list nor the downloaded YAML ever record a reduction
as a grant.

The dashboard calls ``add_edit(org, edits, edit)`` for a button or key press (showing the
error's message when it refuses), ``apply_edits(org, edits)`` to measure, and
``describe_edits(org, edits)`` for the change list, one line per edit.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from orgcharts.amounts import number
from orgcharts.errors import EditError, GrantError
from orgcharts.model import Authority, Decision, Organization

__all__ = ["Action", "Edit", "EditError", "GrantError", "add_edit", "apply_edits", "describe", "describe_edits"]

Action = Literal["grant", "remove"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Give ``role`` authority for ``decision`` (up to ``limit``, None: no limit), or take it away."""

    action: Action
    role: str
    decision: str
    limit: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "role": self.role, "decision": self.decision, "limit": self.limit}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Edit:
        """Rebuild an edit from ``to_dict``'s form, refusing anything else."""
        if not isinstance(data, Mapping):
            raise EditError("an edit must be a mapping")
        action, role, decision, limit = (data.get(key) for key in ("action", "role", "decision", "limit"))
        if action not in ("grant", "remove") or not isinstance(role, str) or not isinstance(decision, str):
            raise EditError(f"not an edit: {dict(data)!r}"[:200])
        if limit is not None and (
            isinstance(limit, bool) or not isinstance(limit, int | float) or not math.isfinite(limit) or limit <= 0
        ):
            raise EditError("an edit's limit must be a number above 0")
        return cls(action, role, decision, None if limit is None else float(limit))


def _granted(decision: Decision, edit: Edit) -> Authority:
    """The authority a grant gives: its limit, for a decision with a unit; none otherwise."""
    return Authority(edit.decision, edit.limit if decision.unit else None)


def _widens(held: Authority | None, given: Authority) -> bool:
    """True if ``given`` lets a role decide more than ``held`` does."""
    if held is None:
        return True
    if held.limit is None:
        return False
    return given.limit is None or given.limit > held.limit


def _effect(org: Organization, decides: Mapping[str, list[Authority]], edit: Edit) -> str | None:
    """Why ``edit`` would change nothing or take authority away against ``decides`` (each
    role's authority so far), or None when it does what it says."""
    if not org.has_role(edit.role) or edit.decision not in org.decision_index:
        return "unknown"
    decision = org.decision_index[edit.decision]
    held = next((a for a in decides[edit.role] if a.decision == edit.decision), None)
    title = org.role(edit.role).title
    if edit.action == "remove":
        return None if held is not None else f"{title} does not decide {decision.name}: nothing to remove"
    given = _granted(decision, edit)
    if _widens(held, given):
        return None
    assert held is not None
    holds = f"{title} already decides {decision.name}{_bound(decision, held.limit)}"
    if given == held:
        return f"{holds}: nothing to grant"
    return (
        f"{holds}; a grant of {number(edit.limit or 0)} {decision.unit} would lower it: "
        "use Remove to take authority away"
    )


def _bound(decision: Decision, limit: float | None) -> str:
    if not decision.unit:
        return ""
    return " with no limit" if limit is None else f" up to {number(limit)} {decision.unit}"


class _Authorities(dict[str, list[Authority]]):
    """Each role's authority as the edits so far leave it, copied from the org when first asked for."""

    def __init__(self, org: Organization) -> None:
        super().__init__()
        self.org = org

    def __missing__(self, role_id: str) -> list[Authority]:
        held = self[role_id] = list(self.org.role(role_id).decides)
        return held


def _replay(org: Organization, edits: Iterable[Edit]) -> tuple[dict[str, list[Authority]], list[str | None]]:
    """The authority of each role an edit touched, after ``edits``, and for each edit why it
    was skipped (None: applied). Only those roles are copied: a 100,000-role org with no edits,
    redrawn on every change of the controls, costs nothing here."""
    decides = _Authorities(org)
    skipped: list[str | None] = []
    for edit in edits:
        why = _effect(org, decides, edit)
        skipped.append(why)
        if why is not None:
            continue
        kept = [authority for authority in decides[edit.role] if authority.decision != edit.decision]
        if edit.action == "grant":
            kept.append(_granted(org.decision_index[edit.decision], edit))
        decides[edit.role] = kept
    return decides, skipped


def apply_edits(org: Organization, edits: Iterable[Edit]) -> Organization:
    """The org with every edit applied in order. Edits naming roles or decisions the org
    lacks are skipped (the org may have been edited since), and so are grants that would
    give nothing or lower a limit, and removals of authority the role does not hold."""
    decides, _ = _replay(org, edits)
    roles = tuple(
        role
        if role.id not in decides or tuple(decides[role.id]) == role.decides
        else dataclasses.replace(role, decides=tuple(decides[role.id]))
        for role in org.roles
    )
    return dataclasses.replace(org, roles=roles)


def add_edit(org: Organization, edits: Sequence[Edit], edit: Edit) -> tuple[Edit, ...]:
    """``edits`` with ``edit`` after them, if it does what it says on the org as edited so far;
    ``GrantError`` when it would change nothing or lower a limit, ``EditError`` when it names
    a role or decision ``org`` lacks."""
    if not org.has_role(edit.role):
        raise EditError(f"no role '{edit.role}' in {org.name}: choose one on the chart")
    if edit.decision not in org.decision_index:
        raise EditError(f"no decision '{edit.decision}' in {org.name}: choose one of its decisions")
    decides, _ = _replay(org, edits)
    why = _effect(org, decides, edit)
    if why is not None:
        raise GrantError(why)
    return (*edits, edit)


def describe(org: Organization, edit: Edit) -> str:
    """A sentence for the list of changes: "Care agent may decide Refund up to 200 USD"."""
    title = org.role(edit.role).title if org.has_role(edit.role) else edit.role
    decision = org.decision_index.get(edit.decision)
    name = decision.name if decision else edit.decision
    if edit.action == "remove":
        return f"{title} may no longer decide {name}"
    if edit.limit is not None and decision is not None and decision.unit:
        return f"{title} may decide {name} up to {number(edit.limit)} {decision.unit}"
    return f"{title} may decide {name}"


def describe_edits(org: Organization, edits: Sequence[Edit]) -> list[str]:
    """One line per edit for the change list, in order: ``describe``'s sentence, or, for an
    edit ``apply_edits`` skips, "No change: " and why ("... already decides Refund up to 500 USD")."""
    _, skipped = _replay(org, edits)
    lines = []
    for edit, why in zip(edits, skipped, strict=True):
        if why is None:
            lines.append(describe(org, edit))
        elif why == "unknown":
            lines.append(f"No change: {describe(org, edit)} (not in this org)")
        else:
            lines.append(
                "No change: " + why.split(";")[0].removesuffix(": nothing to grant").removesuffix(": nothing to remove")
            )
    return lines
