"""Who may reach the dashboard: a server listening beyond this machine requires an access
token (``orgcharts.web.security`` checks it on every request)."""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Iterable, Mapping

TOKEN_ENV = "ORGCHARTS_TOKEN"
TRUSTED_NETWORK_ENV = "ORGCHARTS_TRUSTED_NETWORK"
"""Set to 1 to serve beyond this machine without a token, on a network where everyone may see the org."""


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


def unguarded_binds(addresses: Iterable[tuple[str, int] | str | int], environ: Mapping[str, str]) -> list[str]:
    """The addresses among ``addresses`` (gunicorn's parsed binds: ``(host, port)``, a Unix
    socket's path, or a file descriptor) that other machines could reach with no token
    to guard them, as people write them. None when ``environ`` sets the token or trusts the
    network. A socket or descriptor counts as reachable: whatever proxies it serves whoever
    reaches the proxy."""
    if environ.get(TOKEN_ENV) or environ.get(TRUSTED_NETWORK_ENV) == "1":
        return []
    unguarded = []
    for address in addresses:
        if isinstance(address, tuple):
            host, port = address
            if needs_token(host):
                unguarded.append(f"{host or '*'}:{port}")
        elif isinstance(address, int):
            unguarded.append(f"fd://{address}")
        else:
            unguarded.append(f"unix:{address}")
    return unguarded
