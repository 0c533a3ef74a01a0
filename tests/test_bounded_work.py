"""Bounded work per document: giant tokens, long phrases, huge documents, stalls, crashes.

Long number shapes and phrases never reach int(), quantulum3 or dateparser (capped and
shape-checked first); spaCy never reads a run of more than `MAX_RUN_CHARS` non-space
characters; an exception in a stage costs its document, not the run; a document over
`--max-chars` is refused with its size; a document that overruns its time budget, or whose
worker process dies, is reported and the run goes on. Texts are written for these tests.
"""

from __future__ import annotations

import os
import re
import signal
import time

import pytest

from pipeline.components import casualties, dates
from pipeline.components.casualties import CasualtyExtractor, parse_count
from pipeline.extraction import MAX_RUN_CHARS, process_documents, reading_copy
from pipeline.lexicon import load_lexicon
from pipeline.reading import Document, ReadFailure, iter_inputs

INCIDENT = "Two policemen were killed when gunmen attacked a checkpoint in Bannu district on Monday, police said."


def document(doc_id: str, text: str) -> Document:
    return Document(doc_id=doc_id, text=text, published="2025-03-05", source=None, url=None,
                    path=f"<{doc_id}>", content_hash=doc_id, published_from="argument")


# --- counts: capped before int() and quantulum3 ------------------------------------------------


@pytest.fixture
def quantulum_calls(monkeypatch):
    calls: list[str] = []

    def spy(phrase: str):
        calls.append(phrase)
        return None

    monkeypatch.setattr(casualties, "_quantulum_count", spy)
    return calls


@pytest.mark.parametrize("word", [
    ",".join(["1"] * 20_000),           # the 40 KB "1,1,1,..." of the report
    ",".join(["1"] * 22),               # 43 characters: over the phrase cap
    "1" * 5_000,                        # over Python's int() digit limit
    "1" * 150,                          # a number no toll is
    "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1",
])
def test_long_number_shapes_never_reach_int_or_quantulum(word, quantulum_calls):
    assert parse_count([word], load_lexicon()) is None
    assert quantulum_calls == []


def test_long_word_phrase_never_reaches_quantulum(quantulum_calls):
    words = ["eleven"] + ["score"] * 30
    assert parse_count(words, load_lexicon()) is None
    assert all(len(p) <= casualties.MAX_COUNT_PHRASE_CHARS for p in quantulum_calls)


def test_short_odd_count_still_reaches_quantulum(quantulum_calls):
    parse_count(["10k"], load_lexicon())
    assert quantulum_calls == ["10k"]


@pytest.mark.parametrize("words,count", [
    (["million"], 1_000_000),
    (["two", "million"], 2_000_000),
    (["3,000"], 3_000),
    (["zero"], 0),
    (["4.0"], 4),
    (["3.5"], None),          # no whole count
    (["12/4"], 3),
    (["7/8"], None),
    (["07/2021"], None),      # a month written as a fraction
    (["12th"], None),         # ordinals count nothing
    (["third"], None),
])
def test_common_number_shapes_are_read_without_quantulum(words, count, quantulum_calls):
    # quantulum3's first call compiles its unit regexes, 1.2 s in every worker process
    assert parse_count(words, load_lexicon()) == count
    assert quantulum_calls == []


def test_count_phrase_of_many_number_words_is_not_read(statements):
    found = statements("Officials said " + "hundred " * 400 + "people were killed in Bannu.")
    assert all(s["count"] < 10**15 for s in found)


# --- dates: capped before dateparser -----------------------------------------------------------


@pytest.fixture
def dateparser_calls(monkeypatch):
    import dateparser

    calls: list[str] = []

    def spy(phrase, *args, **kwargs):
        calls.append(phrase)
        return None

    monkeypatch.setattr(dateparser, "parse", spy)
    dates.resolve_date_phrase.cache_clear()
    yield calls
    dates.resolve_date_phrase.cache_clear()


def test_long_date_phrase_never_reaches_dateparser(dateparser_calls):
    phrase = "at the close of march when the snow fell " + "and fell " * 10
    assert dates.resolve_date_phrase(phrase, "2025-04-10") == (None, None, None, False)
    assert dateparser_calls == []


def test_short_date_phrase_still_reaches_dateparser(dateparser_calls):
    dates.resolve_date_phrase("the end of march", "2025-04-10")
    assert dateparser_calls == ["the end of march"]


def test_date_entity_longer_than_a_date_phrase_is_not_resolved(dateparser_calls):
    phrase = "the long cold " * 8 + "5 March 2025"  # a misread entity that holds a date
    assert len(phrase) > dates.MAX_DATE_PHRASE_CHARS
    assert dates.resolve_date_phrase(phrase, "2025-04-10")[0] is None
    assert dates.resolve_date_phrase(phrase[-30:], "2025-04-10")[0] == "2025-03-05"


# --- what spaCy reads -------------------------------------------------------------------------


def test_reading_copy_masks_long_runs_and_keeps_offsets():
    text = "a " + "(" * 3000 + " b " + "1," * 90 + "\n" + "x" * MAX_RUN_CHARS + " \ud800 end"
    copy = reading_copy(text)
    assert len(copy) == len(text)
    assert max(len(run) for run in re.findall(r"\S+", copy)) <= MAX_RUN_CHARS
    spaces = {m.start() for m in re.finditer(r"\s", copy)}
    assert {m.start() for m in re.finditer(r"\s", text)} <= spaces
    assert all(copy[i] == text[i] for i in range(len(text)) if text[i].isspace())
    assert "\ud800" not in copy and copy.endswith("\ufffd end")
    assert copy[text.index("1,"):].startswith("1," * 90)  # 180 characters: kept
    assert "x" * MAX_RUN_CHARS in copy


@pytest.mark.parametrize("wall", ["(" * 3000, '"' * 5000, ",".join(["1"] * 2000), "ab" * 4000])
def test_extract_never_hands_spacy_a_giant_token(nlp, run_extract, monkeypatch, wall):
    longest: list[int] = []
    real = nlp.make_doc

    def spy(text):
        longest.append(max((len(run) for run in text.split()), default=0))
        return real(text)

    monkeypatch.setattr(nlp, "make_doc", spy)
    events = run_extract(f"{wall}\n\n{INCIDENT}\n\n{wall}", "2025-03-05")
    assert max(longest) <= MAX_RUN_CHARS
    [event] = events
    assert (event["district"], event["killed"]) == ("Bannu", 2)
    [evidence] = event["mentions"][0]["evidence"]
    assert evidence["text"] in INCIDENT


def test_extract_reads_a_digit_run_next_to_an_incident(run_extract):
    text = f"Officials gave the reference 1{'1' * 5000} for the file.\n\n{INCIDENT}"
    [event] = run_extract(text, "2025-03-05")
    assert event["killed"] == 2


# --- an exception in a stage costs its document only --------------------------------------------


def test_exception_in_a_stage_fails_its_document_only(nlp, monkeypatch):
    real = CasualtyExtractor.__call__

    def fragile(self, doc):
        if "POISON" in doc.text:
            raise ValueError("a stage met something it could not handle")
        return real(self, doc)

    monkeypatch.setattr(CasualtyExtractor, "__call__", fragile)
    docs = [document("a", INCIDENT), document("b", "POISON. " + INCIDENT), document("c", INCIDENT)]
    results = list(process_documents(nlp, docs, batch_size=1))
    assert [r.document.doc_id for r in results] == ["a", "b", "c"]
    assert results[0].mentions and results[2].mentions
    assert results[1].error and "incidents_casualties: ValueError: a stage met something" in results[1].error


# --- documents over --max-chars -----------------------------------------------------------------


def test_documents_over_max_chars_are_refused_with_their_size(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a_short.txt").write_text(INCIDENT, encoding="utf-8")
    (folder / "b_long.txt").write_text(INCIDENT + " " + "word " * 400, encoding="utf-8")
    (folder / "c_huge.txt").write_text("x" * 20_000, encoding="utf-8")  # over 4 bytes per allowed character
    (folder / "d_feed.jsonl").write_text(
        '{"id": "r1", "text": "%s"}\n{"id": "r2", "text": "%s"}\n' % (INCIDENT.replace("Bannu", "Kohat"), "word " * 400), encoding="utf-8")
    items = list(iter_inputs(folder, max_chars=1_000))
    documents = [i.doc_id for i in items if isinstance(i, Document)]
    failures = {os.path.basename(i.path): i.reason for i in items if isinstance(i, ReadFailure)}
    assert documents == ["a_short", "r1"]
    size = len(INCIDENT) + 1 + 2000
    assert failures["b_long.txt"] == f"too long: {size:,} characters, over the limit of 1,000 characters (raise it with --max-chars)"
    assert failures["c_huge.txt"].startswith("too long: 20,000 bytes, over the limit of 1,000 characters")
    assert failures["d_feed.jsonl:2"].startswith("too long: 2,000 characters")
    # no limit
    assert len([i for i in iter_inputs(folder, max_chars=None) if isinstance(i, Document)]) == 5


# --- time budget and dying workers ---------------------------------------------------------------


@pytest.fixture
def stalling_stage(nlp, monkeypatch):
    """A casualty stage that hangs on "STALL" and kills its own process on "DIE"; the workers
    are forked from this process, so they inherit it."""
    real = CasualtyExtractor.__call__

    def stage(self, doc):
        if "STALL" in doc.text:
            while True:
                time.sleep(0.05)
        if "DIE" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, doc)

    monkeypatch.setattr(CasualtyExtractor, "__call__", stage)


@pytest.mark.slow
@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_a_stalled_document_is_stopped_and_reported(stalling_stage):
    from pipeline.workers import supervised_results

    docs = [document("a", INCIDENT), document("b", "STALL. " + INCIDENT), document("c", INCIDENT),
            document("d", "DIE. " + INCIDENT), document("e", INCIDENT)]
    started = time.monotonic()
    results = list(supervised_results(docs, n_process=1, batch_size=2, time_budget=1.5))
    elapsed = time.monotonic() - started
    assert [r.document.doc_id for r in results] == ["a", "b", "c", "d", "e"]
    for result in (results[0], results[2], results[4]):
        assert result.error is None and [m.killed for m in result.mentions] == [2]
    assert results[1].error.startswith("took longer than its time budget (1.5 s for ")
    assert "--time-budget" in results[1].error
    assert results[3].error.startswith("the worker process died while processing it (killed by signal 9")
    assert elapsed < 60  # a stall costs its budget (twice: in its batch, then alone), not the run


# --- a counted allowance of costly calls per document ---------------------------------------------


def test_odd_count_shapes_spend_at_most_the_documents_allowance(make_doc, quantulum_calls):
    from pipeline.components.work import CALLS_PER_10K_CHARS

    text = " ".join(f"{i},5 soldiers were killed in Bannu." for i in range(300))  # 300 odd shapes ("1,5")
    assert len(text) < 20_000
    make_doc(text, "2025-03-05")
    assert len(quantulum_calls) == 2 * CALLS_PER_10K_CHARS


def test_odd_date_shapes_spend_at_most_the_documents_allowance(make_doc, dateparser_calls):
    from pipeline.components.work import CALLS_PER_10K_CHARS

    text = " ".join(f"Soldiers were killed in Bannu at the end of March {i} times." for i in range(200))
    make_doc(text, "2025-04-10")
    assert 0 < len(dateparser_calls) <= 2 * CALLS_PER_10K_CHARS


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_the_last_tasks_are_shared_out_in_quarters(monkeypatch):
    """Once every document is queued, no worker is handed a whole batch that would leave the
    other idle: the queued tasks are cut into quarters of the batch size."""
    from pipeline import workers
    from pipeline.extraction import DocumentResult

    def record_task_size(nlp, documents, **options):  # the workers are forked: they inherit it
        return [DocumentResult(d, mentions=[], error=f"task of {len(documents)}") for d in documents]

    monkeypatch.setattr(workers, "process_documents", record_task_size)
    docs = [document(f"d{i:02d}", INCIDENT) for i in range(10)]
    results = list(workers.supervised_results(docs, n_process=2, batch_size=8))
    assert [r.document.doc_id for r in results] == [d.doc_id for d in docs]
    assert {r.error for r in results} == {"task of 2"}


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_workers_of_a_transformer_backbone_are_spawned_not_forked():
    """A forked child of a process that has run torch waits for ever on torch's thread pool,
    which the fork did not copy: workers of the transformer mode start afresh; the others are
    forked, and start with the parent's pipeline."""
    from pipeline.workers import _context

    assert _context("accurate").get_start_method() == "spawn"
    assert {_context(mode).get_start_method() for mode in ("rules", "tok2vec")} == {"fork"}
