"""Coordinates of events and mentions, from the gazetteer (patterns/gazetteer.jsonl).

The extractor writes `latitude`, `longitude` and `geo_precision` on every mention from the
gazetteer record of the place it chose (`pipeline.assembly`), and the merge gives an event the
point of its most precise mention. `locate` finds the point again from the names alone
(`place`, `district`, `province`, `country`), for events written before coordinates existed or
edited by hand; the exports use it to fill what is missing.

`geo_precision` follows ACLED: 1 the town or site itself, 2 a part of a district (the point of
the area, or the district seat), 3 a province or wider (see `pipeline.gazetteer.GEO_PRECISION`).
"""

from __future__ import annotations

from typing import Any

from .events import GEO_FIELDS
from .gazetteer import Place, load_gazetteer, name_index

_NONE = {"latitude": None, "longitude": None, "geo_precision": None}


def _same(value: str | None, wanted: str | None) -> bool:
    return wanted is None or value is None or value == wanted


def _inside(place: Place, record: dict[str, Any]) -> bool:
    """Whether the gazetteer place agrees with the record's country / province / district."""
    return (
        _same(place.country, record.get("country"))
        and _same(place.province, record.get("province"))
        and _same(place.district, record.get("district"))
    )


def locate(record: dict[str, Any], patterns_dir: str | None = None) -> dict[str, Any]:
    """`{latitude, longitude, geo_precision}` of the most precise place the gazetteer knows
    among the record's `place`, `district`, `province` and `country` (all None when none)."""
    index = name_index(patterns_dir)
    places = load_gazetteer(patterns_dir)
    text = (record.get("place") or "").strip().lower()
    if text:
        found = [p for p in index.get(text, ()) if _inside(p, record) and p.lat is not None]
        if found:
            return max(found, key=lambda p: (p.specificity, -p.geo_precision)).coordinates()
    district, country = record.get("district"), record.get("country")
    if district:
        for kind in ("district", "foreign_province"):
            place = places.get(f"{district}#{kind}")
            if place is not None and _same(place.country, country) and place.lat is not None:
                return place.coordinates()
    province = record.get("province")
    if province and f"{province}#province" in places:
        return places[f"{province}#province"].coordinates()
    if country and f"{country}#country" in places:
        return places[f"{country}#country"].coordinates()
    return dict(_NONE)


def has_coordinates(record: dict[str, Any]) -> bool:
    return record.get("latitude") is not None and record.get("longitude") is not None


def with_coordinates(event: dict[str, Any], patterns_dir: str | None = None) -> dict[str, Any]:
    """The event (a copy) with its coordinates filled from the gazetteer when it has none."""
    if has_coordinates(event):
        return event
    return {**event, **locate(event, patterns_dir)}


def merged_coordinates(mentions: list[dict[str, Any]], place: str | None, district: str | None) -> dict[str, Any]:
    """The point of a merged event: of the mention that gave the event its place when it has
    one, else the most precise point among the mentions in the event's district (or any)."""
    located = [m for m in mentions if has_coordinates(m)]
    if not located:
        return dict(_NONE)
    pool = (
        [m for m in located if place and m.get("place") == place]
        or [m for m in located if district and m.get("district") == district]
        or located
    )
    best = min(pool, key=lambda m: (m.get("geo_precision") or 3, -_recency_key(m)))
    return {name: best.get(name) for name in GEO_FIELDS}


def _recency_key(mention: dict[str, Any]) -> int:
    published = mention.get("published") or ""
    digits = "".join(ch for ch in published if ch.isdigit())
    return int(digits.ljust(8, "0")) if digits else 0
