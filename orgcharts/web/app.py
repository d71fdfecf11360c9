"""The Dash dashboard: ``create_app`` builds the page (``page``) and wires each feature's
callbacks to the app's ``Served`` state. All of a session's state lives in its browser
(dcc.Store); the server keeps nothing between requests, so two people never see each
other's org.

Where things are: a feature is one module (``page.FEATURES``: its layout and its
callbacks), an id is one constant (``ids``), the session's computations are Dash-free
(``session``, ``drawing``, ``readouts``), and the JavaScript lives in ``assets/``.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from dash import Dash
from plotly.offline import get_plotlyjs_version

from orgcharts.budget import InFlight, busy_limit, busy_wait
from orgcharts.export import PLOTLY_BUNDLE, assets_folder, plotly_bundle
from orgcharts.loader import example_names, example_text, max_bytes_default
from orgcharts.store import TextStore
from orgcharts.web import page
from orgcharts.web.busy import limit_callbacks
from orgcharts.web.drawing import prepare_opening
from orgcharts.web.security import protect
from orgcharts.web.served import Served, Startup, TextCache, on_callback_error, source_of

log = logging.getLogger(__name__)

DEFAULT_EXAMPLE = "telecom"


def plotly_bundle_ignored(folder: str, version: str) -> str:
    """Dash's ``assets_ignore`` pattern for ``folder``: nothing when its ``PLOTLY_BUNDLE``
    (plotly.js's 2D bundle, fetched by scripts/setup) is plotly.js ``version`` or absent, else
    the bundle, so that a stale bundle left by an older setup never draws figures meant for
    another version and Dash loads its own full bundle instead. Loaded before Dash's renderer,
    the bundle is the ``window.Plotly`` that ``dcc.Graph`` then uses, so the full bundle is
    never fetched and a first visit opens sooner (docs/performance.md)."""
    if not (Path(folder) / PLOTLY_BUNDLE).is_file() or plotly_bundle(folder, version) is not None:
        return ""
    log.warning("%s is not plotly.js %s: run 'bash scripts/setup' to fetch it", PLOTLY_BUNDLE, version)
    return re.escape(PLOTLY_BUNDLE)


def serve(text: str | None = None, source: str | None = None, *, max_bytes: int | None = None) -> Served:
    """What an app's server holds (``create_app``'s arguments): the startup org shaped and
    its first decision measured, the examples' texts, the upload cap. Raises
    ``OrgFileError`` if the given text is not a valid org."""
    cap = max_bytes_default() if max_bytes is None else max_bytes
    if text is None:
        text, source = example_text(DEFAULT_EXAMPLE), f"{DEFAULT_EXAMPLE}.yaml"
    source = source or "org.yaml"
    texts = TextCache(store=TextStore())
    for name in example_names():
        texts.put(example_text(name), keep=False)
    served = Served(Startup(source=source_of(texts.put(text, keep=False), source), text=text), texts, cap)
    prepare_opening(served.computations, served.computations.prepare(text, source))
    return served


def create_app(
    text: str | None = None, source: str | None = None, *, max_bytes: int | None = None, token: str | None = None
) -> Dash:
    """The dashboard, opening on ``text`` (an org file's content named ``source``) or on the
    embedded example; with ``token``, every request must carry it (``security.protect``).
    Raises ``OrgFileError`` if the given text is not a valid org."""
    served = serve(text, source, max_bytes=max_bytes)
    cap = served.cap
    assets = assets_folder()
    app = Dash(
        __name__,
        title="orgcharts",
        assets_folder=assets,
        assets_ignore=plotly_bundle_ignored(assets, get_plotlyjs_version()),
        update_title=None,
        suppress_callback_exceptions=False,
        on_error=on_callback_error,
    )
    # Refuse oversized uploads before reading them: base64 grows by a third, JSON adds a little.
    app.server.config["MAX_CONTENT_LENGTH"] = cap * 4 // 3 + 64 * 1024
    app.layout = lambda: page.layout(served.startup, cap)
    for feature in page.FEATURES:
        feature.callbacks.register(app, served)
    protect(app, token)
    limit_callbacks(app, InFlight(busy_limit(), busy_wait()))
    _set_up_before_serving(app)
    return app


def _set_up_before_serving(app: Dash) -> None:
    # Dash finishes setting itself up on its first request, and lets requests that arrive
    # beside that one through before it is done: they are refused ("dash is not a registered
    # library"). A gunicorn worker can get a page's scripts all at once as its first requests
    # (another worker served the page), so the app answers one request of its own first.
    # Refused or not (a token may be required), the request sets Dash up.
    app.server.test_client().get("/")
