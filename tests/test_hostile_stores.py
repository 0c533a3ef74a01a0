"""Hostile stores: files that are not this tool's store, or that cannot be written now.

Each is refused with a one-line `StoreError` that names the file, before anything is written
to it (the file keeps its exact bytes); through `incidents extract --store` that is exit 2
with one line on stderr. A store of the older schema (version 0, written before the schema
version was recorded) is migrated in place; a full disk or a lock while a document is stored
rolls that document back and keeps every document stored before.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from contextlib import closing
import sys
from pathlib import Path

import pytest

from pipeline.store import APPLICATION_ID, SCHEMA_VERSION, Store, StoreError, export_events

#: the schema of the stores written before the schema version was recorded (version 0)
SCHEMA_V0 = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, path TEXT, content_hash TEXT,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'skipped')),
    error TEXT, stage TEXT, published TEXT, processed_at TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (doc_id, idx)
);
"""

MENTION = {"doc_id": "d1", "published": "2025-05-02", "date": "2025-05-01", "district": "Bannu",
           "province": "Khyber Pakhtunkhwa", "country": "Pakistan", "method": "armed_assault",
           "event_type": "attack", "killed": 2, "evidence": [{"start": 0, "end": 10, "text": "Two killed"}]}


def make_store(path: Path) -> Path:
    with Store(path) as store:
        store.add_document("d1", "in/d1.txt", "hash-1", "2025-05-02", [MENTION])
    return path


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mode


def refused(path: Path, match: str, **kwargs) -> StoreError:
    before = snapshot(path)
    with pytest.raises(StoreError, match=match) as info:
        Store(path, **kwargs)
    assert snapshot(path) == before  # not a byte changed
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return info.value


# --- files that are not this tool's store ----------------------------------------------------


def test_store_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list: tea, flour, lentils\n", encoding="utf-8")
    refused(path, "is not an SQLite database")


def test_store_refuses_a_damaged_sqlite_file(tmp_path):
    path = make_store(tmp_path / "damaged.db")
    data = bytearray(path.read_bytes())
    data[16:100] = b"\xff" * 84  # the header's page size and counters: garbage
    path.write_bytes(bytes(data))
    refused(path, "not an SQLite database|damaged|failed while")


def test_store_refuses_another_programs_database(tmp_path):
    path = tmp_path / "contacts.db"
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Amina', '0300')")
    refused(path, "database of another program \\(tables: contacts\\)")


def test_store_refuses_a_database_marked_by_another_program(tmp_path):
    path = tmp_path / "marked.db"
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.executescript(SCHEMA_V0)  # our tables, another program's mark
        conn.execute(f"PRAGMA application_id = {0x47504B47}")  # a GeoPackage
    refused(path, "application id 0x47504b47")


def test_store_refuses_a_newer_schema(tmp_path):
    path = make_store(tmp_path / "incidents.db")
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    error = refused(path, "newer version of this tool")
    assert f"schema {SCHEMA_VERSION + 1}" in str(error)
    with pytest.raises(StoreError, match="newer version"):
        Store(path, readonly=True)


def test_store_refuses_a_read_only_store(tmp_path):
    path = make_store(tmp_path / "incidents.db")
    path.chmod(0o444)
    try:
        refused(path, "is read-only")
        # reading it (an export) is fine
        assert export_events(path, tmp_path / "events.jsonl") == 1
    finally:
        path.chmod(0o644)


def test_store_refuses_a_store_locked_beyond_the_timeout(tmp_path):
    path = make_store(tmp_path / "incidents.db")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    try:
        error = refused(path, "locked by another writer", timeout=0.2)
        assert "--lock-timeout" in str(error)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Store(path, timeout=0.2) as store:  # free again
        assert [d["doc_id"] for d in store.documents()] == ["d1"]


# --- older schema ------------------------------------------------------------------------------


def test_store_migrates_the_unversioned_schema_in_place(tmp_path):
    path = tmp_path / "old.db"
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.executescript(SCHEMA_V0)
        conn.execute("INSERT INTO documents VALUES ('d1', 'in/d1.txt', 'hash-1', 'ok', NULL, NULL, '2025-05-02', 'x')")
        conn.execute("INSERT INTO mentions VALUES ('d1', 0, ?)", ('{"doc_id": "d1", "killed": 2}',))
    with Store(path, readonly=True) as store:  # readable as it is, not migrated by a reader
        assert store.mentions() == [{"doc_id": "d1", "killed": 2}]
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    with Store(path) as store:
        assert store.seen("hash-1")
        assert store.mentions() == [{"doc_id": "d1", "killed": 2}]
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_store_new_file_is_marked_with_the_schema_version(tmp_path):
    path = make_store(tmp_path / "new.db")
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


# --- failures while writing --------------------------------------------------------------------


def test_store_full_disk_rolls_back_the_document_and_keeps_the_others(tmp_path):
    path = make_store(tmp_path / "incidents.db")
    with Store(path) as store:
        before = (store.documents(), store.mentions())
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        # SQLite's own "database or disk is full" (SQLITE_FULL): no page may be added
        store._conn.execute(f"PRAGMA max_page_count = {pages}")
        big = dict(MENTION, evidence=[{"start": 0, "end": 10, "text": "x" * 200_000}])
        with pytest.raises(StoreError, match="disk is full.*every document stored before is kept"):
            store.add_document("d2", "in/d2.txt", "hash-2", None, [big])
        assert (store.documents(), store.mentions()) == before
        assert not store.seen("hash-2")
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_store_lock_while_storing_fails_the_write_not_the_data(tmp_path):
    path = make_store(tmp_path / "incidents.db")
    with Store(path, timeout=0.2) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match="locked by another writer.*stored before is kept"):
                store.add_document("d2", "in/d2.txt", "hash-2", None, [MENTION])
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert [d["doc_id"] for d in store.documents()] == ["d1"]


# --- through the command -----------------------------------------------------------------------

CLI = [sys.executable, "-c", "import sys; from pipeline.cli import app; sys.argv[0] = 'incidents'; app()"]


def run_extract(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="80", PYTHONWARNINGS="ignore")  # narrow: the error stays one line
    return subprocess.run([*CLI, "extract", *args, "--quiet"], capture_output=True, text=True, timeout=300, env=env)


def hostile_store(kind: str, path: Path) -> None:
    if kind == "text":
        path.write_text("not a database at all\n" * 50, encoding="utf-8")
    elif kind == "other_program":
        with closing(sqlite3.connect(path, isolation_level=None)) as conn:
            conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, taken TEXT)")
    elif kind == "newer":
        make_store(path)
        with closing(sqlite3.connect(path, isolation_level=None)) as conn:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    elif kind == "read_only":
        make_store(path)
        path.chmod(0o444)


@pytest.mark.slow
@pytest.mark.parametrize("kind, said", [
    ("text", "is not an SQLite database"),
    ("other_program", "database of another program"),
    ("newer", "newer version of this tool"),
    ("read_only", "is read-only"),
])
def test_extract_with_hostile_store_fails_in_one_line(tmp_path, kind, said):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("Two policemen were killed in Bannu district on Monday, police said.\n", encoding="utf-8")
    path = tmp_path / "store.db"
    hostile_store(kind, path)
    before = snapshot(path)
    result = run_extract(str(folder), "--store", str(path), "-o", str(tmp_path / "events.jsonl"))
    assert result.returncode == 2, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert said in lines[0] and "store.db" in lines[0]
    assert snapshot(path) == before
    assert not (tmp_path / "events.jsonl").exists()


@pytest.mark.slow
def test_extract_with_locked_store_fails_after_the_lock_timeout(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("Two policemen were killed in Bannu district on Monday, police said.\n", encoding="utf-8")
    path = make_store(tmp_path / "store.db")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = run_extract(str(folder), "--store", str(path), "-o", str(tmp_path / "events.jsonl"), "--lock-timeout", "0.5")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.returncode == 2, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "locked by another writer (waited 0.5 s" in lines[0], result.stderr
