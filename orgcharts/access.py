"""Who may reach the dashboard: a server listening beyond this machine requires an access
token (``orgcharts.web.security`` checks it on every request)."""

from __future__ import annotations

import ipaddress
import secrets

TOKEN_ENV = "ORGCHARTS_TOKEN"


def needs_token(host: str) -> bool:
    """True unless ``host`` is a loopback address (or ``localhost``): only this machine can reach it."""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True  # a name that may resolve to anything


def new_token() -> str:
    return secrets.token_urlsafe(24)
