"""`incidents_span_ruler`: spaCy's `span_ruler` with its plain-word token patterns matched as
phrases.

spaCy's Matcher tries every token pattern at every token, and an `IN` list is a Python call per
token and pattern; with the 169 trigger patterns and the gazetteer's ORTH patterns that was most
of the rulers' time (1.4 s of token matching per 100,000 tokens for the triggers alone, in each
of the two passes). Most of those patterns are plain words: every token one `LOWER` (or `ORTH`)
value or an `IN` list of them, no operator. Such a pattern matches exactly where one of the word
sequences it spells matches, which is what a PhraseMatcher on that attribute finds, by lookup.
So each of them goes to a PhraseMatcher of its attribute, built from the words themselves (not
re-tokenized); every other pattern stays with the Matcher. The spans are the same: SpanRuler
puts the matches of all its matchers in one set and sorts them, so which matcher found a span
makes no difference. The few patterns left to the Matcher (operators, LEMMA) each need some
word, and a text with none of those words is not given to the Matcher at all. Patterns, labels,
ids, serialization and settings are SpanRuler's.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable, Iterable

import numpy
from spacy.attrs import LEMMA, LOWER, NORM, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline.span_ruler import DEFAULT_SPANS_KEY, SpanRuler
from spacy.tokens import Doc, Span

#: token attributes a plain-word pattern may use (one per pattern)
WORD_ATTRS = ("LOWER", "ORTH")
#: a pattern spelling more word sequences than this stays with the Matcher
MAX_SEQUENCES = 512


def word_sequences(pattern) -> tuple[str, list[tuple[str, ...]]] | None:
    """(attribute, the word sequences it spells) of a plain-word token pattern; None for any
    other pattern (an operator, another attribute or predicate, mixed attributes, a LOWER
    value that is not lower-case and so never matches)."""
    if not isinstance(pattern, list) or not pattern:
        return None
    attr, choices = None, []
    for token in pattern:
        if not isinstance(token, dict) or len(token) != 1:
            return None
        (key, value), = token.items()
        key = key.upper()
        if key not in WORD_ATTRS or (attr is not None and key != attr):
            return None
        attr = key
        if isinstance(value, str):
            words = [value]
        elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            words = value["IN"]
        else:
            return None
        if not words or not all(isinstance(w, str) and w and (key != "LOWER" or w == w.lower()) for w in words):
            return None
        choices.append(list(dict.fromkeys(words)))
    count = 1
    for words in choices:
        count *= len(words)
    if count > MAX_SEQUENCES:
        return None
    return attr, list(itertools.product(*choices))


def required_words(pattern) -> tuple[str, set[str]] | None:
    """(attribute, values) of a token every match of `pattern` holds: its first token without an
    optional operator that must have one of some LOWER, ORTH, NORM or LEMMA values; None when
    there is none."""
    for token in pattern:
        if not isinstance(token, dict) or token.get("OP", token.get("op")) not in (None, "+", "1"):
            continue
        for key, value in token.items():
            key = key.upper()
            if key not in ANCHOR_ATTRS:
                continue
            if isinstance(value, str):
                return key, {value}
            if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                return key, set(value["IN"])
    return None


#: attributes `required_words` reads; LEMMA is checked only on a Doc that has lemmas
ANCHOR_ATTRS = {"LOWER": LOWER, "ORTH": ORTH, "NORM": NORM, "LEMMA": LEMMA}


class WordSpanRuler(SpanRuler):
    """SpanRuler with plain-word token patterns in phrase matchers (see the module)."""

    def clear(self) -> None:
        super().clear()
        self.word_matchers: dict[str, PhraseMatcher] = {}
        self._token_patterns: list = []
        self._anchors = None

    def add_patterns(self, patterns) -> None:
        patterns = list(patterns)
        rest = []
        for entry in patterns:
            spelled = word_sequences(entry.get("pattern"))
            if spelled is None:
                rest.append(entry)
                continue
            attr, sequences = spelled
            label = repr((entry["label"], entry.get("id", "")))
            self._match_label_id_map[self.nlp.vocab.strings.as_int(label)] = {
                "label": entry["label"],
                "id": entry.get("id", ""),
            }
            matcher = self.word_matchers.get(attr)
            if matcher is None:
                matcher = self.word_matchers[attr] = PhraseMatcher(self.nlp.vocab, attr=attr, validate=self.validate)
            matcher.add(label, [Doc(self.nlp.vocab, words=list(words)) for words in sequences])
            self._patterns.append(entry)
        if rest:
            super().add_patterns(rest)
            self._token_patterns += [entry["pattern"] for entry in rest if isinstance(entry["pattern"], list)]
            self._anchors = None
        # SpanRuler keeps its patterns in the order they were added: restore the given order
        if len(rest) != len(patterns):
            added = self._patterns[-len(patterns):]
            order = {id(entry): i for i, entry in enumerate(patterns)}
            self._patterns[-len(patterns):] = sorted(added, key=lambda entry: order.get(id(entry), len(patterns)))

    def match(self, doc: Doc):
        self._require_patterns()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            matches = list(self.matcher(doc)) if self._matcher_can_match(doc) else []
            matches += self.phrase_matcher(doc)
            for matcher in self.word_matchers.values():
                matches.extend(matcher(doc))
        deduplicated = {
            Span(
                doc,
                start,
                end,
                label=self._match_label_id_map[m_id]["label"],
                span_id=self._match_label_id_map[m_id]["id"],
            )
            for m_id, start, end in matches
            if start != end
        }
        return sorted(deduplicated)

    def _matcher_can_match(self, doc: Doc) -> bool:
        """False when no token of `doc` has a word that every match of some token pattern left
        to the Matcher needs (`required_words`): the Matcher, which tries every pattern at every
        token, would find nothing. Most texts have none of the few such words."""
        if self._anchors is None:
            anchors: dict[int, set[int]] = {}
            for pattern in self._token_patterns:
                required = required_words(pattern)
                if required is None:
                    anchors = None
                    break
                attr, values = required
                anchors.setdefault(ANCHOR_ATTRS[attr], set()).update(self.nlp.vocab.strings.add(v) for v in values)
            self._anchors = (anchors,) if anchors is not None else (None,)
        anchors = self._anchors[0]
        if anchors is None or not len(self.matcher) or (LEMMA in anchors and not doc.has_annotation("LEMMA")):
            return True  # (without lemmas the Matcher raises its own error)
        if not len(doc):
            return False
        values = doc.to_array(list(anchors))
        values = values.reshape(len(doc), len(anchors))
        return any(numpy.isin(values[:, column], list(hashes)).any() for column, hashes in enumerate(anchors.values()))

    def _remove_words(self, keep: Callable[[dict], bool]) -> None:
        for m_label, entry in self._match_label_id_map.items():
            if not keep(entry):
                name = self.nlp.vocab.strings.as_string(m_label)
                for matcher in self.word_matchers.values():
                    if name in matcher:
                        matcher.remove(name)

    def remove(self, label: str) -> None:
        super().remove(label)
        self._remove_words(lambda entry: entry["label"] != label)

    def remove_by_id(self, pattern_id: str) -> None:
        super().remove_by_id(pattern_id)
        self._remove_words(lambda entry: entry["id"] != pattern_id)


@Language.factory(
    "incidents_span_ruler",
    assigns=["doc.spans"],
    default_config={
        "spans_key": DEFAULT_SPANS_KEY,
        "spans_filter": None,
        "annotate_ents": False,
        "ents_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        "phrase_matcher_attr": None,
        "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"},
        "validate": False,
        "overwrite": True,
        "scorer": {"@scorers": "spacy.overlapping_labeled_spans_scorer.v1", "spans_key": DEFAULT_SPANS_KEY},
    },
)
def make_word_span_ruler(
    nlp: Language,
    name: str,
    spans_key: str | None,
    spans_filter: Callable[[Iterable[Span], Iterable[Span]], Iterable[Span]] | None,
    annotate_ents: bool,
    ents_filter: Callable[[Iterable[Span], Iterable[Span]], Iterable[Span]],
    phrase_matcher_attr: int | str | None,
    matcher_fuzzy_compare: Callable,
    validate: bool,
    overwrite: bool,
    scorer: Callable | None,
) -> WordSpanRuler:
    return WordSpanRuler(
        nlp,
        name,
        spans_key=spans_key,
        spans_filter=spans_filter,
        annotate_ents=annotate_ents,
        ents_filter=ents_filter,
        phrase_matcher_attr=phrase_matcher_attr,
        matcher_fuzzy_compare=matcher_fuzzy_compare,
        validate=validate,
        overwrite=overwrite,
        scorer=scorer,
    )
