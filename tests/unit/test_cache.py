"""The content-hash cache: a file seen before loads from it; a changed file never does."""

import hashlib
import os

import pytest

from orgcharts import OrgFileError, load_bytes, load_file
from orgcharts.loader import cache, example_text


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


def entries(folder):
    return sorted(path.name for path in folder.glob("*.json")) if folder.exists() else []


def test_second_load_is_served_from_the_cache(cache_dir, tmp_path, monkeypatch):
    org = tmp_path / "org.yaml"
    org.write_text(example_text("b2b"))
    first = load_file(org)
    assert len(entries(cache_dir)) == 1
    import orgcharts.loader
    from orgcharts.loader import validate

    def refuse(*_):
        pytest.fail("an intact entry is neither read as YAML nor checked again")

    monkeypatch.setattr(orgcharts.loader, "_validated", refuse)
    monkeypatch.setattr(validate, "conforms", refuse)
    second = load_file(org)
    assert second.org == first.org
    assert [str(w) for w in second.warnings] == [str(w) for w in first.warnings]


def test_a_changed_file_is_never_served_from_the_cache(cache_dir, tmp_path):
    org = tmp_path / "org.yaml"
    org.write_text(example_text("telecom"))
    assert load_file(org).org.name == "Northwind Mobile"
    org.write_text(example_text("telecom").replace("Northwind Mobile", "Northwind Mobilf"))
    assert load_file(org).org.name == "Northwind Mobilf"
    org.write_text(example_text("telecom").replace("reports_to: coo\n", "reports_to: cooo\n", 1))
    with pytest.raises(OrgFileError, match="reports_to 'cooo' is not a role id"):
        load_file(org)
    assert len(entries(cache_dir)) == 2, "invalid files are not cached"


def test_warnings_carry_the_name_the_file_is_opened_under(cache_dir, tmp_path):
    text = "organization: X\ncustomers: [{id: c, name: C}]\nroles: [{id: a, title: A}]\n"
    (tmp_path / "one.yaml").write_text(text)
    (tmp_path / "two.yaml").write_text(text)
    load_file(tmp_path / "one.yaml")
    again = load_file(tmp_path / "two.yaml")
    assert all(str(w).startswith(str(tmp_path / "two.yaml")) for w in again.warnings)


def test_a_damaged_or_edited_entry_is_a_miss(cache_dir, tmp_path):
    org = tmp_path / "org.yaml"
    org.write_text(example_text("retailer"))
    load_file(org)
    (entry,) = cache_dir.glob("*.json")
    intact = entry.read_bytes()
    checksum, _, payload = intact.partition(b"\n")
    assert checksum.decode() == hashlib.sha256(payload).hexdigest()
    edited = payload.replace(b"Meridian Outfitters", b"Meridian Forged")
    damaged = [b"{not json", intact[: len(intact) // 2], checksum + b"\n" + edited, edited, b""]
    for content in damaged:
        entry.write_bytes(content)
        assert load_file(org).org.name == "Meridian Outfitters"
        assert entry.read_bytes() == intact, "a miss stores the entry again"


def test_unwritable_cache_still_loads(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocked))
    org = tmp_path / "org.yaml"
    org.write_text(example_text("retailer"))
    assert load_file(org).org.name == "Meridian Outfitters"


def test_cache_can_be_turned_off_and_uploads_never_touch_it(cache_dir, tmp_path, monkeypatch):
    load_bytes(example_text("retailer").encode(), "upload.yaml")
    assert entries(cache_dir) == []
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    org = tmp_path / "org.yaml"
    org.write_text(example_text("retailer"))
    load_file(org)
    assert not cache_dir.exists() or entries(cache_dir) == []
    assert not any(name.startswith(".entry-") for name in os.listdir(tmp_path))
