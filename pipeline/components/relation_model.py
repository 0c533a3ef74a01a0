"""The model of the trained relation stage, in the manner of spaCy's rel_component tutorial.

    docs -> backbone (tok2vec or transformer) -> one row per candidate pair:
        [mean vector of the anchor tokens | mean vector of the argument tokens | pair features]
    -> Relu -> Dropout -> Linear: a correction logit per label
    + the rules' decision as a prior logit (+prior_strength where the rules attached the
      argument with that label, -prior_strength where they did not)
    -> sigmoid: one probability per label.

The candidate pairs, their features and the rules' decision are computed from the rule stage's
output (`relations.relation_candidates`) and stored on `doc._.incidents_relation_candidates`;
the model only reads them. The correction layer starts at zero, so an untrained model decides
exactly as the rules do, and a small labelled corpus only has to teach where they go wrong,
not the whole task from scratch.

The gradient the pipe passes back is `probability - truth`, the gradient of binary
cross-entropy with respect to the logits, so the output applies no sigmoid derivative.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Dropout, Linear, Model, Relu, chain, zero_init
from thinc.types import Floats2d


@registry.architectures("incidents.RelationModel.v1")
def build_relation_model(
    tok2vec: Model[list[Doc], list[Floats2d]],
    hidden_width: int = 64,
    dropout: float = 0.1,
    prior_strength: float = 2.0,
    nO: int | None = None,
) -> Model[list[Doc], Floats2d]:
    correction = chain(build_pair_rows(tok2vec), Relu(nO=hidden_width), Dropout(dropout), Linear(nO=nO, init_W=zero_init))
    return Model(
        "incidents_relation_model",
        _with_rule_prior_forward,
        init=_with_rule_prior_init,
        layers=[correction],
        attrs={"prior_strength": prior_strength},
        dims={"nO": nO},
    )


def _rule_prior(model: Model, docs: list[Doc]) -> Floats2d:
    rows = [c["rule"] for doc in docs for c in doc._.incidents_relation_candidates or []]
    if not rows:
        return model.ops.alloc2f(0, model.get_dim("nO"))
    return (model.ops.asarray2f(rows) * 2 - 1) * model.attrs["prior_strength"]


def _with_rule_prior_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[Floats2d, Callable]:
    correction, backprop_correction = model.layers[0](docs, is_train)
    probabilities = model.ops.sigmoid(correction + _rule_prior(model, docs))

    def backprop(d_logits: Floats2d) -> list[Doc]:
        return backprop_correction(d_logits)

    return probabilities, backprop


def _with_rule_prior_init(model: Model, X: list[Doc] | None = None, Y: Floats2d | None = None) -> Model:
    if Y is not None:
        model.set_dim("nO", Y.shape[1])
    model.layers[0].initialize(X=X, Y=Y)
    return model


def build_pair_rows(tok2vec: Model[list[Doc], list[Floats2d]]) -> Model[list[Doc], Floats2d]:
    return Model(
        "incidents_pair_rows",
        _pair_rows_forward,
        init=_pair_rows_init,
        layers=[tok2vec],
        refs={"tok2vec": tok2vec},
        dims={"nO": None},
    )


def _pair_index(docs: list[Doc]) -> tuple[list[tuple[int, int, int, int, int]], list[list[float]]]:
    """(doc, anchor start, anchor end, argument start, argument end) and features of every pair."""
    index, features = [], []
    for doc_number, doc in enumerate(docs):
        for candidate in doc._.incidents_relation_candidates or []:
            anchor_start, anchor_end = candidate["anchor"]
            arg_start, arg_end = candidate["arg"]
            index.append((doc_number, anchor_start, anchor_end, arg_start, arg_end))
            features.append(candidate["features"])
    return index, features


def _pair_rows_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[Floats2d, Callable]:
    tok2vec = model.get_ref("tok2vec")
    tokvecs, backprop_tokvecs = tok2vec(docs, is_train)
    ops = model.ops
    index, features = _pair_index(docs)
    width = tokvecs[0].shape[1] if tokvecs else 0
    n_features = model.attrs["n_features"]
    rows = ops.alloc2f(len(index), 2 * width + n_features)
    for row, (doc_number, a_start, a_end, g_start, g_end) in enumerate(index):
        vectors = tokvecs[doc_number]
        rows[row, :width] = vectors[a_start:a_end].mean(axis=0)
        rows[row, width : 2 * width] = vectors[g_start:g_end].mean(axis=0)
    if index:
        rows[:, 2 * width :] = ops.asarray2f(features)

    def backprop(d_rows: Floats2d) -> list[Doc]:
        d_tokvecs = [ops.alloc2f(*vectors.shape) for vectors in tokvecs]
        for row, (doc_number, a_start, a_end, g_start, g_end) in enumerate(index):
            d_tokvecs[doc_number][a_start:a_end] += d_rows[row, :width] / (a_end - a_start)
            d_tokvecs[doc_number][g_start:g_end] += d_rows[row, width : 2 * width] / (g_end - g_start)
        return backprop_tokvecs(d_tokvecs)

    return rows, backprop


def _pair_rows_init(model: Model, X: list[Doc] | None = None, Y=None) -> Model:
    tok2vec = model.get_ref("tok2vec")
    if X is None:
        raise ValueError("the relation model is initialized from sample docs with candidates")
    tok2vec.initialize(X)
    index, features = _pair_index(X)
    if not features:
        raise ValueError("no candidate pairs in the sample docs: nothing to initialize the relation model from")
    model.attrs["n_features"] = len(features[0])
    width = tok2vec(X[:1], is_train=False)[0][0].shape[1]
    model.set_dim("nO", 2 * width + len(features[0]))
    return model
