"""The bundled gold corpus is well formed: schema, vocabularies, evidence found verbatim in its
article, and every article accounted for (in the gold, or listed as reporting no incident)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.events import FIELD_NAMES, vocabulary

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ARTICLES = CORPUS / "articles"
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PROVINCES = {
    "Khyber Pakhtunkhwa", "Balochistan", "Punjab", "Sindh", "Islamabad Capital Territory",
    "Gilgit-Baltistan", "Azad Kashmir",
}


def _gold() -> list[dict]:
    with open(CORPUS / "gold.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _articles() -> dict[str, Path]:
    return {path.stem: path for path in ARTICLES.iterdir() if path.suffix in {".txt", ".md"}}


def _no_event_ids() -> set[str]:
    return {line.strip() for line in (CORPUS / "no_events.txt").read_text().splitlines() if line.strip()}


def _check_fields(values: dict, where: str) -> None:
    assert values["event_type"] in vocabulary("event_type"), where
    assert values["method"] in vocabulary("method"), where
    assert values["suicide"] in (True, False, None), where
    assert values["date"] is None or DATE.match(values["date"]), where
    assert values["province"] is None or values["province"] in PROVINCES, where
    for perpetrator in values["perpetrators"]:
        assert set(perpetrator) == {"group", "attribution"}, where
        assert perpetrator["attribution"] in vocabulary("attribution"), where
    assert set(values["targets"]) <= set(vocabulary("target")), where
    for count in ("killed", "injured", "perpetrators_killed"):
        assert values[count] is None or (isinstance(values[count], int) and values[count] >= 0), where
    assert values["qualifier"] in (None, "exact", "at_least", "approx"), where
    if values["killed"] is None:
        assert values["qualifier"] is None, where


def test_gold_events_follow_the_gold_format():
    ids = set()
    for event in _gold():
        assert event["id"] not in ids, f"duplicate id {event['id']}"
        ids.add(event["id"])
        assert isinstance(event["required"], bool)
        _check_fields(event, event["id"])
        assert event["mentions"], event["id"]
        docs = [m["doc_id"] for m in event["mentions"]]
        assert len(docs) == len(set(docs)), f"{event['id']}: two mentions from one document"
        for mention in event["mentions"]:
            where = f"{event['id']} / {mention['doc_id']}"
            assert set(FIELD_NAMES) <= set(mention), where
            _check_fields(mention, where)
            assert mention["published"] is None or DATE.match(mention["published"]), where


def test_gold_evidence_quotes_are_verbatim_in_their_article():
    articles = _articles()
    for event in _gold():
        for mention in event["mentions"]:
            assert mention["doc_id"] in articles, f"{event['id']}: no article {mention['doc_id']}"
            text = articles[mention["doc_id"]].read_text(encoding="utf-8")
            assert mention["evidence"], f"{event['id']} / {mention['doc_id']}: no evidence"
            for quote in mention["evidence"]:
                offset = text.find(quote)
                assert offset >= 0, f"{event['id']} / {mention['doc_id']}: quote not in text: {quote[:60]!r}"
                assert offset + len(quote) <= len(text)


def test_every_article_is_accounted_for():
    articles = set(_articles())
    in_gold = {m["doc_id"] for e in _gold() for m in e["mentions"]}
    no_events = _no_event_ids()
    assert not in_gold & no_events, "an article is both in the gold and listed as eventless"
    assert articles == in_gold | no_events


def test_gold_published_dates_agree_with_the_reader():
    from pipeline.reading import Document, iter_inputs

    published = {item.doc_id: item.published for item in iter_inputs(str(ARTICLES)) if isinstance(item, Document)}
    for event in _gold():
        for mention in event["mentions"]:
            assert mention["published"] == published[mention["doc_id"]], mention["doc_id"]


def test_corpus_meets_its_design_targets():
    gold = _gold()
    articles = _articles()
    multi_report = [e for e in gold if len({m["doc_id"] for m in e["mentions"]}) >= 2]
    from pipeline.reading import Document, iter_inputs

    undated = [i for i in iter_inputs(str(ARTICLES)) if isinstance(i, Document) and i.published is None]
    assert len(articles) >= 60
    assert len(multi_report) >= 12
    assert len(_no_event_ids()) >= 10
    assert len(undated) >= 5


SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.gold.jsonl"


@pytest.mark.skipif(not SHARED_GOLD.exists(), reason="../shared is not present (fresh clone)")
def test_seed_gold_parses_with_the_same_checks():
    with open(SHARED_GOLD, encoding="utf-8") as handle:
        for line in handle:
            event = json.loads(line)
            for mention in event["mentions"]:
                _check_fields(mention, mention["doc_id"])
