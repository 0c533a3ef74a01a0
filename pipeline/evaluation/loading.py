"""Read gold and predicted events and flatten them into scorable mentions.

Both sides are events with `mentions` (EVENTS.md sections 3 and 4). The scorer works on mentions,
so every mention becomes a `ScoredMention` that remembers which event (and which input line) it came
from. Gold evidence is a list of quote strings or of `[start, end]` offsets; predicted evidence is a
list of `{start, end, text}` objects; all are accepted on either side.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

#: What `evaluate` accepts for each side: a JSONL path, or events as dicts (or objects with `to_dict`).
EventsInput = Union[str, Path, Iterable[Any]]

#: The eight scored fields of EVENTS.md section 5, in report order.
SCORED_FIELDS = ("date", "province", "district", "method", "perpetrators", "targets", "killed", "injured")


class EvaluationInputError(ValueError):
    """A gold or prediction input that cannot be read: missing file, bad JSON, missing mentions."""


@dataclass(frozen=True)
class ScoredMention:
    """One mention, normalised for scoring. Empty lists are stored as None (EVENTS.md: null)."""

    side: str  # "gold" | "pred"
    index: int  # position among all mentions of its side (stable order for tie-breaking)
    doc_id: str
    event_key: str  # gold `id` / predicted `event_id`, or "line N" when the event has none
    line: int  # 1-based line (or list position) of the event
    required: bool
    date: str | None = None
    country: str | None = None
    province: str | None = None
    district: str | None = None
    place: str | None = None
    method: str | None = None
    event_type: str | None = None
    suicide: bool | None = None
    perpetrators: frozenset[str] | None = None
    targets: frozenset[str] | None = None
    killed: int | None = None
    injured: int | None = None
    perpetrators_killed: int | None = None
    qualifier: str | None = None
    evidence: tuple[str, ...] = field(default=())

    def summary(self) -> dict[str, Any]:
        """Plain-data view used in reports (misses, false alarms)."""
        return {
            "doc_id": self.doc_id,
            "event": self.event_key,
            "line": self.line,
            "date": self.date,
            "province": self.province,
            "district": self.district,
            "place": self.place,
            "method": self.method,
            "perpetrators": sorted(self.perpetrators) if self.perpetrators else [],
            "targets": sorted(self.targets) if self.targets else [],
            "killed": self.killed,
            "injured": self.injured,
            "evidence": list(self.evidence),
        }


def _read_jsonl(path: Path, side: str) -> list[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise EvaluationInputError(f"{side} file not found: {path}")
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                raise EvaluationInputError(
                    f"{path}:{number}: not valid JSON ({error.msg} at column {error.colno})"
                ) from None
            rows.append((number, data))
    return rows


def _rows(source: EventsInput, side: str) -> tuple[str, list[tuple[int, Any]]]:
    if isinstance(source, (str, Path)):
        path = Path(source)
        return str(path), _read_jsonl(path, side)
    rows = []
    for number, item in enumerate(source, start=1):
        if hasattr(item, "to_dict"):
            item = item.to_dict()
        rows.append((number, item))
    return f"{side} events", rows


def _group_set(value: Any) -> frozenset[str] | None:
    codes = set()
    for item in value or []:
        code = item.get("group") if isinstance(item, dict) else item
        if code:
            codes.add(str(code))
    return frozenset(codes) or None


def _int_or_none(value: Any, where: str, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise EvaluationInputError(f"{where}: `{name}` must be an integer or null, got {value!r}")
    return int(value)


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _evidence_texts(value: Any) -> tuple[str, ...]:
    """Evidence as text for reports. Offsets without their text (`[start, end]`, the gold form for
    third-party articles, whose texts are not stored beside the gold) are shown as offsets."""
    texts = []
    for item in value or []:
        if isinstance(item, dict):
            text = item.get("text") or (f"[{item['start']}, {item['end']}]" if "start" in item else None)
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            text = f"[{item[0]}, {item[1]}]"
        else:
            text = item
        if text:
            texts.append(str(text))
    return tuple(texts)


def load_mentions(source: EventsInput, side: str) -> tuple[list[ScoredMention], int]:
    """Flatten `source` (gold or pred events) into mentions; also return the number of events.

    A mention's own `required` wins over its event's; the default is True. Predicted mentions are
    always required (the flag only means something in gold).
    """
    name, rows = _rows(source, side)
    mentions: list[ScoredMention] = []
    for number, event in rows:
        where = f"{name}:{number}"
        if not isinstance(event, dict):
            raise EvaluationInputError(f"{where}: expected a JSON object (one event per line)")
        raw_mentions = event.get("mentions")
        if not isinstance(raw_mentions, list) or not raw_mentions:
            raise EvaluationInputError(f"{where}: event has no `mentions` list")
        key_names = ("id", "event_id") if side == "gold" else ("event_id", "id")
        key = next((str(event[k]) for k in key_names if event.get(k) is not None), f"line {number}")
        event_required = event.get("required", True)
        for raw in raw_mentions:
            if not isinstance(raw, dict) or not raw.get("doc_id"):
                raise EvaluationInputError(f"{where}: every mention needs a `doc_id`")
            required = raw.get("required", event_required)
            mentions.append(
                ScoredMention(
                    side=side,
                    index=len(mentions),
                    doc_id=str(raw["doc_id"]),
                    event_key=key,
                    line=number,
                    required=True if side == "pred" else bool(required is None or required),
                    date=_text_or_none(raw.get("date")),
                    country=_text_or_none(raw.get("country")),
                    province=_text_or_none(raw.get("province")),
                    district=_text_or_none(raw.get("district")),
                    place=_text_or_none(raw.get("place")),
                    method=_text_or_none(raw.get("method")),
                    event_type=_text_or_none(raw.get("event_type")),
                    suicide=raw.get("suicide"),
                    perpetrators=_group_set(raw.get("perpetrators")),
                    targets=frozenset(map(str, raw.get("targets") or [])) or None,
                    killed=_int_or_none(raw.get("killed"), where, "killed"),
                    injured=_int_or_none(raw.get("injured"), where, "injured"),
                    perpetrators_killed=_int_or_none(
                        raw.get("perpetrators_killed"), where, "perpetrators_killed"
                    ),
                    qualifier=_text_or_none(raw.get("qualifier")),
                    evidence=_evidence_texts(raw.get("evidence")),
                )
            )
    return mentions, len(rows)
