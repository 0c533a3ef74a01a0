"""The place gazetteer (patterns/gazetteer.jsonl): names and aliases mapped to canonical
country / province / district, and the PLACE patterns the entity ruler is built from."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import srsly

from .resources import data_path

#: How specific a kind of place is; the event keeps the most specific place it is given.
SPECIFICITY = {
    "country": 0,
    "province": 1,
    "foreign_province": 2,
    "district": 2,
    "area": 3,
    "town": 3,
    "foreign_town": 3,
    "site": 4,
}


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    kind: str
    country: str | None
    province: str | None
    district: str | None
    lat: float | None
    lon: float | None

    @property
    def specificity(self) -> int:
        return SPECIFICITY.get(self.kind, 3)


def place_key(record: dict) -> str:
    return f"{record['name']}#{record['kind']}"


@lru_cache(maxsize=4)
def load_gazetteer(patterns_dir: str | None = None) -> dict[str, Place]:
    folder = Path(patterns_dir) if patterns_dir else data_path("patterns")
    places = {}
    for record in srsly.read_jsonl(folder / "gazetteer.jsonl"):
        key = place_key(record)
        places[key] = Place(
            key=key,
            name=record["name"],
            kind=record["kind"],
            country=record.get("country"),
            province=record.get("province"),
            district=record.get("district"),
            lat=record.get("lat"),
            lon=record.get("lon"),
        )
    return places


def place_patterns(patterns_dir: str | None = None) -> list[dict]:
    """Span-ruler patterns for every name and alias. Names that are ordinary English words
    ("Tank", "Hub", "Dir") only match with their capital letter, as token patterns."""
    folder = Path(patterns_dir) if patterns_dir else data_path("patterns")
    patterns = []
    for record in srsly.read_jsonl(folder / "gazetteer.jsonl"):
        key = place_key(record)
        for name in [record["name"], *record.get("aliases", [])]:
            if record.get("ambiguous"):
                words = name.split()
                patterns.append(
                    {"label": "PLACE", "pattern": [{"ORTH": w} for w in words], "id": key}
                )
            else:
                patterns.append({"label": "PLACE", "pattern": name, "id": key})
    return patterns
