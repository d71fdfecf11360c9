"""The floor under every Dash dashboard: a page with one Plotly graph of two points.

Served by the browser benchmark (``python -m benchmarks.bare_dash``, port from PORT) to
measure what loading Dash and Plotly costs before any app of ours runs. With BUNDLE=2d, the
page loads plotly.js's 2D bundle from the dashboard's assets, as the dashboard does, instead
of Dash's full bundle.
"""

import os
from pathlib import Path

import plotly.graph_objects as go
from dash import Dash, dcc

from orgcharts.web.app import PLOTLY_BUNDLE

ASSETS = Path(__file__).resolve().parents[1] / "assets"

if os.environ.get("BUNDLE") == "2d":
    app = Dash(__name__, title="bare", assets_folder=str(ASSETS), assets_ignore=r"^orgcharts\.")
    if not (ASSETS / PLOTLY_BUNDLE).exists():
        raise SystemExit(f"no {ASSETS / PLOTLY_BUNDLE}: run 'bash scripts/setup'")
else:
    app = Dash(__name__, title="bare", assets_folder=str(ASSETS / "none"))
app.layout = dcc.Graph(id="bare", figure=go.Figure(go.Scatter(x=[0, 1], y=[0, 1])))

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
