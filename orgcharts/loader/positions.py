"""From a path in a read document back to a line and column, for the few paths that end up
in a diagnostic: a valid file never pays for positions."""

from __future__ import annotations

from typing import Any

import yaml

from orgcharts.loader.yamltext import MERGE_TAG, Document, Path


class Locator:
    """Finds the line and column of a value or key given its path in the document.

    Composes text into PyYAML nodes only when asked, so a valid file pays nothing. With
    ``document``'s item lines, a path into a top-level list composes just that item (a
    few lines, even in a 200,000-role file); anything unusual falls back to the whole
    text. Only call it on text that ``read_document`` accepted (depth is bounded then).
    """

    def __init__(self, text: str, document: Document | None = None) -> None:
        self.text = text
        self.document = document
        self._root: yaml.Node | None = None
        self._lines: list[str] | None = None

    def position(self, path: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """0-based (line, column) of the value at ``path``, or of its key when ``key`` is set.

        A path that leaves the document stops at the deepest node it reached.
        """
        found = self._in_item(path, key) or self._at_top(path, key)
        if found is not None:
            return found
        if self._root is None:
            self._root = yaml.compose(self.text, Loader=yaml.CSafeLoader)
        if self._root is None:
            return 0, 0
        mark = _walk(self._root, path, key)
        return mark.line, mark.column

    def _at_top(self, path: Path, key: bool) -> tuple[int | None, int | None] | None:
        """The document itself, or a top-level key or its value, as the read recorded them."""
        if self.document is None:
            return None
        if not path:
            return self.document.root_mark
        if len(path) == 1 and isinstance(path[0], str) and path[0] in self.document.top_marks:
            key_mark, value_mark = self.document.top_marks[path[0]]
            return key_mark if key else value_mark
        return None

    def _in_item(self, path: Path, key: bool) -> tuple[int, int] | None:
        if self.document is None or len(path) < 2 or not isinstance(path[1], int):
            return None
        starts = self.document.item_lines.get(str(path[0]))
        if not starts or not 0 <= path[1] < len(starts):
            return None
        first = starts[path[1]]
        after = starts[path[1] + 1] if path[1] + 1 < len(starts) else self.document.section_ends.get(str(path[0]))
        if after is None or after <= first:
            return None
        if self._lines is None:
            self._lines = self.text.splitlines(keepends=True)
        try:
            node = yaml.compose("".join(self._lines[first:after]), Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            return None
        if not isinstance(node, yaml.SequenceNode) or len(node.value) != 1:
            return None
        mark = _walk(node.value[0], path[2:], key)
        return first + mark.line, mark.column


def _walk(node: yaml.Node, path: Path, key: bool) -> Any:
    """The mark of the node at ``path`` below ``node`` (of its key when ``key`` is set)."""
    mark = node.start_mark
    for depth, step in enumerate(path):
        found = _child(node, step)
        if found is None:
            break
        key_node, node = found
        mark = key_node.start_mark if (key and depth == len(path) - 1 and key_node is not None) else node.start_mark
    return mark


def _child(node: yaml.Node, step: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        return (None, node.value[step]) if 0 <= step < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        merged: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                merged.extend(value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node])
            elif isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                return key_node, value_node
        for source in merged:
            found = _child(source, step)
            if found is not None:
                return found
    return None
