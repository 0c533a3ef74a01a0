"""`pipeline.extraction.extract` on whole texts: one event per incident, several incidents in one
document, and texts that report no incident at all (aggregates, threats, arrests, talks)."""

from __future__ import annotations

import pytest

from pipeline.extraction import split_into_chunks

PUBLISHED = "2026-02-25"  # a Wednesday


def test_extract_single_attack_fields(run_extract, only_event):
    text = (
        "Militants ambushed a police patrol near Wana in South Waziristan on Monday, killing "
        "three policemen and injuring two, officials said.\n"
        "Tehrik-i-Taliban Pakistan later claimed the attack.\n"
    )
    event = only_event(run_extract(text, published=PUBLISHED))
    assert event["event_type"] == "attack"
    assert event["method"] == "armed_assault"
    assert event["suicide"] is False
    assert event["date"] == "2026-02-23"
    assert (event["country"], event["province"], event["district"]) == (
        "Pakistan",
        "Khyber Pakhtunkhwa",
        "South Waziristan",
    )
    assert event["place"] == "Wana"
    assert event["perpetrators"] == [{"group": "TTP", "attribution": "claimed"}]
    assert "police" in event["targets"]
    assert (event["killed"], event["injured"]) == (3, 2)


def test_extract_suicide_bombing_method(run_extract, only_event):
    text = "A suicide bomber detonated his vest at a checkpoint in Bannu on Tuesday, killing four soldiers."
    event = only_event(run_extract(text, published=PUBLISHED))
    assert event["method"] == "suicide_bombing"
    assert event["suicide"] is True
    assert event["date"] == "2026-02-24"
    assert event["district"] == "Bannu"


def test_extract_alias_district_is_canonical(run_extract, only_event):
    text = "Gunmen opened fire on a Levies checkpost in Nushki on Monday, killing two personnel."
    event = only_event(run_extract(text, published=PUBLISHED))
    assert (event["province"], event["district"]) == ("Balochistan", "Nushki")


def test_extract_headline_and_body_are_one_event(run_extract, only_event):
    text = (
        "Four soldiers martyred in Kurram roadside blast\n\n"
        "Four soldiers were martyred when a roadside bomb struck their vehicle in Kurram on "
        "Tuesday, the military said.\n"
    )
    event = only_event(run_extract(text, published=PUBLISHED))
    assert event["district"] == "Kurram"
    assert event["killed"] == 4


def test_extract_news_source_is_not_a_target(run_extract, only_event):
    # "police said": the police are the source of the report, not the target of the attack
    text = "Gunmen shot dead two shopkeepers in Mardan on Tuesday, police said."
    event = only_event(run_extract(text, published=PUBLISHED))
    assert "police" not in event["targets"], event["targets"]


# -- several incidents in one document ------------------------------------------------------


def test_extract_twin_attacks_in_two_districts(run_extract, event_in):
    text = (
        "Two policemen were killed when militants attacked a police station in Kohat on Monday "
        "night.\n"
        "In a separate attack the same night, gunmen killed five labourers at a brick kiln in "
        "Bhakkar.\n"
    )
    events = run_extract(text, published=PUBLISHED)
    assert len(events) == 2, events
    kohat = event_in(events, "Kohat")
    bhakkar = event_in(events, "Bhakkar")
    assert kohat["killed"] == 2
    assert bhakkar["killed"] == 5
    assert bhakkar["province"] == "Punjab"
    assert kohat["date"] == bhakkar["date"] == "2026-02-23"


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Militants carried out twin attacks in Kohat and Bhakkar on Monday, killing three "
            "policemen in Kohat and two farmers in Bhakkar.\n",
            {"Kohat": ("killed", 3), "Bhakkar": ("killed", 2)},
        ),
        # "In the first attack" ranks the attack within the story; it is no tally "in the first"
        # months of a year
        (
            "At least 22 people were hurt in two separate grenade attacks in Larkana and Sukkur on Friday evening.\n"
            "In the first attack, a man on a motorbike threw a grenade into a crowded bazaar in Larkana, "
            "wounding 9 people.\n"
            "Hours later, 13 people were hurt when a grenade was lobbed at a bus stand in Sukkur.\n",
            {"Larkana": ("injured", 9), "Sukkur": ("injured", 13)},
        ),
    ],
)
def test_extract_two_attacks_counted_together_then_each_with_its_own_figure(run_extract, event_in, text, expected):
    events = run_extract(text, published=PUBLISHED)
    assert len(events) == 2, events
    for district, (field, value) in expected.items():
        assert event_in(events, district)[field] == value


def test_extract_figures_of_the_first_months_of_a_year_are_a_tally(run_extract):
    text = "In the first six months of the year, 212 people were killed in 150 attacks in Khyber Pakhtunkhwa.\n"
    assert run_extract(text, published=PUBLISHED) == []


def test_extract_news_and_background_attack(run_extract, event_in):
    text = (
        "A suicide bomber struck a paramilitary convoy in Bajaur on Tuesday, killing six "
        "Frontier Corps soldiers, officials said.\n\n"
        "The district has been hit before. On 14 July 2023, a bomb at a political rally in "
        "Bajaur killed 54 people.\n"
    )
    events = run_extract(text, published=PUBLISHED)
    assert len(events) == 2, events
    news = next(e for e in events if e["date"] == "2026-02-24")
    background = next(e for e in events if e["date"] == "2023-07-14")
    assert news["killed"] == 6
    assert news["method"] == "suicide_bombing"
    assert background["killed"] == 54
    assert news["district"] == background["district"] == "Bajaur"


def test_extract_strikes_on_listed_places_are_one_event_each(run_extract):
    text = (
        "Pakistani jets carried out airstrikes on Sunday night that hit Kabul, Kandahar and "
        "Paktia, the Taliban government said.\n"
    )
    events = run_extract(text, published=PUBLISHED)
    districts = sorted(e["district"] for e in events)
    assert districts == ["Kabul", "Kandahar", "Paktia"], events
    for event in events:
        assert event["country"] == "Afghanistan"
        assert event["method"] == "airstrike"
        assert event["event_type"] == "strike"
        assert event["date"] == "2026-02-22"


# -- texts that report no incident ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # annual statistics
        "Militant attacks in the province rose 30 per cent to 650 in 2024, killing 900 people, "
        "according to a think tank's annual report.\n",
        "A total of 1,120 security personnel were killed in militant violence across the "
        "country in 2025, the ministry told parliament.\n",
        # threats and warnings
        "Officials warned that militants could strike again in Peshawar during the religious "
        "holidays.\n",
        "The interior ministry issued a threat alert warning of possible suicide attacks on "
        "processions in Karachi and Quetta next week.\n",
        # arrests without violence
        "The CTD arrested three suspects in Lahore on Monday and seized explosives and "
        "detonators from their hideout.\n",
        # talks
        "Delegations from Islamabad and Kabul met in Doha on Tuesday to discuss a ceasefire and "
        "border trade.\n",
    ],
    ids=["statistics", "national_toll", "could_strike", "threat_alert", "arrests", "talks"],
)
def test_extract_non_events_give_nothing(run_extract, text):
    assert run_extract(text, published=PUBLISHED) == []


def test_extract_statistics_paragraph_beside_real_attack(run_extract, only_event):
    text = (
        "Gunmen killed two polio workers in Mardan on Tuesday.\n\n"
        "Militant attacks in the province rose 30 per cent to 650 in 2024, killing 900 people, "
        "according to a think tank's annual report.\n"
    )
    event = only_event(run_extract(text, published=PUBLISHED))
    assert event["district"] == "Mardan"
    assert event["killed"] == 2


# -- chunking ---------------------------------------------------------------------------------


def test_extract_split_into_chunks_covers_text():
    paragraph = "A sentence about the weather in the valley. " * 20
    text = "\n\n".join([paragraph] * 30)
    chunks = split_into_chunks(text, max_chars=2000)
    assert len(chunks) > 1
    for offset, chunk in chunks:
        assert text[offset : offset + len(chunk)] == chunk
        assert len(chunk) <= 2000
    assert "".join(chunk for _, chunk in chunks) == text


def test_extract_long_document_offsets_point_into_text(run_extract):
    filler = "\n\n".join(["Traders in the city said business had been slow for weeks. " * 30] * 10)
    incident = "A roadside bomb killed three soldiers in North Waziristan on Monday, the military said."
    text = filler + "\n\n" + incident + "\n"
    assert len(text) > 12_000  # more than one chunk
    events = run_extract(text, published=PUBLISHED)
    assert len(events) == 1, events
    evidence = events[0]["mentions"][0]["evidence"]
    assert any(e["text"] == incident for e in evidence)
    for e in evidence:
        assert text[e["start"] : e["end"]] == e["text"]


def test_a_text_read_as_one_heading_still_reports_its_attack(run_extract):
    # a stray token after the last full stop makes the line look like a heading; with no
    # other incident in the text, the heading's incident is the report
    text = "A roadside bomb killed four policemen in Kohat district, officials said. 0"
    events = run_extract(text)
    assert [(e["district"], e["killed"]) for e in events] == [("Kohat", 4)]
