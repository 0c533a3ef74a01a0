"""`Doc._` attributes the incident stages read and write. All values are plain data (dicts,
lists, strings, ints) so that docs cross process boundaries with `nlp.pipe(n_process=...)`."""

from __future__ import annotations

import weakref

from spacy.tokens import Doc

DOC_EXTENSIONS = {
    # set by the caller before the pipeline runs
    "incidents_doc_id": None,
    "incidents_published": None,  # ISO date of publication, or None
    "incidents_reference_date": None,  # latest explicit date in the text (undated documents)
    "incidents_offset": 0,  # where this chunk starts in the whole document
    # written by the stages
    "incidents_dates": None,
    "incidents_casualties": None,
    "incidents_frames": None,
    # every located place and named group of the text, by sentence: the arguments the trained
    # relation stage may attach to an incident, whether or not the rules attached them
    "incidents_places": None,
    "incidents_groups": None,
    # written by the relation stage (accurate modes): candidate (incident, argument) pairs, and
    # in training docs their gold labels (one row per candidate, None where the incident is unmatched)
    "incidents_relation_candidates": None,
    "incidents_relation_gold": None,
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def ents_by_sentence(doc) -> dict[int, list]:
    """`doc.ents` grouped by the start token of the sentence each lies wholly in: what
    `sent.ents` gives for every sentence, in one pass. `Span.ents` rebuilds `doc.ents` (a walk
    over every token of the document) on each call, which made a stage that asks it once per
    sentence quadratic in the length of a chunk."""
    from bisect import bisect_right

    sents = list(doc.sents)
    starts = [sent.start for sent in sents]
    grouped: dict[int, list] = {start: [] for start in starts}
    for ent in doc.ents:
        i = bisect_right(starts, ent.start) - 1
        if i >= 0 and ent.end <= sents[i].end:
            grouped[starts[i]].append(ent)
    return grouped


_TEXTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def doc_text(doc) -> str:
    """`doc.text`, built once per Doc. spaCy joins every token's text on each `Doc.text` read,
    so a stage that reads it per entity, per place or per number was quadratic in the length of
    a chunk (measured: half the time of the date stage on news articles). A Doc's text never
    changes once it is tokenized (retokenizing keeps it), so the copy cannot go stale."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def span_text(span) -> str:
    """`span.text` cut from the Doc's text (`doc_text`): the same string (a span ends where its
    last token's text ends), without a Token object per word."""
    return doc_text(span.doc)[span.start_char : span.end_char]
