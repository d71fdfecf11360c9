"""Writing what-if edits back into the user's own file: comments, key order, quoting and
layout of everything unchanged stay as written (ruamel.yaml's round trip). Reading stays
with the loader's parser; this module only writes."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from orgcharts.errors import Diagnostic, OrgFileError
from orgcharts.model import Authority, Organization


def with_authority(text: str, source: str, org: Organization) -> str:
    """``text`` (a valid org file) with each role's ``decides`` as ``org`` has it: ``org`` is
    the file's org after what-if edits, which move authority and nothing else.

    Entries for unchanged authority are kept as written, changed limits rewritten in place,
    new entries appended in the list's own style (a new list is a flow list); an emptied
    list is removed. The order of a role's ``decides`` carries no meaning and may differ
    from ``org``'s.
    Raises ``OrgFileError`` if the file does not match ``org`` role for role.
    """
    writer = YAML()
    writer.preserve_quotes = True
    writer.width = 4096  # never re-wrap the user's long lines
    try:
        _, indent, sequence_offset = load_yaml_guess_indent(text)
        document = writer.load(text)
    except YAMLError as error:
        raise OrgFileError([Diagnostic("error", f"cannot rewrite the file: {error}", source)]) from None
    roles = document.get("roles") if isinstance(document, CommentedMap) else None
    if not isinstance(roles, CommentedSeq) or len(roles) != len(org.roles):
        raise OrgFileError([Diagnostic("error", "the file no longer matches the org shown; reload it", source)])
    for entry, role in zip(roles, org.roles, strict=True):
        if not isinstance(entry, CommentedMap) or str(entry.get("id")) != role.id:
            raise OrgFileError([Diagnostic("error", f"role '{role.id}' is not where it was; reload the file", source)])
        _set_decides(entry, role.decides)
    writer.indent(mapping=indent, sequence=indent, offset=sequence_offset)
    out = io.StringIO()
    writer.dump(document, out)
    return out.getvalue()


def _set_decides(entry: CommentedMap, wanted: tuple[Authority, ...]) -> None:
    """Edit the role's list in place, entry by entry, so that the comments ruamel.yaml keeps
    beside each entry stay beside it. ruamel.yaml hangs a comment on the line before it: the
    comment lines after a removed entry (the next role's heading, say) are moved, not lost."""
    written = entry.get("decides")
    if not isinstance(written, CommentedSeq):
        written = CommentedSeq()
        written.fa.set_flow_style()
    limits = {authority.decision: authority.limit for authority in wanted}
    orphans: list[str] = []
    for index in reversed(range(len(written))):
        had = _authority(written[index])
        if had.decision not in limits:
            orphans[:0] = _comment_lines_after(written, index)
            del written[index]
        elif had.limit != limits[had.decision]:
            item, limit = written[index], limits[had.decision]
            if isinstance(item, dict) and limit is not None:
                item["limit"] = written_number(limit)
            else:
                written[index] = _entry(Authority(had.decision, limit))
    present = {_authority(item).decision for item in written}
    written.extend(_entry(authority) for authority in wanted if authority.decision not in present)
    if written:
        entry["decides"] = written
        if orphans:
            _hang_after(written, len(written) - 1, "".join(orphans))
    elif "decides" in entry:
        orphans[:0] = _comment_lines_after(entry, "decides")
        del entry["decides"]
        if orphans and len(entry):
            _hang_after(entry, list(entry)[-1], "".join(orphans))


def _comment_lines_after(node: CommentedSeq | CommentedMap, key: int | str) -> list[str]:
    """The whole-line comments that follow ``node[key]``, which ruamel.yaml keeps on it (or on
    the last thing inside it), each with its indentation and newline."""
    lines = []
    for token in _tokens(node.ca.items.get(key)):
        lines += [line + "\n" for line in token.value.split("\n")[1:] if line.strip().startswith("#")]
    value = node[key]
    if isinstance(value, CommentedSeq | CommentedMap):
        if len(value):
            lines += _comment_lines_after(value, len(value) - 1 if isinstance(value, CommentedSeq) else list(value)[-1])
        for token in _tokens(value.ca.end):
            first, *rest = token.value.split("\n")
            lines += [" " * token.column + first + "\n", *(line + "\n" for line in rest if line.strip())]
    return lines


def _hang_after(node: CommentedSeq | CommentedMap, key: int | str, lines: str) -> None:
    """Write the comment ``lines`` after ``node[key]``, where ruamel.yaml looks for them."""
    value = node[key]
    if isinstance(value, CommentedSeq | CommentedMap) and len(value) and not value.fa.flow_style():
        _hang_after(value, len(value) - 1 if isinstance(value, CommentedSeq) else list(value)[-1], lines)
        return
    slot = node.ca.items.setdefault(key, [None, None, None, None])
    at = 0 if isinstance(node, CommentedSeq) else 2
    if isinstance(slot[at], CommentToken):
        slot[at].value = slot[at].value.rstrip("\n") + "\n" + lines
    else:
        slot[at] = CommentToken("\n" + lines, CommentMark(0), None)


def _tokens(slot: Any) -> list[CommentToken]:
    if isinstance(slot, CommentToken):
        return [slot]
    return [token for part in slot or [] for token in _tokens(part)]


def _authority(item: Any) -> Authority:
    if isinstance(item, dict):
        limit = item.get("limit")
        return Authority(str(item.get("decision")), None if limit is None else float(limit))
    return Authority(str(item), None)


def _entry(authority: Authority) -> str | CommentedMap:
    if authority.limit is None:
        return authority.decision
    entry = CommentedMap(decision=authority.decision, limit=written_number(authority.limit))
    entry.fa.set_flow_style()
    return entry


def written_number(value: float) -> int | float:
    """A number as a person writes it in YAML: ``50``, not ``50.0``; ``12.5`` stays."""
    return int(value) if value == int(value) else value
