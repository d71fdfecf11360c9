"""The hop table (the escalation paths tab): sorted and paged on the server, a row picked
selects its role, and downloads as the command line's CSV and JSON.

The rows are one component (``TableRows``): a selection moves its highlight, and a row
picked selects its role, both in the browser.
"""

from __future__ import annotations

import json
from typing import Any

import dash
from dash import ALL, Input, Output, State, ctx, dcc, html

from orgcharts.figures import hop_colour, text_colour_on
from orgcharts.report import hop_report, hops_csv, hops_document
from orgcharts.web import controls, ids
from orgcharts.web.components import TableRows
from orgcharts.web.parts import row
from orgcharts.web.served import Served, edits
from orgcharts.web.session import UNREACHABLE_SORT, Analysis, edited
from orgcharts.web.wiring import Callbacks, clicks

callbacks = Callbacks()

TABLE_COLUMNS = (
    ("hops", "Hops"),
    ("title", "Role"),
    ("people", "People"),
    ("serves", "Serves"),
    ("authority", "Decided by"),
    ("path", "Path"),
)
TABLE_PAGE = 25


def stores() -> list[Any]:
    return [dcc.Store(id=ids.TABLE_ORDER, storage_type="memory", data={"by": "hops", "descending": True})]


def layout() -> dcc.Tab:
    return dcc.Tab(
        label="Escalation paths",
        value=ids.PATHS_TAB,
        children=[
            row(
                html.Button("Download CSV", id=ids.DOWNLOAD_HOPS_CSV, className="button small"),
                html.Button("Download JSON", id=ids.DOWNLOAD_HOPS_JSON, className="button small"),
            ),
            html.Div(
                id=ids.HOP_TABLE,
                className="hop-table",
                children=[
                    html.Table(
                        [
                            html.Thead(id=ids.HOP_TABLE_HEAD),
                            TableRows(id=ids.HOP_ROWS, columns=[key for key, _ in TABLE_COLUMNS]),
                        ]
                    ),
                    html.Button(id=ids.TABLE_MORE, className="button", hidden=True),
                ],
            ),
        ],
    )


def hop_table(measured: Analysis, order: dict[str, Any]) -> tuple[html.Tr, list[dict[str, Any]], str, bool]:
    """The escalation paths, sorted and paged on the server: a 100,000-role org never
    sends more than the rows on screen. The table's header, its rows (``TableRows``), and
    the "show more" button's label and whether it hides."""
    by = order.get("by") if order.get("by") in dict(TABLE_COLUMNS) else "hops"
    descending = bool(order.get("descending", True))
    shown = max(TABLE_PAGE, int(order.get("shown", TABLE_PAGE)))
    ordered = measured.ordered_rows(by, descending)
    header = html.Tr(
        [
            html.Th(
                html.Button(
                    label + (" ▼" if by == key and descending else " ▲" if by == key else ""),
                    id=ids.sort_button(key),
                    className="sort",
                    title=f"Sort by {label.lower()}",
                )
            )
            for key, label in TABLE_COLUMNS
        ]
    )
    rows = [_table_row(each) for each in ordered[:shown]]
    more = len(ordered) > shown
    return header, rows, f"Show {TABLE_PAGE} more of {len(ordered):,}" if more else "", not more


def _table_row(shown: dict[str, Any]) -> dict[str, Any]:
    hops = shown["sort_hops"] if shown["sort_hops"] != UNREACHABLE_SORT else None
    colour = hop_colour(hops)
    cells = [f"{shown[key]:,}" if key == "people" else str(shown[key]) for key, _ in TABLE_COLUMNS]
    return {"key": shown["id"], "cells": cells, "style": {"backgroundColor": colour, "color": text_colour_on(colour)}}


@callbacks.action(
    output=Output(ids.TABLE_ORDER, "data"),
    inputs={
        "sort_clicks": Input(ids.sort_button(ALL), "n_clicks"),
        "more_clicks": Input(ids.TABLE_MORE, "n_clicks"),
        "order": State(ids.TABLE_ORDER, "data"),
    },
)
def order_table(served: Served, sort_clicks: Any, more_clicks: Any, order: Any) -> Any:
    """A column's button sorts by it (again: the other way); "show more" shows a page more."""
    order = dict(order) if isinstance(order, dict) else {}
    if ctx.triggered_id == ids.TABLE_MORE:
        if not more_clicks:
            return dash.no_update
        order["shown"] = int(order.get("shown", TABLE_PAGE)) + TABLE_PAGE
        return order
    if not isinstance(ctx.triggered_id, dict) or not any(sort_clicks or []):
        return dash.no_update
    column = ctx.triggered_id.get("column")
    same = order.get("by") == column
    return {"by": column, "descending": not order.get("descending", True) if same else column in ("hops", "people")}


@callbacks.action(
    output=Output(ids.DOWNLOAD, "data", allow_duplicate=True),
    inputs={
        **clicks(csv_clicks=ids.DOWNLOAD_HOPS_CSV, json_clicks=ids.DOWNLOAD_HOPS_JSON),
        **controls.SESSION_HELD,
        "shown": controls.given(kind=State),
    },
)
def download_hops(
    served: Served, csv_clicks: Any, json_clicks: Any, source: Any, raw_edits: Any, shown: dict[str, Any]
) -> dict[str, str]:
    """The escalation paths as shown (decision, amount, segment, what-if changes): the
    same CSV and JSON as ``orgcharts hops`` (docs/cli.md)."""
    shape = served.shape(source)
    chosen = controls.read(shape.org, shown)
    org = edited(shape.org, edits(raw_edits))
    report = hop_report(
        org,
        [chosen.decision] if chosen.decision else [],
        chosen.amount,
        chosen.segment,
        via_dotted=chosen.via_dotted,
    )
    stem = served.name(source).rsplit(".", 1)[0]
    name = f"{stem}-hops" + (f"-{chosen.decision}" if chosen.decision else "")
    if ctx.triggered_id == ids.DOWNLOAD_HOPS_JSON:
        content = json.dumps(hops_document(report), indent=2, ensure_ascii=False)
        return {"content": content, "filename": f"{name}.json", "type": "application/json"}
    return {"content": hops_csv(report), "filename": f"{name}.csv", "type": "text/csv"}


callbacks.client("highlightRow", [Output(ids.HOP_ROWS, "selected")], [Input(ids.SELECTION, "data")])
callbacks.client(
    "rowPicked", [Output(ids.SELECTION, "data", allow_duplicate=True)], [Input(ids.HOP_ROWS, "picked")], initial=False
)
