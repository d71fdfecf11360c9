"""What-if edits: grant or remove a role's authority for a decision, on a copy of the org."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from orgcharts.errors import EditError
from orgcharts.model import Authority, Organization

__all__ = ["Action", "Edit", "EditError", "apply_edits", "describe"]

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


def apply_edits(org: Organization, edits: Iterable[Edit]) -> Organization:
    """The org with every edit applied in order. Edits naming roles or decisions the org
    lacks are skipped (the org may have been edited since)."""
    decides = {role.id: list(role.decides) for role in org.roles}
    for edit in edits:
        if edit.role not in decides or edit.decision not in org.decision_index:
            continue
        kept = [authority for authority in decides[edit.role] if authority.decision != edit.decision]
        if edit.action == "grant":
            kept.append(Authority(edit.decision, edit.limit if org.decision_index[edit.decision].unit else None))
        decides[edit.role] = kept
    roles = tuple(
        role if tuple(decides[role.id]) == role.decides else dataclasses.replace(role, decides=tuple(decides[role.id]))
        for role in org.roles
    )
    return dataclasses.replace(org, roles=roles)


def describe(org: Organization, edit: Edit) -> str:
    """A sentence for the list of changes: "Care agent may decide Refund up to 200 USD"."""
    title = org.role(edit.role).title if org.has_role(edit.role) else edit.role
    decision = org.decision_index.get(edit.decision)
    name = decision.name if decision else edit.decision
    if edit.action == "remove":
        return f"{title} may no longer decide {name}"
    if edit.limit is not None and decision is not None and decision.unit:
        return f"{title} may decide {name} up to {edit.limit:,g} {decision.unit}"
    return f"{title} may decide {name}"
