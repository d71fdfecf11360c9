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

LAUGHS = textwrap.dedent(
    """\
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    """
)

HOSTILE = {
    "billion_laughs": (
        LAUGHS.encode(),
        f"hostile.yaml:5:8: error: aliases expand to more than {10 * len(LAUGHS) + 10_000:,} values, far more than the file holds "
        "(an alias bomb?); write the values out or use fewer nested aliases",
    ),
    "recursive_alias": (
        b"organization: &x [a, *x]\n",
        "hostile.yaml:1:22: error: alias *x refers to a collection that contains it; recursive aliases are not allowed",
    ),
    "undefined_alias": (
        b"organization: *nowhere\n",
        "hostile.yaml:1:15: error: alias *nowhere has no anchor &nowhere before it",
    ),
    "deep_flow_nesting": (
        b"roles: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "hostile.yaml:1:71: error: the document nests deeper than 64 levels; an org file needs five",
    ),
    "deep_flow_nesting_after_quoted_brackets": (
        "organization: 'Caf\u00e9 [[[['\nroles: ".encode() + b"[{a: " * 1_000 + b"}]" * 1_000 + b"\n",
        "hostile.yaml:2:164: error: the document nests deeper than 64 levels; an org file needs five",
    ),
    "deep_block_nesting": (
        b"roles:\n" + b"- " * 50_000 + b"x\n",
        "hostile.yaml:2:127: error: the document nests deeper than 64 levels; an org file needs five",
    ),
    "not_utf8": (
        "organization: Caf\u00e9\n".encode("latin-1"),
        "hostile.yaml:1:18: error: the file is not UTF-8 text (byte 0xe9 cannot be read); save it as UTF-8",
    ),
    "utf16": (
        "organization: X\n".encode("utf-16"),
        "hostile.yaml:1:1: error: the file is UTF-16 text; save it as UTF-8",
    ),
    "zip_renamed": (
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
        "hostile.yaml:1:1: error: this is a zip archive, not a YAML org file",
    ),
    "binary": (
        bytes(range(256)) * 4,
        "hostile.yaml:1:1: error: this is binary data, not a YAML org file",
    ),
    "empty": (b"", "hostile.yaml:1:1: error: the file is empty; see docs/format.md for what an org file holds"),
    "only_comments": (
        b"# nothing here\n",
        "hostile.yaml:1:1: error: the file is empty; see docs/format.md for what an org file holds",
    ),
    "several_documents": (
        b"organization: A\n---\norganization: B\n",
        "hostile.yaml:2:1: error: the file holds several YAML documents (separated by ---); keep one org per file",
    ),
    "huge_integer": (
        b"organization: X\nroles: [{id: a, title: A, headcount: " + b"9" * 10_000 + b"}]\n",
        "hostile.yaml:2:38: error: the number 9999999999999999999999999999999999999999 is too long to read",
    ),
    "infinite_limit": (
        b"organization: X\nroles: [{id: a, title: A, decides: [{decision: d, limit: .inf}]}]\n",
        "hostile.yaml:2:58: error: .inf is not a finite number",
    ),
    "nan_limit": (
        b"organization: X\nroles: [{id: a, title: A, decides: [{decision: d, limit: .nan}]}]\n",
        "hostile.yaml:2:58: error: .nan is not a finite number",
    ),
    "control_character": (
        b"organization: a\x07b\n",
        "hostile.yaml:1:16: error: the file holds a control character (#x0007), which YAML does not allow; remove it",
    ),
}

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
