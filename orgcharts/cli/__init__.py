"""The command line: the only place that prints or exits.

Exit codes: 0 success, 1 the org file is invalid, 2 the command was used wrongly.

``group`` holds the command group (``main``); each module beside it adds its commands:
``files`` (check, examples, schema), ``importing`` (import), ``measure`` (hops, stats, diff, render),
``deck`` (report: the board pack), ``diagnosis`` (diagnose) and ``serving`` (serve);
``common`` is what they share.
"""

from orgcharts.cli import deck, diagnosis, files, importing, measure, serving
from orgcharts.cli.group import main

__all__ = ["deck", "diagnosis", "files", "importing", "main", "measure", "serving"]
