"""An imported org as YAML text: the document (plain dicts and lists, in our format) and a
writer for it. A fresh import has no formatting of the user's to keep, so it is written
directly, line by line, rather than through ruamel.yaml's round-trip emitter (which
``roundtrip`` keeps for the user's own files). Scalars are written plain only where YAML 1.1
reads them back as the same text; anything else is double-quoted, so an id ``0100`` or a
title ``No`` stays text."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, repeat
from operator import is_not, itemgetter
from typing import Any

import yaml

from orgcharts.errors import Diagnostic
from orgcharts.gcpause import collector_paused

_PLAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9 _.()&/+'-]*")
"""Text safe to write unquoted anywhere, flow lists included (no ``,:#[]{}``, no leading
indicator), if YAML 1.1 also reads it as text."""
_RESOLVER = yaml.resolver.Resolver()
RESOLVED_FIRST = frozenset(first for first in _RESOLVER.yaml_implicit_resolvers if first)
"""First characters with which plain text may read as something else (a number, yes, null)."""
_NOT_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""Characters YAML does not allow unescaped, or reads as line breaks (json.dumps already
escapes those below 0x20)."""


class Document(dict[str, Any]):
    """An org document, with the comment lines written above it."""

    def __init__(self, comment: Sequence[str] = (), **content: Any) -> None:
        super().__init__(**content)
        self.comment = list(comment)


@dataclass
class Written:
    """An import as the YAML text written, with what the command says about it."""

    text: str
    rows: int
    roles: int
    people: int
    warnings: list[Diagnostic] = field(default_factory=list)


_NOT_PLAIN_CHARACTER = re.compile(r"[^A-Za-z0-9 _.()&/+'\n-]")
_CAREFUL_OPENING = re.compile("\n(?=[" + re.escape("".join(sorted(RESOLVED_FIRST | set(" .()&/+'-\n")))) + "])")
"""A text's first character that may make it read as something else (or may not open a
plain scalar), or no first character at all. A lookahead, so that an empty text does not
swallow the line break that opens the next one."""
_ROLE_TEXTS = ("id", "title", "name", "reports_to")
"""A role's text fields; the others are a headcount (a whole number) and the lists
``serves`` and ``decides``."""
_USUAL_ROLE = frozenset(_ROLE_TEXTS)
_usual_fields = itemgetter(*_ROLE_TEXTS)
_given = partial(is_not, None)


def to_yaml(document: Document | dict[str, Any]) -> str:
    """The document as YAML our loader reads back as written."""
    lines = [f"# {line}" if line else "#" for line in getattr(document, "comment", ())]
    with collector_paused():
        for key, value in document.items():
            lines += _roles(value) if key == "roles" and isinstance(value, list) else _entry(key, value, "")
        return "\n".join(lines) + "\n"


def _roles(roles: list[dict[str, Any]]) -> list[str]:
    """The roles: their texts checked all at once (``_written_texts``); a role with just
    its texts (the usual one) written by one f-string, others field by field."""
    texts = list(chain.from_iterable(filter(_given, map(dict.get, roles, repeat(field))) for field in _ROLE_TEXTS))
    quoted = _written_texts(texts)
    if quoted is None:  # not an import's roles (a number where text goes): ``scalar`` writes each
        return ["roles:", *(line for role in roles for line in _item(role, "  "))]
    written = quoted.get
    lines = ["roles:"]
    for role in roles:
        if role.keys() == _USUAL_ROLE:
            role_id, title, name, boss = _usual_fields(role)
            lines.append(
                f"  - id: {written(role_id, role_id)}\n    title: {written(title, title)}\n"
                f"    name: {written(name, name)}\n    reports_to: {written(boss, boss)}"
            )
        else:
            lines += _item(role, "  ")
    return lines


def _written_texts(texts: list[str]) -> dict[str, str] | None:
    """How each of ``texts`` that ``scalar`` would not write as it is gets written (None if
    one is not text). Passes over the texts joined line by line find those worth a look (a
    character outside plain text, a careful first character, a space at the end); only those
    go through ``scalar``."""
    try:
        joined = "\n" + "\n".join(texts) + "\n"
    except TypeError:
        return None
    if joined.count("\n") != len(texts) + 1:  # a text holds a line break: look at every one
        looked_at = set(texts)
    else:
        starts = [match.start() for match in _NOT_PLAIN_CHARACTER.finditer(joined)]
        starts += [match.start() + 1 for match in _CAREFUL_OPENING.finditer(joined)]
        at = joined.find(" \n")
        while at != -1:
            starts.append(at)
            at = joined.find(" \n", at + 1)
        looked_at = {joined[joined.rfind("\n", 0, at) + 1 : joined.index("\n", at)] for at in starts}
    said = {text: scalar(text) for text in looked_at}
    return {text: quoted for text, quoted in said.items() if quoted != text}


def scalar(value: object) -> str:
    """One value as YAML 1.1 reads it back: a number as written (``50``, ``12.5``), text
    plain where that stays text, else double-quoted with escapes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        said = repr(int(value)) if value.is_integer() else repr(value)
        return said.replace("e", ".0e") if "e" in said and "." not in said else said  # YAML 1.1 floats have a dot
    text = str(value)
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and (text[0] not in RESOLVED_FIRST or _is_text(text)):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(_escape, quoted)


def _is_text(text: str) -> bool:
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\\ufffd" if 0xD800 <= code <= 0xDFFF else f"\\u{code:04x}"


def fields_text(fields: dict[str, Any], pad: str) -> str:
    """A mapping's fields as ``to_yaml`` writes them, each line opening with ``pad``."""
    return "\n".join(line for key, value in fields.items() for line in _entry(key, value, pad))


def _entry(key: str, value: Any, pad: str) -> list[str]:
    if isinstance(value, dict):
        return [f"{pad}{key}:", *(line for k, v in value.items() for line in _entry(k, v, pad + "  "))]
    if isinstance(value, list):
        if all(not isinstance(item, dict | list) for item in value):
            return [f"{pad}{key}: [{', '.join(scalar(item) for item in value)}]"]
        return [f"{pad}{key}:", *(line for item in value for line in _item(item, pad + "  "))]
    return [f"{pad}{key}: {scalar(value)}"]


def _item(item: Any, pad: str) -> list[str]:
    if not isinstance(item, dict):
        return [f"{pad}- {scalar(item)}"]
    if all(not isinstance(value, dict | list) for value in item.values()) and "decision" in item:
        return [f"{pad}- {{{', '.join(f'{k}: {scalar(v)}' for k, v in item.items())}}}"]
    lines = [line for key, value in item.items() for line in _entry(key, value, pad + "  ")]
    return [f"{pad}- {lines[0][len(pad) + 2 :]}", *lines[1:]] if lines else [f"{pad}- {{}}"]
