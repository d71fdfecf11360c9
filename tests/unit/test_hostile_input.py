"""Hostile and broken files: each is refused with a clear message, fast, without crashing.

Each case runs in a child process, so an interpreter crash (PyYAML's C composer
segfaults on deep nesting) fails the test instead of killing the test run, and the
one-second promise is checked by a hard time limit on the child.
"""

import subprocess
import sys
import textwrap

import pytest

from orgcharts import OrgFileError, load_bytes, load_file
from tests.fixtures.hostile import HOSTILE

_CHILD = textwrap.dedent(
    """\
    import sys
    from orgcharts import OrgFileError, load_bytes
    try:
        load_bytes(sys.stdin.buffer.read(), "hostile.yaml")
    except OrgFileError as error:
        print("\\n".join(str(d) for d in error.diagnostics))
    else:
        print("loaded")
    """
)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_within_a_second(name):
    data, expected = HOSTILE[name]
    child = subprocess.run(
        [sys.executable, "-c", _CHILD], input=data, capture_output=True, timeout=1 + _interpreter_start(), check=False
    )
    assert child.returncode == 0, child.stderr.decode()
    assert expected in child.stdout.decode().splitlines()


_START: list[float] = []


def _interpreter_start() -> float:
    """How long the child needs to start and import orgcharts, measured once."""
    if not _START:
        import time

        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import orgcharts.loader"], check=True)
        _START.append(time.perf_counter() - began)
    return _START[0]


def test_size_cap_refuses_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(5_000_000)
    with pytest.raises(OrgFileError) as caught:
        load_file(big, max_bytes=1_000_000)
    assert str(caught.value) == (
        f"{big}: error: the file is 5,000,000 bytes, over the 1,000,000-byte limit; "
        "raise it with --max-bytes or ORGCHARTS_MAX_BYTES if the file is really an org"
    )


def test_size_cap_applies_to_uploaded_bytes():
    with pytest.raises(OrgFileError, match="over the 10-byte limit"):
        load_bytes(b"organization: x\n", "upload.yaml", max_bytes=10)


def test_size_cap_from_environment(tmp_path, monkeypatch):
    path = tmp_path / "org.yaml"
    path.write_text("organization: x\n")
    monkeypatch.setenv("ORGCHARTS_MAX_BYTES", "5")
    with pytest.raises(OrgFileError, match="over the 5-byte limit"):
        load_file(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(OrgFileError, match=r"nope\.yaml: error: no such file"):
        load_file(tmp_path / "nope.yaml")
    with pytest.raises(OrgFileError, match="this is a folder, not an org file"):
        load_file(tmp_path)


def test_byte_order_mark_is_accepted(northwind):
    loaded = load_bytes(b"\xef\xbb\xbf" + northwind.encode(), "bom.yaml")
    assert loaded.org.name == "Northwind Mobile"


def test_garbage_collector_state_is_restored(northwind):
    import gc

    assert gc.isenabled()
    load_bytes(northwind.encode())
    assert gc.isenabled()
    with pytest.raises(OrgFileError):
        load_bytes(b"organization: [")
    assert gc.isenabled()


def test_lone_surrogate_in_text_is_our_error():
    from orgcharts import load_text

    with pytest.raises(OrgFileError) as caught:
        load_text("organization: X\nroles: [\ud800]\n", "browser.yaml")
    assert str(caught.value) == (
        "browser.yaml:2:9: error: the text holds a character that is not valid Unicode (a lone surrogate); remove it"
    )
