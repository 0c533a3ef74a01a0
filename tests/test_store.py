"""The SQLite store: incremental, idempotent, atomic; and `incidents export`."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store import Store, StoreError, export_events, write_jsonl


def mention(text, start=0, **fields):
    base = {
        "event_type": "attack", "method": "bombing", "suicide": False, "date": "2025-08-14",
        "country": "Pakistan", "province": "Balochistan", "district": "Kech", "place": "Turbat",
        "perpetrators": [], "targets": ["paramilitary"], "killed": 3, "injured": None,
        "perpetrators_killed": None, "qualifier": "exact",
        "evidence": [{"start": start, "end": start + len(text), "text": text}],
    }
    base.update(fields)
    return base


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "store.db"
    with Store(path) as store:
        store.add_document(
            "001_alpha", "in/001_alpha.html", "hash-a", "2025-08-15",
            [
                mention("An IED hit a Levies vehicle in Turbat, killing three.", killed=3),
                mention("Separately, a grenade was hurled at a shop in Gwadar, injuring four.",
                        start=400, method="grenade", district="Gwadar", place="Gwadar",
                        targets=["civilians"], killed=None, injured=4, date="2025-08-13"),
            ],
        )
        store.add_document(
            "002_beta", "in/002_beta.html", "hash-b", "2025-08-16",
            [mention("The Turbat IED attack on a Levies vehicle killed five, officials said.",
                     killed=5, perpetrators=[{"group": "BLF", "attribution": "claimed"}])],
        )
    return path


def test_store_add_document_is_incremental_and_idempotent(filled):
    with Store(filled) as store:
        assert store.seen("hash-a") and store.seen("hash-b")
        assert not store.seen("hash-c")
        assert len(store.mentions()) == 3
        assert [e["killed"] for e in store.events()] == [None, 5]
        # the same document again replaces itself: no duplicated mentions
        store.add_document("002_beta", "in/002_beta.html", "hash-b", "2025-08-16",
                           [mention("The Turbat IED attack killed five.", killed=5)])
        assert len(store.mentions()) == 3
        assert len(store.documents()) == 2
        store.add_document("003_gamma", "in/003_gamma.html", "hash-c", "2025-08-17",
                           [mention("Turbat toll reaches six.", killed=6)])
        assert store.seen("hash-c")
        assert len(store.mentions()) == 4
        events = store.events()
        assert [e["killed"] for e in events] == [None, 6]
        assert store.events("conservative")[1]["killed"] == 3


def test_store_mentions_carry_doc_id_and_published(filled):
    with Store(filled) as store:
        for m in store.mentions():
            assert m["doc_id"] in {"001_alpha", "002_beta"}
            assert m["published"] in {"2025-08-15", "2025-08-16"}


def test_store_records_failures_and_retries_them(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add_failure("in/004_delta.pdf", "hash-d", "no text could be extracted", "read")
        (row,) = store.documents()
        assert row["doc_id"] == "004_delta" and row["status"] == "failed"
        assert row["stage"] == "read" and "no text" in row["error"]
        assert not store.seen("hash-d")  # failed documents are tried again
        store.add_failure("in/005_eps.html", "hash-e", "not English", "language", status="skipped")
        assert store.seen("hash-e")
        store.add_document("004_delta", "in/004_delta.pdf", "hash-d", None, [])
        assert [d["status"] for d in store.documents()] == ["ok", "skipped"]


class _CrashingConnection:
    """Passes everything to a real connection but fails when the mention rows are written."""

    def __init__(self, conn):
        self._conn = conn

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def executemany(self, *args):
        raise sqlite3.OperationalError("disk I/O error (simulated)")


def test_store_add_document_is_atomic(filled):
    with Store(filled) as store:
        before_docs, before_mentions = store.documents(), store.mentions()
        real = store._conn
        store._conn = _CrashingConnection(real)
        with pytest.raises(StoreError, match="disk I/O error"):
            store.add_document("001_alpha", "in/001_alpha.html", "hash-new", "2025-09-01",
                               [mention("A replacement that never lands.")])
        store._conn = real
        # neither the document row nor its mentions were half-replaced
        assert store.documents() == before_docs
        assert store.mentions() == before_mentions
        assert not store.seen("hash-new")
    assert sqlite3.connect(filled).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_events_same_whatever_arrival_order(tmp_path, filled):
    with Store(filled) as store:
        docs = {d["doc_id"]: d for d in store.documents()}
        by_doc = {}
        for m in store.mentions():
            by_doc.setdefault(m["doc_id"], []).append(m)
        expected = store.events()
    with Store(tmp_path / "reverse.db") as other:
        for doc_id in sorted(by_doc, reverse=True):
            d = docs[doc_id]
            other.add_document(doc_id, d["path"], d["content_hash"], d["published"], by_doc[doc_id])
        assert other.events() == expected


def test_export_jsonl_is_byte_identical_and_round_trips(filled, tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert export_events(filled, first) == 2
    export_events(filled, second)
    assert first.read_bytes() == second.read_bytes()
    lines = first.read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    with Store(filled) as store:
        assert events == store.events()
    assert [(e["date"], e["event_id"]) for e in events] == sorted(
        (e["date"], e["event_id"]) for e in events)


def test_export_csv_round_trip(filled, tmp_path):
    out = tmp_path / "events.csv"
    export_events(filled, out, "csv", "conservative")
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with Store(filled) as store:
        events = store.events("conservative")
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in events]
    turbat = next(r for r in rows if r["district"] == "Kech")
    assert turbat["killed"] == "3" and turbat["killed_high"] == "5"
    assert json.loads(turbat["perpetrators"]) == [{"group": "BLF", "attribution": "claimed"}]
    assert turbat["targets"] == "paramilitary"
    assert turbat["doc_ids"] == "001_alpha;002_beta"


def test_export_parquet_and_dataframe(filled, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "events.parquet"
    export_events(filled, out, "parquet")
    frame = pd.read_parquet(out)
    with Store(filled) as store:
        expected = store.to_dataframe()
    assert list(frame["event_id"]) == list(expected["event_id"])
    assert frame["n_mentions"].tolist() == [1, 2]


def test_export_command(filled, tmp_path):
    out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(app, ["export", "--store", str(filled), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    missing = CliRunner().invoke(app, ["export", "--store", str(tmp_path / "none.db"),
                                       "-o", str(out)])
    assert missing.exit_code == 2  # a failed run (README: exit codes)


def test_write_jsonl_leaves_no_temp_files(tmp_path):
    write_jsonl([{"event_id": "ev-0000000000000000", "date": None, "place": "Ūch"}],
                tmp_path / "x.jsonl")
    assert [p.name for p in tmp_path.iterdir()] == ["x.jsonl"]
    assert "Ūch" in (tmp_path / "x.jsonl").read_text(encoding="utf-8")
