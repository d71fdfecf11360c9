"""What the dashboard's server agrees to analyse: an org's text up to a size measured up
front, before any parsing, so that one upload cannot hold a worker for minutes or fill its
memory. Cost is linear in the text (docs/performance.md gives seconds and bytes per MB), so
the size bounds both time and memory. The command line has no such limit.
"""

from __future__ import annotations

from orgcharts.errors import Diagnostic, OrgFileError
from orgcharts.settings import bytes_setting

ANALYSE_MAX_BYTES_ENV = "ORGCHARTS_ANALYSE_MAX_BYTES"
ANALYSE_MAX_BYTES_DEFAULT = 16 * 1024**2


def analyse_max_bytes() -> int:
    """The largest org text the server analyses (``ANALYSE_MAX_BYTES_ENV``)."""
    return bytes_setting(ANALYSE_MAX_BYTES_ENV, ANALYSE_MAX_BYTES_DEFAULT)


class TooLargeToAnalyseError(OrgFileError):
    """An org over the server's budget, refused before any work on it."""


def admit(size: int, source: str, limit: int | None = None) -> None:
    """Raise ``TooLargeToAnalyseError`` when an org text of ``size`` bytes is over budget."""
    most = analyse_max_bytes() if limit is None else limit
    if size <= most:
        return
    message = (
        f"this org is too large to analyse on this server: {size:,} bytes of YAML, over the limit of "
        f"{most:,} bytes; raise {ANALYSE_MAX_BYTES_ENV} (docs/deploy.md) or use the command line "
        f"(orgcharts hops {source})"
    )
    raise TooLargeToAnalyseError([Diagnostic("error", message, source)])
