"""Nothing lost: an org text kept by one worker is found by another and after a restart,
in the store every worker shares (SQLite, WAL), bounded in bytes, found only by digest."""

import sqlite3
import sys
import textwrap

from orgcharts.loader import example_text
from orgcharts.store import FILE_NAME, TextStore
from orgcharts.web import source
from orgcharts.web.app import serve
from orgcharts.web.served import TextCache
from orgcharts.web.session import digest
from tests.fixtures.callbacks import run


def test_a_text_is_kept_by_digest_in_a_wal_database(tmp_path):
    store = TextStore(tmp_path)
    text = "organization: Kept ✓\n"
    assert store.put(digest(text), text)
    assert TextStore(tmp_path).get(digest(text)) == text, "another process's store reads it back"
    assert store.get(digest(text + " ")) is None
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_the_store_drops_the_least_recently_used_texts_beyond_its_bound(tmp_path):
    store = TextStore(tmp_path, limit=2_500)
    texts = [f"organization: org {index}\n" + "#" * 1_000 + "\n" for index in range(3)]
    store.put(digest(texts[0]), texts[0])
    store.put(digest(texts[1]), texts[1])
    assert store.get(digest(texts[0])) == texts[0], "a read makes the first the most recently used"
    store.put(digest(texts[2]), texts[2])
    assert [store.get(digest(text)) is not None for text in texts] == [True, False, True]
    assert store.total_bytes() <= 2_500
    assert not store.put(digest("x" * 3_000), "x" * 3_000), "a text larger than the bound is refused"


def test_a_store_turned_off_or_unwritable_only_misses(tmp_path, monkeypatch):
    monkeypatch.setenv("ORGCHARTS_DATA_DIR", "off")
    assert TextStore().folder is None and TextStore().get("0" * 64) is None
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert not TextStore(blocked / "store").put("k", "text")


def test_an_applied_org_survives_a_restart_and_reaches_another_worker_by_digest_only():
    text = example_text("retailer").replace("Meridian Outfitters", "Meridian Kept")
    source_store, kept, *_ = run(
        source.load_org,
        "apply.n_clicks",
        picked=None,
        chosen=None,
        uploaded=None,
        applied=1,
        upload_name=None,
        editor_text=text,
        current={"name": "kept.yaml", "digest": digest(example_text("retailer"))},
    )
    assert kept == {"digest": digest(text), "text": None}, "the browser holds only the digest"
    elsewhere = serve()  # another worker, or this one restarted: nothing in its memory
    assert elsewhere.text(source_store) == (text, "kept.yaml")
    assert elsewhere.org(source_store).name == "Meridian Kept"


def test_workers_in_other_processes_share_the_store(tmp_path):
    import subprocess

    text = "organization: Shared\n"
    program = textwrap.dedent(
        f"""
        from pathlib import Path
        from orgcharts.store import TextStore
        from orgcharts.web.served import TextCache
        TextCache(store=TextStore(Path({str(tmp_path)!r}))).put({text!r})
        """
    )
    subprocess.run([sys.executable, "-c", program], check=True)
    assert TextCache(store=TextStore(tmp_path)).get(digest(text)) == text


def test_a_text_whose_bytes_do_not_match_its_digest_is_never_answered(tmp_path):
    store = TextStore(tmp_path)
    key = digest("organization: Asked\n")
    store.put(key, "organization: Not what was asked\n")
    assert TextCache(store=store).get(key) is None
