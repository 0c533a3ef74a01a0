"""Checks on the place gazetteer, patterns/gazetteer.jsonl (read with plain json)."""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from pathlib import Path

import pytest

GAZETTEER = Path(__file__).resolve().parents[1] / "patterns" / "gazetteer.jsonl"

KINDS = {"country", "province", "district", "town", "area", "site", "foreign_province", "foreign_town"}
LOCAL_KINDS = {"town", "area", "site"}
FOREIGN_KINDS = {"foreign_province", "foreign_town"}
COUNTRIES = {"Pakistan", "Afghanistan", "Iran", "India"}
PROVINCES = {
    "Khyber Pakhtunkhwa",
    "Balochistan",
    "Punjab",
    "Sindh",
    "Islamabad Capital Territory",
    "Gilgit-Baltistan",
    "Azad Kashmir",
}
REQUIRED_KEYS = {"name", "kind", "country", "province", "district", "lat", "lon", "aliases"}
OPTIONAL_KEYS = {"ambiguous", "ambiguous_aliases", "spans", "note", "namesakes"}

# (lat_min, lat_max, lon_min, lon_max), generous by a few kilometres
COUNTRY_BOX = {
    "Pakistan": (23.5, 37.2, 60.8, 77.9),
    "Afghanistan": (29.3, 38.6, 60.4, 75.0),
    "Iran": (25.0, 40.0, 44.0, 63.4),
    "India": (6.0, 36.0, 68.0, 97.5),
}
PROVINCE_BOX = {
    "Khyber Pakhtunkhwa": (31.0, 36.95, 69.2, 74.2),
    "Balochistan": (24.8, 32.1, 60.8, 70.3),
    "Punjab": (27.7, 34.05, 69.3, 75.4),
    "Sindh": (23.6, 28.6, 66.6, 71.2),
    "Islamabad Capital Territory": (33.45, 33.85, 72.8, 73.4),
    "Gilgit-Baltistan": (34.8, 37.1, 72.4, 77.9),
    "Azad Kashmir": (32.8, 35.2, 73.0, 74.8),
}
#: a town, area or site lies at most this far from the point given for its district, its seat:
#: Taftan, on the Iranian border, is 275 km from Dalbandin, the seat of Chagai (the largest
#: district, 45,000 km2); Ormara lies 234 km along the coast from Gwadar
MAX_KM_FROM_DISTRICT = 290


@pytest.fixture(scope="module")
def records() -> list[dict]:
    with GAZETTEER.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def by_key(records) -> dict[tuple[str, str], dict]:
    return {(r["name"], r["kind"]): r for r in records}


def lookup(records: list[dict], text: str) -> list[dict]:
    """Records whose name or alias is `text` (case-insensitive), as an extractor would find them."""
    text = text.lower()
    return [r for r in records if text in {n.lower() for n in [r["name"], *r["aliases"]]}]


def km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def inside(record: dict, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= record["lat"] <= box[1] and box[2] <= record["lon"] <= box[3]


def test_gazetteer_every_line_is_a_valid_record():
    with GAZETTEER.open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert lines, "empty gazetteer"
    for number, line in enumerate(lines, 1):
        record = json.loads(line)
        assert isinstance(record, dict), number
        assert REQUIRED_KEYS <= set(record) <= REQUIRED_KEYS | OPTIONAL_KEYS, (number, set(record))
        assert isinstance(record["name"], str) and record["name"].strip() == record["name"] != ""
        assert record["kind"] in KINDS, (number, record["kind"])
        assert record["country"] in COUNTRIES, (number, record["country"])
        for field in ("lat", "lon"):
            assert isinstance(record[field], (int, float)) and not isinstance(record[field], bool)
        assert isinstance(record["aliases"], list)
        assert all(isinstance(a, str) and a.strip() == a != "" for a in record["aliases"])
        assert record.get("ambiguous", False) in (True, False)
        assert set(record.get("ambiguous_aliases", [])) <= set(record["aliases"])
        assert isinstance(record.get("note", ""), str)


def test_gazetteer_namesakes_are_other_districts_of_the_province(records):
    # a namesake in another province needs no listing: the province alone tells them apart
    districts = {r["name"]: r["province"] for r in records if r["kind"] == "district"}
    for record in records:
        for district in record.get("namesakes", []):
            assert districts.get(district) == record["province"] and district != record["district"], record["name"]


def test_gazetteer_no_duplicate_name_kind(records):
    counts = Counter((r["name"], r["kind"]) for r in records)
    assert [key for key, n in counts.items() if n > 1] == []


def test_gazetteer_aliases_do_not_collide(records):
    owners = defaultdict(list)
    for index, record in enumerate(records):
        assert record["name"].lower() not in {a.lower() for a in record["aliases"]}, record["name"]
        assert len({a.lower() for a in record["aliases"]}) == len(record["aliases"]), record["name"]
        for alias in record["aliases"]:
            owners[alias.lower()].append(index)
    names = defaultdict(list)
    for index, record in enumerate(records):
        names[record["name"].lower()].append(index)
    collisions = {alias: idx for alias, idx in owners.items() if len(idx) > 1}
    assert collisions == {}
    shadowing = {alias: names[alias] for alias in owners if alias in names}
    assert shadowing == {}, "an alias is also the name of another record"


def test_gazetteer_shared_names_are_deliberate(records):
    """A name shared by two records (other kinds) resolves to one district or carries a note."""
    names = defaultdict(list)
    for record in records:
        names[record["name"].lower()].append(record)
    for name, group in names.items():
        if len(group) < 2:
            continue
        same_place = len({(r["country"], r["province"], r["district"]) for r in group}) == 1
        assert same_place or all(r.get("note") for r in group), name


def test_gazetteer_countries_and_provinces(records):
    countries = {r["name"] for r in records if r["kind"] == "country"}
    assert countries == COUNTRIES
    for record in records:
        if record["kind"] == "country":
            assert record["country"] == record["name"]
            assert record["province"] is None and record["district"] is None
    provinces = [r for r in records if r["kind"] == "province"]
    assert {r["name"] for r in provinces} == PROVINCES and len(provinces) == 7
    for record in provinces:
        assert record["country"] == "Pakistan"
        assert record["province"] == record["name"] and record["district"] is None


def test_gazetteer_pakistan_records_name_a_valid_province(records):
    for record in records:
        if record["country"] != "Pakistan" or record["kind"] == "country":
            continue
        assert record["kind"] not in FOREIGN_KINDS, record["name"]
        if record.get("spans"):
            assert record["district"] is None, record["name"]
            assert record["province"] in PROVINCES | {None}, record["name"]
        else:
            assert record["province"] in PROVINCES, record["name"]


def test_gazetteer_districts(records):
    districts = [r for r in records if r["kind"] == "district"]
    assert len(districts) >= 150
    per_province = Counter(r["province"] for r in districts)
    assert set(per_province) == PROVINCES
    assert per_province["Khyber Pakhtunkhwa"] >= 34
    assert per_province["Balochistan"] >= 35
    assert per_province["Punjab"] >= 40
    assert per_province["Sindh"] >= 24
    assert per_province["Islamabad Capital Territory"] == 1
    for record in districts:
        assert record["country"] == "Pakistan"
        assert record["district"] == record["name"], record["name"]
        assert not record.get("spans")


def test_gazetteer_local_places_belong_to_a_district_of_their_province(records, by_key):
    local = [r for r in records if r["country"] == "Pakistan" and r["kind"] in LOCAL_KINDS]
    assert len(local) >= 250
    for record in local:
        if record.get("spans"):
            continue
        district = by_key.get((record["district"], "district"))
        assert district is not None, (record["name"], record["district"])
        assert district["province"] == record["province"], record["name"]
        distance = km(record, district)
        assert distance <= MAX_KM_FROM_DISTRICT, (record["name"], record["district"], round(distance))


def test_gazetteer_foreign_places(records, by_key):
    afghan = [r for r in records if r["kind"] == "foreign_province" and r["country"] == "Afghanistan"]
    assert len(afghan) == 34
    for record in records:
        if record["country"] == "Pakistan" or record["kind"] == "country":
            continue
        assert record["kind"] in FOREIGN_KINDS, record["name"]
        assert record["province"] is None, record["name"]
        province = by_key.get((record["district"], "foreign_province"))
        assert province is not None, (record["name"], record["district"])
        assert province["country"] == record["country"], record["name"]
        if record["kind"] == "foreign_province":
            assert record["district"] == record["name"]


def test_gazetteer_coordinates_inside_country_and_province(records):
    for record in records:
        if record["kind"] == "country":
            continue
        assert inside(record, COUNTRY_BOX[record["country"]]), (record["name"], record["lat"], record["lon"])
        if record["country"] == "Pakistan" and record["province"]:
            assert inside(record, PROVINCE_BOX[record["province"]]), (record["name"], record["province"])


def test_gazetteer_ambiguous_names_split_like_the_tokenizer(records):
    """Ambiguous names become ORTH token patterns split on spaces: spaCy must split them the same way."""
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    for record in records:
        if not record.get("ambiguous"):
            continue
        for name in [record["name"], *record["aliases"]]:
            assert [t.text for t in nlp.make_doc(name)] == name.split(), name


@pytest.mark.parametrize(
    ("text", "kind", "country", "province", "district"),
    [
        ("Wana", "town", "Pakistan", "Khyber Pakhtunkhwa", "South Waziristan"),
        ("Wanna", "town", "Pakistan", "Khyber Pakhtunkhwa", "South Waziristan"),
        ("Data Khel", "town", "Pakistan", "Khyber Pakhtunkhwa", "North Waziristan"),  # one outlet's spelling
        ("Teerah", "area", "Pakistan", "Khyber Pakhtunkhwa", "Khyber"),  # Tirah as some outlets spell it
        ("Kharkamar", "area", "Pakistan", "Khyber Pakhtunkhwa", "North Waziristan"),
        ("D.I. Khan", "district", "Pakistan", "Khyber Pakhtunkhwa", "Dera Ismail Khan"),
        ("DI Khan", "district", "Pakistan", "Khyber Pakhtunkhwa", "Dera Ismail Khan"),
        ("Bolan", "district", "Pakistan", "Balochistan", "Kachhi"),
        ("Nushki", "district", "Pakistan", "Balochistan", "Nushki"),
        ("Hayatabad", "area", "Pakistan", "Khyber Pakhtunkhwa", "Peshawar"),
        ("Bara", "town", "Pakistan", "Khyber Pakhtunkhwa", "Khyber"),
        ("Khyber Agency", "district", "Pakistan", "Khyber Pakhtunkhwa", "Khyber"),
        ("FR Bannu", "district", "Pakistan", "Khyber Pakhtunkhwa", "Bannu"),
        ("Lower South Waziristan", "district", "Pakistan", "Khyber Pakhtunkhwa", "South Waziristan"),
        ("Miranshah", "town", "Pakistan", "Khyber Pakhtunkhwa", "North Waziristan"),
        ("Parachinar", "town", "Pakistan", "Khyber Pakhtunkhwa", "Kurram"),
        ("Darra Adam Khel", "town", "Pakistan", "Khyber Pakhtunkhwa", "Kohat"),
        ("Akora Khattak", "town", "Pakistan", "Khyber Pakhtunkhwa", "Nowshera"),
        ("Besham", "town", "Pakistan", "Khyber Pakhtunkhwa", "Shangla"),
        ("Martoong", "area", "Pakistan", "Khyber Pakhtunkhwa", "Shangla"),
        ("Dasu", "town", "Pakistan", "Khyber Pakhtunkhwa", "Upper Kohistan"),
        ("Turbat", "town", "Pakistan", "Balochistan", "Kech"),
        ("Mach", "town", "Pakistan", "Balochistan", "Kachhi"),
        ("Mashkaf tunnel", "site", "Pakistan", "Balochistan", "Kachhi"),
        ("Dalbandin", "town", "Pakistan", "Balochistan", "Chagai"),
        ("Nokundi", "town", "Pakistan", "Balochistan", "Chagai"),
        ("Noshehra", "district", "Pakistan", "Khyber Pakhtunkhwa", "Nowshera"),
        ("Pakistan army headquarters", "site", "Pakistan", "Punjab", "Rawalpindi"),
        ("Bettani", "area", "Pakistan", "Khyber Pakhtunkhwa", "Lakki Marwat"),
        ("Mughal Kot", "town", "Pakistan", "Khyber Pakhtunkhwa", "Dera Ismail Khan"),
        ("Sanjawi", "town", "Pakistan", "Balochistan", "Ziarat"),
        ("Esham", "area", "Pakistan", "Khyber Pakhtunkhwa", "North Waziristan"),
        ("Gambila", "town", "Pakistan", "Khyber Pakhtunkhwa", "Lakki Marwat"),
        ("Gandava", "town", "Pakistan", "Balochistan", "Jhal Magsi"),
        ("Chittian Hattian", "area", "Pakistan", "Punjab", "Rawalpindi"),  # not Hattian Bala in Azad Kashmir
        ("Saidgai", "area", "Pakistan", "Khyber Pakhtunkhwa", "North Waziristan"),
        ("Ghoriwala", "area", "Pakistan", "Khyber Pakhtunkhwa", "Bannu"),
        ("Sanni", "town", "Pakistan", "Balochistan", "Kachhi"),
        ("Kan Mehtarzai", "town", "Pakistan", "Balochistan", "Killa Saifullah"),
        ("Gadani", "town", "Pakistan", "Balochistan", "Hub"),
        ("Sharea Faisal", "site", "Pakistan", "Sindh", "Karachi"),
        ("Korangi", "area", "Pakistan", "Sindh", "Karachi"),
        ("G-11", "area", "Pakistan", "Islamabad Capital Territory", "Islamabad"),
        ("KPK", "province", "Pakistan", "Khyber Pakhtunkhwa", None),
        ("NWFP", "province", "Pakistan", "Khyber Pakhtunkhwa", None),
        ("Baluchistan", "province", "Pakistan", "Balochistan", None),
        ("AJK", "province", "Pakistan", "Azad Kashmir", None),
        ("Kabul", "foreign_province", "Afghanistan", None, "Kabul"),
        ("Kabul", "foreign_town", "Afghanistan", None, "Kabul"),
        ("Spin Boldak", "foreign_town", "Afghanistan", None, "Kandahar"),
        ("Barmal", "foreign_town", "Afghanistan", None, "Paktika"),
        ("Zahedan", "foreign_town", "Iran", None, "Sistan and Baluchestan"),
    ],
)
def test_gazetteer_spot_checks(records, text, kind, country, province, district):
    found = [r for r in lookup(records, text) if r["kind"] == kind]
    assert len(found) == 1, (text, kind, [r["name"] for r in found])
    record = found[0]
    assert (record["country"], record["province"], record["district"]) == (country, province, district)


@pytest.mark.parametrize("name", ["Tank", "Hub", "Dir", "Swat"])
def test_gazetteer_english_words_are_marked_ambiguous(records, name):
    found = lookup(records, name)
    assert found and all(r.get("ambiguous") for r in found)


def test_gazetteer_unambiguous_core_names_are_not_flagged(records):
    for name in ("Khyber", "Peshawar", "Quetta", "Karachi", "Bannu", "Kurram"):
        assert not any(r.get("ambiguous") for r in lookup(records, name)), name


# Spot-check of 30 district points against the coordinates of the district's seat given by the
# English Wikipedia article of the seat town (infobox "Coordinates", decimal degrees, read in
# 2026; e.g. https://en.wikipedia.org/wiki/Saidu_Sharif 34.75000 N 72.35722 E,
# https://en.wikipedia.org/wiki/Gwadar 25.12639 N 62.32250 E). A district record's point is its
# seat (geo_precision 2 in ACLED's terms), so it must lie within SEAT_TOLERANCE degrees
# (about 10 km) of the reference. Swat, Gwadar, Kurram and Chagai held points in the middle of
# the district (up to 80 km from the seat) until this check found them.
SEAT_TOLERANCE = 0.1
DISTRICT_SEATS = [
    # (district, seat, latitude, longitude)
    ("Peshawar", "Peshawar", 34.0150, 71.5675),
    ("Quetta", "Quetta", 30.1833, 67.0000),
    ("Lahore", "Lahore", 31.5497, 74.3436),
    ("Islamabad", "Islamabad", 33.6931, 73.0639),
    ("Bannu", "Bannu", 32.9864, 70.6044),
    ("Dera Ismail Khan", "Dera Ismail Khan", 31.8314, 70.9019),
    ("Kohat", "Kohat", 33.5869, 71.4414),
    ("Mardan", "Mardan", 34.2012, 72.0258),
    ("Swat", "Saidu Sharif", 34.7500, 72.3572),
    ("Gwadar", "Gwadar", 25.1264, 62.3225),
    ("Kech", "Turbat", 26.0031, 63.0544),
    ("Khuzdar", "Khuzdar", 27.8000, 66.6167),
    ("Mastung", "Mastung", 29.7997, 66.8450),
    ("Zhob", "Zhob", 31.3417, 69.4486),
    ("Sibi", "Sibi", 29.5430, 67.8773),
    ("Gilgit", "Gilgit", 35.9208, 74.3083),
    ("Muzaffarabad", "Muzaffarabad", 34.3700, 73.4711),
    ("Hyderabad", "Hyderabad", 25.3792, 68.3683),
    ("Sukkur", "Sukkur", 27.7052, 68.8574),
    ("Larkana", "Larkana", 27.5600, 68.2264),
    ("Multan", "Multan", 30.1978, 71.4711),
    ("Faisalabad", "Faisalabad", 31.4180, 73.0790),
    ("Rawalpindi", "Rawalpindi", 33.6000, 73.0333),
    ("Dera Ghazi Khan", "Dera Ghazi Khan", 30.0489, 70.6455),
    ("Bahawalpur", "Bahawalpur", 29.3956, 71.6722),
    ("Abbottabad", "Abbottabad", 34.1463, 73.2117),
    ("Kurram", "Parachinar", 33.8992, 70.1008),
    ("Chagai", "Dalbandin", 28.8833, 64.4167),
    ("Nushki", "Nushki", 29.5522, 66.0228),
    ("Chaman", "Chaman", 30.9210, 66.4597),
]


def test_gazetteer_spot_check_has_thirty_distinct_districts():
    assert len({d for d, *_ in DISTRICT_SEATS}) == len(DISTRICT_SEATS) == 30


@pytest.mark.parametrize(("district", "seat", "lat", "lon"), DISTRICT_SEATS)
def test_gazetteer_district_point_is_its_seat(by_key, district, seat, lat, lon):
    record = by_key[(district, "district")]
    assert abs(record["lat"] - lat) <= SEAT_TOLERANCE, (district, seat, record["lat"], lat)
    assert abs(record["lon"] - lon) <= SEAT_TOLERANCE, (district, seat, record["lon"], lon)


def test_gazetteer_district_seats_inside_their_province(records):
    """Every district seat lies inside its province's bounds (PROVINCE_BOX)."""
    districts = [r for r in records if r["kind"] == "district"]
    outside = [(r["name"], r["province"], r["lat"], r["lon"]) for r in districts if not inside(r, PROVINCE_BOX[r["province"]])]
    assert not outside


def test_the_martoong_spelling_places_an_attack_in_shangla(run_extract):
    """Reports spell the Shangla valley both Martung and Martoong; either is the incident place."""
    events = run_extract(
        "Gunmen shot dead two policemen guarding a polio team in Martoong on Monday, officials said.",
        "2019-04-10",
    )
    assert [(e["district"], e["province"], e["killed"]) for e in events] == [("Shangla", "Khyber Pakhtunkhwa", 2)]


def test_a_name_shared_with_a_place_abroad_means_the_pakistani_one(run_extract):
    """Torkham is a crossing with a town on each side; the gazetteer holds both, and a report
    of an attack "near Torkham" places it on the Pakistani side, in Khyber."""
    events = run_extract(
        "Two customs inspectors were gunned down by men on a motorbike near Torkham on Friday.",
        "2023-03-11",
    )
    assert [(e["country"], e["district"], e["killed"]) for e in events] == [("Pakistan", "Khyber", 2)]
