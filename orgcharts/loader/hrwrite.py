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
from typing import Any

import yaml

_PLAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9 _.()&/+'-]*")
"""Text safe to write unquoted anywhere, flow lists included (no ``,:#[]{}``, no leading
indicator), if YAML 1.1 also reads it as text."""
_RESOLVER = yaml.resolver.Resolver()
_RESOLVED_FIRST = frozenset(first for first in _RESOLVER.yaml_implicit_resolvers if first)
"""First characters with which plain text may read as something else (a number, yes, null)."""
_NOT_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""Characters YAML does not allow unescaped, or reads as line breaks (json.dumps already
escapes those below 0x20)."""


class Document(dict[str, Any]):
    """An org document, with the comment lines written above it."""

    def __init__(self, comment: Sequence[str] = (), **content: Any) -> None:
        super().__init__(**content)
        self.comment = list(comment)


def to_yaml(document: Document | dict[str, Any]) -> str:
    """The document as YAML our loader reads back as written."""
    lines = [f"# {line}" if line else "#" for line in getattr(document, "comment", ())]
    for key, value in document.items():
        lines += _entry(key, value, "")
    return "\n".join(lines) + "\n"


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
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and (text[0] not in _RESOLVED_FIRST or _is_text(text)):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(_escape, quoted)


def _is_text(text: str) -> bool:
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\\ufffd" if 0xD800 <= code <= 0xDFFF else f"\\u{code:04x}"


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
