"""Metrics: pure functions of the model and its graphs, linear in the number of roles."""

from orgcharts.metrics.escalation import DecisionSummary, Escalation, escalations, summarize
from orgcharts.metrics.structure import Layer, Span, layers, line_of_sight, median_span, spans

__all__ = [
    "DecisionSummary",
    "Escalation",
    "Layer",
    "Span",
    "escalations",
    "layers",
    "line_of_sight",
    "median_span",
    "spans",
    "summarize",
]
