"""Dash entry point: ``python app.py [ORG.yaml]`` runs the dashboard; ``gunicorn app:server`` serves it.

With no file it opens on the embedded example org; ``ORGCHARTS_FILE`` names a file for gunicorn,
and ``ORGCHARTS_TOKEN`` an access token every request must carry (docs/deploy.md).
"""

import os
import sys

from dash import Dash

from orgcharts.access import TOKEN_ENV
from orgcharts.errors import OrgFileError, ServingError
from orgcharts.loader import load_file
from orgcharts.serving import listen, run
from orgcharts.web import create_app


def _app_for(path: str | None) -> Dash:
    token = os.environ.get(TOKEN_ENV) or None
    if not path:
        return create_app(token=token)
    loaded = load_file(path)
    return create_app(loaded.text, os.path.basename(path), token=token)


def _main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else None
    try:
        dashboard = _app_for(path)
    except OrgFileError as error:
        print(*(str(d) for d in error.diagnostics), sep="\n", file=sys.stderr)
        sys.exit(1)
    port = int(os.environ.get("PORT", "8050"))
    try:
        server = listen(dashboard.server, "127.0.0.1", port)
    except ServingError as error:
        print(f"app.py: error: {error}", file=sys.stderr)
        sys.exit(1)
    print(f"orgcharts dashboard on http://127.0.0.1:{port}/", flush=True)
    run(server)


if __name__ == "__main__":
    _main()
else:
    app = _app_for(os.environ.get("ORGCHARTS_FILE"))
    server = app.server
