"""`incidents_lemmatizer`: en_core_web_sm's rule lemmatizer, with each lemma decided once per
distinct (word, part of speech, morphology) instead of once per token.

spaCy's English rule lemmatizer gives a token a lemma that depends only on its text, its coarse
part of speech and its morphology (`EnglishLemmatizer.rule_lemmatize` and `is_base_form` read
nothing else), and it already caches its answers by that key. What it costs is the Python work
around the cache at every token - a Token object, three attribute reads, a string write - about
a twentieth of the whole pipeline's time on news. Here the keys of a whole Doc are read with one
`Doc.to_array`, the lemmas looked up in a dict, and written back with one `Doc.from_array`;
only a key seen for the first time goes through spaCy's own `lemmatize`. Every token gets the
lemma spaCy's component gives it; the lookup tables, serialization and scoring are spaCy's.

The stage is built from the sourced en_core_web_sm lemmatizer (`from_lemmatizer`, in
`pipeline.extraction.build`).
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.pipeline.lemmatizer import lemmatizer_score
from spacy.tokens import Doc

#: distinct (word, part of speech, morphology) lemmas kept before the cache starts again
MAX_CACHED = 200_000


class KeyedLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer, one dict lookup per token."""

    def __init__(self, vocab, model=None, name: str = "lemmatizer", *, mode: str = "rule", overwrite: bool = False, scorer=lemmatizer_score):
        if mode != "rule":
            raise ValueError(f"incidents_lemmatizer decides lemmas by rule only, not by {mode!r}")
        super().__init__(vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
        self._decided: dict[tuple[int, int, int], int] = {}

    @classmethod
    def from_lemmatizer(cls, nlp: Language, name: str, sourced: Lemmatizer) -> "KeyedLemmatizer":
        """Put a keyed lemmatizer with `sourced`'s lookup tables in `sourced`'s place."""
        keyed = nlp.replace_pipe(name, "incidents_lemmatizer", config={"overwrite": sourced.overwrite})
        keyed.initialize(lookups=sourced.lookups)
        return keyed

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            if not len(doc):
                return doc
            decided = self._decided
            if len(decided) > MAX_CACHED:
                decided.clear()
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3:4].copy()
            strings = self.vocab.strings
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not self.overwrite:
                    continue  # set before this stage (the attribute ruler's exceptions)
                key = (orth, pos, morph)
                value = decided.get(key)
                if value is None:
                    value = decided[key] = strings.add(self.lemmatize(doc[i])[0])
                lemmas[i, 0] = value
            doc.from_array([LEMMA], lemmas)
            return doc
        except Exception as error:
            error_handler(self.name, self, [doc], error)


@Language.factory(
    "incidents_lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "rule", "overwrite": False, "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
    default_score_weights={"lemma_acc": 1.0},
)
def make_keyed_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool, scorer) -> KeyedLemmatizer:
    return KeyedLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
