"""Bad inputs and faults, end to end through `incidents extract`.

A folder holding every kind of bad input next to good articles is processed by the real command
(a subprocess): nothing crashes, every bad file is listed with a reason, every good article's
events come out, and the exit code says "some documents failed". Runs killed with SIGKILL or
stopped with SIGINT leave a consistent store, and the same command started again ends with the
events of an uninterrupted run.

Every article here is written for these tests (invented incidents in real districts).
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import orjson
import pytest

from pipeline.extraction import DEFAULT_CHUNK_CHARS, split_into_chunks
from pipeline.reading import Document, iter_inputs
from pipeline.runner import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED
from pipeline.store import _atomic_write, write_jsonl

pytestmark = pytest.mark.slow

# --- the good articles -------------------------------------------------------------------------

LAKKI = """LAKKI MARWAT, June 12, 2025: Three policemen were killed and two others wounded when a roadside bomb struck their patrol van in Lakki Marwat district on Wednesday morning, police said.

The van was returning from a night patrol near the Sarai Naurang road when the improvised explosive device went off, district police officer Nadeem Khattak told reporters. The wounded constables were shifted to the district headquarters hospital.

No group immediately claimed responsibility. A search operation was launched in the surrounding villages.
"""

KECH = """TURBAT, August 3, 2025: Gunmen ambushed a Frontier Corps convoy in Kech district on Saturday, killing four soldiers and injuring six, officials said.

The attackers opened fire on the vehicles from the hills near Buleda, said a security official who asked not to be named. The Balochistan Liberation Army claimed responsibility for the ambush in a statement to the media.

Reinforcements were sent to the area and the wounded were driven to the teaching hospital in Turbat.
"""

DIKHAN = """DERA ISMAIL KHAN, October 21, 2025: A suicide bomber detonated his vest at a police checkpoint in Dera Ismail Khan district on Monday, killing five policemen and wounding eight others, officials said.

The attacker approached the checkpoint on foot near the Kulachi bypass and detonated his explosives vest when constables stopped him for a search, a police spokesman said. The banned Tehreek-e-Taliban Pakistan claimed the attack.

Rescue 1122 teams moved the wounded to the district hospital, where doctors described two of them as critical.
"""

GOOD_ARTICLES = {"lakki_ied": LAKKI, "kech_ambush": KECH, "dikhan_suicide": DIKHAN}

# Articles carried by the bad-but-readable kinds (legacy encodings, HTML, a JSONL record, a
# long file): their events must come out too, which shows the text was decoded correctly.
CP1252_ARTICLE = (
    "BARA, May 9, 2025: Two Levies personnel were killed when militants attacked their post in "
    "Khyber district on Friday, officials said.\n\n"
    "\u201cThe attackers fled towards the mountains,\u201d a Levies official said \u2014 "
    "adding that a search was under way.\n"
)
LATIN1_ARTICLE = (
    "PARACHINAR, April 14, 2025: Gunmen killed three passengers and wounded four when they "
    "opened fire on a van in Kurram district on Monday, police said.\n\n"
    "A doctor at the clinic run by M\u00e9decins Sans Fronti\u00e8res said the wounded were "
    "in stable condition.\n"
)
BAD_UTF8_ARTICLE = (
    "KHAR, March 2, 2025: A remote-controlled bomb killed two members of a polio vaccination "
    "team in Bajaur district on Sunday, officials said.\n\nThe police escort was unhurt. \u00a7\n"
)
HTML_ARTICLE_BODY = (
    "Four soldiers were martyred when militants attacked a security forces post in North "
    "Waziristan district on Thursday, the military's media wing said.",
    "The troops returned fire and the area was cleared after an exchange that lasted several "
    "hours, the statement said. A search operation was continuing in the surrounding villages "
    "of Mir Ali tehsil, where several such attacks have taken place this year.",
)
JSONL_ARTICLE = (
    "MASTUNG, July 7, 2025: Six labourers were killed when gunmen attacked a construction "
    "camp in Mastung district on Monday, officials said."
)
JSONL_OTHER = (
    "ISLAMABAD, July 8, 2025: The federal cabinet approved the new budget for road projects "
    "in the northern areas, a spokesman said."
)
LONG_HEAD = (
    "ZHOB, September 15, 2025: Militants attacked a Levies post in Zhob district on Sunday "
    "night, killing two personnel, officials said.\n\n"
)
FILLER = (
    "The provincial assembly met on Tuesday to debate the budget for the coming year, and "
    "members spoke at length about roads, schools and water supply in the southern districts.\n\n"
)
URDU = (
    "پشاور میں پولیس کی گاڑی پر حملہ ہوا۔ حکام کے مطابق تین اہلکار زخمی ہوئے اور انہیں "
    "قریبی ہسپتال منتقل کر دیا گیا۔ واقعے کی تحقیقات جاری ہیں اور علاقے کو گھیرے میں لے لیا گیا ہے۔\n"
)
PASHTO = (
    "په پېښور کې د پولیسو پر موټر برید وشو. چارواکو وویل چې درې کسان ټپیان شول او روغتون ته "
    "ولېږدول شول. د پېښې څېړنه روانه ده او سیمه محاصره شوې ده.\n"
)

#: district -> doc_id of every readable input that reports an incident
EXPECTED_DISTRICTS = {
    "Lakki Marwat": "lakki_ied",
    "Kech": "kech_ambush",
    "Dera Ismail Khan": "dikhan_suicide",
    "Khyber": "windows1252",
    "Kurram": "latin1",
    "Bajaur": "invalid_utf8",
    "North Waziristan": "page",
    "Mastung": "feed-1",
    "Zhob": "long_report",
}

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def write_articles(folder: Path, articles: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in articles.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")


def long_text(size: int) -> str:
    """A dated incident paragraph followed by filler paragraphs up to `size` characters."""
    return LONG_HEAD + FILLER * (max(0, size - len(LONG_HEAD)) // len(FILLER) + 1)


def unbroken_text(size: int) -> str:
    """Words with no sentence end and no line break at all."""
    words = ("officials", "district", "road", "convoy", "market", "people", "report", "village")
    out, n = [], 0
    while n < size:
        word = words[(n * 7 + len(out)) % len(words)]
        out.append(word)
        n += len(word) + 1
    return " ".join(out)


def html_page(body: tuple[str, ...]) -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Soldiers martyred</title></head>"
        "<body><nav><a href='/'>Home</a> | <a href='/pakistan'>Pakistan</a> | <a href='/sport'>Sport</a></nav>"
        "<article><h1>Four soldiers martyred in North Waziristan attack</h1>"
        "<p class='byline'>Our correspondent | June 6, 2025</p>"
        f"{paragraphs}</article>"
        "<footer>Copyright 2025 The Daily Example. All rights reserved.</footer></body></html>\n"
    )


def build_bad_folder(root: Path, long_size: int) -> tuple[Path, dict[str, str]]:
    """Write the folder; return it and {path relative to it: expected reason (substring)}.

    The expected map covers every input that must show up in errors.jsonl.
    """
    folder = root / "inbox"
    write_articles(folder, GOOD_ARTICLES)
    expected: dict[str, str] = {}

    def bad(name: str, data: bytes, reason: str) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[name] = reason

    bad("empty.txt", b"", "empty file")
    bad("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 9 >>\nstream\n" + bytes(range(256)), "binary file (PDF)")
    bad("chart.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00", "binary file (PNG)")
    with zipfile.ZipFile(folder / "bundle.zip", "w") as archive:
        archive.writestr("inside.txt", LAKKI)
    expected["bundle.zip"] = "binary file (ZIP)"
    bad("urdu.txt", URDU.encode("utf-8"), "not English (Arabic script")
    bad("pashto.txt", PASHTO.encode("utf-8"), "not English (Arabic script")
    # the same bytes as lakki_ied.txt under another name: skipped, the first in walk order kept
    bad("lakki_ied_copy.txt", LAKKI.encode("utf-8"), "duplicate of")
    # readable but bad: legacy encodings, a stray invalid byte, HTML, long and unbroken text
    (folder / "windows1252.txt").write_bytes(CP1252_ARTICLE.encode("cp1252"))
    (folder / "latin1.txt").write_bytes(LATIN1_ARTICLE.encode("latin-1"))
    (folder / "invalid_utf8.txt").write_bytes(BAD_UTF8_ARTICLE.encode("utf-8").replace(b"\xc2\xa7", b"\xff"))
    (folder / "page.html").write_text(html_page(HTML_ARTICLE_BODY), encoding="utf-8")
    (folder / "long_report.txt").write_text(long_text(long_size), encoding="utf-8")
    (folder / "unbroken.txt").write_text(unbroken_text(40_000), encoding="utf-8")
    # a JSONL feed: a good record, a malformed line, a record without an incident
    feed = [
        orjson.dumps({"id": "feed-1", "text": JSONL_ARTICLE, "published": "2025-07-07"}),
        b'{"id": "feed-2", "text": "unterminated string',
        orjson.dumps({"id": "feed-3", "text": JSONL_OTHER, "published": "2025-07-08"}),
    ]
    (folder / "feed.jsonl").write_bytes(b"\n".join(feed) + b"\n")
    expected["feed.jsonl:2"] = "invalid JSON"
    # symlink loops: a directory link back to the folder, and a file link to itself
    nested = folder / "nested"
    nested.mkdir()
    os.symlink("..", nested / "back_up")
    expected["nested/back_up"] = "symlink loop"
    os.symlink("self_link.txt", folder / "self_link.txt")
    expected["self_link.txt"] = "symlink loop"
    if not IS_ROOT:
        bad("locked.txt", KECH.replace("Kech", "Panjgur").encode(), "permission denied")
        (folder / "locked.txt").chmod(0)
    return folder, expected


# --- running the command -----------------------------------------------------------------------

CLI = [sys.executable, "-c", "import sys; from pipeline.cli import app; sys.argv[0] = 'incidents'; app()"]


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"COLUMNS": "250", "PYTHONWARNINGS": "ignore"}, **extra)
    return env


def run_cli(*args: str, timeout: float = 600, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, "extract", *args, "--quiet"], capture_output=True, text=True, timeout=timeout,
        env=cli_env(**env),
    )


def summary_counts(stderr: str) -> dict[str, int]:
    """The counts of the summary line the command prints."""
    flat = " ".join(stderr.split())
    labels = ("documents read", "processed", "already in store", "failed", "skipped duplicates", "metadata warnings")
    counts = {}
    for label in labels:
        match = re.search(re.escape(label) + r": (\d+)", flat)
        assert match, f"summary lacks {label!r}: {flat[-600:]}"
        counts[label] = int(match.group(1))
    return counts


def read_jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def relative(path: str, folder: Path) -> str:
    return os.path.relpath(path, folder) if path.startswith(str(folder)) else path


# --- 1. every bad kind in one folder -----------------------------------------------------------


def test_extract_bad_folder_accounts_for_every_document(tmp_path):
    folder, expected = build_bad_folder(tmp_path, long_size=150_000)
    out = tmp_path / "out" / "events.jsonl"
    errors = tmp_path / "out" / "errors.jsonl"
    started = time.monotonic()
    result = run_cli(str(folder), "-o", str(out), "--errors", str(errors))
    elapsed = time.monotonic() - started
    assert result.returncode == EXIT_SOME_FAILED, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert elapsed < 300

    problems = read_jsonl(errors)
    listed = {relative(p["path"], folder): p for p in problems}
    for name, reason in expected.items():
        assert name in listed, f"{name} missing from errors.jsonl: {sorted(listed)}"
        assert reason in listed[name]["reason"], (name, listed[name])
    # nothing readable is reported as a problem
    assert set(listed) == set(expected)
    assert all(p["reason"] and p["stage"] in {"read", "dedup", "extract"} for p in problems)
    assert listed["lakki_ied_copy.txt"]["stage"] == "dedup"
    assert "lakki_ied.txt" in listed["lakki_ied_copy.txt"]["reason"]

    events = read_jsonl(out)
    by_district: dict[str, list[dict]] = {}
    for event in events:
        by_district.setdefault(event["district"], []).append(event)
    for district, doc_id in EXPECTED_DISTRICTS.items():
        assert district in by_district, f"no event in {district} (from {doc_id}): {sorted(by_district, key=str)}"
        doc_ids = {m["doc_id"] for event in by_district[district] for m in event["mentions"]}
        assert doc_id in doc_ids, (district, doc_ids)
    # figures of the good articles and of the decoded ones
    figures = {d: (e[0]["killed"], e[0]["injured"]) for d, e in by_district.items() if d in EXPECTED_DISTRICTS}
    assert figures["Lakki Marwat"] == (3, 2)
    assert figures["Kech"] == (4, 6)
    assert figures["Dera Ismail Khan"] == (5, 8)
    assert figures["Khyber"][0] == 2
    assert figures["Kurram"] == (3, 4)
    # decoded text, not mojibake: the evidence quotes the characters as written
    evidence = " ".join(
        ev["text"] for event in events for m in event["mentions"] for ev in m["evidence"]
    )
    assert "\ufffd" not in evidence.replace(BAD_UTF8_ARTICLE, "")
    for mojibake in ("â€", "Ã©", "Ã¨"):
        assert mojibake not in evidence

    documents = {"lakki_ied", "kech_ambush", "dikhan_suicide", "windows1252", "latin1", "invalid_utf8",
                 "page", "long_report", "unbroken", "feed-1", "feed-3"}
    counts = summary_counts(result.stderr)
    assert counts["documents read"] == len(documents)
    assert counts["processed"] == len(documents)
    assert counts["failed"] == sum(1 for p in problems if p["stage"] != "dedup")
    assert counts["skipped duplicates"] == 1
    assert counts["failed"] + counts["skipped duplicates"] == len(expected)
    assert f"events written: {len(events)}" in " ".join(result.stderr.split())


def test_extract_bad_folder_with_store_records_every_document(tmp_path):
    folder, expected = build_bad_folder(tmp_path, long_size=20_000)
    db = tmp_path / "incidents.db"
    result = run_cli(str(folder), "--store", str(db), "-o", str(tmp_path / "events.jsonl"))
    assert result.returncode == EXIT_SOME_FAILED, result.stderr[-3000:]
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT doc_id, path, status, error FROM documents").fetchall()
    by_status: dict[str, set[str]] = {}
    for doc_id, path, status, _ in rows:
        by_status.setdefault(status, set()).add(relative(path, folder))
    assert len(by_status["ok"]) == 11
    assert by_status["skipped"] == {"lakki_ied_copy.txt"}
    assert by_status["failed"] == set(expected) - {"lakki_ied_copy.txt"}
    assert all(error for *_, status, error in rows if status != "ok")

    # a second run processes nothing again, retries the failures and gives the same events
    first = (tmp_path / "events.jsonl").read_bytes()
    again = run_cli(str(folder), "--store", str(db), "-o", str(tmp_path / "events.jsonl"))
    assert again.returncode == EXIT_SOME_FAILED
    counts = summary_counts(again.stderr)
    assert counts["processed"] == 0
    assert counts["already in store"] == 11
    assert (tmp_path / "events.jsonl").read_bytes() == first


def test_extract_failure_never_replaces_stored_document_of_same_stem(tmp_path):
    # "a/lakki_ied.txt" is stored first; "b/lakki_ied.zip" fails later with the same file stem
    folder = tmp_path / "inbox"
    write_articles(folder / "a", GOOD_ARTICLES)
    (folder / "b").mkdir()
    (folder / "b" / "lakki_ied.zip").write_bytes(b"PK\x03\x04 not really an archive")
    db = tmp_path / "incidents.db"
    out = tmp_path / "events.jsonl"
    result = run_cli(str(folder), "--store", str(db), "-o", str(out), "--batch-size", "1")
    assert result.returncode == EXIT_SOME_FAILED, result.stderr[-3000:]
    assert {e["district"] for e in read_jsonl(out)} == {"Lakki Marwat", "Kech", "Dera Ismail Khan"}
    rows = {relative(path, folder): status for _, path, _, status in documents_table(db)}
    assert rows == {"a/lakki_ied.txt": "ok", "a/kech_ambush.txt": "ok",
                    "a/dikhan_suicide.txt": "ok", "b/lakki_ied.zip": "failed"}


def test_extract_rerun_clears_failure_of_a_file_fixed_since(tmp_path):
    folder = tmp_path / "inbox"
    write_articles(folder, {"kech_ambush": KECH})
    (folder / "kurram_van.txt").write_bytes(b"")
    db = tmp_path / "incidents.db"
    out = tmp_path / "events.jsonl"
    assert run_cli(str(folder), "--store", str(db), "-o", str(out)).returncode == EXIT_SOME_FAILED
    assert [status for *_, status in documents_table(db)].count("failed") == 1
    (folder / "kurram_van.txt").write_text(LATIN1_ARTICLE, encoding="utf-8")
    result = run_cli(str(folder), "--store", str(db), "-o", str(out))
    assert result.returncode == EXIT_OK, result.stderr[-3000:]
    assert [(doc_id, status) for doc_id, _, _, status in documents_table(db)] == [
        ("kech_ambush", "ok"), ("kurram_van", "ok")]
    assert {e["district"] for e in read_jsonl(out)} == {"Kech", "Kurram"}


@pytest.mark.skipif(IS_ROOT, reason="root reads files whatever their permissions")
def test_extract_unreadable_file_reported(tmp_path):
    folder = tmp_path / "inbox"
    write_articles(folder, {"kech_ambush": KECH})
    locked = folder / "locked.txt"
    locked.write_text(LAKKI, encoding="utf-8")
    locked.chmod(0)
    try:
        result = run_cli(str(folder), "-o", str(tmp_path / "events.jsonl"))
    finally:
        locked.chmod(0o644)
    assert result.returncode == EXIT_SOME_FAILED
    problems = read_jsonl(tmp_path / "errors.jsonl")
    assert [(relative(p["path"], folder), p["reason"]) for p in problems] == [("locked.txt", "permission denied")]


def test_extract_jsonl_record_with_lone_surrogate_fails_alone(tmp_path):
    # JSON allows "\ud800" escapes; Python then holds a str that UTF-8 and spaCy cannot encode
    folder = tmp_path / "inbox"
    write_articles(folder, {"kech_ambush": KECH})
    (folder / "feed.jsonl").write_bytes(
        b'{"id": "odd", "text": "Two policemen were killed in Bannu on Monday \\ud800, police said."}\n'
        + orjson.dumps({"id": "feed-1", "text": JSONL_ARTICLE}) + b"\n"
    )
    result = run_cli(str(folder), "-o", str(tmp_path / "events.jsonl"))
    assert result.returncode == EXIT_SOME_FAILED, result.stderr[-3000:]
    problems = read_jsonl(tmp_path / "errors.jsonl")
    assert [relative(p["path"], folder) for p in problems] == ["feed.jsonl:1"]
    assert {e["district"] for e in read_jsonl(tmp_path / "events.jsonl")} == {"Kech", "Mastung"}


def test_extract_clean_folder_exits_zero(tmp_path):
    folder = tmp_path / "inbox"
    write_articles(folder, GOOD_ARTICLES)
    result = run_cli(str(folder), "-o", str(tmp_path / "events.jsonl"))
    assert result.returncode == EXIT_OK, result.stderr[-2000:]
    assert (tmp_path / "errors.jsonl").read_bytes() == b""
    assert len(read_jsonl(tmp_path / "events.jsonl")) == 3


# --- the 20 MB file ----------------------------------------------------------------------------

BIG_SIZE = 20 * 1024 * 1024


def test_extract_20mb_file_is_read_and_chunked_in_bounded_memory(tmp_path):
    path = tmp_path / "long_report.txt"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(LONG_HEAD)
        handle.write(FILLER * (BIG_SIZE // len(FILLER) + 1))
    size = path.stat().st_size
    assert size > BIG_SIZE
    tracemalloc.start()
    try:
        items = list(iter_inputs(path, max_chars=None))  # over the default --max-chars
        [document] = items
        assert isinstance(document, Document)
        chunks = split_into_chunks(document.text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # the text, its chunks and one read buffer: a few copies of the file, not more
    assert peak < 6 * size
    assert all(len(chunk) <= DEFAULT_CHUNK_CHARS for _, chunk in chunks)
    # the chunks cover the text exactly, in order, cut at paragraph ends
    assert "".join(chunk for _, chunk in chunks) == document.text
    assert [offset for offset, _ in chunks] == sorted(offset for offset, _ in chunks)
    assert all(chunk.endswith("\n") for _, chunk in chunks[:-1])


def test_extract_unbroken_text_is_chunked_at_whitespace():
    text = unbroken_text(200_000)
    chunks = split_into_chunks(text)
    assert len(chunks) > 1
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(len(chunk) <= DEFAULT_CHUNK_CHARS for _, chunk in chunks)
    assert all(text[offset : offset + len(chunk)] == chunk for offset, chunk in chunks)
    assert all(chunk.endswith(" ") for _, chunk in chunks[:-1])


def one_line_file(path: Path, size: int) -> None:
    """`size` bytes of words on a single line: no paragraph, no sentence end."""
    words = "officials district road convoy market people report village "
    with open(path, "w", encoding="ascii") as handle:
        handle.write(words * (size // len(words) + 1))


def test_extract_20mb_one_line_file_in_a_folder_is_refused_at_once(tmp_path):
    folder = tmp_path / "inbox"
    write_articles(folder, GOOD_ARTICLES)
    one_line_file(folder / "scraped_dump.txt", BIG_SIZE)
    out = tmp_path / "events.jsonl"
    started = time.monotonic()
    result = run_cli(str(folder), "-o", str(out), timeout=300)  # it used to take some 20 minutes
    elapsed = time.monotonic() - started
    assert result.returncode == EXIT_SOME_FAILED, result.stderr[-3000:]
    [problem] = read_jsonl(tmp_path / "errors.jsonl")
    assert relative(problem["path"], folder) == "scraped_dump.txt"
    size = (folder / "scraped_dump.txt").stat().st_size
    assert problem["reason"] == (
        f"too long: {size:,} bytes, over the limit of 2,000,000 characters (raise it with --max-chars)"
    )
    assert problem["stage"] == "read"
    assert {e["district"] for e in read_jsonl(out)} == {"Lakki Marwat", "Kech", "Dera Ismail Khan"}
    assert "scraped_dump.txt: too long" in " ".join(result.stderr.split())
    assert elapsed < 240


@pytest.mark.skipif(not os.environ.get("INCIDENTS_BIG_RUN"), reason="18 CPU minutes (measured: 1,103 s, peak RSS 880 MB): set INCIDENTS_BIG_RUN=1")
def test_extract_20mb_file_end_to_end(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    with open(folder / "long_report.txt", "w", encoding="utf-8") as handle:
        handle.write(LONG_HEAD)
        handle.write(FILLER * (BIG_SIZE // len(FILLER) + 1))
    out = tmp_path / "events.jsonl"
    code = (
        "import resource, subprocess, sys; "
        "rc = subprocess.call(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *CLI, "extract", str(folder), "-o", str(out), "--quiet", "--max-chars", "0"],
        capture_output=True, text=True, timeout=3600, env=cli_env(),
    )
    assert result.returncode == EXIT_OK, result.stderr[-3000:]
    max_rss_kib = int(result.stdout.strip().splitlines()[-1])
    assert max_rss_kib < 4 * 1024 * 1024  # under 4 GiB for a 20 MB text
    [event] = read_jsonl(out)
    assert event["district"] == "Zhob"


# --- 2. atomic writes --------------------------------------------------------------------------


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "events.jsonl"
    write_jsonl([{"event_id": "ev-0000000000000001"}], target)
    before = target.read_bytes()

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_jsonl([{"event_id": "ev-0000000000000002"}] * 1000, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]  # no temp file left


def test_atomic_write_replaces_in_one_rename(tmp_path, monkeypatch):
    target = tmp_path / "errors.jsonl"
    target.write_bytes(b"old\n")
    renames = []
    real_replace = os.replace

    def spy(src, dst):
        renames.append((Path(src).parent, Path(dst)))
        assert Path(dst).read_bytes() == b"old\n"  # the target is untouched until the rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    _atomic_write(target, b"new\n")
    assert renames == [(tmp_path, target)]
    assert target.read_bytes() == b"new\n"


def test_atomic_write_gives_the_mode_of_a_plain_write(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_bytes(b"x")
    target = tmp_path / "events.jsonl"
    write_jsonl([{"event_id": "ev-0000000000000001"}], target)
    # not the 0600 of the temporary file: others may read the events as they may any output
    assert (target.stat().st_mode & 0o777) == (plain.stat().st_mode & 0o777)


# --- 2. killed and interrupted runs ------------------------------------------------------------


def corpus_folder(tmp_path: Path, n: int = 24) -> Path:
    """`n` articles of the bundled corpus (with their sidecars) plus the good articles."""
    source = Path(__file__).resolve().parents[1] / "corpus" / "articles"
    folder = tmp_path / "inbox"
    write_articles(folder, GOOD_ARTICLES)
    if source.is_dir():
        texts = sorted(p for p in source.iterdir() if p.suffix == ".txt")[:n]
        for text in texts:
            (folder / text.name).write_bytes(text.read_bytes())
            sidecar = text.with_name(text.stem + ".meta.json")
            if sidecar.exists():
                (folder / sidecar.name).write_bytes(sidecar.read_bytes())
    return folder


def stored_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def interruptible() -> None:
    """In the child before it runs: Ctrl-C as a terminal delivers it. A test run started as a
    background job of a shell without job control (`pytest &`) ignores SIGINT, and a child
    inherits an ignored signal, so without this the run under test would never see Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_and_stop(args: list[str], db: Path, sig: int, at_least: int, total: int) -> subprocess.Popen:
    """Start the command, wait until `at_least` documents are stored, send `sig`."""
    process = subprocess.Popen(
        [*CLI, "extract", *args, "--quiet", "--batch-size", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
        start_new_session=True, preexec_fn=interruptible,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        stored = stored_documents(db)
        if stored >= at_least:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be stopped"
    stored = stored_documents(db)
    assert at_least <= stored < total, stored
    if sig == signal.SIGINT:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    else:
        process.send_signal(sig)
    process.wait(timeout=120)
    return process


def documents_table(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute(
            "SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0
        return conn.execute("SELECT doc_id, path, content_hash, status FROM documents ORDER BY doc_id").fetchall()


def _processes_left_with(marker: str, wait: float = 10.0) -> list[int]:
    """Process ids whose command line names `marker`, once those on their way out have gone
    (Linux /proc; elsewhere an empty list)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    deadline = time.monotonic() + wait
    while True:
        left = []
        for entry in proc.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if marker in cmdline and state != "Z":
                left.append(int(entry.name))
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


@pytest.fixture(scope="module")
def reference_run(tmp_path_factory):
    """An uninterrupted run with a fresh store: (folder, events bytes, documents table)."""
    tmp_path = tmp_path_factory.mktemp("reference_run")
    folder = corpus_folder(tmp_path)
    db = tmp_path / "reference" / "incidents.db"
    out = tmp_path / "reference" / "events.jsonl"
    result = run_cli(str(folder), "--store", str(db), "-o", str(out))
    assert result.returncode == EXIT_OK, result.stderr[-3000:]
    table = [(doc_id, path, digest, status) for doc_id, path, digest, status in documents_table(db)]
    return folder, out.read_bytes(), table


#: where the run is killed: (documents stored before the kill, as a function of the total)
KILL_POINTS = {
    "at_start": lambda total: 0,  # before the store is even opened, or while the pipeline loads
    "after_one": lambda total: 1,
    "half_way": lambda total: total // 2,
    "near_the_end": lambda total: total - 4,
}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_extract_killed_run_resumes_to_identical_output(tmp_path, reference_run, point):
    folder, expected_events, expected_table = reference_run
    total = len(expected_table)
    db = tmp_path / "run" / "incidents.db"
    out = tmp_path / "run" / "events.jsonl"
    args = [str(folder), "--store", str(db), "-o", str(out)]

    at_least = KILL_POINTS[point](total)
    killed = start_and_stop(args, db, signal.SIGKILL, at_least=at_least, total=total)
    assert killed.returncode == -signal.SIGKILL
    assert _processes_left_with(str(db)) == []  # its workers die with it
    assert not out.exists()  # no partial events file
    partial = documents_table(db) if stored_documents(db) else []  # killed at the start: maybe no store yet
    assert at_least <= len(partial) < total
    # every stored document is whole: its mentions are the ones the reference run stored
    assert set(partial) <= set(expected_table)

    result = run_cli(*args)
    assert result.returncode == EXIT_OK, result.stderr[-3000:]
    counts = summary_counts(result.stderr)
    assert counts["already in store"] == len(partial)
    assert counts["processed"] == total - len(partial)
    assert documents_table(db) == expected_table  # no duplicated, no missing document
    assert out.read_bytes() == expected_events
    with sqlite3.connect(db) as conn, sqlite3.connect(folder.parent / "reference" / "incidents.db") as ref:
        query = "SELECT doc_id, idx, json FROM mentions ORDER BY doc_id, idx"
        assert conn.execute(query).fetchall() == ref.execute(query).fetchall()


def test_extract_interrupted_run_stops_cleanly_and_resumes(tmp_path, reference_run):
    folder, expected_events, expected_table = reference_run
    total = len(expected_table)
    db = tmp_path / "run" / "incidents.db"
    out = tmp_path / "run" / "events.jsonl"
    args = [str(folder), "--store", str(db), "-o", str(out)]

    stopped = start_and_stop(args, db, signal.SIGINT, at_least=3, total=total)
    stderr = stopped.stderr.read()
    assert stopped.returncode == EXIT_INTERRUPTED, stderr[-3000:]
    assert "Traceback" not in stderr
    assert "interrupted" in stderr
    counts = summary_counts(stderr)
    partial = documents_table(db)
    assert counts["processed"] == len(partial)
    assert 0 < len(partial) < total
    assert set(partial) <= set(expected_table)
    assert not out.exists()

    result = run_cli(*args)
    assert result.returncode == EXIT_OK, result.stderr[-3000:]
    assert summary_counts(result.stderr)["already in store"] == len(partial)
    assert documents_table(db) == expected_table
    assert out.read_bytes() == expected_events


def test_extract_interrupted_run_without_store_exits_130(tmp_path):
    folder = tmp_path / "inbox"
    write_articles(folder, GOOD_ARTICLES)
    # about 1.5 MB of text: far longer to process than the pipeline takes to load
    (folder / "zz_long_report.txt").write_text(long_text(1_500_000), encoding="utf-8")
    out = tmp_path / "events.jsonl"
    # --one-pass: the first pass would skip the filler of the long report in a moment
    process = subprocess.Popen(
        [*CLI, "extract", str(folder), "-o", str(out), "--batch-size", "1", "--one-pass"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
        start_new_session=True, preexec_fn=interruptible,
    )
    # no store to poll: give the pipeline time to load (slower where the trf extra makes spaCy
    # import torch) and start working; the long report keeps it busy far longer than this
    time.sleep(20)
    assert process.poll() is None, "the run ended before it could be stopped"
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == EXIT_INTERRUPTED, stderr[-3000:]
    assert "Traceback" not in stderr
    assert "interrupted" in stderr
    assert not out.exists()
    summary_counts(stderr)  # the summary is printed
