"""gunicorn.conf.py, which `gunicorn app:server` reads from the repository's root: a bind other
machines can reach needs ORGCHARTS_TOKEN (or an explicit ORGCHARTS_TRUSTED_NETWORK=1)."""

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from orgcharts.access import unguarded_binds
from tests.integration.conftest import ROOT, free_port, running

GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def environment(**extra):
    names = ("ORGCHARTS_TOKEN", "ORGCHARTS_TRUSTED_NETWORK")
    return {**{k: v for k, v in os.environ.items() if k not in names}, **extra}


def refused(bind, **extra):
    return subprocess.run(
        [GUNICORN, "app:server", "--bind", bind, "--workers", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=environment(**extra),
    )


@pytest.mark.parametrize("host", ["0.0.0.0", "[::]", "192.0.2.7", "example.org", ""])
def test_a_reachable_bind_without_a_token_is_refused_before_it_listens(host):
    port = free_port()
    done = refused(f"{host}:{port}")
    assert done.returncode == 3
    shown = f"{host.strip('[]') or '*'}:{port}"
    assert f"orgcharts: refusing to serve {shown} without an access token" in done.stderr
    assert "Set ORGCHARTS_TOKEN (docs/deploy.md), bind to 127.0.0.1, or set ORGCHARTS_TRUSTED_NETWORK=1" in done.stderr
    assert "Traceback" not in done.stderr
    assert "Listening at" not in done.stderr


def test_a_unix_socket_without_a_token_is_refused(tmp_path):
    done = refused(f"unix:{tmp_path / 'orgcharts.sock'}")
    assert done.returncode == 3
    assert f"refusing to serve unix:{tmp_path / 'orgcharts.sock'} without an access token" in done.stderr


def test_loopback_needs_no_token_and_the_defaults_come_from_the_file():
    port = free_port()
    command = [GUNICORN, "app:server", "--bind", f"127.0.0.1:{port}"]
    with running(command, port, env=environment()) as url:
        assert urllib.request.urlopen(url, timeout=10).status == 200
        workers = subprocess.run(
            ["pgrep", "-f", f"gunicorn app:server --bind 127.0.0.1:{port}"], capture_output=True, text=True
        )
        assert len(workers.stdout.split()) == 1 + 3, "the master and gunicorn.conf.py's three workers"


def test_a_token_or_a_trusted_network_lets_it_listen_everywhere():
    for extra, status in (({"ORGCHARTS_TOKEN": "s3cret-token"}, 403), ({"ORGCHARTS_TRUSTED_NETWORK": "1"}, 200)):
        port = free_port()
        command = [GUNICORN, "app:server", "--bind", f"0.0.0.0:{port}", "--workers", "1"]
        with running(command, port, env=environment(**extra)) as url:
            try:
                answer = urllib.request.urlopen(url, timeout=10).status
            except urllib.error.HTTPError as error:
                answer = error.code
            assert answer == status, extra


def test_unguarded_binds_names_each_reachable_address():
    binds = [("127.0.0.1", 80), ("::1", 81), ("localhost", 82), ("0.0.0.0", 83), ("", 84), "/run/o.sock", 5]
    assert unguarded_binds(binds, {}) == ["0.0.0.0:83", "*:84", "unix:/run/o.sock", "fd://5"]
    assert unguarded_binds(binds, {"ORGCHARTS_TOKEN": "t"}) == []
    assert unguarded_binds(binds, {"ORGCHARTS_TRUSTED_NETWORK": "1"}) == []
    assert unguarded_binds(binds, {"ORGCHARTS_TRUSTED_NETWORK": "yes"}) != []
