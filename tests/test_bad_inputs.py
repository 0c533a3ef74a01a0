"""The input layer on bad inputs: each kind built in tmp_path, each outcome exact."""

from __future__ import annotations

import builtins
import json
import logging
import os
import zipfile
from pathlib import Path

import pytest

from pipeline.reading import Document, ReadFailure, iter_inputs, read_text_document
from pipeline.reading import inputs as inputs_module

ARTICLE = (
    "Gunmen attacked a police checkpost on the outskirts of the city late on Tuesday, "
    "officials said. Two constables were wounded and taken to the district hospital.\n"
)
URDU = (
    "پشاور میں پولیس کی گاڑی پر حملہ ہوا۔ حکام کے مطابق تین اہلکار زخمی ہوئے اور انہیں "
    "قریبی ہسپتال منتقل کر دیا گیا۔ واقعے کی تحقیقات جاری ہیں اور علاقے کو گھیرے میں لے لیا گیا ہے۔\n"
)
PASHTO = (
    "په پېښور کې د پولیسو پر موټر برید وشو. چارواکو وویل چې درې کسان ټپیان شول او روغتون ته "
    "ولېږدول شول. د پېښې څېړنه روانه ده او سیمه محاصره شوې ده.\n"
)
ARABIC_SCRIPT = "not English (Arabic script: Urdu/Pashto/Persian)"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def outcome(path: Path) -> list[tuple]:
    """(kind, path, reason-or-doc_id, stage) of everything read from `path`."""
    result = []
    for item in iter_inputs(path):
        if isinstance(item, Document):
            result.append(("doc", item.path, item.doc_id))
        else:
            result.append(("fail", item.path, item.reason, item.stage))
    return result


def fake_pdf() -> bytes:
    header = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 42 >>\nstream\n"
    return header + bytes(range(256)) + b"\nendstream"


def fake_png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x00\x00\x10" * 2 + b"\x08\x06\x00\x00\x00"


def make_zip(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("article.txt", ARTICLE)
    return path


# --- one bad file each -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n   \n", "empty file"),
        ("bom_only.txt", b"\xef\xbb\xbf", "empty file"),
        ("report.pdf", fake_pdf(), "binary file (PDF)"),
        ("misnamed.txt", fake_pdf(), "binary file (PDF)"),
        ("chart.png", fake_png(), "binary file (PNG)"),
        ("photo", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "binary file (JPEG)"),
        ("blob.dat", b"\x00\x01\x02\x03binary\x00payload", "binary file (unknown format)"),
        ("text_named.pdf", ARTICLE.encode(), "binary file (PDF)"),
        ("table.csv", b"id,killed\n1,3\n", "unsupported file type (.csv)"),
        ("urdu.txt", URDU.encode(), ARABIC_SCRIPT),
        ("pashto.txt", PASHTO.encode(), ARABIC_SCRIPT),
        ("urdu_cp1256.txt", URDU.replace("ی", "ي").replace("ہ", "ه").replace("۔", ".")
         .replace("ھ", "ه").encode("cp1256", "replace"), ARABIC_SCRIPT),
        ("russian.txt", "Полиция сообщила о нападении на колонну в провинции.\n".encode(),
         "not English (Cyrillic script)"),
        ("empty.html", b"<html><head><title>x</title></head><body><script>var a=1;</script>"
         b"</body></html>", "no main text in HTML"),
        ("urdu.html", f"<html><body><article><p>{URDU}</p><p>{URDU}</p></article></body></html>"
         .encode(), ARABIC_SCRIPT),
    ],
)
def test_bad_inputs_single_file(tmp_path, name, data, reason):
    path = write(tmp_path / name, data)
    assert outcome(tmp_path) == [("fail", str(path), reason, "read")]
    failure = read_text_document(path)
    assert failure == ReadFailure(str(path), reason)


def test_bad_inputs_zip_and_docx(tmp_path):
    archive = make_zip(tmp_path / "bundle.zip")
    document = make_zip(tmp_path / "letter.docx")
    assert outcome(tmp_path) == [
        ("fail", str(archive), "binary file (ZIP)", "read"),
        ("fail", str(document), "binary file (DOCX)", "read"),
    ]


def test_bad_inputs_binary_files_beside_good_ones_do_not_stop_the_walk(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    pdf = write(tmp_path / "b.pdf", fake_pdf())
    write(tmp_path / "c.txt", "Second report. " + ARTICLE)
    assert outcome(tmp_path) == [
        ("doc", str(tmp_path / "a.txt"), "a"),
        ("fail", str(pdf), "binary file (PDF)", "read"),
        ("doc", str(tmp_path / "c.txt"), "c"),
    ]


# --- JSON lines ------------------------------------------------------------------------------


def test_bad_inputs_jsonl_malformed_line_between_good_ones(tmp_path):
    path = write(
        tmp_path / "batch.jsonl",
        json.dumps({"id": "first", "text": ARTICLE}) + "\n"
        + '{"id": "b", "text" "oops"}\n'
        + json.dumps({"id": "third", "text": "Third report. " + ARTICLE}) + "\n",
    )
    assert outcome(tmp_path) == [
        ("doc", f"{path}:1", "first"),
        ("fail", f"{path}:2", "invalid JSON (Expecting ':' delimiter at column 20)", "read"),
        ("doc", f"{path}:3", "third"),
    ]


def test_bad_inputs_jsonl_bad_records(tmp_path):
    lines = [
        json.dumps({"text": ARTICLE}),
        json.dumps({"id": "no_text"}),
        json.dumps({"id": "blank", "text": "  \n "}),
        json.dumps({"id": "num_text", "text": 42}),
        json.dumps(["id", "text"]),
        json.dumps({"id": "urdu", "text": URDU}),
        json.dumps({"id": "bad_date", "text": ARTICLE, "published": "last Tuesday"}),
        json.dumps({"id": "bad_date", "text": "A different report. " + ARTICLE}),
        json.dumps({"id": "copy", "text": ARTICLE}),
    ]
    path = write(tmp_path / "records.jsonl", "\n".join(lines) + "\n")
    assert outcome(tmp_path) == [
        ("fail", f"{path}:1", 'missing "id"', "read"),
        ("fail", f"{path}:2", 'missing "text"', "read"),
        ("fail", f"{path}:3", "empty text", "read"),
        ("fail", f"{path}:4", 'invalid "text" (not a string but int)', "read"),
        ("fail", f"{path}:5", "invalid record (not a JSON object)", "read"),
        ("fail", f"{path}:6", ARABIC_SCRIPT, "read"),
        ("fail", f"{path}:7", "\"published\" is not a YYYY-MM-DD (or YYYY-MM, YYYY) date: 'last Tuesday'", "metadata"),
        ("doc", f"{path}:7", "bad_date"),
        ("fail", f"{path}:8", f'document id "bad_date" already used by {path}:7', "dedup"),
        ("fail", f"{path}:9", f"duplicate of {path}:7", "dedup"),
    ]


def test_bad_inputs_jsonl_without_records(tmp_path):
    path = write(tmp_path / "nothing.jsonl", "\n\n  \n")
    assert outcome(tmp_path) == [("fail", str(path), "empty file", "read")]


# --- metadata sidecars -----------------------------------------------------------------------


def test_bad_inputs_malformed_sidecar_warns_and_document_is_read(tmp_path):
    write(tmp_path / "story.txt", "25 February 2026\n" + ARTICLE)
    sidecar = write(tmp_path / "story.meta.json", '{"published": "2026-02-24", "source": ')
    items = list(iter_inputs(tmp_path))
    assert items[0] == ReadFailure(
        str(sidecar), "malformed sidecar ignored (Expecting value)", "metadata")
    doc = items[1]
    assert len(items) == 2 and isinstance(doc, Document)
    assert (doc.published, doc.published_from, doc.source) == ("2026-02-25", "date_line", None)


def test_bad_inputs_sidecar_bad_fields(tmp_path):
    write(tmp_path / "story.txt", ARTICLE)
    sidecar = write(tmp_path / "story.meta.json", json.dumps(
        {"published": "2026-13-01", "source": ["a", "b"], "url": "https://example.org/x"}))
    items = list(iter_inputs(tmp_path))
    assert items[:2] == [
        ReadFailure(str(sidecar), "\"published\" is not a YYYY-MM-DD (or YYYY-MM, YYYY) date: '2026-13-01'", "metadata"),
        ReadFailure(str(sidecar), "\"source\" is not a string: ['a', 'b']", "metadata"),
    ]
    doc = items[2]
    assert (doc.published, doc.source, doc.url) == (None, None, "https://example.org/x")


def test_bad_inputs_sidecar_not_an_object_and_read_text_document_logs(tmp_path, caplog):
    path = write(tmp_path / "story.txt", ARTICLE)
    write(tmp_path / "story.meta.json", "[1, 2]")
    with caplog.at_level(logging.WARNING, logger="pipeline.reading.inputs"):
        doc = read_text_document(path)
    assert isinstance(doc, Document) and doc.published is None
    assert "malformed sidecar ignored (not a JSON object)" in caplog.text


def test_bad_inputs_orphan_sidecar(tmp_path):
    sidecar = write(tmp_path / "lost.meta.json", json.dumps({"published": "2026-02-24"}))
    assert outcome(tmp_path) == [
        ("fail", str(sidecar), "metadata sidecar with no matching document", "metadata")]


# --- file system -----------------------------------------------------------------------------


def test_bad_inputs_permission_denied_chmod(tmp_path):
    path = write(tmp_path / "locked.txt", ARTICLE)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        assert outcome(tmp_path) == [("fail", str(path), "permission denied", "read")]
    finally:
        path.chmod(0o644)


def test_bad_inputs_permission_denied_on_open(tmp_path, monkeypatch):
    # Runs as root too: the open itself is made to fail as it would for another user.
    locked = write(tmp_path / "locked.txt", ARTICLE)
    write(tmp_path / "open.txt", "Other report. " + ARTICLE)
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if os.fspath(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(inputs_module, "open", guarded_open, raising=False)
    assert outcome(tmp_path) == [
        ("fail", str(locked), "permission denied", "read"),
        ("doc", str(tmp_path / "open.txt"), "open"),
    ]


def test_bad_inputs_unreadable_directory(tmp_path, monkeypatch):
    write(tmp_path / "secret" / "a.txt", ARTICLE)
    write(tmp_path / "z.txt", "Other report. " + ARTICLE)
    real_scandir = os.scandir

    def guarded_scandir(path="."):
        if os.fspath(path) == str(tmp_path / "secret"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(inputs_module.os, "scandir", guarded_scandir)
    assert outcome(tmp_path) == [
        ("fail", str(tmp_path / "secret"), "permission denied", "read"),
        ("doc", str(tmp_path / "z.txt"), "z"),
    ]


def test_bad_inputs_symlink_loop(tmp_path):
    root = tmp_path / "corpus"
    write(root / "sub" / "story.txt", ARTICLE)
    (root / "sub" / "loop").symlink_to(root / "sub", target_is_directory=True)  # its parent
    (root / "sub" / "self").symlink_to(root / "sub" / "self")
    (root / "up").symlink_to(root, target_is_directory=True)
    assert outcome(root) == [
        ("fail", str(root / "sub" / "loop"), f"symlink loop (leads back to {root / 'sub'})", "read"),
        ("fail", str(root / "sub" / "self"), "symlink loop", "read"),
        ("doc", str(root / "sub" / "story.txt"), "story"),
        ("fail", str(root / "up"), f"symlink loop (leads back to {root})", "read"),
    ]


def test_bad_inputs_directory_reached_twice_and_broken_symlink(tmp_path):
    root = tmp_path / "corpus"
    write(root / "a" / "story.txt", ARTICLE)
    (root / "b").symlink_to(root / "a", target_is_directory=True)
    (root / "c.txt").symlink_to(root / "missing.txt")
    assert outcome(root) == [
        ("doc", str(root / "a" / "story.txt"), "story"),
        ("fail", str(root / "b"), f"duplicate of {root / 'a'} (same directory)", "dedup"),
        ("fail", str(root / "c.txt"), "broken symlink", "read"),
    ]


def test_bad_inputs_fifo_is_not_opened(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert outcome(tmp_path) == [("fail", str(fifo), "not a regular file", "read")]


def test_bad_inputs_missing_path(tmp_path):
    assert outcome(tmp_path / "nowhere") == [
        ("fail", str(tmp_path / "nowhere"), "no such file or directory", "read")]


# --- duplicates ------------------------------------------------------------------------------


def test_bad_inputs_identical_files_under_two_names(tmp_path):
    first = write(tmp_path / "copy_a.txt", ARTICLE)
    second = write(tmp_path / "copy_b.txt", ARTICLE)
    assert outcome(tmp_path) == [
        ("doc", str(first), "copy_a"),
        ("fail", str(second), f"duplicate of {first}", "dedup"),
    ]


def test_bad_inputs_identical_large_files_detected_before_decoding(tmp_path):
    first = write(tmp_path / "big_a.txt", ARTICLE * 100)
    second = write(tmp_path / "big_b.txt", ARTICLE * 100)
    items = list(iter_inputs(tmp_path, stream_above=1000))
    assert [type(item).__name__ for item in items] == ["Document", "ReadFailure"]
    assert items[1] == ReadFailure(str(second), f"duplicate of {first}", "dedup")


def test_bad_inputs_same_doc_id_in_two_folders(tmp_path):
    first = write(tmp_path / "a" / "story.txt", ARTICLE)
    second = write(tmp_path / "b" / "story.md", "A different report. " + ARTICLE)
    assert outcome(tmp_path) == [
        ("doc", str(first), "story"),
        ("fail", str(second), f'document id "story" already used by {first}', "dedup"),
    ]
