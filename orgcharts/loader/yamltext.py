"""Text -> plain Python values, safely (bytes -> text is ``loader.problems.decode``).

Everything here keeps hostile input cheap: the document is read from libyaml's event
stream in one iterative pass, so nesting depth is bounded before any recursive code
sees it (PyYAML's C composer crashes the interpreter on 100,000 nested brackets),
aliases are shared rather than copied and their expanded size is budgeted (the
"billion laughs"), and an alias to a collection that contains it is refused.
Positions are not recorded on the way: they are looked up only for the few paths
that end up in a diagnostic (``loader.positions.Locator``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from orgcharts.loader.problems import Kept, Problem, ReadFailure

Path = tuple[str | int, ...]

MAX_DEPTH = 64
"""Deepest nesting accepted. An org file needs five levels; this leaves room for taste."""

_STR = "tag:yaml.org,2002:str"
MERGE_TAG = "tag:yaml.org,2002:merge"
_INT = "tag:yaml.org,2002:int"
_CONSTRUCTED_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
}
# Kept as written: the format has no dates, so "2024-01-01" as a title stays text.
_TEXT_TAGS = {_STR, "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}
_COLLECTION_TAGS = {None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _Collection:
    """A mapping or sequence being built from events."""

    __slots__ = ("anchor", "is_mapping", "key", "key_mark", "merges", "size", "value")

    def __init__(self, value: Any, anchor: str | None) -> None:
        self.value = value
        self.is_mapping = isinstance(value, dict)
        self.key: Any = _NO_KEY
        self.key_mark: Any = None
        self.anchor = anchor
        self.size = 1
        self.merges: list[Any] = []


_FLOW_STARTS = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_FLOW_ENDS = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)
_LOOKAHEAD = 4096
"""Characters before a libyaml error read again for flow brackets: libyaml's own key lookahead is 1,024."""


def _too_deep(max_depth: int) -> str:
    return f"the document nests deeper than {max_depth} levels; an org file needs five"


_NO_KEY = object()
_NODE_STARTS = (ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent, ev.AliasEvent)
_MERGE_KEY = object()


class _Reader:
    def __init__(self, text: str, max_depth: int) -> None:
        self.text = text
        self.max_depth = max_depth
        self.max_expansion = 10 * len(text) + 10_000
        self.expanded = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.problems = Kept()
        self.root_mark: tuple[int | None, int | None] | None = None
        self.top_marks: dict[str, tuple[tuple[int | None, int | None], tuple[int | None, int | None]]] = {}
        self.item_lines: dict[str, list[int]] = {}
        self.section_ends: dict[str, int] = {}
        self.resolvers = yaml.resolver.Resolver.yaml_implicit_resolvers
        self.resolved: dict[str, str] = {}
        self.constructor = yaml.constructor.SafeConstructor()

    def read(self) -> Any:
        try:
            loader = yaml.CSafeLoader(self.text)
        except UnicodeEncodeError as exc:
            # Text that came as JSON (from a browser) can hold lone surrogates, which libyaml cannot encode.
            line = self.text.count("\n", 0, exc.start)
            column = exc.start - (self.text.rfind("\n", 0, exc.start) + 1)
            message = "the text holds a character that is not valid Unicode (a lone surrogate); remove it"
            raise ReadFailure([Problem(message, line, column)]) from None
        try:
            return self._read_stream(loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            message = _yaml_message(exc)
            raise ReadFailure([Problem(message, *_position(mark))]) from None
        except yaml.reader.ReaderError as exc:
            offset = exc.position
            line = self.text.count("\n", 0, offset)
            column = offset - (self.text.rfind("\n", 0, offset) + 1)
            message = (
                f"the file holds a control character (#x{exc.character:04x}), which YAML does not allow; remove it"
            )
            raise ReadFailure([Problem(message, line, column)]) from None
        except yaml.YAMLError as exc:
            raise ReadFailure([Problem(f"YAML error: {exc}")]) from None
        finally:
            loader.dispose()

    def _read_stream(self, loader: Any) -> Any:
        stack: list[_Collection] = []
        documents = 0
        root: Any = None
        event: Any = None
        while True:
            try:
                event = loader.get_event()
            except yaml.MarkedYAMLError as exc:
                self._refuse_deep_flow(exc, len(stack), 0 if event is None else event.end_mark.index)
                raise
            kind = type(event)
            if len(stack) == 2 and kind in _NODE_STARTS and not stack[1].is_mapping and stack[0].is_mapping:
                self.item_lines.setdefault(str(stack[0].key), []).append(event.start_mark.line)
            elif len(stack) == 1 and kind in _NODE_STARTS and stack[0].is_mapping:
                self._mark_top_level(stack[0], event)
            elif not stack and kind in _NODE_STARTS and self.root_mark is None:
                self.root_mark = _position(event.start_mark)
            if kind is ev.ScalarEvent:
                value = self._scalar(event, stack)
                self._add(stack, value, 1, event)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1)
                if not stack:
                    root = value
            elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                if len(stack) >= self.max_depth:
                    raise ReadFailure([Problem(_too_deep(self.max_depth), *_position(event.start_mark))])
                if event.tag not in _COLLECTION_TAGS:
                    self.problems.append(
                        Problem(f"tag {event.tag} is not supported here; remove it", *_position(event.start_mark))
                    )
                collection = _Collection({} if kind is ev.MappingStartEvent else [], event.anchor)
                if event.anchor is not None:
                    self.open_anchors.add(event.anchor)
                stack.append(collection)
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                if len(stack) == 2 and stack[0].is_mapping:
                    self.section_ends[str(stack[0].key)] = event.start_mark.line
                collection = stack.pop()
                if collection.merges:
                    for merged in collection.merges:
                        for key, value in merged.items():
                            collection.value.setdefault(key, value)
                if collection.anchor is not None:
                    self.open_anchors.discard(collection.anchor)
                    self.anchors[collection.anchor] = (collection.value, collection.size)
                self._add(stack, collection.value, collection.size, event)
                if not stack:
                    root = collection.value
            elif kind is ev.AliasEvent:
                value, size = self._alias(event)
                self._add(stack, value, size, event)
                if not stack:
                    root = value
            elif kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    message = "the file holds several YAML documents (separated by ---); keep one org per file"
                    raise ReadFailure([Problem(message, *_position(event.start_mark))])
            elif kind is ev.StreamEndEvent:
                break
        if documents == 0:
            raise ReadFailure([Problem("the file is empty; see docs/format.md for what an org file holds", 0, 0)])
        return root

    def _mark_top_level(self, root: _Collection, event: Any) -> None:
        """Where each top-level key and its value start, so that a diagnostic about one
        (``organization`` is not text) is placed without composing the whole file."""
        if root.key is _NO_KEY:
            if isinstance(event, ev.ScalarEvent):
                self.top_marks[event.value] = (_position(event.start_mark), _position(event.start_mark))
        elif isinstance(root.key, str) and root.key in self.top_marks:
            self.top_marks[root.key] = (self.top_marks[root.key][0], _position(event.start_mark))

    def _refuse_deep_flow(self, exc: yaml.MarkedYAMLError, depth: int, start: int) -> None:
        """Raises our depth error if the flow collections that libyaml scanned ahead of its
        last event nest past ``max_depth`` before the place of ``exc``.

        libyaml scans a line's flow brackets ahead of the events it has delivered (each may
        begin a key), and some releases refuse deep flow nesting of their own accord there,
        before this reader sees a deep enough event; their message and position must not
        replace ours. The text between the last event and the error is short (libyaml looks
        no further than one line and 1,024 characters for a key), and PyYAML's Python
        scanner reads it again, counting brackets as YAML does (quoted text and all)."""
        mark = exc.problem_mark or exc.context_mark
        if mark is None or depth + (mark.index - start) < self.max_depth:
            return
        start = max(start, mark.index - _LOOKAHEAD)
        scanner = yaml.SafeLoader(self.text[start : mark.index + 1])
        try:
            while (token := scanner.get_token()) is not None:
                if isinstance(token, _FLOW_STARTS):
                    if depth >= self.max_depth:
                        at = token.start_mark.index + start
                        line = self.text.count("\n", 0, at)
                        column = at - (self.text.rfind("\n", 0, at) + 1)
                        raise ReadFailure([Problem(_too_deep(self.max_depth), line, column)])
                    depth += 1
                elif isinstance(token, _FLOW_ENDS):
                    depth -= 1
        except yaml.YAMLError:
            return

    def _alias(self, event: ev.AliasEvent) -> tuple[Any, int]:
        name = event.anchor
        if name in self.open_anchors:
            message = f"alias *{name} refers to a collection that contains it; recursive aliases are not allowed"
            raise ReadFailure([Problem(message, *_position(event.start_mark))])
        if name not in self.anchors:
            message = f"alias *{name} has no anchor &{name} before it"
            raise ReadFailure([Problem(message, *_position(event.start_mark))])
        value, size = self.anchors[name]
        self.expanded += size
        if self.expanded > self.max_expansion:
            message = (
                f"aliases expand to more than {self.max_expansion:,} values, far more than the file holds "
                "(an alias bomb?); write the values out or use fewer nested aliases"
            )
            raise ReadFailure([Problem(message, *_position(event.start_mark))])
        return value, size

    def _scalar(self, event: ev.ScalarEvent, stack: list[_Collection]) -> Any:
        value = event.value
        tag = event.tag
        plain = tag is None or tag == "!"
        if plain and stack and stack[-1].is_mapping and stack[-1].key is _NO_KEY:
            # Keys stay as written ("0x10" is a key, not 16); only "<<" means something.
            return _MERGE_KEY if value == "<<" and event.implicit[0] else value
        if plain:
            tag = self._resolve(value) if event.implicit[0] else _STR
        if tag in _TEXT_TAGS:
            return value
        if tag == _INT and value.isdecimal() and value.isascii() and (value[0] != "0" or len(value) == 1):
            return int(value) if len(value) < 4000 else self._unreadable_number(value, event)
        if tag == MERGE_TAG:
            return value
        if tag in _CONSTRUCTED_TAGS:
            try:
                constructed = getattr(self.constructor, "construct_yaml_" + tag.rsplit(":", 1)[1])(
                    yaml.ScalarNode(tag, value)
                )
            except ValueError:
                return self._unreadable_number(value, event)
            if isinstance(constructed, float) and not math.isfinite(constructed):
                self.problems.append(Problem(f"{value} is not a finite number", *_position(event.start_mark)))
            return constructed
        self.problems.append(Problem(f"tag {tag} is not supported here; remove it", *_position(event.start_mark)))
        return value

    def _unreadable_number(self, value: str, event: ev.ScalarEvent) -> str:
        self.problems.append(Problem(f"the number {value[:40]!s} is too long to read", *_position(event.start_mark)))
        return value

    def _resolve(self, value: str) -> str:
        """YAML 1.1's implicit tag of a plain scalar, remembered: ids and words repeat a lot."""
        known = self.resolved.get(value)
        if known is not None:
            return known
        tag = _STR
        for candidate, pattern in self.resolvers.get(value[0] if value else "", ()):
            if pattern.match(value):
                tag = candidate
                break
        if len(self.resolved) < 100_000:
            self.resolved[value] = tag
        return tag

    def _add(self, stack: list[_Collection], value: Any, size: int, event: Any) -> None:
        self.expanded += 1
        if not stack:
            return
        parent = stack[-1]
        parent.size += size
        if not parent.is_mapping:
            parent.value.append(value)
            return
        if parent.key is _NO_KEY:
            if isinstance(value, (dict, list)):
                self.problems.append(
                    Problem("a key must be plain text, not a collection", *_position(event.start_mark))
                )
                value = repr(value)[:40]
            parent.key = value if value is _MERGE_KEY or isinstance(value, str) else _key_text(value)
            parent.key_mark = event.start_mark
            return
        key = parent.key
        parent.key = _NO_KEY
        if key is _MERGE_KEY:
            self._merge(parent, value, event)
        elif key in parent.value:
            self.problems.append(
                Problem(f"key '{key}' appears twice in this mapping; keep one", *_position(parent.key_mark))
            )
            parent.value[key] = value
        else:
            parent.value[key] = value

    def _merge(self, parent: _Collection, value: Any, event: Any) -> None:
        merged = value if isinstance(value, list) else [value]
        if all(isinstance(item, dict) for item in merged):
            parent.merges.extend(merged)
        else:
            self.problems.append(
                Problem("a merge key (<<) takes a mapping or a list of mappings", *_position(event.start_mark))
            )


def _key_text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _position(mark: Any) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line, mark.column


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    parts = [part for part in (exc.context, exc.problem) if part]
    text = ", ".join(parts) if parts else "the YAML cannot be read"
    return f"YAML syntax: {text}"


@dataclass(frozen=True)
class Document:
    """A read document: its value, the non-fatal problems, and where the items of each
    top-level list start (0-based lines), which lets ``positions.Locator`` place a diagnostic by
    reading one item again instead of the whole file."""

    value: Any
    problems: list[Problem]
    item_lines: dict[str, list[int]]
    section_ends: dict[str, int]
    problems_not_kept: int = 0
    """Problems found past the first ``KEPT_PROBLEMS``, counted only."""
    root_mark: tuple[int | None, int | None] | None = None
    """Where the document's value starts (0-based line and column)."""
    top_marks: dict[str, tuple[tuple[int | None, int | None], tuple[int | None, int | None]]] = field(
        default_factory=dict
    )
    """Where each top-level key, then its value, starts (the last of a key given twice)."""


def read_document(text: str, max_depth: int = MAX_DEPTH) -> Document:
    """Read one YAML document into dicts, lists and scalars.

    Non-fatal problems (duplicate keys, unsupported tags, numbers that cannot be read)
    are listed in the result. Raises ``ReadFailure`` when no document can be built:
    syntax errors, several documents, nesting deeper than ``max_depth``, recursive or
    undefined aliases, and aliases expanding past ten values per byte of text.
    Mapping keys are always strings. The caller should pause the garbage collector:
    the pass allocates millions of objects that all stay alive.
    """
    reader = _Reader(text, max_depth)
    value = reader.read()
    return Document(
        value,
        list(reader.problems),
        reader.item_lines,
        reader.section_ends,
        reader.problems.more,
        reader.root_mark,
        reader.top_marks,
    )
