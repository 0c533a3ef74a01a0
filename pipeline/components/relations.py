"""The trained relation stage (accurate modes): which count, date, place and group belong to
which incident.

The rule stages find the arguments (casualty statements, resolved dates, located places, named
groups) and group sentences into incidents (`doc._.incidents_frames`). This stage pairs every
incident with every argument told in or next to its sentences, scores each pair with a trained
model (`relation_model`), and rewrites the incident's arguments from the scores:

- a count goes to the incident that scores it highest, as killed, injured or attackers killed
  (its best label), or to none when no label reaches the threshold;
- dates and groups are kept when their label reaches the threshold;
- places likewise, except that an incident whose places are all rejected keeps the rules' own
  (an incident without a place cannot be matched to anything; a wrong district is no worse);
- an argument that was not paired with an incident (told too far from it) stays as the rules
  attached it.

The model starts from the rules' decision for each pair (see `relation_model`) and learns
corrections to it, so an untrained or unsure model leaves the rule output as it was.

Everything downstream (document assembly, merging) is the same as in the rule pipeline.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from math import log1p

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example, validate_get_examples
from spacy.vocab import Vocab
from thinc.api import Model, Optimizer
from thinc.types import Floats2d

from . import relation_model  # noqa: F401  (registers incidents.RelationModel.v1)

#: One sigmoid output per label. A count may be any of the first three; the others are yes/no.
LABELS = ("killed", "injured", "perpetrators_killed", "date", "place", "perpetrator")
COUNT_LABELS = LABELS[:3]
KIND_LABEL = {"date": "date", "place": "place", "group": "perpetrator"}
KINDS = ("count", "date", "place", "group")
VICTIMS = {"security", "civilian", "people"}
ATTACKERS = {"attacker", "hostile"}


# -- candidate pairs ------------------------------------------------------------------------
def _arguments(doc: Doc, sentence_of: Callable[[int], int]) -> list[dict]:
    """Every argument of the text: kind, identity key, token span, sentence and rule reading."""
    found = []
    for statement in doc._.incidents_casualties or []:
        span = doc.char_span(statement["start"], statement["end"], alignment_mode="expand")
        if span is None:
            continue
        found.append({"kind": "count", "key": ["count", statement["start"]], "span": (span.start, span.end), "sent": statement["sent"], "value": statement})
    for value in doc._.incidents_dates or []:
        span = doc.char_span(value["start"], value["end"], alignment_mode="expand")
        if span is None or not value.get("value"):
            continue
        found.append({"kind": "date", "key": ["date", value["start"]], "span": (span.start, span.end), "sent": sentence_of(span.start), "value": value})
    seen: set[tuple] = set()
    for kind, items in (("place", doc._.incidents_places or []), ("group", doc._.incidents_groups or [])):
        for item in items:
            start = doc[item["token"]].idx
            span = doc.char_span(start, start + len(item["text"]), alignment_mode="expand")
            # a group named twice in one sentence is one argument (the key of its first naming)
            key = ["place", item["token"]] if kind == "place" else ["group", item["code"], item["sent"]]
            if span is None or tuple(key) in seen:
                continue
            seen.add(tuple(key))
            found.append({"kind": kind, "key": key, "span": (span.start, span.end), "sent": item["sent"], "value": item})
    return found


def arguments_by_kind(doc: Doc) -> dict[str, dict]:
    """The arguments of a doc by kind, each by the identity its candidate key ends with."""
    return {
        "count": {s["start"]: s for s in doc._.incidents_casualties or []},
        "date": {d["start"]: d for d in doc._.incidents_dates or []},
        "place": {p["token"]: p for p in doc._.incidents_places or []},
        "group": {(g["code"], g["sent"]): g for g in doc._.incidents_groups or []},
    }


def _rule_keys(incident: dict) -> set[tuple]:
    """Identity keys of the arguments the rules attached to an incident."""
    keys = {("count", s["start"]) for s in incident["casualties"]}
    keys |= {("date", d["start"]) for d in incident["dates"]}
    keys |= {("place", p["token"]) for p in incident["places"] if "token" in p}
    keys |= {("group", g["code"], g["sent"]) for g in incident["groups"]}
    return keys


def _anchor(incident: dict, doc: Doc) -> int:
    """The token that stands for the incident: its first specific trigger, else any trigger,
    else its first count, else the start of its first sentence."""
    triggers = sorted(incident["triggers"], key=lambda t: (t["strength"] != "SPECIFIC", t["token"]))
    if triggers:
        return triggers[0]["token"]
    if incident["casualties"]:
        return min(s["token"] for s in incident["casualties"])
    first = min(incident["sentences"])
    return list(doc.sents)[first].start


def _features(kind: str, argument: dict, anchor: int, anchor_sent: int, incident_sents: set[int], owned: bool, owned_elsewhere: bool) -> list[float]:
    arg_start = argument["span"][0]
    distance = min((abs(argument["sent"] - s) for s in incident_sents), default=3)
    value = argument["value"]
    features = [float(kind == k) for k in KINDS]
    features += [
        float(owned),
        float(owned_elsewhere),
        float(argument["sent"] == anchor_sent),
        float(argument["sent"] in incident_sents),
        min(distance, 3) / 3,
        float(arg_start < anchor),
        min(abs(arg_start - anchor), 60) / 60,
    ]
    if kind == "count":
        features += [
            float(value["outcome"] == "killed"),
            float(value["outcome"] == "injured"),
            float(value["category"] in ATTACKERS),
            float(bool(value["update"] or value["increment"])),
            float(bool(value["subset"])),
            log1p(value["count"]) / 6,
        ]
    else:
        features += [0.0] * 6
    features += [
        float(kind == "date" and value.get("precision") == "day"),
        float(kind == "place" and bool(value.get("district"))),
        float(kind == "group" and value.get("attribution") == "claimed"),
    ]
    return features


def _rule_decision(argument: dict, owned: bool) -> list[float]:
    """The rules' own answer for a pair, one value per label: the prior the model corrects."""
    row = dict.fromkeys(LABELS, 0.0)
    if owned:
        if argument["kind"] == "count":
            statement = argument["value"]
            if statement["outcome"] == "injured":
                row["injured"] = 1.0
            elif statement["category"] in ATTACKERS:
                row["perpetrators_killed"] = 1.0
            else:
                row["killed"] = 1.0
        else:
            row[KIND_LABEL[argument["kind"]]] = 1.0
    return [row[label] for label in LABELS]


def relation_candidates(doc: Doc, window: int = 1, max_per_incident: int = 60) -> list[dict]:
    """One candidate per (incident, argument) pair where the argument is told in one of the
    incident's sentences or within `window` sentences of one."""
    frames = doc._.incidents_frames or []
    if not frames:
        return []
    sent_starts = [sent.start for sent in doc.sents]

    def sentence_of(token: int) -> int:
        return bisect_right(sent_starts, token) - 1

    arguments = _arguments(doc, sentence_of)
    owners: dict[tuple, set[int]] = {}
    for number, incident in enumerate(frames):
        for key in _rule_keys(incident):
            owners.setdefault(key, set()).add(number)
    candidates = []
    for number, incident in enumerate(frames):
        if not incident["sentences"]:
            continue
        anchor = _anchor(incident, doc)
        anchor_sent = sentence_of(anchor)
        own = set(incident["sentences"])
        near = {s + d for s in own for d in range(-window, window + 1)}
        chosen = [a for a in arguments if a["sent"] in near]
        chosen.sort(key=lambda a: (a["sent"] not in own, abs(a["span"][0] - anchor)))
        for argument in chosen[:max_per_incident]:
            key = tuple(argument["key"])
            owned_by = owners.get(key, set())
            candidates.append(
                {
                    "incident": number,
                    "kind": argument["kind"],
                    "key": argument["key"],
                    "anchor": [anchor, anchor + 1],
                    "arg": list(argument["span"]),
                    "features": _features(argument["kind"], argument, anchor, anchor_sent, own, number in owned_by, bool(owned_by - {number})),
                    "rule": _rule_decision(argument, number in owned_by),
                }
            )
    return candidates


# -- rewriting the incidents from the scores ------------------------------------------------
def _relabel(statement: dict, label: str) -> dict:
    if label == "killed":
        category = statement["category"] if statement["category"] in VICTIMS else "people"
        return dict(statement, outcome="killed", category=category)
    if label == "perpetrators_killed":
        category = statement["category"] if statement["category"] in ATTACKERS else "attacker"
        return dict(statement, outcome="killed", category=category)
    category = statement["category"] if statement["category"] in VICTIMS else "people"
    return dict(statement, outcome="injured", category=category)


def apply_relation_scores(doc: Doc, candidates: list[dict], scores: Floats2d, threshold: float) -> None:
    """Rewrite the arguments of `doc._.incidents_frames` from the pair scores. Arguments that
    were not scored with an incident (outside its window) stay as the rules attached them."""
    frames = doc._.incidents_frames or []
    if not frames or not candidates:
        return
    known = arguments_by_kind(doc)
    column = {label: i for i, label in enumerate(LABELS)}
    count_columns = [column[label] for label in COUNT_LABELS]
    scored: dict[int, set[tuple]] = {n: set() for n in range(len(frames))}
    accepted: dict[int, dict[str, list]] = {n: {kind: [] for kind in KINDS} for n in range(len(frames))}
    # a count belongs to one incident at most: the one that scores it highest
    best_count: dict[tuple, tuple[float, int, str]] = {}
    for candidate, row in zip(candidates, scores):
        key, number, kind = tuple(candidate["key"]), candidate["incident"], candidate["kind"]
        scored[number].add(key)
        if kind == "count":
            label_index = int(numpy.argmax([row[c] for c in count_columns]))
            probability = float(row[count_columns[label_index]])
            if probability >= threshold and probability > best_count.get(key, (-1.0, -1, ""))[0]:
                best_count[key] = (probability, number, COUNT_LABELS[label_index])
        else:
            probability = float(row[column[KIND_LABEL[kind]]])
            if probability >= threshold:
                accepted[number][kind].append((probability, key))
    for key, (probability, number, label) in best_count.items():
        accepted[number]["count"].append((probability, key, label))

    for number, incident in enumerate(frames):
        done = scored[number]
        chosen = accepted[number]
        incident["casualties"] = sorted(
            [s for s in incident["casualties"] if ("count", s["start"]) not in done]
            + [_relabel(known["count"][key[1]], label) for _, key, label in chosen["count"]],
            key=lambda s: s["start"],
        )
        incident["dates"] = sorted(
            [d for d in incident["dates"] if ("date", d["start"]) not in done]
            + [known["date"][key[1]] for _, key in chosen["date"]],
            key=lambda d: d["start"],
        )
        # groups keep the rules' order (it is the order perpetrators are written in)
        taken = {key for _, key in chosen["group"]}
        kept = [g for g in incident["groups"] if ("group", g["code"], g["sent"]) not in done or ("group", g["code"], g["sent"]) in taken]
        had = {("group", g["code"], g["sent"]) for g in kept}
        incident["groups"] = kept + [
            {"code": key[1], "sent": key[2], "attribution": known["group"][key[1:]]["attribution"]}
            for _, key in sorted(chosen["group"], key=lambda item: item[1][2])
            if key not in had
        ]
        places = [p for p in incident["places"] if ("place", p.get("token")) not in done] + [
            {k: v for k, v in known["place"][key[1]].items() if k != "sent"} for _, key in chosen["place"]
        ]
        if places:  # an incident whose places are all rejected keeps the rules' own
            incident["places"] = sorted(places, key=lambda p: p["token"])
            districts = [p["district"] for p in incident["places"] if p["district"]]
            if incident["district"] not in districts:
                ranked = sorted(chosen["place"], reverse=True)
                best = next((known["place"][key[1]]["district"] for _, key in ranked if known["place"][key[1]]["district"]), None)
                incident["district"] = best or (districts[0] if districts else None)
    doc._.incidents_frames = frames


# -- the pipe ---------------------------------------------------------------------------------
class RelationScorer(TrainablePipe):
    """Scores (incident, argument) pairs and rewrites the incidents' arguments from the scores."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "incidents_relations", *, threshold: float = 0.5, window: int = 1):
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg = {"labels": list(LABELS), "threshold": threshold, "window": window}

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.cfg["labels"])

    def _ensure_candidates(self, docs: Iterable[Doc]) -> None:
        for doc in docs:
            if doc._.incidents_relation_candidates is None:
                doc._.incidents_relation_candidates = relation_candidates(doc, self.cfg["window"])

    def predict(self, docs: Iterable[Doc]) -> Floats2d:
        docs = list(docs)
        self._ensure_candidates(docs)
        if not any(doc._.incidents_relation_candidates for doc in docs):
            return self.model.ops.alloc2f(0, len(self.labels))
        return self.model.predict(docs)

    def set_annotations(self, docs: Iterable[Doc], scores: Floats2d) -> None:
        offset = 0
        for doc in docs:
            candidates = doc._.incidents_relation_candidates or []
            apply_relation_scores(doc, candidates, scores[offset : offset + len(candidates)], self.cfg["threshold"])
            offset += len(candidates)

    # -- training --------------------------------------------------------------------------
    def _gold(self, examples: Iterable[Example]) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Gold label rows of every candidate, and a mask that is 0 where the incident has no gold."""
        rows, mask = [], []
        for example in examples:
            candidates = example.predicted._.incidents_relation_candidates or []
            gold = example.reference._.incidents_relation_gold or [None] * len(candidates)
            if len(gold) != len(candidates):
                raise ValueError("gold relation labels are not aligned with the candidates of the training doc")
            for labels in gold:
                rows.append(labels if labels is not None else [0.0] * len(self.labels))
                mask.append(labels is not None)
        return numpy.asarray(rows, dtype="f").reshape(-1, len(self.labels)), numpy.asarray(mask, dtype="f")

    def get_loss(self, examples: Iterable[Example], scores: Floats2d) -> tuple[float, Floats2d]:
        truths, mask = self._gold(examples)
        truths = self.model.ops.asarray2f(truths)
        weights = self.model.ops.asarray(mask)[:, None]
        # binary cross-entropy; its gradient with respect to the logits is (p - y)
        clipped = self.model.ops.xp.clip(scores, 1e-7, 1 - 1e-7)
        loss = -(truths * self.model.ops.xp.log(clipped) + (1 - truths) * self.model.ops.xp.log(1 - clipped)) * weights
        return float(loss.sum()), (scores - truths) * weights

    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd: Optimizer | None = None, losses: dict | None = None) -> dict:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        validate_get_examples(lambda: examples, "RelationScorer.update")
        docs = [eg.predicted for eg in examples]
        self._ensure_candidates(docs)
        if not any(doc._.incidents_relation_candidates for doc in docs):
            return losses
        scores, backprop = self.model.begin_update(docs)
        loss, gradient = self.get_loss(examples, scores)
        backprop(gradient)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None) -> None:
        validate_get_examples(get_examples, "RelationScorer.initialize")
        sample = [eg for eg in get_examples() if eg.predicted._.incidents_relation_candidates][:20]
        if not sample:
            raise ValueError("no training doc has candidate pairs: nothing to initialize the relation stage from")
        docs = [eg.predicted for eg in sample]
        truths, _ = self._gold(sample)
        self.model.initialize(X=docs, Y=self.model.ops.asarray2f(truths))

    def score(self, examples: Iterable[Example], **kwargs) -> dict[str, float]:
        """Micro precision, recall and F1 of the thresholded labels over pairs with gold."""
        examples = list(examples)
        truths, mask = self._gold(examples)
        docs = [eg.predicted for eg in examples]
        scores = self.model.ops.to_numpy(self.predict(docs)) if len(truths) else numpy.zeros_like(truths)
        predicted = (scores >= self.cfg["threshold"]) & (mask[:, None] > 0)
        gold = (truths > 0.5) & (mask[:, None] > 0)
        tp = float((predicted & gold).sum())
        precision = tp / predicted.sum() if predicted.sum() else 0.0
        recall = tp / gold.sum() if gold.sum() else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"rel_micro_p": precision, "rel_micro_r": recall, "rel_micro_f": f1}


@Language.factory(
    "incidents_relations",
    assigns=["doc._.incidents_frames", "doc._.incidents_relation_candidates"],
    requires=["doc._.incidents_frames", "doc._.incidents_places", "doc._.incidents_groups"],
    default_config={"threshold": 0.5, "window": 1},
    default_score_weights={"rel_micro_f": 1.0, "rel_micro_p": 0.0, "rel_micro_r": 0.0},
)
def make_relation_scorer(nlp: Language, name: str, model: Model, threshold: float, window: int) -> RelationScorer:
    return RelationScorer(nlp.vocab, model, name, threshold=threshold, window=window)
