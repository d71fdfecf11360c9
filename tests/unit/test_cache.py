"""The content-hash cache: a file seen before loads from it; a changed file never does."""

import json
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
    from orgcharts.loader import validate

    monkeypatch.setattr(validate, "check", lambda data: pytest.fail("a cached file must not be checked again"))
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


def test_a_corrupt_or_tampered_entry_is_a_miss(cache_dir, tmp_path):
    org = tmp_path / "org.yaml"
    org.write_text(example_text("retailer"))
    load_file(org)
    (entry,) = cache_dir.glob("*.json")
    entry.write_text("{not json")
    assert load_file(org).org.name == "Meridian Outfitters"
    forged = {"organization": "Forged", "customers": [{"id": "c", "name": "C"}], "roles": []}
    entry.write_text(json.dumps({"document": forged, "warnings": []}))
    assert load_file(org).org.name == "Meridian Outfitters", "an entry that is not a valid org is a miss"
    cycle = {
        "organization": "Forged",
        "customers": [{"id": "c", "name": "C"}],
        "roles": [{"id": "a", "title": "A", "reports_to": "b"}, {"id": "b", "title": "B", "reports_to": "a"}],
    }
    entry.write_text(json.dumps({"document": cycle, "warnings": []}))
    assert load_file(org).org.name == "Meridian Outfitters", "a forged cycle is a miss too"


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
