"""`incidents_attribute_ruler`: spaCy's `attribute_ruler`, with its one-token patterns decided
once per distinct (word, tag, dependency) instead of by the Matcher at every token.

en_core_web_sm's attribute ruler maps each fine-grained tag to a coarse tag and morphology, with
word exceptions: 179 patterns, tried by spaCy's Matcher at every token (with a Python call per
`IN` list), then a Span and an attribute write per match - as much CPU time as the parser (1.9 s
per 100,000 tokens). Nearly all of them are one-token patterns on the tag, the word (LOWER, ORTH,
IS_SPACE) and the dependency label, so what they write to a token depends only on its (word, tag,
dependency): that is computed the first time a combination is seen and then looked up. The
other patterns (several tokens, a REGEX) stay with a Matcher. Every token gets what spaCy's
ruler gives it: all patterns are matched against the tokens as they were before the ruler ran,
and for each attribute the last pattern that writes it wins (spaCy applies matches in pattern
order, each write replacing the one before). Patterns, serialization and scoring are spaCy's.

The stage is built from the sourced en_core_web_sm ruler (`from_ruler`, in `pipeline.extraction.build`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: token attributes a pattern may test to be decided by (word, tag, dependency)
_TESTS = {
    "TAG": lambda token: token.tag_,
    "DEP": lambda token: token.dep_,
    "LOWER": lambda token: token.lower_,
    "ORTH": lambda token: token.orth_,
    "IS_SPACE": lambda token: token.is_space,
}
#: distinct (word, tag, dependency) decisions kept before the cache starts again
MAX_CACHED = 200_000
#: token attributes written in one `Doc.from_array` (token-only attributes: what
#: `set_token_attrs` writes for them, without a Python call per token); a pattern writing any
#: other attribute makes the ruler write token by token
_ARRAY_ATTRS = (POS, TAG, DEP, LEMMA, MORPH)


def _token_tests(spec) -> list[tuple[Callable, str, object]] | None:
    """[(getter, operator, value)] of one token of a pattern on the attributes of `_TESTS`
    (equal, IN, NOT_IN, REGEX); None for anything else (an operator, another attribute)."""
    if not isinstance(spec, dict) or not spec:
        return None
    tests = []
    for key, value in spec.items():
        getter = _TESTS.get(key.upper())
        if getter is None:
            return None
        if isinstance(value, dict):
            if len(value) != 1:
                return None
            (operator, argument), = value.items()
            if operator in ("IN", "NOT_IN") and isinstance(argument, list) and all(isinstance(v, (str, bool)) for v in argument):
                tests.append((getter, operator, frozenset(argument)))
            elif operator == "REGEX" and isinstance(argument, str) and key.upper() != "IS_SPACE":
                tests.append((getter, operator, re.compile(argument)))  # as the Matcher: re.search
            else:
                return None
        elif isinstance(value, (str, bool)):
            tests.append((getter, "==", value))
        else:
            return None
    return tests


def _passes(token, tests) -> bool:
    for getter, operator, value in tests:
        actual = getter(token)
        if operator == "==":
            if actual != value:
                return False
        elif operator == "REGEX":
            if not value.search(actual):
                return False
        elif (actual in value) != (operator == "IN"):
            return False
    return True


class KeyedAttributeRuler(AttributeRuler):
    """AttributeRuler deciding what its patterns test once per (word, tag, dependency)."""

    def clear(self) -> None:
        super().clear()
        self._compiled = None

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = None

    @classmethod
    def from_ruler(cls, ruler: AttributeRuler, name: str) -> "KeyedAttributeRuler":
        new = cls(ruler.vocab, name, validate=ruler.validate, scorer=ruler.scorer)
        new.add_patterns(ruler.patterns)
        return new

    def _compile(self):
        """(one-token patterns by the tag they need, longer patterns, a Matcher for any other,
        the cache, the attributes written in one array)."""
        single, longer, rest = [], [], Matcher(self.vocab, validate=False)
        for i, entry in enumerate(self.patterns):
            alternatives = [[_token_tests(spec) for spec in pattern] if isinstance(pattern, list) else [None] for pattern in entry["patterns"]]
            if not all(tests and all(t is not None for t in tests) for tests in alternatives):
                rest.add(str(i), entry["patterns"])  # the key spaCy's ruler gives pattern i
            elif entry["index"] in (0, -1) and all(len(tests) == 1 for tests in alternatives):
                single.append((i, [tests[0] for tests in alternatives]))
            else:
                longer.extend((i, a, tests) for a, tests in enumerate(alternatives))
        written = {attr for attrs in self.attrs for attr in attrs}
        columns = [attr for attr in _ARRAY_ATTRS if attr in written] if written <= set(_ARRAY_ATTRS) else None
        # the one-token patterns a token of each tag can pass, in pattern order: most test the
        # tag, so a new (word, tag, dependency) is tried against a few patterns, not all
        tags: dict[str, list] = {}
        untagged = []
        for position, (_, alternatives) in enumerate(single):
            allowed = set()
            for tests in alternatives:
                tag_tests = [value for getter, operator, value in tests if getter is _TESTS["TAG"] and operator in ("==", "IN")]
                if not tag_tests:
                    allowed = None
                    break
                allowed |= {tag_tests[0]} if isinstance(tag_tests[0], str) else set(tag_tests[0])
            if allowed is None:
                untagged.append(position)
            else:
                for tag in allowed:
                    tags.setdefault(tag, []).append(position)
        by_tag = {tag: [single[p] for p in sorted(positions + untagged)] for tag, positions in tags.items()}
        by_tag[None] = [single[p] for p in untagged]
        self._compiled = (by_tag, longer, rest if len(rest) else None, {}, columns)
        return self._compiled

    def _decide(self, token, single: dict, longer) -> tuple[dict, list, frozenset, tuple]:
        """What the patterns make of `token` alone: the attributes the one-token patterns write
        (merged in pattern order), the (pattern index, attributes) of each, the (pattern,
        alternative, position) of the longer patterns' tokens it passes, and the (pattern,
        alternative) of those it can start."""
        candidates = single.get(token.tag_, single[None])
        writes = [(i, self.attrs[i]) for i, alternatives in candidates if any(_passes(token, tests) for tests in alternatives)]
        merged = {}
        for _, attrs in writes:
            merged.update(attrs)
        positions = frozenset(
            (i, a, j) for i, a, tests in longer for j, token_tests in enumerate(tests) if _passes(token, token_tests)
        )
        return merged, writes, positions, tuple((i, a) for i, a, j in sorted(positions) if j == 0)

    def _target(self, i: int, start: int, end: int, patterns) -> int:
        index = self.indices[i]
        target = start + index if index >= 0 else end + index
        if not start <= target < end:
            raise ValueError(Errors.E1001.format(patterns=patterns, span=[], index=index))
        return target

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            single, longer, rest, cache, columns = self._compiled or self._compile()
            if len(cache) > MAX_CACHED:
                cache.clear()
            n = len(doc)
            decided = []
            for i, key in enumerate(map(tuple, doc.to_array([ORTH, TAG, DEP]).tolist() if n else [])):
                entry = cache.get(key)
                if entry is None:
                    entry = cache[key] = self._decide(doc[i], single, longer)
                decided.append(entry)
            # matches of the longer patterns (and of any other, by the Matcher), by target token;
            # all on the tokens as they are before any write
            extra: dict[int, list] = {}
            lengths = {(i, a): len(tests) for i, a, tests in longer}
            for start, entry in enumerate(decided):
                for i, a in entry[3]:
                    end = start + lengths[i, a]
                    if end <= n and all((i, a, j - start) in decided[j][2] for j in range(start + 1, end)):
                        extra.setdefault(self._target(i, start, end, [longer]), []).append((i, self.attrs[i]))
            if rest is not None:
                for match_id, start, end in rest(doc, allow_missing=True):
                    i = int(self.vocab.strings[match_id])
                    extra.setdefault(self._target(i, start, end, rest.get(match_id)), []).append((i, self.attrs[i]))
            if columns is not None:
                values = dict(zip(columns, doc.to_array(columns).T.tolist())) if n else {}
            for i, (merged, writes, _, _) in enumerate(decided):
                if i in extra:
                    # spaCy applies the matches in pattern order, each write replacing the last
                    merged = {}
                    for _, attrs in sorted(writes + extra[i], key=lambda write: write[0]):
                        merged.update(attrs)
                if not merged:
                    continue
                if columns is None:
                    set_token_attrs(doc[i], merged)
                else:
                    for attr, value in merged.items():
                        values[attr][i] = value
            if columns is not None and n:
                doc.from_array(columns, numpy.array([values[attr] for attr in columns], dtype=numpy.uint64).T)
            return doc
        except Exception as error:
            return error_handler(self.name, self, [doc], error)


@Language.factory(
    "incidents_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_keyed_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Callable | None) -> KeyedAttributeRuler:
    return KeyedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)
