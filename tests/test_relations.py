"""The trained relation stage (accurate modes): candidate pairs, the rules' prior, how scores
rewrite an incident, gold labels for training, and a short training run. Texts and gold are
written for the tests; nothing here needs torch except the transformer test, which skips."""

from __future__ import annotations

import importlib.util

import numpy
import pytest

from pipeline.components.relations import LABELS, apply_relation_scores, relation_candidates

TWO_ATTACKS = (
    "PESHAWAR: Gunmen attacked a police checkpoint in Bannu district on Tuesday night, killing "
    "four policemen and injuring two others, officials said.\n\n"
    "The attack came a week after a roadside bomb killed nine soldiers in North Waziristan.\n\n"
    "Tehreek-e-Taliban Pakistan later claimed the checkpoint attack."
)
PUBLISHED = "2025-03-12"

TINY_TOK2VEC = {
    "@architectures": "spacy.HashEmbedCNN.v2",
    "width": 16, "depth": 1, "embed_size": 500, "window_size": 1,
    "maxout_pieces": 2, "subword_features": False, "pretrained_vectors": None,
}


def _rule_doc(nlp, text=TWO_ATTACKS, published=PUBLISHED):
    doc = nlp.make_doc(text)
    doc._.incidents_published = published
    return nlp(doc)


def _label(row, name):
    return row[LABELS.index(name)]


def _bannu(doc):
    (number,) = [i for i, f in enumerate(doc._.incidents_frames) if f["district"] == "Bannu"]
    return number


@pytest.mark.slow
def test_candidates_pair_each_incident_with_the_arguments_around_it(nlp):
    doc = _rule_doc(nlp)
    candidates = relation_candidates(doc)
    bannu = _bannu(doc)
    own = [c for c in candidates if c["incident"] == bannu]
    texts = {doc[c["arg"][0] : c["arg"][1]].text: c for c in own}
    # the checkpoint attack's own figures, and the background attack's toll one sentence later
    assert "four policemen" in texts and "nine soldiers" in texts
    assert _label(texts["four policemen"]["rule"], "killed") == 1.0
    assert _label(texts["two others"]["rule"], "injured") == 1.0
    assert not any(texts["nine soldiers"]["rule"]), "the rules gave the background toll to the other incident"
    assert texts["nine soldiers"]["features"][5] == 1.0  # attached to another incident
    assert all(len(c["features"]) == len(candidates[0]["features"]) for c in candidates)


@pytest.mark.slow
def test_scores_rewrite_the_incident_and_the_rules_decision_changes_nothing(nlp):
    doc = _rule_doc(nlp)
    candidates = relation_candidates(doc)
    before = [dict(f) for f in doc._.incidents_frames]
    rules = numpy.asarray([c["rule"] for c in candidates], dtype="f")
    apply_relation_scores(doc, candidates, rules * 0.76 + 0.12, threshold=0.5)
    after = doc._.incidents_frames
    assert [f["casualties"] for f in after] == [f["casualties"] for f in before]
    assert [f["district"] for f in after] == [f["district"] for f in before]

    doc = _rule_doc(nlp)
    bannu = _bannu(doc)
    scores = rules * 0.76 + 0.12
    for row, candidate in zip(scores, candidates):
        text = doc[candidate["arg"][0] : candidate["arg"][1]].text
        if candidate["incident"] == bannu and text == "two others":
            row[:] = 0.05  # the model rejects the injured figure
        if candidate["incident"] == bannu and candidate["kind"] == "place":
            row[:] = 0.05  # and every place: the incident keeps the rules' own
    apply_relation_scores(doc, candidates, scores, threshold=0.5)
    incident = doc._.incidents_frames[bannu]
    assert [s["count"] for s in incident["casualties"] if s["outcome"] == "injured"] == []
    assert [s["count"] for s in incident["casualties"] if s["outcome"] == "killed"] == [4]
    assert incident["district"] == "Bannu"


@pytest.mark.slow
def test_a_count_goes_to_the_incident_that_scores_it_highest(nlp):
    doc = _rule_doc(nlp)
    candidates = relation_candidates(doc)
    bannu = _bannu(doc)
    scores = numpy.asarray([c["rule"] for c in candidates], dtype="f") * 0.76 + 0.12
    for row, candidate in zip(scores, candidates):
        if doc[candidate["arg"][0] : candidate["arg"][1]].text == "nine soldiers":
            row[LABELS.index("killed")] = 0.95 if candidate["incident"] == bannu else 0.6
    apply_relation_scores(doc, candidates, scores, threshold=0.5)
    frames = doc._.incidents_frames
    holders = [i for i, f in enumerate(frames) if any(s["count"] == 9 for s in f["casualties"])]
    assert holders == [bannu]


@pytest.mark.slow
def test_gold_labels_follow_the_gold_mention_of_each_incident(nlp):
    from pipeline.training import align_frames, pair_labels

    text = (
        "QUETTA: A bomb exploded near a bus in Quetta on 3 March 2025, killing three soldiers and "
        "two civilians, including a child, police said. The blast also wounded eleven people."
    )
    doc = _rule_doc(nlp, text)
    gold = [{
        "doc_id": "t", "district": "Quetta", "province": "Balochistan", "date": "2025-03-03",
        "method": "bombing", "killed": 5, "injured": 11, "perpetrators": [],
        "evidence": ["The blast also wounded eleven people."],
    }]
    aligned = align_frames(doc, 0, gold, text)
    assert aligned and aligned[0] is gold[0]
    candidates = relation_candidates(doc)
    labels = pair_labels(doc, candidates, aligned)
    by_text = {doc[c["arg"][0] : c["arg"][1]].text: (c, row) for c, row in zip(candidates, labels)}
    # each part of a breakdown that sums to the gold figure belongs to the incident
    assert _label(by_text["three soldiers"][1], "killed") == 1.0
    assert _label(by_text["two civilians"][1], "killed") == 1.0
    assert _label(by_text["eleven people"][1], "injured") == 1.0
    # a subset ("including a child") takes the rules' decision: it never changes a figure
    subset_candidate, subset_row = by_text["a child"]
    assert subset_row == subset_candidate["rule"]
    date_row = next(row for c, row in zip(candidates, labels) if c["kind"] == "date")
    assert _label(date_row, "date") == 1.0
    # an incident that matches no gold mention is not labelled (masked in the loss)
    assert pair_labels(doc, candidates, [None] * len(aligned)) == [None] * len(candidates)


def _tiny_relation_nlp():
    """The rule pipeline plus a relation stage with a tiny tok2vec, trained a few steps on docs
    written for the test (gold: the first incident's figures are the true ones)."""
    from spacy.training import Example

    from pipeline.extraction import build
    from pipeline.training import pair_labels

    texts = [
        ("Militants attacked a police post in Lakki Marwat on 2 May 2025, killing six policemen. "
         "Two days earlier, a blast in Tank had killed three people.", 6),
        ("A suicide bomber struck a convoy in Bannu on 9 June 2025, killing seven soldiers. "
         "In April, an ambush in Karak had killed two policemen.", 7),
    ]
    fresh = build("rules")
    examples = []
    for text, killed in texts:
        doc = _rule_doc(fresh, text, "2025-06-30")
        candidates = relation_candidates(doc)
        gold = [{"district": None, "date": None, "killed": killed, "injured": None, "perpetrators": [], "evidence": [text.split(". ")[0]]}]
        aligned = [gold[0] if i == 0 else None for i in range(len(doc._.incidents_frames))]
        doc._.incidents_relation_candidates = candidates
        reference = doc.copy()
        reference._.incidents_relation_gold = pair_labels(doc, candidates, aligned)
        examples.append(Example(doc, reference))
    stage = fresh.add_pipe(
        "incidents_relations",
        config={"model": {"@architectures": "incidents.RelationModel.v1", "hidden_width": 8, "tok2vec": TINY_TOK2VEC}},
    )
    stage.initialize(lambda: examples, nlp=fresh)
    return fresh, stage, examples


@pytest.mark.slow
def test_the_stage_trains_and_runs_inside_the_pipeline(nlp, tmp_path):
    import spacy
    from thinc.api import Adam

    from pipeline.extraction import build, extract

    fresh, stage, examples = _tiny_relation_nlp()
    # untrained, the stage decides as the rules do: the output is the rule pipeline's
    text = TWO_ATTACKS
    assert [e.to_dict() for e in extract(text, PUBLISHED, nlp=fresh)] == [e.to_dict() for e in extract(text, PUBLISHED, nlp=nlp)]
    sgd = Adam(0.01)
    losses = [stage.update(examples, sgd=sgd)["incidents_relations"] for _ in range(15)]
    assert losses[-1] < losses[0]
    scores = stage.score(examples)
    assert 0.0 <= scores["rel_micro_f"] <= 1.0
    # a trained stage is saved with the pipeline and sourced back into the rule pipeline
    # as `incidents train` writes it: a pipeline holding only the stage
    trained = spacy.blank("en")
    trained.add_pipe("incidents_relations", source=fresh)
    trained.to_disk(tmp_path / "trained")

    rules_plus = build("rules")
    rules_plus.add_pipe("incidents_relations", source=spacy.load(tmp_path / "trained"), after="incidents_events")
    events = extract(text, PUBLISHED, nlp=rules_plus)
    assert events and all(e.mentions[0].evidence for e in events)


def test_unknown_mode_and_missing_trained_stage_are_clear_errors(tmp_path, monkeypatch):
    from pipeline import training
    from pipeline.extraction import build

    with pytest.raises(ValueError, match="unknown mode"):
        build("fast")
    monkeypatch.setattr(training, "trained_dir", lambda backbone: tmp_path / backbone)
    with pytest.raises(FileNotFoundError, match="incidents train --backbone tok2vec"):
        build("tok2vec")


@pytest.mark.skipif(importlib.util.find_spec("spacy_transformers") is None, reason="needs the trf extra (torch)")
@pytest.mark.slow
def test_transformer_backbone_scores_pairs_from_the_local_weights(nlp):
    from spacy.util import registry
    from thinc.api import Config

    from pipeline.training import transformer_weights_dir

    config = Config().from_str(
        f"""
[model]
@architectures = "incidents.RelationModel.v1"
hidden_width = 8

[model.tok2vec]
@architectures = "spacy-transformers.Tok2VecTransformer.v3"
name = "{transformer_weights_dir().as_posix()}"
tokenizer_config = {{"use_fast": true}}
grad_factor = 1.0

[model.tok2vec.get_spans]
@span_getters = "spacy-transformers.strided_spans.v1"
window = 128
stride = 128

[model.tok2vec.pooling]
@layers = "reduce_mean.v1"
"""
    )
    model = registry.resolve(config)["model"]
    doc = _rule_doc(nlp)
    doc._.incidents_relation_candidates = relation_candidates(doc)
    n = len(doc._.incidents_relation_candidates)
    model.initialize(X=[doc], Y=model.ops.alloc2f(n, len(LABELS)))
    scores = model.predict([doc])
    assert scores.shape == (n, len(LABELS))
    rules = numpy.asarray([c["rule"] for c in doc._.incidents_relation_candidates], dtype="f")
    # the correction starts at zero: the untrained model gives the rules' decision
    assert numpy.array_equal(scores > 0.5, rules > 0.5)


def test_relations_gold_evidence_spans_from_quotes_offsets_or_objects():
    from pipeline.training import _evidence_spans

    text = "A bomb went off in Tank. Two guards died."
    assert _evidence_spans(text, ["Two guards died."]) == [(25, 41)]
    assert _evidence_spans(text, [[0, 24]]) == [(0, 24)]
    assert _evidence_spans(text, [{"start": 25, "end": 41, "text": "Two guards died."}]) == [(25, 41)]
