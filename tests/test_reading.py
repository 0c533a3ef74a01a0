"""The input layer on good inputs: text, HTML, JSON lines, metadata, dates, order, size."""

from __future__ import annotations

import gc
import hashlib
import json
import tracemalloc
from pathlib import Path

import pytest

from pipeline.reading import Document, iter_inputs, read_text_document
from pipeline.reading import text as textmod
from pipeline.reading.dateline import date_from_lines, date_in_line

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

ARTICLE = (
    "Gunmen attacked a police checkpost on the outskirts of the city late on Tuesday, "
    "officials said. Two constables were wounded and taken to the district hospital. "
    "Police said a search operation was under way in the surrounding villages.\n"
)


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def only_document(items: list) -> Document:
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items[0]
    return items[0]


# --- plain text ------------------------------------------------------------------------------


def test_reading_txt_document_fields(tmp_path):
    head = "Convoy attacked near checkpost\n\nMarch 5, 2025\n\n"
    path = write(tmp_path / "report_01.txt", head + ARTICLE)
    doc = only_document(list(iter_inputs(tmp_path)))
    assert doc.doc_id == "report_01"
    assert doc.text == head + ARTICLE
    assert doc.published == "2025-03-05"
    assert doc.published_from == "date_line"
    assert doc.source is None and doc.url is None
    assert doc.path == str(path)
    assert doc.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_single_file_path_and_read_text_document(tmp_path):
    path = write(tmp_path / "note.md", "# Heading\n\n" + ARTICLE)
    assert only_document(list(iter_inputs(path))).doc_id == "note"
    doc = read_text_document(path)
    assert isinstance(doc, Document) and doc.text == "# Heading\n\n" + ARTICLE
    assert doc.published is None and doc.published_from is None


def test_reading_newlines_normalised_bom_stripped(tmp_path):
    write(tmp_path / "crlf.txt", b"\xef\xbb\xbfFirst line\r\nSecond line\rThird line\r\n")
    doc = only_document(list(iter_inputs(tmp_path)))
    assert doc.text == "First line\nSecond line\nThird line\n"


def test_reading_utf16_with_bom_is_text(tmp_path):
    write(tmp_path / "wide.txt", ARTICLE.encode("utf-16"))
    assert only_document(list(iter_inputs(tmp_path))).text == ARTICLE


def test_reading_text_without_sentence_breaks(tmp_path):
    body = " ".join(["militants fired on the post and the soldiers returned fire"] * 400)
    write(tmp_path / "run_on.txt", body)
    doc = only_document(list(iter_inputs(tmp_path)))
    assert doc.text == body and "." not in doc.text


def test_reading_mixed_english_with_urdu_quote_passes(tmp_path):
    text = ARTICLE * 3 + 'Mourners chanted "ظالمو جواب دو" outside the hospital, witnesses said.\n'
    write(tmp_path / "mixed.txt", text)
    assert only_document(list(iter_inputs(tmp_path))).text == text


def test_reading_extensionless_text_is_read(tmp_path):
    write(tmp_path / "README", ARTICLE)
    doc = only_document(list(iter_inputs(tmp_path)))
    assert (doc.doc_id, doc.text) == ("README", ARTICLE)


# --- encodings -------------------------------------------------------------------------------


def test_reading_windows_1252_curly_quotes(tmp_path):
    text = "The officer said \u201cthe caf\u00e9 was hit\u201d \u2013 and the market closed.\n"
    write(tmp_path / "cp1252.txt", text.encode("cp1252"))
    assert only_document(list(iter_inputs(tmp_path))).text == text


def test_reading_latin_1(tmp_path):
    text = "The r\u00e9sum\u00e9 of the na\u00efve official in Quetta was read by the \u00a0committee.\n"
    raw = text.encode("latin-1") + b"Byte \x81 undefined in Windows-1252.\n"
    write(tmp_path / "latin1.txt", raw)
    doc = only_document(list(iter_inputs(tmp_path)))
    assert doc.text == text + "Byte \x81 undefined in Windows-1252.\n"
    assert doc.content_hash == hashlib.sha256(raw).hexdigest()


def test_reading_invalid_utf8_inside_utf8_kept_with_replacement(tmp_path):
    raw = "Caf\u00e9 owners in Quetta \u2013 na\u00efve or not \u2013 ".encode() + b"\xff\xfe" + b" reopened.\n"
    write(tmp_path / "broken.txt", raw)
    doc = only_document(list(iter_inputs(tmp_path)))
    assert doc.text == "Caf\u00e9 owners in Quetta \u2013 na\u00efve or not \u2013 \ufffd\ufffd reopened.\n"


def test_reading_text_needs_neither_charset_normalizer_nor_trafilatura(tmp_path, monkeypatch):
    import sys

    monkeypatch.delitem(sys.modules, "charset_normalizer", raising=False)
    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    write(tmp_path / "plain.txt", "Na\u00efve \u2013 " + ARTICLE)
    write(tmp_path / "west.txt", ("Caf\u00e9 \u201cquoted\u201d. " + ARTICLE).encode("cp1252"))
    assert len(list(iter_inputs(tmp_path))) == 2
    assert "charset_normalizer" not in sys.modules
    assert "trafilatura" not in sys.modules


@pytest.mark.parametrize("stream_above", [0, 10**9])
def test_reading_streamed_and_whole_reads_agree(tmp_path, monkeypatch, stream_above):
    # Tiny chunks put "\r\n" pairs and multi-byte characters across chunk borders.
    monkeypatch.setattr(textmod, "CHUNK_BYTES", 7)
    body = "Line \u00e9\u2013\u201cquoted\u201d\r\nnext\rlast \u0686\r\n" * 50
    write(tmp_path / "borders.txt", body.encode())
    doc = only_document(list(iter_inputs(tmp_path, stream_above=stream_above)))
    assert doc.text == body.replace("\r\n", "\n").replace("\r", "\n")


def test_reading_streamed_cp1252_falls_back(tmp_path, monkeypatch):
    monkeypatch.setattr(textmod, "CHUNK_BYTES", 16)
    text = ("Plain ASCII opening line for the report.\n" * 5) + "He said \u201cno\u201d.\n"
    write(tmp_path / "late.txt", text.encode("cp1252"))
    assert only_document(list(iter_inputs(tmp_path, stream_above=0))).text == text


# --- HTML ------------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Convoy attacked</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<article>
<h1>Convoy attacked near checkpost</h1>
<p>Gunmen attacked a security convoy near a checkpost in the district on Tuesday morning,
officials said, adding that two soldiers were wounded in the exchange of fire.</p>
<p>The wounded were shifted to the combined military hospital, where their condition was
described as stable. A search operation was launched in the surrounding area.</p>
<p>No group immediately claimed responsibility for the attack, the third on the road
this month, local residents told reporters at the scene.</p>
</article>
<footer><p>Copyright 2025 Example News Network. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/contact">Contact us</a></p></footer>
</body></html>
"""


def test_reading_html_main_text_without_boilerplate(tmp_path):
    path = write(tmp_path / "page.html", HTML_PAGE)
    doc = only_document(list(iter_inputs(tmp_path)))
    assert doc.doc_id == "page"
    assert "Gunmen attacked a security convoy" in doc.text
    assert "No group immediately claimed responsibility" in doc.text
    for boilerplate in ("Subscribe", "Copyright", "Privacy policy", "Contact us", "<p>"):
        assert boilerplate not in doc.text
    assert doc.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_extensionless_html_is_sniffed(tmp_path):
    write(tmp_path / "saved_page", HTML_PAGE)
    doc = only_document(list(iter_inputs(tmp_path)))
    assert "Gunmen attacked a security convoy" in doc.text and "Subscribe" not in doc.text


# --- JSON lines ------------------------------------------------------------------------------


def test_reading_jsonl_records(tmp_path):
    records = [
        {"id": "a1", "text": "Published: 5 March 2025\n" + ARTICLE, "source": "Daily Example",
         "url": "https://example.org/a1"},
        {"id": "a2", "text": "Another report.\n" + ARTICLE, "published": "2025-03-07"},
        {"id": 17, "text": "Numeric id report.\n" + ARTICLE, "published": "2025-03-08T10:30:00Z"},
    ]
    path = write(tmp_path / "batch.jsonl", "".join(json.dumps(r) + "\n" for r in records) + "\n")
    docs = list(iter_inputs(tmp_path))
    assert [d.doc_id for d in docs] == ["a1", "a2", "17"]
    assert [d.path for d in docs] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert [(d.published, d.published_from) for d in docs] == [
        ("2025-03-05", "date_line"), ("2025-03-07", "jsonl"), ("2025-03-08", "jsonl")]
    assert (docs[0].source, docs[0].url) == ("Daily Example", "https://example.org/a1")
    assert docs[1].content_hash == hashlib.sha256(records[1]["text"].encode()).hexdigest()


# --- metadata sidecars -----------------------------------------------------------------------


def test_reading_sidecar_supplies_metadata(tmp_path):
    write(tmp_path / "story.txt", "February 25, 2026\n" + ARTICLE)
    write(tmp_path / "story.meta.json", json.dumps(
        {"published": "2026-02-24", "source": "Example Times", "url": "https://example.org/s",
         "title": "Story"}))
    doc = only_document(list(iter_inputs(tmp_path)))
    assert (doc.published, doc.published_from) == ("2026-02-24", "sidecar")
    assert (doc.source, doc.url) == ("Example Times", "https://example.org/s")
    assert doc.text.startswith("February 25, 2026\n")


@pytest.mark.parametrize("published", ["2021-10", "2021"])
def test_reading_sidecar_with_only_a_month_or_year_keeps_it(tmp_path, published):
    write(tmp_path / "story.txt", ARTICLE)
    write(tmp_path / "story.meta.json", json.dumps({"published": published}))
    assert only_document(list(iter_inputs(tmp_path))).published == published


def test_reading_sidecar_without_date_falls_back_to_date_line(tmp_path):
    write(tmp_path / "story.txt", "25 February 2026\n" + ARTICLE)
    write(tmp_path / "story.meta.json", json.dumps({"source": "Example Times"}))
    doc = only_document(list(iter_inputs(tmp_path)))
    assert (doc.published, doc.published_from) == ("2026-02-25", "date_line")
    assert doc.source == "Example Times"


# --- walking ---------------------------------------------------------------------------------


def test_reading_walk_is_sorted_recursive_and_skips_hidden(tmp_path):
    write(tmp_path / "b.txt", "B. " + ARTICLE)
    write(tmp_path / "a.txt", "A. " + ARTICLE)
    write(tmp_path / "sub" / "deeper" / "c.md", "C. " + ARTICLE)
    write(tmp_path / "sub" / "0.txt", "Zero. " + ARTICLE)
    write(tmp_path / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(tmp_path / ".DS_Store", b"\x00\x00\x00\x01Bud1\x00")
    ids = [item.doc_id for item in iter_inputs(tmp_path)]
    assert ids == ["a", "b", "0", "c"]
    assert ids == [item.doc_id for item in iter_inputs(tmp_path)]


def test_reading_follows_file_symlinks(tmp_path):
    outside = write(tmp_path / "outside" / "real.txt", ARTICLE)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "linked.txt").symlink_to(outside)
    doc = only_document(list(iter_inputs(corpus)))
    assert (doc.doc_id, doc.path, doc.text) == ("linked", str(corpus / "linked.txt"), ARTICLE)


# --- date lines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("February 25, 2026", "2026-02-25"),
        ("25 February 2026", "2026-02-25"),
        ("Wednesday, February 25, 2026", "2026-02-25"),
        ("Feb. 25, 2026", "2026-02-25"),
        ("25th Feb 2026", "2026-02-25"),
        ("date 2026-02-27", "2026-02-27"),
        (" date 2024-05-09 Fighting flared again on Thursday night near the border.", "2024-05-09"),
        ("Published: 5 March 2025", "2025-03-05"),
        ("Updated 12:30 PM, March 5, 2025", "2025-03-05"),
        ("Last updated on 6 Mar 2025 at 10:30 pm PKT", "2025-03-06"),
        ("Briefing N°12 | 4 March 2024", "2024-03-04"),
        ("PESHAWAR, March 5, 2025", "2025-03-05"),
        ("PESHAWAR, March 5, 2025: Three policemen were wounded when gunmen opened fire.", "2025-03-05"),
        ("QUETTA (AP) — March 5, 2025 — A bomb exploded near a market.", "2025-03-05"),
        ("By Staff Reporter, March 5, 2025", "2025-03-05"),
        ("## 2026-02-27", "2026-02-27"),
        # Not date lines: event dates inside sentences, partial or impossible dates.
        ("On 5 March 2025, gunmen attacked a checkpost and killed two soldiers.", None),
        ("March 5, 2025 was the deadliest day for the police in the province.", None),
        ("By late 2019, the negotiations had stalled.", None),
        ("On March 11, the train was ambushed.", None),
        ("February 30, 2026", None),
        ("Report 2026", None),
    ],
)
def test_reading_date_line_variants(line, expected):
    assert date_in_line(line) == expected


def test_reading_date_line_only_in_first_five_nonempty_lines():
    head = "Title\n\nSubtitle\n\n\nBy a reporter\nPart one\n"
    assert date_from_lines(head + "March 5, 2025\n" + ARTICLE) == "2025-03-05"
    assert date_from_lines(head + "Part two\nMarch 5, 2025\n" + ARTICLE) is None


def test_reading_date_line_on_huge_single_line_is_cheap():
    assert date_from_lines("date 2026-02-27 " + "x" * 5_000_000) == "2026-02-27"
    assert date_from_lines("x" * 5_000_000 + "\nFebruary 25, 2026") == "2026-02-25"


# --- size ------------------------------------------------------------------------------------


@pytest.mark.parametrize("stream_above", [2_000_000, 10**9], ids=["streamed", "whole"])
def test_reading_20mb_file_memory_bounded(tmp_path, stream_above):
    path = tmp_path / "huge.txt"
    line = "Officials said the attack on the checkpost killed two and wounded five people.\n"
    with open(path, "w", encoding="ascii") as handle:
        handle.write("PESHAWAR, March 5, 2025\n")
        for _ in range(20 * 2**20 // len(line) + 1):
            handle.write(line)
    size = path.stat().st_size
    assert size > 20 * 2**20
    gc.collect()
    tracemalloc.start()
    try:
        items = list(iter_inputs(tmp_path, stream_above=stream_above, max_chars=None))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    doc = only_document(items)
    assert doc.published == "2025-03-05"
    assert len(doc.text) == size
    # ASCII text takes one byte per character: the bytes and one text, or two texts while the
    # streamed chunks are joined, are 2x the file; a third copy would pass 3x.
    assert peak < 2.5 * size, f"peak {peak / 2**20:.0f} MiB for a {size / 2**20:.0f} MiB file"


# --- seeds -----------------------------------------------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not available")
def test_reading_seed_publication_dates():
    docs = {item.doc_id: item for item in iter_inputs(SEEDS) if isinstance(item, Document)}
    found = {doc_id[:3]: (doc.published, doc.published_from) for doc_id, doc in docs.items()}
    assert found == {
        "000": ("2026-02-25", "date_line"),
        "001": ("2026-02-27", "date_line"),
        "002": ("2026-02-27", "date_line"),
        "003": (None, None),
        "004": (None, None),
    }
    for doc in docs.values():
        assert doc.text == Path(doc.path).read_text(encoding="utf-8")
