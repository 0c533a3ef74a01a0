"""Turn a path (a folder, walked recursively, or one file) into `Document`s and `ReadFailure`s.

What is an input, by extension (case-insensitive):
- ``.txt .text .md .markdown``: plain text.
- ``.html .htm .xhtml``: main text extracted with trafilatura (boilerplate dropped).
- ``.jsonl .ndjson``: one document per line, ``{"id", "text", "published", "source", "url"}``.
- no extension: sniffed. Binary bytes -> failure; text starting with ``<!doctype html`` or
  ``<html`` -> HTML; other text -> plain text.
- ``<stem>.meta.json``: the sidecar of the document ``<stem>.*`` beside it, never an input.
  A sidecar with no document beside it is reported (stage "metadata").
- anything else: a failure, so that the user sees what was skipped: "binary file (PDF)" for
  binary formats (by signature, or by extension), "unsupported file type (.csv)" for text.

Walking a folder: entries in sorted name order, depth first; names starting with "." (``.git``,
``.DS_Store``) are skipped silently. Symlinks are followed; a directory symlink that leads
back to a directory being walked gives one "symlink loop" failure, one that leads to a
directory already walked elsewhere gives a "dedup" failure. Sockets, FIFOs and devices are
never opened ("not a regular file"), so reading never blocks.

Duplicates (stage "dedup"; the first one in walk order is kept): a file whose bytes equal an
earlier file's, a .jsonl record whose text equals an earlier document's, and a document whose
`doc_id` was already used by an earlier document (ids must be unique downstream).

Publication date: from the sidecar's "published" (or the record's, for .jsonl), else from a
date line in the first five non-empty lines (`dateline`), else None. The text is not altered.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import text as textmod
from .dateline import date_from_lines, parse_iso_date
from .model import Document, ReadFailure

logger = logging.getLogger(__name__)

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
SIDECAR_SUFFIX = ".meta.json"
#: Documents longer than this many characters are refused ("too long", stage "read") unless
#: the limit is raised (`incidents extract --max-chars`; None: no limit). Measured on 2 cores
#: (`benchmarks/bench_hostile.py --limit`): a document at the limit takes 147 s, 2.4 GB at the
#: peak with the default --batch-size (memory follows the batch of 50,000-character chunks, not
#: the document: 500,000 characters take 1.5 GB, 0.7 GB with --batch-size 4); a 20 MB one-line
#: file took 23 minutes. The longest reports of the bundled corpus are under 60,000 characters.
DEFAULT_MAX_CHARS = 2_000_000
#: Files above this many bytes are read in two streaming passes instead of one read.
STREAM_ABOVE_BYTES = 2_000_000
#: No text encoding takes more than 4 bytes per character: a file over 4 x the limit is refused
#: without being read.
_MAX_BYTES_PER_CHAR = 4

Item = Document | ReadFailure


@dataclass
class _Seen:
    """What the walk has met so far: for loops and duplicates."""

    hashes: dict[str, str] = field(default_factory=dict)  # content hash -> first path
    doc_ids: dict[str, str] = field(default_factory=dict)  # doc_id -> first path
    dirs: dict[str, str] = field(default_factory=dict)  # real path -> first walked path

    def duplicate_of(self, digest: str, path: str) -> str | None:
        first = self.hashes.setdefault(digest, path)
        return None if first == path else first


def iter_inputs(
    path: str | os.PathLike[str],
    *,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    stream_above: int = STREAM_ABOVE_BYTES,
) -> Iterator[Item]:
    """Documents and failures from `path`, a folder (walked recursively) or a single file.

    A document of more than `max_chars` characters (None: no limit) is refused with its size
    and the option that raises the limit. Files larger than `stream_above` bytes are read in
    two streaming passes of 1 MiB chunks (hash and encoding check, then decoding) instead of
    one read, so that the bytes and the text are never both held.
    """
    seen = _Seen()
    top = os.fspath(path)
    failure = _stat_failure(top)
    if failure is not None:
        yield failure
        return
    if os.path.isdir(top):
        yield from _walk(top, seen, {}, (max_chars, stream_above))
    else:
        yield from _read_file(top, seen, (max_chars, stream_above), document_stems=None)


def read_text_document(
    path: str | os.PathLike[str], *, max_chars: int | None = DEFAULT_MAX_CHARS
) -> Item:
    """One text or HTML file as a `Document`, or the `ReadFailure` saying why not.

    Metadata warnings (a malformed sidecar) are logged; `iter_inputs` yields them instead.
    A .jsonl file holds many documents: read it with `iter_inputs`.
    """
    top = os.fspath(path)
    failure = _stat_failure(top)
    if failure is not None:
        return failure
    if os.path.isdir(top):
        return ReadFailure(top, "is a directory: read it with iter_inputs")
    if Path(top).suffix.lower() in JSONL_EXTENSIONS:
        return ReadFailure(top, "JSONL file holds many documents: read it with iter_inputs")
    items = list(_read_file(top, _Seen(), (max_chars, STREAM_ABOVE_BYTES), document_stems=None))
    main = [item for item in items if isinstance(item, Document) or item.stage != "metadata"]
    if not main:  # `top` is a sidecar: its own failure is the answer
        return items[-1]
    for item in items:
        if isinstance(item, ReadFailure) and item.stage == "metadata":
            logger.warning("%s: %s", item.path, item.reason)
    return main[-1]


# --- walking ---------------------------------------------------------------------------------


def _walk(directory: str, seen: _Seen, ancestors: dict[str, str], limits: tuple) -> Iterator[Item]:
    real = os.path.realpath(directory)
    if real in ancestors:
        yield ReadFailure(directory, f"symlink loop (leads back to {ancestors[real]})")
        return
    if real in seen.dirs:
        yield ReadFailure(directory, f"duplicate of {seen.dirs[real]} (same directory)", "dedup")
        return
    seen.dirs[real] = directory
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except PermissionError:
        yield ReadFailure(directory, "permission denied")
        return
    except OSError as err:
        yield ReadFailure(directory, f"cannot list directory ({err.strerror or err})")
        return
    # the stems a sidecar may describe, once per folder (not once per sidecar and sibling)
    document_stems = {_stem(entry.name) for entry in entries if _kind(entry.name) not in ("sidecar", "other")}
    inner = {**ancestors, real: directory}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError:
            is_dir = False  # a failure is reported when the entry is read as a file
        if is_dir:
            yield from _walk(entry.path, seen, inner, limits)
        else:
            yield from _read_file(entry.path, seen, limits, document_stems=document_stems)


def _stat_failure(path: str) -> ReadFailure | None:
    """A failure for a path that cannot be read at all, else None."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return ReadFailure(path, "broken symlink")
        return ReadFailure(path, "no such file or directory")
    except PermissionError:
        return ReadFailure(path, "permission denied")
    except OSError as err:
        if err.errno == errno.ELOOP:
            return ReadFailure(path, "symlink loop")
        return ReadFailure(path, f"cannot read ({err.strerror or err})")
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        return ReadFailure(path, "not a regular file")
    return None


def _kind(name: str) -> str:
    """"text", "html", "jsonl", "sidecar", "sniff" (no extension) or "other"."""
    lower = name.lower()
    if lower.endswith(SIDECAR_SUFFIX):
        return "sidecar"
    ext = Path(lower).suffix
    if ext in TEXT_EXTENSIONS:
        return "text"
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    return "sniff" if ext == "" else "other"


def _stem(name: str) -> str:
    if name.lower().endswith(SIDECAR_SUFFIX):
        return name[: -len(SIDECAR_SUFFIX)]
    return Path(name).stem


# --- one file --------------------------------------------------------------------------------


def _read_file(
    path: str, seen: _Seen, limits: tuple, document_stems: set[str] | None
) -> Iterator[Item]:
    """`limits`: (max_chars, stream_above) of `iter_inputs`; `document_stems`: the stems of the
    documents in the file's folder (None for a file named on its own)."""
    max_chars, stream_above = limits
    name = os.path.basename(path)
    kind = _kind(name)
    if kind == "sidecar":
        if document_stems is None:
            yield ReadFailure(path, "metadata sidecar, not a document", "metadata")
        elif _stem(name) not in document_stems:
            yield ReadFailure(path, "metadata sidecar with no matching document", "metadata")
        return
    failure = _stat_failure(path)
    if failure is not None:
        yield failure
        return
    ext = Path(name).suffix.lower()
    try:
        with open(path, "rb") as handle:
            head = handle.read(textmod.SNIFF_BYTES)
            if not head:
                yield ReadFailure(path, "empty file")
                return
            binary = textmod.binary_kind(head, ext)
            if binary is None and ext in textmod.BINARY_EXTENSIONS:
                binary = textmod.BINARY_EXTENSIONS[ext]
            if binary is not None:
                yield ReadFailure(path, f"binary file ({binary})")
                return
            if kind == "other":
                yield ReadFailure(path, f"unsupported file type ({ext})")
                return
            if kind == "sniff":
                kind = "html" if _looks_like_html(head) else "text"
            handle.seek(0)
            if kind == "jsonl":
                yield from _read_jsonl(path, handle, seen, max_chars)
                return
            size = os.fstat(handle.fileno()).st_size
            if max_chars is not None and size > _MAX_BYTES_PER_CHAR * max_chars:
                yield ReadFailure(path, _too_long(f"{size:,} bytes", max_chars))
                return
            if size <= stream_above:
                digest, text = textmod.read_small(handle)
            else:
                digest, encoding, errors = textmod.scan_large(handle)
                if (first := seen.duplicate_of(digest, path)) is not None:
                    yield ReadFailure(path, f"duplicate of {first}", "dedup")
                    return
                handle.seek(0)
                text = textmod.decode_stream(handle, encoding, errors)
    except PermissionError:
        yield ReadFailure(path, "permission denied")
        return
    except OSError as err:
        yield ReadFailure(path, f"cannot read ({err.strerror or err})")
        return
    if not text or text.isspace():  # isspace, not strip: no copy of a large text
        yield ReadFailure(path, "empty file")
        return
    if (first := seen.duplicate_of(digest, path)) is not None:
        yield ReadFailure(path, f"duplicate of {first}", "dedup")
        return
    if kind == "html":
        try:
            extracted = _html_main_text(text)
        except ImportError as error:  # a broken install must cost this document, not the run
            yield ReadFailure(path, f"HTML extraction unavailable ({error.__class__.__name__}: {str(error).splitlines()[0]})")
            return
        del text
        if extracted is None:
            yield ReadFailure(path, "no main text in HTML")
            return
        text = extracted
    if max_chars is not None and len(text) > max_chars:
        yield ReadFailure(path, _too_long(f"{len(text):,} characters", max_chars))
        return
    reason = textmod.non_english_reason(text)
    if reason is not None:
        yield ReadFailure(path, reason)
        return
    meta, warnings = _sidecar(path)
    yield from warnings
    yield from _document(_stem(name), text, meta, "sidecar", path, digest, seen)


def _too_long(size: str, max_chars: int | None) -> str:
    return f"too long: {size}, over the limit of {max_chars:,} characters (raise it with --max-chars)"


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    return start.startswith((b"<!doctype html", b"<html"))


def _html_main_text(html: str) -> str | None:
    import trafilatura  # only HTML inputs pay for the import (~0.2 s)

    extracted = trafilatura.extract(
        html, include_comments=False, include_tables=True, deduplicate=False
    )
    if not extracted or not extracted.strip():
        return None
    return textmod.normalise_newlines(extracted)


def _sidecar(path: str) -> tuple[dict[str, str], list[ReadFailure]]:
    """Metadata from ``<stem>.meta.json`` beside `path`: ({published, source, url}, warnings).

    Malformed metadata gives a "metadata" warning and is ignored, field by field where the
    file itself is a JSON object; the document is read all the same.
    """
    sidecar = os.path.join(os.path.dirname(path), _stem(os.path.basename(path)) + SIDECAR_SUFFIX)
    if not os.path.exists(sidecar):
        return {}, []
    try:
        with open(sidecar, "rb") as handle:
            data = json.loads(handle.read().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        if isinstance(err, json.JSONDecodeError):
            detail = err.msg
        else:
            detail = getattr(err, "strerror", None) or str(err)
        return {}, [ReadFailure(sidecar, f"malformed sidecar ignored ({detail})", "metadata")]
    if not isinstance(data, dict):
        reason = "malformed sidecar ignored (not a JSON object)"
        return {}, [ReadFailure(sidecar, reason, "metadata")]
    return _metadata_fields(data, sidecar)


def _metadata_fields(data: dict, where: str) -> tuple[dict[str, str], list[ReadFailure]]:
    meta: dict[str, str] = {}
    warnings: list[ReadFailure] = []
    published = data.get("published")
    if published not in (None, ""):
        iso = parse_iso_date(published)
        if iso is None:
            reason = f'"published" is not a YYYY-MM-DD (or YYYY-MM, YYYY) date: {published!r}'
            warnings.append(ReadFailure(where, reason, "metadata"))
        else:
            meta["published"] = iso
    for key in ("source", "url"):
        value = data.get(key)
        if value in (None, ""):
            continue
        if isinstance(value, str):
            meta[key] = value
        else:
            warnings.append(ReadFailure(where, f'"{key}" is not a string: {value!r}', "metadata"))
    return meta, warnings


# --- JSON lines ------------------------------------------------------------------------------


def _read_jsonl(path: str, handle, seen: _Seen, max_chars: int | None) -> Iterator[Item]:
    """One `Document` per record, streaming; a bad line fails alone and the file goes on."""
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(textmod.CHUNK_BYTES), b""):
        digest.update(chunk)
    if (first := seen.duplicate_of(digest.hexdigest(), path)) is not None:
        yield ReadFailure(path, f"duplicate of {first}", "dedup")
        return
    handle.seek(0)
    records = 0
    for number, raw in enumerate(handle, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        line = raw.decode("utf-8", errors="replace")
        del raw
        if not line.strip():
            continue
        records += 1
        yield from _jsonl_record(f"{path}:{number}", line, seen, max_chars)
    if records == 0:
        yield ReadFailure(path, "empty file")


def _jsonl_record(where: str, line: str, seen: _Seen, max_chars: int | None) -> Iterator[Item]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        yield ReadFailure(where, f"invalid JSON ({err.msg} at column {err.colno})")
        return
    if not isinstance(record, dict):
        yield ReadFailure(where, "invalid record (not a JSON object)")
        return
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if doc_id is None or doc_id == "":
        yield ReadFailure(where, 'missing "id"')
        return
    if not isinstance(doc_id, str) or not doc_id.strip():
        yield ReadFailure(where, f'invalid "id" (not a string): {doc_id!r}')
        return
    text = record.get("text")
    if text is None:
        yield ReadFailure(where, 'missing "text"')
        return
    if not isinstance(text, str):
        yield ReadFailure(where, f'invalid "text" (not a string but {type(text).__name__})')
        return
    if not text or text.isspace():
        yield ReadFailure(where, "empty text")
        return
    if max_chars is not None and len(text) > max_chars:
        yield ReadFailure(where, _too_long(f"{len(text):,} characters", max_chars))
        return
    if textmod.has_lone_surrogates(text):
        yield ReadFailure(where, 'invalid "text" (lone surrogate characters, not valid Unicode text)')
        return
    text = textmod.normalise_newlines(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if (first := seen.duplicate_of(digest, where)) is not None:
        yield ReadFailure(where, f"duplicate of {first}", "dedup")
        return
    reason = textmod.non_english_reason(text)
    if reason is not None:
        yield ReadFailure(where, reason)
        return
    meta, warnings = _metadata_fields(record, where)
    yield from warnings
    yield from _document(doc_id, text, meta, "jsonl", where, digest, seen)


def _document(
    doc_id: str, text: str, meta: dict, metadata_source: str, where: str, digest: str, seen: _Seen
) -> Iterator[Item]:
    """The Document of a file or JSONL record, unless its id is taken; the publication date is
    the metadata's, else a date line's."""
    if (first := seen.doc_ids.setdefault(doc_id, where)) != where:
        yield ReadFailure(where, f'document id "{doc_id}" already used by {first}', "dedup")
        return
    published, published_from = meta.get("published"), metadata_source
    if published is None:
        published, published_from = date_from_lines(text), "date_line"
    yield Document(
        doc_id=doc_id,
        text=text,
        published=published,
        source=meta.get("source"),
        url=meta.get("url"),
        path=where,
        content_hash=digest,
        published_from=published_from if published else None,
    )
