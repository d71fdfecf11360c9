"""The floor under every Dash dashboard: a page with one Plotly graph of two points.

Served by the browser benchmark (``python -m benchmarks.bare_dash``, port from PORT) to
measure what loading Dash and Plotly costs before any app of ours runs.
"""

import os

import plotly.graph_objects as go
from dash import Dash, dcc

app = Dash(__name__, title="bare")
app.layout = dcc.Graph(id="bare", figure=go.Figure(go.Scatter(x=[0, 1], y=[0, 1])))

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
