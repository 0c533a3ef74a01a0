"""Events in ACLED's shape: one CSV row per event with ACLED's column names.

The mapping tables (method / event_type / targets -> ACLED event type and sub-event type, group
codes -> actor names, countries -> ISO codes) are data: patterns/acled.json, documented in
docs/acled.md. Readings where ACLED and this project differ:

- `event_type` / `sub_event_type`: the first rule of `event_types` whose conditions all hold
  (`method` in its list, `project_event_type` in its list, one of `targets_any` among the
  targets); a rule without a condition on something matches anything there.
- `actor1`: the first perpetrator (the strongest attribution first, as the merge orders them);
  `assoc_actor_1`: the others, "; "-joined; no perpetrator: "Unidentified Armed Group (country)".
  `actor2`: the first target in the order of `target_actors` whose actor is not `actor1`.
- `event_date`: the event's date; a month or a year is coded at its first day with
  `time_precision` 3; an undated event takes its earliest report's publication date, also 3.
- `fatalities`: ACLED counts every death, so `killed` + `perpetrators_killed` (0 when neither
  is known).
- `admin1` / `admin2`: province and district in Pakistan; outside it the foreign province (the
  project's `district`) is `admin1`.
- `event_id_cnty`: the country's ISO alpha-3 code and the hex digits of the project's event_id.
- `notes`: one sentence built from the fields, ending with the first evidence sentence quoted.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import srsly

from .geo import with_coordinates
from .resources import data_path

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "civilian_targeting",
    "iso",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)

_RULE_KEYS = {"why", "method", "project_event_type", "targets_any", "event_type", "sub_event_type"}
_NOTE_EVIDENCE_CHARS = 240


@lru_cache(maxsize=4)
def acled_tables(patterns_dir: str | None = None) -> dict[str, Any]:
    """patterns/acled.json, checked: every rule names an event type and a sub-event type and
    only known conditions."""
    folder = Path(patterns_dir) if patterns_dir else data_path("patterns")
    tables = srsly.read_json(folder / "acled.json")
    for n, rule in enumerate(tables["event_types"]):
        unknown = set(rule) - _RULE_KEYS
        if unknown or not rule.get("event_type") or not rule.get("sub_event_type"):
            raise ValueError(f"acled.json event_types[{n}]: unknown keys {sorted(unknown)} or no (sub_)event_type")
    return tables


def _matches(rule: dict[str, Any], event: dict[str, Any]) -> bool:
    if "method" in rule and event.get("method") not in rule["method"]:
        return False
    if "project_event_type" in rule and event.get("event_type") not in rule["project_event_type"]:
        return False
    if "targets_any" in rule and not set(event.get("targets") or []) & set(rule["targets_any"]):
        return False
    return True


def acled_event_type(event: dict[str, Any], tables: dict[str, Any] | None = None) -> tuple[str, str]:
    """(event_type, sub_event_type) of ACLED for an event of this project."""
    tables = tables or acled_tables()
    for rule in tables["event_types"]:
        if _matches(rule, event):
            return rule["event_type"], rule["sub_event_type"]
    raise ValueError(f"no ACLED event type for method {event.get('method')!r}: add a rule to acled.json")


def _country(event: dict[str, Any]) -> str:
    return event.get("country") or "Pakistan"


def acled_actors(event: dict[str, Any], tables: dict[str, Any] | None = None) -> tuple[str, str, str]:
    """(actor1, assoc_actor_1, actor2) of an event."""
    tables = tables or acled_tables()
    country = _country(event)
    names = []
    for perpetrator in event.get("perpetrators") or []:
        group = perpetrator.get("group")
        name = tables["actors"].get(group, group)
        if name and name not in names:
            names.append(name)
    actor1 = names[0] if names else tables["unidentified_actor"].format(country=country)
    targets = set(event.get("targets") or [])
    actor2 = ""
    for row in tables["target_actors"]:
        name = row["actor"].format(country=country)
        if row["target"] in targets and name != actor1:
            actor2 = name
            break
    return actor1, "; ".join(names[1:]), actor2


def acled_date(event: dict[str, Any], tables: dict[str, Any] | None = None) -> tuple[str, int | str, int | str]:
    """(event_date, year, time_precision)."""
    precision = (tables or acled_tables())["time_precision"]
    date = event.get("date")
    if date:
        kind = {10: "day", 7: "month", 4: "year"}.get(len(date), "year")
        full = (date + "-01-01")[:10] if kind != "day" else date
        return full, int(date[:4]), precision[kind]
    published = sorted(m["published"] for m in event.get("mentions") or [] if m.get("published"))
    if published:
        return published[0], int(published[0][:4]), precision["publication"]
    return "", "", ""


def _evidence_quote(event: dict[str, Any]) -> str:
    for mention in event.get("mentions") or []:
        for evidence in mention.get("evidence") or []:
            text = evidence.get("text") if isinstance(evidence, dict) else str(evidence)
            text = " ".join((text or "").split())
            if text:
                if len(text) > _NOTE_EVIDENCE_CHARS:
                    text = text[: _NOTE_EVIDENCE_CHARS - 1].rstrip() + "…"
                return f'"{text}" ({mention.get("doc_id")})'
    return ""


def _count(value: int | None, one: str, many: str) -> str:
    return f"{value} {one if value == 1 else many}"


def summary_sentence(event: dict[str, Any], tables: dict[str, Any] | None = None) -> str:
    """One sentence: when, what, where, against whom, by whom, how many, and the evidence."""
    tables = tables or acled_tables()
    what = tables["method_phrases"].get(event.get("method") or "unknown", "attack")
    where = ", ".join(
        dict.fromkeys(v for v in (event.get("place"), event.get("district"), event.get("province"), event.get("country")) if v)
    )
    date = event.get("date")
    when = (f"On {date}" if len(date) == 10 else f"In {date}") if date else "On an unreported date"
    parts = [when, ("an " if what[0] in "aeiou" else "a ") + what]
    if where:
        parts.append(f"in {where}")
    if event.get("targets"):
        parts.append("targeting " + ", ".join(event["targets"]))
    perpetrators = event.get("perpetrators") or []
    if perpetrators:
        by = [f"{p['group']} ({p.get('attribution') or 'suspected'})" for p in perpetrators]
        parts.append("by " + ", ".join(by))
    counts = []
    if event.get("killed") is not None:
        counts.append(_count(event["killed"], "killed", "killed"))
    if event.get("injured") is not None:
        counts.append(_count(event["injured"], "injured", "injured"))
    if event.get("perpetrators_killed") is not None:
        counts.append(_count(event["perpetrators_killed"], "attacker killed", "attackers killed"))
    sentence = " ".join(parts)
    if counts:
        sentence += " left " + ", ".join(counts)
    quote = _evidence_quote(event)
    if quote:
        sentence += "; reported as " + quote
    return sentence + "."


def acled_row(event: dict[str, Any], tables: dict[str, Any] | None = None) -> dict[str, Any]:
    """One ACLED row (`ACLED_COLUMNS`) of an event dict."""
    tables = tables or acled_tables()
    event = with_coordinates(event)
    country = event.get("country")
    codes = tables["countries"].get(country or "", {})
    event_type, sub_event_type = acled_event_type(event, tables)
    actor1, assoc, actor2 = acled_actors(event, tables)
    event_date, year, time_precision = acled_date(event, tables)
    civilian = tables["civilian_targeting"]
    civilian_targeting = (
        civilian["value"]
        if event_type != "Battles" and set(event.get("targets") or []) & set(civilian["targets_any"])
        else ""
    )
    if country == "Pakistan" or country is None:
        admin1, admin2 = event.get("province") or "", event.get("district") or ""
    else:
        admin1, admin2 = event.get("district") or "", ""
    mentions = event.get("mentions") or []
    killed = (event.get("killed") or 0) + (event.get("perpetrators_killed") or 0)
    return {
        "event_id_cnty": f"{codes.get('iso3', 'XXX')}{event['event_id'].removeprefix('ev-')}",
        "event_date": event_date,
        "year": year,
        "time_precision": time_precision,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc,
        "actor2": actor2,
        "civilian_targeting": civilian_targeting,
        "iso": codes.get("iso", ""),
        "country": country or "",
        "admin1": admin1,
        "admin2": admin2,
        "location": event.get("place") or event.get("district") or event.get("province") or country or "",
        "latitude": event.get("latitude"),
        "longitude": event.get("longitude"),
        "geo_precision": event.get("geo_precision"),
        "source": "; ".join(dict.fromkeys(m.get("doc_id") or "" for m in mentions if m.get("doc_id"))),
        "notes": summary_sentence(event, tables),
        "fatalities": killed,
    }


def acled_rows(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    tables = acled_tables()
    return [acled_row(event, tables) for event in events]


def write_acled(events: Iterable[dict[str, Any]], path: str | os.PathLike[str]) -> int:
    """Write one ACLED row per event (columns `ACLED_COLUMNS`), UTF-8 CSV, atomically."""
    from .store import write_rows_csv

    return write_rows_csv(acled_rows(events), ACLED_COLUMNS, path)
