"""Metrics as documents (JSON-ready dicts), terminal tables and CSV: pure text, no IO."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from orgcharts import catalog
from orgcharts.amounts import Asked, amount_document, amount_words, number, resolve
from orgcharts.graph import reporting_tree, sight_graph
from orgcharts.metrics import (
    DecisionSummary,
    Escalation,
    escalations,
    layers,
    line_of_sight,
    median_span,
    spans,
    summarize,
)
from orgcharts.model import Organization
from orgcharts.words import counted


@dataclass(frozen=True)
class HopReport:
    """Escalations and their summary for each decision asked about: ``amount`` is the one
    asked (None: none), ``asked`` the amount each decision was measured at (``amounts.resolve``)."""

    org: Organization
    amount: float | None
    segment: str | None
    paths: dict[str, list[Escalation]]
    summaries: dict[str, DecisionSummary]
    asked: dict[str, Asked]


def hop_report(
    org: Organization,
    decisions: Sequence[str] = (),
    amount: float | None = None,
    segment: str | None = None,
    *,
    via_dotted: bool = False,
) -> HopReport:
    """Escalations for ``decisions`` (all when empty), narrowed to roles serving ``segment``,
    each decision at ``amount`` or, without one, its typical amount (``amounts.resolve``);
    ``via_dotted`` lets requests climb dotted lines too."""
    tree = reporting_tree(org)
    chosen = list(decisions) or [decision.id for decision in org.decisions]
    paths = {}
    summaries = {}
    asked = {}
    for decision in chosen:
        asked[decision] = resolve(org.decision_index[decision], amount)
        found = escalations(org, tree, decision, asked[decision].amount, via_dotted=via_dotted)
        if segment is not None:
            found = [escalation for escalation in found if segment in org.role(escalation.role).serves]
        paths[decision] = found
        summaries[decision] = summarize(org, found)
    return HopReport(org, amount, segment, paths, summaries, asked)


def worst_first(org: Organization, found: Sequence[Escalation]) -> list[Escalation]:
    """Unreachable roles first, then most hops, then most people, then file order."""
    return sorted(
        found,
        key=lambda e: (e.hops is not None, -(e.hops or 0), -org.role(e.role).headcount),
    )


def summary_document(summary: DecisionSummary) -> dict[str, Any]:
    """One decision's summary in ``hops --format json``: the catalog's decision metrics, but
    ``unreachable`` lists the roles rather than counting them (docs/cli.md)."""
    values = catalog.decision_values(summary)
    document: dict[str, Any] = {
        "customer_facing_roles": summary.customer_facing_roles,
        **{m.key: values[m.key] for m in catalog.DECISION_METRICS if m.key != "unreachable"},
        "unreachable": list(summary.unreachable),
    }
    if summary.by_segment:
        document["by_segment"] = {key: summary_document(value) for key, value in summary.by_segment.items()}
    return document


def hops_document(report: HopReport) -> dict[str, Any]:
    """The stable JSON interface of ``orgcharts hops --format json`` (see docs/cli.md)."""
    return {
        "organization": report.org.name,
        "amount": report.amount,
        "paths": [_path_entry(e) for e in _worst_first_paths(report)],
        "summary": _summaries(report),
    }


def hops_json_chunks(report: HopReport) -> Iterator[str]:
    """``hops_document`` as ``json.dumps(..., indent=2)`` writes it, a path at a time: the
    command line prints paths as long as an org's chains without holding them all."""
    head = json.dumps({"organization": report.org.name, "amount": report.amount}, indent=2, ensure_ascii=False)
    yield head[:-2] + ',\n  "paths": ['
    for index, e in enumerate(_worst_first_paths(report)):
        yield ("," if index else "") + "\n    " + _path_entry_json(e)
    summaries = json.dumps(_summaries(report), indent=2, ensure_ascii=False).replace("\n", "\n  ")
    yield ("\n  ]" if report.paths and any(report.paths.values()) else "]") + ',\n  "summary": ' + summaries + "\n}\n"


def _worst_first_paths(report: HopReport) -> Iterator[Escalation]:
    for found in report.paths.values():
        yield from worst_first(report.org, found)


def _path_entry_json(e: Escalation) -> str:
    """``_path_entry(e)`` as ``json.dumps(..., indent=2)`` writes it four levels in, with each
    string encoded by the C encoder: the indenting encoder is pure Python, and most of a big
    org's output is these entries."""
    steps = ",\n        ".join(map(_json_text, e.path))
    fields = (
        f'"role": {_json_text(e.role)}',
        f'"decision": {_json_text(e.decision)}',
        f'"hops": {json.dumps(e.hops)}',
        f'"authority": {json.dumps(e.authority, ensure_ascii=False)}',
        f'"path": [\n        {steps}\n      ]' if e.path else '"path": []',
    )
    return "{\n      " + ",\n      ".join(fields) + "\n    }"


_json_text = json.encoder.encode_basestring  # type: ignore[attr-defined]
"""A string as ``json.dumps(text, ensure_ascii=False)`` writes it (in C where available)."""


def _path_entry(e: Escalation) -> dict[str, Any]:
    return {"role": e.role, "decision": e.decision, "hops": e.hops, "authority": e.authority, "path": list(e.path)}


def _summaries(report: HopReport) -> dict[str, Any]:
    return {
        decision: {**amount_document(report.asked[decision]), **summary_document(summary)}
        for decision, summary in report.summaries.items()
    }


_CSV_COLUMNS = ["decision", "role", "title", "headcount", "serves", "hops", "authority", "path", "amount"]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Spreadsheets run a cell that starts with one of these as a formula (CSV injection)."""


def hops_csv(report: HopReport) -> str:
    """One row per role and decision, worst first; path and serves joined with ' > ' and ' '.
    Text that a spreadsheet would run as a formula is written with a leading apostrophe."""
    return "".join(hops_csv_chunks(report))


def hops_csv_chunks(report: HopReport) -> Iterator[str]:
    """``hops_csv`` a row at a time."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")

    def written(row: list[Any]) -> str:
        out.seek(0)
        out.truncate()
        writer.writerow(row)
        return out.getvalue()

    yield written(_CSV_COLUMNS)
    for decision, found in report.paths.items():
        used = report.asked[decision].amount
        amount = "" if used is None else number(used).replace(",", "")
        for e in worst_first(report.org, found):
            role = report.org.role(e.role)
            text = [decision, e.role, role.title, " ".join(role.serves), e.authority or "", " > ".join(e.path)]
            decision_cell, role_cell, title, serves, authority, path = (_inert(cell) for cell in text)
            hops = "" if e.hops is None else e.hops
            yield written([decision_cell, role_cell, title, role.headcount, serves, hops, authority, path, amount])


def _inert(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def text_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], right: Sequence[int] = ()) -> str:
    """A plain aligned table; columns listed in ``right`` are right-aligned."""
    cells = [list(map(str, headers)), *([str(cell) for cell in row] for row in rows)]
    widths = [max(len(row[column]) for row in cells) for column in range(len(headers))]
    lines = []
    for row in cells:
        parts = [
            cell.rjust(width) if index in right else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(parts).rstrip())
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _said(summary: DecisionSummary, keys: Sequence[str]) -> str:
    """The catalog's phrases for ``keys``, ``unreachable`` only when someone is."""
    values = {**catalog.decision_values(summary), "customer_facing_roles": summary.customer_facing_roles}
    return catalog.said([key for key in keys if key != "unreachable" or values[key]], values)


def summary_line(org: Organization, decision_id: str, summary: DecisionSummary, asked: Asked | None = None) -> str:
    """One decision's headline for a terminal, its amount always stated (``asked``, default
    its typical amount): "Refund (refund) of 200 USD (typical amount): weighted mean 1.88 hops, ..."."""
    decision = org.decision_index[decision_id]
    said = amount_words(asked or resolve(decision))
    keys = ("weighted_mean_hops", "max_hops", "empowered_share", "customer_facing_roles", "unreachable")
    return f"{decision.name} ({decision_id}){' of ' + said if said else ''}: " + _said(summary, keys)


def segment_line(name: str, summary: DecisionSummary) -> str:
    """One segment's line under a decision's headline, indented."""
    return f"  {name}: " + _said(summary, ("weighted_mean_hops", "max_hops", "empowered_share", "unreachable"))


def hops_table(report: HopReport) -> str:
    """The hop table for a terminal: per decision a summary line, then roles worst first."""
    return "".join(hops_table_chunks(report))


def hops_table_chunks(report: HopReport) -> Iterator[str]:
    """``hops_table`` a line at a time. The path is the last column, so its width never
    matters: the other columns are measured first and each path is written as its line goes out."""
    org = report.org
    yield org.name + (f" - segment {report.segment}" if report.segment else "") + "\n"
    headers = ["hops", "role", "title", "people", "serves", "decided by", "path"]
    unreachable = catalog.metric("unreachable").label
    for index, (decision, found) in enumerate(report.paths.items()):
        summary = report.summaries[decision]
        ordered = worst_first(org, found)
        rows = []
        for e in ordered:
            role = org.role(e.role)
            hops = catalog.MISSING if e.hops is None else e.hops
            rows.append(
                [hops, e.role, role.title, f"{role.headcount:,}", ", ".join(role.serves), e.authority or unreachable]
            )
        yield summary_line(org, decision, summary, report.asked[decision]) + "\n"
        if summary.by_segment and report.segment is None and len(org.customers) > 1:
            for segment_id, part in summary.by_segment.items():
                if part.customer_facing_roles:
                    yield segment_line(org.segment_index[segment_id].name, part) + "\n"
        if rows:
            cells = [headers[:-1], *([str(cell) for cell in row] for row in rows)]
            widths = [max(len(row[column]) for row in cells) for column in range(len(headers) - 1)]
            paths = iter(" > ".join(e.path) for e in ordered)
            for number_, row in enumerate(cells):
                parts = [
                    cell.rjust(w) if c in (0, 3) else cell.ljust(w)
                    for c, (cell, w) in enumerate(zip(row, widths, strict=True))
                ]
                last = "path" if number_ == 0 else next(paths)
                yield "  ".join([*parts, last]).rstrip() + "\n"
                if number_ == 0:
                    yield "  ".join("-" * width for width in [*widths, 4]) + "\n"
        if index < len(report.paths) - 1:
            yield "\n"


def stats_document(org: Organization) -> dict[str, Any]:
    """Spans, layers and line of sight as a JSON-ready dict (see docs/cli.md)."""
    tree = reporting_tree(org)
    found_spans = spans(org, tree)
    sight = line_of_sight(org, sight_graph(org))
    return {
        "organization": org.name,
        "roles": len(org.roles),
        "headcount": sum(role.headcount for role in org.roles),
        "layers": [
            {"layer": layer.number, "roles": len(layer.roles), "headcount": layer.headcount}
            for layer in layers(org, tree)
        ],
        "median_span": median_span(found_spans),
        "spans": [{"manager": s.manager, "positions": s.positions, "people": s.people} for s in found_spans],
        "line_of_sight": sight,
        "no_line_of_sight": [role_id for role_id, distance in sight.items() if distance is None],
    }


def stats_table(org: Organization) -> str:
    """Spans, layers and line of sight for a terminal."""
    document = stats_document(org)
    found_spans = document["spans"]
    lines = [
        f"{org.name}: "
        + catalog.said(
            ("roles", "people", "layers"),
            {**document, "people": document["headcount"], "layers": len(document["layers"])},
        ),
        "",
        "Layers",
        text_table(
            ["layer", "roles", "people"],
            [[layer["layer"], f"{layer['roles']:,}", f"{layer['headcount']:,}"] for layer in document["layers"]],
            right=(0, 1, 2),
        ),
        "",
    ]
    if found_spans:
        positions = [span["positions"] for span in found_spans]
        single = [span["manager"] for span in found_spans if span["positions"] == 1]
        lines.append(
            f"Spans: {counted(len(found_spans), 'manager')}, {catalog.said(['median_span'], document)}, "
            f"widest {max(positions)}, {len(single)} with a single direct report"
        )
        widest = sorted(found_spans, key=lambda span: -span["positions"])[:10]
        lines.append(
            text_table(
                ["manager", "title", "direct reports", "people"],
                [[s["manager"], org.role(s["manager"]).title, s["positions"], f"{s['people']:,}"] for s in widest],
                right=(2, 3),
            )
        )
        lines.append("")
    sight = document["line_of_sight"]
    counts: dict[str, int] = {}
    for distance in sight.values():
        label = "none" if distance is None else str(distance)
        counts[label] = counts.get(label, 0) + 1
    order = sorted(counts, key=lambda label: (label == "none", int(label) if label != "none" else 0))
    lines.append("Line of sight to the customer (steps through reports and supported roles)")
    lines.append(text_table(["steps", "roles"], [[label, counts[label]] for label in order], right=(0, 1)))
    lost = document["no_line_of_sight"]
    if lost:
        shown = ", ".join(lost[:20]) + (f" and {len(lost) - 20} more" if len(lost) > 20 else "")
        lines.append(f"No line of sight: {shown}")
    return "\n".join(lines) + "\n"
