"""The two things the input layer hands on: a `Document`, or a `ReadFailure` saying why not."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """One input document, its text exactly as the extractor will see it.

    `text` is never edited beyond decoding and newline normalisation (``\\r\\n`` and ``\\r``
    become ``\\n``): character offsets into it are used as evidence later, so a date line
    that supplied `published` stays in the text.
    """

    doc_id: str  # file name without extension; for .jsonl inputs the record's "id"
    text: str
    published: str | None  # YYYY-MM-DD
    source: str | None
    url: str | None
    path: str  # input path; for .jsonl records "file.jsonl:LINE"
    content_hash: str  # sha256 hex of the raw file bytes; for .jsonl of the record's text
    published_from: str | None  # "sidecar" | "date_line" | "jsonl" | None


@dataclass(frozen=True)
class ReadFailure:
    """An input that yields no document, or a warning about one.

    `stage` says which step refused it: "read" (the file itself: binary, empty, not English,
    unreadable, invalid JSON line), "dedup" (same bytes, or same document id, as an earlier
    input: the earlier one is kept) or "metadata" (a warning: the sidecar or the record's
    metadata is malformed; the document itself is still read).
    """

    path: str
    reason: str  # a human sentence: "binary file (PDF)", "not English (Arabic script: ...)"
    stage: str = "read"
