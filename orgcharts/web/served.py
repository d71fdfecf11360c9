"""What one app's server holds: the org it started with, the org texts by digest, the
upload cap and the computations' caches. Nothing per user: a session's org, edits and
selection live in its browser (``dcc.Store``), which sends them with every callback."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import dash

from orgcharts.budget import TooLargeToAnalyseError
from orgcharts.errors import MissingOrgTextError
from orgcharts.model import Organization
from orgcharts.store import TextStore, data_folder
from orgcharts.web import ids
from orgcharts.web.parts import errors
from orgcharts.web.session import Analysis, Computations, Controls, Structure, digest, parse_edits
from orgcharts.whatif import Edit

STARTUP = "__startup__"
"""The example picker's value for the org the server was started with."""


def source_of(key: str, name: str) -> dict[str, str]:
    """The session's org as callbacks receive it: its name and the digest of its text."""
    return {"name": name, "digest": key}


def text_store(key: str, text: str | None) -> dict[str, str | None]:
    """The browser's copy of its org text, sent back only when a server process lacks it.

    Only the digest while the server keeps texts in its store (``orgcharts.store``): every
    worker reads the text from there, and a big org never meets the browser's storage quota.
    The text itself only when the store is off. None for the startup org and the examples,
    which every process holds."""
    return {"digest": key, "text": text if data_folder() is None else None}


def edits(raw: Any) -> tuple[Edit, ...]:
    """The what-if edits from the browser's store (malformed ones dropped)."""
    return tuple(parse_edits(raw))


class TextCache:
    """Org texts by digest, so that a session's callbacks send a 64-character digest
    instead of the whole org text (megabytes for a big org) with every click.

    Backed by ``store`` (the SQLite file every worker shares): a text put by one worker is
    found by another, and after a restart. In memory, the least recently used texts go
    first once ``max_chars`` is exceeded. Safe to share between threads.
    """

    def __init__(self, max_chars: int = 256 * 1024 * 1024, store: TextStore | None = None) -> None:
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._chars = 0
        self._max_chars = max_chars
        self._lock = threading.Lock()
        self._store = store

    def put(self, text: str, keep: bool = True) -> str:
        """Keep ``text``; return its digest. ``keep=False``: in memory only (a text every
        worker holds anyway, such as the examples)."""
        key = digest(text)
        with self._lock:
            known = key in self._texts
        if not known and keep and self._store is not None:
            self._store.put(key, text)
        self._remember(key, text)
        return key

    def _remember(self, key: str, text: str) -> None:
        with self._lock:
            if key in self._texts:
                self._texts.move_to_end(key)
                return
            self._texts[key] = text
            self._chars += len(text)
            while self._chars > self._max_chars and len(self._texts) > 1:
                _, dropped = self._texts.popitem(last=False)
                self._chars -= len(dropped)

    def get(self, key: str) -> str | None:
        """The text whose digest is ``key``, or None if neither this process nor the store
        holds it."""
        with self._lock:
            text = self._texts.get(key)
            if text is not None:
                self._texts.move_to_end(key)
                return text
        text = self._store.get(key) if self._store is not None else None
        if text is not None and digest(text) == key:
            self._remember(key, text)
            return text
        return None


@dataclass(frozen=True)
class Startup:
    """The org the server was started with: what a new session shows."""

    source: dict[str, str]
    text: str

    @property
    def name(self) -> str:
        return self.source["name"]

    @property
    def text_store(self) -> dict[str, str | None]:
        return text_store(self.source["digest"], None)


@dataclass(frozen=True)
class Served:
    """The server's side of one app, handed to every server callback."""

    startup: Startup
    texts: TextCache
    cap: int
    """The largest upload, in bytes."""
    computations: Computations = field(default_factory=Computations)

    def text(self, source: Any) -> tuple[str, str]:
        """The session's org file: its text and name; a store the server cannot read falls
        back to the startup org. Raises ``MissingOrgTextError`` for a digest this process
        does not hold."""
        if isinstance(source, dict) and isinstance(source.get("digest"), str):
            text = self.texts.get(source["digest"])
            if text is None:
                raise MissingOrgTextError(source["digest"])
            return text, str(source.get("name", "org.yaml"))
        return self.startup.text, self.startup.name

    def shape(self, source: Any) -> Structure:
        """The session's org and its shape (see ``text``)."""
        return self.computations.structure(*self.text(source))

    def org(self, source: Any) -> Organization:
        return self.shape(source).org

    def analysis(self, shape: Structure, raw_edits: Any, controls: Controls) -> Analysis:
        """The session's org measured under ``controls`` with its what-if edits for the chosen
        decision (``Computations.analysis``: the others change nothing it shows, and its
        ``org`` carries only those)."""
        c = controls
        return self.computations.analysis(shape, edits(raw_edits), c.decision, c.amount, c.segment, c.via_dotted)

    def name(self, source: Any) -> str:
        """The session's org file name, as the browser holds it."""
        return str((source if isinstance(source, dict) else self.startup.source).get("name", "org.yaml"))


def ask_for_missing_text(error: Exception) -> None:
    """Dash's error hook: a callback that met an unknown digest asks the browser for the text.

    The callback's outputs stay as they were; once the text is back, ``org-refilled``
    changes and the callbacks that draw the org run again.
    """
    if not isinstance(error, MissingOrgTextError):
        raise error
    dash.set_props(ids.ORG_WANTED, {"data": {"digest": error.digest, "at": time.time_ns()}})


def on_callback_error(error: Exception) -> None:
    """Dash's error hook: an unknown digest is asked from the browser (``ask_for_missing_text``);
    an org over the server's budget (``budget``) is said where load errors are, and the
    chart stays as it was; anything else is a server error."""
    if isinstance(error, TooLargeToAnalyseError):
        dash.set_props(ids.LOAD_MESSAGES, {"children": errors(error.diagnostics, "the chart is unchanged")})
        return
    ask_for_missing_text(error)
