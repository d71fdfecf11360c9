"""A cache of validated org documents, keyed by the file's content, so that opening the
same file again (a dashboard restart, a second command) skips reading and checking it.

Entries are JSON, not pickles: a cache file is data and cannot run code. The key hashes
the file's bytes together with the orgcharts version and the schema, so a changed file,
or a new version of the rules, is never answered from the cache. Writes are atomic
(a temporary file renamed into place); any problem with the cache only makes it miss.

An entry starts with the SHA-256 of the rest of it, and one whose rest does not match is
a miss: a damaged entry is never used. What an intact entry holds is trusted without
checking it again (checking a large org costs a good share of reading its YAML; the
figures are in docs/performance.md): the cache folder is the user's own, and whoever can write there
can as well edit the org file itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from orgcharts.errors import Diagnostic
from orgcharts.settings import bytes_setting, user_folder

CACHE_ENV = "ORGCHARTS_CACHE_DIR"
"""Where the cache lives; ``off`` turns it off. Default: ``$XDG_CACHE_HOME/orgcharts``."""
FOLDER_MAX_BYTES_ENV = "ORGCHARTS_CACHE_DIR_MAX_BYTES"
FOLDER_MAX_BYTES_DEFAULT = 1024**3
"""The folder's bound: past it, the entries read or written longest ago are removed."""


def cache_folder() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    return user_folder(CACHE_ENV, "XDG_CACHE_HOME", ".cache")


@cache
def _salt() -> bytes:
    from orgcharts import __version__
    from orgcharts.loader.schema import schema

    return f"{__version__}\n{json.dumps(schema(), sort_keys=True)}\n".encode()


def key_for(data: bytes) -> str:
    """The cache key of a file's bytes."""
    return hashlib.sha256(_salt() + data).hexdigest()


def fetch(key: str) -> tuple[Any, list[Diagnostic]] | None:
    """The validated document and warnings cached under ``key``, or None."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        entry_path = folder / f"{key}.json"
        checksum, _, payload = entry_path.read_bytes().partition(b"\n")
        if checksum.decode("ascii") != hashlib.sha256(payload).hexdigest():
            return None
        entry = json.loads(payload)
        os.utime(entry_path)
        warnings = [Diagnostic(**fields) for fields in entry["warnings"]]
        return entry["document"], warnings
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(key: str, document: Any, warnings: list[Diagnostic]) -> None:
    """Remember a validated document; silently does nothing if the cache cannot be written."""
    folder = cache_folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".entry-", suffix=".json")
        try:
            payload = json.dumps({"document": document, "warnings": [asdict(w) for w in warnings]}).encode()
            with os.fdopen(handle, "wb") as out:
                out.write(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            os.replace(temporary, folder / f"{key}.json")
        except BaseException:
            os.unlink(temporary)
            raise
        _prune(folder)
    except (OSError, TypeError, ValueError):
        return


def _prune(folder: Path) -> None:
    """Remove the least recently used entries until the folder fits its bound."""
    entries = []
    for path in [*folder.glob("*.json"), *folder.glob(f"*{ANSWER_SUFFIX}")]:
        try:
            status = path.stat()
        except OSError:
            continue
        entries.append((status.st_mtime, status.st_size, path))
    total = sum(size for _, size, _ in entries)
    limit = bytes_setting(FOLDER_MAX_BYTES_ENV, FOLDER_MAX_BYTES_DEFAULT)
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        path.unlink(missing_ok=True)
        total -= size


ANSWER_SUFFIX = ".answer"
"""A command's whole output for one file and one question: read back byte for byte."""


def answer_key(file_key: str, question: str) -> str:
    """The key of the answer to ``question`` (a command and its options) about the file
    whose ``key_for`` is ``file_key``, by this very code: any change to orgcharts' source
    (a new version or an edit in a checkout) asks afresh."""
    return hashlib.sha256(f"{file_key}\n{_code()}\n{question}".encode()).hexdigest()


@cache
def _code() -> str:
    """The size and modification time of every module of orgcharts, hashed."""
    package = Path(__file__).resolve().parents[1]
    stamps = sorted(
        (str(p.relative_to(package)), p.stat().st_size, p.stat().st_mtime_ns) for p in package.rglob("*.py")
    )
    return hashlib.sha256(repr(stamps).encode()).hexdigest()


def fetch_answer(key: str) -> bytes | None:
    """The answer kept under ``key``, or None (missing, damaged or the cache off). It ends
    with the SHA-256 of what precedes it: a damaged answer is never used."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        entry_path = folder / f"{key}{ANSWER_SUFFIX}"
        data = entry_path.read_bytes()
        payload, checksum = data[:-64], data[-64:]
        if checksum.decode("ascii") != hashlib.sha256(payload).hexdigest():
            return None
        os.utime(entry_path)
        return payload
    except (OSError, ValueError):
        return None


def keep_answer(key: str, chunks: Iterable[str]) -> Iterator[str]:
    """``chunks`` as they come, written under ``key`` as well once they are all through; an
    answer over a quarter of the folder's bound, or one the folder cannot take, is not kept."""
    folder = cache_folder()
    if folder is None:
        yield from chunks
        return
    most = bytes_setting(FOLDER_MAX_BYTES_ENV, FOLDER_MAX_BYTES_DEFAULT) // 4
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".entry-", suffix=ANSWER_SUFFIX)
    except OSError:
        yield from chunks
        return
    digest, written, out = hashlib.sha256(), 0, os.fdopen(handle, "wb")
    try:
        for chunk in chunks:
            yield chunk
            if out.closed:
                continue
            data = chunk.encode("utf-8", errors="surrogatepass")
            written += len(data)
            try:
                if written > most:
                    raise OSError("too large to keep")
                digest.update(data)
                out.write(data)
            except OSError:
                out.close()
        if not out.closed:
            with contextlib.suppress(OSError):
                out.write(digest.hexdigest().encode())
                out.close()
                os.replace(temporary, folder / f"{key}{ANSWER_SUFFIX}")
                _prune(folder)
    finally:
        out.close()
        with contextlib.suppress(OSError):
            os.unlink(temporary)
