"""Check a read document against the shipped JSON Schema and the rules a schema cannot say.

Every check runs on the raw document, defensively, so that one pass reports every
problem: a type error in one role does not hide an unknown id in another. Findings
carry a path into the document; the loader turns paths into lines and columns.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema

from orgcharts.errors import Severity
from orgcharts.loader.diagnosisrules import diagnosis_problems, served_segment
from orgcharts.loader.schema import conforms, schema_errors
from orgcharts.loader.suggest import Suggester
from orgcharts.loader.treerules import NOT_TEXT, tree_problems
from orgcharts.loader.yamltext import Path
from orgcharts.words import counted

MAX_FINDINGS = 200
"""Findings reported per file; past that a last line counts the rest."""
_MAX_SUGGESTIONS = 50
_BOUND_WORDS = {"minimum": "{} or more", "maximum": "{} or less", "exclusiveMinimum": "more than {}"}
_SECTION_KIND = {"customers": "customer segment", "decisions": "decision", "roles": "role"}
_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping of keys to values",
    "boolean": "true or false",
    "null": "empty",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem at ``path`` (None: the file as a whole); ``at_key`` points at the key rather than its value.

    ``related`` is another path the message refers to ("first used at line N").
    """

    severity: Severity
    message: str
    path: Path | None
    at_key: bool = False
    related: Path | None = None
    kind: str | None = None
    subject: str | None = None


def check(data: Any) -> list[Finding]:
    """Every error and warning in a document, errors first, at most ``MAX_FINDINGS`` + 1."""
    findings = [*_schema_findings(data), *_Rules(data).findings()]
    findings.sort(key=lambda finding: finding.severity != "error")  # errors survive the cap
    if len(findings) > MAX_FINDINGS:
        rest = len(findings) - MAX_FINDINGS
        findings = findings[:MAX_FINDINGS]
        findings.append(
            Finding(
                findings[-1].severity,
                f"{counted(rest, 'more problem', 'more problems')} not shown; fix these first",
                None,
            )
        )
    return findings


def _schema_findings(data: Any) -> Iterator[Finding]:
    if conforms(data):
        return
    seen: set[tuple[Path, str]] = set()
    for error, path in schema_errors(data):
        for finding in _translate(error, path, data):
            if (finding.path, finding.message) not in seen:
                seen.add((finding.path, finding.message))
                yield finding


def _translate(error: jsonschema.ValidationError, path: Path, data: Any) -> Iterator[Finding]:
    keyword = error.validator
    instance = error.instance
    place = _place(path, data)
    if keyword == "type":
        expected = error.validator_value
        words = " or ".join(
            _TYPE_WORDS.get(name, name) for name in ([expected] if isinstance(expected, str) else expected)
        )
        yield Finding("error", f"{place} must be {words}, not {_show(instance)}", path)
    elif keyword == "required":
        for key in error.validator_value:
            if isinstance(instance, dict) and key not in instance:
                yield Finding("error", f"{place} has no '{key}'; add it", path)
    elif keyword == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        for key in instance:
            if key not in allowed:
                message = f"unknown key '{key}' in {place}{_did_you_mean(key, allowed)}"
                yield Finding("error", message, (*path, key), at_key=True)
    elif keyword == "minItems":
        kind = _SECTION_KIND.get(str(path[-1]) if path else "", "entry")
        yield Finding("error", f"{place} must list at least one {kind}", path)
    elif keyword in _BOUND_WORDS:
        bound = _BOUND_WORDS[keyword].format(error.validator_value)
        yield Finding("error", f"{place} must be {bound}, not {_show(instance)}", path)
    elif keyword == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        yield Finding("error", f"{place} must be one of {choices}, not {_show(instance)}", path)
    elif keyword == "minLength":
        yield Finding("error", f"{place} must not be empty", path)
    elif keyword == "maxLength":
        yield Finding("error", f"{place} is longer than {error.validator_value} characters", path)
    elif keyword == "uniqueItems":
        repeated = next(item for index, item in enumerate(instance) if item in instance[:index])
        yield Finding("error", f"{place} lists {_show(repeated)} twice", path)
    else:
        yield Finding("error", f"{place}: {error.message}", path)


def _place(path: Path, data: Any) -> str:
    """Names the thing at ``path`` the way a user thinks of it: "headcount of role 'agent'"."""
    if not path:
        return "the org file"
    if len(path) == 1 or path[0] not in _SECTION_KIND:
        return ".".join(map(str, path))
    section, index, *rest = path
    kind = _SECTION_KIND.get(str(section), str(section))
    owner = kind
    item = _get(data, (section, index))
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        owner = f"{kind} '{item['id']}'"
    elif isinstance(index, int):
        owner = f"{kind} #{index + 1}"
    if not rest:
        return owner
    if rest[0] == "decides" and len(rest) >= 2:
        entry = f"decides entry #{rest[1] + 1} of {owner}"
        return f"limit of {entry}" if rest[-1] == "limit" else entry
    # keys down to a list read "requests.amounts"; an entry of it "entry #1 of ...", a key in that "share of ..."
    listed = next((position for position, step in enumerate(rest) if isinstance(step, int)), len(rest))
    place = f"{'.'.join(map(str, rest[:listed]))} of {owner}"
    if listed < len(rest):
        place = f"entry #{int(rest[listed]) + 1} of {place}"
        if listed + 1 < len(rest):
            place = f"{'.'.join(map(str, rest[listed + 1 :]))} of {place}"
    return place


def _get(data: Any, path: Path) -> Any:
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    return str(value)


def _did_you_mean(word: str, candidates: list[str] | set[str]) -> str:
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


class _Rules:
    """The rules no schema says: unique ids, references, and the tree rules of ``treerules``."""

    def __init__(self, data: Any) -> None:
        self.data = data if isinstance(data, dict) else {}
        self.items = {section: self._items(section) for section in _SECTION_KIND}
        self.owner: dict[str, tuple[str, int]] = {}
        self.suggestions_left = _MAX_SUGGESTIONS
        self.suggesters: dict[int, Suggester] = {}

    def _items(self, section: str) -> list[tuple[int, dict[str, Any]]]:
        entries = self.data.get(section)
        if not isinstance(entries, list):
            return []
        return [(index, item) for index, item in enumerate(entries) if isinstance(item, dict)]

    def ids(self, section: str) -> dict[str, int]:
        return {item["id"]: index for index, item in self.items[section] if isinstance(item.get("id"), str)}

    def findings(self) -> Iterator[Finding]:
        yield from self._unique_ids()
        roles, segments, decisions = self.ids("roles"), self.ids("customers"), self.ids("decisions")
        yield from self._references(roles, segments, decisions)
        yield from self._tree()
        yield from self._typical_amounts()
        for severity, message, path, at_key in diagnosis_problems(
            self.items["decisions"], self.items["roles"], self.items["customers"]
        ):
            yield Finding(severity, message, path, at_key=at_key)  # type: ignore[arg-type]
        yield from self._warnings(roles, decisions)

    def _unique_ids(self) -> Iterator[Finding]:
        for section in _SECTION_KIND:
            for index, item in self.items[section]:
                item_id = item.get("id")
                if not isinstance(item_id, str):
                    continue
                if item_id in self.owner:
                    first_section, first_index = self.owner[item_id]
                    message = (
                        f"id '{item_id}' is already the id of a {_SECTION_KIND[first_section]}; ids must be unique"
                    )
                    yield Finding("error", message, (section, index, "id"), related=(first_section, first_index, "id"))
                else:
                    self.owner[item_id] = (section, index)

    def _hint(self, value: str, candidates: dict[str, int]) -> str:
        if value in self.owner:
            return f" (it is the id of a {_SECTION_KIND[self.owner[value][0]]})"
        if self.suggestions_left <= 0:
            return ""
        self.suggestions_left -= 1
        suggester = self.suggesters.get(id(candidates))
        if suggester is None:
            suggester = self.suggesters[id(candidates)] = Suggester(candidates)
        return suggester.hint(value)

    def _references(
        self, roles: dict[str, int], segments: dict[str, int], decisions: dict[str, int]
    ) -> Iterator[Finding]:
        for index, role in self.items["roles"]:
            here = ("roles", index)
            manager = role.get("reports_to")
            for key, known, kind in (
                ("serves", segments, "customer segment"),
                ("supports", roles, "role"),
                ("dotted_to", roles, "role"),
            ):
                for position, ref in _listed(role.get(key), served_segment if key == "serves" else None):
                    if ref not in known:
                        message = f"{key} '{ref}' is not a {kind} id{self._hint(ref, known)}"
                        yield Finding("error", message, (*here, key, position))
                    elif key == "supports" and ref == role.get("id"):
                        yield Finding(
                            "error", f"role '{ref}' supports itself; list the roles it serves", (*here, key, position)
                        )
                    elif key == "dotted_to" and ref == role.get("id"):
                        message = f"role '{ref}' has a dotted line to itself; list its secondary managers"
                        yield Finding("error", message, (*here, key, position))
                    elif key == "dotted_to" and ref == manager:
                        message = f"dotted_to '{ref}' is already the manager of role '{role.get('id')}'; remove it"
                        yield Finding("error", message, (*here, key, position))
            yield from self._authorities(here, role.get("decides"), decisions)

    def _authorities(self, here: Path, decides: Any, decisions: dict[str, int]) -> Iterator[Finding]:
        if not isinstance(decides, list):
            return
        listed: set[str] = set()
        here_id = _get(self.data, (*here, "id"))
        here_id = here_id if isinstance(here_id, str) else None
        for position, entry in enumerate(decides):
            decision = entry.get("decision") if isinstance(entry, dict) else entry
            if not isinstance(decision, str):
                continue
            path = (*here, "decides", position)
            if decision not in decisions:
                yield Finding(
                    "error", f"decides '{decision}' is not a decision id{self._hint(decision, decisions)}", path
                )
                continue
            if decision in listed:
                yield Finding("error", f"decides lists '{decision}' twice; keep one entry per decision", path)
            listed.add(decision)
            declared = self.data["decisions"][decisions[decision]]
            if isinstance(entry, dict) and "limit" in entry and "unit" not in declared:
                message = (
                    f"decision '{decision}' has no unit, so this limit cannot be compared with an amount "
                    "and is ignored; give the decision a unit"
                )
                yield Finding("warning", message, (*path, "limit"), kind="limit_without_unit", subject=here_id)

    def _typical_amounts(self) -> Iterator[Finding]:
        for index, decision in self.items["decisions"]:
            if "typical_amount" in decision and "unit" not in decision:
                message = (
                    f"decision '{decision.get('id')}' has no unit, so typical_amount {_show(decision['typical_amount'])} "
                    "cannot be an amount of it; give the decision a unit or remove typical_amount"
                )
                yield Finding("error", message, ("decisions", index, "typical_amount"), at_key=True)

    def _tree(self) -> Iterator[Finding]:
        roles = self.items["roles"]
        entries = [
            (
                role["id"] if isinstance(role.get("id"), str) else None,
                role["reports_to"]
                if isinstance(role.get("reports_to"), str)
                else NOT_TEXT
                if "reports_to" in role
                else None,
            )
            for _, role in roles
        ]
        known = {role_id: index for index, (role_id, _) in enumerate(entries) if role_id is not None}
        for problem in tree_problems(entries, "reports_to", lambda manager: self._hint(manager, known)):
            if problem.index is None:
                yield Finding("error", problem.message, ("roles",), at_key=True)
                continue
            here = ("roles", roles[problem.index][0])
            yield Finding("error", problem.message, (*here, "reports_to") if problem.on_manager else here)

    def _warnings(self, roles: dict[str, int], decisions: dict[str, int]) -> Iterator[Finding]:
        if "decisions" not in self.data:
            yield Finding(
                "warning", "no decisions listed: add the decisions customers bring to measure decision distance", ()
            )
        decided = set()
        managers = set()
        supported = False
        for _, role in self.items["roles"]:
            decided.update(
                entry.get("decision") if isinstance(entry, dict) else entry for entry in _list(role.get("decides"))
            )
            manager = role.get("reports_to")
            if isinstance(manager, str):
                managers.add(manager)
            supported = supported or bool(role.get("supports"))
        for index, decision in self.items["decisions"]:
            if isinstance(decision.get("id"), str) and decision["id"] not in decided:
                message = f"no role can make decision '{decision['id']}'; every request for it goes unanswered"
                yield Finding(
                    "warning", message, ("decisions", index, "id"), kind="unmade_decision", subject=decision["id"]
                )
        for index, role in self.items["roles"]:
            role_id = role.get("id")
            if not isinstance(role_id, str) or role_id in managers or role.get("serves") or role.get("supports"):
                continue
            message = f"role '{role_id}' serves no segment, supports no role and manages no one: it has no line of sight to a customer"
            yield Finding("warning", message, ("roles", index, "id"), kind="no_line_of_sight", subject=role_id)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _listed(value: Any, named: Callable[[Any], Any] | None = None) -> Iterator[tuple[int, str]]:
    """The ids a list gives, with their positions; ``named`` reads the id of an entry that is not one."""
    for position, item in enumerate(_list(value)):
        ref = item if named is None else named(item)
        if isinstance(ref, str):
            yield position, ref
