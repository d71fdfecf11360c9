"""Org texts kept on the server by their digest, in one SQLite file that every worker of
the dashboard shares (WAL: readers never wait for the writer), so that an uploaded org
survives a server restart and a request that lands on another worker.

Content-addressed: a text is found only by the SHA-256 of its bytes, which no one can
guess without holding the text. The file is bounded in bytes: once the texts exceed
``STORE_MAX_BYTES_ENV`` (default ``STORE_MAX_BYTES_DEFAULT``), the least recently used go
first. Any problem with the store (a read-only disk, a damaged file) only makes it miss.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from orgcharts.settings import bytes_setting, user_folder

log = logging.getLogger(__name__)

DATA_ENV = "ORGCHARTS_DATA_DIR"
"""The folder of the store; ``off`` turns it off. Default: ``$XDG_DATA_HOME/orgcharts``."""
STORE_MAX_BYTES_ENV = "ORGCHARTS_STORE_MAX_BYTES"
STORE_MAX_BYTES_DEFAULT = 2 * 1024**3
FILE_NAME = "texts.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS texts (
    digest TEXT PRIMARY KEY,
    body BLOB NOT NULL,
    bytes INTEGER NOT NULL,
    used REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS texts_used ON texts (used);
"""


def data_folder() -> Path | None:
    """The store's folder, or None when the store is turned off."""
    return user_folder(DATA_ENV, "XDG_DATA_HOME", os.path.join(".local", "share"))


def max_bytes() -> int:
    """The store's bound in bytes (``STORE_MAX_BYTES_ENV``)."""
    return bytes_setting(STORE_MAX_BYTES_ENV, STORE_MAX_BYTES_DEFAULT)


class TextStore:
    """The texts in ``folder`` (``data_folder()`` when None). A connection per call: calls
    come from many threads and processes, and only on a worker's cache miss or a new text."""

    def __init__(self, folder: Path | None = None, limit: int | None = None) -> None:
        self.folder = folder if folder is not None else data_folder()
        self.limit = limit if limit is not None else max_bytes()

    @contextlib.contextmanager
    def _database(self) -> Iterator[sqlite3.Connection]:
        assert self.folder is not None
        self.folder.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.folder / FILE_NAME, timeout=10, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(_SCHEMA)
            yield connection
        finally:
            connection.close()

    def put(self, key: str, text: str) -> bool:
        """Keep ``text`` under its digest ``key``; False if it could not be kept (too large
        for the bound, or the store is off or failing)."""
        body = text.encode("utf-8", errors="surrogatepass")
        if self.folder is None or len(body) > self.limit:
            return False
        try:
            with self._database() as db:
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "INSERT INTO texts (digest, body, bytes, used) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (digest) DO UPDATE SET used = excluded.used",
                    (key, body, len(body), time.time()),
                )
                self._evict(db)
                db.execute("COMMIT")
            return True
        except (OSError, sqlite3.Error) as error:
            log.warning("the org text store at %s cannot be written: %s", self.folder, error)
            return False

    def _evict(self, db: sqlite3.Connection) -> None:
        """Drop the least recently used texts until the rest fit the bound."""
        (total,) = db.execute("SELECT COALESCE(SUM(bytes), 0) FROM texts").fetchone()
        if total <= self.limit:
            return
        for digest, size in db.execute("SELECT digest, bytes FROM texts ORDER BY used").fetchall():
            if total <= self.limit:
                break
            db.execute("DELETE FROM texts WHERE digest = ?", (digest,))
            total -= size

    def get(self, key: str) -> str | None:
        """The text whose digest is ``key``, or None."""
        if self.folder is None or not (self.folder / FILE_NAME).exists():
            return None
        try:
            with self._database() as db:
                found = db.execute("SELECT body FROM texts WHERE digest = ?", (key,)).fetchone()
                if found is not None:
                    db.execute("UPDATE texts SET used = ? WHERE digest = ?", (time.time(), key))
        except (OSError, sqlite3.Error) as error:
            log.warning("the org text store at %s cannot be read: %s", self.folder, error)
            return None
        return None if found is None else bytes(found[0]).decode("utf-8", errors="surrogatepass")

    def total_bytes(self) -> int:
        """The bytes of every text kept."""
        if self.folder is None or not (self.folder / FILE_NAME).exists():
            return 0
        with self._database() as db:
            return int(db.execute("SELECT COALESCE(SUM(bytes), 0) FROM texts").fetchone()[0])
