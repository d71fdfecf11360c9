"""A figure as it is built, before Plotly's objects: its traces and layout as plain dicts,
coordinates as numpy arrays. Knows nothing of Dash.

Plotly's ``Figure`` copies every list of every trace when it is built and again when it is
turned into JSON. For a dashboard chart of a thousand cards that copying cost more than the
chart's own drawing, on every click. ``FigureParts.for_browser`` gives the same JSON as the
``Figure`` without either copy: what plotly.js reads, numeric arrays as its typed arrays.
"""

from __future__ import annotations

import base64
import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
import plotly.graph_objects as go

TYPED_ARRAYS = {"float32": "f4", "float64": "f8", "int8": "i1", "int16": "i2", "int32": "i4", "uint8": "u1"}
"""numpy's names for the dtypes plotly.js reads as typed arrays, and plotly.js's."""
UNCHECKED: dict[str, Any] = {"_validate": False}
"""Plotly checks every element of every array it is given, in Python: most of the time a
large figure takes to build. The traces and layout are built from a validated org and fixed
styles, so the figure skips the check; ``tests/unit/test_figures.py`` re-validates whole
figures to keep that true."""


@dataclass(frozen=True)
class FigureParts:
    """A figure's ``data`` (trace dicts) and ``layout`` (a dict). Traces may share nested
    dicts with other figures' (what a selection does not change is built once), so neither
    method changes them."""

    data: list[dict[str, Any]]
    layout: dict[str, Any]

    def figure(self) -> go.Figure:
        """As a Plotly figure: for pictures, decks and everything that reads or changes it."""
        return go.Figure(data=list(self.data), layout=dict(self.layout), **UNCHECKED)

    def for_browser(self) -> dict[str, Any]:
        """As plotly.js reads it, equal once encoded to ``figure()``'s JSON (Plotly's default
        template included): the dashboard's graph takes this dict as its figure."""
        return {"data": [_typed(trace) for trace in self.data], "layout": {"template": _template(), **self.layout}}


def typed_array(values: np.ndarray) -> dict[str, str] | np.ndarray:
    """``values`` as a plotly.js typed array (``{"dtype", "bdata"}``, base64 of its bytes),
    as Plotly's own encoder writes it; an empty array or another dtype unchanged."""
    dtype = TYPED_ARRAYS.get(values.dtype.name)
    if dtype is None or values.size == 0 or values.ndim != 1:
        return values
    return {"dtype": dtype, "bdata": base64.b64encode(np.ascontiguousarray(values)).decode("ascii")}


def _typed(part: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``part`` with its numpy arrays, at any depth of dicts, as typed arrays."""
    copied = dict(part)
    for key, value in part.items():
        if isinstance(value, np.ndarray):
            copied[key] = typed_array(value)
        elif isinstance(value, dict):
            copied[key] = _typed(value)
    return copied


@functools.cache
def _template() -> dict[str, Any]:
    """Plotly's default template as a figure writes it, the same for every figure."""
    return go.Figure().to_plotly_json()["layout"]["template"]
