"""Settings read from the environment: sizes in bytes and the user's folders, read the
same way by the store, the caches and the server's budget."""

from __future__ import annotations

import os
from pathlib import Path


def bytes_setting(name: str, default: int) -> int:
    """A positive size in bytes from the environment variable ``name``, else ``default``."""
    return number_setting(name, default)


def number_setting(name: str, default: int) -> int:
    """A positive whole number from the environment variable ``name``, else ``default``."""
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() and int(value) > 0 else default


def seconds_setting(name: str, default: float) -> float:
    """A positive duration in seconds (``0.5`` or ``60``) from the environment variable
    ``name``, else ``default``."""
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


def user_folder(name: str, xdg_variable: str, fallback: str) -> Path | None:
    """The folder the environment variable ``name`` gives (``off``: none), else
    ``$xdg_variable/orgcharts``, else ``~/fallback/orgcharts``."""
    chosen = os.environ.get(name)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get(xdg_variable) or os.path.join(os.path.expanduser("~"), fallback)
    return Path(base) / "orgcharts"
