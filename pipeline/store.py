"""The embedded store: one SQLite file that remembers documents and their mentions.

Default location: ``./incidents.db`` (`DEFAULT_STORE`, relative to the working directory); pass
another path to `Store`. The file is in WAL mode, so a reader (an export) can run while a writer
(an extraction) adds documents.

Tables
------
- ``documents(doc_id PK, path, content_hash, status ok|failed|skipped, error, stage, published,
  processed_at)``: one row per document, the latest processing of it;
- ``mentions(doc_id, idx, json)``: the mention dicts of a document as the extractor wrote them;
- events are derived, never stored: `Store.events(policy)` merges all stored mentions with
  `pipeline.merge.merge_mentions`. Recomputing over all mentions keeps the result identical
  whatever order the documents arrived in; the result is cached until the store changes.

`add_document` writes a document row and all its mentions in one transaction: a crash leaves
either the whole document or none of it. `seen(content_hash)` is true for content processed
with status ok or skipped, so a rerun skips it; failed documents are tried again.

The writers at the end (`write_jsonl`, `write_csv`, `write_parquet`) back ``incidents export``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson

from .events import FIELD_NAMES, GEO_FIELDS
from .merge import POLICIES, merge_mentions

DEFAULT_STORE = "incidents.db"
STATUSES = ("ok", "failed", "skipped")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id       TEXT PRIMARY KEY,
    path         TEXT,
    content_hash TEXT,
    status       TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'skipped')),
    error        TEXT,
    stage        TEXT,
    published    TEXT,
    processed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_content_hash ON documents (content_hash);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    json   TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A SQLite file of processed documents and their mentions (see the module docstring).

    Use as a context manager: ``with Store("incidents.db") as store: ...``.
    """

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_STORE) -> None:
        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # autocommit mode: transactions are opened explicitly where several writes belong together
        self._conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30.0)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(_SCHEMA)
        self._cache: dict[str, tuple[tuple[int, int], list[dict[str, Any]]]] = {}

    # -------------------------------------------------------------- lifecycle

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None  # type: ignore[assignment]

    # -------------------------------------------------------------- writing

    def seen(self, content_hash: str) -> bool:
        """True when a document with this content was processed (status ok or skipped)."""
        row = self._conn.execute(
            "SELECT 1 FROM documents WHERE content_hash = ? AND status IN ('ok', 'skipped') LIMIT 1",
            (content_hash,),
        ).fetchone()
        return row is not None

    def add_document(
        self,
        doc_id: str,
        path: str | os.PathLike[str] | None,
        content_hash: str | None,
        published: str | None,
        mentions: Iterable[dict[str, Any]],
        *,
        status: str = "ok",
        stage: str | None = None,
    ) -> None:
        """Store a processed document and its mentions in one transaction.

        A document stored before under the same `doc_id` is replaced with its mentions. Each
        mention gets `doc_id` and (when it lacks one) `published` filled in.
        """
        if status not in ("ok", "skipped"):
            raise ValueError(f"add_document takes status 'ok' or 'skipped', not {status!r}")
        rows = []
        for idx, mention in enumerate(mentions):
            mention = dict(mention)
            mention["doc_id"] = doc_id
            mention.setdefault("published", published)
            rows.append((doc_id, idx, orjson.dumps(mention).decode("utf-8")))
        self._write(
            doc_id, str(path) if path is not None else None, content_hash, status, None, stage,
            published, rows,
        )

    def add_failure(
        self,
        path: str | os.PathLike[str],
        content_hash: str | None,
        reason: str,
        stage: str,
        *,
        doc_id: str | None = None,
        status: str = "failed",
    ) -> None:
        """Record a document that failed (or was skipped) at `stage`, with `reason`.

        `doc_id` defaults to the file name without its extension (EVENTS.md). The row replaces
        any earlier processing of that document, mentions included.
        """
        if status not in ("failed", "skipped"):
            raise ValueError(f"add_failure takes status 'failed' or 'skipped', not {status!r}")
        doc_id = doc_id or Path(path).stem
        self._write(doc_id, str(path), content_hash, status, reason, stage, None, [])

    def _write(self, doc_id, path, content_hash, status, error, stage, published, rows) -> None:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM mentions WHERE doc_id = ?", (doc_id,))
            if path is not None:
                # failure or skip rows of this path under another id are out of date now
                conn.execute(
                    "DELETE FROM documents WHERE path = ? AND doc_id != ? AND status != 'ok'",
                    (path, doc_id),
                )
            conn.execute(
                "INSERT OR REPLACE INTO documents "
                "(doc_id, path, content_hash, status, error, stage, published, processed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, path, content_hash, status, error, stage, published, _now()),
            )
            conn.executemany("INSERT INTO mentions (doc_id, idx, json) VALUES (?, ?, ?)", rows)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -------------------------------------------------------------- reading

    def documents(self, status: str | None = None) -> list[dict[str, Any]]:
        """Document rows (as dicts) ordered by doc_id, optionally of one status."""
        sql = "SELECT * FROM documents"
        args: tuple = ()
        if status is not None:
            sql += " WHERE status = ?"
            args = (status,)
        return [dict(row) for row in self._conn.execute(sql + " ORDER BY doc_id", args)]

    def mentions(self) -> list[dict[str, Any]]:
        """All stored mention dicts, ordered by (doc_id, idx)."""
        cursor = self._conn.execute("SELECT json FROM mentions ORDER BY doc_id, idx")
        return [orjson.loads(row[0]) for row in cursor]

    def _version(self) -> tuple[int, int]:
        data_version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        return (data_version, self._conn.total_changes)

    def events(self, policy: str = "latest") -> list[dict[str, Any]]:
        """Events merged from all stored mentions, sorted by (date, event_id)."""
        if policy not in POLICIES:
            raise ValueError(f"unknown merge policy {policy!r}; expected one of {POLICIES}")
        version = self._version()
        cached = self._cache.get(policy)
        if cached is not None and cached[0] == version:
            return cached[1]
        events = merge_mentions(self.mentions(), policy=policy)
        self._cache[policy] = (version, events)
        return events

    def to_dataframe(self, policy: str = "latest"):
        """The events as a pandas DataFrame, one row per event (columns of `event_rows`)."""
        try:
            import pandas as pd
        except ImportError as error:  # pragma: no cover - depends on the environment
            raise ImportError(
                "Store.to_dataframe needs pandas: pip install 'pak-militancy-incidents[pandas]'"
            ) from error
        return pd.DataFrame(event_rows(self.events(policy)), columns=ROW_COLUMNS)


# ------------------------------------------------------------------ flat rows and writers

ROW_COLUMNS = (
    ("event_id",) + FIELD_NAMES + GEO_FIELDS + ("killed_low", "killed_high", "n_mentions", "doc_ids")
)


def event_rows(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One flat row per event: perpetrators as a JSON string, targets and doc_ids ";"-joined."""
    rows = []
    for event in events:
        row = {"event_id": event["event_id"]}
        for name in FIELD_NAMES + GEO_FIELDS:
            row[name] = event.get(name)
        row["perpetrators"] = json.dumps(event.get("perpetrators") or [], ensure_ascii=False)
        row["targets"] = ";".join(event.get("targets") or [])
        killed_range = event.get("killed_range") or {}
        row["killed_low"] = killed_range.get("low")
        row["killed_high"] = killed_range.get("high")
        mentions = event.get("mentions") or []
        row["n_mentions"] = len(mentions)
        row["doc_ids"] = ";".join(sorted({m.get("doc_id") or "" for m in mentions}))
        rows.append(row)
    return rows


def _atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to a temporary file next to `path`, then rename it over `path`."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp creates the file 0600; give it the mode a plain open() would (0666 less umask)
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(handle, 0o666 & ~umask)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def write_jsonl(events: Iterable[dict[str, Any]], path: str | os.PathLike[str]) -> int:
    """Write one event per line (UTF-8), atomically. Returns the number of events."""
    lines = [orjson.dumps(event) for event in events]
    _atomic_write(path, b"".join(line + b"\n" for line in lines))
    return len(lines)


def write_rows_csv(rows: list[dict[str, Any]], columns: Iterable[str], path: str | os.PathLike[str]) -> int:
    """Write `rows` as UTF-8 CSV with `columns` (None as an empty cell), atomically."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    _atomic_write(path, buffer.getvalue().encode("utf-8"))
    return len(rows)


def write_csv(events: Iterable[dict[str, Any]], path: str | os.PathLike[str]) -> int:
    """Write one row per event (columns `ROW_COLUMNS`), UTF-8, atomically."""
    return write_rows_csv(event_rows(events), ROW_COLUMNS, path)


def write_parquet(events: Iterable[dict[str, Any]], path: str | os.PathLike[str]) -> int:
    """Write one row per event to a Parquet file (needs pandas and pyarrow), atomically."""
    try:
        import pandas as pd
        import pyarrow  # noqa: F401
    except ImportError as error:
        raise ImportError(
            "Parquet export needs pandas and pyarrow: "
            "pip install 'pak-militancy-incidents[pandas]'"
        ) from error
    rows = event_rows(events)
    frame = pd.DataFrame(rows, columns=ROW_COLUMNS)
    for column in ("killed", "injured", "perpetrators_killed", "killed_low", "killed_high"):
        frame[column] = frame[column].astype("Int64")
    buffer = io.BytesIO()
    frame.to_parquet(buffer, engine="pyarrow", index=False)
    _atomic_write(path, buffer.getvalue())
    return len(rows)


def write_acled(events: Iterable[dict[str, Any]], path: str | os.PathLike[str]) -> int:
    """ACLED-shaped CSV (see `pipeline.acled`)."""
    from .acled import write_acled as _write

    return _write(events, path)


def write_geojson(events: Iterable[dict[str, Any]], path: str | os.PathLike[str]) -> int:
    """GeoJSON FeatureCollection (see `pipeline.geofeatures`)."""
    from .geofeatures import write_geojson as _write

    return _write(events, path)


WRITERS = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
    "acled": write_acled,
    "geojson": write_geojson,
}
#: the format an output file's extension implies when --format is not given
FORMAT_BY_SUFFIX = {".csv": "csv", ".parquet": "parquet", ".geojson": "geojson", ".jsonl": "jsonl"}

_SQLITE_MAGIC = b"SQLite format 3\x00"


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is a SQLite file (a store) rather than an events JSONL file."""
    with open(path, "rb") as handle:
        return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC


def read_events_jsonl(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The events of an `incidents extract` output file; a malformed line fails with its number."""
    events = []
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                event = orjson.loads(line)
            except orjson.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not a JSON line ({error})") from error
            if not isinstance(event, dict) or "event_id" not in event:
                raise ValueError(f"{path}:{number}: not an event (no event_id)")
            events.append(event)
    return events


def load_events(source: str | os.PathLike[str], policy: str = "latest") -> list[dict[str, Any]]:
    """Events from a store (merged under `policy`) or from an events JSONL file (as written)."""
    if not Path(source).exists():
        raise FileNotFoundError(f"no such file: {source}")
    if Path(source).is_dir():
        raise ValueError(f"{source} is a folder, not a store or an events JSONL file")
    if is_store(source):
        with Store(source) as store:
            return store.events(policy)
    return read_events_jsonl(source)


def export_events(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    fmt: str = "jsonl",
    policy: str = "latest",
) -> int:
    """Write the events of `source` (a store, merged under `policy`, or an events JSONL file)
    to `output` as `fmt` (one of `WRITERS`)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {tuple(WRITERS)}")
    if not Path(source).exists():
        raise FileNotFoundError(f"no store or events file at {source}")
    return WRITERS[fmt](load_events(source, policy), output)
