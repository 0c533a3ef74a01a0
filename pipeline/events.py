"""The event record of EVENTS.md as typed Python objects.

`Mention` is what one document says about one incident; `Event` is one incident with all the
mentions behind it. Both convert to and from the plain dicts written as JSONL, so the rest of the
project can work on dicts (the store, the scorer) or on objects (the notebook API) alike.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from typing import Any

from .resources import data_path

#: Fields a mention and an event share, in output order.
FIELD_NAMES = (
    "event_type",
    "method",
    "suicide",
    "date",
    "country",
    "province",
    "district",
    "place",
    "perpetrators",
    "targets",
    "killed",
    "injured",
    "perpetrators_killed",
    "qualifier",
)

#: Target kinds whose sites' people are the target itself (EVENTS.md: worshippers are
#: `religious`): an attack there that kills "people" names no civilians of its own, though
#: another report of it may call the same victims civilians.
WORSHIP_KINDS = frozenset({"religious"})
#: Group codes of states' forces: actors of strikes and clashes, never of militant attacks.
STATE_FORCES = frozenset({"Pakistan Armed Forces", "Afghan Taliban", "ANSF", "US Armed Forces", "Indian Armed Forces", "Iranian Armed Forces"})

#: Where the event happened, from the gazetteer (`pipeline.geo`): a point and ACLED's
#: geo_precision (1 the town or site, 2 part of a district or its seat, 3 province or wider).
GEO_FIELDS = ("latitude", "longitude", "geo_precision")


@lru_cache(maxsize=1)
def event_schema() -> dict[str, Any]:
    """The JSON Schema of one output line (schema/event.schema.json)."""
    with open(data_path("schema") / "event.schema.json", encoding="utf-8") as handle:
        return json.load(handle)


def vocabulary(name: str) -> tuple[str, ...]:
    """Allowed values of a closed field (`method`, `target`, `event_type`, `attribution`)."""
    return tuple(value for value in event_schema()["$defs"][name]["enum"] if value is not None)


@dataclass(frozen=True)
class Perpetrator:
    group: str
    attribution: str  # claimed | attributed | suspected


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    doc_id: str
    published: str | None
    event_type: str = "attack"
    method: str = "unknown"
    suicide: bool | None = None
    date: str | None = None
    country: str | None = None
    province: str | None = None
    district: str | None = None
    place: str | None = None
    perpetrators: list[Perpetrator] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    perpetrators_killed: int | None = None
    qualifier: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    evidence: list[Evidence] = field(default_factory=list)
    date_year_inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if not self.date_year_inferred:
            del data["date_year_inferred"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["perpetrators"] = [Perpetrator(**p) for p in data.get("perpetrators") or []]
        values["evidence"] = [
            Evidence(**e) if isinstance(e, dict) else Evidence(-1, -1, str(e))
            for e in data.get("evidence") or []
        ]
        values["targets"] = list(data.get("targets") or [])
        return cls(**values)


@dataclass
class Event:
    event_id: str
    event_type: str
    method: str
    suicide: bool | None
    date: str | None
    country: str | None
    province: str | None
    district: str | None
    place: str | None
    perpetrators: list[Perpetrator]
    targets: list[str]
    killed: int | None
    injured: int | None
    perpetrators_killed: int | None
    qualifier: str | None
    mentions: list[Mention]
    killed_range: dict[str, int | None] | None = None
    merge: dict[str, Any] | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {"event_id": self.event_id}
        for name in FIELD_NAMES:
            value = getattr(self, name)
            if name == "perpetrators":
                value = [asdict(p) for p in value]
            data[name] = value
        for name in GEO_FIELDS:
            data[name] = getattr(self, name)
        if self.killed_range is not None:
            data["killed_range"] = self.killed_range
        if self.merge is not None:
            data["merge"] = self.merge
        data["mentions"] = [m.to_dict() for m in self.mentions]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        values = {name: data.get(name) for name in FIELD_NAMES}
        values["perpetrators"] = [Perpetrator(**p) for p in data.get("perpetrators") or []]
        values["targets"] = list(data.get("targets") or [])
        return cls(
            event_id=data["event_id"],
            mentions=[Mention.from_dict(m) for m in data.get("mentions") or []],
            killed_range=data.get("killed_range"),
            merge=data.get("merge"),
            **{name: data.get(name) for name in GEO_FIELDS},
            **values,
        )
