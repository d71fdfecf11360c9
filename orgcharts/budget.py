"""What the dashboard's server agrees to analyse, so that one upload cannot hold a worker
for minutes, fill its memory, or make other users wait:

- an org's text up to a size measured up front, before any parsing (cost is linear in the
  text, docs/performance.md gives seconds and bytes per MB, so the size bounds both);
- a time budget per request, checked between the linear steps of an analysis;
- a bound on the callbacks a worker computes at once: a request that finds no place within
  a second is told the server is busy rather than queued.

The command line has none of these limits.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass
from typing import Any, TypeVar

from orgcharts.errors import Diagnostic, OrgFileError
from orgcharts.settings import bytes_setting, number_setting, seconds_setting

Kept = TypeVar("Kept")

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


ANALYSE_SECONDS_ENV = "ORGCHARTS_ANALYSE_SECONDS"
ANALYSE_SECONDS_DEFAULT = 60.0
BUSY_LIMIT_ENV = "ORGCHARTS_BUSY_LIMIT"
BUSY_LIMIT_DEFAULT = 4
BUSY_WAIT_ENV = "ORGCHARTS_BUSY_WAIT"
BUSY_WAIT_DEFAULT = 1.0
BUSY_MESSAGE = "the server is busy, retry in a few seconds"


def analyse_seconds() -> float:
    """How long one request may spend analysing an org (``ANALYSE_SECONDS_ENV``)."""
    return seconds_setting(ANALYSE_SECONDS_ENV, ANALYSE_SECONDS_DEFAULT)


def busy_limit() -> int:
    """How many callbacks one worker computes at once (``BUSY_LIMIT_ENV``)."""
    return number_setting(BUSY_LIMIT_ENV, BUSY_LIMIT_DEFAULT)


def busy_wait() -> float:
    """How long a callback waits for a place before it is told the server is busy
    (``BUSY_WAIT_ENV``, seconds)."""
    return seconds_setting(BUSY_WAIT_ENV, BUSY_WAIT_DEFAULT)


class TooSlowToAnalyseError(TooLargeToAnalyseError):
    """An org whose analysis ran over the request's time budget, stopped at a checkpoint."""


@dataclass(frozen=True)
class Deadline:
    """When the request that is analysing must stop, and the budget it was given."""

    ends: float
    seconds: float


_deadline: ContextVar[Deadline | None] = ContextVar("orgcharts_deadline", default=None)
"""The running request's deadline: a value per request (per context), not shared state."""


def start_time_limit(seconds: float) -> Token[Deadline | None]:
    """Analyses started from now on in this context stop at their next ``checkpoint`` after
    ``seconds``, until ``end_time_limit`` (a request's first and last hooks)."""
    return _deadline.set(Deadline(time.monotonic() + seconds, seconds))


def end_time_limit(token: Token[Deadline | None]) -> None:
    _deadline.reset(token)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """``start_time_limit`` for the block."""
    token = start_time_limit(seconds)
    try:
        yield
    finally:
        end_time_limit(token)


def checkpoint(stage: str, source: str) -> None:
    """Raise ``TooSlowToAnalyseError`` when the running request is past its deadline.

    Called between the linear steps of an analysis (reading, the reporting tree, each
    metric), so a request over budget stops within one step and frees its worker; outside
    a request (the command line) there is no deadline."""
    deadline = _deadline.get()
    if deadline is None or time.monotonic() <= deadline.ends:
        return
    raise too_slow(stage, deadline.seconds, source)


def too_slow(stage: str, seconds: float, source: str) -> TooSlowToAnalyseError:
    message = (
        f"this org is too large to analyse on this server: {stage} ran past the limit of {seconds:g} seconds "
        f"a request may take; raise {ANALYSE_SECONDS_ENV} (docs/deploy.md) or use the command line "
        f"(orgcharts hops {source})"
    )
    return TooSlowToAnalyseError([Diagnostic("error", message, source)])


class InFlight:
    """A bound on the callbacks one worker computes at once: one that finds no place within
    ``wait`` seconds is told the server is busy instead of waiting in a queue that grows
    with the number of users. Safe to share between threads."""

    def __init__(self, most: int, wait: float) -> None:
        self.most = most
        self.wait = wait
        self._free = threading.BoundedSemaphore(most)

    def enter(self, already_waited: float = 0.0) -> bool:
        """Take a place, waiting for one up to what is left of ``wait`` after
        ``already_waited`` seconds (in a server's queue, say); False when none came free in
        time, or the request has already waited all of ``wait``."""
        left = self.wait - already_waited
        return left > 0 and self._free.acquire(timeout=left)

    def leave(self) -> None:
        self._free.release()


LOW_PRIORITY_FROM_BYTES = 1024**2
"""Orgs from this size up are analysed at the lowest CPU priority (``at_low_priority``)."""


def at_low_priority(work: Callable[[], Kept], text_bytes: int) -> Kept:
    """``work()``, run at the lowest CPU priority (nice 19) when ``text_bytes`` is at least
    ``LOW_PRIORITY_FROM_BYTES``: the seconds a big org takes then give way to other users'
    short callbacks on the same cores. A thread of its own, which ends with it, since a
    thread's priority cannot be raised back without privileges; the request's deadline
    goes with it."""
    if text_bytes < LOW_PRIORITY_FROM_BYTES or not hasattr(os, "setpriority"):
        return work()
    outcome: dict[str, Any] = {}
    context = contextvars.copy_context()

    def run() -> None:
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        try:
            outcome["value"] = context.run(work)
        except BaseException as error:
            outcome["error"] = error

    worker = threading.Thread(target=run, name="orgcharts-low-priority")
    worker.start()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
