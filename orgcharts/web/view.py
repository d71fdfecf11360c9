"""Transitional: the old name of ``session`` (with ``drawing``), kept only until
tests/unit/test_hr_import.py, tests/unit/test_figures.py and benchmarks/scale.py (the core's files) use the new
modules; then this file goes. Its caches are its own, used by nothing else."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from orgcharts.web import drawing
from orgcharts.web.session import Computations, Controls, Structure

__all__ = ["Controls", "analysis", "chart", "structure"]

_COMPUTATIONS = Computations()
structure = _COMPUTATIONS.structure
analysis = _COMPUTATIONS.analysis


def chart(org: Any, shape: Structure, found: Any, controls: Controls, revision: str, **options: Any) -> go.Figure:
    return drawing.chart(_COMPUTATIONS, org, shape, found, controls, revision, **options)
