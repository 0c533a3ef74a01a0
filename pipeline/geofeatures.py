"""Events as a GeoJSON FeatureCollection (RFC 7946), for QGIS, kepler.gl or geopandas.

One Feature per event: a Point at the event's coordinates ([longitude, latitude], WGS 84, as
RFC 7946 orders them), or a null geometry when the gazetteer knows no place of the event (RFC
7946 section 3.2 allows it; QGIS loads such features without a point). The properties are the
event's fields as the JSONL output has them (perpetrators and targets as lists), its
killed_range, the number of reports and their document ids; the mentions themselves (with the
evidence) stay in the JSONL.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import orjson

from .events import FIELD_NAMES, GEO_FIELDS
from .geo import has_coordinates, with_coordinates


def event_feature(event: dict[str, Any]) -> dict[str, Any]:
    event = with_coordinates(event)
    properties: dict[str, Any] = {"event_id": event["event_id"]}
    for name in FIELD_NAMES + GEO_FIELDS:
        properties[name] = event.get(name)
    properties["killed_range"] = event.get("killed_range")
    mentions = event.get("mentions") or []
    properties["n_mentions"] = len(mentions)
    properties["doc_ids"] = sorted({m.get("doc_id") for m in mentions if m.get("doc_id")})
    geometry = (
        {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]}
        if has_coordinates(event)
        else None
    )
    return {"type": "Feature", "id": event["event_id"], "geometry": geometry, "properties": properties}


def feature_collection(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [event_feature(e) for e in events]}


def write_geojson(events: Iterable[dict[str, Any]], path: str | os.PathLike[str]) -> int:
    """Write the events as one FeatureCollection (UTF-8), atomically. Returns the count."""
    from .store import _atomic_write

    collection = feature_collection(events)
    _atomic_write(path, orjson.dumps(collection, option=orjson.OPT_INDENT_2) + b"\n")
    return len(collection["features"])
