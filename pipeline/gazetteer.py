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

#: ACLED's geo_precision of a point taken from a place of this kind: 1 the town or site itself,
#: 2 a part of a district (its point, or the district seat's), 3 a province or wider. A place
#: that spans several districts (a highway, "Waziristan") is 3 whatever its kind.
GEO_PRECISION = {
    "site": 1,
    "town": 1,
    "foreign_town": 1,
    "area": 2,
    "district": 2,
    "foreign_province": 2,
    "province": 3,
    "country": 3,
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
    spans: bool = False
    #: short forms (lower case) that are also the tail of other names: "Darra" for Darra Adam
    #: Khel, but "Shinkay Darra" is a village elsewhere
    short_aliases: frozenset[str] = frozenset()
    #: the name is also an ordinary word ("Tank", "Dir", "Swat"): it matches only as written, or
    #: in capitals, which only a dateline may use ("TANK:"; not "a SWAT team")
    ambiguous: bool = False
    #: districts that hold another place of this name ("Hassan Khel": North Waziristan's, beside
    #: Peshawar's): where the text puts the name in one of them, it means that place
    namesakes: frozenset[str] = frozenset()

    @property
    def specificity(self) -> int:
        return SPECIFICITY.get(self.kind, 3)

    @property
    def geo_precision(self) -> int:
        return 3 if self.spans else GEO_PRECISION.get(self.kind, 3)

    def coordinates(self) -> dict[str, float | int | None]:
        """`latitude`, `longitude` and `geo_precision` of a point at this place (plain data)."""
        if self.lat is None or self.lon is None:
            return {"latitude": None, "longitude": None, "geo_precision": None}
        return {"latitude": self.lat, "longitude": self.lon, "geo_precision": self.geo_precision}


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
            spans=bool(record.get("spans")),
            short_aliases=frozenset(alias.lower() for alias in record.get("ambiguous_aliases", ())),
            ambiguous=bool(record.get("ambiguous")),
            namesakes=frozenset(record.get("namesakes", ())),
        )
    return places


@lru_cache(maxsize=4)
def name_index(patterns_dir: str | None = None) -> dict[str, tuple[Place, ...]]:
    """Every name and alias (lower-cased) -> the places it may mean."""
    folder = Path(patterns_dir) if patterns_dir else data_path("patterns")
    places = load_gazetteer(patterns_dir)
    index: dict[str, list[Place]] = {}
    for record in srsly.read_jsonl(folder / "gazetteer.jsonl"):
        place = places[place_key(record)]
        for name in {record["name"], *record.get("aliases", [])}:
            index.setdefault(name.lower(), []).append(place)
    return {name: tuple(found) for name, found in index.items()}


def _written_as_code(name: str) -> bool:
    """A sector or road code ("F-6", "G9", "N-25") or an acronym ("KP", "GB", "PoK"): in lower
    case these are other things ("f6" is a key, "gb" a gigabyte), so they match only as written."""
    return any(c.isdigit() for c in name) or (len(name) <= 4 and sum(c.isupper() for c in name) >= 2)


def place_patterns(patterns_dir: str | None = None) -> list[dict]:
    """Span-ruler patterns for every name and alias. Names that are ordinary English words
    ("Tank", "Hub", "Dir") only match with their capital letter, as token patterns, or in
    capitals as datelines write them ("KHAR:"); codes and acronyms match as written, split into
    tokens the way the English tokenizer splits them."""
    folder = Path(patterns_dir) if patterns_dir else data_path("patterns")
    tokenizer = _english_tokenizer()
    records = list(srsly.read_jsonl(folder / "gazetteer.jsonl"))
    # A name shared by a place in Pakistan and one abroad ("Torkham", both sides of the
    # crossing) means the Pakistani place in these reports; the ruler keeps one id per span,
    # and which of two equal patterns it keeps is not something to leave to chance.
    domestic = {
        name.lower()
        for record in records if record.get("country") == "Pakistan"
        for name in [record["name"], *record.get("aliases", [])]
    }
    patterns = []
    for record in records:
        key = place_key(record)
        for name in [record["name"], *record.get("aliases", [])]:
            if record.get("country") != "Pakistan" and name.lower() in domestic:
                continue
            if record.get("ambiguous") or _written_as_code(name):
                forms = {name, name.upper()} if record.get("ambiguous") and not _written_as_code(name) else {name}
                for form in sorted(forms):
                    words = [token.text for token in tokenizer(form)]
                    patterns.append(
                        {"label": "PLACE", "pattern": [{"ORTH": w} for w in words], "id": key}
                    )
            else:
                patterns.append({"label": "PLACE", "pattern": name, "id": key})
    return patterns


@lru_cache(maxsize=1)
def _english_tokenizer():
    import spacy

    return spacy.blank("en").tokenizer
