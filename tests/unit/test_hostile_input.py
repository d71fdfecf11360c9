"""Hostile and broken files: each is refused with a clear message, fast, without crashing.

Each case runs in a child process, so an interpreter crash (PyYAML's C composer
segfaults on deep nesting) fails the test instead of killing the test run. "Fast" is
measured against a valid org file of the same size loaded by a child in the same run:
invalid is never much slower than valid, however busy the machine.
"""

import math
import subprocess
import sys
import textwrap

import pytest

from orgcharts import OrgFileError, load_bytes, load_file
from orgcharts.examples.generate import generate
from tests.fixtures.hostile import HOSTILE

_CHILD = textwrap.dedent(
    """\
    import sys, time
    from orgcharts import OrgFileError, load_bytes
    data = sys.stdin.buffer.read()
    began = time.perf_counter()
    try:
        load_bytes(data, "hostile.yaml")
    except OrgFileError as error:
        print("\\n".join(str(d) for d in error.diagnostics))
    else:
        print("loaded")
    print(time.perf_counter() - began)
    """
)
TRIES = 3
"""Each load is timed this many times and the quickest kept: a busy machine only ever slows a run."""
ALLOWANCE = 0.01
"""Seconds added to the valid file's time, for files so small that timer noise is all there is."""


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_about_as_fast_as_a_valid_file_of_its_size_loads(name):
    data, expected = HOSTILE[name]
    _, valid = _child(_valid_org_of(len(data)))
    said, hostile = _child(data)
    assert expected in said
    assert hostile <= 2 * valid + ALLOWANCE, (
        f"refused in {hostile:.3f} s; a valid file of its size loads in {valid:.3f} s"
    )


def _child(data: bytes) -> tuple[list[str], float]:
    """What a fresh interpreter loading ``data`` prints, and the quickest of its load times."""
    times = []
    for _ in range(TRIES):
        child = subprocess.run(
            [sys.executable, "-c", _CHILD], input=data, capture_output=True, timeout=300, check=False
        )
        assert child.returncode == 0, child.stderr.decode()
        *said, elapsed = child.stdout.decode().splitlines()
        times.append(float(elapsed))
    return said, min(times)


def _valid_org_of(size: int) -> bytes:
    """A valid org file of at least ``size`` bytes."""
    per_role = len(generate(200).encode()) / 200
    return generate(max(2, math.ceil(size / per_role))).encode()


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
