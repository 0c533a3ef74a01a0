"""Scores of EVENTS.md section 5: events, fields, slots and the cross-document merge.

Readings where section 5 is silent (also in docs/annotation.md):

- A mention's own `required` wins over its event's; missing means required.
- Every predicted mention counts, including those of documents that have no gold events (they
  are false alarms). A prediction matched to an optional (background) gold mention counts neither
  as a hit nor as a false alarm, and its slots are left out of slot precision.
- Field accuracy and the method confusion matrix use matched pairs whose gold mention is required.
  An empty list counts as null; a gold value that is stated but a predicted one that is null is
  wrong.
- Merge pairs are counted over every gold mention (required or not) that was matched to a
  prediction: two such mentions are gold-same when they belong to one gold event (`id`) and
  pred-same when their predictions belong to one predicted event (`event_id`, else the input
  line). Precision = both / pred-same, recall = both / gold-same.
- A ratio whose denominator is 0 is None (undefined), not 0 or 1; F1 is None unless both
  precision and recall are defined (and 0 when both are 0).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from .loading import SCORED_FIELDS, EventsInput, ScoredMention, load_mentions
from .matching import Match, field_agrees, match_document


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True)
class PRF:
    """Precision over `predicted`, recall over `gold`, `correct` hits on each side."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float | None:
        return _ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.correct, self.gold)

    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(frozen=True)
class FieldScore:
    correct: int
    n: int

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.n)

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": self.accuracy, "correct": self.correct, "n": self.n}


@dataclass
class DocumentScore:
    doc_id: str
    required_gold: int
    optional_gold: int
    predictions: int
    matched: int
    matched_optional: int

    @property
    def events(self) -> PRF:
        return PRF(self.matched, self.predictions - self.matched_optional, self.required_gold)

    def to_dict(self) -> dict[str, Any]:
        events = self.events
        return {
            "doc_id": self.doc_id,
            "required_gold": self.required_gold,
            "optional_gold": self.optional_gold,
            "predictions": self.predictions,
            "matched": self.matched,
            "matched_optional": self.matched_optional,
            "misses": self.required_gold - self.matched,
            "false_alarms": self.predictions - self.matched - self.matched_optional,
            "precision": events.precision,
            "recall": events.recall,
            "f1": events.f1,
        }


@dataclass
class EvaluationResult:
    """Everything `evaluate` measures. `to_dict()` is the `--json` output."""

    events: PRF
    fields: dict[str, FieldScore]
    slots: PRF
    merge: PRF
    documents: list[DocumentScore]
    matches: list[Match]
    misses: list[ScoredMention]
    false_alarms: list[ScoredMention]
    method_confusion: dict[str, dict[str, int]]
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        merge = self.merge
        return {
            "counts": dict(self.counts),
            "events": {
                "precision": self.events.precision,
                "recall": self.events.recall,
                "f1": self.events.f1,
                "matched": self.events.correct,
                "predictions_counted": self.events.predicted,
                "required_gold": self.events.gold,
                "matched_optional": self.counts.get("matched_optional", 0),
            },
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
            "slots": self.slots.to_dict(),
            "merge": {
                "precision": merge.precision,
                "recall": merge.recall,
                "f1": merge.f1,
                "pairs_both": merge.correct,
                "pairs_pred_same": merge.predicted,
                "pairs_gold_same": merge.gold,
                "mentions": self.counts.get("merge_mentions", 0),
            },
            "documents": [doc.to_dict() for doc in self.documents],
            "method_confusion": {g: dict(row) for g, row in self.method_confusion.items()},
            "matches": [
                {
                    "doc_id": m.gold.doc_id,
                    "gold_event": m.gold.event_key,
                    "pred_event": m.pred.event_key,
                    "required": m.gold.required,
                    "weight": m.weight,
                }
                for m in self.matches
            ],
            "misses": [m.summary() for m in self.misses],
            "false_alarms": [m.summary() for m in self.false_alarms],
        }

    def errors(self) -> list[dict[str, Any]]:
        """Every error of the evaluation, one dict each, for error analysis: `miss` (a required
        gold mention nothing matched), `false_alarm` (a prediction matched to no gold), and
        `field` (a matched pair whose field disagrees where gold states a value), with both
        sides' values and evidence."""
        def value(mention: ScoredMention, name: str) -> Any:
            found = getattr(mention, name)
            return sorted(found) if isinstance(found, frozenset) else found

        rows: list[dict[str, Any]] = []
        for miss in self.misses:
            rows.append({"kind": "miss", "doc_id": miss.doc_id, "gold_event": miss.event_key, "gold": miss.summary()})
        for alarm in self.false_alarms:
            rows.append({"kind": "false_alarm", "doc_id": alarm.doc_id, "pred_event": alarm.event_key, "pred": alarm.summary()})
        for match in self.matches:
            if not match.gold.required:
                continue
            for name in SCORED_FIELDS:
                if getattr(match.gold, name) is not None and not field_agrees(name, match.gold, match.pred):
                    rows.append({
                        "kind": "field", "field": name, "doc_id": match.gold.doc_id,
                        "gold_event": match.gold.event_key, "pred_event": match.pred.event_key,
                        "gold_value": value(match.gold, name), "pred_value": value(match.pred, name),
                        "gold_evidence": list(match.gold.evidence), "pred_evidence": list(match.pred.evidence),
                    })
        return rows

    def _repr_html_(self) -> str:  # shown by notebooks
        from .report_html import render_fragment

        return render_fragment(self)


def _slots(mention: ScoredMention) -> int:
    return sum(getattr(mention, name) is not None for name in SCORED_FIELDS)


def _pairs(sizes: Counter) -> int:
    return sum(k * (k - 1) // 2 for k in sizes.values())


def _by_killed(mention: ScoredMention) -> tuple:
    return (mention.killed is None, -(mention.killed or 0), mention.doc_id, mention.index)


def evaluate(gold: EventsInput, pred: EventsInput) -> EvaluationResult:
    """Score predicted events against gold events (paths to JSONL files, or lists of dicts)."""
    gold_mentions, gold_events = load_mentions(gold, "gold")
    pred_mentions, pred_events = load_mentions(pred, "pred")

    gold_by_doc: dict[str, list[ScoredMention]] = defaultdict(list)
    pred_by_doc: dict[str, list[ScoredMention]] = defaultdict(list)
    for mention in gold_mentions:
        gold_by_doc[mention.doc_id].append(mention)
    for mention in pred_mentions:
        pred_by_doc[mention.doc_id].append(mention)

    matches: list[Match] = []
    documents: list[DocumentScore] = []
    for doc_id in sorted(set(gold_by_doc) | set(pred_by_doc)):
        doc_gold, doc_pred = gold_by_doc.get(doc_id, []), pred_by_doc.get(doc_id, [])
        doc_matches = match_document(doc_gold, doc_pred)
        matches.extend(doc_matches)
        documents.append(
            DocumentScore(
                doc_id=doc_id,
                required_gold=sum(g.required for g in doc_gold),
                optional_gold=sum(not g.required for g in doc_gold),
                predictions=len(doc_pred),
                matched=sum(m.gold.required for m in doc_matches),
                matched_optional=sum(not m.gold.required for m in doc_matches),
            )
        )

    required_matches = [m for m in matches if m.gold.required]
    matched_gold = {m.gold.index for m in matches}
    matched_pred = {m.pred.index for m in matches}
    optional_pred = {m.pred.index for m in matches if not m.gold.required}
    required_gold = [g for g in gold_mentions if g.required]

    events = PRF(len(required_matches), len(pred_mentions) - len(optional_pred), len(required_gold))

    fields = {}
    for name in SCORED_FIELDS:
        scored = [m for m in required_matches if getattr(m.gold, name) is not None]
        fields[name] = FieldScore(sum(field_agrees(name, m.gold, m.pred) for m in scored), len(scored))

    slots = PRF(
        correct=sum(field_agrees(name, m.gold, m.pred) for m in required_matches for name in SCORED_FIELDS),
        predicted=sum(_slots(p) for p in pred_mentions if p.index not in optional_pred),
        gold=sum(_slots(g) for g in required_gold),
    )

    gold_same = Counter(m.gold.event_key for m in matches)
    pred_same = Counter(m.pred.event_key for m in matches)
    both = Counter((m.gold.event_key, m.pred.event_key) for m in matches)
    merge = PRF(_pairs(both), _pairs(pred_same), _pairs(gold_same))

    confusion: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for m in required_matches:
        confusion[m.gold.method or "(none)"][m.pred.method or "(none)"] += 1

    misses = sorted((g for g in required_gold if g.index not in matched_gold), key=_by_killed)
    false_alarms = sorted((p for p in pred_mentions if p.index not in matched_pred), key=_by_killed)

    counts = {
        "documents": len(documents),
        "gold_events": gold_events,
        "gold_mentions": len(gold_mentions),
        "required_gold_mentions": len(required_gold),
        "predicted_events": pred_events,
        "predicted_mentions": len(pred_mentions),
        "matched_optional": len(optional_pred),
        "merge_mentions": len(matches),
    }
    return EvaluationResult(
        events=events,
        fields=fields,
        slots=slots,
        merge=merge,
        documents=documents,
        matches=matches,
        misses=misses,
        false_alarms=false_alarms,
        method_confusion={g: dict(row) for g, row in confusion.items()},
        counts=counts,
    )
