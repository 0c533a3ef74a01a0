"""Every event `extract()` returns is a valid line of schema/event.schema.json, and every piece of
evidence quotes the text it points at."""

from __future__ import annotations

import copy

import pytest

TEXTS = {
    "ambush": (
        "Militants ambushed a Levies patrol in Kachhi on Monday, killing four personnel and "
        "wounding three, officials said.\n"
        "Fitna al-Hindustan was blamed for the attack.\n",
        "2026-02-25",
    ),
    "suicide": (
        "At least nine people were killed when a suicide bomber struck a mosque in Peshawar "
        "during Friday prayers.\n",
        "2026-02-28",
    ),
    "two_incidents": (
        "A grenade hurled at a shop injured five people in Quetta on Tuesday.\n"
        "In another incident, gunmen killed a policeman in Turbat on Wednesday.\n",
        "2026-02-26",
    ),
    "strike": (
        "Pakistani aircraft carried out airstrikes in Khost and Paktika on Sunday, killing 12 "
        "people, Afghan officials said.\n",
        "2026-02-25",
    ),
    "undated": (
        "Report on incidents, May 2025\n\n"
        "On May 6, a bomb exploded near a school in Kurram, killing two children.\n",
        None,
    ),
    "date_line": (
        "Tuesday, 3 March 2026\n\nTwo soldiers were martyred in a clash with militants in Tank "
        "on Monday.\n",
        None,
    ),
}


@pytest.fixture(scope="module")
def extracted(run_extract):
    return {name: (text, run_extract(text, published=published)) for name, (text, published) in TEXTS.items()}


def test_schema_is_valid_draft(event_schema):
    import jsonschema

    jsonschema.validators.validator_for(event_schema).check_schema(event_schema)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_schema_extracted_events_validate(extracted, event_validator, name):
    _, events = extracted[name]
    assert events, f"no event extracted from {name!r}"
    for event in events:
        errors = [error.message for error in event_validator.iter_errors(event)]
        assert not errors, errors


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_schema_evidence_quotes_text(extracted, name):
    text, events = extracted[name]
    for event in events:
        for mention in event["mentions"]:
            assert mention["evidence"]
            for evidence in mention["evidence"]:
                assert 0 <= evidence["start"] < evidence["end"] <= len(text)
                assert evidence["text"] == text[evidence["start"] : evidence["end"]]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_schema_top_level_fields_match_single_mention(extracted, name):
    _, events = extracted[name]
    for event in events:
        (mention,) = event["mentions"]
        for field in ("event_type", "method", "date", "district", "killed", "injured"):
            assert event[field] == mention[field], field


def test_schema_undated_text_marks_inferred_year(extracted):
    _, events = extracted["undated"]
    (event,) = events
    assert event["date"] == "2025-05-06"
    assert event["mentions"][0]["published"] is None
    assert event["mentions"][0]["date_year_inferred"] is True


@pytest.mark.parametrize(
    "field,value",
    [
        ("method", "drive_by"),
        ("event_type", "riot"),
        ("date", "06/05/2025"),
        ("killed", -1),
        ("qualifier", "roughly"),
        ("targets", ["police", "police"]),
        ("event_id", "event-1"),
    ],
)
def test_schema_rejects_bad_values(extracted, event_validator, field, value):
    _, events = extracted["ambush"]
    broken = copy.deepcopy(events[0])
    broken[field] = value
    assert list(event_validator.iter_errors(broken))


def test_schema_rejects_missing_evidence(extracted, event_validator):
    _, events = extracted["ambush"]
    broken = copy.deepcopy(events[0])
    broken["mentions"][0]["evidence"] = []
    assert list(event_validator.iter_errors(broken))
