"""Shared fixtures for the extractor tests.

The incident pipeline is loaded once per test session (`nlp`); helpers run short texts written
for the tests through it. Nothing here reads ../shared or the corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "schema" / "event.schema.json"


@pytest.fixture(scope="session")
def nlp():
    """The rule-based incident pipeline (models/config.cfg), built once per session."""
    from pipeline.extraction import load

    return load()


@pytest.fixture(scope="session")
def event_schema() -> dict:
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        return json.load(handle)


@pytest.fixture(scope="session")
def event_validator(event_schema):
    """A jsonschema validator for one output line (schema/event.schema.json)."""
    import jsonschema

    validator_class = jsonschema.validators.validator_for(event_schema)
    validator_class.check_schema(event_schema)
    return validator_class(event_schema)


@pytest.fixture(scope="session")
def run_extract(nlp):
    """`run_extract(text, published=None)`: the events `pipeline.extraction.extract` returns,
    as plain dicts (the JSONL form)."""
    from pipeline.extraction import extract

    def _run(text: str, published: str | None = None) -> list[dict]:
        return [event.to_dict() for event in extract(text, published=published, nlp=nlp)]

    return _run


@pytest.fixture(scope="session")
def make_doc(nlp):
    """`make_doc(text, published=None, reference=None)`: the processed Doc, with the document
    attributes the extractor sets before the pipeline runs."""
    from pipeline.components.extensions import register_extensions

    register_extensions()

    def _make(text: str, published: str | None = None, reference: str | None = None):
        doc = nlp.make_doc(text)
        doc._.incidents_published = published
        doc._.incidents_reference_date = reference
        return nlp(doc)

    return _make


@pytest.fixture(scope="session")
def statements(make_doc):
    """`statements(text)`: the casualty statements (`doc._.incidents_casualties`) of `text`."""

    def _statements(text: str, published: str | None = None) -> list[dict]:
        return make_doc(text, published)._.incidents_casualties or []

    return _statements


@pytest.fixture(scope="session")
def only_event():
    """`only_event(events)`: the single event of the list; fails with a summary otherwise."""
    return _only_event


@pytest.fixture(scope="session")
def event_in():
    """`event_in(events, district)`: the single event in that district."""
    return _event_in


def _only_event(events: list[dict]) -> dict:
    assert len(events) == 1, f"expected one event, got {len(events)}: {summarize(events)}"
    return events[0]


def summarize(events: list[dict]) -> list[dict]:
    """The fields worth printing when an assertion about events fails."""
    keys = ("method", "date", "province", "district", "place", "killed", "injured", "perpetrators_killed", "qualifier")
    return [{key: event.get(key) for key in keys} for event in events]


def _event_in(events: list[dict], district: str) -> dict:
    found = [event for event in events if event["district"] == district]
    assert len(found) == 1, f"expected one event in {district}: {summarize(events)}"
    return found[0]
