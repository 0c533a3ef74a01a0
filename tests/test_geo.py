"""Coordinates on mentions and events (pipeline.geo, the gazetteer's points, ACLED's geo_precision)."""

from __future__ import annotations

import json

import pytest

from pipeline.gazetteer import load_gazetteer
from pipeline.geo import locate, merged_coordinates, with_coordinates
from pipeline.merge import merge_mentions


def _point(name: str, kind: str) -> tuple[float, float]:
    place = load_gazetteer()[f"{name}#{kind}"]
    return place.lat, place.lon


@pytest.mark.parametrize(
    ("record", "point", "precision"),
    [
        # a town of the gazetteer: its own point, precision 1
        ({"country": "Pakistan", "province": "Khyber Pakhtunkhwa", "district": "South Waziristan", "place": "Wana"},
         ("Wana", "town"), 1),
        # an alias of a town
        ({"country": "Pakistan", "district": "South Waziristan", "place": "Wanna"}, ("Wana", "town"), 1),
        # a place the gazetteer does not know: the district seat, precision 2
        ({"country": "Pakistan", "province": "Balochistan", "district": "Kech", "place": "a date farm"},
         ("Kech", "district"), 2),
        # an area (a tehsil, a valley): precision 2
        ({"country": "Pakistan", "district": "Khyber", "place": "Tirah"}, ("Tirah", "area"), 2),
        # a place named in another district is not taken for this one
        ({"country": "Pakistan", "district": "Quetta", "place": "Wana"}, ("Quetta", "district"), 2),
        # only the province: precision 3
        ({"country": "Pakistan", "province": "Sindh", "district": None, "place": None}, ("Sindh", "province"), 3),
        # outside Pakistan the district holds the foreign province
        ({"country": "Afghanistan", "province": None, "district": "Paktika", "place": "Barmal"}, ("Barmal", "foreign_town"), 1),
        ({"country": "Afghanistan", "province": None, "district": "Kunar", "place": None}, ("Kunar", "foreign_province"), 2),
        ({"country": "Afghanistan"}, ("Afghanistan", "country"), 3),
    ],
)
def test_geo_locate_takes_the_most_precise_known_place(record, point, precision):
    found = locate(record)
    assert (found["latitude"], found["longitude"]) == _point(*point)
    assert found["geo_precision"] == precision


def test_geo_locate_without_any_place_gives_no_point():
    assert locate({"country": None, "province": None, "district": None, "place": None}) == {
        "latitude": None, "longitude": None, "geo_precision": None}


def test_geo_place_spanning_districts_is_precision_three():
    found = locate({"country": "Pakistan", "province": None, "district": None, "place": "Makran Coastal Highway"})
    assert found["geo_precision"] == 3


def test_geo_with_coordinates_keeps_a_point_it_has():
    event = {"district": "Quetta", "country": "Pakistan", "latitude": 30.0, "longitude": 67.5, "geo_precision": 1}
    assert with_coordinates(event) is event
    filled = with_coordinates({"district": "Quetta", "country": "Pakistan", "place": None})
    assert (filled["latitude"], filled["longitude"]) == _point("Quetta", "district")


def _mention(doc, published, place, district, lat, lon, precision, killed=4):
    text = f"A bomb went off in {place or district}, killing {killed} people, officials said."
    return {
        "doc_id": doc, "published": published, "event_type": "attack", "method": "bombing", "suicide": False,
        "date": "2025-05-02", "country": "Pakistan", "province": "Khyber Pakhtunkhwa", "district": district,
        "place": place, "perpetrators": [], "targets": ["civilians"], "killed": killed, "injured": None,
        "perpetrators_killed": None, "qualifier": "exact", "latitude": lat, "longitude": lon,
        "geo_precision": precision, "evidence": [{"start": 0, "end": len(text), "text": text}],
    }


def test_geo_merged_event_takes_the_point_of_the_mention_that_gave_its_place():
    town = _mention("a", "2025-05-02", "Miranshah", "North Waziristan", 33.0, 70.07, 1)
    seat = _mention("b", "2025-05-03", None, "North Waziristan", 32.95, 70.05, 2)
    events = merge_mentions([town, seat])
    assert len(events) == 1
    event = events[0]
    assert event["place"] == "Miranshah"
    assert (event["latitude"], event["longitude"], event["geo_precision"]) == (33.0, 70.07, 1)


def test_geo_merged_coordinates_prefer_precision_then_recency():
    old = _mention("a", "2025-05-02", None, "Bannu", 32.99, 70.6, 2)
    vague = _mention("b", "2025-05-04", None, None, 34.2, 72.0, 3)
    assert merged_coordinates([vague, old], None, "Bannu")["geo_precision"] == 2
    assert merged_coordinates([], None, "Bannu") == {"latitude": None, "longitude": None, "geo_precision": None}


def test_geo_extracted_mentions_and_events_carry_the_gazetteer_point(run_extract, event_validator):
    text = (
        "Militants stormed a police station in Wana, the main town of South Waziristan, on Monday, "
        "killing three policemen, officials said.\n"
        "In a separate incident a roadside bomb hit a Frontier Corps vehicle in Kech district, killing two soldiers."
    )
    events = run_extract(text, published="2025-06-03")
    by_district = {e["district"]: e for e in events}
    wana, kech = by_district["South Waziristan"], by_district["Kech"]
    assert (wana["latitude"], wana["longitude"], wana["geo_precision"]) == (*_point("Wana", "town"), 1)
    assert (kech["latitude"], kech["longitude"], kech["geo_precision"]) == (*_point("Kech", "district"), 2)
    for event in events:
        event_validator.validate(json.loads(json.dumps(event)))
        for mention in event["mentions"]:
            assert (mention["latitude"], mention["longitude"]) == (event["latitude"], event["longitude"])


def test_geo_schema_rejects_a_point_off_the_globe(event_validator, run_extract):
    event = run_extract("A grenade attack on a shop in Quetta injured four people on Sunday.", published="2025-06-02")[0]
    event_validator.validate(event)
    broken = dict(event, latitude=95.0)
    assert not event_validator.is_valid(broken)
    broken = dict(event, geo_precision=4)
    assert not event_validator.is_valid(broken)
