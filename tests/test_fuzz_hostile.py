"""A fuzz test of reading and extraction on hostile text (hypothesis).

Generated texts mix long tokens, digit runs, deeply nested brackets and quotes, mixed scripts,
control characters and 100,000-character lines with incident sentences. Each is written to a
file as bytes (UTF-8, UTF-16 or Windows-1252) and read by `iter_inputs`, and every document is
run through the pipeline. Whatever the text:

- no exception escapes reading or extraction, and no stage fails on a document;
- the work is bounded by a count, not a clock: spaCy never reads a run of more than
  `MAX_RUN_CHARS` non-space characters; no phrase longer than the caps reaches quantulum3 or
  dateparser; and a document makes at most `CALLS_PER_10K_CHARS` calls of each per started
  10,000 characters;
- every event validates against schema/event.schema.json and quotes its own text.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.components import casualties, dates, work
from pipeline.extraction import MAX_RUN_CHARS, process_documents, single_mention_event
from pipeline.reading import Document, ReadFailure, iter_inputs

pytestmark = pytest.mark.slow

INCIDENTS = (
    "Two policemen were killed when gunmen attacked a checkpoint in Bannu district on Monday, police said.",
    "PESHAWAR, March 5, 2025: A suicide bomber killed 13 soldiers and injured 20 in North Waziristan.",
    "At least 1,200 people were displaced; eleven civilians died in Kurram on 29 February.",
    "The TTP claimed the attack in Lakki Marwat, where a roadside bomb killed three on Friday night.",
)
CLOSING = {"(": ")", "[": "]", "{": "}", '"': '"', "\u201c": "\u201d", "'": "'", "\u00ab": "\u00bb", "<": ">"}

long_token = st.text(
    alphabet=st.characters(blacklist_categories=("Zs", "Zl", "Zp", "Cc", "Cs")), min_size=150, max_size=3_000
)
digit_run = st.tuples(st.sampled_from(["1,", "1", "1.", "12,", "9-", "1/", "٣", "0x"]), st.integers(5, 20_000)).map(
    lambda t: t[0] * t[1]
)
nested = st.tuples(st.sampled_from(sorted(CLOSING)), st.integers(1, 4_000), st.sampled_from(INCIDENTS + ("", "x"))).map(
    lambda t: t[0] * t[1] + t[2] + CLOSING[t[0]] * t[1]
)
mixed_scripts = st.text(
    alphabet=st.sampled_from(list("abc XYZ 123 привет мир 中文 عربی हिन्दी ελληνικά שלום ☃️🙂 ٣٤ ½")), min_size=1, max_size=400
)
control = st.text(
    alphabet=st.one_of(st.characters(max_codepoint=0x1F), st.sampled_from(["\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u202e", "\u00a0"])),
    min_size=1, max_size=300,
)
long_line = st.tuples(
    st.sampled_from(["two soldiers were killed ", "1,2 ", "March 5, ", "( ", "word ", "killed 3, injured 4; ", "on the 5th of "]),
    st.integers(2_000, 25_000),
).map(lambda t: (t[0] * t[1])[:100_000])
piece = st.one_of(long_token, digit_run, nested, mixed_scripts, control, long_line, st.sampled_from(INCIDENTS))
hostile_text = st.lists(st.tuples(piece, st.sampled_from(["\n\n", "\n", " ", "", ". "])), min_size=1, max_size=6).map(
    lambda parts: "".join(p + s for p, s in parts)
)

SETTINGS = settings(
    max_examples=30, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def spacy_inputs(nlp):
    """Wraps `nlp.make_doc` to record the longest non-space run of every text spaCy reads."""
    longest: list[int] = []
    real = nlp.make_doc

    def spy(text):
        longest.append(max((len(run) for run in text.split()), default=0))
        return real(text)

    nlp.make_doc = spy
    yield longest
    nlp.make_doc = real


@SETTINGS
@given(text=hostile_text, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]), published=st.sampled_from([None, "2025-03-05"]))
def test_hostile_text_is_read_and_extracted_within_budget(tmp_path_factory, nlp, event_validator, spacy_inputs, text, encoding, published):
    folder = tmp_path_factory.mktemp("fuzz")
    data = text.encode(encoding, errors="replace")
    (folder / "hostile.txt").write_bytes(data)
    items = list(iter_inputs(folder))  # no exception escapes reading
    assert len(items) == 1
    [item] = items
    if isinstance(item, ReadFailure):
        assert item.reason and item.stage == "read"
        return
    document = Document(**{**item.__dict__, "published": published or item.published})
    work.reset()
    spacy_inputs.clear()
    [result] = list(process_documents(nlp, [document], batch_size=4))  # nor extraction
    assert result.error is None, result.error

    # the counted budget
    assert max(spacy_inputs) <= MAX_RUN_CHARS
    counts = work.COUNTS
    assert counts["quantulum_longest"] <= casualties.MAX_COUNT_PHRASE_CHARS
    assert counts["dateparser_longest"] <= dates.MAX_DATEPARSER_CHARS
    # allowances are per spaCy doc (a chunk of at most 50,000 characters): per 10,000
    # characters of the document, at most CALLS_PER_10K_CHARS of each, plus one chunk's rounding
    chunks = max(1, math.ceil(len(document.text) / 50_000))
    allowed = work.CALLS_PER_10K_CHARS * (math.ceil(len(document.text) / 10_000) + chunks)
    assert counts["quantulum_calls"] <= allowed
    assert counts["dateparser_calls"] <= allowed

    for mention in result.mentions:
        event = single_mention_event(mention).to_dict()
        errors = sorted(event_validator.iter_errors(event), key=str)
        assert not errors, f"{errors[0].message} at {list(errors[0].absolute_path)}"
        for evidence in event["mentions"][0]["evidence"]:
            assert document.text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_digit_run_file_of_the_report_costs_no_costly_call(nlp, tmp_path):
    """The 400 KB "1,1,1,..." text: nothing reaches quantulum3, and spaCy reads short runs."""
    (tmp_path / "count.txt").write_text(",".join(["1"] * 200_000), encoding="utf-8")
    [document] = [i for i in iter_inputs(tmp_path) if isinstance(i, Document)]
    work.reset()
    [result] = list(process_documents(nlp, [document]))
    assert result.error is None and result.mentions == []
    assert work.COUNTS["quantulum_calls"] == 0
    assert re.search(r"\S{%d}" % (MAX_RUN_CHARS + 1), document.text)  # it was one giant token
