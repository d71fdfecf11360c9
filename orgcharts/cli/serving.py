"""``orgcharts serve``: the dashboard on a file."""

from __future__ import annotations

import os

import click

from orgcharts.access import TOKEN_ENV, needs_token, new_token
from orgcharts.cli.common import load
from orgcharts.cli.group import main
from orgcharts.loader import MAX_BYTES_ENV
from orgcharts.serving import listen, run


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--example", metavar="NAME", help="Open a shipped example instead of FILE.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8050, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--max-bytes", type=click.IntRange(min=1), envvar=MAX_BYTES_ENV, help="Refuse larger org files and uploads."
)
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    help="Require this access token on every request (default: one is generated when HOST is not loopback).",
)
def serve(
    file: str | None, example: str | None, host: str, port: int, max_bytes: int | None, token: str | None
) -> None:
    """Open the dashboard in a browser at http://HOST:PORT/ on FILE (default: an example).

    It runs on waitress, a production WSGI server. Listening beyond this machine (a --host
    other than 127.0.0.1) requires an access token: the link printed at start carries it,
    like Jupyter's.
    """
    from orgcharts.web import create_app  # Dash loads only for this command

    loaded = load(file, example, max_bytes) if (file or example) else None
    name = os.path.basename(loaded.source) if loaded else None
    token = token or (new_token() if needs_token(host) else None)
    dashboard = create_app(loaded.text if loaded else None, name, max_bytes=max_bytes, token=token)
    server = listen(dashboard.server, host, port)  # a busy port is said before any link
    link = f"http://{host}:{port}/" + (f"?token={token}" if token else "")
    click.echo(f"orgcharts dashboard on {link}  (Ctrl+C to stop)")
    run(server)
