"""The command group: every command of ours hangs from ``main``."""

from __future__ import annotations

import sys
from typing import Any

import click

from orgcharts import __version__
from orgcharts.cli.common import INVALID, print_diagnostics
from orgcharts.errors import OrgChartsError, OrgFileError, UnknownIdError, UsageError


class _Commands(click.Group):
    """Every error of ours that a command lets through still ends in one line and an exit
    code, never a traceback: wrong usage (``UsageError``, an unknown id) exits 2, an invalid
    file 1 with its diagnostics, anything else of ours 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (UsageError, UnknownIdError) as error:
            raise click.UsageError(str(error), ctx=ctx) from None
        except OrgFileError as error:
            print_diagnostics(error.diagnostics)
            sys.exit(INVALID)
        except OrgChartsError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orgcharts")
def main() -> None:
    """Draw an org with the customer on top, and measure how many reporting hops stand
    between the people who face customers and the people allowed to decide."""
