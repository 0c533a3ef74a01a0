"""Diacritics folded in token norms, so that the place ruler matches "Mardān" or "Pishīn" as the
gazetteer's "Mardan" and "Pishin".

The span ruler of entities matches on NORM; this stage runs after the statistical components
(which read the base model's own norms) and folds each token's norm to its letters without
accents. Texts and offsets are untouched: the entity keeps the spelling of the text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc


@lru_cache(maxsize=50_000)
def fold_diacritics(text: str) -> str:
    """"mardān" -> "mardan"; text without combining marks comes back as it is."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@Language.component("incidents_fold_diacritics", assigns=["token.norm"])
def fold_token_norms(doc: Doc) -> Doc:
    for token in doc:
        norm = token.norm_
        if not norm.isascii():
            token.norm_ = fold_diacritics(norm)
    return doc
