"""`incidents export --format acled|geojson`: the ACLED mapping tables (patterns/acled.json), the
ACLED-shaped CSV, the RFC 7946 FeatureCollection, from an events JSONL file and from a store."""

from __future__ import annotations

import json
from itertools import product
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.acled import (
    ACLED_COLUMNS,
    acled_actors,
    acled_date,
    acled_event_type,
    acled_row,
    acled_tables,
    summary_sentence,
)
from pipeline.cli import app
from pipeline.events import vocabulary
from pipeline.geofeatures import feature_collection
from pipeline.store import Store, write_jsonl

ROOT = Path(__file__).resolve().parents[1]
ISSUE_COLUMNS = (
    "event_id_cnty event_date year time_precision event_type sub_event_type actor1 assoc_actor_1 actor2 "
    "civilian_targeting iso country admin1 admin2 location latitude longitude geo_precision source notes fatalities"
).split()
ACLED_EVENT_TYPES = {
    "Explosions/Remote violence": {"Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Air/drone strike",
                                   "Shelling/artillery/missile attack"},
    "Battles": {"Armed clash"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance"},
}


def event(**fields):
    text = fields.pop("text", "A blast tore through a bus stand in Quetta on Friday, killing five people.")
    base = {
        "event_id": "ev-0123456789abcdef", "event_type": "attack", "method": "bombing", "suicide": False,
        "date": "2025-03-07", "country": "Pakistan", "province": "Balochistan", "district": "Quetta",
        "place": None, "perpetrators": [], "targets": ["civilians"], "killed": 5, "injured": 9,
        "perpetrators_killed": None, "qualifier": "exact",
        "mentions": [{"doc_id": "doc-1", "published": "2025-03-08", "evidence": [{"start": 0, "end": len(text), "text": text}]}],
    }
    base.update(fields)
    return base


# ---------------------------------------------------------------- mapping tables


def test_acled_columns_are_the_issue_columns_in_order():
    assert list(ACLED_COLUMNS) == ISSUE_COLUMNS


def test_acled_every_method_and_target_maps_to_a_valid_acled_type():
    tables = acled_tables()
    target_sets = [[], ["civilians"], ["police"], ["military", "civilians"], ["militants"], ["government"]]
    for method, event_type, targets in product(vocabulary("method"), vocabulary("event_type"), target_sets):
        kind, sub = acled_event_type({"method": method, "event_type": event_type, "targets": targets}, tables)
        assert sub in ACLED_EVENT_TYPES[kind], (method, event_type, targets, kind, sub)


@pytest.mark.parametrize(
    ("method", "event_type", "targets", "expected"),
    [
        ("suicide_bombing", "attack", ["police"], ("Explosions/Remote violence", "Suicide bomb")),
        ("bombing", "attack", ["civilians"], ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("grenade", "attack", ["civilians"], ("Explosions/Remote violence", "Grenade")),
        ("airstrike", "strike", ["militants"], ("Explosions/Remote violence", "Air/drone strike")),
        ("shelling", "strike", ["civilians"], ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("armed_clash", "clash", ["military"], ("Battles", "Armed clash")),
        ("unknown", "clash", [], ("Battles", "Armed clash")),
        ("armed_assault", "attack", ["police"], ("Battles", "Armed clash")),
        ("armed_assault", "attack", ["civilians", "transport"], ("Violence against civilians", "Attack")),
        ("targeted_killing", "attack", ["political"], ("Violence against civilians", "Attack")),
        ("kidnapping", "attack", ["health"], ("Violence against civilians", "Abduction/forced disappearance")),
        ("hijacking", "attack", ["transport", "civilians"], ("Violence against civilians", "Abduction/forced disappearance")),
        ("kidnapping", "attack", ["paramilitary"], ("Battles", "Armed clash")),
    ],
)
def test_acled_event_type_mapping(method, event_type, targets, expected):
    assert acled_event_type({"method": method, "event_type": event_type, "targets": targets}) == expected


def test_acled_every_group_code_has_an_actor_name():
    with open(ROOT / "patterns" / "groups.jsonl", encoding="utf-8") as handle:
        codes = {json.loads(line)["id"] for line in handle if line.strip()}
    actors = acled_tables()["actors"]
    assert codes <= set(actors), codes - set(actors)
    assert all(name.strip() for name in actors.values())


def test_acled_every_target_has_an_actor_name():
    mapped = {row["target"] for row in acled_tables()["target_actors"]}
    assert set(vocabulary("target")) <= mapped


def test_acled_tables_reject_an_unknown_rule_key(tmp_path):
    tables = acled_tables()
    broken = dict(tables, event_types=[dict(tables["event_types"][0], weapon=["gun"])])
    (tmp_path / "acled.json").write_text(json.dumps(broken), encoding="utf-8")
    acled_tables.cache_clear()
    try:
        with pytest.raises(ValueError, match="weapon"):
            acled_tables(str(tmp_path))
    finally:
        acled_tables.cache_clear()


# ---------------------------------------------------------------- one row


def test_acled_actors():
    claimed = event(perpetrators=[{"group": "BLA", "attribution": "claimed"}, {"group": "BLF", "attribution": "suspected"}],
                    targets=["paramilitary", "civilians"])
    assert acled_actors(claimed) == ("BLA: Balochistan Liberation Army", "BLF: Balochistan Liberation Front",
                                     "Military Forces of Pakistan")
    assert acled_actors(event()) == ("Unidentified Armed Group (Pakistan)", "", "Civilians (Pakistan)")
    strike = event(event_type="strike", method="airstrike", country="Afghanistan", province=None, district="Khost",
                   perpetrators=[{"group": "Pakistan Armed Forces", "attribution": "attributed"}], targets=["militants"])
    assert acled_actors(strike) == ("Military Forces of Pakistan", "", "Unidentified Armed Group (Afghanistan)")
    # actor2 is never actor1: the army clashing with militants who attacked the army
    clash = event(event_type="clash", method="armed_clash", targets=["military"],
                  perpetrators=[{"group": "Pakistan Armed Forces", "attribution": "claimed"}])
    assert acled_actors(clash)[2] == ""


@pytest.mark.parametrize(
    ("date", "expected"),
    [("2025-03-07", ("2025-03-07", 2025, 1)), ("2025-03", ("2025-03-01", 2025, 3)), ("2024", ("2024-01-01", 2024, 3)),
     (None, ("2025-03-08", 2025, 3))],
)
def test_acled_date_and_time_precision(date, expected):
    assert acled_date(event(date=date)) == expected


def test_acled_row_fields():
    row = acled_row(event(place="the fruit market", perpetrators_killed=2, killed=5))
    assert set(row) == set(ISSUE_COLUMNS)
    assert row["event_id_cnty"] == "PAK0123456789abcdef"
    assert (row["iso"], row["country"], row["admin1"], row["admin2"]) == (586, "Pakistan", "Balochistan", "Quetta")
    assert row["location"] == "the fruit market"
    assert row["fatalities"] == 7  # ACLED counts every death: victims and attackers
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["source"] == "doc-1"
    # the fruit market is not in the gazetteer: the seat of Quetta district
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == (30.18, 67.0, 2)
    foreign = acled_row(event(country="Afghanistan", province=None, district="Kunar", targets=["civilians"]))
    assert (foreign["iso"], foreign["admin1"], foreign["admin2"]) == (4, "Kunar", "")
    battle = acled_row(event(method="armed_assault", targets=["police", "civilians"]))
    assert battle["event_type"] == "Battles" and battle["civilian_targeting"] == ""


def test_acled_notes_is_one_sentence_from_fields_and_evidence():
    note = summary_sentence(event(perpetrators=[{"group": "TTP", "attribution": "claimed"}], place="Sariab Road"))
    assert note.startswith("On 2025-03-07 a bombing in Sariab Road, Quetta, Balochistan, Pakistan")
    assert "targeting civilians" in note and "by TTP (claimed)" in note and "5 killed, 9 injured" in note
    assert '"A blast tore through a bus stand in Quetta on Friday, killing five people." (doc-1)' in note
    assert note.endswith(".") and note.count("; ") == 1
    assert summary_sentence(event(method="armed_assault", date="2025-03")).startswith("In 2025-03 an armed attack")


def test_acled_notes_cut_long_evidence():
    note = summary_sentence(event(text="word " * 200))
    assert len(note) < 500 and "…" in note


# ---------------------------------------------------------------- GeoJSON


def test_geojson_feature_collection_is_valid_rfc7946():
    geojson = pytest.importorskip("geojson")
    events = [event(), event(event_id="ev-00000000000000aa", country=None, province=None, district=None, place=None)]
    collection = feature_collection(events)
    parsed = geojson.loads(json.dumps(collection))
    assert parsed.is_valid, parsed.errors()
    located, unlocated = collection["features"]
    lon, lat = located["geometry"]["coordinates"]  # RFC 7946: longitude first
    assert (lat, lon) == (30.18, 67.0)
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert unlocated["geometry"] is None  # RFC 7946 3.2: a feature without a location
    properties = located["properties"]
    assert properties["event_id"] == "ev-0123456789abcdef" and properties["killed"] == 5
    assert properties["targets"] == ["civilians"] and properties["doc_ids"] == ["doc-1"]
    assert properties["geo_precision"] == 2
    assert "mentions" not in properties


# ---------------------------------------------------------------- the command


@pytest.fixture
def events_file(tmp_path):
    path = tmp_path / "events.jsonl"
    write_jsonl([
        event(),
        event(event_id="ev-00000000000000bb", method="suicide_bombing", suicide=True, district="Bannu",
              province="Khyber Pakhtunkhwa", place="Bannu Cantonment", targets=["military"], killed=12,
              perpetrators=[{"group": "HGB", "attribution": "claimed"}], date="2025-03-04"),
    ], path)
    return path


def test_export_acled_from_an_events_file_loads_with_pandas(events_file, tmp_path):
    out = tmp_path / "acled.csv"
    result = CliRunner().invoke(app, ["export", str(events_file), "--format", "acled", "-o", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert list(frame.columns) == ISSUE_COLUMNS
    assert len(frame) == 2
    bannu = frame[frame["admin2"] == "Bannu"].iloc[0]
    assert bannu["sub_event_type"] == "Suicide bomb" and bannu["actor1"] == "Hafiz Gul Bahadur Group"
    assert bannu["fatalities"] == 12


def test_export_geojson_from_an_events_file_by_extension(events_file, tmp_path):
    geojson = pytest.importorskip("geojson")
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(app, ["export", str(events_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    parsed = geojson.loads(out.read_text(encoding="utf-8"))
    assert parsed.is_valid and len(parsed["features"]) == 2


def test_export_acled_from_a_store(tmp_path):
    store_path = tmp_path / "events.db"
    text = "A grenade was thrown at a shop in Turbat, injuring four people."
    with Store(store_path) as store:
        store.add_document("doc-9", "doc-9.txt", "hash-9", "2025-08-15", [{
            "event_type": "attack", "method": "grenade", "suicide": False, "date": "2025-08-14",
            "country": "Pakistan", "province": "Balochistan", "district": "Kech", "place": "Turbat",
            "perpetrators": [], "targets": ["civilians"], "killed": None, "injured": 4,
            "perpetrators_killed": None, "qualifier": None,
            "evidence": [{"start": 0, "end": len(text), "text": text}],
        }])
    out = tmp_path / "acled.csv"
    result = CliRunner().invoke(app, ["export", "--store", str(store_path), "--format", "acled", "-o", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    row = frame.iloc[0]
    assert (row["sub_event_type"], row["location"], row["geo_precision"], row["fatalities"]) == ("Grenade", "Turbat", 1, 0)
    # the same store given as the EVENTS argument
    again = tmp_path / "again.csv"
    assert CliRunner().invoke(app, ["export", str(store_path), "--format", "acled", "-o", str(again)]).exit_code == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_export_fails_clearly(tmp_path):
    missing = CliRunner().invoke(app, ["export", str(tmp_path / "none.jsonl"), "--format", "acled", "-o", str(tmp_path / "x.csv")])
    assert missing.exit_code == 2 and "none.jsonl" in missing.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event_id": "ev-1"}\nnot json\n', encoding="utf-8")
    broken = CliRunner().invoke(app, ["export", str(bad), "--format", "geojson", "-o", str(tmp_path / "x.geojson")])
    assert broken.exit_code == 2 and "bad.jsonl:2" in broken.output
    unknown = CliRunner().invoke(app, ["export", str(bad), "--format", "kml"])
    assert unknown.exit_code == 2


def test_acled_mapping_documented_in_docs():
    """docs/acled.md shows the mapping tables: every actor name and sub-event type in the data."""
    with open(ROOT / "docs" / "acled.md", encoding="utf-8") as handle:
        doc = handle.read()
    tables = acled_tables()
    for code, name in tables["actors"].items():
        assert f"| `{code}` | {name} |" in doc, code
    for rule in tables["event_types"]:
        assert f"| {rule['event_type']} | {rule['sub_event_type']} |" in doc, rule
