"""Our own Dash components (orgcharts.web.components), as the browser receives them."""

import json

import plotly

from orgcharts.web.components import Choices, TableRows


def sent(component):
    return json.loads(json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder))


def test_table_rows_reach_the_browser_under_our_namespace_with_their_rows():
    rows = [{"key": "a", "cells": ["2", "Agent"], "style": {"backgroundColor": "#ffffff"}}]
    assert sent(TableRows(id="t", columns=["hops", "title"], rows=rows, selected="a")) == {
        "namespace": "orgcharts",
        "type": "TableRows",
        "props": {"id": "t", "columns": ["hops", "title"], "rows": rows, "selected": "a"},
    }
    assert sent(TableRows(id="empty"))["props"] == {"id": "empty", "columns": [], "rows": [], "selected": None}


def test_choices_reach_the_browser_with_their_options_and_note():
    options = [{"key": "a", "label": "Agent", "title": "a"}]
    assert sent(Choices(id="c", className="list", options=options)) == {
        "namespace": "orgcharts",
        "type": "Choices",
        "props": {"id": "c", "className": "list", "options": options, "note": ""},
    }
