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

Whose file it is
----------------
A store is marked as this project's by ``PRAGMA application_id`` (`APPLICATION_ID`) and carries
its schema version in ``PRAGMA user_version`` (`SCHEMA_VERSION`). Opening checks the file before
writing anything to it, and refuses with a `StoreError` (one line naming the file) a file that
is not SQLite, an SQLite database of another program, a store of a newer schema, a read-only
store and a store another writer holds locked beyond `timeout` seconds: the file is left
exactly as it was. A store of an older schema is migrated in one transaction when opened for
writing (version 0, written before the version was recorded, has the same tables: the
migration records the marks). A full disk or a lock while a document is stored rolls that
document back and raises `StoreError`: every document stored before is kept.

The writers at the end (`write_jsonl`, `write_csv`, `write_parquet`) back ``incidents export``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
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

#: ``PRAGMA application_id`` of a store ("PAKI" in ASCII): marks the file as this project's
APPLICATION_ID = 0x50414B49
#: ``PRAGMA user_version`` this code writes. 0: stores written before the version was recorded
#: (same tables, no marks); 1: the marks recorded.
SCHEMA_VERSION = 1
#: seconds to wait for another writer's lock before giving up (`incidents extract --lock-timeout`)
DEFAULT_LOCK_TIMEOUT = 30.0
_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite primary result codes (`sqlite3.SQLITE_*` exist from Python 3.11 only)
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 5, 6, 8, 13, 14, 26
_COLUMNS = {
    "documents": {"doc_id", "path", "content_hash", "status", "error", "stage", "published", "processed_at"},
    "mentions": {"doc_id", "idx", "json"},
}


class StoreError(RuntimeError):
    """A store that cannot be used, or a write to it that failed; the message is one line that
    names the file and says what is wrong."""

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


def _check_file(path: Path, readonly: bool) -> bool:
    """Whether a store file exists at `path`; `StoreError` when that file cannot be a store or
    cannot be written. Reads at most the 16 bytes of the SQLite header."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if readonly:
            raise StoreError(f"no store at {path}") from None
        return False
    except OSError as error:
        raise StoreError(f"store {path} cannot be read ({error.strerror or error})") from error
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"store {path} is not a regular file; it was left untouched")
    if info.st_size:
        try:
            with open(path, "rb") as handle:
                head = handle.read(len(_SQLITE_HEADER))
        except OSError as error:
            raise StoreError(f"store {path} cannot be read ({error.strerror or error})") from error
        if head != _SQLITE_HEADER:
            raise StoreError(
                f"{path} is not an SQLite database (it starts with {head[:8]!r}), not a store of this tool; "
                "it was left untouched"
            )
    if not readonly and (not info.st_mode & 0o222 or not os.access(path, os.W_OK)):
        # no write bit: marked read-only by its owner (root could write it, but must not)
        raise StoreError(
            f"store {path} is read-only; make it writable (chmod u+w) or choose another --store; "
            "it was left untouched"
        )
    return True


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A SQLite file of processed documents and their mentions (see the module docstring).

    Use as a context manager: ``with Store("incidents.db") as store: ...``.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = DEFAULT_STORE,
        *,
        timeout: float = DEFAULT_LOCK_TIMEOUT,
        readonly: bool = False,
    ) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self.readonly = readonly
        self._conn = None  # type: ignore[assignment]
        self._cache: dict[str, tuple[tuple[int, int], list[dict[str, Any]]]] = {}
        exists = _check_file(self.path, readonly)
        if not exists and not readonly and self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if readonly:
                uri = f"file:{self.path.resolve()}?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
            else:
                # autocommit mode: transactions are opened explicitly where writes belong together
                self._conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=timeout)
            self._conn.row_factory = sqlite3.Row
            self._open()
        except sqlite3.Error as error:
            self.close()
            raise self._error(error, "opening it") from error
        except BaseException:
            self.close()
            raise

    def _open(self) -> None:
        """Check whose file this is (reading only), then migrate or create the schema."""
        conn = self._conn
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            row[0]: {col[1] for col in conn.execute(f"PRAGMA table_info('{row[0]}')")}
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        }
        if app_id not in (0, APPLICATION_ID):
            raise StoreError(
                f"{self.path} is an SQLite database of another program (application id {app_id:#x}), "
                "not a store of this tool; it was left untouched"
            )
        ours = app_id == APPLICATION_ID or (
            version == 0 and tables.keys() == _COLUMNS.keys()
            and all(tables[name] == columns for name, columns in _COLUMNS.items())
        )
        if tables and not ours:
            names = ", ".join(sorted(tables)[:6]) + (", ..." if len(tables) > 6 else "")
            raise StoreError(
                f"{self.path} is an SQLite database of another program (tables: {names}), "
                "not a store of this tool; it was left untouched"
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer version of this tool (store schema {version}; "
                f"this version reads up to {SCHEMA_VERSION}): upgrade pak-militancy-incidents; the store was left untouched"
            )
        conn.execute("PRAGMA foreign_keys=ON")
        if self.readonly:
            return  # an older schema is readable as it is; writing migrates it
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        # take the write lock once now: a store held by another writer fails here, before any
        # document is processed, rather than at the first document
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not tables or version < SCHEMA_VERSION:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _error(self, error: sqlite3.Error, doing: str) -> StoreError:
        """The one-line `StoreError` for an SQLite error met while `doing` something."""
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        text = str(error)
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
            what = (
                f"is locked by another writer (waited {self.timeout:g} s while {doing}); run again when "
                "that run has finished, or wait longer with --lock-timeout"
            )
        elif code == _SQLITE_FULL or "disk is full" in text:
            what = f"could not be written: the disk is full (while {doing})"
        elif code == _SQLITE_READONLY or "readonly" in text:
            what = f"is read-only (while {doing}); make it writable or choose another --store"
        elif code == _SQLITE_NOTADB or "not a database" in text:
            what = "is not an SQLite database (or is damaged), not a store of this tool"
        elif code == _SQLITE_CANTOPEN or "unable to open" in text:
            what = f"cannot be opened ({text}); check the file and its folder are readable and writable"
        else:
            what = f"failed while {doing} ({text})"
        kept = "; it was left untouched" if doing == "opening it" else (
            "; every document stored before is kept and the same command resumes"
        )
        return StoreError(f"store {self.path} {what}{kept}")

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
        try:
            conn.execute("BEGIN IMMEDIATE")
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
            conn.execute("COMMIT")
        except BaseException as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise self._error(error, f"storing document {doc_id}") from error
            raise

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
    write_files([(path, data)])


def write_files(files: list[tuple[str | os.PathLike[str], bytes]]) -> None:
    """Write several files all or none: each to a temporary file beside it (written and synced),
    then, once every one is whole, each renamed over its target. When a write fails (a full
    disk) the temporary files are removed and every target is left as it was."""
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            target = Path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temps.append((temp, target))
            # mkstemp creates the file 0600; give it the mode a plain open() would (0666 less umask)
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(handle, 0o666 & ~umask)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        for temp, target in temps:
            os.replace(temp, target)
    except BaseException:
        for temp, _ in temps:
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
        with Store(source, readonly=True) as store:  # reading never migrates or locks a store
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
